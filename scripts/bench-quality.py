#!/usr/bin/env python3
"""Benchmark of the quality reports on a synthetic large county (Kent, 5 years) from its SQLite
store, through the real binary, best of N runs each:

- `safeguard audits` (a year's case file audits: grades by theme and month, moderation, actions),
  beside the year's grade mix as one plain SQL query (the peer for the ratio, and a check: the
  two must count the same audits and grades);
- `safeguard plan` (the improvement plan rated, its indicator measures computed month by month);
- `safeguard board-report` as a PDF and as HTML (the headline figures, charts, audits, plans).

Usage: scripts/bench-quality.py BUILD_DIR --db PATH [--as-of YYYY-MM-DD] [--runs 3]
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

GRADES = """
SELECT grade, count(*) FROM case_audits
WHERE audit_date BETWEEN :f AND :t AND moderates_id IS NULL GROUP BY grade"""


def best_of(runs, cmd):
    best, out = None, None
    for _ in range(runs):
        start = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if r.returncode != 0:
            sys.exit("bench-quality: " + " ".join(cmd[1:3]) + ": " + r.stderr.strip())
        if best is None or wall < best:
            best, out = wall, r.stdout
    return best, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--db", required=True)
    ap.add_argument("--as-of", help="default: the day of the store's latest referral")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    binary = os.path.join(args.build, "safeguard")
    con = sqlite3.connect(args.db)
    if not args.as_of:
        args.as_of = con.execute("SELECT max(referral_date) FROM referrals").fetchone()[0]
    y, m, d = (int(x) for x in args.as_of.split("-"))
    start = f"{y - 1:04d}-{m:02d}-{d:02d}"
    period = f"{start}..{args.as_of}"

    wall, out = best_of(args.runs, [binary, "audits", "--db", args.db, "--period", period,
                                    "--as-of", args.as_of, "--format", "json"])
    s = json.loads(out)
    mod = s["moderation"]
    print(f"audits, {period}: {wall:.2f} s wall, best of {args.runs} ({s['audits']:,} audits, "
          f"{mod['pairs']} moderated, agreement {mod['agreement_pct'] or 0:.0f}%, "
          f"kappa {mod['kappa'] or 0:.2f}; {s['actions']['overdue']:,} actions overdue)")
    sql_best, mix = None, {}
    for _ in range(args.runs):
        t0 = time.perf_counter()
        mix = dict(con.execute(GRADES, {"f": start, "t": args.as_of}).fetchall())
        t = time.perf_counter() - t0
        sql_best = t if sql_best is None else min(sql_best, t)
    ours = s["overall"]
    theirs = {"outstanding": mix.get("OUTSTANDING", 0), "good": mix.get("GOOD", 0),
              "requires_improvement": mix.get("REQUIRES_IMPROVEMENT", 0),
              "inadequate": mix.get("INADEQUATE", 0)}
    print(f"plain SQL, the year's grade mix alone: {sql_best * 1000:.1f} ms; "
          f"the whole summary / the grade mix in SQL: {wall / sql_best:.0f}")
    if any(ours[k] != v for k, v in theirs.items()):
        sys.exit(f"bench-quality: the SQL and the summary disagree: {theirs} against {ours}")

    wall, out = best_of(args.runs, [binary, "plan", "--db", args.db, "--as-of", args.as_of,
                                    "--format", "json"])
    plans = json.loads(out)
    measures = sum(len(p["measures"]) for p in plans)
    print(f"plan, {len(plans)} plan(s) rated with {measures} measures: {wall:.2f} s wall "
          f"(most of it reading the facts the indicator measures need)")

    with tempfile.TemporaryDirectory() as tmp:
        for ext in ("pdf", "html"):
            path = os.path.join(tmp, "board." + ext)
            wall, _ = best_of(args.runs, [binary, "board-report", "--db", args.db, "--period",
                                          period, "--as-of", args.as_of, "--out", path])
            print(f"board report as {ext.upper()}: {wall:.2f} s wall, "
                  f"{os.path.getsize(path) / 1024:.0f} KB")


if __name__ == "__main__":
    main()
