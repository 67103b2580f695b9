"""The matcher skips a rule for a sentence that lacks what the rule needs (extract/prefilter.py);
what it reads off a pattern must hold for every match, or output would change."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.document import Document
from extract.prefilter import required_sets, shape
from extract.rules import load_rules

RULES = [rule for language in ("zh", "en") for rules in load_rules(language).rules.values() for rule in rules]


def _holds(needs, matched: str, flags: int) -> bool:
    text = shape(matched.casefold() if flags & re.IGNORECASE else matched)
    return all(any(anchor in text for anchor in one_of) for one_of in needs or ())


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_every_match_in_a_rules_examples_holds_what_the_rule_needs(rule):
    # Rules run on the normalized copy (full-width folded, Simplified), as the matcher runs them.
    texts = [Document(example.text, rule.id.split(".")[0]).text for example in rule.examples]
    matches = [m.group() for text in texts for m in rule.regex.finditer(text) if m.end() > m.start()]
    for matched in matches:
        assert _holds(rule.anchors, matched, rule.flags), (matched, rule.anchors)


# Patterns built from the pieces rule files use: literals, digits, bounded repeats, classes,
# alternations, optional groups, lookarounds and word boundaries.
PIECES = ["ab", "st", "nd", "第", "位", r"\d", r"\d{1,3}", r"\d+", "[,，]", "[0-9]", r"\b", ".",
          r"\w+", r"\s*", "(?=a)", "(?<!x)", "(?:st|nd)", "(?:ab|第)?", r"(\d+)", "x?"]
SEQUENCES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=5).map("".join)
PATTERNS = st.one_of(SEQUENCES, st.tuples(SEQUENCES, SEQUENCES).map(lambda p: f"(?:{p[0]}|{p[1]})x?{p[1]}"))


@settings(max_examples=400, deadline=None)
@given(pattern=PATTERNS, text=st.text(alphabet="abstnd0123,，x 第位Ａ７", max_size=24),
       flags=st.sampled_from([0, re.IGNORECASE]))
def test_any_match_holds_what_its_pattern_needs(pattern, text, flags):
    needs = required_sets(pattern, flags)
    for match in re.finditer(pattern, text, flags):
        assert _holds(needs, match.group(), flags), (pattern, match.group(), needs)


@pytest.mark.parametrize("pattern,flags,text,skipped", [
    (r"(?P<rank>\d{1,3})(?:st|nd|rd|th)\b", re.I, "the other cluster is the largest", True),
    (r"(?P<rank>\d{1,3})(?:st|nd|rd|th)\b", re.I, "it ranked 74th", False),
    (r"第(?P<rank>\d+)位", 0, "位列全省第一位", True),
    (r"第(?P<rank>\d+)位", 0, "位列第７４位", False),  # a full-width digit is a digit too
], ids=["ordinal-suffix-without-digit", "ordinal", "chinese-numeral", "full-width-digit"])
def test_a_sentence_without_what_is_needed_is_skipped(pattern, flags, text, skipped):
    assert (not _holds(required_sets(pattern, flags), text, flags)) == skipped
    assert bool(re.search(pattern, text, flags)) == (not skipped)
