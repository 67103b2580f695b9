"""The split jieba dictionary (tokens.py) must cut exactly as jieba's whole dictionary does."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from extract import tokens
from extract.document import Document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _chinese_sentences() -> list[str]:
    sentences = []
    for path in sorted((SAMPLES / "zh").glob("*.txt")) + sorted((SAMPLES / "seed").glob("*.zh.txt")):
        doc = Document(path.read_text(encoding="utf-8"), "zh")
        sentences += [doc.text[s:e] for s, e in doc.sentences]
    return sentences


@pytest.fixture(scope="module")
def whole_dictionary():
    jieba = tokens._import_jieba()
    return tokens._full_tokenizer(jieba)


def test_split_dictionary_cuts_as_the_whole_one(whole_dictionary, tmp_path_factory):
    jieba = tokens._import_jieba()
    path = tmp_path_factory.mktemp("shards") / "jieba.shards"
    tokens._write_shards(whole_dictionary, [], path)
    split = jieba.Tokenizer()
    shards = tokens._Shards(split, path)
    sentences = _chinese_sentences()
    # Random windows too: cuts through words and across sentences.
    text = "".join(sentences)
    rng = random.Random(7)
    windows = [text[i:i + rng.randint(1, 60)] for i in (rng.randrange(len(text)) for _ in range(3000))]
    assert len(sentences) > 500
    for piece in sentences + windows:
        shards.prepare(piece)
        assert list(split.tokenize(piece)) == list(whole_dictionary.tokenize(piece)), piece
    # Far fewer entries than the whole dictionary were loaded.
    assert len(split.FREQ) < len(whole_dictionary.FREQ) / 4
