"""The README's data dictionary documents exactly the columns of include/newsgraph/schema.py.

Every column of every published table (fact tables, the entities dimension and, where the
schema has them, the daily aggregates) has a row with its type, its meaning and an example,
and the dictionary lists no table or column the schema does not have.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pytest

from newsgraph import schema

README = Path(__file__).resolve().parents[2] / "README.md"

TABLES: dict[str, pa.Schema] = {
    **schema.FACT_TABLES,
    **schema.DIMENSION_TABLES,
    **getattr(schema, "AGGREGATE_TABLES", {}),
}

_TABLE_HEADING = re.compile(r"^\*\*(?P<table>\w+)\*\*")


def doc_type(t: pa.DataType) -> str:
    """How the dictionary writes an Arrow type."""
    if pa.types.is_timestamp(t):
        return "timestamp (UTC)" if t.tz == "UTC" else f"timestamp ({t.tz or 'no time zone'})"
    if pa.types.is_date32(t):
        return "date"
    if pa.types.is_list(t):
        return f"list<{doc_type(t.value_type)}>"
    if pa.types.is_float64(t):
        return "float64"
    if pa.types.is_large_string(t):
        return "large_string"
    if pa.types.is_string(t):
        return "string"
    return str(t)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def parse_dictionary(text: str) -> dict[str, dict[str, dict[str, str]]]:
    """``{table: {column: {"type", "meaning", "example"}}}`` from the README's "Data dictionary" section.

    A row may document several columns at once ("latitude, longitude"); each gets the row.
    """
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "## Data dictionary")
    except StopIteration:
        raise AssertionError("README.md has no '## Data dictionary' section") from None
    out: dict[str, dict[str, dict[str, str]]] = {}
    table: str | None = None
    for line in lines[start + 1 :]:
        if line.startswith("## "):
            break
        heading = _TABLE_HEADING.match(line.strip())
        if heading:
            table = heading["table"]
            if table in out:
                raise AssertionError(f"table {table} is documented twice")
            out[table] = {}
            continue
        if table is None or not line.strip().startswith("|"):
            continue
        cells = _cells(line)
        if cells[0] == "column" or set("".join(cells)) <= set("-: "):
            continue  # the header and the rule under it
        if len(cells) != 4:
            raise AssertionError(f"{table}: row {line!r} has {len(cells)} cells, not 4 (column | type | meaning | example)")
        names, type_, meaning, example = cells
        for name in (n.strip().strip("`") for n in names.split(",")):
            if name in out[table]:
                raise AssertionError(f"{table}.{name} is documented twice")
            out[table][name] = {"type": type_, "meaning": meaning, "example": example}
    return out


@pytest.fixture(scope="module")
def dictionary() -> dict[str, dict[str, dict[str, str]]]:
    return parse_dictionary(README.read_text(encoding="utf-8"))


def test_every_table_is_documented(dictionary):
    missing = sorted(set(TABLES) - set(dictionary))
    assert not missing, f"README data dictionary lacks the tables {missing}"


def test_nothing_documented_is_absent_from_the_schema(dictionary):
    unknown_tables = sorted(set(dictionary) - set(TABLES))
    unknown_columns = sorted(
        f"{table}.{column}"
        for table, columns in dictionary.items()
        if table in TABLES
        for column in columns
        if column not in TABLES[table].names
    )
    assert not unknown_tables and not unknown_columns, (
        f"README data dictionary documents what schema.py does not have: tables {unknown_tables}, columns {unknown_columns}"
    )


def test_every_column_has_its_type_meaning_and_an_example(dictionary):
    problems = []
    for table, table_schema in TABLES.items():
        documented = dictionary.get(table, {})
        for field in table_schema:
            row = documented.get(field.name)
            where = f"{table}.{field.name}"
            if row is None:
                problems.append(f"{where}: not documented")
                continue
            if row["type"] != doc_type(field.type):
                problems.append(f"{where}: type {row['type']!r}, schema says {doc_type(field.type)!r}")
            if not row["meaning"]:
                problems.append(f"{where}: no meaning")
            if not row["example"]:
                problems.append(f"{where}: no example")
    assert not problems, "README data dictionary is incomplete:\n" + "\n".join(problems)


def test_the_parser_reads_multi_column_rows():
    text = (
        "## Data dictionary\n\n**t**: x\n\n| column | type | meaning | example |\n|---|---|---|---|\n"
        "| a, b | float64 | two | `1`, `2` |\n| c | list<string> | three | `[x]` |\n\n## Next\n| d | x | y | z |\n"
    )
    assert parse_dictionary(text) == {
        "t": {
            "a": {"type": "float64", "meaning": "two", "example": "`1`, `2`"},
            "b": {"type": "float64", "meaning": "two", "example": "`1`, `2`"},
            "c": {"type": "list<string>", "meaning": "three", "example": "`[x]`"},
        }
    }
    assert doc_type(schema.ARTICLES.field("published_at").type) == "timestamp (UTC)"
    assert doc_type(schema.AMOUNTS.field("entity_ids").type) == "list<string>"
    assert doc_type(schema.ARTICLES.field("text").type) == "large_string"
    assert doc_type(schema.AMOUNTS.field("value").type) == "float64"
    assert doc_type(schema.AMOUNTS.field("fx_rate_date").type) == "date"
