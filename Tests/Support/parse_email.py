#!/usr/bin/python3
"""Parses an .eml with Python's email package (policy.default), independently of
nhacviec's renderer, and prints what the tests check as JSON."""
import base64
import json
import sys
from email import policy
from email.parser import BytesParser

raw = open(sys.argv[1], "rb").read()
msg = BytesParser(policy=policy.default).parsebytes(raw)

def addresses(name):
    header = msg[name]
    if header is None:
        return []
    return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]

parts = []
for part in msg.walk():
    if part.is_multipart():
        parts.append({"type": part.get_content_type()})
        continue
    entry = {"type": part.get_content_type(), "charset": part.get_content_charset(),
             "filename": part.get_filename(), "cte": part.get("Content-Transfer-Encoding")}
    content = part.get_content()
    if isinstance(content, bytes):
        entry["base64"] = base64.b64encode(content).decode()
    else:
        entry["text"] = content
    parts.append(entry)

lines = raw.split(b"\r\n")
print(json.dumps({
    "subject": msg["subject"],
    "from": addresses("from"),
    "to": addresses("to"),
    "cc": addresses("cc"),
    "message_id": msg["message-id"],
    "auto_submitted": msg["auto-submitted"],
    "date": msg["date"],
    "date_iso": msg["date"].datetime.isoformat() if msg["date"] else None,
    "header_names": [k.lower() for k in msg.keys()],
    "defects": [type(d).__name__ for d in msg.defects],
    "parts": parts,
    "max_line": max(len(l) for l in lines),
    "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
    "bare_cr": b"\r" in raw.replace(b"\r\n", b""),
}, ensure_ascii=False))
