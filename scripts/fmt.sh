#!/usr/bin/env bash
# Formats the whole tree the way the test command checks it: leptosfmt for `view!` bodies, rustfmt
# for the rest. leptosfmt runs again after rustfmt because rustfmt may move a macro call to
# another indentation; after that second pass both are stable.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/tools.sh"
cd "$ROOT"
leptosfmt -q --config-file leptosfmt.toml src
cargo fmt --all
leptosfmt -q --config-file leptosfmt.toml src
