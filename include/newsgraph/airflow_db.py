"""Connect arguments for Airflow's metadata database on the embedded default (SQLite).

Airflow's api-server, scheduler, dag-processor and task processes all write to one SQLite
file. SQLite lets one writer in at a time and, by default, a connection waits 5 seconds for
the lock before it fails with "database is locked": a backfill created from the UI while
the scheduler commits a busy loop's worth of task states can then fail with HTTP 503
("Backfill creation is not supported on SQLite under concurrent access"). Airflow already
opens SQLite in write-ahead-log mode (readers and the writer do not block each other); two
things more make those failures into short waits:

- a busy timeout of a minute instead of five seconds;
- a write lock taken up front by transactions that start with a SAVEPOINT. Python's sqlite3
  opens a transaction with BEGIN only before an INSERT, UPDATE or DELETE; a transaction that
  SQLAlchemy starts with ``session.begin_nested()`` (Airflow does, to create backfill runs and
  to register asset events) starts as a reader, and when it then writes, SQLite must upgrade
  its lock. An upgrade that meets another writer fails at once, without the busy timeout (SQLite
  does that to avoid deadlock). ``BEGIN IMMEDIATE`` before such a SAVEPOINT takes the write lock
  while the connection holds no lock at all, which does wait. This is SQLAlchemy's documented
  recipe for pysqlite transactions, applied only to transactions that begin with a SAVEPOINT;
- the api-server's audit log written off its event loop. Airflow records every change made
  through the REST API (``log`` table) in an ``async`` FastAPI dependency that commits with a
  blocking session on the event loop. A request handled in a worker thread that has written,
  and so holds SQLite's write lock until FastAPI closes its session, needs that loop to finish;
  when the audit-log commit waits for the lock, it blocks the loop, and the two wait for each
  other until the busy timeout fails one of them: a whole api-server frozen for the timeout,
  then HTTP 500 for the API call. The wrapper below reads the request body on the loop and does
  the rest of Airflow's own ``log_action`` (unchanged) in a worker thread.

The Makefile (and the tests' Airflow installations) point Airflow at these objects::

    AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS=newsgraph.airflow_db.connect_args
    AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS_ASYNC=newsgraph.airflow_db.connect_args_async

They are empty for any other database (PostgreSQL, MySQL), whose drivers take other
arguments, so the settings are safe to keep when ``sql_alchemy_conn`` changes.
"""

from __future__ import annotations

import asyncio
import importlib.abc
import importlib.util
import inspect
import sys
import typing
from types import ModuleType
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

#: Seconds a connection waits for SQLite's write lock before "database is locked".
SQLITE_BUSY_TIMEOUT = 60.0


def arguments_for(sql_alchemy_conn: str) -> dict[str, Any]:
    """The DBAPI connect arguments for a metadata database URL: a busy timeout for SQLite, none otherwise."""
    return {"timeout": SQLITE_BUSY_TIMEOUT} if sql_alchemy_conn.strip().startswith("sqlite") else {}


def begin_immediate_before_savepoint(conn: Connection, name: str) -> None:
    """Start a pysqlite connection's transaction with ``BEGIN IMMEDIATE`` when a SAVEPOINT would start it."""
    if conn.dialect.name != "sqlite" or conn.dialect.driver != "pysqlite":
        return
    dbapi_connection = conn.connection.dbapi_connection
    if dbapi_connection is not None and not dbapi_connection.in_transaction:
        # Through SQLAlchemy, so that a lock still held after the busy timeout raises
        # sqlalchemy.exc.OperationalError, which Airflow's callers handle.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def install_sqlite_hooks() -> None:
    """Apply :func:`begin_immediate_before_savepoint` to every engine (idempotent; others are untouched)."""
    if not event.contains(Engine, "savepoint", begin_immediate_before_savepoint):
        event.listen(Engine, "savepoint", begin_immediate_before_savepoint)


ACTION_LOGGING_MODULE = "airflow.api_fastapi.logging.decorators"


def audit_log_off_the_event_loop(module: ModuleType) -> None:
    """Make ``module.action_logging`` give dependencies that write the audit log in a worker thread."""
    original = module.action_logging
    if getattr(original, "off_the_event_loop", False):
        return

    def action_logging(event: str | None = None):
        log_action = original(event)
        hints = typing.get_type_hints(log_action, include_extras=True)
        signature = inspect.signature(log_action)
        signature = signature.replace(
            parameters=[p.replace(annotation=hints.get(p.name, p.annotation)) for p in signature.parameters.values()]
        )

        async def log_action_in_a_thread(**kwargs: Any) -> Any:
            # Read the body on the event loop (Starlette keeps it), so that log_action's own
            # awaits of it touch no loop when it runs in the thread's loop.
            await kwargs["request"].body()
            import anyio.to_thread

            return await anyio.to_thread.run_sync(lambda: asyncio.run(log_action(**kwargs)))

        log_action_in_a_thread.__signature__ = signature  # FastAPI reads the parameters from it
        log_action_in_a_thread.__doc__ = log_action.__doc__
        return log_action_in_a_thread

    action_logging.off_the_event_loop = True
    action_logging.__doc__ = original.__doc__
    module.action_logging = action_logging


class _PatchOnImport(importlib.abc.MetaPathFinder):
    """Applies :func:`audit_log_off_the_event_loop` when Airflow's module is first imported."""

    def find_spec(self, fullname, path, target=None):
        if fullname != ACTION_LOGGING_MODULE:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return None
        exec_module = spec.loader.exec_module

        def exec_and_patch(module: ModuleType) -> None:
            exec_module(module)
            audit_log_off_the_event_loop(module)

        spec.loader.exec_module = exec_and_patch
        return spec


def install_audit_log_patch() -> None:
    """Patch the audit-log dependency now if it is imported, else when it is (idempotent)."""
    if ACTION_LOGGING_MODULE in sys.modules:
        audit_log_off_the_event_loop(sys.modules[ACTION_LOGGING_MODULE])
    elif not any(isinstance(finder, _PatchOnImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _PatchOnImport())


def _configured_conn() -> str:
    from airflow.configuration import conf

    return conf.get("database", "sql_alchemy_conn", fallback="") or ""


def __getattr__(name: str) -> dict[str, Any]:
    """``connect_args`` and ``connect_args_async``, read when Airflow asks for them.

    Computed on access, not at import: Airflow imports this module while it sets itself up,
    and importing ``airflow.configuration`` here at import time would start that set-up
    again when this module is imported first. Each access gives a new dict, because Airflow
    adds its own keys (``check_same_thread`` for SQLite) to the one it gets. Asking for them
    with SQLite configured also installs the SAVEPOINT hook and the audit-log patch, before Airflow
    makes its engines and its API routes.
    """
    if name in ("connect_args", "connect_args_async"):
        sql_alchemy_conn = _configured_conn()
        if sql_alchemy_conn.strip().startswith("sqlite"):
            install_sqlite_hooks()
            install_audit_log_patch()
        return arguments_for(sql_alchemy_conn)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
