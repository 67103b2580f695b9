"""Every rule's own examples, Duckling style: the rule files are the test corpus.

For each rule: its pattern matches each positive example, and the whole extractor finds an
item with the expected fields in it; its pattern matches none of its negatives. Each file's
`corpus_negatives` must yield no item of the file's kind at all.
"""

from __future__ import annotations

import pytest

from extract import extract_text
from extract.rules import load_rules

_KIND_FIELD = {"cluster": "clusters", "enterprise_count": "enterprise_counts", "ranking": "rankings"}


def _cases():
    positives, negatives, corpus = [], [], []
    for language in ("zh", "en"):
        ruleset = load_rules(language)
        for kind, rules in ruleset.rules.items():
            for rule in rules:
                for i, example in enumerate(rule.examples):
                    positives.append(pytest.param(language, kind, rule, example, id=f"{rule.id}#{i}"))
                for i, text in enumerate(rule.negatives):
                    negatives.append(pytest.param(rule, text, id=f"{rule.id}!{i}"))
        for path, kind, text in ruleset.corpus_negatives:
            corpus.append(pytest.param(language, kind, text, id=f"{path}:{text[:24]}"))
    return positives, negatives, corpus


POSITIVES, NEGATIVES, CORPUS = _cases()


def _matches(item, expect: dict) -> bool:
    data = item.model_dump()
    return all(data.get(key) == value for key, value in expect.items())


@pytest.mark.parametrize("language,kind,rule,example", POSITIVES)
def test_rule_example(language, kind, rule, example):
    assert rule.regex.search(_normalized(example.text, language)), f"{rule.id} does not match its example"
    record = extract_text(example.text, language=language)
    items = getattr(record, _KIND_FIELD[kind])
    assert any(_matches(item, example.expect) for item in items), (
        f"no {kind} with {example.expect}; got {[i.model_dump(exclude={'evidence'}) for i in items]}")


@pytest.mark.parametrize("rule,text", NEGATIVES)
def test_rule_negative(rule, text):
    language = rule.id.split(".")[0]
    assert not rule.regex.search(_normalized(text, language))


@pytest.mark.parametrize("language,kind,text", CORPUS)
def test_corpus_negative(language, kind, text):
    record = extract_text(text, language=language)
    items = getattr(record, _KIND_FIELD[kind])
    assert items == [], [i.model_dump(exclude={"evidence"}) for i in items]


def _normalized(text: str, language: str) -> str:
    from extract.textmap import TextMap

    return TextMap.for_language(text, language).text
