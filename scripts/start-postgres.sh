#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for the tests that run the store on PostgreSQL,
# and prints the environment they read. Idempotent: reuses a running test cluster.
# With --stop, stops that cluster (the CTest fixture's cleanup).
# Exits non-zero (with the server log) unless the server answers on 127.0.0.1:$port.
set -euo pipefail
dir="${MEDTRANSLATE_PG_DIR:-/tmp/medtranslate-pg}"
port="${MEDTRANSLATE_PG_PORT:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [[ -z "$bin" ]]; then
    echo "start-postgres: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
    exit 1
fi
run_as=()
if (( EUID == 0 )); then run_as=(runuser -u postgres --); fi

if [[ "${1:-}" == "--stop" ]]; then
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" stop -m fast -w >/dev/null
    fi
    exit 0
fi

ready() { "${run_as[@]}" "$bin/pg_isready" -h 127.0.0.1 -p "$port" -U postgres -q 2>/dev/null; }

if ! ready; then
    rm -rf "$dir"
    mkdir -p "$dir"
    if (( EUID == 0 )); then chown postgres:postgres "$dir"; fi
    "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
    # setsid: the server must outlive this script's process group, which CTest may end.
    if ! "${run_as[@]}" setsid "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" \
        start >/dev/null </dev/null; then
        echo "start-postgres: pg_ctl could not start the server; its log:" >&2
        cat "$dir/log" >&2 || true
        exit 1
    fi
fi
for _ in $(seq 1 50); do
    if ready; then
        echo "MEDTRANSLATE_TEST_PG=host=127.0.0.1 port=$port user=postgres dbname=postgres"
        exit 0
    fi
    sleep 0.2
done
echo "start-postgres: the server does not answer on 127.0.0.1:$port; its log:" >&2
cat "$dir/log" >&2 || true
exit 1
