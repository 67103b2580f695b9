"""Bytes to text: BOMs, UTF-8, then a charset detector for GBK/GB18030, Big5 and the rest."""

from __future__ import annotations

import codecs

from extract.errors import InputError

_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
# The encodings Chinese and English clippings actually come in; limiting the detector to them
# keeps it from calling short GBK text "cp1250" or the like.
_CANDIDATES = ["gb18030", "big5", "utf_16", "utf_8", "cp1252"]


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Raises InputError for empty, binary or undecodable bytes."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(f"unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {encoding}: {exc.reason} at byte {exc.start}") from None
    if not data.strip():
        raise InputError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise InputError("cannot tell the text encoding (use --encoding)")
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise InputError("binary or undecodable bytes")
    return text, best.encoding.replace("_", "-")
