#!/usr/bin/env bash
# Load benchmark, run by hand (never in CI: these machines are shared and
# noisy). Starts the release server with demo data on a throw-away SQLite
# database and measures each page with wrk, reporting requests per second
# and the ratio to /healthz measured in the same run.
#
#   bash benches/load.sh [seconds per page, default 10] [connections, default 16]
#
# SCALE=N first runs `seed --scale N` (N generated trainees with three years
# of history) and prints how long it took. ECITIZEN_DATABASE_URL=postgres://…
# runs on that PostgreSQL database instead; it must be empty.
#
#   SCALE=100000 bash benches/load.sh 8 64
#   ECITIZEN_DATABASE_URL=postgres://postgres@127.0.0.1:55432/bench bash benches/load.sh 8 64
#
# PERF_DIR=dir also records each page's profile with `perf record -g` into
# dir/<page>.data (Debian: apt-get install linux-perf); PERF_OPTS="--call-graph dwarf"
# gives usable call stacks from the release build (it has no frame pointers).
#
# Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PAGE=${1:-10}
CONNECTIONS=${2:-16}
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DATA=$(mktemp -d)
cargo build --release --quiet --features postgres
BIN="${CARGO_TARGET_DIR:-target}/release/ecitizen"
if [ -n "${SCALE:-}" ]; then
  started=$(date +%s.%N)
  "$BIN" --data-dir "$DATA" seed --scale "$SCALE" --open 100 > "$DATA/seed.log"
  echo "seed --scale $SCALE: $(python3 -c "print(round($(date +%s.%N) - $started, 1))") s ($(tail -1 "$DATA/seed.log"))"
fi
"$BIN" --data-dir "$DATA" serve --bind "127.0.0.1:$PORT" --demo > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

# rate PATH [wrk options…]: requests per second and p99 latency.
rate() {
  local path=$1
  shift
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PAGE}s" --latency "$@" "http://127.0.0.1:$PORT$path" 2>/dev/null \
    | awk '/Requests\/sec/ {rps=$2} /99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%s %s %s", rps, p99, bad + 0}'
}

row() {
  local label=$1
  shift
  if [ -n "${PERF_DIR:-}" ]; then
    mkdir -p "$PERF_DIR"
    perf record ${PERF_OPTS:--g} -p "$SERVER" -o "$PERF_DIR/$(tr -c 'a-zA-Z0-9\n' _ <<<"$label").data" \
      -- sleep $((SECONDS_PER_PAGE - 1)) >/dev/null 2>&1 &
  fi
  read -r rps p99 bad <<<"$(rate "$@")"
  if [ -n "${PERF_DIR:-}" ]; then wait $!; fi
  printf '%-26s %12s %10s %8.2f %s\n' "$label" "$rps" "$p99" "$(python3 -c "print($rps / $base)")" \
    "$([ "$bad" -gt 0 ] && echo "($bad non-2xx)")"
}

printf '%-26s %12s %10s %8s\n' page 'req/s' 'p99' 'ratio'
read -r base base_p99 _ <<<"$(rate /healthz)"
printf '%-26s %12s %10s %8s\n' /healthz "$base" "$base_p99" 1.00
for page in "/" "/?lang=en" "/cohorts" "/cohorts.json" "/cohorts/1" "/static/css/app.css"; do
  row "$page" "$page"
done

# Signed-in pages. Mariam (the demo's first trainee) starts the demo's open
# sitting; Khalifa (the demo graduate whose password starts "cedar-") opens
# his certificate. curl signs them in through the real forms.
BASE="http://127.0.0.1:$PORT"
csrf() { curl -fs -b "$1" -c "$1" "$BASE$2" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1; }
sign_in() { # JAR LOGIN PASSWORD
  curl -fs -b "$1" -c "$1" -o /dev/null --data-urlencode "login=$2" --data-urlencode "password=$3" \
    --data-urlencode "csrf_token=$(csrf "$1" /login)" "$BASE/login"
}
cookie() { awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$1"; }
# With SCALE the generated trainees stand in (the demo adds no classes to a
# database that has venues): the first open class's first trainee, and the
# graduate printed first.
if [ -n "${SCALE:-}" ]; then
  FACTS="$DATA/seed.log"
  CANDIDATE=$(grep -A1 -m1 '^demo sitting:' "$FACTS" | tail -1)
else
  FACTS="$DATA/server.log"
  CANDIDATE=$(grep -m1 '^demo login: trainee' "$FACTS")
fi
read -r _ _ _ login password <<<"$CANDIDATE"
read -r _ _ _ _ _ pin <<<"$(grep -m1 '^demo sitting:' "$FACTS")"
MARIAM="$DATA/mariam.jar"
sign_in "$MARIAM" "$login" "$password"
attempt=$(curl -fs -b "$MARIAM" -c "$MARIAM" -o /dev/null -w '%{redirect_url}' --data-urlencode "pin=$pin" \
  --data-urlencode "csrf_token=$(csrf "$MARIAM" /me/exam)" "$BASE/me/exam" | sed 's#.*/attempts/##')
question=$(curl -fs -b "$MARIAM" "$BASE/attempts/$attempt?q=1")
option=$(sed -n 's/.*name="option" value="\([0-9]*\)".*/\1/p' <<<"$question" | head -1)
token=$(sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' <<<"$question" | head -1)
row "/me (trainee)" /me -H "Cookie: $(cookie "$MARIAM")"
row "exam question" "/attempts/$attempt?q=1" -H "Cookie: $(cookie "$MARIAM")"
# Autosave: each request a new sequence number, so each is a real write.
cat > "$DATA/save.lua" <<LUA
local counter = 0
function setup(thread) thread:set("base", math.random(1, 1000) * 100000000) end
function request()
  counter = counter + 1
  return wrk.format("POST", "/attempts/$attempt/answers", {
    ["Cookie"] = "$(cookie "$MARIAM")",
    ["X-CSRF-Token"] = "$token",
    ["Accept"] = "application/json",
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "q=1&flag=0&option=$option&seq=" .. (base + counter))
end
LUA
row "exam autosave (POST)" "/attempts/$attempt/answers" -s "$DATA/save.lua"
if [ -n "${SCALE:-}" ]; then
  GRADUATE=$(grep -m1 '^demo login: trainee' "$FACTS")
else
  GRADUATE=$(grep -m1 '^demo login: trainee .* cedar-' "$FACTS")
fi
read -r _ _ _ login password <<<"$GRADUATE"
KHALIFA="$DATA/khalifa.jar"
sign_in "$KHALIFA" "$login" "$password"
certificate=$(curl -fs -b "$KHALIFA" "$BASE/me" | sed -n 's#.*href="\(/me/certificates/[0-9]*\)".*#\1#p' | head -1)
row "certificate (sign + QR)" "$certificate" -H "Cookie: $(cookie "$KHALIFA")"
