#!/usr/bin/env bash
# Browser tests for landed (called by .ci/run).
# Installs Debian's Chromium if missing, installs the npm packages (npm ci), builds landed,
# starts it on a free port with a temporary SQLite database, creates a staff user with
# `landed admin create-user`, runs `node --test`, and stops the server. Screenshots of every
# page go to e2e/screenshots/.
# One file or a few: E2E_TESTS="tests/07-inbox.test.mjs" bash e2e/run.sh (paths from e2e/).
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E_DIR/.." && pwd)"
cd "$E2E_DIR"

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: installing chromium (Debian package)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

npm ci --no-audit --no-fund --loglevel=error

echo "e2e: building landed"
cargo build --quiet -p landed --manifest-path "$ROOT/Cargo.toml"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/landed"

TMP="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
DB="sqlite://$TMP/e2e.db"
export STAFF_EMAIL="staff@example.org"
export STAFF_PASSWORD="e2e password $RANDOM$RANDOM"

printf '%s\n' "$STAFF_PASSWORD" | "$BIN" admin create-user "$STAFF_EMAIL" --database "$DB"

LANDED_SECRET="e2e-$RANDOM$RANDOM" "$BIN" serve --addr "127.0.0.1:$PORT" --database "$DB" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
cleanup() {
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${E2E_KEEP_LOG:-}" != "" ]; then cp "$TMP/server.log" "$E2E_DIR/screenshots/server.log" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

export BASE_URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  if curl -fsS "$BASE_URL/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "e2e: the server did not start:"; cat "$TMP/server.log"; exit 1
  fi
  sleep 0.2
done

rm -rf "$E2E_DIR/screenshots" && mkdir -p "$E2E_DIR/screenshots"
set +e
# shellcheck disable=SC2086 # a list of paths, split on spaces
node --test --test-concurrency=1 ${E2E_TESTS:-tests/}
status=$?
set -e
if [ $status -ne 0 ]; then
  echo "e2e: server log (last 50 lines):"; tail -n 50 "$TMP/server.log"
fi
exit $status
