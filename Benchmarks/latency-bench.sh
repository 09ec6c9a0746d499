#!/usr/bin/env bash
# Delivery at a real network's latency (issue 15), side by side at RTT_MS (50) and
# 0 ms round trip, through Tests/Support/latency_proxy.py (pure latency each way):
#   1. the morning burst: BURST_UNITS (300) digests of realistic size, nhacviec
#      `run --once` with delivery.email.connections 1, 4, 8 (delivered and
#      recorded), beside Postfix's `smtp-source -d -s 1/4/8` sending as many
#      messages of the same mean size and number of recipients (-r) over the same
#      link to the same smtp-sink;
#   1b. a hung session: the same burst at RTT_MS through Tests/Support/smtp_server.py,
#      once as is and once with the server hanging after the data of the messages
#      to dv0 (never answering them): the time until every other message is in;
#   2. WEBHOOKS (2000) calls to a receiver that takes SERVICE_MS (100) per call:
#      curl_multi against one at a time (the first SEQUENTIAL (200) calls, as a rate);
#   3. the idle daemon after the burst: wake-ups a minute and RssAnon.
# Prints BENCH lines (run.sh turns them into its summary) and asserts nothing.
#
# Needs postfix (smtp-sink, smtp-source) and Debian's python3: scripts/install-deps.sh bench.
#   BIN=path/to/nhacviec TESTS=path/to/nhacviecPackageTests.xctest Benchmarks/latency-bench.sh
# Without BIN/TESTS it builds (debug) and uses `swift test`. Smaller trial runs:
#   BURST_UNITS=60 WEBHOOKS=200 SEQUENTIAL=40 IDLE_WINDOW=10 CONNECTIONS="1 8" Benchmarks/latency-bench.sh
# PARTS picks parts (default "1 1b 2 3"); only part 2 needs TESTS. The idle daemon alone:
#   PARTS=3 BIN=.build/release/nhacviec Benchmarks/latency-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RTT_MS=${RTT_MS:-50}
BURST_UNITS=${BURST_UNITS:-300}
CONNECTIONS=${CONNECTIONS:-1 4 8}
WEBHOOKS=${WEBHOOKS:-2000}
SEQUENTIAL=${SEQUENTIAL:-200}
SERVICE_MS=${SERVICE_MS:-100}
IDLE_WINDOW=${IDLE_WINDOW:-60}
PARTS=" ${PARTS:-1 1b 2 3} "
# part N: part N was picked.
part() { [[ "$PARTS" == *" $1 "* ]]; }
NOW=2024-04-03T08:00:00+07:00
PY=/usr/bin/python3
SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
SOURCE=$(command -v smtp-source || echo /usr/sbin/smtp-source)
[ -x "$SINK" ] && [ -x "$SOURCE" ] ||
    { echo "needs postfix's smtp-sink and smtp-source (scripts/install-deps.sh bench)" >&2; exit 69; }

if [ -z "${BIN:-}" ] || { [ -z "${TESTS:-}" ] && part 2; }; then
    swift build --build-tests >/dev/null
    BIN="$(swift build --show-bin-path)/nhacviec"
    run_driver() { swift test --skip-build --filter "$1"; }
else
    run_driver() { "$TESTS" --testing-library swift-testing --filter "$1"; }
fi

WORK=$(mktemp -d /tmp/nhacviec-latency.XXXXXX)
pids=()
# Stops what this script started, by PID; under set -e a failing last command
# here would become the script's status.
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
seconds_since() { "$PY" -c "print(f'{$(now) - $1:.2f}')"; }
wait_for_port() {
    for _ in $(seq 100); do
        "$PY" -c "import socket; socket.create_connection(('127.0.0.1',$1)).close()" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on port $1" >&2
    return 1
}
# start_proxy TARGET_PORT: a latency proxy at RTT_MS in front of it; sets proxy_port.
# (Not in a command substitution: its PID must reach this shell's list.)
start_proxy() {
    local file="$WORK/proxy-$1.port"
    "$PY" Tests/Support/latency_proxy.py "127.0.0.1:$1" --delay-ms "$("$PY" -c "print($RTT_MS / 2)")" \
        >"$file" 2>"$WORK/proxy-$1.log" &
    pids+=($!)
    for _ in $(seq 100); do [ -s "$file" ] && break; sleep 0.1; done
    proxy_port=$(head -1 "$file")
}
# recorded STATE_DIR: e-mail messages whose every delivery is recorded as sent, and
# deliveries not (yet) sent.
recorded() {
    "$PY" - "$1/state.sqlite" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
sent = db.execute("""SELECT count(*) FROM message m WHERE m.channel = 'email' AND NOT EXISTS
    (SELECT 1 FROM delivery d WHERE d.message_key = m.key AND d.status != 'sent')""").fetchone()[0]
unsent = db.execute("SELECT count(*) FROM delivery WHERE channel = 'email' AND status NOT IN ('sent', 'skipped')").fetchone()[0]
print(sent, unsent)
EOF
}

echo "== setup: $BURST_UNITS units, burst at $NOW; round trips 0 and $RTT_MS ms (latency_proxy.py)"
sink_port=$(free_port)
sink_user=()
[ "$(id -u)" -eq 0 ] && sink_user=(-u nobody)
"$SINK" "${sink_user[@]}" 127.0.0.1:"$sink_port" 1024 &
pids+=($!)
wait_for_port "$sink_port"
start_proxy "$sink_port"
wait_for_port "$proxy_port"
sink_proxy_port=$proxy_port

# The digests' size: the same burst written to the outbox.
"$PY" Benchmarks/burst.py "$WORK/outbox.yaml" --units "$BURST_UNITS"
"$BIN" run --once --now "$NOW" -c "$WORK/outbox.yaml" --state "$WORK/outbox-state" >"$WORK/outbox.log" 2>&1
size=$("$PY" -c "import glob, os; f = glob.glob('$WORK/outbox-state/outbox/*.eml'); print(sum(map(os.path.getsize, f)) // len(f))")
count=$(ls "$WORK/outbox-state/outbox" | grep -c '\.eml$')
# And their envelope: recipients per digest (To and Cc), which smtp-source sends
# too, since each recipient costs one more round trip (RCPT) on either side.
recipients=$("$PY" - "$WORK/outbox-state/outbox" <<'EOF'
import email, email.policy, email.utils, glob, sys
files = glob.glob(sys.argv[1] + "/*.eml")
total = 0
for name in files:
    with open(name, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    total += len(email.utils.getaddresses([str(v) for k in ("To", "Cc", "Bcc") for v in message.get_all(k, [])]))
print(max(1, round(total / len(files))))
EOF
)
echo "   $count digests of three items, mean size $size bytes, $recipients recipients each (the outbox copy of the same burst)"
echo "BENCH burst digests=$count bytes_each=$size recipients=$recipients"

"$PY" Benchmarks/burst.py "$WORK/probe.yaml" --units 2 --smtp-url smtp://127.0.0.1:1 --connections 4
if "$BIN" check -c "$WORK/probe.yaml" >/dev/null 2>&1; then
    sessions_supported=yes
else
    sessions_supported=no
    echo "   this build does not know delivery.email.connections: nhacviec is measured with its one session only"
fi

last_sessions=${CONNECTIONS##* }

if part 1; then
    echo
    echo "== 1. the morning burst: nhacviec run --once vs smtp-source -d, same link, same smtp-sink"
    for rtt in 0 "$RTT_MS"; do
        port=$sink_port
        [ "$rtt" = 0 ] || port=$sink_proxy_port
        for sessions in $CONNECTIONS; do
            connections=$sessions
            [ "$sessions_supported" = yes ] || connections=0
            if [ "$sessions_supported" = no ] && [ "$sessions" != 1 ]; then
                echo "BENCH burst rtt_ms=$rtt tool=nhacviec sessions=$sessions unsupported=1"
            else
                "$PY" Benchmarks/burst.py "$WORK/burst.yaml" --units "$BURST_UNITS" \
                    --smtp-url "smtp://127.0.0.1:$port" --connections "$connections"
                state="$WORK/state-$rtt-$sessions"
                start=$(now)
                status=0
                "$BIN" run --once --now "$NOW" -c "$WORK/burst.yaml" --state "$state" >"$WORK/burst.log" 2>&1 || status=$?
                elapsed=$(seconds_since "$start")
                read -r delivered unsent < <(recorded "$state")
                echo "BENCH burst rtt_ms=$rtt tool=nhacviec sessions=$sessions messages=$count delivered=$delivered" \
                    "unsent=$unsent exit=$status seconds=$elapsed"
                [ "$status" = 0 ] || tail -5 "$WORK/burst.log" | sed 's/^/   /'
            fi

            start=$(now)
            "$SOURCE" -s "$sessions" -d -m "$count" -l "$size" -r "$recipients" -f vanphong@example.gov.vn \
                -t dv1@example.gov.vn \
                127.0.0.1:"$port" >"$WORK/source.log" 2>&1 || { echo "   smtp-source failed:"; sed 's/^/   /' "$WORK/source.log"; }
            echo "BENCH burst rtt_ms=$rtt tool=smtp-source sessions=$sessions messages=$count seconds=$(seconds_since "$start")"
        done
    done
fi

if part 1b; then
    echo
    echo "== 1b. a hung session ($RTT_MS ms, $last_sessions sessions): the server never answers the end of data of the"
    echo "   messages to dv0; seconds until every other message is in, beside the same burst with no hang"
    if [ "$sessions_supported" = yes ]; then
        for hang in no yes; do
            received="$WORK/hang-$hang"
            mkdir -p "$received"
            stall=()
            [ "$hang" = no ] || stall=(--stall-data dv0@)
            "$PY" Tests/Support/smtp_server.py "$received" "${stall[@]}" >"$WORK/hang-$hang.port" 2>"$WORK/hang-$hang.log" &
            pids+=($!)
            for _ in $(seq 100); do [ -s "$WORK/hang-$hang.port" ] && break; sleep 0.1; done
            start_proxy "$(head -1 "$WORK/hang-$hang.port")"
            wait_for_port "$proxy_port"
            "$PY" Benchmarks/burst.py "$WORK/hang.yaml" --units "$BURST_UNITS" \
                --smtp-url "smtp://127.0.0.1:$proxy_port" --connections "$last_sessions"
            start=$(now)
            "$BIN" run --once --now "$NOW" -c "$WORK/hang.yaml" --state "$WORK/hang-state-$hang" >"$WORK/hang.log" 2>&1 &
            run_pid=$!
            pids+=($run_pid)
            # Done when every message is in or hung (the hung ones are not written).
            while kill -0 "$run_pid" 2>/dev/null; do
                in=$(find "$received" -name '*.eml' | wc -l)
                hung=$(find "$received" -name 'stall-*.active' | wc -l)
                [ $((in + hung)) -ge "$count" ] && break
                sleep 0.05
            done
            others=$(seconds_since "$start")
            hung=$(find "$received" -name 'stall-*.active' | wc -l)
            touch "$received/release-stall"
            wait "$run_pid" || true
            echo "BENCH hung-session rtt_ms=$RTT_MS sessions=$last_sessions messages=$count hang=$hang hung=$hung" \
                "others_in=$(find "$received" -name '*.eml' | wc -l) seconds=$others smtp_timeout_s=30"
        done
    else
        echo "BENCH hung-session unsupported=1"
    fi
fi

if part 2; then
    echo
    echo "== 2. webhooks: $WEBHOOKS calls, receiver serving each in $SERVICE_MS ms; curl_multi vs one at a time ($SEQUENTIAL calls)"
    for rtt in 0 "$RTT_MS"; do
        (
            export NHACVIEC_BENCH=1 NHACVIEC_BENCH_WEBHOOKS="$WEBHOOKS" NHACVIEC_BENCH_SEQUENTIAL="$SEQUENTIAL" \
                NHACVIEC_BENCH_SERVICE_MS="$SERVICE_MS"
            [ "$rtt" = 0 ] || export NHACVIEC_BENCH_DELAY_MS="$("$PY" -c "print($RTT_MS / 2)")"
            run_driver 'DeliveryBenchmarkTests/webhooksConcurrentVersusOneAtATime'
        ) >"$WORK/webhooks.log" 2>&1 || { echo "   webhook driver failed:"; tail -20 "$WORK/webhooks.log" | sed 's/^/   /'; }
        grep '^BENCH webhooks' "$WORK/webhooks.log" | sed "s/^BENCH webhooks /BENCH webhooks rtt_ms=$rtt /"
    done
fi

part 3 || exit 0
echo
echo "== 3. the idle daemon after the burst ($RTT_MS ms, $last_sessions sessions), window $IDLE_WINDOW s"
sessions=$last_sessions
[ "$sessions_supported" = yes ] || sessions=0
"$PY" Benchmarks/burst.py "$WORK/idle.yaml" --units "$BURST_UNITS" --smtp-url "smtp://127.0.0.1:$sink_proxy_port" \
    --connections "$sessions"
# The daemon's first pass is the burst; the window starts 5 s after it logged the pass done.
settle=$("$PY" -c "print(int(30 + $BURST_UNITS * 0.5))")
"$PY" Benchmarks/idle-daemon.py "$BIN" "$WORK/idle.yaml" "$NOW" --settle "$settle" --settle-after "pass done" \
    --window "$IDLE_WINDOW" \
    >"$WORK/idle.log" 2>&1 || echo "   idle benchmark failed:"
grep -v '^RESULT' "$WORK/idle.log" | sed 's/^idle: /   /'
rss_anon=$(sed -n 's/.*RssAnon \([0-9.]*\) MiB.*/\1/p' "$WORK/idle.log" | head -1)
read -r _ _ _ _ wakeups window _ < <(grep '^RESULT idle' "$WORK/idle.log" || echo "RESULT idle 0 0 0 1 none")
echo "BENCH idle-after-burst rss_anon_mib=${rss_anon:-?} wakeups=$wakeups window_s=$window"
