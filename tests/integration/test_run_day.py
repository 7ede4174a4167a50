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


def test_an_article_that_landed_on_an_earlier_day_is_quarantined_in_any_order(tmp_path):
    from datetime import timedelta

    first, second = DAY, DAY + timedelta(days=2)
    kenya = "The Central Bank of Kenya said on Tuesday it had bought $250 million to rebuild reserves."
    ghana = "Ghana's finance ministry said it would issue 2 billion cedis of bonds in March."
    results = {}
    for order in ("forward", "backward"):
        settings = Settings.from_env().with_overrides(
            landing_root=tmp_path / order / "landing", warehouse_root=tmp_path / order / "warehouse"
        )
        for day, texts in ((first, [kenya]), (second, [kenya, ghana])):
            folder = settings.landing_root / day.isoformat()
            folder.mkdir(parents=True)
            for i, text in enumerate(texts):
                (folder / f"story{i}.txt").write_text(text, encoding="utf-8")
        days = [first, second] if order == "forward" else [second, first]
        for day in days:
            pipeline.run_day(settings, day, run_id=f"{order}-{day}")
        results[order] = {
            day: (
                sorted(r["text"] for r in duckdb.sql(
                    f"SELECT text FROM read_parquet('{warehouse.partition_dir(settings.warehouse_root, 'articles', day) / warehouse.PART_FILE}')"
                ).df().to_dict("records")),
                sorted((r["reason"], r["detail"]) for r in duckdb.sql(
                    f"SELECT reason, detail FROM read_parquet('{warehouse.partition_dir(settings.warehouse_root, 'quarantine', day) / warehouse.PART_FILE}')"
                ).df().to_dict("records")),
            )
            for day in (first, second)
        }
    assert results["forward"] == results["backward"]
    assert results["forward"][first] == ([kenya], [])
    texts, quarantined = results["forward"][second]
    assert texts == [ghana]
    assert quarantined == [(
        "duplicate_earlier_day",
        f"{second.isoformat()}/story0.txt: same text as {first.isoformat()}/story0.txt, which landed on {first.isoformat()}",
    )]


def test_the_earlier_day_index_follows_changes_to_the_landing_day(tmp_path):
    from datetime import timedelta

    settings = Settings.from_env().with_overrides(landing_root=tmp_path / "landing", warehouse_root=tmp_path / "wh")
    earlier = DAY - timedelta(days=1)
    folder = settings.landing_root / earlier.isoformat()
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Acme Corp opened a plant in Leeds.", encoding="utf-8")
    assert list(pipeline.landed_hashes(settings, earlier).values()) == [f"{earlier.isoformat()}/a.txt"]
    (folder / "b.txt").write_text("Globex hired 300 people in Lagos.", encoding="utf-8")
    assert sorted(pipeline.landed_hashes(settings, earlier).values()) == [
        f"{earlier.isoformat()}/a.txt", f"{earlier.isoformat()}/b.txt"
    ]
    assert len(list((settings.warehouse_root / "_hashes" / f"dt={earlier.isoformat()}").glob("*.parquet"))) == 1


def test_fetch_does_nothing_without_a_sources_file(settings, monkeypatch, caplog):
    import logging

    monkeypatch.delenv("NEWSGRAPH_SOURCES", raising=False)
    with caplog.at_level(logging.INFO):
        assert pipeline.fetch(settings, DAY) == {"day": DAY.isoformat(), "skipped": True}
    assert "NEWSGRAPH_SOURCES is not set" in caplog.text
    assert not (settings.landing_root / DAY.isoformat()).exists()


def test_a_file_name_that_is_not_utf8_is_quarantined_without_breaking_the_day(settings):
    import os

    folder = settings.landing_root / DAY.isoformat()
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text("Acme Corp opened a plant in Leeds on Monday.", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as fh:
        fh.write(b"Globex hired 300 people in Lagos.")
    summary = pipeline.run_day(settings, DAY, run_id="manual__names")
    assert summary["tables"]["articles"]["rows"] == 1
    assert summary["quarantined"] == {"bad_file_name": 1}
    assert [r["input_path"] for r in _rows(settings, "quarantine")] == [f"{DAY.isoformat()}/caf\\xe9.txt"]
