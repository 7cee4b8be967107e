#!/usr/bin/env bash
# Resident memory over a long mixed run (issue 13 §5: "flat over a 5-minute run"), against a
# release `landed serve` on 127.0.0.1 only.
#
#   tools/load/soak.sh [SECONDS]      # default 300 s; at most 600 s
#
# For SECONDS, three wrk clients at once: POST /api/v1/crs (16 connections), GET /en/ (16)
# and POST /api/v1/questions (16, each request a new question from its own client address
# through 127.0.0.1 as a trusted proxy, the shipped limits in force) — while the server's RSS
# is sampled every second. Prints the RSS at the start, the mean of the first and of the last
# minute, the largest, and every request count; the samples stay in $OUT/soak-rss.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS="${1:-300}"
if [ "$SECS" -gt 600 ]; then echo "soak.sh: at most 600 s" >&2; exit 2; fi
# shellcheck source=tools/load/common.sh
. tools/load/common.sh

DB="$OUT/soak.db"
start_server "$DB" "$OUT/soak-server.log"
sample_rss "$OUT/soak-rss.txt"
echo "== soak: $SECS s of CRS, home page and API questions at once (16 connections each)"
export LOAD_THREADS=1
wrk -t 1 -c 16 -d "${SECS}s" -s "$HERE/crs.lua" "http://$ADDR/api/v1/crs" > "$OUT/soak-crs.txt" &
W1=$!
wrk -t 1 -c 16 -d "${SECS}s" "http://$ADDR/en/" > "$OUT/soak-home.txt" &
W2=$!
wrk -t 1 -c 16 -d "${SECS}s" -s "$HERE/api_questions.lua" "http://$ADDR/api/v1/questions" > "$OUT/soak-questions.txt" &
W3=$!
wait $W1 $W2 $W3
kill $SAMPLER 2>/dev/null || true
for f in crs home questions; do
  echo "  $f: $(grep -E 'requests in' "$OUT/soak-$f.txt" | sed 's/^ *//'); $(grep -E 'Requests/sec' "$OUT/soak-$f.txt" | sed 's/^ *//')"
  grep -E "Non-2xx|Socket errors" "$OUT/soak-$f.txt" | sed 's/^/    /' || true
done
STORED=$(count_questions "$DB")
echo "  questions stored: $STORED"
python3 - "$OUT/soak-rss.txt" <<'PY'
import sys
v = [int(x) / 1024 for x in open(sys.argv[1]) if x.strip()]
if len(v) >= 120:
    first, last = v[1:61], v[-60:]
    print(f"== RSS: start {v[0]:.0f} MB; first minute mean {sum(first)/len(first):.1f} MB; "
          f"last minute mean {sum(last)/len(last):.1f} MB; max {max(v):.0f} MB ({len(v)} samples, 1 s apart)")
elif v:
    print(f"== RSS: start {v[0]:.0f} MB, max {max(v):.0f} MB, end {v[-1]:.0f} MB ({len(v)} samples)")
PY
grep -c "" "$OUT/soak-server.log" | sed 's/^/== server log lines: /'
