"""news-extract: clusters, enterprise counts and rankings from press releases, with evidence.

    >>> from extract import extract_text
    >>> record = extract_text("平顶山高新区拥有高新技术企业53家。")
    >>> record.enterprise_counts[0].count
    53

Importing this package is cheap: everything heavy loads on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract_text", "extract_file", "extract_bytes", "iter_inputs", "load_rules",
           "Record", "ExtractError", "InputError", "RuleError", "__version__"]

_LAZY = {
    "extract_text": "extract.api",
    "extract_file": "extract.api",
    "extract_bytes": "extract.api",
    "iter_inputs": "extract.api",
    "load_rules": "extract.rules",
    "Record": "schemas.record",
    "ExtractError": "extract.errors",
    "InputError": "extract.errors",
    "RuleError": "extract.errors",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
