#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with tests, starts PostgreSQL on loopback
# (through a CTest fixture) for the PostgreSQL store tests, runs the C++ suites (ctest), the browser tests (node)
# and, briefly, the fuzz targets (scripts/fuzz.sh, clang; each target that runs clean counts as one passed test).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEDTRANSLATE_BUILD_TESTS=ON -DMEDTRANSLATE_BUILD_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)"

status=0
ctest_log="$(mktemp)"
QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure -j2 2>&1 | tee "$ctest_log" || status=1
scripts/start-postgres.sh --stop || true # the test cluster the CTest fixture started

node_log="$(mktemp)"
if [[ -d tests/browser ]] && compgen -G "tests/browser/*.test.mjs" >/dev/null; then
    if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules ]]; then npm ci --no-audit --no-fund; fi
    MEDTRANSLATE_RELAY_BIN="$PWD/build/relay/medtranslate-relay" node --test tests/browser/ 2>&1 | tee "$node_log" || status=1
fi

# A short fuzz run: each target ten seconds over its seed corpus (docs/fuzzing.md).
fuzz_log="$(mktemp)"
scripts/fuzz.sh --seconds 10 2>&1 | tee "$fuzz_log" || status=1

# One closing line for all runners.
summary=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$ctest_log" | tail -1 || true)
c_fail=$(sed -nE 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/p' <<<"$summary")
c_total=$(sed -nE 's/.* tests failed out of ([0-9]+).*/\1/p' <<<"$summary")
n_pass=$(grep -oP '^# pass \K\d+' "$node_log" | tail -1 || true)
n_fail=$(grep -oP '^# fail \K\d+' "$node_log" | tail -1 || true)
f_pass=$(grep -oP '^fuzz: \K\d+(?= passed)' "$fuzz_log" | tail -1 || true)
f_fail=$(grep -oP '^fuzz: \d+ passed, \K\d+(?= failed)' "$fuzz_log" | tail -1 || true)
# fuzz.sh always closes with its count; without it (killed, broken) the fuzz run counts as one failure.
if [[ -z "$f_pass" ]]; then f_pass=0 f_fail=1; fi
rm -f "$ctest_log" "$node_log" "$fuzz_log"
echo "all: $(( ${c_total:-0} - ${c_fail:-0} + ${n_pass:-0} + f_pass )) passed, $(( ${c_fail:-0} + ${n_fail:-0} + f_fail )) failed"
exit $status
