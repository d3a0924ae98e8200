#!/usr/bin/env bash
# Measures the relay (issue 9): a Release build pinned to core 0, the open-loop load generator
# pinned to core 1, a fresh SQLite database and offline translation for every run; prints
# Markdown tables and then each run's details.
#
# Usage: scripts/bench-relay.sh [all|quick|load|slow|idle|rate N...]
#   all    the standard matrix (default): 1,000 to 20,000 patient msg/s, the slow provider at
#          1,000 and 2,000 msg/s, 19,000 idle connections
#   quick  a short subset: 1,000 and 5,000 msg/s for 3 s, the slow provider at 1,000, 2,000 idle
#   load | slow | idle   one table of the matrix
#   rate N...            load runs at the given rates
#   profile [N]          one run at N msg/s (5000) with perf recording the relay; prints the
#                        top of the flat profile and keeps perf.data in build-bench/
# Environment: BENCH_DURATION_S (10), BENCH_PAIRS (100), BENCH_AGENTS (10 accounts sharing the
# pairs' rooms), BENCH_IDLE (19000), BENCH_JOBS (build jobs, 1).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-all}"
duration="${BENCH_DURATION_S:-10}"
pairs="${BENCH_PAIRS:-100}"
agents="${BENCH_AGENTS:-10}"
idle="${BENCH_IDLE:-19000}"
rates=(1000 2000 2500 3000 5000 10000 20000)
slow_rates=(1000 2000)
case "$mode" in
all) ;;
quick) rates=(1000 5000) slow_rates=(1000) idle=2000 duration="${BENCH_DURATION_S:-3}" ;;
load) slow_rates=() idle=0 ;;
slow) rates=() idle=0 ;;
idle) rates=() slow_rates=() ;;
rate) shift; rates=("$@") slow_rates=() idle=0 ;;
profile) rates=("${2:-5000}") slow_rates=() idle=0 ;;
*) echo "usage: $0 [all|quick|load|slow|idle|rate N...|profile [N]]" >&2; exit 2 ;;
esac

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DMEDTRANSLATE_BUILD_TESTS=OFF \
    -DMEDTRANSLATE_BUILD_CONSOLE=OFF "${launcher[@]}" >/dev/null
cmake --build build-bench -j"${BENCH_JOBS:-1}" --target medtranslate-relay \
    medtranslate-bench-relay medtranslate-bench-slow-provider >/dev/null
relay_bin=build-bench/relay/medtranslate-relay
load_bin=build-bench/bench/relay-load/medtranslate-bench-relay
provider_bin=build-bench/bench/slow-provider/medtranslate-bench-slow-provider

dir="$(mktemp -d)"
relay_pid=""
provider_pid=""
stop_relay() {
    if [ -n "$relay_pid" ]; then
        kill "$relay_pid" 2>/dev/null || true
        wait "$relay_pid" 2>/dev/null || true
        relay_pid=""
    fi
}
cleanup() {
    stop_relay
    [ -n "$provider_pid" ] && kill "$provider_pid" 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT

# Both processes hold up to 19,000 idle connections.
ulimit -n 20000
export MEDTRANSLATE_BENCH_PASSWORD="bench-password-1"
# Agent accounts once, in a template every run copies: a fresh database each time.
agent_list=""
for i in $(seq "$agents"); do
    echo "$MEDTRANSLATE_BENCH_PASSWORD" |
        "$relay_bin" --db "$dir/template.db" --add-agent "bench-$i" >/dev/null
    agent_list="${agent_list:+$agent_list,}bench-$i"
done

# start_relay [VAR=value...]: a relay on a copy of the template, pinned to core 0.
start_relay() {
    rm -f "$dir"/relay.db*
    cp "$dir/template.db" "$dir/relay.db"
    # Load far above one patient's, all from loopback: the per-room, per-address and
    # connection budgets would throttle it; the limits made for people (20 frames/s per
    # connection, 30 new consultations per address) are lifted to measure the relay itself.
    # The bench agents accept every room themselves, as the contract's accept does.
    env "$@" MEDTRANSLATE_ROUTING=manual MEDTRANSLATE_ROOM_MESSAGES_PER_MINUTE=0 MEDTRANSLATE_ROOM_TRANSLATION_CHARS=0 \
        MEDTRANSLATE_ADDRESS_TRANSLATION_CHARS=0 MEDTRANSLATE_MAX_CONNECTIONS_PER_ADDRESS=0 \
        taskset -c 0 "$relay_bin" --db "$dir/relay.db" --listen 127.0.0.1:0 \
        --rate-limit 1000000 --rooms-per-address 0 >"$dir/relay.log" 2>&1 &
    relay_pid=$!
    for _ in $(seq 100); do grep -q "WebSocket:" "$dir/relay.log" && break; sleep 0.1; done
    relay_url="$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/relay.log" | head -1)"
    if [ -z "$relay_url" ]; then
        echo "the relay did not start:" >&2
        cat "$dir/relay.log" >&2
        exit 1
    fi
}

details=""
# run TABLE-FILE GENERATOR-ARGS...: one generator run against the running relay.
run() {
    local table="$1"
    shift
    local rc=0
    taskset -c 1 "$load_bin" --relay "$relay_url" --agents "$agent_list" --pairs "$pairs" \
        --duration-s "$duration" --relay-pid "$relay_pid" "$@" \
        >"$dir/row" 2>"$dir/err" || rc=$?
    if [ -s "$dir/row" ]; then
        sed "s/|\$/| $([ "$rc" = 0 ] && echo ok || echo "FAILED ($rc)") |/" "$dir/row" >>"$table"
    else
        echo "| $* | did not finish (exit $rc) |" >>"$table"
    fi
    details+="\$ $*"$'\n'"$(cat "$dir/err")"$'\n'
}

for rate in "${rates[@]}"; do
    start_relay
    if [ "$mode" = profile ]; then
        perf record -F 999 -g -p "$relay_pid" -o build-bench/perf.data >/dev/null 2>&1 &
        perf_pid=$!
        sleep 1
    fi
    run "$dir/load.md" --rate "$rate"
    if [ "$mode" = profile ]; then
        kill -INT "$perf_pid"
        wait "$perf_pid" || true
    fi
    stop_relay
done
if [ "$mode" = profile ]; then
    perf report -i build-bench/perf.data --no-children --percent-limit 0.7 --stdio -g none \
        2>/dev/null | grep -v '^$' | head -60
fi

if [ "${#slow_rates[@]}" -gt 0 ]; then
    taskset -c 1 "$provider_bin" --delay-ms 1000 >"$dir/provider.log" 2>&1 &
    provider_pid=$!
    for _ in $(seq 50); do grep -q "listening on" "$dir/provider.log" && break; sleep 0.1; done
    provider_url="$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/provider.log" | head -1)"
    for rate in "${slow_rates[@]}"; do
        start_relay MEDTRANSLATE_PROVIDERS=openai OPENAI_API_KEY=bench-key \
            MEDTRANSLATE_OPENAI_URL="$provider_url"
        run "$dir/slow.md" --rate "$rate" --slow-provider --translation-deadline-ms 15000
        stop_relay
    done
fi

if [ "$idle" -gt 0 ]; then
    start_relay
    run "$dir/idle.md" --rate 0 --idle "$idle"
    stop_relay
fi

echo "relay: $(git rev-parse --short HEAD) $(git log -1 --format=%s | cut -c1-70)"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg);" \
    "$pairs pairs, $agents agent accounts, ${duration} s per run, agent answers every 4th message"
echo "delivered/s counts both directions (agent replies add a quarter); lost: never received by"
echo "the other side before the drain ended; latency: send -> the other side's message frame"
if [ -s "$dir/load.md" ]; then
    echo
    echo "| patient msg/s | delivered/s | lost | p50 ms | p99 ms | run |"
    echo "|---|---|---|---|---|---|"
    cat "$dir/load.md"
fi
if [ -s "$dir/slow.md" ]; then
    echo
    echo "Slow provider (OpenAI-compatible fake answering in 1 s; translation deadline 15 s):"
    echo "| patient msg/s | delivered/s | lost | translation frames | within deadline | message p99 ms | run |"
    echo "|---|---|---|---|---|---|---|"
    cat "$dir/slow.md"
fi
if [ -s "$dir/idle.md" ]; then
    echo
    echo "| idle connections | held | connections/s | KiB/connection | relay RSS MiB | run |"
    echo "|---|---|---|---|---|---|"
    cat "$dir/idle.md"
fi
echo
echo "Details:"
printf '%s' "$details"
