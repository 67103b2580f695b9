"""The command line: formats, stdin, folders, errors and exit codes. Output is checked by
parsing it and comparing with the API's own records."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest

from extract import extract_file
from tests.conftest import ROOT, SAMPLES, sample_articles

SEED_ZH = SAMPLES / "seed" / "pingdingshan.zh.txt"
SEED_EN = SAMPLES / "seed" / "pingdingshan.en.txt"


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *map(str, args)], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=120)


def test_one_file_gives_one_pretty_json_record_like_the_api():
    result = run(SEED_ZH)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "平顶山" in out and "\\u" not in out  # readable, not escaped
    assert json.loads(out) == extract_file(SEED_ZH).model_dump(mode="json")
    assert result.stderr == b""


def test_stdin():
    result = run("-", stdin=SEED_EN.read_bytes())
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == "-" and [c["count"] for c in record["enterprise_counts"]] == [53, 105, 64]


def test_folder_of_16_articles_gives_16_json_lines_in_order(tmp_path):
    articles = sample_articles("zh")[:8] + sample_articles("en")[:8]
    for i, article in enumerate(articles):
        shutil.copy(article, tmp_path / f"{i:02d}-{article.name}")
    result = run(tmp_path, "-q")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 16
    sources = [json.loads(line)["source"] for line in lines]
    assert sources == sorted(sources)


def test_schema_is_json_schema_of_the_record():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert {"source", "language", "clusters", "enterprise_counts", "rankings", "warnings"} <= set(schema["properties"])


def test_csv_has_one_row_per_item_with_source_and_kind():
    result = run(SEED_ZH, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    record = extract_file(SEED_ZH)
    assert len(rows) == len(list(record.items()))
    assert {r["kind"] for r in rows} == {"cluster", "enterprise_count", "ranking"}
    assert all(r["source"].endswith("pingdingshan.zh.txt") for r in rows)


def test_table_format_prints_the_values():
    result = run(SEED_EN, "--format", "table")
    assert result.returncode == 0
    assert b"74" in result.stdout and b"high-tech enterprises" in result.stdout


def test_missing_file_is_an_error_naming_it_and_the_rest_still_processed(tmp_path):
    missing = tmp_path / "nope.txt"
    result = run(missing, SEED_ZH, "-q")
    assert result.returncode == 1
    assert b"nope.txt" in result.stderr and b"Traceback" not in result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"].endswith("pingdingshan.zh.txt")


@pytest.mark.parametrize("content,reason", [(b"", b"empty"), (b"\x00\x01\x02\xff" * 100, b"binary")])
def test_bad_content_is_a_clear_error(tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run(bad)
    assert result.returncode == 1 and reason in result.stderr and b"Traceback" not in result.stderr
    assert result.stdout == b""


def test_usage_error_exits_2():
    assert run("--format", "xml", SEED_ZH).returncode == 2


def test_bad_rule_file_reports_every_error_with_its_path(tmp_path):
    (tmp_path / "broken.yaml").write_text(
        "language: zh\nkind: ranking\ntriggers: [位]\nrules:\n"
        "  - id: a\n    pattern: '第(?P<rank>\\d+'\n    examples: [{text: 第3位}]\n"
        "  - id: b\n    pattern: '{nosuch}'\n    examples: [{text: x}]\n    colour: red\n",
        encoding="utf-8")
    result = run(SEED_ZH, "--rules", tmp_path)
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert "broken.yaml -> rules -> 0 -> pattern" in err
    assert "broken.yaml -> rules -> 1 -> colour" in err


def test_user_rule_file_adds_a_rule(tmp_path):
    (tmp_path / "extra.yaml").write_text(
        "language: en\nkind: enterprise_count\ntriggers: [unicorn]\nrules:\n"
        "  - id: user.unicorns\n    pattern: '(?P<count>\\d+)\\s+(?P<category>unicorn\\s+startups)'\n"
        "    examples: [{text: The zone has 7 unicorn startups.}]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Zhengzhou High-tech Zone has 7 unicorn startups.", encoding="utf-8")
    result = run(article, "--rules", tmp_path)
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)["enterprise_counts"]
    assert [(c["count"], c["category"]) for c in counts] == [(7, "unicorn startups")]


def test_version_and_help():
    assert run("--version").stdout.startswith(b"news-extract ")
    assert b"eval" in run("--help").stdout
