# Shared by the scripts that generate the demo LA and run `safeguard serve` against it
# (demo.sh, browser-tests.sh, bench-api.sh). Source it; it defines:
#   sg_demo_la BIN DB         the demo LA (like Worcestershire, 5 years, seed 42, to yesterday,
#                             one login per role) into DB; the generator's summary on stdout
#   sg_serve BIN DIR ARGS...  `BIN serve --port 0 ARGS...` in the background, its output in
#                             DIR; sets $server (the pid) and $url, and returns once the
#                             server's warm-up (search index, scorecard, returns) is done
#   sg_stop_server            stops it (safe to call when none was started)

sg_demo_la() {
  "$1" generate --like Worcestershire --years 5 --seed 42 --as-of "$(date -d yesterday +%F)" \
    --demo-logins --db "$2"
}

server=
url=
sg_serve() {
  local bin=$1 dir=$2
  shift 2
  "$bin" serve --port 0 "$@" > "$dir/serve.out" 2> "$dir/serve.log" &
  server=$!
  for _ in $(seq 1 100); do
    url=$(grep -o 'http://[0-9.:]*' "$dir/serve.out" || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  if [ -z "$url" ]; then
    echo "the server did not start:" >&2
    cat "$dir/serve.log" >&2
    return 1
  fi
  for _ in $(seq 1 900); do
    grep -q "warm-up done" "$dir/serve.log" && return 0
    sleep 0.2
  done
}

sg_stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
}
