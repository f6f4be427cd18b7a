#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster on loopback for the test suite and print its DATABASE_URL.
# Installs PostgreSQL from Debian when it is missing (needs root). initdb refuses to run as
# root, so the cluster belongs to the `postgres` user. Stop it with: scripts/postgres.sh stop
set -euo pipefail
. "$(dirname "$0")/debian-install.sh"
PORT="${OMDOME_PG_PORT:-54329}"
DIR="${OMDOME_PG_DIR:-/tmp/omdome-pg-$PORT}"

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$bin" ] && echo "$bin"
}

as_postgres() {
    if [ "$(id -un)" = postgres ] || [ "$(id -u)" != 0 ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

if [ "${1:-start}" = stop ]; then
    BIN=$(pg_bin) && as_postgres "$BIN/pg_ctl" -D "$DIR" -m immediate stop >/dev/null 2>&1 || true
    exit 0
fi

if [ -z "$(pg_bin)" ]; then
    debian_install PostgreSQL postgresql
fi
BIN=$(pg_bin)

if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
    as_postgres "$BIN/initdb" -D "$DIR" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! as_postgres "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
    as_postgres "$BIN/pg_ctl" -D "$DIR" -w -l "$DIR/server.log" \
        -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PORT/omdome"
