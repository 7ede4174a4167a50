"""One landing day holding every kind of hostile input beside good English articles.

The day goes through ``run_day`` (load, extract, validate, publish, summarise). The
good articles must publish; every bad input must land in the quarantine table
with its exact reason and a detail naming the file (and line or array index);
the run summary must count both.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from newsgraph import pipeline
from newsgraph.settings import Settings
from newsgraph.storage import warehouse

pytestmark = pytest.mark.integration

DAY = date(2025, 9, 2)
EARLIER = date(2025, 9, 1)
#: Small limits keep the oversized inputs cheap to write; the defaults are tested in tests/unit/test_landing.py.
MAX_FILE_BYTES = 64 * 1024
MAX_ARTICLE_CHARS = 20_000

HARBOUR_TITLE = "Osk harbour to reopen after storm repairs"
HARBOUR = (
    "The harbour at Osk will reopen to fishing boats on Friday after three months of repairs to the "
    "storm-damaged sea wall, the port authority said on Tuesday. The works cost 4.2 million euros and were "
    "paid for by the regional government."
)
RATES = (
    "The Central Bank of Veltan raised its main interest rate to 5.5 percent on Tuesday, saying that food prices "
    "had risen faster than expected over the summer. Governor Mira Talvik told reporters in Arlen that the bank "
    "would act again if inflation did not slow by December."
)
SHIPPING = (
    "Polish Defence Minister Władysław Kosiniak-Kamysz and Türkiye's Foreign Minister Hakan Fidan met in Ankara "
    "on Monday to discuss the security of shipping in the Black Sea. Officials from the Banco de España and the "
    "Élysée joined the talks by video, according to a statement released after the meeting."
)
FERRY = (
    "A new ferry service between Osk and Brenna will start in October, with two sailings a day in each "
    "direction. Tickets will cost $12 for adults."
)
HARVEST = [
    "Farmers near Tolm said on Monday that the dry summer had cut the wheat harvest by a third, and that prices "
    "at the local market had doubled since June.",
    "The agriculture ministry said it would pay 30 million dollars in emergency aid to farms in the region "
    "before the end of the year.",
]
STRIKE = (
    "Workers at the Brenna steel plant ended a two-week strike on Sunday after the company agreed to raise "
    "wages by 8 percent, the union said."
)
FRENCH = (
    "Le conseil municipal de la ville a voté mardi soir pour la reconstruction du vieux pont de pierre sur la "
    "rivière. Les travaux doivent commencer au printemps prochain et dureront environ deux ans, selon le maire, "
    "qui a précisé que le coût sera partagé avec la région."
)
CHINESE = "市议会周二投票决定重建河上的旧石桥。市长表示，工程将于明年春天开始，预计持续约两年，费用将与省政府分担。东岸的商户对这一计划表示欢迎。"
PAGE = f"""<!DOCTYPE html>
<html><head><title>Dry summer cuts Tolm harvest | Valley Gazette</title>
<meta property="article:published_time" content="2025-09-01T08:30:00+02:00">
<script>window.tracker = "SCRIPT-MARKER";</script>
<style>.ad {{ content: "STYLE-MARKER" }}</style>
</head><body onload="track('HANDLER-MARKER')">
<nav><a href="/">NAV-HOME</a> <a href="/farming">NAV-FARMING</a></nav>
<article><h1>Dry summer cuts Tolm harvest</h1>
<p>{HARVEST[0]}</p>
<script>document.write("<p>SCRIPT-MARKER in the body</p>")</script>
<p>{HARVEST[1]}</p>
</article></body></html>
"""

#: (input path, reason) of every bad input of the day.
EXPECTED_QUARANTINE = {
    ("2025-09-02/blank.txt", "empty_text"),
    ("2025-09-02/broken.json", "bad_json"),
    ("2025-09-02/chinese.txt", "not_english"),
    ("2025-09-02/deep.html", "html_too_deep"),
    ("2025-09-02/empty.txt", "empty_text"),
    ("2025-09-02/escape.txt", "outside_landing_root"),
    ("2025-09-02/feed.json#1", "bad_json"),
    ("2025-09-02/feed.json#2", "too_large"),
    ("2025-09-02/future.txt", "future_published_at"),
    ("2025-09-02/huge.txt", "too_large"),
    ("2025-09-02/latin1.txt", "not_utf8"),
    ("2025-09-02/photo.txt", "binary"),
    ("2025-09-02/report.pdf", "unsupported_type"),
    ("2025-09-02/story.txt", "bad_sidecar"),
    ("2025-09-02/utf16.txt", "binary"),
    ("2025-09-02/wire.jsonl#2", "bad_json"),
    ("2025-09-02/wire.jsonl#3", "missing_text"),
    ("2025-09-02/wire.jsonl#4", "bad_field"),
    ("2025-09-02/wire.jsonl#5", "bad_published_at"),
    ("2025-09-02/wire.jsonl#6", "future_published_at"),
    ("2025-09-02/wire.jsonl#7", "not_english"),
    ("2025-09-02/wire.jsonl#8", "duplicate"),
    ("2025-09-02/wire.jsonl#10", "bad_field"),
    ("2025-09-02/wire.jsonl#11", "bad_published_at"),
    ("2025-09-02/wire.jsonl#12", "duplicate_earlier_day"),
    ("2025-09-02/wire.jsonl#13", "bad_json"),
}


def _write_day(settings: Settings) -> None:
    root = settings.landing_root
    earlier = root / EARLIER.isoformat()
    earlier.mkdir(parents=True)
    (earlier / "strike.txt").write_text(STRIKE, encoding="utf-8")
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Staff notes that are not part of any landing day.", encoding="utf-8")

    folder = root / DAY.isoformat()
    folder.mkdir()
    files: dict[str, str | bytes] = {
        # good articles
        "harbour.txt": f"{HARBOUR_TITLE}\n\n{HARBOUR}\n",
        "feed.json": json.dumps([
            {"id": "f1", "text": FERRY, "source": "ferries", "published_at": "2025-09-02"},
            "not a record",
            {"id": "f3", "text": "Osk " * 6_000},
        ]),
        "page.html": PAGE,
        "wire.jsonl": "\n".join([
            json.dumps({"id": "w1", "text": RATES, "source": "wire", "published_at": "2025-09-02T08:00:00Z"}),
            '{"id": "w2", "text": "Ferry fares frozen" "source": "wire"}',
            json.dumps({"id": "w3", "title": "Rates story without a body", "source": "wire"}),
            json.dumps({"id": "w4", "text": 42, "source": "wire"}),
            json.dumps({"id": "w5", "text": RATES + " More soon.", "published_at": "next Tuesday"}),
            json.dumps({"id": "w6", "text": RATES + " Updated.", "published_at": "2031-09-02T08:00:00Z"}),
            json.dumps({"id": "w7", "text": FRENCH, "source": "wire"}, ensure_ascii=False),
            json.dumps({"id": "w8", "text": HARBOUR, "source": "wire"}),
            json.dumps({"id": "w9", "text": SHIPPING, "source": "wire"}, ensure_ascii=False),
            json.dumps({"id": "w10", "text": "Osk harbour \ud800 reopens.", "source": "wire"}),
            json.dumps({"id": "w11", "text": FERRY + " Fares rise.", "published_at": "9999-12-31T23:00:00-05:00"}),
            json.dumps({"id": "w12", "text": STRIKE, "source": "wire"}),
            '{"id": ' + "9" * 5_000 + ', "text": "Osk harbour reopens."}',
        ]) + "\n",
        # bad whole files
        "empty.txt": b"",
        "blank.txt": " \n\t\u00a0\u3000\n",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "utf16.txt": FERRY.encode("utf-16"),
        "latin1.txt": "Tickets for the Osk ferry now cost £12 for adults and £6 for children.".encode("latin-1"),
        "huge.txt": (HARBOUR + "\n") * (3 * MAX_FILE_BYTES // len(HARBOUR)),
        "broken.json": '{"id": "b1", "text": "Osk harbour reopens."',
        "deep.html": "<html><body>" + "<div>" * 4_000 + f"<p>{FERRY}</p>" + "</div>" * 4_000 + "</body></html>",
        "chinese.txt": CHINESE,
        "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "story.txt": RATES + " Analysis.",
        "story.meta.json": '{"id": "s1", "source": ',
        "future.txt": FERRY + " Timetable attached.",
        "future.meta.json": json.dumps({"published_at": "2035-01-01"}),
    }
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8", "surrogatepass"))
    (folder / "escape.txt").symlink_to(Path("..") / ".." / "outside" / "secret.txt")


def _rows(settings: Settings, table: str) -> list[dict]:
    path = warehouse.partition_dir(settings.warehouse_root, table, DAY) / warehouse.PART_FILE
    return duckdb.sql(f"SELECT * FROM read_parquet('{path}')").df().to_dict("records")


def _where(input_path: str, reason: str) -> str:
    """How a quarantine detail names its input: the loader names the file and the JSONL line or JSON
    array index; the pipeline's duplicate checks name the input path."""
    path, _, number = input_path.partition("#")
    if not number or reason.startswith("duplicate"):
        return f"{input_path}: "
    return f"{path} line {number}: " if path.endswith(".jsonl") else f"{path} array index {number}: "


def test_hostile_day_publishes_the_good_and_quarantines_the_bad_with_exact_reasons(tmp_path: Path) -> None:
    settings = Settings.from_env().with_overrides(
        landing_root=tmp_path / "landing",
        warehouse_root=tmp_path / "warehouse",
        max_file_bytes=MAX_FILE_BYTES,
        max_article_chars=MAX_ARTICLE_CHARS,
    )
    _write_day(settings)
    assert (settings.landing_root / DAY.isoformat() / "huge.txt").stat().st_size > MAX_FILE_BYTES

    summary = pipeline.run_day(settings, DAY, run_id="manual__hostile")

    articles = {r["input_path"]: r for r in _rows(settings, "articles")}
    assert sorted(articles) == [
        "2025-09-02/feed.json#0",
        "2025-09-02/harbour.txt",
        "2025-09-02/page.html",
        "2025-09-02/wire.jsonl#1",
        "2025-09-02/wire.jsonl#9",
    ]
    assert articles["2025-09-02/harbour.txt"]["text"] == HARBOUR
    assert articles["2025-09-02/harbour.txt"]["title"] == HARBOUR_TITLE
    assert articles["2025-09-02/feed.json#0"]["text"] == FERRY
    assert articles["2025-09-02/wire.jsonl#1"]["text"] == RATES
    assert articles["2025-09-02/wire.jsonl#9"]["text"] == SHIPPING
    page = articles["2025-09-02/page.html"]
    assert page["text"] == "\n".join(HARVEST)
    assert page["title"] == "Dry summer cuts Tolm harvest"
    assert page["published_at"].to_pydatetime() == datetime(2025, 9, 1, 6, 30, tzinfo=UTC)
    assert all("MARKER" not in r["text"] for r in articles.values())

    quarantine = _rows(settings, "quarantine")
    assert {(q["input_path"], q["reason"]) for q in quarantine} == EXPECTED_QUARANTINE
    assert len(quarantine) == len(EXPECTED_QUARANTINE)
    for q in quarantine:
        assert q["detail"].startswith(_where(q["input_path"], q["reason"])), q
        assert q["run_id"] == "manual__hostile"
    details = {q["input_path"]: q["detail"] for q in quarantine}
    assert details["2025-09-02/wire.jsonl#8"] == (
        "2025-09-02/wire.jsonl#8: same text as 2025-09-02/harbour.txt; kept the first"
    )
    assert details["2025-09-02/wire.jsonl#12"] == (
        "2025-09-02/wire.jsonl#12: same text as 2025-09-01/strike.txt, which landed on 2025-09-01"
    )
    assert "in which byte a3 is '£'" in details["2025-09-02/latin1.txt"]
    assert "story.meta.json" in details["2025-09-02/story.txt"]
    assert "nested more than 255 deep" in details["2025-09-02/deep.html"]

    reasons = Counter(reason for _, reason in EXPECTED_QUARANTINE)
    assert summary["quarantined"] == dict(sorted(reasons.items()))
    assert summary["tables"]["articles"]["rows"] == 5
    assert summary["tables"]["quarantine"]["rows"] == len(EXPECTED_QUARANTINE) == 26
    report = pipeline.format_summary(warehouse.describe(settings.warehouse_root, DAY), summary["quarantined"])
    assert "quarantined: bad_field 2, bad_json 4, bad_published_at 2, bad_sidecar 1, binary 2" in report

    # the good articles went through the extractor
    amounts = {(a["text"], a["currency"]) for a in _rows(settings, "amounts")}
    assert {("4.2 million euros", "EUR"), ("$12", "USD"), ("30 million dollars", "USD")} <= amounts
    mentions = {(m["article_id"], m["text"]) for m in _rows(settings, "entity_mentions")}
    assert (articles["2025-09-02/wire.jsonl#9"]["article_id"], "Ankara") in mentions
