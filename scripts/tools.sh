#!/usr/bin/env bash
# Installs what building the app needs, skipping anything already present (a few seconds when
# all is there). Source it (`. scripts/tools.sh`) so the PATH it sets carries on.
#   - the wasm32-unknown-unknown target
#   - trunk 0.21.14 (0.22 needs a newer rustc), built without optimisation: ~4x quicker to compile
#   - wasm-bindgen-cli at exactly the version Cargo.lock pins for wasm-bindgen
#   - wasm-opt 132 from the npm package binaryen (Debian's v108 is too old)
#   - leptosfmt 0.1.33, the formatter of `view!` bodies (scripts/fmt.sh, scripts/conventions.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
mkdir -p "$TOOLS"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

log() { printf '[tools] %s\n' "$*" >&2; }

# The toolchain rust-toolchain.toml names. A machine without network access to rustup's servers
# may have that very release installed as `stable` only; rustup refuses `toolchain link` under an
# official name, so the release's name is made to point at the installed stable toolchain.
PINNED="$(awk -F'"' '/^channel/{print $2}' "$ROOT/rust-toolchain.toml")"
HOST="$(RUSTUP_TOOLCHAIN=stable rustc -vV | awk '/^host:/{print $2}')"
if ! RUSTUP_TOOLCHAIN=stable rustup toolchain list | grep -q "^$PINNED-$HOST"; then
  if grep -q "^rustc $PINNED " <<<"$(RUSTUP_TOOLCHAIN=stable rustc --version)"; then
    log "naming the installed stable toolchain $PINNED (rust-toolchain.toml)"
    ln -s "$(RUSTUP_TOOLCHAIN=stable rustc --print sysroot)" "${RUSTUP_HOME:-$HOME/.rustup}/toolchains/$PINNED-$HOST"
  else
    log "installing Rust $PINNED (rust-toolchain.toml)"
    RUSTUP_TOOLCHAIN=stable rustup toolchain install "$PINNED" --profile minimal \
      --component rustfmt --component clippy --target wasm32-unknown-unknown
  fi
fi

# Outputs are captured before grep: under pipefail an early-exiting `grep -q` can fail the pipe.
targets="$(rustup target list --installed)"
if ! grep -qx wasm32-unknown-unknown <<<"$targets"; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! grep -q '0.21.14' <<<"$(trunk --version 2>/dev/null || true)"; then
  log "installing trunk 0.21.14 (takes several minutes once)"
  cargo install --locked --debug trunk --version 0.21.14
fi

WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' "$ROOT/Cargo.lock")"
if [ -z "$WB_VERSION" ]; then
  log "Cargo.lock has no wasm-bindgen entry"; exit 1
fi
if ! grep -q "$WB_VERSION" <<<"$(wasm-bindgen --version 2>/dev/null || true)"; then
  log "installing wasm-bindgen-cli $WB_VERSION (about 5 minutes once)"
  # Not --locked: its lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
if ! grep -q "wasm_bindgen = \"$WB_VERSION\"" "$ROOT/Trunk.toml"; then
  log "Trunk.toml pins another wasm-bindgen than Cargo.lock ($WB_VERSION): update [tools] wasm_bindgen"; exit 1
fi

if ! grep -q '0.1.33' <<<"$(leptosfmt --version 2>/dev/null || true)"; then
  log "installing leptosfmt 0.1.33 (formats view! bodies; about 3 minutes once)"
  cargo install --locked --debug leptosfmt --version 0.1.33
fi

if ! grep -q 'version 132' <<<"$(wasm-opt --version 2>/dev/null || true)"; then
  log "installing wasm-opt 132 (npm binaryen@132.0.0)"
  (cd "$TOOLS" && [ -f package.json ] || echo '{"private":true}' > "$TOOLS/package.json"
   cd "$TOOLS" && npm install --no-audit --no-fund --silent binaryen@132.0.0)
fi
