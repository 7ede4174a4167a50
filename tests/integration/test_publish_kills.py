"""Crash-proof publishing: the publishing process is killed (SIGKILL) at random moments.

Version A of a day is published. A child process (``publish_child.py``) stages version B in
shards (as the load and extract tasks do), publishes it and rebuilds the ``entities`` dimension
(as the publish task does). It is killed after a random delay drawn uniformly in
``[0, 1.2 x its uninterrupted duration]`` from a seeded ``random.Random`` (the seed is printed;
set ``NEWSGRAPH_KILL_SEED`` to replay a run, ``NEWSGRAPH_KILLS`` for the number of kills), so the
kills land while it stages, while it replaces the partitions, while it removes its staging
folder and while it rebuilds the dimension. After each kill the test reads the warehouse as an
analyst does, with DuckDB (``read_parquet('<root>/<table>/dt=*/*.parquet', hive_partitioning =
true)``) and as a pyarrow dataset, and checks that

* each table's ``dt=D`` partition is exactly version A or exactly version B, never a mixture and
  never an unreadable file. The guarantee is per partition: publishing replaces the tables one
  after the other, so after a kill one table may already hold B while another still holds A;
  each of them is whole. Another published day is untouched;
* the ``entities`` dimension is the whole old file or the whole new one;
* no file the readers' globs match starts with ``.`` or ``_`` (the killed writer's temporary
  files are there and are not read) and no staging folder sits under a table folder;
* a rerun completes the day: a retry of the publish task when staging had finished, else staging
  again and publishing; afterwards every table and the dimension are B's and no debris is left.

Version A is then republished, so every kill starts from a published A. The test prints its
figures, e.g. ``publish kill test: 60 kills, 0 partial partitions, 60 reruns completed``.
Timing is only used to choose the moments of the kills; nothing asserts on durations.
"""

from __future__ import annotations

import glob
import hashlib
import importlib.util
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from newsgraph.schema import ENTITIES, FACT_TABLES
from newsgraph.storage import warehouse

pytestmark = pytest.mark.integration

CHILD = Path(__file__).with_name("publish_child.py")
_spec = importlib.util.spec_from_file_location("publish_child", CHILD)
publish_child = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(publish_child)

DAY = date(2025, 9, 1)
OTHER_DAY = DAY - timedelta(days=1)
SHARDS = 3
RUN_A, RUN_B, RUN_OTHER = "run-A", "run-B", "run-other"
DEFAULT_SEED = 20250901
DEFAULT_KILLS = 60
#: Articles of versions A and B: thousands of rows per table, so that kills land inside writes.
ARTICLES_A, ARTICLES_B = 3000, 3300
#: Uninterrupted runs timing the work at the start, and one more every TIME_EVERY runs.
TIMING_RUNS, TIME_EVERY = 3, 8
ID_COLUMNS = {
    "articles": "article_id",
    "entity_mentions": "mention_id",
    "amounts": "amount_id",
    "dates": "date_id",
    "quarantine": "quarantine_id",
}
STEPS = ("staged", "published", "entities")
PHASES = {None: "staging", "staged": "publishing", "published": "rebuilding entities"}

_WORDS = (
    "acme bank rose fell shares plant leeds london paris deal board market court minister budget "
    "profit loss export import council river bridge school vote strike tariff harbour mine"
).split()


# -- the two versions of the day --------------------------------------------------------------


def make_version(tag: str, articles: int) -> dict[str, pa.Table]:
    """A day's fact tables; every id starts with ``tag``, the version marker."""
    rng = random.Random(f"version-{tag}")
    when = datetime(2025, 9, 1, 8, tzinfo=timezone.utc)
    art: dict[str, list] = {f.name: [] for f in FACT_TABLES["articles"]}
    men: dict[str, list] = {f.name: [] for f in FACT_TABLES["entity_mentions"]}
    amo: dict[str, list] = {f.name: [] for f in FACT_TABLES["amounts"]}
    dat: dict[str, list] = {f.name: [] for f in FACT_TABLES["dates"]}
    qua: dict[str, list] = {f.name: [] for f in FACT_TABLES["quarantine"]}
    for i in range(articles):
        aid = f"{tag}{i:07d}"
        text = " ".join(rng.choice(_WORDS) for _ in range(60))
        for k, v in {
            "article_id": aid, "source": "wire", "source_id": str(i), "url": f"https://news.test/{tag}/{i}",
            "title": text[:40], "published_at": when, "language": "en", "text": text, "text_chars": len(text),
            "content_sha256": hashlib.sha256(text.encode()).hexdigest(), "input_path": f"{tag}/{i}.txt",
            "run_id": tag,
        }.items():
            art[k].append(v)
        for j in range(6):
            e = rng.randrange(400)
            for k, v in {
                "mention_id": f"{aid}m{j}", "article_id": aid, "entity_id": f"E{e:04d}",
                "label": ("ORG", "GPE", "PERSON")[e % 3], "text": f"Name {e}", "canonical_name": f"Name {e}",
                "role": None, "country_code": None, "geonames_id": None, "latitude": None, "longitude": None,
                "start_char": 10 * j, "end_char": 10 * j + 6, "sentence_idx": j // 2,
            }.items():
                men[k].append(v)
        for j in range(2):
            value = float(rng.randrange(1, 10_000))
            for k, v in {
                "amount_id": f"{aid}a{j}", "article_id": aid, "text": f"${value:.0f}m", "value": value,
                "value_max": None, "currency": "USD", "currency_note": None, "qualifier": None,
                "value_usd": value, "value_max_usd": None, "fx_rate_date": DAY, "usd_note": None,
                "subject": None, "entity_ids": [f"E{rng.randrange(400):04d}"], "start_char": 100 + 10 * j,
                "end_char": 105 + 10 * j, "sentence_idx": 1,
            }.items():
                amo[k].append(v)
        for j in range(2):
            for k, v in {
                "date_id": f"{aid}d{j}", "article_id": aid, "text": "Monday", "resolved": DAY - timedelta(days=j),
                "grain": "day", "reference_date": DAY, "start_char": 200 + 10 * j, "end_char": 206 + 10 * j,
                "sentence_idx": 2,
            }.items():
                dat[k].append(v)
    for i in range(max(1, articles // 50)):
        for k, v in {
            "quarantine_id": f"{tag}q{i:06d}", "source": "wire", "input_path": f"{tag}/bad-{i}.txt",
            "reason": "empty", "detail": None, "received_at": when, "excerpt": None, "run_id": tag,
        }.items():
            qua[k].append(v)
    columns = {"articles": art, "entity_mentions": men, "amounts": amo, "dates": dat, "quarantine": qua}
    return {name: pa.table(columns[name], schema=schema) for name, schema in FACT_TABLES.items()}


def _sorted(table: pa.Table, name: str) -> pa.Table:
    return table.sort_by(ID_COLUMNS[name]).combine_chunks()


def _ids_md5(ids: list[str]) -> str:
    return hashlib.md5(",".join(sorted(ids)).encode()).hexdigest()


# -- the child process ------------------------------------------------------------------------


class Publisher:
    """The process that forks, on ``go``, a process staging and publishing version B (see publish_child.py)."""

    def __init__(self, root: Path, source: Path, log: Path) -> None:
        self.log = open(log, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(root), DAY.isoformat(), RUN_B, str(source), str(SHARDS)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True,
        )
        line = self.proc.stdout.readline()
        assert line.strip() == "ready", f"the publishing process did not start; see {log}"

    def _send(self, command: str) -> None:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def start(self) -> int:
        """Fork a publishing process; its pid."""
        self._send("go")
        line = self.proc.stdout.readline().split()
        assert line[:1] == ["started"], f"unexpected answer {line}; see {self.log.name}"
        return int(line[1])

    def finish(self, pid: int, kill: bool) -> tuple[int, dict[str, float]]:
        """SIGKILL the forked process (``kill``) or let it finish; its exit code and finished steps.

        It is not reaped before ``reap``, so ``pid`` is still its own, even if it has exited.
        """
        if kill:
            os.kill(pid, signal.SIGKILL)
        self._send("reap")
        steps: dict[str, float] = {}
        while True:
            line = self.proc.stdout.readline()
            assert line, f"the publishing process ended; see {self.log.name}"
            word, _, value = line.strip().partition(" ")
            if word == "exit":
                return int(value), steps
            if word in STEPS:
                steps[word] = float(value)

    def close(self) -> None:
        try:
            self._send("quit")
            self.proc.stdin.close()
        except OSError:  # it is gone already
            pass
        self.proc.wait()
        self.proc.stdout.close()
        self.log.close()


# -- reading like an analyst ------------------------------------------------------------------


@dataclass
class State:
    """What readers see: the version of each table's partitions and of the dimension, and any problem."""

    versions: dict[tuple[str, str], str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class Expected:
    """The versions each partition may hold, as sorted tables and as (rows, MD5 of the sorted ids)."""

    def __init__(self, versions: dict[str, dict[str, pa.Table]], days: dict[str, str]) -> None:
        self.tables = {tag: {n: _sorted(t, n) for n, t in tables.items()} for tag, tables in versions.items()}
        self.ids = {
            tag: {n: (t.num_rows, _ids_md5(t.column(ID_COLUMNS[n]).to_pylist())) for n, t in tables.items()}
            for tag, tables in self.tables.items()
        }
        self.day_versions = days  # dt -> the versions it may hold
        self.entities: dict[str, pa.Table] = {}


def read_state(root: Path, expected: Expected) -> State:
    state = State()
    con = duckdb.connect()
    try:
        for name in FACT_TABLES:
            _read_fact_table(con, root, name, expected, state)
        _read_entities(con, root, expected, state)
    finally:
        con.close()
    return state


def _check_names(files: list[str], reader: str, name: str, state: State) -> None:
    for f in files:
        base = os.path.basename(f)
        if base.startswith((".", "_")) or any(part.startswith(("_", ".")) for part in Path(f).parts[-3:-1]):
            state.problems.append(f"{reader} matched debris for {name}: {f}")


def _read_fact_table(con, root: Path, name: str, expected: Expected, state: State) -> None:
    folder = root / name
    pattern = f"{folder}/dt=*/*.parquet"
    for entry in os.listdir(folder):
        if not entry.startswith("dt="):
            state.problems.append(f"{folder} holds {entry!r}, which is not a partition")
    _check_names(glob.glob(pattern), "glob", name, state)
    _check_names([r[0] for r in con.sql(f"SELECT file FROM glob('{pattern}')").fetchall()], "duckdb", name, state)
    id_col = ID_COLUMNS[name]
    # DuckDB: rows and ids per partition, through the analysts' glob
    try:
        rows = con.sql(
            f"SELECT CAST(dt AS VARCHAR), count(*), string_agg({id_col}, ',' ORDER BY {id_col}), "
            f"list_sort(list_distinct(list(substr({id_col}, 1, 1)))) "
            f"FROM read_parquet('{pattern}', hive_partitioning = true) GROUP BY ALL"
        ).fetchall()
    except duckdb.Error as exc:
        state.problems.append(f"duckdb cannot read {name}: {exc}")
        rows = []
    seen = {}
    for dt, count, ids, markers in rows:
        fingerprint = (count, hashlib.md5(ids.encode()).hexdigest())
        matches = [tag for tag in expected.day_versions.get(dt, "") if expected.ids[tag][name] == fingerprint]
        seen[dt] = matches[0] if matches else None
        if not matches:
            state.problems.append(f"duckdb: {name} dt={dt} is partial or mixed: {count} rows, markers {markers}")
    # pyarrow: the whole partition, every column, compared with the version its markers name
    schema = pa.schema(list(FACT_TABLES[name]) + [pa.field("dt", pa.string())])
    try:
        dataset = ds.dataset(folder, format="parquet", schema=schema, partitioning="hive")
        _check_names(dataset.files, "pyarrow", name, state)
        for dt, allowed in expected.day_versions.items():
            table = dataset.to_table(filter=ds.field("dt") == dt).drop_columns(["dt"])
            table = _sorted(table, name)
            tag = next((t for t in allowed if table.equals(expected.tables[t][name])), None)
            if tag is None:
                state.problems.append(f"pyarrow: {name} dt={dt} is not one whole version ({table.num_rows} rows)")
            elif seen.get(dt) != tag:
                state.problems.append(f"{name} dt={dt}: pyarrow read version {tag}, duckdb {seen.get(dt)}")
            state.versions[(name, dt)] = tag or "partial"
    except (pa.ArrowException, OSError) as exc:
        state.problems.append(f"pyarrow cannot read {name}: {exc}")
        for dt in expected.day_versions:
            state.versions[(name, dt)] = "partial"


def _read_entities(con, root: Path, expected: Expected, state: State) -> None:
    pattern = f"{root}/entities/*.parquet"
    files = glob.glob(pattern)
    _check_names(files, "glob", "entities", state)
    _check_names([r[0] for r in con.sql(f"SELECT file FROM glob('{pattern}')").fetchall()], "duckdb", "entities", state)
    try:
        count, fingerprint = con.sql(
            "SELECT count(*), md5(string_agg(entity_id || ':' || mention_count || ':' || article_count, ',' "
            f"ORDER BY entity_id)) FROM read_parquet('{pattern}')"
        ).fetchall()[0]
        table = pa.concat_tables([pq.read_table(f, schema=ENTITIES) for f in files])
    except (duckdb.Error, pa.ArrowException, OSError) as exc:
        state.problems.append(f"cannot read entities: {exc}")
        state.versions[("entities", "")] = "partial"
        return
    tag = next((t for t, e in expected.entities.items() if table.equals(e)), None)
    if tag is None or len(files) != 1 or fingerprint != _entities_md5(expected.entities[tag]):
        state.problems.append(f"entities is not one whole version: {len(files)} file(s), {count} rows")
    state.versions[("entities", "")] = tag or "partial"


def _entities_md5(table: pa.Table) -> str:
    rows = sorted(zip(*(table.column(c).to_pylist() for c in ("entity_id", "mention_count", "article_count"))))
    return hashlib.md5(",".join(f"{e}:{m}:{a}" for e, m, a in rows).encode()).hexdigest()


def debris(root: Path) -> list[Path]:
    """Temporary files and renamed-away staging folders left by killed writers beside published data."""
    found = [p for name in FACT_TABLES for p in (root / name).glob("dt=*/.*.tmp")]
    found += list((root / "entities").glob(".*.tmp"))
    found += list((root / "_staging").glob("dt=*/.*" + warehouse.PUBLISHED_SUFFIX))
    return found


def staging_temp_files(root: Path) -> list[Path]:
    """Temporary files of killed writers inside staging folders (deleted with their folder)."""
    return list((root / "_staging").glob("dt=*/*/**/.*.tmp"))


# -- the test ---------------------------------------------------------------------------------


def test_publish_killed_at_random_moments_never_shows_a_partial_partition(tmp_path):
    seed = int(os.environ.get("NEWSGRAPH_KILL_SEED", DEFAULT_SEED))
    wanted = int(os.environ.get("NEWSGRAPH_KILLS", DEFAULT_KILLS))
    rng = random.Random(seed)
    root = tmp_path / "wh"
    versions = {"A": make_version("A", ARTICLES_A), "B": make_version("B", ARTICLES_B), "O": make_version("O", 200)}
    source = tmp_path / "version-B"
    source.mkdir()
    for name, table in versions["B"].items():
        pq.write_table(table, source / f"{name}.parquet")
    expected = Expected(versions, {OTHER_DAY.isoformat(): "O", DAY.isoformat(): "AB"})
    staging_a = warehouse.staging_dir(root, DAY, RUN_A)
    staging_b = warehouse.staging_dir(root, DAY, RUN_B)
    staged_a = tmp_path / "staged-A"  # version A staged once; each restore stages a hard-linked copy
    publish_child.stage_version(staged_a, versions["A"], SHARDS)

    def republish_a() -> None:
        shutil.copytree(staged_a, staging_a, copy_function=os.link)
        publish_child.publish_version(root, DAY, staging_a)

    def assert_whole_day(tag: str, when: str) -> None:
        state = read_state(root, expected)
        assert not state.problems, f"{when}: " + "; ".join(state.problems)
        wrong = {k: v for k, v in state.versions.items() if k[1] == DAY.isoformat() and v != tag}
        assert not wrong, f"{when}: the day is not version {tag}: {wrong}"
        assert state.versions[("entities", "")] == tag, f"{when}: the dimension is not version {tag}'s"
        left = debris(root)
        assert not left, f"{when}: debris left behind: {left}"
        assert not staging_a.exists() and not staging_b.exists(), f"{when}: a staging folder is left"
        assert not staging_temp_files(root), f"{when}: temporary files are left in staging"

    other = warehouse.staging_dir(root, OTHER_DAY, RUN_OTHER)
    publish_child.stage_version(other, versions["O"], SHARDS)
    publish_child.publish_version(root, OTHER_DAY, other)
    republish_a()
    expected.entities["A"] = pq.read_table(root / "entities" / warehouse.PART_FILE, schema=ENTITIES)

    publisher = Publisher(root, source, tmp_path / "publisher.log")
    try:
        # uninterrupted runs time the work (after one to warm up): the median of the last few
        # sets the range of the kill moments, re-timed every TIME_EVERY runs as the load changes
        durations: list[float] = []
        for attempt in range(1 + TIMING_RUNS):
            code, steps = publisher.finish(publisher.start(), kill=False)
            assert code == 0 and "entities" in steps, f"the publishing process failed; see {publisher.log.name}"
            if attempt:
                durations.append(steps["entities"])
            else:
                expected.entities["B"] = pq.read_table(root / "entities" / warehouse.PART_FILE, schema=ENTITIES)
                for name in FACT_TABLES:
                    assert expected.ids["A"][name] != expected.ids["B"][name]
                assert not expected.entities["A"].equals(expected.entities["B"])
            assert_whole_day("B", "after an uninterrupted publish")
            republish_a()
            assert_whole_day("A", "after republishing A")
        print(
            f"\npublish kill test: seed {seed}; uninterrupted stage + publish + entities took "
            f"{', '.join(f'{d:.2f}' for d in durations)} s"
        )

        kills = partial = reruns = finished = timed = temp_files = runs = 0
        phases: Counter[str] = Counter()
        problems: list[str] = []
        ranges: list[float] = []
        started = time.monotonic()
        while kills < wanted:
            runs += 1
            assert runs <= 10 * wanted, f"only {kills} of {runs} runs were killed before they finished"
            timing = runs % TIME_EVERY == 0
            limit = 1.2 * statistics.median(durations[-TIMING_RUNS:])
            ranges.append(limit)
            delay = rng.uniform(0.0, limit)
            pid = publisher.start()
            if not timing:
                time.sleep(delay)
            code, steps = publisher.finish(pid, kill=not timing)
            last = max(steps, key=steps.get) if steps else None
            if timing:
                assert code == 0 and last == "entities", f"the publishing process failed; see {publisher.log.name}"
                timed += 1
                durations.append(steps["entities"])
            elif last == "entities":
                finished += 1
            else:
                assert code == -signal.SIGKILL, f"the publishing process failed (exit {code}); see {publisher.log.name}"
                kills += 1
                phases[PHASES[last]] += 1

            # what readers see right after the kill
            temp_files += sum(1 for p in debris(root) + staging_temp_files(root) if p.name.endswith(".tmp"))
            state = read_state(root, expected)
            partial += sum(1 for v in state.versions.values() if v == "partial")
            when = "uninterrupted" if timing else f"killed {delay:.3f} s in, after {last or 'nothing'}"
            problems += [f"run {runs} ({when}): {p}" for p in state.problems]

            # a rerun completes the day: the publish task's retry, or staging again when that was cut short
            try:
                if "staged" not in steps:
                    publish_child.stage_version(staging_b, versions["B"], SHARDS)
                publish_child.publish_version(root, DAY, staging_b)
            except Exception as exc:
                raise AssertionError(f"run {runs} ({when}): the rerun failed: {exc!r}") from exc
            assert_whole_day("B", f"run {runs}: after the rerun")
            reruns += not timing and last != "entities"

            republish_a()
        elapsed = time.monotonic() - started
    finally:
        publisher.close()

    print(
        f"publish kill test: {kills} kills, {partial} partial partitions, {reruns} reruns completed "
        f"({runs} runs in {elapsed:.0f} s: {timed} uninterrupted to re-time the work, {finished} finished before "
        f"their kill; kill delays drawn in [0, {min(ranges):.2f}..{max(ranges):.2f}] s; killed while "
        + ", ".join(f"{phase} {phases[phase]}" for phase in PHASES.values())
        + f"; {temp_files} temporary files of killed writers seen, none read)"
    )
    assert not problems, "\n".join(problems[:20])
    assert partial == 0
    assert kills >= 50 and reruns == kills
