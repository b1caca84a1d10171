#!/usr/bin/env bash
# `make demo`: creates the demo local authority in an SQLite file (once) and serves it.
# Usage: scripts/demo.sh SAFEGUARD_BINARY DB_FILE PORT
set -euo pipefail
bin=$1
db=$2
port=$3

if [ ! -s "$db" ]; then
  echo "generating a synthetic local authority like Worcestershire (about a minute)..."
  source "$(dirname "$0")/serve-lib.sh"
  sg_demo_la "$bin" "$db" > "$db.generate.log"
  head -n 1 "$db.generate.log"
else
  echo "using the existing demo store $db (delete it for a fresh demo LA)"
  # A store made by an older Safeguard gets the newer schema (nothing in it is lost).
  "$bin" migrate --db "$db" > /dev/null
fi
echo
echo "Safeguard demo: http://127.0.0.1:$port   (all data is synthetic)"
echo "Demo logins, password \"safeguard-demo\":"
"$bin" users list --db "$db" --format table | sed 's/^/  /'
echo
echo "Open http://127.0.0.1:$port in a browser and log in as one of them: member sees the"
echo "scorecard, social.worker their caseload, front.door the Front Door queue."
echo "Stop with Ctrl-C."
exec "$bin" serve --db "$db" --port "$port" --targets "$(dirname "$0")/../data/targets_demo.csv"
