#!/usr/bin/env python3
"""Checks an iCalendar file the way calendar clients read it: parsed by the icalendar
library, and against RFC 5545's line rules (CRLF, folding at 75 octets, required
properties, all-day events, unique UIDs, a VALARM). Usage: check_ics.py FILE TASK_ID"""
import sys
from icalendar import Calendar

path, task = sys.argv[1], sys.argv[2]
raw = open(path, "rb").read()
problems = []
if not raw.endswith(b"\r\n"):
    problems.append("does not end with CRLF")
for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
    if b"\n" in line or b"\r" in line:
        problems.append(f"line {number}: bare LF or CR")
    if len(line) > 75:
        problems.append(f"line {number}: {len(line)} octets (max 75)")
    line.decode("utf-8")  # folding must never split a UTF-8 sequence

calendar = Calendar.from_ical(raw.decode("utf-8"))
if str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
    problems.append("VERSION 2.0 and PRODID are required")
events = [c for c in calendar.walk() if c.name == "VEVENT"]
if not events:
    problems.append("no VEVENT")
uids = [str(e.get("UID")) for e in events]
if len(set(uids)) != len(uids):
    problems.append("duplicate UIDs")
for event in events:
    for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
        if event.get(name) is None:
            problems.append(f"{event.get('UID')}: no {name}")
    start = event.decoded("DTSTART")
    if hasattr(start, "hour"):
        problems.append(f"{event.get('UID')}: not an all-day event")
task_events = [e for e in events if str(e.get("UID")).startswith(f"task:{task}/")]
if len(task_events) != 1:
    problems.append(f"expected one event for task {task}, found {len(task_events)}")
else:
    event = task_events[0]
    if str(event.decoded("DTSTART")) != "2024-03-29":
        problems.append(f"task {task} is on {event.decoded('DTSTART')}, expected 2024-03-29")
    description = str(event.get("DESCRIPTION"))
    for needle in ("Thời hạn: 29/03/2024", "Chủ trì: Phòng Quản lý đầu tư", "Phối hợp: Phòng Tổ chức"):
        if needle not in description:
            problems.append(f"task {task}: description lacks {needle!r}: {description!r}")
    alarms = [c for c in event.walk() if c.name == "VALARM"]
    if len(alarms) != 1:
        problems.append(f"task {task}: expected one VALARM")
    else:
        trigger = alarms[0].decoded("TRIGGER")
        # before-5wd of Fri 29/03/2024 is Fri 22/03 at 08:00 +07:00 = 01:00 UTC.
        if trigger.isoformat() != "2024-03-22T01:00:00+00:00":
            problems.append(f"task {task}: alarm at {trigger.isoformat()}, expected the first before-step")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"ok: {len(events)} events")
