#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and trials.
#
#   scripts/postgres.sh start DIR   installs Debian's PostgreSQL when missing, creates a cluster
#                                   in DIR (once) and starts it on 127.0.0.1 at a free port;
#                                   prints its connection URL as the last line of its output
#   scripts/postgres.sh stop DIR    stops it (nothing to do when it is not running)
#
# The server runs as the `postgres` user when this script runs as root (initdb and postgres
# refuse root), as the caller otherwise. DIR and its contents are handed to that user; every
# parent of DIR must be traversable by it (/tmp is). The cluster trusts local connections:
# it is for tests, never for data that matters.
set -euo pipefail

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}
[ $# -eq 2 ] || usage
cmd=$1
dir=$2

# The newest installed server binaries (Debian keeps them out of PATH).
pg_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$found" ] && [ -x "$found/initdb" ]; then
        echo "$found"
    fi
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return
    # Without Python: the first port from 15432 on that nothing answers at.
    local p
    for p in $(seq 15432 15999); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
    echo "no free port found" >&2
    return 1
}

case "$cmd" in
start)
    bin=$(pg_bin)
    if [ -z "$bin" ]; then
        if [ "$(id -u)" -ne 0 ]; then
            echo "PostgreSQL is not installed, and installing it needs root: apt-get install -y postgresql" >&2
            exit 1
        fi
        echo "installing PostgreSQL (apt-get install -y postgresql)" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y postgresql >&2 || { apt-get update >&2 && apt-get install -y postgresql >&2; }
        bin=$(pg_bin)
        [ -n "$bin" ] || { echo "PostgreSQL could not be installed" >&2; exit 1; }
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || { echo "there is no postgres user to run the server as" >&2; exit 1; }
        chown -R postgres: "$dir"
        chmod 700 "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            echo "the postgres user cannot reach $dir: make its parent directories traversable (chmod o+x), or use a directory under /tmp" >&2
            exit 1
        fi
    fi
    if [ -f "$dir/url" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        echo "already running" >&2
        tail -n 1 "$dir/url"
        exit 0
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        locale=C.UTF-8
        locale -a 2>/dev/null | grep -qix 'c.utf-\?8' || locale=C
        as_owner "$bin/initdb" -D "$dir/data" -A trust -U chorus -E UTF8 --locale="$locale" >"$dir/initdb.log" 2>&1 || {
            cat "$dir/initdb.log" >&2
            exit 1
        }
    fi
    # A port found free may be taken before the server binds it: try a few.
    started=
    for _ in 1 2 3 4 5; do
        port=$(free_port)
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" \
            start >&2; then
            started=1
            break
        fi
    done
    [ -n "$started" ] || { echo "the server did not start; see $dir/log" >&2; tail -n 20 "$dir/log" >&2; exit 1; }
    if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U chorus -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'chorus'" | grep -q 1; then
        as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U chorus -d postgres -qc "CREATE DATABASE chorus" >&2
    fi
    url="postgres://chorus@127.0.0.1:$port/chorus"
    echo "$url" | as_owner tee "$dir/url" >/dev/null
    echo "$url"
    ;;
stop)
    bin=$(pg_bin)
    if [ -z "$bin" ] || [ ! -f "$dir/data/PG_VERSION" ]; then
        echo "no cluster in $dir" >&2
        exit 0
    fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
    else
        echo "not running" >&2
    fi
    ;;
*)
    usage
    ;;
esac
