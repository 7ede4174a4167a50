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
print(cursor.fetchone()[0])
"""


def test_sqlite_gets_a_busy_timeout_and_other_databases_nothing():
    assert arguments_for("sqlite:////tmp/airflow.db") == {"timeout": SQLITE_BUSY_TIMEOUT}
    assert arguments_for("postgresql+psycopg2://airflow:pw@postgres/airflow") == {}
    assert arguments_for("mysql+mysqldb://airflow@mysql/airflow") == {}


def _busy_timeout_ms(tmp_path, conn: str, **extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW__DATABASE__")}
    env.update({"AIRFLOW_HOME": str(tmp_path), "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": conn, **extra})
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def test_airflow_opens_sqlite_with_the_busy_timeout(tmp_path):
    settings = {
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS": "newsgraph.airflow_db.connect_args",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS_ASYNC": "newsgraph.airflow_db.connect_args_async",
    }
    conn = f"sqlite:///{tmp_path}/airflow.db"
    assert _busy_timeout_ms(tmp_path, conn) == "5000"  # SQLite's default, without the setting
    assert _busy_timeout_ms(tmp_path, conn, **settings) == str(int(SQLITE_BUSY_TIMEOUT * 1000))


def test_makefile_sets_the_connect_args():
    from newsgraph.settings import PROJECT_ROOT

    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS ?= newsgraph.airflow_db.connect_args" in makefile
    assert "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS_ASYNC ?= newsgraph.airflow_db.connect_args_async" in makefile
