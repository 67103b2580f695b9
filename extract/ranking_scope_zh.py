"""Chinese ranking scopes: how many of a national ranking's entries one province has (江苏18家国家
高新区中 / 我省12家…中) is not that ranking's size when the positions are said to be national
(位列全国第5位)."""

from __future__ import annotations

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.matcher import Fragment

_NATIONAL_POSITION = cached_compile(r"全国(?:排名|排位|位次)?第")
_PROVINCE_OWN = ("全省", "我省", "本省")  # the province the article speaks from


def provincial_total(ctx: Context, fragment: Fragment) -> bool:
    """Whether a total fragment's number follows a province (江苏18家, 我省12家)."""
    start = fragment.groups["total"][0]
    if ctx.doc.text[max(0, start - 2):start] in _PROVINCE_OWN:
        return True
    last = next(reversed(ctx.places.before(start, 0)), None)
    return (last is not None and last.end == start and last.division is not None
            and last.division.level == "province")


def national_sentences(ctx: Context) -> set[int]:
    """The sentences that say a position is national (全国第5位, 全国排名第12)."""
    return {ctx.doc.sentence_of(m.start()) for m in _NATIONAL_POSITION.finditer(ctx.doc.text)}
