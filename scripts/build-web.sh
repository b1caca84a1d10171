#!/usr/bin/env bash
# Builds the browser application (web/ -> web/dist) with the npm packages pinned in
# web/package-lock.json; installs them first when they are missing or out of date.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/web"
# `npm install --no-save` installs exactly the versions in the lock and leaves it as it is.
# (`npm ci` would refuse it under npm 10 and later: the lock lists rollup's and esbuild's
# binaries for linux-x64 only, because the registry this project is built against serves no
# others; npm 9, Debian 12's, accepts it.)
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "build-web: installing the web packages (versions from package-lock.json)"
  npm install --no-save --no-audit --no-fund --loglevel=error
fi
npm run --silent build > /dev/null
echo "build-web: built web/dist ($(du -sh dist | cut -f1))"
