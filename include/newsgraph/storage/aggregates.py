"""Daily aggregates over every published day, rebuilt whole.

``entity_daily``: mentions and articles per entity per day; ``amounts_daily``: amounts,
articles and sums (in the currency and in US dollars) per currency per day. Each is one
Parquet file, ``<warehouse>/<table>/part-00000.parquet``, replaced atomically, so readers
see the previous or the new version (in object storage too: see :mod:`newsgraph.storage.warehouse`).
The ``newsgraph_aggregates`` DAG rebuilds them whenever ``news_pipeline`` publishes a day
(it is scheduled on the tables' Assets).
"""

from __future__ import annotations

from functools import partial

import pyarrow as pa

from newsgraph.schema import AGGREGATE_TABLES
from newsgraph.storage import objectstore, warehouse
from newsgraph.storage.objectstore import Location, location

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


def _rebuild(root: Location, name: str, files: tuple[tuple[str, int, int, str], ...]) -> int:
    """Write aggregate ``name`` computed from the partition ``files`` of its source; returns its rows."""
    schema = AGGREGATE_TABLES[name]
    if files:
        con = objectstore.duckdb_connect(root)
        try:
            table = con.sql(_QUERIES[name], params=[[f[0] for f in files]]).to_arrow_table().cast(schema)
        finally:
            con.close()
    else:
        table = schema.empty_table()
    warehouse.write_parquet_atomic(table, root / name / warehouse.PART_FILE)
    return table.num_rows


def rebuild_aggregates(root: Location | str) -> dict[str, int]:
    """Recompute every aggregate table from the published partitions; returns row counts."""
    root = location(root)
    counts: dict[str, int] = {}
    with warehouse.warehouse_lock(root, "aggregates"):
        for name in AGGREGATE_TABLES:
            counts[name] = warehouse.rebuild_until_settled(
                partial(warehouse.published_files, root, _SOURCES[name]), partial(_rebuild, root, name), name
            )
    return counts


def read_aggregate(root: Location | str, name: str) -> pa.Table:
    return objectstore.read_parquet(location(root) / name / warehouse.PART_FILE, schema=AGGREGATE_TABLES[name])
