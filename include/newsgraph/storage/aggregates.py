"""Daily aggregates over every published day, rebuilt whole.

``entity_daily``: mentions and articles per entity per day; ``amounts_daily``: amounts,
articles and sums (in the currency and in US dollars) per currency per day. Each is one
Parquet file, ``<warehouse>/<table>/part-00000.parquet``, replaced atomically, so readers
see the previous or the new version. The ``newsgraph_aggregates`` DAG rebuilds them
whenever ``news_pipeline`` publishes a day (it is scheduled on the tables' Assets).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from newsgraph.schema import AGGREGATE_TABLES
from newsgraph.storage import warehouse

_QUERIES = {
    "entity_daily": """
        SELECT dt::DATE AS dt, entity_id, min(label) AS label, min(canonical_name) AS canonical_name,
               count(*) AS mentions, count(DISTINCT article_id) AS articles
        FROM read_parquet(?, hive_partitioning = true)
        GROUP BY dt, entity_id
        ORDER BY dt, entity_id
    """,
    "amounts_daily": """
        SELECT dt::DATE AS dt, currency, count(*) AS amounts, count(DISTINCT article_id) AS articles,
               sum(value) AS value_sum, sum(value_usd) AS value_usd_sum,
               count(*) FILTER (WHERE value_usd IS NULL) AS without_usd
        FROM read_parquet(?, hive_partitioning = true)
        WHERE currency IS NOT NULL
        GROUP BY dt, currency
        ORDER BY dt, currency
    """,
}
_SOURCES = {"entity_daily": "entity_mentions", "amounts_daily": "amounts"}


def rebuild_aggregates(root: Path) -> dict[str, int]:
    """Recompute every aggregate table from the published partitions; returns row counts."""
    import duckdb

    root = Path(root)
    counts: dict[str, int] = {}
    with warehouse.warehouse_lock(root, "aggregates"):
        con = duckdb.connect()
        try:
            for name, schema in AGGREGATE_TABLES.items():
                source = _SOURCES[name]
                files = [
                    str(warehouse.partition_dir(root, source, d) / warehouse.PART_FILE)
                    for d in warehouse.published_days(root, source)
                ]
                if files:
                    table = con.sql(_QUERIES[name], params=[files]).to_arrow_table().cast(schema)
                else:
                    table = schema.empty_table()
                warehouse.write_parquet_atomic(table, root / name / warehouse.PART_FILE)
                counts[name] = table.num_rows
        finally:
            con.close()
    return counts


def read_aggregate(root: Path, name: str) -> pa.Table:
    import pyarrow.parquet as pq

    return pq.read_table(Path(root) / name / warehouse.PART_FILE, schema=AGGREGATE_TABLES[name])
