"""Chinese ranking scopes: how many of a national ranking's entries one province has (江苏18家国家
高新区中 / 我省12家…中) is not that ranking's size when the positions are said to be national
(位列全国第5位)."""

from __future__ import annotations

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.matcher import Fragment
from extract.places import gazetteer

_NATIONAL_POSITION = cached_compile(r"全国(?:排名|排位|位次)?第")
_PROVINCE_OWN = ("全省", "我省", "本省")


def provincial_total(ctx: Context, fragment: Fragment) -> bool:
    """Whether a total fragment's number follows a province (江苏18家, 我省12家)."""
    start = fragment.groups["total"][0]
    before = ctx.doc.text[max(0, start - 6):start]
    if before.endswith(_PROVINCE_OWN):
        return True
    for width in range(2, min(5, len(before)) + 1):
        place = gazetteer().lookup_zh(before[-width:])
        if place is not None and place.level == "province":
            return True
    return False


def national_sentences(ctx: Context) -> set[int]:
    """The sentences that say a position is national (全国第5位, 全国排名第12)."""
    return {ctx.doc.sentence_of(m.start()) for m in _NATIONAL_POSITION.finditer(ctx.doc.text)}
