#!/usr/bin/env python3
"""Runs a command several times; prints the median wall time and the peak RSS (max of runs).

usage: measure.py LABEL RUNS -- COMMAND...
Peak RSS comes from wait4()'s rusage of the child (ru_maxrss, KiB on Linux).
"""
import os, statistics, subprocess, sys, time

label, runs = sys.argv[1], int(sys.argv[2])
command = sys.argv[sys.argv.index("--") + 1:]
times, peaks = [], []
for _ in range(runs):
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - start
    stderr = process.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"{label}: command failed ({os.waitstatus_to_exitcode(status)}): {stderr[:500]}", file=sys.stderr)
        sys.exit(1)
    times.append(elapsed)
    peaks.append(usage.ru_maxrss)
median = statistics.median(times)
print(f"{label}: median {median:.3f} s over {runs} runs (min {min(times):.3f}, max {max(times):.3f}); peak RSS {max(peaks) / 1024:.1f} MiB")
print(f"RESULT {label} {median:.6f} {max(peaks)}")
