"""References back to places (该区, 全市, "the zone", "it", "we"): which named place each stands for.

A reference of a kind ("the zone" a zone, 全市 a city) reaches back for that kind; "it" stands for
what the reference before it stood for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from extract.compiled_regex import cached_compile

if TYPE_CHECKING:
    from extract.document import Document
    from extract.mentions import Place, Places

# What an English reference may stand for: "the city" is no province, "the zone" no division.
# What ends the English name of a town or subdistrict (镇, 街道): mentions_en finds them by it.
TOWN_SUFFIXES_EN = r"(?:town|township|street|subdistrict|sub-district)"
_TOWN_SUFFIX_EN = cached_compile(r"\s" + TOWN_SUFFIXES_EN + "$", re.I)
_REFERENCE_KINDS_EN = [(cached_compile(r"\b(?:zone|park)\b", re.I), {"zone"}),
                       (cached_compile(r"\btown(?:ship)?\b", re.I), {"town"}),
                       # "the new area" (新区): a national new area is a zone or, in the tables, a district
                       (cached_compile(r"\bnew\s+area\b", re.I), {"zone", "district"}),
                       # "we" in an official's quote: the zone or city the official speaks for.
                       (cached_compile(r"^we$", re.I), {"zone", "city", "county_city"}),
                       (cached_compile(r"\bprovince\b", re.I), {"province"}),
                       (cached_compile(r"\bregion\b", re.I), {"province"}),
                       # (a county is no city: "Ningjin County … our city has …" is Dezhou's)
                       (cached_compile(r"\b(?:city|municipality)\b", re.I), {"city", "county_city"}),
                       # "the whole district" (全区) in a zone's report is the zone
                       (cached_compile(r"\bdistrict\b", re.I), {"zone", "county", "district"}),
                       (cached_compile(r"\bcounty\b", re.I), {"county", "district"})]
# (苏州工业园区位于江苏省……园区拥有: the park is never the province named around it.)
_PARK_KINDS = {"zone", "town", "city", "county_city", "county", "district"}
_REFERENCE_KINDS_ZH = [("高新区", {"zone"}), ("开发区", {"zone"}), ("经开区", {"zone"}), ("新区", {"zone"}),
                       ("高新区内", {"zone"}), ("市", {"city", "county_city", "municipality"}), ("县", {"county"}), ("省", {"province"}),
                       # 全区 / 该区 / 区内: a zone or a district, never a city or a province; 园区 may
                       # end a park's own name (金阳园区), so it stays open to any place but a province.
                       ("园区", _PARK_KINDS), ("园区内", _PARK_KINDS), ("区", {"zone", "district"}), ("区内", {"zone", "district"}),
                       # 全州 / 全盟 an autonomous prefecture or a league, 全旗 a banner.
                       ("州", {"city"}), ("盟", {"city"}), ("旗", {"county"}),
                       # 全镇 / 该镇: a town the article names (官湖镇), never the county around it.
                       ("镇", {"town"})]
_NEW_AREA_ZH = cached_compile(r"(?<!高)新区$")
_COMPARED_EN = cached_compile(r"\b(?:behind|ahead\s+of|than|second\s+to|next\s+to|trailing|after)\s+(?:the\s+)?$", re.I)
# The words between a place and a division that only locates it ("… Zone in central China's
# Hunan Province", "Lianyungang, a port city in east China's Jiangsu Province", "Hefei, capital
# of East China's Anhui province", "Jiangyou, a county-level city under Mianyang", "Jurong,
# another county-level city under Zhenjiang").
_LOCATING_APPOSITION_EN = cached_compile(
    r",?\s+(?:(?:also|all|both|each)\s+){0,2}(?:(?:a|an|another|one|the)\s+(?:[\w'’-]+\s+){0,3}?)?(?:(?:located|situated|based)\s+)?(?:in|under|administered\s+by|capital\s+(?:city\s+)?of)\s+(?:the\s+)?(?:(?:north|south|east|west|"
    r"central|northeast|northwest|southeast|southwest|eastern|western|northern|southern|neighbou?ring|nearby|adjacent)\s+)?"
    r"(?:China(?:'s|’s)\s+)?(?:the\s+)?(?:(?:city|prefecture|province|county)\s+of\s+)?", re.I)
_PART_NOUN_EN = cached_compile(r"\b(?:district|county|town|township)$", re.I)
_UNABBREVIATED_EN = {"etdz": "economic and technological development zone"}
_ABBREVIATED_EN = cached_compile(r"\bETDZ$", re.I)
# "The park, the heart of Zhangjiang Science City, is now home to …": after an appositive's
# closing comma the sentence's own verb goes on.
_VERB_AFTER_APPOSITIVE_EN = cached_compile(
    r",\s+(?:now\s+|also\s+|still\s+|currently\s+)?(?:is|was|are|were|has|had|have|hosts|hosted|houses|housed|"
    r"boasts|boasted|gathers|gathered|counts|counted|remains|ranks|ranked|rose|climbed|reported|posted|"
    r"came|comes|placed|finished|took|stood|stayed|held|kept|retained|topped|led|jumped|fell|dropped|slipped|"
    r"moved|advanced|gained)\b", re.I)
FAR_BACK = 30  # sentences a typed reference ("the zone") may reach back when none is nearer


def in_appositive_en(doc: Document, place: Place, before: list[Place]) -> bool:
    """English: a place inside an appositive to the place or reference that opens the sentence
    ("The park, the heart of Zhangjiang Science City in the Pudong New Area, is now home to …")
    describes the subject; it is neither the subject nor what a later "the park" means."""
    if doc.language != "en" or not before:
        return False
    text = doc.text
    start, end = doc.sentence_span(doc.sentence_of(place.start))
    opened = text.rfind(",", start, place.start)
    closed = text.find(",", place.end, end)
    if opened < 0 or closed < 0 or not _VERB_AFTER_APPOSITIVE_EN.match(text, closed):
        return False
    # (The aside may name more than one place: "…, which overlaps with the city's Binjiang district, is".)
    head = next((p for p in reversed(before) if p.end == opened), None)
    if head is None or head.start < start:
        return False
    # (The subject opens the sentence or its main clause: "About 100 kilometers to the northeast,
    # Mianyang High-tech Zone, in the city known as …, has …".)
    opening = text[start:head.start].strip().lower()
    if opening.endswith(" in"):
        # ("Shunde district in Foshan, South China's Guangdong province, has retained …": the aside
        # places the place that locates the subject.)
        return any(p.end <= head.start and text[start:p.start].strip().lower() in ("", "the") for p in before)
    return opening in ("", "the") or opening.endswith((",", ", the"))


def resolve(places: Places, place: Place, limit: int = 6) -> Optional[Place]:
    """A reference (该区, "it") resolved to the nearest earlier named place."""
    if place.kind != "reference":
        return place
    from extract.aliases import zone_called_so

    called = zone_called_so(places, place)
    if called is not None:
        return called
    wanted = reference_kinds(places, place)
    if places.doc.language == "en" and wanted is None:
        # "It" stands for what the reference just before it stood for ("the zone has been
        # fostering … It now hosts …"), followed back step by step, not recursively.
        for _ in range(20):
            before = places.before(place.start, limit)
            if not before or before[-1].kind != "reference":
                break
            place = before[-1]
            wanted = reference_kinds(places, place)
            if wanted is not None:
                break

    def named(back: int) -> list[Place]:
        before = places.before(place.start, back)
        if wanted == {"zone"} and places.doc.language == "en":
            before = [_zone_called_by_place(places, p, before) for p in before]
        # (泰州医药高新区（高港区）: the district is the zone's other name, not another place 全区
        # could mean; a zone's own short name in brackets stays a name of the zone.)
        text = places.doc.text
        return [p for i, p in enumerate(before)
                if p.kind != "reference" and (wanted is None or kind_of(p, text) in wanted) and not _locating(places, p)
                # (…增速居全省开发区首位。该区…: the zones of a whole province are no one zone; 约占
                # 西藏自治区高新技术企业总数的四成。…园区…: the whole of a share is not what is spoken of.)
                and not (p.kind == "zone" and text[p.start] in "全各")
                and not _SHARE_WHOLE_ZH.search(text, max(0, p.start - 3), p.start)
                and not zones_other_name(text, before, i)
                and not in_appositive_en(places.doc, p, before[:i])
                # "The Changzhi High-tech Zone has become the core of Shanxi's optoelectronics
                # industry. It hosts …": "it" is not a possessive that only qualifies a noun.
                and not (wanted is None and places.doc.language == "en" and text[p.end:p.end + 2] in ("'s", "’s"))]

    # A long report names its zone once and says "the zone" for pages: a reference of a kind
    # reaches further back for that kind alone.
    if places.doc.language == "en" and wanted != {"zone"}:
        # "the new area": the place just named whose name ends so (whatever kind it was found
        # as); "the zone" is the one the article keeps returning to (below).
        head = _REFERENCE_HEAD_EN.sub("", places.doc.text[place.start:place.end].lower())
        alike = [p for p in places.before(place.start, limit) if p.kind != "reference"
                 and places.doc.text[p.start:p.end].lower().endswith(head)] if " " in head else []
        if alike:
            return alike[-1]
    if places.doc.language == "zh" and wanted == {"zone"}:
        # 滨海新区…天津港保税区…。新区国家高新技术企业达到4715家: 新区 is the new area named
        # before, not a nearer zone of another kind (a 高新区 has short and full names of its own).
        if _NEW_AREA_ZH.search(places.doc.text, place.start, place.end):
            alike = [p for p in named(FAR_BACK) if _NEW_AREA_ZH.search(places.doc.text, p.start, p.end)]
            if alike and alike[-1].start < place.start:
                return alike[-1]
    candidates = named(limit) or (named(FAR_BACK) if wanted is not None else [])
    if not candidates:
        return None
    nearest = candidates[-1]
    if (len(candidates) > 1 and wanted is not None and "zone" in wanted and nearest.kind == "zone"
            and candidates[-2].kind == "zone" and candidates[-2].end == nearest.start
            and _WHOLE.match(places.doc.text, place.start)):
        # 滨海高新区渤龙湖科技园 … 全区: the whole zone, not the park inside it just named.
        nearest = candidates[-2]
    same_sentence = places.doc.sentence_of(nearest.start) == places.doc.sentence_of(place.start)
    if wanted is not None and "city" in wanted and kind_of(nearest) == "county_city" and not same_sentence:
        # (四会市是全国最大的翡翠玉器加工集散地之一，全市现有…: the city its own sentence is about.)
        nearest = _city_or_its_county(nearest, named(FAR_BACK))
    if wanted == {"zone"}:
        scoped = _zone_of_opening_place(places, place, candidates)
        if scoped is not None:
            return scoped
        # "Wuhu Zone slipped, while Bengbu Zone held steady. The zone has …": with two zones
        # just named, "the zone" is the one the article keeps returning to.
        sentence = places.doc.sentence_of(nearest.start)
        in_sentence = {_key(places, p) for p in candidates if places.doc.sentence_of(p.start) == sentence}
        if len(in_sentence) > 1:
            counts = {k: sum(_key(places, p) == k for p in candidates) for k in (_key(places, p) for p in candidates)}
            best = max(counts.values())
            # On a tie, the one named first: the article's lead.
            return next(p for p in candidates if counts[_key(places, p)] == best)
        return _unabbreviated(places, nearest, named(FAR_BACK))
    return nearest


def _zone_of_opening_place(places: Places, place: Place, candidates: list[Place]) -> Optional[Place]:
    """"In Chongqing, the high-tech zone counts 916 …": the clause's opening place says whose zone
    "the zone" is — the last zone named in that division."""
    if places.doc.language != "en":
        return None
    sentence = places.doc.sentence_of(place.start)
    opener = _IN_PLACE_OPENING_EN.match(places.doc.text, places.doc.sentence_span(sentence)[0], place.start)
    if opener is None or opener.end() != place.start:
        return None
    division = next((p.division for p in places.in_sentence(sentence)
                     if p.start == opener.start("place") and p.kind == "division" and p.division is not None), None)
    if division is None:
        return None
    return next((p for p in reversed(candidates) if p.kind == "zone" and p.division is not None
                 and p.division.adcode == division.adcode), None)


_IN_PLACE_OPENING_EN = cached_compile(r"\s*(?:In|At)\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?),\s+")
_REFERENCE_HEAD_EN = cached_compile(r"^(?:the|this|that|our|its)\s+(?:whole\s+|entire\s+)?")
_SHARE_WHOLE_ZH = cached_compile(r"占(?:到|全)?$")
_WHOLE = cached_compile(r"全|the\s+(?:whole|entire)\b", re.I)
_BARE_ZONE_EN = cached_compile(r"\s+zone\b", re.I)


def _zone_called_by_place(places: Places, place: Place, before: list[Place]) -> Place:
    """"The Yuxi High-tech Industrial Development Zone … Kunming High-tech Zone … the Yuxi zone
    has …": a division followed by a bare "zone" is the zone named earlier with that division."""
    if place.kind != "division" or place.division is None or not _BARE_ZONE_EN.match(places.doc.text, place.end):
        return place
    return next((p for p in reversed(before) if p.kind == "zone" and p.end <= place.start and p.division is not None
                 and p.division.adcode == place.division.adcode), place)


def zone_called_by_place(places: Places, place: Place) -> Place:
    """`place` itself, or, for "the Lanzhou zone" after "Lanzhou High-tech Zone", that zone."""
    # (The cheap test first: this runs for every division a subject search passes.)
    if place.kind != "division" or places.doc.language != "en" or not _BARE_ZONE_EN.match(places.doc.text, place.end):
        return place
    return _zone_called_by_place(places, place, places.before(place.start, FAR_BACK))


_OPENING = ("(", "（")
_CLOSING = (")", "）")
# How far inside its brackets another name may lie: 天津经济技术开发区（TEDA，以下简称“泰达”或“天津开发区”）.
_IN_BRACKETS = 40


def bracketed_alias(text: str, places: list[Place], i: int) -> bool:
    """Whether places[i] is in brackets right after a place named before it, giving its other
    name ("Hangzhou High-tech Zone (Binjiang)", 泰州医药高新区（高港区）: one administration;
    天津经济技术开发区（TEDA，简称“泰达”）), not another place."""
    if i == 0:
        return False
    place = places[i]
    opening = max(text.rfind(c, max(0, place.start - _IN_BRACKETS), place.start) for c in _OPENING)
    if opening < 0 or any(c in text[opening:place.start] for c in _CLOSING):
        return False
    after = text[place.end:place.end + _IN_BRACKETS]
    closing = min((after.find(c) for c in _CLOSING if c in after), default=-1)
    if closing < 0 or any(c in after[:closing] for c in _OPENING):
        return False
    before = next((p for p in reversed(places[:i]) if p.end <= opening), None)
    return before is not None and before.kind != "reference" and not text[before.end:opening].strip()


def zones_other_name(text: str, places: list[Place], i: int) -> bool:
    """"Ningbo … Development Zone (Beilun district)" / 泰州医药高新区（高港区）: places[i] is a
    district in brackets right after a zone, the zone's other name; neither a reference nor a
    count stands for it in place of the zone."""
    return places[i].kind == "division" and bracketed_alias(text, places, i) and places[i - 1].kind == "zone"


def _locating(places: Places, place: Place) -> bool:
    """吉安高新区位于吉州区境内，区内…: a place named as where another place lies is not what 区内
    means (烟台生物医药集群位于烟台经开区，区内… is: a cluster is no place), nor is one of the
    divisions named in a row there (位于江苏省常州市武进区)."""
    markers = places.ruleset.built("locative_markers", lambda: tuple(places.ruleset.words.get("locative_markers", ())))
    text = places.doc.text
    if places.doc.language == "en":
        # "… second in the province, only behind Harbin high-tech zone. The zone …": a place
        # compared with is not the one spoken of.
        if _COMPARED_EN.search(text, max(0, place.start - 20), place.start):
            return True
        # "Jinjiang, a county-level city under Quanzhou, is … It is home to …": the place in an
        # apposition says where the one before it lies.
        named = [p for p in places.in_sentence(places.doc.sentence_of(place.start))
                 if p.end <= place.end and p.kind != "reference"]
        return bool(named) and named[-1] is place and locates_previous(text, named, len(named) - 1)
    # (…高新区位于江苏省常州市武进区: the divisions written one after another say where it lies.)
    named = places.in_sentence(places.doc.sentence_of(place.start))
    start = place.start
    while (before := next((p for p in named if p.end == start and p.kind == "division"), None)) is not None:
        start = before.start
    marker = next((m for m in markers if text.endswith(m, 0, start)), None)
    if marker is None:
        return False
    at = start - len(marker)
    return any(p.end == at and p.kind != "reference" for p in places.in_sentence(places.doc.sentence_of(at)))


def locates_previous(text: str, places: list[Place], i: int) -> bool:
    """English: a division that only says where the place before it is: "Wujin Zone in
    Changzhou, Jiangsu Province", "Lianyungang, a port city in east China's Jiangsu"."""
    if i == 0 or places[i].kind != "division":
        return False
    gap = text[places[i - 1].end:places[i].start]
    # "… Zone (Anshan High-tech Zone) in Northeast China's Liaoning province": past the alias.
    gap = gap[1:] if gap.startswith(")") else gap
    if _LOCATING_APPOSITION_EN.fullmatch(gap):
        return True
    # "Yuhang district of Hangzhou": a district's city.
    if gap.strip().lower() == "of" and _PART_NOUN_EN.search(text, places[i - 1].start, places[i - 1].end):
        return True
    return gap.strip() == "," and locates_previous(text, places, i - 1)


def _unabbreviated(places: Places, zone: Place, candidates: list[Place]) -> Place:
    """"Jingzhou Economic and Technological Development Zone … the Jingzhou ETDZ … the zone":
    the zone as the article names it in full."""
    text = places.doc.text
    short = _ABBREVIATED_EN.search(text, zone.start, zone.end)
    if short is None or zone.division is None:
        return zone
    full = _UNABBREVIATED_EN[short.group().lower()]
    return next((p for p in candidates if p.kind == "zone" and p.division is not None
                 and p.division.adcode == zone.division.adcode
                 and text[p.start:p.end].lower().endswith(full)), zone)


def _city_or_its_county(county: Place, candidates: list[Place]) -> Place:
    """许昌市 … 长葛市 … 全市: a county-level city just named inside the article's city stands
    for 全市 only if the article names it more often than the city it belongs to."""
    parent = county.division.parent
    cities = [p for p in candidates if p.division is not None and p.division.adcode == parent]
    if not cities:
        return county
    own = sum(1 for p in candidates if p.division is not None and p.division.adcode == county.division.adcode)
    return cities[-1] if len(cities) > own else county


def _key(places: Places, place: Place) -> str:
    return places.doc.text[place.start:place.end].lower()


def reference_kinds(places: Places, place: Place) -> Optional[set[str]]:
    """The kinds of place a reference may stand for; None for "it" and the like."""
    words = places.doc.text[place.start:place.end]
    if places.doc.language != "en":
        # 全市 / 该市 a city (or a county-level one), 该县 a county, 该高新区 a zone; 该区 /
        # 全区 may be a district or a zone, and 园区 may end a park's own name (金阳园区).
        return next((kinds for suffix, kinds in _REFERENCE_KINDS_ZH if words.endswith(suffix)), None)
    return next((kinds for pattern, kinds in _REFERENCE_KINDS_EN if pattern.search(words)), None)


def kind_of(place: Place, text: str = "") -> str:
    """zone, town (官湖镇, given the text), province, municipality (重庆), city, county_city (a
    county-level city), county or district."""
    if place.kind == "zone" and text and (text[place.end - 1:place.end] in ("镇", "乡")
                                          or _TOWN_SUFFIX_EN.search(text, place.start, place.end)):
        return "town"  # (官湖镇, "Jinhua town", "Baijin street": a town or subdistrict)
    if place.kind == "zone" or place.division is None:
        return place.kind
    if place.division.level == "county" and place.division.name_zh.endswith("市"):
        return "county_city"  # 江阴市: a city to 全市 / "the city", not a county to 该县
    if place.division.level == "province" and place.division.name_zh.endswith("市"):
        return "municipality"  # 重庆方面，全市…: a city to 全市, never a province to 全省
    return place.division.level
