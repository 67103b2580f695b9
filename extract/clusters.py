"""Clusters: named mentions merged per cluster, with city, core zone and list attached."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract import clusters_en, clusters_zh
from extract.compiled_regex import cached_compile
from extract.cluster_cities import ClusterCities
from extract.cluster_tables import table_core_zone
from extract.context import Context
from extract.matcher import Fragment
from extract.mentions import Place
from extract.places import gazetteer
from extract.spans import trim_left
from schemas.record import Cluster

_CLUSTER_OF_EN = cached_compile(r"cluster\s+of\s", re.I)
_JOINER = cached_compile(r"\s*(?:and\s+|和|及|与|以及)\s*(?:the\s+)?", re.I)
_SHARED_PREDICATES = {"en.cluster.core-zone-as-core", "zh.cluster.core-zone-yi"}
_REFERENCE_AFTER_EN = cached_compile(r",\s+(?:the|this|that)\s+(?:industrial\s+|industry\s+)?cluster\b", re.I)
_REFERENCE_END_EN = cached_compile(r"\b(?:(?:of|for)\s+(?:the|this|that)\s+(?:industrial\s+|industry\s+)?cluster"
                                   r"|(?:the|this)\s+cluster(?:'s|’s)\s+(?:core|main|key)\s+(?:zone|area|carrier|base|host))$", re.I)
# "the Horinger data center cluster": computers, not an industry's firms.
_AIMED_LEVEL_EN = cached_compile(r"\b(?:world[\s-]class|world[\s-]leading|globally\s+competitive)\s+$", re.I)
_COMPUTERS_EN = cached_compile(r"\b(?:data\s+cent(?:er|re)s?|computing(?:\s+power)?|server)\s+clusters?$", re.I)
_EN_CANON = [(cached_compile(r"\bindustrial\b"), "industry"), (cached_compile(r"\bindustries\b"), "industry"),
             (cached_compile(r"\bmaterials\b"), "material"), (cached_compile(r"[\s\-]+"), "")]


@dataclass
class _Mention:
    start: int
    end: int
    name: str
    city: Optional[Place] = None
    core_zone: Optional[tuple[int, int]] = None
    list_name: Optional[tuple[int, int]] = None
    city_text: Optional[str] = None
    shared_suffix: bool = False  # an item of "the A, B and C clusters"


def _level(text: str) -> Optional[str]:
    from extract.textmap import simplifier

    lower = simplifier().convert(text.lower())  # 國家 is 国家
    if any(w in lower for w in ("国家", "全国", "national", "country")):
        return "national"
    if any(w in lower for w in ("省", "自治区", "provinc", "autonomous region")):
        return "provincial"
    if any(w in lower for w in ("市级", "全市", "municipal", "city-level", "city's", "city’s")):
        return "municipal"
    return None


class _ClusterBuilder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.doc = ctx.doc
        self.generic = ctx.words("cluster_generic_words")
        self.actions = ctx.words("cluster_action_words") if ctx.language == "zh" else frozenset()
        self.stop = ctx.words("stop_tokens")
        self.references: dict[tuple[int, int], set[str]] = {}
        self.cities = ClusterCities(ctx)

    def canonical(self, name: str) -> str:
        key = name.lower()
        if self.ctx.language == "en":
            for pattern, repl in _EN_CANON:
                key = pattern.sub(repl, key)
            key = key.removesuffix("cluster")
        else:
            key = clusters_zh.canonical(key)
        return key

    def is_generic(self, name: str) -> bool:
        if self.ctx.language == "zh":
            return clusters_zh.is_generic(name, self.generic, self.actions)
        if _COMPUTERS_EN.search(name):
            return True
        words = [w for w in re.split(r"[\s\-]+", name.lower()) if w]
        g = gazetteer()
        # "the Zhengzhou cluster" refers back to a cluster; it does not name one.
        content = [w for w in words if w not in self.generic and g.lookup_en(w) is None]
        return len(content) < 1

    def name_start(self, start: int, end: int, sentence: int) -> Optional[int]:
        head = 2 if self.ctx.language == "zh" else 1
        joiners = frozenset({"和", "与", "及"}) if self.ctx.language == "zh" else frozenset()
        places = tuple((p.start, p.end) for p in self.ctx.places.in_sentence(sentence)
                       if p.start < end and start < p.end) if self.ctx.language == "zh" else ()
        begin = trim_left(self.doc, start, end, self.stop - joiners, min_tokens=head,
                          allow_digits=False, joiners=joiners, names=places)
        if self.ctx.language == "en":
            while begin is not None:
                joined = clusters_en.joined(self.doc, start, begin, self.stop, self.ctx.words("count_heads"))
                if joined is None:
                    break
                begin = joined
            if begin is not None:
                begin = clusters_en.after_place_noun(self.doc, begin, end)
        return begin

    def mentions(self, fragments: list[Fragment]) -> list[_Mention]:
        found: list[_Mention] = []
        # A list joined (入选省“雁阵形”产业集群) is a category, not a cluster's name.
        list_spans = [f.groups["list_name"] for f in fragments if "list_name" in f.groups]
        for fragment in fragments:
            if "shared_suffix" in fragment.groups:
                found.extend(self._shared_suffix_mentions(fragment))
            if "name" not in fragment.groups:
                continue
            start, end = fragment.groups["name"]
            if self.ctx.language == "en" and _CLUSTER_OF_EN.match(self.doc.text, start):
                begin = start  # "cluster of new-type display devices": the rule found its start
            else:
                begin = self.name_start(start, end, fragment.sentence)
            if begin is None:
                continue
            if self.ctx.language == "zh" and (grown := clusters_zh.GROWN.match(self.doc.text, begin, end)):
                begin = grown.end()
            name = self.doc.value(begin, end).strip()
            if self.is_generic(self.doc.text[begin:end]) or any(s <= begin and end <= e for s, e in list_spans):
                if self.ctx.language == "en" and clusters_en.words(name, self.generic)[1]:
                    # "The Suzhou cluster, based in Suzhou Industrial Park": no name, but it
                    # says which cluster a core zone belongs to.
                    self.references[(begin, end)] = clusters_en.words(name, self.generic)[1]
                    found.append(_Mention(begin, end, name))
                continue
            places = self.ctx.places.in_sentence(fragment.sentence)
            placeless = not any(begin <= p.start < end for p in places)
            if self.ctx.language == "en" and placeless and _AIMED_LEVEL_EN.search(self.doc.text, max(0, begin - 16), begin):
                continue  # ("strive to … build the world-class nano new material industry cluster": an aim)
            if self.ctx.language == "zh":
                if clusters_zh.COUNTED_BEFORE.search(self.doc.text, max(0, begin - 3), begin + 1):
                    continue
                if clusters_zh.DESCRIBED.search(self.doc.text, max(0, begin - 8), begin) or (
                        placeless and clusters_zh.SINGLED_OUT.search(self.doc.text, max(0, begin - 8), begin)):
                    continue
                if placeless and ((clusters_zh.PROMOTED_BEFORE.search(self.doc.text, max(0, begin - 2), begin)
                                   and clusters_zh.DEVELOPED_AFTER.match(self.doc.text, end))
                                  or name.startswith(clusters_zh.AIMED_LEVEL)):
                    continue
                shared = clusters_zh.sharers(self.doc, places, begin)
                if shared:  # one cluster per place: 郑州、许昌两市的…集群
                    found.extend(_Mention(begin, end, name, city_text=self.doc.value(p.start, p.end))
                                 for p in shared)
                    continue
            found.append(_Mention(begin, end, name))
        return found

    def _shared_suffix_mentions(self, fragment: Fragment) -> list[_Mention]:
        """One cluster per item of "the A, B and C industrial clusters", named with the shared
        suffix in the singular; the evidence runs from the item to the suffix."""
        start, end = fragment.groups["shared_suffix"]
        places = self.ctx.places.in_sentence(fragment.sentence)
        suffix = self.doc.value(start, end).strip()[:-1]  # "clusters" -> "cluster"
        mentions = []
        for s, e in clusters_en.shared_suffix_items(self.doc, places, start, self.stop):
            name = f"{self.doc.value(s, e).strip()} {suffix}"
            if not self.is_generic(name):
                mentions.append(_Mention(s, end, name, shared_suffix=True))
        return mentions

    def attach(self, mentions: list[_Mention], fragments: list[Fragment]) -> list[tuple[int, int]]:
        """Core zones and cities to the nearest mention before them in the sentence; list names
        are returned for the article-level assignment."""
        lists = []
        for fragment in fragments:
            if "core_zones" in fragment.groups:
                self._respective_core_zones(mentions, fragment)
            for group in ("core_zone", "city"):
                if group not in fragment.groups:
                    continue
                s, e = fragment.groups[group]
                owner = self._owner(mentions, fragment)
                referred = owner is not None and (owner.start, owner.end) in self.references
                if referred:
                    owner = self._referent(mentions, owner)
                if owner is None:
                    continue
                if group == "city" and self.ctx.language == "en" and not clusters_en.is_city(self.doc.text[s:e]):
                    continue
                if group == "core_zone" and owner.core_zone is None:
                    if self.ctx.language == "en":
                        s = clusters_en.zone_start(self.doc.text, self.ctx.places.in_sentence(fragment.sentence),
                                                   s, e, self.stop)
                    referent = self._zone_referred(fragment.sentence, s, e)
                    if referent is False:
                        continue  # "located in the zone" with no zone to stand for
                    # "The A, B and C clusters, all with X as their core area": every item's.
                    listed = [] if referred else [m for m in mentions if m.shared_suffix and m.end == owner.end]
                    if not referred and not listed:
                        # "A cluster and B cluster to X as the core area": both named right before.
                        listed = self._coordinated(mentions, owner, fragment)
                    for member in listed or [owner]:
                        member.core_zone = member.core_zone or referent or (s, e)
                elif group == "city" and owner.city_text is None:
                    owner.city_text = self.doc.value(s, e)
            if "list_name" in fragment.groups:
                lists.append(fragment.groups["list_name"])
        return lists

    def _coordinated(self, mentions: list[_Mention], owner: _Mention, fragment: Fragment) -> list[_Mention]:
        """The clusters joined to the owner by 和/、/"and" just before it, when the zone follows them
        (nanning electronic information industry cluster and nanning biomedical industry cluster
        to Nanning high-tech zone as the core area)."""
        # Only a predicate both share (以X为核心区 / "take X as core"), right after the pair; a
        # list's last item may carry its own ("…, B cluster and C cluster based in X").
        if fragment.rule not in _SHARED_PREDICATES or not 0 <= fragment.start - owner.end <= 2:
            return []
        before = [m for m in mentions if m.end <= owner.start]
        if before and _JOINER.fullmatch(self.doc.text, before[-1].end, owner.start):
            return [owner, before[-1]]
        return []

    def _respective_core_zones(self, mentions: list[_Mention], fragment: Fragment) -> None:
        """X集群、Y集群分别以A、B为核心区: the zones named, in order, to the clusters named just
        before in the sentence, as many as there are zones."""
        start, end = fragment.groups["core_zones"]
        zones = [p for p in self.ctx.places.in_sentence(fragment.sentence)
                 if p.kind == "zone" and start <= p.start and p.end <= end]
        owners = [m for m in mentions if m.end <= fragment.start
                  and self.doc.sentence_of(m.start) == fragment.sentence][-len(zones):] if zones else []
        if len(zones) < 2 or len(owners) != len(zones):
            return
        for owner, zone in zip(owners, zones):
            owner.core_zone = owner.core_zone or (zone.start, zone.end)

    def _referent(self, mentions: list[_Mention], ref: _Mention) -> Optional[_Mention]:
        """The named cluster "the Suzhou cluster" stands for: one naming the same place, the
        nearest before it, else the first after."""
        places = self.references[(ref.start, ref.end)]
        named = [m for m in mentions if (m.start, m.end) not in self.references
                 and clusters_en.words(m.name, self.generic)[1] & places]
        before = [m for m in named if m.end <= ref.start]
        return before[-1] if before else (named[0] if named else None)

    def _owner(self, mentions: list[_Mention], fragment: Fragment) -> Optional[_Mention]:
        sentence = fragment.sentence
        text = self.doc.text
        # 以X为核心区的Y集群 / 依托X建设的Y集群: the cluster named right after owns the zone.
        following = next((m for m in mentions if fragment.end <= m.start <= fragment.end + 3
                          and text[fragment.end:m.start].endswith("的")), None)
        if following is not None:
            return following
        before = [m for m in mentions if m.end <= fragment.end]
        # 该集群依托X: a reference to the cluster last named, however many sentences back.
        # ("Its core area is X", the fragment opening with the reference.)
        clause = text[self.ctx.clause_start(fragment.start):fragment.start + 8].lower()
        if before and any(w in clause for w in self.ctx.words("cluster_references")):
            # (A集群…，与B集群、C集群同批入选。该集群依托X: B and C are named beside it, not referred to.)
            named = [m for m in before if not (self.ctx.language == "zh"
                                               and "与" in text[self.ctx.list_clause_start(m.start):m.start])]
            if named and self.doc.sentence_of(named[-1].start) >= sentence - 6:
                return named[-1]
        # "Anchored by the Liudong New Area, the cluster brings together …" / "X is the main
        # battlefield of the cluster development": the cluster referred to, right after the zone.
        if before and self.ctx.language == "en" and (_REFERENCE_AFTER_EN.match(text, fragment.end)
                                                    or _REFERENCE_END_EN.search(text, fragment.start, fragment.end)):
            if self.doc.sentence_of(before[-1].start) >= sentence - 6:
                return before[-1]
        candidates = [m for m in before if self.doc.sentence_of(m.start) in (sentence, sentence - 1)]
        same = [m for m in candidates if self.doc.sentence_of(m.start) == sentence]
        if not same:
            # "With X as its core area, the Y cluster …" / "X as the core area of the Y cluster" /
            # 依托X，Y集群入选…: the zone first, the cluster after it in the sentence.
            after = next((m for m in mentions if m.start >= fragment.end
                          and self.doc.sentence_of(m.start) == sentence), None)
            if after is not None:
                return after
        pool = same or candidates
        return pool[-1] if pool else None

    def _zone_referred(self, sentence: int, start: int, end: int):
        """A core zone written as a reference ("The zone … is the core carrier of …", "located in
        the zone"): the span of the zone it stands for, False if none; None if no reference."""
        reference = next((p for p in self.ctx.places.in_sentence(sentence)
                          if p.kind == "reference" and p.end == end and start - 4 <= p.start <= start), None)
        if reference is None:
            return None
        zone = self.ctx.places.resolve(reference)
        return (zone.start, zone.end) if zone is not None and zone.kind == "zone" else False

    def _zone_headline(self, mention: _Mention) -> bool:
        """A Chinese headline's name that holds its zone after the place (芜湖经开区…集群)."""
        return (self.ctx.language == "zh" and self.doc.in_first_line(self.doc.sentence_of(mention.start))
                and clusters_zh.names_zone(mention.name))

    def _in_headline(self, mention: _Mention) -> bool:
        return self.ctx.language == "en" and self.doc.in_first_line(self.doc.sentence_of(mention.start))

    def build(self, fragments: list[Fragment]) -> list[Cluster]:
        mentions = self.mentions(fragments)
        lists = self.attach(mentions, fragments)
        mentions = [m for m in mentions if (m.start, m.end) not in self.references]
        merged: list[_Mention] = []
        members: dict[int, list[_Mention]] = {}
        for mention in mentions:
            key = self.canonical(mention.name)
            for i, existing in enumerate(merged):
                if mention.city_text and existing.city_text and mention.city_text != existing.city_text:
                    continue
                other = self.canonical(existing.name)
                if (key == other or (min(len(key), len(other)) >= 4 and (key.endswith(other) or other.endswith(key)))
                        or (self.ctx.language == "en" and clusters_en.shorthand(mention.name, existing.name, self.generic))):
                    members[i].append(mention)
                    # Equal lengths: a headline's wording gives way to the body's (English); so
                    # does a headline's name that only adds its zone (芜湖经开区新能源汽车产业集群).
                    if key == other and self._zone_headline(existing) and not self._zone_headline(mention):
                        merged[i] = mention
                    elif ((len(mention.name) > len(existing.name) and not self._zone_headline(mention)) or (
                            len(mention.name) == len(existing.name) and self._in_headline(existing))):
                        merged[i] = mention
                    break
            else:
                members[len(merged)] = [mention]
                merged.append(mention)
        if self.ctx.language == "zh":
            merged, members = self._fold_short_forms(merged, members)
        every = [m for i, main in enumerate(merged) for m in [main] + members[i]]
        self.ctx.cluster_names = {(m.start, m.end): main.name for i, main in enumerate(merged) for m in [main] + members[i]}
        if self.ctx.language == "en":
            self.ctx.cluster_names.update(clusters_en.city_shorthands(self.doc.text, self.ctx.cluster_names))
        self.ctx.cluster_mentions = sorted(self.ctx.cluster_names)
        self.ctx.cluster_zones = {m.core_zone for m in every if m.core_zone}
        clusters = []
        for i, main in enumerate(merged):
            group = members[i]
            city = next((c for c in (self.cities.city_of(m.start, m.end, m.city_text, m.core_zone)
                                     for m in [main] + group) if c), None)
            # (A headline says it short, "… cluster to economic development zone as core area";
            # the body names the zone in full.)
            stated = [m for m in [main] + group if m.core_zone]
            zone = next((m.core_zone for m in stated if not self._in_headline(m)), stated[0].core_zone if stated else None)
            if zone is None:
                zone = next((z for z in (table_core_zone(self.doc, m.start, m.end)
                                         for m in [main] + group) if z), None)
            first = min([m for m in group if not self._in_headline(m)] or group, key=lambda m: m.start)
            list_span = self._list_for(first, lists)
            if list_span is None:  # a headline's mention: a later one's sentence may name the list
                list_span = next((s for s in (self._list_for(m, lists) for m in sorted(group, key=lambda m: m.start)) if s), None)
            list_name = self.doc.value(*list_span).strip() if list_span else None
            level = _level(list_name) if list_name else None
            if level is None and list_span and self.ctx.language == "zh":
                level = clusters_zh.issuer_level(self.doc, *list_span)
            clusters.append(Cluster(
                name=main.name, city=city, province=None,
                core_zone=self.doc.value(*zone).strip() if zone else None,
                level=level, list_name=list_name,
                evidence=self.doc.evidence(main.start, main.end)))
        return clusters

    def _fold_short_forms(self, merged: list[_Mention], members: dict[int, list[_Mention]]
                                 ) -> tuple[list[_Mention], dict[int, list[_Mention]]]:
        """光谷光电子信息集群 (or 航空集群) in the headline, 武汉市光电子信息集群 (西安市航空集群) in the
        body: a headline's name led by a nickname, or by nothing, instead of a division is the one
        body cluster of the same industry."""
        in_body = [any(self.doc.sentence_of(m.start) > 0 for m in members[i]) for i in range(len(merged))]
        first = [min(m.start for m in members[i] if self.doc.sentence_of(m.start) > 0) if in_body[i] else 0
                 for i in range(len(merged))]
        in_prose = [in_body[i] and self._in_prose(first[i]) for i in range(len(merged))]
        folded: set[int] = set()
        keys = [self.canonical(m.name) for m in merged]
        for i, key in enumerate(keys):
            if in_body[i]:
                # 围绕物联网产业集群发展 after 无锡市物联网产业集群: a body's placeless short form too.
                # (电子信息集群 after 贵阳电子信息制造产业集群: a placeless name leaving words out.)
                # (长春汽车产业集群 named in prose before 长春新能源汽车产业集群 is a cluster of its own: a
                # short form follows the name it shortens, unless a heading gives it first.)
                hits = [j for j in range(len(merged)) if j != i and j not in folded
                        and (clusters_zh.short_form_of(key, keys[j]) or clusters_zh.abridged(key, keys[j])
                             or (clusters_zh.placed_abridged(key, keys[j]) and not (in_prose[i] and first[j] > first[i])))]
            else:
                hits = [j for j in range(len(merged)) if in_body[j]
                        and (clusters_zh.nickname_of(key, keys[j]) or clusters_zh.short_form_of(key, keys[j])
                             or clusters_zh.shortened(key, keys[j]) or clusters_zh.cut_short(key, keys[j])
                             or clusters_zh.abridged(key, keys[j]) or clusters_zh.placed_abridged(key, keys[j]))]
            if len(hits) == 1:
                members[hits[0]].extend(members[i])
                folded.add(i)
        kept = [i for i in range(len(merged)) if i not in folded]
        return [merged[i] for i in kept], {n: members[i] for n, i in enumerate(kept)}

    def _in_prose(self, at: int) -> bool:
        """Whether the line holding `at` is a paragraph (it has a full stop), not a heading."""
        text = self.doc.text
        end = text.find("\n", at)
        return "。" in text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)]

    def _list_for(self, mention: _Mention, lists: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
        """The list named in the mention's sentence (after it, as in 入选首批国家…集群), else the
        nearest list named before it."""
        sentence = self.doc.sentence_of(mention.start)
        after = [span for span in lists if span[0] >= mention.end and self.doc.sentence_of(span[0]) == sentence]
        if after:
            return after[0]
        before = [span for span in lists if span[1] <= mention.start]
        return before[-1] if before else None


def build_clusters(ctx: Context, fragments: list[Fragment]) -> list[Cluster]:
    return _ClusterBuilder(ctx).build(fragments)
