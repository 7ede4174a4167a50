"""RSS and Atom documents to feed items, with no XML entity ever expanded.

Every document is first parsed by defusedxml, which refuses entity declarations
(the "billion laughs" expansion and external entities that read local files or
URLs). Only a document that passes is handed to feedparser, and always as bytes
in memory, so feedparser never opens a URL or a file itself. A document that is
not well-formed XML but declares no entity is still given to feedparser, whose
lenient parser reads the many feeds with small mistakes (a bare ``&``).
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as DefusedET
import feedparser
from defusedxml import DefusedXmlException

from newsgraph.ingest.formats import clean_field

#: Every ``FeedError.reason``, with its meaning.
FEED_REASONS = {
    "feed_entities": "the document declares XML entities or external references; refused, nothing expanded",
    "feed_not_a_feed": "the document is neither RSS nor Atom",
    "feed_wrong_kind": "the document is RSS where the sources file says atom, or the reverse",
}
_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)
#: Longest title and guid kept from a feed entry, and longest author name (characters).
MAX_TITLE_CHARS = 1000
MAX_AUTHOR_CHARS = 200


class FeedError(Exception):
    """A feed document that is refused; ``reason`` is one of :data:`FEED_REASONS`."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, as the feed describes it."""

    #: Absolute link to the article's page, as written (resolved against the feed URL); ``None`` when absent.
    link: str | None
    #: The entry's ``guid`` (RSS) or ``id`` (Atom).
    guid: str | None
    title: str | None
    author: str | None
    #: ``pubDate``/``published``, else ``updated``/``dc:date``, in UTC; ``None`` when the entry has none.
    published_at: datetime | None


@dataclass(frozen=True)
class ParsedFeed:
    #: ``rss`` or ``atom``.
    kind: str
    #: feedparser's version string, e.g. ``rss20`` or ``atom10``.
    version: str
    title: str | None
    items: list[FeedItem]
    #: Set when the document was not well-formed XML and the lenient parser read it.
    malformed: str | None = None


def check_no_entities(data: bytes) -> str | None:
    """Refuse a document that declares entities or external references; parse it with defusedxml.

    Returns ``None`` for well-formed XML, or the parser's message for a document that is
    not well-formed but declares no entity (left to feedparser's lenient parser).
    Raises :class:`FeedError` (``feed_entities``) otherwise.
    """
    try:
        DefusedET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise FeedError(
            "feed_entities",
            f"the feed declares XML entities or external references ({err}); refused without expanding them, "
            "because entity expansion can exhaust memory or read local files",
        ) from None
    except ParseError as err:
        if _ENTITY_DECLARATION.search(_as_text(data)):
            raise FeedError(
                "feed_entities",
                f"the feed is not well-formed XML ({err}) and declares XML entities; refused without expanding them",
            ) from None
        return str(err)
    return None


def _as_text(data: bytes) -> str:
    """Text good enough to search for a declaration, whatever the document's encoding."""
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, codec in boms:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:64]:
        return data.replace(b"\x00", b"").decode("utf-8", errors="replace")
    return data.decode("utf-8", errors="replace")


def parse_feed(data: bytes, feed_url: str, expected_kind: str = "auto") -> ParsedFeed:
    """Items of an RSS or Atom document fetched from ``feed_url`` (the base for relative links).

    ``expected_kind`` is ``rss``, ``atom`` or ``auto``. Raises :class:`FeedError`.
    """
    malformed = check_no_entities(data)
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers={"content-location": feed_url},
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    version = parsed.get("version") or ""
    kind = "rss" if version.startswith("rss") else "atom" if version.startswith("atom") else ""
    if not kind:
        detail = f" ({malformed})" if malformed else ""
        raise FeedError(
            "feed_not_a_feed", f"the document is not an RSS or Atom feed{detail}; check the url in the sources file"
        )
    if expected_kind in ("rss", "atom") and kind != expected_kind:
        raise FeedError(
            "feed_wrong_kind",
            f"the sources file says {expected_kind} but the document is {kind} ({version}); "
            f"fix the kind column or set it to auto",
        )
    items = [_item(entry) for entry in parsed.entries]
    return ParsedFeed(
        kind=kind,
        version=version,
        title=clean_field(parsed.feed.get("title")),
        items=items,
        malformed=malformed,
    )


def _item(entry: feedparser.FeedParserDict) -> FeedItem:
    link = entry.get("link") or None
    guid = entry.get("id") or None
    if link is None and guid and entry.get("guidislink"):
        link = guid
    detail = entry.get("author_detail") or {}
    author = clean_field(detail.get("name") or entry.get("author"))
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published_at = datetime(*stamp[:6], tzinfo=UTC) if stamp else None
    return FeedItem(
        link=link.strip() if isinstance(link, str) else None,
        guid=_bounded(clean_field(guid), MAX_TITLE_CHARS),
        title=_bounded(clean_field(entry.get("title")), MAX_TITLE_CHARS),
        author=_bounded(author, MAX_AUTHOR_CHARS),
        published_at=published_at,
    )


def _bounded(value: str | None, limit: int) -> str | None:
    return value if value is None or len(value) <= limit else value[: limit - 1].rstrip() + "\u2026"
