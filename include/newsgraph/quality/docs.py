"""Data Docs: static HTML pages an operator opens from the warehouse, no server needed.

Layout under ``<warehouse>/_validation/``::

    index.html                  every validated day, newest first, with its status
    dt=YYYY-MM-DD/
        index.html              the day: tables, failed expectations with offending rows, drift
        <table>.html            Great Expectations' own validation page for the table
        <table>.json            Great Expectations' result (written by the validator)
        drift.json              the drift check (:mod:`newsgraph.quality.drift`)
        summary.json            what the day page shows, read back to build the top index

The table pages come from Great Expectations' Data Docs renderer
(``ValidationResultsPageRenderer`` and ``DefaultJinjaPageView``, the pieces its site
builder uses), fed with the stored result JSON, so no Data Context, store or site
configuration is involved. They link CSS and scripts from public CDNs, but every
value is in the HTML itself: without network access the pages are plain but
complete. The day pages and the top index are self-contained (inline CSS, no
scripts) and escape every value.

Great Expectations writes unexpected values into its tables without HTML escaping,
so before rendering, every ``<``, ``>`` and ``&`` in the result's strings is
replaced by a look-alike (``‹``, ``›``, ``＆``): a value such as ``<script>`` in an
article cannot become markup. The exact values are in the JSON and on the day page.
"""

from __future__ import annotations

import html
import json
import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from newsgraph.storage import objectstore
from newsgraph.storage.objectstore import Location, location

log = logging.getLogger(__name__)

INDEX = "index.html"
SUMMARY = "summary.json"

#: ``<`` and ``>`` become single angle quotation marks, ``&`` a full-width ampersand.
_LOOKALIKES = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "\uff06"})

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.passed { color: #176f2c; font-weight: bold; } .failed { color: #b00020; font-weight: bold; }
.skipped, .disabled, .not-checked { color: #8a6d00; font-weight: bold; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; }
pre { margin: 0; white-space: pre-wrap; word-break: break-word; }
p.note { color: #555; max-width: 60em; }
"""


def _write_text(path: Location, text: str) -> None:
    objectstore.write_text(path, text)


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _status(status: str) -> str:
    css = status.replace(" ", "-")
    return f'<span class="{_e(css)}">{_e(status.upper())}</span>'


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _table(headers: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """An HTML table; cells are given as already-escaped HTML."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(r)) + "</tr>"
        for r in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody>\n</table>"


# --------------------------------------------------------------------------- GX pages


def _defang(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_LOOKALIKES)
    if isinstance(value, list):
        return [_defang(v) for v in value]
    if isinstance(value, dict):
        return {k: _defang(v) for k, v in value.items()}
    return value


def render_gx_page(result: dict[str, Any], table: str) -> str:
    """Great Expectations' validation page for one stored result (``<table>.json``)."""
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResultSchema,
    )
    from great_expectations.render.renderer import ValidationResultsPageRenderer
    from great_expectations.render.view import DefaultJinjaPageView

    result = _defang(result)
    # GX titles the page with the batch spec's asset name, which a dataframe batch lacks.
    meta = dict(result.get("meta") or {})
    asset = (meta.get("active_batch_definition") or {}).get("data_asset_name") or table
    meta["batch_spec"] = {**(meta.get("batch_spec") or {}), "data_asset_name": asset}
    result = {**result, "meta": meta}
    loaded = ExpectationSuiteValidationResultSchema().load(result)
    document = ValidationResultsPageRenderer().render(loaded)
    page = DefaultJinjaPageView().render(document, show_how_to_buttons=False)
    # Links written for GX's own site layout: point them at this folder instead.
    suite = str(result.get("suite_name") or "")
    page = page.replace('href="../../../../index.html"', f'href="{INDEX}"')
    if suite:
        page = page.replace(f'href="../../../../expectations/{suite}.html"', f'href="{table}.json"')
    return page


def _load_results(results_dir: Location | str, tables: list[str]) -> dict[str, dict[str, Any]]:
    loaded = {}
    for table in tables:
        source = location(results_dir) / f"{table}.json"
        try:
            loaded[table] = json.loads(source.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("could not read the validation result %s: %s", source, exc)
    return loaded


def write_gx_pages(results_dir: Location | str, results: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Render ``<table>.html`` from each table's stored result; returns table -> error.

    A table whose page cannot be rendered is logged and left out (its day page still
    shows its failures); validation itself does not depend on the pages.
    """
    errors: dict[str, str] = {}
    for table, result in results.items():
        try:
            _write_text(location(results_dir) / f"{table}.html", render_gx_page(result, table))
        except Exception as exc:  # a renderer bug must not hide the validation outcome
            log.warning("could not render the Data Docs page of %s: %s", table, exc)
            errors[table] = f"{type(exc).__name__}: {exc}"
    return errors


def _expectations(result: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Every expectation of a stored result: display name, success, unexpected count."""
    from newsgraph.quality.validate import expectation_name

    out = []
    for r in (result or {}).get("results") or []:
        config = r.get("expectation_config") or {}
        details = r.get("result") or {}
        out.append(
            {
                "expectation": expectation_name(str(config.get("type")), dict(config.get("kwargs") or {})),
                "success": bool(r.get("success")),
                "unexpected_count": details.get("unexpected_count"),
            }
        )
    return out


# --------------------------------------------------------------------------- day page


def _example_value(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _example_text(example: Any) -> str:
    """``key=value, ...`` for an offending row, the value itself otherwise (strings unquoted)."""
    if isinstance(example, dict):
        return ", ".join(f"{k}={_example_value(v)}" for k, v in example.items())
    return _example_value(example)


def _examples(examples: list) -> str:
    return "".join(f"<pre>{_e(_example_text(x))}</pre>" for x in examples or [])


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _drift_section(drift: dict[str, Any] | None) -> str:
    from newsgraph.quality.drift import DISABLED, ENV_SWITCH, FAILED, SKIPPED

    if drift is None:
        return "<h2>Drift check</h2>\n<p>Not run.</p>"
    rule = drift.get("rule") or {}
    parts = [f"<h2>Drift check: {_status(drift['status'])}</h2>"]
    if drift["status"] == SKIPPED:
        parts.append(f"<p>Skipped: {_e(drift.get('reason'))}.</p>")
    if drift["status"] == DISABLED:
        parts.append(f"<p>Disabled by <code>{_e(ENV_SWITCH)}=off</code>: computed, not enforced.</p>")
    rows = []
    for m in drift.get("metrics") or []:
        reference = m.get("reference") or {}
        recent = f"{_num(min(reference.values()))} .. {_num(max(reference.values()))}" if reference else "-"
        days = "<br>".join(f"{_e(d)}: {_e(_num(v))}" for d, v in reference.items())
        status = m["status"] + (f": {m['reason']}" if m.get("reason") else "")
        rows.append(
            [
                f"<code>{_e(m['name'])}</code><br>{_e(m['description'])}",
                _e(_num(m["value"])),
                f"{_e(m['rows'])} {_e(m['table'])} / {_e(m['articles'])} articles",
                f"[{_e(_num(m.get('low')))}, {_e(_num(m.get('high')))}]",
                _e(_num(m.get("median"))),
                _e(recent),
                days,
                _status(status) if m["status"] == FAILED else _e(status),
            ]
        )
    if rows:
        parts.append(
            _table(
                ["Metric", "Day", "Rows", "Allowed range", "Median", "Recent range", "Reference days", "Status"],
                rows,
                numeric=frozenset({1, 4}),
            )
        )
    if rule:
        parts.append(
            '<p class="note">Rule: the day (at least {min_articles} articles) is compared with the '
            "{reference_days} closest published days within {window_days} days that have at least "
            "{min_articles} articles (at least {min_reference_days} of them are needed); a metric fails "
            "outside [median / {max_ratio:g}, median &times; {max_ratio:g}], unless it expects fewer than "
            "{min_expected_rows} rows. A deliberate change (new model or source) is accepted by running "
            "the day with <code>{switch}=off</code>.</p>".format(
                **{k: _e(v) if isinstance(v, str) else v for k, v in rule.items()}
            )
        )
    return "\n".join(parts)


def _expectations_section(tables: list[dict[str, Any]]) -> str:
    """Every expectation run, per table, in a ``<details>`` element (open when it failed)."""
    parts = []
    for t in tables:
        items = t.get("expectations") or []
        if not items:
            continue
        lines = "".join(
            f"<li>{_status('passed' if x['success'] else 'failed')} <code>{_e(x['expectation'])}</code>"
            + (f" ({_e(x['unexpected_count'])} unexpected)" if x.get("unexpected_count") else "")
            + "</li>"
            for x in items
        )
        failed = sum(not x["success"] for x in items)
        opened = " open" if failed else ""
        parts.append(
            f"<details{opened}><summary><code>{_e(t['table'])}</code>: {len(items)} expectations, "
            f"{failed} failed</summary><ul>{lines}</ul></details>"
        )
    if not parts:
        return ""
    return "<h2>Expectations</h2>\n" + "\n".join(parts)


def render_day_page(summary: dict[str, Any]) -> str:
    """The day's overview: status, tables, failed expectations with examples, drift."""
    day = summary["day"]
    status = summary["status"]
    verdict = (
        "Every check passed: the day can be published."
        if status == "passed"
        else "The day was not published: the version published before (if any) is unchanged."
    )
    parts = [
        f'<p><a href="../{INDEX}">All validated days</a></p>',
        f"<h1>Validation of dt={_e(day)}: {_status(status)}</h1>",
        f"<p>{_e(verdict)} Validated at {_e(summary.get('validated_at', '-'))}.</p>",
        "<h2>Tables</h2>",
    ]
    rows = []
    for t in summary["tables"]:
        links = []
        if t.get("page"):
            links.append(f'<a href="{_e(t["page"])}">Great Expectations page</a>')
        elif t.get("page_error"):
            links.append(f"page not rendered: {_e(t['page_error'])}")
        if t.get("result_file"):
            links.append(f'<a href="{_e(t["result_file"])}">result JSON</a>')
        rows.append(
            [
                f"<code>{_e(t['table'])}</code>",
                _e(t["rows"]),
                _e(t["evaluated"]),
                _e(len(t["failures"])),
                _status("passed" if t["success"] else "failed"),
                " &middot; ".join(links),
            ]
        )
    parts.append(
        _table(["Table", "Rows", "Expectations", "Failed", "Status", "Details"], rows, numeric=frozenset({1, 2, 3}))
    )
    failures = [(t["table"], f) for t in summary["tables"] for f in t["failures"]]
    parts.append("<h2>Failed expectations</h2>")
    if failures:
        rows = []
        for table, f in failures:
            count = f"error: {_e(f['error'])}" if f.get("error") else _e(f["unexpected_count"])
            rows.append([f"<code>{_e(table)}</code>", f"<code>{_e(f['expectation'])}</code>", count, _examples(f["examples"])])
        parts.append(_table(["Table", "Expectation", "Unexpected", "Examples"], rows, numeric=frozenset({2})))
    else:
        parts.append("<p>None.</p>")
    parts.append(_drift_section(summary.get("drift")))
    parts.append(_expectations_section(summary["tables"]))
    return _page(f"newsgraph validation dt={day}: {status}", "\n".join(parts))


# --------------------------------------------------------------------------- index


def _day_summary(folder: Location) -> dict[str, Any] | None:
    """The day's summary; for a folder without one, the status from its result JSON files."""
    path = folder / SUMMARY
    if path.exists():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
    results = []
    for p in sorted(folder.glob("*.json")):
        if p.name == SUMMARY or p.name.startswith("."):
            continue
        try:
            doc = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict) and "success" in doc and "results" in doc:
            results.append((p.stem, doc))
    if not results:
        return None
    return {
        "day": folder.name[3:],
        "status": "passed" if all(d["success"] for _, d in results) else "failed",
        "tables": [
            {"table": t, "success": d["success"], "failures": [r for r in d["results"] if not r.get("success")]}
            for t, d in results
        ],
        "drift": None,
        "validated_at": None,
        "page": False,
    }


def render_index(validation_root: Location | str) -> str:
    """Every day under ``validation_root``, newest first."""
    rows = []
    for folder in sorted(location(validation_root).glob("dt=*"), reverse=True):
        if not folder.is_dir():
            continue
        summary = _day_summary(folder)
        if summary is None:
            continue
        failed_tables = [t["table"] for t in summary["tables"] if not t["success"]]
        failures = sum(len(t["failures"]) for t in summary["tables"])
        drift = summary.get("drift")
        drift_cell = _e(drift["status"]) if drift else "-"
        if drift and drift.get("status") == "failed":
            names = [m["name"] for m in drift.get("metrics") or [] if m["status"] == "failed"]
            drift_cell = _status("failed") + f" ({_e(', '.join(names))})"
        day = summary["day"]
        link = f'<a href="{_e(folder.name)}/{INDEX}">dt={_e(day)}</a>' if summary.get("page", True) else f"dt={_e(day)}"
        articles = next((t.get("rows") for t in summary["tables"] if t["table"] == "articles"), None)
        rows.append(
            [
                link,
                _status(summary["status"]),
                _e(", ".join(failed_tables)) or "-",
                _e(failures),
                drift_cell,
                _e("-" if articles is None else articles),
                _e(summary.get("validated_at") or "-"),
            ]
        )
    body = [
        "<h1>newsgraph: validated days</h1>",
        '<p class="note">A failed day was not published; the version published before it (if any) '
        "is unchanged. Open a day for its failed expectations, offending rows and drift check.</p>",
    ]
    if rows:
        body.append(
            _table(
                ["Day", "Status", "Failed tables", "Failed expectations", "Drift", "Articles", "Validated at"],
                rows,
                numeric=frozenset({3, 5}),
            )
        )
    else:
        body.append("<p>No day validated yet.</p>")
    return _page("newsgraph validation", "\n".join(body))


def write_index(validation_root: Location | str) -> Location:
    """Rewrite ``<validation_root>/index.html`` from the days' folders; returns its path.

    Writers take a lock under the warehouse (the parent of ``validation_root``), so
    of two days validated at once, the one writing last has seen both summaries. In object
    storage, where there is no lock, a writer renders the index again after writing it and
    writes again when another day changed it meanwhile (``warehouse.rebuild_until_settled``).
    """
    from newsgraph.storage import warehouse

    validation_root = location(validation_root)
    path = validation_root / INDEX
    with warehouse.warehouse_lock(validation_root.parent, "validation-index"):
        warehouse.rebuild_until_settled(
            lambda: render_index(validation_root), lambda page: _write_text(path, page), "validation index"
        )
    return path


# --------------------------------------------------------------------------- all together


def summary_dict(
    day: str,
    results: list[Any],
    drift: Any,
    page_errors: dict[str, str],
    stored: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """What the day page shows, from the validator's results, the stored GX results and the drift check."""
    from dataclasses import asdict

    stored = stored or {}
    failed = any(not r.success for r in results) or (drift is not None and drift.failed)
    tables = []
    for r in results:
        t = asdict(r)
        t.pop("result_path", None)
        t["result_file"] = Path(r.result_path).name if r.result_path else None
        t["page"] = None if r.table in page_errors or not r.result_path else f"{r.table}.html"
        t["page_error"] = page_errors.get(r.table)
        t["expectations"] = _expectations(stored.get(r.table))
        tables.append(t)
    return {
        "day": day,
        "status": "failed" if failed else "passed",
        "validated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "tables": tables,
        "drift": None if drift is None else drift.to_json_dict(),
    }


def write_day_docs(results_dir: Location | str, day: str, results: list[Any], drift: Any = None) -> Location:
    """Write the day's table pages, summary and page, then the top index; returns the day page.

    ``results`` are the validator's :class:`~newsgraph.quality.validate.TableValidation`
    (with their JSON written to ``results_dir``), ``drift`` the day's
    :class:`~newsgraph.quality.drift.DriftCheck` or None.
    """
    results_dir = location(results_dir)
    stored = _load_results(results_dir, [r.table for r in results if r.result_path])
    page_errors = write_gx_pages(results_dir, stored)
    for r in results:
        if r.result_path and r.table not in stored:
            page_errors[r.table] = "result JSON not readable"
    summary = summary_dict(day, results, drift, page_errors, stored)
    _write_text(results_dir / SUMMARY, json.dumps(summary, indent=2, ensure_ascii=False, default=str))
    page = results_dir / INDEX
    _write_text(page, render_day_page(summary))
    write_index(results_dir.parent)
    return page
