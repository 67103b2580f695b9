"""What the parts of a count read as: its number (1.2万, "1,200", "fifty-three"), its qualifier
(超过, "more than", 余家) and where its category begins after a place that opens it (辽宁省高新技术
企业 → 高新技术企业, "the whole city of Jingmen high-tech enterprises")."""

from __future__ import annotations

import re

from extract.compiled_regex import cached_compile
from extract.context import ORIGIN_AFTER_EN, Context
from extract.matcher import Fragment

_WHOLE_ZH = cached_compile(r"整个(?=\w)")
_WHOLE_OF_EN = cached_compile(r"(?:the\s+)?whole\s+(?:(?:city|province|county|district|zone|region)(?:\s+of)?\s+|"
                              r"(?=(?-i:[A-Z]))|[a-z][\w'’-]*\s+(?:city|county|district|province)\s+)", re.I)
# ("the city enterprise technology center of provincial level above 712": 全市, machine-translated.)
_WHOLE_BEFORE_EN = cached_compile(r"\b(?:whole|the)\s+$", re.I)
_WHOLE_NOUN_EN = cached_compile(r"(?:city|county|district|province|region|zone)\s+", re.I)
_DIVISION_NOUN_EN = cached_compile(r"\s+(?:city|county|district|province)\b", re.I)
_QUALIFIERS = ("more_than", "at_least", "about", "nearly", "less_than")


def parse_count(language: str, text: str) -> int | None:
    if language == "zh":
        from extract.numbers_zh import parse_number
    else:
        from extract.numbers_en import parse_number
    return parse_number(text)


def qualifier_of(ctx: Context, fragment: Fragment) -> str:
    for group in ("qualifier_before", "qualifier_after"):
        text = fragment.text(ctx.doc, group)
        if not text:
            continue
        key = text.lower().strip()
        if group == "qualifier_after":
            # Words said only after the number: "1,100-plus", "1,800 more home".
            after = next((q for q in _QUALIFIERS if key in ctx.words(f"qualifier_{q}_after")), None)
            if after is not None:
                return after
        for qualifier in _QUALIFIERS:
            words = ctx.words(f"qualifier_{qualifier}")
            if key in words or any(w in key for w in words if len(w) > 1 or ctx.language == "zh"):
                return qualifier
    return "exact"


def qualifier_of_number(ctx: Context, number: re.Match, shared: Optional[tuple[int, int]] = None) -> str:
    """The qualifier of one number matched by the lexicon's `list_count` (with its groups
    qualifier_before / count / qualifier_after), as `qualifier_of` reads a rule's; `shared` is a
    qualifier said once for every number of a list (分别约有1900家和1150家)."""
    groups = {g: number.span(g) for g in ("count", "qualifier_before", "qualifier_after") if number.group(g)}
    if shared is not None and "qualifier_before" not in groups:
        groups["qualifier_before"] = shared
    one = Fragment("list_count", "enterprise_count", number.start(), number.end(),
                   ctx.doc.sentence_of(number.start()), groups)
    return qualifier_of(ctx, one)


def after_leading_place(ctx: Context, cat_start: int, cat_end: int) -> int:
    """辽宁省高新技术企业达到1.2万家 / 整个衡阳市的科技型中小企业 / "whole city of Jingmen high-tech
    enterprises 782" (全市): the place opening the category is its subject, not part of what is
    counted."""
    cat_start = _after_whole(ctx, cat_start, cat_end)
    for place in ctx.places.in_sentence(ctx.doc.sentence_of(cat_start)):
        if place.start == cat_start and (place.kind != "reference" or ctx.language == "zh") and place.end < cat_end - 1:
            if ctx.language == "en" and ORIGIN_AFTER_EN.match(ctx.doc.text, place.end):
                return cat_start  # ("Macao-funded enterprises": what is counted)
            end = place.end
            noun = _DIVISION_NOUN_EN.match(ctx.doc.text, end) if ctx.language == "en" else None
            end = noun.end() if noun else end
            while ctx.doc.text[end:end + 1] in ("的", " "):
                end += 1
            # "Zigong whole city scale above industry enterprise" (自贡全市规上工业企业)
            return _after_whole(ctx, end, cat_end)
    return cat_start


def _after_whole(ctx: Context, start: int, end: int) -> int:
    """Past "the whole city (of)" / 整个 at `start`, if written there; past the "city" of "the
    whole city science and technology type SMEs" (全市科技型中小企业), where the walk back to the
    category's start stopped on "whole"."""
    text = ctx.doc.text
    if ctx.language == "en" and _WHOLE_BEFORE_EN.search(text, max(0, start - 8), start):
        noun = _WHOLE_NOUN_EN.match(text, start, end)
        if noun and noun.end() < end:
            return noun.end()
    whole = (_WHOLE_OF_EN if ctx.language == "en" else _WHOLE_ZH).match(text, start, end)
    return whole.end() if whole else start
