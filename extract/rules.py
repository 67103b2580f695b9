"""Load rule files, expand their macros, compile their patterns; report every error at once.

A pattern may use `{name}` for a lexicon macro or word list (a word list expands to an
alternation of its words, longest first). Errors carry their path, e.g.
`rules/zh/rankings.yaml -> rules -> 3 -> pattern: unknown macro {rnak}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional

from extract.compiled_regex import cached_compile, compile_parts, from_parts
from extract.errors import RuleError
from extract.prefilter import required_sets
from extract.alternation import plain_alternation, trie_alternation

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
_MACRO = cached_compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class RuleExample:
    text: str
    expect: dict


@dataclass(frozen=True)
class CompiledRule:
    id: str
    kind: str
    pattern: str  # macros expanded
    flags: int
    path: str
    index: int
    examples: tuple[RuleExample, ...]
    negatives: tuple[str, ...]
    # Sets of strings a match contains one of each (casefolded for English, digits as "0"),
    # or None: see prefilter.py.
    anchors: Optional[tuple[tuple[str, ...], ...]] = None
    # The compiled form as cached (see compiled_regex.py), or None.
    parts: Optional[tuple] = field(default=None, compare=False, repr=False)

    @cached_property
    def regex(self) -> re.Pattern:
        # Built on first use: an article that never triggers a kind never pays for its rules.
        return from_parts(self.pattern, self.flags, self.parts)

    def to_data(self) -> tuple:
        return (self.id, self.kind, self.pattern, int(self.flags), self.path, self.index,
                [(e.text, e.expect) for e in self.examples], list(self.negatives), self.anchors,
                self.parts or compile_parts(self.pattern, self.flags))

    @classmethod
    def from_data(cls, data: tuple) -> "CompiledRule":
        id_, kind, pattern, flags, path, index, examples, negatives, anchors, parts = data
        return cls(id_, kind, pattern, flags, path, index,
                   tuple(RuleExample(t, e) for t, e in examples), tuple(negatives),
                   tuple(map(tuple, anchors)) if anchors else None, parts)


@dataclass
class RuleSet:
    """Everything the matcher needs for one language."""

    language: str
    words: dict[str, frozenset[str]]
    macros: dict[str, str]
    rules: dict[str, list[CompiledRule]] = field(default_factory=dict)
    triggers: dict[str, re.Pattern] = field(default_factory=dict)
    corpus_negatives: list[tuple[str, str, str]] = field(default_factory=list)
    _built: dict = field(default_factory=dict, repr=False, compare=False)

    def to_data(self) -> dict:
        """Plain data (for the cache): everything but compiled patterns."""
        return {"language": self.language, "words": {k: sorted(v) for k, v in self.words.items()},
                "macros": self.macros,
                "rules": {k: [r.to_data() for r in rules] for k, rules in self.rules.items()},
                "triggers": {k: (p.pattern, int(p.flags), compile_parts(p.pattern, p.flags))
                             for k, p in self.triggers.items()},
                "corpus_negatives": [list(c) for c in self.corpus_negatives]}

    @classmethod
    def from_data(cls, data: dict) -> "RuleSet":
        return cls(data["language"], {k: frozenset(v) for k, v in data["words"].items()}, data["macros"],
                   {k: [CompiledRule.from_data(r) for r in rules] for k, rules in data["rules"].items()},
                   {k: from_parts(p, f, parts) for k, (p, f, parts) in data["triggers"].items()},
                   [tuple(c) for c in data["corpus_negatives"]])

    def expand(self, pattern: str) -> str:
        return _expand(pattern, self.macros, "<pattern>", [])

    def compile(self, pattern: str) -> re.Pattern:
        """`pattern` with its macros expanded, compiled once per rule set: callers run per
        document, and expanding the word-list macros costs more than the match."""
        return self.built(pattern, lambda: cached_compile(self.expand(pattern),
                                                      re.IGNORECASE if self.language == "en" else 0))

    def built(self, key: str, build):
        """A value derived from the rules alone (a pattern, a table), built on first use."""
        if key not in self._built:
            self._built[key] = build()
        return self._built[key]


def _expand(pattern: str, macros: dict[str, str], where: str, errors: list[str],
            seen: tuple[str, ...] = ()) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name in seen:
            errors.append(f"{where}: macro {{{name}}} refers to itself")
            return ""
        if name not in macros:
            errors.append(f"{where}: unknown macro {{{name}}}")
            return ""
        return "(?:" + _expand(macros[name], macros, where, errors, seen + (name,)) + ")"

    return _MACRO.sub(replace, pattern)


def _compile_pattern(pattern: str, macros: dict[str, str], where: str, errors: list[str],
                     flags: int) -> tuple[re.Pattern | None, Optional[tuple]]:
    """Expand and compile one rule pattern, with the parts the cache keeps (compiled_regex.py):
    parsed once. A problem is added to `errors`, not raised."""
    expanded = _expand(pattern, macros, where, errors)
    parts = compile_parts(expanded, flags)
    try:
        return (from_parts(expanded, flags, parts) if parts else re.compile(expanded, flags)), parts
    except re.error as exc:
        errors.append(f"{where}: {exc}")
        return None, None


@lru_cache(maxsize=1)
def _unique_key_loader():
    """A safe YAML loader that refuses a key given twice in one mapping: YAML keeps the last
    silently, so a rule missing its `- id:` line would take over the one before it."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class UniqueKeyLoader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        "while reading a mapping", node.start_mark, f"key {key!r} given twice", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep)

    return UniqueKeyLoader


def _read_yaml(path: Path, errors: list[str]):
    import yaml

    loader = _unique_key_loader()
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        errors.append(f"{path}: cannot read: {exc}".replace("\n", " "))
        return None


def _validation_errors(path: Path, exc) -> list[str]:
    out = []
    for err in exc.errors():
        loc = " -> ".join(str(part) for part in err["loc"])
        out.append(f"{path} -> {loc}: {err['msg']}" if loc else f"{path}: {err['msg']}")
    return out


def _rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.yaml") if p.is_file())


def display_path(path: Path) -> str:
    try:
        return str(path.relative_to(RULES_DIR.parent))
    except ValueError:
        return str(path)


@lru_cache(maxsize=8)
def load_rules(language: str, extra_dirs: tuple[str, ...] = ()) -> RuleSet:
    """The built-in rules for `language` plus any rule files under `extra_dirs`.

    The built-in rules are read, validated and expanded once and then kept in the user's
    cache (keyed by the files' sizes and times), which spares a one-article run the YAML
    parser and the Pydantic rule models.
    """
    if not extra_dirs:
        from extract.cache import cached, key_of

        # The code that turns rule files into patterns is part of the key: a new version of it
        # must not be served the old version's patterns.
        code = [Path(__file__)] + [Path(__file__).with_name(n) for n in ("alternation.py", "prefilter.py")]
        files = _rule_files(RULES_DIR / language) + code
        data = cached(key_of(f"rules-{language}", files), lambda: _read_rules(language, ()).to_data())
        return RuleSet.from_data(data)
    return _read_rules(language, extra_dirs)


def _read_rules(language: str, extra_dirs: tuple[str, ...]) -> RuleSet:
    from pydantic import ValidationError

    from schemas.rules import GROUPS, Lexicon, RuleFile

    errors: list[str] = []
    paths = _rule_files(RULES_DIR / language)
    for extra in extra_dirs:
        directory = Path(extra)
        if not directory.is_dir():
            errors.append(f"{extra}: not a folder of rule files")
            continue
        paths += _rule_files(directory)

    invalid: list[tuple[Path, dict]] = []
    lexicons: list[tuple[Path, Lexicon]] = []
    rule_files: list[tuple[Path, RuleFile]] = []
    for path in paths:
        data = _read_yaml(path, errors)
        if data is None:
            continue
        shown = Path(display_path(path))
        if not isinstance(data, dict):
            errors.append(f"{shown}: expected a mapping at the top level")
            continue
        if data.get("language") not in (None, language) and path.parent != RULES_DIR / language:
            continue  # a user's rule file for the other language
        model = Lexicon if path.stem == "lexicon" else RuleFile
        try:
            parsed = model.model_validate(data)
        except ValidationError as exc:
            errors.extend(_validation_errors(shown, exc))
            if model is RuleFile and isinstance(data.get("rules"), list):
                invalid.append((shown, data))  # its patterns are still checked below
            continue
        if parsed.language != language:
            continue
        (lexicons if model is Lexicon else rule_files).append((shown, parsed))

    words: dict[str, set[str]] = {}
    macros: dict[str, str] = {}
    for _, lexicon in lexicons:
        for name, values in lexicon.words.items():
            words.setdefault(name, set()).update(values)
        macros.update(lexicon.macros)
    # Patterns run with word lists as tries (fast); anchors are read off the same patterns
    # with plain lists, where the whole words stand as literals (a trie leaves only prefixes).
    plain_macros = dict(macros)
    for name, values in words.items():
        macros[name] = trie_alternation(values)
        plain_macros[name] = plain_alternation(values)

    ruleset = RuleSet(language, {k: frozenset(v) for k, v in words.items()}, macros)
    flags = re.IGNORECASE if language == "en" else 0
    seen_ids: dict[str, str] = {}
    for shown, rule_file in rule_files:
        file_macros = {**macros, **rule_file.macros}
        plain_file_macros = {**plain_macros, **rule_file.macros}
        for index, rule in enumerate(rule_file.rules):
            where = f"{shown} -> rules -> {index} -> pattern"
            if rule.id in seen_ids:
                errors.append(f"{shown} -> rules -> {index} -> id: '{rule.id}' "
                              f"is already used in {seen_ids[rule.id]}")
            seen_ids[rule.id] = str(shown)
            regex, parts = _compile_pattern(rule.pattern, file_macros, where, errors, flags)
            if regex is None:
                continue
            unknown = set(regex.groupindex) - GROUPS[rule_file.kind]
            if unknown:
                errors.append(f"{where}: group(s) {', '.join(sorted(unknown))} mean nothing for "
                              f"kind '{rule_file.kind}' (allowed: {', '.join(sorted(GROUPS[rule_file.kind]))})")
            compiled = CompiledRule(
                id=rule.id, kind=rule_file.kind, pattern=regex.pattern, flags=flags, path=str(shown),
                index=index, examples=tuple(RuleExample(e.text, e.expect) for e in rule.examples),
                negatives=tuple(rule.negatives), anchors=required_sets(_expand(rule.pattern, plain_file_macros, where, []), flags),
                parts=parts)
            compiled.__dict__["regex"] = regex  # already compiled while checking it
            ruleset.rules.setdefault(rule_file.kind, []).append(compiled)
        trigger = trie_alternation(rule_file.triggers)
        previous = ruleset.triggers.get(rule_file.kind)
        combined = trigger if previous is None else f"{previous.pattern}|{trigger}"
        ruleset.triggers[rule_file.kind] = re.compile(combined, flags)
        ruleset.corpus_negatives += [(str(shown), rule_file.kind, t) for t in rule_file.corpus_negatives]

    for shown, data in invalid:
        file_macros = {**macros, **(data.get("macros") if isinstance(data.get("macros"), dict) else {})}
        for index, raw in enumerate(data["rules"]):
            if isinstance(raw, dict) and isinstance(raw.get("pattern"), str):
                _compile_pattern(raw["pattern"], file_macros, f"{shown} -> rules -> {index} -> pattern",
                                 errors, flags)
    if errors:
        raise RuleError(errors)
    return ruleset
