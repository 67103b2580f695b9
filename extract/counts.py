"""Enterprise counts: from fragments with `count` and `category` groups to records."""

from __future__ import annotations

import re

from extract.context import Context
from extract.matcher import Fragment
from extract.spans import trim_left
from schemas.record import EnterpriseCount

_QUALIFIERS = ("more_than", "at_least", "about", "nearly", "less_than")
_IN_PLACE_EN = re.compile(r"\s+(?:in|at)\s+")
_LEVEL_TAIL_EN = re.compile(r"\s+(?:at|above|at\s+or\s+above|at\s+and\s+above)\s+(?:the\s+)?[\w-]+"
                            r"(?:[\s-]+level)?(?:\s+(?:or|and)\s+(?:above|higher))?$", re.I)


def _parse(language: str, text: str) -> int | None:
    if language == "zh":
        from extract.numbers_zh import parse_number
    else:
        from extract.numbers_en import parse_number
    return parse_number(text)


def _qualifier(ctx: Context, fragment: Fragment) -> str:
    for group in ("qualifier_before", "qualifier_after"):
        text = fragment.text(ctx.doc, group)
        if not text:
            continue
        key = text.lower().strip()
        for qualifier in _QUALIFIERS:
            words = ctx.words(f"qualifier_{qualifier}")
            if key in words or any(w in key for w in words if len(w) > 1 or ctx.language == "zh"):
                return qualifier
    return "exact"


def _subject_between(ctx: Context, fragment: Fragment, cat_end: int):
    """English: "the number of high-tech enterprises in Shaanxi reached 12,000": a place
    between the category and the number is the count's."""
    count_start = fragment.groups["count"][0]
    if ctx.language != "en":
        return None
    if cat_end > count_start:
        # "There are 1,250 high-tech enterprises in Zhuhai High-tech Zone": the place right after.
        after = _IN_PLACE_EN.match(ctx.doc.text, fragment.end)
        if after is None:
            return None
        place = next((p for p in ctx.places.in_sentence(fragment.sentence) if p.start == after.end()), None)
        return ctx.places.resolve(place) if place is not None else None
    inside = [p for p in ctx.places.in_sentence(fragment.sentence)
              if cat_end <= p.start and p.end <= count_start and p.kind != "reference"]
    return inside[-1] if inside else None


def build_counts(ctx: Context, fragments: list[Fragment]) -> list[EnterpriseCount]:
    doc = ctx.doc
    # Conjunctions stay inside a category: 研发平台和创业载体, "small and medium-sized enterprises".
    stop = (ctx.words("category_stop_tokens") or ctx.words("stop_tokens")) - {"and", "of", "or", "-", "&"}
    stop -= ctx.words("category_keep_tokens")  # "national key laboratory": a name word, not a stop
    items: list[EnterpriseCount] = []
    sentences: list[int] = []
    seen: set[tuple] = set()
    for fragment in fragments:
        if "count" not in fragment.groups or "category" not in fragment.groups:
            continue
        cat_start, cat_end = fragment.groups["category"]
        if cat_start < fragment.groups["count"][0]:
            # Category before the number: where it begins is not fixed by the pattern.
            # "r&d platforms above the provincial level 87": the walk back starts before the
            # level phrase, whose "the" would otherwise end it.
            tail = _LEVEL_TAIL_EN.search(doc.text, cat_start, cat_end) if ctx.language == "en" else None
            trimmed = trim_left(doc, cat_start, tail.start() if tail else cat_end, stop)
            if trimmed is None:
                continue
            cat_start = trimmed
        cat_start = _after_leading_place(ctx, cat_start, cat_end)
        count = _parse(ctx.language, fragment.text(doc, "count") or "")
        if count is None:
            continue
        others = [fragment.groups[g] for g in ("count", "qualifier_before", "qualifier_after")
                  if g in fragment.groups]
        start = min([cat_start] + [s for s, _ in others])
        end = max([cat_end] + [e for _, e in others])
        if ctx.is_target(start, end):
            continue
        if "subject" in fragment.groups:
            subject = doc.value(*fragment.groups["subject"])
        else:
            subject = ctx.value(_subject_between(ctx, fragment, cat_end) or ctx.subject_before(start))
        category = doc.value(cat_start, cat_end).strip()
        key = (subject, category, count, start)
        if key in seen:
            continue
        seen.add(key)
        items.append(EnterpriseCount(subject=subject, category=category, count=count,
                                     qualifier=_qualifier(ctx, fragment),
                                     evidence=doc.evidence(start, end)))
        sentences.append(fragment.sentence)
    return _without_restatements(items, sentences)


def _after_leading_place(ctx: Context, cat_start: int, cat_end: int) -> int:
    """辽宁省高新技术企业达到1.2万家: the place opening the category is its subject, not part of
    what is counted."""
    for place in ctx.places.in_sentence(ctx.doc.sentence_of(cat_start)):
        if place.start == cat_start and place.kind != "reference" and place.end < cat_end - 1:
            end = place.end
            while ctx.doc.text[end:end + 1] in ("的", " "):
                end += 1
            return end
    return cat_start


def _without_restatements(items: list[EnterpriseCount], sentences: list[int]) -> list[EnterpriseCount]:
    """A headline repeating a count of the body (科技型中小企业6.5万余家), or the body stating
    the same count of the same subject twice, gives one item: the body's first."""
    in_body = {(item.count, item.category) for item, sentence in zip(items, sentences) if sentence > 0}
    subjects_kept: dict[tuple[int, str], set] = {}
    kept = []
    for item, sentence in zip(items, sentences):
        key = (item.count, item.category)
        if sentence == 0 and key in in_body:
            continue
        if item.subject in subjects_kept.setdefault(key, set()):
            continue
        subjects_kept[key].add(item.subject)
        kept.append(item)
    return kept
