"""`make bench`: throughput, cold start and peak memory of the `extract` command, each next to
a baseline, with PASS/FAIL against the targets of issue 5.

What is measured (every figure is the wall time of a whole subprocess, start-up included; the
CPU seconds of the process and its workers are shown beside it, as they suffer less from the
machine's other load):

* batch    - `extract DIR --jobs 1` and `--jobs 2` over N articles (`--articles`, default 2000)
             written to a temporary folder from samples/zh, samples/en and samples/seed (never
             samples/holdout). Each copy differs: body paragraphs are shuffled with a per-copy
             seed and a numbered reference line is added. stdout goes to /dev/null.
             Baseline (a): bench/tokenize_baseline.py reads every file and tokenizes it (jieba.lcut
             for Chinese, spacy.blank("en") for English) in one process.
             Target: jobs-2 wall / baseline (a) <= 0.5.
* cold     - `extract FILE` on one Chinese and one English seed article.
             Baselines: (b) `python -c "import typer, pydantic, rich"` for Chinese,
             (c) `python -c "import spacy, typer, pydantic, rich"` for English.
             Targets: zh / (b) <= 3.0, en / (c) <= 1.5.
* memory   - peak over time of the summed RSS of the command and all its descendants (the pool
             workers), sampled every 20 ms from /proc, for `extract DIR --jobs 2` over
             `--rss-files` articles (default 20000; 0 skips). Target <= 400 MB. Forked workers
             share pages copy-on-write, so summed RSS over-counts; summed PSS is shown beside it.

Runs alternate between the command and its baselines, after one untimed warm-up of each, and
the median is reported (`--repeat` batch runs, default 3; cold starts 5 times unless --repeat
is larger). The machine's other load adds noise: compare ratios, not absolute times.

    python bench/run.py [--articles N] [--rss-files N] [--repeat K] [--json] [--check]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EXTRACT = str(BIN / "extract")
PYTHON = sys.executable
SOURCES = ("samples/zh", "samples/en", "samples/seed")
COLD_ZH = ROOT / "samples/seed/pingdingshan.zh.txt"
COLD_EN = ROOT / "samples/seed/pingdingshan.en.txt"
TARGETS = {"batch": 0.5, "cold_zh": 3.0, "cold_en": 1.5, "rss_mb": 400.0}
PAGE = os.sysconf("SC_PAGE_SIZE")


# -- the corpus --------------------------------------------------------------------------------
def sample_articles() -> list[tuple[str, str, str]]:
    """(language, stem, text) of every sample article; CJK content means Chinese."""
    articles = []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            lang = "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"
            articles.append((lang, path.stem.replace(".", "-"), text))
    return articles


def vary(text: str, lang: str, number: int) -> str:
    """One realistic variant: title and dateline kept, body paragraphs shuffled, a numbered line."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    head, body = paragraphs[:2], paragraphs[2:]
    random.Random(number).shuffle(body)
    ref = f"（稿件编号：XW-{number:06d}）" if lang == "zh" else f"(Reference No. XW-{number:06d})"
    return "\n\n".join(head + body + [ref]) + "\n"


def write_corpus(folder: Path, count: int) -> int:
    """Write `count` varied articles into `folder`; return their total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = sample_articles()
    total = 0
    for i in range(count):
        lang, stem, text = articles[i % len(articles)]
        data = vary(text, lang, i).encode("utf-8")
        (folder / f"{i:06d}-{lang}-{stem}.txt").write_bytes(data)
        total += len(data)
    return total


# -- measuring processes -----------------------------------------------------------------------
def _process_tree(root: int) -> list[int]:
    """`root` and all its descendants, from a walk of /proc (psutil-free)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(parents.get(pid, ()))
    return tree


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; (0, 0) once it is gone."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            rss = int(f.read().split()[1]) * PAGE
        with open(f"/proc/{pid}/smaps_rollup") as f:
            pss = next((int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:")), 0)
        return rss, pss
    except (OSError, ValueError):
        return 0, 0


def run_timed(command: list[str], sample_memory: bool = False) -> dict:
    """Run `command` (stdout to /dev/null): wall and CPU seconds (the command and its workers),
    exit status, peak summed RSS/PSS."""
    peak = {"rss": 0, "pss": 0}
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sampler() -> None:
        while not done.is_set():
            sums = [_memory(pid) for pid in _process_tree(proc.pid)]
            peak["rss"] = max(peak["rss"], sum(r for r, _ in sums))
            peak["pss"] = max(peak["pss"], sum(p for _, p in sums))
            done.wait(0.02)

    thread = threading.Thread(target=sampler, daemon=True)
    if sample_memory:
        thread.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    done.set()
    if sample_memory:
        thread.join()
    if proc.returncode not in (0, 1):  # 1: some input failed, the rest was still processed
        sys.exit(f"bench: {' '.join(command)} exited {proc.returncode}:\n{stderr.decode()[-2000:]}")
    return {"seconds": seconds, "cpu": cpu, "status": proc.returncode,
            "rss_mb": peak["rss"] / 2**20, "pss_mb": peak["pss"] / 2**20}


def medians(commands: dict[str, list[str]], repeat: int) -> tuple[dict, dict]:
    """Median wall and CPU seconds of each command over `repeat` alternating rounds, after a
    warm-up run of each."""
    for command in commands.values():
        run_timed(command)
    runs: dict[str, list[dict]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(run_timed(command))
    wall = {name: statistics.median(r["seconds"] for r in values) for name, values in runs.items()}
    cpu = {name: statistics.median(r["cpu"] for r in values) for name, values in runs.items()}
    return wall, cpu


# -- the report --------------------------------------------------------------------------------
def measure(args: argparse.Namespace, work: Path) -> dict:
    corpus = work / "corpus"
    size = write_corpus(corpus, args.articles)
    batch, batch_cpu = medians({
        "jobs1": [EXTRACT, str(corpus), "--jobs", "1", "-q"],
        "jobs2": [EXTRACT, str(corpus), "--jobs", "2", "-q"],
        "tokenize": [PYTHON, str(ROOT / "bench/tokenize_baseline.py"), str(corpus)],
    }, args.repeat)
    cold, cold_cpu = medians({
        "zh": [EXTRACT, str(COLD_ZH)],
        "imports_b": [PYTHON, "-c", "import typer, pydantic, rich"],
        "en": [EXTRACT, str(COLD_EN)],
        "imports_c": [PYTHON, "-c", "import spacy, typer, pydantic, rich"],
    }, max(5, args.repeat))
    result = {"articles": args.articles, "megabytes": size / 1e6, "batch": batch, "cold": cold,
              "cpu": {**batch_cpu, **cold_cpu}, "load_average": os.getloadavg(),
              "rate": {name: {"articles_s": args.articles / s, "mb_s": size / 1e6 / s}
                       for name, s in batch.items()},
              "ratios": {"batch": batch["jobs2"] / batch["tokenize"],
                         "cold_zh": cold["zh"] / cold["imports_b"],
                         "cold_en": cold["en"] / cold["imports_c"]}}
    if args.rss_files:
        big = work / "rss"
        big_size = write_corpus(big, args.rss_files)
        run = run_timed([EXTRACT, str(big), "--jobs", "2", "-q"], sample_memory=True)
        result["memory"] = {"files": args.rss_files, "megabytes": big_size / 1e6, **run}
        result["ratios"]["rss_mb"] = run["rss_mb"]
    result["pass"] = {key: value <= TARGETS[key] for key, value in result["ratios"].items()}
    return result


def verdict(result: dict, key: str) -> str:
    return "PASS" if result["pass"][key] else "FAIL"


def print_table(result: dict) -> None:
    batch, cold, rate, ratios = result["batch"], result["cold"], result["rate"], result["ratios"]
    cpu = result["cpu"]
    print(f"news-extract bench: {result['articles']} articles, {result['megabytes']:.1f} MB; "
          f"load average at the end {result['load_average'][0]:.1f} on {os.cpu_count()} cores\n")
    print(f"{'run':<34}{'wall s':>9}{'articles/s':>12}{'MB/s':>8}{'CPU s':>8}")
    labels = {"jobs1": "extract DIR --jobs 1", "jobs2": "extract DIR --jobs 2",
              "tokenize": "(a) read + tokenize, 1 process"}
    for name, label in labels.items():
        print(f"{label:<34}{batch[name]:>9.2f}{rate[name]['articles_s']:>12.0f}{rate[name]['mb_s']:>8.2f}"
              f"{cpu[name]:>8.2f}")
    print(f"\n{'cold start':<40}{'wall s':>9}{'CPU s':>8}")
    labels = {"zh": f"extract {COLD_ZH.name}", "imports_b": "(b) import typer, pydantic, rich",
              "en": f"extract {COLD_EN.name}", "imports_c": "(c) import spacy, typer, pydantic, rich"}
    for name, label in labels.items():
        print(f"{label:<40}{cold[name]:>9.3f}{cpu[name]:>8.3f}")
    print(f"\n{'target':<34}{'figure':>10}{'baseline':>10}{'ratio':>8}{'limit':>8}  verdict")
    rows = [("jobs-2 wall / (a)", batch["jobs2"], batch["tokenize"], "batch"),
            ("zh cold start / (b)", cold["zh"], cold["imports_b"], "cold_zh"),
            ("en cold start / (c)", cold["en"], cold["imports_c"], "cold_en")]
    for label, figure, base, key in rows:
        print(f"{label:<34}{figure:>9.3f}s{base:>9.3f}s{ratios[key]:>8.2f}{TARGETS[key]:>8.1f}  "
              f"{verdict(result, key)}")
    if "memory" in result:
        memory = result["memory"]
        label = f"peak RSS, {memory['files']} files, --jobs 2"
        print(f"{label:<34}{memory['rss_mb']:>8.0f}MB{'':>10}{'':>8}{TARGETS['rss_mb']:>6.0f}MB  "
              f"{verdict(result, 'rss_mb')}")
        print(f"  (summed PSS {memory['pss_mb']:.0f} MB; run took {memory['seconds']:.1f} s, "
              f"{memory['cpu']:.1f} s CPU, {memory['files'] / memory['seconds']:.0f} articles/s, "
              f"exit {memory['status']})")


def compile_project() -> None:
    """Bytecode for the project's modules, as an installed package has: the editable install
    runs from the source tree, and with PYTHONDONTWRITEBYTECODE set (as on some machines) every
    cold start would otherwise compile them again."""
    import compileall

    for folder in ("extract", "schemas"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)
    compileall.compile_file(str(ROOT / "cli.py"), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the batch corpus")
    parser.add_argument("--rss-files", type=int, default=20000, help="files in the memory run (0: skip)")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds per batch figure")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    if args.articles < 1 or args.repeat < 1 or args.rss_files < 0:
        parser.error("--articles and --repeat must be positive, --rss-files not negative")
    compile_project()
    with tempfile.TemporaryDirectory(prefix="news-extract-bench-") as work:
        result = measure(args, Path(work))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    if args.check and not all(result["pass"].values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
