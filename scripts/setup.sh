#!/usr/bin/env bash
# Installs what podplay's build (and, with --browser, its browser tests) needs
# on a fresh Debian machine with Rust stable. Every step checks first, so a
# second run takes seconds. Sources: crates.io, npm and Debian's packages only.
#
#   scripts/setup.sh            wasm32 target, trunk, wasm-bindgen-cli, npm tools,
#                               the oracles (scripts/oracles.sh)
#   scripts/setup.sh --browser  the same, plus Chromium and a CJK font
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen that Cargo.lock pins, to the patch.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install --locked --force trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: the CLI's own lock file does not resolve here.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq
    APT_UPDATED=1
  fi
  say "installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
# npm tools (wasm-opt from binaryen, playwright-core) at package-lock.json's versions.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.podplay-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  say "installing npm tools from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.podplay-lock-hash
fi

if [ "${1:-}" = "--browser" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
fi

# The real programs the differential oracle compares podplay with (busybox,
# dash, bash, kubectl v1.35), cached in target/oracles/.
scripts/oracles.sh
