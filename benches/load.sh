#!/usr/bin/env bash
# Load benchmark, run by hand (never in CI: these machines are shared and
# noisy). Starts the release server with demo data on a throw-away SQLite
# database and measures each page with wrk, reporting requests per second
# and the ratio to /healthz measured in the same run.
#
#   bash benches/load.sh [seconds per page, default 10] [connections, default 16]
#
# Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PAGE=${1:-10}
CONNECTIONS=${2:-16}
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DATA=$(mktemp -d)
cargo build --release --quiet
"${CARGO_TARGET_DIR:-target}/release/ecitizen" --data-dir "$DATA" serve --bind "127.0.0.1:$PORT" --demo > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

rate() {
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PAGE}s" --latency "http://127.0.0.1:$PORT$1" 2>/dev/null \
    | awk '/Requests\/sec/ {rps=$2} /99%/ {p99=$2} END {printf "%s %s", rps, p99}'
}

printf '%-22s %12s %10s %8s\n' page 'req/s' 'p99' 'ratio'
read -r base base_p99 <<<"$(rate /healthz)"
printf '%-22s %12s %10s %8s\n' /healthz "$base" "$base_p99" 1.00
for page in "/" "/?lang=en" "/cohorts" "/cohorts.json" "/cohorts/1" "/static/css/app.css"; do
  read -r rps p99 <<<"$(rate "$page")"
  printf '%-22s %12s %10s %8.2f\n' "$page" "$rps" "$p99" "$(python3 -c "print($rps / $base)")"
done
