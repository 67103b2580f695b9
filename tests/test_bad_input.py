"""Inputs as they come: every encoding clippings arrive in, saved HTML pages, and bad or
pathological files. Each input gives exactly one record or one error line naming it; never a
traceback; stdout holds only JSON; the batch goes on; exit 1 if anything failed."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from extract.api import MAX_BYTES, extract_bytes, extract_bytes_with_text
from extract.errors import ExtractError
from tests.conftest import ROOT, SAMPLES, sample_articles

SEED_ZH = SAMPLES / "seed" / "pingdingshan.zh.txt"
SEED_EN = SAMPLES / "seed" / "pingdingshan.en.txt"
TRADITIONAL = SAMPLES / "zh" / "a10-chengdu-gaoxinqu-paiming-fanti.txt"  # 大公報, Traditional


def cli(*args, stdin: bytes | None = None):
    """`extract run ARGS` in process; result.stdout and result.stderr are separate."""
    return CliRunner().invoke(app, ["run", *map(str, args)], input=stdin)


def values(record) -> dict:
    """What an article says, without offsets or provenance: equal across encodings."""
    data = record.model_dump(mode="json")
    items = {kind: [{k: v for k, v in item.items() if k != "evidence"} for item in data[kind]]
             for kind in ("clusters", "enterprise_counts", "rankings")}
    return {**items, "title": data["title"], "published": data["published"], "language": data["language"]}


def assert_exact_evidence(text: str, record) -> None:
    for _, item in record.items():
        ev = item.evidence
        assert text[ev.start:ev.end] == ev.text, (ev, text[ev.start:ev.end])


def json_lines(stdout: str) -> list[dict]:
    """stdout is data only: every non-empty line is a JSON record."""
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


# -- encodings ---------------------------------------------------------------------------------

def _utf16(text: str, order: str) -> bytes:
    bom = b"\xff\xfe" if order == "le" else b"\xfe\xff"
    return bom + text.encode(f"utf-16-{order}")


# (id, sample, encode, the encoding the record must name)
ENCODINGS = [
    ("utf-8", SEED_ZH, lambda t: t.encode("utf-8"), "utf-8"),
    ("utf-8-bom", SEED_ZH, lambda t: t.encode("utf-8-sig"), "utf-8"),
    ("utf-16-le-bom", SEED_ZH, lambda t: _utf16(t, "le"), "utf-16"),
    ("utf-16-be-bom", SEED_ZH, lambda t: _utf16(t, "be"), "utf-16"),
    ("gb18030", SEED_ZH, lambda t: t.encode("gb18030"), "gb18030"),
    ("gbk", SEED_ZH, lambda t: t.encode("gbk"), "gb18030"),  # GB18030 is a superset of GBK
    ("big5-traditional", TRADITIONAL, lambda t: t.encode("big5"), "big5"),
    ("utf-16-le-bom-english", SEED_EN, lambda t: _utf16(t, "le"), "utf-16"),
]


@pytest.mark.parametrize("sample,encode,expected", [e[1:] for e in ENCODINGS], ids=[e[0] for e in ENCODINGS])
def test_each_encoding_decodes_to_the_same_values_with_exact_offsets(sample, encode, expected):
    original = sample.read_text(encoding="utf-8")
    text, record = extract_bytes_with_text(encode(original), source=sample.name)
    assert text == original
    assert record.encoding == expected
    assert_exact_evidence(text, record)
    _, reference = extract_bytes_with_text(original.encode("utf-8"), source=sample.name)
    assert values(record) == values(reference)
    assert list(record.items()), "the sample has values to compare"


def test_big5_article_stays_traditional_and_warns():
    text, record = extract_bytes_with_text(TRADITIONAL.read_text(encoding="utf-8").encode("big5"))
    assert any("高新區" in (c.subject or "") for c in record.enterprise_counts)
    assert any("Traditional" in w for w in record.warnings)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "big5", "utf-16"])
def test_encoding_option_on_the_command_line(tmp_path, encoding):
    sample = TRADITIONAL if encoding == "big5" else SEED_ZH
    path = tmp_path / f"article.{encoding}.txt"
    path.write_bytes(sample.read_text(encoding="utf-8").encode(encoding))
    result = cli(path, "--encoding", encoding)
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["encoding"] == encoding
    assert record["enterprise_counts"] and record["rankings"]


def test_wrong_encoding_option_is_a_clear_error(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(SEED_ZH.read_text(encoding="utf-8").encode("gbk"))
    result = cli(path, "--encoding", "utf-8")
    assert result.exit_code == 1 and result.stdout == ""
    assert "article.txt" in result.stderr and "not valid utf-8" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_encoding_option_is_a_clear_error(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(SEED_ZH.read_bytes())
    result = cli(path, "--encoding", "klingon-8")
    assert result.exit_code == 1 and "unknown encoding 'klingon-8'" in result.stderr


# -- HTML --------------------------------------------------------------------------------------

def html_page(article: str) -> str:
    paragraphs = "\n".join(f"<p>{line}</p>" for line in article.splitlines()[1:] if line.strip())
    headline = article.splitlines()[0]
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta charset="utf-8">
<title>{headline}</title>
<meta property="article:published_time" content="2022-06-11T08:30:00+08:00">
<style>body {{ font-family: sans-serif }} .nav::after {{ content: "位列第1位" }}</style>
<script>var ranking = "排名第99位"; window.dataLayer = [{{count: "高新技术企业999家"}}];</script>
</head><body>
<header><div class="logo">河南日报客户端</div><span>首页 | 要闻 | 导航栏目</span></header>
<nav><ul><li><a href="/">导航首页</a></li><li><a href="/x">导航热点：某高新区拥有高新技术企业888家</a></li></ul></nav>
<article><h1>{headline}</h1>
{paragraphs}
</article>
<aside>侧栏推荐：某园区位列第3位</aside>
<footer>页脚版权所有 © 2022 联系我们 备案号 高新技术企业777家</footer>
<script>console.log("footer script 排名第5位")</script>
</body></html>
"""


BOILERPLATE = ["导航", "页脚", "侧栏", "版权", "console", "dataLayer", "font-family", "888", "777", "999"]


def test_html_page_gives_the_article_values_without_boilerplate(tmp_path):
    article = SEED_ZH.read_text(encoding="utf-8")
    page = html_page(article)
    text, record = extract_bytes_with_text(page.encode("utf-8"), source="page.html")
    for word in BOILERPLATE:
        assert word not in text, word
    assert_exact_evidence(text, record)
    reference = extract_bytes(article.encode("utf-8"))
    strip = lambda r: {k: v for k, v in values(r).items() if k not in ("title", "published")}
    assert strip(record) == strip(reference)
    assert record.title == article.splitlines()[0]
    assert record.published == "2022-06-11"


def test_html_date_from_the_text_when_the_page_has_no_meta(tmp_path):
    page = html_page(SEED_ZH.read_text(encoding="utf-8")).replace("article:published_time", "x-unrelated")
    _, record = extract_bytes_with_text(page.encode("utf-8"), source="page.html")
    assert record.published == "2022-06-11"  # 2022-06-11 来源：河南日报客户端, the article's second line


def test_html_file_and_html_on_stdin_through_the_command_line(tmp_path):
    page = html_page(SEED_ZH.read_text(encoding="utf-8")).encode("gb18030").replace(b'charset="utf-8"', b'charset="gb18030"')
    path = tmp_path / "新闻 页面.html"
    path.write_bytes(page)
    from_file = cli(path)
    from_stdin = cli("-", stdin=page)
    assert from_file.exit_code == 0 and from_stdin.exit_code == 0, from_file.stderr + from_stdin.stderr
    a, b = json.loads(from_file.stdout), json.loads(from_stdin.stdout)
    assert a["source"] == str(path) and b["source"] == "-"
    assert a["encoding"] == b["encoding"] == "gb18030"
    assert {k: v for k, v in a.items() if k != "source"} == {k: v for k, v in b.items() if k != "source"}
    assert [c["count"] for c in a["enterprise_counts"]] == [53, 105, 64]


def test_html_page_without_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var a = 1;</script><style>p {}</style></head><body> </body></html>")
    result = cli(path)
    assert result.exit_code == 1 and "empty.html" in result.stderr and "no text" in result.stderr


# -- bad and pathological inputs ----------------------------------------------------------------

def _huge(path: Path) -> None:
    """A file of MAX_BYTES + 1 bytes (a hole, then 'a'): written at once, no disk used."""
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES)
        handle.seek(MAX_BYTES)
        handle.write(b"a")


def _write(content):
    def write(path: Path) -> None:
        path.write_bytes(content() if callable(content) else content)
    return write


SEED_ONE_LINE = "".join(SEED_ZH.read_text(encoding="utf-8").splitlines())
FILLER = "今天天气很好，我们去公园散步吧。" * 70000  # a long page with no trigger words


def _bytes_of(text: str, size: int = 1 << 20) -> bytes:
    """About `size` bytes of `text` repeated, cut at a character boundary."""
    return (text * (size // len(text.encode("utf-8")) + 1)).encode("utf-8")[:size].decode("utf-8", "ignore").encode("utf-8")


# (id, writer, expected): ("error", a word of the reason) or ("record", None), or ("either", None)
# where both a record and a clear error are acceptable.
INPUTS = [
    ("empty", _write(b""), ("error", "empty")),
    ("whitespace-only", _write(b" \n\t\r\n" * 1000), ("error", "empty")),
    ("full-width-spaces-only", _write("\u3000\u3000\n".encode("utf-8") * 1000), ("either", None)),
    ("binary-nul", _write(b"\x00\x01\x02\xfe\xff" * 1000), ("error", "binary")),
    ("random-bytes", _write(lambda: random.Random(6).randbytes(65536)), ("error", None)),
    ("random-bytes-no-nul", _write(lambda: random.Random(6).randbytes(65536).replace(b"\x00", b"x")), ("either", None)),
    ("huge-50MB+1", _huge, ("error", "too large")),
    ("1MB-of-第", _write(_bytes_of("第")), ("record", None)),
    ("1MB-of-digits", _write(b"1" * (1 << 20)), ("record", None)),
    ("1MB-one-line-article-in-filler", _write(lambda: _bytes_of(SEED_ONE_LINE + FILLER)), ("record", None)),
    ("1MB-one-line-article-repeated", _write(lambda: _bytes_of(SEED_ONE_LINE)), ("record", None)),
    ("truncated-utf8", _write(SEED_ZH.read_text(encoding="utf-8").rstrip().encode("utf-8")[:-1]), ("either", None)),
    ("truncated-gbk", _write(SEED_ZH.read_text(encoding="utf-8").rstrip().encode("gbk")[:-1]), ("either", None)),
]


@pytest.mark.parametrize("write,expected", [i[1:] for i in INPUTS], ids=[i[0] for i in INPUTS])
def test_bad_input_gives_one_record_or_one_error_and_the_batch_goes_on(tmp_path, write, expected):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_ZH, folder / "a-good.txt")
    bad = folder / "b-input.txt"
    write(bad)
    shutil.copy(SEED_EN, folder / "c-good.txt")
    errors = tmp_path / "errors.jsonl"
    started = time.perf_counter()
    result = cli(folder, "--errors", errors, "-q")
    assert time.perf_counter() - started < 60
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    records = json_lines(result.stdout)
    sources = [r["source"] for r in records]
    failures = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert str(folder / "a-good.txt") in sources and str(folder / "c-good.txt") in sources
    outcome, reason = expected
    if outcome == "either":
        outcome = "record" if str(bad) in sources else "error"
    if outcome == "record":
        assert result.exit_code == 0 and failures == [] and result.stderr == ""
        assert sources == [str(folder / n) for n in ("a-good.txt", "b-input.txt", "c-good.txt")]
    else:
        assert result.exit_code == 1
        assert len(records) == 2 and str(bad) not in sources
        assert [f["source"] for f in failures] == [str(bad)] and set(failures[0]) == {"source", "error"}
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"extract: {bad}: ")
        if reason:
            assert reason in lines[0] and reason in failures[0]["error"]


@pytest.mark.parametrize("content", [
    pytest.param(b"\x00" * 4096, id="all-NUL"),
    pytest.param(b"PK\x03\x04\x00\x00\x00\x00binary\x00\x00" * 100, id="ascii-with-NUL"),
    pytest.param(SEED_EN.read_text(encoding="utf-8").encode("utf-16-le"), id="utf-16-le-without-bom"),
])
def test_nul_bytes_are_an_error_or_decoded_never_text(content):
    """Binary is refused; UTF-16 without a BOM may be decoded; NULs never reach the text."""
    try:
        text, _ = extract_bytes_with_text(content)
    except ExtractError:
        return
    assert "\x00" not in text


def test_huge_input_through_the_api_is_refused_before_decoding():
    with pytest.raises(ExtractError, match="too large"):
        extract_bytes(b"a" * (MAX_BYTES + 1))


def test_60000_item_list_gives_a_record_in_reasonable_time(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("平顶山高新区拥有" + "高新技术企业53家、" * 60000 + "科技型中小企业105家。", encoding="utf-8")
    process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), str(path)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = process.communicate(timeout=60)  # quadratic until 2026-11-26: over an hour
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("no record after 60 s")
    assert process.returncode == 0, err
    assert json.loads(out)["enterprise_counts"]


def test_missing_path_and_folder_named_as_input(tmp_path):
    (tmp_path / "sub").mkdir()
    missing = tmp_path / "不存在 的.txt"
    result = cli(missing, SEED_ZH, "-q", "--errors", tmp_path / "errors.jsonl")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr == f"extract: {missing}: no such file\n"
    assert [r["source"] for r in json_lines(result.stdout)] == [str(SEED_ZH)]
    failures = [json.loads(l) for l in (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert failures == [{"source": str(missing), "error": "no such file"}]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_bytes(SEED_ZH.read_bytes())
    path.chmod(0)
    try:
        result = cli(path, SEED_EN, "-q")
    finally:
        path.chmod(0o644)
    assert result.exit_code == 1 and result.stderr == f"extract: {path}: permission denied\n"
    assert len(json_lines(result.stdout)) == 1


def test_symlink_loop_in_a_folder_is_walked_once(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED_ZH, folder / "sub" / "a.txt")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a link to itself: an error, not a hang
    result = cli(folder, "-q")
    assert "Traceback" not in result.output
    assert [r["source"] for r in json_lines(result.stdout)] == [str(folder / "sub" / "a.txt")]
    assert result.exit_code == 1 and result.stderr.startswith(f"extract: {folder / 'self.txt'}: ")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("name", ["with spaces.txt", "平顶山 高新区.txt", "-dash.txt", "quote'\"s.txt", "ünï cödé.md"])
def test_file_names_with_spaces_and_chinese(tmp_path, name):
    path = tmp_path / name
    shutil.copy(SEED_ZH, path)
    result = cli(path)
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == str(path) and [c["count"] for c in record["enterprise_counts"]] == [53, 105, 64]


def test_every_sample_in_a_folder_with_every_kind_of_bad_file(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = sample_articles("seed", "zh")[:12]
    for i, article in enumerate(good):
        shutil.copy(article, folder / f"{i:02d}.txt")
    (folder / "90-empty.txt").write_bytes(b"")
    (folder / "91-binary.txt").write_bytes(b"\x00\xff" * 500)
    (folder / "92-blank.md").write_bytes(b"\n\n   \n")
    _huge(folder / "93-huge.txt")
    (folder / "94-not-an-article.jpg").write_bytes(b"\xff\xd8\xff")  # not walked: not a text suffix
    result = cli(folder, "--errors", tmp_path / "e.jsonl", "-q")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(json_lines(result.stdout)) == len(good)
    failed = [json.loads(l)["source"] for l in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(s).name for s in failed] == ["90-empty.txt", "91-binary.txt", "92-blank.md", "93-huge.txt"]
    assert len(result.stderr.splitlines()) == 4


def test_exit_code_0_when_nothing_failed(tmp_path):
    result = cli(SEED_ZH, SEED_EN, "-q", "--errors", tmp_path / "e.jsonl")
    assert result.exit_code == 0 and result.stderr == ""
    assert (tmp_path / "e.jsonl").read_text() == ""
    assert len(json_lines(result.stdout)) == 2


# -- output files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_output_file_holds_whole_json(tmp_path, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    for article in sample_articles("seed", "en")[:10]:
        shutil.copy(article, folder / article.name)
    (folder / "zz-empty.txt").write_bytes(b"")
    out = tmp_path / "out.json"
    result = cli(folder, "-o", out, "--format", fmt, "-q")
    assert result.exit_code == 1 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert len(json.loads(text)) == 10
    else:
        assert len([json.loads(line) for line in text.splitlines()]) == 10


def _start_run(tmp_path, fmt: str, jobs: int):
    """A run over 200 articles writing to -o, in its own session (so that signals to its group
    reach only it and its workers), once it has written something."""
    folder = tmp_path / "in"
    folder.mkdir()
    articles = sample_articles("seed", "zh", "en")
    for i in range(200):
        shutil.copy(articles[i % len(articles)], folder / f"{i:03d}.txt")
    out = tmp_path / f"out.{fmt}"
    process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), str(folder), "-o", str(out), "-q",
                                "--format", fmt, "-j", str(jobs)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    partial = lambda: list(tmp_path.glob(f".out.{fmt}.*")) + ([out] if out.exists() else [])
    while time.monotonic() < deadline and process.poll() is None and not any(p.stat().st_size for p in partial()):
        time.sleep(0.05)
    time.sleep(0.3)
    return process, folder, out


def _stop(process, sig, wait: float = 10):
    """Signal the whole run as a terminal would (Ctrl-C goes to the process group); returns
    stderr, or None if the run did not end within `wait` seconds (it is then killed)."""
    if process.poll() is None:
        os.killpg(process.pid, sig)
    try:
        return process.communicate(timeout=wait)[1]
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return None


def _assert_whole_output(out: Path, folder: Path, fmt: str) -> None:
    """The -o file is absent, or holds only complete JSON."""
    if not out.exists():
        return
    data = out.read_bytes()
    if fmt == "json":
        assert all(r["source"].startswith(str(folder)) for r in json.loads(data))
        return
    assert data == b"" or data.endswith(b"\n"), "a partly written last line"
    for line in data.decode("utf-8").splitlines():
        assert json.loads(line)["source"].startswith(str(folder))


INTERRUPTIONS = [  # signal, -o format, workers
    pytest.param(signal.SIGINT, "jsonl", 1, id="SIGINT-jsonl-1-worker"),
    pytest.param(signal.SIGINT, "json", 1, id="SIGINT-json-1-worker"),
    pytest.param(signal.SIGINT, "jsonl", 2, id="SIGINT-jsonl-2-workers"),
    pytest.param(signal.SIGKILL, "jsonl", 2, id="SIGKILL-jsonl-2-workers"),
    pytest.param(signal.SIGKILL, "json", 2, id="SIGKILL-json-2-workers"),
]


@pytest.mark.parametrize("sig,fmt,jobs", INTERRUPTIONS)
def test_interrupted_run_leaves_only_complete_json(tmp_path, sig, fmt, jobs):
    process, folder, out = _start_run(tmp_path, fmt, jobs)
    err = _stop(process, sig)
    assert err is not None, "the run did not end after the signal"
    _assert_whole_output(out, folder, fmt)
    assert not list(tmp_path.glob(f".out.{fmt}.*.partial")) or sig == signal.SIGKILL
    if sig == signal.SIGINT:
        assert b"Traceback" not in err, err.decode("utf-8", "replace")
        assert process.returncode in (0, 130)


def test_utf16_without_bom_is_decoded_like_the_original():
    record = extract_bytes(SEED_EN.read_text(encoding="utf-8").encode("utf-16-le"))
    assert record.encoding == "utf-16-le"
    assert [c.count for c in record.enterprise_counts] == [53, 105, 64]


def test_a_few_damaged_bytes_in_utf8_keep_the_rest_with_a_warning():
    data = SEED_ZH.read_bytes()
    cut = data.index("平顶山高新区拥有".encode("utf-8"))
    record = extract_bytes(data[:cut] + b"\xff\xfe" + data[cut:])  # two bytes that are never UTF-8
    assert record.encoding == "utf-8" and [c.count for c in record.enterprise_counts] == [53, 105, 64]
    assert any("replaced" in w for w in record.warnings)


def test_a_replacement_character_written_in_the_text_is_not_a_damaged_byte():
    record = extract_bytes(("平顶山高新区拥有高新技术企业53家\ufffd。").encode("utf-8"))
    assert record.encoding == "utf-8" and not any("replaced" in w for w in record.warnings)
