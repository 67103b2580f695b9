"""Enterprise counts: from fragments with `count` and `category` groups to records."""

from __future__ import annotations

import re

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.count_lists import respectively, respectively_elided
from extract.cluster_members import cluster_named_at, holding_cluster
from extract.count_tables import announced_counts, figure_first_counts, table_counts
from extract.count_values import after_leading_place, parse_count, qualifier_of
from extract.count_filters import (clusters_counted, counts_no_enterprise_en, past_money_threshold,
                                    without_restatements)
from extract.matcher import Fragment
from extract.spans import trim_left
from schemas.record import EnterpriseCount, Evidence

_SRDI_EN = cached_compile(r"\b(?:(?:national|provincial|municipal|state)(?:[\s-]+level)?\s+)?"
                          r"speciali[sz]ed\s*,\s*(?:refined|sophisticated)\s*,\s*$", re.I)
# ("Our province high and new technology enterprises …": the walk back stops at "our", and the
# place noun left is the reference's, not what is counted.)
# (评价入库的科技型中小企业: what the register holds is the category, not the registering.)
_CATEGORY_LEAD = {
    "en": cached_compile(r"(?:and|or|(?:the\s+)?(?:total\s+)?number\s+of"
                         r"|(?<=our\s)(?:province|city|county|district|region|zone))\s+", re.I),
    # (全年评价入库科技型中小企业3015家: what the register holds is the category, 科技型中小企业;
    # 入库企业 alone keeps its word.)
    "zh": cached_compile(r"(?:全年|今年|去年|累计)?(?:评价|备案)?入库的?(?=\S{2})(?!企业)"),
}
# (从区域看，A 5862家、B 1105家 / 分县（市、区）看，…: a breakdown of the count before, place by place;
# 从本批次认定情况看 breaks down what a batch added.)
_SHARES_OPEN = cached_compile(r"\s*(?:其中|among\s+them|of\s+which|of\s+these|thereinto|of\s+the\s+total|(?:从|分)(?![^，,；;。：:]{0,12}?(?:批|认定|新增|入选))[^，,；;。：:]{0,12}?看[，,])", re.I)
_IN_AFTER_EN = cached_compile(r"\s+in\s+")
_OF_THEM = cached_compile(r"\bof\s+(?:them|these|which)\b", re.I)
_PARAGRAPH_BREAK = cached_compile(r"\n[ \t\u3000]*\n")
_NEW_CLAUSE_EN = cached_compile(r",\s+and\s+")
# Between two items of one English list: "112 gazelle enterprises, 906 eaglet enterprises and 58 …".
# (Machine translation keeps 家 as "home": "gazelle enterprise 112 home, eaglet enterprise 906 home".)
_LIST_JOINER_EN = cached_compile(r"(?:\s+(?:homes?|famil(?:y|ies)))?(?:,|,?\s+and|,\s+as\s+well\s+as)\s+", re.I)
# "the whole city of Jingmen" / "the whole Yulin city" (全玉林市): the place follows.
# "… in Zhuhai High-tech Zone", "… have settled in the Jiuquan ETDZ", "… are based in the zone",
# "… operate in Guiyang"
_IN_PLACE_EN = cached_compile(r"\s+(?:(?:have|has|had)\s+(?:settled|gathered|clustered|located|put\s+down\s+roots)\s+|"
                              r"(?:are|were|is)\s+(?:based|located|clustered|gathered|registered|operating)\s+|operated?\s+)?"
                              r"(?:in|at)\s+(?P<place>)(?:the\s+)?")
_LEVEL_TAIL_EN = cached_compile(r"\s+(?:at|above|at\s+or\s+above|at\s+and\s+above)\s+(?:the\s+)?(?:autonomous[\s-]+region(?:al)?|[\w-]+)"
                            r"(?:[\s-]+level)?(?:\s+(?:or|and)\s+(?:above|higher))?$", re.I)


def _paragraph_subject(ctx: Context, fragment: Fragment, carried: tuple[str | None, int]) -> str | None:
    """年末全市共有高新技术企业1083家…。年末拥有省级以上工程技术研究中心186个: a sentence naming no
    place, in the paragraph of the count before it, goes on about that count's place. A list's
    lines ("- 156 high-tech enterprises") are one paragraph; a blank line ends it."""
    subject, previous_end = carried
    if subject is None or previous_end < 0 or previous_end > fragment.start:
        return None
    if _PARAGRAPH_BREAK.search(ctx.doc.text, previous_end, fragment.start) or ctx.places.in_sentence(fragment.sentence):
        return None
    return subject


def _place_after_en(ctx: Context, fragment: Fragment, end: int):
    """"…"little giant" enterprises 55 in Yunnan province" (machine translation): the place
    named right after the count."""
    if ctx.language != "en":
        return None
    after = _IN_AFTER_EN.match(ctx.doc.text, end)
    if after is None:
        return None
    return next((p for p in ctx.places.in_sentence(fragment.sentence)
                 if p.start == after.end() and p.kind == "division"), None)


def _subject_between(ctx: Context, fragment: Fragment, cat_end: int):
    """English: "the number of high-tech enterprises in Shaanxi reached 12,000": a place
    between the category and the number is the count's."""
    count_start = fragment.groups["count"][0]
    if ctx.language != "en":
        return None
    if cat_end > count_start:
        # "There are 1,250 high-tech enterprises in Zhuhai High-tech Zone": the place right after.
        after = _IN_PLACE_EN.match(ctx.doc.text, fragment.end)
        if after is None:
            return None
        # ("in the zone": a reference begins at "the"; "in the Jiuquan ETDZ": the zone after it.)
        place = next((p for p in ctx.places.in_sentence(fragment.sentence)
                      if p.start in (after.start("place"), after.end())), None)
        return ctx.places.resolve(place) if place is not None else None
    inside = [p for p in ctx.places.in_sentence(fragment.sentence) if cat_end <= p.start and p.end <= count_start]
    # "the number of high-tech enterprises in the city exceeded 1,000": a reference stands for
    # the place it refers to.
    return ctx.places.resolve(inside[-1]) if inside else None


def _cluster_after_en(ctx: Context, end: int) -> str | None:
    """The cluster named right after a count, "… enterprises in (the) X cluster"."""
    after = _IN_PLACE_EN.match(ctx.doc.text, end)
    if after is None:
        return None
    return cluster_named_at(ctx, after.start("place")) or cluster_named_at(ctx, after.end())


def build_counts(ctx: Context, fragments: list[Fragment]) -> list[EnterpriseCount]:
    doc = ctx.doc
    # Conjunctions stay inside a category: 研发平台和创业载体, "small and medium-sized enterprises".
    stop = (ctx.words("category_stop_tokens") or ctx.words("stop_tokens")) - {"and", "of", "or", "-", "&"}
    stop -= ctx.words("category_keep_tokens")  # "national key laboratory": a name word, not a stop
    items: list[EnterpriseCount] = []
    sentences: list[int] = []
    seen: set[tuple] = set()
    carried: tuple[str | None, int] = (None, -1)  # the last count's subject and end (not a share's)
    whole = -1  # position in `items` of the last count that is not a share (其中X N家)
    counted_until, previous = -1, None  # where the fragment that last added items ends
    parts_counted: list[tuple[int, int]] = []  # evidence of shares and list entries since the last count
    increase_end = -1  # where the last count left out as an increase ends
    for fragment in fragments:
        if previous is not None and len(items) > previous[1]:
            counted_until = previous[0].end
        previous = (fragment, len(items))
        if "counts" in fragment.groups and "category" in fragment.groups:
            for item in respectively(ctx, fragment, stop, counted_until):
                items.append(item)
                sentences.append(fragment.sentence)
                parts_counted.append((item.evidence.start, item.evidence.end))
                whole = len(items) - 1
            continue
        if "counts" in fragment.groups:
            # 京山市、钟祥市高新技术企业分别为168家、142家，东宝区、沙洋县分别为97家、64家: the
            # category left out is the one just counted in the sentence.
            # (A list's line of its own — "· 泸州、南充、遂宁：均超过150家，分别为…" — may mean
            # any of the categories the lines above count: none is taken.)
            # ("… 47 'little giant' enterprises.⏎⏎Lanzhou, Tianshui and Baiyin are home to 26, 7 and
            # 5 of them respectively": "of them" names the count it shares out, lines apart.)
            said_of_them = _OF_THEM.search(doc.text, doc.sentence_span(fragment.sentence)[0], fragment.end) is not None
            if items and (_on_one_line(ctx, items[-1].evidence.end, fragment.start) or said_of_them) and (
                    _same_statement(ctx, sentences[-1], fragment.sentence)
                    or _refers_back(ctx, fragment, sentences[-1])
                    or _sentence_before(sentences[-1], fragment.sentence)):
                for item in respectively_elided(ctx, fragment, items[-1].category, counted_until):
                    items.append(item)
                    sentences.append(fragment.sentence)
                    parts_counted.append((item.evidence.start, item.evidence.end))
            continue
        if "count" in fragment.groups and "subject" in fragment.groups and "category" not in fragment.groups:
            share = _share_of_previous(ctx, fragment, items, sentences, whole)
            if share is not None:
                items.append(share)
                sentences.append(fragment.sentence)
                parts_counted.append((share.evidence.start, share.evidence.end))
            continue
        if "count" not in fragment.groups or "category" not in fragment.groups:
            continue
        cat_start, cat_end = fragment.groups["category"]
        if cat_start < fragment.groups["count"][0]:
            # Category before the number: where it begins is not fixed by the pattern.
            # "r&d platforms above the provincial level 87": the walk back starts before the
            # level phrase, whose "the" would otherwise end it.
            tail = _LEVEL_TAIL_EN.search(doc.text, cat_start, cat_end) if ctx.language == "en" else None
            trimmed = trim_left(doc, cat_start, tail.start() if tail else cat_end, stop)
            if trimmed is None:
                continue
            cat_start = trimmed
        cat_start = after_leading_place(ctx, cat_start, cat_end)
        if ctx.language == "en":
            # "specialized, refined, characteristic and novel SMEs" (专精特新): one term whose
            # commas would end the walk back.
            term = _SRDI_EN.search(doc.text, max(0, cat_start - 60), cat_start)
            cat_start = term.start() if term else cat_start
        # "…reached 136, and little giant enterprises grew to 18" / "the number of R&D platforms
        # reached 136" / 评价入库的…: neither the joiner nor the register is what is counted.
        lead = _CATEGORY_LEAD[ctx.language].match(doc.text, cat_start, cat_end)
        cat_start = lead.end() if lead else cat_start
        held = None if "subject" in fragment.groups else holding_cluster(ctx, fragment.sentence, fragment.groups["count"][0])
        if held is not None and cat_start < held[1] < cat_end:
            cat_start = held[1]  # (集群内有|规上企业, 钛及钛合金创新型产业集群现有|企业)
        count = parse_count(ctx.language, fragment.text(doc, "count") or "")
        if count is None:
            continue
        others = [fragment.groups[g] for g in ("count", "qualifier_before", "qualifier_after")
                  if g in fragment.groups]
        start = min([cat_start] + [s for s, _ in others])
        end = max([cat_end] + [e for _, e in others])
        count_start = fragment.groups["count"][0]
        if (ctx.is_target(start, end) or ctx.is_increase(start, count_start, end)
                or (count_start < cat_start and ctx.opens_with_increase(cat_start))):
            increase_end = end
            continue
        if ctx.language == "en" and _LIST_JOINER_EN.fullmatch(doc.text, increase_end, start):
            # "newly recognized 112 gazelle enterprises, 906 eaglet enterprises and 58 …": the verb
            # of a list's first item governs the items joined to it (in Chinese the clause
            # holding a 、-list is kept whole).
            increase_end = end
            continue
        whole_again = False  # the subject is the whole's again, past the parts named after it
        if "subject" in fragment.groups:
            # (独角兽企业中，济南7家: the rule says where the place is; a place must be named there.)
            s, e = fragment.groups["subject"]
            if not any(p.start == s and p.end >= e - 1 and p.kind != "reference"
                       for p in ctx.places.in_sentence(fragment.sentence)):
                continue
            subject = doc.value(s, e)
        elif ctx.language == "zh" and clusters_counted(ctx, fragment.sentence, start):
            subject = None  # 本批入选的25个集群共集聚中小企业1.2万家: the clusters', no one place's
        elif held is not None:
            subject = held[0]  # 该集群内有规上企业1100余家: the cluster's members
        elif ctx.language == "en" and (member_of := _cluster_after_en(ctx, end)) is not None:
            subject = member_of  # "270+ enterprises in the Xi'an semiconductor … cluster"
        elif _shares_whole_before(ctx, fragment, start, carried, sentences, whole):
            # "… the cluster brings together more than 400 manufacturers. Among them are 215
            # industrial enterprises above designated size": part of the whole just counted, the
            # whole's place, not the last place named before it (the cluster's core zone).
            subject = carried[0]
        else:
            near = _subject_between(ctx, fragment, cat_end) or _place_after_en(ctx, fragment, end) \
                or ctx.subject_before(start)
            if (near is not None and carried[0] is not None
                    and (doc.sentence_of(near.start) < fragment.sentence or ";" in doc.text[near.end:start])
                    and _inside(doc.original_span(near.start, near.end)[0], parts_counted)):
                # …其中寿光市、诸城市、青州市分别达到198家、176家和152家。科技型中小企业入库4126家
                # (or after a semicolon, "…, among them Haikou 1,358, Danzhou 61; the technology-based
                # SMEs …"): the place of the whole counted before, not the last of its parts.
                subject = carried[0]
                whole_again = True
            else:
                subject = ctx.value(near)
            if subject is None:
                subject = _paragraph_subject(ctx, fragment, carried)
            if subject is None:
                subject = ctx.value(ctx.list_subject(fragment.sentence, start) or ctx.paragraph_zone(start))
            if subject is None:
                # A count whose sentences name no place (a work report's 新增高新技术企业215家，总数达到
                # 1068家) is the place the article is about, the one its headline names first.
                subject = ctx.headline_place
        category = doc.value(cat_start, cat_end).strip()
        if ctx.language == "en" and counts_no_enterprise_en(ctx, category, fragment.groups["count"][0]):
            continue  # "2,300 graduates a year into local companies", "38 projects with appliance makers"
        if past_money_threshold(ctx, fragment, cat_start, cat_end, end):
            # "fewer than 40 listed companies, and enterprises with annual revenue above …": the
            # threshold is the second clause's; the count keeps the category before the comma.
            joined = _NEW_CLAUSE_EN.search(doc.text, cat_start, cat_end) if ctx.language == "en" else None
            if joined is None:
                continue  # 营收超亿元企业86家: enterprises past a threshold, not a count of a place's
            cat_end = joined.start()
            end = max([cat_end] + [e for _, e in others])
            category = doc.value(cat_start, cat_end).strip()
        key = (subject, category, count, start)
        if key in seen:
            continue
        seen.add(key)
        items.append(EnterpriseCount(subject=subject, category=category, count=count,
                                     qualifier=qualifier_of(ctx, fragment),
                                     evidence=doc.evidence(start, end)))
        sentences.append(fragment.sentence)
        carried = (subject, end)
        if not whole_again:  # (…；科技型中小企业入库2605家；省级以上研发平台412个: still the whole's)
            parts_counted = []
        whole = len(items) - 1
    counted = without_restatements(items, [ctx.doc.in_first_line(sentence) for sentence in sentences])
    rows = sorted(table_counts(ctx) + announced_counts(ctx) + figure_first_counts(ctx), key=lambda row: row.evidence.start)
    return _with_table_counts(counted, rows)


def _shares_whole_before(ctx: Context, fragment: Fragment, start: int, carried: tuple, sentences: list[int],
                         whole: int) -> bool:
    """A count in a clause opening with 其中 / "Among them" that names no place of its own, right
    after the sentence holding the whole it is part of."""
    if whole < 0 or carried[0] is None or sentences[whole] not in (fragment.sentence - 1, fragment.sentence):
        return False
    if sentences[whole] == fragment.sentence:
        # (…集聚企业130余家，其中国家级专精特新“小巨人”企业5家: a clause of the whole's sentence.)
        opening = _SHARES_OPEN.match(ctx.doc.text, ctx.clause_start(start))
        if opening is not None and opening.end() <= start and not any(
                carried[1] <= p.start < fragment.end for p in ctx.places.in_sentence(fragment.sentence)):
            return True
    sentence_start = ctx.doc.sentence_span(fragment.sentence)[0]
    opening = _SHARES_OPEN.match(ctx.doc.text, sentence_start)
    if opening is None or opening.end() > start:
        return False
    return not any(p.start < fragment.end for p in ctx.places.in_sentence(fragment.sentence))


def _with_table_counts(items: list[EnterpriseCount], rows: list[EnterpriseCount]) -> list[EnterpriseCount]:
    """The counts of tables' rows among the others, in the order of the text; none twice."""
    if not rows:
        return items
    seen = {(i.subject, i.category, i.count) for i in items}
    rows = [row for row in rows if (row.subject, row.category, row.count) not in seen]
    merged, j = [], 0
    for item in items:
        while j < len(rows) and rows[j].evidence.start < item.evidence.start:
            merged.append(rows[j])
            j += 1
        merged.append(item)
    return merged + rows[j:]


def _on_one_line(ctx: Context, original_end: int, start: int) -> bool:
    """No line break between an offset of the original text and one of the normalized copy."""
    return "\n" not in ctx.doc.map.original[original_end:ctx.doc.original_span(start, start)[0]]


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)


def _sentence_before(earlier: int, later: int) -> bool:
    """The sentence just before (…东湖高新区6700余家。襄阳、宜昌两市分别为1952家和1618家。): a
    list that names no category goes on with the count just made."""
    return earlier == later - 1


def _refers_back(ctx: Context, fragment: Fragment, earlier: int) -> bool:
    """A sentence that shares out the count of the sentence just before: it opens with 其中 /
    "Among them" (…8870家。其中，禅城区1046家), or its numbers are "of them" ("Fuzhou, Xiamen and
    Quanzhou were home to 5,300, 4,100 and 3,200 of them respectively"; "Shenzhen accounted for
    24,000 of them, followed by Guangzhou with 12,600")."""
    text, start = ctx.doc.text, ctx.doc.sentence_span(fragment.sentence)[0]
    opening = fragment.sentence
    while opening > earlier + 1 and ctx.ends_at_semicolon(opening - 1):
        opening -= 1  # (从区域看，A 5862家，占全市近一半；B 1105家: the breakdown opened clauses before)
    if opening < fragment.sentence and _sentence_before(earlier, opening):
        return _SHARES_OPEN.match(text, ctx.doc.sentence_span(opening)[0]) is not None
    if _sentence_before(earlier, fragment.sentence) and not text[start:fragment.start].strip():
        return True  # ("… 3,105 high-tech enterprises. Chancheng district had 1,012, Sanshui …": a
        # sentence opening with a place's number and no category goes on with the count before)
    if fragment.sentence - 3 <= earlier <= fragment.sentence - 2:
        # "… had 8,014 high-tech enterprises. Of the 2,912 certified last year, … The enterprises
        # remain concentrated in the zones. X was home to 2,340 of them": "of them" reaches over
        # up to two sentences that count nothing.
        return _OF_THEM.search(text, start, fragment.end) is not None
    if not _sentence_before(earlier, fragment.sentence):
        return False
    return _SHARES_OPEN.match(text, start) is not None or _OF_THEM.search(text, start, fragment.end) is not None


def _same_statement(ctx: Context, earlier: int, later: int) -> bool:
    """The same sentence, or clauses of one that semicolons split (…187家；旌阳区126家；…)."""
    return earlier == later or (earlier < later and all(ctx.ends_at_semicolon(i) for i in range(earlier, later)))


def _share_of_previous(ctx: Context, fragment: Fragment, items: list[EnterpriseCount],
                       sentences: list[int], whole: int) -> EnterpriseCount | None:
    """其中烟台高新区412家 / 其中射洪市58家、遂宁经开区31家: the share of a place in the count
    before the shares (items[whole]), in the same sentence or in the one before a sentence
    opening with 其中 (…8870家，比上年末增加412家。其中，禅城区1046家，南海区3215家); it counts what
    that count counts."""
    if whole < 0:
        return None
    same = _same_statement(ctx, sentences[whole], fragment.sentence)
    # ("Of the total, A accounted for 3,024, B 2,731. C had 1,012, D 642": a breakdown that goes
    # on into the next sentence shares out the same count.)
    going_on = next((item for item in items[:whole + 1] if item.evidence.start == items[-1].evidence.start), None) \
        if (len(items) - 1 > whole and fragment.sentence - 1 <= sentences[-1] <= fragment.sentence
            and not _names_category_before(ctx, fragment)) else None
    if not same and going_on is None and not _refers_back(ctx, fragment, sentences[whole]):
        return None
    # A sentence of shares after one that made several counts (全市高新技术企业512家，科技型中小
    # 企业688家。其中，…) shares out the sentence's first, main count.
    total = items[whole] if same else going_on or items[sentences.index(sentences[whole])]
    start, end = fragment.groups["subject"]
    place = next((p for p in ctx.places.in_sentence(fragment.sentence) if p.start == start and p.end >= end - 1), None)
    if place is None:
        return None  # 其中高新技术企业412家: a category, not a place's share
    subject = ctx.doc.value(start, end)
    if place.kind == "reference":
        # "…, among them 87 is in the park": the zone the reference stands for.
        zone = ctx.places.resolve(place)
        if zone is None or zone.kind != "zone":
            return None
        if not _other_kind(ctx, subject, ctx.value(zone)):
            subject = ctx.value(zone)
        # (…合肥高新区2036家；经开区1187家: a zone of another kind, named by its kind alone, is not
        # the one before.)
    count = parse_count(ctx.language, fragment.text(ctx.doc, "count") or "")
    # A share is less than the whole; the next place of a list (…187家；旌阳区126家) need not be.
    opened = _SHARES_OPEN.match(ctx.doc.text, ctx.clause_start(fragment.start)) is not None
    if count is None or (opened and count >= total.count) or ctx.is_target(fragment.start, fragment.end):
        return None
    # The evidence reaches back over the count shared out, so it shows what is counted.
    start = total.evidence.start
    end = ctx.doc.original_span(fragment.start, fragment.end)[1]
    return EnterpriseCount(subject=subject, category=total.category,
                           count=count, qualifier=qualifier_of(ctx, fragment),
                           evidence=Evidence(start=start, end=end, text=ctx.doc.map.original[start:end]))


def _other_kind(ctx: Context, written: str, zone: str | None) -> bool:
    """Whether a zone's kind word (经开区) names another kind than the zone it would refer to
    (合肥高新区)."""
    kinds = ctx.words("zone_kind_references")
    return bool(zone) and written in kinds and any(k != written and k in zone for k in kinds) and written not in zone


def _names_category_before(ctx: Context, fragment: Fragment) -> bool:
    """Whether the fragment's sentence names what is counted before it ("The gap narrows for R&D
    platforms …: X has 318, Y 246"): a new count's list, not the breakdown before going on."""
    before = ctx.doc.text[ctx.doc.sentence_span(fragment.sentence)[0]:fragment.start].lower()
    return any(head in before for head in ctx.words("count_heads"))
