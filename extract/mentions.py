"""Where places are named in an article: zones (平顶山高新区, Zhengzhou High-tech Zone), divisions
(平顶山市, Changshu) and references back to them (该区, 全市, "the zone", "it"; what each stands
for is resolved in references.py).

Counts and rankings take their subject from here; clusters take their city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Optional

from extract.compiled_regex import cached_compile
from extract.document import HAN, Document
from extract.places import Division, gazetteer
from extract.rules import RuleSet
from extract.ordering import longest_first

_CJK_WORD = cached_compile(HAN)
# 国家高新区 / 全国高新区: a zone's kind after a word is part of a phrase, no reference.
_WORD_CHAR = cached_compile(r"\w")
# (A source line, 来源：江西日报, keeps its place: the paper's place is the article's own.)
# (湖北实验室 / 江苏省重点实验室: a laboratory named after a province, not the province.)
_ORGANIZATION_AFTER_ZH = cached_compile(r"[\u4e00-\u9fff]{0,4}?(?:大学(?!生|科技园|城)|学院|日报|晚报|电视台|实验室)")
_MEDIA_ZH = ("日报", "晚报", "电视台")
_CORE_TOWN_ZH = cached_compile(r"以(?P<area>[\u4e00-\u9fff]{2,8}?(?:镇|乡|街道))为(?:核心区|核心承载区|主要载体|主阵地|主战场|主平台)")
# 虎门镇, 茶山镇: a town named as such (its name, two or three characters, then 镇).
_TOWN_ZH = cached_compile(r"(?<=[^省市县区镇\W\d_])镇(?!区|域)")
# 来安县汊河镇 / 我市秦栏镇: a town named right after its county or city is a place wherever it
# recurs (汊河镇集聚…企业180家); 重点镇, 中心镇 and the like name none.
_TOWN_AFTER_DIVISION_ZH = cached_compile(r"(?:[市县区]|我市|我县|我区)(?P<area>[\u4e00-\u9fff]{2,3}?镇)(?!区|域|村)")
# 水口镇是开平市的水暖卫浴重镇 / ，彭场镇现有…企业360余家: a town opening a sentence or clause that says what it is or has.
_TOWN_TOPIC_ZH = cached_compile(r"(?:^|(?<=[。!?\n,;]))[ \t\u3000]*(?P<area>[\u4e00-\u9fff]{2,3}?镇)"
                                r"(?:是|作为|地处|位于|现有|拥有|共有|集聚|聚集|则)")
# 武进国家高新区、西太湖科技产业园、湖塘镇分别拥有…: a town listed beside other places.
_TOWN_LISTED_ZH = cached_compile(r"(?:(?<=[、和与及])(?P<area>[\u4e00-\u9fff]{2,3}?镇)(?=[、和与及,]|分别|均|各)"
                                 r"|(?<=[,:;。])(?P<first>[\u4e00-\u9fff]{2,3}?镇)(?=、))")
# 高新区的景德镇: a function word opens no town's name (和平镇 and 中山镇 are towns).
_NOT_TOWN_START_ZH = cached_compile(r"[的在等各全与及共该本我其这那之]")
_GENERIC_TOWNS_ZH = ("重点镇", "特色镇", "中心镇", "小城镇", "建制镇", "乡镇", "城镇", "强镇", "名镇", "古镇",
                     "千强镇", "百强镇", "特色小镇", "经济强镇", "工业强镇", "全镇", "各镇", "乡镇镇")
# (在全省高新区亩均效益综合评价中: a few words of what is measured may come between.)
_RANKING_AFTER_ZH = cached_compile(r"(?:高质量发展|[\u4e00-\u9fff]{0,6}?(?=综合|考核|评价|排名|评比|考评))?"
                                   r"(?:综合|考核|评价|排名|评比|考评|综合考核|综合评价)")
# 滦州市则首次跻身…: jieba cuts 滦州 / 市则, but a one-character adverb after a division's
# suffix begins the predicate; the name ends before it.
_ADVERBS_ZH = frozenset("则也还又已将均仍再亦却都较比")  # (宁乡市较上年: jieba glues 市较)
_FUNCTION_CHARS_ZH = cached_compile(r"[的在等各全与和及共该本我其这那之内外中]")
# Machine translation drops the article ("of which high-tech zone 326 families": the zone); after
# "national" or "a" the same words name a kind of zone ("the national high-tech zone evaluation").
_KIND_NOT_REFERENCE_EN = cached_compile(r"\b(?:national|provincial|nationwide|china['’]s|state-level|a|each|every|any|one)\s+$", re.I)
_COUNTED = cached_compile(r"^第?[零〇一二两三四五六七八九十百千万\d]+[家个所座处条批片种类张项套支]?$")


def occurrences(text: str, word: str, start: int, end: int):
    at = text.find(word, start, end)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word), end)


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
        self._named_by_sentence: dict[int, list[Place]] = {}
        words = ruleset.words
        self._stop = words.get("stop_tokens", frozenset())
        self._not_places = words.get("not_place_names", frozenset())
        # (Tried longest first by _only_generic, for every zone suffix found: sorted once a process.)
        self._not_places_longest = ruleset.built("not_places_longest",
                                                 lambda: sorted(self._not_places, key=longest_first))
        self._surnames = words.get("surname_chars", frozenset())
        self._references = words.get("place_references", frozenset())
        self._kind_references = words.get("zone_kind_references", frozenset())
        self._kind_openers = tuple(words.get("zone_kind_openers", ()))
        self._weak_suffixes = words.get("weak_zone_suffixes", frozenset())
        self._towns: Optional[set[str]] = None
        self._zone = ruleset.compile("{zone_suffixes}") if "zone_suffixes" in ruleset.macros else None
        # English references are whole words: "it" is no reference inside "city"; "the city level
        # above" (市级以上, machine translation) is a level, not the city.
        self._reference = (ruleset.compile(r"\b{place_references}\b(?![\s-]+level\b)" if ruleset.language == "en"
                                           else "{place_references}") if self._references else None)
        self._collective = (cached_compile("(?:" + ruleset.expand("{collective_zone}") + ")$")
                            if "collective_zone" in ruleset.macros else None)

    def in_sentence(self, index: int) -> list[Place]:
        if index not in self._by_sentence:
            places = self._with_aliases(index, self.named_in_sentence(index))
            places += self.references_in_sentence(index, places)
            self._by_sentence[index] = sorted(places, key=lambda p: p.start)
        return self._by_sentence[index]

    def named_in_sentence(self, index: int) -> list[Place]:
        """Zones and divisions named by their own names (no references, no names the article
        gave them)."""
        if index not in self._named_by_sentence:
            if self.doc.language == "zh":
                find = self._find_zh
            else:
                from extract.mentions_en import find_en

                find = partial(find_en, self)
            self._named_by_sentence[index] = sorted(find(index), key=lambda p: p.start)
        return self._named_by_sentence[index]

    def references_in_sentence(self, index: int, places: list[Place]) -> list[Place]:
        if self._reference is None:
            return []
        start, end = self.doc.sentence_span(index)
        text = self.doc.text
        # ("Pizhou in the city of Xuzhou": "the city of" introduces the place named next.)
        named_next = {p.start for p in places}
        return [Place(m.start(), m.end(), "reference") for m in self._reference.finditer(text, start, end)
                if not any(p.start <= m.start() < p.end for p in places)
                and not (m.group() in self._kind_references and m.start() > 0 and _WORD_CHAR.match(text, m.start() - 1))
                and not (self.doc.language == "en"
                         and (_KIND_NOT_REFERENCE_EN.search(text, max(start, m.start() - 24), m.start())
                              or (text.startswith(" of ", m.end()) and m.end() + 4 in named_next)))]

    def generic_name(self, name: str) -> bool:
        """该区, "the zone", 开发区, 全省: words no zone is named by."""
        folded = name.lower()
        if folded in self._references or folded in self._not_places or folded in self._stop:
            return True
        zone = self._zone.search(name) if self._zone is not None else None
        return zone is not None and self._only_generic(name[:zone.start()]) and not name[zone.end():].strip()

    @cached_property
    def given_aliases(self) -> list:
        """The names the article gives its zones, generic ones (以下简称“园区”) included."""
        from extract.aliases import find_aliases

        return find_aliases(self)

    @cached_property
    def _aliases(self) -> list:
        from extract.aliases import implied_acronyms, implied_stems

        given = [a for a in self.given_aliases if not a.generic]
        implied = implied_acronyms(self, given) + implied_stems(self, given)
        return sorted(given + implied, key=lambda a: -len(a.name))

    def given_names(self) -> dict[str, str]:
        """Each name the article gave a zone (as written) with the zone's own name, for linking."""
        return self._given_names

    @cached_property
    def _given_names(self) -> dict[str, str]:
        # (Asked for every ranking pair merged and every cluster's city: built once.)
        return {a.written: a.zone_written for a in self._aliases if a.zone_written}

    def _with_aliases(self, index: int, named: list[Place]) -> list[Place]:
        if not self._aliases:
            return list(named)
        from extract.aliases import with_given_names

        return with_given_names(self.doc, self._aliases, index, named)

    def before(self, pos: int, sentences_back: int = 0) -> list[Place]:
        """Mentions that end at or before `pos`, nearest last, looking back `sentences_back`
        sentences beyond the one holding `pos`."""
        current = self.doc.sentence_of(pos)
        found: list[Place] = []
        for index in range(max(0, current - sentences_back), current + 1):
            found.extend(p for p in self.in_sentence(index) if p.end <= pos)
        return found

    def resolve(self, place: Place, limit: int = 6) -> Optional[Place]:
        """A reference (该区, "it") resolved to the nearest earlier named place (references.py)."""
        from extract.references import resolve

        return resolve(self, place, limit)

    # -- Chinese ------------------------------------------------------------------------------
    def _opens_with_town(self, prefix: str) -> bool:
        """Whether a park's name opens with a town the article names with 镇 (towns are not in
        the division table)."""
        if self._towns is None:
            text = self.doc.text
            self._towns = {text[m.start() - n:m.start()] for m in _TOWN_ZH.finditer(text) for n in (2, 3)}
        return prefix[:2] in self._towns or prefix[:3] in self._towns

    def _find_zh(self, index: int) -> list[Place]:
        doc, text = self.doc, self.doc.text
        start, end = doc.sentence_span(index)
        places: list[Place] = []
        taken = [False] * (end - start)
        if self._zone is not None:
            floor = start
            for match in self._zone.finditer(text, start, end):
                name_start = self._zone_name_start_zh(match.start(), match.end(), floor)
                known = gazetteer().zone_ending_at(text, match.end(), floor)
                if known is not None and (name_start is None or (
                        name_start > known or not self._division_only(text[name_start:known]))):
                    name_start = known  # 分别以准东经开区: the known name, not 以准东经开区
                collective = self._collective and self._collective.search(text, max(floor, match.start() - 8), match.start())
                if collective and (name_start is None or name_start >= collective.start()):
                    if _RANKING_AFTER_ZH.match(text, match.end()):
                        continue  # 在全省开发区综合考核中: the ranking's name, not who is ranked
                    # 全省国家高新区: the zones of a whole province, counted together.
                    name_start = collective.start()
                elif name_start is None or self._only_generic(text[name_start:match.start()]):
                    continue
                prefix = text[name_start:match.start()]
                division = self._division_in(prefix)
                if division is None and prefix.startswith(self._kind_openers) and not collective:
                    continue  # 全国首个国家级医药高新区: a kind of zone, not one named
                listed = text[name_start - 1:name_start] == "、" and places and places[-1].end == name_start - 1
                if division is None and match.group() in self._weak_suffixes \
                        and text[name_start:match.end()] not in self._parks_in_zones and not listed \
                        and not self._opens_with_town(prefix):
                    # 建设新能源汽车产业园: a park planned, not one named (but 肥西经济开发区、桃花工业园
                    # 分别…: a park listed beside a zone is named, and so is 虎门服装服饰产业园 where
                    # the article names 虎门镇).
                    continue
                floor = match.end()
                places.append(Place(name_start, match.end(), "zone", division))
                for i in range(name_start, match.end()):
                    taken[i - start] = True
        for area in self._areas + self._bare_parks:
            for at in occurrences(text, area, start, end):
                if not any(taken[at - start:at - start + len(area)]):
                    places.append(Place(at, at + len(area), "zone", self._division_in(area)))
                    taken[at - start:at - start + len(area)] = [True] * len(area)
        g = gazetteer()
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
            near = doc.tokens_near(i, i + length)
            boundaries = {a for a, _ in near} | {b for _, b in near}
            glued = name[-1] in "市县区省" and text[i + length:i + length + 1] in _ADVERBS_ZH
            # 延边州, 昌吉州: an autonomous prefecture's usual short form, one word to jieba.
            prefecture_short = (text[i + length:i + length + 1] == "州" and not name.endswith("州")
                                and division.name_zh.endswith("自治州") and (i + length + 1) in boundaries)
            glued = glued or prefecture_short
            if name in self._not_places or i not in boundaries or ((i + length) not in boundaries and not glued):
                i += 1
                continue
            stop = i + length
            # 宁海县 found as 宁海: the suffix belongs to the name; not after a full name
            # (福建省县域经济) nor in 县域 / 市域 / 区域 (the area, not the division's name).
            suffix = text[stop:stop + 1]
            if (suffix in ("市", "省", "县", "区") and not name.endswith(("市", "省", "县", "区"))
                    and text[stop + 1:stop + 2] != "域"):
                stop += 1
            elif prefecture_short:
                stop += 1
            if (stop == i + length and name != division.name_zh and text[i - 1:i] in self._surnames
                    and not (i > start and taken[i - 1 - start]) and not (places and places[-1].end == i)):
                i += 1  # 李卫东: a given name, not 卫东区
                continue
            organization = _ORGANIZATION_AFTER_ZH.match(text, stop)
            if organization and not (organization.group().endswith(_MEDIA_ZH)
                                     and "来源" in text[text.rfind("\n", 0, i) + 1:i]):
                i = stop  # 南昌航空大学, 黑龙江日报记者: a university or a newspaper, not the place
                continue
            places.append(Place(i, stop, "division", division))
            i = stop
        places.extend(self._listed_short_forms_zh(start, end, places))
        return places

    def _listed_short_forms_zh(self, start: int, end: int, places: list[Place]) -> list[Place]:
        """宁海、象山分别位列第52位、第71位: a short form two counties share (象山县 of Ningbo,
        象山区 of Guilin) names the one in the same prefecture as the place listed beside it."""
        shared = gazetteer().shared_short_zh
        text, found = self.doc.text, []
        pending = [p for p in places if p.kind == "division" and p.division is not None]
        while pending:
            place = pending.pop()
            for length in (2, 3):
                for at in (place.end + 1, place.start - 1 - length):
                    joiner = place.end if at > place.start else place.start - 1
                    if not (start <= at and at + length <= end and text[joiner] in "、和与及"):
                        continue
                    name = text[at:at + length]
                    candidates = [d for d in shared.get(name, ()) if d.parent == place.division.parent]
                    # (Tokens only for a real candidate: they may cost a tokenizer run.)
                    if (len(candidates) != 1 or any(p.start < at + length and at < p.end for p in places + found)
                            or all(b != at + length for _, b in self.doc.tokens_near(at, at + length))):
                        continue
                    listed = Place(at, at + length, "division", candidates[0])
                    found.append(listed)
                    pending.append(listed)
        return found

    @staticmethod
    def _division_only(prefix: str) -> bool:
        """新疆 (before 准东经开区): nothing but a division's name, or nothing."""
        g, at = gazetteer(), 0
        while at < len(prefix) and (hit := g.prefix_zh(prefix, at)) is not None:
            at += hit[0]
            at += 1 if prefix[at:at + 1] in ("省", "市", "州", "县", "区") else 0
        return at == len(prefix)

    def _zone_name_start_zh(self, suffix_start: int, suffix_end: int, floor: int) -> Optional[int]:
        """Where the name before a zone suffix begins: up to four tokens back, stopping at
        punctuation, digits, counted numerals (一百六十九家), function words and at the end of
        the zone named just before (郑州高新区国家高新区排名)."""
        text = self.doc.text
        bounds = self.doc.tokens_near(suffix_start, suffix_end)
        # jieba keeps some zone names whole (苏州工业园区, 苏州高新区): the name is that word.
        whole = next((a for a, b in bounds if a < suffix_start < b <= suffix_end and a >= floor), None)
        if whole is not None:
            word = text[whole:suffix_start]
            ok = word not in self._stop and all(_CJK_WORD.match(c) for c in word)
            return whole if ok else None
        tokens = [t for t in bounds if t[1] <= suffix_start and t[0] >= floor]
        starts: list[int] = []
        counted = False
        for a, b in reversed(tokens[-6:]):
            word = text[a:b]
            if _COUNTED.match(word):
                counted = True
                break
            if b != (starts[-1] if starts else suffix_start):
                # A token that straddles the suffix start: the suffix split a word.
                break
            if word in self._stop or not all(_CJK_WORD.match(c) for c in word):
                break
            starts.append(a)
        if not starts:
            return None
        # A name holding a division begins with it (带动徐州经济技术开发区 → 徐州…, 无锡国家传感网
        # 创新示范区); one without keeps at most four words.
        g = gazetteer()
        named = [a for a in starts if g.prefix_zh(text, a, suffix_start) is not None
                 and text[a:a + 2] not in self._not_places]
        if named and named[-1] - 1 in starts and text[named[-1] - 1] in "东西南北":
            return named[-1] - 1  # 西太湖科技产业园, 南太湖新区: a direction opens the name
        if named and named[-1] - 1 == floor and named[-1] - 1 in starts \
                and not _FUNCTION_CHARS_ZH.match(text[floor]) \
                and any(m.end() == floor for m in self._zone.finditer(text, max(0, floor - 8), floor)):
            # 滨海高新区渤龙湖科技园: a park inside the zone just named; jieba cut 渤 | 龙湖, and 龙湖
            # alone would be Shantou's district.
            return named[-1] - 1
        if not named and counted:
            return None  # 走出了一条西部内陆开发区…之路: "a … zone", described, not named
        return named[-1] if named else starts[min(len(starts), 4) - 1]

    @cached_property
    def _parks_in_zones(self) -> frozenset[str]:
        """海口国家高新区药谷产业园: a park the article places inside a zone is a named place
        wherever it recurs (药谷产业园目前已入驻…)."""
        if self._zone is None or not self._weak_suffixes:
            return frozenset()
        pattern = self.ruleset.compile("(?:{zone_suffixes})(?P<park>{han}{2,6}?(?:{weak_zone_suffixes}|园区))")
        return frozenset(m.group("park") for m in pattern.finditer(self.doc.text))

    @cached_property
    def _bare_parks(self) -> list[str]:
        """走进大庆高新区宏伟园区 … 宏伟园区集聚化工企业86家: a park placed in a zone whose suffix
        (园区) alone is no zone's, found wherever it recurs."""
        # (…开发区共建的飞地园区, 在全省园区, 等专业园区 describe parks; they name none.)
        return sorted((p for p in self._parks_in_zones if p.endswith("园区") and not _FUNCTION_CHARS_ZH.search(p[:-2])
                       and not (self._zone and self._zone.search(p))), key=longest_first)

    @cached_property
    def _areas(self) -> list[str]:
        """Areas the article names as a cluster's core without a zone suffix (主要布局在中国声谷,
        核心区为星沙产业基地, 以水口镇为核心区): places wherever they recur (中国声谷入驻企业已达1024家)."""
        if "core_area" not in self.ruleset.macros:
            return []
        found = {m.group("area") for m in self.ruleset.compile("{core_area}").finditer(self.doc.text)}
        # 该集群以水口镇为核心区: a town or park as the core, without a zone's suffix.
        found |= {m.group("area") for m in _CORE_TOWN_ZH.finditer(self.doc.text)}
        found |= {m.group("area") for pattern in (_TOWN_AFTER_DIVISION_ZH, _TOWN_TOPIC_ZH)
                  for m in pattern.finditer(self.doc.text) if _town_name(m.group("area"))}
        found |= {town for m in _TOWN_LISTED_ZH.finditer(self.doc.text)
                  if _town_name(town := m.group("area") or m.group("first"))}
        zone, g = self._zone, gazetteer()
        # Zones and divisions (布局在长沙县) are found as such already.
        return sorted((a for a in found if not (zone and zone.search(a)) and not self._only_generic(a)
                       # (东城镇 is a town even though 东城 is also a district's short name.)
                       and g.lookup_zh(a) is None and (a.endswith(("镇", "乡")) or g.lookup_zh(a[:-1]) is None)),
                      key=longest_first)

    def _only_generic(self, prefix: str) -> bool:
        """其他国家 / 全省 / 国家级: words that qualify a zone suffix without naming a zone."""
        rest = prefix
        while rest:
            word = next((w for w in self._not_places_longest if rest.startswith(w)), None)
            if word is None:
                return False
            rest = rest[len(word):]
        return True

    def _division_in(self, name: str) -> Optional[Division]:
        g = gazetteer()
        for i in range(len(name)):
            hit = g.prefix_zh(name, i)
            if hit:
                return hit[1]
        return None


def _town_name(area: str) -> bool:
    # (东城镇, 南城镇: a direction and 城 name a town; 城镇 alone is "towns".)
    generic = area.endswith(_GENERIC_TOWNS_ZH) and not (len(area) == 3 and area[0] in "东西南北" and area[1] == "城")
    return not generic and not _NOT_TOWN_START_ZH.match(area)
