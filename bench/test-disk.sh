#!/usr/bin/env bash
# Measures the disk and time a cold `cargo test --workspace` build takes (what a clean CI clone
# compiles before the first test runs), once per variant of the dev profile's debug info and
# cargo's incremental cache.
#
# Each variant builds one snapshot of the working tree (taken at the start) into its own fresh
# cargo target dir under $BENCH_DISK_DIR (default /tmp/baoan-test-disk, removed afterwards), with
# `cargo test --workspace --no-run`, then reports the target dir's size, its largest files and
# the wall time. Writes bench/out/test-disk.md, copies it to bench/DISK.md and prints it.
#
#   bash bench/test-disk.sh                          # the variants below
#   BENCH_VARIANTS="now" bash bench/test-disk.sh      # a subset
# Each variant is a cold build: 10-20 min on two idle cores. Run nothing else meanwhile, and
# have about 35 GB free for the "full" variant.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/tools.sh
log() { printf '[test-disk] %s\n' "$*" >&2; }

# name | CARGO_PROFILE_DEV_DEBUG | CARGO_INCREMENTAL | what it shows
VARIANTS_TABLE="\
now|line-tables-only|0|what scripts/test.sh builds: line tables for the workspace, no incremental cache
full|2|1|full debug info for the workspace and cargo's incremental cache (before December 2026)
no-debug|0|0|no debug info at all, no incremental cache"
VARIANTS="${BENCH_VARIANTS:-now full no-debug}"

WORKDIR="${BENCH_DISK_DIR:-/tmp/baoan-test-disk}"
rm -rf "$WORKDIR"
mkdir -p "$WORKDIR/src" "$ROOT/bench/out"
trap 'rm -rf "$WORKDIR"' EXIT
# The snapshot: tracked files as they are now, edits included.
git ls-files -z | xargs -0 cp --parents -t "$WORKDIR/src"

out="$ROOT/bench/out/test-disk.md"
{
  echo "# Disk and time of a cold test build"
  echo
  echo "\`bash bench/test-disk.sh\` on $(git rev-parse --short HEAD) ($(date -u +%Y-%m-%d), $(nproc) cores):"
  echo "\`cargo test --workspace --no-run\` into an empty target dir, dependencies already downloaded."
  echo
  echo "| variant | dev debug | incremental | target dir | largest file | wall time | what it shows |"
  echo "|---|---|---|---:|---|---:|---|"
} >"$out"

for name in $VARIANTS; do
  line=$(printf '%s\n' "$VARIANTS_TABLE" | grep "^$name|") || { log "unknown variant $name"; exit 2; }
  IFS='|' read -r _ debug incremental what <<<"$line"
  target="$WORKDIR/target-$name"
  log "$name: debug=$debug incremental=$incremental"
  start=$(date +%s)
  (cd "$WORKDIR/src" && CARGO_TARGET_DIR="$target" CARGO_PROFILE_DEV_DEBUG="$debug" \
    CARGO_INCREMENTAL="$incremental" cargo test --workspace --no-run --quiet >/dev/null 2>&1)
  secs=$(($(date +%s) - start))
  bytes=$(du -sb "$target" | cut -f1)
  largest=$(find "$target" -type f -printf '%s %f\n' | sort -n | tail -1)
  printf '| %s | %s | %s | %.1f GB | %s (%.0f MB) | %d min %02d s | %s |\n' "$name" "$debug" \
    "$incremental" "$(awk -v b="$bytes" 'BEGIN {print b / 1e9}')" "${largest#* }" \
    "$(awk -v b="${largest%% *}" 'BEGIN {print b / 1e6}')" $((secs / 60)) $((secs % 60)) "$what" >>"$out"
  rm -rf "$target"
done

cp "$out" "$ROOT/bench/DISK.md"
cat "$out"
