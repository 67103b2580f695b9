"""Positions a place held in an earlier year: history, not the ranking the article reports.

An article states the current position first and then looks back (在2023年…排名中，洛阳市位列第31
位。…，2021年洛阳仅排在第42位 / "… ranked ninth in the 2023 index. When the index was first
compiled in 2018, Hefei stood 17th."). One entry per subject per ranking is the latest; the
year of a look-back is not the ranking's year either, so it must not carry to later entries.
"""

from __future__ import annotations

import re

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.matcher import Fragment

# "in 2018," / "in 2021, the zone was 11th": a year said as the time of what follows, not as
# part of a ranking's name ("in 2020 annual evaluation").
_TIME_YEAR_EN = cached_compile(r"\bin\s+((?:19|20)\d\d)(?=\s*[,.;)]|\s*$)", re.I)


def past_year_clauses(ctx: Context, fragments: list[Fragment]) -> list[tuple[int, int]]:
    """Spans whose positions are history: they open with (Chinese) or follow (English) a year
    earlier than one an earlier sentence states with a position."""
    text = ctx.doc.text
    # (Only a year said with a position: 2024年1月5日 opening a story is no ranking's year.)
    positioned = {f.sentence for f in fragments if "rank" in f.groups}
    if ctx.language == "en":
        return _past_en(ctx, fragments, positioned)
    stated = [(f, int(text[slice(*f.groups["year"])])) for f in fragments
              if set(f.groups) == {"year"} and text[slice(*f.groups["year"])].isdigit()]
    years = _positioned_years(text, fragments, positioned)
    out = []
    for fragment, year in stated:
        clause = ctx.clause_start(fragment.start)
        year_end = fragment.groups["year"][1]
        if fragment.start == clause and text[year_end:year_end + 1] == "年" \
                and any(s < fragment.sentence and y > year for s, y in years):
            out.append((clause, ctx.clause_end(fragment.start)))
    return out


def _past_en(ctx: Context, fragments: list[Fragment], positioned: set[int]) -> list[tuple[int, int]]:
    """"When the index was first compiled in 2018, Hefei stood 17th": the rest of the sentence
    after a time year earlier than the year of a position stated in an earlier sentence."""
    text = ctx.doc.text
    years = _positioned_years(text, fragments, positioned)
    if not years:
        return []
    out = []
    for fragment in fragments:
        if set(fragment.groups) != {"year"} or fragment.sentence not in positioned:
            continue
        said = _TIME_YEAR_EN.match(text, fragment.start)
        if said is None or said.start(1) != fragment.groups["year"][0]:
            continue
        year = int(said.group(1))
        if any(s < fragment.sentence and y > year for s, y in years):
            out.append((ctx.clause_start(fragment.start), ctx.doc.sentence_span(fragment.sentence)[1]))
    return out


def _positioned_years(text: str, fragments: list[Fragment], positioned: set[int]) -> list[tuple[int, int]]:
    """(sentence, year) of every year said in a sentence stating a position, and of a year
    opening a ranking's name anywhere (省商务厅公布2022年度全省开发区综合考核评价结果。)."""
    names = {f.groups["ranking"][0] for f in fragments if "ranking" in f.groups}
    out = []
    for f in fragments:
        if "year" not in f.groups or not text[slice(*f.groups["year"])].isdigit():
            continue
        end = f.groups["year"][1]
        named = any(0 <= start - end <= 3 and text[end:start].strip() in ("", "年", "年度", "year", "annual")
                    for start in names)
        if f.sentence in positioned or named:
            out.append((f.sentence, int(text[slice(*f.groups["year"])])))
    return out
