"""Clusters: named mentions merged per cluster, with city, core zone and list attached."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.context import Context
from extract.matcher import Fragment
from extract.mentions import Place
from extract.places import gazetteer
from extract.spans import trim_left
from schemas.record import Cluster

_EN_CANON = [(re.compile(r"\bindustrial\b"), "industry"), (re.compile(r"\bindustries\b"), "industry"),
             (re.compile(r"\bmaterials\b"), "material"), (re.compile(r"[\s\-]+"), "")]


@dataclass
class _Mention:
    start: int
    end: int
    name: str
    city: Optional[Place] = None
    core_zone: Optional[tuple[int, int]] = None
    list_name: Optional[tuple[int, int]] = None
    city_text: Optional[str] = None


def _level(text: str) -> Optional[str]:
    lower = text.lower()
    if any(w in lower for w in ("国家", "全国", "national", "country")):
        return "national"
    if any(w in lower for w in ("省", "provinc")):
        return "provincial"
    if any(w in lower for w in ("市级", "全市", "municipal", "city-level")):
        return "municipal"
    return None


class _ClusterBuilder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.doc = ctx.doc
        self.generic = ctx.words("cluster_generic_words")
        self.stop = ctx.words("stop_tokens")

    def canonical(self, name: str) -> str:
        key = name.lower()
        if self.ctx.language == "en":
            for pattern, repl in _EN_CANON:
                key = pattern.sub(repl, key)
            key = key.removesuffix("cluster")
        else:
            key = key.removesuffix("集群").removesuffix("产业")
        return key

    def is_generic(self, name: str) -> bool:
        if self.ctx.language == "zh":
            rest = name
            for word in sorted(self.generic, key=len, reverse=True):
                rest = rest.replace(word, "")
            return len(rest) < 2
        words = [w for w in re.split(r"[\s\-]+", name.lower()) if w]
        g = gazetteer()
        # "the Zhengzhou cluster" refers back to a cluster; it does not name one.
        content = [w for w in words if w not in self.generic and g.lookup_en(w) is None]
        return len(content) < 1

    def name_start(self, start: int, end: int) -> Optional[int]:
        head = 2 if self.ctx.language == "zh" else 1
        joiners = frozenset({"和", "与", "及"}) if self.ctx.language == "zh" else frozenset()
        return trim_left(self.doc, start, end, self.stop - joiners, min_tokens=head,
                         allow_digits=False, joiners=joiners)

    def mentions(self, fragments: list[Fragment]) -> list[_Mention]:
        found: list[_Mention] = []
        for fragment in fragments:
            if "name" not in fragment.groups:
                continue
            start, end = fragment.groups["name"]
            begin = self.name_start(start, end)
            if begin is None:
                continue
            name = self.doc.value(begin, end).strip()
            if self.is_generic(self.doc.text[begin:end]):
                continue
            found.append(_Mention(begin, end, name))
        return found

    def attach(self, mentions: list[_Mention], fragments: list[Fragment]) -> list[tuple[int, int]]:
        """Core zones and cities to the nearest mention before them in the sentence; list names
        are returned for the article-level assignment."""
        lists = []
        for fragment in fragments:
            for group in ("core_zone", "city"):
                if group not in fragment.groups:
                    continue
                s, e = fragment.groups[group]
                owner = self._owner(mentions, fragment)
                if owner is None:
                    continue
                if group == "core_zone" and owner.core_zone is None:
                    owner.core_zone = (s, e)
                elif group == "city" and owner.city_text is None:
                    owner.city_text = self.doc.value(s, e)
            if "list_name" in fragment.groups:
                lists.append(fragment.groups["list_name"])
        return lists

    def _owner(self, mentions: list[_Mention], fragment: Fragment) -> Optional[_Mention]:
        sentence = fragment.sentence
        candidates = [m for m in mentions if m.end <= fragment.start + 1
                      and self.doc.sentence_of(m.start) in (sentence, sentence - 1)]
        same = [m for m in candidates if self.doc.sentence_of(m.start) == sentence]
        pool = same or candidates
        return pool[-1] if pool else None

    def city_of(self, mention: _Mention) -> Optional[str]:
        if mention.city_text:
            return _strip_city_suffix(mention.city_text, self.ctx.language)
        g = gazetteer()
        text = self.doc.text
        if self.ctx.language == "zh":
            hit = g.prefix_zh(text, mention.start, mention.end)
            if hit:
                length, division = hit
                return self._prefecture_as_written(division, self.doc.value(mention.start, mention.start + length))
        else:
            for place in self.ctx.places.in_sentence(self.doc.sentence_of(mention.start)):
                if place.start == mention.start and place.division is not None:
                    return self._prefecture_as_written(place.division, self._name_of(place))
        # The single city named in the same sentence, outside cluster names.
        sentence = self.doc.sentence_of(mention.start)
        cities = {self._name_of(p): p for p in self.ctx.places.in_sentence(sentence)
                  if p.kind == "division" and p.division is not None
                  and p.division.level in ("city", "county", "district")}
        if len(cities) == 1:
            place = next(iter(cities.values()))
            return self._prefecture_as_written(place.division, self._name_of(place))
        return None

    def _name_of(self, place: Place) -> str:
        return _strip_city_suffix(self.doc.value(place.start, place.end), self.ctx.language)

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
            if i >= 0:
                return self.doc.value(i, i + len(name))
        return written

    def build(self, fragments: list[Fragment]) -> list[Cluster]:
        mentions = self.mentions(fragments)
        lists = self.attach(mentions, fragments)
        merged: list[_Mention] = []
        members: dict[int, list[_Mention]] = {}
        for mention in mentions:
            key = self.canonical(mention.name)
            for i, existing in enumerate(merged):
                other = self.canonical(existing.name)
                if key == other or (min(len(key), len(other)) >= 4 and (key.endswith(other) or other.endswith(key))):
                    members[i].append(mention)
                    if len(mention.name) > len(existing.name):
                        merged[i] = mention
                    break
            else:
                members[len(merged)] = [mention]
                merged.append(mention)
        clusters = []
        for i, main in enumerate(merged):
            group = members[i]
            city = next((c for c in (self.city_of(m) for m in [main] + group) if c), None)
            zone = next((m.core_zone for m in [main] + group if m.core_zone), None)
            first = min(group, key=lambda m: m.start)
            list_span = self._list_for(first, lists)
            list_name = self.doc.value(*list_span).strip() if list_span else None
            clusters.append(Cluster(
                name=main.name, city=city, province=None,
                core_zone=self.doc.value(*zone).strip() if zone else None,
                level=_level(list_name) if list_name else None, list_name=list_name,
                evidence=self.doc.evidence(main.start, main.end)))
        return clusters

    def _list_for(self, mention: _Mention, lists: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
        """The list named in the mention's sentence (after it, as in 入选首批国家…集群), else the
        nearest list named before it."""
        sentence = self.doc.sentence_of(mention.start)
        after = [span for span in lists if span[0] >= mention.end and self.doc.sentence_of(span[0]) == sentence]
        if after:
            return after[0]
        before = [span for span in lists if span[1] <= mention.start]
        return before[-1] if before else None


def _strip_city_suffix(name: str, language: str) -> str:
    name = name.strip()
    if language == "zh":
        return name[:-1] if len(name) > 2 and name[-1] in "市" else name
    return re.sub(r"\s+(?:city|municipality)$", "", name, flags=re.I)


def build_clusters(ctx: Context, fragments: list[Fragment]) -> list[Cluster]:
    return _ClusterBuilder(ctx).build(fragments)
