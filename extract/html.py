"""The readable text of a saved HTML page, with its title and date when the page gives them.

Navigation, scripts, styles, headers and footers are dropped; block elements become line
breaks. Offsets in the record index this extracted text (see `--emit-text`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe",
         "svg", "button", "select", "template"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "table", "ul", "ol", "blockquote", "dd", "dt", "pre", "hr", "td"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
         "track", "wbr", "param"}
_DATE_META = ("article:published_time", "publishdate", "pubdate", "publish_date", "date",
              "og:published_time", "dc.date", "pubtime")


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


class _Extractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            attrs = dict(attrs)
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            if key and attrs.get("content"):
                self.meta.setdefault(key, attrs["content"])
            return
        if tag == "title":
            self.in_title = True
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
            return
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """(text, title, date string) of an HTML page."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip() for line in raw.splitlines()]
    text = "\n".join(line for line in lines if line)
    title = parser.meta.get("og:title") or parser.title.strip() or None
    date = next((parser.meta[k] for k in _DATE_META if k in parser.meta), None)
    return text, title, date
