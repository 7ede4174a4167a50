"""Starts the processes test_publish_kills kills: each stages a day, publishes it and rebuilds ``entities``.

Run as ``python publish_child.py <warehouse> <day> <run id> <tables folder> <shards>``. It imports
pyarrow, DuckDB and the warehouse module and loads the version's tables (one ``<table>.parquet``
each in the tables folder) once, prints ``ready``, then serves commands read from stdin:

``go``
    fork a process that stages the tables in shards (as the load and extract tasks do),
    publishes them and rebuilds the dimension (as the publish task does), printing
    ``staged``, ``published`` and ``entities``, each with the seconds since it started, as it
    finishes each step; print ``started <pid>``. The process is not reaped before ``reap``,
    so its pid stays its own (a zombie at worst) until then, and killing it is safe.
``reap``
    wait for that process and print ``exit <code>`` (``exit -9``: killed by SIGKILL).
``quit`` or end of input
    exit.

Forking a process that has already imported everything makes every killed run cheap. The test
imports ``stage_version`` and ``publish_version`` to rerun the same steps in its own process.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.schema import FACT_TABLES
from newsgraph.storage import warehouse


def no_country(label: str, name: str) -> str | None:
    return None


def load_version(folder: Path) -> dict[str, pa.Table]:
    return {
        name: pq.read_table(Path(folder) / f"{name}.parquet", schema=schema, use_threads=False)
        for name, schema in FACT_TABLES.items()
    }


def stage_version(staging: Path, tables: dict[str, pa.Table], shards: int) -> None:
    """Stage like load and the mapped extract tasks: a manifest, then one part per shard and table."""
    warehouse.write_manifest(staging, shards)
    for shard in range(shards):
        for name, table in tables.items():
            if name in warehouse.DAY_TABLES:
                if shard == 0:
                    warehouse.stage_part(staging, name, 0, table)
                continue
            size = -(-table.num_rows // shards)
            warehouse.stage_part(staging, name, shard, table.slice(shard * size, size))


def publish_version(root: Path, day: date, staging: Path) -> None:
    """What the publish task does: replace the day's partitions, then rebuild the dimension."""
    warehouse.publish_partition(root, day, staging)
    warehouse.rebuild_entities(root, no_country)


def _work(root: Path, day: date, staging: Path, tables: dict[str, pa.Table], shards: int) -> None:
    started = time.monotonic()

    def done(step: str) -> None:
        os.write(1, f"{step} {time.monotonic() - started:.4f}\n".encode())

    stage_version(staging, tables, shards)
    done("staged")
    warehouse.publish_partition(root, day, staging)
    done("published")
    warehouse.rebuild_entities(root, no_country)
    done("entities")


def main(argv: list[str]) -> int:
    root, day, run_id, source, shards = Path(argv[1]), date.fromisoformat(argv[2]), argv[3], Path(argv[4]), int(argv[5])
    tables = load_version(source)
    import duckdb  # noqa: F401  (imported before forking, so that the import is not part of the work)

    staging = warehouse.staging_dir(root, day, run_id)
    print("ready", flush=True)
    pid = None
    for line in sys.stdin:
        command = line.strip()
        if command == "go" and pid is None:
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    _work(root, day, staging, tables, shards)
                except BaseException as exc:  # reported on stderr; the exit code tells the test
                    os.write(2, f"publishing failed: {exc!r}\n".encode())
                    code = 1
                os._exit(code)
            print(f"started {pid}", flush=True)
        elif command == "reap" and pid is not None:
            _, status = os.waitpid(pid, 0)
            pid = None
            print(f"exit {os.waitstatus_to_exitcode(status)}", flush=True)
        elif command == "quit":
            break
        else:
            print(f"unexpected command {command!r}", file=sys.stderr, flush=True)
            return 2
    if pid is not None:
        os.waitpid(pid, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
