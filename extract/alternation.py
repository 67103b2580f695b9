"""A word list as a regular expression that Python's engine runs fast: a trie of the words.

`re` tries an alternation's branches one by one at every position it starts from, so a list
of 50 zone suffixes costs 50 failed comparisons at each word of a sentence, and a rule with
"up to six words, then a suffix" pays that six times per word. Factored into a trie, the first
character chooses the one branch that can match and the rest fail at once.

The trie matches what the plain alternation matches, in the same order of preference: of the
words that can match at one place, one is a prefix of the other, and both forms try the
longest first (the trie's continuations are tried before its end, the plain list is sorted
longest first), so a rule that backtracks into a shorter word finds the same one.
"""

from __future__ import annotations

import re
from typing import Iterable

from extract.ordering import longest_first


def plain_alternation(words: Iterable[str]) -> str:
    """The words as one alternation, longest first (the form anchors are read from).

    >>> plain_alternation(["park", "parks", "zone"])
    '(?:parks|park|zone)'
    """
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=longest_first)) + ")"


def trie_alternation(words: Iterable[str]) -> str:
    """The words as a trie-shaped pattern, matching as `plain_alternation` does.

    >>> trie_alternation(["park", "parks", "zone"])
    '(?:park(?:s)?|zone)'
    >>> trie_alternation(["高新区", "高新技术产业开发区", "开发区"])
    '(?:开发区|高新(?:区|技术产业开发区))'
    >>> [re.match(trie_alternation(w), "centres").group() for w in (["centre", "centres"], ["c"])]
    ['centres', 'c']
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    if "" in trie:  # the empty word: everything is optional
        return "(?:" + _node_pattern(trie) + ")"
    return "(?:" + "|".join(_branches(trie)) + ")"


def _branches(node: dict) -> list[str]:
    return [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]


def _node_pattern(node: dict) -> str:
    branches = _branches(node)
    ends_here = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    # Greedy `?`: the longer words below this node are tried before the word ending here.
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")
