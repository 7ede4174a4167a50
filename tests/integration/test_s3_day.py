"""A whole day with the landing zone and the warehouse in S3 (a local SeaweedFS server).

The seed day is uploaded to ``s3://newsgraph/landing/`` and run with
``NEWSGRAPH_LANDING`` and ``NEWSGRAPH_WAREHOUSE`` as ``s3://`` URLs, by the pipeline's steps
and by the real DAG (``dag.test()``). DuckDB reads the result from S3 through s3fs, and it
must be row for row what the same day gives on a local disk (the local copy of the
landing day carries the objects' modification times, so even ``received_at`` agrees); only
whole ``part-00000.parquet`` objects match the readers' glob, staging is left empty, and
running the day again changes nothing. Skipped only where the ``weed`` binary is missing
or cannot run.
"""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pytest

from newsgraph import pipeline
from newsgraph.schema import FACT_TABLES
from newsgraph.settings import Settings
from newsgraph.storage import objectstore, warehouse
from newsgraph.storage.objectstore import location

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seaweed_support import start_seaweed, weed_binary  # noqa: E402

pytestmark = pytest.mark.integration

DAY = date(2025, 9, 1)
SEED_DAY = Path(__file__).resolve().parents[2] / "seeds" / "landing" / DAY.isoformat()
BUCKET = "newsgraph"
LANDING = f"s3://{BUCKET}/landing"
WAREHOUSE = f"s3://{BUCKET}/warehouse"
TABLES = [*FACT_TABLES, "entities"]


@pytest.fixture(scope="module")
def seaweed(tmp_path_factory, request):
    weed, why = weed_binary()
    if weed is None:
        pytest.skip(why)
    server = start_seaweed(weed, tmp_path_factory.mktemp("seaweedfs"))
    failed_before = request.session.testsfailed
    yield server
    server.stop()
    if request.session.testsfailed > failed_before:
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"\n--- SeaweedFS log ({server.log}), last lines ---\n{server.log_tail()}")


@pytest.fixture(scope="module")
def s3(seaweed):
    """The server's settings in the environment (restored afterwards), the bucket, and the
    seed day uploaded to the landing prefix."""
    import s3fs

    with pytest.MonkeyPatch.context() as env:
        for name, value in seaweed.environment().items():
            env.setenv(name, value)
        # settings of the machine that would take precedence or get in the way
        for name in ("NEWSGRAPH_S3_ENDPOINT_URL", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN",
                     "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"):
            env.delenv(name, raising=False)
        s3fs.S3FileSystem.clear_instance_cache()
        fs = seaweed.filesystem()
        fs.mkdir(BUCKET)
        fs.put(str(SEED_DAY), f"{BUCKET}/landing/", recursive=True)
        yield fs
        s3fs.S3FileSystem.clear_instance_cache()


def _s3_settings(warehouse_url: str = WAREHOUSE) -> Settings:
    return Settings.from_env().with_overrides(landing_root=location(LANDING), warehouse_root=location(warehouse_url))


@pytest.fixture(scope="module")
def s3_day(s3):
    return pipeline.run_day(_s3_settings(), DAY, run_id="s3__first")


@pytest.fixture(scope="module")
def local_day(s3, tmp_path_factory) -> Path:
    """The same day from a local copy of the landing day whose files carry the objects' times."""
    root = tmp_path_factory.mktemp("local")
    shutil.copytree(SEED_DAY, root / "landing" / DAY.isoformat())
    for f in objectstore.list_files(location(LANDING) / DAY.isoformat()):
        os.utime(root / "landing" / DAY.isoformat() / f.rel, ns=(f.mtime_ns, f.mtime_ns))
    settings = Settings.from_env().with_overrides(landing_root=root / "landing", warehouse_root=root / "warehouse")
    pipeline.run_day(settings, DAY, run_id="local__first")
    return root / "warehouse"


def _s3_duckdb(seaweed) -> duckdb.DuckDBPyConnection:
    """DuckDB reading S3 through s3fs, as an analyst would (explicit settings, no environment)."""
    con = duckdb.connect()
    con.register_filesystem(seaweed.filesystem())
    return con


def _rows(con: duckdb.DuckDBPyConnection, root: str, table: str) -> list[tuple]:
    """The table's rows (all days), run_id left out, sorted."""
    source = f"{root}/{table}/*/*.parquet" if table in FACT_TABLES else f"{root}/{table}/*.parquet"
    rel = con.sql(f"SELECT * FROM read_parquet('{source}', hive_partitioning = true)")
    columns = [c for c in rel.columns if c != "run_id"]
    return sorted(rel.select(*columns).fetchall(), key=repr)


def test_the_day_in_s3_is_the_day_on_disk(seaweed, s3_day, local_day):
    assert s3_day["tables"]["articles"]["rows"] == 1
    assert s3_day["warehouse"] == WAREHOUSE
    con = _s3_duckdb(seaweed)
    for table in TABLES:
        in_s3, on_disk = _rows(con, WAREHOUSE, table), _rows(duckdb.connect(), str(local_day), table)
        assert in_s3 == on_disk, table
        assert in_s3 or table == "quarantine", table
    amounts = con.sql(
        f"SELECT dt, currency, sum(value) FROM read_parquet('{WAREHOUSE}/amounts/*/*.parquet', hive_partitioning = true) GROUP BY ALL"
    ).fetchall()
    assert [(str(d), c) for d, c, _ in amounts] == [(DAY.isoformat(), "USD")] and amounts[0][2] == pytest.approx(27.8e9)


def _objects(fs, prefix: str) -> list[str]:
    """The objects under a prefix (s3fs also lists a prefix SeaweedFS keeps as an empty folder)."""
    return sorted(name for name, info in fs.find(prefix, detail=True).items() if info["type"] == "file")


def test_only_whole_partitions_match_the_readers_glob_and_staging_is_empty(s3, s3_day):
    for table in FACT_TABLES:
        assert s3.glob(f"{BUCKET}/warehouse/{table}/*/*") == [f"{BUCKET}/warehouse/{table}/dt={DAY}/{warehouse.PART_FILE}"]
    assert _objects(s3, f"{BUCKET}/warehouse/_staging") == []
    assert _objects(s3, f"{BUCKET}/warehouse/_locks") == []
    names = {p.split("/", 3)[3] for p in _objects(s3, f"{BUCKET}/warehouse/_validation")}
    assert {"index.html", f"dt={DAY}/index.html", f"dt={DAY}/articles.json", f"dt={DAY}/drift.json"} <= names
    assert len(_objects(s3, f"{BUCKET}/warehouse/_hashes/dt={DAY}")) == 1


def test_running_the_day_again_changes_nothing(seaweed, s3_day):
    con = _s3_duckdb(seaweed)
    before = {t: _rows(con, WAREHOUSE, t) for t in TABLES}
    again = pipeline.run_day(_s3_settings(), DAY, run_id="s3__again")
    assert again["tables"] == s3_day["tables"]
    assert {t: _rows(con, WAREHOUSE, t) for t in TABLES} == before


def test_readers_of_the_warehouse_work_on_s3(s3_day):
    from newsgraph import ui
    from newsgraph.cli import main
    from newsgraph.queries import run_query

    people = run_query("top_entities_of_day", WAREHOUSE, day=DAY.isoformat(), label="PERSON").to_pylist()
    assert [p["canonical_name"] for p in people][:2] == ["Muhammad Aurangzeb", "Shehbaz Sharif"]
    detail = ui.day_detail(WAREHOUSE, DAY)
    assert detail["counts"]["articles"] == 1 and detail["validation"]["status"] == "passed"
    assert detail["validation"]["data_docs"] == "index.html"
    assert ui.validation_file(WAREHOUSE, f"dt={DAY}/articles.json").read_text().startswith("{")
    assert ui.validation_file(WAREHOUSE, "../../other/secret") is None
    assert [d["day"] for d in ui.list_days(WAREHOUSE)] == [DAY.isoformat()]
    assert main(["report", "--day", DAY.isoformat(), "--warehouse", WAREHOUSE]) == 0


def test_the_dag_runs_on_s3(s3, seaweed, s3_day, airflow_db):
    """The real DAG with NEWSGRAPH_LANDING and NEWSGRAPH_WAREHOUSE in S3 publishes the same rows."""
    from airflow.dag_processing.dagbag import DagBag
    from airflow.utils.state import DagRunState

    dag_warehouse = f"s3://{BUCKET}/dag-warehouse"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("NEWSGRAPH_LANDING", LANDING)
        env.setenv("NEWSGRAPH_WAREHOUSE", dag_warehouse)
        dags = Path(__file__).resolve().parents[2] / "dags"
        dag = DagBag(dag_folder=str(dags)).get_dag("news_pipeline")
        run = dag.test(logical_date=datetime(2025, 9, 1, tzinfo=timezone.utc))
    assert run.state == DagRunState.SUCCESS, f"news_pipeline ended {run.state}"
    con = _s3_duckdb(seaweed)
    for table in TABLES:
        assert _rows(con, dag_warehouse, table) == _rows(con, WAREHOUSE, table), table
    assert _objects(s3, f"{BUCKET}/dag-warehouse/_staging") == []
