#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for the tests that run the store on PostgreSQL,
# and prints the environment they read. Idempotent: reuses a running test cluster.
set -euo pipefail
dir="${MEDTRANSLATE_PG_DIR:-/tmp/medtranslate-pg}"
port="${MEDTRANSLATE_PG_PORT:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
run_as=()
if (( EUID == 0 )); then run_as=(runuser -u postgres --); fi

if ! "${run_as[@]}" "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
    rm -rf "$dir"
    mkdir -p "$dir"
    if (( EUID == 0 )); then chown postgres:postgres "$dir"; fi
    "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
    "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
fi
echo "MEDTRANSLATE_TEST_PG=host=127.0.0.1 port=$port user=postgres dbname=postgres"
