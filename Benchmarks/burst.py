#!/usr/bin/env python3
"""Generates the morning-burst config: U units, each leading three tasks with a
step on Wednesday 3 April 2024 at 08:00 (one due that day, one due the next day
(before-1wd), one due a week later (before-5wd)), each task supported by another
unit (Cc). A first `run --once --now 2024-04-03T08:00:00+07:00` then sends one
digest of three items to every unit: U e-mails of realistic size at once.

usage: burst.py OUT.yaml [--units U] [--smtp-url URL] [--connections N]
Without --smtp-url the e-mails go to the outbox. --connections 0 leaves the key
out (for a build that does not know delivery.email.connections).
"""
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--units", type=int, default=300)
parser.add_argument("--smtp-url")
parser.add_argument("--connections", type=int, default=0)
args = parser.parse_args()

NOW = "2024-04-03T08:00:00+07:00"
titles = [
    "Rà soát, đơn giản hoá thủ tục hành chính lĩnh vực đầu tư và đăng ký doanh nghiệp trong khu kinh tế",
    "Số hoá hồ sơ, kết quả giải quyết thủ tục hành chính và cập nhật lên Cổng dịch vụ công quốc gia",
    "Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức quý I năm 2024 theo quy định mới",
]
dues = ["3/4/2024", "4/4/2024", "10/4/2024"]
lines = [
    "version: 1",
    "organization:",
    "  name: Ban Quản lý Khu kinh tế Hải Phòng (benchmark)",
    "  office: don-vi-000",
    "  plan_year: 2024",
    "  admins: [it@example.gov.vn]",
    "delivery:",
    '  send_time: "08:00"',
]
if args.smtp_url:
    lines += [
        "  email:",
        f"    url: {args.smtp_url}",
        "    tls: none",
        '    from: "Văn phòng Ban Quản lý <vanphong@example.gov.vn>"',
        "    timeout: 30s",
    ]
    if args.connections:
        lines.append(f"    connections: {args.connections}")
lines.append("units:")
for i in range(args.units):
    lines += [
        f"  - id: don-vi-{i:03d}",
        f"    name: Phòng chuyên môn số {i} – Ban Quản lý Khu kinh tế",
        f"    email: [dv{i}@example.gov.vn]",
        f"    head: {{ title: Trưởng phòng, name: Nguyễn Văn {i}, email: head{i}@example.gov.vn }}",
    ]
lines.append("tasks:")
for i in range(args.units):
    support = f"don-vi-{(i + 1) % args.units:03d}"
    for k, (title, due) in enumerate(zip(titles, dues)):
        lines += [
            f"  - id: T{i}.{k}",
            "    area: tthc",
            f"    title: {title} (đơn vị {i})",
            f"    lead: don-vi-{i:03d}",
            f"    support: [{support}]" if support != f"don-vi-{i:03d}" else "    support: []",
            f"    due: {due}",
            "    output: Báo cáo kết quả thực hiện gửi Văn phòng Ban Quản lý",
        ]
with open(args.out, "w") as out:
    out.write("\n".join(lines) + "\n")
