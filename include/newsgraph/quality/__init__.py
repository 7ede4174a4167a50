"""Data quality: Great Expectations suites, drift checks, their runner and Data Docs.

Importing this package is cheap; ``great_expectations`` is imported on the first
validation.
"""

from newsgraph.quality.day import DayValidation, format_day_report, raise_for_day, validate_day
from newsgraph.quality.drift import DriftCheck, DriftMetric, check_drift, format_drift
from newsgraph.quality.suites import SUITES
from newsgraph.quality.validate import (
    FailedExpectation,
    TableValidation,
    ValidationFailed,
    format_report,
    raise_for_failures,
    validate_tables,
)

__all__ = [
    "SUITES",
    "DayValidation",
    "DriftCheck",
    "DriftMetric",
    "FailedExpectation",
    "TableValidation",
    "ValidationFailed",
    "check_drift",
    "format_day_report",
    "format_drift",
    "format_report",
    "raise_for_day",
    "raise_for_failures",
    "validate_day",
    "validate_tables",
]
