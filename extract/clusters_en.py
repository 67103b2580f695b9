"""English cluster names: "and" inside a name, short forms of a fuller name, and the city of a
cluster whose sentence names none."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from extract.compiled_regex import cached_compile
from extract.document import Document
from extract.places import Division, gazetteer
from extract.spans import inside_proper_name, trim_left

# "… industrial park and medical devices cluster": a place, not part of the cluster's name.
_PLACE_NOUNS = frozenset({"park", "parks", "zone", "zones", "base", "bases", "area", "areas", "city",
                          "county", "district", "province", "region", "town"})
_CANON = {"industrial": "industry", "industries": "industry", "materials": "material", "auto": "automobile",
          "autos": "automobile", "automotive": "automobile", "vehicles": "vehicle", "magnet": "magnetic"}


@lru_cache(maxsize=4096)
def words(name: str, generic: frozenset[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """A name's content words in order, and the adcodes of the places it names."""
    content, places = [], set()
    for word in name.lower().split():
        word = _CANON.get(word, word)
        if not word or word in generic:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]  # "Jinjiang's shoe cluster" of the "… sports shoes and apparel …" one
        division = gazetteer().lookup_en(word)
        if division is not None:
            places.add(division.adcode)
        else:
            content.append(word)
    return tuple(content), frozenset(places)


def shorthand(a: str, b: str, generic: frozenset[str]) -> bool:
    """A headline's or a later sentence's short form ("Rail transit cluster", "the rail
    cluster") of a fuller name: its content words, in order, within the other's, and no
    different place named."""
    (words_a, places_a), (words_b, places_b) = words(a, generic), words(b, generic)
    # ("Yongkang hardware industry cluster" of "Jinhua city Yongkang modern hardware industry
    # cluster": the short form may leave out the city the county belongs to.)
    if places_a and places_b and not (places_a <= places_b or places_b <= places_a):
        return False
    short, long_ = sorted((words_a, words_b), key=len)
    if not short:
        return False
    rest = iter(long_)
    return all(word in rest for word in short)


def joined(doc: Document, start: int, begin: int, stop: frozenset[str],
           count_heads: frozenset[str]) -> Optional[int]:
    """"software and information services cluster", "small and medium aero-engine …": "and"
    inside a name, when the word before it is neither a function word nor the end of another
    cluster's, count's or place's name ("… steel cluster and changzhou photovoltaic cluster")."""
    tokens = [t for t in doc.tokens_in(start, begin) if t[1] <= begin]
    if len(tokens) < 2:
        return None
    text = doc.text
    joiner, before = tokens[-1], tokens[-2]
    word = text[before[0]:before[1]].lower()
    if text[joiner[0]:joiner[1]].lower() not in ("and", "&") or not text[joiner[1]:begin].isspace():
        return None
    if word in stop or word in count_heads or word.startswith("cluster") or word in _PLACE_NOUNS:
        return None
    return trim_left(doc, start, joiner[0], stop, min_tokens=1, allow_digits=False)


def after_place_noun(doc: Document, begin: int, end: int) -> int:
    """"Our city electric power … cluster" (我市…集群): a place noun opening a name stands for a
    place; the name begins after it."""
    tokens = doc.tokens_in(begin, end)
    if len(tokens) > 2 and doc.text[tokens[0][0]:tokens[0][1]].lower() in _PLACE_NOUNS:
        return tokens[1][0]
    return begin


def article_city(doc: Document, places_in_sentence, at: int) -> Optional[tuple[Division, str]]:
    """A cluster whose sentence names no city ("the rail transit equipment industry cluster"):
    the city the article last named before it (a zone's city counts), else the first after."""
    before, after = None, None
    for index in range(len(doc.sentences)):
        for place in places_in_sentence(index):
            division = place.division
            if division is None or division.level == "province" or place.kind == "reference":
                continue
            written = doc.text[place.start:place.start + len(division.name_en)]
            if written.lower() != division.name_en.lower():
                continue
            if place.start < at:
                before = (division, written)
            elif after is None:
                after = (division, written)
    return before or after


def is_city(text: str) -> bool:
    """A city, county or district ("cluster in Yueyang"), not a province ("in Jiangsu Province")."""
    division = gazetteer().lookup_en(text)
    return division is not None and division.level != "province"


def zone_start(text: str, places, start: int, end: int, stop: frozenset[str]) -> int:
    """A core zone's name begins where the zone named there begins when the words before it
    are not a name's ("In 2022 Changsha … Zone, its core area"); "Shunde Park of Foshan
    National High-tech Zone" stays whole."""
    for place in places:
        if place.kind == "zone" and place.end == end and start < place.start:
            before = text[start:place.start].lower().split()
            if any(w.isdigit() or (w in stop and w not in ("of", "and", "&")) for w in before):
                return place.start
    return start


def shared_suffix_items(doc: Document, places, start: int, stop: frozenset[str]) -> list[tuple[int, int]]:
    """"The Changzhi photoelectric, Jincheng optomechatronics and Yuncheng magnesium-based new
    materials industrial clusters": the items of a list sharing one "clusters", each a place and
    its industry, walked back from the suffix at `start`. Empty unless there are two or more
    items, every one opening with a city, county or district and naming an industry after it
    ("the Shenyang and Dalian clusters" names none)."""
    place_starts = {p.start: p.end for p in places if p.kind == "division" and p.division is not None}
    text = doc.text
    tokens = [t for t in doc.tokens_in(doc.sentences[doc.sentence_of(start)][0], start) if t[1] <= start]
    items: list[tuple[int, int]] = []
    item_end, item_start = start, None
    tokens = tokens[-60:]
    for index in range(len(tokens) - 1, -1, -1):
        a, b = tokens[index]
        word = text[a:b].lower()
        # "magnesium-based", "R&D": a compound, whatever its parts are alone.
        joined = (word in ("-", "&", "/") or text[a - 1:a] in ("-", "&", "/") or text[b:b + 1] in ("-", "&", "/")
                  or inside_proper_name(text, tokens, index))  # "Internet of Things"
        separator = word == "," or word == "and"
        if separator and item_start is not None and item_start in place_starts:
            items.append((item_start, item_end))
            item_end, item_start = a, None
            continue
        if separator and item_start is None and items:
            item_end = a  # ", and": the comma and the "and" are one separator
            continue
        if not joined and (word == "," or (word in stop and word != "and") or word in ("'s", "’s")
                           or not word[:1].isalnum()):
            break
        item_start = a
    if item_start is not None and item_start in place_starts:
        items.append((item_start, item_end))
    items = [(s, s + len(text[s:e].rstrip())) for s, e in reversed(items)]
    if len(items) < 2 or any(place_starts[s] >= e for s, e in items):
        return []
    return items


_CITY_CLUSTER = cached_compile(r"\b(?P<city>(?-i:[A-Z][\w'’-]+))\s+cluster\b")


def city_shorthands(text: str, names: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """"The Changzhou cluster has more than 600 enterprises" after a list naming the Changzhou
    photovoltaic … cluster: a city word and "cluster" stand for the one named cluster whose name
    opens with that word (none when two do)."""
    found: dict[tuple[int, int], str] = {}
    if not names:
        return found  # (no named cluster: nothing for a shorthand to stand for)
    for match in _CITY_CLUSTER.finditer(text):
        start, end = match.span()
        if any(a < end and start < b for a, b in names):
            continue  # (inside a name already found)
        owners = {name for name in names.values() if name.startswith(match.group("city") + " ")}
        if len(owners) == 1:
            found[(start, end)] = owners.pop()
    return found
