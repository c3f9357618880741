#!/usr/bin/env bash
# Installs what the tests need beyond the build tools, skipping what is present:
# Debian's Chromium and ChromeDriver (never a downloaded browser), PostgreSQL, CJK fonts (so
# screenshots and contrast checks see real glyphs), and the pinned npm packages of tests/e2e.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf '[test-deps] %s\n' "$*" >&2; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# (Captured first: under pipefail, `fc-list | grep -q` can fail when grep stops reading early.)
fonts="$(fc-list 2>/dev/null || true)"
grep -qi 'Noto Sans CJK' <<<"$fonts" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages from their lockfiles (the browser tests; the OpenAPI client generator and tsc);
# each reinstalled only when its lockfile changes.
for dir in "$ROOT/tests/e2e" "$ROOT/tests/openapi-ts"; do
  stamp="$dir/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    log "installing ${dir#"$ROOT"/} npm packages (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --silent)
    cp "$dir/package-lock.json" "$stamp"
  fi
done
