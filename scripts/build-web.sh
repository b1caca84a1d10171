#!/usr/bin/env bash
# Builds the browser application (web/ -> web/dist) with the npm packages pinned in
# web/package-lock.json; installs them first when they are missing or out of date.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/web"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "build-web: installing the web packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build > /dev/null
echo "build-web: built web/dist ($(du -sh dist | cut -f1))"
