#!/usr/bin/python3
"""Writes the hostile and foreign .docx fixtures of Tests/Fixtures/forms/ (DESIGN §13):
files a form reader must refuse with a message, never crash on or inflate without bound.

    scripts/generate-form-fixtures.py Tests/Fixtures/forms
"""
import io
import os
import sys
import zipfile

import docx

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


# A Word document that is not our form: no "Mã báo cáo" line, no custom properties.
foreign = docx.Document()
foreign.add_paragraph("Biên bản họp giao ban tháng 3")
foreign.add_table(rows=2, cols=3).cell(0, 0).text = "STT"
buffer = io.BytesIO()
foreign.save(buffer)
write("foreign-document.docx", buffer.getvalue())
# The same, cut short as a failed download would leave it.
write("truncated.docx", buffer.getvalue()[: len(buffer.getvalue()) // 2])
# Plain text named .docx.
write("not-a-zip.docx", "unit: phong-qldt\nreport: monthly\n".encode())
# What Word writes for a password-protected document: an OLE compound file.
write("encrypted-ole.docx", bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(4088))


def package(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buffer.getvalue()


# 64 MiB of zeros behind one small entry.
write("zip-bomb.docx", package([("word/document.xml", bytes(64 << 20))]))
# Thousands of tiny entries.
write("too-many-entries.docx", package([("word/document.xml", b"<w:document/>")]
                                       + [("x/%05d.xml" % i, b"") for i in range(3000)]))
# A document part with a DTD (the "billion laughs" entity expansion).
laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
          b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          b'<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
write("entity-expansion.docx", package([("word/document.xml", laughs)]))
# Unbalanced XML.
write("malformed-xml.docx", package([("word/document.xml",
      b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>')]))
# The same bomb with its sizes patched to claim 1000 bytes: only counting what inflating
# produces stops it.
bomb = bytearray(package([("word/document.xml", bytes(64 << 20))]))
local = bomb.find(b"PK\x03\x04")
bomb[local + 22:local + 26] = (1000).to_bytes(4, "little")
central = bomb.find(b"PK\x01\x02")
bomb[central + 24:central + 28] = (1000).to_bytes(4, "little")
write("zip-bomb-lying-size.docx", bytes(bomb))
