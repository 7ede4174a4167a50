"""Backfills through the REST API of a real Airflow: api-server, scheduler and dag-processor on the
embedded default (SQLite, LocalExecutor), logged into the way the UI logs in.

Three landing days of the hand-written gold passages are backfilled with ``POST /api/v2/backfills``
(backwards, several days in flight at once). Every fact partition must then hold exactly the rows
the same days give in-process with ``pipeline.run_day``, and the entities dimension the same
entities. Re-running the completed range replaces each day with identical rows, and a run
triggered with the ``shard_size`` param maps ``extract`` over several shards and publishes the
same rows again.
"""

from __future__ import annotations

import json
import math
import re
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import airflow_server  # noqa: E402
from airflow_server import DAG_ID, AirflowServer, wait_for  # noqa: E402

pytestmark = pytest.mark.integration

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GOLD = PROJECT_ROOT / "tests" / "gold" / "articles.jsonl"
DAYS = [date(2025, 9, 1), date(2025, 9, 2), date(2025, 9, 3)]
FACT_TABLES = ("articles", "entity_mentions", "amounts", "dates", "quarantine")
PART_FILE = "part-00000.parquet"
#: Articles per extract shard for the one run triggered with the ``shard_size`` param.
SHARD_SIZE = 5
#: The day that run re-processes.
SHARDED_DAY = DAYS[1]
RUNS_TIMEOUT = 10 * 60


def _logical_date(day: date, hour: int = 2) -> str:
    """A day's nightly run has logical date D 02:00 UTC (see the DAG's docs)."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc).isoformat().replace("+00:00", "Z")


def _day_of(moment: str) -> date:
    return datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone(timezone.utc).date()


# -- landing data -------------------------------------------------------------------------------


def write_landing(root: Path) -> dict[date, list[dict]]:
    """The gold passages split over the three days, one JSON Lines file a day, each published
    on the day it lands. The second day also has a line that is not JSON and an article twice,
    so its quarantine is not empty."""
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    per_day = math.ceil(len(records) / len(DAYS))
    landed: dict[date, list[dict]] = {}
    for i, day in enumerate(DAYS):
        chunk = [
            {"id": r["id"], "published_at": f"{day.isoformat()}T{6 + n % 12:02d}:30:00Z", "text": r["text"]}
            for n, r in enumerate(records[i * per_day : (i + 1) * per_day])
        ]
        lines = [json.dumps(r) for r in chunk]
        if day == SHARDED_DAY:
            lines.insert(3, '{"id": "broken", "text": ')
            lines.append(json.dumps(dict(chunk[0], id=chunk[0]["id"] + "-again")))
        folder = root / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        landed[day] = chunk
    return landed


# -- reading the warehouse ----------------------------------------------------------------------


def partition_file(warehouse: Path, table: str, day: date) -> Path:
    return warehouse / table / f"dt={day.isoformat()}" / PART_FILE


def partitions(warehouse: Path, table: str) -> list[str]:
    return sorted(p.name for p in (warehouse / table).glob("dt=*") if (p / PART_FILE).is_file())


def read_rows(path: Path, drop: tuple[str, ...] = ("run_id",)) -> list[dict]:
    """The rows of one Parquet file without the ``drop`` columns, in a canonical order."""
    import pyarrow.parquet as pq

    assert path.is_file(), f"{path} is missing"
    rows = [{k: v for k, v in row.items() if k not in drop} for row in pq.ParquetFile(path).read().to_pylist()]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def snapshot(warehouse: Path) -> dict[str, list[dict]]:
    """Every fact partition of the three days and the entities dimension, ``run_id`` left out."""
    out = {f"{table}/{day}": read_rows(partition_file(warehouse, table, day)) for table in FACT_TABLES for day in DAYS}
    out["entities"] = read_rows(warehouse / "entities" / PART_FILE)
    return out


def file_identities(warehouse: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for table in FACT_TABLES:
        for day in DAYS:
            st = partition_file(warehouse, table, day).stat()
            out[f"{table}/{day}"] = (st.st_ino, st.st_mtime_ns)
    return out


def differences(expected: dict[str, list[dict]], actual: dict[str, list[dict]]) -> str:
    """A short account of where two snapshots differ (empty when they are equal)."""
    lines = []
    for key in sorted(set(expected) | set(actual)):
        want, got = expected.get(key), actual.get(key)
        if want == got:
            continue
        if want is None or got is None:
            lines.append(f"{key}: only in {'actual' if want is None else 'expected'}")
            continue
        enc = lambda r: json.dumps(r, sort_keys=True, default=str)  # noqa: E731
        missing = [r for r in want if r not in got]
        extra = [r for r in got if r not in want]
        lines.append(f"{key}: expected {len(want)} rows, got {len(got)}; {len(missing)} missing, {len(extra)} unexpected")
        lines += [f"  missing:    {enc(r)[:400]}" for r in missing[:3]]
        lines += [f"  unexpected: {enc(r)[:400]}" for r in extra[:3]]
    return "\n".join(lines)


# -- waiting for runs ---------------------------------------------------------------------------


def wait_for_runs(server: AirflowServer, run_ids: list[str], timeout: float = RUNS_TIMEOUT,
                  backfill_id: int | None = None) -> dict[str, dict]:
    """Wait until every run in ``run_ids`` succeeded (and the backfill, if given, is complete);
    fail at once, with its task instances and logs, when a run fails."""

    def done() -> dict[str, dict] | None:
        server.check_alive()
        runs = {r["dag_run_id"]: r for r in server.dag_runs() if r["dag_run_id"] in run_ids}
        failed = [r for r in runs.values() if r["state"] == "failed"]
        if failed:
            raise AssertionError(
                "runs failed: " + ", ".join(r["dag_run_id"] for r in failed) + "\n" + server.run_report(run_ids)
            )
        if set(runs) != set(run_ids) or any(r["state"] != "success" for r in runs.values()):
            return None
        if backfill_id is not None and server.api("GET", f"/api/v2/backfills/{backfill_id}")["completed_at"] is None:
            return None
        return runs

    return wait_for(
        f"runs {', '.join(run_ids)} to succeed", done, timeout, interval=2.0,
        on_timeout=lambda: server.run_report(run_ids) + "\n" + server.tails(),
    )


def create_backfill(server: AirflowServer, **body: Any) -> dict:
    body = {
        "dag_id": DAG_ID,
        # Runs whose logical date (D 02:00) lies in the range: the first day to the last.
        "from_date": _logical_date(DAYS[0], hour=0),
        "to_date": _logical_date(DAYS[-1], hour=23),
        "max_active_runs": 3,
        **body,
    }
    return server.api("POST", "/api/v2/backfills", json_body=body)


def backfill_run_ids(server: AirflowServer) -> dict[date, str]:
    runs = [r for r in server.dag_runs() if r["run_type"] == "backfill"]
    return {_day_of(r["logical_date"]): r["dag_run_id"] for r in runs}


# -- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(request) -> AirflowServer:
    return airflow_server.shared_server(request.config)


@pytest.fixture(scope="module")
def landed(server) -> dict[date, list[dict]]:
    return write_landing(server.landing)


@pytest.fixture(scope="module")
def expected(server, landed, tmp_path_factory) -> dict[str, list[dict]]:
    """The same three days run in-process into a warehouse of their own."""
    from newsgraph import pipeline
    from newsgraph.settings import Settings

    warehouse = tmp_path_factory.mktemp("in-process-warehouse")
    settings = Settings.from_env().with_overrides(landing_root=server.landing, warehouse_root=warehouse, processes=1)
    for day in DAYS:
        pipeline.run_day(settings, day)
    return snapshot(warehouse)


@pytest.fixture(scope="module")
def backfilled(request, server, landed) -> dict[str, Any]:
    """The three days backfilled through the REST API, backwards, up to three runs at once."""
    paused = server.api("PATCH", f"/api/v2/dags/{DAG_ID}", json_body={"is_paused": False})
    assert paused["is_paused"] is False

    dry = server.api(
        "POST", "/api/v2/backfills/dry_run",
        json_body={"dag_id": DAG_ID, "from_date": _logical_date(DAYS[0], 0), "to_date": _logical_date(DAYS[-1], 23),
                   "run_backwards": True, "reprocess_behavior": "none"},
    )
    backfill = create_backfill(server, run_backwards=True, reprocess_behavior="none")
    # The in-process reference runs while Airflow works through the backfill.
    request.getfixturevalue("expected")
    run_ids = backfill_run_ids(server)
    runs = wait_for_runs(server, sorted(run_ids.values()), backfill_id=backfill["id"])
    return {"dry_run": dry, "backfill": backfill, "run_ids": run_ids, "runs": runs,
            "snapshot": snapshot(server.warehouse), "files": file_identities(server.warehouse)}


# -- tests --------------------------------------------------------------------------------------


def test_the_api_refuses_requests_without_a_valid_login(server):
    assert server.request("GET", "/api/v2/dags", auth=False, expect=None).status_code in (401, 403)
    bad_token = server.request(
        "GET", "/api/v2/dags", auth=False, expect=None, headers={"Authorization": "Bearer not-a-token"}
    )
    assert bad_token.status_code in (401, 403)
    assert server.login(password="wrong-" + server.password).status_code == 401

    token = server.login().json()["access_token"]
    dags = server.request("GET", "/api/v2/dags", auth=False, headers={"Authorization": f"Bearer {token}"}).json()
    assert DAG_ID in {d["dag_id"] for d in dags["dags"]}


def test_the_api_keeps_answering_while_a_change_waits_for_the_sqlite_write_lock(server):
    """A change made through the API (audit-logged) waits for SQLite's write lock without freezing the server.

    Another process holds the write lock, as the scheduler does for a moment at a time. The
    change waits for it; meanwhile the api-server must still answer other requests, and once the
    lock is free the change and its audit-log row are written.
    """
    import sqlite3
    import threading
    import time

    was_paused = server.api("GET", f"/api/v2/dags/{DAG_ID}")["is_paused"]
    holder = sqlite3.connect(server.home / "airflow.db", timeout=60)
    holder.execute("BEGIN IMMEDIATE")
    changed: dict[str, Any] = {}

    def change() -> None:
        changed["response"] = server.request(
            "PATCH", f"/api/v2/dags/{DAG_ID}", json_body={"is_paused": not was_paused}, expect=None
        )

    writer = threading.Thread(target=change)
    answered_while_locked = None
    try:
        writer.start()
        time.sleep(1.0)  # the PATCH reaches its commit and waits for the lock
        health = server.request("GET", "/api/v2/monitor/health", expect=None)
        answered_while_locked = "response" not in changed and health.status_code == 200
    finally:
        holder.rollback()
        holder.close()
        writer.join(timeout=120)
    assert answered_while_locked, "the api-server stopped answering while a change waited for the write lock"
    assert changed["response"].status_code == 200, changed["response"].text[:2000]
    assert changed["response"].json()["is_paused"] is (not was_paused)
    logged = server.api("GET", "/api/v2/eventLogs", params={"dag_id": DAG_ID, "event": "patch_dag",
                                                             "order_by": "-id", "limit": 1})["event_logs"]
    assert logged and f'"is_paused": {json.dumps(not was_paused)}' in (logged[0]["extra"] or ""), logged
    server.api("PATCH", f"/api/v2/dags/{DAG_ID}", json_body={"is_paused": was_paused})


def test_a_backfill_through_the_api_publishes_what_nightly_runs_would(server, landed, expected, backfilled):
    # The range selects exactly one run per day, at the nightly runs' logical dates, newest first.
    assert [b["logical_date"] for b in backfilled["dry_run"]["backfills"]] == [
        _logical_date(day) for day in reversed(DAYS)
    ]
    assert backfilled["backfill"]["max_active_runs"] == 3
    assert sorted(backfilled["run_ids"]) == DAYS
    runs = backfilled["runs"].values()
    assert {r["run_type"] for r in runs} == {"backfill"}
    assert {r["triggering_user_name"] for r in runs} == {server.username}

    # Several days were in flight at once: some two runs overlapped.
    spans = sorted((r["start_date"], r["end_date"]) for r in runs)
    assert any(spans[i + 1][0] < spans[i][1] for i in range(len(spans) - 1)), spans

    warehouse = server.warehouse
    for table in FACT_TABLES:
        assert partitions(warehouse, table) == [f"dt={day}" for day in DAYS], table

    for day in DAYS:
        articles = read_rows(partition_file(warehouse, "articles", day), drop=())
        assert sorted(a["source_id"] for a in articles) == sorted(r["id"] for r in landed[day]), day
        texts = {r["id"]: r["text"].strip() for r in landed[day]}
        assert [a["source_id"] for a in articles if a["text"] != texts[a["source_id"]]] == [], day
        assert {a["run_id"] for a in articles} == {backfilled["run_ids"][day]}
    quarantine = read_rows(partition_file(warehouse, "quarantine", SHARDED_DAY))
    assert sorted(q["reason"] for q in quarantine) == ["bad_json", "duplicate"]

    assert backfilled["snapshot"]["entities"], "the entities dimension is empty"
    assert not differences(expected, backfilled["snapshot"]), differences(expected, backfilled["snapshot"])


def test_rerunning_the_completed_range_replaces_each_day_with_identical_rows(server, backfilled):
    again = create_backfill(server, run_backwards=False, reprocess_behavior="completed")
    assert again["id"] != backfilled["backfill"]["id"]
    run_ids = backfill_run_ids(server)
    # The completed runs are cleared and run again, not duplicated.
    assert run_ids == backfilled["run_ids"]
    wait_for_runs(server, sorted(run_ids.values()), backfill_id=again["id"])

    files = file_identities(server.warehouse)
    rewritten = [key for key in files if files[key] != backfilled["files"][key]]
    assert sorted(rewritten) == sorted(files), "partitions not rewritten by the re-run: " + ", ".join(
        sorted(set(files) - set(rewritten))
    )
    for key, tis in ((day, server.task_instances(run_id, task_id="publish")) for day, run_id in run_ids.items()):
        assert [ti["try_number"] for ti in tis] == [2], (key, tis)
    after = snapshot(server.warehouse)
    assert not differences(backfilled["snapshot"], after), differences(backfilled["snapshot"], after)


def test_the_shard_size_param_maps_extract_over_shards_with_the_same_rows(server, landed, backfilled):
    run_id = f"manual__sharded_{SHARDED_DAY}"
    run = server.api(
        "POST", f"/api/v2/dags/{DAG_ID}/dagRuns",
        json_body={"dag_run_id": run_id, "logical_date": _logical_date(SHARDED_DAY, hour=12),
                   "conf": {"shard_size": SHARD_SIZE}},
    )
    assert run["conf"] == {"shard_size": SHARD_SIZE}
    wait_for_runs(server, [run_id])

    articles = len(landed[SHARDED_DAY])
    mapped = server.api(
        "GET", f"/api/v2/dags/{DAG_ID}/dagRuns/{run_id}/taskInstances/extract/listMapped", params={"limit": 100}
    )["task_instances"]
    assert sorted(ti["map_index"] for ti in mapped) == list(range(math.ceil(articles / SHARD_SIZE)))
    assert {ti["state"] for ti in mapped} == {"success"}
    # Each shard is labelled with its articles: "shard N (K articles)".
    labels = sorted((ti["map_index"], ti["rendered_map_index"]) for ti in mapped)
    counts = [int(re.fullmatch(rf"shard {i} \((\d+) articles\)", label).group(1)) for i, label in labels]
    assert counts == [min(SHARD_SIZE, articles - i * SHARD_SIZE) for i in range(len(counts))]

    warehouse = server.warehouse
    published = read_rows(partition_file(warehouse, "articles", SHARDED_DAY), drop=())
    assert {a["run_id"] for a in published} == {run_id}
    for table in FACT_TABLES:
        assert partitions(warehouse, table) == [f"dt={day}" for day in DAYS], table
    after = snapshot(warehouse)
    assert not differences(backfilled["snapshot"], after), differences(backfilled["snapshot"], after)
