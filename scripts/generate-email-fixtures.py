#!/usr/bin/env python3
"""Writes Tests/Fixtures/emails: report replies as Thunderbird, Outlook and Gmail write them.

Each message is built here byte by byte the way that client lays it out (header order,
boundaries, encodings, quoting style), so the corpus does not depend on Python's email
package agreeing with our parser. Regenerate with: python3 scripts/generate-email-fixtures.py
"""
import base64, os, quopri, sys, unicodedata

out = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/emails"
os.makedirs(out, exist_ok=True)

REPORT = """---
unit: phong-qldt
report: monthly
period: "2024-03"
tasks:
  - { id: II.3, status: done, note: "Đã ban hành QĐ số 45/QĐ-BQL ngày 12/3/2024" }
  - { id: VI.2, status: in_progress, progress: 60 }
difficulties: ["Chưa có hướng dẫn của Sở Nội vụ về số hóa hồ sơ"]
proposals: []
---
Kết quả nổi bật trong tháng: hoàn thành rà soát văn bản.
"""

def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")

def b64(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))

def qp(data):
    return quopri.encodestring(data).decode().replace("\n", "\r\n")

def cp1258(text):
    """Vietnamese in windows-1258: precomposed where the code page has the letter, tone marks combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    outb = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            outb += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        outb += base.encode("cp1258") + "".join(c for c in d if c in tones).encode("cp1258")
    return outb

def ew_b(text, charset="UTF-8"):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode("utf-8")).decode())

def ew_q(raw_bytes, charset):
    s = ""
    for b in raw_bytes:
        c = chr(b)
        if c == " ":
            s += "_"
        elif c.isalnum() and b < 128:
            s += c
        else:
            s += "=%02X" % b
    return "=?%s?Q?%s?=" % (charset, s)

def write(name, text_or_bytes):
    data = text_or_bytes if isinstance(text_or_bytes, bytes) else crlf(text_or_bytes).encode("utf-8")
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

SUBJECT_RE = "Re: [Nhắc việc] Báo cáo kết quả thực hiện công tác cải cách hành chính tháng 3/2024"
REMINDER_ID = "<report.monthly.phong-qldt.2024-03.before-1wd@example.gov.vn>"

# 1. Thunderbird: plain-text reply, format=flowed, 8bit UTF-8, quoted original below "On … wrote:".
write("thunderbird-reply-body.eml", f"""Message-ID: <1f6b2c1e-3d4a-4c8e-9b1a-2f0e5d7c8a91@qldt.example.gov.vn>
Date: Mon, 15 Apr 2024 09:12:44 +0700
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: {ew_b(SUBJECT_RE)}
Content-Language: vi
To: =?UTF-8?Q?V=C4=83n_ph=C3=B2ng_-_B=C3=A1o_c=C3=A1o_CCHC?= <baocao@example.gov.vn>
References: {REMINDER_ID}
In-Reply-To: {REMINDER_ID}
From: =?UTF-8?Q?Ph=C3=B2ng_Qu=E1=BA=A3n_l=C3=BD_=C4=91=E1=BA=A7u_t=C6=B0?= <qldt@example.gov.vn>
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit

Kính gửi Văn phòng,

Phòng Quản lý đầu tư gửi báo cáo tháng 3/2024:

{REPORT}
Trân trọng,
Phòng QLĐT

On 15/04/2024 08:00, Văn phòng Ban Quản lý wrote:
> Kính gửi Phòng Quản lý đầu tư,
> ---
> unit: phong-qldt
> report: monthly
> ---
""")

# 2. Thunderbird: the report as an attachment whose Vietnamese name is RFC 2231 with continuations.
name_bytes = "báo-cáo-tháng-3-năm-2024-phòng-quản-lý-đầu-tư.md".encode("utf-8")
pct = "".join(chr(b) if (chr(b).isalnum() and b < 128) or chr(b) in "-." else "%%%02X" % b for b in name_bytes)
parts = [pct[i:i + 40] for i in range(0, len(pct), 40)]
# Never split a %XX escape between two sections.
fixed, carry = [], ""
for p in parts:
    p = carry + p
    cut = len(p)
    if "%" in p[-2:]:
        cut = p.rindex("%", len(p) - 2)
    fixed.append(p[:cut]); carry = p[cut:]
if carry: fixed.append(carry)
cont = ";\r\n".join(" filename*%d*=%s%s" % (i, "UTF-8''" if i == 0 else "", s) for i, s in enumerate(fixed))
write("thunderbird-attachment-rfc2231.eml", f"""Content-Type: multipart/mixed; boundary="------------0Zx5Vd9oP2bQkTnA8sYcR3Lm"
Message-ID: <7c0e9a55-0b8d-4b6e-8f2a-5e1d3c4b2a10@qldt.example.gov.vn>
Date: Tue, 16 Apr 2024 10:02:11 +0700
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: en-US
To: baocao@example.gov.vn
From: Tran Van B <b@example.gov.vn>
Subject: =?UTF-8?B?QsOhbyBjw6FvIHRow6FuZyAzLzIwMjQ=?=

This is a multi-part message in MIME format.
--------------0Zx5Vd9oP2bQkTnA8sYcR3Lm
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 7bit

Gui Van phong bao cao dinh kem.

--------------0Zx5Vd9oP2bQkTnA8sYcR3Lm
Content-Type: text/markdown; charset=UTF-8;
 name*0*=UTF-8''{fixed[0]}
Content-Disposition: attachment;
{cont}
Content-Transfer-Encoding: base64

{b64(REPORT.encode())}

--------------0Zx5Vd9oP2bQkTnA8sYcR3Lm--
""")

# 3. Outlook: HTML-only body in windows-1258, quoted-printable, MsoNormal paragraphs, then the
#    "From:/Sent:" block of the quoted original.
html_lines = "".join(
    "<p class=MsoNormal>%s<o:p></o:p></p>\n" % line.replace("  ", "&nbsp;&nbsp;").replace('"', "&quot;")
    if line else "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
    for line in REPORT.rstrip("\n").split("\n"))
html = f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1258"><style><!--
p.MsoNormal {{margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}}
--></style></head>
<body lang=EN-US link="#0563C1" vlink="#954F72"><div class=WordSection1>
<p class=MsoNormal>Kính gửi Văn phòng,<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
{html_lines}<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<div><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>
<p class=MsoNormal><b>From:</b> Văn phòng Ban Quản lý &lt;baocao@example.gov.vn&gt; <br><b>Sent:</b> Monday, April 15, 2024 8:00 AM<br><b>To:</b> Phòng QLĐT<br><b>Subject:</b> [Nhắc việc] Báo cáo tháng 3/2024<o:p></o:p></p></div></div>
<p class=MsoNormal>---<o:p></o:p></p><p class=MsoNormal>unit: phong-qldt<o:p></o:p></p>
</div></body></html>
"""
subject_1258 = cp1258("RE: [Nhắc việc] Báo cáo tháng 3/2024")
write("outlook-html-windows-1258.eml", crlf(f"""From: {ew_q(cp1258("Phòng QLĐT"), "windows-1258")} <qldt@example.gov.vn>
To: "baocao@example.gov.vn" <baocao@example.gov.vn>
Subject: {ew_q(subject_1258, "windows-1258")}
Thread-Topic: {ew_q(subject_1258, "windows-1258")}
Thread-Index: AdqO3Jk7nT0l3y5bQ0WkX2l1H0Jm9A==
Date: Mon, 15 Apr 2024 02:30:12 +0000
Message-ID: <SG2PR06MB52871C9D0A5B5F7E3A4B8C1DE80E2@SG2PR06MB5287.apcprd06.prod.outlook.com>
References: {REMINDER_ID}
In-Reply-To: {REMINDER_ID}
Accept-Language: en-US, vi-VN
Content-Language: vi-VN
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
Content-Type: text/html; charset="windows-1258"
Content-Transfer-Encoding: quoted-printable
MIME-Version: 1.0

""").encode("ascii") + quopri.encodestring(cp1258(html).replace(b"\n", b"\r\n")).replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n"))

# 4. Outlook: multipart/mixed around multipart/alternative, a .yaml attachment named with an
#    RFC 2047 word inside quotes (what Outlook does), base64.
yaml_report = REPORT.split("---\n")[1]
yname = "Báo cáo tháng 3.yaml"
outlook_plain = b64("Gửi Văn phòng báo cáo đính kèm.\r\n".encode())
write("outlook-attachment-yaml.eml", f"""From: Phong QLDT <qldt@example.gov.vn>
To: "baocao@example.gov.vn" <baocao@example.gov.vn>
Subject: =?utf-8?B?QsOhbyBjw6FvIHRow6FuZyAzLzIwMjQ=?=
Thread-Topic: =?utf-8?B?QsOhbyBjw6FvIHRow6FuZyAzLzIwMjQ=?=
Date: Tue, 16 Apr 2024 03:05:00 +0000
Message-ID: <TYZPR06MB61C1D2E3F4A5B6C7D8E9F0A1B2C3@TYZPR06MB6100.apcprd06.prod.outlook.com>
Accept-Language: en-US
Content-Language: en-US
X-MS-Has-Attach: yes
Content-Type: multipart/mixed;
	boundary="_004_TYZPR06MB61C1D2E3F4A5B6C7D8E9F0A1B2C3TYZPR06MB6100apcp_"
MIME-Version: 1.0

--_004_TYZPR06MB61C1D2E3F4A5B6C7D8E9F0A1B2C3TYZPR06MB6100apcp_
Content-Type: multipart/alternative;
	boundary="_000_TYZPR06MB61C1D2E3F4A5B6C7D8E9F0A1B2C3TYZPR06MB6100apcp_"

--_000_TYZPR06MB61C1D2E3F4A5B6C7D8E9F0A1B2C3TYZPR06MB6100apcp_
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: base64

{outlook_plain}

--_000_TYZPR06MB61C1D2E3F4A5B6C7D8E9F0A1B2C3TYZPR06MB6100apcp_
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: base64

{b64("<html><body><p>Gửi Văn phòng báo cáo đính kèm.</p></body></html>".encode())}

--_000_TYZPR06MB61C1D2E3F4A5B6C7D8E9F0A1B2C3TYZPR06MB6100apcp_--

--_004_TYZPR06MB61C1D2E3F4A5B6C7D8E9F0A1B2C3TYZPR06MB6100apcp_
Content-Type: application/octet-stream; name="{ew_b(yname, "utf-8")}"
Content-Description: {ew_b(yname, "utf-8")}
Content-Disposition: attachment; filename="{ew_b(yname, "utf-8")}"; size={len(yaml_report.encode())};
	creation-date="Tue, 16 Apr 2024 03:04:00 GMT";
	modification-date="Tue, 16 Apr 2024 03:04:00 GMT"
Content-Transfer-Encoding: base64

{b64(yaml_report.encode())}

--_004_TYZPR06MB61C1D2E3F4A5B6C7D8E9F0A1B2C3TYZPR06MB6100apcp_--
""")

# 5. Gmail: multipart/alternative, quoted-printable UTF-8, Vietnamese reply header and ">" quotes.
gmail_text = f"""Dạ em gửi Văn phòng báo cáo ạ.

{REPORT}
Vào Th 2, 15 thg 4, 2024 vào lúc 08:00 Văn phòng Ban Quản lý <
baocao@example.gov.vn> đã viết:

> Kính gửi Phòng Quản lý đầu tư,
> Hạn nộp báo cáo tháng 3/2024 là thứ Hai 18/03/2024.
"""
gmail_html = '<div dir="ltr"><div>Dạ em gửi Văn phòng báo cáo ạ.</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Vào Th 2, 15 thg 4, 2024 vào lúc 08:00 Văn phòng đã viết:<br></div><blockquote class="gmail_quote">Kính gửi</blockquote></div>\n'
write("gmail-reply-alternative.eml", f"""MIME-Version: 1.0
Date: Mon, 15 Apr 2024 10:20:31 +0700
References: {REMINDER_ID}
In-Reply-To: {REMINDER_ID}
Message-ID: <CAJ5q9xY+7m2pQkV3bN0rT1sHf8wUe6=Lz4aGd2Kc9oP1x@mail.gmail.com>
Subject: {ew_b(SUBJECT_RE)}
From: =?UTF-8?B?VHLhuqduIFbEg24gQg==?= <b@example.gov.vn>
To: =?UTF-8?B?VsSDbiBwaMOybmcgLSBCw6FvIGPDoW8gQ0NIQw==?= <baocao@example.gov.vn>
Content-Type: multipart/alternative; boundary="0000000000004a3f5d06162b9e41"

--0000000000004a3f5d06162b9e41
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp(gmail_text.encode())}
--0000000000004a3f5d06162b9e41
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp(gmail_html.encode())}
--0000000000004a3f5d06162b9e41--
""")

# 6. Gmail "forward as attachment": the unit's report mail inside a message/rfc822 part.
inner = f"""From: Tran Van B <b@example.gov.vn>
Date: Mon, 15 Apr 2024 10:20:31 +0700
Message-ID: <CAJ5q9xInner@mail.gmail.com>
Subject: Bao cao thang 3
To: vanthu@qldt.example.gov.vn
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp(REPORT.encode())}
"""
write("gmail-forward-rfc822.eml", f"""MIME-Version: 1.0
Date: Mon, 15 Apr 2024 11:00:00 +0700
Message-ID: <CAJ5q9xForward+aa@mail.gmail.com>
Subject: Fwd: Bao cao thang 3
From: Van thu QLDT <qldt@example.gov.vn>
To: baocao@example.gov.vn
Content-Type: multipart/mixed; boundary="000000000000b1c2d306162bffff"

--000000000000b1c2d306162bffff
Content-Type: text/plain; charset="UTF-8"

Chuyển tiếp báo cáo của phòng.

--000000000000b1c2d306162bffff
Content-Type: message/rfc822; name="Bao cao thang 3.eml"
Content-Disposition: attachment; filename="Bao cao thang 3.eml"

{inner}
--000000000000b1c2d306162bffff--
""")

# 7. A delivery status notification (bounce) from the Office's own server.
write("bounce-dsn.eml", """Return-Path: <>
From: Mail Delivery System <MAILER-DAEMON@mail.example.gov.vn>
To: baocao@example.gov.vn
Subject: Undelivered Mail Returned to Sender
Auto-Submitted: auto-replied
Message-ID: <20240415020001.ABC12@mail.example.gov.vn>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="ABC12.1713146401/mail.example.gov.vn"

--ABC12.1713146401/mail.example.gov.vn
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

I'm sorry to have to inform you that your message could not be delivered.

--ABC12.1713146401/mail.example.gov.vn
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.gov.vn
Final-Recipient: rfc822; nobody@qldt.example.gov.vn
Action: failed
Status: 5.1.1

--ABC12.1713146401/mail.example.gov.vn--
""")

# 8. An out-of-office auto-reply quoting a report (it must never be answered, even if it parses).
write("auto-reply-vacation.eml", f"""From: Phong QLDT <qldt@example.gov.vn>
To: baocao@example.gov.vn
Subject: =?UTF-8?Q?Tr=E1=BA=A3_l=E1=BB=9Di_t=E1=BB=B1_=C4=91=E1=BB=99ng?=
Auto-Submitted: auto-replied
X-Autoreply: yes
Message-ID: <vacation.20240415@qldt.example.gov.vn>
Date: Mon, 15 Apr 2024 08:00:05 +0700
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Tôi đang nghỉ phép đến hết 20/4.

{REPORT}""")

# 9. Latin-1 / us-ascii mislabelling: an English-speaking sender's plain ISO-8859-1 body.
latin = ("Dear Office,\n\n" + REPORT.replace("Đã ban hành QĐ số 45/QĐ-BQL ngày 12/3/2024", "Décision no. 45 issued")
         .replace("Chưa có hướng dẫn của Sở Nội vụ về số hóa hồ sơ", "Awaiting guidance (café)")
         .replace("Kết quả nổi bật trong tháng: hoàn thành rà soát văn bản.", "Review completed.") + "\nRegards\n")
write("plain-iso-8859-1.eml", crlf("""From: b@example.gov.vn
To: baocao@example.gov.vn
Subject: March report
Message-ID: <latin1.1@example.gov.vn>
Date: Tue, 16 Apr 2024 09:00:00 +0700
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: 8bit

""").encode("ascii") + crlf(latin).encode("latin-1"))

# 10. A report with a mistake (unknown status on the second task line), for the error reply.
bad = REPORT.replace("status: in_progress, progress: 60", "status: dang_lam, progress: 60")
write("thunderbird-bad-report.eml", f"""Message-ID: <bad-report-1@qldt.example.gov.vn>
Date: Mon, 15 Apr 2024 09:30:00 +0700
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: Bao cao thang 3
To: baocao@example.gov.vn
From: qldt@example.gov.vn
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit

Kính gửi Văn phòng,

{bad}""")
