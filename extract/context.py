"""What every builder needs about one article: its document, rules, places and helpers."""

from __future__ import annotations

import re
from functools import cached_property

from extract.document import Document
from extract.mentions import Place, Places
from extract.rules import RuleSet

_CLAUSE_END_ZH = re.compile(r"[,;:。!?、]")
_CLAUSE_END_EN = re.compile(r"[,;:.!?]\s")


class Context:
    def __init__(self, doc: Document, ruleset: RuleSet):
        self.doc = doc
        self.ruleset = ruleset
        self.language = doc.language

    @cached_property
    def places(self) -> Places:
        return Places(self.doc, self.ruleset)

    def words(self, name: str) -> frozenset[str]:
        return self.ruleset.words.get(name, frozenset())

    @cached_property
    def _target_markers(self) -> re.Pattern | None:
        if "target_markers" not in self.ruleset.macros:
            return None
        return self.ruleset.compile("{target_markers}")

    def clause_start(self, pos: int) -> int:
        """Start of the clause holding `pos` (after the last comma, semicolon or full stop)."""
        sentence_start, _ = self.doc.sentence_span(self.doc.sentence_of(pos))
        pattern = _CLAUSE_END_ZH if self.language == "zh" else _CLAUSE_END_EN
        start = sentence_start
        for match in pattern.finditer(self.doc.text, sentence_start, pos):
            start = match.end()
        return start

    def is_target(self, start: int, end: int) -> bool:
        """True when the clause around [start, end) states a goal, not a fact."""
        if self._target_markers is None:
            return False
        clause = self.doc.text[self.clause_start(start):end]
        return bool(self._target_markers.search(clause))

    def subject_before(self, pos: int, sentences_back: int = 1) -> Place | None:
        """The nearest named place before `pos`: in its sentence, else up to `sentences_back`
        sentences earlier; references (该区, "the zone") resolve to what they refer to."""
        for place in reversed(self.places.before(pos, sentences_back)):
            resolved = self.places.resolve(place)
            if resolved is not None:
                return resolved
        return None

    def value(self, place: Place | None) -> str | None:
        return None if place is None else self.doc.value(place.start, place.end)
