"""The city a cluster belongs to, as the article writes it (平顶山, Pingdingshan): from the
place its name begins with, its possessor, the one city of its sentence, or its core zone."""

from __future__ import annotations

import re
from typing import Optional

from extract import clusters_en, clusters_zh
from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.linking import linker
from extract.mentions import Place
from extract.places import gazetteer


class ClusterCities:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.doc = ctx.doc

    def city_of(self, start: int, end: int, city_text: Optional[str] = None,
                core_zone: Optional[tuple[int, int]] = None) -> Optional[str]:
        """The city of the cluster named at text[start:end], as the article writes it."""
        if city_text:
            return _strip_city_suffix(city_text, self.ctx.language)
        g = gazetteer()
        text = self.doc.text
        if self._several_cities(start, end):
            return None
        if self.ctx.language == "zh":
            at = start
            hit = g.prefix_zh(text, at, end)
            if hit and hit[1].level == "province":
                # 湖南省长沙市工程机械集群: the city follows the province.
                after = at + hit[0] + (1 if text[at + hit[0]:at + hit[0] + 1] == "省" else 0)
                inner = g.prefix_zh(text, after, end)
                if inner:
                    at, hit = after, inner
            # (松山湖集成电路产业集群: 松山 is a district of Chifeng only as a word of its own; 石龙镇
            # is a town, not 石龙区.)
            if hit and self._word_ends_at(at + hit[0]) and not _TOWN_AFTER_ZH.match(text, at + hit[0]):
                length, division = hit
                return self._prefecture_as_written(division, self.doc.value(at, at + length))
            owner = self._possessor_zh(start)
            if owner is not None:
                return self._prefecture_as_written(owner.division, self._name_of(owner))
            shared = self._shared_short_zh(start)
            if shared is not None:
                return shared
            if _TOWN_NAME_ZH.match(text, start):
                # 虎门镇服装服饰产业集群 in a list of a city's clusters: the town's city is the one the
                # article last named (towns are not in the division table).
                city = self._last_city_zh(start)
                if city is not None:
                    return city
        else:
            # The place the name begins with, else its possessor ("Shenzhen's new-generation
            # information cluster"); a province is no city ("Jiangxi's Nanchang aviation cluster"),
            # though a municipality is (Chongqing, Shanghai).
            in_sentence = self.ctx.places.in_sentence(self.doc.sentence_of(start))
            places = [p for p in in_sentence if p.division is not None and not p.division.province_proper]
            owners = [p for p in places if re.fullmatch(r"['’]s\s+", text[p.end:start])]
            opening = start
            # "Shaanxi province Baoji city Chencang district … cluster": the city follows the province.
            province = next((p for p in in_sentence if p.start == start and p.division is not None
                             and p.division.province_proper), None)
            if province is not None:
                after = _PROVINCE_WORD_EN.match(text, province.end)
                opening = after.end() if after else province.end
            for place in [p for p in places if p.start == opening] + owners:
                return self._prefecture_as_written(place.division, self._name_of(place))
        # The single city named in the same sentence, outside cluster names.
        sentence = self.doc.sentence_of(start)
        cities = {self._name_of(p): p for p in self.ctx.places.in_sentence(sentence)
                  if p.kind == "division" and p.division is not None
                  and p.division.level in ("city", "county", "district")}
        if len(cities) == 1:
            place = next(iter(cities.values()))
            return self._prefecture_as_written(place.division, self._name_of(place))
        if self.ctx.language == "zh" and core_zone:
            return self._city_of_zone_zh(*core_zone)
        if self.ctx.language == "en":
            found = clusters_en.article_city(self.doc, self.ctx.places.in_sentence, start)
            return self._prefecture_as_written(*found) if found else None
        return None

    def _several_cities(self, start: int, end: int) -> bool:
        """成德高端能源装备集群, "Guangzhou-Shenzhen-Foshan-Dongguan intelligent equipment cluster": a
        cluster led by several cities (written together, or joined by hyphens) is no one city's."""
        text = self.doc.text
        if self.ctx.language == "zh":
            return any(text.startswith(name, start) for name in self.ctx.words("multi_city_names"))
        joined = _JOINED_NAMES_EN.match(text, start, end)
        # (Municipalities and provinces count: "Chengdu-Chongqing", "Beijing-Tianjin-Hebei"; a part
        # the table lacks, Ningdong, does not stop the others counting.)
        return joined is not None and sum(
            gazetteer().lookup_en(part) is not None for part in re.split(r"[-–]", joined.group())) >= 2

    def _last_city_zh(self, at: int) -> Optional[str]:
        city = None
        for index in range(self.doc.sentence_of(at) + 1):
            for place in self.ctx.places.in_sentence(index):
                if place.start < at and place.kind == "division" and place.division is not None \
                        and place.division.level == "city":
                    city = _strip_city_suffix(self._name_of(place), "zh")
        return city

    def _shared_short_zh(self, start: int) -> Optional[str]:
        """清河羊绒制品产业集群 in an article naming 邢台: a short name several counties share (清河县
        of Xingtai, 清河区 of Huai'an) is the one the article names a neighbour of (the linker's
        rule for such names)."""
        for length in (3, 2):
            name = self.doc.text[start:start + length]
            division = linker().shared_short_named(name, self.doc.text)
            if division is not None and self._word_ends_at(start + length):
                return self._prefecture_as_written(division, name)
        return None

    def _possessor_zh(self, start: int) -> Optional[Place]:
        places = self.ctx.places.in_sentence(self.doc.sentence_of(start))
        return clusters_zh.possessor(self.doc, places, start)

    def _city_of_zone_zh(self, start: int, end: int) -> Optional[str]:
        """A cluster named without a place takes the city of its core zone (合肥高新区 → 合肥)."""
        found = clusters_zh.city_of_zone(self.doc.text, start, end)
        return None if found is None else self._prefecture_as_written(found[2], self.doc.value(found[0], found[1]))

    def _name_of(self, place: Place) -> str:
        written = self.doc.value(place.start, place.end)
        if place.division is not None and written in self.ctx.places.given_names():
            # (CDHT integrated circuit industry cluster, 泰达新能源汽车产业集群: a zone's given
            # name says no city; its division does.)
            division = place.division
            return (division.name_en if self.ctx.language == "en" else division.short_zh) or written
        return _strip_city_suffix(written, self.ctx.language)

    def _prefecture_as_written(self, division, written: str) -> str:
        """A county-level place gives way to its prefecture when the article names that too."""
        written = _strip_city_suffix(written, self.ctx.language)
        prefecture = gazetteer().prefecture(division)
        if prefecture is None or prefecture.adcode == division.adcode:
            return written
        names = [prefecture.short_zh, prefecture.name_zh] if self.ctx.language == "zh" else [prefecture.name_en]
        lowered = self.doc.text.lower() if self.ctx.language == "en" else self.doc.text
        for name in names:
            if not name:
                continue
            i = lowered.find(name.lower() if self.ctx.language == "en" else name)
            # English: "suzhou high-tech zone" names a zone, not the city the cluster is in.
            while i >= 0 and self.ctx.language == "en" and self._zone_name_at(i + len(name)):
                i = lowered.find(name.lower(), i + len(name))
            # 长沙县 names a county, not the city 长沙 its name begins with.
            while i >= 0 and self.ctx.language == "zh" and self._longer_division_at(i, name, prefecture):
                i = lowered.find(name, i + len(name))
            if i >= 0:
                return self.doc.value(i, i + len(name))
        return written

    def _word_ends_at(self, pos: int) -> bool:
        if self.doc.text[pos:pos + 1] in ("市", "省", "县", "区"):
            return True
        return any(end == pos for _, end in self.doc.tokens_near(pos - 1, pos))

    def _longer_division_at(self, at: int, name: str, prefecture) -> bool:
        hit = gazetteer().prefix_zh(self.doc.text, at)
        return hit is not None and hit[0] > len(name) and hit[1].adcode != prefecture.adcode

    def _zone_name_at(self, pos: int) -> bool:
        if "zone_suffixes" not in self.ctx.ruleset.macros:
            return False
        if not hasattr(self, "_zone_after"):
            self._zone_after = self.ctx.ruleset.compile(r"\s+(?:national\s+)?{zone_suffixes}")
        return self._zone_after.match(self.doc.text, pos) is not None


_JOINED_NAMES_EN = cached_compile(r"[A-Z][a-z'’]+(?:[-–][A-Z][a-z'’]+)+(?=\s)")
_TOWN_AFTER_ZH = cached_compile(r"(?<![市县区])(?:镇|乡(?!村))")
_TOWN_NAME_ZH = cached_compile(r"(?:(?![省市县区])[\u4e00-\u9fff]){2,3}镇(?!区)")
_PROVINCE_WORD_EN = cached_compile(r"\s+(?:province|autonomous\s+region)?\s*", re.I)


def _strip_city_suffix(name: str, language: str) -> str:
    name = name.strip()
    if language == "zh":
        return name[:-1] if len(name) > 2 and name[-1] in "市" else name
    return re.sub(r"\s+(?:city|municipality)$", "", name, flags=re.I)
