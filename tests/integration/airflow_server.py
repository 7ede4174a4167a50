"""Support for the REST and UI tests: a real Airflow 3 installation on the embedded default.

:class:`AirflowServer` runs ``airflow api-server``, ``airflow scheduler`` and
``airflow dag-processor`` (Airflow 3 parses DAG files in a process of its own; no triggerer:
the project has no deferrable task) as subprocesses, each in its own process group with its
output in a log file, against a fresh SQLite metadata database in a private AIRFLOW_HOME,
LocalExecutor, the project's DAG folder and a landing and warehouse folder of its own. The
simple auth manager has one ``admin`` user whose password the test sets, so the tests log in
the way the UI does: ``POST /auth/token`` with the user name and password, then
``Authorization: Bearer <token>``.

Every port is a free one picked at start, so this never collides with another Airflow on the
machine (test_celery_topology starts its own). :func:`shared_server` starts one installation
per test session for every module that asks for it, and stops it when the session ends.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import Process, free_port, stop_processes, tail_of, wait_for  # noqa: E402,F401  (wait_for: for the tests)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
AIRFLOW = Path(sys.executable).with_name("airflow")
DAG_ID = "news_pipeline"
STARTUP_TIMEOUT = 240.0


class ApiError(AssertionError):
    pass


@dataclass
class AirflowServer:
    """One Airflow installation: its folders, environment, processes and REST API."""

    root: Path
    project: Path = PROJECT_ROOT
    username: str = "admin"
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    port: int = field(default_factory=free_port)
    processes: list[Process] = field(default_factory=list)
    #: Settings that replace the defaults below (an installation that differs in one respect).
    extra_env: dict[str, str] = field(default_factory=dict)
    #: The Airflow processes to run: all three, or only ``("api-server",)`` for a test of the UI alone.
    components: tuple[str, ...] = ("api-server", "scheduler", "dag-processor")
    _token: str | None = None

    # -- folders --

    @property
    def home(self) -> Path:
        return self.root / "airflow-home"

    @property
    def landing(self) -> Path:
        return self.root / "landing"

    @property
    def warehouse(self) -> Path:
        return self.root / "warehouse"

    @property
    def logs(self) -> Path:
        return self.root / "process-logs"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "NEWSGRAPH_"))}
        from cryptography.fernet import Fernet

        env.update(
            {
                "AIRFLOW_HOME": str(self.home),
                "NO_PROXY": "*",
                "no_proxy": "*",
                "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
                "AIRFLOW__CORE__DAGS_FOLDER": str(self.project / "dags"),
                "AIRFLOW__CORE__PLUGINS_FOLDER": str(self.project / "plugins"),
                "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
                "AIRFLOW__CORE__PARALLELISM": "8",
                "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
                "AIRFLOW__CORE__FERNET_KEY": Fernet.generate_key().decode(),
                "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.base_url}/execution/",
                "AIRFLOW__CORE__AUTH_MANAGER": (
                    "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager"
                ),
                "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{self.username}:admin",
                "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "False",
                "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(self.home / "passwords.json"),
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{self.home}/airflow.db",
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS": "newsgraph.airflow_db.connect_args",
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS_ASYNC": "newsgraph.airflow_db.connect_args_async",
                "AIRFLOW__API__HOST": "127.0.0.1",
                "AIRFLOW__API__PORT": str(self.port),
                "AIRFLOW__API__BASE_URL": self.base_url,
                "AIRFLOW__API__SECRET_KEY": secrets.token_hex(16),
                "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(32),
                # Runs come only from the API (trigger and backfill), never from the schedule
                # (nor from Asset events: test_asset_schedule runs an installation with it on).
                "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
                "AIRFLOW__SCHEDULER__SCHEDULER_IDLE_SLEEP_TIME": "0.5",
                # Parse the DAG folder at start-up; nothing edits it while the tests run.
                "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "600",
                "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "600",
                "AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES": "1",
                "AIRFLOW__LOGGING__COLORED_CONSOLE_LOG": "False",
                "NEWSGRAPH_LANDING": str(self.landing),
                "NEWSGRAPH_WAREHOUSE": str(self.warehouse),
                "NEWSGRAPH_PROCESSES": "1",
            }
        )
        env.update(self.extra_env)
        return env

    # -- processes --

    def start(self) -> None:
        """Migrate a fresh metadata DB, start the processes, wait until the API serves the DAG."""
        for folder in (self.home, self.landing, self.warehouse, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        (self.home / "passwords.json").write_text(json.dumps({self.username: self.password}) + "\n")
        env = self.env()
        migrate = subprocess.run(
            [str(AIRFLOW), "db", "migrate"], env=env, capture_output=True, text=True, timeout=300,
            cwd=str(self.logs),
        )
        (self.logs / "db-migrate.log").write_text(migrate.stdout + migrate.stderr)
        if migrate.returncode != 0:
            raise RuntimeError(f"airflow db migrate exited with {migrate.returncode}:\n{tail_of(self.logs / 'db-migrate.log', 60)}")
        commands = {
            "api-server": ["api-server", "--host", "127.0.0.1", "--port", str(self.port), "--workers", "1"],
            "scheduler": ["scheduler", "--skip-serve-logs"],
            "dag-processor": ["dag-processor"],
        }
        unknown = set(self.components) - set(commands)
        if unknown or "api-server" not in self.components:
            raise ValueError(f"components must include api-server and be among {sorted(commands)}: {self.components}")
        for name in self.components:
            self.processes.append(Process(name, [str(AIRFLOW), *commands[name]], env, self.logs / f"{name}.log", cwd=self.logs))
            self.processes[-1].start()
        wait_for("the api-server to answer /api/v2/monitor/health", self._healthy, STARTUP_TIMEOUT,
                 on_timeout=self.tails)
        if "dag-processor" in self.components:
            wait_for(f"the dag-processor to parse {DAG_ID}", self._dag_known, STARTUP_TIMEOUT,
                     on_timeout=lambda: self.import_errors() + "\n" + self.tails())

    def stop(self) -> None:
        stop_processes(self.processes)

    def check_alive(self) -> None:
        dead = [p for p in self.processes if not p.running()]
        if dead:
            raise RuntimeError(
                "Airflow processes ended early: " + ", ".join(p.name for p in dead) + "\n" + self.tails()
            )

    def tails(self, lines: int = 60) -> str:
        return "\n".join(p.tail(lines) for p in self.processes)

    def _healthy(self) -> bool:
        self.check_alive()
        try:
            response = requests.get(f"{self.base_url}/api/v2/monitor/health", timeout=5)
        except requests.RequestException:
            return False
        return response.status_code == 200 and response.json().get("metadatabase", {}).get("status") == "healthy"

    def _dag_known(self) -> bool:
        self.check_alive()
        return self.request("GET", f"/api/v2/dags/{DAG_ID}", expect=None).status_code == 200

    def import_errors(self) -> str:
        try:
            errors = self.api("GET", "/api/v2/importErrors")["import_errors"]
        except Exception as err:  # reporting only
            return f"(cannot list import errors: {err})"
        return "\n".join(f"{e['filename']}:\n{e['stack_trace']}" for e in errors) or "(no import errors)"

    # -- REST API --

    def login(self, username: str | None = None, password: str | None = None) -> requests.Response:
        """``POST /auth/token`` as the UI's login form does; the response carries ``access_token``."""
        return requests.post(
            f"{self.base_url}/auth/token",
            json={"username": username or self.username, "password": self.password if password is None else password},
            timeout=30,
        )

    def token(self) -> str:
        if self._token is None:
            response = self.login()
            if response.status_code not in (200, 201):
                raise ApiError(f"POST /auth/token answered {response.status_code}: {response.text[:500]}")
            self._token = response.json()["access_token"]
        return self._token

    def request(self, method: str, path: str, *, json_body: Any = None, params: dict | None = None,
                expect: int | tuple[int, ...] | None = (200, 201), auth: bool = True,
                headers: dict | None = None) -> requests.Response:
        """One HTTP request to the api-server; with ``expect``, fail unless the status is one of them."""
        all_headers = {"Accept": "application/json", **(headers or {})}
        if auth:
            all_headers["Authorization"] = f"Bearer {self.token()}"
        response = requests.request(
            method, f"{self.base_url}{path}", json=json_body, params=params, headers=all_headers, timeout=60
        )
        if expect is not None:
            wanted = (expect,) if isinstance(expect, int) else expect
            if response.status_code not in wanted:
                raise ApiError(f"{method} {path} answered {response.status_code}, not {wanted}: {response.text[:2000]}")
        return response

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        return self.request(method, path, **kwargs).json()

    def dag_runs(self, dag_id: str = DAG_ID) -> list[dict]:
        return self.api("GET", f"/api/v2/dags/{dag_id}/dagRuns", params={"limit": 100, "order_by": "id"})["dag_runs"]

    def task_instances(self, run_id: str, dag_id: str = DAG_ID, **params: Any) -> list[dict]:
        return self.api(
            "GET", f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances", params={"limit": 100, **params}
        )["task_instances"]

    def task_log(self, ti: dict, dag_id: str = DAG_ID, lines: int = 60) -> str:
        """The last ``lines`` lines of a task instance's log, read through the API."""
        path = (f"/api/v2/dags/{dag_id}/dagRuns/{ti['dag_run_id']}/taskInstances/{ti['task_id']}"
                f"/logs/{max(1, ti['try_number'])}")
        try:
            content = self.api("GET", path, params={"map_index": ti["map_index"], "full_content": "true"})["content"]
        except Exception as err:  # reporting only
            return f"(cannot read the log: {err})"
        text = [c if isinstance(c, str) else json.dumps(c, default=str) for c in (content or [])]
        return "\n".join(text[-lines:])

    def run_report(self, run_ids: list[str] | None = None, dag_id: str = DAG_ID) -> str:
        """Runs, their task instances, and the log of every task instance that did not succeed."""
        lines: list[str] = []
        try:
            runs = self.dag_runs(dag_id)
        except Exception as err:  # reporting only
            return f"(cannot list runs: {err})"
        for run in runs:
            if run_ids is not None and run["dag_run_id"] not in run_ids:
                continue
            lines.append(f"run {run['dag_run_id']}: {run['state']} (logical date {run['logical_date']})")
            try:
                tis = self.task_instances(run["dag_run_id"], dag_id)
            except Exception as err:  # reporting only
                lines.append(f"  (cannot list task instances: {err})")
                continue
            for ti in sorted(tis, key=lambda t: (t["task_id"], t["map_index"])):
                lines.append(f"  {ti['task_id']}[{ti['map_index']}] try {ti['try_number']}: {ti['state']}")
                if ti["state"] not in ("success", None, "scheduled", "queued", "running"):
                    lines.append(self.task_log(ti, dag_id))
        return "\n".join(lines)


_SHARED: AirflowServer | None = None
_FAILED: BaseException | None = None


def _remove(server: AirflowServer) -> None:
    server.stop()
    if os.environ.get("NEWSGRAPH_KEEP_TEST_HOME"):
        print(f"kept the Airflow installation of the API tests in {server.root}", file=sys.stderr)
    else:
        shutil.rmtree(server.root, ignore_errors=True)


def shared_server(config) -> AirflowServer:
    """The session's one running installation, started on first use and stopped when pytest ends.

    ``config`` is pytest's config object (``request.config``): the stop is registered with it, so
    it runs at the end of the session whichever test module started the installation. Set
    ``NEWSGRAPH_KEEP_TEST_HOME`` to keep its folder (process logs, task logs, warehouse).
    """
    global _SHARED, _FAILED
    if _FAILED is not None:
        raise RuntimeError(f"the Airflow installation failed to start earlier in this session: {_FAILED}")
    if _SHARED is None:
        server = AirflowServer(root=Path(tempfile.mkdtemp(prefix="newsgraph-airflow-api-")))
        config.add_cleanup(lambda: _remove(server))
        try:
            server.start()
        except BaseException as err:
            _FAILED = err
            print(server.tails(80), file=sys.stderr)
            server.stop()
            raise
        _SHARED = server
    return _SHARED
