from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def sample_articles(*folders: str) -> list[Path]:
    found = []
    for folder in folders:
        found += sorted(p for p in (SAMPLES / folder).glob("*.txt"))
    return found


@lru_cache(maxsize=None)
def extracted(article: Path):
    """The decoded text and record of a sample file, extracted once per test session: the gold,
    evidence and skipping tests all read the same ~1,300 records (records are not mutated)."""
    from extract.api import extract_bytes_with_text

    return extract_bytes_with_text(article.read_bytes(), source=str(article))


def gold_of(article: Path) -> dict:
    return json.loads(article.with_name(article.stem + ".gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
