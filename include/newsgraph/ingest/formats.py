"""Content-level parsing shared by the landing loaders: bytes to text, dates, titles, HTML.

Everything here works on values already read from disk and knows nothing about
paths, so each rule can be tested on its own. A problem with the content is
raised as :class:`ContentProblem` carrying a reason code and a message; the
loader adds the file name and turns it into a quarantine row.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

log = logging.getLogger(__name__)

#: Longest first line (in characters) still taken as a title of a ``.txt`` article.
MAX_TITLE_CHARS = 200
#: A first line ending like this is a sentence (or a dateline such as "ISLAMABAD:"),
#: not a headline.
_SENTENCE_ENDINGS = (".", "!", "?", "\u201d", '"', "\u2026", ":", ";", ",")
#: When trafilatura finds no main text, the plain text of <body> is used only if it
#: is at most this long: a long page with no main text is navigation or boilerplate.
FALLBACK_MAX_CHARS = 5_000
#: How deep libxml2 nests HTML elements before it stops reading the page.
MAX_HTML_DEPTH = 255
#: Elements never part of an article's text in the plain <body> fallback.
_FALLBACK_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe", "svg")
#: Elements after which the fallback starts a new line, so paragraphs do not run together.
_BLOCK_TAGS = frozenset(
    "address article blockquote br dd div dl dt figcaption h1 h2 h3 h4 h5 h6 header hr li main ol p pre section "
    "table td th tr ul".split()
)
#: Navigation menus are pruned before trafilatura runs: its recall fallback keeps
#: them on short pages otherwise. So is <noscript>, which holds notices such as "enable
#: JavaScript" and fallbacks for browsers without scripts (the <body> fallback drops it too).
_PRUNE_XPATH = ["//nav", "//noscript"]
#: htmldate settings fixed so that re-running over the same file gives the same date:
#: no clock-dependent upper bound and no guessing from dates mentioned in the body.
_DATE_CONFIG = {
    "original_date": True,
    "extensive_search": False,
    "max_date": "2100-01-01",
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_UTF8_BOM = b"\xef\xbb\xbf"
#: Code points that are not characters on their own: a JSON "\\ud800" escape decodes to one.
_SURROGATES = re.compile(r"[\ud800-\udfff]")
#: Characters lxml refuses in a string given to the tree, although its parser keeps them from a page.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Control characters that never occur in a text file written in a legacy 8-bit encoding.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ContentProblem(Exception):
    """One input cannot become an article; ``reason`` is the quarantine code."""

    def __init__(self, reason: str, message: str, raw: bytes | str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        #: The offending content, when it is more specific than the whole input.
        self.raw = raw


@dataclass(frozen=True)
class HtmlMetadata:
    """What the page itself says about the article; any field may be unknown."""

    title: str | None = None
    url: str | None = None
    published_at: datetime | None = None


def find_nul(data: bytes) -> int | None:
    """Offset of the first NUL byte: text files never hold one, binary and UTF-16 files do."""
    offset = data.find(b"\x00")
    return None if offset < 0 else offset


def binary_message(offset: int) -> str:
    return (
        f"contains a NUL byte at offset {offset}, so it is binary or UTF-16 rather than UTF-8 text; "
        "land plain UTF-8 text only"
    )


def decode_utf8(data: bytes, base_offset: int = 0) -> str:
    """Decode strictly as UTF-8 without a BOM.

    Other encodings are never guessed, even when the bytes read cleanly as
    Windows-1252/Latin-1 (a pound sign saved as the single byte A3): a wrong guess
    would corrupt names and currency symbols silently, while the quarantine message
    says what the byte would be in that encoding, so the fix (re-save as UTF-8) is
    obvious. ``base_offset`` is added to the reported offset when ``data`` is a slice
    of a file (one JSONL line), so the message points at the right byte of the file.
    """
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
        base_offset += len(_UTF8_BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 4].hex(" ")
        raise ContentProblem(
            "not_utf8",
            f"is not valid UTF-8: byte offset {base_offset + err.start} (bytes {bad}: {err.reason})"
            f"{_legacy_encoding_hint(data, err.start)}; re-save it as UTF-8",
        ) from None


def _legacy_encoding_hint(data: bytes, offset: int) -> str:
    """What the bad byte stands for in Windows-1252 (Latin-1's printable characters and more),
    when all of ``data`` reads as text in that encoding."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    if _BINARY_CONTROLS.search(text):
        return ""
    char = data[offset : offset + 1].decode("cp1252")
    return f"; it reads as Windows-1252/Latin-1 text, in which byte {data[offset]:02x} is {char!r}"


def find_surrogate(text: str) -> int | None:
    """Index of the first lone UTF-16 surrogate in ``text``: no UTF-8 file or Parquet column can store one."""
    match = _SURROGATES.search(text)
    return None if match is None else match.start()


def storable(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD, so it can be written to a table."""
    return _SURROGATES.sub("\ufffd", text)


#: An HTML character reference left in plain text by a feed ("Pap&#233;", "&#163;5m", "&amp;"), with its
#: semicolon; "AT&T" and "R&D" are no references.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def normalise_text(text: str) -> str:
    """Unix newlines, no surrounding whitespace and character references decoded ("Pap&#233;" is "Papé",
    "&#163;5m" is "£5m"), so names and amounts read as written and character offsets are stable downstream."""
    text = _CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group()), text)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def clean_field(value: str | None) -> str | None:
    """A metadata string on one line without extra spaces; blank counts as not given."""
    if value is None:
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def looks_like_title(line: str) -> bool:
    """A headline is short and does not end like a sentence (or a dateline such as "ISLAMABAD:")."""
    line = line.strip()
    return bool(line) and len(line) <= MAX_TITLE_CHARS and not line.endswith(_SENTENCE_ENDINGS)


def split_title(text: str) -> tuple[str | None, str]:
    """Split a plain-text article into (title, body) when its first line reads as a headline.

    The first line counts as a title only when more text follows it, so a one-line
    article keeps its only line as its text. ``text`` must already be normalised.
    """
    first, _, rest = text.partition("\n")
    rest = rest.strip()
    if rest and looks_like_title(first):
        return clean_field(first), rest
    return None, text


def drop_leading_title(text: str, title: str | None) -> str:
    """Remove a first line that repeats the title, so the text holds the body only.

    Comparison ignores case and spacing: sidecars and page metadata often differ from
    the printed headline in those alone.
    """
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if rest.strip() and _same_words(first, title):
        return rest.strip()
    return text


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def parse_published_at(value: object, field: str = "published_at") -> datetime | None:
    """An ISO 8601 date or datetime as aware UTC; a date alone means midnight UTC.

    A trailing "Z" is accepted and a value without an offset is taken as UTC, because
    feeds commonly write both. Anything else is refused rather than guessed.
    """
    if value is None:
        return None
    example = "e.g. 2025-09-01 or 2025-09-01T08:30:00Z"
    if not isinstance(value, str):
        raise ContentProblem(
            "bad_published_at",
            f"{field} must be an ISO 8601 string ({example}), got {type(value).__name__} {value!r}",
        )
    raw = value.strip()
    if not raw:
        return None
    utc_suffix = raw[-1] in "zZ"
    candidate = raw[:-1] if utc_suffix else raw
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        parsed = None
    if parsed is None or (utc_suffix and parsed.tzinfo is not None):
        raise ContentProblem(
            "bad_published_at", f"{field} {storable(value)!r} is not an ISO 8601 date or datetime ({example})"
        )
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:  # "9999-12-31T23:00:00-05:00" is valid ISO 8601 but falls in the year 10000 in UTC
        raise ContentProblem(
            "bad_published_at", f"{field} {value!r} is outside the years 1-9999 once converted to UTC"
        ) from None


def excerpt(raw: bytes | str | None, limit: int = 200) -> str | None:
    """The first ``limit`` characters of raw content, safe to store and print.

    Undecodable bytes and lone surrogates become U+FFFD and control characters (NUL
    included) are replaced too, so an excerpt of a binary file does not break logs or tables.
    """
    if raw is None:
        return None
    text = raw[: limit * 4].decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    text = _CONTROL_CHARS.sub("\ufffd", storable(text[:limit]))
    return text if text.strip() else None


def html_main_text(html: str) -> str:
    """The article text of a page: trafilatura first, plain <body> text for short pages.

    trafilatura discards boilerplate (menus, comments, scripts) but returns nothing
    for fragments and tiny pages; those are short enough that their whole <body>
    text is the article. A long page without main text is refused instead, since its
    body would be navigation and boilerplate. So is a page nested deeper than the
    HTML parser reads (:func:`check_parser_limits`), whose text would be cut short.
    """
    import trafilatura  # imported here: loading it is slow and only HTML inputs need it

    check_parser_limits(html)
    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_recall=True, prune_xpath=_PRUNE_XPATH
        )
    except Exception as err:  # noqa: BLE001 - any parser failure on bad markup is a content problem
        raise ContentProblem("html_parse_error", f"could not be parsed as HTML ({type(err).__name__}: {err})") from None
    if text and text.strip():
        return text
    body = html_body_text(html)
    if len(body) > FALLBACK_MAX_CHARS:
        raise ContentProblem(
            "no_main_text",
            f"has no article text that trafilatura recognises and its <body> holds {len(body):,} characters "
            f"(more than {FALLBACK_MAX_CHARS:,}) of what is likely navigation or boilerplate; "
            "land the article text as .txt or .json instead",
        )
    return body


def check_parser_limits(html: str) -> None:
    """Refuse a page that libxml2, the parser under lxml and trafilatura, would read only in part.

    Past :data:`MAX_HTML_DEPTH` nested elements (thousands of nested ``<div>``, a known
    way to attack parsers) libxml2 stops and drops everything after that point
    instead of failing, so the article would lose its text without a trace. The
    parser works without recursion, so such a page costs one fast pass here.
    """
    import lxml.html
    from lxml.etree import ParserError

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(html, parser=parser)
    except (ParserError, ValueError):
        return  # no document at all: trafilatura and the <body> fallback report that themselves
    for entry in parser.error_log:
        if entry.type_name != "ERR_RESOURCE_LIMIT":
            continue
        if "depth" in entry.message.lower():
            raise ContentProblem(
                "html_too_deep",
                f"has elements nested more than {MAX_HTML_DEPTH} deep (from line {entry.line}); the HTML parser "
                "stops there and the rest of the page would be lost; land the article text as .txt or .json instead",
            )
        raise ContentProblem(
            "html_parse_error",
            f"goes past a limit of the HTML parser at line {entry.line} ({entry.message.strip()}); "
            "land the article text as .txt or .json instead",
        )


def html_body_text(html: str) -> str:
    """Visible text of <body> without scripts, styles and menus, one line per block element."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return ""
    body = tree.find("body")
    root = body if body is not None else tree
    for element in list(root.iter(*_FALLBACK_DROP_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + _NOT_XML.sub(" ", element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def html_metadata(html: str) -> HtmlMetadata:
    """Title, canonical URL and publication date as the page declares them.

    Best effort: page metadata is a hint that sidecars override, so a failure here
    is logged and yields an empty result instead of losing the article.
    """
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(html, date_config=dict(_DATE_CONFIG))
    except Exception as err:  # noqa: BLE001 - best effort, see docstring
        log.warning("HTML metadata extraction failed (%s: %s); continuing without it", type(err).__name__, err)
        return HtmlMetadata()
    try:
        published_at = parse_published_at(meta.date)
    except ContentProblem:
        published_at = None
    return HtmlMetadata(title=clean_field(meta.title), url=clean_field(meta.url), published_at=published_at)
