"""分别 / "respectively" lists: one count per place or per category, in order (宝鸡高新区、渭南高新区
分别拥有高新技术企业736家和315家; 高新技术企业和科技型中小企业分别达到520家和1300家; "Hohhot,
Baotou and Ordos respectively have 780, 610 and 255 …"), a list whose category is the one just
counted (…分别为97家、64家), and one number each of several places has (均为9家, "each have")."""

from __future__ import annotations

import re

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.count_values import after_leading_place, parse_count, qualifier_of_number
from extract.matcher import Fragment
from extract.spans import trim_left
from schemas.record import EnterpriseCount

# 、和及与 between the categories of a 分别 list; a level that may stand for a whole category
# (国家级、省级专精特新企业); a count of places before a category (两市高新技术企业).
_JOINERS_ZH = cached_compile(r"[、和及与]")
_LEVEL_ZH = cached_compile(r"(?:国家级|国家|省级|省|市级|市|县级|区级|自治区级)(?:以上)?")
_COUNTED_PLACES_ZH = cached_compile(r"[两三四五六七八九十\d]{1,2}[市县区地家个]")


def respectively(ctx: Context, fragment: Fragment, stop: frozenset[str], after: int) -> list[EnterpriseCount]:
    """分别 lists, one count per entry in order. 宝鸡高新区、渭南高新区分别拥有高新技术企业736家和
    315家: per place named before. 高新技术企业和科技型中小企业分别达到520家和1300家 (the
    categories before 分别, as many as the numbers): per category, of the one subject."""
    doc = ctx.doc
    cat_start, cat_end = fragment.groups["category"]
    counts_start, counts_end = fragment.groups["counts"]
    parts = list(_one_count(ctx).finditer(doc.text, counts_start, counts_end))
    if "each" in fragment.groups:
        # (寿光市、诸城市入库数量分别为612家、538家，青州市、高密市入库企业均超过400家: the places
        # of the clause that says "each", not of the sentence.)
        # (English commas separate the places themselves: the sentence it is.)
        clause = ctx.list_clause_start(cat_start) if ctx.language == "zh" else 0
        places = [p for p in ctx.places.before(_trimmed(ctx, cat_start, cat_end, stop), 0)
                  if p.kind != "reference" and p.start >= max(after, clause)]
        parts = _each(fragment, parts, places)
    if len(parts) < 2:
        return []
    # 分别拥有高新技术企业628家、135家和87家，3家高新区…: a number after a comma may open the
    # next clause; it belongs to the list only if the places are as many as the numbers.
    named_before = sum(p.kind != "reference" for p in ctx.places.before(cat_start, 0))
    while len(parts) > 2 and named_before < len(parts) and "," in doc.text[parts[-2].end():parts[-1].start()]:
        parts.pop()
    categories = _split_categories(ctx, cat_start, cat_end, len(parts), stop) if cat_end <= counts_start else None
    if categories is not None:
        subject = ctx.subject_before(categories[0][1])
        entries = [(subject, category, begin) for category, begin in categories]
    else:
        begin = _trimmed(ctx, cat_start, cat_end, stop)
        # The places may stand inside the category's span (洛阳、新乡两市高新技术企业分别为…).
        places = [p for p in ctx.places.before(begin, 0) if p.kind != "reference"]
        # 省级专精特新企业数量较多的是赣州经开区、章贡区、南康区，分别为128家、96家、81家: the
        # places named between the category and its numbers.
        between = [p for p in ctx.places.in_sentence(fragment.sentence)
                   if p.kind != "reference" and cat_end <= p.start and p.end <= counts_start]
        places = between if len(between) == len(parts) else places
        if len(places) < len(parts) or begin >= cat_end:
            return []
        category = doc.value(begin, cat_end).strip()
        entries = [(place, category, begin) for place in places[-len(parts):]]
    out = []
    for (place, category, begin), part in zip(entries, parts):
        # Evidence: the category and this number (高新技术企业736家和315家 for the second).
        start, end = (begin, part.end()) if cat_end <= counts_start else (part.start(), cat_end)
        if "each" in fragment.groups and place is not None:
            start = min(start, place.start)  # 渭南、汉中、榆林孵化器数量均为9家: from the place on
        entry = _list_entry(ctx, fragment, part, place, category, start, end)
        if entry is not None:
            out.append(entry)
    return out


def respectively_elided(ctx: Context, fragment: Fragment, category: str, after: int) -> list[EnterpriseCount]:
    """One count per place named between the last count and 分别, in order, of `category`."""
    doc = ctx.doc
    parts = list(_one_count(ctx).finditer(doc.text, *fragment.groups["counts"]))
    places = [p for p in ctx.places.before(fragment.start, 0) if p.kind != "reference" and p.start >= after]
    parts = _each(fragment, parts, places)
    if len(parts) < 2 or len(places) != len(parts):
        return []
    entries = (_list_entry(ctx, fragment, part, place, category, place.start, part.end())
               for place, part in zip(places, parts))
    return [entry for entry in entries if entry is not None]


def _each(fragment: Fragment, parts: list[re.Match], places: list) -> list[re.Match]:
    """渭南、汉中、榆林孵化器数量均为9家 / 于都县、兴国县各有27家 / "Shapingba, Jiangjin and Banan
    each have more than 150": one number that each of the places has."""
    if "each" in fragment.groups and len(parts) == 1 and len(places) >= 2:
        return parts * len(places)
    return parts


def _list_entry(ctx: Context, fragment: Fragment, part: re.Match, place, category: str,
                start: int, end: int) -> EnterpriseCount | None:
    """One entry of a 分别 list: `part` is its number (with its qualifiers), [start, end) its
    evidence; None for a goal, an increase or an unreadable number."""
    count = parse_count(ctx.language, part.group("count"))
    if count is None or not category or ctx.is_target(start, end) or ctx.is_increase(start, part.start(), end):
        return None
    subject = ctx.places.resolve(place) if place is not None else None
    return EnterpriseCount(subject=ctx.value(subject), category=category, count=count,
                           qualifier=qualifier_of_number(ctx, part, fragment.groups.get("qualifier_before")),
                           evidence=ctx.doc.evidence(start, end))


def _one_count(ctx: Context):
    return ctx.ruleset.compile("{list_count}")


def _trimmed(ctx: Context, start: int, end: int, stop: frozenset[str]) -> int:
    """Where a category written before its numbers begins: after verbs, places and a count of
    places (洛阳、新乡两市高新技术企业 → 高新技术企业)."""
    trimmed = trim_left(ctx.doc, start, end, stop)
    begin = after_leading_place(ctx, end if trimmed is None else trimmed, end)
    counted = _COUNTED_PLACES_ZH.match(ctx.doc.text, begin, end) if ctx.language == "zh" else None
    return counted.end() if counted else begin


def _split_categories(ctx: Context, start: int, end: int, n: int, stop: frozenset[str]):
    """高新技术企业和科技型中小企业 / 国家级、省级专精特新企业 / 国家级和省级孵化器 before 分别: the
    last `n` categories joined by 、和及与, as (category, start); a bare level (国家级) takes the
    head of the last one. None unless there are `n` of them."""
    if ctx.language != "zh":
        return None
    text = ctx.doc.text
    joints = list(_JOINERS_ZH.finditer(text, start, end))
    if len(joints) < n - 1:
        return None
    joints = joints[len(joints) - (n - 1):]
    spans = list(zip([start] + [m.end() for m in joints], [m.start() for m in joints] + [end]))
    spans[0] = (_trimmed(ctx, *spans[0], stop), spans[0][1])
    if any(a >= b for a, b in spans):
        return None
    last_a, last_b = spans[-1]
    level = _LEVEL_ZH.match(text, last_a, last_b)
    head = text[level.end() if level else last_a:last_b]
    heads = ctx.words("count_heads")
    # 省级以上科技企业孵化器和众创空间: a level "and above" opening the list qualifies each entry.
    shared = _LEVEL_ZH.match(text, *spans[0])
    shared = ctx.doc.value(*shared.span()) if shared and shared.group().endswith("以上") else ""
    out = []
    for a, b in spans:
        words = text[a:b]
        if any(words.endswith(h) for h in heads):
            own_level = _LEVEL_ZH.match(text, a, b) is not None
            out.append(((shared if a != spans[0][0] and not own_level else "") + ctx.doc.value(a, b), a))
        elif level and _LEVEL_ZH.fullmatch(text, a, b):
            out.append((ctx.doc.value(a, b) + ctx.doc.value(last_b - len(head), last_b), a))
        else:
            return None
    return out
