#!/usr/bin/env python3
"""Turns wrk's --latency output into one BENCH line, every latency in ms.

usage: wrk-summary.py TARGET WRK_OUTPUT_FILE
"""
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * UNITS[unit]


target, path = sys.argv[1], sys.argv[2]
text = open(path).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
requests = re.search(r"(\d+) requests in", text).group(1)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: (.*)", text)
print(
    f"BENCH web wrk target={target} requests={requests} requests_per_second={rps:.1f} "
    f"p50_ms={p50:.2f} p99_ms={p99:.2f} non_2xx={non2xx.group(1) if non2xx else 0} "
    f"socket_errors={errors.group(1).replace(' ', '') if errors else 'none'}"
)
