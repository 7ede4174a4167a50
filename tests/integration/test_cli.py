"""``newsgraph extract`` agrees with the published tables, and rejects bad lines clearly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

NEWSGRAPH = Path(sys.executable).with_name("newsgraph")


def test_extract_seed_article(tmp_path, seed_text, nlp, reference):
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": "seed", "text": seed_text, "published_at": "2025-09-01"}) + "\n", encoding="utf-8")
    result = subprocess.run([str(NEWSGRAPH), "extract", "--input", str(src), "--output", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1 and records[0]["id"] == "seed"
    rec = records[0]
    assert sorted(a["value"] for a in rec["amounts"]) == [1.3e9, 2.1e9, 3.4e9, 7e9, 14e9]
    assert {a["currency"] for a in rec["amounts"]} == {"USD"}
    for e in rec["entities"] + rec["amounts"]:
        assert seed_text[e["start"] : e["end"]] == e["text"]
    people = {e["canonical_name"] for e in rec["entities"] if e["label"] == "PERSON"}
    assert people == {"Shehbaz Sharif", "Muhammad Aurangzeb", "Lian Maojun", "Pan Gongsheng", "Liao Lin"}

    # the same extractor as the DAG: identical records to the in-process call
    from newsgraph.nlp.extract import extract_texts

    (direct,) = extract_texts(nlp, reference, [("seed", seed_text)])
    assert [(e["start"], e["end"], e["entity_id"]) for e in rec["entities"]] == [
        (m.start, m.end, m.entity_id) for m in direct.entities
    ]


def test_extract_reports_bad_lines_and_keeps_good_ones(tmp_path):
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "The World Bank lent Kenya $500 million on Friday."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b"}) + "\n",
        encoding="utf-8",
    )
    result = subprocess.run([str(NEWSGRAPH), "extract", "--input", str(src), "--output", str(out)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "line 2: not valid JSON" in result.stderr
    assert 'line 3: needs an object with a string "text"' in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a"]
    assert records[0]["amounts"][0]["value"] == 5e8


def test_extract_missing_input_file(tmp_path):
    result = subprocess.run(
        [str(NEWSGRAPH), "extract", "--input", str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o.jsonl")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "nope.jsonl" in result.stderr
