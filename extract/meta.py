"""Title and publication date from the head of an article."""

from __future__ import annotations

import re
from itertools import islice

from extract.compiled_regex import cached_compile

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
_DATE_PATTERNS = [
    (cached_compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"), "ymd"),
    (cached_compile(r"\b(" + "|".join(_MONTHS) + r")\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b", re.I), "mdy"),
    (cached_compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\.?,?\s+((?:19|20)\d\d)\b", re.I), "dmy"),
]
_HEAD_LINES = 6
# A saved page's furniture above the headline: a breadcrumb (首页 > 新闻中心, "Home > News")
# and the site's name and menus before it.
_BREADCRUMB = cached_compile(r"\S\s*[>＞›»]\s*\S")
_FURNITURE_LINES = 6
_LINE = cached_compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)")  # a line holding text, its text stripped


def published_date(text: str) -> str | None:
    """The first full date in the article's first lines, as YYYY-MM-DD.

    >>> published_date("标题\\n2022-06-11 来源：河南日报客户端\\n正文")
    '2022-06-11'
    >>> published_date("Title\\nUpdated: June 5, 2023 | Xinhua")
    '2023-06-05'
    >>> published_date("发布时间：2021年9月30日 10:20")
    '2021-09-30'
    """
    head = "\n".join(text.lstrip().splitlines()[:_HEAD_LINES])
    best = None
    for pattern, order in _DATE_PATTERNS:
        match = pattern.search(head)
        if not match or (best and best[0] <= match.start()):
            continue
        a, b, c = match.groups()
        if order == "ymd":
            y, m, d = int(a), int(b), int(c)
        elif order == "mdy":
            y, m, d = int(c), _MONTHS[a.lower()], int(b)
        else:
            y, m, d = int(c), _MONTHS[b.lower()], int(a)
        if 1 <= m <= 12 and 1 <= d <= 31:
            best = (match.start(), f"{y:04d}-{m:02d}-{d:02d}")
    return best[1] if best else None


def headline_span(text: str) -> tuple[int, int]:
    """Where the headline line is: the first line, or on a saved page the first line after
    its breadcrumb (the site's name and menus come before it).

    >>> text = "洛阳市人民政府门户网站\\n首页 > 新闻中心\\n\\n洛阳高新区排名再进6位\\n正文"
    >>> start, end = headline_span(text); text[start:end]
    '洛阳高新区排名再进6位'
    >>> text = "Invest in Suqian ETDZ\\n\\nHome > Investment\\nLast updated: 2024-05-20\\nBody"
    >>> start, end = headline_span(text); text[start:end]
    'Invest in Suqian ETDZ'
    """
    # (only the first lines are read: a long text is not scanned to its end)
    lines = list(islice(_LINE.finditer(text), _FURNITURE_LINES + 1))
    if not lines:
        return 0, 0
    crumbs = [i for i, m in enumerate(lines[:_FURNITURE_LINES])
              if len(m.group(1)) <= 60 and _BREADCRUMB.search(m.group(1))]
    chosen = lines[crumbs[-1] + 1] if crumbs and crumbs[-1] + 1 < len(lines) else lines[0]
    if published_date(chosen.group(1)) and len(chosen.group(1)) < 60:
        chosen = lines[0]  # a dateline after the breadcrumb: the headline was above it
    return chosen.span(1)


def title(text: str, language: str) -> str | None:
    """The headline line, when it reads like one (short, not a dateline).

    >>> title("全省首批战略性新兴产业集群名单公布\\n\\n2022-06-11", "zh")
    '全省首批战略性新兴产业集群名单公布'
    >>> title("2022-06-11 0 By", "en") is None
    True
    """
    start, end = headline_span(text)
    line = text[start:end]
    limit = 80 if language == "zh" else 250
    if not line or len(line) > limit or published_date(line) and len(line) < 40:
        return None
    return line
