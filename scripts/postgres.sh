#!/usr/bin/env bash
# start DIR | stop DIR : a throwaway PostgreSQL cluster on 127.0.0.1:${PGPORT:-54329} for the tests.
# initdb refuses to run as root, so the server runs as the postgres user when we are root.
set -euo pipefail
cmd=$1; dir=$2; port=${PGPORT:-54329}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
case "$cmd" in
  start)
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$PGBIN/initdb -D '$dir/data' -U app --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    as_pg "$PGBIN/pg_ctl -D '$dir/data' -l '$dir/server.log' -o '-p $port -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c max_connections=200' -w start >/dev/null"
    as_pg "$PGBIN/createdb -h 127.0.0.1 -p $port -U app reviewtest"
    echo "postgresql+psycopg://app@127.0.0.1:$port/reviewtest"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl -D '$dir/data' -m fast stop >/dev/null" || true
    ;;
esac
