#!/usr/bin/env bash
# Runs every test: installs what is missing (build tools, Chromium, PostgreSQL, npm packages),
# builds the app in release, then runs
#   1. the Rust tests of the whole workspace (contract rules, app i18n, server over real HTTP)
#      against SQLite and against a throw-away PostgreSQL on a loopback port;
#   2. the contract's TypeScript client types, generated from openapi.json by openapi-typescript
#      and checked by tsc on a typed use of them (tests/openapi-ts);
#   3. the browser tests and the axe-core accessibility scan in headless Debian Chromium,
#      against the reference server serving the release build on a fresh SQLite database;
#   4. the API fuzzer (scripts/fuzz-api.sh: schemathesis, signed in) against that same server.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
started=$(date +%s)
# A clean CI clone compiles everything once: incremental caches would only double the disk the
# test build needs (bench/DISK.md).
export CARGO_INCREMENTAL=0
step() { printf '\n==> %s\n' "$*"; }

step "tools"
. scripts/tools.sh
bash scripts/test-deps.sh

step "conventions (formatting, clippy, file length)"
bash scripts/conventions.sh

step "build the app (release)"
BAOAN_GALLERY=1 bash scripts/build-app.sh  # with the component gallery (gallery.html) for its axe scan

WORK="$(mktemp -d /tmp/baoan-test.XXXXXX)"
chmod 755 "$WORK"
PG_PORT="${BAOAN_TEST_PG_PORT:-55432}"
SERVER_PORT="${BAOAN_TEST_PORT:-18080}"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  bash scripts/pg.sh stop "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT

step "PostgreSQL on 127.0.0.1:$PG_PORT"
export TEST_POSTGRES_URL="$(bash scripts/pg.sh start "$WORK/pg" "$PG_PORT")"
export BAOAN_REQUIRE_POSTGRES=1

step "Rust tests (SQLite and PostgreSQL)"
set +e
cargo test --workspace --no-fail-fast 2>&1 | tee "$WORK/cargo-test.log"
rust_status=${PIPESTATUS[0]}
set -e
rust_passed=$(grep -Eo '^test result: [a-zA-Z]+\. [0-9]+ passed' "$WORK/cargo-test.log" | awk '{s+=$4} END {print s+0}')
rust_failed=$(grep -Eo '[0-9]+ failed' "$WORK/cargo-test.log" | awk '{s+=$1} END {print s+0}')

step "OpenAPI client types (openapi-typescript, tsc)"
contract_passed=0
contract_failed=0
if (cd tests/openapi-ts && npm test --silent); then
  contract_passed=$((contract_passed + 1))
else
  contract_failed=$((contract_failed + 1))
fi

step "browser tests and accessibility scan (headless Chromium)"
cargo build -p baoan-server
# The staff token of the admin API, for specs that act as staff (e.g. marking a proxy sweep done).
export BAOAN_ADMIN_TOKEN="${BAOAN_ADMIN_TOKEN:-e2e-staff-token}"
# Demo mode (the dev SMS outbox the specs read codes from), for the server and the staff CLI the
# specs run against its database alike.
export BAOAN_DEMO=1
BAOAN_INSECURE_DEV_COOKIE=1 BAOAN_SMS_CEILING_PER_MINUTE=100000 \
  BAOAN_SMS_CEILING_PER_HOUR=1000000 BAOAN_SMS_PER_IP_PER_HOUR=100000 BAOAN_SMS_PER_PHONE_PER_HOUR=1000 \
  target/debug/baoan-server serve --demo --data-dir "$WORK/data" --dist-dir "$ROOT/dist" \
  --bind "127.0.0.1:$SERVER_PORT" >"$WORK/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$SERVER_PORT/api/v1/meta" >/dev/null 2>&1 && break
  sleep 0.2
done
# The staff-CLI specs run the server binary against the running server's data directory.
export BAOAN_SERVER_BIN="$ROOT/target/debug/baoan-server" BAOAN_TEST_DATA_DIR="$WORK/data"
e2e_status=0
(cd tests/e2e && BASE_URL="http://127.0.0.1:$SERVER_PORT" npx playwright test) || e2e_status=$?
e2e_counts=$(node -e '
  const r = require(process.argv[1]);
  const s = r.stats || {};
  console.log(`${s.expected || 0} ${(s.unexpected || 0) + (s.flaky || 0)}`);
' "$ROOT/tests/e2e/test-results/results.json" 2>/dev/null || echo "0 1")
read -r e2e_passed e2e_failed <<<"$e2e_counts"
if [ "$e2e_status" -ne 0 ] && [ "$e2e_failed" -eq 0 ]; then e2e_failed=1; fi

step "API fuzzer (schemathesis against the running server)"
if bash scripts/fuzz-api.sh "http://127.0.0.1:$SERVER_PORT"; then
  contract_passed=$((contract_passed + 1))
else
  contract_failed=$((contract_failed + 1))
fi

step "summary ($(( $(date +%s) - started )) s)"
echo "rust: $rust_passed passed, $rust_failed failed"
echo "browser: $e2e_passed passed, $e2e_failed failed"
echo "contract: $contract_passed passed, $contract_failed failed"
echo "total: $(( rust_passed + e2e_passed + contract_passed )) passed, $(( rust_failed + e2e_failed + contract_failed )) failed"
[ "$rust_status" -eq 0 ] && [ "$rust_failed" -eq 0 ] && [ "$e2e_status" -eq 0 ] && [ "$e2e_failed" -eq 0 ] \
  && [ "$contract_failed" -eq 0 ]
