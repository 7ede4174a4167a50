"""Expectation suites for the published tables, one function per table.

Each function returns a fresh list of Great Expectations expectation objects; the
validator (:mod:`newsgraph.quality.validate`) wraps them in an ``ExpectationSuite``.
``great_expectations`` is imported inside the functions because importing it takes
several seconds and most callers of this package never validate anything.

Semantics worth knowing when reading the suites (Great Expectations 1.x, pandas):

* column map expectations (between, in set, regex, lengths) skip null values, so a
  column that must be both present and valid gets an explicit not-null expectation;
* ``expect_column_values_to_be_in_set`` therefore accepts nulls, which is what the
  optional ``amounts.currency`` needs;
* column pair expectations are told to skip rows where either side is null; the
  not-null expectations report those rows instead.

The suites for ``entity_mentions`` and ``amounts`` read two columns that are not
part of the stored schema: ``article_text_chars`` (the ``text_chars`` of the row's
article, -1 when the article is unknown) and ``article_known``. The validator adds
them from the day's ``articles`` table before running the suite.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsgraph import schema

if TYPE_CHECKING:
    from great_expectations.expectations import Expectation

#: Columns computed for validation only (name -> the stored column they are derived from).
DERIVED_COLUMNS: dict[str, str] = {
    "article_text_chars": "article_id",
    "article_known": "article_id",
}

#: Tables whose suite reads the derived columns.
TABLES_WITH_ARTICLE_REFERENCE: frozenset[str] = frozenset({"entity_mentions", "amounts", "dates"})

#: The identifying column of each table, shown next to offending values in reports.
PRIMARY_KEYS: dict[str, str] = {
    "articles": "article_id",
    "entity_mentions": "mention_id",
    "amounts": "amount_id",
    "dates": "date_id",
    "quarantine": "quarantine_id",
    "entities": "entity_id",
}

SHA256_HEX = r"^[0-9a-f]{64}$"


@lru_cache(maxsize=1)
def iso_4217_codes() -> tuple[str, ...]:
    """Alphabetic ISO 4217 currency codes: the current ones known to pycountry and the
    historic ones the extractor reads (the currencies the euro replaced), sorted."""
    from newsgraph.normalise import currency_data

    return tuple(sorted(currency_data.iso_4217_codes()))


def _columns(table_schema: Any, *extra: str) -> list[str]:
    return [*table_schema.names, *extra]


def _not_null(*columns: str) -> list[Expectation]:
    import great_expectations as gx

    return [gx.expectations.ExpectColumnValuesToNotBeNull(column=c) for c in columns]


def _key(column: str) -> list[Expectation]:
    import great_expectations as gx

    return [
        gx.expectations.ExpectColumnValuesToNotBeNull(column=column),
        gx.expectations.ExpectColumnValuesToBeUnique(column=column),
    ]


def _non_empty_text(column: str) -> list[Expectation]:
    import great_expectations as gx

    return [
        gx.expectations.ExpectColumnValuesToNotBeNull(column=column),
        gx.expectations.ExpectColumnValueLengthsToBeBetween(column=column, min_value=1),
    ]


def _entity_label(column: str) -> list[Expectation]:
    import great_expectations as gx

    return [
        gx.expectations.ExpectColumnValuesToNotBeNull(column=column),
        gx.expectations.ExpectColumnValuesToBeInSet(
            column=column, value_set=sorted(schema.ENTITY_LABELS)
        ),
    ]


def _span_in_article() -> list[Expectation]:
    """Character offsets of a span inside its article, and the article reference itself."""
    import great_expectations as gx

    E = gx.expectations
    return [
        *_not_null("article_id", "start_char", "end_char", "sentence_idx"),
        E.ExpectColumnValuesToBeInSet(column="article_known", value_set=[True]),
        E.ExpectColumnValuesToBeBetween(column="start_char", min_value=0),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="end_char",
            column_B="start_char",
            or_equal=False,
            ignore_row_if="either_value_is_missing",
        ),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="article_text_chars",
            column_B="end_char",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
        E.ExpectColumnValuesToBeBetween(column="sentence_idx", min_value=0),
    ]


def articles_suite() -> list[Expectation]:
    import great_expectations as gx

    E = gx.expectations
    return [
        E.ExpectTableColumnsToMatchSet(column_set=_columns(schema.ARTICLES), exact_match=True),
        *_key("article_id"),
        *_not_null("source", "language", "text", "text_chars", "input_path", "run_id"),
        E.ExpectColumnValuesToBeBetween(column="text_chars", min_value=1),
        E.ExpectColumnValuesToNotBeNull(column="content_sha256"),
        E.ExpectColumnValuesToMatchRegex(column="content_sha256", regex=SHA256_HEX),
    ]


def entity_mentions_suite() -> list[Expectation]:
    import great_expectations as gx

    E = gx.expectations
    return [
        E.ExpectTableColumnsToMatchSet(
            column_set=_columns(schema.ENTITY_MENTIONS, *DERIVED_COLUMNS), exact_match=True
        ),
        *_key("mention_id"),
        *_not_null("entity_id", "text"),
        *_entity_label("label"),
        *_non_empty_text("canonical_name"),
        *_span_in_article(),
    ]


def amounts_suite() -> list[Expectation]:
    import great_expectations as gx

    E = gx.expectations
    return [
        E.ExpectTableColumnsToMatchSet(
            column_set=_columns(schema.AMOUNTS, *DERIVED_COLUMNS), exact_match=True
        ),
        *_key("amount_id"),
        *_not_null("text", "value"),
        E.ExpectColumnValuesToBeBetween(column="value", min_value=0, strict_min=True),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="value_max",
            column_B="value",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
        E.ExpectColumnValuesToBeBetween(column="value_usd", min_value=0, strict_min=True),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="value_max_usd",
            column_B="value_usd",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
        E.ExpectColumnValuesToNotBeNull(column="entity_ids"),
        # Nulls are skipped by value-set expectations: an amount without a currency is valid.
        E.ExpectColumnValuesToBeInSet(column="currency", value_set=list(iso_4217_codes())),
        *_span_in_article(),
    ]


def dates_suite() -> list[Expectation]:
    import great_expectations as gx

    E = gx.expectations
    return [
        E.ExpectTableColumnsToMatchSet(
            column_set=_columns(schema.DATES, *DERIVED_COLUMNS), exact_match=True
        ),
        *_key("date_id"),
        *_non_empty_text("text"),
        # Unresolved expressions keep a null date and grain; the in-set check skips nulls.
        E.ExpectColumnValuesToBeInSet(column="grain", value_set=list(schema.DATE_GRAINS)),
        *_span_in_article(),
    ]


def quarantine_suite() -> list[Expectation]:
    import great_expectations as gx

    E = gx.expectations
    return [
        E.ExpectTableColumnsToMatchSet(column_set=_columns(schema.QUARANTINE), exact_match=True),
        *_key("quarantine_id"),
        *_not_null("reason", "input_path", "source", "received_at", "run_id"),
    ]


def entities_suite() -> list[Expectation]:
    import great_expectations as gx

    E = gx.expectations
    return [
        E.ExpectTableColumnsToMatchSet(column_set=_columns(schema.ENTITIES), exact_match=True),
        *_key("entity_id"),
        *_non_empty_text("canonical_name"),
        *_entity_label("label"),
        *_not_null("mention_count", "article_count", "first_seen", "last_seen"),
        E.ExpectColumnValuesToBeBetween(column="mention_count", min_value=1),
        E.ExpectColumnValuesToBeBetween(column="article_count", min_value=1),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="mention_count",
            column_B="article_count",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="last_seen",
            column_B="first_seen",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        ),
    ]


#: Table name -> function building that table's expectations.
SUITES: dict[str, Callable[[], list[Expectation]]] = {
    "articles": articles_suite,
    "entity_mentions": entity_mentions_suite,
    "amounts": amounts_suite,
    "dates": dates_suite,
    "quarantine": quarantine_suite,
    "entities": entities_suite,
}
