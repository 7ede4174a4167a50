"""Support for test_celery_topology: Airflow's services as plain processes on one machine.

Every process gets the same environment: a private AIRFLOW_HOME, a fresh PostgreSQL
metadata database, CeleryExecutor with a Redis broker and the PostgreSQL database as
result backend, and a Celery queue of its own, so two test sessions on one machine
never take each other's tasks. ``AIRFLOW__CORE__HOSTNAME_CALLABLE`` points at
:func:`worker_hostname`, so each Celery worker records its own name as the task
instances' ``hostname`` even though both run on the same machine.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import Process, free_port, stop_processes, tail_of, wait_for  # noqa: E402,F401  (wait_for: for the tests)

#: Set in each Celery worker's environment; what :func:`worker_hostname` returns there.
WORKER_NAME_ENV = "NEWSGRAPH_TEST_WORKER_NAME"
AIRFLOW = Path(sys.executable).with_name("airflow")


def worker_hostname() -> str:
    """The hostname Airflow records for a task instance: the worker's name, else the FQDN."""
    return os.environ.get(WORKER_NAME_ENV) or socket.getfqdn()


# -- services on this machine ------------------------------------------------------------------


def reachable(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


# -- PostgreSQL ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Postgres:
    host: str = "127.0.0.1"
    port: int = 5432
    user: str = "postgres"

    def connect(self, dbname: str):
        import psycopg2

        conn = psycopg2.connect(host=self.host, port=self.port, user=self.user, dbname=dbname, connect_timeout=5)
        conn.autocommit = True
        return conn

    def create_database(self, name: str) -> None:
        conn = self.connect("postgres")
        try:
            with conn.cursor() as cur:
                cur.execute(f'CREATE DATABASE "{name}"')
        finally:
            conn.close()

    def drop_database(self, name: str) -> None:
        conn = self.connect("postgres")
        try:
            with conn.cursor() as cur:
                cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            conn.close()

    def query(self, dbname: str, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        conn = self.connect(dbname)
        try:
            with conn.cursor() as cur:
                cur.execute(sql, params)
                names = [d[0] for d in cur.description]
                return [dict(zip(names, row)) for row in cur.fetchall()]
        finally:
            conn.close()

    def url(self, dbname: str, driver: str = "postgresql+psycopg2") -> str:
        return f"{driver}://{self.user}@{self.host}:{self.port}/{dbname}"


# -- processes -----------------------------------------------------------------------------------


# -- the topology ---------------------------------------------------------------------------------


@dataclass
class Topology:
    """The environment and processes of one Airflow installation on CeleryExecutor."""

    project: Path
    home: Path
    landing: Path
    warehouse: Path
    postgres: Postgres
    redis_host: str = "127.0.0.1"
    redis_port: int = 6379
    redis_db: int = 13
    shard_size: int = 4
    worker_concurrency: int = 2
    token: str = field(default_factory=lambda: secrets.token_hex(4))
    api_port: int = field(default_factory=free_port)
    processes: list[Process] = field(default_factory=list)

    @property
    def database(self) -> str:
        return f"newsgraph_celery_{self.token}"

    @property
    def queue(self) -> str:
        return f"newsgraph_celery_{self.token}"

    @property
    def broker_url(self) -> str:
        return f"redis://{self.redis_host}:{self.redis_port}/{self.redis_db}"

    @property
    def logs(self) -> Path:
        return self.home / "process-logs"

    def worker_names(self) -> list[str]:
        return [f"worker1-{self.token}", f"worker2-{self.token}"]

    def celery_hostname(self, worker: str) -> str:
        return f"{worker}@{socket.gethostname()}"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
        pythonpath = [str(Path(__file__).resolve().parent)]
        if os.environ.get("PYTHONPATH"):
            pythonpath.append(os.environ["PYTHONPATH"])
        from cryptography.fernet import Fernet

        env.update(
            {
                "AIRFLOW_HOME": str(self.home),
                "PYTHONPATH": os.pathsep.join(pythonpath),
                "NO_PROXY": "*",
                "no_proxy": "*",
                "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
                "AIRFLOW__CORE__DAGS_FOLDER": str(self.project / "dags"),
                "AIRFLOW__CORE__PLUGINS_FOLDER": str(self.project / "plugins"),
                "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
                "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
                "AIRFLOW__CORE__FERNET_KEY": Fernet.generate_key().decode(),
                "AIRFLOW__CORE__HOSTNAME_CALLABLE": f"{Path(__file__).stem}.worker_hostname",
                "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{self.api_port}/execution/",
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": self.postgres.url(self.database),
                "AIRFLOW__CELERY__BROKER_URL": self.broker_url,
                "AIRFLOW__CELERY__RESULT_BACKEND": self.postgres.url(self.database, driver="db+postgresql"),
                "AIRFLOW__OPERATORS__DEFAULT_QUEUE": self.queue,
                "AIRFLOW__API__PORT": str(self.api_port),
                "AIRFLOW__API__HOST": "127.0.0.1",
                "AIRFLOW__API__SECRET_KEY": secrets.token_hex(16),
                "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(32),
                # Runs come only from the trigger and the backfill: no scheduled run for "yesterday".
                "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
                "AIRFLOW__SCHEDULER__SCHEDULER_IDLE_SLEEP_TIME": "0.5",
                # Parse the DAG folder once at start-up (a file edited during the run is not re-parsed).
                "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "600",
                "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "600",
                "AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES": "1",
                "AIRFLOW__LOGGING__COLORED_CONSOLE_LOG": "False",
                "NEWSGRAPH_LANDING": str(self.landing),
                "NEWSGRAPH_WAREHOUSE": str(self.warehouse),
                "NEWSGRAPH_SHARD_SIZE": str(self.shard_size),
                "NEWSGRAPH_PROCESSES": "1",
                "NEWSGRAPH_MAX_ACTIVE_SHARDS": str(2 * self.worker_concurrency),
            }
        )
        return env

    def airflow(self, *args: str, timeout: float = 300, env: dict[str, str] | None = None) -> str:
        """Run one ``airflow`` command to completion; fail with its output if it fails."""
        result = subprocess.run(
            [str(AIRFLOW), *args], env=env or self.env(), capture_output=True, text=True, timeout=timeout
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"airflow {' '.join(args)} exited with {result.returncode}:\n"
                f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
            )
        return result.stdout

    def start(self) -> None:
        """Start the api-server, scheduler, dag-processor and two Celery workers."""
        self.logs.mkdir(parents=True, exist_ok=True)
        base = self.env()
        commands = {
            "api-server": ["api-server", "--host", "127.0.0.1", "--port", str(self.api_port), "--workers", "1"],
            "scheduler": ["scheduler", "--skip-serve-logs"],
            "dag-processor": ["dag-processor"],
        }
        for name, args in commands.items():
            self.processes.append(Process(name, [str(AIRFLOW), *args], base, self.logs / f"{name}.log"))
        for worker in self.worker_names():
            env = dict(base, **{WORKER_NAME_ENV: worker})
            args = [
                str(AIRFLOW), "celery", "worker",
                "--celery-hostname", self.celery_hostname(worker),
                "--queues", self.queue,
                "--concurrency", str(self.worker_concurrency),
                "--skip-serve-logs",
                "--without-mingle", "--without-gossip",
            ]
            self.processes.append(Process(worker, args, env, self.logs / f"{worker}.log"))
        for p in self.processes:
            p.start()

    def stop(self) -> None:
        stop_processes(self.processes)

    def check_alive(self) -> None:
        dead = [p for p in self.processes if not p.running()]
        if dead:
            raise RuntimeError("processes ended early: " + ", ".join(p.name for p in dead))

    def tails(self, lines: int = 80) -> str:
        return "\n".join(p.tail(lines) for p in self.processes)

    # -- waiting for the pieces --

    def api_ready(self) -> bool:
        self.check_alive()
        return http_ok(f"http://127.0.0.1:{self.api_port}/execution/health")

    def workers_ready(self) -> bool:
        """Both workers answer a Celery ping on the broker."""
        self.check_alive()
        from celery import Celery

        app = Celery(broker=self.broker_url)
        try:
            wanted = [self.celery_hostname(w) for w in self.worker_names()]
            replies = app.control.ping(destination=wanted, timeout=1.0)
            answered = {name for reply in replies for name in reply}
            return set(wanted) <= answered
        finally:
            app.close()

    def dag_parsed(self, dag_id: str) -> bool:
        self.check_alive()
        rows = self.query(
            "SELECT d.dag_id FROM dag d JOIN serialized_dag s ON s.dag_id = d.dag_id WHERE d.dag_id = %s",
            (dag_id,),
        )
        return bool(rows)

    def import_errors(self) -> str:
        try:
            rows = self.query("SELECT filename, stacktrace FROM import_error")
        except Exception as err:  # the table may not be there if the migration failed
            return f"(cannot read import_error: {err})"
        return "\n".join(f"{r['filename']}:\n{r['stacktrace']}" for r in rows) or "(no import errors)"

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        return self.postgres.query(self.database, sql, params)

    def task_log_tails(self, dag_id: str, run_id: str, task_id: str, lines: int = 60) -> str:
        folder = self.home / "logs" / f"dag_id={dag_id}" / f"run_id={run_id}" / f"task_id={task_id}"
        files = sorted(folder.rglob("*.log")) if folder.exists() else []
        if not files:
            return f"(no task log under {folder})"
        return "\n".join(f"--- {f} ---\n{tail_of(f, lines)}" for f in files)

    def cleanup_broker(self) -> None:
        """Remove this session's queue and bindings from the Redis database."""
        import redis

        client = redis.Redis(host=self.redis_host, port=self.redis_port, db=self.redis_db, socket_timeout=5)
        try:
            keys = [k for k in client.scan_iter(match=f"*{self.token}*")]
            if keys:
                client.delete(*keys)
        finally:
            client.close()
