"""Patterns rebuilt from the cache must be the patterns re.compile makes (compiled_regex.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from extract.compiled_regex import compile_parts, from_parts
from extract.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent


def test_every_rule_pattern_rebuilds_equal_to_re_compile():
    count = 0
    for language in ("zh", "en"):
        ruleset = load_rules(language)
        for rules in ruleset.rules.values():
            for rule in rules:
                rebuilt = from_parts(rule.pattern, rule.flags, compile_parts(rule.pattern, rule.flags))
                expected = re.compile(rule.pattern, rule.flags)
                # Pattern equality compares flags, pattern text and the compiled code.
                assert rebuilt == expected and rebuilt.groupindex == expected.groupindex, rule.id
                count += 1
    assert count > 90


def test_unusable_parts_fall_back_to_re_compile():
    assert from_parts("a+", 0, ("not the magic", 0, b"", 0, {}, [])) == re.compile("a+")
    assert from_parts("a+", 0, None) == re.compile("a+")


def test_code_patterns_are_stored_and_read_back(tmp_path):
    """A first run writes the store at exit; a second run builds its patterns from it."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("NEWS_EXTRACT_NO_CACHE", None)
    script = ("import re, extract.compiled_regex as c, extract.document as d\n"
              "assert d._ZH_SENTENCE_END == re.compile(d._ZH_SENTENCE_END.pattern)\n"
              "print(len(c._store), len(c._added))")
    first = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    second = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    stored, added = map(int, first.stdout.split())
    assert stored == added > 0
    assert list(map(int, second.stdout.split())) == [stored, 0]
    assert list((tmp_path / "news-extract").glob("patterns-*.marshal"))


def test_a_rewritten_cache_entry_removes_its_older_versions(tmp_path):
    from extract.cache import write_atomically

    (tmp_path / "rules-zh-0000000000000000.marshal").write_bytes(b"old")
    (tmp_path / "rules-en-0000000000000000.marshal").write_bytes(b"other language")
    (tmp_path / "jieba-0000000000000000.shards").write_bytes(b"other entry")
    write_atomically(tmp_path / "rules-zh-1111111111111111.marshal", [b"new"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "jieba-0000000000000000.shards", "rules-en-0000000000000000.marshal", "rules-zh-1111111111111111.marshal"]
