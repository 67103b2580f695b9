"""Word boundaries: jieba for Chinese, spaCy's blank English tokenizer for English.

Both load lazily and only when a sentence actually needs its boundaries (a name or category
whose start must be found), so a run over text with nothing to extract never loads them, and a
Chinese-only run never imports spaCy.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from extract.rules import RULES_DIR


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "news-extract"


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    # Keep jieba's dictionary cache in the user's cache folder, not the shared temp folder.
    cache = _cache_dir()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(cache)
    except OSError:
        pass
    userdict = RULES_DIR / "zh" / "userdict.txt"
    if userdict.exists():
        tokenizer.load_userdict(str(userdict))
    return tokenizer


@lru_cache(maxsize=1)
def _spacy_en():
    import spacy

    return spacy.blank("en").tokenizer


def token_spans(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of each token of `text`, whitespace excluded."""
    if language == "zh":
        spans = []
        for word, start, end in _jieba().tokenize(text):
            if not word.isspace():
                spans.append((start, end))
        return spans
    return [(t.idx, t.idx + len(t.text)) for t in _spacy_en()(text) if not t.is_space]
