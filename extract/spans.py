"""Finding where a name or a category begins, by walking back over word tokens.

Regular expressions find the end of a name reliably (it ends in 集群, 企业, "cluster"), but not
its start: 是继新型功能材料产业集群 must give 新型功能材料产业集群. Walking back token by token
from the end and stopping at a function word or verb does that for any wording.
"""

from __future__ import annotations


from extract.compiled_regex import cached_compile
from extract.document import Document

_NAME_TOKEN_ZH = cached_compile(r"^[\w“”\"·‘’「」『』]+$")
_NAME_TOKEN_EN = cached_compile(r"^[A-Za-z0-9][\w'’&.-]*$|^&$|^-$|^['‘’\"“”]$")
_QUOTES_EN = "'‘’\"“”"
_PAIRS_ZH = {"“": "”", "「": "」", "『": "』", "‘": "’"}
_CLOSING_ZH = "”」』’"
# Terms written in lower case that hold a function word: "mobile internet of things cluster".
_COMPOUNDS_EN = {("internet", "of", "things"), ("research", "and", "development")}
# A verb form used as a noun's modifier: "new type building materials cluster".
_MODIFIER_USES_EN = {("building", "materials"), ("building", "material")}

_CELL_GAP = cached_compile(r"  |\t|\u3000")

def trim_left(doc: Document, start: int, end: int, stop: frozenset[str],
              min_tokens: int = 1, allow_digits: bool = False,
              joiners: frozenset[str] = frozenset(),
              names: tuple[tuple[int, int], ...] = ()) -> int | None:
    """Start of the name ending at `end`: tokens are taken back from `end` while they are
    name-like and not in `stop`. None when not even `min_tokens` are left.

    A stop token inside a longer name of `names` (place mentions) is part of that name: jieba
    cuts 双城区 as 双 | 城区, and 双 (双集群) is a stop token.

    A joiner (和, 与, 及) may stand inside a name (软件和信息服务集群) but never begin one: the
    walk passes it only when a name-like token precedes it."""
    tokens = doc.tokens_in(start, end)
    if not tokens:
        return None
    pattern = _NAME_TOKEN_ZH if doc.language == "zh" else _NAME_TOKEN_EN
    text = doc.text
    name_start = end
    taken = 0
    ordered = tokens
    for index in range(len(ordered) - 1, -1, -1):
        a, b = ordered[index]
        if b > name_start:
            continue
        word = text[a:b]
        key = word.lower() if doc.language == "en" else word
        if key in joiners:
            if index > 0:
                pa, pb = ordered[index - 1]
                before = text[pa:pb]
                if pb == a and before not in stop and pattern.match(before) and not before[:1].isdigit():
                    name_start = a
                    continue
            break
        if word == ")" and doc.language == "zh":
            inner = _parenthesized(text, ordered, index, pattern, stop)
            if inner is not None:  # 院士（专家）工作站: a note inside the name
                name_start = inner
                continue
        if key in stop and not inside_proper_name(text, ordered, index) \
                and not any(s <= a and b <= e and e - s > b - a for s, e in names):
            break
        if doc.language == "en" and _hyphenated_word(text, ordered, index).lower() in stop:
            break  # "a world-class rail transit cluster": the whole word is a stop word
        if not pattern.match(word):
            break
        if not allow_digits and word[:1].isdigit() and not (doc.language == "zh" and text[b:b + 1] == "强"):
            break  # (世界500强企业: a list's name, not a count)
        if name_start < end and _CELL_GAP.search(text, b, name_start):
            break  # "Serial number  Cluster name": a table's cells, not one name
        name_start = a
        taken += 1
    if doc.language == "zh":
        # A quotation mark opens a name only if the name also closes it (“能源装备集群跻身‘国家队’，…”
        # quotes a speaker); a closing mark never opens one.
        while name_start < end and (text[name_start] in _CLOSING_ZH or (
                text[name_start] in _PAIRS_ZH and _PAIRS_ZH[text[name_start]] not in text[name_start:end])):
            following = [a for a, _ in tokens if a > name_start]
            name_start = following[0] if following else end
    if doc.language == "en":
        # A quotation mark opens a name only if the name also closes it: 'little giant'.
        while name_start < end and text[name_start] in _QUOTES_EN and sum(
                text[name_start:end].count(q) for q in _QUOTES_EN) % 2:
            following = [a for a, _ in tokens if a > name_start]
            name_start = following[0] if following else end
    if taken < min_tokens:
        return None
    if name_start < end and tokens and name_start != start and all(a != name_start for a, _ in tokens):
        return None
    return name_start


def _hyphenated_word(text: str, tokens: list[tuple[int, int]], index: int) -> str:
    """The word whose second half is tokens[index] ("world-class" for "class"), else ""."""
    if index < 2 or text[tokens[index - 1][0]:tokens[index - 1][1]] != "-":
        return ""
    (a, b), (c, d), (e, f) = tokens[index - 2], tokens[index - 1], tokens[index]
    return text[a:f] if b == c and d == e else ""


def inside_proper_name(text: str, tokens: list[tuple[int, int]], index: int) -> bool:
    """"of" between capitalised words belongs to the name: Internet of Things; a hyphen written
    inside a word belongs to it: new-type, aero-engine."""
    word = text[tokens[index][0]:tokens[index][1]]
    if word == "-" and 0 < index < len(tokens) - 1:
        return tokens[index - 1][1] == tokens[index][0] and tokens[index][1] == tokens[index + 1][0]
    if index >= 2 and text[tokens[index - 1][0]:tokens[index - 1][1]] == "-":
        # the second half of a hyphenated word: technology-based, city-level
        return tokens[index - 2][1] == tokens[index - 1][0] and tokens[index - 1][1] == tokens[index][0]
    following = text[tokens[index + 1][0]:tokens[index + 1][1]].lower() if index + 1 < len(tokens) else ""
    if (word.lower(), following) in _MODIFIER_USES_EN:
        return True
    if word not in ("of", "and", "&") or index == 0 or index + 1 >= len(tokens):
        return False
    before = text[tokens[index - 1][0]:tokens[index - 1][1]]
    after = text[tokens[index + 1][0]:tokens[index + 1][1]]
    return (before[:1].isupper() and after[:1].isupper()) or (before.lower(), word, after.lower()) in _COMPOUNDS_EN


def _parenthesized(text: str, tokens: list[tuple[int, int]], close: int, pattern, stop) -> int | None:
    """Start of "(" when tokens[close] closes a short note of name tokens that a name token
    precedes (院士(专家)工作站), else None."""
    for index in range(close - 1, max(-1, close - 5), -1):
        word = text[tokens[index][0]:tokens[index][1]]
        if word == "(":
            before = text[tokens[index - 1][0]:tokens[index - 1][1]] if index > 0 else ""
            if index == close - 1 or not before or before in stop or not pattern.match(before):
                return None
            return tokens[index][0]
        if word in stop or not pattern.match(word):
            return None
    return None
