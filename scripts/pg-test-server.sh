#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server for the tests: a temporary directory, 127.0.0.1, a
# free port, run as the `postgres` user (initdb refuses root). Prints shell assignments:
#   SG_PG_DIR=...  SG_PG_PORT=...  SG_TEST_PG_URL=...
# Stop it with: scripts/pg-test-server.sh stop "$SG_PG_DIR"
set -euo pipefail

PG_BIN=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "pg-test-server: PostgreSQL 15 is not installed (run scripts/install-deps.sh)" >&2
  exit 3
fi

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "stop" ]; then
  dir=$2
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

dir=$(mktemp -d /tmp/sg-pg-XXXXXX)
chmod 755 "$dir"
mkdir -p "$dir/sock"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$dir"; fi

# A free port: ask the kernel for one.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 3; }
as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $port -k $dir/sock -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 3; }
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres safeguard_test

echo "SG_PG_DIR=$dir"
echo "SG_PG_PORT=$port"
echo "SG_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/safeguard_test"
