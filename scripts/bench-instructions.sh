#!/usr/bin/env bash
# Counts the instructions (callgrind's Ir) one run of each benchmark's work
# takes at two commits, and prints a Markdown table: benchmark, before,
# after, change. Instruction counts barely move on a loaded machine, where
# wall-clock timings are noise.
#
#   scripts/bench-instructions.sh [BASE [AFTER]]     (default: e16aee8 main)
#
# Each commit is checked out (detached) into target/bench-instructions/wt-COMMIT
# sharing target/bench-instructions/target, kept between runs so a re-run
# only rebuilds what changed. The same workloads are measured at both: the
# benches/ of this checkout are copied over each commit's (before
# `podplay::clock` existed, SimTime was `podplay::sim::SimTime`; the copy is
# rewritten to match). Each
# bench binary runs under `PODPLAY_BENCH_RUNS=N` (its work exactly N times,
# untimed, no warm-up) and one benchmark name as the filter, once with N=1
# and once with N=1+RUNS (default RUNS=2); the difference over RUNS is one
# run's instructions, without process start, setup and first-run one-offs.
# Callgrind's outputs stay in target/bench-instructions/out-COMMIT for
# `callgrind_annotate`. Needs valgrind (`apt-get install -y valgrind`).
# BENCHES="kubelet" measures only the benches named; the whole set took an
# hour, builds included, on a busy two-core machine (2026-12-06).
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
base=${1:-e16aee8}
after=${2:-main}
runs=${RUNS:-2}
benches=${BENCHES:-"kubelet parse runtime studio"}
work="$top/target/bench-instructions"
mkdir -p "$work"

# Checks out commit $1 with this checkout's benches, builds the benches and
# prints "bench binary" lines.
build() {
  local commit=$1 tree bench binary
  tree="$work/wt-$commit"
  if [ ! -d "$tree" ]; then
    git worktree add --detach "$tree" "$commit" >&2
  fi
  git -C "$tree" checkout --quiet -- benches
  cp benches/*.rs "$tree/benches/"
  if [ ! -e "$tree/src/clock.rs" ]; then
    sed -i 's/^use podplay::clock::SimTime;/use podplay::sim::SimTime;/' "$tree"/benches/*.rs
  fi
  for bench in $benches; do
    if ! (cd "$tree" && CARGO_TARGET_DIR="$work/target" \
      nice cargo bench --locked --no-run --bench "$bench") > "$work/build.log" 2>&1; then
      cat "$work/build.log" >&2
      exit 1
    fi
    binary=$(sed -n "s|.*Executable benches/$bench.rs (\(.*\))|\1|p" "$work/build.log")
    case "$binary" in
      /*) echo "$bench $binary" ;;
      *) echo "$bench $tree/$binary" ;;
    esac
  done
}

# The instructions callgrind counted, from its output file $1.
instructions() {
  sed -n 's/^totals: \([0-9]*\).*/\1/p' "$1"
}

# Prints "bench<TAB>name<TAB>instructions of one run" for every benchmark of
# the binaries listed on stdin, commit $1.
measure() {
  local commit=$1 bench binary name slug one more
  local out="$work/out-$commit"
  mkdir -p "$out"
  while read -r bench binary; do
    PODPLAY_BENCH_RUNS=0 "$binary" < /dev/null | while IFS= read -r name; do
      slug=$(printf '%s' "$bench-$name" | tr -c 'A-Za-z0-9' '_')
      for n in 1 $((1 + runs)); do
        PODPLAY_BENCH_RUNS=$n nice valgrind --tool=callgrind \
          --callgrind-out-file="$out/$slug.$n.out" "$binary" "$name" \
          < /dev/null > "$out/$slug.$n.log" 2>&1
        if [ "$(grep -cvx -e '' -e '==.*' "$out/$slug.$n.log")" != 1 ]; then
          echo "filter \"$name\" of bench $bench did not select one benchmark" >&2
          exit 1
        fi
      done
      one=$(instructions "$out/$slug.1.out")
      more=$(instructions "$out/$slug.$((1 + runs)).out")
      printf '%s\t%s\t%s\n' "$bench" "$name" $(((more - one) / runs))
    done
  done
}

# Both commits are resolved once: a branch may move while this runs.
before_commit=$(git rev-parse --short "$base")
after_commit=$(git rev-parse --short "$after")
build "$before_commit" | measure "$before_commit" > "$work/before.tsv"
build "$after_commit" | measure "$after_commit" > "$work/after.tsv"

echo "| benchmark | $before_commit (Ir) | $after_commit (Ir) | change |"
echo "|---|---:|---:|---:|"
paste "$work/before.tsv" "$work/after.tsv" |
  awk -F'\t' '{
    if ($1 != $4 || $2 != $5) { print "the benches differ: " $2 " / " $5 > "/dev/stderr"; exit 1 }
    printf "| %s: %s | %d | %d | %+.1f %% |\n", $1, $2, $3, $6, ($6 - $3) * 100 / $3
  }'
