"""Writing records: pretty JSON, JSON Lines, CSV rows per item, and a Rich table for people."""

from __future__ import annotations

import atexit
import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import IO, Optional

from schemas.record import Record

FORMATS = ("json", "jsonl", "csv", "table")
CSV_COLUMNS = ["source", "language", "kind", "name", "city", "province", "core_zone", "level",
               "list_name", "subject", "category", "count", "qualifier", "ranking", "year", "rank",
               "total", "change", "streak", "adcode", "place_level", "place_zh", "place_en",
               "place_city_zh", "place_province_zh", "place_inferred",
               "evidence_start", "evidence_end", "evidence_text"]


def record_json(record: Record, pretty: bool = False) -> str:
    data = record.model_dump(mode="json")
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def csv_rows(record: Record) -> list[dict]:
    rows = []
    for kind, item in record.items():
        row = {"source": record.source, "language": record.language, "kind": kind}
        data = item.model_dump(mode="json")
        evidence = data.pop("evidence")
        place = data.pop("place", None) or {}
        if place:
            row.update(adcode=place["adcode"], place_level=place["level"], place_zh=place["name_zh"],
                       place_en=place["name_en"], place_city_zh=place["city_zh"],
                       place_province_zh=place["province_zh"],
                       place_inferred=" ".join(place["inferred"]))
        row.update({k: v for k, v in data.items() if k in CSV_COLUMNS})
        row.update(evidence_start=evidence["start"], evidence_end=evidence["end"],
                   evidence_text=evidence["text"])
        rows.append(row)
    return rows


class Writer:
    """Writes records one at a time, in the chosen format, flushing each whole."""

    def __init__(self, stream: IO[str], fmt: str, many: bool):
        self.stream = stream
        self.fmt = fmt
        self.many = many
        self.count = 0
        self._csv = None
        self._table = None

    def write(self, record: Record) -> None:
        if self.fmt == "json" and not self.many:
            self.stream.write(record_json(record, pretty=True) + "\n")
        elif self.fmt == "json":
            self.stream.write(("[\n" if self.count == 0 else ",\n") + record_json(record))
        elif self.fmt == "jsonl":
            self.stream.write(record_json(record) + "\n")
        elif self.fmt == "csv":
            if self._csv is None:
                self._csv = csv.DictWriter(self.stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
                self._csv.writeheader()
            for row in csv_rows(record):
                self._csv.writerow(row)
        elif self.fmt == "table":
            self._write_table(record)
        self.count += 1
        self.stream.flush()

    def write_line(self, line: str) -> None:
        """A record already serialized by record_json (JSON Lines only)."""
        self.stream.write(line + "\n")
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.fmt == "json" and self.many:
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.fmt == "csv" and self._csv is None:
            csv.DictWriter(self.stream, fieldnames=CSV_COLUMNS, lineterminator="\n").writeheader()
        self.stream.flush()

    def _write_table(self, record: Record) -> None:
        from rich.console import Console
        from rich.table import Table

        console = Console(file=self.stream, width=140 if not self.stream.isatty() else None)
        table = Table(title=f"{record.source} ({record.language})", show_lines=False)
        for column in ("kind", "value", "details", "evidence"):
            table.add_column(column, overflow="fold")
        for kind, item in record.items():
            if kind == "cluster":
                value = item.name
                details = ", ".join(f"{k}={v}" for k, v in (("city", item.city), ("core", item.core_zone),
                                                             ("level", item.level)) if v)
                details += f" [{item.place.adcode}]" if item.place else ""
            elif kind == "enterprise_count":
                value = f"{item.count} {item.category}"
                details = ", ".join(x for x in (item.subject, item.qualifier if item.qualifier != "exact" else None) if x)
            else:
                value = f"#{item.rank}" if item.rank else "—"
                parts = [item.subject, item.ranking, str(item.year) if item.year else None,
                         f"change {item.change:+d}" if item.change is not None else None,
                         f"streak {item.streak}" if item.streak else None,
                         f"of {item.total}" if item.total else None]
                details = ", ".join(p for p in parts if p)
            if kind != "cluster" and item.place:
                details += f" [{item.place.adcode}]"
            table.add_row(kind, value, details, f"[{item.evidence.start}:{item.evidence.end}] {item.evidence.text}")
        console.print(table)
        for warning in record.warnings:
            console.print(f"[yellow]warning:[/yellow] {warning}")


def to_string(records: list[Record], fmt: str) -> str:
    buffer = io.StringIO()
    writer = Writer(buffer, fmt, many=len(records) != 1)
    for record in records:
        writer.write(record)
    writer.close()
    return buffer.getvalue()


class _WholeLines:
    """A text stream that reaches the file one whole write at a time: each flush is a single
    os.write of everything written since, so a killed run never leaves half a line behind
    (a buffered text file may split a long line across system calls)."""

    def __init__(self, fd: int):
        self.fd = fd
        self.pending: list[str] = []

    def write(self, text: str) -> int:
        self.pending.append(text)
        return len(text)

    def flush(self) -> None:
        data = "".join(self.pending).encode("utf-8")
        self.pending.clear()
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]

    def isatty(self) -> bool:
        return False

    def close(self) -> None:
        self.flush()
        os.close(self.fd)


class OutputFile:
    """`-o FILE` that only ever holds complete output.

    JSON Lines go straight to the file, whole lines flushed one record at a time, so an
    interrupted run leaves a valid file that `--resume` carries on from. A JSON array, CSV and
    tables are valid only when finished: they are written to a temporary file beside the target
    and renamed over it at the end, so the target is never half-written.
    """

    def __init__(self, path: Path, fmt: str, append: bool = False):
        self.path = path
        self.fmt = fmt
        self.partial: Optional[Path] = None
        if fmt == "jsonl":
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self.stream: IO[str] = _WholeLines(os.open(path, flags, 0o644))  # type: ignore[assignment]
        else:
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial",
                                            dir=str(path.parent))
            self.partial = Path(name)
            # Whatever ends the run (a Ctrl-C landing where no handler sees it), the temporary
            # file goes with it; a committed run has renamed it already.
            atexit.register(self._discard_partial)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(handle, 0o666 & ~umask)  # mkstemp makes it private; the result should not be
            self.stream = os.fdopen(handle, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        self.stream.close()
        if self.partial is not None:
            os.replace(self.partial, self.path)
            self.partial = None

    def abort(self) -> None:
        try:
            self.stream.close()
        finally:
            self._discard_partial()

    def _discard_partial(self) -> None:
        if self.partial is not None:
            self.partial.unlink(missing_ok=True)
            self.partial = None


def completed_sources(path: Path) -> set[str]:
    """Sources already recorded in a JSON Lines file. A torn last line (a run killed while
    writing) is cut off so that appending continues from a valid file; a bad line anywhere
    else means the file is not ours to append to."""
    from extract.errors import InputError

    done: set[str] = set()
    good_end = 0
    torn = None
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if torn is not None:
                raise InputError(f"{path}: line {torn} is not a JSON record; not resuming into it")
            try:
                if not line.endswith(b"\n"):
                    raise ValueError("no line end")
                done.add(json.loads(line)["source"])
                good_end += len(line)
            except (ValueError, KeyError, TypeError):
                torn = number
    if torn is not None:
        with path.open("r+b") as handle:
            handle.truncate(good_end)
    return done
