#!/usr/bin/python3
"""Parses an .eml with Python's email package (policy.default), independently of
nhacviec's renderer, and prints what the tests check as JSON."""
import base64
import json
import re
import sys
from email import policy
from email.header import decode_header
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

def raw_header(name):
    """The header's lines as sent (folding kept), from the head of the message."""
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace").split("\r\n")
    found, inside = [], False
    for line in head:
        if line[:1] in (" ", "\t"):
            if inside:
                found.append(line)
            continue
        inside = line.lower().startswith(name.lower() + ":")
        if inside:
            found.append(line)
    return found

def each_encoded_word(name):
    """Every RFC 2047 encoded-word of a header, decoded on its own, as a reader
    that does not join adjacent words would show it."""
    words = re.findall(r"=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=", " ".join(raw_header(name)))
    out = []
    for word in words:
        text = ""
        for part, charset in decode_header(word):
            text += part.decode(charset or "ascii", "replace") if isinstance(part, bytes) else part
        out.append({"raw": word, "text": text})
    return out
print(json.dumps({
    "subject": msg["subject"],
    "subject_lines": raw_header("subject"),
    "from_lines": raw_header("from"),
    "subject_words": each_encoded_word("subject"),
    "from_words": each_encoded_word("from"),
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
