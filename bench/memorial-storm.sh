#!/usr/bin/env bash
# The opening-time storm (祭扫): many residents reading a day's slots and booking at once against
# the reference server, on loopback only; reports bookings, errors, latency percentiles, and the
# same server's static-file throughput as the reference. A benchmark, not a test.
#
#   bash bench/memorial-storm.sh                # starts target/debug/baoan-server with demo data
#   BASE_URL=http://127.0.0.1:18140 bash bench/memorial-storm.sh   # against a server already running
#
# Environment: STORM_CLIENTS (200), STORM_READS (5 slot reads per client before booking),
# STORM_STATIC_REQUESTS (5000), STORM_PORT (18141). Bounded: one round, no retries.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
if [ -z "${BASE_URL:-}" ]; then
  PORT="${STORM_PORT:-18141}"
  DATA="$(mktemp -d /tmp/memorial-storm.XXXXXX)"
  mkdir -p "$DATA/dist"
  [ -d dist ] && DIST=dist || { DIST="$DATA/dist"; echo 'console.log("boot");' > "$DIST/boot.js"; echo '<!doctype html><title>x</title>' > "$DIST/index.html"; }
  [ -x target/debug/baoan-server ] || cargo build -p baoan-server
  BAOAN_SMS_PER_IP_PER_HOUR=1000000 BAOAN_SMS_PER_PHONE_PER_HOUR=1000 \
    target/debug/baoan-server serve --demo --data-dir "$DATA" --dist-dir "$DIST" --bind "127.0.0.1:$PORT" > "$DATA/server.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/api/v1/meta" > /dev/null 2>&1 && break; sleep 0.2; done
  export BASE_URL="http://127.0.0.1:$PORT"
fi
node bench/memorial-storm.mjs | tee "$OUT/memorial-storm.json"
