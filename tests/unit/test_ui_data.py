"""The pipeline page's data (newsgraph.ui) over a small warehouse built by the pipeline.

Three days: the seed day (2025-09-01), a day of two short articles and two inputs that
go to quarantine (2025-09-02), and a day whose validation failed, so nothing of it was
published (2025-09-03, validated with the project's suites on broken articles).
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsgraph import pipeline, ui
from newsgraph.settings import Settings
from newsgraph.storage import warehouse

SEED = date(2025, 9, 1)
SMALL = date(2025, 9, 2)
BROKEN = date(2025, 9, 3)
SEED_COUNTS = {"articles": 1, "entity_mentions": 102, "amounts": 5, "dates": 10, "quarantine": 0}
#: A file name that is also HTML: the page must show it as text.
HOSTILE_NAME = "<img src=x onerror=alert(1)>.bin"

ARTICLES = [
    {
        "id": "wb-kenya",
        "title": "World Bank backs Kenya",
        "published_at": "2025-09-02T09:00:00Z",
        "text": "The World Bank approved a $500 million loan to Kenya on Tuesday, "
        "Finance Minister John Mbadi said in Nairobi.",
    },
    {
        "id": "ghana-gold",
        "title": "Ghana buys gold",
        "published_at": "2025-09-02T11:00:00Z",
        "text": "The Bank of Ghana said on Monday it had bought $200 million of gold in August "
        "to rebuild its reserves.",
    },
]


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("ui-data")
    landing = base / "landing"
    shutil.copytree(Settings().landing_root / SEED.isoformat(), landing / SEED.isoformat())
    small = landing / SMALL.isoformat()
    small.mkdir(parents=True)
    (small / "wire.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    (small / "empty.txt").write_text("  \n", encoding="utf-8")
    (small / HOSTILE_NAME).write_bytes(b"\x00\x01\x02")
    settings = Settings.from_env().with_overrides(landing_root=landing, warehouse_root=base / "warehouse")
    pipeline.run_day(settings, SEED, run_id="manual__seed")
    pipeline.run_day(settings, SMALL, run_id="manual__small")

    # A day that failed validation: the seed day's articles with their ids removed.
    from newsgraph.quality.validate import validate_tables

    articles = pq.read_table(warehouse.partition_dir(settings.warehouse_root, "articles", SEED) / warehouse.PART_FILE)
    frame = articles.to_pandas()
    frame["article_id"] = None
    results = validate_tables({"articles": frame}, results_dir=warehouse.validation_dir(settings.warehouse_root, BROKEN))
    assert [r.success for r in results] == [False]
    return settings.warehouse_root


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_days_lists_published_and_validated_days_newest_first(root):
    days = ui.list_days(root)

    assert [d["day"] for d in days] == ["2025-09-03", "2025-09-02", "2025-09-01"]
    by_day = {d["day"]: d for d in days}
    assert by_day["2025-09-01"] == {"day": "2025-09-01", "published": True, "counts": SEED_COUNTS, "validation": "passed"}
    assert by_day["2025-09-02"]["counts"]["articles"] == 2
    assert by_day["2025-09-02"]["counts"]["quarantine"] == 2
    assert by_day["2025-09-02"]["validation"] == "passed"
    assert by_day["2025-09-03"]["published"] is False
    assert by_day["2025-09-03"]["counts"] == {t: None for t in SEED_COUNTS}
    assert by_day["2025-09-03"]["validation"] == "failed"


def test_seed_day_partitions_validation_and_top_entities(root):
    detail = ui.day_detail(root, SEED)

    assert detail["counts"] == SEED_COUNTS
    assert {p["table"]: p["rows"] for p in detail["partitions"]} == SEED_COUNTS
    assert {p["table"]: p["path"] for p in detail["partitions"]}["amounts"] == "amounts/dt=2025-09-01/part-00000.parquet"
    entities_rows = pq.ParquetFile(root / "entities" / warehouse.PART_FILE).metadata.num_rows
    assert detail["whole_tables"] == [
        {"table": "entities", "partition": "(whole table)", "rows": entities_rows, "path": "entities/part-00000.parquet"}
    ]

    check = detail["validation"]
    assert check["status"] == "passed"
    assert [t["table"] for t in check["tables"]] == sorted(SEED_COUNTS)
    for t in check["tables"]:
        stored = _json(warehouse.validation_dir(root, SEED) / t["file"])
        assert t["success"] is True and t["failed"] == [] and t["unsuccessful"] == 0
        assert t["evaluated"] == stored["statistics"]["evaluated_expectations"] == len(stored["results"]) > 0

    assert detail["quarantine"] == {"count": 0, "by_reason": {}, "inputs": []}

    top = detail["top_entities"]
    assert list(top)[:3] == ["PERSON", "ORG", "GPE"]
    assert all(1 <= len(rows) <= ui.TOP_ENTITIES for rows in top.values())
    assert [(e["canonical_name"], e["mentions"]) for e in top["PERSON"]] == [
        ("Muhammad Aurangzeb", 5),
        ("Shehbaz Sharif", 5),
        ("Lian Maojun", 2),
        ("Liao Lin", 1),
        ("Pan Gongsheng", 1),
    ]
    # the seed writes "the China-Pakistan Economic Corridor" once where the model tags only "China":
    # that is a sixth mention of the corridor, not a twelfth of the country
    assert [(e["canonical_name"], e["mentions"]) for e in top["GPE"][:2]] == [("Pakistan", 25), ("China", 11)]
    assert (top["ORG"][0]["canonical_name"], top["ORG"][0]["mentions"]) == ("China-Pakistan Economic Corridor", 6)
    assert [e["rank"] for e in top["ORG"]] == [1, 2, 3, 4, 5]
    # the mentions shown add up to what the partition holds for those entities
    mentions = pq.read_table(warehouse.partition_dir(root, "entity_mentions", SEED) / warehouse.PART_FILE).to_pylist()
    for label, rows in top.items():
        for e in rows:
            assert e["mentions"] == sum(1 for m in mentions if m["entity_id"] == e["entity_id"])


def test_quarantined_inputs_per_reason(root):
    q = ui.day_detail(root, SMALL)["quarantine"]

    assert q["count"] == 2
    assert sum(q["by_reason"].values()) == 2
    assert "empty_text" in q["by_reason"]
    names = [r["input_path"] for r in q["inputs"]]
    assert names == sorted(names)
    assert f"2025-09-02/{HOSTILE_NAME}" in names and "2025-09-02/empty.txt" in names
    stored = pq.read_table(warehouse.partition_dir(root, "quarantine", SMALL) / warehouse.PART_FILE).to_pylist()
    assert sorted(r["reason"] for r in stored) == sorted(r["reason"] for r in q["inputs"])


def test_failed_validation_names_the_expectation(root):
    detail = ui.day_detail(root, BROKEN)

    assert detail["published"] is False and detail["partitions"] == []
    check = detail["validation"]
    assert check["status"] == "failed"
    (articles,) = check["tables"]
    assert articles["table"] == "articles" and articles["success"] is False
    assert articles["unsuccessful"] >= 1
    assert {"expectation": "expect_column_values_to_not_be_null", "column": "article_id", "unexpected_count": 1} in articles["failed"]


def test_unknown_day_has_no_detail(root):
    assert ui.day_detail(root, date(2025, 8, 31)) is None


def test_chart_series_from_the_aggregates(root):
    series = ui.chart_series(root)

    assert [p["day"] for p in series] == ["2025-09-01", "2025-09-02"]  # 09-03 was never published
    seed, small = series
    assert seed == {
        "day": "2025-09-01",
        "mentions": 102,
        "mentions_from": "entity_daily",
        "amounts": 5,
        "value_usd_sum": 27_800_000_000.0,
        "without_usd": 0,
        "amounts_from": "amounts_daily",
    }
    assert small["mentions"] == ui.day_counts(root, SMALL)["entity_mentions"]
    assert [p["day"] for p in ui.chart_series(root, days=1)] == ["2025-09-02"]


def test_chart_series_computed_from_partitions_without_fresh_aggregates(root, tmp_path):
    copy = tmp_path / "warehouse"
    shutil.copytree(root, copy)
    expected = ui.chart_series(root)

    # aggregates older than the partitions: not used
    for name in ("entity_daily", "amounts_daily"):
        os.utime(copy / name / warehouse.PART_FILE, ns=(0, 0))
    stale = ui.chart_series(copy)
    assert {p["mentions_from"] for p in stale} == {"entity_mentions"}
    assert {p["amounts_from"] for p in stale} == {"amounts"}

    # no aggregates at all
    for name in ("entity_daily", "amounts_daily"):
        shutil.rmtree(copy / name)
    missing = ui.chart_series(copy)

    strip = lambda s: [{k: v for k, v in p.items() if not k.endswith("_from")} for p in s]  # noqa: E731
    assert strip(stale) == strip(missing) == strip(expected)


def test_validation_file_stays_inside_the_validation_folder(root):
    folder = (root / "_validation").resolve()
    assert ui.validation_file(root, "dt=2025-09-01/articles.json") == folder / "dt=2025-09-01" / "articles.json"
    assert ui.validation_file(root, "dt=2025-09-01/missing.json") is None
    assert ui.validation_file(root, "dt=2025-09-01") is None  # a folder
    assert ui.validation_file(root, "dt=2025-09-01/../dt=2025-09-02/articles.json") == folder / "dt=2025-09-02" / "articles.json"
    assert ui.validation_file(root, "../articles/dt=2025-09-01/part-00000.parquet") is None
    assert ui.validation_file(root, str(folder / "dt=2025-09-01" / "articles.json")) is None


def test_drift_check_and_other_files_of_the_day(root, tmp_path):
    copy = tmp_path / "warehouse"
    shutil.copytree(root, copy)
    folder = warehouse.validation_dir(copy, SEED)
    # the pipeline's own drift check of a one-article day is skipped
    assert ui.validation(copy, SEED)["drift"] == {"file": "drift.json", "status": "skipped", "failed_metrics": [], "error": None}
    (folder / "drift.json").unlink()
    (folder / "summary.json").write_text(json.dumps({"day": "2025-09-01", "tables": {}}), encoding="utf-8")
    assert ui.validation(copy, SEED)["status"] == "passed"
    assert [t["table"] for t in ui.validation(copy, SEED)["tables"]] == sorted(SEED_COUNTS)
    assert ui.validation(copy, SEED)["drift"] is None

    drift = {"day": "2025-09-01", "status": "failed", "enforced": True,
             "metrics": [{"name": "mentions_per_article", "status": "failed"}, {"name": "amounts_per_article", "status": "passed"}]}
    (folder / "drift.json").write_text(json.dumps(drift), encoding="utf-8")
    check = ui.validation(copy, SEED)
    assert check["status"] == "failed"
    assert check["drift"] == {"file": "drift.json", "status": "failed", "failed_metrics": ["mentions_per_article"], "error": None}
    html = ui.render_page(copy, ui.list_days(copy), ui.day_detail(copy, SEED), ui.chart_series(copy), base="/newsgraph/")
    assert 'id="drift-status">failed</span>' in html and "mentions_per_article" in html

    drift["status"] = "disabled"
    (folder / "drift.json").write_text(json.dumps(drift), encoding="utf-8")
    assert ui.validation(copy, SEED)["status"] == "passed"


def test_data_docs_index_is_linked(root, tmp_path):
    copy = tmp_path / "warehouse"
    shutil.copytree(root, copy)
    day_folder = warehouse.validation_dir(copy, SEED)
    (day_folder / "articles.html").write_text("<html><body>articles</body></html>", encoding="utf-8")
    (day_folder / "index.html").write_text("<html><body>Data Docs of the day</body></html>", encoding="utf-8")
    (copy / "_validation" / "index.html").write_text("<html><body>every day</body></html>", encoding="utf-8")

    detail = ui.day_detail(copy, SEED)
    assert detail["validation"]["data_docs"] == "index.html"
    assert ui.docs_index(copy) == "index.html"
    assert ui.docs_index(root) == "index.html"  # the pipeline's own Data Docs
    assert ui.docs_index(tmp_path / "nothing-validated") is None
    html = ui.render_page(copy, ui.list_days(copy), detail, ui.chart_series(copy), base="/newsgraph/")
    assert 'href="/newsgraph/validation/dt=2025-09-01/index.html" id="data-docs"' in html
    assert 'href="/newsgraph/validation/index.html">Data Docs</a>' in html


def test_page_shows_the_seed_day(root):
    detail = ui.day_detail(root, SEED)
    html = ui.render_page(root, ui.list_days(root), detail, ui.chart_series(root), base="/newsgraph/")

    for table, rows in SEED_COUNTS.items():
        assert f'id="count-{table}" data-table="{table}">{rows}</div>' in html
    assert 'id="validation-status">validation passed</span>' in html
    assert "Muhammad Aurangzeb" in html and "China-Pakistan Economic Corridor" in html
    assert "<svg" in html and "$27.8B" in html and ">102</text>" in html
    assert 'href="/newsgraph/validation/dt=2025-09-01/articles.json"' in html
    # the pipeline's Data Docs of the day are linked, and its drift check (skipped: one article) shown
    assert 'href="/newsgraph/validation/dt=2025-09-01/index.html" id="data-docs"' in html
    assert 'id="drift-status">skipped' in html
    assert 'href="/newsgraph/?day=2025-09-02"' in html
    assert "<script" not in html and "http://" not in html and "https://" not in html


def test_page_escapes_what_comes_from_the_data(root):
    detail = ui.day_detail(root, SMALL)
    html = ui.render_page(root, ui.list_days(root), detail, ui.chart_series(root), base="/newsgraph/")

    assert HOSTILE_NAME not in html
    assert "&lt;img src=x onerror=alert(1)&gt;.bin" in html
    assert 'data-reason="empty_text">1</td>' in html


def test_page_of_an_empty_warehouse(tmp_path):
    html = ui.render_page(tmp_path, ui.list_days(tmp_path), None, ui.chart_series(tmp_path))
    assert ui.list_days(tmp_path) == [] and ui.chart_series(tmp_path) == []
    assert 'id="nothing"' in html and "Nothing published yet" in html


def test_usd_formatting():
    assert ui.format_usd(27_800_000_000.0) == "$27.8B"
    assert ui.format_usd(500_000_000.0) == "$500M"
    assert ui.format_usd(1_250.0) == "$1.25K"
    assert ui.format_usd(950.0) == "$950"
    assert ui.format_usd(None) == "\u2014"


def test_an_unreadable_result_is_reported(root, tmp_path):
    copy = tmp_path / "warehouse"
    shutil.copytree(root, copy)
    path = warehouse.validation_dir(copy, SEED) / "dates.json"
    path.write_text(path.read_text(encoding="utf-8")[:100], encoding="utf-8")

    check = ui.validation(copy, SEED)
    assert check["status"] == "unreadable"
    (dates,) = [t for t in check["tables"] if t["table"] == "dates"]
    assert dates["success"] is None and dates["error"].startswith("cannot read dates.json")
    assert {d["day"]: d["validation"] for d in ui.list_days(copy)}["2025-09-01"] == "unreadable"
