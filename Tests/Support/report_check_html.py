#!/usr/bin/python3
"""Reads a consolidated-report HTML file with the standard library's html.parser and
prints what a reader would see, as JSON, for the Swift tests to check:

  {"doctype", "lang", "title", "style", "external": [...], "scripts": n, "script_text": [...],
   "event_handlers": [...], "by_class": {class: [text, ...]}, "headings": [...],
   "paragraphs": [...], "tables": [{"class", "thead": [[...]], "rows": [[...]], "thead_count"}],
   "text": "..."}

"external" lists every attribute that could load something from outside (src, href,
url(...) in style, @import). Text is whitespace-collapsed (NBSP included).
Usage: report_check_html.py FILE
"""
import json
import re
import sys
from html.parser import HTMLParser

BLOCK = {"div", "p", "h1", "h2", "h3", "section", "main", "li"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def collapse(text):
    return " ".join(text.split())


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.doctype = None
        self.lang = None
        self.title = ""
        self.style = ""
        self.external = []
        self.scripts = 0
        self.script_text = []
        self.event_handlers = []
        self.by_class = {}
        self.headings = []
        self.paragraphs = []
        self.tables = []
        self.text = []
        self.stack = []  # (tag, classes, buffer)
        self.table_stack = []
        self.in_thead = False
        self.row = None
        self.cell = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name in ("src", "href", "srcset", "action", "data", "poster"):
                self.external.append(f"{tag}[{name}]={value}")
            if name.startswith("on"):
                self.event_handlers.append(f"{tag}[{name}]")
            if name == "style" and value and re.search(r"url\s*\(|@import", value):
                self.external.append(f"{tag}[style]={value}")
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "script":
            self.scripts += 1
        if tag in ("link", "img", "iframe", "object", "embed", "base"):
            self.external.append(tag)
        if tag == "table":
            self.table_stack.append({"class": attrs.get("class", ""), "thead": [], "rows": [], "thead_count": 0})
        if tag == "thead" and self.table_stack:
            self.in_thead = True
            self.table_stack[-1]["thead_count"] += 1
        if tag == "tr" and self.table_stack:
            self.row = []
        if tag in ("td", "th") and self.row is not None:
            self.cell = []
        if tag == "br":
            self._data("\n")
        if tag in VOID:
            return
        if tag in BLOCK:
            self._data("\n")
        self.stack.append((tag, (attrs.get("class") or "").split(), []))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag in BLOCK:
            self._data("\n")
        while self.stack:
            open_tag, classes, buffer = self.stack.pop()
            text = collapse("".join(buffer))
            if self.stack:
                self.stack[-1][2].extend(buffer)
            if open_tag == tag:
                self._close(tag, classes, text, "".join(buffer))
                break

    def _close(self, tag, classes, text, raw):
        for cls in classes:
            self.by_class.setdefault(cls, []).append(text)
        if tag == "title":
            self.title = text
        elif tag == "style":
            self.style += raw
        elif tag == "script":
            self.script_text.append(raw)
        elif tag in ("h1", "h2", "h3"):
            self.headings.append(text)
        elif tag == "p":
            self.paragraphs.append(text)
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            lines = [collapse(part) for part in raw.split("\n")]
            self.row.append("\n".join(line for line in lines if line))
            self.cell = None
        elif tag == "tr" and self.row is not None and self.table_stack:
            target = "thead" if self.in_thead else "rows"
            self.table_stack[-1][target].append(self.row)
            self.row = None
        elif tag == "thead":
            self.in_thead = False
        elif tag == "table" and self.table_stack:
            self.tables.append(self.table_stack.pop())

    def handle_data(self, data):
        self._data(data)

    def _data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)
        if not self.stack or self.stack[-1][0] not in ("style", "script", "title"):
            self.text.append(data)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        source = handle.read()
    reader = Reader()
    reader.feed(source)
    reader.close()
    if re.search(r"url\s*\(|@import", reader.style):
        reader.external.append("style:url/@import")
    json.dump(
        {
            "doctype": reader.doctype,
            "lang": reader.lang,
            "title": reader.title,
            "style": reader.style,
            "external": reader.external,
            "scripts": reader.scripts,
            "script_text": reader.script_text,
            "event_handlers": reader.event_handlers,
            "by_class": reader.by_class,
            "headings": reader.headings,
            "paragraphs": reader.paragraphs,
            "tables": reader.tables,
            "text": collapse("".join(reader.text)),
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
