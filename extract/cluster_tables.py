"""A cluster's core zone given by a table or a list rather than a sentence: the core-zone cell of
the cluster's row (序号　集群名称　所在市　核心区 / "No. | Cluster name | City | Core park"), or the
zone paired with it by a dash under a heading that speaks of core zones (入选集群及其核心承载区如下：
then "X集群——潍坊高新区")."""

from __future__ import annotations

import re
from typing import Optional

from extract import text_tables
from extract.compiled_regex import cached_compile
from extract.document import Document

# The header names the cluster's column and the core zone's (主要承载园区, 核心区, 依托园区（核心区）,
# "Core area", "Core carrier park", "Main carrier").
_NAME_HEADER = {"zh": cached_compile(r"^(?:集群名称|集群|产业集群|产业集群名称)$"),
                "en": cached_compile(r"^(?:(?:industrial\s+|industry\s+)?clusters?(?:\s+name)?|name\s+of\s+(?:the\s+)?cluster)$", re.I)}
_ZONE_HEADER = {"zh": cached_compile(r"^(?=[^\n]*(?:核心|承载|依托|载体))(?:集群)?[\u4e00-\u9fff]{2,8}"
                                  r"(?:[（(][\u4e00-\u9fff]{2,6}[）)])?$"),
                "en": cached_compile(r"^(?=.*\b(?:core|carrier|host|rely|relies|relying)\b)(?:the\s+)?[a-z]+(?:\s+[a-z]+){1,3}"
                                  r"(?:\s*\([a-z]+(?:\s+[a-z]+){0,2}\))?$", re.I)}
# A cell that names no zone: 待定, "/", "To be determined".
_NO_ZONE = cached_compile(r"^(?:[-/—–]+|待定|暂无|无|未定|to\s+be\s+(?:determined|decided|confirmed)|tbd|n/?a|none)$", re.I)
_PAIRED_CELL = cached_compile(r"[ \t]*(?:——|—|－－|--)[ \t]*(?P<zone>[^\s,;。!?、]{2,24}?)[ \t]*(?=\n|$)")
_PAIRS_HEADER = cached_compile(r"(?:核心区|核心承载区|核心园区|承载园区|承载区)[^\n。]{0,6}(?:如下|见下)?[:：]?[ \t]*$")
_TABLE_REACH = 60  # lines a row may lie below its header
_CELL_EDGE = ("", " ", "\t", "\u3000", "|", "｜", "\n")  # what a cell starts and ends at


def table_core_zone(doc: Document, start: int, end: int) -> Optional[tuple[int, int]]:
    """The core-zone cell of the table row whose cluster cell is [start, end), if any; or the
    zone paired with the cluster by a dash, in a list whose heading speaks of core zones."""
    text, language = doc.text, doc.language
    if language == "zh":
        paired = _PAIRED_CELL.match(text, end)
        if paired:
            return paired.span("zone") if _pairs_heading(text, start) else None
    if text[start - 1:start] not in _CELL_EDGE or text[end:end + 1] not in _CELL_EDGE:
        return None  # a name inside prose: no cell (and its line, perhaps a page long, not split)
    line_start, line_end = text_tables.line_around(text, start, end)
    row = text_tables.cells(text, line_start, line_end, language)
    if len(row) < 2 or (start, end) not in row:
        return None
    column = row.index((start, end))
    above = line_start - 1
    for _ in range(_TABLE_REACH):
        if above <= 0:
            return None
        head_start = text.rfind("\n", 0, above) + 1
        header = text_tables.cells(text, head_start, above, language)
        if len(header) == len(row):
            names = [text[a:b] for a, b in header]
            if _NAME_HEADER[language].match(names[column]):
                zone = next((i for i, n in enumerate(names) if _ZONE_HEADER[language].match(n)), None)
                if zone is None or zone == column or _NO_ZONE.match(text[slice(*row[zone])]):
                    return None
                return row[zone]
        above = head_start - 1
    return None


def _pairs_heading(text: str, start: int) -> bool:
    """Whether a line a few lines above `start` introduces the list as clusters and core zones."""
    above = text.rfind("\n", 0, start)
    for _ in range(12):
        if above <= 0:
            return False
        head_start = text.rfind("\n", 0, above) + 1
        if _PAIRS_HEADER.search(text, head_start, above):
            return True
        above = head_start - 1
    return False
