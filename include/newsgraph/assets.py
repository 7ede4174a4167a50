"""The warehouse's tables as Airflow Assets.

``news_pipeline``'s publish task updates one Asset per fact table; ``newsgraph_aggregates``
is scheduled on them and updates the dimension and the daily aggregates. The URIs name
tables, not files (the warehouse root is a run-time setting), under the private scheme
``x-newsgraph``. Only ``airflow.sdk`` is imported, so DAG files stay cheap to parse.
"""

from __future__ import annotations

from airflow.sdk import Asset

# The names of newsgraph.schema's FACT_TABLES, DIMENSION_TABLES and AGGREGATE_TABLES, spelled
# out so that parsing a DAG does not import pyarrow (a test keeps them equal).
FACT_TABLE_NAMES = ("articles", "entity_mentions", "amounts", "dates", "quarantine")
DERIVED_TABLE_NAMES = ("entities", "entity_daily", "amounts_daily")


def table_asset(table: str) -> Asset:
    return Asset(name=f"newsgraph.{table}", uri=f"x-newsgraph://warehouse/{table}", group="newsgraph")


#: Updated by ``news_pipeline.publish`` for the day it publishes.
FACT_ASSETS: dict[str, Asset] = {t: table_asset(t) for t in FACT_TABLE_NAMES}
#: Updated by ``newsgraph_aggregates``.
DERIVED_ASSETS: dict[str, Asset] = {t: table_asset(t) for t in DERIVED_TABLE_NAMES}
