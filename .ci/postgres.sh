#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the store tests.
#
#   eval "$(bash .ci/postgres.sh)"         # start; exports NEWSWEAVE_TEST_PG_URL and NEWSWEAVE_TEST_PG_DATA
#   eval "$NEWSWEAVE_TEST_PG_STOP"         # stop it and remove its files (= postgres.sh stop DIR)
#
# Installs Debian's postgresql when no server binaries are found (needs root and
# apt), initialises a cluster in a temporary folder owned by the postgres user,
# starts it on a free loopback port (no TCP on other addresses), creates the
# database newsweave_test and prints the export lines on stdout (the URL, the
# cluster's folder and the command that stops it); everything else
# goes to stderr.  Exits non-zero when no server could be started, so callers can
# write `eval "$(bash .ci/postgres.sh)" || true` and let the PostgreSQL tests skip.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

find_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ "${1:-}" = "stop" ]; then
    dir="${2:?usage: postgres.sh stop DATA_DIR}"
    bin="$(find_bin)"
    if [ -n "$bin" ] && [ -d "$dir/data" ]; then
        as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    case "$dir" in /tmp/newsweave-pg.*) rm -rf "$dir" ;; esac
    exit 0
fi

bin="$(find_bin)"
if [ -z "$bin" ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        log "no PostgreSQL server binaries and no way to install them (needs root and apt-get)"
        exit 1
    fi
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q postgresql >&2
    bin="$(find_bin)"
    [ -n "$bin" ] || { log "postgresql installed but no server binaries found"; exit 1; }
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    log "no postgres user to run the server as"
    exit 1
fi

# the Python driver the store uses for postgresql:// URLs
py="${PYTHON:-}"
if [ -z "$py" ]; then
    if [ -x .venv/bin/python ]; then py=.venv/bin/python; else py=python3; fi
fi
if ! "$py" -c "import psycopg" 2>/dev/null; then
    log "installing psycopg (the postgres extra of newsweave)"
    "$py" -m pip install -q "psycopg[binary]==3.3.9" >&2 || log "could not install psycopg; the PostgreSQL tests will skip"
fi

port="$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
dir="$(mktemp -d /tmp/newsweave-pg.XXXXXX)"
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"

log "initialising a cluster in $dir"
as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >&2
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { cat "$dir/server.log" >&2; exit 1; }
as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres newsweave_test >&2

log "$("$bin/postgres" --version) listening on 127.0.0.1:$port"
echo "export NEWSWEAVE_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/newsweave_test"
echo "export NEWSWEAVE_TEST_PG_DATA=$dir"
echo "export NEWSWEAVE_TEST_PG_STOP='bash $(cd "$(dirname "$0")" && pwd)/postgres.sh stop $dir'"
