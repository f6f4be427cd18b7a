#!/usr/bin/env bash
# Run a command with DATABASE_URL pointing at a throw-away PostgreSQL cluster, and stop the cluster
# afterwards whatever the command's outcome (its exit code is kept).
set -uo pipefail
HERE="$(dirname "$0")"
url=$("$HERE/postgres.sh") || exit $?
trap '"$HERE/postgres.sh" stop' EXIT INT TERM
DATABASE_URL="$url" "$@"
