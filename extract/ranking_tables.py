"""Positions read from plain-text tables: a header with a rank column (排名, 位次, "Rank") and
rows that each give a place, its position and perhaps its move (持平, ↑2, "+3", "down 1"):

    排名　高新区　　　　较上年　高新技术企业（家）
    １　　成都高新区　　持平　　３５２６
    | Rank | County (city) | Compare with last year |
    | 2 | Zhuanghe city | up 1 |

Evaluation notices print their results this way; no sentence says "X ranked N". Each row
becomes a fragment like a rule's (rank, subject, move), so the ranking's name, year and size
come from the sentences before the table as they do for any position.
"""

from __future__ import annotations

import re
from typing import Optional

from extract import text_tables
from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.matcher import Fragment

RANK_HEADER = cached_compile(r"(?:(?:19|20)\d\d年(?:度)?)?(?:全国|全省|全市)?(?:综合)?(?:排名|位次|名次|排序)"
                              r"|(?:(?:19|20)\d\d\s+)?(?:(?:overall|national|nationwide|provincial)\s+)?(?:rank|ranking|position)", re.I)
_MOVE_HEADER = cached_compile(r"较上年|比上年|较去年|变化|升降|进退|位次变化|change|compare|compared|vs\.?|"
                              r"from\s+last|on\s+last|movement|move", re.I)
_RANK_CELL = cached_compile(r"(?:第)?(\d{1,3})(?:名|位)?")
_UP = cached_compile(r"(?:↑|\+|上升|提升|前移|前进|进|(?:up|rise|rose|climb|climbed|advance|advanced)\s+)\s*(\d{1,3})"
                     r"(?:位|\s+places?)?", re.I)
_DOWN = cached_compile(r"(?:↓|-|－|−|下降|后移|后退|退|(?:down|decline|declined|fall|fell|drop|dropped|slip|slipped)\s+)"
                       r"\s*(\d{1,3})(?:位|\s+places?)?", re.I)
_SAME = cached_compile(r"持平|不变|0|=|＝|unchanged|same|steady|level|flat|keep|kept|held|hold", re.I)
_BRACKETS = "()（）"
_HINT = cached_compile(r"排名|位次|名次|\brank", re.I)


def table_fragments(ctx: Context) -> list[Fragment]:
    """A fragment for each row of each ranking table, and each line of each numbered ranking
    list, in the text."""
    text = ctx.doc.text
    if not _HINT.search(text):
        return []
    out: list[Fragment] = []
    for (rank, move), _, row in text_tables.table_rows(text, ctx.language, lambda cells: _header(text, cells)):
        fragment = _row(ctx, row, rank, move)
        if fragment is not None:
            out.append(fragment)
    return sorted(out + _numbered_list_fragments(ctx), key=lambda f: (f.start, f.end))


# A line announcing a ranked list: 综合考核前十名（括号内为较上年位次变化）： / 综合排名前十位的开发区
# （按得分从高到低排序）： / "Top 10 zones in the 2023 assessment:".
_LIST_HEADER = cached_compile(r"(?:排名|名次|位次|排序|前[一二三四五六七八九十\d]{1,3}(?:名|位|强)|\brank(?:ed|ing)?\b|\btop\s+(?:\d{1,3}|ten|five|three|twenty)\b)"
                              r"[^\n]{0,40}[：:][ \t\u3000]*(?=\n|$)", re.I)
# 1．合肥经济技术开发区（↑1） / "2. Wuhu ETDZ (up 1)": a position, a place and perhaps its move.
_LIST_LINE = cached_compile(r"[ \t\u3000]*(\d{1,3})[ \t\u3000]*[．.、)）][ \t\u3000]*(\S[^\n]*?)[ \t\u3000;；,，。]*")
_LIST_MOVE = cached_compile(r"[ \t\u3000]*[（(]([^（()）\n]{1,12})[)）]")


def _numbered_list_fragments(ctx: Context) -> list[Fragment]:
    """Positions from lines numbered 1, 2, 3 … under a line announcing a ranked list, each line
    a place alone and perhaps its move in brackets: no sentence says "X ranked N" there. Lines
    that say more than a place (1. 清河羊绒产业集群：以…为核心区) are a list of something else."""
    text = ctx.doc.text
    out: list[Fragment] = []
    for header in _LIST_HEADER.finditer(text):
        at, expected, rows = header.end() + 1, 1, []
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            if not text[at:end].strip():
                at = end + 1
                if rows:
                    break
                continue
            line = _LIST_LINE.fullmatch(text, at, end)
            if line is None or int(line.group(1)) != expected:
                break
            row = _list_row(ctx, line)
            if row is None:
                break
            rows.append(row)
            expected += 1
            at = end + 1
        if len(rows) >= 2:
            out.extend(rows)
    return out


def _list_row(ctx: Context, line: re.Match) -> Optional[Fragment]:
    text = ctx.doc.text
    a, b = line.span(2)
    place = text_tables.place_opening(ctx, a, b)
    if place is None:
        return None
    groups = {"rank": line.span(1), "subject": (place.start, place.end)}
    if place.end < b:
        move = _LIST_MOVE.fullmatch(text, place.end, b)
        if move is None:
            return None
        groups.update(_move_groups(text, *move.span(1)))
    return Fragment("table.rank", "ranking", line.start(1), b, ctx.doc.sentence_of(line.start(1)), groups)


def _header(text: str, cells: list[tuple[int, int]]) -> Optional[tuple[int, Optional[int]]]:
    """The rank column and the move column (if any) of a header line, else None."""
    if len(cells) < 2:
        return None
    rank = next((i for i, (a, b) in enumerate(cells) if RANK_HEADER.fullmatch(text, a, b)), None)
    if rank is None:
        return None
    move = next((i for i, (a, b) in enumerate(cells) if i != rank and _MOVE_HEADER.search(text, a, b)), None)
    return rank, move


def _row(ctx: Context, cells: list[tuple[int, int]], rank_column: int, move_column: Optional[int]
         ) -> Optional[Fragment]:
    text = ctx.doc.text
    rank = _RANK_CELL.fullmatch(text, *cells[rank_column])
    if rank is None:
        return None
    place = next((p for p in (text_tables.place_opening(ctx, a, b) for i, (a, b) in enumerate(cells)
                              if i not in (rank_column, move_column)) if p is not None), None)
    if place is None:
        return None  # 合计 / Total, or a row that is no place's
    groups = {"rank": rank.span(1), "subject": (place.start, place.end)}
    if move_column is not None:
        a, b = cells[move_column]
        if b - a > 2 and text[a] in _BRACKETS and text[b - 1] in _BRACKETS:
            a, b = a + 1, b - 1  # "(+1)", "(=)"
        groups.update(_move_groups(text, a, b))
    spans = [cells[rank_column], (place.start, place.end)] + ([cells[move_column]] if move_column is not None else [])
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    return Fragment("table.rank", "ranking", start, end, ctx.doc.sentence_of(start), groups)


def _move_groups(text: str, a: int, b: int) -> dict[str, tuple[int, int]]:
    """The move a cell text[a:b] states (↑2, 下降1位, 持平, "up 3"), as a rule's group; none for
    新进 and the like."""
    for name, pattern in (("up", _UP), ("down", _DOWN)):
        move = pattern.fullmatch(text, a, b)
        if move:
            return {name: move.span(1)}
    return {"unchanged": (a, b)} if _SAME.fullmatch(text, a, b) else {}
