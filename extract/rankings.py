"""Rankings: rank, move, streak and context fragments grouped into one item per subject."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.matcher import Fragment
from extract.ranking_context import context_index, finish, floor_of, name_sole_ranking
from extract.ranking_tables import table_fragments
from extract import ranking_scope_en
from extract.ranking_history import past_year_clauses
from extract.ranking_merge import merge_restated, name_general_rows, share_context
from extract.ranking_subjects import (listed_just_before_en, locates, ranks_non_place, same_place, subject_before,
                                      tied_places)
from extract.mentions import Place
from schemas.record import Ranking

_CONTEXT_GROUPS = ("ranking", "year", "total")
_LIST_ITEM = cached_compile(r"\d+|[零〇一二两三四五六七八九十百]+|[a-z]+(?:-[a-z]+)?", re.I)
_NOT_NUMBERS = {"and", "th", "st", "nd", "rd", "places", "place", "spots", "positions", "position",
                "respectively", "ranked", "ranks", "ranking", "the", "of", "rose", "up", "by"}
# 五年前，贵阳高新区还排在第65位 / "Five years ago, the zone ranked 65th": where a place stood
# then, not where it stands.
_YEARS_AGO = {"zh": cached_compile(r"(?:[一二三四五六七八九十两\d]+年前|多年前)[^。;!?]*$"),
              "en": cached_compile(r"\b(?:\w+|\d+)\s+years\s+ago\b[^.;!?]*$", re.I)}
# 五年时间，前进了24个位次 / "over the past five years it has moved up 24 places": a move over
# several years, not the year's.
_OVER_YEARS = {"zh": cached_compile(r"(?<!连续)(?:[一二三四五六七八九十两\d]+|多)年(?:时间|来|间|里)[^。;!?]*$"),
               "en": cached_compile(r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+|\d+)\s+years\b[^.;!?]*$", re.I)}
# Rules reading one line of a table or list of positions (赣州经开区：第45位，较上年上升12位).
_ROW_RULE = cached_compile(r"table\.rank|\w+\.rank\.(?:table-line|colon-line|numbered-row|numbered-line(?:-bracketed)?|table-row)")
# "the top spot", "topped the list", "the No. 1 spot", "number one": first place, no ordinal.
_FIRST_EN = cached_compile(r"top|No\.?\s?1$|number\s+one", re.I)
_FIRST_N_EN = cached_compile(r"\b(?:the\s+)?(?:first|former)\b", re.I)
_LAST_N_EN = cached_compile(r"\b(?:the\s+)?(?:last|latter)\b", re.I)


@dataclass
class Entry:
    subject: Optional[Place]
    start: int
    end: int
    sentence: int
    values: dict = field(default_factory=dict)
    later: int = -1  # a later sentence that added to this entry (English "twins")
    scoped: bool = False  # "…12th nationally, 2nd in the province": a narrower scope's position
    row: bool = False  # a line of a table or list of positions

    def accepts(self, values: dict) -> bool:
        # A value restated (从第19位升至第13位，前移6位) is the same fact, not a new item.
        return all(self.values.get(k) in (None, v) for k, v in values.items())


def _number(ctx: Context, text: str, ordinal: bool = False) -> Optional[int]:
    if ctx.language == "zh":
        from extract.numbers_zh import parse_number

        return parse_number(text)
    from extract.numbers_en import parse_number, parse_ordinal

    return parse_ordinal(text) if ordinal else parse_number(text)


def _numbers(ctx: Context, text: str) -> list[int]:
    values = []
    for token in _LIST_ITEM.findall(text):
        if token.lower() in _NOT_NUMBERS:
            continue
        value = _number(ctx, token, ordinal=True)
        if value is not None:
            values.append(value)
    return values


def _values(ctx: Context, fragment: Fragment) -> dict:
    doc = ctx.doc
    get = lambda g: fragment.text(doc, g)  # noqa: E731
    values: dict = {}
    if get("rank"):
        # "topped the list" names no number: it is first place.
        top = ((ctx.language == "en" and _FIRST_EN.match(get("rank")) is not None)
               or (ctx.language == "zh" and get("rank") in ("首位", "榜首", "居首", "登顶")))  # 位居全国首位
        values["rank"] = 1 if top else _number(ctx, get("rank"), ordinal=True)
    if get("up"):
        values["change"] = _number(ctx, get("up"))
    if get("down"):
        down = _number(ctx, get("down"))
        values["change"] = None if down is None else -down
    if get("unchanged"):
        values["change"] = 0
    if get("from_rank") and get("to_rank"):
        before, after = _number(ctx, get("from_rank"), True), _number(ctx, get("to_rank"), True)
        if before is not None and after is not None:
            values["rank"], values["change"] = after, before - after
    elif get("from_rank"):
        # "up from 35th": the earlier position; the move follows once the rank is known.
        values["from_rank"] = _number(ctx, get("from_rank"), True)
    if get("streak"):
        values["streak"] = _number(ctx, get("streak"), ordinal=True)
    if get("year") and values:
        # ("from 2012 year of the 17th rise to 2020 year of the 11th": the position's own year)
        values["year"] = _number(ctx, get("year"))
    return {k: v for k, v in values.items() if v is not None}


def _context(ctx: Context, fragment: Fragment) -> dict:
    doc = ctx.doc
    out: dict = {}
    if "ranking" in fragment.groups:
        out["ranking"] = doc.value(*fragment.groups["ranking"]).strip()
    if "year" in fragment.groups:
        out["year"] = _number(ctx, fragment.text(doc, "year"))  # 2022, 二〇二二
    if "total" in fragment.groups:
        out["total"] = _number(ctx, fragment.text(doc, "total"))
    return {k: v for k, v in out.items() if v is not None}


# "… for the first time since it was upgraded to a national-level zone in 2011": the year of a
# zone's founding or upgrade, not the ranking's.
_FOUNDED_EN = cached_compile(r"\b(?:since|established|founded|upgraded|approved|set\s+up|launched|built)\b[^,;.]*$", re.I)


def _founding_year_en(ctx: Context, fragment: Fragment) -> bool:
    if ctx.language != "en":
        return False
    year = fragment.groups["year"][0]
    return _FOUNDED_EN.search(ctx.doc.text, ctx.clause_start(year), year) is not None


def build_rankings(ctx: Context, fragments: list[Fragment]) -> list[Ranking]:
    doc = ctx.doc
    rows = table_fragments(ctx)
    if rows:
        # A table's row stands for the rules' matches inside it.
        fragments = sorted([f for f in fragments if not any(r.start <= f.start < r.end for r in rows)] + rows,
                           key=lambda f: (f.start, f.end))
    items: list[Entry] = []
    context: list[tuple[Fragment, dict]] = []
    last_list: list[Entry] = []
    trigger = ctx.ruleset.triggers.get("ranking")
    # Sentences that speak of rankings: only there does a year or a ranking's name count, and only
    # they bridge the look-back for context (a year in 截至2023年底 is no ranking's); with or
    # without skipping sentences, the same ones.
    related = {sentence for sentence in {f.sentence for f in fragments}
               if trigger is None or trigger.search(doc.text, *doc.sentence_span(sentence))}
    related |= {row.sentence for row in rows}
    # "up from 36th in 2021": the year of an earlier position is not the ranking's year.
    past: dict[int, list[tuple[int, int]]] = {}
    # "It came 12th in 2021.": a sentence stating a position speaks of a ranking.
    positioned: set[int] = set()
    past_clauses = past_year_clauses(ctx, fragments)

    def in_past_clause(fragment: Fragment) -> bool:
        return any(a <= fragment.start < b for a, b in past_clauses)

    for fragment in fragments:
        if "from_year" in fragment.groups:
            past.setdefault(fragment.sentence, []).append(fragment.groups["from_year"])
        if set(fragment.groups) == {"year"} and in_past_clause(fragment):
            past.setdefault(fragment.sentence, []).append(fragment.groups["year"])
        if "rank" in fragment.groups or "to_rank" in fragment.groups:
            positioned.add(fragment.sentence)
    for fragment in fragments:
        if set(fragment.groups) == {"year"} and (any(
                s <= fragment.groups["year"][0] < e for s, e in past.get(fragment.sentence, ()))
                or _founding_year_en(ctx, fragment)):
            continue
        if all(g in _CONTEXT_GROUPS for g in fragment.groups):
            if fragment.sentence in related:
                # "clusters in 2021": an English year alone needs a sentence about a ranking.
                if (ctx.language == "en" and set(fragment.groups) == {"year"} and not _about_ranking(ctx, fragment)
                        and fragment.sentence not in positioned):
                    continue
                context.append((fragment, _context(ctx, fragment)))
            continue
        list_group = next((g for g in ("ranks", "ups", "downs", "in_order", "top_ranks", "rank_range", "tied_rank") if g in fragment.groups), None)
        if list_group:
            last_list = _distribute(ctx, fragment, list_group, items, last_list)
            continue
        values = _values(ctx, fragment)
        same_sentence = bool(items) and items[-1].sentence == fragment.sentence
        if not values or (values == {"change": 0} and not same_sentence and not _about_ranking(ctx, fragment)
                          and not _just_ranked(ctx, items, fragment)):
            continue
        if (ctx.language == "en" and set(values) in ({"streak"}, {"change"}) and not _about_ranking(ctx, fragment)
                and not (items and items[-1].sentence >= fragment.sentence - 1)
                and not _just_ranked(ctx, items, fragment)):
            # "Revenue has risen for five consecutive years", "numbered 1,085, up 163 from a year
            # earlier": no rank in sight.
            continue
        # ("gained two places to reach 134th": the position a move reached is no goal.)
        moved_to = fragment.groups["up"][1] if {"rank", "up"} <= set(fragment.groups) else fragment.end
        if ranks_non_place(ctx, fragment) or ctx.is_target(fragment.start, moved_to):
            continue  # (力争…再前移3位以上: a goal, not a move)
        if in_past_clause(fragment):
            continue  # (…排名第31位…。2021年洛阳仅排在第42位: where it stood then)
        sentence_start = doc.sentence_span(fragment.sentence)[0]
        if ("rank" in values and _YEARS_AGO[ctx.language].search(doc.text, sentence_start, fragment.start)) or (
                set(values) == {"change"} and _OVER_YEARS[ctx.language].search(doc.text, sentence_start, fragment.start)):
            continue
        excluded = _ranking_names(ctx, context)
        if "subject" in fragment.groups:
            # The rule says where the place ranked is named ("… 45th and yantai high-tech zone
            # 88th"): the last place there, else no item.
            s, e = fragment.groups["subject"]
            own = next((p for p in reversed(ctx.places.before(e, 0))
                        if s <= p.start and p.end <= e and p.kind != "reference"), None)
            if own is None:
                continue
        else:
            own = subject_before(ctx, fragment.start, 0, excluded)  # a place named in the fragment's own sentence
        if own is not None and ranking_scope_en.scope_en(ctx, own, items, fragment, values):
            own = None
        main = ranking_scope_en.main_of_scoped(ctx, items, own, fragment, values)
        if main is not None:
            # "12th nationally, 2nd in the province, up 3 places": the move is the main position's.
            main.values.update(values)
            main.end = max(main.end, fragment.end)
            continue
        lead = own is not None and ranking_scope_en.scope_lead_en(ctx, own, fragment)
        if lead:
            own = None  # "In Fujian, it came second": Fujian is where, "it" who
        near = own or (items[-1].subject if items and items[-1].sentence >= fragment.sentence - 1 else None)
        if lead and near is None:
            continue  # whose position it is is unknown: nothing rather than the province's
        if near is not None and ranking_scope_en.scoped_en(ctx, items, near, fragment, values, lead):
            # Its own entry, even beside an entry of the same place that has no rank yet.
            items.append(Entry(near, fragment.start, fragment.end, fragment.sentence, values, scoped=True))
            continue
        twin = ranking_scope_en.twin(ctx, items, own, fragment, values)
        if twin is not None:
            twin.values.update(values)
            if twin.sentence == fragment.sentence:
                twin.end = max(twin.end, fragment.end)
            else:
                twin.later = max(twin.later, fragment.sentence)
            continue
        previous = items[-1] if items else None
        if previous is not None and own is None and previous.sentence >= fragment.sentence - 1:
            subject = previous.subject
        else:
            subject = own or ctx.list_subject(fragment.sentence, fragment.start) \
                or subject_before(ctx, fragment.start, 2, excluded)
        if (previous is not None and same_place(previous.subject, subject) and previous.accepts(values)
                and previous.sentence >= fragment.sentence - 1
                and (own is None or previous.sentence == fragment.sentence)):
            previous.values.update(values)
            previous.end = max(previous.end, fragment.end)
            previous.subject = previous.subject or subject
            continue
        start = fragment.start
        if own is not None and doc.sentence_of(own.start) == fragment.sentence:
            # A rule naming where the place is ("… (40th)") begins its evidence at the place,
            # unless the position comes first (第6名 合肥高新区（较上年+1）).
            rank_first = fragment.groups.get("rank", (own.start,))[0] < own.start
            start = own.start if "subject" in fragment.groups and not rank_first else min(start, own.start)
        items.append(Entry(subject, start, fragment.end, fragment.sentence, values,
                           row=bool(_ROW_RULE.fullmatch(fragment.rule))))
    index = context_index(ctx, context)
    finished = [finish(ctx, item, context, related, floor_of(items, item), index) for item in items]
    finished = name_general_rows(finished)
    # (Chinese: a size stated once may be a sub-ranking's, 在N家中 is said where meant; but the rows
    # of a table or list under the ranking's name say no size of their own.)
    finished = share_context(finished, ("year", "total") if ctx.language == "en" else ("year",),
                             rows_also=("total",) if ctx.language == "zh" else (), language=ctx.language)
    finished = name_sole_ranking(ctx, finished, index[0])
    # An entry with no position, move or streak left (第0位) states nothing; one whose sentences
    # name no place is the headline's place's (no blind annotator left a ranking without one).
    return [r if r.subject is not None or ctx.headline_place is None
            else r.model_copy(update={"subject": ctx.headline_place})
            for r in merge_restated(ctx, finished)
            if r.rank is not None or r.change is not None or r.streak is not None]


def _ranking_names(ctx: Context, context: list[tuple[Fragment, dict]]) -> list[tuple[int, int]]:
    """Where ranking names lie, for subjects to skip. A Chinese name may span the place ranked
    (the rules take up to 20 characters before 评价), so only its opening province is skipped:
    晋江在福建省县域经济高质量发展考评中位列全省第一 ranks 晋江."""
    spans = [f.groups["ranking"] for f, _ in context if "ranking" in f.groups]
    if ctx.language == "en":
        return spans
    opening = []
    for start, end in spans:
        place = next((p for p in ctx.places.before(end, 0) if p.start == start), None)
        if place is None:
            continue
        text = ctx.doc.text
        if (place.division is not None and place.division.level == "province") \
                or text.startswith(("中国", "全国", "国家"), start) \
                or text[start - 1:start] in ("年", "度", "在"):
            # (在2024年中国生物医药产业园区竞争力排行中位列第58位: a national list's words; 在2023年度
            # 宿迁市开发区高质量发展考核中: a name opening after its year or 在 holds no place
            # ranked before it.)
            opening.append((start, place.end))
    return opening


def _just_ranked(ctx: Context, items: list[Entry], fragment: Fragment) -> bool:
    """…分别位列第46位、第50位和第62位。…；大冶市与上年持平。 / "… It is the zone's best result.
    Hefei High-tech Zone has now moved up for four consecutive years.": a bare "unchanged" or
    streak about a place ranked in the sentences just before."""
    own = subject_before(ctx, fragment.start, 0, [])
    if own is None:
        return False
    name = ctx.value(own)
    return any(item.subject is not None and item.sentence >= fragment.sentence - 3
               and ctx.value(item.subject) == name for item in items)


def _about_ranking(ctx: Context, fragment: Fragment) -> bool:
    """A bare "unchanged" counts only in a sentence that speaks of a ranking."""
    start, end = ctx.doc.sentence_span(fragment.sentence)
    sentence = ctx.doc.text[start:end].lower()
    return any(word in sentence for word in ctx.words("ranking_words"))


def _distribute(ctx: Context, fragment: Fragment, group: str, items: list[Entry],
                last_list: list[Entry]) -> list[Entry]:
    """分别位列第17、37、66和88位 / "ranked 17th, 37th and 66th respectively": one value per
    subject, in order; the subjects are the places named just before, in the same sentence."""
    if group == "in_order":
        # 前五名依次为A、B、C、D和E: the places named in the list, ranked 1, 2, 3… in order.
        start, end = fragment.groups[group]
        sentence_places = [p for p in ctx.places.in_sentence(fragment.sentence)
                           if start <= p.start and p.end <= end and p.kind != "reference"]
        numbers = list(range(1, len(sentence_places) + 1))
        group = "ranks"
    elif group in ("top_ranks", "rank_range"):
        # A、B、C分别位列前三名 / A、B、C、D分别位列第1至第4位: the positions of the top or
        # range, in the order named; only when the clause names as many places (两地分别位列前十
        # is no order).
        if group == "top_ranks":
            top = _number(ctx, fragment.text(ctx.doc, group) or "")
            numbers = list(range(1, top + 1)) if top is not None else []
        else:
            bounds = _numbers(ctx, fragment.text(ctx.doc, group) or "")
            numbers = list(range(bounds[0], bounds[1] + 1)) if len(bounds) == 2 and bounds[0] < bounds[1] else []
        if ctx.language == "en":
            sentence_places = listed_just_before_en(ctx, fragment.start)
        else:
            clause = ctx.list_clause_start(fragment.start)
            sentence_places = [p for p in ctx.places.before(fragment.start, 0)
                               if p.kind != "reference" and p.start >= clause]
        if not numbers or len(sentence_places) != len(numbers):
            return last_list
        group = "ranks"
    elif group == "tied_rank":
        # A、B并列第5位 / "Changshu and Cixi tied for fifth place": one position for each place
        # of the list just before.
        rank = _number(ctx, fragment.text(ctx.doc, group) or "", ordinal=True)
        sentence_places = tied_places(ctx, fragment)
        numbers = [rank] * len(sentence_places) if rank is not None else []
        group = "ranks"
    else:
        numbers = _numbers(ctx, fragment.text(ctx.doc, group) or "")
        named = [p for p in ctx.places.before(fragment.start, 0) if p.kind != "reference"]
        # "Jiangyin and Zhangjiagang, also in Jiangsu, came in second and third respectively":
        # a place that only says where the one before it lies is not ranked.
        sentence_places = [p for i, p in enumerate(named) if not (ctx.language == "en" and locates(ctx, named, i))]
    if len(numbers) < 2:
        return last_list
    if len(sentence_places) >= len(numbers):
        subjects = sentence_places[-len(numbers):]
        targets: list[Optional[Entry]] = [None] * len(numbers)
    elif len(last_list) == len(numbers):
        subjects = [item.subject for item in last_list]
        targets = list(last_list)
    elif ctx.language == "en" and len(last_list) > len(numbers) and _picks(ctx, fragment) is not None:
        # "The first three rose 4, 3 and 8 places respectively": part of the list before.
        targets = last_list[:len(numbers)] if _picks(ctx, fragment) == "first" else last_list[-len(numbers):]
        subjects = [item.subject for item in targets]
    else:
        return last_list
    key = {"ranks": "rank", "ups": "change", "downs": "change"}[group]
    sign = -1 if group == "downs" else 1
    out = []
    for subject, number, target in zip(subjects, numbers, targets):
        value = {key: number * sign if key == "change" else number}
        if target is None:
            target = next((i for i in last_list if same_place(i.subject, subject) and i.accepts(value)), None)
        if target is None and subject is not None:
            # 乐清市位居第12位，瑞安市位列第27位，分别前进2个和5个位次: the moves of the items
            # just made.
            target = next((i for i in reversed(items) if i.subject is not None and i.accepts(value)
                           and (i.subject.start, i.subject.end) == (subject.start, subject.end)
                           and i.sentence >= fragment.sentence - 1), None)
        if target is not None and target.accepts(value):
            target.values.update(value)
            target.end = max(target.end, fragment.end)
        else:
            target = Entry(subject, subject.start if subject else fragment.start, fragment.end,
                           fragment.sentence, value)
            items.append(target)
        out.append(target)
    return out


def _picks(ctx: Context, fragment: Fragment) -> Optional[str]:
    clause = ctx.doc.text[ctx.clause_start(fragment.start):fragment.start]
    if _FIRST_N_EN.search(clause):
        return "first"
    return "last" if _LAST_N_EN.search(clause) else None


