#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, in build-fuzz) and runs each for a set time over a copy of
# its seed corpus in tests/fuzz/corpus; new inputs and crashes go to a run dir under build-fuzz,
# never into the repository. Exits non-zero if any target crashed or could not run.
# Usage: scripts/fuzz.sh [--seconds N] [target...]   (default: 60 seconds, every target)
# Prints one line per target and closes with "fuzz: P passed, F failed" (scripts/test.sh reads it).
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(fuzz_client_frame fuzz_server_frame fuzz_http_bodies fuzz_http_request)
seconds=60
targets=()
while (( $# > 0 )); do
    case "$1" in
        --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
        --seconds=*) seconds="${1#--seconds=}"; shift ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: --seconds wants a positive whole number" >&2; exit 2; }
(( ${#targets[@]} > 0 )) || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz.sh: no target $t (have: ${all_targets[*]})" >&2; exit 2; }
done

build="${MEDTRANSLATE_FUZZ_BUILD_DIR:-build-fuzz}"
failed_build() {
    echo "fuzz: the fuzz build failed; see $build/build.log" >&2
    echo "fuzz: 0 passed, ${#targets[@]} failed"
    exit 1
}

# Only the shared library and the HTTP scanner are compiled here: no tests, bench or console.
mkdir -p "$build"
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    launcher=()
    if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
    CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DMEDTRANSLATE_BUILD_FUZZ=ON -DMEDTRANSLATE_BUILD_TESTS=OFF -DMEDTRANSLATE_BUILD_BENCH=OFF \
        -DMEDTRANSLATE_BUILD_CONSOLE=OFF "${launcher[@]}" >"$build/build.log" 2>&1 || failed_build
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >>"$build/build.log" 2>&1 || failed_build

run="$build/runs/$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$run"
run="$(cd "$run" && pwd)" # printed paths work from anywhere
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
passed=0 failed=0
for t in "${targets[@]}"; do
    dir="$run/$t"
    mkdir -p "$dir/corpus"
    cp tests/fuzz/corpus/"$t"/* "$dir/corpus/"
    args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=20480
          -artifact_prefix="$dir/" -print_final_stats=1)
    if [[ -f tests/fuzz/dict/$t.dict ]]; then args+=(-dict="tests/fuzz/dict/$t.dict"); fi
    # libFuzzer stops itself after max_total_time; the outer limit catches a hang in startup.
    rc=0
    timeout --kill-after=10 $(( seconds + 60 )) "$build/tests/fuzz/$t" "${args[@]}" "$dir/corpus" \
        >"$dir/log" 2>&1 || rc=$?
    artifacts=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
        -o -name 'oom-*' \) | sort)
    runs=$(grep -oP '^stat::number_of_executed_units:\s*\K\d+' "$dir/log" | tail -1 || true)
    if (( rc == 0 )) && [[ -z "$artifacts" ]]; then
        passed=$(( passed + 1 ))
        echo "fuzz $t: ok, ${runs:-?} inputs in ${seconds}s, corpus $(ls "$dir/corpus" | wc -l) files"
    else
        failed=$(( failed + 1 ))
        echo "fuzz $t: FAILED (exit $rc); log $dir/log"
        tail -n 40 "$dir/log" | sed 's/^/    /'
        while IFS= read -r a; do
            if [[ -n "$a" ]]; then echo "fuzz $t: crashing input $a"; fi
        done <<<"$artifacts"
    fi
done
echo "fuzz: $passed passed, $failed failed"
(( failed == 0 ))
