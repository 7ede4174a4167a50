"""Drift checks (newsgraph.quality.drift) and the day-level gate that runs them.

Reference days are published into a temporary warehouse with the real schemas,
through ``warehouse.stage_tables`` and ``warehouse.publish_partition``, the way the
pipeline publishes them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pytest

from newsgraph import schema
from newsgraph.quality import ValidationFailed, raise_for_failures
from newsgraph.quality import drift as drift_module
from newsgraph.quality.drift import (
    DISABLED,
    FAILED,
    NOT_CHECKED,
    PASSED,
    SKIPPED,
    check_drift,
    drift_check_enabled,
    format_drift,
    reference_days,
)
from newsgraph.storage import warehouse

DAY = date(2025, 9, 20)
TEXT = "Acme Corp paid $5 million to Jane Doe in Paris."
SPANS = [("Acme Corp", "ORG"), ("Jane Doe", "PERSON"), ("Paris", "GPE")]


@pytest.fixture(autouse=True)
def drift_switch_unset(monkeypatch):
    monkeypatch.delenv(drift_module.ENV_SWITCH, raising=False)


def day_tables(day: date, articles: int, mentions_per: float, amounts_per: float) -> dict[str, pa.Table]:
    """A day of valid rows: ``articles`` articles, mentions and amounts spread over them."""
    article_rows, mention_rows, amount_rows = [], [], []
    for i in range(articles):
        text = f"{TEXT} Story {day.isoformat()} number {i}."
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        article_rows.append(
            {
                "article_id": digest[:16],
                "source": "fixture",
                "source_id": None,
                "url": None,
                "title": None,
                "published_at": datetime(day.year, day.month, day.day, 8, tzinfo=timezone.utc),
                "language": "en",
                "text": text,
                "text_chars": len(text),
                "content_sha256": digest,
                "input_path": f"landing/{i}.txt",
                "run_id": "test",
            }
        )
    total_mentions = round(articles * mentions_per)
    for m in range(total_mentions):
        article = article_rows[m % articles]
        part, label = SPANS[m % len(SPANS)]
        start = TEXT.index(part)
        mention_rows.append(
            {
                "mention_id": f"m-{day.isoformat()}-{m}",
                "article_id": article["article_id"],
                "entity_id": f"e-{label}-{part}",
                "label": label,
                "text": part,
                "canonical_name": part,
                "role": None,
                "country_code": None,
                "geonames_id": None,
                "latitude": None,
                "longitude": None,
                "start_char": start,
                "end_char": start + len(part),
                "sentence_idx": 0,
            }
        )
    start = TEXT.index("$5 million")
    for a in range(round(articles * amounts_per)):
        article = article_rows[a % articles]
        amount_rows.append(
            {
                "amount_id": f"x-{day.isoformat()}-{a}",
                "article_id": article["article_id"],
                "text": "$5 million",
                "value": 5e6,
                "value_max": None,
                "currency": "USD",
                "currency_note": None,
                "qualifier": None,
                "value_usd": 5e6,
                "value_max_usd": None,
                "fx_rate_date": day,
                "usd_note": None,
                "subject": None,
                "entity_ids": [],
                "start_char": start,
                "end_char": start + len("$5 million"),
                "sentence_idx": 0,
            }
        )
    return {
        "articles": pa.Table.from_pylist(article_rows, schema=schema.ARTICLES),
        "entity_mentions": pa.Table.from_pylist(mention_rows, schema=schema.ENTITY_MENTIONS),
        "amounts": pa.Table.from_pylist(amount_rows, schema=schema.AMOUNTS),
        "dates": schema.DATES.empty_table(),
        "quarantine": schema.QUARANTINE.empty_table(),
    }


def publish_day(root: Path, day: date, articles: int, mentions_per: float = 4.0, amounts_per: float = 1.0) -> None:
    staging = warehouse.staging_dir(root, day, f"test__{day.isoformat()}")
    warehouse.stage_tables(staging, day_tables(day, articles, mentions_per, amounts_per))
    warehouse.publish_partition(root, day, staging)


@pytest.fixture()
def root(tmp_path) -> Path:
    return tmp_path / "warehouse"


@pytest.fixture()
def history(root) -> list[date]:
    """Five published days before DAY, 30 to 40 articles, about 4 mentions and 1 amount each."""
    days = []
    for back, (articles, mentions_per, amounts_per) in enumerate(
        [(30, 4.0, 1.0), (40, 3.5, 1.2), (35, 4.4, 0.8), (30, 3.8, 1.0), (32, 4.2, 1.1)], start=1
    ):
        day = DAY - timedelta(days=back)
        publish_day(root, day, articles, mentions_per, amounts_per)
        days.append(day)
    return sorted(days)


def metrics(check) -> dict:
    return {m.name: m for m in check.metrics}


# --------------------------------------------------------------------------- passing


def test_fresh_warehouse_passes(root):
    check = check_drift(day_tables(DAY, 50, 0.0, 0.0), root, DAY)
    assert check.status == SKIPPED
    assert not check.failed
    assert "0 published day(s)" in check.reason
    raise_for_failures([], drift=check)  # does not raise


def test_normal_day_passes(root, history):
    check = check_drift(day_tables(DAY, 45, 3.6, 0.9), root, DAY)
    assert check.status == PASSED, format_drift(check)
    assert check.reference_days == [d.isoformat() for d in history]
    entities = metrics(check)["entities_per_article"]
    assert entities.status == PASSED
    assert entities.rows == round(45 * 3.6) and entities.articles == 45
    assert entities.median == pytest.approx(4.0)  # median of 4.0, 3.5, 4.4, 3.8, 4.2
    assert (entities.low, entities.high) == (pytest.approx(4.0 / 3), pytest.approx(12.0))
    assert list(entities.reference) == [d.isoformat() for d in history]
    assert metrics(check)["amounts_per_article"].status == PASSED
    raise_for_failures([], drift=check)


def test_small_day_passes_even_without_entities(root, history):
    check = check_drift(day_tables(DAY, 10, 0.0, 0.0), root, DAY)
    assert check.status == SKIPPED
    assert check.reason == "10 articles, fewer than 20"
    assert check.metrics == []


def test_too_little_history_passes(root):
    publish_day(root, DAY - timedelta(days=1), 30)
    publish_day(root, DAY - timedelta(days=2), 30)
    check = check_drift(day_tables(DAY, 50, 0.0, 0.0), root, DAY)
    assert check.status == SKIPPED
    assert check.reference_days == [(DAY - timedelta(days=2)).isoformat(), (DAY - timedelta(days=1)).isoformat()]
    assert "2 published day(s)" in check.reason


def test_small_published_days_are_not_references(root):
    for back in (1, 2, 3):
        publish_day(root, DAY - timedelta(days=back), 19)
    check = check_drift(day_tables(DAY, 50, 0.0, 0.0), root, DAY)
    assert check.status == SKIPPED
    assert check.reference_days == []


def test_metric_expecting_few_rows_is_not_checked(root):
    for back in (1, 2, 3):
        publish_day(root, DAY - timedelta(days=back), 25, mentions_per=4.0, amounts_per=0.2)
    check = check_drift(day_tables(DAY, 25, 4.0, 0.0), root, DAY)
    amounts = metrics(check)["amounts_per_article"]
    assert amounts.status == NOT_CHECKED
    assert "fewer than 20" in amounts.reason  # median 0.2 x 25 articles = 5 expected rows
    assert check.status == PASSED


# --------------------------------------------------------------------------- failing


def test_day_without_entities_fails_naming_the_metric(root, history):
    check = check_drift(day_tables(DAY, 50, 0.0, 1.0), root, DAY)
    assert check.status == FAILED
    assert [m.name for m in check.failed_metrics] == ["entities_per_article"]
    entities = metrics(check)["entities_per_article"]
    assert entities.value == 0.0 and entities.rows == 0 and entities.articles == 50

    with pytest.raises(ValidationFailed) as failed:
        raise_for_failures([], drift=check, docs="/wh/_validation/dt=2025-09-20/index.html")
    message = str(failed.value)
    first = message.splitlines()[0]
    assert first == "data quality checks failed for the drift check (entities_per_article)"
    line = next(x for x in message.splitlines() if "FAILED entities_per_article" in x)
    assert "= 0.00 on 2025-09-20 (0 entity_mentions rows / 50 articles)" in line
    assert "outside the allowed range [1.33, 12.00] (median 4.00" in line
    assert "the recent range 3.50..4.40 over 5 published days" in line
    for day in history:
        assert day.isoformat() in line
    assert "NEWSGRAPH_DRIFT_CHECK=off" in message
    assert "amounts_per_article = 1.00" in message  # the passing metric is shown too
    assert message.endswith("Data Docs: /wh/_validation/dt=2025-09-20/index.html")
    assert failed.value.drift is check
    assert failed.value.failures == []


def test_day_with_far_too_many_amounts_fails(root, history):
    check = check_drift(day_tables(DAY, 40, 4.0, 5.0), root, DAY)
    assert [m.name for m in check.failed_metrics] == ["amounts_per_article"]
    amounts = metrics(check)["amounts_per_article"]
    assert amounts.value == pytest.approx(5.0)
    assert amounts.high == pytest.approx(3.0)  # median 1.0


def test_bounds_are_inclusive(root):
    for back in (1, 2, 3):
        publish_day(root, DAY - timedelta(days=back), 30, mentions_per=3.0, amounts_per=1.0)
    at_low = check_drift(day_tables(DAY, 30, 1.0, 1.0), root, DAY)
    assert metrics(at_low)["entities_per_article"].status == PASSED
    below = check_drift(day_tables(DAY, 30, 29 / 30, 1.0), root, DAY)
    assert metrics(below)["entities_per_article"].status == FAILED


def test_table_failures_and_drift_are_reported_together(root, history):
    from newsgraph.quality import FailedExpectation, TableValidation

    check = check_drift(day_tables(DAY, 50, 0.0, 1.0), root, DAY)
    failure = FailedExpectation("entity_mentions", "expect_x(column=label)", 2, ["FOO"])
    results = [
        TableValidation("articles", True, 50, 12),
        TableValidation("entity_mentions", False, 0, 18, [failure]),
    ]
    with pytest.raises(ValidationFailed) as failed:
        raise_for_failures(results, drift=check)
    message = str(failed.value)
    assert message.splitlines()[0] == (
        "data quality checks failed for 1 table(s) (entity_mentions), 1 failed expectation(s) "
        "and the drift check (entities_per_article)"
    )
    assert "FAILED expect_x(column=label): 2 rows, e.g. ['FOO']" in message
    assert "FAILED entities_per_article" in message


# --------------------------------------------------------------------------- reference days


def test_the_day_itself_is_not_a_reference(root, history):
    publish_day(root, DAY, 50, mentions_per=0.0)  # an earlier, broken version of the day
    refs = reference_days(root, DAY)
    assert [r.day for r in refs] == [d.isoformat() for d in history]


def test_closest_days_within_the_window_are_used(root, monkeypatch):
    monkeypatch.setattr(drift_module, "REFERENCE_DAYS", 3)
    for offset in (-70, -10, -3, -1, 2, 20):
        publish_day(root, DAY + timedelta(days=offset), 20)
    refs = reference_days(root, DAY)
    assert [r.day for r in refs] == [(DAY + timedelta(days=o)).isoformat() for o in (-3, -1, 2)]
    assert refs[0].articles == 20 and refs[0].rows == {"amounts": 20, "entity_mentions": 80}
    monkeypatch.setattr(drift_module, "REFERENCE_DAYS", 14)
    assert [r.day for r in reference_days(root, DAY)] == [
        (DAY + timedelta(days=o)).isoformat() for o in (-10, -3, -1, 2, 20)
    ]  # -70 is outside the 60-day window


def test_counts_come_from_published_partitions_only(root, history):
    # a day whose articles are published but whose mentions are not is no reference
    missing = DAY - timedelta(days=8)
    publish_day(root, missing, 30)
    (warehouse.partition_dir(root, "entity_mentions", missing) / warehouse.PART_FILE).unlink()
    assert missing.isoformat() not in [r.day for r in reference_days(root, DAY)]


# --------------------------------------------------------------------------- switch


def test_switch_off_computes_but_does_not_fail(root, history, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_DRIFT_CHECK", "off")
    check = check_drift(day_tables(DAY, 50, 0.0, 1.0), root, DAY)
    assert check.status == DISABLED
    assert not check.enforced and not check.failed
    assert [m.name for m in check.failed_metrics] == ["entities_per_article"]
    raise_for_failures([], drift=check)  # does not raise
    text = format_drift(check)
    assert text.splitlines()[0] == "drift check: DISABLED by NEWSGRAPH_DRIFT_CHECK=off; it would have failed"
    assert "FAILED entities_per_article" in text


@pytest.mark.parametrize(("raw", "enabled"), [("off", False), ("OFF", False), ("0", False), ("false", False), ("", True), ("on", True), ("1", True)])
def test_switch_values(raw, enabled):
    assert drift_check_enabled({"NEWSGRAPH_DRIFT_CHECK": raw}) is enabled
    assert drift_check_enabled({}) is True


def test_unknown_switch_value_is_an_error():
    with pytest.raises(ValueError, match="NEWSGRAPH_DRIFT_CHECK=off"):
        drift_check_enabled({"NEWSGRAPH_DRIFT_CHECK": "maybe"})


def test_tables_as_pandas_frames_count_the_same(root, history):
    frames = {name: t.to_pandas() for name, t in day_tables(DAY, 50, 0.0, 1.0).items()}
    check = check_drift(frames, root, DAY)
    assert [m.name for m in check.failed_metrics] == ["entities_per_article"]


def test_written_result_has_metrics_rule_and_reference(root, history, tmp_path):
    check = check_drift(day_tables(DAY, 50, 0.0, 1.0), root, DAY)
    path = drift_module.write_drift(check, tmp_path / "out")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == "drift.json"
    assert doc["status"] == "failed" and doc["day"] == DAY.isoformat()
    assert doc["rule"]["max_ratio"] == 3.0 and doc["rule"]["switch"] == "NEWSGRAPH_DRIFT_CHECK"
    entities = next(m for m in doc["metrics"] if m["name"] == "entities_per_article")
    assert entities["status"] == "failed" and entities["value"] == 0.0
    assert list(entities["reference"]) == [d.isoformat() for d in history]


# --------------------------------------------------------------------------- the day gate


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.chunks.append(data.strip())


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return " ".join(parser.chunks)


def test_validate_day_fails_a_drifted_day_and_shows_it_in_data_docs(root, history):
    from newsgraph.quality import format_day_report, raise_for_day, validate_day

    frames = {name: t.to_pandas() for name, t in day_tables(DAY, 50, 0.0, 1.0).items()}
    checked = validate_day(frames, root, DAY)
    assert all(t.success for t in checked.tables)  # every row is valid
    assert not checked.success and checked.drift.failed

    folder = warehouse.validation_dir(root, DAY)
    assert checked.results_dir == folder and checked.docs == folder / "index.html"
    assert json.loads((folder / "drift.json").read_text(encoding="utf-8"))["status"] == "failed"

    with pytest.raises(ValidationFailed) as failed:
        raise_for_day(checked)
    assert "FAILED entities_per_article = 0.00 on 2025-09-20" in str(failed.value)
    assert str(checked.docs) in str(failed.value)
    assert "drift check: FAILED" in format_day_report(checked)

    text = page_text(checked.docs)
    assert "Validation of dt=2025-09-20: FAILED" in text
    assert "Drift check: FAILED" in text
    assert "entities_per_article" in text and "0 entity_mentions / 50 articles" in text
    assert "[1.33, 12.00]" in text
    assert all(d.isoformat() in text for d in history)

    index = page_text(folder.parent / "index.html")
    assert "dt=2025-09-20 FAILED - 0 FAILED (entities_per_article) 50" in index


def test_validate_day_with_the_switch_off_passes_and_says_so(root, history, monkeypatch):
    from newsgraph.quality import raise_for_day, validate_day

    monkeypatch.setenv("NEWSGRAPH_DRIFT_CHECK", "off")
    frames = {name: t.to_pandas() for name, t in day_tables(DAY, 50, 0.0, 1.0).items()}
    checked = validate_day(frames, root, DAY)
    assert checked.success
    raise_for_day(checked)
    text = page_text(checked.docs)
    assert "Validation of dt=2025-09-20: PASSED" in text
    assert "Drift check: DISABLED" in text and "NEWSGRAPH_DRIFT_CHECK=off" in text
