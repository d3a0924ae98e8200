#!/usr/bin/env bash
# Measures the relay: starts it (Release build, temporary SQLite database, offline translation),
# drives it from a second process over loopback and prints throughput, latency and memory.
# Usage: scripts/bench-relay.sh [rooms] [messages-per-room] [idle-connections]
set -euo pipefail
cd "$(dirname "$0")/.."
rooms="${1:-200}"
messages="${2:-100}"
idle="${3:-5000}"

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DMEDTRANSLATE_BUILD_TESTS=OFF -DMEDTRANSLATE_BUILD_CONSOLE=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target medtranslate-relay medtranslate-bench-relay >/dev/null

dir="$(mktemp -d)"
trap 'kill "${relay_pid:-0}" 2>/dev/null || true; rm -rf "$dir"' EXIT
export MEDTRANSLATE_BENCH_PASSWORD="bench-password-1"
# Load far above one patient's, all from loopback: the per-room, per-address and
# connection budgets would throttle it (environment, so an older relay ignores them).
export MEDTRANSLATE_ROOM_MESSAGES_PER_MINUTE=0 MEDTRANSLATE_ROOM_TRANSLATION_CHARS=0
export MEDTRANSLATE_ADDRESS_TRANSLATION_CHARS=0 MEDTRANSLATE_MAX_CONNECTIONS_PER_ADDRESS=0
# The bench agent accepts every room itself, as the contract's accept does.
export MEDTRANSLATE_ROUTING=manual
echo "$MEDTRANSLATE_BENCH_PASSWORD" | build-bench/relay/medtranslate-relay --db "$dir/relay.db" --add-agent bench >/dev/null
# The relay gets one core and the load generator the other, so they do not compete.
# The limits made for people (20 frames/s per connection, 30 new consultations per address)
# are lifted to measure the relay itself.
taskset -c 0 build-bench/relay/medtranslate-relay --db "$dir/relay.db" --listen 127.0.0.1:0 --rate-limit 1000000 --rooms-per-address 0 >"$dir/relay.log" 2>&1 &
relay_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$dir/relay.log" && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/relay.log" | head -1)"
ulimit -n 20000 2>/dev/null || true
taskset -c 1 build-bench/bench/relay-load/medtranslate-bench-relay --relay "$url" --agent bench \
    --rooms "$rooms" --messages "$messages" --idle "$idle" --relay-pid "$relay_pid"
