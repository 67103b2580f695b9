"""English rankings: which entry a fragment belongs to when a sentence gives more than one
position ("12th nationally, 2nd in the province"), names the scope of a position ("In Fujian, it
came second") or restates the place of the entry just begun ("For Xiangyang High-tech Zone, it
was the third consecutive rise")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.matcher import Fragment
from extract.mentions import Place
from extract.ranking_subjects import shorthand

if TYPE_CHECKING:
    from extract.rankings import Entry

_SCOPE_INSIDE_EN = cached_compile(r"\b(?:province|region)(?:'s|’s)?\s+(?:the\s+)?$", re.I)
_LEAD_IN_EN = cached_compile(r"(?:^|[\s,;])(?:in|within|across)\s+(?:the\s+)?$", re.I)
_LEAD_REF_EN = cached_compile(r"(?:\s+(?:province|region))?\s*,?\s*(?:it|the\s+zone|the\s+park|the\s+city|the\s+county|the\s+district)\s", re.I)
# "…, 2nd in the province" / "…, province ranking second": a position within the province.
_SCOPE_AFTER_EN = cached_compile(r"\s*(?:place\s+|position\s+)?(?:in|within|among)\s+(?:the\s+|its\s+)?(?:province|region)\b", re.I)
_SCOPE_BEFORE_EN = cached_compile(r"(?:\bprovince|\bin\s+the\s+province,?(?:\s+it)?|\bprovincially,?)\s+$", re.I)


def scope_en(ctx: Context, own: Place, items: list[Entry], fragment: Fragment, values: dict) -> bool:
    """"Wuxi Zone took first place in Jiangsu, up from third": a division after "in", named
    after the entry begun in this sentence, is where the ranking is, not who moved."""
    if ctx.language != "en" or own.kind != "division" or "rank" in values:
        return False
    if not items or items[-1].sentence != fragment.sentence or own.start < items[-1].start:
        return False
    return ctx.doc.text[max(0, own.start - 7):own.start].lower().endswith(("in ", "in the "))


def scope_lead_en(ctx: Context, own: Place, fragment: Fragment) -> bool:
    """"In Fujian, it came second": a division after "in" that leads the clause, followed by
    "it" or "the zone" ranked, is the scope of the position, not the place ranked."""
    if ctx.language != "en" or own.kind != "division":
        return False
    text = ctx.doc.text
    if not _LEAD_IN_EN.search(text, max(0, own.start - 12), own.start):
        return False
    return _LEAD_REF_EN.match(text, own.end, fragment.start) is not None


def scoped_en(ctx: Context, items: list[Entry], subject: Optional[Place], fragment: Fragment,
               values: dict, lead: bool = False) -> bool:
    """A second position of a place ranked earlier in the sentence, said to be within the
    province ("ranks 12th nationally, 2nd in the province"): it is not a position in the
    ranking named for the first, nor the one that moved."""
    if ctx.language != "en" or subject is None or "rank" not in values or "rank" not in fragment.groups:
        return False
    name = ctx.value(subject).lower()
    if not any(fragment.sentence - 1 <= i.sentence <= fragment.sentence and i.subject is not None
               and not i.scoped and ctx.value(i.subject).lower() == name for i in items):
        return False
    text = ctx.doc.text
    if lead or _SCOPE_AFTER_EN.match(text, fragment.groups["rank"][1], fragment.end + 40):
        return True
    # "ranking the province fifth": the scope between the verb and the position.
    if _SCOPE_INSIDE_EN.search(text, fragment.start, fragment.groups["rank"][0]):
        return True
    return _SCOPE_BEFORE_EN.search(text, max(0, fragment.start - 25), fragment.start) is not None


def main_of_scoped(ctx: Context, items: list[Entry], own: Optional[Place], fragment: Fragment,
                    values: dict) -> Optional[Entry]:
    """The entry a move or a streak belongs to when it follows a province's position given
    after the main one in the same sentence: the main one."""
    if ctx.language != "en" or "rank" in values or not items:
        return None
    scoped = items[-1]
    if not scoped.scoped or scoped.sentence != fragment.sentence or scoped.subject is None:
        return None
    name = ctx.value(scoped.subject).lower()
    if own is not None and ctx.value(own).lower() != name:
        return None
    return next((i for i in reversed(items[:-1]) if i.sentence == fragment.sentence and not i.scoped
                 and i.subject is not None and ctx.value(i.subject).lower() == name and i.accepts(values)), None)


def twin(ctx: Context, items: list[Entry], own: Optional[Place], fragment: Fragment,
          values: dict) -> Optional[Entry]:
    """"For Xiangyang High-tech Zone, it was the third consecutive rise" just after its rank: the
    same place, in the same words, within a sentence of its entry adds to that entry."""
    if own is None or ctx.language != "en":
        return None
    name = ctx.value(own).lower()
    for item in reversed(items):
        if (item.subject is not None and fragment.sentence - 1 <= item.sentence <= fragment.sentence
                and (ctx.value(item.subject).lower() == name or shorthand(own, item.subject))
                and item.accepts(values)):
            return item
    return None
