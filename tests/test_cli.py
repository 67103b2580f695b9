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


def test_a_key_given_twice_in_a_rule_file_is_an_error(tmp_path):
    # (a rule whose `- id:` line is missing would otherwise silently replace the rule before it)
    (tmp_path / "twice.yaml").write_text(
        "language: zh\nkind: ranking\ntriggers: [位]\nrules:\n"
        "  - id: a\n    pattern: '第(?P<rank>\\d+)位'\n    examples: [{text: 第3位}]\n"
        "    pattern: '第(?P<rank>\\d+)名'\n", encoding="utf-8")
    result = run(SEED_ZH, "--rules", tmp_path)
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert "twice.yaml" in err and "'pattern' given twice" in err and b"Traceback" not in result.stderr


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


def _folder(tmp_path, articles, name="in"):
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    for i, article in enumerate(articles):
        shutil.copy(article, folder / f"{i:02d}-{article.name}")
    return folder


def test_csv_has_adcode_columns():
    rows = list(csv.DictReader(io.StringIO(run(SEED_EN, "-f", "csv").stdout.decode("utf-8"))))
    assert {r["adcode"] for r in rows if r["kind"] in ("cluster", "ranking")} == {"410400"}


def test_resume_skips_recorded_inputs_and_appends_the_rest(tmp_path):
    articles = sample_articles("zh")[:4] + sample_articles("en")[:4]
    out = tmp_path / "out.jsonl"
    first = _folder(tmp_path, articles[:5])
    assert run(first, "-o", out, "-q").returncode == 0
    _folder(tmp_path, articles)  # three more arrive in the same folder
    result = run(first, "-o", out, "--resume")
    assert result.returncode == 0, result.stderr
    assert b"3 inputs, 5 already done, 3 records" in result.stderr
    fresh = run(first, "-q").stdout.decode("utf-8").splitlines()
    assert out.read_text(encoding="utf-8").splitlines() == fresh


def test_resume_cuts_a_torn_last_line(tmp_path):
    folder = _folder(tmp_path, sample_articles("zh")[:3])
    out = tmp_path / "out.jsonl"
    assert run(folder, "-o", out, "-q").returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(lines[0] + lines[1][: len(lines[1]) // 2], encoding="utf-8")  # killed mid-line
    assert run(folder, "-o", out, "--resume", "-q").returncode == 0
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == lines


def test_resume_needs_a_json_lines_output_file(tmp_path):
    for args in (["--resume"], ["--resume", "-o", tmp_path / "x.csv", "-f", "csv"]):
        result = run(SEED_ZH, *args)
        assert result.returncode == 2 and b"--resume needs -o FILE" in result.stderr


def test_emit_text_gives_the_html_text_that_offsets_index(tmp_path):
    body = SEED_ZH.read_text(encoding="utf-8").replace("\n", "</p><p>")
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>T</title></head><body><nav>首页 | 新闻</nav>"
                    f"<p>{body}</p><footer>版权所有</footer></body></html>", encoding="utf-8")
    record = json.loads(run(page, "--emit-text").stdout)
    text = record["text"]
    assert "版权所有" not in text and record["enterprise_counts"]
    items = record["clusters"] + record["enterprise_counts"] + record["rankings"]
    assert all(text[i["evidence"]["start"]:i["evidence"]["end"]] == i["evidence"]["text"] for i in items)
    assert "text" not in json.loads(run(page).stdout)


def test_non_line_formats_replace_the_output_file_only_when_complete(tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("old\n", encoding="utf-8")
    result = run(SEED_ZH, SEED_EN, "-f", "csv", "-o", out)
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["language"] for r in rows} == {"zh", "en"}
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left behind


def test_interrupted_output_file_is_valid(tmp_path):
    import signal
    import time

    folder = _folder(tmp_path, sample_articles("zh") * 5)
    for fmt, name in (("jsonl", "out.jsonl"), ("csv", "out.csv")):
        out = tmp_path / name
        process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), str(folder), "-f", fmt,
                                    "-o", str(out), "-j", "1", "-q"], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(2.5)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
        if fmt == "jsonl":
            assert all(json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines())
        else:  # written whole or not at all
            assert not out.exists() or out.read_text(encoding="utf-8").count("\n") > 1
        assert not list(tmp_path.glob("*.partial"))


def test_jobs_1_and_jobs_2_give_byte_identical_output(tmp_path):
    bad = tmp_path / "in" / "zz-empty.txt"
    folder = _folder(tmp_path, sample_articles("zh")[:12] + sample_articles("en")[:12])
    bad.write_bytes(b"")
    one, two = run(folder, "-j", "1", "-q"), run(folder, "-j", "2", "-q")
    assert one.returncode == two.returncode == 1  # the empty file fails in both
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == 24
    assert one.stderr == two.stderr


def test_progress_bar_only_for_a_large_batch_on_a_terminal(monkeypatch):
    import cli

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert cli._progress(10, quiet=False) is None  # small batch
    assert cli._progress(500, quiet=True) is None  # -q
    bar = cli._progress(500, quiet=False)
    try:
        bar.advance()
        bar.note("extract: a.txt: empty file")
    finally:
        bar.stop()
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert cli._progress(500, quiet=False) is None  # piped or redirected


def test_output_does_not_depend_on_the_hash_seed():
    """Sets iterate in an order that changes with PYTHONHASHSEED; no output may follow it (a word
    list sorted by length alone once gave a cluster's name on one run and not on the next)."""
    import os

    def with_seed(seed: str) -> bytes:
        env = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run([sys.executable, str(ROOT / "cli.py"), SAMPLES, "-f", "jsonl", "-q", "-j", "2"],
                                capture_output=True, cwd=ROOT, timeout=600, env=env)
        assert result.returncode == 0, result.stderr
        return result.stdout

    # (Seeds 0 and 5 gave different records for one held-out article before the fix.)
    first = with_seed("0")
    assert first.count(b"\n") == len(list(SAMPLES.rglob("*.txt"))) + len(list(SAMPLES.rglob("*.md")))
    assert with_seed("5") == first


def _gold_folder(tmp_path, articles):
    folder = tmp_path / "gold"
    folder.mkdir()
    for article in articles:
        shutil.copy(article, folder / article.name)
        shutil.copy(article.with_suffix(".gold.json"), folder / article.with_suffix(".gold.json").name)
    return folder


def test_eval_scores_the_same_with_one_worker_and_two(tmp_path):
    from extract.evaluate import evaluate_folder

    folder = _gold_folder(tmp_path, sample_articles("zh")[:10] + sample_articles("en")[:10])
    one, two = evaluate_folder(folder, jobs=1), evaluate_folder(folder, jobs=2)
    assert one.articles == two.articles == 20
    assert one.to_dict() == two.to_dict()
    assert one.evidence_checked > 20 and one.evidence_errors == []
    result = run("eval", folder, "--misses", "0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").strip().splitlines()[-1].startswith(
        f"micro-F1: {one.micro.f1:.3f}")


def test_eval_names_an_article_that_cannot_be_read(tmp_path):
    folder = _gold_folder(tmp_path, sample_articles("zh")[:2])
    (folder / "zz-empty.txt").write_bytes(b"")
    (folder / "zz-empty.gold.json").write_text("{}", encoding="utf-8")
    result = run("eval", folder, "--jobs", "2")
    assert result.returncode == 1
    assert b"zz-empty.txt" in result.stderr and b"Traceback" not in result.stderr
    assert result.stdout == b""
