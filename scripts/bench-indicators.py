#!/usr/bin/env python3
"""Benchmark of the indicator engine: the full scorecard (every indicator, 60 months, by team)
for a synthetic large county (Kent, 5 years) from its SQLite store, and the same figures for
a set of indicators written as plain SQL on the same database, timed side by side.

The SQL results are also compared with Safeguard's, cell for cell (month, team, numerator,
denominator): a benchmark that computed something else would be no comparison.

Usage: scripts/bench-indicators.py BUILD_DIR [--db PATH] [--like Kent] [--scale 1] [--runs 3]
              [--no-sql]
The store is generated (about 4 minutes for Kent; England at --scale 0.1 about 13 minutes and
6.5 GB) unless --db names an existing one.
"""
import argparse
import csv
import io
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

FROM, TO = "2020-04-01", "2025-03-31"

# The team of the child's allocation open on a day (latest started; the worker's team when the
# allocation names none), as the engine's breakdown by team defines it.
TEAM_AT = """
  (SELECT COALESCE(a.team_id, w.team_id) FROM allocations a LEFT JOIN workers w ON w.id = a.worker_id
    WHERE a.child_id = {child} AND a.start_date <= {day}
      AND (a.end_date IS NULL OR a.end_date >= {day})
    ORDER BY a.start_date DESC, a.id DESC LIMIT 1)"""

MONTHS = f"""WITH RECURSIVE months(m, e) AS (
  SELECT '{FROM[:7]}', date('{FROM}', '+1 month', '-1 day')
  UNION ALL SELECT substr(date(m || '-01', '+1 month'), 1, 7), date(m || '-01', '+2 month', '-1 day')
  FROM months WHERE m < '{TO[:7]}')"""


def flow(table, day, where="1", num="1"):
    team = TEAM_AT.format(child="x.child_id", day=f"x.{day}")
    return f"""SELECT substr(x.{day}, 1, 7), {team}, sum({num}), count(*) FROM {table} x
      WHERE x.{day} BETWEEN '{FROM}' AND '{TO}' AND {where} GROUP BY 1, 2"""


SQL = {
    # flows: counted in the month of their date, in the team of the child's allocation then
    "referrals": flow("referrals", "referral_date"),
    "referral_nfa_pct": flow("referrals", "referral_date", num="x.nfa"),
    "s47_started": flow("s47_enquiries", "start_date"),
    "cp_started": flow("cp_plans", "start_date"),
    "cp_subsequent_pct": flow("cp_plans", "start_date", num="(x.previous_plans > 0)"),
    # assessments: in the team of the worker who did them
    "assessments_completed": f"""SELECT substr(x.authorised_date, 1, 7), w.team_id, count(*), count(*)
      FROM assessments x LEFT JOIN workers w ON w.id = x.worker_id
      WHERE x.authorised_date BETWEEN '{FROM}' AND '{TO}' GROUP BY 1, 2""",
    # stocks: on each month's last day
    "cin_at_end": MONTHS + f"""
      SELECT months.m, {TEAM_AT.format(child="x.child_id", day="months.e")}, count(*), count(*)
      FROM months JOIN referrals x ON x.referral_date <= months.e
        AND (x.closure_date IS NULL OR x.closure_date > months.e) AND x.nfa = 0
      GROUP BY 1, 2""",
    "cla_at_end": MONTHS + f"""
      SELECT m, {TEAM_AT.format(child="c", day="e")}, count(*), count(*) FROM (
        SELECT DISTINCT months.m AS m, months.e AS e, x.child_id AS c FROM months
        JOIN cla_episodes x ON x.start_date <= months.e
          AND (x.end_date IS NULL OR x.end_date > months.e) AND x.legal_status NOT IN ('V3', 'V4'))
      GROUP BY 1, 2""",
}
# Counts carry no denominator in Safeguard's output.
COUNTS = {"referrals", "s47_started", "cp_started", "assessments_completed", "cin_at_end",
          "cla_at_end"}


def run_safeguard(binary, db, extra, runs):
    best = None
    out = None
    walls = []
    for _ in range(runs):
        env = dict(os.environ, SG_TIMING="1")
        start = time.perf_counter()
        p = subprocess.run([binary, "--db", db, "indicators", "--monthly", f"{FROM}..{TO}",
                            "--by", "team", "--format", "csv"] + extra,
                           capture_output=True, text=True, env=env, check=True)
        wall = time.perf_counter() - start
        timing = [l for l in p.stderr.splitlines() if l.startswith("timing:") and "compute" in l]
        walls.append(wall)
        if best is None or wall < best[0]:
            best = (wall, timing[0][len("timing: "):] if timing else "")
            out = p.stdout
    walls.sort()
    return (best[0], best[1] + f"; median of {runs} {walls[len(walls) // 2]:.2f} s"), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--db")
    ap.add_argument("--like", default="Kent")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scale", default="1")
    ap.add_argument("--no-sql", action="store_true", help="the full scorecard only")
    args = ap.parse_args()
    binary = os.path.join(args.build, "safeguard")
    tmp = None
    db = args.db
    if not db:
        tmp = tempfile.mkdtemp(prefix="sgbench-ind-")
        db = os.path.join(tmp, "la.db")
        start = time.perf_counter()
        subprocess.run([binary, "--db", db, "generate", "--like", args.like, "--years", "5",
                        "--scale", args.scale], check=True, capture_output=True)
        print(f"bench-indicators: generated {args.like} (5 years, scale {args.scale}) in "
              f"{time.perf_counter() - start:.0f} s")
    con = sqlite3.connect(db)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("children", "contacts", "referrals", "visits", "allocations",
                        "cla_episodes")}
    print("bench-indicators: store " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))

    (wall, timing), out = run_safeguard(binary, db, [], args.runs)
    rows = sum(1 for _ in io.StringIO(out)) - 1
    print(f"full scorecard, every indicator x 60 months x team: {wall:.2f} s wall, best of "
          f"{args.runs} ({timing}; {rows:,} rows of CSV)")

    if args.no_sql:
        if tmp:
            subprocess.run(["rm", "-rf", tmp])
        return
    ids = list(SQL)
    (sg_wall, sg_timing), out = run_safeguard(binary, db, ["--only", ",".join(ids)], args.runs)
    teams = {str(r[0]): r[1] for r in con.execute("SELECT id, name FROM teams")}
    ours = {}
    for r in csv.DictReader(io.StringIO(out)):
        if r["group"] == "All":
            continue
        ours[(r["indicator"], r["period"], r["group"])] = (float(r["numerator"]),
                                                          float(r["denominator"]))
    sql_total = 0.0
    mismatches = 0
    for ind, sql in SQL.items():
        best = None
        for _ in range(args.runs):
            start = time.perf_counter()
            res = con.execute(sql).fetchall()
            t = time.perf_counter() - start
            best = t if best is None or t < best else best
        sql_total += best
        theirs = {}
        for month, team, num, den in res:
            label = teams.get(str(team), "No team") if team is not None else "No team"
            key = (ind, month, label)
            n, d = theirs.get(key, (0.0, 0.0))
            theirs[key] = (n + float(num), d + (0.0 if ind in COUNTS else float(den)))
        mine = {k: v for k, v in ours.items() if k[0] == ind and (v[0] or v[1])}
        bad = [k for k in set(mine) | set(theirs)
               if mine.get(k, (0.0, 0.0)) != theirs.get(k, (0.0, 0.0))]
        mismatches += len(bad)
        print(f"  {ind:24s} SQL {best:7.2f} s   {len(theirs):6,} cells"
              f"{'' if not bad else f'   {len(bad)} cells DIFFER, e.g. {sorted(bad)[0]}'}")
    print(f"same {len(ids)} indicators x 60 months x team: Safeguard {sg_wall:.2f} s wall "
          f"({sg_timing}), plain SQL {sql_total:.2f} s; ratio SQL / Safeguard "
          f"{sql_total / sg_wall:.1f}x")
    if mismatches:
        print(f"bench-indicators: {mismatches} cells differ between SQL and Safeguard")
        sys.exit(1)
    if tmp:
        subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
