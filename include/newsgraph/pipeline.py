"""The day's work, step by step: load, extract (per shard), validate, publish, summarise.

Each step is a plain function of (settings, day, ...) that reads and writes files
and returns a small JSON-able dict (paths and counts), so a DAG task can call it
and pass the result through XCom, and a test or the CLI can call it directly.
Heavy libraries (spaCy, pandas, Great Expectations) are imported inside the steps.

``load`` reads the landing day, quarantines what cannot be read, and stages the
articles in shards of ``shard_size`` (sorted by article id, so the same day always
splits the same way); ``extract_shard`` runs the extractor over one shard and stages
its parts; ``validate`` and ``publish`` see the whole day.
"""

from __future__ import annotations

import logging
import time
from datetime import date, timezone
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa

from newsgraph.ids import content_sha256, stable_id
from newsgraph.schema import AMOUNTS, ARTICLES, DATES, ENTITY_MENTIONS, QUARANTINE
from newsgraph.settings import Settings
from newsgraph.storage import objectstore, warehouse
from newsgraph.storage.objectstore import location

log = logging.getLogger(__name__)

#: Long steps log their progress at most this often.
PROGRESS_SECONDS = 30.0


# -- extract --------------------------------------------------------------------------------


def _article_rows(articles: Iterable[Any], run_id: str) -> tuple[list[dict], list[dict]]:
    """Article rows, de-duplicated by content; duplicates become quarantine rows.

    An article's id is the start of its text's SHA-256: the same article gets the
    same id on any day and in any run.
    """
    rows: list[dict] = []
    duplicates: list[dict] = []
    seen: dict[str, str] = {}
    for a in articles:
        digest = content_sha256(a.text)
        if digest in seen:
            duplicates.append(
                _quarantine_row(
                    source=a.source,
                    input_path=a.input_path,
                    reason="duplicate",
                    detail=f"{a.input_path}: same text as {seen[digest]}; kept the first",
                    received_at=a.received_at,
                    excerpt=a.text[:200],
                    run_id=run_id,
                )
            )
            continue
        seen[digest] = a.input_path
        rows.append(
            {
                "article_id": digest[:16],
                "source": a.source,
                "source_id": a.source_id,
                "url": a.url,
                "title": a.title,
                "published_at": a.published_at,
                "language": "en",
                "text": a.text,
                "text_chars": len(a.text),
                "content_sha256": digest,
                "input_path": a.input_path,
                "run_id": run_id,
                "received_at": a.received_at,
            }
        )
    return rows, duplicates


def _landing_fingerprint(settings: Settings, day: date) -> str:
    """Names, sizes and modification times of a landing day's files: changes when the day does."""
    from newsgraph.ingest.landing import landed_files

    parts = [f"{name}\t{size}\t{mtime_ns}" for name, size, mtime_ns in landed_files(settings.landing_root, day)]
    return stable_id(*parts) if parts else "empty"


def landed_hashes(settings: Settings, day: date, articles: list[dict] | None = None) -> dict[str, str]:
    """Content SHA-256 -> input path of the articles that landed on ``day``.

    Kept in ``_hashes/dt=D/<fingerprint>.parquet`` under the warehouse, keyed by the landing
    folder's fingerprint, so it is computed once per version of the landing day (from
    ``articles`` when given, else by reading the day) and depends on nothing but the landing
    zone: the same in any order days are processed.
    """
    folder = location(settings.warehouse_root) / "_hashes" / f"dt={day.isoformat()}"
    cache = folder / f"{_landing_fingerprint(settings, day)}.parquet"
    if articles is None and cache.exists():
        table = objectstore.read_parquet(cache)
        return dict(zip(table.column("content_sha256").to_pylist(), table.column("input_path").to_pylist()))
    if articles is None:
        from newsgraph.ingest.landing import load_day, readable_day

        with readable_day(settings.landing_root, day, settings) as (root, _):
            loaded, _ = load_day(root, day, settings)
        articles = [{"content_sha256": content_sha256(a.text), "input_path": a.input_path} for a in loaded]
    hashes: dict[str, str] = {}
    for a in articles:
        hashes.setdefault(a["content_sha256"], a["input_path"])
    if folder.exists():
        for old in folder.glob("*.parquet"):
            if old != cache:
                old.unlink(missing_ok=True)
    table = pa.table({"content_sha256": list(hashes), "input_path": list(hashes.values())})
    warehouse.write_parquet_atomic(table, cache)
    return hashes


def _earlier_duplicates(
    settings: Settings, day: date, rows: list[dict], run_id: str
) -> tuple[list[dict], list[dict]]:
    """Split off the articles whose text landed on one of the lookback days before ``day``."""
    from datetime import timedelta

    landed_hashes(settings, day, rows)  # this day's, for the days after it
    earlier: dict[str, tuple[str, date]] = {}
    for back in range(settings.duplicate_lookback_days, 0, -1):
        other = day - timedelta(days=back)
        for digest, path in landed_hashes(settings, other).items():
            earlier.setdefault(digest, (path, other))
    kept, duplicates = [], []
    for r in rows:
        hit = earlier.get(r["content_sha256"])
        if hit is None:
            kept.append(r)
            continue
        path, other = hit
        duplicates.append(
            _quarantine_row(
                source=r["source"],
                input_path=r["input_path"],
                reason="duplicate_earlier_day",
                detail=f"{r['input_path']}: same text as {path}, which landed on {other.isoformat()}",
                received_at=r["received_at"],
                excerpt=r["text"][:200],
                run_id=run_id,
            )
        )
    return kept, duplicates


def _quarantine_row(**fields: Any) -> dict:
    fields["quarantine_id"] = stable_id(fields["input_path"], fields["reason"])
    return fields


def _mention_rows(article_id: str, extraction: Any) -> list[dict]:
    return [
        {
            "mention_id": stable_id(article_id, "entity", m.start, m.end),
            "article_id": article_id,
            "entity_id": m.entity_id,
            "label": m.label,
            "text": m.text,
            "canonical_name": m.canonical_name,
            "role": m.role,
            "country_code": m.country_code,
            "geonames_id": m.geonames_id,
            "latitude": m.latitude,
            "longitude": m.longitude,
            "start_char": m.start,
            "end_char": m.end,
            "sentence_idx": m.sentence_idx,
        }
        for m in extraction.entities
    ]


def _usd(value: float | None, a: Any) -> float | None:
    """``value`` in USD at the rate used for the amount's ``value`` (None when that has none)."""
    if value is None or a.usd.value_usd is None:
        return None
    return float(value) * (a.usd.value_usd / a.match.value) if a.match.value else None


def _amount_rows(article_id: str, extraction: Any) -> list[dict]:
    rows = []
    for a in extraction.amounts:
        m = a.match
        rows.append(
            {
                "amount_id": stable_id(article_id, "amount", m.start, m.end),
                "article_id": article_id,
                "text": m.text,
                "value": float(m.value),
                "value_max": None if m.value_max is None else float(m.value_max),
                "currency": m.currency,
                "currency_note": m.currency_note,
                "qualifier": m.qualifier,
                "value_usd": None if a.usd.value_usd is None else float(a.usd.value_usd),
                "value_max_usd": _usd(m.value_max, a),
                "fx_rate_date": a.usd.rate_date,
                "usd_note": a.usd.note,
                "subject": a.subject,
                "entity_ids": list(a.entity_ids),
                "start_char": m.start,
                "end_char": m.end,
                "sentence_idx": a.sentence_idx,
            }
        )
    return rows


def _date_rows(article_id: str, extraction: Any) -> list[dict]:
    return [
        {
            "date_id": stable_id(article_id, "date", d.date.start, d.date.end),
            "article_id": article_id,
            "text": d.date.text,
            "resolved": d.date.resolved,
            "grain": d.date.grain,
            "reference_date": extraction.reference_date,
            "start_char": d.date.start,
            "end_char": d.date.end,
            "sentence_idx": d.sentence_idx,
        }
        for d in extraction.dates
    ]


def reference_date(article: dict, day: date) -> date:
    """The date an article's relative dates and exchange rates refer to.

    Its publication date (UTC) when the source gives one, else the day being processed.
    """
    published = article.get("published_at")
    return published.astimezone(timezone.utc).date() if published is not None else day


def extract_tables(settings: Settings, article_rows: list[dict], day: date) -> dict[str, pa.Table]:
    """Run the extractor over article rows and build the entity_mentions, amounts and dates tables."""
    mention_rows: list[dict] = []
    amount_rows: list[dict] = []
    date_rows: list[dict] = []
    if article_rows:
        from newsgraph.nlp.extract import extract_many
        from newsgraph.nlp.model import load_pipeline
        from newsgraph.normalise.reference import load_reference

        nlp = load_pipeline(settings.model_names)
        ref = load_reference(settings.reference_dir)
        processes = settings.worker_processes(len(article_rows))
        items = [(r["article_id"], r["text"], reference_date(r, day)) for r in article_rows]
        started = last = time.monotonic()
        log.info("extracting %d articles in %d process(es)", len(items), processes)
        for done, extraction in enumerate(
            extract_many(nlp, ref, items, settings.batch_size, processes), start=1
        ):
            mention_rows.extend(_mention_rows(extraction.key, extraction))
            amount_rows.extend(_amount_rows(extraction.key, extraction))
            date_rows.extend(_date_rows(extraction.key, extraction))
            now = time.monotonic()
            if now - last >= PROGRESS_SECONDS or done == len(items):
                last = now
                rate = done / max(now - started, 1e-9)
                log.info(
                    "extracted %d/%d articles (%.1f articles/s, %.0f s to go)",
                    done, len(items), rate, (len(items) - done) / rate,
                )
    return {
        "entity_mentions": _table(mention_rows, ENTITY_MENTIONS, ["article_id", "start_char", "end_char"]),
        "amounts": _table(amount_rows, AMOUNTS, ["article_id", "start_char", "end_char"]),
        "dates": _table(date_rows, DATES, ["article_id", "start_char", "end_char"]),
    }


def _table(rows: list[dict], schema: pa.Schema, order: list[str]) -> pa.Table:
    rows = sorted(rows, key=lambda r: tuple("" if r[k] is None else r[k] for k in order))
    return pa.Table.from_pylist(rows, schema=schema)


def shard_bounds(articles: int, shard_size: int) -> list[tuple[int, int]]:
    """``[start, stop)`` of each shard; an empty day is one empty shard, so it still publishes."""
    if articles == 0:
        return [(0, 0)]
    return [(start, min(start + shard_size, articles)) for start in range(0, articles, shard_size)]


def fetch(settings: Settings, day: date) -> dict[str, Any]:
    """Fetch the day's articles from the feeds of ``NEWSGRAPH_SOURCES`` into the landing day.

    Does nothing (and says so) when ``NEWSGRAPH_SOURCES`` is unset: the landing zone is then
    filled by other means.
    """
    from newsgraph.sources import fetch_day, sources_file_from_env

    sources = sources_file_from_env()
    if sources is None:
        log.info("NEWSGRAPH_SOURCES is not set: nothing to fetch, the landing day is read as it is")
        return {"day": day.isoformat(), "skipped": True}
    summary = fetch_day(settings.landing_root, day, sources, settings=settings)
    log.info("fetched %s from %s into %s: %s", day, sources, settings.landing_root, summary)
    return {"skipped": False, **summary}


def load(settings: Settings, day: date, run_id: str) -> dict[str, Any]:
    """Read the landing day, quarantine what cannot be used, and stage the articles in shards.

    Returns the staging folder and one entry per shard, for the mapped extract tasks.
    """
    from newsgraph.ingest.landing import day_folder, discover_files, load_day, readable_day

    folder = day_folder(settings.landing_root, day)
    with readable_day(settings.landing_root, day, settings) as (root, refused):
        files = len(discover_files(root, day)) + len(refused)
        if not files:
            log.warning("no input files in %s: the day will publish empty partitions", folder)
        articles, rejected = load_day(root, day, settings)
    rejected = refused + rejected
    for r in rejected:
        log.warning("quarantined %s: %s (%s)", r.input_path, r.reason, r.detail)
    article_rows, duplicate_rows = _article_rows(articles, run_id)
    if settings.duplicate_lookback_days:
        article_rows, earlier_rows = _earlier_duplicates(settings, day, article_rows, run_id)
        duplicate_rows += earlier_rows
    quarantine_rows = [
        _quarantine_row(
            source=r.source,
            input_path=r.input_path,
            reason=r.reason,
            detail=r.detail,
            received_at=r.received_at,
            excerpt=r.excerpt,
            run_id=run_id,
        )
        for r in rejected
    ] + duplicate_rows
    article_table = _table(article_rows, ARTICLES, ["article_id"])
    bounds = shard_bounds(article_table.num_rows, settings.shard_size)
    staging = warehouse.staging_dir(settings.warehouse_root, day, run_id)
    if staging.exists():  # a retry, or a rerun of the same run: start from a clean folder
        objectstore.remove_tree(staging)
    warehouse.write_manifest(staging, len(bounds))
    for index, (start, stop) in enumerate(bounds):
        warehouse.stage_part(staging, "articles", index, article_table.slice(start, stop - start))
    warehouse.stage_part(staging, "quarantine", 0, _table(quarantine_rows, QUARANTINE, ["input_path", "reason"]))
    log.info(
        "%d input files in %s: %d articles in %d shard(s) of up to %d, %d quarantined; staged in %s",
        files, folder, article_table.num_rows, len(bounds), settings.shard_size, len(quarantine_rows), staging,
    )
    return {
        "day": day.isoformat(),
        "staging": str(staging),
        "files": files,
        "articles": article_table.num_rows,
        "quarantined": len(quarantine_rows),
        "shards": [
            {"day": day.isoformat(), "staging": str(staging), "shard": i, "articles": stop - start}
            for i, (start, stop) in enumerate(bounds)
        ],
    }


def extract_shard(settings: Settings, day: date, staging: str | Path, shard: int) -> dict[str, Any]:
    """Extract one staged shard of articles and stage its entity_mentions, amounts and dates."""
    staging = location(staging)
    path = staging / "articles" / warehouse.part_name(shard)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: rerun the day's load task before its extract shards")
    article_rows = objectstore.read_parquet(path, schema=ARTICLES).to_pylist()
    tables = extract_tables(settings, article_rows, day)
    counts = {name: warehouse.stage_part(staging, name, shard, t) for name, t in tables.items()}
    log.info("shard %d of %s: %d articles, staged %s", shard, day, len(article_rows), counts)
    return {"day": day.isoformat(), "shard": shard, "articles": len(article_rows), "rows": counts}


def extract(settings: Settings, day: date, run_id: str) -> dict[str, Any]:
    """Load the landing day and extract every shard in this process; returns what ``load`` returns."""
    loaded = load(settings, day, run_id)
    for shard in loaded["shards"]:
        extract_shard(settings, day, loaded["staging"], shard["shard"])
    return loaded


# -- validate -------------------------------------------------------------------------------


def validate(settings: Settings, day: date, staging: str | Path) -> dict[str, Any]:
    """Run the Great Expectations suites and the drift check on the staged tables; raise if any fails.

    Results, Data Docs pages and the drift check are kept in ``_validation/dt=D/``.
    """
    from newsgraph.quality import format_day_report, raise_for_day, validate_day

    tables = {name: t.to_pandas() for name, t in warehouse.read_staged(staging).items()}
    checked = validate_day(tables, settings.warehouse_root, day)
    log.info("validation of %s:\n%s", day, format_day_report(checked))
    raise_for_day(checked)
    return {
        "day": day.isoformat(),
        "results": str(checked.results_dir),
        "docs": str(checked.docs),
        "expectations": sum(r.evaluated for r in checked.tables),
        "tables": {r.table: r.rows for r in checked.tables},
        "drift": checked.drift.status,
    }


# -- publish --------------------------------------------------------------------------------


def publish(settings: Settings, day: date, staging: str | Path) -> dict[str, Any]:
    """Atomically replace the day's partitions with the validated staged tables."""
    from newsgraph.normalise.geo import country_code

    counts = warehouse.publish_partition(settings.warehouse_root, day, staging)
    entities = warehouse.rebuild_entities(settings.warehouse_root, country_code)
    log.info("published %s for %s; entities dimension now has %d rows", counts, day, entities)
    return {"day": day.isoformat(), "rows": counts, "entities": entities}


# -- aggregate (all days) -------------------------------------------------------------------


def aggregate(settings: Settings) -> dict[str, Any]:
    """Rebuild what depends on every published day: the entities dimension and the daily aggregates."""
    from newsgraph.normalise.geo import country_code
    from newsgraph.storage.aggregates import rebuild_aggregates

    counts = {"entities": warehouse.rebuild_entities(settings.warehouse_root, country_code)}
    counts.update(rebuild_aggregates(settings.warehouse_root))
    days = warehouse.published_days(settings.warehouse_root, "articles")
    log.info("rebuilt %s over %d published days", counts, len(days))
    return {"warehouse": str(settings.warehouse_root), "days": len(days), "rows": counts}


# -- summarise ------------------------------------------------------------------------------


def quarantined_by_reason(settings: Settings, day: date) -> dict[str, int]:
    """Rows of the day's published quarantine partition per reason (empty when none)."""
    path = warehouse.partition_dir(settings.warehouse_root, "quarantine", day) / warehouse.PART_FILE
    if not path.exists():
        return {}
    counts: dict[str, int] = {}
    for reason in objectstore.read_parquet(path, columns=["reason"]).column("reason").to_pylist():
        counts[reason] = counts.get(reason, 0) + 1
    return dict(sorted(counts.items()))


def summarise(settings: Settings, day: date) -> dict[str, Any]:
    """What is published for the day: rows per table, and quarantined inputs per reason."""
    infos = warehouse.describe(settings.warehouse_root, day)
    return {
        "day": day.isoformat(),
        "warehouse": str(settings.warehouse_root),
        "tables": {i.table: {"partition": i.partition, "rows": i.rows} for i in infos},
        "quarantined": quarantined_by_reason(settings, day),
    }


def format_summary(infos: list[warehouse.PartitionInfo], quarantined: dict[str, int] | None = None) -> str:
    """The published tables as a small text table, then the quarantined inputs per reason."""
    if not infos:
        return "nothing published yet"
    width = max(len(i.table) for i in infos)
    lines = [f"{'table':<{width}}  {'partition':<15}  {'rows':>8}"]
    lines += [f"{i.table:<{width}}  {i.partition:<15}  {i.rows:>8}" for i in infos]
    if quarantined:
        lines.append("quarantined: " + ", ".join(f"{reason} {n}" for reason, n in quarantined.items()))
    return "\n".join(lines)


def run_day(settings: Settings, day: date, run_id: str | None = None) -> dict[str, Any]:
    """All steps in one process, without Airflow: the same functions the DAG's tasks call."""
    run_id = run_id or f"local__{day.isoformat()}"
    staged = extract(settings, day, run_id)
    validate(settings, day, staged["staging"])
    publish(settings, day, staged["staging"])
    aggregate(settings)
    return summarise(settings, day)
