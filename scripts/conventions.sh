#!/usr/bin/env bash
# The code conventions, checked (the test command runs this first; `scripts/fmt.sh` fixes the
# formatting part):
#   - rustfmt (rustfmt.toml) and leptosfmt (leptosfmt.toml, inside `view!`) leave nothing to change;
#   - clippy finds nothing, natively for the whole workspace and for the app's wasm build;
#   - no Rust source file is longer than 400 lines, and none is included through `#[path]`
#     (split a long file into a folder module instead).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MAX_LINES=400
fail=0

cargo fmt --all --check || { echo "conventions: run scripts/fmt.sh" >&2; fail=1; }
leptosfmt --check -q --config-file leptosfmt.toml src >/dev/null \
  || { echo "conventions: view! bodies not formatted by leptosfmt (run scripts/fmt.sh)" >&2; fail=1; }

cargo clippy -q --workspace --all-targets -- -D warnings || fail=1
cargo clippy -q -p baoan-app --target wasm32-unknown-unknown --lib --bins -- -D warnings || fail=1

long="$(git ls-files '*.rs' | xargs wc -l | awk -v max="$MAX_LINES" '$2 != "total" && $1 > max {print "  " $2 " (" $1 " lines)"}')"
if [ -n "$long" ]; then
  echo "conventions: files over $MAX_LINES lines:" >&2; echo "$long" >&2; fail=1
fi
# Tests included: a multi-file integration test reaches its parts through an inline module
# (`mod privacy { mod account; }` finds tests/privacy/account.rs), not through a path.
pathed="$(git grep -n '#\[path' -- '*.rs' || true)"
if [ -n "$pathed" ]; then
  echo "conventions: #[path] includes (make a folder module instead):" >&2; echo "$pathed" >&2; fail=1
fi
[ "$fail" -eq 0 ] && echo "conventions: ok"
exit "$fail"
