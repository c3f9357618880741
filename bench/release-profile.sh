#!/usr/bin/env bash
# Measures what each [profile.release] setting of the root Cargo.toml saves on the app's wasm.
#
# Builds the app with trunk once per variant, each into its own dist dir (bench/out/profile-NAME)
# and its own cargo target dir (target/bench-profile/NAME, so re-runs are incremental and the
# main target/ is left alone), changing one setting at a time from the tuned baseline through
# CARGO_PROFILE_RELEASE_* variables. All variants build one snapshot of the working tree taken at
# the start, so edits made meanwhile by others do not skew the comparison.
# Then writes bench/out/release-profile.{json,md}, copies the Markdown to
# bench/RELEASE-PROFILE.md and prints it.
#
#   bash bench/release-profile.sh                      # the six variants below, not the opt-in ones
#   BENCH_VARIANTS="baseline opt-s" bash bench/release-profile.sh   # a subset
#   BENCH_VARIANTS="baseline strip-none defaults" bash bench/release-profile.sh   # the opt-in ones
# Each build takes 3 min on two idle cores, 8–20 min while other builds share them: run it in
# the background.
#
# Sizes are reported at three stages: cargo's output (before wasm-bindgen), wasm-bindgen's output
# (before wasm-opt) and dist/ (after trunk's wasm-opt -Oz, what residents download).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/tools.sh
log() { printf '[release-profile] %s\n' "$*" >&2; }

OUT="$ROOT/bench/out"
mkdir -p "$OUT"

# name | opt-level | lto | codegen-units | panic | strip | what it shows
# (strip-none and defaults only when BENCH_VARIANTS names them: strip changes nothing downloaded,
# since wasm-opt drops names and DWARF anyway.)
VARIANTS_TABLE="\
baseline|z|true|1|abort|debuginfo|the tuned profile in Cargo.toml
opt-s|s|true|1|abort|debuginfo|opt-level s instead of z
opt-3|3|true|1|abort|debuginfo|opt-level 3 (cargo's default) instead of z
lto-false|z|false|1|abort|debuginfo|lto false (cargo's default: thin-local) instead of true (fat)
cgu-16|z|true|16|abort|debuginfo|codegen-units 16 (cargo's default) instead of 1
panic-unwind|z|true|1|unwind|debuginfo|panic unwind (cargo's default) instead of abort
strip-none|z|true|1|abort|none|strip none instead of debuginfo
defaults|3|false|16|unwind|none|cargo's release defaults for all five settings"
WANTED="${BENCH_VARIANTS:-baseline opt-s opt-3 lto-false cgu-16 panic-unwind}"

# One snapshot of the tracked and untracked (not ignored) files of the working tree.
SNAP="$(mktemp -d /tmp/baoan-bench-src.XXXXXX)"
trap 'rm -rf "$SNAP"' EXIT
git ls-files -co --exclude-standard -z | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$SNAP"
SOURCE_REV="$(git rev-parse --short HEAD)"
if [ -n "$(git status --porcelain -- src contract Cargo.toml Cargo.lock index.html style public)" ]; then
  SOURCE_REV="$SOURCE_REV + uncommitted changes"
fi
log "building from a snapshot of the working tree ($SOURCE_REV) in $SNAP"

RESULTS="$OUT/release-profile-builds.tsv"
: >"$RESULTS"
while IFS='|' read -r name opt lto cgu panic strip what; do
  case " $WANTED " in *" $name "*) ;; *) continue ;; esac
  dist="$OUT/profile-$name"
  target_dir="$ROOT/target/bench-profile/$name"
  buildlog="$OUT/profile-$name.log"
  log "$name: opt-level=$opt lto=$lto codegen-units=$cgu panic=$panic strip=$strip (log: ${buildlog#$ROOT/})"
  started=$(date +%s)
  status=ok
  # nice: other engineers build on the same two cores.
  (cd "$SNAP" && env CARGO_TARGET_DIR="$target_dir" \
      CARGO_PROFILE_RELEASE_OPT_LEVEL="$opt" CARGO_PROFILE_RELEASE_LTO="$lto" \
      CARGO_PROFILE_RELEASE_CODEGEN_UNITS="$cgu" CARGO_PROFILE_RELEASE_PANIC="$panic" \
      CARGO_PROFILE_RELEASE_STRIP="$strip" \
      nice -n 10 trunk build --release --offline --dist "$dist") >"$buildlog" 2>&1 || status=failed
  seconds=$(( $(date +%s) - started ))
  log "$name: $status in ${seconds}s"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$opt" "$lto" "$cgu" "$panic" "$strip" \
    "$what" "$status" "$seconds" "$target_dir" "$dist" >>"$RESULTS"
done <<<"$VARIANTS_TABLE"

node "$ROOT/bench/lib/release-profile.mjs" "$RESULTS" "$OUT" "$SOURCE_REV"
cp "$OUT/release-profile.md" "$ROOT/bench/RELEASE-PROFILE.md"
cat "$OUT/release-profile.md"
