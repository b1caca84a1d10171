#!/usr/bin/env bash
# Runs the benchmarks against SQLite and a PostgreSQL 15 server started here, then prints each
# SQLite/PostgreSQL pair side by side with the ratio; then the generation benchmarks
# (scripts/bench-generate.py; SG_BENCH_QUICK=1 for the short form), the CIN census validator
# (scripts/bench-cin.py) and the SSDA903 validator (scripts/bench-903.py).
# Usage: scripts/run-bench.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)

eval "$("$root/scripts/pg-test-server.sh")"
trap '"$root/scripts/pg-test-server.sh" stop "$SG_PG_DIR"; rm -rf /tmp/sgbench-*' EXIT
export SG_BENCH_PG_URL=$SG_TEST_PG_URL
echo "run-bench: SQLite $(sqlite3 --version | cut -d' ' -f1) vs $(psql "$SG_BENCH_PG_URL" -tAc 'SHOW server_version' | xargs echo PostgreSQL)"
out=$(mktemp)
"$root/$build/safeguard_bench" --benchmark_format=console --benchmark_out="$out" \
  --benchmark_out_format=json
python3 - "$out" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
rate = {r["name"]: r.get("items_per_second") for r in runs if "error_message" not in r}
print("\nthroughput, SQLite vs PostgreSQL (items/s; ratio = SQLite / PostgreSQL)")
for name, v in rate.items():
    if "/sqlite" not in name:
        continue
    pg = rate.get(name.replace("/sqlite", "/postgres"))
    label = name.replace("/sqlite", "")
    if v and pg:
        print(f"  {label:40s} sqlite {v:12,.0f}   postgres {pg:12,.0f}   ratio {v/pg:6.2f}")
PY
rm -f "$out"

# Generation: a large county and all of England, through the real binary (peak memory per run);
# England's files are kept for the CIN census benchmark, which joins them into a national file.
england=$(mktemp -d /tmp/sgbench-england-XXXX)
python3 "$root/scripts/bench-generate.py" "$root/$build" ${SG_BENCH_QUICK:+--quick} --keep "$england"
python3 "$root/scripts/bench-cin.py" "$root/$build" --england "$england"
rm -rf "$england"
python3 "$root/scripts/bench-903.py" "$root/$build"
# A large county (Kent, 5 years), generated once for the three benchmarks after.
kent=$(mktemp -d /tmp/sgbench-kent-XXXX)
start=$(date +%s)
"$root/$build/safeguard" --db "$kent/la.db" generate --like Kent --years 5 > /dev/null
echo "run-bench: generated Kent (5 years) in $(( $(date +%s) - start )) s"
# The indicator engine: the full scorecard for the county from SQLite, and plain SQL beside it;
# with SG_BENCH_ENGLAND=1 also all of England at a tenth of its volume (13 minutes to generate).
python3 "$root/scripts/bench-indicators.py" "$root/$build" --db "$kent/la.db"
# The bulk case review of every open and recently closed case in the county; the audit summary,
# the plan and the board report.
python3 "$root/scripts/bench-case-review.py" "$root/$build" --db "$kent/la.db"
python3 "$root/scripts/bench-quality.py" "$root/$build" --db "$kent/la.db"
rm -rf "$kent"
if [ -n "${SG_BENCH_ENGLAND:-}" ]; then
  python3 "$root/scripts/bench-indicators.py" "$root/$build" --like England --scale 0.1 --no-sql
fi
# The web application: the JSON API under 32 concurrent clients (wrk), then how long each page
# of the demo LA takes to become usable in Chromium.
bash "$root/scripts/bench-api.sh" "$root/$build/safeguard"
bash "$root/scripts/browser-tests.sh" "$root/$build/safeguard" "$root/$build/browser-timings" --timings
