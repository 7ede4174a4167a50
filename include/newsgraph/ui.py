"""What the pipeline page of the Airflow UI shows, read from the warehouse.

``plugins/newsgraph_ui.py`` serves these functions' results as JSON and as one
server-rendered HTML page; this module has no Airflow import, so it runs (and is
tested) on a warehouse folder alone.

* :func:`list_days`: every day that has a published partition or validation results,
  with the row count of each fact table (from the Parquet footers) and the validation status.
* :func:`day_detail`: one day: its partitions and row counts, its validation from
  ``_validation/dt=D/`` (the Great Expectations result of each table with its failed
  expectations, the drift check when there is one, the Data Docs page when one was built),
  the quarantined inputs per reason, and the top entities of each label.
* :func:`chart_series`: mentions, amounts and their sum in US dollars per day over the
  last published days, from ``entity_daily`` / ``amounts_daily`` where those are at least
  as new as the day's partition, else computed from the partitions.
* :func:`render_page`: the HTML page (Jinja2 with autoescaping; the chart is inline SVG,
  the page has no script and loads nothing from elsewhere).
"""

from __future__ import annotations

import copy
import functools
import json
from datetime import date
from typing import Any

from newsgraph.schema import DIMENSION_TABLES, FACT_TABLES
from newsgraph.storage import objectstore, warehouse
from newsgraph.storage.objectstore import Location, location

#: Published days the chart covers.
CHART_DAYS = 14
#: Entities listed per label.
TOP_ENTITIES = 5
#: Days listed in the page's table of days (the JSON has them all).
DAYS_LISTED = 31
#: Quarantined inputs listed by name (all are counted).
QUARANTINE_LISTED = 20

#: Labels in the order the page shows them, with what they stand for; others follow by name.
LABELS: dict[str, str] = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "countries, cities, states",
    "FAC": "facilities",
    "LOC": "other places",
    "NORP": "nationalities, groups",
    "EVENT": "events",
    "PRODUCT": "products",
    "LAW": "laws",
    "WORK_OF_ART": "works",
    "LANGUAGE": "languages",
}

#: The drift check's result and the Data Docs pages in ``_validation/`` (see newsgraph.quality).
DRIFT_FILE = "drift.json"
DOCS_INDEX = "index.html"

#: Validation status of a day: every table passed / one failed / no results / a result unreadable.
PASSED, FAILED, MISSING, UNREADABLE = "passed", "failed", "not validated", "unreadable"


def _root(root: Location | str) -> Location:
    return location(root)


def _stamp(path: Location) -> tuple[str, int, int]:
    """What identifies a version of a file: its path, modification time and size."""
    st = path.stat()
    return str(path), st.st_mtime_ns, st.st_size


@functools.lru_cache(maxsize=8192)
def _rows_of(stamp: tuple[str, int, int]) -> int:
    return objectstore.parquet_rows(location(stamp[0]))


def _rows(path: Location) -> int:
    """Rows of a Parquet file, from its footer (remembered while the file is unchanged)."""
    return _rows_of(_stamp(path))


def _validated_days(root: Location) -> list[date]:
    base = root / "_validation"
    out = []
    for p in sorted(base.glob("dt=*")):
        try:
            day = date.fromisoformat(p.name[3:])
        except ValueError:
            continue
        if p.is_dir() and any(p.glob("*.json")):
            out.append(day)
    return out


def known_days(root: Location | str) -> list[date]:
    """Every day with a published partition of any fact table or validation results, oldest first."""
    root = _root(root)
    days: set[date] = set(_validated_days(root))
    for table in FACT_TABLES:
        days.update(warehouse.published_days(root, table))
    return sorted(days)


def day_counts(root: Location | str, day: date) -> dict[str, int | None]:
    """Rows of each fact table's partition of ``day``; None where the table has no partition."""
    root = _root(root)
    out: dict[str, int | None] = {}
    for table in FACT_TABLES:
        path = warehouse.partition_dir(root, table, day) / warehouse.PART_FILE
        out[table] = _rows(path) if path.exists() else None
    return out


# -- validation ---------------------------------------------------------------------------------


def _failed_expectations(result: dict) -> list[dict[str, Any]]:
    out = []
    for r in result.get("results") or []:
        if r.get("success", True):
            continue
        config = r.get("expectation_config") or {}
        kwargs = config.get("kwargs") or {}
        detail = r.get("result") or {}
        out.append(
            {
                "expectation": config.get("type") or config.get("expectation_type") or "?",
                "column": kwargs.get("column"),
                "unexpected_count": detail.get("unexpected_count"),
            }
        )
    return out


def _data_docs(folder: Location) -> str | None:
    """The Data Docs index under the day's validation folder (the shallowest), relative to it."""
    found = sorted(folder.rglob("index.html"), key=lambda p: (len(p.relative_to(folder).parts), str(p)))
    return found[0].relative_to(folder).as_posix() if found else None


@functools.lru_cache(maxsize=4096)
def _table_result(stamp: tuple[str, int, int]) -> dict[str, Any]:
    """One table's stored result, summed up (remembered while the file is unchanged)."""
    path = location(stamp[0])
    entry: dict[str, Any] = {
        "table": path.stem,
        "file": path.name,
        "success": None,
        "evaluated": None,
        "unsuccessful": None,
        "failed": [],
        "suite": None,
        "validated_at": None,
        "error": None,
    }
    try:
        result = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(result, dict) or not isinstance(result.get("success"), bool):
            raise ValueError("no success flag")
    except (OSError, ValueError) as err:
        entry["error"] = f"cannot read {path.name}: {err}"
        return entry
    stats = result.get("statistics") or {}
    meta = result.get("meta") or {}
    failed = _failed_expectations(result)
    entry.update(
        success=result["success"],
        evaluated=stats.get("evaluated_expectations", len(result.get("results") or [])),
        unsuccessful=stats.get("unsuccessful_expectations", len(failed)),
        failed=failed,
        suite=result.get("suite_name"),
        validated_at=meta.get("validation_time") or (meta.get("run_id") or {}).get("run_time"),
    )
    return entry


@functools.lru_cache(maxsize=1024)
def _drift_result(stamp: tuple[str, int, int]) -> dict[str, Any]:
    """The day's drift check (``drift.json``), summed up: its status and the metrics that failed."""
    path = location(stamp[0])
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or not isinstance(doc.get("status"), str):
            raise ValueError("no status")
    except (OSError, ValueError) as err:
        return {"file": path.name, "status": None, "failed_metrics": [], "error": f"cannot read {path.name}: {err}"}
    metrics = doc.get("metrics") if isinstance(doc.get("metrics"), list) else []
    failed = [str(m.get("name")) for m in metrics if isinstance(m, dict) and m.get("status") == "failed"]
    return {"file": path.name, "status": doc["status"], "failed_metrics": failed, "error": None}


def validation(root: Location | str, day: date) -> dict[str, Any]:
    """The day's validation: a status, the Great Expectations result of each table
    (``<table>.json``), the drift check (``drift.json``) when there is one, and the day's
    Data Docs page when one was built. File names are relative to the day's folder."""
    folder = warehouse.validation_dir(_root(root), day)
    tables: list[dict[str, Any]] = []
    drift: dict[str, Any] | None = None
    if folder.is_dir():
        for table in sorted(FACT_TABLES):
            path = folder / f"{table}.json"
            try:
                tables.append(copy.deepcopy(_table_result(_stamp(path))))
            except OSError:  # no result for this table
                continue
        try:
            drift = copy.deepcopy(_drift_result(_stamp(folder / DRIFT_FILE)))
        except OSError:
            drift = None
    if not tables:
        status = MISSING
    elif any(t["success"] is False for t in tables) or (drift is not None and drift["status"] == "failed"):
        status = FAILED
    elif any(t["success"] is None for t in tables) or (drift is not None and drift["status"] is None):
        status = UNREADABLE
    else:
        status = PASSED
    return {
        "status": status,
        "folder": str(folder),
        "tables": tables,
        "drift": drift,
        "data_docs": _data_docs(folder) if folder.is_dir() else None,
    }


def docs_index(root: Location | str) -> str | None:
    """The Data Docs index of every day (``_validation/index.html``), relative to ``_validation``."""
    return DOCS_INDEX if (_root(root) / "_validation" / DOCS_INDEX).is_file() else None


def validation_file(root: Location | str, relative: str) -> Location | None:
    """A file under the warehouse's ``_validation`` folder (result JSON, Data Docs), or None.

    ``relative`` comes from a URL (``dt=2025-09-01/articles.json``): anything that resolves
    outside that folder, or is not a file, is None.
    """
    folder = (_root(root) / "_validation").resolve()
    if not relative or relative.startswith("/") or "\x00" in relative:
        return None
    try:
        target = (folder / relative).resolve()
    except ValueError:  # in object storage: above the bucket
        return None
    if not target.is_relative_to(folder) or not target.is_file():
        return None
    return target


# -- quarantine and entities --------------------------------------------------------------------


def quarantine(root: Location | str, day: date) -> dict[str, Any]:
    """The day's rejected inputs: how many, per reason (most first), the first few by name."""
    path = warehouse.partition_dir(_root(root), "quarantine", day) / warehouse.PART_FILE
    if not path.exists():
        return {"count": None, "by_reason": {}, "inputs": []}
    rows = objectstore.read_parquet(path, columns=["input_path", "reason", "detail"]).to_pylist()
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["reason"]] = counts.get(r["reason"], 0) + 1
    by_reason = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    inputs = sorted(rows, key=lambda r: (r["input_path"], r["reason"]))[:QUARANTINE_LISTED]
    return {"count": len(rows), "by_reason": by_reason, "inputs": inputs}


def _label_key(label: str) -> tuple[int, str]:
    order = list(LABELS)
    return (order.index(label) if label in order else len(order), label)


def top_entities(root: Location | str, day: date, limit: int = TOP_ENTITIES) -> dict[str, list[dict[str, Any]]]:
    """The most mentioned entities of the day per label: name, id, mentions, articles."""
    path = warehouse.partition_dir(_root(root), "entity_mentions", day) / warehouse.PART_FILE
    if not path.exists():
        return {}
    table = objectstore.read_parquet(path, columns=["label", "entity_id", "canonical_name", "article_id"])
    grouped = table.group_by(["label", "entity_id"]).aggregate(
        [("canonical_name", "min"), ("article_id", "count"), ("article_id", "count_distinct")]
    )
    by_label: dict[str, list[dict[str, Any]]] = {}
    for r in grouped.to_pylist():
        by_label.setdefault(r["label"], []).append(
            {
                "entity_id": r["entity_id"],
                "canonical_name": r["canonical_name_min"],
                "mentions": r["article_id_count"],
                "articles": r["article_id_count_distinct"],
            }
        )
    out: dict[str, list[dict[str, Any]]] = {}
    for label in sorted(by_label, key=_label_key):
        ranked = sorted(by_label[label], key=lambda e: (-e["mentions"], e["canonical_name"], e["entity_id"]))
        out[label] = [{"rank": i + 1, **e} for i, e in enumerate(ranked[:limit])]
    return out


# -- days ----------------------------------------------------------------------------------------


def list_days(root: Location | str) -> list[dict[str, Any]]:
    """Every known day, newest first: published or not, rows per fact table, validation status."""
    root = _root(root)
    out = []
    for day in reversed(known_days(root)):
        counts = day_counts(root, day)
        out.append(
            {
                "day": day.isoformat(),
                "published": counts["articles"] is not None,
                "counts": counts,
                "validation": validation(root, day)["status"],
            }
        )
    return out


def day_detail(root: Location | str, day: date) -> dict[str, Any] | None:
    """Everything the page shows for one day; None when the warehouse knows nothing of it."""
    root = _root(root)
    if day not in known_days(root):
        return None
    counts = day_counts(root, day)
    partitions = []
    for table, rows in counts.items():
        if rows is not None:
            path = warehouse.partition_dir(root, table, day) / warehouse.PART_FILE
            partitions.append(
                {"table": table, "partition": f"dt={day.isoformat()}", "rows": rows, "path": path.relative_to(root).as_posix()}
            )
    whole = []
    for table in DIMENSION_TABLES:
        path = root / table / warehouse.PART_FILE
        if path.exists():
            whole.append({"table": table, "partition": "(whole table)", "rows": _rows(path), "path": path.relative_to(root).as_posix()})
    return {
        "day": day.isoformat(),
        "published": counts["articles"] is not None,
        "counts": counts,
        "partitions": partitions,
        "whole_tables": whole,
        "validation": validation(root, day),
        "quarantine": quarantine(root, day),
        "top_entities": top_entities(root, day),
    }


# -- chart ---------------------------------------------------------------------------------------


def _fresh(aggregate: Location, partition: Location) -> bool:
    """The aggregate file was written after the partition file (so it counts that day's rows)."""
    return aggregate.exists() and aggregate.stat().st_mtime_ns >= partition.stat().st_mtime_ns


def _read_aggregate(path: Location, columns: list[str], day_list: list[date]) -> dict[date, list[dict]]:
    wanted = set(day_list)
    out: dict[date, list[dict]] = {}
    for r in objectstore.read_parquet(path, columns=columns).to_pylist():
        if r["dt"] in wanted:
            out.setdefault(r["dt"], []).append(r)
    return out


def chart_series(root: Location | str, days: int = CHART_DAYS) -> list[dict[str, Any]]:
    """Per published day (the last ``days``, oldest first): mentions, amounts with a currency,
    their sum in US dollars and how many have no dollar value, and where each figure came from."""
    import pyarrow.compute as pc

    root = _root(root)
    window = warehouse.published_days(root, "articles")[-days:] if days > 0 else []
    entity_daily = root / "entity_daily" / warehouse.PART_FILE
    amounts_daily = root / "amounts_daily" / warehouse.PART_FILE
    from_entity_daily = _read_aggregate(entity_daily, ["dt", "mentions"], window) if entity_daily.exists() else {}
    from_amounts_daily = (
        _read_aggregate(amounts_daily, ["dt", "amounts", "value_usd_sum", "without_usd"], window)
        if amounts_daily.exists()
        else {}
    )
    out = []
    for day in window:
        point: dict[str, Any] = {"day": day.isoformat()}
        mentions = warehouse.partition_dir(root, "entity_mentions", day) / warehouse.PART_FILE
        if not mentions.exists():
            point.update(mentions=0, mentions_from="none")
        elif _fresh(entity_daily, mentions):
            point.update(mentions=sum(r["mentions"] for r in from_entity_daily.get(day, [])), mentions_from="entity_daily")
        else:
            point.update(mentions=_rows(mentions), mentions_from="entity_mentions")
        amounts = warehouse.partition_dir(root, "amounts", day) / warehouse.PART_FILE
        if not amounts.exists():
            point.update(amounts=0, value_usd_sum=0.0, without_usd=0, amounts_from="none")
        elif _fresh(amounts_daily, amounts):
            rows = from_amounts_daily.get(day, [])
            point.update(
                amounts=sum(r["amounts"] for r in rows),
                value_usd_sum=float(sum(r["value_usd_sum"] or 0.0 for r in rows)),
                without_usd=sum(r["without_usd"] for r in rows),
                amounts_from="amounts_daily",
            )
        else:
            table = objectstore.read_parquet(amounts, columns=["currency", "value_usd"])
            table = table.filter(pc.is_valid(table["currency"]))
            usd = table["value_usd"]
            point.update(
                amounts=table.num_rows,
                value_usd_sum=float(pc.sum(usd).as_py() or 0.0),
                without_usd=usd.null_count,
                amounts_from="amounts",
            )
        out.append(point)
    return out


# -- page ----------------------------------------------------------------------------------------


def format_usd(value: float | None) -> str:
    """$27.8B, $250M, $12.5K, $950; an em dash for nothing."""
    if value is None:
        return "\u2014"
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"${value / size:,.3g}{suffix}" if abs(value) / size < 1000 else f"${value / size:,.0f}{suffix}"
    return f"${value:,.0f}"


def format_count(value: int | None) -> str:
    return "\u2014" if value is None else f"{value:,}"


#: The chart's rows: key in the series, title, colour, how a value is written.
_CHART_ROWS = (
    ("mentions", "Entity mentions", "#2563eb", format_count),
    ("amounts", "Money amounts", "#d97706", format_count),
    ("value_usd_sum", "Amounts in USD", "#059669", format_usd),
)


def chart_geometry(series: list[dict[str, Any]], slots: int = CHART_DAYS) -> dict[str, Any]:
    """Positions of the SVG chart's bars and labels: one row per measure, one slot per day."""
    width, left, right, top = 960, 190, 16, 8
    row_height, row_gap, axis = 64, 12, 26
    plot = width - left - right
    slot = plot / max(slots, len(series), 1)
    bar = min(slot * 0.6, 44)
    rows = []
    for index, (key, title, colour, fmt) in enumerate(_CHART_ROWS):
        y0 = top + index * (row_height + row_gap)
        values = [float(p.get(key) or 0) for p in series]
        # each row on its own scale (the tallest bar fills the row); the values are written on the bars
        scale = max(values, default=0.0) or 1.0
        usable = row_height - 18  # room for the value above the tallest bar
        bars = []
        for i, (p, v) in enumerate(zip(series, values)):
            h = 0.0 if v <= 0 else max(1.5, usable * v / scale)
            x = left + i * slot + (slot - bar) / 2
            note = ""
            if key == "value_usd_sum" and p.get("without_usd"):
                note = f" ({p['without_usd']} without a USD rate)"
            bars.append(
                {
                    "x": round(x, 1),
                    "y": round(y0 + row_height - h, 1),
                    "w": round(bar, 1),
                    "h": round(h, 1),
                    "cx": round(x + bar / 2, 1),
                    "label": fmt(p.get(key)),
                    "label_y": round(y0 + row_height - h - 5, 1),
                    "title": f"{p['day']}: {title.lower()} {fmt(p.get(key))}{note}",
                }
            )
        total = sum(values)
        rows.append(
            {
                "key": key,
                "title": title,
                "colour": colour,
                "y0": y0,
                "base": y0 + row_height,
                "total": fmt(total if key == "value_usd_sum" else int(total)),
                "bars": bars,
            }
        )
    base = top + len(_CHART_ROWS) * (row_height + row_gap) - row_gap
    ticks = [
        {"x": round(left + i * slot + slot / 2, 1), "text": p["day"][5:], "title": p["day"]}
        for i, p in enumerate(series)
    ]
    return {
        "width": width,
        "height": base + axis,
        "left": left,
        "right": width - right,
        "axis_y": base + 18,
        "rows": rows,
        "ticks": ticks,
    }


_TEMPLATE = r"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsgraph pipeline{% if detail %} · {{ detail.day }}{% endif %}</title>
<style>
:root { color-scheme: light; --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --card: #ffffff; --bg: #f5f7fa;
        --ok: #047857; --ok-bg: #d1fae5; --bad: #b91c1c; --bad-bg: #fee2e2; --warn: #92400e; --warn-bg: #fef3c7; --link: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; padding: 20px 24px 32px; background: var(--bg); color: var(--ink);
       font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif; }
a { color: var(--link); text-decoration: none; } a:hover { text-decoration: underline; }
h1 { font-size: 22px; margin: 0; } h2 { font-size: 15px; margin: 0 0 10px; } h3 { font-size: 13px; margin: 0 0 6px; }
.muted { color: var(--muted); } .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12px; }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 8px 24px; margin-bottom: 14px; }
header .sub { margin-top: 2px; }
nav.days { display: flex; flex-wrap: wrap; gap: 6px; }
nav.days a { padding: 3px 10px; border: 1px solid var(--line); border-radius: 999px; background: var(--card); color: var(--ink); font-size: 13px; }
nav.days a.current { background: var(--ink); border-color: var(--ink); color: #fff; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; margin-bottom: 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.card .k { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .v { font-size: 26px; font-weight: 650; margin-top: 2px; font-variant-numeric: tabular-nums; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; margin-bottom: 16px; }
section.panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
tr:last-child td { border-bottom: none; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; }
.badge.passed { color: var(--ok); background: var(--ok-bg); }
.badge.failed, .badge.unreadable { color: var(--bad); background: var(--bad-bg); }
.badge.missing { color: var(--warn); background: var(--warn-bg); }
.entities { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 12px 18px; }
.entities td { padding: 3px 6px; }
.chart svg { width: 100%; height: auto; display: block; }
.chart text { font: 12px system-ui, "Liberation Sans", "DejaVu Sans", sans-serif; fill: var(--ink); }
.chart text.t { font-weight: 600; } .chart text.s, .chart text.x { fill: var(--muted); }
.nowrap { white-space: nowrap; }
.col { display: flex; flex-direction: column; gap: 16px; }
.empty { padding: 24px; text-align: center; }
tr.current td { background: #eef2ff; }
</style>
</head>
<body>
<header>
  <div>
    <h1>newsgraph pipeline</h1>
    <div class="sub muted">warehouse <span class="mono">{{ warehouse }}</span> · {{ days|length }} day{{ '' if days|length == 1 else 's' }} known{% if docs_index %} · <a href="{{ base }}validation/{{ docs_index|urlencode }}">Data Docs</a>{% endif %}</div>
  </div>
  {% if days %}
  <nav class="days" aria-label="days">
    {% for d in days[:10] %}<a href="{{ base }}?day={{ d.day }}"{% if detail and d.day == detail.day %} class="current" aria-current="page"{% endif %}>{{ d.day }}</a>{% endfor %}
  </nav>
  {% endif %}
</header>
{% if not detail %}
<section class="panel empty" id="nothing">Nothing published yet in <span class="mono">{{ warehouse }}</span>: run <span class="mono">news_pipeline</span> for a day.</section>
{% else %}
<h2 id="day" data-day="{{ detail.day }}">{{ detail.day }}
  <span class="badge {{ status_class[detail.validation.status] }}" id="validation-status">validation {{ detail.validation.status }}</span>
  {% if not detail.published %}<span class="badge failed">not published</span>{% endif %}
</h2>
<div class="cards">
  {% for table, title in card_titles %}
  <div class="card"><div class="k">{{ title }}</div><div class="v" id="count-{{ table }}" data-table="{{ table }}">{{ fmt_count(detail.counts[table]) }}</div></div>
  {% endfor %}
</div>
<section class="panel chart" id="chart" style="margin-bottom:16px">
  <h2>Last {{ chart_days }} published days <span class="muted" style="font-weight:400">({{ series|length }} so far; amounts with a currency, summed in US dollars at the ECB rate)</span></h2>
  {% if series %}
  {% set g = geometry %}
  <svg viewBox="0 0 {{ g.width }} {{ g.height }}" role="img" aria-label="mentions and money amounts per day">
    {% for row in g.rows %}
    <text class="t" x="0" y="{{ row.y0 + 30 }}">{{ row.title }}</text>
    <text class="s" x="0" y="{{ row.y0 + 48 }}">{{ row.total }} in {{ series|length }} day{{ '' if series|length == 1 else 's' }}</text>
    <line x1="{{ g.left }}" x2="{{ g.right }}" y1="{{ row.base }}" y2="{{ row.base }}" stroke="#d1d5db"/>
    {% for b in row.bars %}
    <g><title>{{ b.title }}</title>
      <rect x="{{ b.x }}" y="{{ b.y }}" width="{{ b.w }}" height="{{ b.h }}" rx="3" fill="{{ row.colour }}"/>
      <text x="{{ b.cx }}" y="{{ b.label_y }}" text-anchor="middle">{{ b.label }}</text></g>
    {% endfor %}
    {% endfor %}
    {% for t in g.ticks %}<text class="x" x="{{ t.x }}" y="{{ g.axis_y }}" text-anchor="middle"><title>{{ t.title }}</title>{{ t.text }}</text>{% endfor %}
  </svg>
  {% else %}<p class="muted">No published day yet.</p>{% endif %}
</section>
<div class="grid">
  <div class="col">
  <section class="panel" id="partitions">
    <h2>Partitions</h2>
    {% if detail.partitions or detail.whole_tables %}
    <table>
      <tr><th>table</th><th class="n">rows</th><th>file under the warehouse</th></tr>
      {% for p in detail.partitions + detail.whole_tables %}
      <tr><td>{{ p.table }}</td><td class="n" data-rows="{{ p.table }}">{{ fmt_count(p.rows) }}</td><td class="mono muted nowrap">{{ p.path }}{% if p.partition == '(whole table)' %} <span class="muted">(whole table)</span>{% endif %}</td></tr>
      {% endfor %}
    </table>
    {% else %}<p class="muted">No partition published for this day.</p>{% endif %}
  </section>
  </div>
  <div class="col">
  <section class="panel" id="validation">
    <h2>Validation <span class="muted" style="font-weight:400">(Great Expectations)</span></h2>
    {% if detail.validation.tables %}
    <table>
      <tr><th>table</th><th>result</th><th class="n">expectations</th><th class="n">failed</th><th></th></tr>
      {% for t in detail.validation.tables %}
      <tr>
        <td>{{ t.table }}</td>
        <td>{% if t.success is none %}<span class="badge unreadable">unreadable</span>{% elif t.success %}<span class="badge passed">passed</span>{% else %}<span class="badge failed">failed</span>{% endif %}</td>
        <td class="n">{{ fmt_count(t.evaluated) }}</td><td class="n">{{ fmt_count(t.unsuccessful) }}</td>
        <td><a href="{{ base }}validation/dt={{ detail.day }}/{{ t.file|urlencode }}">JSON</a></td>
      </tr>
      {% for f in t.failed or [] %}
      <tr><td></td><td colspan="4" class="muted">{{ f.expectation }}{% if f.column %} on {{ f.column }}{% endif %}{% if f.unexpected_count is not none %}: {{ fmt_count(f.unexpected_count) }} row{{ '' if f.unexpected_count == 1 else 's' }}{% endif %}</td></tr>
      {% endfor %}
      {% if t.error %}<tr><td></td><td colspan="4" class="muted">{{ t.error }}</td></tr>{% endif %}
      {% endfor %}
    </table>
    {% set drift = detail.validation.drift %}
    {% if drift %}
    <p>Drift check: <span class="badge {{ drift_class.get(drift.status, 'missing') }}" id="drift-status">{{ drift.status or 'unreadable' }}</span>
      {% if drift.failed_metrics %}<span class="muted">{{ drift.failed_metrics|join(', ') }}</span>{% endif %}
      {% if drift.error %}<span class="muted">{{ drift.error }}</span>{% endif %}
      <a href="{{ base }}validation/dt={{ detail.day }}/{{ drift.file|urlencode }}">JSON</a></p>
    {% endif %}
    {% if detail.validation.data_docs %}<p><a href="{{ base }}validation/dt={{ detail.day }}/{{ detail.validation.data_docs|urlencode }}" id="data-docs">Data Docs of the day</a></p>{% endif %}
    {% else %}<p class="muted">No validation results in <span class="mono">_validation/dt={{ detail.day }}/</span>.</p>{% endif %}
  </section>
  <section class="panel" id="quarantine">
    <h2>Quarantine</h2>
    {% set q = detail.quarantine %}
    {% if q.count is none %}<p class="muted">No quarantine partition for this day.</p>
    {% elif q.count == 0 %}<p><span class="badge passed">0 inputs quarantined</span></p>
    {% else %}
    <table>
      <tr><th>reason</th><th class="n">inputs</th></tr>
      {% for reason, n in q.by_reason.items() %}<tr><td class="mono">{{ reason }}</td><td class="n" data-reason="{{ reason }}">{{ fmt_count(n) }}</td></tr>{% endfor %}
    </table>
    <h3 style="margin-top:12px">Inputs{% if q.count > q.inputs|length %} (first {{ q.inputs|length }} of {{ fmt_count(q.count) }}){% endif %}</h3>
    <table>
      <tr><th>input</th><th>reason</th><th>detail</th></tr>
      {% for r in q.inputs %}<tr><td class="mono">{{ r.input_path }}</td><td class="mono">{{ r.reason }}</td><td class="muted">{{ (r.detail or '')|truncate(160) }}</td></tr>{% endfor %}
    </table>
    {% endif %}
  </section>
  </div>
</div>
<section class="panel" id="top-entities" style="margin-bottom:16px">
  <h2>Top entities of the day <span class="muted" style="font-weight:400">(by label, mentions)</span></h2>
  {% if detail.top_entities %}
  <div class="entities">
    {% for label, rows in detail.top_entities.items() %}
    <div data-label="{{ label }}">
      <h3>{{ label }} <span class="muted" style="font-weight:400">{{ labels.get(label, '') }}</span></h3>
      <table>
        {% for e in rows %}<tr><td class="n muted">{{ e.rank }}</td><td title="{{ e.entity_id }}">{{ e.canonical_name }}</td><td class="n">{{ fmt_count(e.mentions) }}</td></tr>{% endfor %}
      </table>
    </div>
    {% endfor %}
  </div>
  {% else %}<p class="muted">No entity mentions for this day.</p>{% endif %}
</section>
{% endif %}
{% if days %}
<section class="panel" id="days">
  <h2>Days{% if days|length > days_listed %} <span class="muted" style="font-weight:400">(newest {{ days_listed }} of {{ days|length }}; all of them in <span class="mono">{{ base }}api/days</span>)</span>{% endif %}</h2>
  <table>
    <tr><th>day</th><th>validation</th>{% for table, title in card_titles %}<th class="n">{{ title }}</th>{% endfor %}</tr>
    {% for d in days[:days_listed] %}
    <tr{% if detail and d.day == detail.day %} class="current"{% endif %}>
      <td><a href="{{ base }}?day={{ d.day }}">{{ d.day }}</a></td>
      <td><span class="badge {{ status_class[d.validation] }}">{{ d.validation }}</span></td>
      {% for table, title in card_titles %}<td class="n">{{ fmt_count(d.counts[table]) }}</td>{% endfor %}
    </tr>
    {% endfor %}
  </table>
</section>
{% endif %}
</body>
</html>
"""

_CARD_TITLES = (
    ("articles", "Articles"),
    ("entity_mentions", "Entity mentions"),
    ("amounts", "Money amounts"),
    ("dates", "Dates"),
    ("quarantine", "Quarantined"),
)
_STATUS_CLASS = {PASSED: "passed", FAILED: "failed", MISSING: "missing", UNREADABLE: "unreadable"}


def _environment():
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(_TEMPLATE)


def render_page(
    warehouse_root: Location | str,
    days: list[dict[str, Any]],
    detail: dict[str, Any] | None,
    series: list[dict[str, Any]],
    base: str = "./",
) -> str:
    """The pipeline page: ``days`` from :func:`list_days`, ``detail`` from :func:`day_detail`
    (None: nothing to show), ``series`` from :func:`chart_series`; links start with ``base``."""
    return _environment().render(
        warehouse=str(warehouse_root),
        days=days,
        detail=detail,
        series=series,
        geometry=chart_geometry(series),
        chart_days=CHART_DAYS,
        days_listed=DAYS_LISTED,
        docs_index=docs_index(warehouse_root),
        drift_class={"passed": "passed", "failed": "failed", None: "unreadable"},
        base=base,
        labels=LABELS,
        card_titles=_CARD_TITLES,
        status_class=_STATUS_CLASS,
        fmt_count=format_count,
    )
