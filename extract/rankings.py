"""Rankings: rank, move, streak and context fragments grouped into one item per subject."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extract.context import Context
from extract.matcher import Fragment
from extract.mentions import Place
from schemas.record import Ranking

_CONTEXT_GROUPS = ("ranking", "year", "total")
_LIST_ITEM = re.compile(r"\d+|[零〇一二两三四五六七八九十百]+|[a-z]+(?:-[a-z]+)?", re.I)
_NOT_NUMBERS = {"and", "th", "st", "nd", "rd", "places", "place", "spots", "positions", "position",
                "respectively", "ranked", "ranks", "ranking", "the", "of", "rose", "up", "by"}


@dataclass
class _Item:
    subject: Optional[Place]
    start: int
    end: int
    sentence: int
    values: dict = field(default_factory=dict)

    def accepts(self, values: dict) -> bool:
        return all(self.values.get(k) is None for k in values)


def _number(ctx: Context, text: str, ordinal: bool = False) -> Optional[int]:
    if ctx.language == "zh":
        from extract.numbers_zh import parse_number

        return parse_number(text)
    from extract.numbers_en import parse_number, parse_ordinal

    return parse_ordinal(text) if ordinal else parse_number(text)


def _numbers(ctx: Context, text: str) -> list[int]:
    values = []
    for token in _LIST_ITEM.findall(text):
        if token.lower() in _NOT_NUMBERS:
            continue
        value = _number(ctx, token, ordinal=True)
        if value is not None:
            values.append(value)
    return values


def _values(ctx: Context, fragment: Fragment) -> dict:
    doc = ctx.doc
    get = lambda g: fragment.text(doc, g)  # noqa: E731
    values: dict = {}
    if get("rank"):
        values["rank"] = _number(ctx, get("rank"), ordinal=True)
    if get("up"):
        values["change"] = _number(ctx, get("up"))
    if get("down"):
        down = _number(ctx, get("down"))
        values["change"] = None if down is None else -down
    if get("unchanged"):
        values["change"] = 0
    if get("from_rank") and get("to_rank"):
        before, after = _number(ctx, get("from_rank"), True), _number(ctx, get("to_rank"), True)
        if before is not None and after is not None:
            values["rank"], values["change"] = after, before - after
    if get("streak"):
        values["streak"] = _number(ctx, get("streak"), ordinal=True)
    return {k: v for k, v in values.items() if v is not None}


def _context(ctx: Context, fragment: Fragment) -> dict:
    doc = ctx.doc
    out: dict = {}
    if "ranking" in fragment.groups:
        out["ranking"] = doc.value(*fragment.groups["ranking"]).strip()
    if "year" in fragment.groups:
        out["year"] = int(fragment.text(doc, "year"))
    if "total" in fragment.groups:
        out["total"] = _number(ctx, fragment.text(doc, "total"))
    return {k: v for k, v in out.items() if v is not None}


def _same(a: Optional[Place], b: Optional[Place]) -> bool:
    return a is None or b is None or (a.start, a.end) == (b.start, b.end)


def build_rankings(ctx: Context, fragments: list[Fragment]) -> list[Ranking]:
    doc = ctx.doc
    items: list[_Item] = []
    context: list[tuple[Fragment, dict]] = []
    last_list: list[_Item] = []
    trigger = ctx.ruleset.triggers.get("ranking")
    for fragment in fragments:
        if all(g in _CONTEXT_GROUPS for g in fragment.groups):
            # A year or a ranking's name counts only in a sentence that speaks of rankings.
            start, end = ctx.doc.sentence_span(fragment.sentence)
            if trigger is None or trigger.search(ctx.doc.text, start, end):
                context.append((fragment, _context(ctx, fragment)))
            continue
        list_group = next((g for g in ("ranks", "ups", "downs") if g in fragment.groups), None)
        if list_group:
            last_list = _distribute(ctx, fragment, list_group, items, last_list)
            continue
        values = _values(ctx, fragment)
        if not values or (values == {"change": 0} and not _about_ranking(ctx, fragment)):
            continue
        own = ctx.subject_before(fragment.start, 0)  # a place named in the fragment's own sentence
        previous = items[-1] if items else None
        if previous is not None and own is None and previous.sentence >= fragment.sentence - 1:
            subject = previous.subject
        else:
            subject = own or ctx.subject_before(fragment.start, 2)
        if (previous is not None and _same(previous.subject, subject) and previous.accepts(values)
                and previous.sentence >= fragment.sentence - 1
                and (own is None or previous.sentence == fragment.sentence)):
            previous.values.update(values)
            previous.end = max(previous.end, fragment.end)
            previous.subject = previous.subject or subject
            continue
        start = fragment.start
        if own is not None and doc.sentence_of(own.start) == fragment.sentence:
            start = min(start, own.start)
        items.append(_Item(subject, start, fragment.end, fragment.sentence, values))
    return [_finish(ctx, item, context) for item in items]


def _about_ranking(ctx: Context, fragment: Fragment) -> bool:
    """A bare "unchanged" counts only in a sentence that speaks of a ranking."""
    start, end = ctx.doc.sentence_span(fragment.sentence)
    sentence = ctx.doc.text[start:end].lower()
    return any(word in sentence for word in ctx.words("ranking_words"))


def _distribute(ctx: Context, fragment: Fragment, group: str, items: list[_Item],
                last_list: list[_Item]) -> list[_Item]:
    """分别位列第17、37、66和88位 / "ranked 17th, 37th and 66th respectively": one value per
    subject, in order; the subjects are the places named just before, in the same sentence."""
    numbers = _numbers(ctx, fragment.text(ctx.doc, group) or "")
    if len(numbers) < 2:
        return last_list
    sentence_places = [p for p in ctx.places.before(fragment.start, 0) if p.kind != "reference"]
    if len(sentence_places) >= len(numbers):
        subjects = sentence_places[-len(numbers):]
        targets: list[Optional[_Item]] = [None] * len(numbers)
    elif len(last_list) == len(numbers):
        subjects = [item.subject for item in last_list]
        targets = list(last_list)
    else:
        return last_list
    key = {"ranks": "rank", "ups": "change", "downs": "change"}[group]
    sign = -1 if group == "downs" else 1
    out = []
    for subject, number, target in zip(subjects, numbers, targets):
        value = {key: number * sign if key == "change" else number}
        if target is None:
            target = next((i for i in last_list if _same(i.subject, subject) and i.accepts(value)), None)
        if target is not None and target.accepts(value):
            target.values.update(value)
            target.end = max(target.end, fragment.end)
        else:
            target = _Item(subject, subject.start if subject else fragment.start, fragment.end,
                           fragment.sentence, value)
            items.append(target)
        out.append(target)
    return out


def _finish(ctx: Context, item: _Item, context: list[tuple[Fragment, dict]]) -> Ranking:
    values = dict(item.values)
    # Context from the item's own sentence first, then from up to two sentences before.
    for distance in (0, 1, 2):
        for fragment, found in context:
            if fragment.sentence == item.sentence - distance:
                for key, value in found.items():
                    values.setdefault(key, value)
    return Ranking(subject=ctx.value(item.subject), evidence=ctx.doc.evidence(item.start, item.end),
                   **{k: values.get(k) for k in ("ranking", "year", "rank", "total", "change", "streak")})
