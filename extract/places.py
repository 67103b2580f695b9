"""China's administrative divisions and national zones, from the data files in rules/places/.

Used to recognise place names in both languages (平顶山, 平顶山市, Pingdingshan) and to tell a
county-level city from its prefecture. Lookups are dictionary probes over short windows, not one
huge regular expression, so they stay fast on long texts.
"""

from __future__ import annotations

import csv
import re
from functools import cached_property, lru_cache
from typing import NamedTuple, Optional

from extract.rules import RULES_DIR

PLACES_DIR = RULES_DIR / "places"
# An English suffix says which level is meant when a name is shared (Jilin City, Jilin Province).
_EN_SUFFIXES = ((" city", ("city", "county")), (" province", ("province",)),
                (" district", ("district",)), (" county", ("county",)),
                (" municipality", ("province",)), (" new area", ("district",)),
                (" autonomous region", ("province",)), (" prefecture", ("city",)), (" banner", ("county",)),
                (" league", ("city",)))
_ZH_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "地区", "新区", "市", "省", "县", "区", "盟", "旗")


class Division(NamedTuple):
    """One GB/T 2260 division (a tuple: three thousand of them are built on every run)."""

    adcode: str
    level: str  # province | city | county | district
    name_zh: str
    short_zh: str
    name_en: str
    parent: Optional[str]

    @property
    def province_proper(self) -> bool:
        """A province or autonomous region, not a municipality (重庆市) or a special region."""
        return self.level == "province" and self.name_zh.endswith(("省", "自治区"))


class Gazetteer:
    def __init__(self, divisions: list[Division], zones: list[tuple[str, str, str, str, str]]):
        self.divisions = divisions
        self.by_code = {d.adcode: d for d in divisions}
        self.zh: dict[str, list[Division]] = {}
        for d in divisions:
            for name in {d.name_zh, d.short_zh}:
                if len(name) >= 2:
                    self.zh.setdefault(name, []).append(d)
        _prefer_higher_level(self.zh)
        # Short forms that two or more county-level units share (象山县 in Ningbo, 象山区 in
        # Guilin): the table keeps their full names, so 象山 alone names neither; a list may
        # still write it beside a neighbour (宁海、象山), see Places._listed_short_forms_zh.
        derived: dict[str, list[Division]] = {}
        for d in divisions:
            if (d.level in ("county", "district") and d.short_zh == d.name_zh and len(d.name_zh) >= 3
                    and d.name_zh[-1] in "县市区旗"):
                derived.setdefault(d.name_zh[:-1], []).append(d)
        self.shared_short_zh = {name: found for name, found in derived.items()
                                if len(found) > 1 and name not in self.zh}
        self.zone_rows = zones
        self.zones_zh = {}
        for name_zh, short_zh, kind, adcode, name_en in zones:
            for name in (name_zh, short_zh):
                if name:
                    self.zones_zh[name] = adcode
        # Lengths of the zones' names, longest first: a known name ending where a zone suffix
        # ends is found by a few probes (准东经开区 though jieba cuts 以准/东/经开区).
        self.zone_name_lengths = sorted({len(n) for n in self.zones_zh}, reverse=True)
        self.max_zh = max((len(n) for n in self.zh), default=0)
        # Longest name per two-character opening: most positions in a text open no name at all.
        self.longest_from: dict[str, int] = {}
        for name in self.zh:
            self.longest_from[name[:2]] = max(self.longest_from.get(name[:2], 0), len(name))
        self._en_memo: dict[str, Optional[Division]] = {}

    # The English tables are built on first use: a Chinese run never needs them, and a
    # one-article run pays for every table it builds.
    @cached_property
    def en(self) -> dict[str, list[Division]]:
        table: dict[str, list[Division]] = {}
        for d in self.divisions:
            if d.name_en:
                name = d.name_en.lower().replace("’", "'")
                # Lüliang is written Lyuliang or Lvliang as often (not Luliang: that is 陆良).
                for spelling in {name, name.replace("ü", "yu"), name.replace("ü", "v")}:
                    table.setdefault(spelling, []).append(d)
                # 曹县 is "Caoxian" in the tables and "Cao county" in the press (沛县 Pei county).
                if d.level == "county" and len(d.name_zh) == 2 and d.name_zh.endswith("县") \
                        and name.endswith("xian") and len(name) > 4:
                    table.setdefault(name[:-4] + " county", []).append(d)
        _prefer_higher_level(table)
        return table

    @cached_property
    def en_first_words(self) -> set[str]:
        """Most words of an English text begin no place name: one set probe rules them out.
        (Also the first run of letters: "Xi'an" is read as the words "Xi" and "an".)"""
        return {name.split(" ")[0] for name in self.en} | {
            re.match(r"[a-z]*", name).group() for name in self.en}

    @cached_property
    def max_en_words(self) -> int:
        return max((n.count(" ") + 1 for n in self.en), default=0)

    def zone_ending_at(self, text: str, end: int, floor: int) -> Optional[int]:
        """Start of the longest national zone's name (full or short) that ends at `end`."""
        for length in self.zone_name_lengths:
            if end - length >= floor and text[end - length:end] in self.zones_zh:
                return end - length
        return None

    def lookup_zh(self, name: str) -> Optional[Division]:
        found = self.zh.get(name)
        if not found:
            for suffix in _ZH_SUFFIXES:
                if name.endswith(suffix) and len(name) > len(suffix) + 1:
                    found = self.zh.get(name[: -len(suffix)])
                    if found:
                        break
        return found[0] if found else None

    def lookup_en(self, name: str) -> Optional[Division]:
        if name not in self._en_memo:
            self._en_memo[name] = self._lookup_en(name)
        return self._en_memo[name]

    def _lookup_en(self, name: str) -> Optional[Division]:
        key = " ".join(name.lower().replace("’", "'").split())
        levels: tuple[str, ...] = ()
        for suffix, levels in _EN_SUFFIXES:
            if key.endswith(suffix) and key[: -len(suffix)] in self.en:
                key = key[: -len(suffix)]
                break
        else:
            levels = ()
        found = self.en.get(key) or []
        # "Jilin City" is the city, not the province; "Binhai New Area" the district.
        preferred = [d for d in found if d.level in levels]
        return (preferred or found or [None])[0]

    def prefix_zh(self, text: str, start: int, end: int | None = None) -> Optional[tuple[int, Division]]:
        """Longest known place name starting at `start` (and ending by `end`): (length, division)."""
        longest = self.longest_from.get(text[start:start + 2], 0)
        limit = min(longest, (end if end is not None else len(text)) - start)
        for length in range(limit, 1, -1):
            found = self.zh.get(text[start:start + length])
            if found:
                return length, found[0]
        return None

    def prefecture(self, division: Division) -> Optional[Division]:
        """The prefecture-level city a county or district belongs to (itself for a city)."""
        d: Optional[Division] = division
        while d is not None and d.level in ("county", "district"):
            d = self.by_code.get(d.parent or "")
        return d if d is not None and d.level == "city" else None

    def neighbours(self, division: Division) -> list[Division]:
        """The division's parent and the other divisions under it."""
        if not hasattr(self, "_children"):
            self._children: dict[str, list[Division]] = {}
            for d in self.by_code.values():
                self._children.setdefault(d.parent or "", []).append(d)
        parent = self.by_code.get(division.parent or "")
        siblings = [d for d in self._children.get(division.parent or "", []) if d is not division]
        return ([parent] if parent else []) + siblings

    def province(self, division: Division) -> Optional[Division]:
        d: Optional[Division] = division
        while d is not None and d.level != "province":
            d = self.by_code.get(d.parent or "")
        return d


def _prefer_higher_level(table: dict[str, list[Division]]) -> None:
    """When a name is shared, the higher level comes first (吉林 the province over the city)."""
    order = {"province": 0, "city": 1, "county": 2, "district": 3}
    for found in table.values():
        if len(found) > 1:
            found.sort(key=lambda d: order.get(d.level, 9))


def _rows(name: str) -> list[dict]:
    path = PLACES_DIR / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _tables() -> tuple[list, list]:
    divisions = [(r["adcode"], r["level"], r["name_zh"], r.get("short_zh") or r["name_zh"],
                  r.get("name_en") or "", r.get("parent_adcode") or None) for r in _rows("divisions.tsv")]
    zones = [(r.get("name_zh", ""), r.get("short_zh", ""), r.get("kind", ""), r.get("adcode", ""),
              r.get("name_en", "")) for r in _rows("zones.tsv")]
    return divisions, zones


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    from extract.cache import cached, key_of

    files = [PLACES_DIR / "divisions.tsv", PLACES_DIR / "zones.tsv"]
    divisions, zones = cached(key_of("places", files), _tables)
    return Gazetteer([Division(*row) for row in divisions], [tuple(row) for row in zones])
