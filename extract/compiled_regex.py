"""Regular expressions whose compiled form is kept in the cache, so a short run does not
compile them again.

`re.compile` parses a pattern and turns it into opcodes in Python code: about 0.2 ms for a
short pattern and several ms for a long word-list alternation, some 25 ms for the rules a
one-article Chinese run needs. Only the last step, `_sre.compile`, is in C. The rule cache
keeps the opcodes, which depend only on the pattern, its flags and the Python version, and
rebuilding a pattern from them takes microseconds. Anything unexpected (another Python, a
changed internal) falls back to `re.compile`, so the worst case is the old speed.
"""

from __future__ import annotations

import re
from array import array
from typing import Optional


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
