#!/usr/bin/env python3
"""Turns the BENCH lines of Benchmarks/latency-bench.sh into rows of run.sh's
summary (figure, value, goal, met; tab-separated), each figure beside its
baseline from the same run. Goals (issue 15): at 50 ms, 8 sessions deliver and
record the burst in at most 1.1x the time of `smtp-source -s 8`; curl_multi makes
webhook calls at least 6x faster than one at a time; the idle daemon after the
burst wakes 0 times a minute with under 8 MiB of RssAnon.

usage: latency-summary.py LATENCY_LOG
"""
import re
import sys

fields = lambda line: dict(re.findall(r"(\w+)=(\S+)", line))
burst, webhooks, idle, digests, hung = {}, {}, None, None, {}
for line in open(sys.argv[1], errors="replace"):
    if not line.startswith("BENCH "):
        continue
    values = fields(line)
    if line.startswith("BENCH burst digests="):
        digests = values
    elif line.startswith("BENCH burst "):
        burst[(int(values["rtt_ms"]), values["tool"], int(values["sessions"]))] = values
    elif line.startswith("BENCH webhooks "):
        webhooks.setdefault(int(values["rtt_ms"]), {}).update(values)
    elif line.startswith("BENCH hung-session ") and "hang" in values:
        hung[values["hang"]] = values
    elif line.startswith("BENCH idle-after-burst"):
        idle = values


def row(figure, value, goal="", met=""):
    print(f"{figure}\t{value}\t{goal}\t{met}")


def yes(condition):
    return "yes" if condition else "no"


if digests:
    row("burst: digests, mean size, recipients", f"{digests['digests']} x {int(digests['bytes_each']) / 1024:.1f} KiB"
        + f", {digests.get('recipients', '1')} each (smtp-source -r)")
for rtt in sorted({key[0] for key in burst}):
    sessions = sorted({key[2] for key in burst if key[0] == rtt})
    for count in sessions:
        ours = burst.get((rtt, "nhacviec", count), {})
        theirs = burst.get((rtt, "smtp-source", count), {})
        if "unsupported" in ours:
            value = "connections not in this build"
        elif "seconds" in ours:
            value = f"{float(ours['seconds']):.2f} s, {ours['delivered']}/{ours['messages']} recorded"
        else:
            value = "not measured"
        baseline = f" (smtp-source {float(theirs['seconds']):.2f} s)" if "seconds" in theirs else ""
        row(f"burst {rtt} ms: nhacviec, {count} session{'s' if count > 1 else ''}", value + baseline)
    ours = burst.get((rtt, "nhacviec", max(sessions)), {})
    theirs = burst.get((rtt, "smtp-source", max(sessions)), {})
    if rtt > 0 and "seconds" in ours and "seconds" in theirs:
        ratio = float(ours["seconds"]) / float(theirs["seconds"])
        complete = ours["delivered"] == ours["messages"] and ours.get("unsent") == "0"
        row(f"burst {rtt} ms, {max(sessions)} sessions: nhacviec / smtp-source", f"{ratio:.2f}x",
            "<= 1.1x, all recorded", yes(ratio <= 1.1 and complete))
    elif rtt > 0:
        row(f"burst {rtt} ms, {max(sessions)} sessions: nhacviec / smtp-source", "not measured",
            "<= 1.1x, all recorded", "no")
if "yes" in hung:
    ours, plain = hung["yes"], hung.get("no", {})
    baseline = f" (no hang: {float(plain['seconds']):.2f} s)" if "seconds" in plain else ""
    row(f"hung session {ours['rtt_ms']} ms, {ours['sessions']} sessions: the others in",
        f"{float(ours['seconds']):.2f} s, {ours['others_in']} in, {ours['hung']} hung{baseline}",
        f"< SMTP timeout ({ours['smtp_timeout_s']} s)", yes(float(ours["seconds"]) < float(ours["smtp_timeout_s"])))
for rtt, values in sorted(webhooks.items()):
    if "speedup" not in values:
        row(f"webhooks {rtt} ms: curl_multi / one at a time", "not measured", ">= 6x", "no")
        continue
    row(f"webhooks {rtt} ms: calls/s, curl_multi (one at a time)",
        f"{values['concurrent_per_second']} ({values['sequential_per_second']})")
    speedup = float(values["speedup"])
    row(f"webhooks {rtt} ms: curl_multi / one at a time", f"{speedup:.1f}x", ">= 6x" if rtt else "",
        yes(speedup >= 6) if rtt else "")
if idle:
    window = float(idle.get("window_s", "0") or 0)
    wakeups = int(idle.get("wakeups", "0") or 0)
    per_minute = wakeups * 60 / window if window else float("nan")
    row("idle after the burst: wake-ups per minute", f"{per_minute:.1f} ({wakeups} in {window:.0f} s)", "0",
        yes(window > 0 and wakeups == 0))
    rss = idle.get("rss_anon_mib", "?")
    row("idle after the burst: RssAnon", f"{rss} MiB", "< 8 MiB", yes(rss != "?" and float(rss) < 8))
