#!/usr/bin/env bash
# Builds the resident app in release into dist/, then writes .br and .gz beside each text and
# wasm file so the server sends them pre-compressed (best compression, no per-request CPU).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/tools.sh"
cd "$ROOT"
trunk build --release --offline
node "$ROOT/scripts/precompress.mjs" "$ROOT/dist"
