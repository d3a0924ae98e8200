#!/usr/bin/env bash
# Measures the translation safety checks on tests/translation/corpus/safety-corpus.jsonl: per
# check, the broken translations it misses and the good ones it warns on. Builds translation_tests
# and runs the corpus test, which prints the table (and fails while a check misses or warns too
# often). Usage: scripts/bench-safety.sh   (BUILD_DIR=… to use another build folder)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build-bench}"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DMEDTRANSLATE_BUILD_TESTS=ON -DMEDTRANSLATE_BUILD_CONSOLE=OFF &&
       cmake --build "$build" -j"$(nproc)" --target translation_tests; } >"$log" 2>&1; then
    cat "$log"
    exit 1
fi
QT_QPA_PLATFORM=offscreen MEDTRANSLATE_SOURCE_ROOT="$PWD" \
    "$build/tests/translation/translation_tests" --gtest_filter='SafetyCorpusTest.EveryBreak*'
