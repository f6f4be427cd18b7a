#!/usr/bin/env bash
# What the browser tests need on this machine: Debian's Chromium and the axe-core rules (npm).
# Installs Chromium with apt when it is missing (needs root); nothing is downloaded at test time.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/debian-install.sh
if ! command -v chromium >/dev/null 2>&1; then
    debian_install Chromium chromium fonts-dejavu-core
fi
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error >&2
fi
