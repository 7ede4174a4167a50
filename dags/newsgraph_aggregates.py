"""
### newsgraph_aggregates: what depends on every published day

Scheduled on the Assets that `news_pipeline`'s publish task updates (`newsgraph.entity_mentions`
and `newsgraph.amounts`): after each published day, and once after a backfill's days are
all published, it rebuilds from every partition in the warehouse

| table | what it holds |
|---|---|
| `entities` | the dimension: each entity once, with aliases, counts, country and first/last day seen |
| `entity_daily` | mentions and articles per entity per day |
| `amounts_daily` | amounts, articles, sum of `value` and of `value_usd` per currency per day |

each as one Parquet file replaced atomically (`<warehouse>/<table>/part-00000.parquet`), and
updates their Assets. Rebuilding is idempotent: any number of runs give the same tables.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import dag, task
from newsgraph.assets import DERIVED_ASSETS, FACT_ASSETS


@dag(
    dag_id="newsgraph_aggregates",
    schedule=[FACT_ASSETS["entity_mentions"], FACT_ASSETS["amounts"]],
    start_date=pendulum.datetime(2025, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "newsgraph", "retries": 2, "retry_delay": timedelta(minutes=1)},
    tags=["newsgraph", "parquet"],
    doc_md=__doc__,
)
def newsgraph_aggregates():
    @task(outlets=list(DERIVED_ASSETS.values()))
    def rebuild() -> dict:
        from newsgraph import pipeline
        from newsgraph.settings import Settings

        return pipeline.aggregate(Settings.from_env())

    rebuild()


newsgraph_aggregates()
