#!/usr/bin/python3
"""Checks a consolidated report's JSON (`nhacviec report --format json`) against
Tests/Fixtures/consolidated-report.schema.json and against what the schema cannot
say: every key is snake_case, `time_zone` is the config's zone, and every instant
carries that zone's offset at that instant.

Usage: check_report_json.py SCHEMA REPORT.json TIME_ZONE

Prints one line per problem and exits 1 if there are any, 0 if none, 2 on a
usage or environment error (so a broken environment never passes for a bad file).
Uses Debian's python3-jsonschema (draft 2020-12).
"""

import datetime
import json
import re
import sys

try:
    from jsonschema import Draft202012Validator
    from zoneinfo import ZoneInfo
except ImportError as error:
    print(f"check_report_json.py: {error} (install python3-jsonschema)", file=sys.stderr)
    sys.exit(2)

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$")


def walk(value, path):
    """(path, key) for every key, and (path, text) for every string, depth first."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield "key", path, key
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")
    elif isinstance(value, str):
        yield "string", path, value


def main(argv):
    if len(argv) != 4:
        print("usage: check_report_json.py SCHEMA REPORT.json TIME_ZONE", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as file:
            schema = json.load(file)
        Draft202012Validator.check_schema(schema)
        zone = ZoneInfo(argv[3])
    except Exception as error:  # noqa: BLE001 - any of these is an environment error
        print(f"check_report_json.py: {error}", file=sys.stderr)
        return 2
    with open(argv[2], encoding="utf-8") as file:
        report = json.load(file)

    problems = []
    for error in sorted(Draft202012Validator(schema).iter_errors(report), key=lambda e: list(e.absolute_path)):
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        problems.append(f"schema: {where or '(top level)'}: {error.message}")
    if isinstance(report, dict) and report.get("time_zone") != argv[3]:
        problems.append(f"time_zone: {report.get('time_zone')!r}, expected {argv[3]!r}")
    instants = 0
    for kind, path, value in walk(report, ""):
        if kind == "key" and not SNAKE.match(value):
            problems.append(f"key {path}.{value}: not snake_case")
        elif kind == "string" and INSTANT.match(value):
            instants += 1
            moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
            expected = moment.astimezone(zone).isoformat()
            if value != expected:
                problems.append(f"{path}: {value} is not in {argv[3]} (expected {expected})")
    if instants == 0:
        problems.append("no instant in the report: nothing to check the offset on")
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
