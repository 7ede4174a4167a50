"""Asset scheduling in a real Airflow: a publish by ``news_pipeline`` makes the scheduler start
``newsgraph_aggregates``, and what that run rebuilds reflects the newly published day.

One installation of its own (api-server, scheduler, dag-processor on SQLite and LocalExecutor,
see ``airflow_server``) with the scheduler creating runs (``use_job_schedule`` on), since Asset
triggered runs are created by the same scheduler loop as scheduled ones. Both DAGs are unpaused,
so the nightly schedule also starts its latest run (a day with nothing landed, which publishes
empty partitions); the test publishes two days of its own with manual runs, one after the other:

* the seed article on 2025-09-01, then
* hand-written passages on 2025-09-02 (entities the seed does not mention),

and after each waits for a run of ``newsgraph_aggregates`` of type ``asset_triggered`` whose
upstream Asset events came from that day's publish task. After it, ``entity_daily`` and
``amounts_daily`` (which only that DAG writes) hold the day, and the ``entities`` dimension
holds every entity the day's mentions name, with the day as its last day seen.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from airflow_server import AirflowServer, wait_for  # noqa: E402

pytestmark = pytest.mark.integration

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEED_LANDING = PROJECT_ROOT / "seeds" / "landing" / "2025-09-01"
GOLD = PROJECT_ROOT / "tests" / "gold" / "articles.jsonl"
PIPELINE = "news_pipeline"
AGGREGATES = "newsgraph_aggregates"
FIRST, SECOND = date(2025, 9, 1), date(2025, 9, 2)
PART_FILE = "part-00000.parquet"
TIMEOUT = 8 * 60


@pytest.fixture(scope="module")
def server():
    root = Path(tempfile.mkdtemp(prefix="newsgraph-airflow-assets-"))
    server = AirflowServer(root=root, extra_env={"AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "True"})
    try:
        server.start()
        # The first day: the seed article as it lands. The second: ten hand-written passages.
        shutil.copytree(SEED_LANDING, server.landing / FIRST.isoformat())
        records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
        lines = [
            json.dumps({"id": r["id"], "published_at": f"{SECOND.isoformat()}T{8 + n:02d}:00:00Z", "text": r["text"]})
            for n, r in enumerate(records[10:20])
        ]
        (server.landing / SECOND.isoformat()).mkdir(parents=True)
        (server.landing / SECOND.isoformat() / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for dag_id in (AGGREGATES, PIPELINE):
            assert server.api("PATCH", f"/api/v2/dags/{dag_id}", json_body={"is_paused": False})["is_paused"] is False
        yield server
    except BaseException:
        print(server.tails(80), file=sys.stderr)
        raise
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def read(warehouse: Path, table: str) -> list[dict]:
    import pyarrow.parquet as pq

    path = warehouse / table / PART_FILE
    assert path.is_file(), f"{path} is missing"
    return pq.read_table(path).to_pylist()


def mentions(warehouse: Path, day: date) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(warehouse / "entity_mentions" / f"dt={day.isoformat()}" / PART_FILE).to_pylist()


def publish_day(server: AirflowServer, day: date) -> str:
    """Trigger the day's run, wait until it succeeded; its run id."""
    run_id = f"manual__{day.isoformat()}"
    server.api(
        "POST", f"/api/v2/dags/{PIPELINE}/dagRuns",
        json_body={"dag_run_id": run_id, "logical_date": f"{day.isoformat()}T02:00:00Z", "conf": {}},
    )

    def succeeded() -> bool:
        server.check_alive()
        state = server.api("GET", f"/api/v2/dags/{PIPELINE}/dagRuns/{run_id}")["state"]
        if state == "failed":
            raise AssertionError(f"{run_id} failed\n{server.run_report([run_id])}")
        return state == "success"

    wait_for(f"{PIPELINE} run {run_id}", succeeded, TIMEOUT, interval=2.0,
             on_timeout=lambda: server.run_report([run_id]) + "\n" + server.tails())
    return run_id


def aggregates_run_after(server: AirflowServer, source_run_id: str) -> tuple[dict, list[dict]]:
    """The successful ``asset_triggered`` run of the aggregates DAG that consumed the publish of
    ``source_run_id``, with the Asset events it consumed."""

    def found():
        server.check_alive()
        for run in server.dag_runs(AGGREGATES):
            events = server.api(
                "GET", f"/api/v2/dags/{AGGREGATES}/dagRuns/{run['dag_run_id']}/upstreamAssetEvents"
            )["asset_events"]
            if not any(e["source_run_id"] == source_run_id for e in events):
                continue
            if run["state"] == "failed":
                raise AssertionError(f"{run['dag_run_id']} failed\n{server.run_report([run['dag_run_id']], AGGREGATES)}")
            if run["state"] == "success":
                return run, events
        return None

    return wait_for(
        f"an asset-triggered run of {AGGREGATES} after {source_run_id}", found, TIMEOUT, interval=2.0,
        on_timeout=lambda: server.run_report(dag_id=AGGREGATES) + "\n" + server.tails(),
    )


def check_day_is_reflected(warehouse: Path, day: date, run: dict, events: list[dict], source_run_id: str) -> set[str]:
    assert run["run_type"] == "asset_triggered", run
    from_publish = [e for e in events if e["source_run_id"] == source_run_id]
    assert {e["source_dag_id"] for e in from_publish} == {PIPELINE}
    assert {e["source_task_id"] for e in from_publish} == {"publish"}
    assert {"newsgraph.entity_mentions", "newsgraph.amounts"} <= {e["name"] for e in from_publish}

    day_mentions = mentions(warehouse, day)
    assert day_mentions, f"no entity mentions published for {day}"
    ids = {m["entity_id"] for m in day_mentions}

    entities = {e["entity_id"]: e for e in read(warehouse, "entities")}
    assert ids <= set(entities), sorted(ids - set(entities))[:10]
    assert {entities[i]["last_seen"] for i in ids} == {day}

    daily = [r for r in read(warehouse, "entity_daily") if r["dt"] == day]
    assert {r["entity_id"] for r in daily} == ids
    assert sum(r["mentions"] for r in daily) == len(day_mentions)
    amounts = [r for r in read(warehouse, "amounts_daily") if r["dt"] == day]
    assert amounts, f"amounts_daily has no row for {day}"
    return ids


def test_each_publish_triggers_the_aggregates_dag_and_the_entities_reflect_the_new_day(server):
    warehouse = server.warehouse

    first_run = publish_day(server, FIRST)
    run, events = aggregates_run_after(server, first_run)
    first_ids = check_day_is_reflected(warehouse, FIRST, run, events, first_run)
    entities = {e["canonical_name"]: e for e in read(warehouse, "entities")}
    assert {"International Monetary Fund", "Tianjin Port"} <= set(entities)
    assert not [r for r in read(warehouse, "entity_daily") if r["dt"] == SECOND]

    second_run = publish_day(server, SECOND)
    run2, events2 = aggregates_run_after(server, second_run)
    assert run2["dag_run_id"] != run["dag_run_id"]
    second_ids = check_day_is_reflected(warehouse, SECOND, run2, events2, second_run)
    # The second day brought entities the dimension did not have; the first day's stay.
    new = second_ids - first_ids
    assert new, "the second day named no entity the first had not"
    entities = {e["entity_id"]: e for e in read(warehouse, "entities")}
    assert {entities[i]["first_seen"] for i in new} == {SECOND}
    assert first_ids <= set(entities)
    days = {r["dt"] for r in read(warehouse, "entity_daily")}
    assert {FIRST, SECOND} <= days
