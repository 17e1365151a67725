#!/usr/bin/env bash
# Re-records the differential oracle's goldens (tests/oracle/golden/): runs
# every case of tests/oracle/cases/ with the real busybox sh, dash and bash
# (installed by scripts/oracles.sh) and writes what they print. Re-recording
# is deliberate: review the diff like code. Then run the oracle test, and if
# podplay's agreement changed, update the known differences on purpose:
#
#   scripts/record-oracles.sh
#   ORACLE_UPDATE_KNOWN=1 cargo test --test shell_oracle podplay_agrees
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/oracles.sh
export PATH="$HOME/.cargo/bin:$PATH"
ORACLE_RECORD=1 cargo test --test shell_oracle the_real_programs_still_print_the_goldens -- --nocapture
git status --short tests/oracle/golden
