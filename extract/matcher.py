"""Run compiled rules over the sentences that hold a trigger word; keep the best fragments."""

from __future__ import annotations

import bisect

from dataclasses import dataclass, field

from extract.document import Document
from extract.prefilter import shape
from extract.rules import RuleSet


@dataclass
class Fragment:
    """One rule match: its span and the spans of its named groups (normalized offsets)."""

    rule: str
    kind: str
    start: int
    end: int
    sentence: int
    groups: dict[str, tuple[int, int]] = field(default_factory=dict)
    order: int = 0  # the rule's position in the rule files, for ties

    def text(self, doc: Document, group: str) -> str | None:
        span = self.groups.get(group)
        return doc.text[span[0]:span[1]] if span else None


_RANKING_POOLS = {"ranking": "ranking", "year": "year", "total": "total"}


def pool(fragment: Fragment) -> str:
    """Fragments of one pool compete for the same text; fragments of different pools coexist
    (a ranking's name and its rank, a cluster's name and its core zone)."""
    names = set(fragment.groups)
    if fragment.kind == "cluster":
        for role in ("name", "shared_suffix", "core_zone", "core_zones", "list_name", "city"):
            if role in names:
                return role
    if fragment.kind == "ranking" and len(names) == 1:
        return _RANKING_POOLS.get(next(iter(names)), "value")
    if fragment.kind == "ranking" and names == {"ranking", "year"}:
        return "ranking"  # (位列2024赛迪百强区第27位: the name and year inside the position's words)
    if fragment.kind == "enterprise_count" and "subject" in names and "category" not in names:
        # 其中成都1.15万家: a share, checked for a place later; it must not push aside the
        # count of a list's next entry (、科技型中小企业1260家) that it overlaps.
        return "share"
    return "value"


def find_fragments(doc: Document, ruleset: RuleSet, skip_untriggered: bool = True) -> dict[str, list[Fragment]]:
    """Every rule's matches, sentence by sentence. With `skip_untriggered`, a kind's rules run
    only on sentences holding one of its trigger words, and a rule only where the sentence
    holds an anchor of each set it needs (the output is the same; a test runs the samples
    both ways)."""
    found: dict[str, list[Fragment]] = {}
    text = doc.text
    fold = ruleset.language == "en"  # English rules ignore case: anchors are casefolded
    anchored = ruleset.built("anchor_index", lambda: _anchor_index(ruleset))
    for index, (start, end) in enumerate(doc.sentences):
        sentence = text[start:end]
        shaped = None
        for kind, rules in ruleset.rules.items():
            if skip_untriggered and not ruleset.triggers[kind].search(sentence):
                continue
            bucket = found.setdefault(kind, [])
            if skip_untriggered:
                if shaped is None:
                    shaped = shape(sentence.casefold() if fold else sentence)
                anchor_bits, rule_bits = anchored[kind]
                held = 0
                for anchor, bits in anchor_bits:
                    if anchor in shaped:
                        held |= bits
                selected = [(order, rules[order]) for order, bits in rule_bits if bits & held == bits]
            else:
                selected = list(enumerate(rules))
            for order, rule in selected:
                for match in rule.regex.finditer(text, start, end):
                    if match.end() == match.start():
                        continue
                    groups = {name: match.span(name) for name, value in match.groupdict().items()
                              if value is not None}
                    bucket.append(Fragment(rule.id, kind, match.start(), match.end(), index, groups, order))
    return {kind: resolve_overlaps(fragments) for kind, fragments in found.items()}


def _anchor_index(ruleset: RuleSet) -> dict[str, tuple[list[tuple[str, int]], list[tuple[int, int]]]]:
    """Per kind: each distinct anchor with the bits of the anchor sets it belongs to, and each
    rule (by position) with the bits of all the sets it needs. A sentence's bits are those of
    the anchors it holds; a rule runs when it has all of its own. Testing each distinct anchor
    once per sentence, and each rule with one AND, costs less than testing each rule's sets."""
    index = {}
    for kind, rules in ruleset.rules.items():
        anchor_bits: dict[str, int] = {}
        rule_bits = []
        bit = 0
        for order, rule in enumerate(rules):
            needed = 0
            for one_of in rule.anchors or ():
                for anchor in set(one_of):
                    anchor_bits[anchor] = anchor_bits.get(anchor, 0) | (1 << bit)
                needed |= 1 << bit
                bit += 1
            rule_bits.append((order, needed))
        index[kind] = (sorted(anchor_bits.items()), rule_bits)
    return index


def resolve_overlaps(fragments: list[Fragment]) -> list[Fragment]:
    """Within a pool, the longest match wins; on equal length, the earlier rule."""
    kept: list[Fragment] = []
    by_pool: dict[str, list[Fragment]] = {}
    for fragment in fragments:
        by_pool.setdefault(pool(fragment), []).append(fragment)
    for candidates in by_pool.values():
        candidates.sort(key=lambda f: (-(f.end - f.start), f.order, f.start))
        # Chosen spans never overlap, so they stay sorted by start and by end alike: each
        # candidate needs only its two neighbours checked (linear time on any input).
        starts: list[int] = []
        ends: list[int] = []
        for fragment in candidates:
            i = bisect.bisect_right(starts, fragment.start)
            if (i and ends[i - 1] > fragment.start) or (i < len(starts) and starts[i] < fragment.end):
                continue
            starts.insert(i, fragment.start)
            ends.insert(i, fragment.end)
            kept.append(fragment)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept
