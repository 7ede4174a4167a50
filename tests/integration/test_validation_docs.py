"""Data Docs of a validated day: pages an operator opens from the warehouse.

The staged day is the seed landing day, loaded and extracted by the pipeline; it is
validated the way the pipeline's validate step does it: staged tables to pandas,
then ``validate_day``, ``format_day_report`` and ``raise_for_day``.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph import pipeline
from newsgraph.quality import SUITES, ValidationFailed, format_day_report, raise_for_day, validate_day
from newsgraph.schema import ENTITY_MENTIONS, FACT_TABLES
from newsgraph.settings import Settings
from newsgraph.storage import warehouse

pytestmark = pytest.mark.integration

DAY = date(2025, 9, 1)
#: An unknown label that is also markup: it must show as text, never become a tag.
EVIL_LABEL = '<script>alert("MONEYBAGS")</script>'
LABEL_IN_SET = "expect_column_values_to_be_in_set(column=label)"
END_WITHIN_TEXT = (
    "expect_column_pair_values_a_to_be_greater_than_b(column_A=article_text_chars, column_B=end_char, or_equal=True)"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """Text, tags, links and nesting errors of one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.links: list[str] = []
        self.script_sources: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "script":
            self.script_sources.append(attrs.get("src") or "")
        if tag in ("script", "style"):
            self._skip += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.text.append(" ".join(data.split()))

    @property
    def body(self) -> str:
        return " ".join(self.text)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


@pytest.fixture()
def settings(tmp_path) -> Settings:
    return Settings.from_env().with_overrides(warehouse_root=tmp_path / "warehouse")


def staged_frames(staging: str | Path) -> dict:
    """What the pipeline's validate step hands to ``validate_day``."""
    return {name: t.to_pandas() for name, t in warehouse.read_staged(Path(staging)).items()}


def stage_seed_day(settings: Settings, run_id: str) -> Path:
    loaded = pipeline.load(settings, DAY, run_id)
    for shard in loaded["shards"]:
        pipeline.extract_shard(settings, DAY, loaded["staging"], shard["shard"])
    return Path(loaded["staging"])


def break_mentions(staging: Path) -> None:
    """Point one mention past the end of its article's text and give another a label that is markup."""
    path = staging / "entity_mentions" / warehouse.part_name(0)
    rows = pq.read_table(path).to_pylist()
    rows[0]["end_char"] = 10_000_000
    rows[1]["label"] = EVIL_LABEL
    pq.write_table(pa.Table.from_pylist(rows, schema=ENTITY_MENTIONS), path)


def test_valid_day_has_data_docs_naming_every_table_and_expectation(settings):
    staging = stage_seed_day(settings, "manual__docs")
    checked = validate_day(staged_frames(staging), settings.warehouse_root, DAY)
    raise_for_day(checked)  # the seed day is valid
    report = format_day_report(checked)
    assert f"Data Docs: {checked.docs}" in report

    folder = warehouse.validation_dir(settings.warehouse_root, DAY)
    assert checked.docs == folder / "index.html"
    tables = [t for t in SUITES if t in FACT_TABLES]
    expected_files = {"index.html", "summary.json", "drift.json"}
    expected_files |= {f"{t}.json" for t in tables} | {f"{t}.html" for t in tables}
    assert {p.name for p in folder.iterdir()} == expected_files

    page = parse(checked.docs)
    assert page.errors == [] and page.stack == []
    assert page.script_sources == []  # self-contained: nothing to fetch
    assert "Validation of dt=2025-09-01: PASSED" in page.body
    for table in tables:
        assert table in page.body
        assert f"{table}.html" in page.links and f"{table}.json" in page.links
        # every expectation of the table's stored result is named on the page
        stored = json.loads((folder / f"{table}.json").read_text(encoding="utf-8"))
        assert len(stored["results"]) == next(t.evaluated for t in checked.tables if t.table == table)
        for result in stored["results"]:
            assert result["expectation_config"]["type"] in page.body
    assert "expect_column_values_to_not_be_null(column=article_id)" in page.body
    assert "Drift check: SKIPPED" in page.body  # one article: too small a day to compare
    assert "../index.html" in page.links

    # Great Expectations' own page for each table, readable as text without any CDN
    for table in tables:
        gx = parse(folder / f"{table}.html")
        assert f"newsgraph_{table}" in gx.body
        assert "Succeeded" in gx.body or "Success Percent" in gx.body
        assert "index.html" in gx.links and f"{table}.json" in gx.links
        assert not any(link.startswith("../../") for link in gx.links)

    index = parse(folder.parent / "index.html")
    assert index.errors == [] and index.stack == []
    assert "dt=2025-09-01/index.html" in index.links
    assert "dt=2025-09-01 PASSED" in index.body


def test_broken_day_docs_show_the_failure_and_escape_the_values(settings):
    staging = stage_seed_day(settings, "manual__broken")
    break_mentions(staging)
    checked = validate_day(staged_frames(staging), settings.warehouse_root, DAY)
    with pytest.raises(ValidationFailed) as failed:
        raise_for_day(checked)
    message = str(failed.value)
    assert message.startswith("data quality checks failed for 1 table(s) (entity_mentions), 2 failed expectation(s)")
    assert f"FAILED {LABEL_IN_SET}: 1 rows" in message and "MONEYBAGS" in message
    assert f"FAILED {END_WITHIN_TEXT}: 1 rows" in message and "10000000" in message
    assert message.endswith(f"Data Docs: {checked.docs}")
    assert warehouse.describe(settings.warehouse_root, DAY) == []  # nothing published

    folder = warehouse.validation_dir(settings.warehouse_root, DAY)
    raw = checked.docs.read_text(encoding="utf-8")
    assert "<script" not in raw
    page = parse(checked.docs)
    assert page.errors == [] and page.stack == []
    body = page.body
    assert "Validation of dt=2025-09-01: FAILED" in body
    assert "The day was not published" in body
    assert LABEL_IN_SET in body and END_WITHIN_TEXT in body
    assert EVIL_LABEL in body  # shown as text, escaped in the HTML
    assert "&lt;script&gt;alert(&quot;MONEYBAGS&quot;)&lt;/script&gt;" in raw
    assert "10000000" in body

    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["status"] == "failed"
    mentions = next(t for t in summary["tables"] if t["table"] == "entity_mentions")
    assert {f["expectation"] for f in mentions["failures"]} == {LABEL_IN_SET, END_WITHIN_TEXT}

    # GX's page shows the failure and the offending value, never as markup
    gx_raw = (folder / "entity_mentions.html").read_text(encoding="utf-8")
    assert "alert(" in gx_raw and 'alert("MONEYBAGS")</script>' not in gx_raw
    gx = parse(folder / "entity_mentions.html")
    assert "Failed" in gx.body
    assert "MONEYBAGS" in gx.body

    index = parse(folder.parent / "index.html")
    assert "dt=2025-09-01 FAILED entity_mentions 2" in index.body


def test_index_lists_days_newest_first_and_follows_reruns(settings):
    staging = stage_seed_day(settings, "manual__rerun")
    frames = staged_frames(staging)
    later = DAY + timedelta(days=1)
    validate_day(frames, settings.warehouse_root, later)

    break_mentions(staging)
    broken = validate_day(staged_frames(staging), settings.warehouse_root, DAY)
    assert not broken.success
    index_path = warehouse.validation_dir(settings.warehouse_root, DAY).parent / "index.html"
    body = parse(index_path).body
    assert body.index("dt=2025-09-02 PASSED") < body.index("dt=2025-09-01 FAILED")

    fixed = validate_day(frames, settings.warehouse_root, DAY)  # the day rerun with good data
    assert fixed.success
    body = parse(index_path).body
    assert "dt=2025-09-01 PASSED" in body and "FAILED" not in body
    assert "Validation of dt=2025-09-01: PASSED" in parse(fixed.docs).body
