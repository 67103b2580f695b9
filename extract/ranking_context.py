"""A ranking entry's context: which ranking it belongs to, of which year, out of how many.

The name, year and total of a ranking are often stated apart from the positions (a headline, a
sentence before a list, "The evaluation covered 177 zones" after it); these helpers find the
ones that apply to each entry and share them between entries of the same ranking.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.matcher import Fragment
from extract import ranking_scope_zh
from schemas.record import Ranking

# A ranking entry's values, as the record names them.
FIELDS = ("ranking", "year", "rank", "total", "change", "streak")

if TYPE_CHECKING:
    from extract.rankings import _Item

_NAME_RIGHT_AFTER = 12  # characters between a position and a name that is its own (" in the ")
_CLAUSE_MARK = cached_compile(r"[,;.:，；。：]")
_ZONE_WORDS_EN = cached_compile(r"\b(?:zones?|parks?)\b", re.I)
# "The report assessed 103 cities." / "A total of 178 national-level high-tech zones were assessed."
_BACK_TO_RANKING_EN = cached_compile(
    r"\s*(?:(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?P<head>evaluation|ranking|rankings|report|assessment|list|index|survey)\b"
    r"|(?:A\s+total\s+of|Altogether|In\s+all,?)\s+\d)", re.I)
_POPULATION_EN = cached_compile(r"\b(zones?|parks?|cit(?:y|ies)|count(?:y|ies)|provinces?|districts?)\b", re.I)
_POPULATION_STEMS = {"zone": "zone", "park": "zone", "city": "city", "citi": "city", "coun": "county",
                     "prov": "province", "dist": "district"}


def floor_of(items: list[_Item], item: _Item) -> int:
    """Where the item's own part of its sentence begins: after the entry before it there."""
    return max((o.end for o in items if o is not item and o.sentence == item.sentence and o.end < item.end),
               default=-1)


def _sub_index(fragment: Fragment) -> bool:
    return fragment.rule.endswith(".ranking.sub-index")


def _own_part(text: str, context: list[tuple[Fragment, dict]], item: _Item, floor: int) -> list[dict]:
    """A sentence naming two rankings ("ranks 56th in the national evaluation, but in the
    provincial evaluation ranking the tenth"): each entry takes the context of its own part.
    A sub-index ("ranked fifth in innovation capacity, a sub-indicator") is named only for the
    position just before it."""
    here = [(f, found) for f, found in context if f.sentence == item.sentence
            and (not _sub_index(f) or 0 <= f.start - item.end <= 5)]
    if any(_sub_index(f) for f, _ in here):
        # The sub-index's name replaces the ranking's; the year and size are the ranking's own.
        return [{"sub_index": found["ranking"]} if _sub_index(f) else found
                for f, found in here if _sub_index(f) or "ranking" not in found]
    names = [f for f, found in here if "ranking" in found]
    if len(names) < 2:
        return [found for _, found in here]
    # "ranked 25th, and it ranked first in the assessment of … zones in Shandong": a name right
    # after the position is its own, and the part begins there.
    right_after = [f for f in names if 0 <= f.start - item.end <= _NAME_RIGHT_AFTER
                   and not _CLAUSE_MARK.search(text, item.end, f.start)]
    if right_after:
        floor = right_after[0].start
        ceiling = min((f.start for f in names if f.start > floor), default=None)
        return [found for f, found in here if f.start >= floor and (ceiling is None or f.start < ceiling)]
    # Its part begins after the entry before it only if a ranking is named there.
    if not any(floor <= f.start < item.end for f in names):
        floor = -1
    ceiling = min((f.start for f in names if f.start >= item.end), default=None)
    return [found for f, found in here if f.start >= floor and (ceiling is None or f.start < ceiling)]


_ZONE_CLASSES = (("high-tech", cached_compile(r"高新|high[\s-]*tech|hi[\s-]*tech|high\s+and\s+new|torch", re.I)),
                 ("development", cached_compile(r"经开|经济技术|economic\s+and\s+technolog|\bETDZ\b", re.I)))


def zone_class(text: str) -> Optional[str]:
    found = {name for name, pattern in _ZONE_CLASSES if pattern.search(text)}
    return found.pop() if len(found) == 1 else None


def name_sole_ranking(ctx: Context, finished: list[tuple[_Item, Ranking]],
                      by_sentence: Optional[dict[int, list[dict]]] = None) -> list[tuple[_Item, Ranking]]:
    """An article that names one ranking of zones only: a zone's position stated paragraphs
    later without a name ("Guiyang National High-tech Zone held its position at 58th.") is in
    that ranking, when the zone is of the kind ranked (a high-tech zone in a ranking of
    high-tech zones). Its year comes along (from an entry, or from the sentence announcing the
    ranking: 省科技厅组织开展了2023年度全省省级高新区综合评价工作); its size does not, being often a
    sub-list's."""
    # A headline's shorthand for the body's ranking ("national high-tech park ranking") is no
    # second ranking.
    body = [(item, ranking) for item, ranking in finished if not ctx.doc.in_first_line(item.sentence)]
    names = {ranking.ranking for _, ranking in body if ranking.ranking}
    if len(names) != 1:
        return finished
    name = names.pop()
    year = next((ranking.year for _, ranking in body if ranking.ranking == name and ranking.year), None)
    if year is None and by_sentence:
        announced = [found for sentence in sorted(by_sentence) for found in by_sentence[sentence]
                     if any(f.get("ranking") == name for f in by_sentence[sentence])]
        year = next((found["year"] for found in announced if found.get("year")), None)
    # The name may not say what it ranks ("the Ministry's 2022 comprehensive evaluation"); then
    # the places it is named for do.
    kinds = {zone_class(ranking.subject or "") for _, ranking in body if ranking.ranking == name}
    ranked = zone_class(name) or (kinds.pop() if len(kinds) == 1 else None)
    if ranked is None:
        return finished
    out = []
    for item, ranking in finished:
        unplaced = ranking.ranking is None and ranking.year is None and ranking.total is None
        if (unplaced and not item.scoped and item.subject is not None and item.subject.kind == "zone"
                and zone_class(ranking.subject or "") == ranked):
            update = {"ranking": name, "year": year}
            item.values.update(update)
            ranking = ranking.model_copy(update=update)
        out.append((item, ranking))
    return out


def fits(total: Optional[int], rank: Optional[int]) -> bool:
    """No place ranks 19th among 13."""
    return total is None or rank is None or rank <= total


def _population(ctx: Context, fragment: Fragment) -> set[str]:
    """What a ranking's name or size says is ranked: "top 100 counties" → {"county"}."""
    return {_POPULATION_STEMS[m.group(1).lower()[:4]]
            for m in _POPULATION_EN.finditer(ctx.doc.text, fragment.start, fragment.end)}


def context_index(ctx: Context, context: list[tuple[Fragment, dict]]) -> tuple[dict, set, dict, dict, set, set]:
    """Context values by sentence, (English) the sentences whose context ranks zones, (English)
    what the rankings named and the sizes given in each sentence rank, and (Chinese) the
    totals that are one province's share of a ranking (ids of their values) and the sentences
    saying a position is national."""
    by_sentence: dict[int, list[dict]] = {}
    zone_rankings: set[int] = set()
    named: dict[int, set[str]] = {}
    sized: dict[int, set[str]] = {}
    provincial: set[int] = set()
    national = ranking_scope_zh.national_sentences(ctx) if ctx.language == "zh" else set()
    for fragment, found in context:
        if _sub_index(fragment):
            continue  # only for the position right before it (_own_part)
        by_sentence.setdefault(fragment.sentence, []).append(found)
        if ctx.language == "zh" and "total" in found and ranking_scope_zh.provincial_total(ctx, fragment):
            provincial.add(id(found))
        if ctx.language == "en" and _ZONE_WORDS_EN.search(ctx.doc.text, fragment.start, fragment.end):
            zone_rankings.add(fragment.sentence)
        if ctx.language == "en":
            target = named if "ranking" in found else sized if "total" in found else None
            if target is not None:
                target.setdefault(fragment.sentence, set()).update(_population(ctx, fragment))
    return by_sentence, zone_rankings, named, sized, provincial, national


_INTRODUCES_POSITIONS = cached_compile(r"如下|[:：]\s*$|\bas\s+(?:the\s+)?follow(?:s|ing)\b|排名|位次|名次|\brank(?:ing)?\b|^[\s|:-]+$", re.I)
_NAME_FILLERS = cached_compile(r"综合|全国|国家级|国家|年度|结果|\s+")
_NAME_SYNONYMS = ((cached_compile(r"全省省级"), "省级"), (cached_compile(r"高新技术产业开发区"), "高新区"), (cached_compile(r"经济技术开发区"), "经开区"),
                  (cached_compile(r"(?:评价|排名|考核|考评|评估)+"), "评价"))


def ranking_key(name: str) -> str:
    """What a Chinese ranking's name says, give or take its wording: 全省省级高新技术产业开发区评价
    and 省级高新区综合排名 are one ranking.

    >>> ranking_key("全省省级高新技术产业开发区评价") == ranking_key("省级高新区综合排名")
    True
    >>> ranking_key("全省开发区综合考核评价") == ranking_key("全省开发区综合考核")
    True
    """
    key = _NAME_FILLERS.sub("", name)
    for pattern, word in _NAME_SYNONYMS:
        key = pattern.sub(word, key)
    return key


_HEAD_EN = cached_compile(r"\b(evaluation|ranking|assessment|index|list)s?\b", re.I)
_SCOPES_EN = (("national", cached_compile(r"\b(?:national|nationwide|china|country)\b", re.I)),
              ("regional", cached_compile(r"\b(?:provinc\w*|regional|region|municipal|city)\b", re.I)))


def _kind_en(name: str) -> Optional[tuple]:
    """What an English ranking's name says it is: its head noun, its scope, the zones it ranks."""
    head = _HEAD_EN.search(name)
    if head is None:
        return None
    scopes = tuple(scope for scope, pattern in _SCOPES_EN if pattern.search(name))
    return head.group(1).lower(), scopes, zone_class(name)


def same_ranking(a: str, b: str, language: str) -> bool:
    """Two names of one ranking: the same words, or the same give or take wording (Chinese), or
    the same head noun and scope where one does not say which zones it ranks (English: "the
    latest national evaluation of high-tech zones" / "the 2023 national high-tech zone
    comprehensive evaluation").

    >>> same_ranking("national evaluation", "2023 national high-tech zone comprehensive evaluation", "en")
    True
    >>> same_ranking("national evaluation", "provincial evaluation", "en")
    False
    """
    if a == b:
        return True
    if language != "en":
        return ranking_key(a) == ranking_key(b)
    x, y = _kind_en(a), _kind_en(b)
    return (x is not None and y is not None and x[:2] == y[:2]
            and (x[2] == y[2] or x[2] is None or y[2] is None))


def _year_of_announcement(by_sentence: dict[int, list[dict]], sentence: int, name: Optional[str],
                          language: str) -> dict:
    """科技部发布2022年度国家高新区评价结果。在全国177家国家高新区综合评价中，…: one of the two
    sentences before names the same ranking (give or take 综合, 国家, 结果) with its year. English names
    the announced ranking again in other words ("… notified the 2023 annual national high and
    new technology industry development zone evaluation results. … Among the 177 national
    high-tech zones participating the evaluation, …"): the same head noun."""
    keyed = _kind_en if language == "en" else ranking_key
    key = keyed(name) if name else None
    if not key:
        return {}
    for earlier in (sentence - 1, sentence - 2):
        for found in by_sentence.get(earlier, []):
            year = found.get("year") or next((f["year"] for f in by_sentence.get(earlier, []) if "year" in f), None)
            names = _coordinated(found.get("ranking") or "") if language != "en" else [found.get("ranking") or ""]
            if year is not None and any(keyed(announced) == key for announced in names):
                return {"year": year}
    return {}


_JOINED_ZH = cached_compile(r"和|及|与|、")
_HEAD_ZH = cached_compile(r"(?:榜单|排行榜|排名|名单|评价|考核|考评|评估|指数)$")


def _coordinated(name: str) -> list[str]:
    """发布2023年全国百强县和全国百强区榜单 … 在全国百强县榜单中: a name joining several rankings
    under one head names each of them.

    >>> _coordinated("全国百强县和全国百强区榜单")
    ['全国百强县和全国百强区榜单', '全国百强县榜单', '全国百强区榜单']
    """
    parts = _JOINED_ZH.split(name)
    head = _HEAD_ZH.search(parts[-1]) if len(parts) > 1 else None
    if head is None:
        return [name]
    return [name] + [part + head.group() for part in parts[:-1]] + [parts[-1]]


_POPULATION_ZH = [("经开区", ("经开区", "经济技术开发区")), ("高新区", ("高新区", "高新技术产业开发区")),
                  ("县", ("县",)), ("城市", ("城市",))]


def _population_zh(text: str) -> Optional[str]:
    return next((key for key, words in _POPULATION_ZH if any(w in text for w in words)), None)


def _total_named_apart(ctx: Context, context: list[tuple[Fragment, dict]], ranking: str,
                       named_at: Optional[int], passed_over: set[int]) -> dict:
    """The size of what a ranking ranks, given for the same kind of place in the headline or in
    the two sentences before the one naming the ranking (在全国178家国家高新区中，…。…在2023年国家
    高新区综合评价中的位次如下：)."""
    population = _population_zh(ranking)
    if population is None:
        return {}
    near = set() if named_at is None else {named_at - 1, named_at - 2}
    # A sentence naming a ranking of its own gives that one's size (在全国177家国家高新区综合评价中
    # … 此外，在四川省高新区综合评价中).
    key = ranking_key(ranking)
    near -= {fragment.sentence for fragment, found in context
             if "ranking" in found and ranking_key(found["ranking"]) != key}
    # …发布2023年国家创新型城市创新能力评价结果。在全国103个国家创新型城市中，… / 此前，在中国城市
    # 科技创新发展指数2022中: a size just after another ranking's name is that one's.
    others = {fragment.sentence for fragment, found in context
              if ranking_key(found.get("ranking", ranking)) != key}
    for fragment, found in context:
        if "total" in found and id(found) not in passed_over and (ctx.doc.in_first_line(fragment.sentence) or fragment.sentence in near) \
                and _population_zh(ctx.doc.text[fragment.start:fragment.end]) == population \
                and not (fragment.sentence in near and others & {fragment.sentence - 1, fragment.sentence - 2}):
            return {"total": found["total"]}
    return {}


def finish(ctx: Context, item: _Item, context: list[tuple[Fragment, dict]],
            related: set[int], floor: int = -1, index: Optional[tuple] = None) -> tuple[_Item, Ranking]:
    values = dict(item.values)
    by_sentence, zone_rankings, named_rank, sized, provincial, national_sentences = index or context_index(ctx, context)
    national = False  # a position said to be national (全国第5位) on the way back to the ranking's name
    # "Wenzhou ranked 15th among the 100 most innovative cities" after "the list of top 100
    # counties": a sentence saying what its own ranking ranks does not take another's context.
    own_population = sized.get(item.sentence, set())
    # A ranking of zones ("among 169 national high-tech zones") is not the one a province or a
    # city is ranked in a later sentence ("Hubei now has 12 zones, ranking third").
    division = item.subject is not None and item.subject.kind == "division"
    # A ranking's name (with its year and total) opens a block that the following sentences
    # about places' positions share: "2022年度国家高新区综合评价结果公布。A位列第4位；B…；C…".
    # Walk back from the item's sentence, nearest first, until a sentence naming a ranking, or
    # until more than two sentences in a row say nothing about rankings.
    sentence, gap = max(item.sentence, item.later), 0
    named_at = None  # the sentence naming the ranking, once found
    # 南安、石狮也同时上榜 (and 其中，南安较上年前移3位 after it): the 榜 named before, not a
    # 排名 named in between.
    listed = ctx.language == "zh" and any("榜" in found.get("ranking", "") for before in range(item.sentence)
                                          for found in by_sentence.get(before, []))
    on_list = False
    while sentence >= 0 and gap <= 2:
        if division and sentence != item.sentence and sentence in zone_rankings:
            break
        there = named_rank.get(sentence, set()) | sized.get(sentence, set())
        if sentence != item.sentence and own_population and there and not (there & own_population):
            break
        found_here = by_sentence.get(sentence, [])
        national = national or sentence in national_sentences
        if sentence == item.sentence and ctx.language == "en":
            found_here = _own_part(ctx.doc.text, context, item, floor)
        on_list = on_list or (listed and "上榜" in ctx.doc.text[slice(*ctx.doc.sentence_span(sentence))])
        if on_list and sentence != item.sentence and any(
                "榜" not in found.get("ranking", "榜") for found in found_here):
            sentence -= 1
            continue
        for found in found_here:
            for key, value in found.items():
                if key == "total" and sentence != item.sentence and not fits(value, values.get("rank")):
                    continue  # (Zones in the six central provinces …: no field the position fits)
                if key == "total" and sentence != item.sentence and national and id(found) in provincial:
                    continue
                values.setdefault(key, value)
        if any("ranking" in found for found in found_here):
            if "year" not in values:
                values.update(_year_of_announcement(by_sentence, sentence, values.get("ranking"), ctx.language))
            named_at = sentence
            break
        # (排名前6位的省级高新区如下： / a table's header line 排名　高新区　较上年位次变化: what
        # introduces the positions is no gap between them and the ranking's name.)
        introduces = _INTRODUCES_POSITIONS.search(ctx.doc.text, *ctx.doc.sentence_span(sentence))
        gap = 0 if sentence in related or introduces else gap + 1
        sentence -= 1
    if ctx.language == "en":
        # "The evaluation, conducted by …, assessed all 177 zones for 2022." just after.
        # A named ranking is taken up again further on ("The report evaluated 103 cities." five
        # sentences later); an unnamed one only just after.
        named = values.get("ranking")
        horizon = min(len(ctx.doc.sentences) - 1, item.sentence + (8 if named else 2))
        for after in range(item.sentence + 1, horizon + 1):
            back = _BACK_TO_RANKING_EN.match(ctx.doc.text, ctx.doc.sentence_span(after)[0])
            # "The report assessed 103 cities." is not about an entry of "the evaluation of zones".
            head = back.group("head") if back else None
            if back and (not named or head is None or head.rstrip("s") in named.lower()):
                for found in by_sentence.get(after, []):
                    for key in ("year", "total"):
                        if key in found:
                            values.setdefault(key, found[key])
    if ctx.language == "zh" and "total" not in values and values.get("ranking"):
        # 全国229家国家级经开区考核结果出炉 (headline) … 国家级经济技术开发区综合发展水平考核评价: a size
        # the headline gives for what the ranking ranks.
        values.update(_total_named_apart(ctx, context, values["ranking"], named_at,
                                         provincial if national else set()))
    if item.scoped:
        # Its own scope: the named ranking and its size are the wider one's.
        for key in ("ranking", "total"):
            if key not in item.values:
                values.pop(key, None)
    sub_index = values.pop("sub_index", None)
    if sub_index is not None:
        values["ranking"] = sub_index
    earlier = values.pop("from_rank", None)
    if earlier is not None and values.get("rank") is not None and values.get("change") is None:
        values["change"] = earlier - values["rank"]
    if not fits(values.get("total"), values.get("rank")):
        # "ranked 29th" under "… in the central six provinces": another list's size.
        values.pop("total")
    for key in ("rank", "total", "streak"):
        if values.get(key) is not None and values[key] < 1:
            values.pop(key)  # 第0位 is a typo or a code, not a position
    item.values = values
    return item, Ranking(subject=ctx.value(item.subject), evidence=ctx.doc.evidence(item.start, item.end),
                         **{k: values.get(k) for k in FIELDS})
