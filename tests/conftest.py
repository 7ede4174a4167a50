"""Test-wide set-up: a private Airflow home and warehouse per test session.

Airflow reads its configuration when first imported, so the environment is set
here, at import time, before any test module imports Airflow.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEED_DAY = "2025-09-01"
SEED_FILE = PROJECT_ROOT / "seeds" / "landing" / SEED_DAY / "000_f019de8f538fb8ad.txt"

_session_home = Path(tempfile.mkdtemp(prefix="newsgraph-test-airflow-"))
os.environ["AIRFLOW_HOME"] = str(_session_home)
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(PROJECT_ROOT / "dags")
os.environ["AIRFLOW__CORE__PLUGINS_FOLDER"] = str(PROJECT_ROOT / "plugins")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__EXECUTOR"] = "LocalExecutor"
os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] = f"sqlite:///{_session_home}/airflow.db"
os.environ["NEWSGRAPH_WAREHOUSE"] = str(_session_home / "warehouse")
os.environ.setdefault("NO_PROXY", "*")


@pytest.fixture(scope="session")
def airflow_db() -> Path:
    """A migrated SQLite metadata database in the session's Airflow home."""
    airflow = Path(sys.executable).with_name("airflow")
    result = subprocess.run([str(airflow), "db", "migrate"], capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return _session_home


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp.model import load_pipeline
    from newsgraph.settings import DEFAULT_MODEL_NAMES

    return load_pipeline(DEFAULT_MODEL_NAMES)


@pytest.fixture(scope="session")
def reference():
    from newsgraph.normalise.reference import load_reference

    return load_reference(PROJECT_ROOT / "seeds" / "reference")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_FILE.read_text(encoding="utf-8").strip()


def pytest_sessionfinish(session, exitstatus):
    if not os.environ.get("NEWSGRAPH_KEEP_TEST_HOME"):
        shutil.rmtree(_session_home, ignore_errors=True)
