"""Analyst queries: the ``.sql`` files of ``include/sql/`` run against a warehouse.

Each query file is plain DuckDB SQL over views named like the tables of
:mod:`newsgraph.schema` (``articles``, ``entity_mentions``, ``amounts``, ``dates``,
``quarantine``, ``entities``, and the daily aggregates where they exist). The fact views
read every published partition ``<table>/dt=YYYY-MM-DD/part-00000.parquet`` with ``dt``
as a DATE column; a table with no partition yet is an empty view with the schema's
columns, so every query runs on a new warehouse too.

A query file starts with a comment block: what it answers, its parameters and an example.
The parameters are declared one a line, in the block that follows ``-- Parameters:``::

    --   $day    DATE     required  the day (the dt partition)
    --   $limit  INTEGER  10        entities per label
    --   $label  VARCHAR  NULL      only this label; NULL: every label

(name, type, ``required`` / ``NULL`` / a default, meaning) and are passed to DuckDB as
named prepared-statement parameters, never pasted into the SQL. The warehouse paths in
the views are SQL string literals with their quotes escaped.

From Python::

    from newsgraph.queries import run_query
    run_query("top_entities_of_day", "data/warehouse", day="2025-09-01", label="ORG")  # a pyarrow.Table

From the command line: ``newsgraph query NAME --param key=value ...``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsgraph import schema
from newsgraph.storage import warehouse
from newsgraph.storage.objectstore import duckdb_connect, location

#: The folder of the query files (``include/sql/``).
SQL_DIR = Path(__file__).resolve().parents[1] / "sql"

_PARAM_LINE = re.compile(r"^--\s+\$(?P<name>[A-Za-z_]\w*)\s+(?P<type>[A-Z]+)\s+(?P<default>\S+)\s*(?P<doc>.*)$")
_PARAM_USE = re.compile(r"\$([A-Za-z_]\w*)")

_CONVERT = {
    "DATE": lambda v: v if isinstance(v, date) else date.fromisoformat(str(v)),
    "INTEGER": lambda v: v if isinstance(v, int) and not isinstance(v, bool) else int(str(v)),
    "DOUBLE": lambda v: float(v),
    "VARCHAR": lambda v: str(v),
    "BOOLEAN": lambda v: v if isinstance(v, bool) else {"true": True, "false": False}[str(v).lower()],
}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    default: Any
    doc: str


@dataclass(frozen=True)
class Query:
    name: str
    path: Path
    summary: str
    params: tuple[Param, ...]
    sql: str

    def bind(self, values: dict[str, Any]) -> dict[str, Any]:
        """Every declared parameter's value (given, or its default), converted to its type."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            raise ValueError(
                f"query {self.name} has no parameter {', '.join(unknown)}; "
                f"its parameters: {', '.join(declared) or '(none)'}"
            )
        bound: dict[str, Any] = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None or value == "":
                if p.required:
                    raise ValueError(f"query {self.name} needs --param {p.name}=... ({p.type}: {p.doc})")
                bound[p.name] = None
                continue
            try:
                bound[p.name] = _CONVERT[p.type](value)
            except (ValueError, KeyError, TypeError):
                raise ValueError(f"query {self.name}: {p.name}={value!r} is not a valid {p.type}") from None
        return bound


def _code(line: str) -> str:
    """A line of SQL without its ``--`` comment (the query files put no ``--`` inside strings)."""
    return line.split("--", 1)[0]


def _parse_default(type_: str, raw: str) -> tuple[bool, Any]:
    if raw == "required":
        return True, None
    if raw == "NULL":
        return False, None
    return False, _CONVERT[type_](raw)


def load_query(path: Path) -> Query:
    """Read a query file and its declared parameters; checks they match the ``$names`` it uses."""
    path = Path(path)
    sql = path.read_text(encoding="utf-8")
    lines = sql.splitlines()
    header = []
    for line in lines:
        if not line.startswith("--"):
            break
        header.append(line)
    if not header:
        raise ValueError(f"{path}: a query file starts with a comment block (what it answers, parameters, example)")
    summary = header[0].lstrip("- ").strip()
    params: list[Param] = []
    in_params = False
    for line in header:
        text = line[2:].strip()
        if text.lower().startswith("parameters"):
            in_params = True
            continue
        if in_params:
            m = _PARAM_LINE.match(line)
            if m is None:
                in_params = False
                continue
            type_ = m["type"]
            if type_ not in _CONVERT:
                raise ValueError(f"{path}: parameter ${m['name']} has type {type_}; use one of {', '.join(_CONVERT)}")
            required, default = _parse_default(type_, m["default"])
            params.append(Param(m["name"], type_, required, default, m["doc"].strip()))
    used = {name for line in lines for name in _PARAM_USE.findall(_code(line))}
    declared = {p.name for p in params}
    if used != declared:
        raise ValueError(
            f"{path}: the SQL uses ${', $'.join(sorted(used)) or '(nothing)'} "
            f"but the header declares ${', $'.join(sorted(declared)) or '(nothing)'}"
        )
    return Query(path.stem, path, summary, tuple(params), sql)


def list_queries(sql_dir: Path = SQL_DIR) -> list[Query]:
    """Every query of ``include/sql/``, by name."""
    return [load_query(p) for p in sorted(Path(sql_dir).glob("*.sql"))]


def get_query(name: str, sql_dir: Path = SQL_DIR) -> Query:
    path = Path(sql_dir) / f"{name}.sql"
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or not path.is_file():
        known = ", ".join(q.name for q in list_queries(sql_dir))
        raise ValueError(f"no query {name!r} in {sql_dir}; the queries: {known}")
    return load_query(path)


# -- views over the warehouse -----------------------------------------------------------------


def _sql_type(t: pa.DataType) -> str:
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "VARCHAR"
    if pa.types.is_int64(t):
        return "BIGINT"
    if pa.types.is_int32(t):
        return "INTEGER"
    if pa.types.is_float64(t):
        return "DOUBLE"
    if pa.types.is_date32(t):
        return "DATE"
    if pa.types.is_timestamp(t):
        return "TIMESTAMPTZ" if t.tz else "TIMESTAMP"
    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return _sql_type(t.value_type) + "[]"
    raise TypeError(f"no DuckDB type for Arrow type {t}")


def _literal(text: str) -> str:
    """A SQL string literal: quoted, its single quotes doubled."""
    return "'" + str(text).replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _empty_view(name: str, columns: pa.Schema, partitioned: bool) -> str:
    cols = [f"CAST(NULL AS {_sql_type(f.type)}) AS {_ident(f.name)}" for f in columns]
    if partitioned:
        cols.append("CAST(NULL AS DATE) AS dt")
    return f"CREATE OR REPLACE VIEW {_ident(name)} AS SELECT {', '.join(cols)} WHERE false"


def view_statements(warehouse_root: Path | str) -> list[str]:
    """``CREATE VIEW`` statements for every table of the warehouse, named as in the schema.

    For a warehouse in object storage the views read ``s3://`` URLs: run them in a DuckDB
    connection that has the fsspec filesystem registered (:func:`connect` does that, see
    ``newsgraph.storage.objectstore.duckdb_connect``).
    """
    root = location(warehouse_root)
    statements = []
    for name, table_schema in schema.FACT_TABLES.items():
        files = [warehouse.partition_dir(root, name, d) / warehouse.PART_FILE for d in warehouse.published_days(root, name)]
        if files:
            paths = ", ".join(_literal(str(f)) for f in files)
            statements.append(
                f"CREATE OR REPLACE VIEW {_ident(name)} AS SELECT * FROM read_parquet([{paths}], "
                "hive_partitioning = true, hive_types = {'dt': DATE}, union_by_name = true)"
            )
        else:
            statements.append(_empty_view(name, table_schema, partitioned=True))
    whole = dict(schema.DIMENSION_TABLES)
    whole.update(getattr(schema, "AGGREGATE_TABLES", {}))
    for name, table_schema in whole.items():
        path = root / name / warehouse.PART_FILE
        if path.exists():
            statements.append(f"CREATE OR REPLACE VIEW {_ident(name)} AS SELECT * FROM read_parquet({_literal(str(path))})")
        else:
            statements.append(_empty_view(name, table_schema, partitioned=False))
    return statements


def connect(warehouse_root: Path | str):
    """An in-memory DuckDB connection with a view per warehouse table, for queries of your own."""
    root = location(warehouse_root)
    if not root.is_dir():
        raise FileNotFoundError(f"warehouse {root} does not exist; run a day first (make run) or set NEWSGRAPH_WAREHOUSE")
    con = duckdb_connect(root)
    for statement in view_statements(root):
        con.execute(statement)
    return con


def run_query(name: str, warehouse_root: Path | str, **params: Any) -> pa.Table:
    """Run query ``name`` of ``include/sql/`` against the warehouse; returns its rows."""
    query = get_query(name)
    bound = query.bind(params)
    con = connect(warehouse_root)
    try:
        return con.sql(query.sql, params=bound).to_arrow_table()
    finally:
        con.close()


# -- command line -------------------------------------------------------------------------------


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not key=value")
    return key.strip(), value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``newsgraph query``."""
    parser.add_argument("name", nargs="?", help="the query (a file NAME.sql of include/sql/); without it, list the queries")
    parser.add_argument(
        "--param", "-p", action="append", default=[], type=_key_value, metavar="KEY=VALUE",
        help="a query parameter, e.g. --param day=2025-09-01 (repeatable; an empty value is NULL)",
    )
    parser.add_argument("--warehouse", default=None, help="warehouse root (default: NEWSGRAPH_WAREHOUSE)")
    parser.add_argument("--format", choices=["table", "csv", "jsonl"], default="table", help="output format (default: table)")
    parser.add_argument("--max-rows", type=int, default=100, help="rows shown by --format table (default: 100)")


def _print_list(out) -> None:
    for q in list_queries():
        print(f"{q.name}: {q.summary.split(':', 1)[-1].strip()}", file=out)
        for p in q.params:
            default = "required" if p.required else ("NULL" if p.default is None else str(p.default))
            print(f"    {p.name:<8} {p.type:<8} {default:<9} {p.doc}", file=out)


def _flat(table: pa.Table) -> pa.Table:
    """The table with list columns written as JSON text, for CSV."""
    for i, field in enumerate(table.schema):
        if pa.types.is_list(field.type) or pa.types.is_large_list(field.type):
            values = [None if v is None else json.dumps(v, ensure_ascii=False, default=str) for v in table.column(i).to_pylist()]
            table = table.set_column(i, field.name, pa.array(values, pa.string()))
    return table


def cmd_query(args: argparse.Namespace) -> int:
    """``newsgraph query [NAME] [--param key=value ...] [--warehouse DIR] [--format table|csv|jsonl]``."""
    from newsgraph.settings import Settings

    out = sys.stdout
    if not args.name:
        _print_list(out)
        return 0
    params: dict[str, str] = {}
    for key, value in args.param:
        if key in params:
            raise ValueError(f"--param {key} given twice")
        params[key] = value
    root = location(args.warehouse) if args.warehouse else Settings.from_env().warehouse_root
    table = run_query(args.name, root, **params)
    if args.format == "csv":
        import pyarrow.csv as pacsv

        buf = pa.BufferOutputStream()
        pacsv.write_csv(_flat(table), buf)
        out.write(buf.getvalue().to_pybytes().decode("utf-8"))
    elif args.format == "jsonl":
        for row in table.to_pylist():
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    else:
        import duckdb

        con = duckdb.connect()
        try:
            con.from_arrow(table).show(max_rows=args.max_rows, max_width=10_000)
        finally:
            con.close()
    return 0
