"""Chinese and mixed numerals to integers.

Rules capture numbers as written; these helpers turn them into values. Input is the
normalized text, so full-width digits have already become ASCII.
"""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def parse_chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral, or None if `text` is not one.

    >>> parse_chinese_numeral("五十三")
    53
    >>> parse_chinese_numeral("一百零五")
    105
    >>> parse_chinese_numeral("十四")
    14
    >>> parse_chinese_numeral("两")
    2
    >>> parse_chinese_numeral("七十四")
    74
    >>> parse_chinese_numeral("一千二百")
    1200
    >>> parse_chinese_numeral("三万五千")
    35000
    >>> parse_chinese_numeral("二〇二一")
    2021
    >>> parse_chinese_numeral("第") is None
    True
    """
    if not text:
        return None
    if all(c in _DIGITS for c in text):
        if len(text) == 1 or not any(c in "两兩" for c in text):
            # Digit by digit, as in years: 二〇二一.
            value = 0
            for c in text:
                value = value * 10 + _DIGITS[c]
            return value
    total = section = digit = 0
    seen = False
    for c in text:
        if c in _DIGITS:
            digit = _DIGITS[c]
            seen = True
        elif c in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[c]
            digit = 0
            seen = True
        elif c in _BIG_UNITS:
            total = (total + section + digit) * _BIG_UNITS[c]
            section = digit = 0
            seen = True
        else:
            return None
    return total + section + digit if seen else None


def parse_number(text: str) -> int | None:
    """Integer value of a number as written in Chinese text: digits, numerals, or both.

    >>> parse_number("53")
    53
    >>> parse_number("1,200")
    1200
    >>> parse_number("1.2万")
    12000
    >>> parse_number("6.5万")
    65000
    >>> parse_number("3千")
    3000
    >>> parse_number("一百零五")
    105
    >>> parse_number("1.5") is None
    True
    >>> parse_number("万")
    10000
    """
    text = text.replace(",", "").replace("，", "").strip()
    if not text:
        return None
    multiplier = 1
    bare = len(text) == 1  # 近万家: a unit alone is one of it
    while text and text[-1] in _BIG_UNITS or (text and text[-1] in "千百" and text[:-1].replace(".", "").isdigit()):
        unit = text[-1]
        multiplier *= _BIG_UNITS.get(unit) or _SMALL_UNITS[unit]
        text = text[:-1]
        if not text:
            return multiplier if bare else None
    try:
        if "." in text:
            value = float(text) * multiplier
            return int(round(value)) if abs(value - round(value)) < 1e-6 else None
        if text.isdigit():
            return int(text) * multiplier
    except ValueError:
        return None
    parsed = parse_chinese_numeral(text)
    return None if parsed is None else parsed * multiplier
