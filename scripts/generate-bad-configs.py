#!/usr/bin/env python3
"""Generates Tests/Fixtures/bad-configs: one defect per file (some with several).

Each file starts with `# expect: LINE:COL FRAGMENT` lines; LINE:COL is computed here by
locating the offending token in the final text, independently of nhacviec.
"""
import os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)

BASE = """version: 1
organization:
  name: Ban Quản lý Khu kinh tế Hải Phòng
  parent: Ủy ban nhân dân thành phố Hải Phòng
  abbreviation: BQL
  place: Hải Phòng
  timezone: Asia/Ho_Chi_Minh
  office: van-phong
  plan_year: 2024
  admins: [it@example.gov.vn]
calendar:
  weekend: [saturday, sunday]
  holidays: vietnam
  days_off: [2024-04-29]
  work_days: [2024-05-04]
  deadline_on_day_off: next_working_day
delivery:
  send_time: "08:00"
  catch_up: 3d
  outbox: outbox
  retry: { first: 1m, max_interval: 1h, give_up_after: 24h }
webhooks:
  - id: zalo-van-phong
    url: https://hooks.example.vn/abc
    format: json
    secret_env: NHACVIEC_HOOK_SECRET
units:
  - id: van-phong
    name: Văn phòng Ban Quản lý
    email: [vanphong@example.gov.vn]
    webhooks: [zalo-van-phong]
    head: { title: Chánh Văn phòng, name: Nguyễn Văn A, email: a@example.gov.vn }
  - id: phong-qldt
    name: Phòng Quản lý đầu tư
    email: qldt@example.gov.vn
groups:
  - id: ban-chi-dao
    name: Ban Chỉ đạo cải cách hành chính
    email: [bcd@example.gov.vn]
policies:
  - id: quan-trong
    before: [10wd, 5wd, 1wd]
    escalate_to: [head, office, ban-chi-dao]
tasks:
  - id: I.1
    area: chi_dao_dieu_hanh
    title: Xây dựng, ban hành Kế hoạch CCHC năm 2024
    lead: van-phong
    support: [phong-qldt]
    due: Tháng 01/2024
    output: Kế hoạch
  - id: II.1
    area: the_che
    title: Rà soát văn bản quy phạm pháp luật
    lead: phong-qldt
    due: Quý II/2024
    policy: quan-trong
reports:
  monthly:
    title: Báo cáo kết quả thực hiện công tác cải cách hành chính
    from: all
    period: decree_09
    due: day 16
  requests:
    - id: bc-ddci
      title: Báo cáo đánh giá Chỉ số DDCI
      from: [phong-qldt]
      due: 10/05/2024
  consolidated:
    compile: day 18
    to: [ban-chi-dao]
    cc: [van-phong]
    formats: [docx, html, md]
"""

def case(name, replacements, expects):
    """replacements: list of (old, new) applied once each; expects: list of (token, occurrence, fragment)
    where token is located in the final text (occurrence-th match, 1-based) to give LINE:COL."""
    text = BASE
    for old, new in replacements:
        assert text.count(old) >= 1, (name, old)
        text = text.replace(old, new, 1)
    header = []
    body_lines = text.split("\n")
    offset = len(expects)  # header lines come first
    for token, occurrence, fragment in expects:
        start = -1
        for _ in range(occurrence):
            start = text.index(token, start + 1)
        line = text.count("\n", 0, start) + 1
        col = start - (text.rfind("\n", 0, start) + 1) + 1
        header.append(f"# expect: {line + offset}:{col} {fragment}")
    with open(os.path.join(out, name + ".yaml"), "w") as f:
        f.write("\n".join(header) + "\n" + text)

case("01-unknown-lead-unit", [("    lead: phong-qldt\n    due: Quý", "    lead: phong-dau-tu\n    due: Quý")],
     [("phong-dau-tu", 1, "tasks[1].lead: unknown unit 'phong-dau-tu' (known: van-phong, phong-qldt)")])
case("02-unknown-support-unit", [("support: [phong-qldt]", "support: [phong-qldt, phong-tc]")],
     [("phong-tc", 1, "tasks[0].support[1]: unknown unit 'phong-tc'")])
case("03-unknown-top-level-key", [("calendar:\n", "calender:\n")],
     [("calender:", 1, "calender: unknown key 'calender'; did you mean 'calendar'?")])
case("04-unknown-task-key", [("    output: Kế hoạch", "    outptu: Kế hoạch")],
     [("outptu", 1, "tasks[0].outptu: unknown key 'outptu'; did you mean 'output'?")])
case("05-duplicate-yaml-key", [("  place: Hải Phòng\n", "  place: Hải Phòng\n  place: Hà Nội\n")],
     [("place: Hà Nội", 1, "organization.place: duplicate key 'place' (first at line 7)")])
case("06-duplicate-unit-id", [("groups:\n", "  - id: phong-qldt\n    name: Phòng Quản lý đầu tư (trùng)\n    email: qldt2@example.gov.vn\ngroups:\n")],
     [("phong-qldt\n    name: Phòng Quản lý đầu tư (trùng)", 1, "units[2].id: duplicate unit id 'phong-qldt' (first defined at line 34)")])
case("07-bad-duration", [("catch_up: 3d", "catch_up: 3 days")],
     [("3 days", 1, "delivery.catch_up: '3 days' is not a duration")])
case("08-working-days-not-allowed-for-retry", [("first: 1m", "first: 1wd")],
     [("1wd", 1, "delivery.retry.first: '1wd': the unit 'wd' is not allowed here")])
case("09-bad-send-time", [('send_time: "08:00"', 'send_time: "25:00"')],
     [('"25:00"', 1, "delivery.send_time: '25:00' is not a time of day")])
case("10-bad-timezone", [("timezone: Asia/Ho_Chi_Minh", "timezone: Asia/Hanoi")],
     [("Asia/Hanoi", 1, "organization.timezone: unknown time zone 'Asia/Hanoi'")])
case("11-bad-email-address", [("email: qldt@example.gov.vn", "email: qldt@example")],
     [("qldt@example", 1, "units[1].email: 'qldt@example' is not a valid email address")])
case("12-smtp-url-scheme", [("  retry:", "  email:\n    url: http://mail.example.gov.vn\n    from: vanphong@example.gov.vn\n  retry:")],
     [("http://mail", 1, "delivery.email.url: 'http://mail.example.gov.vn': scheme 'http' is not supported (use smtp:// or smtps://)")])
case("13-webhook-url-scheme", [("url: https://hooks.example.vn/abc", "url: ftp://hooks.example.vn/abc")],
     [("ftp://", 1, "webhooks[0].url: 'ftp://hooks.example.vn/abc': scheme 'ftp' is not supported")])
case("14-unknown-webhook-reference", [("webhooks: [zalo-van-phong]", "webhooks: [zalo-vanphong]")],
     [("zalo-vanphong", 1, "units[0].webhooks[0]: unknown webhook 'zalo-vanphong' (known: zalo-van-phong); did you mean 'zalo-van-phong'?")])
case("15-unknown-policy", [("policy: quan-trong", "policy: quantrong")],
     [("quantrong", 1, "tasks[1].policy: unknown policy 'quantrong'")])
case("16-unknown-escalation-group", [("escalate_to: [head, office, ban-chi-dao]", "escalate_to: [head, office, lanh-dao]")],
     [("lanh-dao", 1, "policies[0].escalate_to[2]: unknown group 'lanh-dao' (known: head, office, ban-chi-dao)")])
case("17-unknown-office", [("office: van-phong", "office: vp")],
     [("vp\n", 1, "organization.office: unknown unit 'vp'")])
case("18-unknown-report-from", [("from: [phong-qldt]\n      due", "from: [phong-qldtt]\n      due")],
     [("phong-qldtt", 1, "reports.requests[0].from[0]: unknown unit 'phong-qldtt'")])
case("19-unknown-consolidated-recipient", [("to: [ban-chi-dao]", "to: [ban-chi-dao, lanh-dao-ban]")],
     [("lanh-dao-ban", 1, "reports.consolidated.to[1]: unknown unit or group 'lanh-dao-ban'")])
case("20-unparseable-deadline", [("due: Quý II/2024", "due: Sớm nhất có thể")],
     [("Sớm nhất", 1, "tasks[1].due: cannot read deadline 'Sớm nhất có thể'")])
case("21-invalid-deadline-date", [("due: 10/05/2024", "due: 31/02/2024")],
     [("31/02/2024", 1, "reports.requests[0].due: cannot read deadline '31/02/2024'")])
case("22-yearless-deadline-without-plan-year", [("  plan_year: 2024\n", ""), ("due: Quý II/2024", "due: Quý II")],
     [("Quý II\n", 1, "tasks[1].due: cannot read deadline 'Quý II'")])
case("23-invalid-date-in-days-off", [("days_off: [2024-04-29]", "days_off: [2024-04-31]")],
     [("2024-04-31", 1, "calendar.days_off[0]: '2024-04-31' is not a date")])
case("24-bad-weekday", [("weekend: [saturday, sunday]", "weekend: [saturday, sundy]")],
     [("sundy", 1, "calendar.weekend[1]: 'sundy' is not valid (expected monday | tuesday | wednesday | thursday | friday | saturday | sunday); did you mean 'sunday'?")])
case("25-bad-area", [("area: the_che", "area: thể_chế")],
     [("thể_chế", 1, "tasks[1].area: 'thể_chế' is not valid")])
case("26-missing-required-unit-name", [("    name: Phòng Quản lý đầu tư\n", "")],
     [("id: phong-qldt", 1, "units[1].name: missing required key 'name'")])
case("27-wrong-type-weekend-not-a-list", [("weekend: [saturday, sunday]", "weekend: saturday")],
     [("saturday", 1, "calendar.weekend: expected a list, found 'saturday'")])
case("28-telegram-without-chat-id", [("format: json", "format: telegram")],
     [("id: zalo-van-phong", 1, "webhooks[0].chat_id: a telegram webhook needs chat_id")])
case("29-chat-id-on-json-webhook", [("    format: json\n", "    format: json\n    chat_id: \"-100123\"\n")],
     [("chat_id", 1, "webhooks[0].chat_id: chat_id only applies to format telegram")])
case("30-secret-in-url", [("url: https://hooks.example.vn/abc", "url: https://bot:s3cret@hooks.example.vn/abc")],
     [("https://bot", 1, "webhooks[0].url: the URL holds credentials")])
case("31-both-secret-sources", [("    secret_env: NHACVIEC_HOOK_SECRET\n", "    secret_env: NHACVIEC_HOOK_SECRET\n    secret_file: hook.secret\n")],
     [("secret_file", 1, "webhooks[0].secret_file: set either secret_env or secret_file, not both")])
case("32-bad-report-due", [("due: day 16", "due: ngày 16")],
     [("ngày 16", 1, "reports.monthly.due: 'ngày 16' is not a report day")])
case("33-bad-period", [("period: decree_09", "period: decree09")],
     [("decree09", 1, "reports.monthly.period: 'decree09' is not valid (expected decree_09 | calendar_month); did you mean 'decree_09'?")])
case("34-plan-year-out-of-range", [("plan_year: 2024", "plan_year: 24")],
     [("24\n", 1, "organization.plan_year: 24 is out of range (1900…2100)")])
case("35-unsupported-version", [("version: 1", "version: 2")],
     [("2\n", 1, "version: unsupported version 2")])
case("36-yaml-syntax-error-tab-indent", [("    output: Kế hoạch", "\toutput: Kế hoạch")],
     [("\toutput", 1, "tasks[0].output: invalid YAML: found a tab character that violates indentation")])
case("37-invalid-id", [("groups:\n", "  - id: Phòng QLĐT\n    name: Phòng Quản lý đất đai\n    email: qldd@example.gov.vn\ngroups:\n")],
     [("Phòng QLĐT", 1, "units[2].id: 'Phòng QLĐT' is not a valid id")])
case("38-lead-also-support", [("support: [phong-qldt]", "support: [van-phong]")],
     [("[van-phong]", 1, "tasks[0].support: the lead unit 'van-phong' is also listed as supporting")])
case("39-several-defects",
     [("office: van-phong", "office: van-phongg"), ("catch_up: 3d", "catch_up: 3x"), ("lead: phong-qldt\n    due", "lead: phong-dau-tu\n    due"),
      ("format: json", "format: discord")],
     [("van-phongg", 1, "organization.office: unknown unit 'van-phongg'"),
      ("3x", 1, "delivery.catch_up: '3x' is not a duration"),
      ("discord", 1, "webhooks[0].format: 'discord' is not valid"),
      ("phong-dau-tu", 1, "tasks[1].lead: unknown unit 'phong-dau-tu'")])
case("40-several-defects-in-one-task",
     [("    area: chi_dao_dieu_hanh\n", "    area: chi_dao\n"), ("due: Tháng 01/2024", "due: Tháng 13/2024"), ("support: [phong-qldt]", "support: [phong-xyz]")],
     [("chi_dao\n", 1, "tasks[0].area: 'chi_dao' is not valid"),
      ("phong-xyz", 1, "tasks[0].support[0]: unknown unit 'phong-xyz'"),
      ("Tháng 13/2024", 1, "tasks[0].due: cannot read deadline 'Tháng 13/2024'")])
case("41-missing-organization-name", [("  name: Ban Quản lý Khu kinh tế Hải Phòng\n", "")],
     [("parent:", 1, "organization.name: missing required key 'name'")])
case("42-overdue-max-not-a-number", [("    before: [10wd, 5wd, 1wd]\n", "    before: [10wd, 5wd, 1wd]\n    overdue_max: many\n")],
     [("many", 1, "policies[0].overdue_max: 'many' is not a whole number")])
case("43-duplicate-key-in-a-unit", [("    name: Phòng Quản lý đầu tư\n", "    name: Phòng Quản lý đầu tư\n    name: Phòng QLĐT\n")],
     [("name: Phòng QLĐT", 1, "units[1].name: duplicate key 'name' (first at line 35)")])
case("44-duplicate-key-in-a-flow-mapping", [("head: { title: Chánh Văn phòng,", "head: { title: Chánh Văn phòng, title: Chánh VP,")],
     [("title: Chánh Văn phòng", 1, "units[0].head.title: duplicate key 'title'")])
case("45-unit-with-an-empty-email-list", [("    email: qldt@example.gov.vn\n", "    email: []\n")],
     [("[]\ngroups", 1, "units[1].email: unit 'phong-qldt' has no channel")])
case("46-unit-without-any-channel", [("    email: qldt@example.gov.vn\n", "")],
     [("id: phong-qldt", 1, "units[1].email: unit 'phong-qldt' has no channel")])
case("47-no-consolidated-report-format", [("formats: [docx, html, md]", "formats: []")],
     [("[]\n", 1, "reports.consolidated.formats: no format")])

# intake.email (DESIGN §12): the mailbox units reply to.
INTAKE = """intake:
  email:
    url: imaps://mail.example.gov.vn/INBOX
    username: baocao@example.gov.vn
    password_env: NHACVIEC_IMAP_PASSWORD
    address: "Văn phòng - Báo cáo CCHC <baocao@example.gov.vn>"
    poll: 2m
"""
FORMATS = "    formats: [docx, html, md]\n"
def intake_case(name, replacements, expects):
    case(name, [(FORMATS, FORMATS + INTAKE)] + replacements, expects)

intake_case("60-intake-imap-url-scheme", [("url: imaps://mail.example.gov.vn/INBOX", "url: pop3://mail.example.gov.vn")],
     [("pop3://", 1, "intake.email.url: 'pop3://mail.example.gov.vn': scheme 'pop3' is not supported (use imap:// or imaps://)")])
intake_case("61-intake-poll-too-short", [("poll: 2m", "poll: 10s")],
     [("10s", 1, "intake.email.poll: poll: '10s' is out of range (30s … 1h)")])
intake_case("62-intake-non-ascii-folder", [("    poll: 2m\n", "    poll: 2m\n    accepted_folder: Báo cáo/Đã nhận\n")],
     [("Báo cáo/Đã nhận", 1, "intake.email.accepted_folder: 'Báo cáo/Đã nhận' is not a usable folder name")])
intake_case("63-intake-tls-contradicts-imaps", [("    poll: 2m\n", "    poll: 2m\n    tls: none\n")],
     [("none\n", 1, "intake.email.tls: imaps:// always uses TLS; tls: none contradicts it")])
intake_case("64-intake-missing-password", [("    password_env: NHACVIEC_IMAP_PASSWORD\n", "")],
     [("url: imaps", 1, "intake.email.password_env: missing password_env or password_file")])
intake_case("65-intake-bad-require-header", [("    poll: 2m\n", "    poll: 2m\n    require_header: dmarc=pass\n")],
     [("dmarc=pass", 1, "intake.email.require_header: 'dmarc=pass' is not 'Header-Name: pattern'")])
intake_case("66-intake-bad-reporter-address", [("    email: qldt@example.gov.vn\n", "    email: qldt@example.gov.vn\n    reporters: [thu-ky@qldt]\n")],
     [("thu-ky@qldt", 1, "units[1].reporters[0]: 'thu-ky@qldt' is not a valid email address")])
intake_case("67-intake-missing-ca-file", [("    poll: 2m\n", "    poll: 2m\n    ca_file: certs/imap-ca.pem\n")],
     [("certs/imap-ca.pem", 1, "intake.email.ca_file: ca_file 'certs/imap-ca.pem' cannot be read")])
case("43-unit-abbreviation-with-space", [("    name: Phòng Quản lý đầu tư\n", "    name: Phòng Quản lý đầu tư\n    abbreviation: QL DT\n")],
     [("QL DT", 1, "units[1].abbreviation: 'QL DT' cannot be a document symbol (letters, digits and '-' only, e.g. BQL)")])
case("44-monthly-form-unknown", [("    period: decree_09\n", "    period: decree_09\n    form: pdf\n")],
     [("pdf", 1, "reports.monthly.form: 'pdf' is not valid (expected docx | none)")])
case("70-difficulties-defects",
     [("    formats: [docx, html, md]\n", "    formats: [docx, html, md]\ndifficulties:\n  follow_up: 10 ngày\n  escalate_to: [ban-chi-dao, lanh-dao]\n  remind: yes\n")],
     [("10 ngày", 1, "difficulties.follow_up: '10 ngày' is not a duration"),
      ("lanh-dao]", 1, "difficulties.escalate_to[1]: unknown unit or group 'lanh-dao' (known: van-phong, phong-qldt, ban-chi-dao)"),
      ("remind:", 1, "difficulties.remind: unknown key 'remind'")])
