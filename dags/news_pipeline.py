"""
### news_pipeline: one landing day of news articles to validated, partitioned Parquet

Every night at 02:00 UTC this DAG processes the **previous day**: the articles that
landed in `$NEWSGRAPH_LANDING/YYYY-MM-DD/` (plain text, JSON, JSON Lines or HTML).

| task | what it does |
|---|---|
| `fetch` | when `NEWSGRAPH_SOURCES` names a sources file: fetches the day's items of its RSS/Atom feeds and their pages into the landing day (raw pages kept, so the day can be reprocessed offline); otherwise does nothing |
| `load` | reads the day's input files, quarantines what cannot be used (with the reason), and stages the articles in shards of `NEWSGRAPH_SHARD_SIZE` (an empty day is one empty shard and publishes empty partitions) |
| `extract` | one mapped task per shard: runs spaCy (in `NEWSGRAPH_PROCESSES` processes, the model loaded once per process), normalises entities, amounts and dates, stages the shard's parts |
| `validate` | runs the Great Expectations suites on the whole staged day; any failed expectation fails the run and nothing is published |
| `publish` | swaps each staged table in as the day's partition `dt=YYYY-MM-DD` atomically, rebuilds the `entities` dimension, and updates the tables' Assets (which triggers `newsgraph_aggregates`) |
| `summarise` | logs and returns the tables, partitions and row counts now published for the day |

The partition `dt` is the run's logical date (UTC day). `catchup` is off: history is loaded
with backfills (UI Backfill dialog, `POST /api/v2/backfills` or `airflow backfill create`),
which give exactly the partitions the nightly runs would have. A backfill takes the runs whose
logical date (day D at 02:00) lies in its range: to include the last day B, end the range at
B 02:00 or later (for example `--to-date 2025-09-03T23:00`). Re-running a day replaces it
with the same rows. Warehouse: `$NEWSGRAPH_WAREHOUSE` (default `data/warehouse/`). Both roots
may be `s3://bucket/prefix` URLs (object storage; see the README).
"""

from __future__ import annotations

import os
from datetime import timedelta

import pendulum
from airflow.sdk import CronDataIntervalTimetable, Param, dag, get_current_context, task
from newsgraph.assets import FACT_ASSETS

#: Extract shards running at once across all runs of the DAG (each may use several processes:
#: NEWSGRAPH_PROCESSES). Read when the DAG is parsed; raise it with the number of Celery worker slots.
MAX_ACTIVE_SHARDS = int(os.environ.get("NEWSGRAPH_MAX_ACTIVE_SHARDS", "4"))

DEFAULT_ARGS = {
    "owner": "newsgraph",
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
}


def _partition_day(context) -> str:
    """The UTC day this run processes: its logical date (the previous day for a nightly run)."""
    moment = context.get("logical_date") or context.get("data_interval_start") or context["dag_run"].run_after
    return pendulum.instance(moment).in_timezone("UTC").date().isoformat()


@dag(
    dag_id="news_pipeline",
    # Data interval [D 02:00, D+1 02:00): the run at 02:00 on D+1 has logical date D and
    # publishes dt=D; a backfill selects runs by logical date, so days map one to one.
    schedule=CronDataIntervalTimetable("0 2 * * *", timezone="UTC"),
    start_date=pendulum.datetime(2025, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=3,
    default_args=DEFAULT_ARGS,
    params={
        "landing": Param(
            None,
            type=["null", "string"],
            title="Landing root",
            description=(
                "Read this run's day from another landing root (a folder, or an s3:// prefix, holding "
                "YYYY-MM-DD/ folders), e.g. a re-fetched copy. Relative to the parent of NEWSGRAPH_LANDING; "
                "must lie inside it or inside NEWSGRAPH_LANDING_ALLOWED. Empty: NEWSGRAPH_LANDING."
            ),
        ),
        "shard_size": Param(
            None,
            type=["null", "integer"],
            minimum=1,
            title="Shard size",
            description="Articles per extract task for this run. Empty: NEWSGRAPH_SHARD_SIZE (500).",
        ),
    },
    tags=["newsgraph", "nlp", "parquet"],
    doc_md=__doc__,
)
def news_pipeline():
    @task
    def fetch() -> dict:
        """Fill the landing day from the feeds of NEWSGRAPH_SOURCES (skipped when it is unset)."""
        from datetime import date

        from newsgraph import pipeline
        from newsgraph.settings import Settings

        context = get_current_context()
        day = date.fromisoformat(_partition_day(context))
        settings = Settings.from_env().for_run(landing=context["params"].get("landing"))
        return pipeline.fetch(settings, day)

    @task
    def load(fetched: dict) -> list[dict]:
        """The day's shards: each names the day, the staging folder and its index."""
        from datetime import date

        from newsgraph import pipeline
        from newsgraph.settings import Settings

        context = get_current_context()
        day = date.fromisoformat(_partition_day(context))
        params = context["params"]
        settings = Settings.from_env().for_run(landing=params.get("landing"), shard_size=params.get("shard_size"))
        return pipeline.load(settings, day, context["run_id"])["shards"]

    @task(max_active_tis_per_dag=MAX_ACTIVE_SHARDS, map_index_template="{{ shard_label }}")
    def extract(shard: dict) -> dict:
        from datetime import date

        from newsgraph import pipeline
        from newsgraph.settings import Settings

        get_current_context()["shard_label"] = f"shard {shard['shard']} ({shard['articles']} articles)"
        return pipeline.extract_shard(
            Settings.from_env(), date.fromisoformat(shard["day"]), shard["staging"], shard["shard"]
        )

    @task
    def validate(shards: list[dict], extracted: list[dict]) -> dict:
        from datetime import date

        from newsgraph import pipeline
        from newsgraph.settings import Settings

        first = shards[0]
        return pipeline.validate(Settings.from_env(), date.fromisoformat(first["day"]), first["staging"])

    @task(outlets=list(FACT_ASSETS.values()))
    def publish(shards: list[dict], validated: dict) -> dict:
        from datetime import date

        from newsgraph import pipeline
        from newsgraph.settings import Settings

        first = shards[0]
        return pipeline.publish(Settings.from_env(), date.fromisoformat(first["day"]), first["staging"])

    @task
    def summarise(published: dict) -> dict:
        import logging
        from datetime import date

        from newsgraph import pipeline
        from newsgraph.settings import Settings
        from newsgraph.storage.warehouse import describe

        settings = Settings.from_env()
        day = date.fromisoformat(published["day"])
        summary = pipeline.summarise(settings, day)
        logging.getLogger(__name__).info(
            "published for %s:\n%s",
            day,
            pipeline.format_summary(describe(settings.warehouse_root, day), summary["quarantined"]),
        )
        return summary

    shards = load(fetch())
    extracted = extract.expand(shard=shards)
    summarise(publish(shards, validate(shards, extracted)))


news_pipeline()
