#!/usr/bin/env python3
"""Benchmark of the bulk case review: every open case and every case closed in the last 6
months of a synthetic large county (Kent, 5 years) rated for drift from its SQLite store,
through the real binary (`safeguard case-review`), best of N runs; target 2 seconds.

Beside it, one of the rules written as a plain SQL query on the same database (open cases with
no worker allocated), timed, and its count compared with the review's: the SQL is the peer for
the ratio, and a check that the review counts what it says.

Usage: scripts/bench-case-review.py BUILD_DIR --db PATH [--as-of YYYY-MM-DD] [--runs 3]
"""
import argparse
import csv
import io
import os
import sqlite3
import subprocess
import sys
import time

UNALLOCATED = """
SELECT count(DISTINCT r.child_id) FROM referrals r
WHERE r.referral_date <= :d AND (r.closure_date IS NULL OR r.closure_date > :d)
  AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.child_id = r.child_id
                  AND a.start_date <= :d AND (a.end_date IS NULL OR a.end_date >= :d))"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--db", required=True)
    ap.add_argument("--as-of", help="default: the day of the store's latest referral")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    binary = os.path.join(args.build, "safeguard")
    if not args.as_of:
        args.as_of = sqlite3.connect(args.db).execute(
            "SELECT max(referral_date) FROM referrals").fetchone()[0]
    cmd = [binary, "case-review", "--db", args.db, "--as-of", args.as_of, "--format", "csv"]
    best, out = None, ""
    for _ in range(args.runs):
        start = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if r.returncode != 0:
            sys.exit("bench-case-review: " + r.stderr.strip())
        if best is None or wall < best:
            best, out = wall, r.stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    children = {r["child_id"] for r in rows}
    summary = subprocess.run(cmd[:-2], check=True, capture_output=True, text=True).stdout
    print("bench-case-review: " + summary.splitlines()[0])
    print(f"case review, every open and recently closed case: {best:.2f} s wall, best of "
          f"{args.runs} ({len(children):,} cases flagged, {len(rows):,} findings); "
          f"target 2 s: time / target {best / 2:.2f}")

    con = sqlite3.connect(args.db)
    sql_best, count = None, None
    for _ in range(args.runs):
        start = time.perf_counter()
        count = con.execute(UNALLOCATED, {"d": args.as_of}).fetchone()[0]
        wall = time.perf_counter() - start
        sql_best = wall if sql_best is None else min(sql_best, wall)
    ours = len({r["child_id"] for r in rows if r["rule"] == "unallocated"})
    print(f"plain SQL, one rule (open cases with no worker): {sql_best:.2f} s, {count:,} cases "
          f"(the review: {ours:,}); the whole review / one rule in SQL: {best / sql_best:.1f}")
    if count != ours:
        print("bench-case-review: the SQL and the review disagree on unallocated cases")
        sys.exit(1)


if __name__ == "__main__":
    main()
