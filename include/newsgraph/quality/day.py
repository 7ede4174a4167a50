"""Validate a staged day as a whole: row rules, drift, and the pages that explain them.

:func:`validate_day` is what the pipeline's validate step calls. It

1. runs the Great Expectations suites (:func:`newsgraph.quality.validate.validate_tables`)
   and keeps each table's result in ``<warehouse>/_validation/dt=D/<table>.json``;
2. runs the drift check (:func:`newsgraph.quality.drift.check_drift`) against the
   published days around ``D`` and keeps it in ``drift.json``;
3. writes the Data Docs (:mod:`newsgraph.quality.docs`): ``dt=D/index.html``, one
   Great Expectations page per table, and ``_validation/index.html`` over every day.

It reports; :func:`raise_for_day` raises :class:`~newsgraph.quality.validate.ValidationFailed`
when a table or the drift check failed, with a message naming the table, the
expectation, the count and a few offending rows (or the metric, its value, the
allowed range and the reference days), and the page to open.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsgraph.quality.drift import DISABLED, DriftCheck, check_drift, format_drift, write_drift
from newsgraph.quality.validate import TableValidation, format_report, raise_for_failures, validate_tables
from newsgraph.storage.objectstore import Location, location

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DayValidation:
    day: date
    tables: list[TableValidation]
    drift: DriftCheck
    #: ``<warehouse>/_validation/dt=D``: result JSON, drift.json, summary.json, pages.
    results_dir: Location
    #: The day's Data Docs page, ``<results_dir>/index.html``.
    docs: Location

    @property
    def success(self) -> bool:
        return all(t.success for t in self.tables) and not self.drift.failed


def validate_day(
    tables: dict[str, Any], warehouse_root: Location | str, day: date, drift_enabled: bool | None = None
) -> DayValidation:
    """Validate the staged day's tables, check drift, write results and Data Docs.

    ``tables`` maps table names to pandas frames (as ``warehouse.read_staged`` tables
    converted with ``to_pandas()``). ``drift_enabled`` defaults to the
    ``NEWSGRAPH_DRIFT_CHECK`` environment variable. Nothing is raised for failed checks:
    pass the result to :func:`raise_for_day`.
    """
    from newsgraph.quality.docs import write_day_docs
    from newsgraph.storage import warehouse

    results_dir = warehouse.validation_dir(warehouse_root, day)
    results = validate_tables(tables, results_dir=results_dir, run_name=f"dt={day.isoformat()}")
    drift = check_drift(tables, location(warehouse_root), day, enabled=drift_enabled)
    write_drift(drift, results_dir)
    if drift.status == DISABLED and drift.failed_metrics:
        log.warning("%s", format_drift(drift))
    docs = write_day_docs(results_dir, day.isoformat(), results, drift)
    return DayValidation(day, results, drift, results_dir, docs)


def format_day_report(checked: DayValidation) -> str:
    """The tables (one line each, failures indented), the drift check, and the page to open."""
    return "\n".join(
        [format_report(checked.tables), format_drift(checked.drift), f"Data Docs: {checked.docs}"]
    )


def raise_for_day(checked: DayValidation) -> None:
    """Raise :class:`~newsgraph.quality.validate.ValidationFailed` when the day failed."""
    raise_for_failures(checked.tables, drift=checked.drift, docs=checked.docs)
