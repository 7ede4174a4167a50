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


def test_publish_is_resumable_after_a_partial_publish(tmp_path):
    """A publish killed after replacing some tables completes on retry, with the staged rows."""
    root = tmp_path / "wh"
    staging = wh.staging_dir(root, DAY, "run-1")
    wh.stage_tables(staging, _tables(text="New text about Leeds."))
    old = wh.staging_dir(root, DAY, "run-0")
    wh.stage_tables(old, _tables(text="Old text."))
    wh.publish_partition(root, DAY, old)
    # the killed attempt got as far as the articles table
    wh.write_parquet_atomic(wh.read_staged(staging)["articles"], wh.partition_dir(root, "articles", DAY) / wh.PART_FILE)
    counts = wh.publish_partition(root, DAY, staging)
    assert counts == {"articles": 1, "entity_mentions": 2, "amounts": 0, "dates": 0, "quarantine": 0}
    assert pq.read_table(wh.partition_dir(root, "articles", DAY) / wh.PART_FILE).column("text").to_pylist() == [
        "New text about Leeds."
    ]
    assert not staging.exists()
    # a retry after the staging folder was removed reports what is published
    assert wh.publish_partition(root, DAY, staging) == counts


def test_publish_refuses_a_vanished_staging_folder_for_an_unpublished_day(tmp_path):
    with pytest.raises(FileNotFoundError, match="never fully published"):
        wh.publish_partition(tmp_path / "wh", DAY, tmp_path / "wh" / "_staging" / "gone")


def test_read_staged_without_a_manifest_names_the_load_step(tmp_path):
    with pytest.raises(FileNotFoundError, match="load task did not finish"):
        wh.read_staged(tmp_path)


def test_shards_are_concatenated_in_order_and_a_missing_shard_is_named(tmp_path):
    staging = tmp_path / "stage"
    tables = _tables()
    wh.write_manifest(staging, 3)
    for i in range(3):
        for name in ("articles", "entity_mentions", "amounts", "dates"):
            table = tables[name]
            if name == "entity_mentions":
                table = table.slice(i, 1) if i < 2 else table.slice(0, 0)
            if i == 1 and name == "dates":
                continue  # shard 1 never finished
            wh.stage_part(staging, name, i, table)
    wh.stage_part(staging, "quarantine", 0, tables["quarantine"])
    with pytest.raises(FileNotFoundError, match=r"lacks dates \(part-00001.parquet\)"):
        wh.read_staged(staging)
    wh.stage_part(staging, "dates", 1, tables["dates"])
    staged = wh.read_staged(staging)
    assert staged["entity_mentions"].column("mention_id").to_pylist() == ["m1", "m2"]
    assert staged["articles"].num_rows == 3 and staged["quarantine"].num_rows == 0


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


class _Killed(BaseException):
    """Stands for SIGKILL: nothing after the point where it is raised runs."""


def _temp_beside(path, age_seconds: float = 0.0):
    """A temporary file as a writer of ``path`` killed half-way through leaves it: a truncated Parquet file."""
    import os
    import uuid

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex}.tmp"
    pq.write_table(_tables()["entity_mentions"], tmp)
    tmp.write_bytes(tmp.read_bytes()[:40])
    if age_seconds:
        old = tmp.stat().st_mtime - age_seconds
        os.utime(tmp, (old, old))
    return tmp


def test_a_publish_killed_while_deleting_its_staging_folder_completes_on_retry(tmp_path, monkeypatch):
    """The staging folder is renamed away before it is deleted: a retry never finds it half-deleted."""
    root = tmp_path / "wh"
    staging = wh.staging_dir(root, DAY, "run-1")
    wh.stage_tables(staging, _tables(text="New text about Leeds."))
    real_rmtree = wh.shutil.rmtree

    def killed_rmtree(path, *args, **kwargs):
        (wh.Path(path) / wh.MANIFEST).unlink()  # the first file it deleted
        raise _Killed

    monkeypatch.setattr(wh.shutil, "rmtree", killed_rmtree)
    with pytest.raises(_Killed):
        wh.publish_partition(root, DAY, staging)
    monkeypatch.setattr(wh.shutil, "rmtree", real_rmtree)
    leftovers = list(staging.parent.glob(".*" + wh.PUBLISHED_SUFFIX))
    # the retry finds the day published, and deletes what the killed attempt left
    assert wh.publish_partition(root, DAY, staging) == {
        "articles": 1, "entity_mentions": 2, "amounts": 0, "dates": 0, "quarantine": 0
    }
    assert len(leftovers) == 1 and not leftovers[0].exists() and not staging.exists()
    assert pq.read_table(wh.partition_dir(root, "articles", DAY) / wh.PART_FILE).column("text").to_pylist() == [
        "New text about Leeds."
    ]


def test_temp_files_of_killed_writers_are_not_read_and_the_next_publish_removes_them(tmp_path):
    import duckdb
    import pyarrow.dataset as ds

    root = tmp_path / "wh"
    staging = wh.staging_dir(root, DAY, "run-1")
    wh.stage_tables(staging, _tables())
    wh.publish_partition(root, DAY, staging)
    wh.rebuild_entities(root, _no_country)
    target = wh.partition_dir(root, "entity_mentions", DAY) / wh.PART_FILE
    debris = [_temp_beside(target), _temp_beside(root / "entities" / wh.PART_FILE)]
    # readers: the analysts' glob in DuckDB, a pyarrow dataset; the truncated files would fail them
    con = duckdb.connect()
    files = con.sql(f"SELECT file FROM glob('{root}/entity_mentions/dt=*/*.parquet')").fetchall()
    assert [wh.Path(f).name for (f,) in files] == [wh.PART_FILE]
    glob = f"{root}/entity_mentions/dt=*/*.parquet"
    assert con.sql(f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true)").fetchall() == [(2,)]
    assert con.sql(f"SELECT count(*) FROM read_parquet('{root}/entities/*.parquet')").fetchall() == [(2,)]
    con.close()
    dataset = ds.dataset(root / "entity_mentions", format="parquet", partitioning="hive")
    assert [wh.Path(f).name for f in dataset.files] == [wh.PART_FILE] and dataset.to_table().num_rows == 2
    # publishing the day again and rebuilding the dimension remove them, however young
    staging = wh.staging_dir(root, DAY, "run-2")
    wh.stage_tables(staging, _tables(run_id="run-2"))
    wh.publish_partition(root, DAY, staging)
    assert not debris[0].exists() and debris[1].exists()
    wh.rebuild_entities(root, _no_country)
    assert not debris[1].exists()
    assert sorted(p.name for p in target.parent.iterdir()) == [wh.PART_FILE]


def test_a_writer_removes_only_stale_temp_files_of_its_own_file(tmp_path):
    path = tmp_path / "t" / wh.PART_FILE
    stale = _temp_beside(path, age_seconds=wh.STALE_TEMP_SECONDS + 60)
    fresh = _temp_beside(path)  # may belong to a writer still at work
    other = _temp_beside(tmp_path / "t" / "part-00001.parquet", age_seconds=wh.STALE_TEMP_SECONDS + 60)
    wh.write_parquet_atomic(_tables()["articles"], path)
    assert not stale.exists() and fresh.exists() and other.exists()
    assert pq.read_table(path).num_rows == 1
