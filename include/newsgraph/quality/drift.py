"""Day-level drift checks: catch a broken model or source that every row rule lets through.

A spaCy model that stops finding entities, or a source that starts sending empty
teasers, produces rows that are each valid; what gives it away is the day as a
whole. Two metrics are compared with the published days around the staged day:

* ``entities_per_article``: rows of ``entity_mentions`` / rows of ``articles``;
* ``amounts_per_article``: rows of ``amounts`` / rows of ``articles``.

The rule, with the module constants below:

1. Reference days are published days other than the staged day, at most
   :data:`WINDOW_DAYS` calendar days from it (before or after, so a backfill of
   older history compares with its neighbours), whose ``articles`` partition has at
   least :data:`MIN_ARTICLES` rows. The :data:`REFERENCE_DAYS` closest ones are used
   (the nearer earlier day first on a tie). In nightly operation these are simply
   the last :data:`REFERENCE_DAYS` published days. Their counts come from the Parquet
   footers, so nothing but metadata is read.
2. Nothing is checked (status ``skipped``) when the staged day has fewer than
   :data:`MIN_ARTICLES` articles or fewer than :data:`MIN_REFERENCE_DAYS` reference
   days exist: small days and a fresh warehouse never fail.
3. For each metric, ``median`` is the median of the reference days' values, and
   the allowed range is ``[median / MAX_RATIO, median * MAX_RATIO]`` (bounds
   included). A metric whose expected row count on the staged day
   (``median * articles``) is below :data:`MIN_EXPECTED_ROWS` is not checked: too
   few rows to tell a change from chance.
4. A metric outside its allowed range fails the day, through the same
   :class:`~newsgraph.quality.validate.ValidationFailed` error as a broken
   expectation; the message names the metric, the day's value, the allowed range,
   the reference days and their values.

A deliberate change (a new model, a new source) is accepted by setting
``NEWSGRAPH_DRIFT_CHECK=off`` for the run: the metrics are still computed, logged
and written to ``drift.json`` beside the day's other results, but do not fail it.
Once a few days of the new kind are published they become the reference and the
variable can be unset.
"""

from __future__ import annotations

import json
import os
import statistics
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from newsgraph.storage import objectstore
from newsgraph.storage.objectstore import Location, location

#: Most reference days used for the median.
REFERENCE_DAYS = 14
#: Fewer reference days than this: the check is skipped.
MIN_REFERENCE_DAYS = 3
#: A day (staged or reference) needs this many articles to count.
MIN_ARTICLES = 20
#: Reference days are looked for this many calendar days either side of the staged day.
WINDOW_DAYS = 60
#: The allowed range is the reference median divided or multiplied by this factor.
MAX_RATIO = 3.0
#: A metric expecting fewer rows than this on the staged day (median x articles) is not checked.
MIN_EXPECTED_ROWS = 20

#: Environment variable that turns the check off (``off``, ``0``, ``false``, ``no``).
ENV_SWITCH = "NEWSGRAPH_DRIFT_CHECK"
_OFF = frozenset({"off", "0", "false", "no", "disabled"})
_ON = frozenset({"", "on", "1", "true", "yes", "enabled"})

#: Metric name -> (table counted, human description).
METRICS: dict[str, tuple[str, str]] = {
    "entities_per_article": ("entity_mentions", "entity mentions per article"),
    "amounts_per_article": ("amounts", "money amounts per article"),
}

#: File written into the day's validation folder.
RESULT_FILE = "drift.json"

PASSED = "passed"
FAILED = "failed"
SKIPPED = "skipped"
DISABLED = "disabled"
NOT_CHECKED = "not checked"


@dataclass(frozen=True)
class ReferenceDay:
    day: str
    articles: int
    #: table -> rows, for the tables the metrics count.
    rows: dict[str, int]


@dataclass(frozen=True)
class DriftMetric:
    name: str
    description: str
    table: str
    #: Rows of ``table`` on the staged day.
    rows: int
    articles: int
    value: float
    #: ``passed``, ``failed`` or ``not checked``.
    status: str
    median: float | None = None
    low: float | None = None
    high: float | None = None
    #: Reference day -> its value, oldest first.
    reference: dict[str, float] = field(default_factory=dict)
    #: Why the metric was not checked.
    reason: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == FAILED


@dataclass(frozen=True)
class DriftCheck:
    day: str
    #: ``passed``, ``failed``, ``skipped`` (too little data), or ``disabled`` (computed but
    #: not enforced: see :data:`ENV_SWITCH`; ``failed_metrics`` shows what would have failed).
    status: str
    #: False when :data:`ENV_SWITCH` turned the check off.
    enforced: bool
    articles: int
    metrics: list[DriftMetric] = field(default_factory=list)
    reference_days: list[str] = field(default_factory=list)
    #: Why the check was skipped.
    reason: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    @property
    def failed_metrics(self) -> list[DriftMetric]:
        return [m for m in self.metrics if m.failed]

    def to_json_dict(self) -> dict[str, Any]:
        doc = asdict(self)
        doc["rule"] = {
            "reference_days": REFERENCE_DAYS,
            "min_reference_days": MIN_REFERENCE_DAYS,
            "min_articles": MIN_ARTICLES,
            "window_days": WINDOW_DAYS,
            "max_ratio": MAX_RATIO,
            "min_expected_rows": MIN_EXPECTED_ROWS,
            "switch": ENV_SWITCH,
        }
        return doc


def drift_check_enabled(environ: dict[str, str] | None = None) -> bool:
    """Whether ``NEWSGRAPH_DRIFT_CHECK`` leaves the check on (the default)."""
    raw = (os.environ if environ is None else environ).get(ENV_SWITCH, "")
    value = raw.strip().lower()
    if value in _OFF:
        return False
    if value in _ON:
        return True
    raise ValueError(f"{ENV_SWITCH}={raw!r} is neither on nor off; use {ENV_SWITCH}=off to disable the drift check")


def _num_rows(table: Any) -> int:
    rows = getattr(table, "num_rows", None)
    return int(rows) if rows is not None else len(table)


def _footer_rows(path: Location) -> int | None:
    try:
        return objectstore.parquet_rows(path)
    except (FileNotFoundError, OSError):
        return None


def reference_days(warehouse_root: Location | str, day: date) -> list[ReferenceDay]:
    """The published days the staged ``day`` is compared with, oldest first (rule 1)."""
    from newsgraph.storage import warehouse

    tables = sorted({table for table, _ in METRICS.values()})
    candidates = [
        d
        for d in warehouse.published_days(warehouse_root, "articles")
        if d != day and abs((d - day).days) <= WINDOW_DAYS
    ]
    candidates.sort(key=lambda d: (abs((d - day).days), d > day))
    chosen: list[ReferenceDay] = []
    for d in candidates:
        if len(chosen) == REFERENCE_DAYS:
            break
        articles = _footer_rows(warehouse.partition_dir(warehouse_root, "articles", d) / warehouse.PART_FILE)
        if articles is None or articles < MIN_ARTICLES:
            continue
        rows = {t: _footer_rows(warehouse.partition_dir(warehouse_root, t, d) / warehouse.PART_FILE) for t in tables}
        if any(n is None for n in rows.values()):
            continue  # a day not (or not fully) published: not a reference
        chosen.append(ReferenceDay(d.isoformat(), articles, {t: int(n) for t, n in rows.items()}))
    return sorted(chosen, key=lambda r: r.day)


def _metric(name: str, rows: int, articles: int, reference: list[ReferenceDay]) -> DriftMetric:
    table, description = METRICS[name]
    value = rows / articles
    values = {r.day: r.rows[table] / r.articles for r in reference}
    median = statistics.median(values.values())
    low, high = median / MAX_RATIO, median * MAX_RATIO
    common = dict(
        name=name, description=description, table=table, rows=rows, articles=articles, value=value,
        median=median, low=low, high=high, reference=values,
    )
    expected = median * articles
    if expected < MIN_EXPECTED_ROWS:
        reason = (
            f"expected {expected:.1f} {table} rows (median {median:.2f} x {articles} articles), "
            f"fewer than {MIN_EXPECTED_ROWS}"
        )
        return DriftMetric(**common, status=NOT_CHECKED, reason=reason)
    return DriftMetric(**common, status=PASSED if low <= value <= high else FAILED)


def check_drift(
    tables: dict[str, Any], warehouse_root: Location | str, day: date, enabled: bool | None = None
) -> DriftCheck:
    """Compare the staged day's per-article metrics with the published days around it.

    ``tables`` maps table names to the staged day's tables (pandas frames or pyarrow
    tables; only their row counts are used). ``enabled`` defaults to
    :func:`drift_check_enabled`. Never raises for drift: see :func:`raise_for_failures`
    in :mod:`newsgraph.quality.validate`, which takes the result.
    """
    enforced = drift_check_enabled() if enabled is None else enabled
    iso = day.isoformat()
    needed = ["articles", *(t for t, _ in METRICS.values())]
    missing = [t for t in needed if t not in tables]
    if missing:
        return DriftCheck(iso, SKIPPED, enforced, 0, reason=f"tables not given: {', '.join(missing)}")
    articles = _num_rows(tables["articles"])
    if articles < MIN_ARTICLES:
        return DriftCheck(iso, SKIPPED, enforced, articles, reason=f"{articles} articles, fewer than {MIN_ARTICLES}")
    reference = reference_days(location(warehouse_root), day)
    days = [r.day for r in reference]
    if len(reference) < MIN_REFERENCE_DAYS:
        reason = (
            f"{len(reference)} published day(s) with at least {MIN_ARTICLES} articles within "
            f"{WINDOW_DAYS} days, fewer than {MIN_REFERENCE_DAYS}"
        )
        return DriftCheck(iso, SKIPPED, enforced, articles, reference_days=days, reason=reason)
    metrics = [_metric(name, _num_rows(tables[table]), articles, reference) for name, (table, _) in METRICS.items()]
    if not enforced:
        status = DISABLED
    else:
        status = FAILED if any(m.failed for m in metrics) else PASSED
    return DriftCheck(iso, status, enforced, articles, metrics, days)


def write_drift(check: DriftCheck, results_dir: Location | str) -> Location:
    """Write the check to ``<results_dir>/drift.json`` (atomically); returns the path."""
    path = location(results_dir) / RESULT_FILE
    objectstore.write_text(path, json.dumps(check.to_json_dict(), indent=2))
    return path


# --------------------------------------------------------------------------- text


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_metric(metric: DriftMetric, day: str) -> str:
    """One line: the metric, the day's value, the allowed range and the days it came from."""
    head = f"{metric.name} = {_num(metric.value)} on {day} ({metric.rows} {metric.table} rows / {metric.articles} articles)"
    if metric.status == NOT_CHECKED:
        return f"not checked {head}: {metric.reason}"
    values = ", ".join(f"{d} {_num(v)}" for d, v in metric.reference.items())
    observed = f"{_num(min(metric.reference.values()))}..{_num(max(metric.reference.values()))}"
    verdict = "outside" if metric.failed else "within"
    return (
        f"{'FAILED' if metric.failed else 'ok'} {head}: {verdict} the allowed range "
        f"[{_num(metric.low)}, {_num(metric.high)}] (median {_num(metric.median)} divided or "
        f"multiplied by {MAX_RATIO:g}); the recent range {observed} over {len(metric.reference)} "
        f"published days: {values}"
    )


def format_drift(check: DriftCheck) -> str:
    """The check for logs and error messages: a status line, then one line per metric."""
    if check.status == SKIPPED:
        return f"drift check: skipped ({check.reason})"
    if check.status == DISABLED:
        would = "; it would have failed" if check.failed_metrics else ""
        head = f"drift check: DISABLED by {ENV_SWITCH}=off{would}"
    else:
        head = f"drift check: {check.status.upper()}"
    lines = [head]
    lines += [f"  {format_metric(m, check.day)}" for m in check.metrics]
    if check.failed:
        lines.append(
            f"  a deliberate change (new model or source)? set {ENV_SWITCH}=off for this run to "
            "publish the day anyway"
        )
    return "\n".join(lines)
