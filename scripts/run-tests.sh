#!/usr/bin/env bash
# Runs every test: the C++ unit tests and the storage conformance suite (built with ASan and
# UBSan) against SQLite and a PostgreSQL 15 server started here, and the end-to-end tests of the
# real binary (HTTP on port 0, the CLI), then the browser tests against the optimised build.
# Usage: scripts/run-tests.sh ASAN_BUILD_DIR [RELEASE_BUILD_DIR]
set -euo pipefail
build=${1:-build-asan}
release=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)

eval "$("$root/scripts/pg-test-server.sh")"
trap '"$root/scripts/pg-test-server.sh" stop "$SG_PG_DIR"' EXIT
export SG_TEST_PG_URL
echo "run-tests: PostgreSQL test server: $(psql "$SG_TEST_PG_URL" -tAc 'SELECT version()')"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$root/$build"
ctest --output-on-failure -j "$(nproc)" --timeout 600

if [ -n "$release" ]; then
  echo "run-tests: browser tests (Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'))"
  bash "$root/scripts/browser-tests.sh" "$root/$release/safeguard" "$root/$release/browser-artefacts"
fi
