"""Where places are named in English: divisions (Changshu, Pizhou city), zones (Zhengzhou
High-tech Zone, East Lake High-tech Zone) and towns (Pengchang town); `Places` (mentions.py)
asks for one sentence at a time."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extract.compiled_regex import cached_compile
from extract.mentions import Place
from extract.places import gazetteer
from extract.references import TOWN_SUFFIXES_EN

if TYPE_CHECKING:
    from extract.mentions import Places

# Apostrophes split words so that "Guangdong's" finds Guangdong; "Xi'an" is found as two
# words one character apart.
_EN_WORD = cached_compile(r"[A-Za-z]+")
_ORGANIZATION_AFTER_EN = cached_compile(
    r"\s+(?:[A-Z][\w&'’-]*\s+){0,2}?(?:University|College|Group|Company|Corporation|Bank|Hospital|"
    r"Institute|Academy|Airlines|Pharmaceutical|Steel|Motor|Motors|"
    # Machine translation lowercases the head ("Sichuan Changhong Electric group"); "steel" or
    # "motor" in lower case may be an industry, so only heads that name a body stay.
    r"group|company|corporation|university|college)\b")
# "Reporter of Heilongjiang Daily:" in a transcript names a newspaper, not the province; on a
# "Source: Fujian Daily" line the paper's place is the article's own, and stays a place.
_MEDIA_AFTER_EN = cached_compile(r"\s+(?:Daily|Evening\s+News|Times|Television|TV|Radio|Broadcasting)\b")
_SOURCE_LINE_EN = cached_compile(r"\bsource\b", re.I)
_TOWN_EN = cached_compile(r"\b(?P<name>(?-i:[A-Z][a-z]+)(?:[\s-](?-i:[A-Z][a-z]+))?)\s+" + TOWN_SUFFIXES_EN
                          + r"\b(?!\s+(?:office|committee|government))", re.I)


def _plural(text: str, zone: re.Match) -> bool:
    """"Zhengzhou and Luoyang high-tech zones": a suffix shared by several names, not one's."""
    return text[zone.end():zone.end() + 1].lower() == "s"


def _zone_words_between(places: Places, gap: str) -> bool:
    """"weihai torch high-tech zone", "Baotou Rare Earth High-tech Zone": up to two words of
    the zone's own name between the division and the suffix (any case, as machine
    translation writes them), none a function word or another place."""
    words = gap.split()
    if not 1 <= len(words) <= 2 or not gap[:1].isspace() or not gap[-1:].isspace():
        return False
    return all(re.fullmatch(r"[A-Za-z]+", w) and w.lower() not in places._stop
               and gazetteer().lookup_en(w) is None for w in words)


def find_en(finder: Places, index: int) -> list[Place]:
    """Zones and divisions named in English in sentence `index` (references aside)."""
    doc, text = finder.doc, finder.doc.text
    start, end = doc.sentence_span(index)
    g = gazetteer()
    words = list(_EN_WORD.finditer(text, start, end))
    places: list[Place] = []
    zones = list(finder._zone.finditer(text, start, end)) if finder._zone is not None else []
    i = 0
    while i < len(words):
        hit = None
        if words[i].group().lower().replace("’", "'") not in g.en_first_words:
            i += 1
            continue
        for n in range(min(g.max_en_words, len(words) - i), 0, -1):
            chunk = words[i:i + n]
            if any(chunk[k + 1].start() - chunk[k].end() > 1 for k in range(n - 1)):
                continue
            name = text[chunk[0].start():chunk[-1].end()]
            if name.lower() in finder._not_places:
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
        if (name_start - start >= 2 and text[name_start - 1] == "-" and text[name_start - 2].isalnum()
                and not (places and places[-1].end == name_start - 1)):
            # "SAIC-GM-Wuling": the end of a company's name, not Wuling District; places
            # joined by hyphens ("Beijing-Tianjin-Hebei") are each a place.
            i += 1
            continue
        if _ORGANIZATION_AFTER_EN.match(text, name_end) or (
                _MEDIA_AFTER_EN.match(text, name_end)
                and not _SOURCE_LINE_EN.search(text, text.rfind("\n", 0, name_start) + 1, name_start)):
            # "Xi'an Jiaotong University", "Shandong University", "Baoji Titanium Group": the
            # name of an organization, not the place.
            while i < len(words) and words[i].start() < name_end:
                i += 1
            continue
        stop = name_end
        kind = "division"
        for zone in zones:
            if _plural(text, zone):
                continue
            if 0 <= zone.start() - name_end <= 1 or re.fullmatch(r"[\s-]*(?:national\s+)?", text[name_end:zone.start()], re.I) \
                    or _zone_words_between(finder, text[name_end:zone.start()]):
                if zone.start() >= name_end:
                    stop, kind = zone.end(), "zone"
                    break
        if kind == "division":
            suffix = re.match(r"\s+(city|province|district|county|municipality|banner|league)\b", text[stop:end], re.I)
            if suffix:
                stop += suffix.end()
            if text[name_start:stop].lower().endswith(" city") and division.province_proper:
                # "the Guangdong city is now home to …": a city of Guangdong, the one the
                # article is about; a reference, not the province.
                kind, division = "reference", None
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
        named = re.search(r"((?:\(?[A-Z][A-Za-z'’-]*\)?\s+){1,4})$", before)  # Zhongguancun (Liyang)
        if not named:
            continue
        # Leading function words ("The", "In") are not part of the name.
        offset = zone.start() - len(named.group(1))
        for word in re.finditer(r"\S+\s+", named.group(1)):
            if word.group().strip().strip("()").lower() not in finder._stop:
                break
            offset = zone.start() - len(named.group(1)) + word.end()
        if offset < zone.start():
            # A division inside the name (Zhongguancun (Liyang) Science Park) or just before
            # it (Yangling Agricultural High-tech Industries Demonstration Zone) is the zone's.
            offset = next((p.start for p in places if p.kind == "division" and text[p.end:offset] == " "), offset)
            inside = [p for p in places if offset <= p.start and p.end <= zone.start()]
            places = [p for p in places if p not in inside]
            division = next((p.division for p in inside if p.division is not None), None)
            places.append(Place(offset, zone.end(), "zone", division))
    return _towns_en(finder, start, end, places)

def _towns_en(found: Places, start: int, end: int, places: list[Place]) -> list[Place]:
    """"Jinyang street, Jinhua town, Baijin street respectively gathered …": a town or a
    subdistrict (镇, 街道) is a place of its own, even when a city elsewhere shares its name."""
    text = found.doc.text
    for town in _TOWN_EN.finditer(text, start, end):
        if town.group("name").split()[0].lower() in found._stop:
            continue  # "In Main Street"; ("The town" is a reference)
        overlapping = [p for p in places if p.start < town.end() and town.start() < p.end]
        if any(p.kind == "zone" for p in overlapping):
            continue
        places = [p for p in places if p not in overlapping]
        places.append(Place(town.start(), town.end(), "zone", None))
    return sorted(places, key=lambda p: p.start)
