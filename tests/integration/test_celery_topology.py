"""The distributed topology for real: api-server, scheduler, dag-processor and two Celery
workers as separate processes, a fresh PostgreSQL metadata database, Redis as broker.

Three landing days of the gold passages go through ``news_pipeline``: one day triggered
on its own, then a backfill over all three days (which reruns the first). The tasks must
have run on both workers, and the published tables must equal those of the same days run
in-process with ``pipeline.run_day``.

Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth) and Redis at 127.0.0.1:6379;
skipped when either is not reachable.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from celery_support import Postgres, Topology, reachable, wait_for  # noqa: E402

pytestmark = pytest.mark.integration

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GOLD = PROJECT_ROOT / "tests" / "gold" / "articles.jsonl"
DAG_ID = "news_pipeline"
DAYS = [date(2025, 9, 1), date(2025, 9, 2), date(2025, 9, 3)]
FACT_TABLES = ("articles", "entity_mentions", "amounts", "dates", "quarantine")
POSTGRES = Postgres(host="127.0.0.1", port=5432, user="postgres")
REDIS = ("127.0.0.1", 6379)
#: Redis database for the broker (each session also uses a queue of its own).
REDIS_DB = 13
#: Articles per extract shard, so a day of ~17 articles maps to several extract tasks.
SHARD_SIZE = 4
STARTUP_TIMEOUT = 240
RUNS_TIMEOUT = 15 * 60
BAD_TI_STATES = ("failed", "up_for_retry", "upstream_failed")


def _logical_date(day: date) -> datetime:
    """A day's run has logical date D 02:00 UTC (see the DAG's docs)."""
    return datetime(day.year, day.month, day.day, 2, tzinfo=timezone.utc)


# -- landing data -------------------------------------------------------------------------------


def write_landing(root: Path) -> dict[date, int]:
    """The gold passages split over three landing days as JSON Lines; the second day also has
    a line that is not JSON and a duplicate article, so the quarantine table is not empty."""
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    size = -(-len(records) // len(DAYS))
    written = {}
    for i, day in enumerate(DAYS):
        chunk = records[i * size : (i + 1) * size]
        lines = [
            # published on the landing day: a later date would be quarantined (future_published_at)
            json.dumps({"id": r["id"], "source": "gold", "published_at": f"{day.isoformat()}T06:00:00Z", "text": r["text"]})
            for r in chunk
        ]
        if i == 1:
            lines.insert(2, "{not json")
            lines.append(lines[0])
        folder = root / day.isoformat()
        folder.mkdir(parents=True)
        (folder / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        written[day] = len(chunk)
    return written


def embedded_run(landing: Path, warehouse: Path) -> None:
    """The same days through the pipeline's steps in this process (what LocalExecutor runs)."""
    from newsgraph import pipeline
    from newsgraph.settings import Settings

    settings = Settings.from_env().with_overrides(landing_root=landing, warehouse_root=warehouse, processes=1)
    for day in DAYS:
        pipeline.run_day(settings, day)


# -- reading the warehouse ----------------------------------------------------------------------


def _parquet_files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("*.parquet") if not p.name.startswith("."))


def read_rows(folder: Path) -> list[tuple]:
    """Every row of the Parquet parts in ``folder`` without ``run_id``, in a canonical order."""
    import duckdb

    files = _parquet_files(folder)
    assert files, f"no Parquet file in {folder}"
    con = duckdb.connect()
    try:
        cur = con.execute("SELECT * FROM read_parquet(?, hive_partitioning = false)", [files])
        names = [d[0] for d in cur.description]
        keep = [i for i, n in enumerate(names) if n != "run_id"]
        rows = [tuple(row[i] for i in keep) for row in cur.fetchall()]
    finally:
        con.close()
    return sorted(rows, key=repr)


def partitions(root: Path, table: str) -> list[str]:
    base = root / table
    return sorted(p.name for p in base.glob("dt=*") if p.is_dir() and _parquet_files(p)) if base.exists() else []


# -- waiting for runs ---------------------------------------------------------------------------


class RunFailed(AssertionError):
    pass


def run_report(topo: Topology) -> str:
    """The DAG's runs and task instances, and the logs of every task instance that did not succeed."""
    runs = topo.query(
        "SELECT run_id, run_type, state, logical_date FROM dag_run WHERE dag_id = %s ORDER BY logical_date, run_id",
        (DAG_ID,),
    )
    tis = topo.query(
        "SELECT run_id, task_id, map_index, state, try_number, hostname FROM task_instance "
        "WHERE dag_id = %s ORDER BY run_id, task_id, map_index",
        (DAG_ID,),
    )
    lines = ["dag runs:"] + [f"  {r['run_id']} {r['run_type']} {r['state']} {r['logical_date']}" for r in runs]
    lines += ["task instances:"] + [
        f"  {t['run_id']} {t['task_id']}[{t['map_index']}] {t['state']} try={t['try_number']} host={t['hostname']}"
        for t in tis
    ]
    for t in tis:
        if t["state"] not in (None, "success", "scheduled", "queued"):
            lines.append(f"log of {t['run_id']} {t['task_id']}[{t['map_index']}] ({t['state']}):")
            lines.append(topo.task_log_tails(DAG_ID, t["run_id"], t["task_id"]))
    return "\n".join(lines)


def wait_for_runs(topo: Topology, days: list[date], timeout: float, backfill: bool = False) -> None:
    """Until every day's run succeeded and nothing is left running (and the backfill, if any, completed)."""
    wanted = {_logical_date(d) for d in days}

    def done() -> bool:
        topo.check_alive()
        bad = topo.query(
            "SELECT count(*) AS n FROM task_instance WHERE dag_id = %s AND state = ANY(%s)",
            (DAG_ID, list(BAD_TI_STATES)),
        )[0]["n"]
        runs = topo.query("SELECT state, logical_date FROM dag_run WHERE dag_id = %s", (DAG_ID,))
        if bad or any(r["state"] == "failed" for r in runs):
            raise RunFailed(f"a task or run of {DAG_ID} failed\n{run_report(topo)}")
        if any(r["state"] != "success" for r in runs):
            return False
        if not wanted <= {r["logical_date"] for r in runs}:
            return False
        if backfill:
            backfills = topo.query("SELECT completed_at FROM backfill WHERE dag_id = %s", (DAG_ID,))
            return bool(backfills) and all(b["completed_at"] is not None for b in backfills)
        return True

    wait_for(
        f"{DAG_ID} runs of {', '.join(d.isoformat() for d in days)}",
        done,
        timeout=timeout,
        interval=2.0,
        on_timeout=lambda: run_report(topo),
    )


# -- the whole thing, once per module -----------------------------------------------------------


@dataclass
class Outcome:
    topo: Topology
    expected: Path
    actual: Path
    articles: dict[date, int]
    #: Every attempt of every task instance (current and earlier tries): hostname, task_id, map_index, run_id.
    attempts: list[dict]
    runs: list[dict]
    backfill_runs: list[dict]


@pytest.fixture(scope="module")
def outcome(request, tmp_path_factory) -> Iterator[Outcome]:
    missing = []
    if not reachable(POSTGRES.host, POSTGRES.port):
        missing.append(
            f"PostgreSQL at {POSTGRES.host}:{POSTGRES.port} (user postgres, trust auth; "
            "e.g. `sudo service postgresql start`)"
        )
    if not reachable(*REDIS):
        missing.append(f"Redis at {REDIS[0]}:{REDIS[1]} (e.g. `sudo service redis-server start`)")
    if missing:
        pytest.skip("the Celery topology test needs " + " and ".join(missing) + ": not reachable")

    tmp = tmp_path_factory.mktemp("celery-topology")
    landing = tmp / "landing"
    articles = write_landing(landing)
    topo = Topology(
        project=PROJECT_ROOT,
        home=tmp / "airflow",
        landing=landing,
        warehouse=tmp / "warehouse",
        postgres=POSTGRES,
        redis_host=REDIS[0],
        redis_port=REDIS[1],
        redis_db=REDIS_DB,
        shard_size=SHARD_SIZE,
    )
    topo.home.mkdir()
    started = time.monotonic()

    def mark(what: str) -> None:
        print(f"[celery topology] {time.monotonic() - started:6.1f} s  {what}", flush=True)

    def teardown() -> None:
        topo.stop()
        mark("processes stopped")
        try:
            topo.cleanup_broker()
        finally:
            POSTGRES.drop_database(topo.database)

    failed_before = request.session.testsfailed
    failure = None
    try:
        result = bring_up_and_run(topo, tmp / "expected", articles, mark)
    except Exception as err:
        detail = "" if isinstance(err, (RunFailed, TimeoutError)) else traceback.format_exc()
        failure = f"{detail}{err}\n\nprocess logs:\n{topo.tails()}"
    except BaseException:
        teardown()
        raise
    if failure is not None:
        teardown()
        pytest.fail(failure, pytrace=False)
    try:
        yield result
    finally:
        if request.session.testsfailed > failed_before:
            print(f"process logs:\n{topo.tails()}", file=sys.stderr)
        teardown()


def bring_up_and_run(topo: Topology, expected: Path, articles: dict[date, int], mark: Callable[[str], None]) -> Outcome:
    """Start everything, run the single day and then the backfill, and collect what happened."""
    POSTGRES.create_database(topo.database)
    topo.airflow("db", "migrate", timeout=600)
    mark(f"migrated {topo.database}")
    topo.start()
    embedded_run(topo.landing, expected)
    mark("embedded run of the three days done")
    wait_for("the api-server", topo.api_ready, STARTUP_TIMEOUT)
    wait_for(f"{DAG_ID} to be parsed", lambda: topo.dag_parsed(DAG_ID), STARTUP_TIMEOUT, on_timeout=topo.import_errors)
    wait_for("both Celery workers", topo.workers_ready, STARTUP_TIMEOUT)
    mark("api-server, scheduler, dag-processor and two workers up")

    runs_started = time.monotonic()
    topo.airflow("dags", "unpause", DAG_ID)
    topo.airflow("dags", "trigger", DAG_ID, "--logical-date", _logical_date(DAYS[0]).isoformat())
    wait_for_runs(topo, DAYS[:1], RUNS_TIMEOUT)
    mark(f"triggered run of {DAYS[0]} succeeded")
    topo.airflow(
        "backfill", "create", "--dag-id", DAG_ID,
        "--from-date", DAYS[0].isoformat(),
        "--to-date", f"{DAYS[-1].isoformat()}T23:00:00+00:00",
        "--reprocess-behavior", "completed",
    )
    wait_for_runs(topo, DAYS, RUNS_TIMEOUT - (time.monotonic() - runs_started), backfill=True)
    mark("backfill of the three days succeeded")

    attempts = topo.query(
        "SELECT hostname, task_id, map_index, run_id, try_number FROM task_instance WHERE dag_id = %s "
        "UNION ALL "
        "SELECT hostname, task_id, map_index, run_id, try_number FROM task_instance_history WHERE dag_id = %s",
        (DAG_ID, DAG_ID),
    )
    runs = topo.query(
        "SELECT run_id, run_type, state, logical_date FROM dag_run WHERE dag_id = %s ORDER BY logical_date",
        (DAG_ID,),
    )
    backfill_runs = topo.query(
        "SELECT logical_date, dag_run_id, exception_reason FROM backfill_dag_run ORDER BY logical_date"
    )
    return Outcome(topo, expected, topo.warehouse, articles, attempts, runs, backfill_runs)


# -- the assertions -----------------------------------------------------------------------------


def test_both_workers_ran_tasks(outcome):
    workers = outcome.topo.worker_names()
    ran = [a for a in outcome.attempts if a["hostname"]]
    per_worker = Counter(a["hostname"] for a in ran)
    mapped = Counter(a["hostname"] for a in ran if a["map_index"] is not None and a["map_index"] >= 0)
    summary = (
        f"task attempts per worker: {dict(per_worker)}; mapped ones: {dict(mapped)}\n"
        + "\n".join(f"  {a['run_id']} {a['task_id']}[{a['map_index']}] try {a['try_number']} on {a['hostname']}"
                    for a in sorted(ran, key=lambda a: (a["run_id"], a["task_id"], a["map_index"], a["try_number"])))
    )
    print(summary)
    assert set(per_worker) <= set(workers), f"tasks ran outside the two workers\n{summary}"
    for worker in workers:
        assert per_worker[worker] >= 1, f"{worker} ran no task\n{summary}"


def test_the_trigger_and_the_backfill_ran_every_day(outcome):
    by_day = {r["logical_date"]: r for r in outcome.runs}
    assert set(by_day) == {_logical_date(d) for d in DAYS}, outcome.runs
    assert all(r["state"] == "success" for r in outcome.runs), outcome.runs
    # the backfill created or re-ran a run for each of the three days (the first one: the triggered run)
    assert sorted(b["logical_date"] for b in outcome.backfill_runs) == [_logical_date(d) for d in DAYS]
    assert all(b["dag_run_id"] is not None and b["exception_reason"] is None for b in outcome.backfill_runs), (
        outcome.backfill_runs
    )
    assert all(r["run_type"] == "backfill" for r in outcome.runs), outcome.runs


def test_published_tables_equal_the_embedded_run(outcome):
    days = [f"dt={d.isoformat()}" for d in DAYS]
    for table in FACT_TABLES:
        assert partitions(outcome.expected, table) == days, table
        assert partitions(outcome.actual, table) == days, f"{table}: {partitions(outcome.actual, table)}"
        for dt in days:
            expected = read_rows(outcome.expected / table / dt)
            actual = read_rows(outcome.actual / table / dt)
            assert actual == expected, _difference(f"{table}/{dt}", expected, actual)
    expected = read_rows(outcome.expected / "entities")
    actual = read_rows(outcome.actual / "entities")
    assert actual == expected, _difference("entities", expected, actual)

    # the data are worth comparing: every gold article published, two inputs quarantined
    articles = sum(len(read_rows(outcome.actual / "articles" / dt)) for dt in days)
    assert articles == sum(outcome.articles.values())
    assert sum(len(read_rows(outcome.actual / "quarantine" / dt)) for dt in days) == 2
    assert len(read_rows(outcome.actual / "amounts" / days[0])) > 10
    assert len(actual) > 100


def _difference(what: str, expected: list[tuple], actual: list[tuple]) -> str:
    exp, act = Counter(map(repr, expected)), Counter(map(repr, actual))
    only_expected = list((exp - act).elements())[:3]
    only_actual = list((act - exp).elements())[:3]
    return (
        f"{what}: {len(actual)} rows published under Celery, {len(expected)} in the embedded run\n"
        f"only in the embedded run (first 3): {only_expected}\nonly under Celery (first 3): {only_actual}"
    )
