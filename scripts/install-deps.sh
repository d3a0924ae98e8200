#!/usr/bin/env bash
# Installs the Debian 12 packages MedTranslate needs, only those missing.
# Usage: scripts/install-deps.sh [--test]   (--test adds what the test suites need)
set -euo pipefail

packages=(
    build-essential cmake pkg-config
    qt6-base-dev qt6-websockets-dev qt6-httpserver-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
    libqt6sql6-sqlite libqt6sql6-psql libgl-dev
    qt6-image-formats-plugins
    nlohmann-json3-dev libssl-dev
    fonts-noto-cjk fonts-thai-tlwg
)
if [[ "${1:-}" == "--test" ]]; then
    # clang and its runtimes (libFuzzer, ASan, UBSan are in libclang-rt-14-dev) for scripts/fuzz.sh
    # poppler-utils: the export tests read the PDFs back (pdftotext, pdftoppm)
    packages+=(libgtest-dev chromium postgresql nodejs npm openssl clang libclang-rt-14-dev
        poppler-utils)
fi

missing=()
for p in "${packages[@]}"; do
    # nodejs/npm may come from elsewhere on the machine (e.g. a newer Node); accept those.
    if [[ "$p" == nodejs ]] && command -v node >/dev/null 2>&1; then continue; fi
    if [[ "$p" == npm ]] && command -v npm >/dev/null 2>&1; then continue; fi
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if (( ${#missing[@]} == 0 )); then
    echo "All needed Debian packages are installed."
    exit 0
fi

echo "Installing: ${missing[*]}"
sudo_cmd=()
if (( EUID != 0 )); then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
