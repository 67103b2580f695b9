"""Enterprise counts: from fragments with `count` and `category` groups to records."""

from __future__ import annotations

from extract.context import Context
from extract.matcher import Fragment
from extract.spans import trim_left
from schemas.record import EnterpriseCount

_QUALIFIERS = ("more_than", "at_least", "about", "nearly", "less_than")


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


def build_counts(ctx: Context, fragments: list[Fragment]) -> list[EnterpriseCount]:
    doc = ctx.doc
    # Conjunctions stay inside a category: 研发平台和创业载体, "small and medium-sized enterprises".
    stop = (ctx.words("category_stop_tokens") or ctx.words("stop_tokens")) - {"and", "of", "or", "-", "&"}
    items: list[EnterpriseCount] = []
    seen: set[tuple] = set()
    for fragment in fragments:
        if "count" not in fragment.groups or "category" not in fragment.groups:
            continue
        cat_start, cat_end = fragment.groups["category"]
        if cat_start < fragment.groups["count"][0]:
            # Category before the number: where it begins is not fixed by the pattern.
            trimmed = trim_left(doc, cat_start, cat_end, stop)
            if trimmed is None:
                continue
            cat_start = trimmed
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
            subject = ctx.value(ctx.subject_before(start))
        category = doc.value(cat_start, cat_end).strip()
        key = (subject, category, count, start)
        if key in seen:
            continue
        seen.add(key)
        items.append(EnterpriseCount(subject=subject, category=category, count=count,
                                     qualifier=_qualifier(ctx, fragment),
                                     evidence=doc.evidence(start, end)))
    return items
