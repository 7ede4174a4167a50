"""Fetch one landing day from the configured feeds: :func:`fetch_day`.

Which items belong to day D (UTC): those whose feed date (``pubDate``/``published``,
else ``updated``/``dc:date``) falls on D in UTC; an item with no date belongs to the day
of the fetch time ``now``. So a past day can be fetched again later and gets the same
dated items (while the feed still lists them), and an undated item lands on the day it
was first seen.

What lands in ``<landing_root>/<D>/``:

- ``<key>.html``: the page as fetched (converted to UTF-8 when it came in another encoding),
  where ``<key>`` is the first 16 hex digits of the SHA-256 of the item's canonical URL
  (:mod:`newsgraph.sources.urls`), and ``<key>.meta.json``, the sidecar the landing loader
  reads: ``url`` (canonical), ``title``, ``published_at``, ``source`` (the source's name),
  ``id`` (the feed's guid), plus ``author``, ``feed_url``, ``final_url`` and ``fetched_at``,
  which the loader ignores. The feed's title and date win over the page's; the page's
  (trafilatura) fill in what the feed leaves out.
- ``_feeds/<source>-<hash>.xml``: every feed document as received.
- ``_fetched.jsonl``: the day manifest, one JSON object per line: first one per feed
  (``"kind": "feed"``), then one per item of the day (``"kind": "item"``) with its canonical
  ``url``, ``status`` (``ok``, ``duplicate`` or ``failed``), ``reason``, ``detail``, ``file``,
  ``content_sha256`` (SHA-256 of the article text exactly as the pipeline loads it, so it
  equals the ``content_sha256`` column of ``articles``), ``body_sha256`` of the bytes kept, and
  HTTP facts (status, final URL, redirects, attempts).

The pipeline reads the day like any other landing day, so reprocessing it needs no network.

De-duplication: an item whose canonical URL, or whose text (``content_sha256``), is ``ok`` in
the manifest of any EARLIER day is not kept (a known URL is not even fetched) and is
recorded as ``duplicate`` with the day it was seen on; within the day, items are handled
in the order of their canonical URLs and the first of equal URLs or texts is kept. Only
earlier days count, so the outcome depends on the landing zone alone: fetching the days
in order, or fetching a later day first and fetching it again after the earlier one,
leaves the same files (a second fetch of a day re-checks what it kept before and
removes what an earlier day now holds). A second fetch of the same day reuses the pages
it kept before without asking for them again, and retries the failed ones.

Failures (timeouts after the retries, HTTP 4xx and 5xx, too large, not HTML, pages
the loader refuses) are manifest lines with a reason; they never stop the day.

A landing root in object storage (``s3://bucket/landing``): the earlier days' manifests
are read from the store, the day's files (but ``_feeds/``) are copied into a temporary
folder, the day is fetched there as above, and what changed is sent back: new and
rewritten files are uploaded (the manifest last), removed pages are deleted. There is no
lock in the store: Airflow runs one fetch task of a day at a time.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx

from newsgraph.ids import content_sha256
from newsgraph.ingest.formats import html_metadata
from newsgraph.ingest.landing import Rejected, load_file, sidecar_path
from newsgraph.settings import Settings
from newsgraph.sources.auth import Credentials, CredentialsError, credentials_for
from newsgraph.sources.catalog import Source, load_sources
from newsgraph.sources.config import FetchConfig
from newsgraph.sources.feeds import FeedError, FeedItem, parse_feed
from newsgraph.sources.fetch import ACCEPT_FEED, ACCEPT_HTML, FetchFailed, Fetcher, utf8_page
from newsgraph.sources.urls import BadUrl, canonical_url, confined_path, feed_file_name, page_file_name
from newsgraph.storage import objectstore
from newsgraph.storage.objectstore import Location, ObjectPath, location

log = logging.getLogger(__name__)

MANIFEST_NAME = "_fetched.jsonl"
FEEDS_DIR = "_feeds"
LOCK_NAME = ".fetch.lock"

OK, DUPLICATE, FAILED = "ok", "duplicate", "failed"
#: ``reason`` of the manifest's ``duplicate`` lines.
DUPLICATE_REASONS = {
    "duplicate_url_earlier_day": "the canonical URL is ok on an earlier day; not fetched",
    "duplicate_content_earlier_day": "the article text is ok on an earlier day; page not kept",
    "duplicate_url_same_day": "another item of the day has the same canonical URL; not fetched again",
    "duplicate_content_same_day": "another item of the day has the same text; page not kept",
}
#: ``reason`` of ``failed`` lines besides those of fetch.FETCH_REASONS, feeds.FEED_REASONS and the loader's.
OTHER_REASONS = {
    "bad_link": "the item has no http(s) link",
    "item_limit": "the feed has more items for the day than max_items_per_feed",
    "credentials": "the source's Airflow Connection could not be read",
}


@dataclass(frozen=True)
class _Candidate:
    source: Source
    item: FeedItem | None
    link: str | None
    canonical: str | None
    bad_link: str | None = None
    #: This day's manifest line from an earlier fetch, when its page is still there.
    previous: dict[str, Any] | None = None


def fetch_day(
    landing_root: Location | str,
    day: date,
    sources_file: Path,
    *,
    client: httpx.Client | None = None,
    now: datetime | None = None,
    config: FetchConfig | None = None,
    settings: Settings | None = None,
    get_connection: Callable[[str], Any] | None = None,
) -> dict[str, Any]:
    """Fetch the items of ``day`` from every enabled source into the landing day; counts per outcome.

    ``client`` replaces the ``httpx.Client`` (tests); ``now`` is the fetch time (default: the
    current time, timezone-aware); ``config`` the HTTP settings (default
    ``FetchConfig.from_env()``); ``settings`` the pipeline settings whose loader limits apply
    (default ``Settings.from_env()``); ``get_connection`` replaces the Airflow Connection lookup.
    """
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    config = config or FetchConfig.from_env()
    settings = settings or Settings.from_env()
    landing_root = location(landing_root)
    sources = [s for s in load_sources(Path(sources_file)) if s.enabled]

    def fetch(root: Path) -> dict[str, Any]:
        folder = root / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        with _day_lock(folder), Fetcher(config, client=client) as fetcher:
            earlier = earlier_index(landing_root, day)
            run = _DayRun(root, day, folder, now, config, settings, fetcher, get_connection, earlier)
            return run.run(sources)

    if not isinstance(landing_root, ObjectPath):
        return fetch(landing_root)
    remote = landing_root / day.isoformat()
    with tempfile.TemporaryDirectory(prefix="newsgraph-fetch-") as tmp:
        local = Path(tmp) / day.isoformat()
        copied = _copy_from_store(remote, local)
        summary = fetch(Path(tmp))
        _send_changes(local, remote, copied)
    return {**summary, "folder": str(remote), "manifest": str(remote / MANIFEST_NAME)}


class _DayRun:
    def __init__(
        self,
        landing_root: Path,
        day: date,
        folder: Path,
        now: datetime,
        config: FetchConfig,
        settings: Settings,
        fetcher: Fetcher,
        get_connection: Callable[[str], Any] | None,
        earlier: tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]],
    ) -> None:
        self.landing_root = landing_root
        self.day = day
        self.folder = folder
        self.now = now.astimezone(UTC)
        self.config = config
        self.settings = settings
        self.fetcher = fetcher
        self.get_connection = get_connection
        self.credentials: dict[str, Credentials | None] = {}
        self.earlier_urls, self.earlier_texts = earlier
        self.seen_urls: dict[str, str] = {}
        self.seen_texts: dict[str, str] = {}
        self.outside_day = 0

    def run(self, sources: list[Source]) -> dict[str, Any]:
        previous = {
            line["url"]: line
            for line in read_manifest(self.folder / MANIFEST_NAME)
            if line.get("kind") == "item" and line.get("status") == OK and self._kept(line)
        }
        feed_lines: list[dict[str, Any]] = []
        item_lines: list[dict[str, Any]] = []
        candidates: list[_Candidate] = []
        for source in sources:
            line, items = self._read_feed(source)
            feed_lines.append(line)
            for_day = [i for i in items if self._on_day(i)]
            self.outside_day += len(items) - len(for_day)
            line["items_for_day"] = len(for_day)
            limit = self.config.max_items_per_feed
            for index, item in enumerate(for_day):
                candidate = self._candidate(source, item, previous)
                if index >= limit and candidate.previous is None:  # pages kept before stay kept
                    detail = f"the feed has {len(for_day)} items for the day, over max_items_per_feed {limit}"
                    item_lines.append(self._item_line(candidate, FAILED, "item_limit", detail))
                    continue
                candidates.append(candidate)
        listed = {c.canonical for c in candidates}
        by_name = {s.name: s for s in sources}
        for url, line in previous.items():
            if url not in listed:  # kept by an earlier fetch of this day, no longer in the feed
                name, feed_url = str(line.get("source") or ""), str(line.get("feed_url") or "")
                source = by_name.get(name) or Source(name=name, url=feed_url)
                candidates.append(_Candidate(source, None, line.get("link"), url, previous=line))
        candidates.sort(key=lambda c: (c.canonical or "", c.source.name, c.link or ""))
        item_lines.extend(self._process(c) for c in candidates)
        manifest = "".join(json.dumps(x, ensure_ascii=False, sort_keys=True) + "\n" for x in feed_lines + item_lines)
        _write_atomic(self.folder / MANIFEST_NAME, manifest.encode("utf-8"))
        return self._summary(feed_lines, item_lines)

    # -- feeds ----------------------------------------------------------------------------

    def _read_feed(self, source: Source) -> tuple[dict[str, Any], list[FeedItem]]:
        line: dict[str, Any] = {
            "kind": "feed", "source": source.name, "url": source.url, "status": FAILED, "reason": None,
            "detail": None, "file": None, "items": 0, "fetched_at": self.now.isoformat(),
        }
        credentials = None
        if source.conn_id:
            try:
                credentials = credentials_for(source.conn_id, source.url, self.get_connection)
            except CredentialsError as err:
                line.update(reason="credentials", detail=str(err))
                log.warning("source %s: %s", source.name, err)
                return line, []
        self.credentials[source.name] = credentials
        try:
            fetched = self.fetcher.get(
                source.url, max_bytes=self.config.max_feed_bytes, accept=ACCEPT_FEED, credentials=credentials
            )
        except FetchFailed as err:
            line.update(reason=err.reason, detail=err.detail, http_status=err.status, attempts=err.attempts)
            log.warning("feed %s (%s): %s", source.name, source.url, err)
            return line, []
        feeds = self.folder / FEEDS_DIR
        feeds.mkdir(exist_ok=True)
        name = feed_file_name(source.name, canonical_url(source.url))
        _write_atomic(confined_path(feeds, name), fetched.body)
        line.update(
            file=f"{FEEDS_DIR}/{name}", http_status=fetched.status, attempts=fetched.attempts,
            final_url=fetched.final_url, body_sha256=hashlib.sha256(fetched.body).hexdigest(),
        )
        try:
            parsed = parse_feed(fetched.body, fetched.final_url, source.kind)
        except FeedError as err:
            line.update(reason=err.reason, detail=err.message)
            log.warning("feed %s (%s) refused: %s", source.name, source.url, err.message)
            return line, []
        line.update(status=OK, items=len(parsed.items), format=parsed.version)
        if parsed.malformed:
            line["detail"] = f"not well-formed XML, read leniently: {parsed.malformed}"
        return line, parsed.items

    def _on_day(self, item: FeedItem) -> bool:
        when = item.published_at or self.now
        return when.astimezone(UTC).date() == self.day

    def _candidate(self, source: Source, item: FeedItem, previous: dict[str, dict]) -> _Candidate:
        if not item.link:
            return _Candidate(source, item, None, None, bad_link="the item has no link")
        try:
            canonical = canonical_url(item.link)
        except BadUrl as err:
            return _Candidate(source, item, item.link, None, bad_link=str(err))
        return _Candidate(source, item, item.link, canonical, previous=previous.get(canonical))

    # -- items ----------------------------------------------------------------------------

    def _process(self, c: _Candidate) -> dict[str, Any]:
        if c.canonical is None:
            return self._item_line(c, FAILED, "bad_link", c.bad_link)
        if c.canonical in self.seen_urls:
            detail = f"same canonical URL as an item of {self.seen_urls[c.canonical]}; not fetched again"
            return self._item_line(c, DUPLICATE, "duplicate_url_same_day", detail)
        self.seen_urls[c.canonical] = c.source.name
        if c.canonical in self.earlier_urls:
            self._remove_page(c.canonical)
            when, file = self.earlier_urls[c.canonical]
            return self._item_line(
                c, DUPLICATE, "duplicate_url_earlier_day", f"fetched on {when} as {when}/{file}; not fetched again"
            )
        if c.previous is not None:
            return self._check_text(c, dict(c.previous), c.previous.get("content_sha256") or "")
        try:
            fetched = self.fetcher.get(
                c.link or c.canonical, max_bytes=self.config.max_page_bytes, accept=ACCEPT_HTML,
                require_html=True, credentials=self.credentials.get(c.source.name),
            )
        except FetchFailed as err:
            log.warning("%s: %s", c.link, err)
            return self._item_line(c, FAILED, err.reason, err.detail, http_status=err.status, attempts=err.attempts)
        body, converted = utf8_page(fetched.body, fetched.charset)
        page = confined_path(self.folder, page_file_name(c.canonical))
        sidecar = self._sidecar(c, fetched.final_url, body)
        _write_atomic(sidecar_path(page), json.dumps(sidecar, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
        _write_atomic(page, body)
        http = {
            "http_status": fetched.status, "final_url": fetched.final_url, "redirects": len(fetched.redirects),
            "attempts": fetched.attempts, "bytes": len(fetched.body),
            "body_sha256": hashlib.sha256(body).hexdigest(),
        }
        if converted:
            http["converted_from"] = converted
        loaded = list(load_file(page, self.landing_root, self.settings))
        article = loaded[0] if loaded else None
        if article is None or isinstance(article, Rejected):
            self._remove_page(c.canonical)
            reason = article.reason if article is not None else "empty_text"
            detail = article.detail if article is not None else "the loader found no article in the page"
            return self._item_line(c, FAILED, reason, detail, **http)
        line = self._item_line(
            c, OK, None, None, file=page.name, title=article.title,
            published_at=article.published_at.isoformat() if article.published_at else None,
            author=sidecar.get("author"), **http,
        )
        return self._check_text(c, line, content_sha256(article.text))

    def _check_text(self, c: _Candidate, line: dict[str, Any], digest: str) -> dict[str, Any]:
        """Keep the page unless its text is on an earlier day or already kept today."""
        line["content_sha256"] = digest
        assert c.canonical is not None
        if digest in self.earlier_texts:
            self._remove_page(c.canonical)
            when, url = self.earlier_texts[digest]
            line.update(status=DUPLICATE, reason="duplicate_content_earlier_day", file=None,
                        detail=f"same text as {url}, fetched on {when}; page not kept")
            return line
        if digest in self.seen_texts:
            self._remove_page(c.canonical)
            line.update(status=DUPLICATE, reason="duplicate_content_same_day", file=None,
                        detail=f"same text as {self.seen_texts[digest]}; page not kept")
            return line
        self.seen_texts[digest] = c.canonical
        return line


    def _sidecar(self, c: _Candidate, final_url: str, body: bytes) -> dict[str, Any]:
        """What the loader reads (url, title, published_at, source, id) and what it ignores (the rest)."""
        item = c.item or FeedItem(link=c.link, guid=None, title=None, author=None, published_at=None)
        title, published_at, author = item.title, item.published_at, item.author
        if title is None or published_at is None or author is None:
            page = _page_metadata(body.decode("utf-8", errors="replace"))
            title = title or page["title"]
            published_at = published_at or page["published_at"]
            author = author or page["author"]
        return {
            "url": c.canonical,
            "title": title,
            "published_at": published_at.isoformat() if published_at else None,
            "source": c.source.name,
            "id": item.guid,
            "author": author,
            "feed_url": c.source.url,
            "final_url": final_url,
            "fetched_at": self.now.isoformat(),
        }

    def _item_line(
        self, c: _Candidate, status: str, reason: str | None, detail: str | None, **extra: Any
    ) -> dict[str, Any]:
        item = c.item
        line: dict[str, Any] = {
            "kind": "item", "source": c.source.name, "feed_url": c.source.url, "link": c.link, "url": c.canonical,
            "status": status, "reason": reason, "detail": detail, "file": None,
            "title": item.title if item else None,
            "published_at": item.published_at.isoformat() if item and item.published_at else None,
            "guid": item.guid if item else None, "fetched_at": self.now.isoformat(),
        }
        line.update(extra)
        return line

    def _kept(self, line: dict[str, Any]) -> bool:
        file = line.get("file")
        if not isinstance(file, str) or not line.get("url") or not line.get("content_sha256"):
            return False
        try:
            page = confined_path(self.folder, file)
        except ValueError:
            return False
        return page.is_file() and sidecar_path(page).is_file()

    def _remove_page(self, canonical: str) -> None:
        page = confined_path(self.folder, page_file_name(canonical))
        for path in (page, sidecar_path(page)):
            path.unlink(missing_ok=True)

    def _summary(self, feed_lines: list[dict], item_lines: list[dict]) -> dict[str, Any]:
        statuses = Counter(line["status"] for line in item_lines)
        reasons = Counter(line["reason"] for line in feed_lines + item_lines if line.get("reason"))
        feeds = Counter(line["status"] for line in feed_lines)
        summary = {
            "day": self.day.isoformat(),
            "folder": str(self.folder),
            "manifest": str(self.folder / MANIFEST_NAME),
            "sources": len(feed_lines),
            "feeds": {"ok": feeds.get(OK, 0), "failed": feeds.get(FAILED, 0)},
            "items": len(item_lines),
            "outside_day": self.outside_day,
            OK: statuses.get(OK, 0),
            DUPLICATE: statuses.get(DUPLICATE, 0),
            FAILED: statuses.get(FAILED, 0),
            "reasons": dict(sorted(reasons.items())),
        }
        log.info(
            "fetched %s: %d feeds (%d failed), %d items: %d ok, %d duplicate, %d failed; reasons %s",
            summary["day"], len(feed_lines), summary["feeds"]["failed"], summary["items"], summary[OK],
            summary[DUPLICATE], summary[FAILED], summary["reasons"],
        )
        return summary


def _page_metadata(html: str) -> dict[str, Any]:
    """Title and date as the loader reads them from a page, and the author (trafilatura)."""
    meta = html_metadata(html)
    author = None
    try:
        import trafilatura
        from newsgraph.ingest.formats import clean_field

        author = clean_field(trafilatura.extract_metadata(html).author)
    except Exception as err:  # noqa: BLE001 - metadata is best effort; the article is kept without it
        log.debug("no author from page metadata (%s: %s)", type(err).__name__, err)
    return {"title": meta.title, "published_at": meta.published_at, "author": author}


# -- manifests ------------------------------------------------------------------------------


def read_manifest(path: Location) -> list[dict[str, Any]]:
    """The lines of a day manifest; a missing file is empty and unreadable lines are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as err:
        log.warning("manifest %s could not be read (%s); treated as empty", path, err)
        return []
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except json.JSONDecodeError:
            log.warning("%s line %d is not JSON; skipped", path, number)
            continue
        if isinstance(line, dict):
            lines.append(line)
    return lines


def landing_days(landing_root: Location) -> Iterator[date]:
    """The ``YYYY-MM-DD`` folders of the landing root, in date order."""
    if not landing_root.is_dir():
        return
    days = []
    for child in landing_root.iterdir():
        try:
            when = date.fromisoformat(child.name)
        except ValueError:
            continue
        if child.name == when.isoformat() and child.is_dir():
            days.append(when)
    yield from sorted(days)


def earlier_index(landing_root: Location, day: date) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Canonical URL -> (day, file) and content SHA-256 -> (day, URL) of the ``ok`` items of days before ``day``."""
    urls: dict[str, tuple[str, str]] = {}
    texts: dict[str, tuple[str, str]] = {}
    for other in landing_days(landing_root):
        if other >= day:
            break
        for line in read_manifest(landing_root / other.isoformat() / MANIFEST_NAME):
            if line.get("kind") != "item" or line.get("status") != OK:
                continue
            url, digest = line.get("url"), line.get("content_sha256")
            if isinstance(url, str) and url:
                urls.setdefault(url, (other.isoformat(), str(line.get("file"))))
            if isinstance(digest, str) and digest:
                texts.setdefault(digest, (other.isoformat(), str(url)))
    return urls, texts


# -- files ----------------------------------------------------------------------------------


def _write_atomic(path: Path, data: bytes) -> None:
    """Write through a hidden temporary file (the loader skips hidden names) and rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _copy_from_store(remote: ObjectPath, local: Path) -> dict[str, tuple[int, int]]:
    """Copy the day's files but ``_feeds/`` and hidden ones into ``local``; returns what was copied
    (relative path -> size and modification time)."""
    copied: dict[str, tuple[int, int]] = {}
    for f in objectstore.list_files(remote):
        parts = objectstore.safe_parts(f.rel)
        if parts is None or parts[0] == FEEDS_DIR or any(p.startswith(".") for p in parts):
            continue
        objectstore.download(f, local.joinpath(*parts))
        copied[f.rel] = (f.size, f.mtime_ns)
    return copied


def _send_changes(local: Path, remote: ObjectPath, copied: dict[str, tuple[int, int]]) -> None:
    """Upload the files of ``local`` that are new or changed since :func:`_copy_from_store`
    (the manifest last), and delete in the store those that were removed."""
    present: dict[str, Path] = {}
    for path in local.rglob("*"):
        rel = path.relative_to(local).as_posix()
        if path.is_file() and not any(p.startswith(".") for p in rel.split("/")):
            present[rel] = path
    changed = sorted(rel for rel, path in present.items() if copied.get(rel) != (path.stat().st_size, path.stat().st_mtime_ns))
    for rel in changed:
        if rel != MANIFEST_NAME:
            objectstore.upload(present[rel], remote / rel)
    for rel in sorted(set(copied) - set(present)):
        (remote / rel).unlink(missing_ok=True)
    if MANIFEST_NAME in changed:
        objectstore.upload(present[MANIFEST_NAME], remote / MANIFEST_NAME)


@contextmanager
def _day_lock(folder: Path) -> Iterator[None]:
    """One fetch of a day at a time: a second one waits for the first to finish."""
    with (folder / LOCK_NAME).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
