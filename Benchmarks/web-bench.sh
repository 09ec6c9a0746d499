#!/usr/bin/env bash
# The Office's dashboard under load (issue 13, `make bench` section 10):
#   1. a state of 300 units, 10,000 tasks and 100,000 ledger rows written by the
#      WebStateBenchmark driver through the daemon's and the intake's code paths
#      (sent, retrying and dead deliveries; June's reports on time, late, missing);
#   2. the release `nhacviec serve` on a free loopback port with an htpasswd -B users
#      file, `wrk` against `/` with Basic auth;
#   3. that page's HTML saved once and served by a throwaway nginx (its own prefix
#      and config in a temp dir, a free port, stopped by PID) under the same wrk:
#      the ceiling for a page of that size on this machine;
#   4. `/metrics` scraped five times one after another, before the load (its slowest time);
#   5. serve's memory (VmRSS, RssAnon, VmHWM) right after the load and after IDLE_AFTER
#      seconds idle.
# Prints BENCH lines (run.sh turns them into its summary) and asserts nothing.
#
# Needs wrk, nginx-light, apache2-utils (htpasswd), curl: scripts/install-deps.sh bench.
#   BIN=path/to/nhacviec TESTS=path/to/nhacviecPackageTests.xctest Benchmarks/web-bench.sh
# Without BIN/TESTS it builds (debug) and uses `swift test`. WRK_THREADS (2),
# WRK_CONNECTIONS (16), WRK_SECONDS (20), IDLE_AFTER (10) for other runs.
set -euo pipefail
cd "$(dirname "$0")/.."

WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
WRK_SECONDS=${WRK_SECONDS:-20}
IDLE_AFTER=${IDLE_AFTER:-10}
PY=/usr/bin/python3
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for tool in wrk htpasswd curl "$NGINX"; do
    command -v "$tool" >/dev/null ||
        { echo "needs $tool (scripts/install-deps.sh bench: wrk, nginx-light, apache2-utils, curl)" >&2; exit 69; }
done

if [ -z "${BIN:-}" ] || [ -z "${TESTS:-}" ]; then
    swift build --build-tests >/dev/null
    BIN="$(swift build --show-bin-path)/nhacviec"
    run_driver() { swift test --skip-build --filter "$1"; }
else
    run_driver() { "$TESTS" --testing-library swift-testing --filter "$1"; }
fi

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# In memory when there is /dev/shm: filling the ledger syncs each of ~50,000 outcomes.
DIR="$(mktemp -d "$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp)/nhacviec-web-bench.XXXXXX")"
serve_pid=
nginx_pid=
# Under set -e a failing last command here would become the script's status.
cleanup() {
    local pid
    for pid in $serve_pid $nginx_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$DIR"
    return 0
}
trap cleanup EXIT

# wait_http URL [CURL ARGS]: until URL answers 200, at most 60 s.
wait_http() {
    local url=$1
    shift
    for _ in $(seq 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url" || true)" = 200 ] && return 0
        sleep 0.1
    done
    echo "no 200 from $url within 60 s" >&2
    return 1
}

# memory LABEL PID: one BENCH line of /proc/PID/status, in KiB.
memory() {
    local status
    status=$(cat "/proc/$2/status")
    echo "BENCH web memory when=$1 $(awk '/^(VmRSS|RssAnon|VmHWM):/ {sub(":", "", $1); printf "%s_kib=%s ", $1, $2}' <<<"$status")"
}

# load NAME URL: wrk against URL with the login; prints wrk's output and a BENCH line.
load() {
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" --timeout 30s --latency \
        -H "Authorization: Basic $AUTH" "$2" >"$DIR/wrk-$1.txt"
    sed 's/^/wrk: /' "$DIR/wrk-$1.txt"
    "$PY" Benchmarks/wrk-summary.py "$1" "$DIR/wrk-$1.txt"
}

# The Office's login, bcrypt as README asks (htpasswd -B, its default cost), next to the
# config the driver writes (the config names it and is checked on load).
password=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(18))')
htpasswd -B -b -c "$DIR/web-users" bench "$password" 2>/dev/null
AUTH=$(printf '%s' "bench:$password" | base64 -w0)

echo "state: 300 units, 10,000 tasks, 100,000+ ledger rows (WebStateBenchmark), in $DIR"
NHACVIEC_BENCH=1 NHACVIEC_BENCH_WEB_DIR="$DIR" run_driver WebStateBenchmark >"$DIR/driver.log" 2>&1 ||
    { cat "$DIR/driver.log"; exit 1; }
grep '^BENCH' "$DIR/driver.log"
now=$(sed -n 's/^BENCH web-state .* now=\([^ ]*\).*/\1/p' "$DIR/driver.log")
[ -n "$now" ] || { echo "the state driver printed no clock" >&2; exit 1; }

port=$(free_port)
"$BIN" serve -c "$DIR/bench.yaml" --state "$DIR/state" --listen "127.0.0.1:$port" --now "$now" \
    >"$DIR/serve.log" 2>&1 &
serve_pid=$!
wait_http "http://127.0.0.1:$port/" -H "Authorization: Basic $AUTH" || { cat "$DIR/serve.log"; exit 1; }
memory started "$serve_pid"
curl -s -H "Authorization: Basic $AUTH" -o "$DIR/dashboard.html" \
    -w 'BENCH web page status=%{http_code} bytes=%{size_download} seconds=%{time_total}\n' \
    "http://127.0.0.1:$port/"
# A page that is not the dashboard would make the comparison meaningless.
grep -q 'Tổng quan' "$DIR/dashboard.html" || { echo "the saved page is not the dashboard" >&2; exit 1; }
# /metrics, as Prometheus scrapes it (no login): the slowest of 5 scrapes, one at a time.
metrics_seconds=0
for _ in 1 2 3 4 5; do
    seconds=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/metrics")
    metrics_seconds=$("$PY" -c "print(max($metrics_seconds, $seconds))")
done
echo "BENCH web metrics scrapes=5 max_seconds=$metrics_seconds"
# A wrong password must still cost a bcrypt check each time; one, for the record.
echo "BENCH web wrong_password $(curl -s -o /dev/null -u "bench:wrong" -w 'status=%{http_code} seconds=%{time_total}' \
    "http://127.0.0.1:$port/")"

load serve "http://127.0.0.1:$port/"
memory after_load "$serve_pid"
sleep "$IDLE_AFTER"
memory "idle_${IDLE_AFTER}s" "$serve_pid"

# nginx: its own prefix, config, pid and logs; no daemon mode, one worker per core.
mkdir -p "$DIR/nginx/html" "$DIR/nginx/logs"
cp "$DIR/dashboard.html" "$DIR/nginx/html/index.html"
# Workers run as nobody when started by root: they must be able to read the page.
chmod 755 "$DIR" "$DIR/nginx" "$DIR/nginx/html"
chmod 644 "$DIR/nginx/html/index.html"
nginx_port=$(free_port)
cat >"$DIR/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    client_body_temp_path $DIR/nginx/tmp-body;
    proxy_temp_path $DIR/nginx/tmp-proxy;
    fastcgi_temp_path $DIR/nginx/tmp-fastcgi;
    uwsgi_temp_path $DIR/nginx/tmp-uwsgi;
    scgi_temp_path $DIR/nginx/tmp-scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $DIR/nginx/html;
        location = / { charset utf-8; try_files /index.html =404; }
    }
}
EOF
"$NGINX" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/logs/error.log" &
nginx_pid=$!
wait_http "http://127.0.0.1:$nginx_port/" || { cat "$DIR/nginx/logs/error.log"; exit 1; }
cmp -s <(curl -s "http://127.0.0.1:$nginx_port/") "$DIR/dashboard.html" ||
    { echo "nginx does not serve the saved page" >&2; exit 1; }
load nginx "http://127.0.0.1:$nginx_port/"
