"""Literal strings a pattern cannot match without: a cheap test that lets the matcher skip a
rule (and never compile it) for sentences holding none of them.

Read off the parsed pattern, so rule files need no extra field and cannot get it wrong: a
sequence needs each of its mandatory parts, an alternation needs one of its branches, an
optional part needs nothing. Of the parts a sequence needs, the most selective one is kept.
"""

from __future__ import annotations

import re
from typing import Optional

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_MAX_ALTERNATIVES = 64  # past this many, checking them costs more than matching


def required_literals(pattern: str, flags: int = 0) -> Optional[tuple[str, ...]]:
    """Strings of which every match contains at least one, or None when there are none.

    Case-insensitive patterns give casefolded strings, to test against casefolded text.

    >>> required_literals(r"第(?P<rank>\\d+)位")
    ('第',)
    >>> required_literals(r"(?:提升|上升)\\d+个?位次")
    ('位次',)
    >>> required_literals(r"ranked (?:the )?(\\d+)(?:st|nd|rd|th)", re.I)
    ('ranked ',)
    >>> sorted(required_literals(r"(?:moved up|climbed) \\d+ places?", re.I))
    ['climbed', 'moved up']
    >>> required_literals(r"(?:高新区)?\\d+家") is None or required_literals(r"(?:高新区)?\\d+家")
    ('家',)
    >>> required_literals(r"\\d+") is None
    True
    """
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None
    found = _sequence(list(parsed))
    if not found:
        return None
    if flags & re.IGNORECASE:
        found = {s.casefold() for s in found}
    return tuple(sorted(found, key=lambda s: (-len(s), s)))


def _score(options: set[str]) -> tuple[int, int]:
    return (min(len(s) for s in options), -len(options))


def _sequence(items: list) -> Optional[set[str]]:
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        if op is _c.AT:
            continue  # zero-width (\b, ^): does not break a literal run's requirement
        found = _item(op, av)
        if found:
            candidates.append(found)
    if run:
        candidates.append({"".join(run)})
    return max(candidates, key=_score) if candidates else None


def _item(op, av) -> Optional[set[str]]:
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _sequence(list(sub))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        low, _high, sub = av
        return _sequence(list(sub)) if low >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if not found:
                return None  # a branch with no literal: the alternation requires nothing
            union |= found
            if len(union) > _MAX_ALTERNATIVES:
                return None
        return union
    return None  # character classes, lookarounds, backreferences: no literal required
