"""A day split into shards publishes exactly what the same day in one piece publishes,
and extraction in several processes gives exactly what one process gives."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from newsgraph import pipeline
from newsgraph.settings import Settings
from newsgraph.storage import warehouse

pytestmark = pytest.mark.integration

GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles.jsonl"
DAY = date(2025, 9, 3)
TABLES = ("articles", "entity_mentions", "amounts", "dates", "quarantine")


def _gold(limit: int | None = None) -> list[dict]:
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records[:limit]


def _landing(root: Path, records: list[dict]) -> Path:
    folder = root / DAY.isoformat()
    folder.mkdir(parents=True)
    lines = [json.dumps({"id": r["id"], "text": r["text"], "published_at": r.get("published_at")}) for r in records]
    lines.insert(3, "{not json")  # one bad line among good ones
    lines.append(lines[0])  # a duplicate
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _published(root: Path, table: str) -> list[tuple]:
    path = warehouse.partition_dir(root, table, DAY) / warehouse.PART_FILE
    rel = duckdb.sql(f"SELECT * EXCLUDE (run_id) FROM read_parquet('{path}')" if table in ("articles", "quarantine")
                     else f"SELECT * FROM read_parquet('{path}')")
    return sorted(rel.fetchall(), key=repr)


def test_a_sharded_day_publishes_the_same_rows_as_one_shard(tmp_path):
    landing = _landing(tmp_path / "landing", _gold(12))
    one = Settings.from_env().with_overrides(landing_root=landing, warehouse_root=tmp_path / "one", shard_size=1000)
    many = one.with_overrides(warehouse_root=tmp_path / "many", shard_size=5)

    loaded = pipeline.load(many, DAY, "sharded")
    assert [s["articles"] for s in loaded["shards"]] == [5, 5, 2]
    assert loaded["articles"] == 12 and loaded["quarantined"] == 2
    for shard in loaded["shards"]:
        out = pipeline.extract_shard(many, DAY, loaded["staging"], shard["shard"])
        assert out["articles"] == shard["articles"]
    pipeline.validate(many, DAY, loaded["staging"])
    pipeline.publish(many, DAY, loaded["staging"])
    pipeline.run_day(one, DAY, run_id="whole")

    for table in TABLES:
        rows = _published(tmp_path / "many", table)
        assert rows == _published(tmp_path / "one", table), table
    assert len(_published(tmp_path / "many", "articles")) == 12
    assert len(_published(tmp_path / "many", "entity_mentions")) > 100


def test_extract_shard_refuses_a_shard_that_was_never_loaded(tmp_path):
    settings = Settings.from_env().with_overrides(warehouse_root=tmp_path / "wh")
    with pytest.raises(FileNotFoundError, match="rerun the day's load task"):
        pipeline.extract_shard(settings, DAY, tmp_path / "wh" / "_staging" / "nothing", 0)


def test_several_processes_extract_exactly_what_one_does(nlp, reference):
    from newsgraph.nlp.extract import CHUNK_ARTICLES, extract_many

    records = _gold()
    assert len(records) > CHUNK_ARTICLES  # so the work is split across processes
    items = [(r["id"], r["text"], date.fromisoformat(r["published_at"][:10])) for r in records]
    serial = list(extract_many(nlp, reference, items, processes=1))
    forked = list(extract_many(nlp, reference, items, processes=2))
    assert [e.key for e in forked] == [r["id"] for r in records]
    assert forked == serial
    assert sum(len(e.entities) for e in forked) > 400 and sum(len(e.amounts) for e in forked) > 150


def _die_on_marked_chunk(chunk):
    import os

    from newsgraph.nlp import extract

    if any(item[0] == "die" for item in chunk):
        os._exit(3)  # as if killed or out of memory
    return extract._extract_chunk_original(chunk)


def test_a_dead_extraction_process_fails_the_task_instead_of_hanging(nlp, reference, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    from newsgraph.nlp import extract

    items = [(f"k{i}", "The IMF lent Pakistan $3 billion.") for i in range(70)] + [("die", "Acme Corp.")]
    monkeypatch.setattr(extract, "_extract_chunk_original", extract._extract_chunk, raising=False)
    monkeypatch.setattr(extract, "_extract_chunk", _die_on_marked_chunk)
    with pytest.raises(BrokenProcessPool):
        list(extract.extract_many(nlp, reference, items, processes=2))
