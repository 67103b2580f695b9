"""English cardinals and ordinals to integers: "fifty-three", "1,200", "74th", "seventy-fourth"."""

from __future__ import annotations

import re

from extract.compiled_regex import cached_compile
from extract.ordering import longest_first

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_CARDINALS = {w: i for i, w in enumerate(_UNITS)} | {w: 10 * i for i, w in enumerate(_TENS) if w}
_CARDINALS |= {"a": 1, "dozen": 12}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
             "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
             "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
             "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000}
_DIGITS = cached_compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_ORDINAL_DIGITS = cached_compile(r"^(\d+)\s*(?:st|nd|rd|th)$", re.I)

# Words for the rule macros, longest first so alternations prefer the full word.
CARDINAL_WORDS = sorted(set(_CARDINALS) - {"a", "zero"}, key=longest_first)
ORDINAL_WORDS = sorted(_ORDINALS, key=longest_first)
SCALE_WORDS = sorted(_SCALES, key=longest_first)


def parse_number(text: str) -> int | None:
    """Integer value of an English number, in digits or words.

    >>> parse_number("53")
    53
    >>> parse_number("1,200")
    1200
    >>> parse_number("1.2 thousand")
    1200
    >>> parse_number("fifty-three")
    53
    >>> parse_number("one hundred and five")
    105
    >>> parse_number("twelve thousand")
    12000
    >>> parse_number("2.5 million")
    2500000
    >>> parse_number("2.9 ten thousand")
    29000
    >>> parse_number("1.5") is None
    True
    >>> parse_number("several") is None
    True
    """
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    total = current = 0
    seen = False
    for i, word in enumerate(words):
        digits = _DIGITS.match(word)
        if digits:
            whole, frac = digits.groups()
            value = float(whole.replace(",", "") + ("." + frac if frac else ""))
            rest = words[i + 1:]
            if rest[:2] == ["ten", "thousand"]:  # "2.9 ten thousand": machine translation of 2.9万
                value, rest = value * 10_000, rest[2:]
            if rest and all(w in _SCALES for w in rest):
                for w in rest:
                    value *= _SCALES[w]
            elif rest:
                return None
            if seen or abs(value - round(value)) > 1e-6:
                return None
            return int(round(value))
        if word == "and" and seen:
            continue
        if word in _CARDINALS:
            current += _CARDINALS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_ordinal(text: str) -> int | None:
    """Value of an English ordinal, or of a bare number.

    >>> parse_ordinal("74th")
    74
    >>> parse_ordinal("1st")
    1
    >>> parse_ordinal("seventy-fourth")
    74
    >>> parse_ordinal("twenty first")
    21
    >>> parse_ordinal("third")
    3
    >>> parse_ordinal("one hundred and fifth")
    105
    >>> parse_ordinal("12")
    12
    """
    text = text.strip().lower()
    digits = _ORDINAL_DIGITS.match(text)
    if digits:
        return int(digits.group(1))
    words = text.replace("-", " ").split()
    if words and words[-1] in _ORDINALS:
        head = parse_number(" ".join(words[:-1])) if len(words) > 1 else 0
        if head is None:
            return None
        last = _ORDINALS[words[-1]]
        if last in (100, 1000):
            return (head or 1) * last
        return head + last
    return parse_number(text)
