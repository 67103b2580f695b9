"""Properties that hold for any input: `extract_text` returns a valid record and never raises,
every evidence slice is exact, the same input gives byte-identical JSON; `extract_bytes` returns
a record or raises `ExtractError`, nothing else.

A bigger fuzz run: FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest -p no:cacheprovider tests/test_properties.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from extract import extract_text
from extract.api import extract_bytes, extract_bytes_with_text
from extract.errors import ExtractError
from schemas.record import Record

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TRIGGERS = [
    # Chinese: counts, rankings, clusters, places, numbers in every form
    "平顶山高新区拥有高新技术企业53家、科技型中小企业105家。", "在2021年全国高新区排名中，平顶山高新区位列第74位，大幅提升14个位次，实现五连升。",
    "平顶山智能制造装备产业集群以平顶山高新区为核心区组织申报并成功上榜。",
    "Pingdingshan High-tech Zone has 53 high-tech enterprises and 105 technology-based SMEs. ",
    "In the 2021 national high-tech zone ranking, the zone ranked 74th, up 14 places. ",
    "The Pingdingshan intelligent manufacturing equipment industrial cluster was selected. ",
    "高新技术企业53家", "科技型中小企业105家", "位列第74位", "大幅提升14个位次", "实现五连升", "产业集群",
    "平顶山高新区", "以平顶山高新区为核心区", "全国高新区排名中", "2021年", "五十三家", "1.2万家", "超过4,000家",
    "從第10位升至第7位", "高新區", "國家先進製造業集群", "、", "，", "。", "第", "位", "１２３", "约", "余",
    # English
    "ranked 74th", "high-tech enterprises", "industrial cluster", "53 high-tech enterprises", "up 14 places",
    "the zone", "Pingdingshan High-tech Zone", "fifth consecutive rise", "seventy-fourth", "fifty-three",
    "from 21st to 17th", "in the 2021 national high-tech zone ranking", "No. 3", "more than", ", ", ". ",
]
CHARACTERS = st.characters(blacklist_categories=("Cs",))  # any code point a str can hold in UTF-8
MIXED = st.sampled_from(  # single characters and short sequences: CJK, full-width, controls, combining
    list("平顶山高新区第位家个集群、，。１２３ＡＢ　０") + ["\n", "\r\n", "\t", "\x00", "\u200b",
    "\ufeff", "\u3000", "e\u0301", "ﬁ", "Ⅻ", "٣"])


def pieces():
    return st.one_of(st.text(alphabet=CHARACTERS, max_size=20), st.sampled_from(TRIGGERS),
                     st.lists(MIXED, max_size=10).map("".join), st.integers(min_value=0, max_value=10 ** 9).map(str))


ANY_TEXT = st.one_of(st.text(alphabet=CHARACTERS, max_size=300), st.lists(pieces(), max_size=40).map("".join))


def check(text: str, record: Record) -> None:
    assert isinstance(record, Record)
    found = len(list(record.items()))
    event(f"items found: {found if found < 3 else '3+'}")  # shown by --hypothesis-show-statistics
    Record.model_validate_json(record.model_dump_json())  # valid against its own schema
    for _, item in record.items():
        ev = item.evidence
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start:ev.end] == ev.text


@FUZZ
@given(ANY_TEXT, st.sampled_from(["auto", "zh", "en"]))
def test_any_text_gives_a_valid_record_with_exact_evidence(text, language):
    first = extract_text(text, language=language)
    check(text, first)
    assert extract_text(text, language=language).model_dump_json() == first.model_dump_json()


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(TRIGGERS), st.sampled_from(TRIGGERS), pieces()), min_size=1, max_size=40)
       .map("".join))
def test_trigger_phrases_spliced_anywhere(text):
    first = extract_text(text)
    check(text, first)
    assert extract_text(text).model_dump_json() == first.model_dump_json()


@FUZZ
@given(st.binary(max_size=2000) | ANY_TEXT.flatmap(lambda t: st.sampled_from(
    [t.encode("utf-8"), t.encode("utf-16"), t.encode("gb18030", "replace"), t.encode("big5", "replace"),
     t.encode("utf-8")[:-1], b"\xef\xbb\xbf" + t.encode("utf-8"), ("<html><body><p>" + t + "</p></body></html>").encode()])))
def test_any_bytes_give_a_record_or_an_extract_error(data):
    try:
        text, record = extract_bytes_with_text(data)
    except ExtractError:
        return
    check(text, record)
    assert extract_bytes(data).model_dump_json() == record.model_dump_json()
