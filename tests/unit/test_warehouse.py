"""Staging, atomic publishing and the entities dimension, on small hand-made tables."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.schema import AMOUNTS, ARTICLES, DATES, ENTITY_MENTIONS, QUARANTINE
from newsgraph.storage import warehouse as wh

DAY = date(2025, 9, 1)


def _tables(text: str = "Acme Corp opened a plant in Leeds.", run_id: str = "r1") -> dict[str, pa.Table]:
    article = {
        "article_id": "a1",
        "source": "test",
        "source_id": None,
        "url": None,
        "title": None,
        "published_at": datetime(2025, 9, 1, tzinfo=timezone.utc),
        "language": "en",
        "text": text,
        "text_chars": len(text),
        "content_sha256": "0" * 64,
        "input_path": "2025-09-01/a.txt",
        "run_id": run_id,
    }
    mentions = [
        {"mention_id": "m1", "article_id": "a1", "entity_id": "E1", "label": "ORG", "text": "Acme Corp",
         "canonical_name": "Acme Corp", "role": None, "start_char": 0, "end_char": 9, "sentence_idx": 0},
        {"mention_id": "m2", "article_id": "a1", "entity_id": "E2", "label": "GPE", "text": "Leeds",
         "canonical_name": "Leeds", "role": None, "start_char": 28, "end_char": 33, "sentence_idx": 0},
    ]
    return {
        "articles": pa.Table.from_pylist([article], schema=ARTICLES),
        "entity_mentions": pa.Table.from_pylist(mentions, schema=ENTITY_MENTIONS),
        "amounts": pa.Table.from_pylist([], schema=AMOUNTS),
        "dates": pa.Table.from_pylist([], schema=DATES),
        "quarantine": pa.Table.from_pylist([], schema=QUARANTINE),
    }


def _no_country(label: str, name: str) -> str | None:
    return "GB" if name == "Leeds" else None


def test_stage_rejects_a_table_with_the_wrong_schema(tmp_path):
    tables = _tables()
    tables["amounts"] = pa.table({"value": [1.0]})
    with pytest.raises(ValueError, match="amounts does not match its schema"):
        wh.stage_tables(tmp_path / "stage", tables)


def test_publish_moves_staged_files_and_leaves_no_debris(tmp_path):
    root = tmp_path / "wh"
    staging = wh.staging_dir(root, DAY, "run-1")
    assert wh.stage_tables(staging, _tables()) == {"articles": 1, "entity_mentions": 2, "amounts": 0, "dates": 0, "quarantine": 0}
    counts = wh.publish_partition(root, DAY, staging)
    assert counts["entity_mentions"] == 2
    assert not staging.exists()
    for table in ("articles", "entity_mentions", "amounts", "dates", "quarantine"):
        files = sorted(p.name for p in (root / table / "dt=2025-09-01").iterdir())
        assert files == [wh.PART_FILE]
    assert pq.read_table(root / "entity_mentions" / "dt=2025-09-01" / wh.PART_FILE).column("text").to_pylist() == [
        "Acme Corp",
        "Leeds",
    ]


def test_republish_replaces_the_day(tmp_path):
    root = tmp_path / "wh"
    for run, text in [("run-1", "Acme Corp opened a plant in Leeds."), ("run-2", "Acme Corp closed a plant in Leeds.")]:
        staging = wh.staging_dir(root, DAY, run)
        wh.stage_tables(staging, _tables(text, run))
        wh.publish_partition(root, DAY, staging)
    articles = pq.read_table(root / "articles" / "dt=2025-09-01" / wh.PART_FILE)
    assert articles.column("text").to_pylist() == ["Acme Corp closed a plant in Leeds."]


def test_publish_is_resumable_after_a_partial_move(tmp_path):
    """A publish killed after moving some files completes on retry."""
    root = tmp_path / "wh"
    staging = wh.staging_dir(root, DAY, "run-1")
    wh.stage_tables(staging, _tables())
    target = wh.partition_dir(root, "articles", DAY) / wh.PART_FILE
    target.parent.mkdir(parents=True)
    (staging / "articles.parquet").rename(target)
    counts = wh.publish_partition(root, DAY, staging)
    assert counts == {"articles": 1, "entity_mentions": 2, "amounts": 0, "dates": 0, "quarantine": 0}


def test_read_staged_names_the_missing_tables(tmp_path):
    with pytest.raises(FileNotFoundError, match="lacks articles"):
        wh.read_staged(tmp_path)


def test_entities_dimension_rebuilt_from_all_days(tmp_path):
    root = tmp_path / "wh"
    for run, day in [("r1", date(2025, 9, 1)), ("r2", date(2025, 9, 2))]:
        staging = wh.staging_dir(root, day, run)
        wh.stage_tables(staging, _tables(run_id=run))
        wh.publish_partition(root, day, staging)
    assert wh.rebuild_entities(root, _no_country) == 2
    ents = pq.read_table(root / "entities" / wh.PART_FILE).to_pylist()
    leeds = next(e for e in ents if e["entity_id"] == "E2")
    assert leeds["mention_count"] == 2 and leeds["article_count"] == 1
    assert leeds["first_seen"] == date(2025, 9, 1) and leeds["last_seen"] == date(2025, 9, 2)
    assert leeds["aliases"] == ["Leeds"] and leeds["country_code"] == "GB"
    info = {(i.table, i.partition): i.rows for i in wh.describe(root)}
    assert info[("articles", "dt=2025-09-02")] == 1 and info[("entities", "(whole table)")] == 2
