#!/usr/bin/env bash
# Runs the same load against two relay binaries, one after the other, on this machine.
# Usage: scripts/bench-compare.sh RELAY_BEFORE RELAY_AFTER BENCH PAIRS RATE IDLE
# (RATE: patient messages per second, open loop, for 10 s; IDLE: connections held first)
# (BENCH: build/bench/relay-load/medtranslate-bench-relay; build the "before" relay from an
# older commit in a git worktree). The relay is pinned to core 0, the load to core 1.
set -euo pipefail
for relay in "$1" "$2"; do
  dir="$(mktemp -d)"
  export MEDTRANSLATE_BENCH_PASSWORD="bench-password-1"
  # Load far above one patient's, all from loopback: the per-room, per-address and
  # connection budgets would throttle it (environment, so an older relay ignores them).
  export MEDTRANSLATE_ROOM_MESSAGES_PER_MINUTE=0 MEDTRANSLATE_ROOM_TRANSLATION_CHARS=0
  export MEDTRANSLATE_ADDRESS_TRANSLATION_CHARS=0 MEDTRANSLATE_MAX_CONNECTIONS_PER_ADDRESS=0
  # The bench agent accepts every room itself, as the contract's accept does.
  export MEDTRANSLATE_ROUTING=manual
  echo "$MEDTRANSLATE_BENCH_PASSWORD" | "$relay" --db "$dir/relay.db" --add-agent bench >/dev/null
  taskset -c 0 "$relay" --db "$dir/relay.db" --listen 127.0.0.1:0 --rate-limit 1000000 --rooms-per-address 0 >"$dir/relay.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do grep -q "listening on" "$dir/relay.log" && break; sleep 0.1; done
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/relay.log" | head -1)"
  ulimit -n 20000 2>/dev/null || true
  echo "== $relay"
  taskset -c 1 "$3" --relay "$url" --agents bench --pairs "$4" --rate "$5" --idle "$6" --relay-pid "$pid" || true
  kill $pid; wait $pid 2>/dev/null || true; rm -rf "$dir"
done
