"""A fixed order for words tried longest first.

Sets iterate in an order that changes with Python's hash seed, so sorting a set by length alone
leaves words of one length in a different order on every run; where that order matters (words
removed one after the other from a name), the output would change from run to run.

>>> sorted({"产业集群", "主导产业", "集群"}, key=longest_first)
['主导产业', '产业集群', '集群']
"""

from __future__ import annotations


def longest_first(word: str) -> tuple[int, str]:
    """Sort key: longest first, then alphabetical."""
    return -len(word), word
