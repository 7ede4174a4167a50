"""The seed day through the real DAG (``dag.test()``) into a temporary warehouse."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from newsgraph.storage.warehouse import PART_FILE

pytestmark = pytest.mark.integration

DAY = "2025-09-01"
FACT_TABLES = ["articles", "entity_mentions", "amounts", "dates", "quarantine"]


def _run_dag(warehouse: Path):
    from airflow.dag_processing.dagbag import DagBag
    from airflow.utils.state import DagRunState

    os.environ["NEWSGRAPH_WAREHOUSE"] = str(warehouse)
    dags = Path(__file__).resolve().parents[2] / "dags"
    dag = DagBag(dag_folder=str(dags)).get_dag("news_pipeline")
    run = dag.test(logical_date=datetime(2025, 9, 1, tzinfo=timezone.utc))
    assert run.state == DagRunState.SUCCESS, f"news_pipeline ended {run.state}"
    return run


def _read(warehouse: Path, table: str) -> pd.DataFrame:
    path = warehouse / table / f"dt={DAY}" / PART_FILE
    return duckdb.sql(f"SELECT * FROM read_parquet('{path}')").df()


@pytest.fixture(scope="module")
def warehouse(airflow_db, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("warehouse")
    _run_dag(root)
    return root


def test_all_fact_partitions_published(warehouse):
    for table in FACT_TABLES:
        assert (warehouse / table / f"dt={DAY}" / PART_FILE).exists(), table
    assert (warehouse / "entities" / PART_FILE).exists()
    assert not any((warehouse / "_staging").rglob("*.parquet"))
    assert list((warehouse / "_validation" / f"dt={DAY}").glob("*.json"))


def test_article_row(warehouse):
    articles = _read(warehouse, "articles")
    assert len(articles) == 1
    row = articles.iloc[0]
    assert row["text"].startswith("ISLAMABAD: Pakistan is seeking")
    assert row["text_chars"] == len(row["text"])
    assert pd.Timestamp(row["published_at"]).tz_convert("UTC") == pd.Timestamp("2025-09-01T00:00:00Z")
    assert row["source_id"] == "f019de8f538fb8ad"
    assert row["language"] == "en"


def test_people_exactly_five_each_one_entity(warehouse):
    m = _read(warehouse, "entity_mentions")
    people = m[m.label == "PERSON"]
    assert set(people.canonical_name) == {
        "Shehbaz Sharif",
        "Muhammad Aurangzeb",
        "Lian Maojun",
        "Pan Gongsheng",
        "Liao Lin",
    }
    assert people.groupby("canonical_name").entity_id.nunique().max() == 1
    sharif = people[people.canonical_name == "Shehbaz Sharif"]
    assert {"Shehbaz Sharif", "Sharif"} == set(sharif.text)
    assert "PM" in set(sharif.role.dropna())
    assert set(people[people.canonical_name == "Muhammad Aurangzeb"].text) == {"Muhammad Aurangzeb", "Aurangzeb"}
    assert set(people[people.canonical_name == "Lian Maojun"].text) == {"Lian Maojun", "Lian"}


def test_organisations_with_acronyms(warehouse):
    m = _read(warehouse, "entity_mentions")
    orgs = m[m.label == "ORG"]
    names = set(orgs.canonical_name)
    assert {
        "International Monetary Fund",
        "People's Bank of China",
        "Industrial and Commercial Bank of China",
        "China-Pakistan Economic Corridor",
        "Reuters",
    } <= names
    assert "Finance" not in names and "PM Sharif" not in names
    assert not any("(" in n for n in names)
    for name, acronym in [
        ("International Monetary Fund", "IMF"),
        ("Industrial and Commercial Bank of China", "ICBC"),
        ("China-Pakistan Economic Corridor", "CPEC"),
    ]:
        rows = orgs[orgs.canonical_name == name]
        assert acronym in set(rows.text), name
        assert rows.entity_id.nunique() == 1, name


def test_places_and_facilities(warehouse):
    m = _read(warehouse, "entity_mentions")
    assert {"Pakistan", "China", "Islamabad", "Beijing", "Tianjin"} <= set(m[m.label == "GPE"].canonical_name)
    assert {"Karachi Port", "Port Qasim", "Gwadar Port", "Tianjin Port"} <= set(m[m.label == "FAC"].canonical_name)


def test_places_on_the_map(warehouse):
    m = _read(warehouse, "entity_mentions")
    places = m[m.label.isin(["GPE", "LOC", "FAC"])].drop_duplicates("canonical_name").set_index("canonical_name")
    assert places.loc["Pakistan", "country_code"] == "PK" and places.loc["China", "country_code"] == "CN"
    assert places.loc["Islamabad", "country_code"] == "PK" and places.loc["Beijing", "country_code"] == "CN"
    assert places.loc["Tianjin Port", "country_code"] == "CN" and places.loc["Karachi Port", "country_code"] == "PK"
    assert places.loc["Gwadar Port", "country_code"] == "PK" and places.loc["Port Qasim", "country_code"] == "PK"
    # cities carry their GeoNames id and coordinates
    assert places.loc["Islamabad", "geonames_id"] == 1176615
    assert abs(places.loc["Islamabad", "latitude"] - 33.72) < 0.5 and abs(places.loc["Islamabad", "longitude"] - 73.04) < 0.5
    assert places.loc["Beijing", "geonames_id"] == 1816670
    people = m[m.label == "PERSON"]
    assert people.country_code.isna().all() and people.geonames_id.isna().all()


def test_exactly_five_usd_amounts(warehouse):
    a = _read(warehouse, "amounts")
    assert sorted(a.value.tolist()) == [1.3e9, 2.1e9, 3.4e9, 7e9, 14e9]
    assert set(a.currency) == {"USD"}
    assert str(a.value.dtype) == "float64"
    text = _read(warehouse, "articles").iloc[0]["text"]
    for row in a.itertuples():
        assert text[row.start_char : row.end_char] == row.text


def test_amounts_in_usd_with_subject_and_entities(warehouse):
    a = _read(warehouse, "amounts").set_index("text")
    # USD amounts need no rate: value_usd is the value, dated the publication day
    assert (a.value_usd == a.value).all()
    assert {pd.Timestamp(d).strftime("%Y-%m-%d") for d in a.fx_rate_date} == {DAY}
    assert a.usd_note.isna().all()
    assert a.loc["$7 billion", "subject"] == "IMF loan program"
    assert a.loc["$3.4 billion", "subject"] == "loans"
    assert a.loc["$1.3 billion", "subject"] == "commercial loan"
    assert a.loc["$14 billion", "subject"] == "low foreign reserves"
    # "amounts that concern the IMF": the IMF sentence's amounts carry its id
    m = _read(warehouse, "entity_mentions")
    imf = m[m.canonical_name == "International Monetary Fund"].entity_id.iloc[0]
    concern_imf = {t for t, ids in a.entity_ids.items() if imf in list(ids)}
    assert concern_imf == {"$7 billion", "$14 billion"}


def test_dates_resolved_against_the_publication_day(warehouse):
    d = _read(warehouse, "dates")
    got = {
        (r.text, None if pd.isna(r.resolved) else pd.Timestamp(r.resolved).strftime("%Y-%m-%d"), r.grain if isinstance(r.grain, str) else None)
        for r in d.itertuples()
    }
    # "said on Monday" in a Monday paper is that Monday; "in June" and "two months ago" are months
    assert ("Monday", "2025-09-01", "day") in got
    assert ("Saturday", "2025-08-30", "day") in got
    assert ("June", "2025-06-01", "month") in got
    assert ("two months ago", "2025-07-01", "month") in got
    assert ("June 30", "2025-06-30", "day") in got
    assert ("2015", "2015-01-01", "year") in got
    assert ("last three years", None, None) in got
    assert {pd.Timestamp(x).strftime("%Y-%m-%d") for x in d.reference_date} == {DAY}
    text = _read(warehouse, "articles").iloc[0]["text"]
    for row in d.itertuples():
        assert text[row.start_char : row.end_char] == row.text


def test_entities_dimension(warehouse):
    ents = duckdb.sql(f"SELECT * FROM read_parquet('{warehouse / 'entities' / PART_FILE}')").df()
    assert ents.entity_id.is_unique
    imf = ents[ents.canonical_name == "International Monetary Fund"].iloc[0]
    assert {"IMF", "International Monetary Fund"} <= set(imf.aliases)
    codes = dict(zip(ents.canonical_name, ents.country_code))
    assert codes["Pakistan"] == "PK" and codes["China"] == "CN" and codes["Tianjin Port"] == "CN"
    isb = ents[ents.canonical_name == "Islamabad"].iloc[0]
    assert isb.geonames_id == 1176615 and set(isb.aliases) == {"ISLAMABAD", "Islamabad"}


def test_rerun_gives_the_same_rows(warehouse, tmp_path):
    """Running the day again (a second DAG run into a fresh warehouse, then over the first) changes nothing."""
    before = {t: _read(warehouse, t) for t in FACT_TABLES}
    _run_dag(warehouse)
    for table in FACT_TABLES:
        after = _read(warehouse, table)
        key = [c for c in after.columns if c != "run_id"]
        pd.testing.assert_frame_equal(
            before[table].drop(columns=["run_id"], errors="ignore").sort_values(key[:3]).reset_index(drop=True),
            after.drop(columns=["run_id"], errors="ignore").sort_values(key[:3]).reset_index(drop=True),
        )


def test_analyst_reads_with_hive_partitioning(warehouse):
    rows = duckdb.sql(
        f"""
        SELECT dt, currency, sum(value) AS total
        FROM read_parquet('{warehouse}/amounts/*/*.parquet', hive_partitioning = true)
        GROUP BY ALL
        """
    ).fetchall()
    assert len(rows) == 1
    dt, currency, total = rows[0]
    assert str(dt) == DAY and currency == "USD" and total == pytest.approx(27.8e9)
