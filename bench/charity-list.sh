#!/usr/bin/env bash
# Charity list benchmark: how the project list's first page, a Chinese search and a filter
# scale from ~100 to ~10,000 projects. A benchmark, not a test: it reports and exits 0 unless
# something broke (build, server start).
#
# For each size it starts the reference server (debug build unless BENCH_RELEASE=1) on a fresh
# SQLite data dir with the demo data plus BAOAN_DEMO_LARGE=<n> generated projects, warms up,
# then times BENCH_REQUESTS (200) sequential requests of each query with curl and reports the
# median and p95 server round trip in ms, and the 10,000 / 100 ratio of the medians.
# PostgreSQL: set BENCH_DATABASE_URL_BASE to an admin URL (postgres://…/postgres); a database
# per size is created and dropped with psql.
#
# Environment: BENCH_PORT (18131), BENCH_REQUESTS (200), BENCH_RELEASE=1, BENCH_SKIP_BUILD=1,
# BENCH_BIN (another server binary, e.g. an older build to compare) with BENCH_TAG (names its
# report bench/out/charity-list-TAG.md and leaves bench/CHARITY-LIST.md alone).
#
# The report goes to bench/out/charity-list.md and is copied to bench/CHARITY-LIST.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${BENCH_PORT:-18131}"
N="${BENCH_REQUESTS:-200}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
log() { printf '[charity-list] %s\n' "$*" >&2; }

profile=debug
if [ "${BENCH_RELEASE:-}" = 1 ]; then profile=release; fi
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "building the server ($profile)"
  if [ "$profile" = release ]; then cargo build -q --release -p baoan-server; else cargo build -q -p baoan-server; fi
fi
BIN="${BENCH_BIN:-$ROOT/target/$profile/baoan-server}"
TAG="${BENCH_TAG:-}"
REPORT="$OUT/charity-list${TAG:+-$TAG}.md"
# The API is what is measured; the app's files are served from dist/ if it is built.
DIST="$ROOT/dist"
if [ ! -f "$DIST/index.html" ]; then log "no dist/: run scripts/build-app.sh first"; exit 1; fi

# URL-encoded queries: first page (newest); searches (title or organiser) for 西乡 (common: in
# about 3 of 10 projects), 第123期 (rare: one project), 助 (one character: no bigram, the LIKE
# scan); a filter.
declare -A QUERIES=(
  [first_page]="/api/v1/charity/projects"
  [search_xixiang]="/api/v1/charity/projects?q=%E8%A5%BF%E4%B9%A1"
  [search_rare_issue]="/api/v1/charity/projects?q=%E7%AC%AC123%E6%9C%9F"
  [search_one_char]="/api/v1/charity/projects?q=%E5%8A%A9"
  [filter_status_category]="/api/v1/charity/projects?status=fundraising&category=education&sort=nearly_funded"
)
ORDER=(first_page search_xixiang search_rare_issue search_one_char filter_status_category)

# time_query URL → prints "median p95" in ms
time_query() {
  local url="$1" i
  for i in $(seq 1 10); do curl -s -o /dev/null "$url"; done
  for i in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done |
    sort -n | awk '{ a[NR] = $1 * 1000 } END { printf "%.2f %.2f\n", a[int((NR + 1) / 2)], a[int(NR * 0.95)] }'
}

declare -A RESULT
for size in 100 10000; do
  data="$(mktemp -d)"
  generated=$((size - 10)) # the realistic demo set has 10 projects
  log "starting the server with $size projects"
  BAOAN_DEMO_LARGE="$generated" BAOAN_DATA_DIR="$data" "$BIN" serve --demo --data-dir "$data" --dist-dir "$DIST" \
    --bind "127.0.0.1:$PORT" > "$OUT/charity-list-server-$size.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$PORT/api/v1/charity/projects" > /dev/null 2>&1; then break; fi
    sleep 0.2
  done
  total=$(curl -s "http://127.0.0.1:$PORT/api/v1/charity/projects" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  log "server ready with total=$total projects"
  for q in "${ORDER[@]}"; do
    RESULT[$size.$q]="$(time_query "http://127.0.0.1:$PORT${QUERIES[$q]}")"
    log "$size $q: ${RESULT[$size.$q]}"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done

{
  echo "# Charity list benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $profile server${TAG:+ \"$TAG\"}, SQLite, $N requests each)"
  echo
  echo "| query | 100: median ms | 100: p95 ms | 10,000: median ms | 10,000: p95 ms | ratio (median) |"
  echo "|---|---:|---:|---:|---:|---:|"
  for q in "${ORDER[@]}"; do
    read -r m1 p1 <<< "${RESULT[100.$q]}"
    read -r m2 p2 <<< "${RESULT[10000.$q]}"
    ratio=$(awk -v a="$m2" -v b="$m1" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    echo "| $q | $m1 | $p1 | $m2 | $p2 | $ratio |"
  done
} | tee "$REPORT"
if [ -z "$TAG" ]; then cp "$REPORT" "$ROOT/bench/CHARITY-LIST.md"; fi
