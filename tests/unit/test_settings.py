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
