#!/usr/bin/env bash
# Load figures for BENCHMARKS.md, against a release `landed serve` on 127.0.0.1 only.
#
#   tools/load/run.sh [SECONDS]        # default 20 s per run; at most 120 s, 256 connections
#
# Runs of SECONDS each — POST /api/v1/crs, GET /en/ (the home page), POST /en/questions/new
# (question form submissions stored on SQLite, each with its own form token; at most 10 s)
# and POST /api/v1/questions (LOAD_API_SECS, default SECONDS) — while the server's RSS is
# sampled every second. Uses wrk (installed with
# apt-get when missing; `LOAD_TOOL=oha` for oha, installed with `cargo install oha --locked`).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS="${1:-20}"
CONNS="${LOAD_CONNECTIONS:-64}"
THREADS="${LOAD_THREADS:-2}"
export LOAD_THREADS="$THREADS"
if [ "$SECS" -gt 120 ] || [ "$CONNS" -gt 256 ]; then
  echo "run.sh: at most 120 s and 256 connections per run" >&2; exit 2
fi
PORT="${LOAD_PORT:-18080}"
ADDR="127.0.0.1:$PORT"
OUT="${LOAD_OUT:-target/load}"
HERE=tools/load
mkdir -p "$OUT"

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi

if [ "${LOAD_SKIP_BUILD:-0}" != 1 ]; then
  echo "== building the release binary" >&2
  cargo build --release -p landed --quiet
fi
BIN=target/release/landed

DB="$OUT/load.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
# Every limit as shipped. The question posts come from many clients, as on a real site: the
# server trusts 127.0.0.1 as a reverse proxy and each post names its own client address in
# X-Forwarded-For (questions.lua, api_questions.lua), so each client's per-IP count stays
# within the shipped 30 an hour (5 for cookie-less and API posts). Only the minimum fill time
# is off: the forms are fetched and sent at once.
"$BIN" serve --addr "$ADDR" --database "sqlite://$DB" --secret load-test-secret \
  --trusted-proxy 127.0.0.1 --min-fill-secs 0 2> "$OUT/server.log" &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://$ADDR/health" >/dev/null 2>&1 && break
  sleep 0.1
done

( while kill -0 $PID 2>/dev/null; do
    awk '/^VmRSS/ {print $2}' /proc/$PID/status 2>/dev/null || true
    sleep 1
  done ) > "$OUT/rss.txt" &
SAMPLER=$!

run() { # name, wrk arguments…
  local name="$1"; shift
  echo "== $name: $SECS s, $CONNS connections, $THREADS threads"
  wrk -t "$THREADS" -c "$CONNS" -d "${SECS}s" --latency "$@" > "$OUT/$name.txt"
  grep -E "Requests/sec|^ +99%|^ +50%|Non-2xx|Socket errors|requests in" "$OUT/$name.txt" | sed 's/^/  /'
}

run crs -s "$HERE/crs.lua" "http://$ADDR/api/v1/crs"
run home "http://$ADDR/en/"

# Question submissions: a token is used once, so fetch one form per submission first
# (at most 10 s of submissions, 2,000 forms a second, to keep the preparation short).
QSECS=$(( SECS < 10 ? SECS : 10 ))
N=$(( QSECS * 2000 ))
echo "== fetching $N question forms" >&2
python3 "$HERE/forms.py" "$ADDR" "$N" "$OUT/question-bodies.txt"
BEFORE=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from questions').fetchone()[0])" "$DB")
SECS_SAVED=$SECS; SECS=$QSECS
LOAD_BODIES="$OUT/question-bodies.txt" run questions -s "$HERE/questions.lua" "http://$ADDR/en/questions/new"
SECS=$SECS_SAVED
AFTER=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from questions').fetchone()[0])" "$DB")
echo "  questions stored: $((AFTER - BEFORE)) in $QSECS s ($(( (AFTER - BEFORE) / QSECS ))/s)"

# The JSON API's question endpoint (issue 13 §5: ≥ 1,000 durable submissions/s over 60 s):
# LOAD_API_SECS seconds (default SECS), each request a new question.
ASECS="${LOAD_API_SECS:-$SECS}"
if [ "$ASECS" -gt 120 ]; then echo "run.sh: LOAD_API_SECS at most 120" >&2; exit 2; fi
BEFORE=$AFTER
SECS_SAVED=$SECS; SECS=$ASECS
run api_questions -s "$HERE/api_questions.lua" "http://$ADDR/api/v1/questions"
SECS=$SECS_SAVED
AFTER=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from questions').fetchone()[0])" "$DB")
echo "  API questions stored: $((AFTER - BEFORE)) in $ASECS s ($(( (AFTER - BEFORE) / ASECS ))/s)"

kill $SAMPLER 2>/dev/null || true
python3 - "$OUT/rss.txt" <<'PY'
import sys
v = [int(x) for x in open(sys.argv[1]) if x.strip()]
if v:
    print(f"== RSS over the session: start {v[0]/1024:.0f} MB, max {max(v)/1024:.0f} MB, end {v[-1]/1024:.0f} MB ({len(v)} samples, 1 s apart)")
PY
grep -c "" "$OUT/server.log" | sed 's/^/== server log lines: /'
