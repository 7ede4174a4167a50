"""The hand-annotated gold set: well-formed, up to date with its sources, and scored by ``newsgraph eval``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsgraph.evaluate import evaluate, load_gold

GOLD = Path(__file__).resolve().parents[1] / "gold"


def _build_module():
    spec = importlib.util.spec_from_file_location("gold_build", GOLD / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_articles_jsonl_is_built_from_the_passage_files():
    build = _build_module()
    assert (GOLD / "articles.jsonl").read_text(encoding="utf-8") == build.render(build.build()), (
        "tests/gold/articles.jsonl is out of date: run python tests/gold/build.py"
    )


def test_gold_set_size_and_coverage():
    records = load_gold(GOLD / "articles.jsonl")  # checks every offset
    assert len(records) >= 40
    assert sum(len(r["amounts"]) for r in records) >= 150
    assert sum(len(r["dates"]) for r in records) >= 150
    currencies = {a["currency"] for r in records for a in r["amounts"]}
    assert {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "PKR", "CAD", "AUD", "HKD"} <= currencies
    labels = {e["label"] for r in records for e in r["entities"]}
    assert {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"} <= labels


def test_build_rejects_broken_annotations(tmp_path):
    build = _build_module()
    bad = tmp_path / "passages_x.md"
    bad.write_text("## x1 | 2025-01-01 | t\nPaid {{$5m|5e6|XYZ}} today.\n", encoding="utf-8")
    with pytest.raises(build.GoldError, match="ISO 4217"):
        build.build([bad])
    bad.write_text("## x1 | 2025-01-01 | t\nOn <<Monday|2025-01-06|week>>.\n", encoding="utf-8")
    with pytest.raises(build.GoldError, match="grain"):
        build.build([bad])


def test_the_extractor_beats_raw_spacy_on_the_gold_set(nlp, reference):
    scores = {s.name: s for s in evaluate(load_gold(GOLD / "articles.jsonl"), nlp, reference)}
    # the targets the extractor is held to (the scores are deterministic for a given model)
    assert scores["amount value+currency"].f1 >= 0.97
    assert scores["entity span+label"].f1 >= 0.90
    assert scores["entity span+label"].f1 > scores["raw spaCy entity span+label"].f1 + 0.1
    assert scores["canonical id accuracy (=R)"].recall >= 0.95
    assert scores["dates resolved"].f1 >= 0.90
