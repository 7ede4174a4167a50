"""Settings from the environment: shard size and processes, with clear errors on bad values."""

from __future__ import annotations

import os

import pytest

from newsgraph.settings import MIN_ARTICLES_PER_PROCESS, Settings


def test_shard_size_and_processes_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_SHARD_SIZE", "1_000")
    monkeypatch.setenv("NEWSGRAPH_PROCESSES", "3")
    s = Settings.from_env()
    assert (s.shard_size, s.processes) == (1000, 3)


@pytest.mark.parametrize("name, value, message", [
    ("NEWSGRAPH_SHARD_SIZE", "many", "is not a whole number"),
    ("NEWSGRAPH_SHARD_SIZE", "0", "below the minimum 1"),
    ("NEWSGRAPH_PROCESSES", "-1", "below the minimum 0"),
])
def test_bad_values_are_refused_with_the_variable_named(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=message) as err:
        Settings.from_env()
    assert name in str(err.value)


def test_worker_processes_follow_the_setting_and_the_work():
    cpus = len(os.sched_getaffinity(0))
    assert Settings(processes=4).worker_processes(10 * MIN_ARTICLES_PER_PROCESS) == 4
    assert Settings(processes=4).worker_processes(2 * MIN_ARTICLES_PER_PROCESS) == 2
    assert Settings(processes=4).worker_processes(1) == 1
    assert Settings(processes=0).worker_processes(1000 * MIN_ARTICLES_PER_PROCESS) == cpus
    assert Settings(processes=1).worker_processes(10_000) == 1


def test_a_run_may_read_another_landing_root_beside_the_usual_one(tmp_path, monkeypatch):
    (tmp_path / "landing").mkdir()
    (tmp_path / "refetched").mkdir()
    base = Settings(landing_root=tmp_path / "landing")
    assert base.for_run(landing="refetched").landing_root == (tmp_path / "refetched").resolve()
    assert base.for_run(landing=str(tmp_path / "refetched")).landing_root == (tmp_path / "refetched").resolve()
    assert base.for_run(landing=None, shard_size=7).shard_size == 7
    assert base.for_run().landing_root == tmp_path / "landing"


@pytest.mark.parametrize("landing", ["../../etc", "/etc", "missing"])
def test_a_run_cannot_read_outside_the_allowed_folders(tmp_path, landing):
    (tmp_path / "root" / "landing").mkdir(parents=True)
    base = Settings(landing_root=tmp_path / "root" / "landing")
    with pytest.raises(ValueError, match="outside the allowed folders|not a folder"):
        base.for_run(landing=landing)


def test_extra_allowed_landing_folders(tmp_path, monkeypatch):
    (tmp_path / "a" / "landing").mkdir(parents=True)
    (tmp_path / "elsewhere" / "feed").mkdir(parents=True)
    base = Settings(landing_root=tmp_path / "a" / "landing")
    with pytest.raises(ValueError, match="NEWSGRAPH_LANDING_ALLOWED"):
        base.for_run(landing=str(tmp_path / "elsewhere" / "feed"))
    monkeypatch.setenv("NEWSGRAPH_LANDING_ALLOWED", str(tmp_path / "elsewhere"))
    assert base.for_run(landing=str(tmp_path / "elsewhere" / "feed")).landing_root == (tmp_path / "elsewhere" / "feed").resolve()
    with pytest.raises(ValueError, match="below the minimum"):
        base.for_run(shard_size=0)
