# Shared by run.sh and soak.sh (sourced, from the repository root): wrk, the release binary,
# a fresh `landed serve` on 127.0.0.1 and an RSS sampler.
PORT="${LOAD_PORT:-18080}"
ADDR="127.0.0.1:$PORT"
OUT="${LOAD_OUT:-target/load}"
HERE=tools/load
BIN=target/release/landed
mkdir -p "$OUT"

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
if [ "${LOAD_SKIP_BUILD:-0}" != 1 ]; then
  echo "== building the release binary" >&2
  cargo build --release -p landed --quiet
fi

# start_server DB LOG [serve flags…]: a fresh SQLite database at DB, every limit as shipped
# plus the flags given. The question posts come from many clients, as on a real site: the
# server trusts 127.0.0.1 as a reverse proxy and each post names its own client address in
# X-Forwarded-For (questions.lua, api_questions.lua), so each client's per-IP count stays
# within the shipped 30 an hour (5 for cookie-less and API posts). Sets PID; stopped on exit.
start_server() {
  local db="$1" log="$2"; shift 2
  rm -f "$db" "$db-wal" "$db-shm"
  "$BIN" serve --addr "$ADDR" --database "sqlite://$db" --secret load-test-secret \
    --trusted-proxy 127.0.0.1 "$@" 2> "$log" &
  PID=$!
  trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    curl -fsS "http://$ADDR/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
}

# sample_rss FILE: the server's RSS (kB) every second into FILE. Sets SAMPLER.
sample_rss() {
  ( while kill -0 "$PID" 2>/dev/null; do
      awk '/^VmRSS/ {print $2}' "/proc/$PID/status" 2>/dev/null || true
      sleep 1
    done ) > "$1" &
  SAMPLER=$!
}

# count_questions DB: how many questions DB holds.
count_questions() {
  python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from questions').fetchone()[0])" "$1"
}
