"""The `extract` command: a thin layer over the `extract` package's public API.

    extract article.txt                 one pretty JSON record
    extract clippings/ > out.jsonl      one JSON Lines record per file, in order
    extract eval samples/zh             precision, recall and F1 against gold records
    extract schema                      the record's JSON Schema
"""

from __future__ import annotations

import gc
import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Clusters, enterprise counts and rankings from press releases, with evidence offsets.")
COMMANDS = {"run", "eval", "schema", "rules"}


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class Lang(str, Enum):
    auto = "auto"
    zh = "zh"
    en = "en"


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"extract: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        from extract import __version__

        typer.echo(f"news-extract {__version__}")
        raise typer.Exit()


def _load_rules_or_fail(language: str, rules: List[Path]) -> None:
    from extract.errors import RuleError
    from extract.rules import load_rules

    languages = ("zh", "en") if language == "auto" else (language,)
    try:
        for lang in languages:
            load_rules(lang, tuple(str(r) for r in rules))
    except RuleError as exc:
        _fail(str(exc))


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Clusters, enterprise counts and rankings from press releases, with evidence offsets."""


@app.command("run")
def run(
    paths: List[str] = typer.Argument(..., help="Files, folders (walked for .txt .md .html .htm), or - for stdin."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f",
                                         help="json (default for one input), jsonl (default for several), csv, table."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    lang: Lang = typer.Option(Lang.auto, "--lang", help="Language of the inputs."),
    rules: List[Path] = typer.Option([], "--rules", help="A folder of extra rule files (repeatable)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Decode inputs with this encoding."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Also write failures to this file as JSON Lines."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                       help="Worker processes (default: all cores for many inputs, 1 for one)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary on stderr."),
    resume: bool = typer.Option(False, "--resume",
                                help="Skip inputs already recorded in the -o JSON Lines file and append."),
    emit_text: bool = typer.Option(False, "--emit-text",
                                   help="Add the decoded text (for HTML, the extracted text) that offsets index."),
) -> None:
    """Extract records from articles (the default command: `extract FILE...`)."""
    from extract.api import iter_inputs
    from extract.batch import default_jobs, process
    from extract.errors import ExtractError
    from extract.output import OutputFile, Writer, completed_sources

    if rules:  # a user's rule files are checked before any input is read: one clear error
        _load_rules_or_fail(lang.value, rules)
    sources = list(iter_inputs(paths))
    if not sources:
        _fail("no input files found (folders are walked for .txt, .md, .html, .htm)", 1)
    many = len(sources) > 1 or any(p != "-" and Path(p).is_dir() for p in paths)
    if len(sources) > 1:
        gc.enable()  # see main(): a batch runs long enough for garbage to matter
    chosen = fmt.value if fmt else ("jsonl" if many else "json")
    skipped = 0
    if resume:
        if output is None or chosen != "jsonl":
            _fail("--resume needs -o FILE with JSON Lines output (-f jsonl)")
        if output.exists():
            try:
                done = completed_sources(output)
            except (ExtractError, OSError) as exc:
                _fail(str(exc))
            skipped = len(sources)
            sources = [source for source in sources if source not in done]
            skipped -= len(sources)
    workers = jobs or default_jobs(len(sources))
    options = {"language": lang.value, "rules": tuple(str(r) for r in rules), "encoding": encoding,
               "emit_text": emit_text}

    try:
        target = OutputFile(output, chosen, append=resume) if output else None
        error_stream = open(errors, "a" if resume else "w", encoding="utf-8") if errors else None
    except OSError as exc:
        _fail(f"cannot write {exc.filename}: {exc.strerror}")
    started = time.perf_counter()
    failures = 0
    progress = None
    try:
        # (Inside the try: a Ctrl-C while the writer starts or Rich loads must not leave the
        # partial output file behind.)
        writer = Writer(target.stream if target else sys.stdout, chosen, many)
        progress = _progress(len(sources), quiet)
        for outcome in process(sources, options, jobs=workers):
            if progress:
                progress.advance()
            if outcome.ok:
                if outcome.line is not None and chosen == "jsonl":
                    writer.write_line(outcome.line)
                else:
                    writer.write(outcome.parsed())
                continue
            failures += 1
            message = f"extract: {outcome.source}: {outcome.error}"
            if progress:
                progress.note(message)
            else:
                typer.echo(message, err=True)
            if error_stream:
                error_stream.write(json.dumps({"source": outcome.source, "error": outcome.error},
                                              ensure_ascii=False) + "\n")
                error_stream.flush()
        writer.close()
        if target:
            target.commit()
    except KeyboardInterrupt:
        if target:
            target.abort()  # JSON Lines keep their whole lines; other formats leave no file
        typer.echo("extract: interrupted", err=True)
        raise typer.Exit(130)
    finally:
        if progress:
            progress.stop()
        if error_stream:
            error_stream.close()
    seconds = time.perf_counter() - started
    if not quiet and many:
        rate = len(sources) / seconds if seconds > 0 else 0.0
        resumed = f", {skipped} already done" if resume else ""
        typer.echo(f"extract: {len(sources)} inputs{resumed}, {writer.count} records, {failures} failed, "
                   f"{seconds:.2f} s, {rate:.0f} articles/s", err=True)
    raise typer.Exit(1 if failures else 0)


class _Progress:
    """A Rich progress bar on stderr; error lines are printed above it."""

    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.console = Console(stderr=True, highlight=False)
        self.bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), console=self.console, transient=True)
        self.task = self.bar.add_task("extracting", total=total)
        self.bar.start()

    def advance(self) -> None:
        self.bar.advance(self.task)

    def note(self, message: str) -> None:
        self.console.print(message, markup=False)

    def stop(self) -> None:
        self.bar.stop()


PROGRESS_MIN_INPUTS = 50


def _progress(total: int, quiet: bool) -> Optional[_Progress]:
    """Only for people watching: a large batch, stderr a terminal, not -q."""
    if quiet or total < PROGRESS_MIN_INPUTS or not sys.stderr.isatty():
        return None
    return _Progress(total)


@app.command("eval")
def evaluate(
    gold_dir: Path = typer.Argument(..., help="A folder of NAME.txt with NAME.gold.json beside them."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    lang: Lang = typer.Option(Lang.auto, "--lang", help="Language of the articles."),
    rules: List[Path] = typer.Option([], "--rules", help="A folder of extra rule files (repeatable)."),
    show_misses: int = typer.Option(40, "--misses", help="How many misses to list (0: none)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                       help="Worker processes (default: all cores for many articles)."),
) -> None:
    """Score extraction against gold records: per-field P, R, F1 and micro-F1."""
    from extract.evaluate import evaluate_folder, print_report
    from extract.errors import ExtractError

    gc.enable()  # see main()
    if not gold_dir.is_dir():
        _fail(f"{gold_dir}: not a folder")
    _load_rules_or_fail(lang.value, rules)
    try:
        report = evaluate_folder(gold_dir, language=lang.value, rules=tuple(str(r) for r in rules), jobs=jobs)
    except ExtractError as exc:
        _fail(str(exc), 1)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report, show_misses)


@app.command("schema")
def schema() -> None:
    """Print the record's JSON Schema."""
    from schemas.record import Record

    typer.echo(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2))


@app.command("rules")
def rules_command(
    lang: Lang = typer.Option(Lang.auto, "--lang", help="Which language's rules (auto: both)."),
    rules: List[Path] = typer.Option([], "--rules", help="A folder of extra rule files (repeatable)."),
) -> None:
    """Check the rule files and list every rule with its file."""
    from extract.rules import load_rules

    _load_rules_or_fail(lang.value, rules)
    for language in (("zh", "en") if lang == Lang.auto else (lang.value,)):
        ruleset = load_rules(language, tuple(str(r) for r in rules))
        for kind, compiled in ruleset.rules.items():
            for rule in compiled:
                typer.echo(f"{language}\t{kind}\t{rule.id}\t{rule.path}")


def main() -> None:
    """Entry point: `extract FILE...` means `extract run FILE...`."""
    # Start-up (imports, Pydantic building its validators) allocates many long-lived objects
    # that the cyclic collector would scan over and over: about 13 ms of a 0.25 s one-article
    # run. It stays off for one input; commands that go on for long turn it back on.
    gc.disable()
    args = sys.argv[1:]
    if args and args[0] not in COMMANDS and args[0] not in ("--help", "-h", "--version"):
        sys.argv.insert(1, "run")
    try:
        app(prog_name="extract")
    finally:
        # The output is committed or abandoned by now; a Ctrl-C while the interpreter shuts
        # down (joining the worker pool) would otherwise end the process by the signal itself,
        # not with the exit status the run already chose.
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)


if __name__ == "__main__":
    main()
