#!/usr/bin/env bash
# The JSON API behind the pages under load: 32 concurrent clients on 127.0.0.1 (wrk), reads
# and writes mixed (about 1 request in 10 records a visit), against the demo LA; prints the
# latency percentiles and p99 against the 100 ms target. Then the browser page timings.
# Usage: scripts/bench-api.sh SAFEGUARD_BINARY [DB]   (DB: an existing demo LA store)
set -euo pipefail
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/sgbench-api.XXXXXX)
source "$root/scripts/serve-lib.sh"
# SG_KEEP=DIR: keep the server's log and the wrk script there (to study a run).
trap 'sg_stop_server; [ -n "${SG_KEEP:-}" ] && cp "$tmp/serve.log" "$tmp/mix.lua" "$SG_KEEP"; rm -rf "$tmp"' EXIT
db=${2:-}
if [ -z "$db" ]; then
  db=$tmp/la.db
  sg_demo_la "$bin" "$db" > /dev/null
fi
threads=${SG_BENCH_SERVER_THREADS:-32}
workers=${SG_BENCH_SERVER_WORKERS:-0}  # requests handled at once (0: the server's default)
# SG_BENCH_NO_WRITES=1: reads only (to tell the cost of the writes apart).
writes=$([ -n "${SG_BENCH_NO_WRITES:-}" ] && echo false || echo true)
sg_serve "$bin" "$tmp" --db "$db" --threads "$threads" --workers "$workers" --web "$root/web/dist"
cookie=$(curl -s -i -H 'Content-Type: application/json' \
  -d '{"username":"social.worker","password":"safeguard-demo"}' "$url/api/login" |
  grep -i '^set-cookie:' | sed 's/^[^:]*: *//; s/;.*//')
children=$(curl -s -b "$cookie" "$url/api/my-work" | python3 -c '
import json, sys
print(",".join(str(c["child_id"]) for c in json.load(sys.stdin)["children"]))')
[ -n "$children" ] || { echo "bench-api: the demo social worker has no caseload"; exit 1; }
# The scorecard page's own question: 24 months to the end of this month.
month=$(date +%Y-%m-01)
scorecard="monthly=$(date -d "$month -23 months" +%F)..$(date -d "$month +1 month -1 day" +%F)"
cat > "$tmp/mix.lua" <<LUA
-- A social worker's day: caseload, children's records and due dates, search, the scorecard,
-- the Front Door queue, and visits recorded (writes).
local children = { $children }
local names = { "smith", "jones 2015", "ada", "pelcroft", "williams", "brown 04/03/2016" }
local today = os.date("%Y-%m-%d")
wrk.headers["Cookie"] = "$cookie"
local n = 0
request = function()
  n = n + 1
  local c = children[(n % #children) + 1]
  local k = n % 10
  if k == 0 and $writes then
    return wrk.format("POST", "/api/visits", { ["Content-Type"] = "application/json", ["Cookie"] = "$cookie" },
      '{"child_id":' .. c .. ',"visit_type":"CIN","visit_date":"' .. today .. '","child_seen":true}')
  elseif k == 1 or k == 2 then return wrk.format("GET", "/api/children/" .. c .. "/due")
  elseif k == 3 then return wrk.format("GET", "/api/children/" .. c .. "/record")
  elseif k == 4 or k == 5 then return wrk.format("GET", "/api/search/children?q=" .. names[(n % #names) + 1]:gsub(" ", "%%20"))
  elseif k == 6 then return wrk.format("GET", "/api/indicators?$scorecard")
  elseif k == 7 then return wrk.format("GET", "/api/front-door/queue")
  elseif k == 8 then return wrk.format("GET", "/api/children/" .. c)
  else return wrk.format("GET", "/api/my-work") end
end
-- SG_THINK_MS: each client pauses this long between requests (0: as fast as it can).
local think = tonumber(os.getenv("SG_THINK_MS") or "0")
delay = function() return think end
local errors = 0
response = function(status) if status >= 400 then errors = errors + 1 end end
done = function(summary, latency, requests)
  local p99 = latency:percentile(99) / 1000
  io.write(string.format("bench-api: %d requests, %.0f/s; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (target 100 ms: p99 / target %.2f); %d non-2xx (this thread)\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, p99, latency:percentile(99.9) / 1000, latency.max / 1000,
    p99 / 100, errors))
end
LUA
echo "bench-api: 32 connections, 2 wrk threads, 20 s, server threads $threads, workers $workers (0: twice the cores), against $url"
echo "bench-api: saturated: every client sends its next request as soon as it has an answer"
SG_THINK_MS=0 wrk -t2 -c32 -d20s --latency -s "$tmp/mix.lua" "$url" |
  grep -E "requests in|Non-2xx|bench-api|50%|90%|99%"
echo "bench-api: paced: every client pauses 100 ms between requests (still far busier than people)"
SG_THINK_MS=100 wrk -t2 -c32 -d20s --latency -s "$tmp/mix.lua" "$url" |
  grep -E "requests in|Non-2xx|bench-api|50%|90%|99%"
