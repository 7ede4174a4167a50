"""The gold scorer counts what it should: hits, misses and spurious predictions."""

from __future__ import annotations

import json

import pytest

from newsgraph import cli
from newsgraph.evaluate import GOLD_FILE, Score, evaluate, format_scores, load_gold

TEXT = "Egypt received $3 billion from the International Monetary Fund (IMF) on Monday. The IMF said more was possible."


def _gold(tmp_path, amounts, entities):
    rec = {"id": "x1", "published_at": "2025-09-01", "text": TEXT, "entities": entities, "amounts": amounts, "dates": []}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    return path


def _ent(text, label, canonical, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text, "label": label, "canonical_name": canonical}


def test_perfect_and_imperfect_scores(tmp_path, nlp, reference):
    imf = "International Monetary Fund"
    entities = [
        _ent("Egypt", "GPE", "Egypt"),
        _ent(imf, "ORG", imf),
        _ent("IMF", "ORG", imf, 0),
        _ent("IMF", "ORG", imf, 1),
    ]
    amounts = [{"start": 15, "end": 25, "text": "$3 billion", "value": 3e9, "value_max": None, "currency": "EUR"}]
    scores = {s.name: s for s in evaluate(load_gold(_gold(tmp_path, amounts, entities)), nlp, reference, with_dates=False)}
    assert scores["amount value"].f1 == 1.0
    vc = scores["amount value+currency"]
    assert (vc.tp, vc.fp, vc.fn) == (0, 1, 1)
    assert scores["entity span+label"].f1 == 1.0
    assert scores["canonical id accuracy (=R)"].recall == 1.0
    assert scores["raw spaCy entity span+label"].recall < 1.0
    report = format_scores(list(scores.values()))
    assert "amount value+currency" in report and "missed (3000000000.0, 'EUR')" in report


def test_gold_offsets_are_checked(tmp_path):
    bad = [{"start": 0, "end": 4, "text": "Egypt", "label": "GPE", "canonical_name": "Egypt"}]
    with pytest.raises(ValueError, match="do not hold 'Egypt'"):
        load_gold(_gold(tmp_path, [], bad))


def test_score_arithmetic():
    s = Score("x", tp=8, fp=2, fn=8)
    assert s.precision == 0.8 and s.recall == 0.5 and s.f1 == pytest.approx(2 * 0.4 / 1.3)


def test_gold_directory_reads_its_articles_file(tmp_path):
    path = _gold(tmp_path, [], [])
    path.rename(tmp_path / GOLD_FILE)
    records = load_gold(tmp_path)
    assert [r["id"] for r in records] == ["x1"] and records[0]["text"] == TEXT


def test_eval_command_explains_bad_gold_paths(tmp_path, capsys):
    assert cli.main(["eval", str(tmp_path)]) == 1
    assert f"no gold file at {tmp_path / 'articles.jsonl'}" in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "text": "x"}\n{not json\n', encoding="utf-8")
    assert cli.main(["eval", str(broken)]) == 1
    assert f"{broken}:2: not a JSON object" in capsys.readouterr().err
