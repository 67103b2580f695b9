"""What a number before or after an enterprise word is not: a threshold (营收超亿元企业86家), a
flow ("recognized 420 new high-tech enterprises"), a list's name ("Fortune Global 500 companies"),
the members of clusters (入选集群共集聚企业1.2万家), or a headline restating the body."""

from __future__ import annotations

import re

from extract.compiled_regex import cached_compile
from extract.context import Context
from extract.matcher import Fragment
from schemas.record import EnterpriseCount

# A category defined by money (营收超10亿元的企业, 产值超百亿企业) is a threshold.
# (元 only as money: 电子元器件企业 counts component makers.)
_MONEY_THRESHOLD_ZH = cached_compile(r"[亿億]|万元|(?<=[\d千百十])元")
_CLUSTERS_REACH = 200
_CLUSTERS_COUNTED_ZH = cached_compile(r"(?:\d+|[两三四五六七八九十]+)个(?:[^,，。;；\d]{0,8}?)集群|(?:这些|入选|各)(?:产业)?集群")
# English firms past a money threshold: money in the category, in the three words before it
# ("income over 100 million yuan enterprise 86 home"), or in the output or revenue said of them
# ("145 enterprises with annual output over 100 million yuan", "19 enterprises have an operating
# revenue of over 10 billion yuan", "40 enterprises in the city report annual output above …").
_MONEY_EN = r"(?:yuan|rmb|dollars?|billion|million)"
# "new high-tech enterprises" were added; "new energy vehicle makers", "new and high technology
# enterprises" (高新技术企业), "new R&D institutions" (新型研发机构) and "new materials firms" are
# kinds of firm and institution.
_DEMONSTRATIVE_EN = cached_compile(r"(?:such|these|those|the\s+same)\s+[\w-]+", re.I)
_NEW_FLOW_EN = cached_compile(r"new\s+(?!energy|materials?\b|media|displays?\b|generation|infrastructure|retail|"
                              r"economy|and\s|high\s+and|type|-|r&d|research)", re.I)
_LIST_NUMBER_EN = cached_compile(r"\b(?:Global|Fortune|World|China|Top|top)\s+$")
_MONEY_THRESHOLD_EN = cached_compile(rf"\b{_MONEY_EN}\b", re.I)
_MONEY_BEFORE_EN = cached_compile(rf"\b{_MONEY_EN}\s+(?:[\w-]+\s+){{0,2}}$", re.I)
# "14 companies topped 1 billion yuan in annual revenue": firms past a money mark.
_MONEY_PASSED_EN = cached_compile(r"\s+(?:(?:in|of)\s+(?:the\s+)?[\w-]+\s+)?(?:each\s+)?(?:topped|exceeded|surpassed|passed|crossed|top|exceed|surpass)"
                                  r"\s+(?:RMB\s*|¥\s*)?[\d.,]+\s*(?:(?:hundred\s+)?(?:billion|million|thousand)\s+)?(?:yuan|RMB)\b", re.I)
_MONEY_AFTER_EN = cached_compile(r"\s+(?:(?:in|of)\s+(?:the\s+)?[\w-]+\s+)?"
                                 r"(?:with|whose|have|has|had|posts?|posted|reports?|reported|achieved?|"
                                 r"realized?|generated?|boasts?|saw|each\s+(?:have|has|had|reported|posted|achieved|realized))"
                                 r"\s+(?:an?\s+)?(?:annual\s+)?(?:[\w-]+\s+){0,2}?"
                                 r"(?:output|revenue|revenues|income|sales|turnover)\b[^,.;]{0,40}?\b(?:yuan|rmb|billion|million)\b", re.I)


def clusters_counted(ctx: Context, sentence: int, start: int) -> bool:
    """Whether the sentence's subject before `start` is a number of clusters (本批入选的25个
    集群共集聚中小企业1.2万家、专精特新企业860余家), with no place named after it."""
    found = None
    begin = max(ctx.doc.sentence_span(sentence)[0], start - _CLUSTERS_REACH)  # linear on long lists
    for found in _CLUSTERS_COUNTED_ZH.finditer(ctx.doc.text, begin, start):
        pass
    return found is not None and not any(found.end() <= p.start < start for p in ctx.places.in_sentence(sentence))


def past_money_threshold(ctx: Context, fragment: Fragment, cat_start: int, cat_end: int, end: int) -> bool:
    """营收超亿元企业86家 / "145 enterprises with annual output over 100 million yuan": the
    category is defined by money, so the number counts firms past a threshold."""
    text = ctx.doc.text
    if ctx.language == "zh":
        return _MONEY_THRESHOLD_ZH.search(text, max(fragment.groups["category"][0], cat_start - 3), cat_end) is not None
    return bool(_MONEY_THRESHOLD_EN.search(text, cat_start, cat_end)
                # (not across a line: "…: 1,050 hundred million yuan\nHigh-tech enterprise: 612")
                or _MONEY_BEFORE_EN.search(text, max(0, cat_start - 40, text.rfind("\n", 0, cat_start) + 1), cat_start)
                or _MONEY_AFTER_EN.match(text, end) or _MONEY_PASSED_EN.match(text, end))


def counts_no_enterprise_en(ctx: Context, category: str, count_start: int) -> bool:
    """A category whose words name people or projects before its head counts those, not firms;
    "recognized 420 new high-tech enterprises" counts what was added; "Fortune Global 500
    companies" is a list's name; "402 such enterprises" does not say which."""
    nouns = ctx.ruleset.built("not_firm_nouns", lambda: ctx.words("people_nouns") | ctx.words("not_counted_nouns"))
    words = category.lower().split()
    if any(phrase in category.lower() for phrase in ctx.words("not_counted_phrases")):
        return True
    return (any(w.strip(",.;") in nouns for w in words[:-1]) or bool(_NEW_FLOW_EN.match(category))
            or bool(_DEMONSTRATIVE_EN.fullmatch(category))
            or bool(_LIST_NUMBER_EN.search(ctx.doc.text, max(0, count_start - 8), count_start)))


_PLURAL = cached_compile(r"(?<=[a-z])(?:(?P<ies>ies)|(?<!s)s)\b")


def _singular(category: str) -> str:
    """"high and new technology enterprises" and "… enterprise" name one category.

    >>> _singular("High-tech Enterprises"), _singular("technology companies"), _singular("高新技术企业")
    ('high-tech enterprise', 'technology company', '高新技术企业')
    """
    return _PLURAL.sub(lambda m: "y" if m.group("ies") else "", category.lower())


def _rounded_down(headline: EnterpriseCount, body_count: int) -> bool:
    """高新技术企业突破400家 in the headline, 增至412家 in the body: the headline's round figure,
    passed by the body's exact one (within a fifth), says the same."""
    return headline.qualifier in ("more_than", "at_least") and headline.count <= body_count < headline.count * 1.2


def without_restatements(items: list[EnterpriseCount], headline: list[bool]) -> list[EnterpriseCount]:
    """A headline repeating a count of the body (科技型中小企业6.5万余家; 零部件企业500家以上 for the
    body's 汽车零部件企业500家以上), or the body stating the same count of the same subject twice
    (the second time perhaps named short), gives one item: the body's first."""
    in_body = [(item.count, item.qualifier, item.category.lower()) for item, in_headline in zip(items, headline)
               if not in_headline]
    subjects_kept: dict[tuple[int, str], set] = {}
    kept = []
    for item, in_headline in zip(items, headline):
        key = (item.count, _singular(item.category))
        if in_headline and any((count == item.count and category.endswith(item.category.lower())
                                  and (category == item.category.lower() or qualifier == item.qualifier))
                                 or (_rounded_down(item, count) and category == item.category.lower())
                                 for count, qualifier, category in in_body):
            continue
        if item.subject in subjects_kept.setdefault(key, set()):
            continue
        # "two national-level technology business incubators … Together the two incubators
        # offer …": the same number of the same place's things, named short.
        short = " " + item.category.lower()
        if not in_headline and any(k.subject == item.subject and k.count == item.count
                                   and k.category.lower().endswith(short) for k in kept):
            continue
        subjects_kept[key].add(item.subject)
        kept.append(item)
    return kept
