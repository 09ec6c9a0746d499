#!/usr/bin/python3
"""A clerk filling a nhacviec report form, written with python-docx (an independent
OOXML writer), and a reader that dumps what a form holds.

  form_clerk.py dump FORM.docx            -> JSON: custom properties, paragraphs, tables, tags
  form_clerk.py fill FORM.docx SPEC.json OUT.docx

SPEC (every key optional):
  "rows": {task id: {"id"|"status"|"progress"|"note": VALUE}}    fill those cells
  "plain": true           write cells and sections as plain text, dropping the content
                          controls (what a clerk pasting over them, or an older editor, does)
  "delete_rows": [ids]    remove those rows from the table
  "blank_rows": N         append N empty rows to the table
  "sections": {"highlights"|"difficulties"|"proposals": [paragraph VALUE, ...]}
  "code_line": text       replace the text of the `Mã báo cáo` field
  "drop_custom": true     remove docProps/custom.xml (and its relationship)
A VALUE is a string, or a list of pieces: a string is a run; {"ins": text} a tracked
insertion; {"del": text} a tracked deletion; {"bookmark": name} a bookmark around
nothing; {"proof": true} a spelling-error mark; every run ends where a piece ends, so
"split runs" are lists of short strings.
"""
import copy
import json
import sys
import zipfile

import docx
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def text_of(element):
    out = []
    for node in element.iter():
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:tab"):
            out.append("\t")
    return "".join(out)


def dump(path):
    document = docx.Document(path)
    body = document.element.body
    paragraphs = []
    tables = []
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            rows = []
            for tr in child.iterchildren(qn("w:tr")):
                rows.append([text_of(tc) for tc in tr.iterchildren(qn("w:tc"))])
            tables.append(rows)
        else:
            for p in child.iter(qn("w:p")):
                paragraphs.append(text_of(p))
    tags = [t.get(qn("w:val")) for t in body.iter(qn("w:tag"))]
    custom = {}
    with zipfile.ZipFile(path) as z:
        if "docProps/custom.xml" in z.namelist():
            from lxml import etree
            root = etree.fromstring(z.read("docProps/custom.xml"))
            for prop in root:
                custom[prop.get("name")] = "".join(prop.itertext())
    section = document.sections[0]
    print(json.dumps({
        "custom": custom, "paragraphs": paragraphs, "tables": tables, "tags": tags,
        "page": [section.page_width, section.page_height, section.top_margin, section.bottom_margin,
                 section.left_margin, section.right_margin],
    }, ensure_ascii=False))


def make_run(text, template=None):
    run = OxmlElement("w:r")
    if template is not None:
        rpr = template.find(qn("w:rPr"))
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
    t = OxmlElement("w:t" if text is not None else "w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    return run


counter = [100]


def pieces(value, template=None):
    """The inline elements a VALUE becomes."""
    if isinstance(value, str):
        value = [value]
    out = []
    for piece in value:
        counter[0] += 1
        if isinstance(piece, str):
            out.append(make_run(piece, template))
        elif "ins" in piece:
            ins = OxmlElement("w:ins")
            ins.set(qn("w:id"), str(counter[0]))
            ins.set(qn("w:author"), "Chuyên viên")
            ins.set(qn("w:date"), "2024-03-20T09:00:00Z")
            ins.append(make_run(piece["ins"], template))
            out.append(ins)
        elif "del" in piece:
            deleted = OxmlElement("w:del")
            deleted.set(qn("w:id"), str(counter[0]))
            deleted.set(qn("w:author"), "Chuyên viên")
            deleted.set(qn("w:date"), "2024-03-20T09:00:00Z")
            run = make_run(None, template)
            t = run.find(qn("w:t"))
            run.remove(t)
            dt = OxmlElement("w:delText")
            dt.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            dt.text = piece["del"]
            run.append(dt)
            deleted.append(run)
            out.append(deleted)
        elif "bookmark" in piece:
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), str(counter[0]))
            start.set(qn("w:name"), piece["bookmark"])
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), str(counter[0]))
            out += [start, end]
        elif "proof" in piece:
            mark = OxmlElement("w:proofErr")
            mark.set(qn("w:type"), "spellStart")
            out.append(mark)
            mark = OxmlElement("w:proofErr")
            mark.set(qn("w:type"), "spellEnd")
            out.append(mark)
    return out


def sdt_with_tag(root, tag):
    for sdt in root.iter(qn("w:sdt")):
        t = sdt.find(qn("w:sdtPr") + "/" + qn("w:tag"))
        if t is not None and t.get(qn("w:val")) == tag:
            return sdt
    return None


def fill_inline(sdt, value):
    content = sdt.find(qn("w:sdtContent"))
    template = content.find(qn("w:r"))
    for child in list(content):
        content.remove(child)
    for element in pieces(value, template):
        content.append(element)


def fill_cell_plain(tc, value):
    paragraphs = tc.findall(qn("w:p"))
    for p in paragraphs[1:]:
        tc.remove(p)
    for sdt in list(tc.iter(qn("w:sdt"))):
        sdt.getparent().remove(sdt)
    p = paragraphs[0]
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)
    for element in pieces(value):
        p.append(element)


def task_table(body):
    for tbl in body.iter(qn("w:tbl")):
        first = tbl.find(qn("w:tr"))
        if first is not None and text_of(first).startswith("STT"):
            return tbl
    raise SystemExit("no task table")


def row_of(tbl, task):
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = tr.findall(qn("w:tc"))
        if len(cells) > 1 and text_of(cells[1]).strip() == task:
            return tr
    raise SystemExit("no row for " + task)


def fill(path, spec_path, out):
    spec = json.load(open(spec_path, encoding="utf-8"))
    document = docx.Document(path)
    body = document.element.body
    plain = spec.get("plain", False)
    columns = {"id": 1, "status": 5, "progress": 6, "note": 7}
    if spec.get("rows") or spec.get("delete_rows") or spec.get("blank_rows"):
        tbl = task_table(body)
        for task, fields in spec.get("rows", {}).items():
            tr = row_of(tbl, task)
            for field, value in fields.items():
                tc = tr.findall(qn("w:tc"))[columns[field]]
                sdt = sdt_with_tag(tc, "nhacviec:task:%s:%s" % (task, field))
                if plain or sdt is None:
                    fill_cell_plain(tc, value)
                else:
                    fill_inline(sdt, value)
        for task in spec.get("delete_rows", []):
            tbl.remove(row_of(tbl, task))
        rows = tbl.findall(qn("w:tr"))
        for _ in range(spec.get("blank_rows", 0)):
            blank = copy.deepcopy(rows[-1])
            for tc in blank.findall(qn("w:tc")):
                fill_cell_plain(tc, "")
            tbl.append(blank)
    for name, values in spec.get("sections", {}).items():
        sdt = sdt_with_tag(body, "nhacviec:" + name)
        template = sdt.find(qn("w:sdtContent")).find(qn("w:p"))
        new = []
        for value in values:
            p = OxmlElement("w:p")
            ppr = template.find(qn("w:pPr"))
            if ppr is not None:
                p.append(copy.deepcopy(ppr))
            for element in pieces(value):
                p.append(element)
            new.append(p)
        if plain:
            parent = sdt.getparent()
            index = parent.index(sdt)
            parent.remove(sdt)
            for offset, p in enumerate(new):
                parent.insert(index + offset, p)
        else:
            content = sdt.find(qn("w:sdtContent"))
            for child in list(content):
                content.remove(child)
            for p in new:
                content.append(p)
    if "code_line" in spec:
        fill_inline(sdt_with_tag(body, "nhacviec:code"), spec["code_line"])
    document.save(out)
    if spec.get("drop_custom"):
        rewrite_without_custom(out)


def rewrite_without_custom(path):
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if info.filename == "docProps/custom.xml":
                continue
            if info.filename == "_rels/.rels":
                data = data.replace(b'Target="docProps/custom.xml"', b'Target="docProps/missing.xml"')
            z.writestr(info, data)


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(sys.argv[2])
    else:
        fill(sys.argv[2], sys.argv[3], sys.argv[4])
