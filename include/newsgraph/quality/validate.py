"""Validate a day's staged tables with Great Expectations, in process.

One ephemeral Data Context is built per process, on first use, holding a pandas
data source with one dataframe asset, one whole-dataframe batch definition, one
suite (from :data:`newsgraph.quality.suites.SUITES`) and one validation definition
per table. Each call then hands the frames to the validation definitions as batch
parameters. ``great_expectations`` is imported lazily because the import alone
takes several seconds.

Before validation, ``entity_mentions`` and ``amounts`` get two columns computed
from the day's ``articles`` (see :data:`newsgraph.quality.suites.DERIVED_COLUMNS`):
the referenced article's ``text_chars`` (-1 when the article is unknown) and
whether the article is known. The caller's frames are never modified.

:func:`validate_tables` reports; :func:`raise_for_failures` turns failures into a
:class:`ValidationFailed` error; :func:`format_report` renders results for logs.
"""

from __future__ import annotations

import json
import logging
import math
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.quality.suites import (
    DERIVED_COLUMNS,
    PRIMARY_KEYS,
    SUITES,
    TABLES_WITH_ARTICLE_REFERENCE,
)
from newsgraph.storage import objectstore
from newsgraph.storage.objectstore import Location, location

if TYPE_CHECKING:
    import pandas as pd

#: Offending values or rows kept per failed expectation.
MAX_EXAMPLES = 5
#: Longest string kept in an example; longer ones are cut and end with an ellipsis.
MAX_EXAMPLE_CHARS = 80

RESULT_FORMAT: dict[str, Any] = {
    "result_format": "SUMMARY",
    "partial_unexpected_count": MAX_EXAMPLES,
}

_NAME_PREFIX = "newsgraph_"
#: Expectation arguments shown in an expectation's display name, in this order.
_SHOWN_KWARGS = (
    "column",
    "column_A",
    "column_B",
    "column_list",
    "min_value",
    "max_value",
    "strict_min",
    "strict_max",
    "or_equal",
    "regex",
    "value",
)


@dataclass(frozen=True)
class FailedExpectation:
    table: str
    #: Display name, e.g. ``expect_column_values_to_not_be_null(column=entity_id)``.
    expectation: str
    #: Offending rows (for table-level expectations: offending columns).
    unexpected_count: int
    #: Up to :data:`MAX_EXAMPLES` offending values or rows.
    examples: list
    #: The exception message when the expectation could not be evaluated at all.
    error: str | None = None


@dataclass(frozen=True)
class TableValidation:
    table: str
    success: bool
    rows: int
    #: Number of expectations run.
    evaluated: int
    failures: list[FailedExpectation] = field(default_factory=list)
    #: Where the full Great Expectations result JSON was saved, if it was.
    result_path: str | None = None


class ValidationFailed(Exception):
    """Raised by :func:`raise_for_failures`; the message lists every failure.

    ``drift`` is the day's :class:`~newsgraph.quality.drift.DriftCheck`, when one was
    run; a failed one is part of the message (metric, value, range, reference days).
    ``docs`` is the Data Docs page of the day, named at the end of the message.
    """

    def __init__(self, results: list[TableValidation], drift: Any = None, docs: str | Path | None = None):
        from newsgraph.quality.drift import format_drift

        self.results = list(results)
        self.drift = drift
        self.docs = None if docs is None else str(docs)
        self.failures = [f for r in self.results if not r.success for f in r.failures]
        failed = [r for r in self.results if not r.success]
        drifted = drift is not None and drift.failed
        parts = []
        if failed or not drifted:
            names = ", ".join(r.table for r in failed)
            parts.append(
                f"{len(failed)} table(s) ({names}), {len(self.failures)} failed expectation(s)"
            )
        if drifted:
            parts.append("the drift check (" + ", ".join(m.name for m in drift.failed_metrics) + ")")
        lines = ["data quality checks failed for " + " and ".join(parts)]
        if failed:
            lines.append(format_report(failed))
        if drifted:
            lines.append(format_drift(drift))
        if self.docs:
            lines.append(f"Data Docs: {self.docs}")
        super().__init__("\n".join(lines))


# --------------------------------------------------------------------------- context


@dataclass
class _GxState:
    context: Any
    definitions: dict[str, Any]  # table -> ValidationDefinition


_STATE: _GxState | None = None
_STATE_LOCK = threading.Lock()
#: Great Expectations' Data Context is not meant for concurrent use.
_RUN_LOCK = threading.Lock()


def _gx_state() -> _GxState:
    global _STATE
    with _STATE_LOCK:
        if _STATE is None:
            _STATE = _build_state()
        return _STATE


def _build_state() -> _GxState:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    # GX logs hundreds of INFO lines about its own set-up; keep task logs about the data.
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas(name="newsgraph")
    definitions: dict[str, Any] = {}
    for table, build in SUITES.items():
        asset = source.add_dataframe_asset(name=table)
        batch_definition = asset.add_batch_definition_whole_dataframe(name=f"{table}_whole")
        suite = context.suites.add(
            gx.ExpectationSuite(name=f"{_NAME_PREFIX}{table}", expectations=build())
        )
        definitions[table] = context.validation_definitions.add(
            gx.ValidationDefinition(name=f"{_NAME_PREFIX}{table}", data=batch_definition, suite=suite)
        )
    return _GxState(context=context, definitions=definitions)


def _run_id(run_name: str | None) -> Any:
    if run_name is None:
        return None
    import datetime

    from great_expectations.core.run_identifier import RunIdentifier

    return RunIdentifier(run_name=run_name, run_time=datetime.datetime.now(datetime.timezone.utc))


def _forget_stored_results(context: Any) -> None:
    """Drop the copies of results that each run keeps in the in-memory results store.

    The caller gets every result back (and may save it as JSON); without this, a
    long-lived process would hold every result it ever produced.
    """
    store = context.validation_results_store
    for key in store.list_keys():
        store.remove_key(key)


# --------------------------------------------------------------------------- frames


def _with_article_reference(frame: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    """Add the derived ``article_text_chars`` and ``article_known`` columns."""
    import pandas as pd

    if "article_id" not in frame.columns:
        return frame  # the column-set expectation reports the missing column
    if articles is not None and {"article_id", "text_chars"} <= set(articles.columns):
        ids = articles["article_id"]
        keep = ids.notna() & ~ids.duplicated()
        text_chars = pd.Series(
            articles["text_chars"][keep].to_numpy(), index=pd.Index(ids[keep].to_numpy())
        )
        try:  # nullable integers, so unknown articles do not turn the column into floats
            text_chars = text_chars.astype("Int64")
        except (TypeError, ValueError):
            pass
    else:
        text_chars = pd.Series([], dtype="Int64")
    known = frame["article_id"].isin(text_chars.index).to_numpy(dtype=bool)
    chars = frame["article_id"].map(text_chars).where(known, -1)
    try:  # an empty frame maps to the dtype of article_id, not to a number
        chars = chars.astype("Int64")
    except (TypeError, ValueError):
        chars = pd.to_numeric(chars, errors="coerce")
    return frame.assign(article_text_chars=chars, article_known=known)


def _prepare(table: str, frame: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    # Positional index, so unexpected index values reported by GX are row numbers.
    frame = frame.reset_index(drop=True)
    if table in TABLES_WITH_ARTICLE_REFERENCE:
        frame = _with_article_reference(frame, tables.get("articles"))
    return frame


# --------------------------------------------------------------------------- results


def _plain(value: Any) -> Any:
    """A JSON- and repr-friendly Python value (numpy scalars unwrapped, NaN -> None)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            pass
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is not None and not isinstance(value, (str, int, float, bool, list, tuple, dict)):
        try:
            import pandas as pd

            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            pass
    if isinstance(value, str) and len(value) > MAX_EXAMPLE_CHARS:
        return value[: MAX_EXAMPLE_CHARS - 1] + "…"
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _format_value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_format_value(v) for v in value) + "]"
    return str(value)


def expectation_name(expectation_type: str, kwargs: dict[str, Any]) -> str:
    """``type(arg=value, ...)`` with the arguments that identify the check."""
    shown = []
    for key in _SHOWN_KWARGS:
        value = kwargs.get(key)
        if value is None or value is False:
            continue
        shown.append(f"{key}={_format_value(value)}")
    return f"{expectation_type}({', '.join(shown)})"


def _expectation_columns(kwargs: dict[str, Any]) -> list[str]:
    columns = [kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k)]
    columns += list(kwargs.get("column_list") or [])
    # A derived column is shown with the stored column it was computed from.
    for col in list(columns):
        source = DERIVED_COLUMNS.get(col)
        if source and source not in columns:
            columns.append(source)
    return columns


def _row_examples(
    table: str, frame: pd.DataFrame, positions: list, kwargs: dict[str, Any]
) -> list[dict[str, Any]]:
    key = PRIMARY_KEYS.get(table)
    columns = [c for c in dict.fromkeys([key, *_expectation_columns(kwargs)]) if c in frame.columns]
    examples = []
    for position in positions[:MAX_EXAMPLES]:
        if not isinstance(position, int) or not 0 <= position < len(frame):
            examples.append(_plain(position))
            continue
        row = {"row": position}
        for col in columns:
            row[col] = _plain(frame[col].iat[position])
        examples.append(row)
    return examples


def _exception_message(info: Any) -> str | None:
    """The message of an expectation that raised, or None.

    ``exception_info`` is either one ``{"raised_exception": ...}`` record or, when a
    metric failed to resolve, a mapping of metric ids to such records.
    """
    if not isinstance(info, dict):
        return None
    records = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
    messages = [
        str(r.get("exception_message") or "exception while evaluating")
        for r in records
        if r.get("raised_exception")
    ]
    return "; ".join(dict.fromkeys(messages)) if messages else None


def _failure(table: str, frame: pd.DataFrame, result: Any) -> FailedExpectation:
    config = result.expectation_config
    kwargs = dict(config.kwargs)
    name = expectation_name(config.type, kwargs)
    error = _exception_message(result.exception_info)
    if error is not None:
        return FailedExpectation(table, name, 0, [], error=error)
    details = result.result or {}
    positions = details.get("partial_unexpected_index_list")
    if "unexpected_count" in details:
        count = int(details.get("unexpected_count") or 0)
        if positions:
            examples = _row_examples(table, frame, list(positions), kwargs)
        else:
            examples = [_plain(v) for v in (details.get("partial_unexpected_list") or [])]
        return FailedExpectation(table, name, count, examples[:MAX_EXAMPLES])
    mismatched = (details.get("details") or {}).get("mismatched")
    if mismatched:  # column-set expectations
        count = sum(len(v) for v in mismatched.values())
        examples = [f"{kind}: {', '.join(cols)}" for kind, cols in mismatched.items()]
        return FailedExpectation(table, name, count, examples)
    return FailedExpectation(table, name, 0, [_plain(details.get("observed_value"))])


def _write_result(results_dir: Location, table: str, result: Any) -> str:
    path = results_dir / f"{table}.json"
    objectstore.write_text(path, json.dumps(result.to_json_dict(), indent=2, default=str))
    return str(path)


# --------------------------------------------------------------------------- API


def validate_tables(
    tables: dict[str, pd.DataFrame],
    results_dir: Location | str | None = None,
    run_name: str | None = None,
) -> list[TableValidation]:
    """Validate every given table that has a suite; return one result per table.

    Failed expectations are reported, not raised (see :func:`raise_for_failures`).
    ``entity_mentions`` and ``amounts`` are checked against ``tables["articles"]``:
    when it is absent every reference counts as unknown. With ``results_dir`` the
    full Great Expectations result of each table is written to
    ``<results_dir>/<table>.json``. ``run_name`` (e.g. ``dt=2025-09-01``) is recorded
    as the run name of the results.
    """
    names = [t for t in SUITES if t in tables]
    if not names:
        return []
    state = _gx_state()
    out: list[TableValidation] = []
    for table in names:
        frame = _prepare(table, tables[table], tables)
        with _RUN_LOCK:
            result = state.definitions[table].run(
                batch_parameters={"dataframe": frame},
                result_format=RESULT_FORMAT,
                run_id=_run_id(run_name),
            )
            _forget_stored_results(state.context)
        # Report failures in the order the suite lists its expectations.
        order = {e.id: i for i, e in enumerate(state.definitions[table].suite.expectations)}
        failed = [r for r in result.results if not r.success]
        failed.sort(key=lambda r: order.get(r.expectation_config.id, len(order)))
        failures = [_failure(table, frame, r) for r in failed]
        path = _write_result(location(results_dir), table, result) if results_dir is not None else None
        out.append(
            TableValidation(
                table=table,
                success=bool(result.success),
                rows=len(frame),
                evaluated=len(result.results),
                failures=failures,
                result_path=path,
            )
        )
    return out


def raise_for_failures(
    results: list[TableValidation], drift: Any = None, docs: str | Path | None = None
) -> None:
    """Raise :class:`ValidationFailed` when any table failed validation or ``drift`` failed.

    ``drift`` is an optional :class:`~newsgraph.quality.drift.DriftCheck`; ``docs`` an
    optional path named in the message for the operator to open.
    """
    if any(not r.success for r in results) or (drift is not None and drift.failed):
        raise ValidationFailed(results, drift=drift, docs=docs)


def format_failure(failure: FailedExpectation) -> str:
    if failure.error is not None:
        return f"FAILED {failure.expectation}: error: {failure.error}"
    unit = "columns" if failure.expectation.startswith("expect_table_columns") else "rows"
    text = f"FAILED {failure.expectation}: {failure.unexpected_count} {unit}"
    if failure.examples:
        text += f", e.g. {failure.examples!r}"
    return text


def format_report(results: list[TableValidation]) -> str:
    """One line per table, then one indented line per failed expectation."""
    lines = []
    for r in results:
        status = "OK" if r.success else f"FAILED ({len(r.failures)})"
        lines.append(f"{r.table}: {r.rows} rows, {r.evaluated} expectations, {status}")
        lines.extend(f"  {format_failure(f)}" for f in r.failures)
    return "\n".join(lines)
