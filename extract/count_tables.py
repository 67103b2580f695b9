"""Counts read from plain-text tables: a header naming what its columns count (高新技术企业（家）,
"High-tech enterprises", "high-tech enterprises (home)") above rows that each begin with a place
(顺德区　　3105　　412　　5230 / "Haimen District | 486"); and boxes of key figures that give the
number on a line of its own and what it counts on the next (▶ 476家 / 规模以上工业企业。).

Statistical bulletins and work reports lay out per-district figures this way; no sentence says
"X has N", so the rules, which read sentences, find nothing there. A column of additions (其中新增,
"Newly recognised in 2023") counts no stock and is left out, as are totals and rows that do not
begin with a place.
"""

from __future__ import annotations

import re
from typing import Optional

from extract import text_tables
from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.count_values import parse_count, qualifier_of_number
from extract.ranking_tables import RANK_HEADER
from schemas.record import EnterpriseCount

_UNIT = cached_compile(r"\s*[（(](?:家|个|户|所|home|homes|number|no\.|firms|units?)[)）]\s*$", re.I)
_NUMBER = cached_compile(r"\d{1,3}(?:,\d{3})+|\d+")
# A column of what was added, a share or a rate is no count of what there is.
# ("High and new technology enterprise" is 高新技术企业, not new ones.)
_NOT_STOCK = cached_compile(r"新增|净增|新认定|认定|增长|增速|占比|比重|newly|(?<!and )\bnew\b(?!\s+technology)|added|growth|"
                            r"share|%|percent", re.I)
_SIZE_TAIL = cached_compile(r"\s+above\s+(?:the\s+)?(?:designated\s+)?(?:size|scale)$|以上$")
# (A full-width space parting Chinese cells is a plain one in the normalized copy: 杭州　16127　31520.)
_HINT = cached_compile(r"[|｜]|[（(](?:家|个|home)[)）]|\S(?: {2,}|\t)\S|(?m:^[^\s\d]{1,12} \d[\d,]* \d)")


def table_counts(ctx: Context) -> list[EnterpriseCount]:
    """Every count a plain-text table of places gives, in the order of its rows."""
    text = ctx.doc.text
    if not _HINT.search(text):
        return []
    out: list[EnterpriseCount] = []
    for (place_column, columns), _, row in text_tables.table_rows(text, ctx.language,
                                                                 lambda cells: _count_columns(ctx, cells)):
        out.extend(_row_counts(ctx, row, columns, place_column))
    return out


def _count_columns(ctx: Context, cells: list[tuple[int, int]]
                   ) -> Optional[tuple[int, dict[int, tuple[int, int]]]]:
    """A header's column of places (the first, or the one after a leading rank column: 排名　高新区
    …) and its columns that count enterprises or bodies: column index → the category's span (the
    unit left out). None unless the place column names no count and another column does."""
    if len(cells) < 2:
        return None
    text = ctx.doc.text
    place_column = 1 if RANK_HEADER.fullmatch(text, *cells[0]) else 0
    heads = ctx.words("count_heads")
    fold = ctx.language == "en"
    columns = {}
    for index, (start, end) in enumerate(cells):
        unit = _UNIT.search(text, start, end)
        cat_end = unit.start() if unit else end
        words = text[start:cat_end].lower() if fold else text[start:cat_end]
        words = _SIZE_TAIL.sub("", words)  # ("Industrial enterprises above designated size (unit)")
        if not any(words.endswith(head) for head in heads):
            continue
        if index == place_column:
            return None  # a table of categories, not of places
        if not _NOT_STOCK.search(text, start, end):
            columns[index] = (start, cat_end)
    return (place_column, columns) if columns else None


def _row_counts(ctx: Context, cells: list[tuple[int, int]], columns: dict[int, tuple[int, int]],
                place_column: int) -> list[EnterpriseCount]:
    doc = ctx.doc
    place_start, place_end = cells[place_column]
    if text_tables.place_opening(ctx, place_start, place_end) is None:
        return []  # 合计 / Total, or a row that is no place's
    out = []
    for index, (cat_start, cat_end) in columns.items():
        start, end = cells[index]
        count = parse_count(ctx.language, doc.text[start:end]) if _NUMBER.fullmatch(doc.text, start, end) else None
        if count is None:
            continue
        out.append(EnterpriseCount(subject=doc.value(place_start, place_end), category=doc.value(cat_start, cat_end),
                                   count=count, qualifier="exact", evidence=doc.evidence(place_start, end)))
    return out


# A list's line is a place and a number: a longer line is prose (and never scanned whole).
_ROW_CHARS = 80
_ANNOUNCING = {"zh": ("如下", "见下"), "en": ("follow", "below")}


def announced_counts(ctx: Context) -> list[EnterpriseCount]:
    """Counts listed one place per line under a line announcing what they count (各地市高新技术
    企业数量如下： / "Each city high and new technology enterprises situation as follow:"), each
    line a place and its number (深圳市　2.4万余家 / "Shenyang city 4,790 home"). A line that
    begins with no place (合计, "Other 9 cities total") is passed over; the list ends at the
    first line that is no place and number."""
    if "list_announcement" not in ctx.ruleset.macros or "list_count" not in ctx.ruleset.macros:
        return []
    doc = ctx.doc
    text = doc.text
    folded = text.lower() if ctx.language == "en" else text
    if not any(cue in folded for cue in _ANNOUNCING["en" if ctx.language == "en" else "zh"]):
        return []
    row = ctx.ruleset.compile(r"[ \t]*(?:[-•*·][ \t]*)?(?P<cell>[^\n]{1,40}?)[ \t:|｜]+(?P<value>{list_count})[ \t.;。；]*")
    out: list[EnterpriseCount] = []
    for announcement in ctx.ruleset.compile("{list_announcement}").finditer(text):
        category = doc.value(*announcement.span("category"))
        at = announcement.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            line = row.fullmatch(text, at, end) if end - at <= _ROW_CHARS else None
            if line is None and text[at:end].strip():
                break
            if line is not None:
                count = _announced_row(ctx, line, category)
                if count is not None:
                    out.append(count)
            at = end + 1
    return out


def _announced_row(ctx: Context, line: re.Match, category: str) -> EnterpriseCount | None:
    cell_start, cell_end = line.span("cell")
    place = text_tables.place_opening(ctx, cell_start, cell_end)
    count = parse_count(ctx.language, line.group("count"))
    if place is None or count is None or ctx.is_increase(cell_start, line.start("count")):
        return None
    return EnterpriseCount(subject=ctx.value(place), category=category, count=count,
                           qualifier=qualifier_of_number(ctx, line),
                           evidence=ctx.doc.evidence(cell_start, line.end("value")))


# A box of key figures needs two such pairs at least: one alone may be a stray line.
_FIGURE_PAIRS = 2
# How far back (sentences) the zone a box is about may be named.
_FIGURE_REACH = 30


def figure_first_counts(ctx: Context) -> list[EnterpriseCount]:
    """数读 boxes: "▶ 476家" on one line and "规模以上工业企业。" on the next, the zone named above
    the box (一起来看株洲高新区这一年的关键数据). Chinese only; the category must fill the start of
    its line (a line naming a cluster or a place is a description, not a category)."""
    if ctx.language != "zh" or "list_count" not in ctx.ruleset.macros:
        return []
    doc, text = ctx.doc, ctx.doc.text
    if text.count("\n") < 2 * _FIGURE_PAIRS:
        return []
    pair = ctx.ruleset.compile(r"(?m)^[ \t]*(?:[•·-][ \t]*)?(?P<value>{list_count})[ \t]*\n[ \t]*"
                               r"(?P<category>(?:(?!{category_breakers}){name_char}){0,24}?{count_heads})(?=[ \t]*(?:[,;。(]|$))")
    found = list(pair.finditer(text))
    if len(found) < _FIGURE_PAIRS:
        return []
    out = []
    for match in found:
        cat_start, cat_end = match.span("category")
        count = parse_count(ctx.language, match.group("count"))
        named = [p for p in ctx.places.before(cat_start, _FIGURE_REACH) if p.kind == "zone"]
        if count is None or not named or ctx.is_increase(match.start("value"), match.start("count"), cat_end) \
                or ctx.is_target(match.start(), cat_end) \
                or any(cat_start <= p.start < cat_end for p in ctx.places.in_sentence(doc.sentence_of(cat_start))):
            continue
        out.append(EnterpriseCount(subject=ctx.value(ctx.places.resolve(named[-1])), category=doc.value(cat_start, cat_end),
                                   count=count, qualifier=qualifier_of_number(ctx, match),
                                   evidence=doc.evidence(match.start("value"), cat_end)))
    return out
