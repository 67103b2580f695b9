"""Bytes to text: BOMs, UTF-8, then a charset detector for GBK/GB18030, Big5 and the rest."""

from __future__ import annotations

import codecs

from extract.errors import InputError

_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
# The encodings Chinese and English clippings actually come in; limiting the detector to them
# keeps it from calling short GBK text "cp1250" or the like.
_CANDIDATES = ["gb18030", "big5", "utf_16", "utf_8", "cp1252"]


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, int]:
    """(text, encoding used, bytes replaced by U+FFFD). Raises InputError for empty, binary or
    undecodable bytes."""
    if encoding:
        try:
            return data.decode(encoding), encoding, 0
        except LookupError:
            raise InputError(f"unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {encoding}: {exc.reason} at byte {exc.start}") from None
    if not data.strip():
        raise InputError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", ""), 0
            except UnicodeDecodeError:
                break
    head = data[:8192]
    if b"\x00" in head:
        # Text has no NUL bytes, except UTF-16 saved without a BOM (every other byte of ASCII).
        encoding = _utf16_without_bom(head)
        if encoding is None:
            raise InputError("binary file (NUL bytes), not text")
        try:
            return data.decode(encoding), encoding, 0
        except UnicodeDecodeError:
            raise InputError("binary file (NUL bytes), not text") from None
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(3, len(text) // 1000):
        # A few damaged bytes in a UTF-8 file: keep the rest, and say how many were replaced.
        return text, "utf-8", text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise InputError("cannot tell the text encoding (use --encoding)")
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise InputError("binary or undecodable bytes")
    return text, best.encoding.replace("_", "-"), 0


def _utf16_without_bom(head: bytes) -> str | None:
    """utf-16-le / utf-16-be when NULs fill one side of the byte pairs and the other side is
    printable ASCII, as in English text; anything else with NULs is binary."""
    even, odd = head[0::2], head[1::2]
    for text_side, nul_side, name in ((even, odd, "utf-16-le"), (odd, even, "utf-16-be")):
        if nul_side and nul_side.count(0) * 10 >= len(nul_side) * 9:
            printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in text_side)
            if printable * 10 >= len(text_side) * 9:
                return name
    return None
