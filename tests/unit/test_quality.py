"""Great Expectations suites and their runner (newsgraph.quality).

Frames are built the way the pipeline builds them:
``pa.Table.from_pylist(rows, schema=...).to_pandas()``. The Data Context is cached
per process by the module, so only the first validation pays for importing GX.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable

import pandas as pd
import pyarrow as pa
import pytest

from newsgraph import schema
from newsgraph.quality import (
    SUITES,
    FailedExpectation,
    TableValidation,
    ValidationFailed,
    format_report,
    raise_for_failures,
    validate_tables,
)
from newsgraph.quality.suites import iso_4217_codes
from newsgraph.quality.validate import expectation_name

TEXT_1 = "Acme Corp paid $5 million to Jane Doe in Paris on Monday."
TEXT_2 = "The European Union fined Globex 2.4 billion euros."

SCHEMAS = {**schema.FACT_TABLES, **schema.DIMENSION_TABLES}

NOT_NULL = "expect_column_values_to_not_be_null"
UNIQUE = "expect_column_values_to_be_unique"
IN_SET = "expect_column_values_to_be_in_set"
BETWEEN = "expect_column_values_to_be_between"
LENGTHS = "expect_column_value_lengths_to_be_between"
PAIR = "expect_column_pair_values_a_to_be_greater_than_b"
REGEX = "expect_column_values_to_match_regex"

END_AFTER_START = f"{PAIR}(column_A=end_char, column_B=start_char)"
END_WITHIN_TEXT = f"{PAIR}(column_A=article_text_chars, column_B=end_char, or_equal=True)"
ARTICLE_KNOWN = f"{IN_SET}(column=article_known)"


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _article(article_id: str, text: str) -> dict:
    return {
        "article_id": article_id,
        "source": "fixture",
        "source_id": article_id.upper(),
        "url": f"https://example.com/{article_id}",
        "title": text[:20],
        "published_at": dt.datetime(2024, 5, 6, 8, 30, tzinfo=dt.timezone.utc),
        "language": "en",
        "text": text,
        "text_chars": len(text),
        "content_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "input_path": f"raw/{article_id}.json",
        "run_id": "run-1",
    }


def _mention(mention_id, article_id, text, part, label, entity_id, canonical=None) -> dict:
    start, end = _span(text, part)
    return {
        "mention_id": mention_id,
        "article_id": article_id,
        "entity_id": entity_id,
        "label": label,
        "text": part,
        "canonical_name": canonical or part,
        "role": None,
        "start_char": start,
        "end_char": end,
        "sentence_idx": 0,
    }


def _amount(amount_id, article_id, text, part, value, currency, value_max=None) -> dict:
    start, end = _span(text, part)
    return {
        "amount_id": amount_id,
        "article_id": article_id,
        "text": part,
        "value": value,
        "value_max": value_max,
        "currency": currency,
        "currency_note": None,
        "qualifier": None,
        "value_usd": value if currency == "USD" else None,
        "value_max_usd": value_max if currency == "USD" else None,
        "fx_rate_date": dt.date(2024, 5, 6) if currency == "USD" else None,
        "usd_note": None if currency == "USD" else "no rate",
        "subject": None,
        "entity_ids": [],
        "start_char": start,
        "end_char": end,
        "sentence_idx": 0,
    }


def _date(date_id, article_id, text, part, resolved, grain) -> dict:
    start, end = _span(text, part)
    return {
        "date_id": date_id,
        "article_id": article_id,
        "text": part,
        "resolved": resolved,
        "grain": grain,
        "reference_date": dt.date(2024, 5, 6),
        "start_char": start,
        "end_char": end,
        "sentence_idx": 0,
    }


def _entity(entity_id, label, name, mentions, articles, country=None) -> dict:
    return {
        "entity_id": entity_id,
        "label": label,
        "canonical_name": name,
        "aliases": [name],
        "country_code": country,
        "mention_count": mentions,
        "article_count": articles,
        "first_seen": dt.date(2024, 5, 1),
        "last_seen": dt.date(2024, 5, 6),
    }


VALID_ROWS: dict[str, list[dict]] = {
    "articles": [_article("a1", TEXT_1), _article("a2", TEXT_2)],
    "entity_mentions": [
        _mention("m1", "a1", TEXT_1, "Acme Corp", "ORG", "e-acme"),
        _mention("m2", "a1", TEXT_1, "Jane Doe", "PERSON", "e-jane"),
        _mention("m3", "a1", TEXT_1, "Paris", "GPE", "e-paris"),
        _mention("m4", "a2", TEXT_2, "The European Union", "ORG", "e-eu", "European Union"),
        # A span that ends exactly at the end of the text is inside it.
        _mention("m5", "a2", TEXT_2, "euros.", "WORK_OF_ART", "e-euros"),
    ],
    "amounts": [
        _amount("x1", "a1", TEXT_1, "$5 million", 5e6, "USD"),
        _amount("x2", "a2", TEXT_2, "2.4 billion euros", 2.4e9, "EUR", value_max=2.5e9),
        # No currency recognised: allowed.
        _amount("x3", "a2", TEXT_2, "2.4", 2.4, None),
    ],
    "dates": [
        _date("d1", "a1", TEXT_1, "Monday", dt.date(2024, 5, 6), "day"),
        # An expression that could not be resolved keeps null date and grain.
        _date("d2", "a1", TEXT_1, "Monday.", None, None),
    ],
    "quarantine": [
        {
            "quarantine_id": "q1",
            "source": "fixture",
            "input_path": "raw/broken.json",
            "reason": "invalid_json",
            "detail": "Expecting value: line 1 column 1",
            "received_at": dt.datetime(2024, 5, 6, 9, 0, tzinfo=dt.timezone.utc),
            "excerpt": "{not json",
            "run_id": "run-1",
        }
    ],
    "entities": [
        _entity("e-acme", "ORG", "Acme Corp", 3, 2),
        _entity("e-jane", "PERSON", "Jane Doe", 1, 1),
        _entity("e-paris", "GPE", "Paris", 2, 2, country="FR"),
    ],
}


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table]).to_pandas()


def valid_rows() -> dict[str, list[dict]]:
    return copy.deepcopy(VALID_ROWS)


def frames(rows: dict[str, list[dict]], only: tuple[str, ...] | None = None) -> dict[str, pd.DataFrame]:
    names = only or tuple(rows)
    return {t: frame(t, rows[t]) for t in names}


def by_table(results: list[TableValidation]) -> dict[str, TableValidation]:
    return {r.table: r for r in results}


def failure_counts(result: TableValidation) -> dict[str, int]:
    return {f.expectation: f.unexpected_count for f in result.failures}


@pytest.fixture(scope="module")
def valid_results() -> list[TableValidation]:
    return validate_tables(frames(valid_rows()))


# --------------------------------------------------------------------------- passing data


def test_valid_day_passes_every_table(valid_results):
    results = by_table(valid_results)
    assert list(results) == list(SUITES)
    for table, result in results.items():
        assert result.success, format_report([result])
        assert result.failures == []
        assert result.rows == len(VALID_ROWS[table])
        assert result.evaluated == len(SUITES[table]())
        assert result.result_path is None
    raise_for_failures(valid_results)  # does not raise


def test_empty_day_passes():
    empty = frames({t: [] for t in SUITES})
    assert all(len(df) == 0 for df in empty.values())
    results = validate_tables(empty)
    assert [r.table for r in results] == list(SUITES)
    for r in results:
        assert r.success, format_report([r])
        assert r.rows == 0
        assert r.evaluated > 0


def test_empty_facts_with_articles_pass():
    rows = valid_rows()
    rows["entity_mentions"] = []
    rows["amounts"] = []
    results = validate_tables(frames(rows, ("articles", "entity_mentions", "amounts")))
    assert all(r.success for r in results), format_report(results)


def test_arrow_backed_frames_validate_the_same_way():
    rows = valid_rows()
    rows["entity_mentions"][0]["label"] = "FOO"
    tables = {
        t: pa.Table.from_pylist(rows[t], schema=SCHEMAS[t]).to_pandas(types_mapper=pd.ArrowDtype)
        for t in rows
    }
    results = by_table(validate_tables(tables))
    assert [t for t, r in results.items() if not r.success] == ["entity_mentions"]
    assert failure_counts(results["entity_mentions"]) == {f"{IN_SET}(column=label)": 1}


def test_caller_frames_are_not_modified():
    tables = frames(valid_rows(), ("articles", "entity_mentions", "amounts"))
    before = {t: (list(df.columns), df.copy()) for t, df in tables.items()}
    validate_tables(tables)
    for t, (columns, copy_) in before.items():
        assert list(tables[t].columns) == columns
        pd.testing.assert_frame_equal(tables[t], copy_)


def test_tables_without_a_suite_are_ignored():
    assert validate_tables({"something_else": pd.DataFrame({"a": [1]})}) == []


# --------------------------------------------------------------------------- broken rules


def _set(table: str, index: int, **values) -> Callable[[dict], None]:
    def mutate(rows: dict) -> None:
        rows[table][index].update(values)

    return mutate


def _append(table: str, row: dict) -> Callable[[dict], None]:
    def mutate(rows: dict) -> None:
        rows[table].append(row)

    return mutate


def _duplicate(table: str, index: int, key: str, new_key: str | None = None) -> Callable[[dict], None]:
    def mutate(rows: dict) -> None:
        row = dict(rows[table][index])
        if new_key is not None:
            row[key] = new_key
        rows[table].append(row)

    return mutate


BROKEN = {
    # entity_mentions
    "null entity_id": (
        "entity_mentions",
        _set("entity_mentions", 1, entity_id=None),
        {f"{NOT_NULL}(column=entity_id)": 1},
    ),
    "duplicate mention_id": (
        "entity_mentions",
        _duplicate("entity_mentions", 0, "mention_id"),
        {f"{UNIQUE}(column=mention_id)": 2},
    ),
    "unknown label": (
        "entity_mentions",
        _set("entity_mentions", 2, label="FOO"),
        {f"{IN_SET}(column=label)": 1},
    ),
    "numeric label": (
        "entity_mentions",
        _set("entity_mentions", 2, label="MONEY"),
        {f"{IN_SET}(column=label)": 1},
    ),
    "end_char beyond the article text": (
        "entity_mentions",
        _set("entity_mentions", 3, end_char=len(TEXT_2) + 1),
        {END_WITHIN_TEXT: 1},
    ),
    "start equals end": (
        "entity_mentions",
        _set("entity_mentions", 0, start_char=9, end_char=9),
        {END_AFTER_START: 1},
    ),
    "start after end": (
        "entity_mentions",
        _set("entity_mentions", 0, start_char=12, end_char=9),
        {END_AFTER_START: 1},
    ),
    "negative start_char": (
        "entity_mentions",
        _set("entity_mentions", 0, start_char=-1),
        {f"{BETWEEN}(column=start_char, min_value=0)": 1},
    ),
    "negative sentence_idx": (
        "entity_mentions",
        _set("entity_mentions", 0, sentence_idx=-1),
        {f"{BETWEEN}(column=sentence_idx, min_value=0)": 1},
    ),
    "empty canonical_name": (
        "entity_mentions",
        _set("entity_mentions", 4, canonical_name=""),
        {f"{LENGTHS}(column=canonical_name, min_value=1)": 1},
    ),
    "mention of an unknown article": (
        "entity_mentions",
        _set("entity_mentions", 4, article_id="a-missing"),
        {ARTICLE_KNOWN: 1, END_WITHIN_TEXT: 1},
    ),
    # amounts
    "currency not in ISO 4217": (
        "amounts",
        _set("amounts", 0, currency="XXZ"),
        {f"{IN_SET}(column=currency)": 1},
    ),
    "zero value": (
        "amounts",
        _set("amounts", 0, value=0.0, value_usd=None),
        {f"{BETWEEN}(column=value, min_value=0, strict_min=True)": 1},
    ),
    "negative value_usd": (
        "amounts",
        _set("amounts", 0, value_usd=-5.0),
        {f"{BETWEEN}(column=value_usd, min_value=0, strict_min=True)": 1},
    ),
    "value_max below value": (
        "amounts",
        _set("amounts", 1, value_max=1.0),
        {f"{PAIR}(column_A=value_max, column_B=value, or_equal=True)": 1},
    ),
    "duplicate amount_id": (
        "amounts",
        _duplicate("amounts", 2, "amount_id"),
        {f"{UNIQUE}(column=amount_id)": 2},
    ),
    "amount beyond the article text": (
        "amounts",
        _set("amounts", 0, start_char=len(TEXT_1) - 2, end_char=len(TEXT_1) + 5),
        {END_WITHIN_TEXT: 1},
    ),
    "amount of an unknown article": (
        "amounts",
        _set("amounts", 2, article_id="a-missing"),
        {ARTICLE_KNOWN: 1, END_WITHIN_TEXT: 1},
    ),
    "usd range running backwards": (
        "amounts",
        _set("amounts", 1, value_usd=2.7e9, value_max_usd=2.6e9),
        {f"{PAIR}(column_A=value_max_usd, column_B=value_usd, or_equal=True)": 1},
    ),
    # dates
    "date with an unknown grain": (
        "dates",
        _set("dates", 0, grain="week"),
        {f"{IN_SET}(column=grain)": 1},
    ),
    "date outside its article": (
        "dates",
        _set("dates", 1, end_char=len(TEXT_1) + 3),
        {END_WITHIN_TEXT: 1},
    ),
    "duplicate date_id": (
        "dates",
        _duplicate("dates", 0, "date_id"),
        {f"{UNIQUE}(column=date_id)": 2},
    ),
    # articles
    "article with empty text": (
        "articles",
        _append("articles", _article("a3", "")),
        {f"{BETWEEN}(column=text_chars, min_value=1)": 1},
    ),
    "duplicate article_id": (
        "articles",
        _duplicate("articles", 1, "article_id"),
        {f"{UNIQUE}(column=article_id)": 2},
    ),
    "content_sha256 not a hex digest": (
        "articles",
        _set("articles", 0, content_sha256="ABC"),
        {f"{REGEX}(column=content_sha256, regex=^[0-9a-f]{{64}}$)": 1},
    ),
    # quarantine
    "duplicate quarantine_id": (
        "quarantine",
        _duplicate("quarantine", 0, "quarantine_id"),
        {f"{UNIQUE}(column=quarantine_id)": 2},
    ),
    # entities
    "entity never mentioned": (
        "entities",
        _set("entities", 1, mention_count=0, article_count=0),
        {
            f"{BETWEEN}(column=mention_count, min_value=1)": 1,
            f"{BETWEEN}(column=article_count, min_value=1)": 1,
        },
    ),
    "entity with an empty name and unknown label": (
        "entities",
        _set("entities", 0, canonical_name="", label="FOO"),
        {
            f"{LENGTHS}(column=canonical_name, min_value=1)": 1,
            f"{IN_SET}(column=label)": 1,
        },
    ),
    "duplicate entity_id": (
        "entities",
        _duplicate("entities", 2, "entity_id"),
        {f"{UNIQUE}(column=entity_id)": 2},
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_rule_is_reported(case):
    table, mutate, expected = BROKEN[case]
    rows = valid_rows()
    mutate(rows)
    tables = frames(rows, tuple(dict.fromkeys(("articles", table))))
    results = by_table(validate_tables(tables))

    result = results[table]
    assert not result.success
    assert failure_counts(result) == expected, format_report([result])
    for failure in result.failures:
        assert failure.table == table
        assert failure.error is None
        assert 1 <= len(failure.examples) <= 5
    # The other table in the run is untouched by the break.
    assert all(r.success for t, r in results.items() if t != table), format_report(list(results.values()))


def test_non_nullable_columns_are_checked_for_nulls():
    # Nulls that pyarrow accepts only because the batch is built without validation.
    rows = valid_rows()
    rows["quarantine"][0]["reason"] = None
    rows["quarantine"][0]["input_path"] = None
    rows["amounts"][0]["value"] = None
    rows["articles"].append({**_article("a3", "x"), "content_sha256": None, "run_id": None})
    results = by_table(validate_tables(frames(rows, ("articles", "amounts", "quarantine"))))
    assert failure_counts(results["quarantine"]) == {
        f"{NOT_NULL}(column=reason)": 1,
        f"{NOT_NULL}(column=input_path)": 1,
    }
    assert failure_counts(results["amounts"]) == {f"{NOT_NULL}(column=value)": 1}
    assert failure_counts(results["articles"]) == {
        f"{NOT_NULL}(column=run_id)": 1,
        f"{NOT_NULL}(column=content_sha256)": 1,
    }


def test_examples_show_the_offending_rows():
    rows = valid_rows()
    rows["entity_mentions"][2]["label"] = "FOO"
    rows["entity_mentions"][4]["article_id"] = "a-missing"
    rows["amounts"][0]["currency"] = "XXZ"
    results = by_table(validate_tables(frames(rows, ("articles", "entity_mentions", "amounts"))))

    mentions = {f.expectation: f for f in results["entity_mentions"].failures}
    assert mentions[f"{IN_SET}(column=label)"].examples == [
        {"row": 2, "mention_id": "m3", "label": "FOO"}
    ]
    assert mentions[ARTICLE_KNOWN].examples == [
        {"row": 4, "mention_id": "m5", "article_known": False, "article_id": "a-missing"}
    ]
    within = mentions[END_WITHIN_TEXT].examples[0]
    assert within["article_text_chars"] == -1 and within["article_id"] == "a-missing"

    (currency,) = results["amounts"].failures
    assert currency.examples == [{"row": 0, "amount_id": "x1", "currency": "XXZ"}]


def test_examples_are_capped_at_five():
    rows = valid_rows()
    for i in range(12):
        rows["entity_mentions"].append(
            {**rows["entity_mentions"][0], "mention_id": f"bad{i}", "label": "FOO"}
        )
    (result,) = [r for r in validate_tables(frames(rows, ("articles", "entity_mentions"))) if r.table == "entity_mentions"]
    (failure,) = result.failures
    assert failure.unexpected_count == 12
    assert len(failure.examples) == 5


def test_mentions_without_articles_table_count_as_unknown():
    rows = valid_rows()
    (result,) = validate_tables(frames(rows, ("entity_mentions",)))
    n = len(rows["entity_mentions"])
    assert failure_counts(result) == {ARTICLE_KNOWN: n, END_WITHIN_TEXT: n}


def test_missing_column_is_a_failure_not_a_crash():
    tables = frames(valid_rows(), ("articles", "entity_mentions"))
    tables["entity_mentions"] = tables["entity_mentions"].drop(columns=["sentence_idx"])
    result = by_table(validate_tables(tables))["entity_mentions"]
    assert not result.success
    failures = {f.expectation: f for f in result.failures}
    columns = failures["expect_table_columns_to_match_set()"]
    assert columns.examples == ["missing: sentence_idx"]
    null_check = failures[f"{NOT_NULL}(column=sentence_idx)"]
    assert null_check.error is not None and "sentence_idx" in null_check.error
    assert "error:" in format_report([result])


def test_extra_column_is_a_failure():
    tables = frames(valid_rows(), ("quarantine",))
    tables["quarantine"]["dt"] = "2024-05-06"
    (result,) = validate_tables(tables)
    assert failure_counts(result) == {"expect_table_columns_to_match_set()": 1}
    assert result.failures[0].examples == ["unexpected: dt"]


# --------------------------------------------------------------------------- outputs


def test_result_json_is_written_for_each_table(tmp_path):
    out = tmp_path / "gx" / "2024-05-06"
    rows = valid_rows()
    rows["entity_mentions"][0]["entity_id"] = None
    results = validate_tables(frames(rows), results_dir=out)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.json" for t in SUITES)
    for r in results:
        assert r.result_path == str(out / f"{r.table}.json")
        doc = json.loads((out / f"{r.table}.json").read_text(encoding="utf-8"))
        assert doc["success"] is r.success
        assert len(doc["results"]) == r.evaluated
    mentions = json.loads((out / "entity_mentions.json").read_text(encoding="utf-8"))
    failed = [x for x in mentions["results"] if not x["success"]]
    assert [(x["expectation_config"]["type"], x["result"]["unexpected_count"]) for x in failed] == [
        (NOT_NULL, 1)
    ]


def test_format_report_lists_tables_and_failures():
    rows = valid_rows()
    rows["entity_mentions"][2]["label"] = "FOO"
    rows["entity_mentions"][3]["label"] = "BAR"
    results = validate_tables(frames(rows, ("articles", "entity_mentions")))
    report = format_report(results)
    lines = report.splitlines()
    assert lines[0] == f"articles: 2 rows, {len(SUITES['articles']())} expectations, OK"
    assert lines[1] == (
        f"entity_mentions: 5 rows, {len(SUITES['entity_mentions']())} expectations, FAILED (1)"
    )
    assert lines[2].startswith(f"  FAILED {IN_SET}(column=label): 2 rows, e.g. [")
    assert "'FOO'" in lines[2] and "'BAR'" in lines[2]
    assert len(lines) == 3


def test_raise_for_failures_names_table_expectation_count_and_examples():
    rows = valid_rows()
    rows["amounts"][0]["currency"] = "XXZ"
    rows["entity_mentions"][0]["entity_id"] = None
    results = validate_tables(frames(rows, ("articles", "entity_mentions", "amounts")))
    with pytest.raises(ValidationFailed) as info:
        raise_for_failures(results)
    message = str(info.value)
    assert "2 table(s) (entity_mentions, amounts)" in message
    assert f"{NOT_NULL}(column=entity_id): 1 rows" in message
    assert f"{IN_SET}(column=currency): 1 rows" in message
    assert "XXZ" in message
    assert "articles" not in message.split("\n", 1)[1]  # passing tables are left out
    assert info.value.results == results
    assert {f.table for f in info.value.failures} == {"entity_mentions", "amounts"}
    assert all(isinstance(f, FailedExpectation) for f in info.value.failures)


def test_raise_for_failures_accepts_passing_results(valid_results):
    raise_for_failures(valid_results)
    raise_for_failures([])


def test_expectation_name_shows_identifying_arguments_only():
    assert expectation_name(NOT_NULL, {"batch_id": "b", "column": "entity_id"}) == (
        f"{NOT_NULL}(column=entity_id)"
    )
    assert expectation_name(
        IN_SET, {"column": "currency", "value_set": ["USD", "EUR"], "mostly": 1.0}
    ) == f"{IN_SET}(column=currency)"


# --------------------------------------------------------------------------- suites


def test_currency_list_is_iso_4217():
    codes = iso_4217_codes()
    assert {"USD", "EUR", "JPY", "GBP", "CHF"} <= set(codes)
    # the historic codes of the currencies the euro replaced are read from text too
    assert {"DEM", "FRF", "ITL", "NLG"} <= set(codes)
    assert "XXZ" not in codes
    assert all(len(c) == 3 and c.isupper() for c in codes)


def test_every_table_in_the_schema_has_a_suite():
    assert set(SUITES) == set(SCHEMAS)


def test_importing_the_package_does_not_import_great_expectations():
    code = (
        "import sys, newsgraph.quality, newsgraph.quality.suites, newsgraph.quality.validate\n"
        "assert 'great_expectations' not in sys.modules, 'imported eagerly'\n"
        "assert 'airflow' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------- Data Docs


def test_run_name_is_recorded_in_the_result(tmp_path):
    validate_tables(frames(valid_rows(), ("quarantine",)), results_dir=tmp_path, run_name="dt=2024-05-06")
    doc = json.loads((tmp_path / "quarantine.json").read_text(encoding="utf-8"))
    assert doc["meta"]["run_id"]["run_name"] == "dt=2024-05-06"


def test_day_docs_render_results_and_escape_offending_values(tmp_path):
    from html.parser import HTMLParser

    from newsgraph.quality.docs import write_day_docs

    evil = '<img src=x onerror="alert(1)">'
    rows = valid_rows()
    rows["entity_mentions"][2]["label"] = evil
    folder = tmp_path / "_validation" / "dt=2024-05-06"
    results = validate_tables(frames(rows, ("articles", "entity_mentions")), results_dir=folder, run_name="dt=2024-05-06")
    page = write_day_docs(folder, "2024-05-06", results)

    assert page == folder / "index.html"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["index.html", "summary.json", "articles.json", "articles.html", "entity_mentions.json", "entity_mentions.html"]
    )
    raw = page.read_text(encoding="utf-8")
    assert "<img" not in raw and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in raw
    assert f"{IN_SET}(column=label)" in raw and "mention_id=m3" in raw

    gx = (folder / "entity_mentions.html").read_text(encoding="utf-8")
    assert "<img src=x" not in gx
    assert "\u2039img src=x onerror=" in gx  # shown with look-alike brackets
    assert "newsgraph_entity_mentions" in gx and "dt=2024-05-06" in gx

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.attrs = []

        def handle_starttag(self, tag, attrs):
            self.attrs += [value or "" for _, value in attrs]

    for path in (page, folder / "entity_mentions.html"):
        parser = Tags()
        parser.feed(path.read_text(encoding="utf-8"))
        assert not any("alert(1)" in value for value in parser.attrs)

    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["status"] == "failed" and summary["drift"] is None
    (mentions,) = [t for t in summary["tables"] if t["table"] == "entity_mentions"]
    assert mentions["failures"][0]["examples"] == [{"row": 2, "mention_id": "m3", "label": evil}]
    assert [x["expectation"] for x in mentions["expectations"] if not x["success"]] == [f"{IN_SET}(column=label)"]

    index = (folder.parent / "index.html").read_text(encoding="utf-8")
    assert 'href="dt=2024-05-06/index.html"' in index and "FAILED" in index


def test_gx_page_failure_does_not_hide_the_day_page(tmp_path, monkeypatch):
    from newsgraph.quality import docs

    def broken_renderer(result, table):
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(docs, "render_gx_page", broken_renderer)
    folder = tmp_path / "_validation" / "dt=2024-05-06"
    results = validate_tables(frames(valid_rows(), ("quarantine",)), results_dir=folder)
    page = docs.write_day_docs(folder, "2024-05-06", results)
    assert not (folder / "quarantine.html").exists()
    text = page.read_text(encoding="utf-8")
    assert "page not rendered: RuntimeError: renderer exploded" in text
    assert "PASSED" in text


def test_validation_folders_without_a_summary_are_listed_from_their_results(tmp_path):
    from newsgraph.quality.docs import write_index

    rows = valid_rows()
    rows["quarantine"][0]["reason"] = None
    validate_tables(frames(rows, ("quarantine",)), results_dir=tmp_path / "_validation" / "dt=2024-05-05")
    text = write_index(tmp_path / "_validation").read_text(encoding="utf-8")
    assert "dt=2024-05-05" in text and "FAILED" in text and "quarantine" in text
    assert 'href="dt=2024-05-05/index.html"' not in text  # no day page to link to
