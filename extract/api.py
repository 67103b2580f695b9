"""The public API: text, bytes or a file in, a `Record` out."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from extract.errors import InputError
from schemas.record import Record

LANGUAGES = ("auto", "zh", "en")
MAX_BYTES = 50 * 1024 * 1024  # larger inputs are refused with a clear message
LARGE_BYTES = 2 * 1024 * 1024  # larger inputs get a warning in the record
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")


def extract_text(text: str, *, source: str = "-", language: str = "auto",
                 rules: Iterable[str] = (), skip_untriggered: bool = True,
                 encoding: Optional[str] = None, title: Optional[str] = None,
                 published: Optional[str] = None) -> Record:
    """Extract clusters, enterprise counts and rankings from one article's text.

    Offsets in the record's evidence index `text` exactly as given.
    """
    from extract import meta
    from extract.clusters import build_clusters
    from extract.context import Context
    from extract.counts import build_counts
    from extract.document import Document, detect_language
    from extract.linking import link_places
    from extract.matcher import find_fragments
    from extract.rankings import build_rankings
    from extract.rules import load_rules

    if language not in LANGUAGES:
        raise InputError(f"unknown language '{language}' (use auto, zh or en)")
    lang = detect_language(text) if language == "auto" else language
    ruleset = load_rules(lang, tuple(str(r) for r in rules))
    doc = Document(text, lang)
    fragments = find_fragments(doc, ruleset, skip_untriggered=skip_untriggered)
    ctx = Context(doc, ruleset)
    warnings = []
    if doc.map.simplified:
        warnings.append("Traditional Chinese: matched on a Simplified copy; values and offsets are as written")
    record = Record(
        source=source,
        language=lang,
        encoding=encoding,
        title=title if title is not None else meta.title(text, lang),
        published=published if published is not None else meta.published_date(text),
        clusters=build_clusters(ctx, fragments.get("cluster", [])),
        enterprise_counts=build_counts(ctx, fragments.get("enterprise_count", [])),
        rankings=build_rankings(ctx, fragments.get("ranking", [])),
        warnings=warnings,
    )
    link_places(record, text, ctx.places.given_names())
    return record


def read_text(data: bytes, *, name: str = "-", encoding: Optional[str] = None) -> tuple[str, str, dict, list[str]]:
    """Decode bytes (and strip HTML) into the text offsets will index.

    Returns (text, encoding, metadata, warnings) where metadata may hold the page's title and date.
    """
    from extract.decode import decode

    if len(data) > MAX_BYTES:
        raise InputError(f"too large ({len(data) // (1024 * 1024)} MB; the limit is "
                         f"{MAX_BYTES // (1024 * 1024)} MB)")
    text, used, replaced = decode(data, encoding)
    warnings = [f"{replaced} undecodable byte(s) replaced with U+FFFD"] if replaced else []
    found: dict = {}
    if name.lower().endswith((".html", ".htm")) or looks_like_html(text):
        from extract.html import html_to_text  # the HTML readers load only for HTML
        from extract.meta import published_date

        text, page_title, page_date = html_to_text(text)
        if not text.strip():
            raise InputError("no text in the HTML page")
        found["title"] = page_title
        if page_date:
            found["published"] = published_date(page_date)
    return text, used, found, warnings


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def extract_bytes_with_text(data: bytes, *, source: str = "-", encoding: Optional[str] = None,
                            **options) -> tuple[str, Record]:
    """The decoded text that evidence offsets index, and the record extracted from it."""
    text, used, found, warnings = read_text(data, name=source, encoding=encoding)
    record = extract_text(text, source=source, encoding=used, **found, **options)
    record.warnings += warnings
    if len(data) > LARGE_BYTES:
        record.warnings.append(f"large input ({len(data) / 1e6:.1f} MB; press releases are "
                               f"rarely over 0.1 MB): check that this is one article")
    return text, record


def extract_bytes(data: bytes, *, source: str = "-", encoding: Optional[str] = None,
                  emit_text: bool = False, **options) -> Record:
    """Decode and extract; with `emit_text` the record carries the text its offsets index."""
    text, record = extract_bytes_with_text(data, source=source, encoding=encoding, **options)
    if emit_text:
        record.text = text
    return record


def extract_file(path: str | Path, *, encoding: Optional[str] = None, **options) -> Record:
    """Read, decode and extract one file. Raises InputError naming what is wrong."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError("is a folder (pass it to the command line, or use iter_inputs)")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"too large ({size // (1024 * 1024)} MB; the limit is "
                             f"{MAX_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    return extract_bytes(data, source=str(path), encoding=encoding, **options)


def iter_inputs(paths: Iterable[str]) -> Iterable[str]:
    """Expand folders (recursively, sorted, text-like files only); keep other paths as given."""
    for given in paths:
        path = Path(given)
        if given != "-" and path.is_dir():
            seen: set = set()
            for found in _walk(path, seen):
                yield found
        else:
            yield given


def _walk(folder: Path, seen: set) -> Iterable[str]:
    try:
        key = folder.resolve()
    except (OSError, RuntimeError):
        return
    if key in seen:
        return  # a symlink loop
    seen.add(key)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                yield from _walk(entry, seen)
            elif entry.suffix.lower() in TEXT_SUFFIXES and not entry.name.endswith(".gold.json"):
                yield str(entry)
        except OSError:
            continue
