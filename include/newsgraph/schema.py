"""The data contract: one explicit pyarrow schema per published table.

Every writer, validator and test takes column names and types from here; the
README's data dictionary documents the same fields. Partition columns (``dt``)
are not stored inside the files: they live in the Hive path
``<table>/dt=YYYY-MM-DD/part-00000.parquet``.
"""

from __future__ import annotations

import pyarrow as pa

UTC_TS = pa.timestamp("us", tz="UTC")

ARTICLES = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("source_id", pa.string()),
        pa.field("url", pa.string()),
        pa.field("title", pa.string()),
        pa.field("published_at", UTC_TS),
        pa.field("language", pa.string(), nullable=False),
        pa.field("text", pa.large_string(), nullable=False),
        pa.field("text_chars", pa.int64(), nullable=False),
        pa.field("content_sha256", pa.string(), nullable=False),
        pa.field("input_path", pa.string(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
    ]
)

ENTITY_MENTIONS = pa.schema(
    [
        pa.field("mention_id", pa.string(), nullable=False),
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("canonical_name", pa.string(), nullable=False),
        pa.field("role", pa.string()),
        pa.field("country_code", pa.string()),
        pa.field("geonames_id", pa.int64()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("start_char", pa.int64(), nullable=False),
        pa.field("end_char", pa.int64(), nullable=False),
        pa.field("sentence_idx", pa.int32(), nullable=False),
    ]
)

AMOUNTS = pa.schema(
    [
        pa.field("amount_id", pa.string(), nullable=False),
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("value", pa.float64(), nullable=False),
        pa.field("value_max", pa.float64()),
        pa.field("currency", pa.string()),
        pa.field("currency_note", pa.string()),
        pa.field("qualifier", pa.string()),
        pa.field("value_usd", pa.float64()),
        pa.field("value_max_usd", pa.float64()),
        pa.field("fx_rate_date", pa.date32()),
        pa.field("usd_note", pa.string()),
        pa.field("subject", pa.string()),
        pa.field("entity_ids", pa.list_(pa.string()), nullable=False),
        pa.field("start_char", pa.int64(), nullable=False),
        pa.field("end_char", pa.int64(), nullable=False),
        pa.field("sentence_idx", pa.int32(), nullable=False),
    ]
)

DATES = pa.schema(
    [
        pa.field("date_id", pa.string(), nullable=False),
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("resolved", pa.date32()),
        pa.field("grain", pa.string()),
        pa.field("reference_date", pa.date32()),
        pa.field("start_char", pa.int64(), nullable=False),
        pa.field("end_char", pa.int64(), nullable=False),
        pa.field("sentence_idx", pa.int32(), nullable=False),
    ]
)

#: Grains of a resolved date (``dates.grain``); ``resolved`` is the first day of the period.
DATE_GRAINS: tuple[str, ...] = ("day", "month", "year")

ENTITIES = pa.schema(
    [
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=False),
        pa.field("canonical_name", pa.string(), nullable=False),
        pa.field("aliases", pa.list_(pa.string()), nullable=False),
        pa.field("country_code", pa.string()),
        pa.field("geonames_id", pa.int64()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("mention_count", pa.int64(), nullable=False),
        pa.field("article_count", pa.int64(), nullable=False),
        pa.field("first_seen", pa.date32(), nullable=False),
        pa.field("last_seen", pa.date32(), nullable=False),
    ]
)

QUARANTINE = pa.schema(
    [
        pa.field("quarantine_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("input_path", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("detail", pa.string()),
        pa.field("received_at", UTC_TS, nullable=False),
        pa.field("excerpt", pa.string()),
        pa.field("run_id", pa.string(), nullable=False),
    ]
)

#: Fact tables, partitioned by day.
FACT_TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "entity_mentions": ENTITY_MENTIONS,
    "amounts": AMOUNTS,
    "dates": DATES,
    "quarantine": QUARANTINE,
}

#: The dimension, rebuilt from all mentions and replaced whole.
DIMENSION_TABLES: dict[str, pa.Schema] = {"entities": ENTITIES}

#: Mentions of each entity per day, over all published days.
ENTITY_DAILY = pa.schema(
    [
        pa.field("dt", pa.date32(), nullable=False),
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=False),
        pa.field("canonical_name", pa.string(), nullable=False),
        pa.field("mentions", pa.int64(), nullable=False),
        pa.field("articles", pa.int64(), nullable=False),
    ]
)

#: Money amounts per day and currency, over all published days.
AMOUNTS_DAILY = pa.schema(
    [
        pa.field("dt", pa.date32(), nullable=False),
        pa.field("currency", pa.string(), nullable=False),
        pa.field("amounts", pa.int64(), nullable=False),
        pa.field("articles", pa.int64(), nullable=False),
        pa.field("value_sum", pa.float64(), nullable=False),
        pa.field("value_usd_sum", pa.float64()),
        pa.field("without_usd", pa.int64(), nullable=False),
    ]
)

#: Daily aggregates over all days, rebuilt whole by the ``newsgraph_aggregates`` DAG.
AGGREGATE_TABLES: dict[str, pa.Schema] = {"entity_daily": ENTITY_DAILY, "amounts_daily": AMOUNTS_DAILY}

#: Entity labels kept in ``entity_mentions`` (spaCy/OntoNotes names). Numeric and
#: temporal labels (MONEY, DATE, CARDINAL, ...) are handled by their own extractors.
ENTITY_LABELS: frozenset[str] = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)

#: Labels of places, which carry a country code in the dimension.
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
