"""Long-running commands for the integration tests: each in its own process group with its output
in a log file, polled until ready, and stopped with every descendant (task runners start sessions
of their own). Used by ``airflow_server`` (embedded default) and ``celery_support`` (Celery)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what: str, check: Callable[[], Any], timeout: float, interval: float = 1.0,
             on_timeout: Callable[[], str] | None = None) -> Any:
    """Poll ``check`` until it returns something truthy; fail naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            detail = on_timeout() if on_timeout else ""
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}\n{detail}")
        time.sleep(interval)


def tail_of(path: Path, lines: int) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        return f"(cannot read {path}: {err})"
    return "\n".join(text.splitlines()[-lines:])


@dataclass
class Process:
    """One long-running command in its own process group, its output in a log file."""

    name: str
    args: list[str]
    env: dict[str, str]
    log: Path
    #: Working directory; ``None``: the test's own.
    cwd: Path | None = None
    popen: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log, "ab") as out:
            self.popen = subprocess.Popen(
                self.args, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True, cwd=None if self.cwd is None else str(self.cwd),
            )

    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def tail(self, lines: int = 60) -> str:
        state = "running" if self.running() else f"exited with {self.popen.returncode if self.popen else None}"
        return f"----- {self.name} ({state}), last {lines} lines of {self.log} -----\n{tail_of(self.log, lines)}"


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid``, also those that started a session of their own (task runners)."""
    import psutil

    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.Error:
        return []


def _signal(pid: int, sig: int, group: bool) -> None:
    try:
        (os.killpg if group else os.kill)(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def stop_processes(processes: Sequence[Process], grace: float = 20.0) -> None:
    """SIGTERM each process group and stray descendant, then SIGKILL whatever is left after ``grace`` s."""
    started = [p for p in processes if p.popen is not None]
    strays: set[int] = set()
    for p in started:
        strays.update(_descendants(p.popen.pid))
        _signal(p.popen.pid, signal.SIGTERM, group=True)
    for pid in strays:
        _signal(pid, signal.SIGTERM, group=False)
    deadline = time.monotonic() + grace
    for p in started:
        try:
            p.popen.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for p in started:
        strays.update(_descendants(p.popen.pid))
        _signal(p.popen.pid, signal.SIGKILL, group=True)
        try:
            p.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
    for pid in strays:
        _signal(pid, signal.SIGKILL, group=False)
