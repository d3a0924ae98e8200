#!/usr/bin/env bash
# Instructions a relay spends per message, counted by callgrind: repeatable where wall-clock
# figures are not (a shared 2-core machine moves them by a third from run to run).
# Usage: scripts/bench-instructions.sh BENCH RELAY [RELAY…]
# (BENCH: build/bench/relay-load/medtranslate-bench-relay.) Each relay serves the same load
# twice, 20 rooms at 20 patient messages/s for 25 s and for 75 s (no agent answers, a pace
# the relay keeps under valgrind, so its group commits stay alike), offline;
# the difference of the two totals divided by the 1,000 extra messages leaves start-up and
# shutdown out.
set -euo pipefail
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install -y valgrind)" >&2; exit 2; }
bench="$1"; shift
export MEDTRANSLATE_BENCH_PASSWORD="bench-password-1"
# The load is far above one patient's and all from loopback: budgets off (environment, so an
# older relay ignores them).
export MEDTRANSLATE_ROOM_MESSAGES_PER_MINUTE=0 MEDTRANSLATE_ROOM_TRANSLATION_CHARS=0
export MEDTRANSLATE_ADDRESS_TRANSLATION_CHARS=0 MEDTRANSLATE_MAX_CONNECTIONS_PER_ADDRESS=0
# The bench agent accepts every room itself, as the contract's accept does.
export MEDTRANSLATE_ROUTING=manual

total() { # relay seconds → callgrind's total instruction count
  local dir; dir="$(mktemp -d)"
  echo "$MEDTRANSLATE_BENCH_PASSWORD" | "$1" --db "$dir/relay.db" --add-agent bench >/dev/null
  valgrind --tool=callgrind --callgrind-out-file="$dir/cg.out" "$1" --db "$dir/relay.db" \
    --listen 127.0.0.1:0 --rate-limit 1000000 --rooms-per-address 0 >"$dir/relay.log" 2>&1 &
  local pid=$!
  for _ in $(seq 600); do grep -q "WebSocket:" "$dir/relay.log" && break; sleep 0.1; done
  local url; url="$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/relay.log" | head -1)"
  "$bench" --relay "$url" --agents bench --pairs 20 --rate 20 --duration-s "$2" --reply-every 0 \
    --drain-s 30 >/dev/null
  kill -TERM "$pid"; wait "$pid" || true
  awk '/^(summary|totals):/ {print $2; exit}' "$dir/cg.out"
  rm -rf "$dir"
}

for relay in "$@"; do
  small=$(total "$relay" 25)
  large=$(total "$relay" 75)
  echo "$relay: $(( (large - small) / 1000 )) instructions per message"
done
