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
# shellcheck source=tools/load/common.sh
. tools/load/common.sh

DB="$OUT/load.db"
# Only the minimum fill time is off: the forms are fetched and sent at once.
start_server "$DB" "$OUT/server.log" --min-fill-secs 0
sample_rss "$OUT/rss.txt"

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
BEFORE=$(count_questions "$DB")
SECS_SAVED=$SECS; SECS=$QSECS
LOAD_BODIES="$OUT/question-bodies.txt" run questions -s "$HERE/questions.lua" "http://$ADDR/en/questions/new"
SECS=$SECS_SAVED
AFTER=$(count_questions "$DB")
echo "  questions stored: $((AFTER - BEFORE)) in $QSECS s ($(( (AFTER - BEFORE) / QSECS ))/s)"

# The JSON API's question endpoint (issue 13 §5: ≥ 1,000 durable submissions/s over 60 s):
# LOAD_API_SECS seconds (default SECS), each request a new question.
ASECS="${LOAD_API_SECS:-$SECS}"
if [ "$ASECS" -gt 120 ]; then echo "run.sh: LOAD_API_SECS at most 120" >&2; exit 2; fi
BEFORE=$AFTER
SECS_SAVED=$SECS; SECS=$ASECS
run api_questions -s "$HERE/api_questions.lua" "http://$ADDR/api/v1/questions"
SECS=$SECS_SAVED
AFTER=$(count_questions "$DB")
echo "  API questions stored: $((AFTER - BEFORE)) in $ASECS s ($(( (AFTER - BEFORE) / ASECS ))/s)"

kill $SAMPLER 2>/dev/null || true
python3 - "$OUT/rss.txt" <<'PY'
import sys
v = [int(x) for x in open(sys.argv[1]) if x.strip()]
if v:
    print(f"== RSS over the session: start {v[0]/1024:.0f} MB, max {max(v)/1024:.0f} MB, end {v[-1]/1024:.0f} MB ({len(v)} samples, 1 s apart)")
PY
grep -c "" "$OUT/server.log" | sed 's/^/== server log lines: /'
