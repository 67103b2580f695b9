"""Whose ranking it is: the place a position belongs to, followed back through references
("the zone", 该区), and the positions that belong to no place at all (a company's, a
university's, a product's)."""

from __future__ import annotations

import re
from typing import Optional

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.matcher import Fragment
from extract.mentions import Place
from extract.references import FAR_BACK, bracketed_alias, in_appositive_en, reference_kinds, zone_called_by_place
from extract.ordering import longest_first

# "among Chinese cities that host most companies": what is ranked are places.
# Between the places of an English list and after its last: "X, Y and Z respectively ranked …".
_LIST_GAP_EN = cached_compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)
_PLACE_NOUNS_EN = r"(?:cities|provinces|regions|zones|parks|counties|districts|areas|places)\b"
_RELATIVE_EN = cached_compile(r"\s*(?:which|who|whose|that|where)\b", re.I)
# "Trina Solar, based in Wujin, ranked 12th": the place only says where the company is.
_BASED_IN_EN = cached_compile(r",\s+(?:based|headquartered|located)\s+in\s+(?:the\s+)?$", re.I)
# "a cable supplier in the district ranks first in China by market share": a company's or a
# product's position, whatever place is named before it.
_ITS_EN = cached_compile(r"\b(?:its|their)\s+$", re.I)
# "Songshan Lake High-tech Zone, a science park in Dongguan that houses Huawei's campus, has
# climbed to 19th": an apposition describing the zone, closed by a comma before the verb.
_APPOSITION_EN = cached_compile(r",\s+(?:a|an|one|the|home)\s[^;:]*,\s*(?:has\s+|have\s+|had\s+|also\s+)?$", re.I)
_BY_MARKET_SHARE_EN = cached_compile(
    r"\s*(?:(?:nationally|worldwide|globally|in\s+(?:the\s+)?(?:world|China|country|nation))\s+)?"
    r"(?:in|by|for)\s+(?:terms\s+of\s+)?(?:its\s+)?(?:global\s+|domestic\s+|national\s+)?"
    r"(?:(?!the\b|its\b)[\w'’&-]+\s+){0,3}?(?:market\s+share|sales|shipments?|sales\s+volume)\b", re.I)
# "… investment attraction index ranked the 3rd" / "its sub-index rank 22nd": the noun right
# before the position is an indicator of the evaluation, not the place.
_INDICATOR_RIGHT_BEFORE_EN = cached_compile(r"\b(?:sub-)?(?:index|indicator)[\"”]?\s*$", re.I)
_ACRONYM_LED_EN = cached_compile(r"\s*[A-Z][A-Z0-9&]+(?:-[A-Za-z0-9&]+)*[\s,]")


def same_place(a: Optional[Place], b: Optional[Place]) -> bool:
    return a is None or b is None or (a.start, a.end) == (b.start, b.end)


def shorthand(own: Place, subject: Place) -> bool:
    """"Baoji now ranks 45th" just after "Baoji High-tech Zone moved up 4 places": the city's
    name standing for the zone named after it."""
    return (own.kind == "division" and subject.kind == "zone" and own.division is not None
            and subject.division is not None and own.division.adcode == subject.division.adcode)


def subject_before(ctx: Context, pos: int, back: int, excluded: list[tuple[int, int]]) -> Optional[Place]:
    """The nearest place before `pos`, as `Context.subject_before`, except that a place inside a
    ranking's name ("the henan province development zone evaluation") is no subject, nor (English)
    a division in apposition to the place before it."""
    places = [p for p in ctx.places.before(pos, back) if not any(s <= p.start < e for s, e in excluded)]
    for i in range(len(places) - 1, -1, -1):
        place = places[i]
        zone = zone_called_by_place(ctx.places, place)
        if zone is not place:
            return zone  # "It was the Lanzhou zone's third consecutive gain"
        if ((locates(ctx, places, i) if ctx.language == "en" else bracketed_alias(ctx.doc.text, places, i))
                or ctx.not_a_subject(place) or _among_zh(ctx, place)):
            continue
        if ctx.language == "en" and (_qualifies_a_noun(ctx, places, i) or in_appositive_en(ctx.doc, place, places[:i])):
            continue  # ("Kunshan, the county-level city between Shanghai and Suzhou, came first")
        if place.kind == "reference":
            return referent(ctx, place, excluded)
        return place
    return None


_AMONG_ZH = cached_compile(r"(?:全国|全省|全市|全区)\S*")


def _among_zh(ctx: Context, place: Place) -> bool:
    """晋江经济开发区在全省省级开发区中位列第3位: the zones of a whole province, named as those
    ranked among, are not the one ranked."""
    text = ctx.doc.text
    return (ctx.language == "zh" and text[place.end:place.end + 1] == "中"
            and _AMONG_ZH.match(text, place.start, place.end) is not None)


def _qualifies_a_noun(ctx: Context, places: list[Place], i: int) -> bool:
    """"Xiamen Torch Zone has remained Fujian province's top performer …, placing 14th": a
    division in the possessive qualifies a noun; the zone its sentence opens with is ranked."""
    place, text = places[i], ctx.doc.text
    if place.kind != "division" or text[place.end:place.end + 2] not in ("'s", "’s"):
        return False
    sentence = ctx.doc.sentence_of(place.start)
    return any(p.kind == "zone" and ctx.doc.sentence_of(p.start) == sentence for p in places[:i])


def referent(ctx: Context, reference: Place, excluded: list[tuple[int, int]]) -> Optional[Place]:
    """What a reference ("the zone", 该区) stands for. A chain of references ("The zone … The
    zone …") is followed without recursion, remembering each answer, so an article of a
    thousand such sentences costs a thousand steps, not a million (nor the stack)."""
    memo = ctx.referents
    key = (reference.start, tuple(excluded))
    chain = []
    while key not in memo:
        chain.append(key)
        memo[key] = None  # a cycle resolves to nothing
        # "the zone" / "the park" stands for a zone, however near a province or city was named
        # ("… 2.44 billion dollars in Hubei. … the zone ranked 41st"); a long report names its
        # zone once and says "the zone" for pages, so such a reference reaches further back.
        zone_only = ctx.language == "en" and reference_kinds(ctx.places, reference) == {"zone"}
        places = [p for p in ctx.places.before(reference.start, FAR_BACK if zone_only else 6)
                  if not any(s <= p.start < e for s, e in excluded)]
        found = None
        for i in range(len(places) - 1, -1, -1):
            place = places[i]
            if (ctx.language == "en" and locates(ctx, places, i)) or ctx.not_a_subject(place):
                continue
            if zone_only and not (place.kind == "zone" or (
                    place.kind == "reference" and reference_kinds(ctx.places, place) == {"zone"})):
                continue
            found = place
            break
        if found is None or found.kind != "reference":
            memo[key] = found
            break
        reference, key = found, (found.start, tuple(excluded))
    answer = memo[key]
    for earlier in chain:
        memo[earlier] = answer
    return answer


def locates(ctx: Context, places: list[Place], i: int) -> bool:
    """Whether places[i] only locates the place before it ("Wujin Zone in Changzhou, Jiangsu"),
    describes a noun ("the hubei important automobile base") or, in brackets right after it,
    gives its other name ("Hangzhou High-tech Zone (Binjiang)")."""
    return ctx.locates_previous(places, i) or ctx.modifies_en(places[i]) or bracketed_alias(ctx.doc.text, places, i)


_HOW_LONG_ZH = cached_compile(r"(?:已|均|始终|一直|长期|连续|继续|仍然|仍|多年来?|\d+年|[一二三四五六七八九十]+年)+$")


def ranks_non_place(ctx: Context, fragment: Fragment) -> bool:
    """徐工集团位列全球工程机械制造商第3位: the noun right before the ranking is a company or a
    product, so the position is not a place's."""
    heads = ctx.words("non_place_subject_heads")
    if ctx.language == "en":
        return _ranks_non_place_en(ctx, fragment, heads)
    before = ctx.doc.text[max(ctx.clause_start(fragment.start), fragment.start - 12):fragment.start]
    before = _HOW_LONG_ZH.sub("", before)  # 硬质合金产量连续多年位居全国第一: the head is 产量
    if any(before.endswith(h) for h in heads):
        return True
    # 位列2022中国企业500强第186位 / 位居全球新能源汽车销量榜第一: the ranking's own name, between
    # the verb and the position, ranks companies, brands or products.
    words = ctx.words("non_place_ranking_words")
    if not words:
        return False
    # (A move alone, 排名较上年提升36位, has no position to stop at.)
    rank_at = fragment.groups["rank"][0] if "rank" in fragment.groups else fragment.start
    named = ctx.doc.text[fragment.start:rank_at]
    if any(w in named for w in words):
        return True
    # 在2022中国企业500强中，华为位列第15位 / 柳州市工业百强企业中，上汽通用五菱位居第一: the list
    # framing the sentence ranks companies.
    # 华为入选世界500强，位列第111位: the list's name just before the position.
    # (…前百家企业中 / 前100名企业中: the top of a list of companies.)
    company_list = ("(?:(?:百强|\\d+强){non_place_ranking_words}|{non_place_ranking_words}"
                    "(?:[^,;。:]{0,4}?(?:\\d+强|百强)|[^,;。:]{0,6}?(?:榜单|榜|排行榜|排行|排名|评价|评选))"
                    "|前(?:\\d+|[一二三四五六七八九十百千]+)(?:家|名|位|强)?{non_place_ranking_words})")
    framing = ctx.ruleset.compile(company_list + "[\"”」』]?(?:中|之中|里)")
    # (…入选中国企业500强，2022年位列第243位: the year of the list may stand between.)
    # (…入围中国民营企业500强，排名较上年提升36位: the list's 排名 before its move.)
    just_before = ctx.ruleset.compile(company_list + ",?(?:{year}年度?)?,?(?:排名|位次|名次)?$")
    start = ctx.doc.sentence_span(fragment.sentence)[0]
    # The frame may end inside the fragment (…学科排名中位列第14位 begins at 排名).
    return (framing.search(ctx.doc.text, start, rank_at) is not None
            or just_before.search(ctx.doc.text, start, fragment.start) is not None)


_GOVERNMENT_BODY_EN = cached_compile(r"\b(?:Ministry|Department|Bureau|Commission|Administration)\s+of\s+(?:the\s+)?"
                                     r"[A-Z][\w-]*(?:,?\s+(?:and\s+|of\s+|&\s+)?[A-Z][\w-]*)*")
_ZONES_AFTER_EN = cached_compile(r"\s+(?:[\w-]+\s+){0,2}?(?:zones?|parks?|areas?)\b", re.I)


def _non_place_patterns(ctx: Context) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    def build() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
        heads = "|".join(sorted((re.escape(h) for h in ctx.words("non_place_subject_heads")), key=longest_first))
        return (cached_compile(r"(?<![\w.-])(?:%s)(?![\w-])" % heads, re.I),
                # "ranked 8th among Chinese universities", "ranked 137th on the Fortune China 500 list of
                # companies", "ranked 9th in the top 10 foundry enterprises", "ranked 98th in the China
                # university ranking"
                cached_compile(r"\s*(?:place|position|spot)?\s*(?:[\w'’-]+\s+){0,3}?"
                               r"(?:on\s+(?:the\s+|this\s+year's\s+|this\s+year’s\s+)?(?:Fortune|Forbes)\b|"
                               r"(?:among|on|in\s+(?:the\s+)?top\s+\d+)\s+(?:the\s+)?(?:(?!%s)[\w'’&-]+\s+){0,8}?"
                               r"(?:%s)(?![\w-])|in\s+(?:the\s+)?(?:(?!%s)[\w'’&-]+\s+){0,6}?(?:%s)(?:\s+[\w'’-]+){0,2}?"
                               r"\s+(?:ranking|rankings|list|index)\b)" % (_PLACE_NOUNS_EN, heads, _PLACE_NOUNS_EN, heads), re.I),
                cached_compile(r"\d|^(?:%s)$" % "|".join(ctx.words("cardinal_words") or ["one"]), re.I))

    return ctx.ruleset.built("non_place_en", build)


def _ranks_non_place_en(ctx: Context, fragment: Fragment, heads: frozenset[str]) -> bool:
    """"Xi'an Jiaotong University ranked 8th among Chinese universities", "CRRC Zhuzhou
    Locomotive, the cluster's leading company, ranked first", "the Haier Group, which has ranked
    first": a company, a university or a product is ranked, not the place named before it."""
    if not heads or "subject" in fragment.groups:
        return False
    if set(fragment.groups) == {"streak"} and _ITS_EN.search(ctx.doc.text, max(0, fragment.start - 8), fragment.start):
        return False  # "…, marking its fifth straight year of improvement": the one just ranked
    head, among, counted = _non_place_patterns(ctx)
    text = ctx.doc.text
    if among.match(text, fragment.end, min(len(text), fragment.end + 160)) or _BY_MARKET_SHARE_EN.match(text, fragment.end):
        return True
    sentence_start, _ = ctx.doc.sentence_span(fragment.sentence)
    places = ctx.places.before(fragment.start, 0)
    gap_start = max([sentence_start] + [p.end for p in places if p.end <= fragment.start])
    gap = text[gap_start:fragment.start]
    if _INDICATOR_RIGHT_BEFORE_EN.search(gap):
        return True
    if not places and _ACRONYM_LED_EN.match(gap):
        # "SAIC-GM-Wuling year sale 1.6 million units, … ranking first", "BOE ranked first":
        # a sentence led by a company's acronym and naming no place before its ranking.
        return True
    last = next((p for p in reversed(places) if p.end <= fragment.start and p.kind != "reference"), None)
    if last is not None and _RELATIVE_EN.match(text, ctx.clause_start(last.start), last.start) \
            and not any(p.end <= ctx.clause_start(last.start) for p in places):
        # "Lenovo Group, which is based in Beijing, ranked 5th": the place is in a clause about
        # the noun before it.
        return True
    if last is not None:
        based = _BASED_IN_EN.search(text, max(sentence_start, last.start - 30), last.start)
        if based and not any(text[p.end:based.start()].strip() == "" for p in places if p.end <= based.start()):
            return True
    # "Changsha High-tech Zone, which hosts Sany Group, ranked 5th": words set off by commas
    # right after the place are about it; they do not name who is ranked.
    parenthetical = gap.startswith(",") and gap.rstrip().endswith(",")
    zone = next((p for p in reversed(places) if p.kind == "zone" and p.start >= sentence_start), None)
    if zone is not None and _APPOSITION_EN.match(text, zone.end, fragment.start):
        return False
    # "Changzhou, an industrial city … best known for its photovoltaic industries, has moved up":
    # a head between a place's comma and the comma closing it describes the place.
    opened = any(text.startswith(",", p.end) for p in places if p.start >= sentence_start and p.kind != "reference")
    bodies = [m.span() for m in _GOVERNMENT_BODY_EN.finditer(gap)]
    for match in ([] if parenthetical else head.finditer(gap)):
        if _ZONES_AFTER_EN.match(gap, match.end()):
            continue  # "in the 178 national high and new technology industry development zones"
        if any(s <= match.start() < e for s, e in bodies):
            continue  # "released by the Ministry of Industry and Information Technology, up five places"
        if opened and "," in gap[match.end():]:
            continue
        # "386 high-tech enterprises" is a count, not who is ranked; "top 500 enterprises" is.
        # (Only the head's own clause: "… in 2021, and the output of tractors ranks first".)
        before = re.split(r"[,;]", gap[max(0, match.start() - 40):match.start()])[-1]
        words = [w.lower() for w in before.split()[-4:]]
        if "top" in words:
            return True
        if not any(counted.search(w) for w in words):
            return True
    # "…, which has ranked first": the relative clause is about the noun right before it.
    which = re.search(r",\s+(?:which|who)\b", gap)
    return bool(which and places and gap_start > sentence_start and re.search(r"\w", gap[:which.start()]))


def listed_just_before_en(ctx: Context, pos: int) -> list[Place]:
    """The places of the list that ends right before `pos` ("Shenzhen, Nanjing and Hangzhou
    took the top three spots"), in order; none when a place is not right before it."""
    return _list_ending_at(ctx, pos, _NOTHING_BUT_SPACE, _LIST_GAP_EN)


_NOTHING_BUT_SPACE = cached_compile(r"\s*")


def _list_ending_at(ctx: Context, pos: int, last_gap: re.Pattern, list_gap: re.Pattern) -> list[Place]:
    """The places of a list ending at `pos`, in order: the last one `last_gap` away, each before
    it `list_gap` away. In English a place that only says where the one before it lies is no
    item ("… and Jiangning Development Zone in Nanjing took", "Yinzhou district of Ningbo tied")."""
    text = ctx.doc.text
    named = [p for p in ctx.places.before(pos, 0) if p.kind != "reference"]
    listed: list[Place] = []
    end, located = pos, False
    for i in reversed(range(len(named))):
        place = named[i]
        gap = (last_gap if not listed else list_gap).fullmatch(text[place.end:end])
        if not (gap or located):
            break
        end = place.start
        located = ctx.language == "en" and i > 0 and locates(ctx, named, i)
        if not located:
            listed.insert(0, place)
    return listed


# Between the last place of a tie and its verb: 海宁市、桐乡市得分相同，并列第31位 / "Xiaogan high-tech
# zone and suizhou high-tech zone score is same, tied for the 7th".
_TIE_GAP = {
    "zh": cached_compile(r"(?:[，,]?(?:两地|两区|两县|两市|二者|两者)?(?:综合)?(?:得分|分数|分值)(?:相同|相等|一致)[，,]?)?"),
    "en": cached_compile(r"\s*(?:(?:,\s*)?(?:(?:the|their)\s+)?scores?\s+(?:is|are|was|were)\s+(?:the\s+)?same\s*,?\s*"
                         r"|,?\s+with\s+the\s+same\s+score\s*,?\s*)?(?:(?:were|are|was|is)\s+)?", re.I),
}
_TIE_LIST_GAP_ZH = cached_compile(r"[、和与及]")


def tied_places(ctx: Context, fragment: Fragment) -> list[Place]:
    """The places sharing a position, in order: the list right before the tie (A、B并列第5位,
    "A and B tied for fifth") and, in English, the place it is tied with ("A tied with B for
    eighth place")."""
    rank_start = fragment.groups["tied_rank"][0]
    inside = [p for p in ctx.places.before(rank_start, 0) if fragment.start <= p.start and p.kind != "reference"]
    list_gap = _TIE_LIST_GAP_ZH if ctx.language == "zh" else _LIST_GAP_EN
    return _list_ending_at(ctx, fragment.start, _TIE_GAP[ctx.language], list_gap) + inside[:1]
