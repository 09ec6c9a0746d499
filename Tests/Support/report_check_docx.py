#!/usr/bin/python3
"""Opens a .docx with python-docx (an independent OOXML reader) and prints what it
finds as JSON, for the Swift tests to check:

  {"paragraphs": [{"text", "style", "bold", "italic", "sizes", "alignment"}],
   "tables": [{"rows": [[cell text]], "header_rows": [bool per row], "borders": bool}],
   "sections": [{"page_width", "page_height", "top", "bottom", "left", "right" (twips),
                 "title_pg", "header_text", "header_has_page_field", "first_header_text"}],
   "normal_font", "normal_size_pt", "core": {"title", "creator", "created"},
   "parts": [ZIP entry names], "malformed": [entries that are not well-formed XML]}

Body paragraphs are the top-level ones (not inside tables). Cell text joins the
cell's paragraphs with newlines. Usage: report_check_docx.py FILE
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ElementTree

import docx
from docx.oxml.ns import qn

EMU_PER_TWIP = 635


def twips(length):
    return None if length is None else round(length / EMU_PER_TWIP)


def run_flag(paragraph, name):
    values = {getattr(run, name) for run in paragraph.runs if run.text.strip()}
    if not values:
        return None
    return values.pop() if len(values) == 1 else "mixed"


def package_parts(path):
    parts, malformed = [], []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            parts.append(name)
            try:
                ElementTree.fromstring(archive.read(name))
            except ElementTree.ParseError:
                malformed.append(name)
    return parts, malformed


def main():
    parts, malformed = package_parts(sys.argv[1])
    document = docx.Document(sys.argv[1])
    paragraphs = []
    for paragraph in document.paragraphs:
        paragraphs.append(
            {
                "text": paragraph.text,
                "style": paragraph.style.name if paragraph.style is not None else None,
                "bold": run_flag(paragraph, "bold"),
                "italic": run_flag(paragraph, "italic"),
                "sizes": sorted({run.font.size.pt for run in paragraph.runs if run.font.size is not None}),
                "alignment": str(paragraph.alignment) if paragraph.alignment is not None else None,
            }
        )
    tables = []
    for table in document.tables:
        rows, header_rows = [], []
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:
                # A cell spanning grid columns comes back once per column.
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(cell.text)
            rows.append(cells)
            tr_pr = row._tr.trPr
            header_rows.append(tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None)
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        has_borders = borders is not None and any(
            edge.get(qn("w:val")) not in (None, "nil", "none") for edge in borders
        )
        tables.append({"rows": rows, "header_rows": header_rows, "borders": has_borders})
    sections = []
    for section in document.sections:
        header_xml = section.header._element.xml if not section.header.is_linked_to_previous else ""
        sections.append(
            {
                "page_width": twips(section.page_width),
                "page_height": twips(section.page_height),
                "top": twips(section.top_margin),
                "bottom": twips(section.bottom_margin),
                "left": twips(section.left_margin),
                "right": twips(section.right_margin),
                "title_pg": bool(section.different_first_page_header_footer),
                "header_text": "\n".join(p.text for p in section.header.paragraphs),
                "header_has_page_field": "PAGE" in header_xml,
                "first_header_text": "\n".join(p.text for p in section.first_page_header.paragraphs),
            }
        )
    normal = document.styles["Normal"]
    core = document.core_properties
    json.dump(
        {
            "paragraphs": paragraphs,
            "tables": tables,
            "sections": sections,
            "normal_font": normal.font.name,
            "normal_size_pt": normal.font.size.pt if normal.font.size is not None else None,
            "parts": parts,
            "malformed": malformed,
            "core": {
                "title": core.title,
                "creator": core.author,
                "created": core.created.isoformat() if core.created else None,
            },
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
