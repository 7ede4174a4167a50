"""Whole days through the pipeline's steps without Airflow: mixed input, an empty day."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from newsgraph import pipeline
from newsgraph.settings import Settings
from newsgraph.storage import warehouse

pytestmark = pytest.mark.integration

DAY = date(2025, 9, 2)


@pytest.fixture()
def settings(tmp_path) -> Settings:
    return Settings.from_env().with_overrides(landing_root=tmp_path / "landing", warehouse_root=tmp_path / "warehouse")


def _rows(settings: Settings, table: str) -> list[dict]:
    path = warehouse.partition_dir(settings.warehouse_root, table, DAY) / warehouse.PART_FILE
    return duckdb.sql(f"SELECT * FROM read_parquet('{path}')").df().to_dict("records")


def test_good_articles_publish_and_bad_inputs_are_quarantined(settings):
    folder = settings.landing_root / DAY.isoformat()
    folder.mkdir(parents=True)
    kenya = "The Central Bank of Kenya said on Tuesday it had bought $250 million to rebuild reserves."
    lagos = "Lagos State will spend N1.2 trillion on roads, Governor Babajide Sanwo-Olu said on Monday."
    (folder / "wire.jsonl").write_text(
        json.dumps({"id": "k1", "text": kenya, "published_at": "2025-09-02T08:00:00Z", "source": "wire"}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "k1-again", "text": kenya, "source": "wire"}) + "\n",
        encoding="utf-8",
    )
    (folder / "lagos.txt").write_text(lagos, encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")

    summary = pipeline.run_day(settings, DAY, run_id="manual__mixed")

    assert summary["tables"]["articles"]["rows"] == 2
    assert summary["quarantined"] == {"bad_json": 1, "duplicate": 1, "empty_text": 1}
    assert "quarantined: bad_json 1, duplicate 1, empty_text 1" in pipeline.format_summary(
        warehouse.describe(settings.warehouse_root, DAY), summary["quarantined"]
    )
    reasons = sorted(r["reason"] for r in _rows(settings, "quarantine"))
    assert reasons == ["bad_json", "duplicate", "empty_text"]
    details = {r["reason"]: r["detail"] for r in _rows(settings, "quarantine")}
    assert "wire.jsonl" in details["bad_json"] and "line 2" in details["bad_json"]
    amounts = _rows(settings, "amounts")
    assert [(a["value"], a["currency"]) for a in amounts if a["text"] == "$250 million"] == [(2.5e8, "USD")]
    names = {m["canonical_name"] for m in _rows(settings, "entity_mentions")}
    assert "Central Bank of Kenya" in names


def test_empty_day_publishes_empty_partitions(settings):
    summary = pipeline.run_day(settings, DAY, run_id="manual__empty")
    assert summary["quarantined"] == {}
    assert {t: v["rows"] for t, v in summary["tables"].items() if t != "entities"} == {
        "articles": 0,
        "entity_mentions": 0,
        "amounts": 0,
        "dates": 0,
        "quarantine": 0,
    }
    for table in ("articles", "entity_mentions", "amounts", "dates", "quarantine"):
        assert (warehouse.partition_dir(settings.warehouse_root, table, DAY) / warehouse.PART_FILE).exists()
