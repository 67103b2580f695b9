"""Plain-text tables, as notices, bulletins and saved web pages lay them out: a line's cells are
parted by bars, tabs or runs of spaces. English cells hold single spaces ("Suzhou Industrial
Park"), so there it takes two; Chinese words have no spaces between them, so there any space
parts cells (the normalized copy has turned full-width spaces into plain ones)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterator, Optional, TypeVar

from extract.compiled_regex import cached_compile

if TYPE_CHECKING:
    from extract.context import Context

Header = TypeVar("Header")

_BAR = cached_compile(r"[|｜]")
_BAR_GAP = r"[ \t\u3000]*[|｜][ \t\u3000]*"
_BAR_SEPARATOR = cached_compile(_BAR_GAP)
_SEPARATOR = {"en": cached_compile(_BAR_GAP + r"|\t[ \t\u3000]*|[ \u3000]{2,}"),
              "zh": cached_compile(_BAR_GAP + r"|[ \t\u3000]+")}


def cells(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """The cells of text[start:end] (one line), as (start, end) offsets into `text`.

    >>> line = "1 | Zhuhai IC cluster | Zhuhai High-tech Zone"
    >>> [line[a:b] for a, b in cells(line, 0, len(line), "en")]
    ['1', 'Zhuhai IC cluster', 'Zhuhai High-tech Zone']
    >>> line = "顺德区 3105  412"
    >>> [line[a:b] for a, b in cells(line, 0, len(line), "zh")]
    ['顺德区', '3105', '412']
    >>> line = "全　市｜2415｜3870"
    >>> [line[a:b] for a, b in cells(line, 0, len(line), "zh")]
    ['全\u3000市', '2415', '3870']
    """
    # A line parted by bars is parted by bars alone: 全　市｜2415 is one place's row, its name
    # spaced out to line up.
    barred = _BAR.search(text, start, end) is not None
    found, at = [], start
    for gap in (_BAR_SEPARATOR if barred else separator(language)).finditer(text, start, end):
        if gap.start() > at:
            found.append((at, gap.start()))
        at = gap.end()
    if end > at:
        found.append((at, end))
    return found


def separator(language: str) -> re.Pattern:
    return _SEPARATOR["en" if language == "en" else "zh"]


def lines(text: str, language: str) -> Iterator[list[tuple[int, int]]]:
    """Each line's cells, in order."""
    at = 0
    for line in text.split("\n"):
        yield cells(text, at, at + len(line), language)
        at += len(line) + 1


def line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The line holding text[start:end]."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def place_opening(ctx: "Context", start: int, end: int):
    """The place (no reference) a cell or a list line [start, end) begins with, if any."""
    return next((p for p in ctx.places.in_sentence(ctx.doc.sentence_of(start))
                 if p.start == start and p.kind != "reference" and p.end <= end), None)


def table_rows(text: str, language: str, read_header: Callable[[list[tuple[int, int]]], Optional[Header]]
               ) -> Iterator[tuple[Header, list[tuple[int, int]], list[tuple[int, int]]]]:
    """Each row under each header `read_header` accepts (what it read, the header's cells, the
    row's cells): the lines after the header with as many cells, past a |---| rule."""
    rows = list(lines(text, language))
    i = 0
    while i < len(rows):
        header = read_header(rows[i])
        if header is None:
            i += 1
            continue
        head = rows[i]
        i += 1
        while i < len(rows) and (len(rows[i]) == len(head) or rule_line(text, rows[i])):
            if len(rows[i]) == len(head):
                yield header, head, rows[i]
            i += 1


def rule_line(text: str, cells: list[tuple[int, int]]) -> bool:
    """|---|---| under a header."""
    return bool(cells) and all(re.fullmatch(r"[-:=—]+", text[a:b]) for a, b in cells)
