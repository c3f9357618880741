#!/usr/bin/env bash
# Runs the whole service locally: installs missing build tools, builds the app in release,
# and starts the reference server on http://127.0.0.1:8080 with an embedded SQLite database
# under ./data (created, migrated and filled with clearly-marked demo data on first start).
# Extra arguments go to the server (see `cargo run -p baoan-server -- --help`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/build-app.sh
cargo build --release -p baoan-server
# Demo mode: no SMS is sent and no code is logged; read the demo resident's sign-in code from the dev outbox,
#   curl 'http://127.0.0.1:8080/api/v1/dev/sms-outbox?phone=13800138000'
# Plain HTTP here, so cookies without Secure (--insecure-dev-cookie); never in production.
exec target/release/baoan-server serve --demo --insecure-dev-cookie \
  --data-dir "$ROOT/data" --dist-dir "$ROOT/dist" "$@"
