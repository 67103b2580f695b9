"""Models for the rule files in `rules/`: plain data, validated before anything runs.

A rule file holds the patterns for one record type in one language; a lexicon file holds the
named word lists and macros those patterns share. Unknown keys are errors (`extra="forbid"`)
so that a typo in a user's rule file is reported rather than silently ignored.
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

RuleKind = Literal["cluster", "enterprise_count", "ranking"]

# The named groups a pattern of each kind may capture; the pipeline gives them meaning.
GROUPS: dict[str, frozenset[str]] = {
    "cluster": frozenset({"name", "shared_suffix", "core_zone", "core_zones", "list_name", "city"}),
    "enterprise_count": frozenset({"category", "count", "qualifier_before", "qualifier_after",
                                   "subject", "counts", "each"}),
    "ranking": frozenset({"subject", "subjects", "ranking", "year", "rank", "ranks", "in_order", "top_ranks", "rank_range", "tied_rank", "total",
                          "up", "down", "ups", "downs", "unchanged", "from_rank", "from_year", "to_rank",
                          "streak"}),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Example(_Strict):
    text: str = Field(min_length=1)
    expect: dict[str, Any] = Field(
        default_factory=dict,
        description="Fields of the item the whole extractor must find in `text`.",
    )


class Rule(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    description: Optional[str] = None
    pattern: str = Field(min_length=1, description="A regular expression; {macro} expands.")
    examples: list[Example] = Field(min_length=1)
    negatives: list[str] = Field(default_factory=list,
                                 description="Texts this rule's pattern must not match.")


class RuleFile(_Strict):
    language: Literal["zh", "en"]
    kind: RuleKind
    description: Optional[str] = None
    triggers: list[str] = Field(
        min_length=1, description="Only sentences containing one of these are matched.")
    macros: dict[str, str] = Field(default_factory=dict)
    rules: list[Rule] = Field(min_length=1)
    corpus_negatives: list[str] = Field(
        default_factory=list,
        description="Texts from which the extractor must report no item of this kind.")


class Lexicon(_Strict):
    language: Literal["zh", "en"]
    description: Optional[str] = None
    macros: dict[str, str] = Field(default_factory=dict)
    words: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Named word lists; each is also a macro matching any of its words.")
