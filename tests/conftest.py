from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def sample_articles(*folders: str) -> list[Path]:
    found = []
    for folder in folders:
        found += sorted(p for p in (SAMPLES / folder).glob("*.txt"))
    return found


def gold_of(article: Path) -> dict:
    return json.loads(article.with_name(article.stem + ".gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
