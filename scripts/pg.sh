#!/usr/bin/env bash
# Starts a throw-away PostgreSQL (Debian's package) on a loopback port for the storage tests.
#   scripts/pg.sh start DIR PORT   → prints the admin URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg.sh stop DIR
# As root, the server runs as the `postgres` user (initdb refuses root).
set -euo pipefail
cmd="$1"; dir="$2"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    port="$3"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_pg "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: pg.sh start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
