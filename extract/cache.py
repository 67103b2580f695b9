"""A per-user cache of work that only depends on files shipped with the project (the parsed
rule files, the place tables, jieba's dictionary), so a one-article run does not redo it.

Entries are named by a hash of everything they depend on; a stale or unreadable entry is
simply rebuilt, and a cache folder that cannot be written only costs speed.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
FORMAT = 4  # bump when the shape of any cached value changes


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "news-extract"


def key_of(name: str, files: Iterable[Path], *extra: str) -> str:
    """A file name for `name` that changes whenever one of `files` (or `extra`) does."""
    digest = hashlib.sha1(f"{FORMAT} {sys.version_info[:2]} {' '.join(extra)}".encode())
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path} {stat.st_size} {stat.st_mtime_ns}".encode())
    return f"{name}-{digest.hexdigest()[:16]}.marshal"


def cached(file_name: str, build: Callable[[], T]) -> T:
    """`build()`'s value, read from the cache when present (plain data only: marshal)."""
    if os.environ.get("NEWS_EXTRACT_NO_CACHE"):
        return build()
    path = cache_dir() / file_name
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        write_atomically(path, [marshal.dumps(value)])
    except (OSError, ValueError):
        pass
    return value


def write_atomically(path: Path, chunks: Iterable[bytes]) -> None:
    """Write `path` whole or not at all: another process never reads a half-written entry,
    and a failed write leaves no temporary file behind. Older versions of the same entry
    (same name before the key, same extension) are removed: the folder does not grow with
    every change of the files an entry depends on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.writelines(chunks)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
    _remove_older(path)


def _remove_older(path: Path) -> None:
    stem, _, key = path.stem.rpartition("-")
    if not stem or not key:
        return
    for other in path.parent.glob(f"{stem}-*{path.suffix}"):
        if other != path and other.stem.rpartition("-")[0] == stem:
            try:
                other.unlink()
            except OSError:
                pass  # another process's entry in use, or gone already
