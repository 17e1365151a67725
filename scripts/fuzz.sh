#!/usr/bin/env bash
# Fuzzes podplay's entry points with cargo-fuzz (libFuzzer), the targets in
# fuzz/fuzz_targets/, each from its committed corpus in fuzz/corpus/TARGET.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Default: 30 seconds for each of the seven targets (CI's bounded run, about
# four minutes once built). The longer run (ARCHITECTURE.md, Testing) is e.g.
#   FUZZ_SEED=0 scripts/fuzz.sh 1800
# New inputs libFuzzer finds go to fuzz/work/TARGET (not committed); a crash,
# hang (-timeout) or memory blow-up (-rss_limit_mb) is saved in
# fuzz/artifacts/TARGET/ and fails the run. Replay one with
#   cd fuzz && cargo fuzz run -s none -O TARGET artifacts/TARGET/crash-…
#
# On stable Rust cargo-fuzz runs without a sanitizer (`-s none`;
# AddressSanitizer needs nightly's -Zsanitizer, and safe Rust gains little
# from it), in release mode (`-O`) with overflow checks on and debug
# assertions off (fuzz/Cargo.toml's release profile). libFuzzer's coverage
# instrumentation (sancov) is stable.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

seconds=${1:-30}
shift || true
if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    targets=(manifest studio shell kubectl share lesson script)
fi

# Each input must finish in seconds: podplay bounds its virtual time and the
# targets keep it to two virtual seconds (each run twice), so an input that
# takes 30 s (on a machine shared with other builds) is a finding.
# A fixed seed (FUZZ_SEED, 1 unless set) makes CI's bounded run take the
# same path each time; FUZZ_SEED=0 lets libFuzzer pick one (longer runs).
flags=(-timeout=30 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "-seed=${FUZZ_SEED:-1}")

cd fuzz
cargo fuzz build -s none -O

total=0
passed=0
for target in "${targets[@]}"; do
    mkdir -p "work/$target" "artifacts/$target"
    log="work/$target.log"
    printf '\n==> fuzz %s for %s s\n' "$target" "$seconds"
    if ! cargo fuzz run -s none -O "$target" "work/$target" "corpus/$target" -- \
        "${flags[@]}" -max_total_time="$seconds" >"$log" 2>&1; then
        tail -n 60 "$log"
        printf 'fuzz: %s passed, 1 failed (target %s, input in fuzz/artifacts/%s/)\n' \
            "$passed" "$target" "$target"
        exit 1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1)
    runs=${runs:-0}
    total=$((total + runs))
    passed=$((passed + 1))
    printf '%s: %s executions, no crash, hang or non-determinism\n' "$target" "$runs"
done
printf '\nfuzz: %s executions in all\n' "$total"
printf 'fuzz: %s passed, 0 failed\n' "$passed"
