"""One entry per subject per ranking: a headline or a later sentence restating a position adds
to the fuller entry instead of making a second one."""

from __future__ import annotations

import re
from typing import Optional

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.mentions import Place
from extract.ranking_context import FIELDS, fits, ranking_key, same_ranking, zone_class
from extract.references import bracketed_alias
from schemas.record import Ranking

# A ranking named only by its kind (综合排名, 全国排名, "overall ranking"): a list's plain caption.
GENERAL_NAME = cached_compile(r"(?:全国|全省)?(?:综合)?(?:排名|排位|位次)(?:情况)?|(?:(?:overall|national|nationwide|provincial)\s+)?rankings?", re.I)


def merge_restated(ctx: Context, finished: list[tuple[object, Ranking]]) -> list[Ranking]:
    """`finished` pairs an item (with .subject, .sentence, .values) with its Ranking. Two merge
    when they name the same place (or a headline's 我市 names none) and agree on what both
    state, sharing at least the rank, the move or the streak."""
    kept: list[tuple[object, Ranking]] = []
    for pair in finished:
        target = next((i for i, other in enumerate(kept) if _mergeable(ctx, pair, other)), None)
        if target is None:
            echoed = next((i for i, other in enumerate(kept) if _row_echo(ctx, pair, other)), None)
            if echoed is None:
                kept.append(pair)
            elif kept[echoed][0].row:
                kept[echoed] = _moves_added(kept[echoed], pair)
            else:
                kept[echoed] = _moves_added(pair, kept[echoed])
            continue
        kept[target] = _merged(pair, kept[target])
        # The merged entry may now restate another one kept before (a headline's 五连跳 with no
        # place took the body's full entry; the headline's 桂林高新区再前移7位 is the same one).
        j = 0
        while j < len(kept):
            if j != target and _mergeable(ctx, kept[target], kept[j]):
                first, second = sorted((target, j))
                kept[first] = _merged(kept[target], kept[j])
                del kept[second]
                target, j = first, 0
                continue
            j += 1
    return [ranking for _, ranking in _later_moves_merged(ctx, kept)]


def _later_moves_merged(ctx: Context, kept: list[tuple[object, Ranking]]) -> list[tuple[object, Ranking]]:
    """太原经开区…综合排名前十的开发区依次为 … (an answer later) 晋中开发区较上年上升5位，实现三连升 /
    "Ezhou Gedian ETDZ … 5. Ezhou Gedian Economic and Technological Development Zone" then "the
    Gedian zone climbed four places": a move said on its own, in no other ranking, of a zone the
    article ranks once, in whatever form of its name, completes that one entry however far apart."""
    out = list(kept)
    for pair in kept:
        item, ranking = pair
        if (ranking.rank is not None or ranking.subject is None or item.subject is None
                or (ranking.change is None and ranking.streak is None)):
            continue
        same = [other for other in out if other[0].subject is not None and _same_zone(ctx, item.subject, other[0].subject)]
        ranked = [other for other in same if other[1].rank is not None]
        if len(ranked) != 1 or len(same) != 2:
            continue  # (two moves of one zone, 较上年前移11位 … 三年累计前移8位: which is whose?)
        other_ranking = ranked[0][1]
        if ranking.ranking and not (other_ranking.ranking and same_ranking(ranking.ranking, other_ranking.ranking, ctx.language)):
            continue
        if any(getattr(ranking, k) is not None and getattr(other_ranking, k) is not None
               and getattr(ranking, k) != getattr(other_ranking, k) for k in ("change", "streak", "year")):
            continue
        out[out.index(ranked[0])] = _moves_added(pair, ranked[0])
        out.remove(pair)
    return out


def _same_zone(ctx: Context, a: Place, b: Place) -> bool:
    """One zone, in the same or other words: 长治高新区 / 长治高新技术产业开发区, "Ezhou Gedian ETDZ" /
    "Ezhou Gedian Economic and Technological Development Zone" (a zone of one kind in one city)."""
    if ctx.value(a) == ctx.value(b) or _aliases(ctx, a, b):
        return True
    if a.kind != "zone" or b.kind != "zone" or a.division is None or b.division is None \
            or a.division.adcode != b.division.adcode:
        return False
    kind = zone_class(ctx.value(a))
    return kind is not None and kind == zone_class(ctx.value(b))


def _mergeable(ctx: Context, pair: tuple[object, Ranking], other_pair: tuple[object, Ranking]) -> bool:
    item, other = pair[0], other_pair[0]
    headline = ctx.doc.in_first_line(item.sentence) or ctx.doc.in_first_line(other.sentence)
    if _streak_echo(ctx, item, other) or _streak_added(ctx, item, other):
        return True
    if not _same_place(ctx, item.subject, other.subject, headline) and not _same_position(item, other):
        return False
    return _restates(item.values, other.values, headline, ctx.language) or _completes(ctx, item, other)


def _row_echo(ctx: Context, pair: tuple[object, Ranking], other_pair: tuple[object, Ranking]) -> bool:
    """玉溪高新区　…　第129位 in a table summing up the text above (…玉溪高新区排名第129位): a row
    repeating a place's position the prose gives is that entry; the ranking and year the row
    took from its context are not the prose's. The prose's entry stays as it is."""
    item, other = pair[0], other_pair[0]
    if item.row == other.row or item.subject is None or other.subject is None:
        return False
    years = (item.values.get("year"), other.values.get("year"))
    if None not in years and years[0] != years[1]:
        return False  # (a table of two years' positions)
    return (ctx.value(item.subject) == ctx.value(other.subject) and item.values.get("rank") is not None
            and item.values.get("rank") == other.values.get("rank"))


def _moves_added(source_pair: tuple[object, Ranking], kept_pair: tuple[object, Ranking]) -> tuple[object, Ranking]:
    """The kept entry, with the move and streak only the other one gives (the prose's 芜湖经开区分列
    第二 above a list's 2．芜湖经济技术开发区（↑1）; a zone's one position and its move said later)."""
    (source, _), (kept, kept_ranking) = source_pair, kept_pair
    update = {k: source.values[k] for k in ("change", "streak")
              if source.values.get(k) is not None and kept.values.get(k) is None}
    if not update:
        return kept_pair
    kept.values.update(update)
    return kept, kept_ranking.model_copy(update=update)


def _same_position(a, b) -> bool:
    """张立新：这次我们排在第21位 after 潍坊高新区位列全国第21位: an entry whose place is not named
    (yet) and one that is, holding the same position in the same named ranking, are one entry;
    one position of one ranking is one place's."""
    x, y = a.values, b.values
    return ((a.subject is None) != (b.subject is None) and x.get("rank") is not None
            and x.get("rank") == y.get("rank") and bool(x.get("ranking")) and x.get("ranking") == y.get("ranking"))


def _streak_alone(a, b):
    """(the entry that states only a streak, the other entry), both with a place; else None."""
    alone, entry = (a, b) if a.values.get("rank") is None and a.values.get("change") is None else (b, a)
    if (alone.values.get("rank") is not None or alone.values.get("change") is not None
            or alone.values.get("streak") is None or alone.subject is None or entry.subject is None):
        return None
    return alone, entry


def _streak_echo(ctx: Context, a, b) -> bool:
    """“三连升的背后，…” after 广汉高新区…实现三连升: a later sentence that names only the streak
    (no position, no move), of a place the entry's subject opens with, repeats that entry."""
    pair = _streak_alone(a, b)
    if pair is None:
        return False
    echo, entry = pair
    return (echo.values["streak"] == entry.values.get("streak") and echo.sentence > entry.sentence
            and ctx.value(entry.subject).startswith(ctx.value(echo.subject)))


def _streak_added(ctx: Context, a, b) -> bool:
    """合肥高新区…位列第6位，较上年前移1位 … (an answer later) 这已经是我们连续第三年实现位次前移: a
    streak of rises said on its own (in no other ranking) of the place whose rise the article
    gave completes that entry."""
    pair = _streak_alone(a, b)
    if pair is None:
        return False
    lone, entry = pair
    return (lone.values.get("ranking") in (None, entry.values.get("ranking")) and entry.values.get("streak") is None
            and (entry.values.get("change") or 0) > 0 and ctx.value(lone.subject) == ctx.value(entry.subject))


def _merged(pair: tuple[object, Ranking], other_pair: tuple[object, Ranking]) -> tuple[object, Ranking]:
    """The entry that states the position (else the one with more values) keeps its subject and
    evidence; the other fills its gaps."""
    (item, ranking), (other, other_ranking) = pair, other_pair
    ranked = [i for i in (item, other) if i.values.get("rank") is not None]
    if len(ranked) == 1:
        main, extra = (item, other) if ranked[0] is item else (other, item)
    else:
        main, extra = (item, other) if len(item.values) > len(other.values) else (other, item)
    if main.subject is None:
        main, extra = extra, main
    values = {**extra.values, **main.values}
    main_ranking = ranking if main is item else other_ranking
    main.values = values
    return main, main_ranking.model_copy(update={k: values.get(k) for k in FIELDS})


def _same_place(ctx: Context, a: Optional[Place], b: Optional[Place], headline: bool) -> bool:
    """The same words, or, for a headline's shorthand (江苏高新区 for 江苏省, 我市 for none), the
    same division."""
    if a is None or b is None:
        return headline and (a is not None or b is not None)
    if ctx.value(a) == ctx.value(b) or _aliases(ctx, a, b):
        return True
    if not headline:
        return False
    if a.division is not None and b.division is not None and a.division.adcode == b.division.adcode:
        return True
    # A headline's bare name (东湖稳居第三) inside the body's full one (武汉东湖高新区).
    short, full = sorted((ctx.value(a), ctx.value(b)), key=len)
    return len(short) >= 2 and short in full


def _restates(a: dict, b: dict, headline: bool, language: str) -> bool:
    general = GENERAL_NAME.fullmatch(a.get("ranking") or "") or GENERAL_NAME.fullmatch(b.get("ranking") or "")
    # (Chinese names give or take wording: a list's 综合考核 is the body's 综合考核评价.)
    if (not headline and not general and a.get("ranking") and b.get("ranking")
            and (a["ranking"] != b["ranking"] if language == "en" else not same_ranking(a["ranking"], b["ranking"], language))):
        return False
    # (附：…2023年综合排名情况 / 南昌经开区：第38位，较上年上升9位 after the body's 南昌经开区综合排名第38位，
    # 较上年提升9位: a list's plain 综合排名 names no other ranking.)
    keys = ("rank", "change", "streak") if general else ("rank", "change", "streak", "year", "total")
    shared = [k for k in keys if a.get(k) is not None and b.get(k) is not None]
    return (bool(shared) and all(a[k] == b[k] for k in shared)
            and any(k in shared for k in ("rank", "change", "streak")))


def _aliases(ctx: Context, a: Place, b: Place) -> bool:
    """"The Anshan High-tech Industrial Development Zone (Anshan High-tech Zone) …": the article
    gave one name in brackets after the other, or gave one as the other's name (Places'
    given names: CND, 泰达), so both name one zone."""
    names = {ctx.value(a), ctx.value(b)}
    given = ctx.places.given_names()  # ("The district, better known … as CND")
    if given.get(ctx.value(a)) == ctx.value(b) or given.get(ctx.value(b)) == ctx.value(a):
        return True
    for index in {ctx.doc.sentence_of(a.start), ctx.doc.sentence_of(b.start)}:
        places = ctx.places.in_sentence(index)
        if any({ctx.value(places[i - 1]), ctx.value(places[i])} == names
               for i in range(1, len(places)) if bracketed_alias(ctx.doc.text, places, i)):
            return True
    return False


def _completes(ctx: Context, a, b) -> bool:
    """仙桃市、宜都市分别位列第46位、第50位。其中，仙桃市较上年前移9位 / "ranked 6th … Hefei
    High-tech Zone has now moved up for four consecutive years": the same place in the same
    named ranking (in the same or other words), a sentence or two apart, one stating the
    position and the other only the move: one entry."""
    x, y = a.values, b.values
    if not x.get("ranking") and not y.get("ranking"):
        # 顺德区、南海区分别位列第4位和第7位，其中顺德区与上年持平: one sentence, no ranking named.
        if a.sentence != b.sentence:
            return False
    elif (not x.get("ranking") or not y.get("ranking") or abs(a.sentence - b.sentence) > 5
            or not same_ranking(x["ranking"], y["ranking"], ctx.language)):
        return False
    if any(x.get(k) is not None and y.get(k) is not None and x[k] != y[k] for k in FIELDS if k != "ranking"):
        return False
    # One states the position, the other only the move (or streak).
    has_rank = [v.get("rank") is not None for v in (x, y)]
    return has_rank.count(True) == 1


def name_general_rows(finished: list[tuple[object, Ranking]]) -> list[tuple[object, Ranking]]:
    """附：我省国家级经开区2023年综合排名情况 / 赣州经开区：第45位 after the body's 国家级经济技术开发区
    综合发展水平考核评价: a list's plain 综合排名 is the one ranking the article's entries name."""
    named = {(ranking.ranking, ranking.year) for _, ranking in finished
             if ranking.ranking and not GENERAL_NAME.fullmatch(ranking.ranking)}
    names = {name for name, _ in named}
    if len(names) != 1:
        return finished
    name, years = names.pop(), {year for _, year in named}
    out = []
    for item, ranking in finished:
        if (item.row and ranking.ranking and GENERAL_NAME.fullmatch(ranking.ranking)
                and (ranking.year is None or ranking.year in years)):
            item.values["ranking"] = name
            ranking = ranking.model_copy(update={"ranking": name})
        out.append((item, ranking))
    return out


def share_context(finished: list[tuple[object, Ranking]], keys: tuple[str, ...],
                  rows_also: tuple[str, ...] = (), language: str = "en") -> list[tuple[object, Ranking]]:
    """One ranking, one year and one total: entries naming the same ranking fill each other's
    gaps ("ranked 12th in the … Report 2022." … "The report assessed 103 cities."); the keys of
    `rows_also` fill only the rows of tables and lists. Chinese names count as the same give or
    take wording (a list's 综合考核前十名 under the body's 综合考核评价)."""
    def name(ranking: Ranking) -> str:
        return ranking.ranking if language == "en" else ranking_key(ranking.ranking)

    known: dict[tuple[str, str], int] = {}
    for _, ranking in finished:
        for key in keys + rows_also:
            if ranking.ranking and getattr(ranking, key) is not None:
                known.setdefault((name(ranking), key), getattr(ranking, key))
    out = []
    for item, ranking in finished:
        if not ranking.ranking:
            out.append((item, ranking))
            continue
        update = {key: known[(name(ranking), key)] for key in keys + (rows_also if item.row else ())
                  if getattr(ranking, key) is None and (name(ranking), key) in known
                  and (key != "total" or fits(known[(name(ranking), key)], ranking.rank))}
        item.values.update(update)
        out.append((item, ranking.model_copy(update=update) if update else ranking))
    return out
