#!/usr/bin/env bash
# Lighthouse accessibility on the first page of each journey (and sign-in), in the normal and
# the elder mode (长辈模式), against the budget of 100. A benchmark, not a test: it exits 0
# whether the budget passes or fails, non-zero only when something broke.
#
# Needs a built dist/ (scripts/build-app.sh). Serves a copy of it with the reference server
# (debug) and demo data on BENCH_PORT (18095), runs Lighthouse 12.2.3 (bench/package-lock.json,
# mobile form factor, accessibility only) through puppeteer-core on Debian's Chromium, writes
# bench/out/a11y-journeys.{json,md} and copies the Markdown to bench/A11Y-JOURNEYS.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
OUT="$BENCH/out"
cd "$ROOT"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
stamp="$BENCH/node_modules/.lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$BENCH/package-lock.json" "$stamp"; then
  (cd "$BENCH" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  cp "$BENCH/package-lock.json" "$stamp"
fi
[ -f "$ROOT/dist/index.html" ] || { echo "no dist/: run scripts/build-app.sh first" >&2; exit 1; }
cargo build -q -p baoan-server
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
WORK="$(mktemp -d /tmp/baoan-a11y.XXXXXX)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
cp -a "$ROOT/dist" "$WORK/dist"
PORT="${BENCH_PORT:-18095}"
BASE_URL="http://127.0.0.1:$PORT"
"$TARGET/debug/baoan-server" serve --demo --data-dir "$WORK/data" --dist-dir "$WORK/dist" \
  --bind "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  curl -fs "$BASE_URL/api/v1/meta" >/dev/null 2>&1 && break
  sleep 0.2
done
mkdir -p "$OUT"
node "$BENCH/lib/a11y-journeys.mjs" --url "$BASE_URL" --out "$OUT" --source "$(git rev-parse --short HEAD)"
cp "$OUT/a11y-journeys.md" "$BENCH/A11Y-JOURNEYS.md"
cat "$OUT/a11y-journeys.md"
