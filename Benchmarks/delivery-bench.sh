#!/usr/bin/env bash
# Delivery throughput on this machine:
#   1. 1,000 emails through nhacviec's SMTP transport (one libcurl handle, one
#      connection) to Postfix's smtp-sink, against Postfix's own smtp-source
#      sending the same number of messages of the same size over one connection.
#   2. 2,000 webhook calls to a local receiver through CurlMulti (8 connections)
#      against the same calls made one at a time.
# Needs: postfix (smtp-sink, smtp-source), python3 (Debian), a Swift toolchain.
#   Benchmarks/delivery-bench.sh            # debug build of the tests
#   CONFIG=release Benchmarks/delivery-bench.sh
# Benchmarks/run.sh passes SCRATCH_PATH (its release build with testability, kept
# apart from the plain release build) and SKIP_BUILD=1 (it has built already).
set -euo pipefail
cd "$(dirname "$0")/.."

EMAILS=${NHACVIEC_BENCH_EMAILS:-1000}
WEBHOOKS=${NHACVIEC_BENCH_WEBHOOKS:-2000}
CONFIG=${CONFIG:-debug}
SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
SOURCE=$(command -v smtp-source || echo /usr/sbin/smtp-source)
[ -x "$SINK" ] && [ -x "$SOURCE" ] || { echo "needs postfix's smtp-sink and smtp-source (scripts/install-deps.sh bench)" >&2; exit 69; }

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }

build_flags=(-c "$CONFIG")
[ "$CONFIG" = release ] && build_flags+=(-Xswiftc -enable-testing)
[ -n "${SCRATCH_PATH:-}" ] && build_flags+=(--scratch-path "$SCRATCH_PATH")
[ "${SKIP_BUILD:-0}" = 1 ] || swift build "${build_flags[@]}" --build-tests >/dev/null

sink_pid=
log=
# Under set -e a failing last command here would become the script's status.
cleanup() {
    if [ -n "$sink_pid" ]; then
        kill "$sink_pid" 2>/dev/null || true
        wait "$sink_pid" 2>/dev/null || true
    fi
    if [ -n "$log" ]; then rm -f "$log"; fi
}
trap cleanup EXIT

port=$(free_port)
# smtp-sink refuses to run as root without -u (it drops to that user after binding).
sink_user=()
[ "$(id -u)" -eq 0 ] && sink_user=(-u nobody)
"$SINK" "${sink_user[@]}" 127.0.0.1:"$port" 256 &
sink_pid=$!
for _ in $(seq 50); do /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1',$port))" 2>/dev/null && break; sleep 0.1; done

echo "== SMTP: $EMAILS messages to smtp-sink on 127.0.0.1:$port"
log=$(mktemp)
NHACVIEC_BENCH=1 NHACVIEC_BENCH_SMTP_PORT=$port NHACVIEC_BENCH_EMAILS=$EMAILS \
    swift test "${build_flags[@]}" --skip-build --filter 'DeliveryBenchmarkTests/smtpBatchToSink' >"$log" 2>&1 || { cat "$log"; exit 1; }
grep '^BENCH smtp' "$log"
ours=$(sed -n 's/^BENCH smtp .*per_second=\([0-9.]*\).*/\1/p' "$log")
size=$(sed -n 's/^BENCH smtp .*bytes_each=\([0-9]*\).*/\1/p' "$log")

# smtp-source: one session (-s 1), reusing the connection for every message (-d),
# messages of the same size as ours (-l).
start=$(now)
"$SOURCE" -s 1 -d -m "$EMAILS" -l "$size" -f vanphong@example.gov.vn -t qldt@example.gov.vn 127.0.0.1:"$port"
end=$(now)
theirs=$(/usr/bin/python3 -c "print(f'{$EMAILS/($end-$start):.1f}')")
echo "BENCH smtp-source messages=$EMAILS bytes_each=$size seconds=$(/usr/bin/python3 -c "print(f'{$end-$start:.3f}')") per_second=$theirs"
echo "BENCH smtp ratio nhacviec/smtp-source=$(/usr/bin/python3 -c "print(f'{$ours/$theirs:.2f}')")"

echo "== Webhooks: $WEBHOOKS calls"
NHACVIEC_BENCH=1 NHACVIEC_BENCH_WEBHOOKS=$WEBHOOKS \
    swift test "${build_flags[@]}" --skip-build --filter 'DeliveryBenchmarkTests/webhooksConcurrentVersusOneAtATime' >"$log" 2>&1 || { cat "$log"; exit 1; }
grep '^BENCH webhooks' "$log"
rm -f "$log"
