#!/usr/bin/env bash
# The browser tests (web/test/browser.mjs): Debian's Chromium, driven by playwright-core,
# against the real server serving a synthetic LA like the demo's.
# Usage: scripts/browser-tests.sh SAFEGUARD_BINARY ARTEFACT_DIR [--timings]
set -euo pipefail
bin=$(realpath "$1")
out=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/sg-browser.XXXXXX)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

start=$(date +%s)
"$bin" generate --like Worcestershire --years 5 --seed 42 --as-of "$(date -d yesterday +%F)" \
  --demo-logins --db "$tmp/la.db" > "$tmp/generate.log"
echo "browser-tests: generated the demo LA in $(( $(date +%s) - start )) s"
# A census file to upload on the returns page: the last collection year that has ended.
y=$(date +%Y); [ "$(date +%-m)" -lt 4 ] && y=$((y - 1))
"$bin" --db "$tmp/la.db" returns cin --year "$((y - 1))-$(printf %02d $((y % 100)))" \
  --out "$tmp/cin.xml"
export SG_CIN_FILE=$tmp/cin.xml
# The scorecard follows the record within 2 s here (30 s by default), for the tile test.
"$bin" serve --db "$tmp/la.db" --port 0 --web "$root/web/dist" --scorecard-refresh 2 \
  --targets "$root/data/targets_demo.csv" > "$tmp/serve.out" 2> "$tmp/serve.log" &
server=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'http://[0-9.:]*' "$tmp/serve.out" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "browser-tests: the server did not start"; cat "$tmp/serve.log"; exit 1; }
# Let the server's warm-up (search index, scorecard figures, returns) finish first.
for _ in $(seq 1 600); do
  grep -q "warm-up done" "$tmp/serve.log" && break
  sleep 0.2
done
mkdir -p "$out"
cd "$root/web"
node test/browser.mjs "$url" "$(realpath "$out")" "$@"
