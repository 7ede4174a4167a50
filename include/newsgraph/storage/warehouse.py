"""Partitioned Parquet with atomic publishing.

Layout under the warehouse root::

    <table>/dt=YYYY-MM-DD/part-00000.parquet   fact tables, one file per day
    entities/part-00000.parquet                 the dimension, rebuilt whole
    _staging/dt=YYYY-MM-DD/<run>/               written by load and extract, read by validate and publish
        manifest.json                           how many shards the day was split into
        <table>/part-NNNNN.parquet              one part per shard (quarantine: one part)
    _validation/dt=YYYY-MM-DD/<table>.json      Great Expectations results
    _locks/<name>.lock                          held by the process publishing a day or rebuilding a table

A day is staged in shards (each mapped extract task writes its own parts) and
published by writing each table's parts, concatenated, to a temporary file in the
partition folder and ``os.replace``-ing it onto the partition file: on one filesystem
that rename is atomic, so a reader sees the old file or the new one, never a
half-written one, even when the publishing process is killed at any moment.

The guarantee is per partition: the tables of a day are replaced one after the other,
so while a publish runs, or after it was killed, one table's ``dt=D`` partition may
already hold the new day while another still holds the old one; each of them is whole.
The staging folder is kept until every table is published, then renamed away (one
atomic rename) and deleted, so a retry either finds it whole and publishes the same
tables again, or finds it gone and the day published: a publish killed at any point
completes when retried. The ``entities`` dimension is replaced whole the same way.

Debris of killed writers is never read: temporary files are named
``.<file>.<hex>.tmp`` and renamed-away staging folders ``.<run>.<hex>.published``;
names starting with ``.`` or ``_`` are not data (pyarrow datasets skip them), and
neither matches a reader's ``<table>/dt=*/*.parquet``. Publishing a day takes the
day's lock, so every other writer of its partitions is dead: it removes their
temporary files and renamed-away staging folders first. Any writer also removes
temporary files of its target that nobody has touched for ``STALE_TEMP_SECONDS``.

Object storage (``NEWSGRAPH_WAREHOUSE=s3://bucket/prefix``, see
:mod:`newsgraph.storage.objectstore`): the layout is the same, keys instead of files,
and staging lives in the store too, so the tasks of a day may run on different workers.
There is no rename, but none is needed for the same guarantee: publishing a table
writes the day's whole table as ONE object ``<table>/dt=D/part-00000.parquet`` with one
upload (a PUT, or for a large table a multipart upload, which the store makes visible
only when it completes). S3 and the servers that follow it (MinIO, SeaweedFS) replace
an object atomically for readers: a GET or a listing returns the old object or the new
one, never a part, and a failed or killed upload leaves the old object in place. So each
partition is, as on a disk, old or new and always whole, and no temporary object is ever
written beside it (the parts of a killed multipart upload are invisible; a bucket lifecycle
rule that aborts incomplete multipart uploads deletes them). The staging prefix is dropped in two steps: first its
``manifest.json`` (one DELETE, atomic), which is what tells a retry that the day is
staged, then the parts. A retry therefore finds the manifest and publishes the same
tables again, or finds none: the day is published (debris left under ``_staging/`` is
removed) or the run must be repeated. ``_staging/`` never matches a reader's
``<table>/dt=*/*.parquet``.

There are no locks in object storage (``flock`` works on one machine; a lease in the
store would outlive a killed holder). :func:`warehouse_lock` does nothing there, and
what it protects holds without it:

- one publish per day at a time: Airflow runs at most one publish task instance of a DAG
  run at a time, and one run per logical date; even two runs publishing one day at once
  (a manual run beside the nightly one) write whole partitions of the same landing day,
  each partition from one of them;
- the tables rebuilt whole from every day (``entities``, the daily aggregates, the Data
  Docs index), which a publish of another day may change under a rebuild: each rebuild
  lists its inputs, writes, then lists them again and starts over when they changed
  (:func:`rebuild_until_settled`). The writer whose write comes last listed its inputs
  after every partition published before that write, so the table ends up counting every
  published day, as it does under the lock.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Hashable, Iterator, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.ids import stable_id
from newsgraph.schema import DIMENSION_TABLES, ENTITIES, FACT_TABLES
from newsgraph.storage import objectstore
from newsgraph.storage.objectstore import Location, ObjectPath, location

log = logging.getLogger(__name__)

PART_FILE = "part-00000.parquet"
COMPRESSION = "zstd"
#: A temporary file untouched for this long belongs to a writer that died (a live one keeps writing it).
STALE_TEMP_SECONDS = 15 * 60
#: Suffix of a staging folder renamed away after its day was published, before it is deleted.
PUBLISHED_SUFFIX = ".published"


def partition_dir(root: Location | str, table: str, day: date) -> Location:
    return location(root) / table / f"dt={day.isoformat()}"


def staging_dir(root: Location | str, day: date, run_id: str) -> Location:
    """Where one DAG run stages its tables for ``day``; the same run id gives the same folder."""
    return location(root) / "_staging" / f"dt={day.isoformat()}" / stable_id(run_id)


def validation_dir(root: Location | str, day: date) -> Location:
    return location(root) / "_validation" / f"dt={day.isoformat()}"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_path(path: Path) -> Path:
    return path.parent / f".{path.name}.{uuid.uuid4().hex}.tmp"


def remove_temp_files(path: Location | str, older_than: float | None = STALE_TEMP_SECONDS) -> int:
    """Remove the temporary files killed writers of ``path`` left beside it; returns how many.

    Only those not modified for ``older_than`` seconds; with ``None``, all of them, which is
    safe only while holding the lock every writer of ``path`` takes. Object storage has none.
    """
    path = location(path)
    if isinstance(path, ObjectPath):
        return 0
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[0-9a-f]{{32}}\.tmp")
    try:
        entries = list(os.scandir(path.parent))
    except FileNotFoundError:
        return 0
    now = time.time()
    removed = 0
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            if older_than is not None and now - entry.stat(follow_symlinks=False).st_mtime < older_than:
                continue
            os.unlink(entry.path)
            removed += 1
        except FileNotFoundError:
            continue
    return removed


def write_parquet_atomic(table: pa.Table, path: Location | str) -> None:
    """Write ``table`` to ``path`` so that ``path`` is either absent, old, or complete and new."""
    path = location(path)
    if isinstance(path, ObjectPath):
        objectstore.write_parquet(table, path, compression=COMPRESSION)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_temp_files(path)
    tmp = _temp_path(path)
    try:
        pq.write_table(table, tmp, compression=COMPRESSION)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


MANIFEST = "manifest.json"
#: Tables written once per day by the load step; the others are written once per shard.
DAY_TABLES = ("quarantine",)


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def _check_schema(name: str, table: pa.Table) -> None:
    expected = FACT_TABLES[name]
    if not table.schema.equals(expected):
        raise ValueError(f"table {name} does not match its schema:\n{table.schema}\nexpected:\n{expected}")


def write_manifest(staging: Location | str, shards: int) -> None:
    """Record how many shards the day was split into; written by the load step before any part."""
    objectstore.write_text(location(staging) / MANIFEST, json.dumps({"shards": shards}))


def read_manifest(staging: Location | str) -> int:
    path = location(staging) / MANIFEST
    if not path.exists():
        raise FileNotFoundError(f"staging folder {staging} has no {MANIFEST}: the load task did not finish; clear it to rerun")
    return int(json.loads(path.read_text(encoding="utf-8"))["shards"])


def stage_part(staging: Location | str, name: str, index: int, table: pa.Table) -> int:
    """Write one shard's part of table ``name`` into the staging folder; returns its row count."""
    _check_schema(name, table)
    write_parquet_atomic(table, location(staging) / name / part_name(index))
    return table.num_rows


def stage_tables(staging: Location | str, tables: dict[str, pa.Table]) -> dict[str, int]:
    """Stage a whole day as one shard (every fact table in ``tables``); returns row counts."""
    for name, table in tables.items():
        _check_schema(name, table)
    write_manifest(staging, 1)
    return {name: stage_part(staging, name, 0, table) for name, table in tables.items()}


def read_staged(staging: Location | str) -> dict[str, pa.Table]:
    """Every fact table of the staged day, its shards' parts concatenated in shard order."""
    staging = location(staging)
    shards = read_manifest(staging)
    missing: list[str] = []
    tables: dict[str, pa.Table] = {}
    for name, schema in FACT_TABLES.items():
        indexes = [0] if name in DAY_TABLES else range(shards)
        paths = [staging / name / part_name(i) for i in indexes]
        absent = [p for p in paths if not p.exists()]
        if absent:
            shown = ", ".join(p.name for p in absent[:5]) + (" ..." if len(absent) > 5 else "")
            missing.append(f"{name} ({shown})")
            continue
        parts = [objectstore.read_parquet(p, schema=schema) for p in paths]
        tables[name] = pa.concat_tables(parts) if parts else schema.empty_table()
    if missing:
        raise FileNotFoundError(
            f"staging folder {staging} lacks {'; '.join(missing)}: "
            "an extract shard did not finish; clear the failed task to rerun it"
        )
    return tables


@contextmanager
def warehouse_lock(root: Location | str, name: str) -> Iterator[None]:
    """An exclusive lock shared by every process that writes ``name`` under this warehouse.

    In object storage there is none (see the module's docstring): the context does nothing.
    """
    root = location(root)
    if isinstance(root, ObjectPath):
        yield
        return
    lock_dir = Path(root) / "_locks"
    lock_dir.mkdir(parents=True, exist_ok=True)
    with open(lock_dir / f"{name}.lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


_Signature = TypeVar("_Signature", bound=Hashable)
_Result = TypeVar("_Result")
#: Rebuilds of a whole table before leaving the rest to the next one (see rebuild_until_settled).
MAX_REBUILDS = 5


def rebuild_until_settled(
    inputs: Callable[[], _Signature], rebuild: Callable[[_Signature], _Result], what: str
) -> _Result:
    """Run ``rebuild(inputs())`` until its inputs are the same after the rebuild as before.

    ``inputs`` lists what a whole-table rebuild reads (the published files and their
    versions); when another writer changed them during the rebuild, the table just written
    may miss that change, so it is rebuilt. Under a lock nothing changes and this runs once.
    After :data:`MAX_REBUILDS` rounds under constant change it stops: the writer of the last
    change rebuilds after it anyway.
    """
    seen = inputs()
    for round_ in range(1, MAX_REBUILDS + 1):
        result = rebuild(seen)
        now = inputs()
        if now == seen:
            return result
        log.info("%s: its inputs changed during the rebuild (round %d); rebuilding again", what, round_)
        seen = now
    log.warning("%s: inputs still changing after %d rebuilds; the next rebuild will include them", what, MAX_REBUILDS)
    return result


def published_files(root: Location | str, table: str) -> tuple[tuple[str, int, int, str], ...]:
    """The published partition files of ``table`` (the path first) with their sizes,
    modification times and, in object storage, ETags: what a rebuild from them depends on."""
    out = []
    for path in partition_files(root, table):
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        out.append((str(path), st.st_size, st.st_mtime_ns, getattr(st, "etag", "")))
    return tuple(out)


def _staged(staging: Location) -> bool:
    """Whether a day is staged here: the folder on a disk, the manifest in object storage
    (it is the first object written and the first removed)."""
    if isinstance(staging, ObjectPath):
        return (staging / MANIFEST).exists()
    return staging.exists()


def _discard_staging(staging: Location) -> None:
    """Rename ``staging`` away in one step, then delete it: a retry finds it whole or gone.

    In object storage, delete its manifest first (one atomic DELETE), then the rest.
    """
    if isinstance(staging, ObjectPath):
        (staging / MANIFEST).unlink(missing_ok=True)
        objectstore.remove_tree(staging)
        return
    trash = staging.parent / f".{staging.name}.{uuid.uuid4().hex}{PUBLISHED_SUFFIX}"
    os.replace(staging, trash)
    _fsync_dir(staging.parent)
    shutil.rmtree(trash, ignore_errors=True)


def _remove_discarded_staging(folder: Location) -> None:
    """Delete staging folders renamed away by publishes killed before they finished deleting them."""
    if isinstance(folder, ObjectPath):
        return  # nothing is renamed there
    pattern = re.compile(rf"\..+\.[0-9a-f]{{32}}{re.escape(PUBLISHED_SUFFIX)}")
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if pattern.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)


def publish_partition(root: Location | str, day: date, staging: Location | str) -> dict[str, int]:
    """Replace the day's partitions with the staged tables, one atomic rename per table.

    Each table's partition is replaced whole; the tables are replaced one after the other.
    The staging folder is dropped only when every table is in place, so a retry after a
    crash at any point publishes the same tables again and finishes the job. Publishes of
    one day run one at a time (a lock released when its holder dies), and each first removes
    what killed publishes of the day left behind. In object storage each table is one
    upload and there is no lock (see the module's docstring).
    """
    root, staging = location(root), location(staging)
    targets = {n: partition_dir(root, n, day) / PART_FILE for n in FACT_TABLES}
    with warehouse_lock(root, f"publish-{day.isoformat()}"):
        for target in targets.values():
            remove_temp_files(target, older_than=None)
        _remove_discarded_staging(staging.parent)
        if not _staged(staging):
            if all(t.exists() for t in targets.values()):
                # an earlier attempt of this publish finished and removed its staging folder
                if isinstance(staging, ObjectPath):
                    objectstore.remove_tree(staging)  # parts a killed attempt had not deleted yet
                return {n: objectstore.parquet_rows(t) for n, t in targets.items()}
            raise FileNotFoundError(
                f"staging folder {staging} is gone and {day} was never fully published; rerun the day"
            )
        tables = read_staged(staging)
        counts: dict[str, int] = {}
        for name, table in tables.items():
            write_parquet_atomic(table, targets[name])
            counts[name] = table.num_rows
        _discard_staging(staging)
    return counts


def partition_files(root: Location | str, table: str) -> list[Location]:
    """The published partition files of ``table``, oldest day first."""
    base = location(root) / table
    if isinstance(base, ObjectPath):  # one listing (with sizes and times), not a request per partition
        return sorted(base.glob(f"dt=*/{PART_FILE}"))
    return [p / PART_FILE for p in sorted(base.glob("dt=*")) if (p / PART_FILE).exists()]


def published_days(root: Location | str, table: str) -> list[date]:
    return [date.fromisoformat(p.parent.name[3:]) for p in partition_files(root, table)]


@dataclass(frozen=True)
class PartitionInfo:
    table: str
    partition: str
    rows: int
    path: Location


def describe(root: Location | str, day: date | None = None) -> list[PartitionInfo]:
    """Every published partition (or only ``day``'s) with its row count, from Parquet footers."""
    out = []
    for table in FACT_TABLES:
        for d in published_days(root, table):
            if day is None or d == day:
                path = partition_dir(root, table, d) / PART_FILE
                out.append(PartitionInfo(table, f"dt={d.isoformat()}", objectstore.parquet_rows(path), path))
    for table in DIMENSION_TABLES:
        path = location(root) / table / PART_FILE
        if path.exists():
            out.append(PartitionInfo(table, "(whole table)", objectstore.parquet_rows(path), path))
    return out


def rebuild_entities(root: Location | str, country_code: Callable[[str, str], str | None]) -> int:
    """Recompute the ``entities`` dimension from every published mention and replace it whole.

    An entity's place (country, GeoNames id, coordinates) is the one most of its mentions
    were resolved to (ties: the lowest code or id), so it is the same on every rebuild.
    """
    root = location(root)
    target = root / "entities" / PART_FILE

    def rebuild(files: tuple[tuple[str, int, int, str], ...]) -> int:
        if files:
            con = objectstore.duckdb_connect(root)
            rows = con.sql(_ENTITIES_SQL, params=[[f[0] for f in files]]).to_arrow_table()
            con.close()
            records = rows.to_pylist()
        else:
            records = []
        for r in records:
            # the country most mentions were placed in; a country's own code for older partitions
            seen = r.pop("seen_country_code")
            r["country_code"] = seen or country_code(r["label"], r["canonical_name"])
        table = pa.Table.from_pylist(records, schema=ENTITIES)
        # under the lock no other rebuild is running: temporary files beside the file are debris
        remove_temp_files(target, older_than=None)
        write_parquet_atomic(table, target)
        return table.num_rows

    with warehouse_lock(root, "entities"):
        return rebuild_until_settled(lambda: published_files(root, "entity_mentions"), rebuild, "entities")


_ENTITIES_SQL = """
WITH m AS (SELECT * FROM read_parquet(?, hive_partitioning = true)),
countries AS (
    SELECT entity_id, first(country_code ORDER BY n DESC, country_code) AS country_code
    FROM (SELECT entity_id, country_code, count(*) AS n FROM m
          WHERE country_code IS NOT NULL GROUP BY ALL)
    GROUP BY entity_id
),
places AS (
    SELECT entity_id,
           first(geonames_id ORDER BY n DESC, geonames_id) AS geonames_id,
           first(latitude ORDER BY n DESC, geonames_id) AS latitude,
           first(longitude ORDER BY n DESC, geonames_id) AS longitude
    FROM (SELECT entity_id, geonames_id, any_value(latitude) AS latitude,
                 any_value(longitude) AS longitude, count(*) AS n
          FROM m WHERE geonames_id IS NOT NULL GROUP BY entity_id, geonames_id)
    GROUP BY entity_id
)
SELECT m.entity_id,
       min(m.label) AS label,
       min(m.canonical_name) AS canonical_name,
       list_sort(list_distinct(list(m.text))) AS aliases,
       any_value(c.country_code) AS seen_country_code,
       any_value(p.geonames_id) AS geonames_id,
       any_value(p.latitude) AS latitude,
       any_value(p.longitude) AS longitude,
       count(*) AS mention_count,
       count(DISTINCT m.article_id) AS article_count,
       min(m.dt)::DATE AS first_seen,
       max(m.dt)::DATE AS last_seen
FROM m
LEFT JOIN countries c USING (entity_id)
LEFT JOIN places p USING (entity_id)
GROUP BY m.entity_id
ORDER BY m.entity_id
"""
