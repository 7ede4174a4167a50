"""Score the extractor against hand-annotated gold passages (``tests/gold/articles.jsonl``).

Each gold line holds a passage with its entities, amounts and dates (character
offsets, end exclusive). Scores, micro-averaged over all passages:

* amount value: predicted and gold values matched per article (multiset);
* amount value+currency: the same with the ISO code;
* entity span+label: exact (start, end, label) matches;
* canonical entity id: of the gold mentions found with the right span and label,
  the share whose ``entity_id`` equals the id of the gold canonical name;
* dates: of the gold date expressions, the share found (overlapping span) with the
  same resolved date and grain.

The same entity span+label score is computed for raw spaCy NER as a baseline.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.normalise.entities import entity_id_for
from newsgraph.schema import ENTITY_LABELS


@dataclass
class Score:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

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


GOLD_FILE = "articles.jsonl"
"""The file a gold directory holds (``tests/gold/articles.jsonl``, written by ``tests/gold/build.py``)."""


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold records of a JSON Lines file, or of the ``articles.jsonl`` in a directory.

    Raises FileNotFoundError for a missing file and ValueError, naming file and line, for a
    line that is not JSON or whose offsets do not hold the annotated text.
    """
    path = Path(path)
    if path.is_dir():
        path = path / GOLD_FILE
    if not path.is_file():
        raise FileNotFoundError(f"no gold file at {path} (a JSON Lines file, or a directory holding {GOLD_FILE})")
    records = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{lineno}: not a JSON object ({exc.msg})") from None
        for kind in ("entities", "amounts", "dates"):
            for a in rec.get(kind, []):
                if rec["text"][a["start"] : a["end"]] != a["text"]:
                    raise ValueError(f"{path}:{lineno} {rec['id']}: {kind} offsets {a['start']}-{a['end']} do not hold {a['text']!r}")
        records.append(rec)
    return records


def _count(score: Score, gold: Counter, predicted: Counter, article: str) -> None:
    both = gold & predicted
    score.tp += sum(both.values())
    score.fp += sum((predicted - gold).values())
    score.fn += sum((gold - predicted).values())
    for item in (gold - predicted).elements():
        score.misses.append(f"{article}: missed {item}")
    for item in (predicted - gold).elements():
        score.misses.append(f"{article}: spurious {item}")


def evaluate(records: list[dict[str, Any]], nlp: Any, ref: Any, with_dates: bool = True) -> list[Score]:
    from newsgraph.nlp.extract import extract_texts

    value = Score("amount value")
    value_currency = Score("amount value+currency")
    span_label = Score("entity span+label")
    canonical = Score("canonical id accuracy (=R)")
    dates = Score("dates resolved")
    baseline = Score("raw spaCy entity span+label")
    by_id = {r["id"]: r for r in records}
    items = ((r["id"], r["text"], _published(r)) for r in records)
    for extraction in extract_texts(nlp, ref, items):
        rec = by_id[extraction.key]
        aid = rec["id"]
        gold_amounts = rec.get("amounts", [])
        pred_amounts = [a.match for a in extraction.amounts]
        _count(value, Counter(round(a["value"], 6) for a in gold_amounts), Counter(round(m.value, 6) for m in pred_amounts), aid)
        _count(
            value_currency,
            Counter((round(a["value"], 6), a["currency"]) for a in gold_amounts),
            Counter((round(m.value, 6), m.currency) for m in pred_amounts),
            aid,
        )
        gold_spans = Counter((e["start"], e["end"], e["label"], e["text"]) for e in rec.get("entities", []))
        pred_spans = Counter((m.start, m.end, m.label, m.text) for m in extraction.entities)
        _count(span_label, gold_spans, pred_spans, aid)

        predicted_ids = {(m.start, m.end, m.label): m for m in extraction.entities}
        for e in rec.get("entities", []):
            m = predicted_ids.get((e["start"], e["end"], e["label"]))
            if m is None:
                continue
            # the gold names no countries: a place's id is taken with the country found for it
            if m.entity_id == entity_id_for(e["label"], e["canonical_name"], m.country_code):
                canonical.tp += 1
            else:
                canonical.fn += 1
                canonical.misses.append(f"{aid}: {e['text']!r} named {m.canonical_name!r}, gold {e['canonical_name']!r}")

        if with_dates:
            _score_dates(dates, rec, [d.date for d in extraction.dates], aid)

    for rec in records:
        doc = nlp(rec["text"])
        _count(
            baseline,
            Counter((e["start"], e["end"], e["label"], e["text"]) for e in rec.get("entities", [])),
            Counter((e.start_char, e.end_char, e.label_, e.text) for e in doc.ents if e.label_ in ENTITY_LABELS),
            rec["id"],
        )
    scores = [value, value_currency, span_label, canonical]
    if with_dates:
        scores.append(dates)
    return scores + [baseline]


def _published(rec: dict[str, Any]) -> date | None:
    return date.fromisoformat(rec["published_at"][:10]) if rec.get("published_at") else None


def _score_dates(score: Score, rec: dict[str, Any], predicted: list[Any], aid: str) -> None:
    for g in rec.get("dates", []):
        found = [p for p in predicted if p.start < g["end"] and g["start"] < p.end]
        want = (g["resolved"], g["grain"])
        got = [((p.resolved.isoformat() if p.resolved else None), p.grain) for p in found]
        if want in got:
            score.tp += 1
        else:
            score.fn += 1
            score.misses.append(f"{aid}: date {g['text']!r} gold {want}, got {got or 'nothing'}")


def format_scores(scores: list[Score], misses: int = 20) -> str:
    lines = [f"{'metric':<30} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for s in scores:
        lines.append(f"{s.name:<30} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
    for s in scores:
        if s.misses and misses and not s.name.startswith("raw spaCy"):
            lines.append(f"\n{s.name}: {len(s.misses)} misses" + (f" (first {misses})" if len(s.misses) > misses else ""))
            lines.extend(f"  {m}" for m in s.misses[:misses])
    return "\n".join(lines)
