#!/usr/bin/python3
"""Edits a form inside LibreOffice through UNO, as a clerk working in Writer would,
and saves it as .docx with LibreOffice's own filter.

    lo_edit.py IN.docx OUT.docx TASK STATUS PROFILE_DIR

Starts its own headless soffice (profile in PROFILE_DIR, a pipe named after the
process id), sets the Tình trạng cell of TASK's row to STATUS and appends a paragraph
to the end of the document's "2. Khó khăn, vướng mắc" section, then stops soffice.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    source, target, task, status, profile = sys.argv[1:6]
    pipe = "nhacviec_test_%d" % os.getpid()
    office = subprocess.Popen([
        "/usr/bin/soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
        "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe,
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(120):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.25)
        if context is None:
            raise SystemExit("soffice did not answer")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0,
                                                (prop("Hidden", True),))
        edited = False
        tables = document.getTextTables()
        for index in range(tables.getCount()):
            table = tables.getByIndex(index)
            names = table.getCellNames()
            if table.getCellByName("A1").getString().strip() != "STT":
                continue
            rows = table.getRows().getCount()
            for row in range(2, rows + 1):
                if table.getCellByName("B%d" % row).getString().strip() == task:
                    table.getCellByName("F%d" % row).setString(status)
                    edited = True
        if not edited:
            raise SystemExit("no row for " + task)
        # A new paragraph right after the section 2 heading.
        text = document.getText()
        enum = text.createEnumeration()
        while enum.hasMoreElements():
            paragraph = enum.nextElement()
            if paragraph.supportsService("com.sun.star.text.Paragraph") and \
                    paragraph.getString().strip() == "2. Khó khăn, vướng mắc":
                cursor = text.createTextCursorByRange(paragraph.getEnd())
                text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
                cursor.setString("Phần mềm một cửa chưa kết nối được với cổng dịch vụ công")
                cursor.setPropertyValue("CharWeight", 100.0)
                break
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)),
                            (prop("FilterName", "MS Word 2007 XML"),))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


main()
