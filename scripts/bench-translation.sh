#!/usr/bin/env bash
# Measures the translation engine: builds medtranslate-bench-translation (Release) and prints
# glossary matching, message preparation and cache lookup throughput on 10,000 messages.
# Usage: scripts/bench-translation.sh [messages]   (BUILD_DIR=… to use another build folder)
set -euo pipefail
cd "$(dirname "$0")/.."
messages="${1:-10000}"
build="${BUILD_DIR:-build-bench}"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DMEDTRANSLATE_BUILD_TESTS=OFF -DMEDTRANSLATE_BUILD_CONSOLE=OFF &&
       cmake --build "$build" -j"$(nproc)" --target medtranslate-bench-translation; } >"$log" 2>&1; then
    cat "$log"
    exit 1
fi
"$build/bench/translation/medtranslate-bench-translation" "$PWD/resources" "$messages"
