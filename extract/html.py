"""The readable text of a saved HTML page, with its title and date when the page gives them.

The article's main text comes from trafilatura, which tells the article from navigation,
breadcrumbs, "related news" boxes and footers by the page's structure and text density; those
boxes on government sites carry their own numbers (全市共有高新技术企业300家) that must not be
taken for the article's. When trafilatura finds no main text (a bare fragment, a very short
page), a plain reader keeps every block except scripts, styles, nav, header and footer. Offsets
in the record index the extracted text (see `--emit-text`).
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
    text, title, date = _main_text(html)
    if text:
        fallback_title, fallback_date = _plain_text(html)[1:]
        return text, title or fallback_title, date or fallback_date
    return _plain_text(html)


def _main_text(html: str) -> tuple[str, str | None, str | None]:
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        found = trafilatura.bare_extraction(html, include_comments=False, include_tables=True,
                                            with_metadata=True, deduplicate=False)
    except Exception:  # a page trafilatura cannot parse is read plainly instead
        return "", None, None
    if found is None or not (found.text or "").strip():
        return "", None, None
    return _tidy(found.text), found.title or None, found.date or None


def _tidy(raw: str) -> str:
    lines = [re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip() for line in raw.splitlines()]
    return "\n".join(line for line in lines if line)


def _plain_text(html: str) -> tuple[str, str | None, str | None]:
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    text = _tidy("".join(parser.parts))
    title = parser.meta.get("og:title") or parser.title.strip() or None
    date = next((parser.meta[k] for k in _DATE_META if k in parser.meta), None)
    return text, title, date
