"""Generated input for the loaders and the extractor: nothing raises, every result is well formed.

Hypothesis drives :func:`newsgraph.ingest.landing.load_file` with random bytes,
random text, JSON and JSON Lines with missing, mistyped and out-of-range fields,
and HTML fragments, and drives :func:`newsgraph.nlp.extract.extract_texts` with
texts mixing news words, numbers, currencies, scale words, dates, unicode and
punctuation. The runs are derandomised with a bounded number of examples, so the
suite is reproducible and stays fast.
"""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest import REASON_CODES, RawArticle, Rejected, load_day, load_file
from newsgraph.ingest.landing import MAX_PUBLISHED_AFTER_LANDING, day_folder
from newsgraph.ingest.language import not_english_reason
from newsgraph.nlp.extract import extract_texts
from newsgraph.settings import Settings

DAY = date(2025, 9, 1)
#: Small limits, so that generated input runs into them.
SETTINGS = Settings().with_overrides(max_article_chars=3_000, max_file_bytes=24_000)
LOADER_RUNS = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
EXTRACTOR_RUNS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- generated files ------------------------------------------------------------------

NEWS_WORDS = [
    "The", "council", "of", "Veltan", "said", "on", "Monday", "that", "the", "bridge", "over", "Arlen", "river",
    "will", "cost", "$7", "million", "and", "open", "in", "March", "2026", ".", ",", "\n", "\n\n", "Osk", "harbour",
]
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(NEWS_WORDS), max_size=80).map(" ".join),
    st.text(st.characters(codec="utf-8"), max_size=50),
    st.text(st.characters(categories=["Cs", "Cc", "Cf", "Zs", "Lo", "Mn"]), max_size=40),  # lone surrogates too
    st.sampled_from(["", " ", "\u00a0\u200b", "x" * 3_001, "Osk " * 900]),
)
OFFSETS = st.integers(min_value=-23 * 60, max_value=23 * 60).map(lambda m: timezone(timedelta(minutes=m)))
PUBLISHED_AT = st.one_of(
    st.datetimes(timezones=st.one_of(st.none(), st.just(UTC), OFFSETS)).map(datetime.isoformat),
    st.dates().map(date.isoformat),
    st.sampled_from(
        ["9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+01:00", "2025-09-01T08:00:00Z", "2025-09-03T00:00:01Z",
         "2031-01-01", "yesterday", "", "2025-13-45", "2025-09-01Tnoon"]
    ),
    st.text(max_size=30),
)
JSON_SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), TEXT
)
JSON_VALUE = st.recursive(
    JSON_SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)
FIELD_VALUES = {
    "id": st.one_of(st.text(max_size=20), st.integers(), JSON_VALUE),
    "url": st.one_of(st.text(max_size=40), JSON_VALUE),
    "title": st.one_of(TEXT, JSON_VALUE),
    "published_at": st.one_of(PUBLISHED_AT, JSON_VALUE),
    "source": st.one_of(st.text(max_size=20), JSON_VALUE),
    "text": st.one_of(TEXT, TEXT, JSON_VALUE),
}
SENTENCE = st.lists(st.sampled_from(NEWS_WORDS), min_size=1, max_size=40).map(" ".join)
#: Mostly valid records, so that one wrong field at a time gets past the checks before it.
GOOD_RECORD = st.fixed_dictionaries(
    {"text": SENTENCE},
    optional={
        "id": st.text(max_size=12),
        "title": SENTENCE,
        "published_at": st.datetimes(timezones=st.just(UTC)).map(datetime.isoformat),
        "source": st.sampled_from(["wire", "gazette"]),
    },
)
HOSTILE_FIELD = st.one_of(
    st.tuples(st.just("text"), st.tuples(SENTENCE, st.characters(categories=["Cs"])).map("".join)),
    st.tuples(st.sampled_from(sorted(FIELD_VALUES)), st.characters(categories=["Cs"])),
    st.tuples(st.just("published_at"), PUBLISHED_AT),
    st.tuples(st.sampled_from(sorted(FIELD_VALUES)), JSON_VALUE),
)
RECORD = st.one_of(
    st.fixed_dictionaries({}, optional=FIELD_VALUES),
    st.tuples(GOOD_RECORD, st.lists(HOSTILE_FIELD, max_size=2)).map(lambda p: {**p[0], **dict(p[1])}),
)
#: Valid JSON syntax that Python still refuses: a whole number of more than 4,300 digits.
LONG_NUMBER = st.integers(min_value=4_301, max_value=4_400).map(lambda n: '{"id": ' + "7" * n + ', "text": "Osk."}')


def _json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=True, allow_nan=True)  # lone surrogates become \\udXXX escapes


def _cut(data: bytes, at: int) -> bytes:
    return data[: at % (len(data) + 1)]


JSON_FILE = st.one_of(
    st.one_of(RECORD, st.lists(st.one_of(RECORD, JSON_VALUE), max_size=5), JSON_VALUE).map(_json_text),
    LONG_NUMBER,
).map(str.encode)
JSONL_FILE = st.lists(
    st.one_of(RECORD.map(_json_text), JSON_VALUE.map(_json_text), LONG_NUMBER, st.text(max_size=40)),
    max_size=8,
).map(lambda lines: "\n".join(line.replace("\n", " ") for line in lines).encode("utf-8", "surrogatepass"))

TAGS = ["p", "div", "span", "article", "main", "nav", "script", "style", "noscript", "h1", "a", "table", "td", "b"]
HTML_TEXT = st.one_of(
    st.lists(st.sampled_from(NEWS_WORDS), max_size=30).map(" ".join),
    st.text(max_size=30).map(lambda t: t.replace("<", "&lt;")),
    st.sampled_from(
        ["&amp;", "&#xD800;", "&#0;", "&#x110000;", "&nbsp;", "<!-- note -->", "<br>", "</p>", "<", "\x08", "\ufffe"]
    ),
)
HTML_NODE = st.recursive(
    HTML_TEXT,
    lambda inner: st.tuples(st.sampled_from(TAGS), st.lists(inner, max_size=4)).map(
        lambda node: f"<{node[0]}>{''.join(node[1])}</{node[0]}>"
    ),
    max_leaves=20,
)
HTML_FILE = st.one_of(
    HTML_NODE,
    st.tuples(st.text(max_size=30), HTML_NODE).map(
        lambda p: f"<html><head><title>{p[0]}</title></head><body>{p[1]}</body></html>"
    ),
    st.integers(min_value=200, max_value=3_000).map(lambda n: "<div>" * n + "<p>Osk harbour reopens.</p>"),
).map(lambda html: html.encode("utf-8", "surrogatepass"))

FILE_CONTENT = st.one_of(
    st.binary(max_size=600),
    TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.booleans(), st.lists(st.sampled_from(NEWS_WORDS), max_size=60)).map(
        lambda p: (b"\xef\xbb\xbf" if p[0] else b"") + "\r\n".join(p[1]).encode()
    ),
    JSON_FILE,
    JSONL_FILE,
    HTML_FILE,
    st.tuples(st.one_of(JSON_FILE, JSONL_FILE, HTML_FILE), st.integers(min_value=0)).map(lambda p: _cut(*p)),
    st.integers(min_value=24_001, max_value=30_000).map(lambda n: b"Osk " * (n // 4 + 1)),
)
EXTENSIONS = st.sampled_from([".txt", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".pdf", ""])
SIDECAR = st.one_of(
    st.none(), st.none(), JSON_FILE, GOOD_RECORD.map(_json_text).map(str.encode), st.binary(max_size=80)
)


def _storable(value: str | None) -> bool:
    """What a Parquet string column accepts: text that encodes as UTF-8 (no lone surrogates)."""
    if value is None:
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check(results: list[RawArticle | Rejected], rel: str) -> None:
    latest = datetime.combine(DAY, datetime.min.time(), UTC) + MAX_PUBLISHED_AFTER_LANDING
    for result in results:
        assert isinstance(result, RawArticle | Rejected), result
        assert result.input_path == rel or result.input_path.startswith(rel + "#"), result
        assert result.received_at.tzinfo is not None
        assert _storable(result.source) and _storable(result.input_path)
        if isinstance(result, Rejected):
            assert result.reason in REASON_CODES, result
            assert result.detail.startswith(rel), result
            assert _storable(result.detail) and _storable(result.excerpt), result
            assert result.excerpt is None or (result.excerpt.strip() and len(result.excerpt) <= 200)
            continue
        text = result.text
        assert text and text == text.strip() and "\r" not in text, result
        assert any(c.isalnum() for c in text)
        assert len(text) <= SETTINGS.max_article_chars
        assert not_english_reason(text) is None
        assert all(_storable(v) for v in (text, result.title, result.url, result.source_id)), result
        if result.published_at is not None:
            assert result.published_at.utcoffset() == timedelta(0)
            assert result.published_at <= latest


def _load_generated(content: bytes, extension: str, sidecar: bytes | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = day_folder(root, DAY)
        folder.mkdir(parents=True)
        path = folder / f"input{extension}"
        path.write_bytes(content)
        if sidecar is not None:
            (folder / "input.meta.json").write_bytes(sidecar)
        results = list(load_file(path, root, SETTINGS))
    assert results, "every file gives at least one article or rejection"
    _check(results, f"{DAY.isoformat()}/input{extension}")


@LOADER_RUNS
@given(content=FILE_CONTENT, extension=EXTENSIONS, sidecar=SIDECAR)
def test_load_file_on_any_content_under_any_extension(content: bytes, extension: str, sidecar: bytes | None) -> None:
    _load_generated(content, extension, sidecar)


@LOADER_RUNS
@given(
    file=st.one_of(
        st.tuples(JSON_FILE, st.just(".json")), st.tuples(JSONL_FILE, st.sampled_from([".jsonl", ".ndjson"]))
    )
)
def test_load_file_on_json_and_json_lines_with_missing_mistyped_and_hostile_fields(file: tuple[bytes, str]) -> None:
    _load_generated(*file)


@settings(LOADER_RUNS, max_examples=100)
@given(content=HTML_FILE, extension=st.sampled_from([".html", ".htm"]), sidecar=SIDECAR)
def test_load_file_on_html_fragments_and_pages(content: bytes, extension: str, sidecar: bytes | None) -> None:
    _load_generated(content, extension, sidecar)


@settings(LOADER_RUNS, max_examples=60)
@given(depth=st.integers(min_value=1, max_value=3_000), tag=st.sampled_from(["div", "span", "b", "section"]))
def test_nested_html_keeps_its_text_or_says_it_is_too_deep(depth: int, tag: str) -> None:
    """Past the parser's depth limit the text after that point is lost: that must be a rejection, never a
    silently shortened or empty article."""
    page = f"<html><body>{f'<{tag}>' * depth}<p>Osk harbour reopens on Friday.</p>{f'</{tag}>' * depth}"
    page += "<p>Tickets cost the same.</p></body></html>"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        day_folder(root, DAY).mkdir(parents=True)
        (day_folder(root, DAY) / "page.html").write_text(page, encoding="utf-8")
        (result,) = load_file(day_folder(root, DAY) / "page.html", root, Settings())
    if isinstance(result, Rejected):
        assert result.reason == "html_too_deep" and depth > 250, result
    else:
        assert "Osk harbour reopens on Friday." in result.text and "Tickets cost the same." in result.text


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(FILE_CONTENT, EXTENSIONS), min_size=1, max_size=5))
def test_load_day_over_generated_files_gives_what_each_file_gives(files: list[tuple[bytes, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = day_folder(root, DAY)
        folder.mkdir(parents=True)
        for number, (content, extension) in enumerate(files):
            (folder / f"f{number}{extension}").write_bytes(content)
        articles, rejected = load_day(root, DAY, SETTINGS)
        one_by_one = [r for path in sorted(folder.iterdir()) for r in load_file(path, root, SETTINGS)]
    assert articles == [r for r in one_by_one if isinstance(r, RawArticle)]
    assert rejected == [r for r in one_by_one if isinstance(r, Rejected)]


# --- generated texts for the extractor --------------------------------------------------

EXTRACTOR_WORDS = [
    "The", "Central", "Bank", "of", "Kenya", "said", "on", "Monday", "last", "week", "next", "year", "in", "March",
    "Mr", "Ahmed", "Khan", "Lagos", "Islamabad", "IMF", "Acme", "Corp", "Ltd", "Inc.", "Karachi", "Ontario",
    "$", "£", "€", "¥", "₹", "₦", "Rs", "Rs.", "PKR", "USD", "EUR", "GBP", "KSh", "C$", "US$", "N", "R", "kr",
    "million", "bn", "billion", "m", "k", "mn", "crore", "lakh", "trillion", "half", "a", "dozen",
    "dollars", "pounds", "euros", "rupees", "yen", "naira", "shillings", "p", "cents",
    "about", "more than", "up to", "between", "and", "to", "-", "–", "—", "per", "cent", "%",
    "tomorrow", "yesterday", "Friday", "31 December", "Dec.", "12/31/2025", "2025-09-01", "1999", "2099", "0001",
    "'s", "’", "“", "”", "…", "(", ")", "[", "]", ",", ".", ":", ";", "/", "\u00a0", "\u200b", "\u0301", "é",
    "ß", "İ", "ﬁ", "😀", "中国", "Москва", "١٢٣", "٫",
]
NUMBER = st.one_of(
    st.from_regex(r"[0-9]{1,3}(,[0-9]{3}){0,4}(\.[0-9]{1,3})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,40}", fullmatch=True),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
)
PIECE = st.one_of(st.sampled_from(EXTRACTOR_WORDS), NUMBER, st.text(max_size=3))
SEPARATOR = st.sampled_from(["", " ", " ", " ", "\n", "\n\n", "\t", "-", "\u00a0"])
NEWS_TEXT = st.one_of(
    st.lists(st.tuples(PIECE, SEPARATOR), max_size=60).map(lambda parts: "".join(a + b for a, b in parts)),
    st.text(max_size=200),
)
REFERENCE_DATE = st.one_of(
    st.none(), st.dates(), st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2025, 9, 1)])
)


def _spans(extraction) -> list[tuple[str, int, int, str]]:
    return (
        [("entity", m.start, m.end, m.text) for m in extraction.entities]
        + [("amount", a.match.start, a.match.end, a.match.text) for a in extraction.amounts]
        + [("date", d.date.start, d.date.end, d.date.text) for d in extraction.dates]
    )


@EXTRACTOR_RUNS
@given(items=st.lists(st.tuples(NEWS_TEXT, REFERENCE_DATE), min_size=1, max_size=3))
def test_extractor_never_raises_and_every_offset_is_inside_the_text(nlp, reference, items) -> None:
    inputs = [(f"k{i}", text, ref) for i, (text, ref) in enumerate(items)]
    extractions = list(extract_texts(nlp, reference, inputs))
    assert [e.key for e in extractions] == [key for key, _, _ in inputs]
    for (_, text, _), extraction in zip(inputs, extractions):
        for kind, start, end, span_text in _spans(extraction):
            assert 0 <= start < end <= len(text), (kind, start, end, text)
            assert text[start:end] == span_text, (kind, start, end, span_text, text)
        for index in [m.sentence_idx for m in extraction.entities] + [a.sentence_idx for a in extraction.amounts] + [
            d.sentence_idx for d in extraction.dates
        ]:
            assert index >= 0
