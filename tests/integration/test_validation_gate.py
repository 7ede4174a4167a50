"""A day whose tables break an expectation is not published, and the previous version stays."""

from __future__ import annotations

import logging
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph import pipeline
from newsgraph.quality.validate import ValidationFailed
from newsgraph.schema import ENTITY_MENTIONS
from newsgraph.settings import Settings
from newsgraph.storage import warehouse

pytestmark = pytest.mark.integration

DAY = date(2025, 9, 1)


@pytest.fixture()
def settings(tmp_path) -> Settings:
    return Settings.from_env().with_overrides(warehouse_root=tmp_path / "warehouse")


def _break_mentions(staging) -> None:
    """Point one mention past the end of its article's text and give another an unknown label."""
    path = staging / "entity_mentions" / warehouse.part_name(0)
    rows = pq.read_table(path).to_pylist()
    rows[0]["end_char"] = 10_000_000
    rows[1]["label"] = "MONEYBAGS"
    pq.write_table(pa.Table.from_pylist(rows, schema=ENTITY_MENTIONS), path)


def test_broken_day_is_not_published_and_log_names_the_expectation(settings, caplog):
    staged = pipeline.extract(settings, DAY, run_id="manual__broken")
    _break_mentions(warehouse.staging_dir(settings.warehouse_root, DAY, "manual__broken"))
    with caplog.at_level(logging.INFO), pytest.raises(ValidationFailed) as failed:
        pipeline.validate(settings, DAY, staged["staging"])
    message = str(failed.value)
    assert "entity_mentions" in message
    assert "end_char" in message and "MONEYBAGS" in message
    assert "FAILED" in caplog.text
    # nothing published, the GX result kept for the operator
    assert warehouse.describe(settings.warehouse_root, DAY) == []
    assert (warehouse.validation_dir(settings.warehouse_root, DAY) / "entity_mentions.json").exists()


def test_broken_rerun_leaves_the_previous_day_in_place(settings):
    pipeline.run_day(settings, DAY, run_id="manual__good")
    part = warehouse.partition_dir(settings.warehouse_root, "entity_mentions", DAY) / warehouse.PART_FILE
    before = pq.read_table(part)

    staged = pipeline.extract(settings, DAY, run_id="manual__broken")
    _break_mentions(warehouse.staging_dir(settings.warehouse_root, DAY, "manual__broken"))
    with pytest.raises(ValidationFailed):
        pipeline.validate(settings, DAY, staged["staging"])

    assert pq.read_table(part).equals(before)
    assert max(pq.read_table(part).column("end_char").to_pylist()) < 10_000_000
