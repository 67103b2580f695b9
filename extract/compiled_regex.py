"""Regular expressions whose compiled form is kept in the cache, so a short run does not
compile them again: the rules' patterns in the rule cache, the code's own patterns (through
`cached_compile`) in a cache file of their own.

`re.compile` parses a pattern and turns it into opcodes in Python code: about 0.2 ms for a
short pattern and several ms for a long word-list alternation, some 25 ms for the rules a
one-article Chinese run needs. Only the last step, `_sre.compile`, is in C. The rule cache
keeps the opcodes, which depend only on the pattern, its flags and the Python version, and
rebuilding a pattern from them takes microseconds. Anything unexpected (another Python, a
changed internal) falls back to `re.compile`, so the worst case is the old speed.
"""

from __future__ import annotations

import os
import re
from array import array
from typing import Optional

# (pattern, flags) -> compile_parts(...), read from the cache file on first use.
_store: Optional[dict] = None
_added: dict = {}
# More entries than the code has patterns means old versions' patterns: start afresh.
_MAX_ENTRIES = 2000


def compile_parts(pattern: str, flags: int) -> Optional[tuple]:
    """What `re.compile(pattern, flags)` computes in Python, as plain data, or None.

    >>> parts = compile_parts("a(?P<x>b)", 0)
    >>> from_parts("a(?P<x>b)", 0, parts) == re.compile("a(?P<x>b)")
    True
    """
    try:
        import _sre
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # Opcodes as bytes: marshal reads bytes at once, where a list of ints is read one at
        # a time (the English rules hold about 200,000 of them).
        return (_sre.MAGIC, int(flags | parsed.state.flags), array("I", code).tobytes(),
                parsed.state.groups - 1, groupindex, indexgroup)
    except Exception:  # an internal that moved, an opcode over 32 bits: the caller compiles as usual
        return None


def from_parts(pattern: str, flags: int, parts: Optional[tuple]) -> re.Pattern:
    """The compiled pattern, from `compile_parts`'s data when it fits this Python."""
    if parts:
        try:
            import _sre

            magic, all_flags, code, groups, groupindex, indexgroup = parts
            if magic == _sre.MAGIC:
                return _sre.compile(pattern, all_flags, array("I", code).tolist(), groups, groupindex,
                                    tuple(indexgroup))
        except Exception:
            pass
    return re.compile(pattern, flags)


def cached_compile(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile` for the code's constant patterns, served from the cache across runs."""
    global _store
    flags = int(flags)
    if _store is None:
        _store = _read_store()
    parts = _store.get((pattern, flags))
    if parts is None:
        parts = compile_parts(pattern, flags)
        if parts is None or os.environ.get("NEWS_EXTRACT_NO_CACHE"):
            return re.compile(pattern, flags)
        if not _added:
            import atexit

            atexit.register(_save_store)
        _store[(pattern, flags)] = _added[(pattern, flags)] = parts
    return from_parts(pattern, flags, parts)


def _store_path():
    """Named by Python's regex engine and by the rule files (most patterns are built from
    their word lists): a change of either starts a new store, and the old one is removed."""
    import _sre

    from pathlib import Path

    from extract.cache import cache_dir, key_of

    rules = Path(__file__).resolve().parent.parent / "rules"  # (extract.rules imports this module)
    return cache_dir() / key_of("patterns", rules.rglob("*.yaml"), str(_sre.MAGIC))


def _read_store() -> dict:
    import marshal

    if os.environ.get("NEWS_EXTRACT_NO_CACHE"):
        return {}
    try:
        with open(_store_path(), "rb") as f:
            store = marshal.load(f)
        return store if isinstance(store, dict) else {}
    except Exception:  # absent, unreadable or from another version: rebuilt as patterns compile
        return {}


def _save_store() -> None:
    """At exit, add this run's new patterns to the file (another process may have added its own)."""
    import marshal

    from extract.cache import write_atomically

    merged = _read_store()
    if len(merged) + len(_added) > _MAX_ENTRIES:
        merged = {}
    merged.update(_added)
    try:
        write_atomically(_store_path(), [marshal.dumps(merged)])
    except (OSError, ValueError):
        pass  # no writable cache folder: patterns are compiled each run
