"""A normalized copy of the source text that remembers where each character came from.

Rules match on the normalized copy (NFKC: full-width digits and punctuation become ASCII;
Traditional characters become Simplified), while every offset reported to the user indexes
the original, untouched text. Normalization is done character by character so that each
normalized character maps back to exactly one original span.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from functools import lru_cache

from extract.compiled_regex import cached_compile

# Characters NFKC never changes in practice: ASCII and the CJK unified ideographs block.
# Only the others are looked at one by one, which keeps normalization linear and cheap.
_MAYBE_CHANGED = cached_compile(r"[^\x00-\x7f\u4e00-\u9fff]|\u4e28")
# 快讯丨… / 数说丨…: headlines part their tag from the title with the ideograph 丨, which no
# word uses; it reads as the bar "|" (what ｜ becomes) so no name runs over it.
_HEADLINE_BAR = "\u4e28"
# Pasted posts open list lines with emoji and dingbats (✅ 高新技术企业 687家, 🔸, ★, ■) where
# releases use "•": every such symbol reads as "•", so one bullet class serves all rules.
# Triangles (▲4 / ▼2 in tables) keep their meaning and are left alone; the circle ○ is the
# zero of dates typed by hand (二○二三年) and reads as 〇.
_BULLET_SYMBOL = cached_compile("[\u25a0-\u25b1\u25b4-\u25bb\u25be-\u25ca\u25cc-\u25ee\u25f0-\u25ff"
                                "\u2600-\u27bf\u2b50-\u2b55\U0001f000-\U0001faff]")
# Invisible joiners inside emoji sequences (❤️, 👨‍💻) fold to nothing.
_EMOJI_JOINERS = frozenset("\ufe0f\u200d")
_ZERO_CIRCLES = frozenset("○◯")
# "1,780 house" / "300 houses" / "4,000-plus house" (家): a counter word right after a number.
_HOUSE_UNIT = cached_compile(r"(?:(?<=\d )|(?<=\d-plus )|(?<=\d\+ )|(?<=\d more ))(?:houses?|homes)\b", re.I)


@lru_cache(maxsize=1)
def simplifier():
    """The Traditional→Simplified converter, created once per process."""
    import opencc  # lazy: only Chinese text needs it

    return opencc.OpenCC("t2s")


def _fold(char: str) -> str:
    """One character of the normalized copy.

    >>> _fold("２"), _fold("✅"), _fold("🔸"), _fold("○"), _fold("▲"), _fold("\ufe0f"), _fold("丨")
    ('2', '•', '•', '〇', '▲', '', '|')
    """
    if _BULLET_SYMBOL.match(char):
        return "•"
    if char in _EMOJI_JOINERS:
        return ""
    if char in _ZERO_CIRCLES:
        return "〇"
    if char == _HEADLINE_BAR:
        return "|"
    return unicodedata.normalize("NFKC", char)


class TextMap:
    """`text` is the normalized copy of `original`; `span()` maps offsets back.

    >>> m = TextMap("第７４位，平頂山")
    >>> m.text
    '第74位,平頂山'
    >>> m.span(1, 3)
    (1, 3)
    >>> TextMap("平頂山高新區", simplify=True).text
    '平顶山高新区'
    """

    __slots__ = ("original", "text", "_starts", "_ends", "simplified")

    def __init__(self, original: str, simplify: bool = False, machine_units: bool = False):
        self.original = original
        self._starts: array | None = None  # None means identity mapping
        self._ends: array | None = None
        self.simplified = False
        self.text = self._nfkc(original)
        if simplify:
            self._simplify()
        if machine_units:
            self._unify_units()

    @classmethod
    def for_language(cls, original: str, language: str) -> "TextMap":
        """The copy the rules of `language` match on: Chinese is simplified, English has its
        machine-translated counters unified."""
        return cls(original, simplify=(language == "zh"), machine_units=(language == "en"))

    def _unify_units(self) -> None:
        """Machine translation renders the counter 家 as "home(s)", "family" or "house"; the
        rules know "home", so "1,780 house" and "6,013 homes" read "… home" (mapped back).

        >>> m = TextMap("enterprises 1,780 houses.", machine_units=True)
        >>> m.text, m.span(12, 22)
        ('enterprises 1,780 home.', (12, 24))
        >>> TextMap("enterprise 6,013 homes, 2 homes", machine_units=True).text
        'enterprise 6,013 home, 2 home'
        """
        found = list(_HOUSE_UNIT.finditer(self.text))
        if not found:
            return
        n = len(self.text)
        starts = self._starts if self._starts is not None else array("l", range(n))
        ends = self._ends if self._ends is not None else array("l", range(1, n + 1))
        pieces, new_starts, new_ends, last = [], array("l"), array("l"), 0
        for match in found:
            i, j = match.span()
            pieces += [self.text[last:i], "home"]
            new_starts.extend(starts[last:i])
            new_ends.extend(ends[last:i])
            # Each letter of "home" stands for the whole word.
            new_starts.extend([starts[i]] * 4)
            new_ends.extend([ends[j - 1]] * 4)
            last = j
        pieces.append(self.text[last:])
        new_starts.extend(starts[last:])
        new_ends.extend(ends[last:])
        self.text = "".join(pieces)
        self._starts, self._ends = new_starts, new_ends

    def _nfkc(self, original: str) -> str:
        pieces: list[str] = []
        starts = ends = None
        last = 0
        for match in _MAYBE_CHANGED.finditer(original):
            char = match.group()
            folded = _fold(char)
            if folded == char:
                continue
            i = match.start()
            pieces.append(original[last:i])
            if len(folded) != 1 and starts is None:
                # A length change: from here on the mapping is not the identity.
                starts, ends = array("l", range(last)), array("l", range(1, last + 1))
            if starts is not None:
                starts.extend(range(last, i))
                ends.extend(range(last + 1, i + 1))
                starts.extend([i] * len(folded))
                ends.extend([i + 1] * len(folded))
            pieces.append(folded)
            last = i + 1
        if not pieces:
            return original
        pieces.append(original[last:])
        if starts is not None:
            starts.extend(range(last, len(original)))
            ends.extend(range(last + 1, len(original) + 1))
            self._starts, self._ends = starts, ends
        return "".join(pieces)

    def _simplify(self) -> None:
        converter = simplifier()
        converted = converter.convert(self.text)
        if len(converted) != len(self.text):
            # A phrase conversion changed the length; convert character by character so
            # that positions stay aligned with the map.
            converted = "".join(converter.convert(c) if len(converter.convert(c)) == 1 else c for c in self.text)
        self.simplified = converted != self.text
        self.text = converted

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for the normalized span [start, end)."""
        if self._starts is None:
            return start, end
        if end <= start:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]
