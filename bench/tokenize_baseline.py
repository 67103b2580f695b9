"""Baseline (a) of `make bench`: read every article of a folder and tokenize it, in one process.

Chinese files (named `NNNNNN-zh-...`, as bench/run.py writes them) go through `jieba.lcut` with
jieba's default dictionary, English ones through `spacy.blank("en")`. Nothing else is done: this
is the floor that a single-process extractor doing word segmentation could not beat.

    python bench/tokenize_baseline.py DIR
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(folder: str) -> None:
    import logging

    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("en")
    tokens = 0
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        tokens += len(jieba.lcut(text)) if path.name.split("-")[1] == "zh" else len(nlp(text))
    print(tokens)


if __name__ == "__main__":
    main(sys.argv[1])
