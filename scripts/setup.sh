#!/usr/bin/env bash
# Installs what sitrep needs to build and test, and nothing it already has.
# Debian packages: installed with apt-get when running as root; otherwise the exact
# command is printed and setup stops (exit 1). npm data packages (when a stage needs
# them) go into third_party/npm/, which git ignores; scripts/setup-npm.sh installs
# Debian's nodejs and npm itself, only when no npm is on the PATH (a machine may have
# node from elsewhere, whose npm would clash with Debian's package).
set -euo pipefail
cd "$(dirname "$0")/.."

# One package a line: name, then why (the README lists the same).
DEBIAN_PACKAGES=(
  cmake              # build generator
  ninja-build        # fast builds
  g++                # C++20 compiler
  pkg-config         # finds gumbo and friends
  libicu-dev         # Unicode: NFC normalisation, case folding, character classes
  libgumbo-dev       # HTML5 parsing, as browsers do it
  libsimdjson-dev    # JSON Lines input; also fast UTF-8 validation
  libsqlite3-dev     # the store
  libcli11-dev       # command line
  libfmt-dev         # formatting
  zlib1g-dev         # gzip input
  libzstd-dev        # zstd input
  libxxhash-dev      # content hashes for document ids
  nlohmann-json3-dev # writing JSON output (reading is simdjson)
  libgtest-dev       # unit tests
  libgmock-dev       # matchers for unit tests
  libbenchmark-dev   # benchmarks
  chromium           # headless browser: the report test opens report.html in it
)

missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "setup: missing Debian packages. Run as root:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

if [ -x scripts/setup-npm.sh ]; then
  scripts/setup-npm.sh
fi
echo "setup: ok"
