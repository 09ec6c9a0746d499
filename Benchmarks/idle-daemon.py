#!/usr/bin/env python3
"""Measures an idle `nhacviec run`: memory and wake-ups over a quiet minute.

usage: idle-daemon.py BIN CONFIG NOW [--settle S] [--settle-after TEXT] [--window S] [--trace S]

Starts `BIN run -c CONFIG --state <temp dir> --now NOW` with the systemd watchdog
off (no NOTIFY_SOCKET, no WATCHDOG_USEC), lets it settle for S seconds (its first
pass sends the morning's reminders to the outbox; with --settle-after, S is the
most it waits for TEXT in the daemon's log, then 5 s more), then samples every thread of it
once a second for the window. Wake-ups are context switches, voluntary and
involuntary, of all its threads (/proc/PID/task/*/status): a thread seen only part
of the time counts for what it did while seen. Memory is VmRSS and VmHWM of
/proc/PID/status at the end of the window. Reading /proc does not wake the daemon.

With --trace S (and strace installed) the daemon is then traced for S more
seconds (`strace -f -tt`, which slows it, so never during the window) to show
which threads wake, when and for which system calls. Finally SIGTERM, and its
exit status. The temp dir and the process are removed/stopped whatever happens.

On Linux, a Swift process whose libdispatch worker pool has started (Swift
concurrency's global executor runs on it) also wakes once a second: libdispatch's
internal workqueue arms a repeating thread-pool monitor timer
(`_dispatch_workq_init_once`, seen on the manager thread as timerfd_settime +
epoll_wait each second). The figures include it; they are not adjusted.

Prints readable lines, then `RESULT idle <vmrss KiB> <vmhwm KiB> <wake-ups> <window s> <exit status>`.
"""
import argparse, collections, os, re, shutil, signal, subprocess, sys, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("config")
parser.add_argument("now")
parser.add_argument("--settle", type=float, default=5)
parser.add_argument("--settle-after", help="wait (at most --settle) until the daemon logs this, then 5 s")
parser.add_argument("--window", type=float, default=60)
parser.add_argument("--trace", type=float, default=0)
args = parser.parse_args()


def status_fields(path):
    fields = {}
    try:
        with open(path) as status:
            for line in status:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return fields


def threads(pid):
    """{tid: (name, voluntary + involuntary switches)} of every live thread."""
    result = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return result
    for tid in tids:
        fields = status_fields(f"/proc/{pid}/task/{tid}/status")
        if fields is None:
            continue
        result[int(tid)] = (fields.get("Name", "?"),
                            int(fields["voluntary_ctxt_switches"]) + int(fields["nonvoluntary_ctxt_switches"]))
    return result


def kib(text):
    return int(text.split()[0])


def anonymous_by_mapping(pid):
    """[(KiB, name)] of anonymous memory by mapping: [heap], thread stacks and unnamed
    areas ("anon"), and each library's copy-on-write pages (relocations, .data, .bss)."""
    totals = collections.Counter()
    name = "?"
    try:
        with open(f"/proc/{pid}/smaps") as smaps:
            for line in smaps:
                fields = line.split()
                if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                    path = fields[5] if len(fields) > 5 else "anon"
                    name = os.path.basename(path) if path.startswith("/") else path
                elif fields and fields[0] == "Anonymous:":
                    totals[name] += int(fields[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return []
    return [(size, name) for name, size in totals.most_common() if size]


work = tempfile.mkdtemp(prefix="nhacviec-idle-")
environment = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")}
log_path = os.path.join(work, "daemon.log")
log = open(log_path, "wb")
daemon = None
exit_status = "not started"
try:
    daemon = subprocess.Popen(
        [args.binary, "run", "-c", args.config, "--state", os.path.join(work, "state"), "--now", args.now],
        stdout=log, stderr=subprocess.STDOUT, env=environment)
    started = time.monotonic()
    if args.settle_after:
        while time.monotonic() - started < args.settle and daemon.poll() is None:
            if args.settle_after in open(log_path, errors="replace").read():
                print(f"idle: '{args.settle_after}' logged {time.monotonic() - started:.1f} s after start")
                time.sleep(5)
                break
            time.sleep(0.2)
        else:
            print(f"idle: '{args.settle_after}' not logged within {args.settle:.0f} s")
    else:
        time.sleep(args.settle)
    if daemon.poll() is not None:
        raise SystemExit(f"idle: the daemon exited early ({daemon.returncode}):\n" + open(log_path).read()[-2000:])

    first, last = {}, {}
    begin = threads(daemon.pid)
    for tid, (name, count) in begin.items():
        first[tid] = last[tid] = (name, count)
    window_start = time.monotonic()
    tick = window_start
    while True:
        tick += 1
        time.sleep(max(0, tick - time.monotonic()))
        for tid, (name, count) in threads(daemon.pid).items():
            first.setdefault(tid, (name, 0))  # born during the window: all its switches count
            last[tid] = (name, count)
        if tick - window_start >= args.window:
            break
    window = time.monotonic() - window_start
    status = status_fields(f"/proc/{daemon.pid}/status") or {}
    live_at_end = set(threads(daemon.pid))
    per_thread = collections.Counter()
    names = {}
    for tid, (name, count) in last.items():
        per_thread[tid] = count - first[tid][1]
        names[tid] = name
    wakeups = sum(per_thread.values())
    rss, hwm = kib(status.get("VmRSS", "0 kB")), kib(status.get("VmHWM", "0 kB"))
    print(f"idle: window t={window_start - started:.0f}..{window_start - started + window:.0f} s after start, "
          f"{len(live_at_end)} threads at the end ({len(set(last) - live_at_end)} ended during the window, "
          f"{len(set(last) - set(begin))} started)")
    print(f"idle: VmRSS {rss / 1024:.1f} MiB, VmHWM {hwm / 1024:.1f} MiB "
          f"(RssAnon {kib(status.get('RssAnon', '0 kB')) / 1024:.1f} MiB, "
          f"RssFile {kib(status.get('RssFile', '0 kB')) / 1024:.1f} MiB: mapped libraries and files)")
    parts = anonymous_by_mapping(daemon.pid)
    if parts:
        shown = ", ".join(f"{name} {size / 1024:.2f}" for size, name in parts[:8])
        rest = sum(size for size, _ in parts[8:])
        print(f"idle: RssAnon by mapping (MiB): {shown}, others {rest / 1024:.2f}")
    print(f"idle: wake-ups (context switches, all threads) {wakeups} in {window:.0f} s "
          f"= {wakeups * 60 / window:.1f} per minute")
    busy = [(tid, n) for tid, n in per_thread.most_common() if n]
    print("idle: by thread: " + (", ".join(f"{names[tid]}[{tid}] {n}" for tid, n in busy) or "none"))

    if args.trace > 0 and shutil.which("strace"):
        trace_path = os.path.join(work, "strace.log")
        tracer = subprocess.Popen(["strace", "-f", "-tt", "-qq", "-o", trace_path, "-p", str(daemon.pid)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(args.trace)
        tracer.send_signal(signal.SIGINT)
        try:
            tracer.wait(timeout=10)
        except subprocess.TimeoutExpired:
            tracer.kill()
            tracer.wait()
        calls = collections.Counter()
        seconds = collections.defaultdict(set)
        # "<tid> <hh:mm:ss.us> call(...) = r", or split in "call(... <unfinished ...>" and
        # "<... call resumed> ...) = r": a call is counted when it returns.
        line_pattern = re.compile(r"^(\d+)\s+(\d\d:\d\d:\d\d)\.\d+\s+(?:<\.\.\. ([a-z_0-9]+) resumed>|([a-z_0-9]+)\()")
        for line in open(trace_path, errors="replace"):
            match = line_pattern.match(line)
            if not match:
                continue
            tid, second, resumed, started_call = match.groups()
            thread = f"{names.get(int(tid), '?')}[{tid}]"
            seconds[thread].add(second)
            if not line.rstrip().endswith("<unfinished ...>"):
                calls[(thread, resumed or started_call)] += 1
        print(f"idle: strace -f over {args.trace:.0f} s more (slows the daemon; not part of the figures above):")
        if not calls:
            print("idle:   no system calls at all")
        for thread, times in sorted(seconds.items(), key=lambda item: -len(item[1])):
            summary = ", ".join(f"{call} x{n}" for (name, call), n in calls.most_common() if name == thread)
            summary = summary or "only the call it was blocked in when strace attached"
            print(f"idle:   thread {thread}: active in {len(times)} distinct seconds "
                  f"(first {min(times)}, last {max(times)}): {summary}")
    elif args.trace > 0:
        print("idle: strace not installed; no trace")

    daemon.send_signal(signal.SIGTERM)
    try:
        code = daemon.wait(timeout=15)
        exit_status = str(code)
        print(f"idle: SIGTERM -> exited with status {code}")
    except subprocess.TimeoutExpired:
        daemon.kill()
        daemon.wait()
        exit_status = "killed"
        print("idle: SIGTERM -> still running after 15 s; killed")
    print(f"RESULT idle {rss} {hwm} {wakeups} {window:.1f} {exit_status}")
finally:
    if daemon is not None and daemon.poll() is None:
        daemon.kill()
        daemon.wait()
    log.close()
    shutil.rmtree(work, ignore_errors=True)
