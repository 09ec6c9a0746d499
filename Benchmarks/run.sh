#!/usr/bin/env bash
# make bench: prints figures, each beside its baseline or goal from the same run,
# and asserts nothing. Sections:
#   1. nhacviec check on 10,000 tasks / 300 units      (goal < 1 s, < 100 MiB)
#   2. nhacviec plan for a year vs remind -s12         (goal >= 10x faster)
#   3. delivery: SMTP vs smtp-source, webhooks          (goals >= 0.5x, >= 4x)
#   4. the idle daemon: RSS and wake-ups over a minute  (goals < 20 MiB, <= 1/min)
#   5. one scheduler tick, 10,000 tasks, 100,000 ledger rows (goal < 50 ms)
#   6. compiling the consolidated report, four formats  (goal < 2 s)
#   7. at a real network's latency, 50 ms and 0 ms round trip (latency-bench.sh):
#      the morning burst of 300 digests, nhacviec at 1/4/8 SMTP sessions beside
#      smtp-source -s 1/4/8 (goal at 8: <= 1.1x); 2,000 webhook calls to a 100 ms
#      receiver, curl_multi vs one at a time (goal >= 6x); the idle daemon after
#      the burst (goal 0 wake-ups a minute, RssAnon < 8 MiB)
#   8. report forms: 300 units' .docx forms generated, then read back (time, peak RSS)
#   9. e-mail intake against a throwaway Dovecot (imap-bench.sh): a backlog of 500
#      report e-mails taken in by one `intake --once` (messages/s, peak RSS) beside
#      Python's imaplib doing the IMAP part alone, the idle daemon with poll: 2m (goal:
#      one poll per 2 minutes, nothing else), and a SIGTERM during a stalled poll
#      (goal: exit 0 within the 10 s grace)
#  10. the Office's dashboard (web-bench.sh): `nhacviec serve` on 300 units, 10,000
#      tasks and 100,000 ledger rows under wrk with Basic auth, beside nginx serving
#      the same page saved as a file (the ceiling); serve's RSS after the load and idle
# then a summary table. Sections 3, 5 and 6 run test drivers (NHACVIEC_BENCH=1)
# from a release build with testability, kept in its own scratch path so the
# plain release binary measured in 1, 2 and 4 stays a plain release build.
# RUNS (default 5) sets how many times 1 and 2 run; IDLE_TRACE (seconds, default
# 62, 0 = off) how long the idle daemon is traced after it was measured;
# IDLE_WINDOW (seconds, default 60) the length of its measured window. Section 7
# reads BURST_UNITS, CONNECTIONS, RTT_MS, WEBHOOKS, SEQUENTIAL, SERVICE_MS (see
# latency-bench.sh) for smaller trial runs.
#
# BENCH_SECTIONS (or SECTIONS) picks sections, by number, separated by spaces or
# commas; default all. Setup and the summary always run; setup builds only what the
# picked sections use (the plain release binary, the test drivers, the inputs):
#   BENCH_SECTIONS="8 9" make bench
#   SECTIONS=5 Benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
IDLE_TRACE="${IDLE_TRACE:-62}"
IDLE_WINDOW="${IDLE_WINDOW:-60}"
PY=/usr/bin/python3
TESTABLE=(-c release -Xswiftc -enable-testing --scratch-path .build/testable)

OUT="$(mktemp -d /tmp/nhacviec-bench.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
SUMMARY="$OUT/summary.tsv"

# row FIGURE VALUE GOAL MET: one line of the final table.
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$SUMMARY"; }
# py EXPRESSION: Python arithmetic and formatting, printed.
py() { "$PY" -c "print($1)"; }
# met CONDITION: yes or no.
met() { "$PY" -c "print('yes' if ($1) else 'no')"; }
# field NAME LINE: the value of NAME=value in a BENCH line.
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2" | head -1; }
# section_script NAME SCRIPT [VARIABLE=value ...]: runs one section's script with
# those variables set, its output kept in $OUT/NAME.log and shown indented (but for
# RESULT lines, which only feed the summary); a failing script is said, not fatal.
section_script() {
    local name=$1 script=$2
    shift 2
    env "$@" "$script" >"$OUT/$name.log" 2>&1 || echo "   $name benchmark failed:"
    grep -v '^RESULT' "$OUT/$name.log" | sed 's/^/   /'
}
# bench_line NAME PREFIX: the first line of $OUT/NAME.log that starts with PREFIX
# (a section script's BENCH or RESULT line), or nothing.
bench_line() { grep -m1 "^$2" "$OUT/$1.log" || true; }
postfix_running() {
    local pidfile=/var/spool/postfix/pid/master.pid
    [ -r "$pidfile" ] && kill -0 "$(tr -d ' ' <"$pidfile")" 2>/dev/null
}

# Every section, and which of setup's products each one uses. A new section adds
# its number here and an `if want N; then ... fi` block before the summary.
ALL_SECTIONS="1 2 3 4 5 6 7 8 9 10"
USES_BINARY="1 2 4 7 9 10" # the plain release binary, $BIN
USES_TESTS="3 5 6 7 8 10" # the release test drivers with testability, $TESTS
USES_INPUTS="1 2"         # Benchmarks/generate.py's bench.yaml and bench.rem in $OUT
SECTIONS="$(tr ',' ' ' <<<"${BENCH_SECTIONS:-${SECTIONS:-$ALL_SECTIONS}}" | xargs)"
for section in $SECTIONS; do
    [[ " $ALL_SECTIONS " == *" $section "* ]] ||
        { echo "run.sh: no benchmark section '$section' (sections: $ALL_SECTIONS)" >&2; exit 64; }
done
[ -n "$SECTIONS" ] || { echo "run.sh: BENCH_SECTIONS names no section (sections: $ALL_SECTIONS)" >&2; exit 64; }
# want N: section N was picked.
want() { [[ " $SECTIONS " == *" $1 "* ]]; }
# any_wanted "N M ...": at least one of these sections was picked.
any_wanted() {
    local section
    for section in $1; do want "$section" && return 0; done
    return 1
}

echo "== setup (sections: $SECTIONS)"
echo "   load: $(uptime | sed 's/.*load average/load average/')"
: >"$SUMMARY"
quietly() { "$@" >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }; }
if any_wanted "$USES_BINARY $USES_INPUTS"; then
    quietly swift build -c release
    BIN="$(swift build -c release --show-bin-path)/nhacviec"
    echo "   binary: $BIN (release)"
fi
if any_wanted "$USES_TESTS"; then
    quietly swift build "${TESTABLE[@]}" --build-tests
    TESTS="$(swift build "${TESTABLE[@]}" --show-bin-path)/nhacviecPackageTests.xctest"
    echo "   test drivers: $TESTS (release, -enable-testing)"
fi
if any_wanted "$USES_INPUTS"; then
    "$BIN" holidays -c config/example.yaml --year 2024 --format json >"$OUT/holidays-2024.json"
    "$PY" Benchmarks/generate.py "$OUT" --tasks 10000 --units 300
    echo "   inputs: 10,000 tasks, 300 units (Benchmarks/generate.py), same deadlines in bench.yaml and bench.rem"
fi

if want 1; then
    echo
    echo "== 1. nhacviec check (goal: < 1 s, < 100 MiB)"
    check=$("$PY" Benchmarks/measure.py "check" "$RUNS" -- "$BIN" check -c "$OUT/bench.yaml")
    grep -v '^RESULT' <<<"$check" | sed 's/^/   /'
    check_s=$(awk '/^RESULT/ {print $(NF-1)}' <<<"$check")
    check_mib=$(awk '/^RESULT/ {printf "%.1f", $NF / 1024}' <<<"$check")
    row "check: median wall time" "$(py "f'{$check_s:.3f} s'")" "< 1 s" "$(met "$check_s < 1")"
    row "check: peak RSS" "$check_mib MiB" "< 100 MiB" "$(met "$check_mib < 100")"
fi

if want 2; then
    echo
    echo "== 2. a year of reminders: nhacviec plan vs remind -s12 (goal: >= 10x faster than remind)"
    ours=$("$PY" Benchmarks/measure.py "nhacviec plan 2024 (json)" "$RUNS" -- \
        "$BIN" plan -c "$OUT/bench.yaml" --from 2024-01-01 --to 2024-12-31 --format json)
    grep -v '^RESULT' <<<"$ours" | sed 's/^/   /'
    theirs=$("$PY" Benchmarks/measure.py "remind -s12 (baseline)" "$RUNS" -- remind -s12 "$OUT/bench.rem" 1 Jan 2024)
    grep -v '^RESULT' <<<"$theirs" | sed 's/^/   /'
    lines=$("$BIN" plan -c "$OUT/bench.yaml" --from 2024-01-01 --to 2024-12-31 --format json | wc -l)
    remind_lines=$(remind -s12 "$OUT/bench.rem" 1 Jan 2024 | wc -l)
    echo "   output lines: nhacviec $lines steps, remind $remind_lines calendar entries"
    o=$(awk '/^RESULT/ {print $(NF-1)}' <<<"$ours")
    t=$(awk '/^RESULT/ {print $(NF-1)}' <<<"$theirs")
    echo "   ratio: remind / nhacviec = $(py "f'{$t / $o:.1f}'")x"
    row "plan 2024: median (remind -s12)" "$(py "f'{$o:.3f} s ({$t:.3f} s)'")" "" ""
    row "plan 2024: remind / nhacviec" "$(py "f'{$t / $o:.1f}x'")" ">= 10x" "$(met "$t / $o >= 10")"
fi

if want 3; then
    echo
    echo "== 3. delivery: 1,000 emails to smtp-sink vs smtp-source; 2,000 webhooks, curl_multi vs one at a time"
    postfix_before=no
    postfix_running && postfix_before=yes
    section_script delivery Benchmarks/delivery-bench.sh CONFIG=release SCRATCH_PATH=.build/testable SKIP_BUILD=1
    smtp=$(bench_line delivery 'BENCH smtp messages')
    source_line=$(bench_line delivery 'BENCH smtp-source')
    ratio=$(bench_line delivery 'BENCH smtp ratio nhacviec/smtp-source=' | sed 's/.*=//')
    concurrent=$(bench_line delivery 'BENCH webhooks.*concurrent_ok')
    sequential=$(bench_line delivery 'BENCH webhooks.*sequential_ok')
    speedup=$(field speedup "$sequential")
    if [ -n "$ratio" ]; then
        row "smtp: msgs/s, nhacviec (smtp-source)" \
            "$(field per_second "$smtp") ($(field per_second "$source_line"))" "" ""
        row "smtp: nhacviec / smtp-source" "${ratio}x" ">= 0.5x" "$(met "$ratio >= 0.5")"
    else
        row "smtp: nhacviec / smtp-source" "not measured" ">= 0.5x" "no"
    fi
    if [ -n "$speedup" ]; then
        row "webhooks: calls/s, curl_multi (sequential)" \
            "$(field concurrent_per_second "$concurrent") ($(field sequential_per_second "$sequential"))" "" ""
        row "webhooks: curl_multi / one at a time" "${speedup}x" ">= 4x" "$(met "$speedup >= 4")"
    else
        row "webhooks: curl_multi / one at a time" "not measured" ">= 4x" "no"
    fi
    if postfix_running; then
        echo "   postfix master daemon: running (it was running before: $postfix_before; not started or stopped here)"
    else
        echo "   postfix master daemon: not running; only the smtp-sink and smtp-source binaries were used"
    fi
fi

if want 4; then
    echo
    echo "== 4. idle daemon: config/example.yaml at 2024-03-25 09:30 (after the morning's sends), watchdog off"
    echo "   (goal: RSS < 20 MiB; <= 1 wake-up per minute; the inbox is watched with inotify, so expect 0)"
    "$PY" Benchmarks/idle-daemon.py "$BIN" config/example.yaml 2024-03-25T09:30:00+07:00 \
        --settle 5 --window "$IDLE_WINDOW" --trace "$IDLE_TRACE" >"$OUT/idle.log" 2>&1 ||
        echo "   idle benchmark failed:"
    grep -v '^RESULT' "$OUT/idle.log" | sed 's/^idle: /   /'
    read -r _ _ rss hwm wakeups window status < <(grep '^RESULT idle' "$OUT/idle.log" || echo "RESULT idle 0 0 0 1 none")
    per_minute=$(py "f'{$wakeups * 60 / $window:.1f}'")
    row "idle daemon: VmRSS (VmHWM)" "$(py "f'{$rss / 1024:.1f} MiB ({$hwm / 1024:.1f} MiB)'")" "< 20 MiB" \
        "$(met "$rss / 1024 < 20")"
    row "idle daemon: wake-ups per minute" "$per_minute ($wakeups in ${window} s)" "<= 1" "$(met "$per_minute <= 1")"
    row "idle daemon: exit status on SIGTERM" "$status" "0" "$(met "'$status' == '0'")"
fi

if want 5; then
    echo
    echo "== 5. scheduler tick: 10,000 tasks, 100,000 ledger rows (goal: < 50 ms per tick, refresh included)"
    NHACVIEC_BENCH=1 "$TESTS" --testing-library swift-testing --filter SchedulerTickBenchmark >"$OUT/tick.log" 2>&1 ||
        { echo "   tick benchmark failed:"; sed 's/^/   /' "$OUT/tick.log"; }
    grep '^BENCH tick' "$OUT/tick.log" | sed 's/^BENCH tick /   /'
    ticks=$(grep '^BENCH tick ticks=' "$OUT/tick.log" || true)
    first=$(grep '^BENCH tick first_ms=' "$OUT/tick.log" || true)
    load=$(grep '^BENCH tick snapshot_load_ms=' "$OUT/tick.log" || true)
    if [ -n "$ticks" ]; then
        median=$(field median_ms "$ticks")
        p95=$(field p95_ms "$ticks")
        row "tick: snapshot load (100,000 rows)" "$(field snapshot_load_ms "$load") ms" "" ""
        row "tick: first tick (builds the timeline)" "$(field first_ms "$first") ms" "" ""
        row "tick: median of $(field ticks "$ticks") ticks" "$median ms" "< 50 ms" "$(met "$median < 50")"
        row "tick: p95 (max)" "$p95 ms ($(field max_ms "$ticks") ms)" "< 50 ms" "$(met "$p95 < 50")"
    else
        row "tick: median" "not measured" "< 50 ms" "no"
    fi
fi

if want 6; then
    echo
    echo "== 6. consolidated report: 300 units, 10,000 tasks, four formats (goal: all four < 2 s)"
    NHACVIEC_BENCH=1 /usr/bin/time -f '%M' -o "$OUT/report.rss" \
        "$TESTS" --testing-library swift-testing --filter ReportBenchmark >"$OUT/report.log" 2>&1 ||
        { echo "   report benchmark failed:"; sed 's/^/   /' "$OUT/report.log"; }
    grep '^report-bench:' "$OUT/report.log" | sed 's/^report-bench: /   /'
    report_total=$(awk '/^report-bench: (parse|working|build|render)/ {
        for (i = 1; i <= NF; i++) if ($i == "ms" || $i == "ms,") total += $(i - 1) } END { printf "%.0f", total }' \
        "$OUT/report.log")
    report_rss=$(tail -1 "$OUT/report.rss" 2>/dev/null || echo 0)
    echo "   total (parse + calendar + model + all four renders): $report_total ms;" \
        "peak RSS of the test process $(py "f'{$report_rss / 1024:.0f}'") MiB"
    for format in docx html md json; do
        ms=$(awk -v f="$format" '$2 == "render" && $3 == f {print $4}' "$OUT/report.log")
        row "report: render $format" "${ms:-?} ms" "" ""
    done
    row "report: parse + model + all four formats" "$report_total ms" "< 2000 ms" "$(met "${report_total:-99999} < 2000")"
    row "report: peak RSS of the test process" "$(py "f'{$report_rss / 1024:.0f} MiB'")" "" ""
fi

if want 7; then
    echo
    echo "== 7. at a real network's latency: ${RTT_MS:-50} ms round trip and 0 ms (Benchmarks/latency-bench.sh)"
    section_script latency Benchmarks/latency-bench.sh BIN="$BIN" TESTS="$TESTS" IDLE_WINDOW="$IDLE_WINDOW"
    "$PY" Benchmarks/latency-summary.py "$OUT/latency.log" >>"$SUMMARY"
fi

if want 8; then
    echo
    echo "== 8. report forms: 300 units, one period (generate), the same 300 forms read back as filled"
    NHACVIEC_BENCH=1 /usr/bin/time -f '%M' -o "$OUT/forms.rss" \
        "$TESTS" --testing-library swift-testing --filter FormBenchmark >"$OUT/forms.log" 2>&1 ||
        { echo "   form benchmark failed:"; sed 's/^/   /' "$OUT/forms.log"; }
    grep '^form-bench:' "$OUT/forms.log" | sed 's/^form-bench: /   /'
    forms_rss=$(tail -1 "$OUT/forms.rss" 2>/dev/null || echo 0)
    for stage in generate read; do
        ms=$(awk -v s="$stage" '$2 == s {print $3}' "$OUT/forms.log")
        row "forms: $stage 300" "${ms:-?} ms" "" ""
    done
    row "forms: peak RSS of the test process" "$(py "f'{$forms_rss / 1024:.0f} MiB'")" "" ""
fi

if want 9; then
    echo
    echo "== 9. e-mail intake: ${IMAP_MESSAGES:-500} report e-mails in a Dovecot mailbox, one poll;" \
        "the idle daemon with poll: 2m (Benchmarks/imap-bench.sh)"
    section_script imap Benchmarks/imap-bench.sh BIN="$BIN"
    backlog=$(bench_line imap 'RESULT imap-backlog')
    read -r _ _ messages seconds peak moved <<<"${backlog:-RESULT x 0 1 0 0}"
    baseline=$(bench_line imap 'RESULT imap-baseline')
    read -r _ _ base_messages base_seconds base_peak <<<"${baseline:-RESULT x 0 1 0}"
    row "imap: backlog of $messages, one poll" "$(py "f'{$messages / $seconds:.0f} messages/s ({$seconds} s)'")" "" ""
    if [ -n "$baseline" ]; then
        row "imap: baseline, Python imaplib (same $base_messages)" \
            "$(py "f'{$base_messages / $base_seconds:.0f} messages/s ({$base_seconds} s)'")" "" ""
        row "imap: nhacviec's speed / imaplib's" "$(py "f'{$base_seconds / $seconds:.2f}x'")" "" ""
        row "imap: peak RSS of that poll (imaplib's)" \
            "$(py "f'{$peak / 1024:.1f} MiB ({$base_peak / 1024:.1f} MiB)'")" "" ""
    else
        row "imap: baseline, Python imaplib" "not measured" "" ""
        row "imap: peak RSS of that poll" "$(py "f'{$peak / 1024:.1f} MiB'")" "" ""
    fi
    row "imap: messages moved" "$moved" "$messages" "$(met "$moved == $messages")"
    imap_idle=$(bench_line imap 'RESULT imap-idle')
    read -r _ _ window wakeups polls other <<<"${imap_idle:-RESULT x 1 0 0 0}"
    row "imap idle (poll: 2m): wake-ups a minute" \
        "$(py "f'{$wakeups * 60 / $window:.2f} ({$polls} polls, {$other} other in {$window} s)'")" \
        "0.5 (polls only)" "$(met "$other == 0 and $polls > 0")"
    stop=$(bench_line imap 'RESULT imap-stop')
    if [ -n "$stop" ]; then
        read -r _ _ stop_seconds stop_status <<<"$stop"
        row "imap: SIGTERM during a stalled poll: exit (seconds)" "$stop_status ($stop_seconds s)" \
            "0 (< 10 s)" "$(met "'$stop_status' == '0' and $stop_seconds < 10")"
    else
        row "imap: SIGTERM during a stalled poll" "not measured" "0 (< 10 s)" "no"
    fi
fi

if want 10; then
    echo
    echo "== 10. the Office's dashboard under wrk (Benchmarks/web-bench.sh): serve vs nginx on the saved page"
    section_script web Benchmarks/web-bench.sh BIN="$BIN" TESTS="$TESTS"
    serve=$(bench_line web 'BENCH web wrk target=serve')
    ceiling=$(bench_line web 'BENCH web wrk target=nginx')
    page=$(bench_line web 'BENCH web page')
    loaded=$(bench_line web 'BENCH web memory when=after_load')
    idle=$(bench_line web 'BENCH web memory when=idle')
    if [ -n "$serve" ] && [ -n "$ceiling" ]; then
        row "dashboard: req/s, serve (nginx, same page)" \
            "$(field requests_per_second "$serve") ($(field requests_per_second "$ceiling"))" "" ""
        row "dashboard: p99, serve (nginx)" "$(field p99_ms "$serve") ms ($(field p99_ms "$ceiling") ms)" "" ""
        row "dashboard: page size" "$(py "f'{$(field bytes "$page") / 1024:.0f} KiB'")" "" ""
    else
        row "dashboard: req/s, serve (nginx)" "not measured" "" ""
    fi
    if [ -n "$idle" ]; then
        row "serve: VmRSS / RssAnon after the load" \
            "$(py "f'{$(field VmRSS_kib "$loaded") / 1024:.1f} / {$(field RssAnon_kib "$loaded") / 1024:.1f} MiB'")" "" ""
        row "serve: VmRSS / RssAnon idle $(field when "$idle" | sed 's/idle_//')" \
            "$(py "f'{$(field VmRSS_kib "$idle") / 1024:.1f} / {$(field RssAnon_kib "$idle") / 1024:.1f} MiB'")" "" ""
    fi
fi

echo
echo "== summary (load at the end: $(uptime | sed 's/.*load average: //'))"
"$PY" - "$SUMMARY" <<'EOF'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
header = ["figure", "value", "goal", "met"]
widths = [max(len(r[i]) for r in rows + [header]) for i in range(4)]
for r in [header, ["-" * w for w in widths]] + rows:
    print("   " + "  ".join(cell.ljust(width) for cell, width in zip(r, widths)).rstrip())
EOF
