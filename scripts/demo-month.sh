#!/usr/bin/env bash
# A month of the example plan, end to end: task statuses and the units' April 2024
# reports (most on time, one late, one missing, some with difficulties and
# proposals) go in; the daemon compiles the consolidated report on its compile day
# (Fri 19/04/2024: the 18th is Giỗ Tổ Hùng Vương) and mails it to the outbox.
#   scripts/demo-month.sh [STATE_DIR]      (default: a new temporary folder)
# Prints where the report files are. Nothing outside STATE_DIR is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(swift build --show-bin-path)/nhacviec"
CONFIG=config/example.yaml
STATE="${1:-$(mktemp -d /tmp/nhacviec-demo.XXXXXX)}"
FILES="$STATE/demo-submissions"
mkdir -p "$FILES"

nv() { "$BIN" "$@" -c "$CONFIG" --state "$STATE"; }

# The daemon has been running since the start of the year (first start: catch-up only).
nv run --once --now 2024-04-01T07:00:00+07:00 2>/dev/null

# Task statuses recorded by the Office during the period.
nv task --now 2024-01-30T16:00:00+07:00 I.1 --status done --note "Quyết định số 15/QĐ-BQL ngày 30/01/2024" >/dev/null
nv task --now 2024-02-07T10:00:00+07:00 I.3 --status done --note "Báo cáo số 21/BC-BQL gửi Sở Nội vụ" >/dev/null
nv task --now 2024-03-28T15:00:00+07:00 I.4 --status done >/dev/null

submit() { # unit, received-at, body
    local file="$FILES/$1.md"
    printf '%s\n' "$3" > "$file"
    nv submit --now "$2" "$file"
}

submit thanh-tra 2024-04-15T09:10:00+07:00 "---
unit: thanh-tra
report: monthly
period: 2024-04
tasks:
  - { id: II.1, status: done, note: \"Kế hoạch số 32/KH-BQL ngày 28/02/2024\" }
---
Hoàn thành rà soát văn bản quy phạm pháp luật quý I."
submit phong-qldt 2024-04-16T08:30:00+07:00 "---
unit: phong-qldt
report: monthly
period: 2024-04
tasks:
  - { id: VII.7, status: in_progress, progress: 70 }
difficulties:
  - \"Phần mềm một cửa điện tử của thành phố chưa kết nối với Hệ thống thông tin quốc gia về đầu tư, cán bộ phải nhập liệu hai lần.\"
proposals:
  - \"Đề nghị Sở Thông tin và Truyền thông sớm hoàn thành kết nối, chia sẻ dữ liệu về đầu tư.\"
---"
submit phong-qhxd 2024-04-15T14:00:00+07:00 "---
unit: phong-qhxd
report: monthly
period: 2024-04
---
Không phát sinh vướng mắc."
submit phong-tnmt 2024-04-17T10:20:00+07:00 "---
unit: phong-tnmt
report: monthly
period: 2024-04
difficulties:
  - \"Chưa có hướng dẫn thống nhất về thủ tục đánh giá tác động môi trường cho dự án trong khu công nghiệp.\"
---"
submit phong-dnld 2024-04-16T11:00:00+07:00 "---
unit: phong-dnld
report: monthly
period: 2024-04
tasks:
  - { id: II.5, status: in_progress, progress: 40 }
---"
submit phong-khtc 2024-04-12T16:45:00+07:00 "---
unit: phong-khtc
report: monthly
period: 2024-04
tasks:
  - { id: VI.1, status: done, note: \"Quyết định số 40/QĐ-BQL ngày 29/03/2024\" }
  - { id: VI.3, status: done }
  - { id: VI.5, status: in_progress, progress: 80 }
---"
submit trung-tam-xtdt 2024-04-16T15:30:00+07:00 "---
unit: trung-tam-xtdt
report: monthly
period: 2024-04
proposals:
  - \"Đề nghị bổ sung 01 biên chế chuyên trách xúc tiến đầu tư trực tuyến.\"
---"
# phong-tmxnk sends nothing: the report lists it as missing.

# Reminders go on meanwhile; on the compile day the daemon compiles and mails the report.
nv run --once --now 2024-04-16T08:00:00+07:00 2>/dev/null
nv run --once --now 2024-04-19T08:00:00+07:00 2>/dev/null
echo "report files:"
ls -1 "$STATE/reports/2024-04/" | sed "s|^|  $STATE/reports/2024-04/|"
echo "emails in $STATE/outbox: $(ls "$STATE/outbox" | grep -c consolidated) carry the report"
