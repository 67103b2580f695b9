"""Canonical places: a place as written (平顶山高新区, 常熟, Changshu, "pingdingshan high-tech Zone",
江蘇) linked to its GB/T 2260 division, so records join across articles and languages.

A mention is read the way a person reads it: a known national zone gives the zone's division; a
chain of division names (江苏省苏州市常熟市) gives the most specific one; a zone not in the table
(平顶山国家高新区, "Luoyang National Hi-tech Zone") gives the division its name starts with.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable, Optional

from extract.compiled_regex import cached_compile
from extract.places import Division, Gazetteer, gazetteer
from schemas.record import Place, Record
from extract.ordering import longest_first

_MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
_LEVEL_DEPTH = {"province": 0, "city": 1, "county": 2, "district": 2}
# Words that qualify a zone without naming its place: 平顶山国家高新区, "Luoyang National Hi-tech Zone".
_ZH_QUALIFIERS = ("国家级", "国家", "省级")
_EN_QUALIFIERS = cached_compile(r"\b(?:national|state-level|provincial|china)\b\s*", re.I)
_EN_ALIASES = {"tibet": "xizang", "macau": "macao", "xian": "xi'an", "luan": "lu'an"}
_EN_GENITIVE = cached_compile(r"['’]s\b")


def _kind(suffix: str) -> str:
    """hitech / etdz / other: two zones of one city differ only by this."""
    lowered = suffix.lower()
    if "高新" in lowered or "tech" in lowered:
        return "hitech"
    if "经济" in lowered or "经开" in lowered or "econom" in lowered or lowered == "etdz":
        return "etdz"
    return "other"


class Linker:
    def __init__(self, gaz: Gazetteer, suffixes: Callable[[str], list[str]]):
        self.gaz = gaz
        self._suffixes = suffixes
        self._indexes: dict[str, tuple[list[str], dict]] = {}

    def _index(self, language: str) -> tuple[list[str], dict]:
        """Zone suffixes and zone names of one language, built on first use. The names map
        both a zone's written forms (str) and its (place, kind) key (tuple) to its adcode; ""
        marks a key shared by zones of different places."""
        if language not in self._indexes:
            suffixes = sorted((s.lower() for s in self._suffixes(language)), key=longest_first)
            self._indexes[language] = (suffixes, {})
            names = self._indexes[language][1]
            for name_zh, short_zh, _kind_name, adcode, name_en in self.gaz.zone_rows:
                forms = [name_zh, short_zh] if language == "zh" else [self._clean_en(name_en)]
                for name in filter(None, forms):
                    names.setdefault(name, adcode)
                    key = self._zone_key(name, language)
                    if key:
                        names.setdefault(key, adcode)
                        # 东莞松山湖高新区 is mostly written 松山湖高新区: the city may be left out.
                        city = self._city_name(adcode, language)
                        if city and key[0].startswith(city) and len(key[0]) > len(city) + 1:
                            short = (key[0][len(city):].strip(), key[1])
                            # 火炬高新区 is Xiamen's, Weihai's and Zhongshan's: no key for it.
                            names[short] = adcode if names.get(short, adcode) == adcode else ""
        return self._indexes[language]

    # -- zones --------------------------------------------------------------------------------
    def _city_name(self, adcode: str, language: str) -> str:
        division = self.gaz.by_code.get(adcode)
        city = division and (self.gaz.prefecture(division) or self.gaz.province(division))
        if not city:
            return ""
        return city.short_zh if language == "zh" else city.name_en.lower()

    def _zone_key(self, name: str, language: str) -> Optional[tuple[str, str]]:
        """(place, kind) of a zone name: 平顶山国家高新区 and 平顶山高新区 share one key."""
        suffixes = self._index(language)[0]
        if language == "zh":
            for suffix in suffixes:
                if name.endswith(suffix) and len(name) > len(suffix):
                    place = name[: -len(suffix)]
                    for qualifier in _ZH_QUALIFIERS:
                        place = place.removesuffix(qualifier)
                    return (place, _kind(suffix)) if place else None
            return None
        for suffix in suffixes:
            index = name.find(suffix)
            if index > 0 and (index + len(suffix) == len(name) or not name[index + len(suffix)].isalpha()):
                place = _EN_QUALIFIERS.sub("", name[:index]).strip(" -,")
                return (place, _kind(suffix)) if place else None
        return None

    def _zone(self, text: str, language: str) -> Optional[str]:
        names = self._index(language)[1]
        adcode = names.get(text)
        if adcode is None:
            key = self._zone_key(text, language)
            adcode = names.get(key) if key else None
        return adcode if adcode and adcode in self.gaz.by_code else None

    # -- divisions ----------------------------------------------------------------------------
    def _chain_zh(self, text: str) -> tuple[list[Division], list[int]]:
        """Division names read from the start of `text`, each inside the one before, and the
        offset where each of them ends."""
        chain: list[Division] = []
        ends: list[int] = []
        pos = 0
        while pos < len(text):
            found = self.gaz.prefix_zh(text, pos)
            if found is None:
                break
            length, division = found
            if chain and not self._within(division, chain[-1]):
                division = self._child_named(text[pos:pos + length], chain[-1]) or division
                if not self._within(division, chain[-1]):
                    break
            chain.append(division)
            pos += length
            ends.append(pos)
        return chain, ends

    def _within(self, division: Division, outer: Division) -> bool:
        d: Optional[Division] = division
        while d is not None:
            if d.parent == outer.adcode:
                return True
            d = self.gaz.by_code.get(d.parent or "")
        return False

    def _child_named(self, name: str, outer: Division) -> Optional[Division]:
        """鼓楼区 after 南京市: the one of several same-named divisions inside `outer`."""
        for candidate in self.gaz.zh.get(name, []):
            if self._within(candidate, outer):
                return candidate
        return None

    def _chain_en(self, words: list[str]) -> list[Division]:
        chain: list[Division] = []
        i = 0
        while i < len(words):
            for n in range(min(len(words) - i, self.gaz.max_en_words + 1), 0, -1):
                phrase = " ".join(words[i:i + n])
                division = self.gaz.lookup_en(_EN_ALIASES.get(phrase, phrase))
                if division is not None:
                    break
            else:
                break
            if chain and not self._within(division, chain[-1]):
                if not self._within(chain[-1], division):
                    break
                i += n  # "Changshu, Jiangsu": the outer name after the inner one adds nothing
                continue
            chain.append(division)
            i += n
        return chain

    @staticmethod
    def _clean_en(text: str) -> str:
        text = text.lower().replace("’", "'")
        text = _EN_GENITIVE.sub("", text)
        text = re.sub(r"[\s,()]+", " ", text).strip()
        return text.removeprefix("the ")

    # -- public -------------------------------------------------------------------------------
    def division_of(self, mention: str, language: str) -> Optional[Division]:
        if language == "zh":
            return self._division_zh(mention)
        return self._division_en(mention)

    def _division_zh(self, mention: str) -> Optional[Division]:
        from extract.textmap import simplifier

        text = simplifier().convert(unicodedata.normalize("NFKC", mention))
        text = re.sub(r"[\s()（）]", "", text)
        if not text:
            return None
        adcode = self._zone(text, "zh")
        chain, ends = self._chain_zh(text)
        # 河南省平顶山高新区: drop the outer names and try the zone itself.
        for end in ends:
            if adcode is not None:
                break
            adcode = self._zone(text[end:], "zh")
        if adcode is not None:
            return self._most_specific(adcode, chain)
        rest = text[ends[-1]:] if ends else text
        if chain and (not rest or not rest[0].isdigit()):
            return chain[-1]
        return None

    def _most_specific(self, zone_adcode: str, chain: list[Division]) -> Division:
        """A zone's division, or a county or district named inside the zone's city (more specific)."""
        zone_division = self.gaz.by_code[zone_adcode]
        if chain and self._within(chain[-1], zone_division):
            return chain[-1]
        return zone_division

    def _division_en(self, mention: str) -> Optional[Division]:
        text = self._clean_en(unicodedata.normalize("NFKC", mention))
        if not text:
            return None
        adcode = self._zone(text, "en")
        words = text.split()
        chain = self._chain_en(words)
        if adcode is not None:
            return self._most_specific(adcode, chain)
        if not chain and len(words) > 2:
            # "Zhongguancun (Liyang) Science and Technology Park": a division inside a zone's
            # name, when none opens it.
            chain = next((c for c in (self._chain_en(words[i:]) for i in range(1, len(words) - 1)) if c), [])
        return chain[-1] if chain else None

    def place(self, mention: Optional[str], language: str, text: str = "") -> Optional[Place]:
        """The place `mention` names; `text` (the article) tells which of city and province it
        states and which are inferred from the division's parents."""
        if not mention:
            return None
        division = self.division_of(mention, language)
        if division is None and language == "zh":
            division = self.shared_short_named(mention, text)
        if division is None:
            return None
        province = self.gaz.province(division)
        city = self.gaz.prefecture(division)
        if city is None and province is not None and province.adcode in _MUNICIPALITIES \
                and division.level != "province":
            city = province
        # What the article states: the mention itself, or the name written elsewhere in it.
        stated = f"{mention}\n{text}"
        inferred = []
        if city is not None and division is not city and not self._named(city, stated, language):
            inferred.append("city")
        if province is not None and division is not province and not self._named(province, stated, language):
            inferred.append("province")
        return Place(
            adcode=division.adcode, level=division.level, name_zh=division.name_zh,
            name_en=division.name_en,
            province_zh=province.name_zh if province else None,
            province_en=province.name_en if province else None,
            city_zh=city.name_zh if city else None, city_en=city.name_en if city else None,
            mention=mention, inferred=inferred,
        )

    def shared_short_named(self, mention: str, text: str) -> Optional[Division]:
        """象山 in an article that names 宁海 or 宁波: the 象山 of that prefecture (象山县), not
        Guilin's 象山区 (see Places._listed_short_forms_zh)."""
        candidates = [d for d in self.gaz.shared_short_zh.get(mention, ())
                      if any(self._named(other, text, "zh") for other in self.gaz.neighbours(d))]
        return candidates[0] if len(candidates) == 1 else None

    @staticmethod
    def _named(division: Division, text: str, language: str) -> bool:
        if not text:
            return False
        if language == "zh":
            return division.short_zh in text or division.name_zh in text
        return bool(division.name_en) and division.name_en.lower() in text.lower()


def _zone_suffixes(language: str) -> list[str]:
    from extract.rules import load_rules

    return sorted(load_rules(language).words.get("zone_suffixes", ()))


@lru_cache(maxsize=1)
def linker() -> Linker:
    return Linker(gazetteer(), _zone_suffixes)


def resolve_place(mention: str, language: str, text: str = "") -> Optional[Place]:
    """The administrative division a place mention names, or None.

    >>> resolve_place("平顶山高新区", "zh").adcode
    '410400'
    >>> resolve_place("Changshu", "en").city_zh
    '苏州市'
    >>> resolve_place("江苏", "zh").level
    'province'
    """
    return linker().place(mention, language, text)


def link_places(record: Record, text: str, given_names: Optional[dict[str, str]] = None) -> None:
    """Give every cluster, count and ranking of `record` its place, in place.

    A cluster's place comes from its city as written, else its core zone, else the place its
    name starts with, else its province; a count's and a ranking's from their subject. A name
    the article gave a zone (`given_names`: 泰达 for 天津经济技术开发区) links as that zone.
    """
    link = linker()
    language = record.language
    given = given_names or {}

    def place(mention: Optional[str]) -> Optional[Place]:
        found = link.place(given.get(mention, mention), language, text) if mention else None
        return found.model_copy(update={"mention": mention}) if found is not None and mention in given else found

    for cluster in record.clusters:
        for mention in (cluster.city, cluster.core_zone, cluster.name, cluster.province):
            cluster.place = place(mention)
            if cluster.place is not None:
                break
    for item in [*record.enterprise_counts, *record.rankings]:
        item.place = place(item.subject)
