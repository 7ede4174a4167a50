"""The embedded default's SQLite metadata database waits for its write lock instead of failing."""

from __future__ import annotations

import os
import subprocess
import sys

from newsgraph.airflow_db import SQLITE_BUSY_TIMEOUT, arguments_for

# Imports this project's module before Airflow, as a test or a script may: Airflow's set-up
# then imports it again half-way (it is what the setting names), which must work.
PROBE = """
import newsgraph.airflow_db
from airflow import settings
cursor = settings.engine.raw_connection().cursor()
cursor.execute("PRAGMA busy_timeout")
timeout = cursor.fetchone()[0]
cursor.execute("PRAGMA journal_mode")
print(timeout, cursor.fetchone()[0])
"""


def test_sqlite_gets_a_busy_timeout_and_other_databases_nothing():
    assert arguments_for("sqlite:////tmp/airflow.db") == {"timeout": SQLITE_BUSY_TIMEOUT}
    assert arguments_for("postgresql+psycopg2://airflow:pw@postgres/airflow") == {}
    assert arguments_for("mysql+mysqldb://airflow@mysql/airflow") == {}


#: The settings the Makefile and the tests' Airflow installations give.
SETTINGS = {
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS": "newsgraph.airflow_db.connect_args",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS_ASYNC": "newsgraph.airflow_db.connect_args_async",
}


def _run_probe(probe: str, tmp_path, **extra: str) -> str:
    """The last line a probe prints, run by a new Python on an Airflow home in ``tmp_path`` (SQLite there)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW__DATABASE__")}
    env.update({"AIRFLOW_HOME": str(tmp_path), "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{tmp_path}/airflow.db", **extra})
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def test_airflow_opens_sqlite_with_the_busy_timeout_and_write_ahead_log(tmp_path):
    # Airflow itself puts SQLite in write-ahead-log mode; the setting keeps it.
    assert _run_probe(PROBE, tmp_path) == "5000 wal"  # SQLite's default timeout, without the setting
    assert _run_probe(PROBE, tmp_path, **SETTINGS) == f"{int(SQLITE_BUSY_TIMEOUT * 1000)} wal"


def test_makefile_sets_the_connect_args():
    from newsgraph.settings import PROJECT_ROOT

    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS ?= newsgraph.airflow_db.connect_args" in makefile
    assert "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS_ASYNC ?= newsgraph.airflow_db.connect_args_async" in makefile


# A transaction that begins with a SAVEPOINT (Airflow's backfill creation does) reads, then
# writes, while another process holds SQLite's write lock for a moment.
SAVEPOINT_PROBE = """
import sqlite3, threading, time
from sqlalchemy import text
from airflow import settings
path = settings.engine.url.database
with settings.engine.begin() as conn:
    conn.execute(text("CREATE TABLE probe (x INTEGER)"))
locked = threading.Event()
def writer():
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO probe VALUES (1)")
    locked.set()
    time.sleep(1.5)
    other.commit()
thread = threading.Thread(target=writer)
thread.start()
locked.wait()
try:
    with settings.Session() as session:
        with session.begin_nested():
            session.execute(text("SELECT count(*) FROM probe")).all()
            session.execute(text("INSERT INTO probe VALUES (2)"))
        session.commit()
    outcome = "committed"
except Exception as err:
    outcome = "failed: " + str(err).splitlines()[0]
thread.join()
rows = sqlite3.connect(path).execute("SELECT x FROM probe ORDER BY x").fetchall()
print(outcome, [x for (x,) in rows])
"""


def test_a_transaction_that_starts_with_a_savepoint_waits_for_the_write_lock(tmp_path):
    # Without the setting, SQLite refuses the lock upgrade at once, busy timeout or not.
    assert _run_probe(SAVEPOINT_PROBE, tmp_path / "plain") == "failed: (sqlite3.OperationalError) database is locked [1]"
    assert _run_probe(SAVEPOINT_PROBE, tmp_path / "configured", **SETTINGS) == "committed [1, 2]"


def test_nested_savepoints_and_their_rollback_keep_their_meaning_with_the_hook():
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import Session

    from newsgraph.airflow_db import install_sqlite_hooks

    install_sqlite_hooks()
    install_sqlite_hooks()  # idempotent
    engine = create_engine("sqlite://", connect_args={"check_same_thread": False})
    with Session(engine) as session:
        session.execute(text("CREATE TABLE t (x INTEGER)"))
        with session.begin_nested():
            session.execute(text("INSERT INTO t VALUES (1)"))
            with session.begin_nested():
                session.execute(text("INSERT INTO t VALUES (2)"))
        with session.begin_nested() as inner:
            session.execute(text("INSERT INTO t VALUES (3)"))
            inner.rollback()
        session.commit()
        assert [x for (x,) in session.execute(text("SELECT x FROM t ORDER BY x"))] == [1, 2]
