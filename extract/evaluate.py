"""`extract eval`: compare extraction with gold records, as leniently as a careful reader.

Names match after NFKC, case, punctuation and Traditional→Simplified normalization, or when one
contains the other and the shorter is at least 60% of the longer. City suffixes (市, 省, city)
are ignored. A count matches on its integer and category; a ranking on subject and rank (or
subject and change when no rank is stated). Attributes (a cluster's city and core zone, a
ranking's change, year and streak) are scored on matched pairs.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from extract.errors import ExtractError
from extract.textmap import simplifier

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_PLACE_SUFFIX = re.compile(
    r"(高新技术产业开发区|高新区|经济技术开发区|经开区|开发区|自治区|特别行政区|市|省|区|县|"
    r"national\s+high[- ]tech\s+(industrial\s+development\s+)?zone|high[- ]tech\s+(industrial\s+development\s+)?zone|"
    r"hi[- ]tech\s+(industrial\s+development\s+)?zone|city|province|district|county)$", re.I)
FIELDS = ["clusters", "cluster.city", "cluster.core_zone", "enterprise_counts", "count.subject",
          "rankings", "ranking.change", "ranking.year", "ranking.streak", "ranking.total"]
# Place codes are scored beside the extraction fields, not inside micro-F1, so that the
# extraction score means the same with or without the gazetteer.
PLACE_FIELDS = ["cluster.place", "count.place", "ranking.place"]


@lru_cache(maxsize=65536)
def norm(text: Optional[str]) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower()
    text = simplifier().convert(text)
    return _PUNCT.sub("", text)


@lru_cache(maxsize=65536)
def norm_place(text: Optional[str]) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = re.sub(r"^the\s+", "", text)
    previous = None
    while previous != text:
        previous = text
        text = _PLACE_SUFFIX.sub("", text).strip()
    return norm(text) or norm(previous)


def similar(a: Optional[str], b: Optional[str], place: bool = False) -> bool:
    x, y = (norm_place(a), norm_place(b)) if place else (norm(a), norm(b))
    if not x or not y:
        return x == y
    if x == y:
        return True
    short, long_ = sorted((x, y), key=len)
    return short in long_ and len(short) / len(long_) >= 0.6


def same_place(a: Optional[str], b: Optional[str]) -> bool:
    """Subjects: equal after dropping zone and division suffixes, or one inside the other."""
    x, y = norm_place(a), norm_place(b)
    if not x or not y:
        return x == y
    return x == y or x in y or y in x


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS + PLACE_FIELDS})
    misses: list[str] = field(default_factory=list)
    articles: int = 0
    evidence_checked: int = 0
    evidence_errors: list[str] = field(default_factory=list)

    @property
    def micro(self) -> Score:
        total = Score()
        for name in FIELDS:
            score = self.scores[name]
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    def to_dict(self) -> dict:
        fields = {name: {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                         "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
                  for name, s in self.scores.items()}
        micro = self.micro
        return {"articles": self.articles, "fields": fields,
                "micro": {"tp": micro.tp, "fp": micro.fp, "fn": micro.fn,
                          "precision": round(micro.precision, 4), "recall": round(micro.recall, 4),
                          "f1": round(micro.f1, 4)},
                "evidence": {"checked": self.evidence_checked, "errors": self.evidence_errors},
                "misses": self.misses}


def _cluster_match(g: dict, p: dict) -> bool:
    return similar(g.get("name"), p.get("name"))


def _count_match(g: dict, p: dict) -> bool:
    return g.get("count") == p.get("count") and similar(g.get("category"), p.get("category"))


def _ranking_match(g: dict, p: dict) -> bool:
    if not same_place(g.get("subject"), p.get("subject")):
        return False
    if g.get("rank") is not None:
        return g.get("rank") == p.get("rank")
    return p.get("rank") is None and g.get("change") is not None and g.get("change") == p.get("change")


def _pairs(gold: list[dict], pred: list[dict], match) -> tuple[list, list, list]:
    """Greedy one-to-one matching in order: (pairs, unmatched gold, unmatched predictions)."""
    left = list(range(len(pred)))
    pairs, missed = [], []
    for g in gold:
        hit = next((i for i in left if match(g, pred[i])), None)
        if hit is None:
            missed.append(g)
        else:
            left.remove(hit)
            pairs.append((g, pred[hit]))
    return pairs, missed, [pred[i] for i in left]


def _attribute(score: Score, gold_value, pred_value, equal) -> bool:
    if gold_value is None and pred_value is None:
        return True
    if gold_value is not None and pred_value is not None and equal(gold_value, pred_value):
        score.tp += 1
        return True
    if pred_value is not None:
        score.fp += 1
    if gold_value is not None:
        score.fn += 1
    return False


def _brief(item: dict, keys: tuple[str, ...]) -> str:
    return ", ".join(f"{k}={item.get(k)}" for k in keys if item.get(k) is not None)


def _equal(a, b) -> bool:
    return a == b


def _similar_place(a, b) -> bool:
    return similar(a, b, place=True)


# Per item kind: (scored field, item attribute, how values are compared) for matched pairs.
_ATTRIBUTES = {
    "clusters": [("cluster.city", "city", _similar_place), ("cluster.core_zone", "core_zone", _similar_place),
                 ("cluster.place", "adcode", _equal)],
    "enterprise_counts": [("count.subject", "subject", same_place), ("count.place", "adcode", _equal)],
    "rankings": [("ranking.change", "change", _equal), ("ranking.year", "year", _equal),
                 ("ranking.streak", "streak", _equal), ("ranking.total", "total", _equal),
                 ("ranking.place", "adcode", _equal)],
}


def _value(item: dict, attr: str, gold: bool):
    """A gold item writes its place code as `adcode`; a record holds it in `place`."""
    if attr == "adcode" and not gold:
        return (item.get("place") or {}).get("adcode")
    return item.get(attr)


def score_article(report: Report, name: str, gold: dict, pred: dict) -> None:
    s = report.scores
    kinds = [("clusters", _cluster_match, ("name", "city")),
             ("enterprise_counts", _count_match, ("subject", "category", "count")),
             ("rankings", _ranking_match, ("subject", "rank", "change"))]
    for key, match, shown in kinds:
        pairs, missed, extra = _pairs(gold.get(key) or [], pred.get(key) or [], match)
        s[key].tp += len(pairs)
        s[key].fn += len(missed)
        s[key].fp += len(extra)
        report.misses += [f"{name}: missed {key[:-1]} ({_brief(g, shown)})" for g in missed]
        report.misses += [f"{name}: spurious {key[:-1]} ({_brief(p, shown)})" for p in extra]
        for g, p in pairs:
            for field_name, attr, equal in _ATTRIBUTES[key]:
                if attr == "adcode" and attr not in g:
                    continue  # gold written before place codes: not scored
                gold_value, pred_value = _value(g, attr, True), _value(p, attr, False)
                if not _attribute(s[field_name], gold_value, pred_value, equal):
                    report.misses.append(f"{name}: {field_name} of ({_brief(g, shown)}): "
                                         f"gold {gold_value!r}, got {pred_value!r}")


def _article_for(gold_path: Path) -> Optional[Path]:
    stem = gold_path.name[: -len(".gold.json")]
    for suffix in (".txt", ".md", ".html", ".htm"):
        candidate = gold_path.with_name(stem + suffix)
        if candidate.exists():
            return candidate
    return None


def evaluate_folder(folder: Path, language: str = "auto", rules: tuple[str, ...] = (),
                    jobs: Optional[int] = 1) -> Report:
    """Score every NAME.txt against NAME.gold.json; with jobs > 1 the articles are extracted by
    the same process pool as a batch run, and scored in name order as they come back (jobs None:
    the batch default for that many articles)."""
    from extract.batch import default_jobs, process

    report = Report()
    golds = sorted(folder.glob("*.gold.json"))
    if not golds:
        raise ExtractError(f"{folder}: no NAME.gold.json files")
    pairs = []
    for gold_path in golds:
        article = _article_for(gold_path)
        if article is None:
            report.misses.append(f"{gold_path.name}: no article beside it")
            continue
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ExtractError(f"{gold_path}: not valid JSON: {exc}") from None
        pairs.append((article, gold))
    options = {"language": language, "rules": rules, "encoding": None, "emit_text": True}
    outcomes = process([str(article) for article, _ in pairs], options,
                       jobs=jobs if jobs is not None else default_jobs(len(pairs)))
    for (article, gold), outcome in zip(pairs, outcomes):
        if not outcome.ok:
            raise ExtractError(f"{article}: {outcome.error}")
        record = outcome.parsed()
        # The text came along only to check the evidence: it is not part of what is scored.
        text, record.text = record.text or "", None
        for kind, item in record.items():
            report.evidence_checked += 1
            ev = item.evidence
            if text[ev.start:ev.end] != ev.text:
                report.evidence_errors.append(f"{article.name}: {kind} [{ev.start}:{ev.end}]")
        report.articles += 1
        score_article(report, article.stem, gold, record.model_dump(mode="json"))
    return report


def print_report(report: Report, show_misses: int = 40) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"{report.articles} articles")
    for column in ("field", "tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(column, justify="left" if column == "field" else "right")
    def row(name: str, s: Score) -> None:
        table.add_row(name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")

    for name in FIELDS:
        row(name, report.scores[name])
    m = report.micro
    row("micro", m)
    table.add_section()
    for name in PLACE_FIELDS:  # not part of micro-F1
        row(name, report.scores[name])
    console.print(table)
    for miss in report.misses[:show_misses]:
        console.print(miss, markup=False, highlight=False)
    if len(report.misses) > show_misses:
        console.print(f"... {len(report.misses) - show_misses} more misses (--misses N)", highlight=False)
    console.print(f"evidence spans exact: {report.evidence_checked - len(report.evidence_errors)}"
                  f"/{report.evidence_checked}", highlight=False)
    console.print(f"micro-F1: {m.f1:.3f} (P {m.precision:.3f}, R {m.recall:.3f}) over {report.articles} articles",
                  highlight=False)
