"""Every query of include/sql/ against a small warehouse built by the real pipeline.

Two days of short news items (written for this test: people, organisations, places, five
currencies, loans by named lenders) plus inputs that cannot be loaded go through
``pipeline.run_day``; each query file then runs and its rows are checked. A query file
without an entry in ``CHECKS`` fails the suite, so no query goes untested.
"""

from __future__ import annotations

import argparse
import json
import shlex
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from newsgraph import pipeline, queries
from newsgraph.settings import Settings

pytestmark = pytest.mark.integration

DAY1 = date(2025, 6, 2)
DAY2 = date(2025, 6, 3)

DAY1_ARTICLES = [
    {
        "id": "ke-wb-0602",
        "published_at": "2025-06-02T09:00:00Z",
        "source": "wire",
        "text": (
            "NAIROBI: The World Bank approved a $750 million loan to Kenya on Monday to support the budget, "
            "Finance Minister John Mbadi said. Mbadi told reporters in Nairobi that the money would arrive "
            "before the end of June. The African Development Bank is also lending Kenya $300 million for "
            "roads, he added."
        ),
    },
    {
        "id": "de-eib-0602",
        "published_at": "2025-06-02T11:30:00Z",
        "source": "wire",
        "text": (
            "FRANKFURT: The European Investment Bank signed a €450 million credit line with Deutsche Bahn on "
            "Monday for new electric trains. Deutsche Bahn chief executive Richard Lutz said the EIB financing "
            "would pay for forty trains. The World Bank was not involved in the deal."
        ),
    },
    {
        "id": "pk-sbp-0602",
        "published_at": "2025-06-02T14:00:00Z",
        "source": "wire",
        "text": (
            "KARACHI: Pakistan's central bank said on Monday that remittances rose to Rs 950 billion in May. "
            "Governor Jameel Ahmad said the State Bank of Pakistan expected the World Bank to release "
            "$500 million before July."
        ),
    },
]

DAY2_ARTICLES = [
    {
        "id": "de-kfw-0603",
        "published_at": "2025-06-03T08:00:00Z",
        "source": "wire",
        "text": (
            "BERLIN: Germany's development bank KfW will lend Ukraine €300 million to repair power stations, "
            "Economy Minister Katherina Reiche said on Tuesday. The European Commission separately pledged "
            "€2.5 billion for reconstruction. Ukrainian Prime Minister Denys Shmyhal thanked Berlin and Brussels."
        ),
    },
    {
        "id": "jp-jbic-0603",
        "published_at": "2025-06-03T03:00:00Z",
        "source": "wire",
        "text": (
            "TOKYO: The Japan Bank for International Cooperation extended a ¥60 billion loan to Indonesia on "
            "Tuesday for a railway in Jakarta. Indonesian Finance Minister Sri Mulyani welcomed the loan."
        ),
    },
    {
        "id": "ke-afx-0603",
        "published_at": "2025-06-03T10:00:00Z",
        "source": "wire",
        "text": (
            "NAIROBI: Kenya's Finance Minister John Mbadi said on Tuesday the World Bank money had reached the "
            "Treasury. Kenya will borrow $1 billion from Afreximbank later this year, he said."
        ),
    },
    {
        "id": "gb-barc-0603",
        "published_at": "2025-06-03T07:00:00Z",
        "source": "wire",
        "text": (
            "LONDON: Barclays said on Tuesday it made a profit of £1.2 billion in the quarter. "
            "Chief executive C.S. Venkatakrishnan said Barclays would buy back £750 million of shares."
        ),
    },
]


def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def build_warehouse(base: Path) -> Path:
    """Land the two days under ``base``, run them through the pipeline, return the warehouse root."""
    settings = Settings.from_env().with_overrides(landing_root=base / "landing", warehouse_root=base / "warehouse")
    day1 = settings.landing_root / DAY1.isoformat()
    day2 = settings.landing_root / DAY2.isoformat()
    day1.mkdir(parents=True)
    day2.mkdir(parents=True)
    (day1 / "wire.jsonl").write_text(_jsonl(DAY1_ARTICLES), encoding="utf-8")
    (day1 / "empty.txt").write_text("  \n", encoding="utf-8")
    lines = _jsonl(DAY2_ARTICLES).splitlines(keepends=True)
    (day2 / "wire.jsonl").write_text("".join(lines[:2]) + '{"id": "cut-off", "text": "Kenya\n' + "".join(lines[2:]), encoding="utf-8")
    pipeline.run_day(settings, DAY1, run_id="manual__sql_day1")
    pipeline.run_day(settings, DAY2, run_id="manual__sql_day2")
    return settings.warehouse_root


@pytest.fixture(scope="module")
def wh(tmp_path_factory) -> Path:
    """The warehouse of two days run through the pipeline, with one rejected input each day."""
    return build_warehouse(tmp_path_factory.mktemp("sql-queries"))


# -- what each query must answer on that warehouse ----------------------------------------------

CHECKS: dict[str, Callable[[Path], None]] = {}


def check(name: str):
    def register(fn: Callable[[Path], None]) -> Callable[[Path], None]:
        CHECKS[name] = fn
        return fn

    return register


def rows(name: str, root: Path, **params) -> list[dict]:
    return queries.run_query(name, root, **params).to_pylist()


@check("top_entities_of_day")
def _top_entities_of_day(root: Path) -> None:
    orgs = rows("top_entities_of_day", root, day=DAY1, label="ORG")
    assert [(r["rank"], r["canonical_name"], r["mentions"], r["articles"]) for r in orgs[:3]] == [
        (1, "World Bank", 3, 3),
        (2, "Deutsche Bahn", 2, 1),
        (3, "European Investment Bank", 2, 1),
    ]
    assert {r["label"] for r in orgs} == {"ORG"}
    eib = orgs[2]
    assert eib["written_as"] == "EIB | European Investment Bank" and eib["entity_id"].startswith("E")
    # one per label; a place carries its country code; a day given as text works the same
    tops = rows("top_entities_of_day", root, day="2025-06-02", limit=1)
    assert {r["label"]: (r["canonical_name"], r["mentions"], r["country_code"]) for r in tops} == {
        "GPE": ("Kenya", 2, "KE"),
        "ORG": ("World Bank", 3, None),
        "PERSON": ("John Mbadi", 2, None),
    }
    # the next day has its own ranking: the World Bank is mentioned once, in one article
    day2 = {r["canonical_name"]: r["mentions"] for r in rows("top_entities_of_day", root, day=DAY2, label="org")}
    assert day2["World Bank"] == 1 and "KfW" in day2 and "Deutsche Bahn" not in day2


@check("co_mentions")
def _co_mentions(root: Path) -> None:
    day1 = rows("co_mentions", root, day=DAY1)
    first = day1[0]
    assert (first["entity_a"], first["entity_b"], first["sentences"], first["articles"], first["days"]) == (
        "Deutsche Bahn", "European Investment Bank", 2, 1, 1,
    )
    pairs = [(r["entity_id_a"], r["entity_id_b"]) for r in day1]
    assert len(set(pairs)) == len(pairs) and not {(b, a) for a, b in pairs} & set(pairs)  # each pair once
    assert all(r["entity_a"] <= r["entity_b"] for r in day1)
    assert ("African Development Bank", "Kenya", 1) in {(r["entity_a"], r["entity_b"], r["sentences"]) for r in day1}

    both_days = rows("co_mentions", root, day=DAY1, to_day=DAY2, entity="world bank")
    assert {r["entity_a"] for r in both_days} == {"World Bank"}
    partners = {r["entity_b"]: (r["sentences"], r["articles"], r["days"]) for r in both_days}
    assert partners["Kenya"] == (2, 2, 2)
    assert partners["John Mbadi"] == (2, 2, 2)
    assert partners["Nairobi"] == (0, 2, 2)  # same articles, never the same sentence
    assert partners["State Bank of Pakistan"] == (1, 1, 1)
    by_id = rows("co_mentions", root, day=DAY1, to_day=DAY2, entity=both_days[0]["entity_id_a"])
    assert by_id == both_days
    assert {r["entity_b"]: r["sentences"] for r in rows("co_mentions", root, day=DAY2, entity="World Bank")}["Kenya"] == 1
    assert len(rows("co_mentions", root, day=DAY1, limit=3)) == 3


@check("money_by_currency")
def _money_by_currency(root: Path) -> None:
    day2 = rows("money_by_currency", root, day=DAY2)
    assert {r["dt"] for r in day2} == {DAY2}
    assert {r["currency"]: (r["amounts"], r["value_sum"]) for r in day2} == {
        "EUR": (2, 2.8e9),
        "GBP": (2, 1.95e9),
        "JPY": (1, 6e10),
        "USD": (1, 1e9),
    }
    eur = next(r for r in day2 if r["currency"] == "EUR")
    # both euro amounts converted at the ECB rate of 3 June 2025
    assert eur["value_usd_sum"] == pytest.approx(3_188_080_000.0) and eur["without_usd"] == 0
    day1 = {r["currency"]: r for r in rows("money_by_currency", root, day=DAY1)}
    assert set(day1) == {"EUR", "PKR", "USD"}
    assert (day1["USD"]["amounts"], day1["USD"]["articles"], day1["USD"]["value_sum"]) == (3, 2, 1.55e9)
    pkr = day1["PKR"]
    assert pkr["value_sum"] == 9.5e11 and pkr["value_usd_sum"] is None
    assert (pkr["without_usd"], pkr["with_usd_note"], pkr["usd_notes"]) == (1, 1, "no ECB reference rate for PKR")
    everything = rows("money_by_currency", root)
    assert [(r["dt"], r["currency"]) for r in everything] == [
        (DAY1, "EUR"), (DAY1, "PKR"), (DAY1, "USD"), (DAY2, "EUR"), (DAY2, "GBP"), (DAY2, "JPY"), (DAY2, "USD"),
    ]


@check("money_by_lender")
def _money_by_lender(root: Path) -> None:
    lenders = {r["lender"]: r for r in rows("money_by_lender", root)}
    assert {name: (r["currency"], r["value_sum"], r["rules"]) for name, r in lenders.items()} == {
        "World Bank": ("USD", 7.5e8, "first ORG"),
        "African Development Bank": ("USD", 3e8, "first ORG"),
        "European Investment Bank": ("EUR", 4.5e8, "first ORG"),
        "KfW": ("EUR", 3e8, "first ORG"),
        "Japan Bank for International Cooperation": ("JPY", 6e10, "first ORG"),
        "Afreximbank": ("USD", 1e9, "from"),  # "Kenya will borrow $1 billion from Afreximbank": Kenya borrows
    }
    assert lenders["World Bank"]["loans"] == "$750 million loan"
    assert lenders["European Investment Bank"]["loans"] == "€450 million credit line"
    assert lenders["European Investment Bank"]["value_usd_sum"] == pytest.approx(513_855_000.0)
    assert lenders["Japan Bank for International Cooperation"]["first_day"] == DAY2
    # a pledge, a profit, a buy-back, remittances and a release are not loans
    assert not {"European Commission", "Barclays", "State Bank of Pakistan", "Kenya", "Pakistan"} & set(lenders)
    # the first rows are the largest in US dollars
    assert [r["lender"] for r in rows("money_by_lender", root)][:2] == ["Afreximbank", "World Bank"]
    assert {r["lender"] for r in rows("money_by_lender", root, day=DAY1)} == {
        "World Bank", "African Development Bank", "European Investment Bank",
    }
    only_kfw = rows("money_by_lender", root, lender="kfw")
    assert [(r["lender"], r["loans"], r["first_day"]) for r in only_kfw] == [("KfW", "€300 million", DAY2)]


@check("entity_timeline")
def _entity_timeline(root: Path) -> None:
    mbadi = rows("entity_timeline", root, entity="John Mbadi")
    assert [(r["dt"], r["mentions"], r["articles"]) for r in mbadi] == [(DAY1, 2, 1), (DAY2, 1, 1)]
    assert {(r["first_seen"], r["last_seen"], r["label"], r["roles"]) for r in mbadi} == {
        (DAY1, DAY2, "PERSON", "Finance Minister")
    }
    assert mbadi[0]["written_as"] == "John Mbadi | Mbadi"
    assert rows("entity_timeline", root, entity=mbadi[0]["entity_id"]) == mbadi
    assert [(r["dt"], r["mentions"], r["articles"]) for r in rows("entity_timeline", root, entity="world bank")] == [
        (DAY1, 3, 3),
        (DAY2, 1, 1),
    ]
    assert [(r["dt"], r["mentions"]) for r in rows("entity_timeline", root, entity="KfW")] == [(DAY2, 1)]
    assert rows("entity_timeline", root, entity="Nobody Atall") == []


@check("quarantine_by_reason")
def _quarantine_by_reason(root: Path) -> None:
    got = rows("quarantine_by_reason", root)
    assert [(r["dt"], r["reason"], r["inputs"], r["first_inputs"]) for r in got] == [
        (DAY1, "empty_text", 1, ["2025-06-02/empty.txt"]),
        (DAY2, "bad_json", 1, ["2025-06-03/wire.jsonl#3"]),
    ]
    assert "line 3: not valid JSON" in got[1]["example_detail"]
    assert [r["reason"] for r in rows("quarantine_by_reason", root, day=DAY2)] == ["bad_json"]
    assert rows("quarantine_by_reason", root, day="2025-06-04", to_day="2025-06-30") == []


# -- every query file, checked ----------------------------------------------------------------------

QUERY_FILES = sorted(queries.SQL_DIR.glob("*.sql"))


def test_the_queries_asked_for_exist():
    assert {
        "top_entities_of_day", "co_mentions", "money_by_currency", "money_by_lender", "entity_timeline",
        "quarantine_by_reason",
    } <= {p.stem for p in QUERY_FILES}


def test_every_check_has_its_query_file():
    assert set(CHECKS) <= {p.stem for p in QUERY_FILES}


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query(wh, path):
    assert path.stem in CHECKS, f"{path.name} has no entry in CHECKS of {Path(__file__).name}: add what it must answer"
    CHECKS[path.stem](wh)


def _example_args(query: queries.Query) -> list[str]:
    """The example command line of a query's header, without ``newsgraph query``."""
    lines = query.sql.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() == "-- Example:")
    words = shlex.split(lines[at + 1].lstrip("- "))
    assert words[:3] == ["newsgraph", "query", query.name], lines[at + 1]
    return words[2:]


def _query_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsgraph query")
    queries.add_arguments(parser)
    return parser


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_header_documents_the_query_and_its_example_runs(wh, path, capsys):
    query = queries.load_query(path)
    assert query.summary.startswith(f"{path.stem}: "), "the first line names the query and says what it answers"
    assert "-- Answers:" in query.sql and "-- Parameters:" in query.sql
    assert query.params, "every query takes at least one parameter"
    args = _query_parser().parse_args(_example_args(query) + ["--warehouse", str(wh), "--format", "jsonl"])
    assert queries.cmd_query(args) == 0
    for line in capsys.readouterr().out.splitlines():
        assert isinstance(json.loads(line), dict)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_on_a_warehouse_with_nothing_published(wh, path, tmp_path):
    """Tables without partitions are empty views with the schema's columns: every query runs, with no rows."""
    query = queries.load_query(path)
    example = dict(_query_parser().parse_args(_example_args(query)).param)
    params = {p.name: example[p.name] for p in query.params if p.required}
    empty = queries.run_query(path.stem, tmp_path, **params)
    full = queries.run_query(path.stem, wh, **params)
    assert empty.num_rows == 0
    assert empty.schema.names == full.schema.names


def test_empty_views_have_the_types_of_published_tables(wh, tmp_path):
    full = queries.connect(wh)
    empty = queries.connect(tmp_path)
    names = [r[0] for r in full.sql("SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1").fetchall()]
    assert {"articles", "entity_mentions", "amounts", "dates", "quarantine", "entities"} <= set(names)
    for name in names:
        assert empty.sql(f"DESCRIBE {name}").fetchall() == full.sql(f"DESCRIBE {name}").fetchall(), name
        assert empty.sql(f"SELECT count(*) FROM {name}").fetchall() == [(0,)]
    assert full.sql("SELECT DISTINCT dt FROM articles ORDER BY dt").fetchall() == [(DAY1,), (DAY2,)]


def test_warehouse_path_with_a_quote(wh, tmp_path):
    odd = tmp_path / "it's here"
    odd.symlink_to(wh, target_is_directory=True)
    assert rows("quarantine_by_reason", odd) == rows("quarantine_by_reason", wh)


def test_bad_parameters_are_refused(wh):
    with pytest.raises(ValueError, match="needs --param day"):
        queries.run_query("top_entities_of_day", wh)
    with pytest.raises(ValueError, match="has no parameter dya"):
        queries.run_query("top_entities_of_day", wh, dya="2025-06-02")
    with pytest.raises(ValueError, match="is not a valid DATE"):
        queries.run_query("top_entities_of_day", wh, day="June 2")
    with pytest.raises(ValueError, match="is not a valid INTEGER"):
        queries.run_query("co_mentions", wh, limit="ten")
    with pytest.raises(ValueError, match="no query"):
        queries.run_query("../pipeline", wh, day=DAY1)
    with pytest.raises(FileNotFoundError):
        queries.run_query("money_by_currency", wh / "nowhere")


def test_parameters_are_data_not_sql(wh):
    sneaky = "x' OR '1'='1"
    assert rows("entity_timeline", wh, entity=sneaky) == []
    assert rows("co_mentions", wh, entity=sneaky) == []


def test_cmd_query_formats(wh, capsys):
    parser = _query_parser()
    assert queries.cmd_query(parser.parse_args(["money_by_currency", "--param", "day=2025-06-03", "--warehouse", str(wh), "--format", "csv"])) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith('"dt","currency","amounts"')
    assert any(line.startswith('2025-06-03,"EUR",2,1,2800000000') for line in lines)
    assert queries.cmd_query(parser.parse_args(["quarantine_by_reason", "--warehouse", str(wh), "--format", "csv"])) == 0
    assert '"[""2025-06-02/empty.txt""]"' in capsys.readouterr().out  # lists as JSON text
    assert queries.cmd_query(parser.parse_args(["entity_timeline", "-p", "entity=John Mbadi", "--warehouse", str(wh)])) == 0
    table = capsys.readouterr().out
    assert "John Mbadi" in table and "2025-06-02" in table and "2025-06-03" in table
    assert queries.cmd_query(parser.parse_args([])) == 0
    listing = capsys.readouterr().out
    for path in QUERY_FILES:
        assert f"{path.stem}: " in listing
    assert "required" in listing
