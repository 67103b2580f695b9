"""A big batch with 1% corrupt files: does every input come out as exactly one record or one
error, and does the batch finish?

    .venv/bin/python bench/corrupt_batch.py            # 10,000 files
    .venv/bin/python bench/corrupt_batch.py -n 2000 --jobs 4

Builds a folder of N files copied from samples/zh, samples/en and samples/seed (never the
holdout), 1% of them corrupt (empty, whitespace only, binary with NUL bytes, random bytes,
truncated GBK, UTF-8 with garbage bytes spliced in), runs

    .venv/bin/extract DIR --errors errs.jsonl -o out.jsonl -q

and prints inputs, records (lines in out.jsonl), errors (lines in errs.jsonl), whether
records + errors == inputs, the exit code and the seconds taken. Exit status 0 when the
accounting is exact, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = ROOT / ".venv" / "bin" / "extract"


def _truncated_gbk(text: str, rng: random.Random) -> bytes:
    data = text.encode("gb18030")
    return data[: rng.randrange(1, max(2, len(data)))]


def _garbled_utf8(text: str, rng: random.Random) -> bytes:
    data = bytearray(text.encode("utf-8"))
    for _ in range(max(1, len(data) // 50)):
        data[rng.randrange(len(data))] = rng.choice([0xFF, 0xFE, 0xC0, 0x80, 0xED])
    return bytes(data)


CORRUPTIONS = {
    "empty": lambda text, rng: b"",
    "whitespace": lambda text, rng: b" \n\t\r\n" * rng.randrange(1, 200),
    "binary-nul": lambda text, rng: b"\x00\x01\x02\x03\xfe\xff" * rng.randrange(1, 2000),
    "random-bytes": lambda text, rng: rng.randbytes(rng.randrange(1, 65536)),
    "truncated-gbk": _truncated_gbk,
    "garbled-utf8": _garbled_utf8,
}


def build(folder: Path, n: int, corrupt_share: float, seed: int) -> dict[str, str]:
    """Write n files; returns {file name: corruption} for the corrupt ones."""
    rng = random.Random(seed)
    articles = sorted(p for sub in ("zh", "en", "seed") for p in (ROOT / "samples" / sub).glob("*.txt"))
    texts = [a.read_text(encoding="utf-8") for a in articles]
    n_corrupt = max(1, round(n * corrupt_share)) if corrupt_share > 0 else 0
    corrupt_at = set(rng.sample(range(n), n_corrupt))
    kinds = list(CORRUPTIONS)
    corrupt: dict[str, str] = {}
    width = len(str(n))
    for i in range(n):
        source = articles[i % len(articles)]
        name = f"{i:0{width}d}-{source.name}"
        if i in corrupt_at:
            kind = kinds[len(corrupt) % len(kinds)]
            (folder / name).write_bytes(CORRUPTIONS[kind](texts[i % len(texts)], rng))
            corrupt[name] = kind
        else:
            shutil.copyfile(source, folder / name)
    return corrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="number of files (default 10000)")
    parser.add_argument("--corrupt", type=float, default=0.01, help="share of corrupt files (default 0.01)")
    parser.add_argument("--jobs", type=int, default=None, help="passed to extract -j (default: its own choice)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="corrupt-batch-"))
    work.mkdir(parents=True, exist_ok=True)
    folder = work / "in"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    try:
        corrupt = build(folder, args.n, args.corrupt, args.seed)
        out, errs = work / "out.jsonl", work / "errs.jsonl"
        command = [str(EXTRACT), str(folder), "--errors", str(errs), "-o", str(out), "-q"]
        if args.jobs:
            command += ["-j", str(args.jobs)]
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started

        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
        errors = [json.loads(line) for line in errs.read_text(encoding="utf-8").splitlines()] if errs.exists() else []
        inputs = sum(1 for _ in folder.iterdir())
        sources = [r["source"] for r in records] + [e["source"] for e in errors]
        accounted = len(records) + len(errors) == inputs and len(set(sources)) == inputs
        failed_names = {Path(e["source"]).name for e in errors}
        print(f"inputs:            {inputs}")
        print(f"records:           {len(records)}")
        print(f"errors:            {len(errors)}")
        print(f"records + errors == inputs: {accounted}")
        print(f"exit code:         {result.returncode}")
        print(f"seconds:           {seconds:.1f} ({inputs / seconds:.0f} files/s)")
        print(f"corrupt files:     {len(corrupt)} "
              f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(corrupt.values()).items()))})")
        by_kind = Counter((kind, name in failed_names) for name, kind in corrupt.items())
        print("corrupt -> error:  " + ", ".join(f"{k} {by_kind[(k, True)]}/{by_kind[(k, True)] + by_kind[(k, False)]}"
                                                  for k in CORRUPTIONS if by_kind[(k, True)] + by_kind[(k, False)]))
        good_failed = sorted(failed_names - set(corrupt))
        print(f"good files failed: {len(good_failed)}" + (f" (e.g. {good_failed[:3]})" if good_failed else ""))
        reasons = Counter(e["error"].split(" (")[0] for e in errors)
        print("error reasons:     " + "; ".join(f"{r}: {c}" for r, c in reasons.most_common()))
        tracebacks = "Traceback" in result.stderr
        print(f"stderr lines:      {len(result.stderr.splitlines())}, traceback: {tracebacks}")
        return 0 if accounted and not tracebacks and result.returncode == (1 if errors else 0) else 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
