#!/usr/bin/env python3
"""Generates benchmark inputs: a config with N tasks and U units, and an equivalent Remind file.

usage: generate.py OUTDIR [--tasks N] [--units U] [--seed S]
Writes OUTDIR/bench.yaml (nhacviec) and OUTDIR/bench.rem (remind), same deadlines.
Holidays for the .rem file come from `nhacviec holidays --format json` (written by run.sh
to OUTDIR/holidays-2024.json and -2025.json) so both tools skip the same days.
"""
import argparse, datetime, json, os, random

parser = argparse.ArgumentParser()
parser.add_argument("outdir")
parser.add_argument("--tasks", type=int, default=10000)
parser.add_argument("--units", type=int, default=300)
parser.add_argument("--seed", type=int, default=2024)
args = parser.parse_args()
rng = random.Random(args.seed)
areas = ["chi_dao_dieu_hanh", "the_che", "tthc", "to_chuc_bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so"]

units = [f"don-vi-{i:03d}" for i in range(args.units)]
lines = [
    "version: 1",
    "organization:",
    "  name: Ban Quản lý Khu kinh tế (benchmark)",
    "  office: don-vi-000",
    "  plan_year: 2024",
    "calendar:",
    "  include: [" + os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "config", "holidays", "2024.yaml")) + "]",
    "units:",
]
for i, unit in enumerate(units):
    lines += [f"  - id: {unit}", f"    name: Đơn vị số {i}", f"    email: [dv{i}@example.gov.vn]",
              f"    head: {{ title: Trưởng đơn vị, name: Người đứng đầu {i}, email: head{i}@example.gov.vn }}"]
lines += ["tasks:"]
rem = ["OMIT Sat Sun"]
for name in ("holidays-2024.json",):
    path = os.path.join(args.outdir, name)
    if os.path.exists(path):
        for entry in json.load(open(path)):
            day = datetime.date.fromisoformat(entry["date"])
            if entry["kind"] in ("holiday", "compensatory", "day_off"):
                rem.append(f"OMIT {day.day} {day.strftime('%b')} {day.year}")
start = datetime.date(2024, 1, 1)
for i in range(args.tasks):
    due = start + datetime.timedelta(days=rng.randrange(366))
    lead = rng.choice(units)
    support = rng.sample(units, 2)
    support = [s for s in support if s != lead]
    lines += [f"  - id: T.{i}", f"    area: {rng.choice(areas)}", f"    title: Nhiệm vụ số {i}",
              f"    lead: {lead}", f"    support: [{', '.join(support)}]", f"    due: {due.day}/{due.month}/{due.year}"]
    # Same deadline, moved past omitted days, with a 5-day advance warning (our before-5wd).
    rem.append(f"REM {due.day} {due.strftime('%b')} {due.year} +5 AFTER MSG T.{i} Nhiệm vụ số {i} ({lead}) %b")
os.makedirs(args.outdir, exist_ok=True)
open(os.path.join(args.outdir, "bench.yaml"), "w").write("\n".join(lines) + "\n")
open(os.path.join(args.outdir, "bench.rem"), "w").write("\n".join(rem) + "\n")
