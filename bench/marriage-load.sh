#!/usr/bin/env bash
# Load script (a benchmark, not a test): many clients booking the same day at once against a
# RUNNING server on loopback. Start one first, e.g.
#   BAOAN_SMS_PER_IP_PER_HOUR=100000 BAOAN_SMS_PER_PHONE_PER_HOUR=1000 \
#     target/debug/baoan-server serve --demo --data-dir /tmp/data-marriage-load --bind 127.0.0.1:18120
# then: BASE_URL=http://127.0.0.1:18120 CLIENTS=300 RESIDENTS=20 bash bench/marriage-load.sh
# Reports bookings made, "full" answers, other errors and latency percentiles (Node's fetch).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec node "$ROOT/bench/marriage-load.mjs"
