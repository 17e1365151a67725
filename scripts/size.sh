#!/usr/bin/env bash
# Prints what a browser downloads for the playground: each file of dist/ raw
# and gzip-compressed (gzip -9), and the totals: the first load (the page
# module and all it needs for the first diagram; goal 250 KB) and the engine
# module (podplay-engine*, the simulation, fetched after the first diagram).
# Run after `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "dist/ is missing: run trunk build --release first" >&2; exit 1; }

total_raw=0
total_gzip=0
engine_raw=0
engine_gzip=0
printf '%-12s %12s %12s  %s\n' "kind" "raw bytes" "gzip bytes" "file"
while IFS= read -r file; do
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  case "$file" in
    *.wasm) kind=wasm ;;
    *.js) kind=js ;;
    *.css) kind=css ;;
    *.html) kind=html ;;
    *) kind=other ;;
  esac
  case "$file" in
    dist/podplay-engine*)
      kind="engine $kind"
      engine_raw=$((engine_raw + raw))
      engine_gzip=$((engine_gzip + gz))
      ;;
    *)
      total_raw=$((total_raw + raw))
      total_gzip=$((total_gzip + gz))
      ;;
  esac
  printf '%-12s %12d %12d  %s\n' "$kind" "$raw" "$gz" "${file#dist/}"
# The embedding demo (embed-demo.*) ships beside the playground but is not part of it.
done < <(find dist -type f ! -name "embed-demo.*" | sort)
printf '%-12s %12d %12d  (%d KiB gzip)\n' "first load" "$total_raw" "$total_gzip" $(( (total_gzip + 1023) / 1024 ))
printf '%-12s %12d %12d  (%d KiB gzip, after the first diagram)\n' "engine" "$engine_raw" "$engine_gzip" $(( (engine_gzip + 1023) / 1024 ))
