#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running relay: installs what is missing,
# builds everything, and starts the relay with the embedded defaults (SQLite file under var/,
# offline translation, a demo agent whose password is printed once).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMEDTRANSLATE_BUILD_CONSOLE=ON -DMEDTRANSLATE_BUILD_TESTS=OFF -DMEDTRANSLATE_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)"

listen="${MEDTRANSLATE_LISTEN:-127.0.0.1:8080}"
cat <<MSG

Build done. Starting the relay on http://${listen} (Ctrl+C stops it).
  Patients:  open http://${listen}/demo and click the chat button.
  Agents:    in another terminal run  ./build/console/medtranslate-console
             and log in to http://${listen} with the demo account printed below.
  More agents: echo 'their-password' | ./build/relay/medtranslate-relay --db var/medtranslate.db --add-agent USER --agent-name "이름"

MSG
exec ./build/relay/medtranslate-relay --listen "$listen" --db var/medtranslate.db --demo
