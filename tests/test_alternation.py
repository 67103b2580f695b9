"""The word lists run as tries (extract/alternation.py); they must match exactly what the plain
longest-first alternation matches, with the same preference when a rule backtracks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.alternation import plain_alternation, trie_alternation
from extract.rules import load_rules

WORD_LISTS = [(language, name, sorted(words)) for language in ("zh", "en")
              for name, words in sorted(load_rules(language).words.items())]


def _all_matches(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    """At every start, the span the pattern prefers, then the one it prefers when that one's
    end is out of reach, and so on: every word that can match there, in the engine's order."""
    seen: list[tuple[int, int]] = []
    regex = re.compile(f"(?P<w>{pattern})", flags)
    for start in range(len(text) + 1):
        end = len(text)
        while True:
            match = regex.match(text, start, end)
            if not match:
                break
            seen.append(match.span("w"))
            end = match.end() - 1 if match.end() > start else -1
            if end < start:
                break
    return seen


@pytest.mark.parametrize("language,name,words", WORD_LISTS, ids=[f"{l}-{n}" for l, n, _ in WORD_LISTS])
def test_trie_matches_every_word_as_the_plain_list_does(language, name, words):
    flags = re.IGNORECASE if language == "en" else 0
    text = " | ".join(words + [w + "s" for w in words[:20]] + [w[:-1] for w in words[:20]])
    assert _all_matches(trie_alternation(words), text, flags) == _all_matches(plain_alternation(words), text, flags)


WORDS = st.lists(st.text(alphabet="ab高新区.*( ", min_size=0, max_size=5), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(words=WORDS, text=st.text(alphabet="ab高新区.*( x", max_size=20))
def test_trie_agrees_with_plain_list_on_any_words_and_text(words, text):
    assert _all_matches(trie_alternation(words), text, 0) == _all_matches(plain_alternation(words), text, 0)
