"""Connect arguments for Airflow's metadata database on the embedded default (SQLite).

Airflow's api-server, scheduler, dag-processor and task processes all write to one SQLite
file. SQLite lets one writer in at a time and, by default, a connection waits 5 seconds for
the lock before it fails with "database is locked": a backfill created from the UI while
the scheduler commits a busy loop's worth of task states can then fail with HTTP 503
("Backfill creation is not supported on SQLite under concurrent access"). Waiting longer
turns those failures into short waits.

The Makefile (and the tests' Airflow installations) point Airflow at these objects::

    AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS=newsgraph.airflow_db.connect_args
    AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS_ASYNC=newsgraph.airflow_db.connect_args_async

They are empty for any other database (PostgreSQL, MySQL), whose drivers take other
arguments, so the settings are safe to keep when ``sql_alchemy_conn`` changes.
"""

from __future__ import annotations

from typing import Any

#: Seconds a connection waits for SQLite's write lock before "database is locked".
SQLITE_BUSY_TIMEOUT = 60.0


def arguments_for(sql_alchemy_conn: str) -> dict[str, Any]:
    """The DBAPI connect arguments for a metadata database URL: a busy timeout for SQLite, none otherwise."""
    return {"timeout": SQLITE_BUSY_TIMEOUT} if sql_alchemy_conn.strip().startswith("sqlite") else {}


def _configured_conn() -> str:
    from airflow.configuration import conf

    return conf.get("database", "sql_alchemy_conn", fallback="") or ""


def __getattr__(name: str) -> dict[str, Any]:
    """``connect_args`` and ``connect_args_async``, read when Airflow asks for them.

    Computed on access, not at import: Airflow imports this module while it sets itself up,
    and importing ``airflow.configuration`` here at import time would start that set-up
    again when this module is imported first. Each access gives a new dict, because Airflow
    adds its own keys (``check_same_thread`` for SQLite) to the one it gets.
    """
    if name in ("connect_args", "connect_args_async"):
        return arguments_for(_configured_conn())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
