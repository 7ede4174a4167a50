"""The DAG folder loads cleanly and the DAG is configured the way operators expect."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parents[2] / "dags"


@pytest.fixture(scope="module")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS))


def _core_timetable(dag):
    """The scheduler's view of the DAG's timetable."""
    from airflow.serialization.encoders import coerce_to_core_timetable

    return coerce_to_core_timetable(dag.timetable)


def test_no_import_errors(dagbag):
    assert dagbag.import_errors == {}
    assert "news_pipeline" in dagbag.dag_ids


def test_schedule_retries_tags_and_docs(dagbag):
    dag = dagbag.dags["news_pipeline"]
    assert dag.catchup is False
    assert dag.tags and "newsgraph" in dag.tags
    assert dag.doc_md and "news_pipeline" in dag.doc_md
    assert _core_timetable(dag).summary == "0 2 * * *"
    for t in dag.tasks:
        assert t.retries >= 1, t.task_id
        assert t.retry_delay >= timedelta(minutes=1), t.task_id


def test_task_order(dagbag):
    dag = dagbag.dags["news_pipeline"]
    assert [t.task_id for t in dag.topological_sort()] == ["fetch", "load", "extract", "validate", "publish", "summarise"]
    assert dag.get_task("publish").upstream_task_ids == {"load", "validate"}
    assert dag.get_task("validate").upstream_task_ids == {"load", "extract"}


def test_nightly_run_processes_the_previous_day(dagbag):
    """The 02:00 run on 2 September has logical date 1 September: it publishes dt=2025-09-01."""
    import pendulum
    from airflow.timetables.base import DataInterval, TimeRestriction

    dag = dagbag.dags["news_pipeline"]
    info = _core_timetable(dag).next_dagrun_info(
        last_automated_data_interval=DataInterval(
            pendulum.datetime(2025, 8, 31, 2, tz="UTC"), pendulum.datetime(2025, 9, 1, 2, tz="UTC")
        ),
        restriction=TimeRestriction(earliest=None, latest=None, catchup=True),
    )
    assert info.run_after == pendulum.datetime(2025, 9, 2, 2, tz="UTC")
    assert info.logical_date.date().isoformat() == "2025-09-01"


def test_parsing_imports_no_heavy_libraries():
    code = (
        "import runpy, sys; runpy.run_path(sys.argv[1]);"
        "heavy = [m for m in ('spacy', 'pandas', 'great_expectations', 'pyarrow', 'duckdb') if m in sys.modules];"
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(DAGS / "news_pipeline.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_backfill_range_selects_exactly_those_days(dagbag):
    """A backfill from 1 to 3 September (ending after 02:00) runs the days 1, 2 and 3."""
    import pendulum
    from airflow.timetables.base import TimeRestriction

    timetable = _core_timetable(dagbag.dags["news_pipeline"])
    restriction = TimeRestriction(
        earliest=pendulum.datetime(2025, 9, 1, tz="UTC"), latest=pendulum.datetime(2025, 9, 3, 23, tz="UTC"), catchup=True
    )
    days, last = [], None
    while (info := timetable.next_dagrun_info(last_automated_data_interval=last, restriction=restriction)) is not None:
        days.append(info.logical_date.date().isoformat())
        last = info.data_interval
    assert days == ["2025-09-01", "2025-09-02", "2025-09-03"]


def test_params_let_an_operator_rerun_a_day_differently(dagbag):
    dag = dagbag.dags["news_pipeline"]
    params = dag.params
    assert set(params.keys()) >= {"landing", "shard_size"}
    for name in ("landing", "shard_size"):
        assert params.get_param(name).description, name
    assert params.get_param("shard_size").schema["minimum"] == 1
    assert params["shard_size"] is None and params["landing"] is None  # defaults come from the environment


def test_publish_updates_the_table_assets_and_aggregates_are_scheduled_on_them(dagbag):
    from newsgraph.assets import DERIVED_ASSETS, FACT_ASSETS

    publish = dagbag.dags["news_pipeline"].get_task("publish")
    assert {a.name for a in publish.outlets} == {f"newsgraph.{t}" for t in FACT_ASSETS}
    agg = dagbag.dags["newsgraph_aggregates"]
    assert agg.doc_md and "entity_daily" in agg.doc_md
    condition = agg.timetable.asset_condition
    assert type(condition).__name__ == "AssetAll"  # runs once both are updated
    scheduled_on = {a.name for a in condition.objects}
    assert scheduled_on == {"newsgraph.entity_mentions", "newsgraph.amounts"}
    assert {a.name for a in agg.get_task("rebuild").outlets} == {f"newsgraph.{t}" for t in DERIVED_ASSETS}


def test_asset_table_names_match_the_schema():
    from newsgraph import assets, schema

    assert assets.FACT_TABLE_NAMES == tuple(schema.FACT_TABLES)
    assert assets.DERIVED_TABLE_NAMES == (*schema.DIMENSION_TABLES, *schema.AGGREGATE_TABLES)


def test_aggregates_dag_parses_without_heavy_libraries():
    code = (
        "import runpy, sys; runpy.run_path(sys.argv[1]);"
        "heavy = [m for m in ('spacy', 'pandas', 'great_expectations', 'pyarrow', 'duckdb') if m in sys.modules];"
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(DAGS / "newsgraph_aggregates.py")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
