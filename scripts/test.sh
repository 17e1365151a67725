#!/usr/bin/env bash
# Runs every check podplay has: formatting, lints (native and wasm32), the Rust
# tests, a bounded fuzz run, the release web build with its size report, and
# the browser tests in headless Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native: core, podplay CLI, tests)"
cargo clippy --all-targets --locked -- -D warnings

step "cargo clippy (wasm32: the web app)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --locked -- -D warnings

step "cargo test"
cargo test --locked

step "fuzz: each target for 30 s (scripts/fuzz.sh; the longer run: ARCHITECTURE.md, Testing)"
scripts/fuzz.sh 30

step "trunk build --release"
trunk build --release

step "download size"
scripts/size.sh

step "browser tests (headless Chromium)"
node --test tests/browser/
