"""Data quality: Great Expectations suites for the published tables and their runner.

Importing this package is cheap; ``great_expectations`` is imported on the first
validation.
"""

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
    "FailedExpectation",
    "TableValidation",
    "ValidationFailed",
    "format_report",
    "raise_for_failures",
    "validate_tables",
]
