"""HTTP for feeds and pages: timeouts, retries with backoff, a per-host rate limit, a size cap.

:class:`Fetcher` wraps an ``httpx.Client`` and sends every request:

- with the configured User-Agent and connect/read timeouts, and a deadline for the whole
  response, so a body trickling in byte by byte is cut off too;
- after waiting for the host's turn (:class:`RateLimiter`: a minimum interval between two
  requests to the same host name, every redirect hop included);
- following redirects itself, at most ``max_redirects`` of them and only to http(s), so
  credentials of a source are never sent to another origin;
- reading the body as a stream and stopping as soon as it passes the byte cap (a
  ``Content-Length`` over the cap is refused before reading);
- retrying timeouts, connection errors, 429 and 5xx responses only, waiting
  ``backoff * 2 ** (n - 1)`` seconds (at most ``backoff_max``) before retry n, or what the
  response's ``Retry-After`` asks when that is at most ``max_retry_after`` (a longer one
  ends the attempts at once).

A request that does not succeed raises :class:`FetchFailed` with a short ``reason`` (see
:data:`FETCH_REASONS`) and a ``detail`` for the manifest.
"""

from __future__ import annotations

import base64
import codecs
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from newsgraph.sources.auth import Credentials
from newsgraph.sources.config import FetchConfig

log = logging.getLogger(__name__)

#: Every ``FetchFailed.reason`` besides ``http_<status>``, with its meaning.
FETCH_REASONS = {
    "timeout": "no answer within the connect or read timeout, or the whole response took over total_timeout",
    "connection_error": "the connection could not be opened or broke off",
    "http_<status>": "the server answered with this 4xx or 5xx status (after the retries, for 429 and 5xx)",
    "too_many_redirects": "more than max_redirects redirects",
    "bad_redirect": "a redirect to something other than http(s), or without a usable Location",
    "too_large": "the body is over the byte cap",
    "not_html": "the page is not HTML (Content-Type, or the content when there is none)",
    "http_error": "any other HTTP protocol problem",
}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
ACCEPT_FEED = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|p|div|article)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


class FetchFailed(Exception):
    """A request that did not give a usable response."""

    def __init__(self, reason: str, detail: str, *, status: int | None = None, attempts: int = 1) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.status = status
        self.attempts = attempts


class _Retryable(FetchFailed):
    def __init__(self, reason: str, detail: str, *, status: int | None = None, retry_after: str | None = None):
        super().__init__(reason, detail, status=status)
        self.retry_after = retry_after


@dataclass
class Fetched:
    """A successful response, body read whole."""

    url: str
    final_url: str
    status: int
    #: Media type without parameters, lower case; ``None`` when the response has none.
    media_type: str | None
    charset: str | None
    body: bytes
    redirects: list[str] = field(default_factory=list)
    attempts: int = 1


class RateLimiter:
    """At least ``min_interval`` seconds between the starts of two requests to one host.

    ``clock`` and ``sleep`` are injectable so the rule can be checked without waiting.
    Thread-safe: each caller reserves its slot under a lock, then sleeps outside it.
    """

    def __init__(
        self,
        min_interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> float:
        """Sleep until ``host`` may be asked again; returns the seconds slept."""
        if self.min_interval <= 0:
            return 0.0
        key = host.lower().rstrip(".")
        with self._lock:
            now = self._clock()
            ready = self._next.get(key, now)
            delay = max(0.0, ready - now)
            self._next[key] = max(now, ready) + self.min_interval
        if delay > 0:
            self._sleep(delay)
        return delay


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date); ``None`` when unreadable."""
    if value is None:
        return None
    raw = value.strip()
    if raw.isdigit():
        return float(int(raw))
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def retry_delay(
    attempt: int, config: FetchConfig, retry_after: str | None = None, now: datetime | None = None
) -> float | None:
    """Seconds to wait after failed attempt ``attempt`` (1-based); ``None``: Retry-After is over the cap, give up."""
    asked = parse_retry_after(retry_after, now or datetime.now(UTC))
    if asked is not None:
        return None if asked > config.max_retry_after else asked
    return min(config.backoff * 2 ** (attempt - 1), config.backoff_max)


class Fetcher:
    """Sends GET requests under the rules of the module documentation."""

    def __init__(
        self,
        config: FetchConfig,
        client: httpx.Client | None = None,
        *,
        limiter: RateLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.config = config
        self._own_client = client is None
        self.client = client or httpx.Client(follow_redirects=False, timeout=self._timeout())
        self.limiter = limiter or RateLimiter(config.host_interval, clock=clock, sleep=sleep)
        self._sleep = sleep
        self._clock = clock
        self._wall_clock = wall_clock

    def _timeout(self) -> httpx.Timeout:
        c = self.config
        return httpx.Timeout(
            connect=c.connect_timeout, read=c.read_timeout, write=c.read_timeout, pool=c.connect_timeout
        )

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        max_bytes: int,
        accept: str = ACCEPT_HTML,
        require_html: bool = False,
        credentials: Credentials | None = None,
    ) -> Fetched:
        """The response to ``GET url`` after redirects and retries; raises :class:`FetchFailed`."""
        attempts = self.config.retries + 1
        last: _Retryable | None = None
        for attempt in range(1, attempts + 1):
            try:
                fetched = self._attempt(url, max_bytes, accept, require_html, credentials)
            except _Retryable as err:
                last = err
                if attempt == attempts:
                    break
                delay = retry_delay(attempt, self.config, err.retry_after, self._wall_clock())
                if delay is None:
                    raise FetchFailed(
                        err.reason,
                        f"{err.detail}; Retry-After {err.retry_after!r} is over the cap of "
                        f"{self.config.max_retry_after:g} s, so no retry",
                        status=err.status,
                        attempts=attempt,
                    ) from None
                log.info("%s: %s; retry %d of %d in %.2f s", url, err.detail, attempt, attempts - 1, delay)
                self._sleep(delay)
                continue
            except FetchFailed as err:
                err.attempts = attempt
                raise
            fetched.attempts = attempt
            return fetched
        assert last is not None
        tries = f"{attempts} attempts" if attempts > 1 else "1 attempt (no retries configured)"
        raise FetchFailed(last.reason, f"{last.detail}; gave up after {tries}", status=last.status, attempts=attempts)

    def _attempt(
        self, url: str, max_bytes: int, accept: str, require_html: bool, credentials: Credentials | None
    ) -> Fetched:
        started = self._clock()
        current = url
        hops: list[str] = []
        while True:
            parts = urlsplit(current)
            if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
                raise FetchFailed("bad_redirect", f"refusing to fetch {current[:200]!r}: not an http(s) URL")
            self.limiter.wait(parts.hostname)
            headers = {"User-Agent": self.config.user_agent, "Accept": accept}
            if credentials is not None and credentials.applies_to(current):
                headers.update(credentials.request_headers())
                if credentials.basic is not None:
                    token = base64.b64encode(":".join(credentials.basic).encode("utf-8")).decode("ascii")
                    headers["Authorization"] = f"Basic {token}"
            try:
                request = self.client.build_request("GET", current, headers=headers, timeout=self._timeout())
                response = self.client.send(request, stream=True, follow_redirects=False)
            except httpx.TimeoutException as err:
                raise _Retryable("timeout", self._timeout_detail(err)) from None
            except (httpx.NetworkError, httpx.RemoteProtocolError) as err:
                raise _Retryable("connection_error", f"{type(err).__name__}: {err}") from None
            except (httpx.HTTPError, httpx.InvalidURL) as err:
                raise FetchFailed("http_error", f"{type(err).__name__}: {err}") from None
            try:
                if response.status_code in REDIRECT_STATUSES:
                    location = response.headers.get("location", "").strip()
                    if not location:
                        detail = f"{response.status_code} without a Location header"
                        raise FetchFailed("bad_redirect", detail, status=response.status_code)
                    current = urljoin(current, location)
                    hops.append(current)
                    if len(hops) > self.config.max_redirects:
                        raise FetchFailed(
                            "too_many_redirects",
                            f"more than {self.config.max_redirects} redirects (max_redirects); last to {current[:200]}",
                            status=response.status_code,
                        )
                    continue
                return self._read(url, current, hops, response, max_bytes, require_html, started)
            finally:
                response.close()

    def _read(
        self,
        url: str,
        final_url: str,
        hops: list[str],
        response: httpx.Response,
        max_bytes: int,
        require_html: bool,
        started: float,
    ) -> Fetched:
        status = response.status_code
        if status == 429 or 500 <= status <= 599:
            raise _Retryable(
                f"http_{status}", f"HTTP {status} from {final_url[:200]}", status=status,
                retry_after=response.headers.get("retry-after"),
            )
        if status >= 300:
            raise FetchFailed(f"http_{status}", f"HTTP {status} from {final_url[:200]}", status=status)
        content_type = response.headers.get("content-type", "")
        media = content_type.split(";")[0].strip().lower() or None
        if require_html and media is not None and media not in HTML_TYPES:
            raise FetchFailed("not_html", f"Content-Type {media!r} is not HTML", status=status)
        declared = response.headers.get("content-length", "").strip()
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if declared.isdigit() and encoding in ("", "identity") and int(declared) > max_bytes:
            raise FetchFailed(
                "too_large", f"Content-Length {int(declared):,} bytes is over the cap of {max_bytes:,} bytes; not read",
                status=status,
            )
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchFailed(
                        "too_large", f"the body passed the cap of {max_bytes:,} bytes; reading stopped", status=status
                    )
                if self._clock() - started > self.config.total_timeout:
                    detail = f"the response took over {self.config.total_timeout:g} s (total_timeout)"
                    raise _Retryable("timeout", detail, status=status)
                chunks.append(chunk)
        except httpx.TimeoutException as err:
            raise _Retryable("timeout", self._timeout_detail(err), status=status) from None
        except (httpx.NetworkError, httpx.RemoteProtocolError) as err:
            detail = f"{type(err).__name__} while reading the body: {err}"
            raise _Retryable("connection_error", detail, status=status) from None
        except httpx.DecodingError as err:
            raise FetchFailed("http_error", f"the body could not be decoded ({err})", status=status) from None
        body = b"".join(chunks)
        if require_html and media is None and not _HTML_SNIFF.match(body[:2048].removeprefix(codecs.BOM_UTF8)):
            detail = "no Content-Type, and the body does not start like an HTML page"
            raise FetchFailed("not_html", detail, status=status)
        return Fetched(
            url=url, final_url=final_url, status=status, media_type=media,
            charset=response.charset_encoding, body=body, redirects=hops,
        )

    def _timeout_detail(self, err: httpx.TimeoutException) -> str:
        c = self.config
        which = {
            httpx.ConnectTimeout: f"no connection within {c.connect_timeout:g} s (connect_timeout)",
            httpx.ReadTimeout: f"no data for {c.read_timeout:g} s (read_timeout)",
            httpx.WriteTimeout: f"could not send the request within {c.read_timeout:g} s",
            httpx.PoolTimeout: f"no free connection within {c.connect_timeout:g} s",
        }
        return which.get(type(err), f"{type(err).__name__}: {err}")


def utf8_page(body: bytes, charset: str | None) -> tuple[bytes, str | None]:
    """The page as UTF-8 bytes, and the encoding it was converted from (``None`` when kept as it came).

    The encoding is the BOM's, else the HTTP ``charset``, else a ``<meta charset>`` of the page,
    else UTF-8. ``iso-8859-1`` is read as windows-1252, as browsers do; a page said to be (or
    taken for) UTF-8 or ASCII that is not valid UTF-8 is read as windows-1252 too. Bytes with no
    character in the encoding become U+FFFD. A valid UTF-8 page is kept byte for byte.
    """
    if body.startswith(codecs.BOM_UTF8):
        label = "utf-8"
    elif body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        label = "utf-16"
    else:
        sniffed = _META_CHARSET.search(body[:4096])
        label = charset or (sniffed.group(1).decode("ascii", "replace") if sniffed else "utf-8")
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        codec = "utf-8"
    if codec in ("utf-8", "ascii"):
        try:
            body.decode("utf-8")
            return body, None
        except UnicodeDecodeError:
            codec = "cp1252"
    if codec in ("latin-1", "iso8859-1"):
        codec = "cp1252"
    text = body.decode(codec, errors="replace")
    return text.encode("utf-8"), codec
