#!/usr/bin/env bash
# Serves the playground at http://127.0.0.1:8080 (installing what is missing first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve "$@"
