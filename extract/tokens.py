"""Word boundaries: jieba for Chinese, spaCy's blank English tokenizer for English.

Both load lazily and only when a sentence actually needs its boundaries (a name or category
whose start must be found), so a run over text with nothing to extract never loads them, and a
Chinese-only run never imports spaCy.

jieba's prefix dictionary (about 500,000 entries with our user dictionary) takes 0.6 s to load
whole. It is split once, by first and second character, into a file in the cache folder; a
process then loads only the parts for the characters and character pairs of the sentences it
segments. Every lookup jieba makes is a substring of the sentence being cut, so it sees exactly
the entries it would have seen in the whole dictionary, and the tokens are the same (a test
compares them on every sample).
"""

from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import sys
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Optional

from extract.cache import cache_dir, write_atomically
from extract.compiled_regex import cached_compile
from extract.rules import RULES_DIR

_SHARD_FORMAT = 2


def _full_tokenizer(jieba):
    """jieba's own loading: the bundled dictionary, then rules/zh/userdict.txt."""
    tokenizer = jieba.Tokenizer()
    # Keep jieba's dictionary cache in the user's cache folder, not the shared temp folder.
    cache = cache_dir()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(cache)
    except OSError:
        pass
    userdict = RULES_DIR / "zh" / "userdict.txt"
    if userdict.exists():
        tokenizer.load_userdict(str(userdict))
    tokenizer.check_initialized()
    return tokenizer


def _shard_path(jieba) -> Path:
    """The split dictionary's file, named by everything its content depends on."""
    key = hashlib.md5(f"{_SHARD_FORMAT} {sys.version_info[:2]} {jieba.__version__}".encode())
    for path in (Path(jieba.__file__).with_name("dict.txt"), RULES_DIR / "zh" / "userdict.txt"):
        if path.exists():
            stat = path.stat()
            key.update(f"{path} {stat.st_size} {stat.st_mtime_ns}".encode())
            key.update(path.read_bytes() if stat.st_size < 1 << 20 else b"")
    return cache_dir() / f"jieba-{key.hexdigest()[:16]}.shards"


def _write_shards(tokenizer, forced: list[str], path: Path) -> None:
    """Save tokenizer.FREQ split by first character, then by second.

    Layout: [header size][header: (format, total, forced, {first: (start, end)})], then for each
    first character a part `(freq of the character or None, seconds, ends)`, where `seconds`
    is a string of the second characters of its longer words and `ends` an array of where
    each of their word tables ends, and those tables (one marshal of {word: freq} each).
    Strings and arrays load at once, where a dict is built an entry at a time.
    """
    by_first: dict[str, list] = {}
    for word, freq in tokenizer.FREQ.items():
        entry = by_first.setdefault(word[:1], [None, {}])
        if len(word) == 1:
            entry[0] = freq
        else:
            entry[1].setdefault(word[1], {})[word] = freq
    blobs: list[bytes] = []
    index: dict[str, tuple[int, int]] = {}
    offset = 0
    for first, (single, by_second) in by_first.items():
        tables = [marshal.dumps(by_second[second]) for second in by_second]
        ends, end = array("Q"), 0
        for table in tables:
            end += len(table)
            ends.append(end)
        head = marshal.dumps((single, "".join(by_second), ends.tobytes()))
        index[first] = (offset, offset + len(head))
        blobs.append(head)
        blobs.extend(tables)
        offset += len(head) + end
    header = marshal.dumps((_SHARD_FORMAT, tokenizer.total, forced, index))
    write_atomically(path, [len(header).to_bytes(8, "little"), header, *blobs])


class _Shards:
    """The split dictionary, merged into a tokenizer's FREQ as the text needs it.

    jieba only ever looks up substrings of the text it cuts, so the entries of each character
    of the text and of each pair of adjacent characters are all it can ask for.
    """

    def __init__(self, tokenizer, path: Path) -> None:
        from jieba import finalseg

        with open(path, "rb") as f:
            self.data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        size = int.from_bytes(self.data[:8], "little")
        version, total, forced, self.index = marshal.loads(self.data[8:8 + size])
        if version != _SHARD_FORMAT:
            raise ValueError(f"{path}: format {version}")
        self.base = 8 + size
        self.parts: dict[str, Optional[tuple]] = {}  # first character -> (seconds, ends, start)
        self.loaded_pairs: set[str] = set()
        self.freq = tokenizer.FREQ = {}
        tokenizer.total = total
        tokenizer.initialized = True
        for word in forced:  # user words of frequency 0, as load_userdict would register them
            finalseg.add_force_split(word)

    def _part(self, first: str) -> Optional[tuple]:
        if first not in self.parts:
            where = self.index.get(first)
            part = None
            if where:
                start, end = self.base + where[0], self.base + where[1]
                single, seconds, ends = marshal.loads(self.data[start:end])
                if single is not None:
                    self.freq[first] = single
                part = (seconds, memoryview(ends).cast("Q"), end)
            self.parts[first] = part
        return self.parts[first]

    def prepare(self, text: str) -> None:
        """Load the entries for every character and pair of characters of `text` not seen before."""
        for first in set(text).difference(self.parts):
            self._part(first)
        pairs = {text[i:i + 2] for i in range(len(text) - 1)}
        for pair in pairs.difference(self.loaded_pairs):
            part = self.parts.get(pair[0])
            if part is not None:
                seconds, ends, start = part
                i = seconds.find(pair[1])
                if i >= 0:
                    lo = start + (ends[i - 1] if i else 0)
                    self.freq.update(marshal.loads(self.data[lo:start + ends[i]]))
        self.loaded_pairs |= pairs


def _import_jieba():
    """Import jieba without pkg_resources, which it imports only to find its bundled files
    (0.1 s); without it, jieba opens the same files by path next to its own module."""
    import importlib.util

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return importlib.import_module("jieba")
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        return importlib.import_module("jieba")  # e.g. zipped: let pkg_resources find the files
    sys.modules["pkg_resources"] = None  # `import pkg_resources` fails, jieba falls back to paths
    try:
        return importlib.import_module("jieba")
    finally:
        del sys.modules["pkg_resources"]


@lru_cache(maxsize=1)
def _jieba():
    """(tokenizer, shards): shards is None when the whole dictionary was loaded."""
    import logging

    jieba = _import_jieba()
    from jieba import finalseg

    jieba.setLogLevel(logging.WARNING)
    try:
        path = _shard_path(jieba)
    except OSError:
        path = None
    if path is not None and path.exists():
        try:
            tokenizer = jieba.Tokenizer()
            return tokenizer, _Shards(tokenizer, path)
        except (OSError, ValueError, EOFError, TypeError):  # stale or unreadable: rewrite it
            pass
    before = set(finalseg.Force_Split_Words)
    tokenizer = _full_tokenizer(jieba)
    if path is not None:
        try:
            _write_shards(tokenizer, sorted(finalseg.Force_Split_Words - before), path)
        except OSError:  # no writable cache folder: the whole dictionary is loaded each time
            pass
    return tokenizer, None


@lru_cache(maxsize=1)
def _spacy_en():
    import spacy

    return spacy.blank("en").tokenizer


def token_spans(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of each token of `text`, whitespace excluded."""
    if language == "zh":
        tokenizer, shards = _jieba()
        if shards is not None:
            shards.prepare(text)
        spans = []
        for word, start, end in tokenizer.tokenize(text):
            if not word.isspace():
                spans.append((start, end))
        return spans
    spans = []
    for t in _spacy_en()(text):
        if not t.is_space:
            spans.extend(_unglued(t.idx, t.text))
    return spans


# "216,academician": machine translation often drops the space after a comma; spaCy then keeps
# the two words as one token. Digit groups (1,200) stay whole.
_GLUED_EN = cached_compile(r"[,;:](?=[A-Za-z])|(?<=[A-Za-z%])[,;:]")


def _unglued(start: int, word: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for match in _GLUED_EN.finditer(word):
        if match.start() > pos:
            spans.append((start + pos, start + match.start()))
        spans.append((start + match.start(), start + match.end()))
        pos = match.end()
    if pos < len(word):
        spans.append((start + pos, start + len(word)))
    return spans
