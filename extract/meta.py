"""Title and publication date from the head of an article."""

from __future__ import annotations

import re

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


def title(text: str, language: str) -> str | None:
    """The first line, when it reads like a headline (short, not a dateline).

    >>> title("全省首批战略性新兴产业集群名单公布\\n\\n2022-06-11", "zh")
    '全省首批战略性新兴产业集群名单公布'
    >>> title("2022-06-11 0 By", "en") is None
    True
    """
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        limit = 80 if language == "zh" else 250
        if len(line) > limit or published_date(line) and len(line) < 40:
            return None
        return line
    return None
