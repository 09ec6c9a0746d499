#!/usr/bin/env bash
# make bench, section 9 (issue 10 "Measured"): the e-mail intake against a throwaway
# Dovecot (plain IMAP on a free loopback port, its own config, passwd file and Maildir
# in a temp dir, stopped by its PID), with the release binary.
#   a) backlog: IMAP_MESSAGES (default 500) report e-mails, each one unit's March report
#      in its body as a mail client sends it, APPENDed to INBOX by Python's imaplib; one
#      `nhacviec intake --once` takes them all in (list, fetch, parse, file, receipt
#      recorded and written to the outbox, MOVE): wall time, messages per second, peak
#      RSS (/usr/bin/time -f %M). Baseline from the same run: Python's imaplib doing only
#      the IMAP part on a copy of the same messages (list, fetch each, MOVE each), the
#      floor any client pays on this server.
#   b) idle: the daemon with `poll: 2m` after its first pass, traced with strace -f for
#      IMAP_IDLE_WINDOW seconds (default 250): its wake-ups (bursts of system calls more
#      than 1 s apart), the polls among them (its `intake` log lines) and the rest.
#      Goal: one poll per 2 minutes, nothing else.
#   c) stop: SIGTERM to the daemon while its poll waits on a stalled server (a proxy
#      holds its first command unanswered): seconds until it exited (without the abort
#      it would wait for the 10 s grace period's forced exit).
# Prints readable lines, then `RESULT imap-backlog <messages> <seconds> <peak KiB> <moved>`,
# `RESULT imap-baseline <messages> <seconds> <peak KiB>`,
# `RESULT imap-idle <window s> <wake-ups> <polls> <other wake-ups>` and
# `RESULT imap-stop <seconds> <exit status>`.
# BIN: the release binary (built when unset).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
MESSAGES="${IMAP_MESSAGES:-500}"
WINDOW="${IMAP_IDLE_WINDOW:-250}"
if [ -z "${BIN:-}" ]; then
    swift build -c release >/dev/null
    BIN="$(swift build -c release --show-bin-path)/nhacviec"
fi
WORK="$(mktemp -d /tmp/nhacviec-imap-bench.XXXXXX)"
DOVECOT_PID=""
DAEMON_PID=""
PROXY_PID=""
cleanup() {
    [ -n "$DAEMON_PID" ] && kill -KILL "$DAEMON_PID" 2>/dev/null || true
    [ -n "$PROXY_PID" ] && kill -KILL "$PROXY_PID" 2>/dev/null || true
    [ -n "$DOVECOT_PID" ] && kill -KILL "$DOVECOT_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- Dovecot, as Tests/TestSupport/DovecotServer.swift starts it (no TLS here).
PORT="$("$PY" Tests/Support/imap_tool.py ports 1)"
PASSWORD="bench-$RANDOM$RANDOM"
mkdir -p "$WORK/run" "$WORK/state" "$WORK/mail"
chmod 0777 "$WORK/mail"
chmod 0755 "$WORK"
echo "office:{PLAIN}$PASSWORD" >"$WORK/passwd"
chmod 0644 "$WORK/passwd"
cat >"$WORK/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $WORK/run
state_dir = $WORK/state
instance_name = nhacviec-bench-$PORT
log_path = $WORK/dovecot.log
default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
ssl = no
auth_mechanisms = plain login
disable_plaintext_auth = no
mail_location = maildir:$WORK/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $WORK/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$WORK/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
CONF
/usr/sbin/dovecot -F -c "$WORK/dovecot.conf" >/dev/null 2>&1 &
DOVECOT_PID=$!
for _ in $(seq 100); do
    "$PY" -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 1)" 2>/dev/null && break
    sleep 0.1
done

# --- The config (MESSAGES units, one task each) and one report e-mail per unit.
"$PY" - "$WORK" "$MESSAGES" "$PORT" <<'PYEOF'
import os, sys
work, count, port = sys.argv[1], int(sys.argv[2]), sys.argv[3]
units = ["  - id: van-phong\n    name: Văn phòng\n    email: [vanphong@bench.example.gov.vn]\n"]
tasks = []
os.makedirs(work + "/messages")
for n in range(1, count + 1):
    unit = "u%04d" % n
    units.append("  - id: %s\n    name: Phòng số %d\n    email: [%s@bench.example.gov.vn]\n" % (unit, n, unit))
    tasks.append(
        "  - id: T.%d\n    area: the_che\n    title: Nhiệm vụ số %d\n    lead: %s\n    due: Tháng 6/2024\n"
        % (n, n, unit))
    body = (
        "Kính gửi Văn phòng,\r\n\r\n---\r\nunit: %s\r\nreport: monthly\r\nperiod: 2024-03\r\ntasks:\r\n"
        "  - id: T.%d\r\n    status: in_progress\r\n    progress: 40\r\n---\r\n"
        "Đã triển khai %d văn bản trong tháng.\r\n\r\nOn 15/03/2024 08:05, Văn phòng wrote:\r\n> Xin nhắc.\r\n"
        % (unit, n, n))
    message = (
        "From: =?UTF-8?Q?Ph=C3=B2ng_s=E1=BB=91_%d?= <%s@bench.example.gov.vn>\r\n"
        "To: baocao@bench.example.gov.vn\r\nSubject: =?UTF-8?Q?B=C3=A1o_c=C3=A1o_th=C3=A1ng_3?=\r\n"
        "Message-ID: <bench-%d@%s.bench.example.gov.vn>\r\nDate: Fri, 15 Mar 2024 09:30:00 +0700\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        % (n, unit, n, unit)) + body
    with open(work + "/messages/%04d.eml" % n, "wb") as f:
        f.write(message.encode())
config = """version: 1
organization:
  name: Ban Quản lý Khu kinh tế
  office: van-phong
  plan_year: 2024
units:
%stasks:
%sreports:
  monthly:
    title: Báo cáo kết quả thực hiện công tác cải cách hành chính
    from: all
    period: decree_09
    due: day 16
intake:
  email:
    url: imap://127.0.0.1:%s/INBOX
    tls: none
    username: office
    password_env: NHACVIEC_IMAP_PASSWORD
    address: "Văn phòng - Báo cáo <baocao@bench.example.gov.vn>"
    poll: 2m
""" % ("".join(units), "".join(tasks), port)
with open(work + "/bench.yaml", "w") as f:
    f.write(config)
PYEOF
export NHACVIEC_IMAP_PASSWORD="$PASSWORD"
"$BIN" check -c "$WORK/bench.yaml" >/dev/null
"$PY" Tests/Support/imap_tool.py append "$PORT" office "$PASSWORD" INBOX "$WORK"/messages/*.eml
echo "backlog: $MESSAGES report e-mails in INBOX ($(du -sk "$WORK/mail" | cut -f1) KiB of Maildir), one poll"

# --- the baseline: the same messages in a folder of their own, taken by imaplib.
"$PY" - "$PORT" "$PASSWORD" "$WORK"/messages/*.eml <<'PYEOF'
import imaplib, sys
m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))
m.login("office", sys.argv[2])
for name in ("baseline", "baseline-done"):
    m.create(name)
for path in sys.argv[3:]:
    with open(path, "rb") as f:
        m.append("baseline", None, None, f.read())
m.logout()
PYEOF
cat >"$WORK/baseline.py" <<'PYEOF'
import imaplib, sys
m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))
m.login("office", sys.argv[2])
m.select("baseline")
typ, data = m.uid("SEARCH", None, "ALL")
taken = 0
for uid in data[0].split():
    typ, parts = m.uid("FETCH", uid, "(RFC822.SIZE INTERNALDATE BODY[])")
    if typ == "OK" and parts and parts[0]:
        taken += 1
    m.uid("MOVE", uid, "baseline-done")
m.logout()
print(taken)
PYEOF
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$WORK/baseline.rss" "$PY" "$WORK/baseline.py" "$PORT" "$PASSWORD" >"$WORK/baseline.out"
end=$(date +%s.%N)
base_seconds=$("$PY" -c "print(f'{$end - $start:.2f}')")
base_rss=$(tail -1 "$WORK/baseline.rss")
echo "baseline, Python imaplib (list, fetch each, MOVE each; no parsing, no state): $(cat "$WORK/baseline.out")" \
    "messages in $base_seconds s = $("$PY" -c "print(f'{$MESSAGES / $base_seconds:.0f}')") messages/s;" \
    "peak RSS $("$PY" -c "print(f'{$base_rss / 1024:.1f}')") MiB"
echo "RESULT imap-baseline $MESSAGES $base_seconds $base_rss"

# --- a) one poll takes the backlog.
mkdir -p "$WORK/st"
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$WORK/intake.rss" "$BIN" intake --once -c "$WORK/bench.yaml" --state "$WORK/st" \
    --now 2024-03-15T10:00:00+07:00 >"$WORK/intake.out" 2>"$WORK/intake.err" ||
    { echo "intake --once failed:"; tail -5 "$WORK/intake.err"; }
end=$(date +%s.%N)
seconds=$("$PY" -c "print(f'{$end - $start:.2f}')")
rss=$(tail -1 "$WORK/intake.rss")
moved=$("$PY" Tests/Support/imap_tool.py dump "$PORT" office "$PASSWORD" |
    "$PY" -c "import json,sys; d=json.load(sys.stdin); print(len(d.get('nhacviec/accepted', [])))")
replies=$(ls "$WORK/st/outbox" 2>/dev/null | grep -c '\.eml$' || true)
echo "intake --once: $(cat "$WORK/intake.out")"
echo "backlog: $MESSAGES messages in $seconds s = $("$PY" -c "print(f'{$MESSAGES / $seconds:.0f}')") messages/s;" \
    "peak RSS $("$PY" -c "print(f'{$rss / 1024:.1f}')") MiB; $moved moved to nhacviec/accepted; $replies receipts in the outbox"
echo "RESULT imap-backlog $MESSAGES $seconds $rss $moved"
echo "backlog against the baseline: $("$PY" -c "print(f'{$base_seconds / $seconds:.2f}')")x imaplib's speed," \
    "$("$PY" -c "print(f'{$rss / $base_rss:.1f}')")x its peak RSS"

# --- b) the idle daemon, poll: 2m.
mkdir -p "$WORK/idle"
"$BIN" run -c "$WORK/bench.yaml" --state "$WORK/idle" --now 2024-03-15T10:00:00+07:00 >"$WORK/daemon.log" 2>&1 &
DAEMON_PID=$!
# Its first pass reminds every unit (to the outbox) and polls once; then it is idle.
for _ in $(seq 600); do grep -q 'pass done' "$WORK/daemon.log" && break; sleep 0.5; done
sleep 5
if command -v strace >/dev/null; then
    timeout -s INT "$WINDOW" strace -f -tt -qq -o "$WORK/trace" -p "$DAEMON_PID" 2>/dev/null || true
    "$PY" - "$WORK/trace" "$WORK/daemon.log" "$WINDOW" <<'PYEOF'
import datetime, re, sys
trace, log, window = sys.argv[1], sys.argv[2], float(sys.argv[3])
def seconds(text):
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
times = []
for line in open(trace):
    match = re.match(r"\d+\s+(\d\d:\d\d:\d\d\.\d+) ", line)
    if match:
        times.append(seconds(match.group(1)))
times.sort()
# strace's attach interrupts the waits: skip the first second.
start = times[0] if times else 0
bursts, last = [], None
for t in times:
    if t < start + 1:
        continue
    if last is None or t - last > 1:
        bursts.append(t)
    last = t
polls = []
for line in open(log):
    match = re.match(r"\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)Z \w+ intake(: | mailbox unavailable)", line)
    if match:
        polls.append(seconds(match.group(1)))
# Log times are UTC, strace's local: compare within the day, shifted by the local offset.
offset = datetime.datetime.now().astimezone().utcoffset().total_seconds()
polls = [p + offset for p in polls]
in_window = [p for p in polls if start <= p <= start + window + 2]
other = [b for b in bursts if not any(-2 <= b - p <= 3 or -2 <= p - b <= 3 for p in in_window)]
print("idle: %d wake-ups in %.0f s (%.2f a minute): %d polls (%.2f a minute), %d other"
      % (len(bursts), window, len(bursts) * 60 / window, len(in_window), len(in_window) * 60 / window, len(other)))
print("RESULT imap-idle %.0f %d %d %d" % (window, len(bursts), len(in_window), len(other)))
PYEOF
else
    echo "idle: strace not installed; not measured"
    echo "RESULT imap-idle $WINDOW 0 0 0"
fi
kill -TERM "$DAEMON_PID" 2>/dev/null || true
wait "$DAEMON_PID" 2>/dev/null || true
DAEMON_PID=""

# --- c) SIGTERM while the poll waits on a stalled server.
"$PY" Tests/Support/imap_hold_proxy.py "$PORT" --hold . --marker "$WORK/held" >"$WORK/proxy.port" &
PROXY_PID=$!
for _ in $(seq 100); do [ -s "$WORK/proxy.port" ] && break; sleep 0.1; done
sed "s|url: imap://127.0.0.1:$PORT/INBOX|url: imap://127.0.0.1:$(cat "$WORK/proxy.port")/INBOX|" \
    "$WORK/bench.yaml" >"$WORK/stalled.yaml"
mkdir -p "$WORK/stalled"
"$BIN" run -c "$WORK/stalled.yaml" --state "$WORK/stalled" --now 2024-03-15T10:00:00+07:00 \
    >"$WORK/stalled.log" 2>&1 &
DAEMON_PID=$!
for _ in $(seq 600); do [ -e "$WORK/held" ] && break; sleep 0.1; done
sleep 1
start=$(date +%s.%N)
kill -TERM "$DAEMON_PID"
status=0
wait "$DAEMON_PID" || status=$?
end=$(date +%s.%N)
DAEMON_PID=""
kill -TERM "$PROXY_PID" 2>/dev/null || true
wait "$PROXY_PID" 2>/dev/null || true
PROXY_PID=""
stop_seconds=$("$PY" -c "print(f'{$end - $start:.2f}')")
echo "stop: SIGTERM during a poll held by a stalled server: exited $status after $stop_seconds s" \
    "(the grace period's forced exit would come after 10 s)"
grep -h 'interrupted by a stop\|grace period' "$WORK/stalled.log" | sed 's/^/  daemon: /' | head -3
echo "RESULT imap-stop $stop_seconds $status"
