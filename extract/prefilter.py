"""What a pattern cannot match without: sets of literal strings, every match containing one
string of each set. A cheap test that lets the matcher skip a rule (and never compile it) for
sentences that lack one of them.

Read off the parsed pattern, so rule files need no extra field and cannot get it wrong: a
sequence needs each of its mandatory parts, an alternation needs one of its branches, an
optional part needs nothing. Neighbouring parts are joined where the first's ending and the
second's beginning are known ("\\d{1,3}" then "(?:st|nd|rd|th)" needs "0st", "0nd", …): the word
"the" holds "th", but seldom after a digit.

Digits: a decimal digit class and every literal digit stand as "0", and the text is tested in
the same shape (`shape`), so "\\d+家" needs "0家" whatever the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_MAX_ALTERNATIVES = 64  # past this many, checking them costs more than matching
_DIGIT = "0"
_DIGITS = re.compile(r"\d")
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)} - {None}

Requirement = frozenset  # of strings: a match contains at least one


def shape(text: str) -> str:
    """`text` as requirements are tested against: every decimal digit becomes "0".

    >>> shape("第74位，上升14位")
    '第00位，上升00位'
    """
    return _DIGITS.sub(_DIGIT, text)


def required_sets(pattern: str, flags: int = 0) -> Optional[tuple[tuple[str, ...], ...]]:
    """Sets of strings, each of which a match contains one of (see `shape`); None when none.

    Case-insensitive patterns give casefolded strings, to test against casefolded text.

    >>> required_sets(r"第(?P<rank>\\d+)位")
    (('0位',), ('第0',))
    >>> required_sets(r"(?:提升|上升)\\d+个?位次")
    (('0个位次', '0位次'), ('上升0', '提升0'))
    >>> required_sets(r"ranked (?:the )?(\\d+)(?:st|nd|rd|th)", re.I)
    (('ranked 0', 'ranked the 0'), ('0nd', '0rd', '0st', '0th'))
    >>> required_sets(r"(?:moved up|climbed) \\d+ places?", re.I)
    (('climbed 0', 'moved up 0'), ('0 place',))
    >>> required_sets(r"(?:高新区)?\\d+家")
    (('0家',),)
    >>> required_sets(r"\\w+") is None
    True
    """
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None
    found = _sequence(list(parsed)).needs
    if flags & re.IGNORECASE:
        found = [frozenset(s.casefold() for s in need) for need in found]
    kept = _strongest([_minimal(need) for need in found])
    if not kept:
        return None
    return tuple(sorted((tuple(sorted(need)) for need in kept), key=lambda n: (-min(map(len, n)), n)))


@dataclass
class _Part:
    """What is known of the strings a part of a pattern matches (sets of shaped strings)."""

    needs: list  # requirements: a match contains one string of each
    starts: Optional[frozenset] = None  # a match starts with one of these
    ends: Optional[frozenset] = None  # a match ends with one of these
    exact: Optional[frozenset] = None  # a match is one of these


_NOTHING = _Part([])
_EMPTY = frozenset({""})


def _exact(strings) -> _Part:
    strings = frozenset(strings)
    return _Part([strings] if "" not in strings else [], strings, strings, strings)


def _join(left: Optional[frozenset], right: Optional[frozenset]) -> Optional[frozenset]:
    if left is None or right is None or len(left) * len(right) > _MAX_ALTERNATIVES:
        return None
    return frozenset(a + b for a in left for b in right)


def _item(op, av) -> _Part:
    if op is _c.LITERAL:
        return _exact({shape(chr(av))})
    if op in _ZERO_WIDTH:
        return _exact(_EMPTY)  # consumes nothing: the parts around it stay neighbours
    if op is _c.IN:
        chars = _class_chars(av)
        return _exact(chars) if chars else _NOTHING
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return _NOTHING if add_flags or del_flags else _sequence(list(sub))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op in _REPEATS:
        low, high, sub = av
        inner = _sequence(list(sub))
        if low == 0:
            optional = inner.exact | _EMPTY if high == 1 and inner.exact else None
            return _exact(optional) if optional else _NOTHING
        if low == high == 1:
            return inner
        return _Part(inner.needs, inner.starts, inner.ends)
    if op is _c.BRANCH:
        return _branch([_sequence(list(branch)) for branch in av[1]])
    return _NOTHING  # any character, backreferences, conditionals: nothing known


def _class_chars(av) -> Optional[set[str]]:
    """The few shaped characters a class matches, or None ("[,，]", "\\d", "[0-9]")."""
    if av and av[0][0] is _c.NEGATE:
        return None
    chars: set[str] = set()
    for op, value in av:
        if op is _c.LITERAL:
            chars.add(shape(chr(value)))
        elif op is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
            chars.add(_DIGIT)
        elif op is _c.RANGE and all(chr(c).isdecimal() for c in range(value[0], value[1] + 1)):
            chars.add(_DIGIT)
        else:
            return None
    return chars if len(chars) <= 8 else None


def _branch(parts: list[_Part]) -> _Part:
    def union(sets):
        if any(s is None for s in sets):
            return None
        joined = frozenset().union(*sets)
        return joined if len(joined) <= _MAX_ALTERNATIVES else None

    # One requirement per branch (its most selective) makes one for the whole alternation.
    need = union([max(p.needs, key=_selectivity) if p.needs else None for p in parts])
    return _Part([need] if need and "" not in need else [], union([p.starts for p in parts]),
                 union([p.ends for p in parts]), union([p.exact for p in parts]))


def _sequence(items: list) -> _Part:
    needs: list = []
    ends: Optional[frozenset] = _EMPTY  # what the sequence so far ends with
    exact: Optional[frozenset] = _EMPTY  # what the sequence so far is, while it is known
    starts: Optional[frozenset] = None
    for op, av in items:
        part = _item(op, av)
        needs += part.needs
        if part.exact is not None:
            joined = _join(ends, part.exact)
            ends = joined if joined is not None else part.exact
            exact = _join(exact, part.exact)
            continue
        if starts is None and exact is not None:
            starts = _join(exact, part.starts) or (exact if "" not in exact else None)
        across = _join(ends, part.starts)
        needs.append(across if across is not None else ends)
        exact = None
        ends = part.ends if part.ends is not None else _EMPTY
    needs.append(ends)
    if exact is not None:
        starts = exact
    return _Part([n for n in needs if n and "" not in n], starts,
                 ends if "" not in ends else None, exact)


def _selectivity(need: frozenset) -> tuple[int, int]:
    return (min(len(s) for s in need), -len(need))


def _minimal(need: frozenset) -> frozenset:
    """Without the strings that hold another of the set ("0 places" beside "0 place")."""
    return frozenset(t for t in need if not any(s != t and s in t for s in need))


def _strongest(needs: list) -> list:
    """The requirements left when those another implies are dropped ("0st" implies "st")."""
    unique = list(dict.fromkeys(needs))

    def implies(a, b):
        return a != b and all(any(s in t for s in b) for t in a)

    return [b for b in unique if not any(implies(a, b) for a in unique)]
