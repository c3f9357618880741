#!/usr/bin/env bash
# Fuzzes the API against its own contract: schemathesis (pinned, from PyPI, in a venv under
# .tools/) reads BASE_URL/api/v1/openapi.json and sends schema-driven requests as a signed-in
# resident, checking that no answer is a server error, that every status, content type and body
# is the documented one, and that every schema-valid request is accepted. Exits non-zero on any
# finding. Fixed seed and a bounded number of examples: a couple of minutes on two cores.
#
#   scripts/fuzz-api.sh http://127.0.0.1:18080
#
# The server must run in demo mode (`serve --demo`: the dev SMS outbox) and, over plain HTTP, the
# insecure dev cookie; scripts/test.sh starts it so. Configuration: tests/fuzz/schemathesis.toml.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_URL="${1:?usage: scripts/fuzz-api.sh BASE_URL}"
BASE_URL="${BASE_URL%/}"
SCHEMATHESIS_VERSION=4.32.5
VENV="$ROOT/.tools/schemathesis"
log() { printf '[fuzz-api] %s\n' "$*" >&2; }

if ! grep -q " $SCHEMATHESIS_VERSION\$" <<<"$("$VENV/bin/st" --version 2>/dev/null || true)"; then
  log "installing schemathesis $SCHEMATHESIS_VERSION into .tools/schemathesis"
  # A fresh venv: one left by another checkout or Python points at interpreters that are gone.
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# Sign in a resident of its own, as the app does: a code to a phone (the dev outbox shows it),
# then the session, all in one cookie jar (a code belongs to the device that asked for it).
# Writes need the app's own Origin.
PHONE="${BAOAN_FUZZ_PHONE:-13900139000}"
WORK="$(mktemp -d /tmp/baoan-fuzz.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
JAR="$WORK/cookies"
api() { curl -fsS -b "$JAR" -c "$JAR" -H "Origin: $BASE_URL" "$@"; }
api -H 'Content-Type: application/json' -d "{\"phone\":\"$PHONE\"}" "$BASE_URL/api/v1/auth/sms-code" >/dev/null
code="$(api "$BASE_URL/api/v1/dev/sms-outbox?phone=$PHONE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')"
api -H 'Content-Type: application/json' -d "{\"phone\":\"$PHONE\",\"code\":\"$code\"}" \
  "$BASE_URL/api/v1/auth/session" >/dev/null
# The Netscape cookie jar as one Cookie header (HttpOnly cookies are prefixed #HttpOnly_).
cookie="$(awk -F'\t' 'NF == 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$JAR")"
[ -n "$cookie" ] || { log "sign-in set no cookie"; exit 1; }
log "signed in $PHONE"
# With the bootstrap token the server was started with (BAOAN_ADMIN_TOKEN), the staff API is
# fuzzed too: the token only creates a district admin, signed in with password and a TOTP code
# (RFC 6238, computed here as an authenticator app would), whose session is used for /staff/ paths.
staff=()
if [ -n "${BAOAN_ADMIN_TOKEN:-}" ]; then
  login="fuzz.admin.$$"
  password="fuzzer passphrase $$ $RANDOM"
  secret="$(api -H "Authorization: Bearer $BAOAN_ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$login\",\"display_name\":\"Fuzzer\",\"password\":\"$password\",\"assignment\":{\"role\":\"district_admin\",\"place\":null}}" \
    "$BASE_URL/api/v1/staff/accounts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totp_secret"])')"
  totp="$(python3 - "$secret" <<'PY'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
digest = hmac.new(key, struct.pack(">q", int(time.time()) // 30), "sha1").digest()
offset = digest[19] & 15
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
)"
  api -H 'Content-Type: application/json' -d "{\"login\":\"$login\",\"password\":\"$password\",\"code\":\"$totp\"}" \
    "$BASE_URL/api/v1/staff/session" >/dev/null
  cookie="$(awk -F'\t' 'NF == 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$JAR")"
  log "signed in staff member $login"
fi

# Excluded operations, each for one reason (everything else is fuzzed):
#   DELETE /auth/session   signs the fuzzer's resident out (every later request would be 401)
#   DELETE /me/sessions    the same, for all of the resident's sessions
#   DELETE /me             deletes the fuzzer's account (and its session)
#   DELETE /staff/session  signs the fuzzer's staff member out
cd "$WORK"
"$VENV/bin/st" --config-file "$ROOT/tests/fuzz/schemathesis.toml" run "$BASE_URL/api/v1/openapi.json" \
  --url "$BASE_URL" \
  -H "Cookie: $cookie" -H "Origin: $BASE_URL" "${staff[@]}" \
  --exclude-name 'DELETE /api/v1/auth/session' \
  --exclude-name 'DELETE /api/v1/me/sessions' \
  --exclude-name 'DELETE /api/v1/me' \
  --exclude-name 'DELETE /api/v1/staff/session' \
  --no-color
