"""Many inputs: one outcome (a record or an error) per input, in input order.

With jobs > 1, a process pool started once extracts files in parallel; results still come
back in input order and are written as soon as they are ready.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from extract.errors import ExtractError
from schemas.record import Record


@dataclass
class Outcome:
    source: str
    record: Optional[Record] = None
    error: Optional[str] = None
    # The record as one compact JSON line, as a worker process sent it: JSON Lines output
    # writes it as it is, without parsing it back into a Record in the parent.
    line: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def parsed(self) -> Record:
        if self.record is None:
            self.record = Record.model_validate_json(self.line or "")
        return self.record


_OPTIONS: dict = {}


def _init(options: dict) -> None:
    global _OPTIONS
    import signal

    # Ctrl-C is the parent's to handle: it stops the pool; workers just end with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _OPTIONS = options


def extract_one(source: str, options: Optional[dict] = None) -> Outcome:
    """Never raises for a bad input: the error is returned, naming what went wrong."""
    from extract.api import extract_bytes, extract_file

    options = _OPTIONS if options is None else options
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
            return Outcome(source, extract_bytes(data, source="-", **options))
        return Outcome(source, extract_file(source, **options))
    except ExtractError as exc:
        return Outcome(source, error=str(exc))
    except RecursionError:
        return Outcome(source, error="input too deeply nested to process")
    except MemoryError:
        return Outcome(source, error="out of memory while processing this input")
    except Exception as exc:  # a bug of ours: still one error line naming the file, not a dead batch
        return Outcome(source, error=f"internal error ({type(exc).__name__}: {exc}); please report it")


def _work(source: str) -> tuple[str, Optional[str], Optional[str]]:
    from extract.output import record_json

    outcome = extract_one(source)
    line = record_json(outcome.record) if outcome.record is not None else None
    return outcome.source, line, outcome.error


def default_jobs(inputs: int) -> int:
    """All cores (at most 8) for a batch; one process when starting workers would cost more."""
    import os

    return min(os.cpu_count() or 1, 8) if inputs >= MIN_INPUTS_FOR_POOL else 1


def process(sources: Iterable[str], options: dict, jobs: int = 1) -> Iterator[Outcome]:
    if jobs <= 1:
        for source in sources:
            yield extract_one(source, options)
        return
    import multiprocessing
    import threading

    # Pool.imap would queue every input at once and let finished records pile up behind a slow
    # one; a window of tasks in flight keeps memory flat for any number of inputs.
    window = threading.Semaphore(jobs * WINDOW_PER_WORKER)
    stopping = threading.Event()

    def throttled() -> Iterator[str]:
        for source in sources:
            window.acquire()
            if stopping.is_set():
                return
            yield source

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with context.Pool(jobs, initializer=_init, initargs=(options,)) as pool:
        try:
            for source, line, error in pool.imap(_work, throttled(), chunksize=CHUNK):
                window.release()
                yield Outcome(source, error=error, line=line)
        finally:
            # Stopped early (Ctrl-C, a write error): free the feeder thread, which may be
            # waiting for room in the window, so that the pool can shut down.
            stopping.set()
            window.release()


MIN_INPUTS_FOR_POOL = 16
CHUNK = 8
WINDOW_PER_WORKER = 8 * CHUNK
