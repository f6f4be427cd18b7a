#!/usr/bin/env bash
# What the browser tests need on this machine: Debian's Chromium and the axe-core rules (npm).
# Installs Chromium with apt when it is missing (needs root); nothing is downloaded at test time.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then
        echo "Chromium is not installed; install Debian's chromium package (as root) first." >&2
        exit 1
    fi
    echo "installing Chromium from Debian…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
fi
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error >&2
fi
