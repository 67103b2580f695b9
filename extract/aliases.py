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
from extract.places import Division

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
                if group.startswith("alias") and name and not places.generic_name(name):
                    written = doc.value(*match.span(group))
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
