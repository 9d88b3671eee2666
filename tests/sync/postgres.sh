#!/bin/sh
# Start a throwaway PostgreSQL cluster on a loopback port for the sync tests and print
# its URL on the last line of stdout:
#
#     export HMIS_TEST_POSTGRES_URL="$(sh tests/sync/postgres.sh | tail -1)"
#
# Installs Debian's postgresql if it is missing (root or sudo), runs the server as the
# postgres user with its data in a fresh temporary folder, listening on 127.0.0.1 only.
# Stop it with: sh tests/sync/postgres.sh stop
set -eu
# runuser, apt-get and friends live in sbin, which a bare environment may leave out.
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

PORT="${HMIS_TEST_POSTGRES_PORT:-55432}"
BASE="${HMIS_TEST_POSTGRES_DIR:-/tmp/hmis-intake-test-postgres}"
DB=hmis_sync_test
USER_NAME=hmis_test
PASSWORD=hmis_test_only

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO=""; fi

bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else $SUDO runuser -u postgres -- "$@"; fi
}

if [ "${1:-start}" = stop ]; then
    BIN="$(bindir)"
    [ -n "$BIN" ] && [ -d "$BASE/data" ] && as_postgres "$BIN/pg_ctl" -D "$BASE/data" -m fast stop >/dev/null 2>&1 || true
    $SUDO rm -rf "$BASE"
    exit 0
fi

if [ -z "$(bindir)" ]; then
    echo "Installing PostgreSQL (Debian package)..." >&2
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
BIN="$(bindir)"

# A cluster left from an earlier run is stopped and replaced: the tests want a clean one.
if [ -d "$BASE/data" ]; then
    as_postgres "$BIN/pg_ctl" -D "$BASE/data" -m immediate stop >/dev/null 2>&1 || true
    $SUDO rm -rf "$BASE"
fi
$SUDO mkdir -p "$BASE"
$SUDO chown postgres "$BASE"
# UTF-8 whatever the caller's locale: under a bare environment initdb would pick SQL_ASCII,
# and the driver would then hand back bytes instead of text.
as_postgres "$BIN/initdb" -D "$BASE/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
as_postgres "$BIN/pg_ctl" -D "$BASE/data" -l "$BASE/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$BASE -c fsync=off" start >/dev/null
# CREATEDB: under pytest-xdist each worker makes a database of its own (tests/sync/conftest.py).
as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE $USER_NAME LOGIN CREATEDB PASSWORD '$PASSWORD'" \
    -c "CREATE DATABASE $DB OWNER $USER_NAME" >/dev/null
echo "postgresql://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB"
