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
source "$root/scripts/serve-lib.sh"
trap 'sg_stop_server; rm -rf "$tmp"' EXIT

start=$(date +%s)
sg_demo_la "$bin" "$tmp/la.db" > "$tmp/generate.log"
echo "browser-tests: generated the demo LA in $(( $(date +%s) - start )) s"
# A census file to upload on the returns page: the last collection year that has ended.
y=$(date +%Y); [ "$(date +%-m)" -lt 4 ] && y=$((y - 1))
"$bin" --db "$tmp/la.db" returns cin --year "$((y - 1))-$(printf %02d $((y % 100)))" \
  --out "$tmp/cin.xml"
export SG_CIN_FILE=$tmp/cin.xml
# The scorecard follows the record within 2 s here (30 s by default), for the tile test.
sg_serve "$bin" "$tmp" --db "$tmp/la.db" --web "$root/web/dist" --scorecard-refresh 2 \
  --targets "$root/data/targets_demo.csv"
mkdir -p "$out"
cd "$root/web"
node test/browser.mjs "$url" "$(realpath "$out")" "$@"
