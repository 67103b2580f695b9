"""Domain errors: what the user did wrong, said plainly. The CLI turns them into messages."""

from __future__ import annotations


class ExtractError(Exception):
    """An input that could not be turned into a record."""


class InputError(ExtractError):
    """A path that cannot be read, or bytes that are not text."""


class RuleError(ExtractError):
    """One or more rule files are invalid; `errors` lists every problem with its path."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__("invalid rules:\n  " + "\n  ".join(self.errors))
