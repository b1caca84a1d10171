#!/usr/bin/env bash
# Installs everything Safeguard needs to build, test and run on Debian 12, and nothing else.
# Idempotent: packages already present are left alone; a second run does nothing.
# Usage: scripts/install-deps.sh [--with-browser]   (run as root, or with sudo available)
set -euo pipefail

# Every Debian package the build, the tests and the demo use, with why.
PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git   # toolchain
  clang-format clang-tidy                                  # style checks (make format / lint)
  libgtest-dev libgmock-dev libbenchmark-dev               # unit tests, benchmarks
  libsqlite3-dev sqlite3                                   # embedded store
  libpq-dev postgresql-15 postgresql-client-15             # production store + test server
  libcpp-httplib-dev libssl-dev zlib1g-dev                 # HTTP server (httplib links them)
  nlohmann-json3-dev                                       # JSON in the API layer
  libsodium-dev                                            # argon2id password hashes, tokens
  libcli11-dev                                             # the safeguard command line
  libspdlog-dev libfmt-dev                                 # logging
  libxml2-dev libxml2-utils                                # returns XML; xmllint: bench baseline
  libxlsxwriter-dev                                        # Ofsted Annex A workbook (.xlsx)
  libcairo2-dev libfontconfig-dev fonts-dejavu-core        # board report PDF and its charts
  poppler-utils                                            # pdftoppm/pdftotext: report tests
  curl procps util-linux python3 unzip                     # test scripts (curl, kill, runuser, unzip -t)
  iproute2                                                 # ss: the server's listen queue (HTTP test)
  chromium                                                 # browser tests (driven by playwright-core)
  wrk                                                      # make bench: the API under 32 clients
)

need_root() { if [ "$(id -u)" -ne 0 ]; then echo "sudo"; fi; }
SUDO=$(need_root)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all Debian packages present"
fi

# Node.js for the web build: Debian's own nodejs/npm only when no node is on the PATH.
if ! command -v node >/dev/null 2>&1; then
  echo "install-deps: installing Debian nodejs and npm"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
