"""Where places are named in an article: zones (平顶山高新区, Zhengzhou High-tech Zone), divisions
(平顶山市, Changshu) and references back to them (该区, 全市, "the zone", "it").

Counts and rankings take their subject from here; clusters take their city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.document import Document
from extract.places import Division, gazetteer
from extract.rules import RuleSet

_CJK_WORD = re.compile(r"[\u4e00-\u9fff]")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _plural(text: str, zone: re.Match) -> bool:
    """"Zhengzhou and Luoyang high-tech zones": a suffix shared by several names, not one's."""
    return text[zone.end():zone.end() + 1].lower() == "s"


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    kind: str  # zone | division | reference
    division: Optional[Division] = None


class Places:
    """Place mentions of a document, found sentence by sentence on demand."""

    def __init__(self, doc: Document, ruleset: RuleSet):
        self.doc = doc
        self.ruleset = ruleset
        self._by_sentence: dict[int, list[Place]] = {}
        words = ruleset.words
        self._stop = words.get("stop_tokens", frozenset())
        self._not_places = words.get("not_place_names", frozenset())
        self._references = words.get("place_references", frozenset())
        self._zone = ruleset.compile("{zone_suffixes}") if "zone_suffixes" in ruleset.macros else None
        self._reference = ruleset.compile("{place_references}") if self._references else None

    def in_sentence(self, index: int) -> list[Place]:
        if index not in self._by_sentence:
            find = self._find_zh if self.doc.language == "zh" else self._find_en
            self._by_sentence[index] = sorted(find(index), key=lambda p: p.start)
        return self._by_sentence[index]

    def before(self, pos: int, sentences_back: int = 0) -> list[Place]:
        """Mentions that end at or before `pos`, nearest last, looking back `sentences_back`
        sentences beyond the one holding `pos`."""
        current = self.doc.sentence_of(pos)
        found: list[Place] = []
        for index in range(max(0, current - sentences_back), current + 1):
            found.extend(p for p in self.in_sentence(index) if p.end <= pos)
        return found

    def resolve(self, place: Place, limit: int = 6) -> Optional[Place]:
        """A reference (该区, "it") resolved to the nearest earlier named place."""
        if place.kind != "reference":
            return place
        for earlier in reversed(self.before(place.start, limit)):
            if earlier.kind != "reference":
                return earlier
        return None

    # -- Chinese ------------------------------------------------------------------------------
    def _find_zh(self, index: int) -> list[Place]:
        doc, text = self.doc, self.doc.text
        start, end = doc.sentence_span(index)
        places: list[Place] = []
        taken = [False] * (end - start)
        if self._zone is not None:
            for match in self._zone.finditer(text, start, end):
                name_start = self._zone_name_start_zh(index, match.start())
                if name_start is None:
                    continue
                prefix = text[name_start:match.start()]
                if prefix in self._not_places:
                    continue
                division = self._division_in(prefix)
                places.append(Place(name_start, match.end(), "zone", division))
                for i in range(name_start, match.end()):
                    taken[i - start] = True
        g = gazetteer()
        boundaries = None
        i = start
        while i < end:
            if taken[i - start] or not _CJK_WORD.match(text[i]):
                i += 1
                continue
            hit = g.prefix_zh(text, i, end)
            if hit is None:
                i += 1
                continue
            length, division = hit
            name = text[i:i + length]
            if boundaries is None:
                boundaries = {a for a, _ in doc.token_bounds(index)} | {b for _, b in doc.token_bounds(index)}
            if name in self._not_places or i not in boundaries or (i + length) not in boundaries:
                i += 1
                continue
            stop = i + length
            for suffix in ("市", "省", "县", "区"):
                if text.startswith(suffix, stop) and not name.endswith(suffix):
                    stop += 1
                    break
            places.append(Place(i, stop, "division", division))
            i = stop
        if self._reference is not None:
            for match in self._reference.finditer(text, start, end):
                if not any(p.start <= match.start() < p.end for p in places):
                    places.append(Place(match.start(), match.end(), "reference"))
        return places

    def _zone_name_start_zh(self, index: int, suffix_start: int) -> Optional[int]:
        """Where the name before a zone suffix begins: up to four tokens back, stopping at
        punctuation, digits and function words."""
        tokens = [t for t in self.doc.token_bounds(index) if t[1] <= suffix_start]
        text = self.doc.text
        name_start = None
        for a, b in reversed(tokens[-4:]):
            word = text[a:b]
            if b != (name_start if name_start is not None else suffix_start):
                # A token that straddles the suffix start: the suffix split a word.
                break
            if word in self._stop or not all(_CJK_WORD.match(c) for c in word):
                break
            name_start = a
        if name_start is None:
            return None
        return name_start

    def _division_in(self, name: str) -> Optional[Division]:
        g = gazetteer()
        for i in range(len(name)):
            hit = g.prefix_zh(name, i)
            if hit:
                return hit[1]
        return None

    # -- English ------------------------------------------------------------------------------
    def _find_en(self, index: int) -> list[Place]:
        doc, text = self.doc, self.doc.text
        start, end = doc.sentence_span(index)
        g = gazetteer()
        words = list(_EN_WORD.finditer(text, start, end))
        places: list[Place] = []
        zones = list(self._zone.finditer(text, start, end)) if self._zone is not None else []
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(g.max_en_words, len(words) - i), 0, -1):
                chunk = words[i:i + n]
                if any(chunk[k + 1].start() - chunk[k].end() > 1 for k in range(n - 1)):
                    continue
                name = text[chunk[0].start():chunk[-1].end()]
                if name.lower() in self._not_places:
                    continue
                division = g.lookup_en(name)
                if division is not None:
                    hit = (n, division)
                    break
            if hit is None:
                i += 1
                continue
            n, division = hit
            name_start, name_end = words[i].start(), words[i + n - 1].end()
            stop = name_end
            kind = "division"
            for zone in zones:
                if _plural(text, zone):
                    continue
                if 0 <= zone.start() - name_end <= 1 or re.fullmatch(r"[\s-]*(?:national\s+)?", text[name_end:zone.start()], re.I):
                    if zone.start() >= name_end:
                        stop, kind = zone.end(), "zone"
                        break
            if kind == "division":
                suffix = re.match(r"\s+(city|province|district|county|municipality)\b", text[stop:end], re.I)
                if suffix:
                    stop += suffix.end()
            places.append(Place(name_start, stop, kind, division))
            while i < len(words) and words[i].start() < stop:
                i += 1
        # Zones whose name is not a division (East Lake High-tech Zone): capitalised words.
        for zone in zones:
            if _plural(text, zone):
                continue
            if any(p.start <= zone.start() < p.end or 0 <= zone.start() - p.end <= 1 for p in places):
                continue
            before = text[max(start, zone.start() - 60):zone.start()]
            named = re.search(r"((?:[A-Z][A-Za-z'’-]*\s+){1,3})$", before)
            if named and named.group(1).split()[0].lower() not in self._stop:
                places.append(Place(zone.start() - len(named.group(1)), zone.end(), "zone"))
        if self._reference is not None:
            for match in self._reference.finditer(text, start, end):
                if not any(p.start <= match.start() < p.end for p in places):
                    places.append(Place(match.start(), match.end(), "reference"))
        return places
