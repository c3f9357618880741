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
# The dev SMS sender writes sign-in codes to this log (demo: sign in as 13800138000).
exec target/release/baoan-server serve --demo-data --data-dir "$ROOT/data" --dist-dir "$ROOT/dist" "$@"
