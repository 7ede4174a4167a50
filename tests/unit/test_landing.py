"""Reading a landing day: every format, every rejection reason, and the seed day."""

from __future__ import annotations

import json
import os
import random
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO

import pytest

from newsgraph.ingest import REASON_CODES, RawArticle, Rejected, TooManyArticlesError, load_day
from newsgraph.ingest.formats import parse_published_at, split_title
from newsgraph.ingest.landing import day_folder, discover_files, load_file
from newsgraph.settings import PROJECT_ROOT, Settings

DAY = date(2025, 9, 1)
MTIME = datetime(2025, 9, 1, 6, 15, 30, 123456, tzinfo=UTC)
SETTINGS = Settings()

BODY = (
    "The council of Veltan voted on Tuesday to rebuild the old stone bridge over the Arlen river.\n"
    "Work is due to start in the spring, the mayor told reporters."
)


def put(root: Path, rel: str, content: str | bytes, day: date = DAY) -> Path:
    """Write a landing file with a fixed mtime so received_at is predictable."""
    path = day_folder(root, day) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    stamp = int(MTIME.timestamp() * 1_000_000) * 1000
    os.utime(path, ns=(stamp, stamp))
    return path


def load(root: Path, rel: str, settings: Settings = SETTINGS) -> list[RawArticle | Rejected]:
    return list(load_file(day_folder(root, DAY) / rel, root, settings))


def only_article(results: list[RawArticle | Rejected]) -> RawArticle:
    assert len(results) == 1 and isinstance(results[0], RawArticle), results
    return results[0]


def only_rejection(results: list[RawArticle | Rejected], reason: str) -> Rejected:
    assert len(results) == 1 and isinstance(results[0], Rejected), results
    rejected = results[0]
    assert rejected.reason == reason, rejected
    assert rejected.reason in REASON_CODES
    assert rejected.received_at.tzinfo is not None
    return rejected


# --- plain text --------------------------------------------------------------------


def test_txt_with_title_line(tmp_path: Path) -> None:
    put(tmp_path, "a.txt", f"Veltan to rebuild stone bridge\n\n{BODY}\n")
    article = only_article(load(tmp_path, "a.txt"))
    assert article.title == "Veltan to rebuild stone bridge"
    assert article.text == BODY
    assert article.source == "landing"
    assert article.source_id is None and article.url is None and article.published_at is None
    assert article.input_path == "2025-09-01/a.txt"
    assert article.received_at == MTIME


def test_txt_title_directly_followed_by_text(tmp_path: Path) -> None:
    put(tmp_path, "a.txt", f"Bridge vote in Veltan\n{BODY}")
    article = only_article(load(tmp_path, "a.txt"))
    assert article.title == "Bridge vote in Veltan"
    assert article.text == BODY


@pytest.mark.parametrize(
    "first_line",
    [
        "The council voted on Tuesday.",  # ends like a sentence
        "Will the bridge be ready in time?",
        'The mayor said "soon"',
        "The mayor said \u201csoon\u201d",
        "VELTAN:",  # a dateline, not a headline
        "Bridge " * 40,  # longer than 200 characters
    ],
)
def test_txt_first_line_kept_as_text_when_not_a_title(tmp_path: Path, first_line: str) -> None:
    put(tmp_path, "a.txt", f"{first_line}\n\n{BODY}")
    article = only_article(load(tmp_path, "a.txt"))
    assert article.title is None
    assert article.text.startswith(first_line.strip())
    assert article.text.endswith(BODY)


def test_txt_single_short_line_is_text_not_title(tmp_path: Path) -> None:
    put(tmp_path, "a.txt", "Bridge reopens in Veltan\n\n\n")
    article = only_article(load(tmp_path, "a.txt"))
    assert article.title is None
    assert article.text == "Bridge reopens in Veltan"


def test_split_title_rule() -> None:
    assert split_title("Short headline\n\nBody.") == ("Short headline", "Body.")
    assert split_title("A sentence.\n\nBody.") == (None, "A sentence.\n\nBody.")
    assert split_title("Only one line") == (None, "Only one line")


def test_crlf_normalised_and_bom_removed(tmp_path: Path) -> None:
    put(tmp_path, "a.txt", b"\xef\xbb\xbfBridge news\r\n\r\nFirst line.\r\nSecond line.\r\n")
    article = only_article(load(tmp_path, "a.txt"))
    assert article.title == "Bridge news"
    assert article.text == "First line.\nSecond line."


def test_character_references_left_by_a_feed_are_decoded(tmp_path: Path) -> None:
    put(tmp_path, "c.txt", "Osk ferry sold\n\nPascal Pap&#233; paid &#163;5m for the R&D arm of AT&T &amp; Sons.")
    article = only_article(load(tmp_path, "c.txt"))
    assert article.text == "Pascal Papé paid £5m for the R&D arm of AT&T & Sons."


# --- sidecars --------------------------------------------------------------------


def test_sidecar_values_win_over_file(tmp_path: Path) -> None:
    put(tmp_path, "b.txt", f"Veltan to rebuild stone bridge\n\n{BODY}")
    sidecar = {
        "id": "v-42",
        "url": "https://example.test/veltan-bridge",
        "published_at": "2025-08-31T22:30:00-02:00",
        "source": "gazette",
        "title": None,
    }
    put(tmp_path, "b.meta.json", json.dumps(sidecar))
    article = only_article(load(tmp_path, "b.txt"))
    assert article.source == "gazette"
    assert article.source_id == "v-42"
    assert article.url == "https://example.test/veltan-bridge"
    assert article.published_at == datetime(2025, 9, 1, 0, 30, tzinfo=UTC)
    assert article.title == "Veltan to rebuild stone bridge"  # a null in the sidecar does not erase
    assert article.text == BODY


def test_sidecar_title_replaces_heuristic_and_drops_repeated_first_line(tmp_path: Path) -> None:
    put(tmp_path, "c.txt", f"VELTAN TO REBUILD  STONE BRIDGE\n\n{BODY}")
    put(tmp_path, "c.meta.json", json.dumps({"title": "Veltan to rebuild stone bridge"}))
    article = only_article(load(tmp_path, "c.txt"))
    assert article.title == "Veltan to rebuild stone bridge"
    assert article.text == BODY


def test_sidecar_title_keeps_a_different_first_line(tmp_path: Path) -> None:
    put(tmp_path, "c.txt", f"Bridge vote\n\n{BODY}")
    put(tmp_path, "c.meta.json", json.dumps({"title": "Veltan to rebuild stone bridge"}))
    article = only_article(load(tmp_path, "c.txt"))
    assert article.title == "Veltan to rebuild stone bridge"
    assert article.text.startswith("Bridge vote\n\n")


def test_bad_sidecar_rejects_its_article(tmp_path: Path) -> None:
    put(tmp_path, "d.txt", BODY)
    put(tmp_path, "d.meta.json", '{"id": "x",')
    rejected = only_rejection(load(tmp_path, "d.txt"), "bad_sidecar")
    assert rejected.input_path == "2025-09-01/d.txt"
    assert "d.meta.json" in rejected.detail and "not valid JSON" in rejected.detail
    assert rejected.excerpt == '{"id": "x",'


def test_sidecar_with_bad_date_is_bad_published_at(tmp_path: Path) -> None:
    put(tmp_path, "d.txt", BODY)
    put(tmp_path, "d.meta.json", json.dumps({"published_at": "last Tuesday", "source": "gazette"}))
    rejected = only_rejection(load(tmp_path, "d.txt"), "bad_published_at")
    assert "d.meta.json" in rejected.detail and "'last Tuesday'" in rejected.detail


# --- JSON and JSONL --------------------------------------------------------------


def test_json_object(tmp_path: Path) -> None:
    record = {
        "id": 7,
        "url": "https://example.test/7",
        "title": "Ferry timetable changes",
        "published_at": "2025-09-01",
        "source": "wire",
        "text": "  The ferry to Osk will run twice a day from October.\r\nTickets cost the same.  ",
        "author": "ignored",
    }
    put(tmp_path, "one.json", json.dumps(record))
    article = only_article(load(tmp_path, "one.json"))
    assert article == RawArticle(
        source="wire",
        source_id="7",
        url="https://example.test/7",
        title="Ferry timetable changes",
        published_at=datetime(2025, 9, 1, tzinfo=UTC),
        text="The ferry to Osk will run twice a day from October.\nTickets cost the same.",
        input_path="2025-09-01/one.json",
        received_at=MTIME,
    )


def test_json_array_uses_index_and_rejects_non_objects(tmp_path: Path) -> None:
    records = [{"text": "Osk harbour reopens."}, "not a record", {"text": "Arlen river floods fields.", "id": "r3"}]
    put(tmp_path, "many.json", json.dumps(records))
    results = load(tmp_path, "many.json")
    assert [r.input_path for r in results] == [f"2025-09-01/many.json#{i}" for i in range(3)]
    first, bad, third = results
    assert isinstance(first, RawArticle) and first.text == "Osk harbour reopens."
    assert isinstance(third, RawArticle) and third.source_id == "r3"
    assert isinstance(bad, Rejected) and bad.reason == "bad_json"
    assert "array index 1" in bad.detail and "other items loaded" in bad.detail


def test_json_syntax_error_rejects_file(tmp_path: Path) -> None:
    put(tmp_path, "broken.json", '{"text": "Osk harbour"\n "id": 1}')
    rejected = only_rejection(load(tmp_path, "broken.json"), "bad_json")
    assert rejected.detail.startswith("2025-09-01/broken.json: is not valid JSON (Expecting ',' delimiter: line 2")


def test_json_top_level_scalar(tmp_path: Path) -> None:
    put(tmp_path, "scalar.json", "42")
    rejected = only_rejection(load(tmp_path, "scalar.json"), "bad_json")
    assert "holds a JSON number" in rejected.detail


@pytest.mark.parametrize("ext", ["jsonl", "ndjson"])
def test_jsonl_bad_line_among_good_ones(tmp_path: Path, ext: str) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Wind farm approved near Osk."}),
        "",
        '{"id": "b", "text": "Broken line" "title": "x"}',
        "   ",
        json.dumps({"id": "c", "text": "Arlen bridge tolls removed.", "published_at": "2025-09-01T10:00:00Z"}),
    ]
    put(tmp_path, f"feed.{ext}", "\n".join(lines) + "\n")
    results = load(tmp_path, f"feed.{ext}")
    articles = [r for r in results if isinstance(r, RawArticle)]
    rejected = [r for r in results if isinstance(r, Rejected)]
    assert [a.source_id for a in articles] == ["a", "c"]
    assert [a.input_path for a in articles] == [f"2025-09-01/feed.{ext}#1", f"2025-09-01/feed.{ext}#5"]
    assert articles[1].published_at == datetime(2025, 9, 1, 10, tzinfo=UTC)
    assert len(rejected) == 1
    bad = rejected[0]
    assert bad.reason == "bad_json"
    assert bad.input_path == f"2025-09-01/feed.{ext}#3"
    column = lines[2].index('"title"') + 1
    assert bad.detail == (
        f"2025-09-01/feed.{ext} line 3: not valid JSON (Expecting ',' delimiter: column {column}); "
        "line skipped, other lines loaded"
    )
    assert bad.excerpt == lines[2]


def test_jsonl_invalid_utf8_costs_one_line(tmp_path: Path) -> None:
    good = json.dumps({"text": "Osk school opens."}).encode()
    bad = b'{"text": "Price \xa3 5"}'
    put(tmp_path, "feed.jsonl", good + b"\n" + bad + b"\n")
    results = load(tmp_path, "feed.jsonl")
    assert isinstance(results[0], RawArticle)
    rejected = results[1]
    assert isinstance(rejected, Rejected) and rejected.reason == "not_utf8"
    offset = len(good) + 1 + bad.index(b"\xa3")
    assert f"byte offset {offset}" in rejected.detail and "line 2" in rejected.detail


def test_missing_text_field(tmp_path: Path) -> None:
    put(tmp_path, "feed.jsonl", json.dumps({"id": "n1", "title": "No body", "source": "wire"}) + "\n")
    rejected = only_rejection(load(tmp_path, "feed.jsonl"), "missing_text")
    assert rejected.source == "wire"
    assert rejected.input_path == "2025-09-01/feed.jsonl#1"
    assert "no 'text' field" in rejected.detail and "id, source, title" in rejected.detail


@pytest.mark.parametrize(
    ("record", "reason", "words"),
    [
        ({"text": 12}, "bad_field", "field 'text' must be a string"),
        ({"text": "Osk.", "url": ["a"]}, "bad_field", "field 'url' must be a string or null, got array"),
        ({"text": "Osk.", "id": True}, "bad_field", "field 'id'"),
        ({"text": "Osk.", "published_at": "yesterday"}, "bad_published_at", "'yesterday'"),
        ({"text": "Osk.", "published_at": 1756684800}, "bad_published_at", "got int"),
        ({"text": " \n\t "}, "empty_text", "empty or whitespace only"),
    ],
)
def test_bad_record_fields(tmp_path: Path, record: dict[str, object], reason: str, words: str) -> None:
    put(tmp_path, "r.json", json.dumps(record))
    rejected = only_rejection(load(tmp_path, "r.json"), reason)
    assert words in rejected.detail
    assert rejected.detail.startswith("2025-09-01/r.json: ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-01", datetime(2025, 9, 1, tzinfo=UTC)),
        ("2025-09-01T08:30:00Z", datetime(2025, 9, 1, 8, 30, tzinfo=UTC)),
        ("2025-09-01T08:30:00", datetime(2025, 9, 1, 8, 30, tzinfo=UTC)),
        ("2025-09-01T10:30:00+02:00", datetime(2025, 9, 1, 8, 30, tzinfo=UTC)),
        ("", None),
        (None, None),
    ],
)
def test_parse_published_at(value: str | None, expected: datetime | None) -> None:
    parsed = parse_published_at(value)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo == UTC


# --- HTML ------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<title>Veltan bridge vote | Valley Gazette</title>
<meta property="og:title" content="Veltan votes to rebuild its stone bridge">
<meta property="article:published_time" content="2025-09-01T08:30:00+02:00">
<link rel="canonical" href="https://example.test/news/veltan-bridge">
<script>var tracker = "SCRIPT-MARKER";</script>
</head>
<body>
<nav><a href="/">NAV-HOME</a> <a href="/world">NAV-WORLD</a> <a href="/sport">NAV-SPORT</a></nav>
<article>
<h1>Veltan votes to rebuild its stone bridge</h1>
<p>The town council of Veltan voted on Tuesday to rebuild the old stone bridge over the Arlen river, officials said.</p>
<p>Work will begin next spring and is expected to take two years, according to the council, which will share the cost
with the regional roads office.</p>
<p>Shop owners on the east bank welcomed the plan but asked for a footpath to stay open during the works.</p>
</article>
<script>console.log("SCRIPT-MARKER")</script>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    put(tmp_path, "page.html", PAGE)
    article = only_article(load(tmp_path, "page.html"))
    assert article.text.startswith("The town council of Veltan voted on Tuesday")
    assert "footpath" in article.text
    assert "SCRIPT-MARKER" not in article.text and "NAV-" not in article.text
    assert article.title == "Veltan votes to rebuild its stone bridge"
    assert article.url == "https://example.test/news/veltan-bridge"
    assert article.published_at == datetime(2025, 9, 1, 6, 30, tzinfo=UTC)
    assert article.input_path == "2025-09-01/page.html"


def test_html_sidecar_wins(tmp_path: Path) -> None:
    put(tmp_path, "page.htm", PAGE)
    put(tmp_path, "page.meta.json", json.dumps({"url": "https://example.test/v", "published_at": "2025-08-30"}))
    article = only_article(load(tmp_path, "page.htm"))
    assert article.url == "https://example.test/v"
    assert article.published_at == datetime(2025, 8, 30, tzinfo=UTC)
    assert article.title == "Veltan votes to rebuild its stone bridge"


def test_html_fragment_falls_back_to_body_text(tmp_path: Path) -> None:
    put(tmp_path, "short.html", "<p>Osk library opens on Sundays.</p><script>SCRIPT-MARKER()</script>")
    article = only_article(load(tmp_path, "short.html"))
    assert article.text == "Osk library opens on Sundays."


def test_html_long_page_without_main_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    links = "".join(f"<div><a href='/{i}'>Section {i}</a></div>" for i in range(1000))
    put(tmp_path, "menu.html", f"<html><body>{links}</body></html>")
    rejected = only_rejection(load(tmp_path, "menu.html"), "no_main_text")
    assert "2025-09-01/menu.html" in rejected.detail


def test_html_without_any_text_is_empty(tmp_path: Path) -> None:
    put(tmp_path, "blank.html", "<html><body><script>x()</script></body></html>")
    only_rejection(load(tmp_path, "blank.html"), "empty_text")


# --- rejections of whole files ---------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    put(tmp_path, "empty.txt", b"")
    rejected = only_rejection(load(tmp_path, "empty.txt"), "empty_text")
    assert rejected.detail.startswith("2025-09-01/empty.txt: is empty (0 bytes)")
    assert rejected.excerpt is None
    assert rejected.received_at == MTIME


def test_whitespace_only_file(tmp_path: Path) -> None:
    put(tmp_path, "blank.jsonl", " \n\t\r\n  ")
    rejected = only_rejection(load(tmp_path, "blank.jsonl"), "empty_text")
    assert "only whitespace" in rejected.detail
    assert rejected.detail.startswith("2025-09-01/blank.jsonl: holds only whitespace")


def test_binary_file(tmp_path: Path) -> None:
    put(tmp_path, "pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    rejected = only_rejection(load(tmp_path, "pic.txt"), "binary")
    assert "NUL byte at offset 8" in rejected.detail
    assert rejected.detail.startswith("2025-09-01/pic.txt: contains a NUL byte")
    assert rejected.excerpt is not None and "\x00" not in rejected.excerpt


def test_invalid_utf8(tmp_path: Path) -> None:
    put(tmp_path, "old.txt", "Price rose to ".encode() + b"\xa35 a ticket.")
    rejected = only_rejection(load(tmp_path, "old.txt"), "not_utf8")
    assert "byte offset 14" in rejected.detail and "UTF-8" in rejected.detail
    assert rejected.excerpt == "Price rose to \ufffd5 a ticket."


class _CountingReader:
    """A file handle that records the size of every read() asked of it."""

    def __init__(self, handle: BinaryIO, sizes: list[int]) -> None:
        self._handle, self._sizes = handle, sizes

    def read(self, size: int = -1) -> bytes:
        self._sizes.append(size)
        return self._handle.read(size)

    def __enter__(self) -> _CountingReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def test_file_over_max_bytes_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    put(tmp_path, "big.txt", "Osk " * 100)
    sizes: list[int] = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **kw: _CountingReader(real_open(self, *a, **kw), sizes))
    rejected = only_rejection(load(tmp_path, "big.txt", SETTINGS.with_overrides(max_file_bytes=100)), "too_large")
    assert "is 400 bytes, over the limit of 100 bytes" in rejected.detail
    assert sizes and all(0 < size <= 1024 for size in sizes)  # only a bounded head, for the excerpt
    assert rejected.excerpt is not None and rejected.excerpt.startswith("Osk Osk")


def test_text_over_max_chars(tmp_path: Path) -> None:
    put(tmp_path, "long.json", json.dumps([{"text": "Osk " * 30}, {"text": "Short one."}]))
    results = load(tmp_path, "long.json", SETTINGS.with_overrides(max_article_chars=50))
    assert isinstance(results[0], Rejected) and results[0].reason == "too_large"
    assert "119 characters, over the limit of 50" in results[0].detail
    assert isinstance(results[1], RawArticle)


def test_unsupported_extension(tmp_path: Path) -> None:
    put(tmp_path, "report.pdf", b"%PDF-1.4")
    rejected = only_rejection(load(tmp_path, "report.pdf"), "unsupported_type")
    assert "'.pdf'" in rejected.detail and ".jsonl" in rejected.detail


def test_symlink_escaping_day_folder(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Not part of any landing day.")
    put(tmp_path, "ok.txt", BODY)
    link = day_folder(tmp_path, DAY) / "escape.txt"
    link.symlink_to(secret)
    sibling_day = put(tmp_path, "other.txt", BODY, day=date(2025, 9, 2))
    (day_folder(tmp_path, DAY) / "other-day.txt").symlink_to(sibling_day)
    (day_folder(tmp_path, DAY) / "inside.txt").symlink_to(day_folder(tmp_path, DAY) / "ok.txt")

    articles, rejected = load_day(tmp_path, DAY, SETTINGS)
    assert [a.input_path for a in articles] == ["2025-09-01/inside.txt", "2025-09-01/ok.txt"]
    assert [(r.input_path, r.reason) for r in rejected] == [
        ("2025-09-01/escape.txt", "outside_landing_root"),
        ("2025-09-01/other-day.txt", "outside_landing_root"),
    ]
    assert str(secret) in rejected[0].detail


def test_not_a_regular_file(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes need a POSIX system")
    day_folder(tmp_path, DAY).mkdir(parents=True)
    os.mkfifo(day_folder(tmp_path, DAY) / "pipe.txt")
    only_rejection(load(tmp_path, "pipe.txt"), "not_a_file")


@pytest.mark.parametrize("ext", [".txt", ".json", ".jsonl", ".html"])
def test_random_bytes_never_raise(tmp_path: Path, ext: str) -> None:
    rng = random.Random(ext)
    samples = [bytes(rng.randrange(1, 256) for _ in range(rng.randrange(1, 400))) for _ in range(30)]
    samples += [b"[" * 5000, b'{"text": ' * 3000, b"<" * 2000, b"[1, {}, null]", b'{"text": "x", "id": {}}']
    for number, sample in enumerate(samples):
        put(tmp_path, f"f{number}{ext}", sample)
        for result in load(tmp_path, f"f{number}{ext}"):
            assert isinstance(result, RawArticle | Rejected)
            if isinstance(result, Rejected):
                assert result.reason in REASON_CODES and result.detail.startswith(f"2025-09-01/f{number}{ext}")


# --- discovery and whole days ----------------------------------------------------


def test_discover_sorts_and_skips_hidden_underscored_and_sidecars(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.jsonl", "sub/c.txt", ".hidden.txt", ".tmp/d.txt", "b.meta.json", "sub/c.meta.json", "_fetched.jsonl", "_feeds/wire.xml"]:
        put(tmp_path, rel, BODY)
    found = discover_files(tmp_path, DAY)
    assert [p.relative_to(day_folder(tmp_path, DAY)).as_posix() for p in found] == ["a.jsonl", "b.txt", "sub/c.txt"]


def test_missing_day_folder_is_an_empty_day(tmp_path: Path) -> None:
    assert discover_files(tmp_path, DAY) == []
    assert load_day(tmp_path, DAY, SETTINGS) == ([], [])


def test_load_day_reads_only_its_own_day(tmp_path: Path) -> None:
    put(tmp_path, "a.txt", BODY)
    put(tmp_path, "b.txt", BODY, day=date(2025, 9, 2))
    articles, rejected = load_day(tmp_path, DAY, SETTINGS)
    assert [a.input_path for a in articles] == ["2025-09-01/a.txt"]
    assert rejected == []


def test_load_day_is_deterministic(tmp_path: Path) -> None:
    put(tmp_path, "z.txt", BODY)
    put(tmp_path, "a.jsonl", '{"text": "Osk."}\nnot json\n')
    put(tmp_path, "m/n.html", PAGE)
    assert load_day(tmp_path, DAY, SETTINGS) == load_day(tmp_path, DAY, SETTINGS)


def test_too_many_articles_fails_loudly(tmp_path: Path) -> None:
    put(tmp_path, "feed.jsonl", "\n".join(json.dumps({"text": f"Item {i}."}) for i in range(5)))
    with pytest.raises(TooManyArticlesError, match="more than 3 articles"):
        load_day(tmp_path, DAY, SETTINGS.with_overrides(max_articles_per_day=3))


def test_seed_day() -> None:
    landing = PROJECT_ROOT / "seeds" / "landing"
    articles, rejected = load_day(landing, DAY, SETTINGS)
    assert rejected == []
    assert len(articles) == 1
    article = articles[0]
    assert article.source == "seed"
    assert article.source_id == "f019de8f538fb8ad"
    assert article.published_at == datetime(2025, 9, 1, tzinfo=UTC)
    assert article.text.startswith("ISLAMABAD:")
    assert article.title is None
    assert article.input_path == "2025-09-01/000_f019de8f538fb8ad.txt"


# --- hostile input: one test per case, each asserting the reason and where -----------
#
# The texts below are written for these tests: the same short council story in
# several languages, so only the language differs between them.

NOT_ENGLISH = {
    "french": (
        "Le conseil municipal de la ville a voté mardi soir pour la reconstruction du vieux pont de pierre sur la "
        "rivière. Les travaux doivent commencer au printemps prochain et dureront environ deux ans, selon le maire, "
        "qui a précisé que le coût sera partagé avec la région. Les commerçants de la rive est ont salué cette "
        "décision mais demandent que le passage piéton reste ouvert pendant le chantier."
    ),
    "german": (
        "Der Stadtrat hat am Dienstag beschlossen, die alte Steinbrücke über den Fluss neu zu bauen. Die Arbeiten "
        "sollen im nächsten Frühjahr beginnen und etwa zwei Jahre dauern, sagte der Bürgermeister am Abend. Die "
        "Kosten werden mit dem Land geteilt. Die Händler am Ostufer begrüßten den Plan, forderten aber, dass der "
        "Fußweg während der Bauarbeiten offen bleibt und dass die Stadt sie rechtzeitig informiert."
    ),
    "spanish": (
        "El ayuntamiento de la ciudad votó el martes para reconstruir el viejo puente de piedra sobre el río. Las "
        "obras comenzarán la próxima primavera y durarán unos dos años, según el alcalde, que explicó que el coste "
        "se compartirá con el gobierno regional. Los comerciantes de la orilla este celebraron la decisión, pero "
        "pidieron que el paso peatonal siga abierto durante las obras."
    ),
    "italian": (
        "Il consiglio comunale della città ha votato martedì per ricostruire il vecchio ponte di pietra sul fiume. "
        "I lavori inizieranno la prossima primavera e dureranno circa due anni, secondo il sindaco, che ha spiegato "
        "che il costo sarà diviso con la regione. I commercianti della riva est hanno accolto con favore la "
        "decisione, ma hanno chiesto che il passaggio pedonale resti aperto durante i lavori."
    ),
    "dutch": (
        "De gemeenteraad van de stad heeft dinsdag besloten de oude stenen brug over de rivier opnieuw te bouwen. "
        "De werkzaamheden beginnen volgend voorjaar en duren ongeveer twee jaar, zei de burgemeester. De kosten "
        "worden gedeeld met de provincie. De winkeliers op de oostoever zijn blij met het plan, maar vragen dat het "
        "voetpad tijdens de werkzaamheden open blijft en dat zij op tijd worden geïnformeerd."
    ),
    "portuguese": (
        "A câmara municipal da cidade votou na terça-feira a reconstrução da velha ponte de pedra sobre o rio. As "
        "obras vão começar na próxima primavera e devem durar cerca de dois anos, segundo o presidente da câmara, "
        "que explicou que o custo será dividido com o governo regional. Os comerciantes da margem leste aplaudiram "
        "a decisão, mas pediram que a passagem de peões continue aberta durante as obras."
    ),
    "indonesian": (
        "Dewan kota memutuskan pada hari Selasa untuk membangun kembali jembatan batu tua di atas sungai. Pekerjaan "
        "akan dimulai pada musim semi tahun depan dan diperkirakan berlangsung sekitar dua tahun, kata wali kota "
        "kepada wartawan. Biaya pembangunan akan dibagi dengan pemerintah provinsi. Para pedagang di tepi timur "
        "menyambut baik rencana itu, tetapi meminta agar jalan setapak tetap dibuka selama pekerjaan berlangsung."
    ),
    "polish": (
        "Rada miejska zdecydowała we wtorek o odbudowie starego kamiennego mostu na rzece. Prace mają się rozpocząć "
        "wiosną przyszłego roku i potrwać około dwóch lat, powiedział burmistrz. Koszty zostaną podzielone z "
        "władzami województwa. Kupcy na wschodnim brzegu z zadowoleniem przyjęli ten plan, ale poprosili, aby "
        "chodnik pozostał otwarty w czasie budowy i żeby miasto informowało ich na bieżąco o postępach prac."
    ),
    "turkish": (
        "Belediye meclisi salı günü nehir üzerindeki eski taş köprünün yeniden inşa edilmesine karar verdi. Belediye "
        "başkanının açıklamasına göre çalışmalar önümüzdeki ilkbaharda başlayacak ve yaklaşık iki yıl sürecek. "
        "Maliyet il yönetimi ile paylaşılacak. Doğu yakasındaki esnaf bu kararı memnuniyetle karşıladı, ancak "
        "inşaat süresince yaya yolunun açık kalmasını istedi. Bu karar için bir oylama yapıldı ve çok sayıda üye "
        "destek verdi."
    ),
    "russian": (
        "Городской совет во вторник проголосовал за восстановление старого каменного моста через реку. Работы "
        "начнутся следующей весной и продлятся около двух лет, сообщил мэр."
    ),
    "chinese": "市议会周二投票决定重建河上的旧石桥。市长表示，工程将于明年春天开始，预计持续约两年，费用将与省政府分担。东岸的商户对这一计划表示欢迎。",
    "arabic": (
        "صوّت مجلس المدينة يوم الثلاثاء على إعادة بناء الجسر الحجري القديم فوق النهر. وقال رئيس البلدية إن "
        "الأعمال ستبدأ في الربيع المقبل وستستمر نحو عامين."
    ),
}

STILL_ENGLISH = {
    "foreign_names": (
        "Polish Defence Minister Władysław Kosiniak-Kamysz met Türkiye's Hakan Fidan and President Recep Tayyip "
        "Erdoğan in Ankara on Monday, while Wang Yi, the envoy of Xi Jinping, spoke with Shehbaz Sharif and Ishaq "
        "Dar in Islamabad. Officials from the Bundesministerium für Wirtschaft und Klimaschutz and the Banco de "
        "España joined the talks by video, according to a statement from the Élysée, which said Crédit Agricole "
        "and Société Générale had sent observers."
    ),
    "list_of_names": (
        "Veltan squad: J Marsh (Arlen Rovers), T Okafor (Osk United), P de Vries (Brenna), K Nakamura (Arlen "
        "Rovers), L Fernández (Osk United), M Dubois (Brenna), R van Dijkstra (Tolm), S Kowalski (Tolm), D O'Neill "
        "(Arlen Rovers), H Al-Amin (Osk United), F Rossi (Brenna), G Papadopoulos (Tolm), A Nguyen (Osk United), "
        "B Schmidt (Arlen Rovers), Y Chen (Tolm), E Costa (Brenna)."
    ),
    "french_quote": (
        "The mayor of Veltan opened the new market on Saturday. \"C'est un grand jour pour la ville et pour les "
        "commerçants de la rive est\", said the French ambassador, who had travelled from the capital for the "
        "ceremony, before the mayor thanked the builders and the council."
    ),
    "short_foreign_words": "Osk: le marché est ouvert.",
    "short_other_script": "Veltan 市议会 votes.",
}


@pytest.mark.parametrize("language", sorted(NOT_ENGLISH))
def test_not_english_text_is_quarantined(tmp_path: Path, language: str) -> None:
    put(tmp_path, "feed.jsonl", json.dumps({"text": "Osk harbour reopens."}) + "\n" + json.dumps(
        {"id": language, "text": NOT_ENGLISH[language]}, ensure_ascii=False
    ))
    ok, rejected = load(tmp_path, "feed.jsonl")
    assert isinstance(ok, RawArticle)
    assert isinstance(rejected, Rejected) and rejected.reason == "not_english"
    assert rejected.input_path == "2025-09-01/feed.jsonl#2"
    assert rejected.detail.startswith("2025-09-01/feed.jsonl line 2: the article text is clearly not English: ")
    assert "only English articles are processed; line skipped, other lines loaded" in rejected.detail
    if language in ("russian", "chinese", "arabic"):
        assert "letters are Latin a-z" in rejected.detail
    else:
        assert "common words of other languages" in rejected.detail
    assert rejected.excerpt == NOT_ENGLISH[language][:200]


@pytest.mark.parametrize("case", sorted(STILL_ENGLISH))
def test_english_with_foreign_names_quotes_or_short_text_is_kept(tmp_path: Path, case: str) -> None:
    put(tmp_path, "a.txt", STILL_ENGLISH[case])
    assert only_article(load(tmp_path, "a.txt")).text == STILL_ENGLISH[case]


def test_not_english_html_page(tmp_path: Path) -> None:
    put(tmp_path, "seite.html", f"<html><body><article><p>{NOT_ENGLISH['german']}</p></article></body></html>")
    rejected = only_rejection(load(tmp_path, "seite.html"), "not_english")
    assert rejected.detail.startswith("2025-09-01/seite.html: the article text is clearly not English")


def test_utf16_file_is_binary(tmp_path: Path) -> None:
    put(tmp_path, "utf16.txt", BODY.encode("utf-16"))
    rejected = only_rejection(load(tmp_path, "utf16.txt"), "binary")
    assert rejected.detail.startswith("2025-09-01/utf16.txt: contains a NUL byte at offset 3")


def test_latin1_pound_sign_is_not_utf8_and_says_what_the_byte_is(tmp_path: Path) -> None:
    put(tmp_path, "latin1.txt", "Tickets to Osk now cost £5, up from £4.".encode("latin-1"))
    rejected = only_rejection(load(tmp_path, "latin1.txt"), "not_utf8")
    assert rejected.detail == (
        "2025-09-01/latin1.txt: is not valid UTF-8: byte offset 24 (bytes a3 35 2c 20: invalid start byte); "
        "it reads as Windows-1252/Latin-1 text, in which byte a3 is '£'; re-save it as UTF-8; file skipped"
    )


def test_invalid_utf8_that_is_no_legacy_text_gets_no_encoding_hint(tmp_path: Path) -> None:
    put(tmp_path, "junk.txt", b"Osk \xa3\x01\x02\x03 harbour")
    rejected = only_rejection(load(tmp_path, "junk.txt"), "not_utf8")
    assert "byte offset 4" in rejected.detail and "Windows-1252" not in rejected.detail


def test_unicode_whitespace_and_invisible_characters_only_is_empty_text(tmp_path: Path) -> None:
    put(tmp_path, "nbsp.txt", "\u00a0\u2003\n\u3000 ")
    rejected = only_rejection(load(tmp_path, "nbsp.txt"), "empty_text")
    assert rejected.detail.startswith("2025-09-01/nbsp.txt: the article text is empty or whitespace only")
    put(tmp_path, "marks.json", json.dumps({"text": "\u200b\u200b ... \u2014 \u200d!"}))
    rejected = only_rejection(load(tmp_path, "marks.json"), "empty_text")
    assert rejected.detail.startswith(
        "2025-09-01/marks.json: the article text has no letters or digits, only 11 characters"
    )


def test_real_50_mb_file_is_too_large_and_not_read_into_memory(tmp_path: Path) -> None:
    import tracemalloc

    limit = SETTINGS.max_file_bytes
    assert limit == 50 * 1024 * 1024  # the documented default
    line = b"The Osk harbour board met again on Tuesday to discuss the ferry timetable.\n"
    path = day_folder(tmp_path, DAY) / "huge.txt"
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        for _ in range(limit // len(line) + 2):
            handle.write(line)
    size = path.stat().st_size
    assert size > limit
    tracemalloc.start()
    try:
        results = load(tmp_path, "huge.txt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rejected = only_rejection(results, "too_large")
    assert rejected.detail.startswith(f"2025-09-01/huge.txt: is {size:,} bytes, over the limit of {limit:,} bytes")
    assert "was not read" in rejected.detail
    assert rejected.excerpt is not None and rejected.excerpt.startswith("The Osk harbour board")
    assert peak < 2 * 1024 * 1024  # a 1 KB head for the excerpt, never the 50 MB


def test_real_50_mb_article_under_the_file_limit_is_too_large_by_characters(tmp_path: Path) -> None:
    line = "The Osk harbour board met again on Tuesday to discuss the ferry timetable.\n"
    text = line * (50_000_000 // len(line))
    put(tmp_path, "long.txt", text)
    assert 49_000_000 < (day_folder(tmp_path, DAY) / "long.txt").stat().st_size <= SETTINGS.max_file_bytes
    rejected = only_rejection(load(tmp_path, "long.txt"), "too_large")
    chars = len(text.strip())
    assert rejected.detail.startswith(
        f"2025-09-01/long.txt: the article text is {chars:,} characters, over the limit of 1,000,000"
    )


def test_html_scripts_styles_and_comments_are_not_text(tmp_path: Path) -> None:
    page = (
        "<html><head><style>p { color: red } /* STYLE-MARKER */</style>"
        "<script>document.write('SCRIPT-MARKER')</script>"
        '<script type="application/ld+json">{"headline": "JSON-MARKER"}</script></head>'
        '<body onload="alert(\'HANDLER-MARKER\')"><!-- COMMENT-MARKER -->'
        "<article><p>The Osk ferry will run twice a day from October, the harbour board said on Tuesday.</p>"
        "<script>var x = '</p>SCRIPT-MARKER-2<p>';</script><noscript>NOSCRIPT-MARKER</noscript>"
        "<p>Tickets will cost the same as last year, and the first boat leaves at seven.</p></article></body></html>"
    )
    put(tmp_path, "scripts.html", page)
    article = only_article(load(tmp_path, "scripts.html"))
    assert "The Osk ferry will run twice a day" in article.text and "first boat leaves at seven" in article.text
    assert "MARKER" not in article.text


def nested_page(depth: int) -> str:
    article = "<p>The Osk ferry will run twice a day from October, the harbour board said.</p>"
    return f"<html><body>{'<div>' * depth}{article}{'</div>' * depth}<p>Tickets cost the same.</p></body></html>"


@pytest.mark.parametrize("depth", [300, 5_000, 100_000])
def test_deeply_nested_html_is_html_too_deep(tmp_path: Path, depth: int) -> None:
    put(tmp_path, "deep.html", nested_page(depth))
    rejected = only_rejection(load(tmp_path, "deep.html"), "html_too_deep")
    assert rejected.detail.startswith("2025-09-01/deep.html: has elements nested more than 255 deep (from line 1)")


def test_nested_html_within_the_parser_limit_loads(tmp_path: Path) -> None:
    put(tmp_path, "nested.html", nested_page(250))
    article = only_article(load(tmp_path, "nested.html"))
    assert "The Osk ferry will run twice a day" in article.text and "Tickets cost the same." in article.text


def test_json_number_too_long_to_read_is_bad_json(tmp_path: Path) -> None:
    put(tmp_path, "big.json", '{"id": ' + "7" * 5000 + ', "text": "Osk harbour reopens."}')
    rejected = only_rejection(load(tmp_path, "big.json"), "bad_json")
    assert rejected.detail.startswith("2025-09-01/big.json: is JSON that cannot be read (Exceeds the limit")
    put(tmp_path, "big.jsonl", '{"text": "Osk harbour reopens."}\n{"id": ' + "7" * 5000 + ', "text": "x"}\n')
    ok, rejected = load(tmp_path, "big.jsonl")
    assert isinstance(ok, RawArticle)
    assert isinstance(rejected, Rejected) and rejected.reason == "bad_json"
    assert rejected.detail.startswith("2025-09-01/big.jsonl line 2: is JSON that cannot be read")


@pytest.mark.parametrize("field", ["text", "title", "source", "url", "id"])
def test_unpaired_surrogate_escape_is_bad_field(tmp_path: Path, field: str) -> None:
    record = {"text": "Osk harbour reopens.", field: "Osk \ud83d harbour"}
    put(tmp_path, "feed.jsonl", json.dumps(record) + "\n")  # json.dumps writes the escape \ud83d
    rejected = only_rejection(load(tmp_path, "feed.jsonl"), "bad_field")
    assert rejected.detail == (
        f"2025-09-01/feed.jsonl line 1: field {field!r} holds an unpaired surrogate escape (\\ud83d) at character 4, "
        "which is not a character; fix the JSON encoding of the producer; line skipped, other lines loaded"
    )
    for value in (rejected.detail, rejected.source, rejected.excerpt or ""):
        value.encode("utf-8")  # storable: no lone surrogate left in the rejection


def test_record_with_only_text_loads_with_defaults(tmp_path: Path) -> None:
    put(tmp_path, "feed.jsonl", json.dumps({"text": "Osk harbour reopens."}) + "\n")
    article = only_article(load(tmp_path, "feed.jsonl"))
    assert (article.source, article.source_id, article.url, article.title, article.published_at) == (
        "landing", None, None, None, None
    )


def test_missing_text_in_a_json_array_names_the_index(tmp_path: Path) -> None:
    put(tmp_path, "many.json", json.dumps([{"text": "Osk harbour reopens."}, {"id": "x", "title": "No body"}]))
    ok, rejected = load(tmp_path, "many.json")
    assert isinstance(ok, RawArticle)
    assert isinstance(rejected, Rejected) and rejected.reason == "missing_text"
    assert rejected.input_path == "2025-09-01/many.json#1"
    assert rejected.detail.startswith("2025-09-01/many.json array index 1: no 'text' field")


@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31T23:00:00-05:00",  # valid ISO 8601, but in the year 10000 once in UTC
        "0001-01-01T00:30:00+01:00",  # and this one in the year 0
    ],
)
def test_published_at_out_of_range_in_utc_is_bad_published_at(tmp_path: Path, value: str) -> None:
    put(tmp_path, "r.json", json.dumps({"text": "Osk harbour reopens.", "published_at": value}))
    rejected = only_rejection(load(tmp_path, "r.json"), "bad_published_at")
    assert rejected.detail == (
        f"2025-09-01/r.json: published_at {value!r} is outside the years 1-9999 once converted to UTC; file skipped"
    )


@pytest.mark.parametrize(
    ("published_at", "kept"),
    [
        ("2025-09-01T23:59:59Z", True),  # the landing day itself
        ("2025-09-02T14:00:00", True),  # local time without an offset, the next day: tolerated
        ("2025-09-03T00:00:00Z", True),  # exactly a day after the landing day ends
        ("2025-09-03T00:00:01Z", False),
        ("2026-09-01", False),  # the wrong year
    ],
)
def test_future_published_at(tmp_path: Path, published_at: str, kept: bool) -> None:
    put(tmp_path, "feed.jsonl", json.dumps({"text": "Osk harbour reopens.", "published_at": published_at}) + "\n")
    results = load(tmp_path, "feed.jsonl")
    if kept:
        assert only_article(results).published_at == parse_published_at(published_at)
        return
    rejected = only_rejection(results, "future_published_at")
    assert rejected.detail == (
        f"2025-09-01/feed.jsonl line 1: published_at {parse_published_at(published_at).isoformat()} is more than a "
        "day after the landing day 2025-09-01 ends (the latest accepted is 2025-09-03T00:00:00+00:00); an article "
        "cannot be published after it lands, so the date is wrong (year or time zone?): fix it and land it again; "
        "line skipped, other lines loaded"
    )


def test_future_published_at_from_a_sidecar_rejects_the_file(tmp_path: Path) -> None:
    put(tmp_path, "a.txt", BODY)
    put(tmp_path, "a.meta.json", json.dumps({"published_at": "2035-01-01"}))
    rejected = only_rejection(load(tmp_path, "a.txt"), "future_published_at")
    assert rejected.detail.startswith("2025-09-01/a.txt: published_at 2035-01-01T00:00:00+00:00 is more than a day")


def test_future_date_in_a_pages_own_metadata_is_dropped_not_rejected(tmp_path: Path) -> None:
    put(tmp_path, "page.html", PAGE.replace("2025-09-01T08:30:00+02:00", "2031-05-01T08:30:00+02:00"))
    article = only_article(load(tmp_path, "page.html"))
    assert article.published_at is None
    assert article.title == "Veltan votes to rebuild its stone bridge"


def test_path_with_dot_dot_is_outside_landing_root(tmp_path: Path) -> None:
    put(tmp_path, "other.txt", BODY, day=date(2025, 9, 2))
    climbing = day_folder(tmp_path, DAY) / ".." / "2025-09-02" / "other.txt"
    rejected = only_rejection(list(load_file(climbing, tmp_path, SETTINGS)), "outside_landing_root")
    assert rejected.input_path == "2025-09-01/../2025-09-02/other.txt"
    assert rejected.detail == (
        "2025-09-01/../2025-09-02/other.txt: its path goes up a folder with '..'; only files inside their day "
        "folder are read; file skipped"
    )


def test_relative_symlink_climbing_out_with_dot_dot(tmp_path: Path) -> None:
    root = tmp_path / "landing"
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Not part of any landing day.")
    day_folder(root, DAY).mkdir(parents=True)
    (day_folder(root, DAY) / "escape.txt").symlink_to(Path("..") / ".." / "elsewhere" / "secret.txt")
    articles, rejected = load_day(root, DAY, SETTINGS)
    assert articles == []
    assert [(r.input_path, r.reason) for r in rejected] == [("2025-09-01/escape.txt", "outside_landing_root")]
    assert rejected[0].detail.startswith(f"2025-09-01/escape.txt: resolves to {secret.resolve()}, outside the day")


def test_symlink_loop_is_unreadable(tmp_path: Path) -> None:
    folder = day_folder(tmp_path, DAY)
    folder.mkdir(parents=True)
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    articles, rejected = load_day(tmp_path, DAY, SETTINGS)
    assert articles == []
    assert [(r.input_path, r.reason) for r in rejected] == [
        ("2025-09-01/a.txt", "unreadable"),
        ("2025-09-01/b.txt", "unreadable"),
    ]
    assert all("could not be resolved" in r.detail for r in rejected)


def test_file_name_not_utf8_is_bad_file_name(tmp_path: Path) -> None:
    folder = day_folder(tmp_path, DAY)
    folder.mkdir(parents=True)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(BODY.encode())
    articles, rejected = load_day(tmp_path, DAY, SETTINGS)
    assert articles == []
    assert [(r.input_path, r.reason) for r in rejected] == [("2025-09-01/caf\\xe9.txt", "bad_file_name")]
    assert rejected[0].detail == (
        "2025-09-01/caf\\xe9.txt: its name is not valid UTF-8 (shown here with \\x escapes); rename it with a "
        "UTF-8 name and land it again; file skipped"
    )


def test_empty_json_array_is_empty_text(tmp_path: Path) -> None:
    put(tmp_path, "none.json", " [ ] ")
    rejected = only_rejection(load(tmp_path, "none.json"), "empty_text")
    assert rejected.detail == (
        "2025-09-01/none.json: holds an empty JSON array, so no articles; remove it or land it again; file skipped"
    )


def test_html_fallback_with_control_characters_does_not_crash(tmp_path: Path) -> None:
    # lxml keeps a backspace or U+FFFE from the page but refuses them when the tree is edited
    put(tmp_path, "odd.html", "<p>Osk harbour reopens.</p>\x08 Tickets \ufffe cost the same.")
    article = only_article(load(tmp_path, "odd.html"))
    assert article.text == "Osk harbour reopens.\nTickets cost the same."
