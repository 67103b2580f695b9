"""Counts of a cluster's members: 该集群内有规上企业1100余家, 宝鸡高新区钛及钛合金创新型产业集群现有
企业526家, 枝江市白酒产业集群以枝江经济开发区为承载区，拥有酿酒及配套企业90多家, "At present, the
cluster have above scale industrial enterprise 226". The cluster, as the article writes its name,
is whose count it is; not the zone named as its core or carrier, which only says where it is.

A count stays a place's when a place (or 园区, 该区, "the park", "which") is what the count's
clause speaks of: 作为…集群的核心区，鹰潭高新区现有…; …依托宜兴环保科技工业园建设，园区集聚….

Reads the clusters `build_clusters` found (Context.cluster_mentions, Context.cluster_zones).
"""

from __future__ import annotations

import re
from typing import Optional

from extract.compiled_regex import cached_compile
from extract.context import Context

# How far back a reference (该集群, "the cluster") looks for the cluster it stands for.
_SENTENCES_BACK = 3
# What may stand between "and has" and its number: "and has more than 400 …".
_QUALIFIER_GAP_EN = cached_compile(r"\s+(?:(?:more\s+than|over|about|around|nearly|almost|roughly|some|close\s+to|"
                                   r"approximately|at\s+least)\s+)?", re.I)
# …集群以X为核心区，入选全省首批重点培育产业集群，集聚企业130余家: a place inside the list the
# cluster joined says whose list it is; the clauses still speak of the cluster.
_JOINED_LIST = cached_compile(r"(?:成功|正式|已)?(?:入选|列入|纳入|获批|入围|认定为|获评)|(?:be\s+|was\s+|been\s+)?"
                              r"(?:selected|listed|included|named|enter(?:ed)?\s+select)\b", re.I)
# "…, while the Daqing petrochemical cluster, one of …, counts 320 enterprises": a conjunction and
# an article before the clause's first words.
_CONJUNCTION_EN = cached_compile(r"(?:(?:while|whereas|and|but)\s+)?the\s+|(?:while|whereas)\s+(?=(?-i:[A-Z]))", re.I)
_ASIDE_AFTER_NAME_EN = cached_compile(r",\s+(?:located|based|headquartered|anchored)\s+in\s+(?:the\s+)?", re.I)
_IT_EN = cached_compile(r"(?-i:It)\s+")
_THE_CLUSTER_EN = cached_compile(r"(?:the|this|that)\s+cluster\b(?!\s+(?:list|program|programme|plan)\b)", re.I)
# （二） / 1. / 一、 / • / - opening a list item (●, ■, ✅ … read as • in the normalized text).
_LIST_MARKER = cached_compile(r"[ \t\u3000]*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．)]|"
                              r"[一二三四五六七八九十]{1,3}、|[•·*-])[ \t\u3000]*")


def holding_cluster(ctx: Context, sentence: int, number_start: int) -> Optional[tuple[str, int]]:
    """The cluster whose members the number at `number_start` counts, as written, and where the
    words saying it holds them end (集群内有|规上企业: the category begins there); None when the
    count is a place's."""
    macros = ctx.ruleset.macros
    if not ctx.cluster_mentions or "cluster_member_reference" not in macros or "cluster_holds" not in macros:
        return None
    doc, text = ctx.doc, ctx.doc.text
    begin = doc.sentence_span(sentence)[0]
    places = ctx.places.in_sentence(sentence)
    holds = ctx.ruleset.compile("{cluster_holds}")
    # 该集群内有… / "the cluster have …": a reference to a cluster, the last thing named before the number.
    referring = list(ctx.ruleset.compile("{cluster_member_reference}").finditer(text, begin, number_start))
    if referring:
        said = referring[-1]
        if not any(said.end() <= p.start < number_start for p in places):
            # (…打火机产业集群拥有…: the words end a cluster's own name, which is the holder.)
            inside = next((span for span in ctx.cluster_mentions if span[0] <= said.start() < span[1]), None)
            referred = inside or _referred(ctx, said.start())
            if referred is not None:
                return _name(ctx, referred), _end_of(holds, text, said.end())
    # The number's clause opens with the cluster's name (…集群现有企业526家), or with what it
    # holds when the clauses before it speak of a cluster (…集群以X为承载区，拥有…企业90多家).
    clause = ctx.clause_start(number_start)
    opens_at = _opening(text, clause)
    opening = next((span for span in ctx.cluster_mentions if span[0] == opens_at and span[1] <= number_start), None)
    if opening is not None:
        return _name(ctx, opening), _end_of(holds, text, opening[1])
    heading = _list_item_cluster(ctx, number_start, clause)
    if heading is not None:
        return _name(ctx, heading), clause
    verb = ctx.ruleset.compile("{cluster_holding_verb}").match(text, clause) if "cluster_holding_verb" in macros else None
    if verb is None:
        return (_subject_of_clause(ctx, begin, clause, opens_at) or _it_after_cluster(ctx, sentence, clause, opens_at)
                or _coordinated_verb(ctx, begin, clause, number_start))
    topic = next((span for span in reversed(ctx.cluster_mentions) if begin <= span[0] and span[1] <= clause), None)
    if topic is None:
        return None
    if ctx.language == "en" and _which_follows_a_place(text, topic, clause, places):
        return None
    between = [p for p in places if topic[1] <= p.start < clause
               and not _JOINED_LIST.match(text, _opening(text, ctx.clause_start(p.start)))]
    # (A core zone found as two places, Shenyang | Hunnan High-tech Zone, is still the cluster's.)
    if any(not any(a <= p.start and p.end <= b for a, b in ctx.cluster_zones) or ctx.clause_start(p.start) == p.start
           for p in between):
        return None  # (作为…集群的核心区，鹰潭高新区现有…，拥有…: the zone is what the clauses speak of)
    return _name(ctx, topic), verb.end()


def _which_follows_a_place(text: str, topic: tuple[int, int], clause: int, places: list) -> bool:
    """English: "…cluster is located in Ningde Dongqiao EDZ, which is home to 80 …": the clause
    right after a place speaks of the place. Not when the place stands in an aside on the cluster's
    name ("the Harbin aviation cluster, located in the Harbin ETDZ, which brings together …")."""
    aside = _ASIDE_AFTER_NAME_EN.match(text, topic[1])
    return any(not text[p.end:clause].strip(", ") and not (aside and "," not in text[aside.end():p.start])
               for p in places if topic[1] <= p.start and p.end <= clause)


def _opening(text: str, clause: int) -> int:
    """Where a clause's first words begin ("The Xi'an semiconductor cluster has more than 300 …",
    "…, while the Daqing cluster, …, counts 320": the conjunction and article before a name are
    passed)."""
    opens_at = clause + len(text[clause:clause + 8]) - len(text[clause:clause + 8].lstrip())
    conjunction = _CONJUNCTION_EN.match(text, opens_at)
    return conjunction.end() if conjunction else opens_at


def _subject_of_clause(ctx: Context, begin: int, clause: int, opens_at: int) -> Optional[tuple[str, int]]:
    """"The Danyang eyewear cluster in Jiangsu province, one of the largest …, now includes more
    than 1,600 …" / "…cluster has about 1,200 enterprises, including 68 …": a clause opening with
    what the subject holds has the subject of the clauses before it: a cluster opening a clause,
    unless a place opens a clause after it."""
    if "cluster_clause_verb" not in ctx.ruleset.macros:
        return None
    verb = ctx.ruleset.compile("{cluster_clause_verb}").match(ctx.doc.text, opens_at)
    if verb is None:
        return None
    topic = _clause_topic(ctx, begin, clause)
    return (_name(ctx, topic), verb.end()) if topic is not None else None


def _coordinated_verb(ctx: Context, begin: int, clause: int, number_start: int) -> Optional[tuple[str, int]]:
    """"The Changsha construction machinery cluster, with … as its core area, is one of … and has
    more than 400 enterprises": a verb joined by "and" to the cluster's own clause."""
    if ctx.language != "en" or "cluster_clause_verb" not in ctx.ruleset.macros:
        return None
    text = ctx.doc.text
    verbs = list(ctx.ruleset.compile(r"\band\s+{cluster_clause_verb}").finditer(text, clause, number_start))
    if not verbs or not _QUALIFIER_GAP_EN.fullmatch(text, verbs[-1].end(), number_start):
        return None
    topic = _clause_topic(ctx, begin, verbs[-1].start())
    return (_name(ctx, topic), verbs[-1].end()) if topic is not None else None


def _clause_topic(ctx: Context, begin: int, before: int) -> Optional[tuple[int, int]]:
    """The cluster opening the last clause (from `begin`) before `before`, unless a place opens a
    clause after it ("…cluster, and Suzhou Industrial Park alone hosts 612 …")."""
    text = ctx.doc.text
    opening = [span for span in ctx.cluster_mentions if begin <= span[0] and span[1] <= before
               and _opening(text, ctx.clause_start(span[0])) == span[0]]
    if not opening:
        return None
    topic = opening[-1]
    if any(topic[1] <= p.start < before and _opening(text, ctx.clause_start(p.start)) == p.start
           for p in ctx.places.in_sentence(ctx.doc.sentence_of(before))):
        return None
    return topic


def _it_after_cluster(ctx: Context, sentence: int, clause: int, opens_at: int) -> Optional[tuple[str, int]]:
    """"The Wuhan optoelectronic … cluster, with … as its core area, is one of 45 national … clusters.
    It is home to more than 1,400 enterprises": a sentence opening with "It" and what it holds
    speaks of the cluster that opened the sentence before."""
    if ctx.language != "en" or sentence == 0 or clause != ctx.doc.sentence_span(sentence)[0] \
            or "cluster_clause_verb" not in ctx.ruleset.macros:
        return None
    text = ctx.doc.text
    pronoun = _IT_EN.match(text, opens_at)
    verb = ctx.ruleset.compile("{cluster_clause_verb}").match(text, pronoun.end()) if pronoun else None
    if verb is None:
        return None
    before = ctx.doc.sentence_span(sentence - 1)[0]
    topic = next((span for span in ctx.cluster_mentions if span[0] == _opening(text, before)), None)
    return (_name(ctx, topic), verb.end()) if topic is not None else None


def _list_item_cluster(ctx: Context, number_start: int, clause: int) -> Optional[tuple[int, int]]:
    """（二）玉环汽车零部件产业集群。核心区为玉环经济开发区，拥有汽摩配企业1300多家 / "• Hefei new display
    cluster - core area: …; about 140 enterprises": a list item headed by a cluster's name speaks
    of that cluster, unless a place other than its core zone (or its city in brackets) opens the
    number's clause."""
    text = ctx.doc.text
    line_start = text.rfind("\n", 0, number_start) + 1
    marker = _LIST_MARKER.match(text, line_start, number_start)
    if marker is None:
        return None
    head = next((span for span in ctx.cluster_mentions if span[0] == marker.end() and span[1] <= number_start), None)
    if head is None:
        return None
    for place in ctx.places.in_sentence(ctx.doc.sentence_of(number_start)):
        if head[1] <= place.start < number_start and (place.start, place.end) not in ctx.cluster_zones \
                and place.start >= clause and text[place.start - 1:place.start] not in "(（":
            return None
    return head


def cluster_named_at(ctx: Context, at: int) -> Optional[str]:
    """The cluster whose name (or a mention of it, or "the cluster") begins at `at`: "270+
    enterprises in the Xi'an semiconductor … cluster" counts that cluster's members, not Xi'an's."""
    span = next((span for span in ctx.cluster_mentions if span[0] == at), None)
    if span is None and _THE_CLUSTER_EN.match(ctx.doc.text, at):
        span = _referred(ctx, at)
    return _name(ctx, span) if span is not None else None


def _name(ctx: Context, span: tuple[int, int]) -> str:
    """The cluster a mention names, as its record does ("the rare earth cluster" of the Baotou
    rare earth new material cluster named before)."""
    return ctx.cluster_names.get(span) or ctx.doc.value(*span)


def _end_of(holds, text: str, at: int) -> int:
    found = holds.match(text, at)
    return found.end() if found else at


def _referred(ctx: Context, at: int) -> Optional[tuple[int, int]]:
    """The cluster named last before a reference at `at`, a few sentences back at most."""
    floor = ctx.doc.sentence_span(max(0, ctx.doc.sentence_of(at) - _SENTENCES_BACK))[0]
    before = [span for span in ctx.cluster_mentions if floor <= span[0] and span[1] <= at]
    return before[-1] if before else None
