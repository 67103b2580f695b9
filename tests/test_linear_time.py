"""Guards against catastrophic backtracking and quadratic blow-ups, not speed tests: every
compiled rule pattern is run over adversarial strings made of its own words, digits and
separators, and the whole pipeline over 200 KB adversarial texts, each under a generous bound.

A run over the bound is stopped by a timer signal (Python's regex engine checks for signals),
so a blow-up fails the test quickly instead of hanging the suite."""

from __future__ import annotations

import re
import signal
from contextlib import contextmanager

import pytest

from extract import extract_text
from extract.rules import load_rules
from tests.conftest import SAMPLES

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer")

PATTERN_CHARS = 50_000
PATTERN_SECONDS = 2.0
TEXT_CHARS = 200_000
TEXT_SECONDS = 20.0


class TooSlow(Exception):
    pass


@contextmanager
def within(seconds: float, what: str):
    def expire(signum, frame):
        raise TooSlow(f"{what}: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def fill(unit: str, size: int) -> str:
    """`unit` repeated to exactly `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


# -- every rule pattern ---------------------------------------------------------------------------

COMMON = {  # adversarial units for every pattern, whatever its language
    "digits": "1", "digits-spaced": "1 ", "digits-commas": "1,", "letters": "a", "letters-spaced": "a ",
    "han": "中", "第": "第", "位": "位", "、": "、", "第1位": "第1位、", "cluster": "cluster ",
    "zh-list": "高新技术企业53家、", "en-list": "53 high-tech enterprises, ", "full-width": "５３家，",
    "dots": "1.", "dotted-words": "Ab.", "newlines": "\n", "ordinals": "74th ", "no.": "No. ",
}


def _own_words(rule, language: str) -> list[str]:
    """The literal words a pattern is built from (its lexicon and trigger words), most frequent first."""
    found = re.findall(r"[\u4e00-\u9fff]+" if language == "zh" else r"[A-Za-z]{2,}", rule.regex.pattern)
    return sorted(set(found), key=lambda w: (-found.count(w), w))[:8]


def adversarial_strings(rule, language: str) -> dict[str, str]:
    words = _own_words(rule, language)
    sep = "" if language == "zh" else " "
    strings = {name: fill(unit, PATTERN_CHARS) for name, unit in COMMON.items()}
    for word in words:
        strings[f"word:{word}"] = fill(word + sep, PATTERN_CHARS)
    if words:
        strings["words+digits"] = fill(sep.join(w + "53" for w in words) + sep, PATTERN_CHARS)
        strings["words+第1位"] = fill(sep.join(words) + sep + "第1位、74th" + sep, PATTERN_CHARS)
        strings["words-run-together"] = fill("".join(words), PATTERN_CHARS)
    return strings


# Quadratic today: `{word}` in rules/en/lexicon.yaml is [A-Za-z0-9][\w'’&/.-]*, so in a long run of
# word characters with no match every start position scans to the run's end (20,000 letters:
# 15 s for en.cluster.name).
QUADRATIC_ON_LONG_WORDS: set[str] = set()  # none left; a rule id here runs as strict xfail


def _rule_params():
    params = []
    for language in ("zh", "en"):
        for kind, rules in load_rules(language).rules.items():
            for rule in rules:
                marks = [pytest.mark.xfail(strict=True, raises=TooSlow, reason=(
                    "bug: quadratic on a long run of word characters ({word} macro, rules/en/lexicon.yaml)"))
                ] if rule.id in QUADRATIC_ON_LONG_WORDS else []
                params.append(pytest.param(language, rule.id, marks=marks, id=rule.id))
    return params


@pytest.mark.parametrize("language,rule_id", _rule_params())
def test_rule_pattern_is_not_catastrophic(language, rule_id):
    rule = next(r for rules in load_rules(language).rules.values() for r in rules if r.id == rule_id)
    for name, text in adversarial_strings(rule, language).items():
        with within(PATTERN_SECONDS, f"{rule_id} over {PATTERN_CHARS} chars of {name!r}"):
            for _ in rule.regex.finditer(text):
                pass


def test_every_trigger_pattern_is_not_catastrophic():
    for language in ("zh", "en"):
        ruleset = load_rules(language)
        for kind, trigger in ruleset.triggers.items():
            for name, unit in COMMON.items():
                with within(PATTERN_SECONDS, f"{language} {kind} trigger over {name!r}"):
                    list(trigger.finditer(fill(unit, PATTERN_CHARS)))


# -- the whole pipeline ---------------------------------------------------------------------------

SEED_ZH = (SAMPLES / "seed" / "pingdingshan.zh.txt").read_text(encoding="utf-8")
SEED_EN = (SAMPLES / "seed" / "pingdingshan.en.txt").read_text(encoding="utf-8")

PIPELINE = [  # a unit repeated to 200 KB: each must give a record within the bound
    pytest.param("第", id="zh-第"),
    pytest.param("1", id="digits"),
    pytest.param("位", id="zh-位"),
    pytest.param("、", id="zh-、"),
    pytest.param("第1位", id="zh-第1位"),
    pytest.param("a", id="letters"),
    pytest.param("a ", id="letters-spaced"),
    pytest.param("５３", id="full-width-digits"),
    pytest.param("今天天气很好我们去公园散步吧", id="zh-no-trigger"),
    pytest.param("高新技术企业", id="zh-category-without-count"),
    pytest.param(SEED_ZH, id="zh-seed-article-repeated"),
    pytest.param(SEED_EN, id="en-seed-article-repeated"),
    # Quadratic in the number of matches until 2026-11-26 (one long sentence or list: 200 KB took minutes).
    pytest.param("高新技术企业53家、", id="zh-count-list"),
    pytest.param("平顶山高新区拥有高新技术企业53家。", id="zh-repeated-sentence"),
    pytest.param("产业集群", id="zh-cluster-word"),
    pytest.param("位列第74位，", id="zh-rank-list"),
    pytest.param("其中平顶山市5家、", id="zh-share-list"),
    pytest.param("cluster ", id="en-cluster-word"),
    pytest.param("ranked 74th, 53 high-tech enterprises, industrial cluster, ", id="en-mixed-list"),
    pytest.param("industrial cluster " + "a" * TEXT_CHARS, id="en-cluster-then-long-word"),
    # A table of places thousands of rows long: its counts merge with the sentences' in one pass.
    pytest.param("区　高新技术企业（家）\n顺德区　3105\n南海区　2890\n平顶山高新区拥有高新技术企业53家。\n",
                 id="zh-table-rows"),
    pytest.param("Area | High-tech enterprises\nKunshan | 2,470\nThe zone has 53 high-tech enterprises.\n",
                 id="en-table-rows"),
]


def run_pipeline(unit: str) -> None:
    text = fill(unit, TEXT_CHARS)
    extract_text(text[:2000])  # load rules, dictionaries and tokenizers outside the bound
    with within(TEXT_SECONDS, f"extract_text over {TEXT_CHARS} chars of {unit[:30]!r}"):
        record = extract_text(text)
    for _, item in record.items():
        assert text[item.evidence.start:item.evidence.end] == item.evidence.text


@pytest.mark.parametrize("unit", PIPELINE)
def test_whole_pipeline_on_200KB_adversarial_text(unit):
    run_pipeline(unit)


def test_many_sentences_referring_back_do_not_exhaust_the_stack():
    with within(TEXT_SECONDS, "1,200 sentences referring back"):
        record = extract_text("Pingdingshan High-tech Zone ranked 74th. " + "The zone ranked 74th. " * 1200)
    assert record.rankings and record.rankings[0].subject == "Pingdingshan High-tech Zone"
