#!/usr/bin/env bash
# What the e-mail channel's tests need on this machine: Debian's Dovecot IMAP server (the tests
# start their own instance on a free port with a throw-away mailbox; the system service is left off).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/debian-install.sh
if ! command -v dovecot >/dev/null 2>&1; then
    debian_install "the Dovecot IMAP server" dovecot-imapd
fi
