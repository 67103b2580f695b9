"""Other names an article gives a zone and then uses for it: 天津经济技术开发区（以下简称“泰达”）,
"Chengdu Hi-tech Industrial Development Zone (hereinafter … CDHT)", "the district, known locally
as GDD". Each is a name of that zone wherever it occurs (a headline often uses it before the
body gives it).

The wordings that give a name are the rule files' `zone_alias` macro (matched right after a
zone or a reference to one); `alias_cue` finds the sentences worth looking at. English copy
also uses well-known acronyms it never defines (TEDA, SIP): `implied_acronyms` reads them off
the initials of the zones the article names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from extract.compiled_regex import cached_compile
from extract.document import Document
from extract.mentions import Place, occurrences
from extract.places import Division, gazetteer

if TYPE_CHECKING:
    from extract.mentions import Places

# How far back a definition made after a reference ("the district, known as GDD") looks for
# the zone the reference stands for.
_SENTENCES_BACK = 3


@dataclass(frozen=True)
class Alias:
    name: str  # as matched (normalized text)
    zone: Optional[Place]  # the zone it names, when the article named that zone
    division: Optional[Division]
    written: str  # as the article writes it, and the zone's name likewise
    zone_written: Optional[str]
    defined_at: int = -1  # where an aside gives it ("…, better known as X,"): no subject there
    implied: bool = False  # an acronym the article never defines (implied_acronyms)
    generic: bool = False  # a word any zone is called by (以下简称“园区”): what 园区 means here


def find_aliases(places: Places) -> list[Alias]:
    ruleset, doc = places.ruleset, places.doc
    if "zone_alias" not in ruleset.macros or "alias_cue" not in ruleset.macros:
        return []
    cue, definition = ruleset.compile("{alias_cue}"), ruleset.compile("{zone_alias}")
    found: list[Alias] = []
    for index, (start, end) in enumerate(doc.sentences):
        if not cue.search(doc.text, start, end):
            continue
        for place in _zones_and_references(places, index):
            match = definition.match(doc.text, place.end, end)
            if match is None:
                continue
            zone = place if place.kind == "zone" else _zone_before(places, index, place.start)
            division = zone.division if zone is not None else None
            zone_written = doc.value(zone.start, zone.end) if zone is not None else None
            for group, name in match.groupdict().items():
                if not (group.startswith("alias") and name):
                    continue
                written = doc.value(*match.span(group))
                if places.generic_name(name):
                    if zone is not None:
                        found.append(Alias(name, zone, division, written, zone_written, match.start(group),
                                           generic=True))
                    continue
                # (A bracketed definition, "… Park (SIP) ranked first", stays a name of the
                # zone where it stands; one set off by commas is an aside.)
                aside = not match.group(0).lstrip().startswith(("(", "（"))
                found.append(Alias(name, zone, division, written, zone_written,
                                   match.start(group) if aside else -1))
    return found


# An English acronym: 3-6 capitals standing alone ("TEDA", "SIP", "CND").
_ACRONYM_EN = cached_compile(r"(?<![\w&'’-])[A-Z]{3,6}(?![\w&'’-])")
# An acronym naming what belongs to the zone ("the SIP administrative committee") is no mention
# of the zone itself.
_OWNED_AFTER_EN = cached_compile(r"\s+(?:administrative|management|committee|officials?|authorities|office|"
                                 r"government|model|brand)\b", re.I)
# Words of a zone's name that give no letter to its acronym.
_UNLETTERED = frozenset(("and", "of", "the", "&"))


def implied_acronyms(places: Places, given: list[Alias]) -> list[Alias]:
    """Acronyms an English article uses for a zone it names in full without ever defining them
    ("The Tianjin Economic-Technological Development Area ranked fourth … TEDA came second"):
    an acronym whose letters are the initials of the zone's words, in order, opening with the
    first word's and closing with the last word's (TEDA, SIP for Suzhou Industrial Park), is a
    name of that zone when exactly one zone the article names fits it."""
    doc = places.doc
    if doc.language != "en":
        return []
    known = {a.name for a in given}
    acronyms = {m.group() for m in _ACRONYM_EN.finditer(doc.text)} - known
    if not acronyms:
        return []
    zones: dict[str, Place] = {}
    for index in range(len(doc.sentences)):
        for place in places.named_in_sentence(index):
            if place.kind == "zone":
                zones.setdefault(doc.text[place.start:place.end], place)
    found = []
    for acronym in sorted(acronyms):
        fitting = [name for name in zones if _abbreviates(acronym, name)]
        if len(fitting) == 1:
            zone = zones[fitting[0]]
            found.append(Alias(acronym, zone, zone.division, acronym, doc.value(zone.start, zone.end),
                               implied=True))
    return found


def zone_called_so(places: Places, reference: Place) -> Optional[Place]:
    """The zone an article said it would call by a generic word (苏州工业园区（以下简称“园区”）…
    园区现有…): that word, after the definition, refers to it."""
    word = places.doc.text[reference.start:reference.end]
    defined = [a.zone for a in places.given_aliases
               if a.generic and a.name == word and a.zone is not None and a.defined_at < reference.start]
    return defined[-1] if defined else None


def implied_stems(places: Places, given: list[Alias]) -> list[Alias]:
    """Short names a Chinese article uses for a zone it names in full: the zone's own name
    without its city and suffix (东莞松山湖高新技术产业开发区 … 松山湖拥有高新技术企业500余家;
    中关村示范区 … 中关村拥有…). A stem that is itself a division's name (滨海 of 天津滨海高新区)
    or that zones in two places share names none of them."""
    doc, ruleset = places.doc, places.ruleset
    if doc.language != "zh" or "zone_suffixes" not in ruleset.macros:
        return []
    text, any_suffix = doc.text, ruleset.compile("{zone_suffixes}")
    names: list[tuple[str, Optional[Place]]] = [(a.name, a.zone) for a in given]
    for index, (start, end) in enumerate(doc.sentences):
        if any_suffix.search(text, start, end):
            names += [(text[p.start:p.end], p) for p in places.named_in_sentence(index) if p.kind == "zone"]
    known = {a.name for a in given}
    stems: dict[str, tuple[Optional[Place], Optional[Division]]] = {}
    shared: set[str] = set()
    for name, zone in names:
        found = _stem_zh(places, name)
        if found is None or found[0] in known:
            continue
        stem, division = found
        if stem not in stems:
            stems[stem] = (zone, division)
        elif division is not None and stems[stem][1] not in (None, division):
            shared.add(stem)  # (the 高新区 of two cities with one name)
        elif division is not None:
            stems[stem] = (stems[stem][0] or zone, division)
    return [Alias(stem, zone, division, stem, doc.value(zone.start, zone.end) if zone else None, implied=True)
            for stem, (zone, division) in stems.items() if stem not in shared and not _names_industry(text, stem)]


def _names_industry(text: str, stem: str) -> bool:
    """包头稀土高新区, 通化医药高新区: a zone named after its industry, as 稀土企业 elsewhere shows."""
    at = text.find(stem)
    while at >= 0:
        if _INDUSTRY_AFTER_ZH.match(text, at + len(stem)):
            return True
        at = text.find(stem, at + 1)
    return False


def _stem_zh(places: Places, name: str) -> Optional[tuple[str, Optional[Division]]]:
    """松山湖 of 东莞松山湖高新区 with 东莞, the place its name opens with, or None (see
    implied_stems).

    Only a zone's strong suffix leaves a name (天府软件园: 天府 names no zone)."""
    ruleset, g = places.ruleset, gazetteer()
    suffix = ruleset.compile("(?:{zone_suffixes})$").search(name)
    if suffix is None or suffix.group() in ruleset.words.get("weak_zone_suffixes", ()):
        return None
    at, place = 0, None
    while (hit := g.prefix_zh(name, at, suffix.start())) is not None:
        length, division = hit
        marked = name[at + length:at + length + 1] in ("省", "市", "县", "区")
        if division.level in ("county", "district") and not marked and not name[at:at + length].endswith(("县", "区")):
            break  # (东湖 of 东湖新技术开发区, 松山 of 松山湖: a district's name elsewhere, not this zone's place)
        at += length + marked
        place = division
    stem = name[at:suffix.start()]
    if not (2 <= len(stem) <= 4 and _HAN_ONLY.fullmatch(stem)) or _PHRASE_CHARS.search(stem):
        return None
    if places.generic_name(stem) or places.generic_name(name[at:]) \
            or stem.startswith(tuple(ruleset.words.get("zone_kind_openers", ()))):
        return None  # (国家级, 全省: a zone's kind, no name)
    if g.lookup_zh(stem) is not None or (stem[-1] in "省市县区" and g.lookup_zh(stem[:-1]) is not None):
        return None
    return stem, place


_INDUSTRY_AFTER_ZH = cached_compile(r"(?:产业|企业|行业|领域|工业|产品|装备|零部件|整车)")
_HAN_ONLY = cached_compile(r"[\u4e00-\u9fff]+")
# (新区内, 各开发区: a stem with such a character is a phrase, not a name; 中 opens names: 中关村.)
_PHRASE_CHARS = cached_compile(r"[的在等各全与和及共该本我其这那之内外个家]|.中")


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether `acronym` is made of `name`'s initials (see implied_acronyms).

    >>> _abbreviates("TEDA", "Tianjin Economic-Technological Development Area")
    True
    >>> _abbreviates("SIP", "Suzhou Industrial Park"), _abbreviates("SIP", "Suzhou High-tech Zone")
    (True, False)
    >>> _abbreviates("GDP", "Guangzhou Development District")
    False
    """
    initials = [w[0].upper() for w in name.replace("-", " ").split() if w.lower() not in _UNLETTERED]
    if len(initials) < len(acronym) or initials[0] != acronym[0] or initials[-1] != acronym[-1]:
        return False
    letters = iter(initials[1:-1])
    return all(letter in letters for letter in acronym[1:-1])


def _zones_and_references(places: Places, index: int) -> list[Place]:
    named = [p for p in places.named_in_sentence(index) if p.kind == "zone"]
    return sorted(named + places.references_in_sentence(index, named), key=lambda p: p.start)


def _zone_before(places: Places, index: int, before: int) -> Optional[Place]:
    """The zone named last before a reference, a few sentences back at most."""
    for back in range(index, max(-1, index - _SENTENCES_BACK - 1), -1):
        zones = [p for p in places.named_in_sentence(back) if p.kind == "zone" and p.end <= before]
        if zones:
            return zones[-1]
    return None


def with_given_names(doc: Document, aliases: list[Alias], index: int, named: list[Place]) -> list[Place]:
    """`named` (the sentence's places) with the names the article gave a zone (泰达, CDHT) where
    they occur, longest first; a division inside one (Zibo HTZ) is part of it."""
    text = doc.text
    start, end = doc.sentence_span(index)
    places, taken = list(named), []
    for alias in aliases:
        for at in occurrences(text, alias.name, start, end):
            if at == alias.defined_at:
                continue  # ("…Zone, better known as China Medical City, moved up": the zone did)
            stop = at + len(alias.name)
            if doc.language == "en" and (text[at - 1:at].isalnum() or text[stop:stop + 1].isalnum()):
                continue  # (CND inside CNDA)
            if alias.implied and _OWNED_AFTER_EN.match(text, stop):
                continue
            inside = [p for p in places if at <= p.start and p.end <= stop]
            if any(p.start < stop and at < p.end for p in places if p not in inside) \
                    or any(a < stop and at < b for a, b in taken) or any(p.kind == "zone" for p in inside):
                continue  # (洛阳高新区 named as itself already)
            places = [p for p in places if p not in inside]
            places.append(Place(at, stop, "zone", alias.division))
            taken.append((at, stop))
    return places
