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


def _sample_documents():
    for language, folder, pattern in (("zh", "zh", "*.txt"), ("en", "en", "*.txt"), ("zh", "seed", "*.zh.txt"),
                                      ("en", "seed", "*.en.txt")):
        for path in sorted((SAMPLES / folder).glob(pattern)):
            yield Document(path.read_text(encoding="utf-8"), language)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_tokens_of_a_window_are_the_sentences_tokens(language):
    """Document.tokens_in tokenizes only the pieces around a span; it must give exactly the
    sentence's own tokens that lie in the span, for any span."""
    rng = random.Random(11)
    checked = 0
    for doc in _sample_documents():
        if doc.language != language:
            continue
        for index, (s, e) in enumerate(doc.sentences):
            whole = doc.sentence_tokens(index)
            for _ in range(4):
                start = rng.randrange(s, e)
                end = rng.randrange(start, e + 1)
                expected = [(a, b) for a, b in whole if a >= start and b <= end]
                assert doc.tokens_in(start, end) == expected, (doc.text[s:e], start - s, end - s)
                checked += 1
    assert checked > 2000


def test_chinese_pieces_are_jiebas_blocks():
    """The characters a piece is made of are those of jieba's own blocks (re_han_default)."""
    jieba = tokens._import_jieba()
    ours = Document._PIECE["zh"]
    for code in range(0x30000):
        char = chr(code)
        assert bool(ours.fullmatch(char)) == bool(jieba.re_han_default.fullmatch(char)), hex(code)
