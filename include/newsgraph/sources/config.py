"""Settings of the feed and page fetcher: module constants, each overridable by an environment variable.

Each setting, its environment variable and its default:

- sources file: ``NEWSGRAPH_SOURCES`` (unset: nothing is fetched)
- whole User-Agent header: ``NEWSGRAPH_USER_AGENT`` (default ``newsgraph/<version> (+<contact>)``)
- contact in the User-Agent, a URL or e-mail address: ``NEWSGRAPH_CONTACT`` (none)
- seconds to open a connection: ``NEWSGRAPH_FETCH_CONNECT_TIMEOUT`` (10)
- seconds without data while reading: ``NEWSGRAPH_FETCH_READ_TIMEOUT`` (30)
- seconds for one whole response: ``NEWSGRAPH_FETCH_TOTAL_TIMEOUT`` (120)
- extra attempts after a retryable failure: ``NEWSGRAPH_FETCH_RETRIES`` (3)
- first wait before a retry, doubled each time: ``NEWSGRAPH_FETCH_BACKOFF`` (1)
- longest wait between attempts: ``NEWSGRAPH_FETCH_BACKOFF_MAX`` (30)
- longest ``Retry-After`` honoured: ``NEWSGRAPH_FETCH_MAX_RETRY_AFTER`` (120)
- seconds between two requests to one host: ``NEWSGRAPH_FETCH_HOST_INTERVAL`` (1)
- redirects followed per request: ``NEWSGRAPH_FETCH_MAX_REDIRECTS`` (5)
- largest page body in bytes, after decompression: ``NEWSGRAPH_FETCH_MAX_PAGE_BYTES`` (5242880)
- largest feed body in bytes, after decompression: ``NEWSGRAPH_FETCH_MAX_FEED_BYTES`` (10485760)
- items of one feed fetched for one day: ``NEWSGRAPH_FETCH_MAX_ITEMS`` (1000)

Secrets never live here: a source that needs credentials names an Airflow Connection.
"""

from __future__ import annotations

import logging
import math
import os
from dataclasses import dataclass, replace
from pathlib import Path

from newsgraph import __version__

log = logging.getLogger(__name__)

#: The product token of the User-Agent header.
PRODUCT = f"newsgraph/{__version__}"

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
TOTAL_TIMEOUT = 120.0
RETRIES = 3
BACKOFF = 1.0
BACKOFF_MAX = 30.0
MAX_RETRY_AFTER = 120.0
HOST_INTERVAL = 1.0
MAX_REDIRECTS = 5
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_FEED_BYTES = 10 * 1024 * 1024
MAX_ITEMS_PER_FEED = 1000


def build_user_agent(contact: str | None = None) -> str:
    """``newsgraph/<version> (+<contact>)``; without a contact, a plain statement of what the client is."""
    contact = (contact or "").strip()
    if contact:
        return f"{PRODUCT} (+{contact})"
    return f"{PRODUCT} (automated news article fetcher)"


def _env_float(name: str, default: float, minimum: float = 0.0) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a number; unset it to use the default {default}") from None
    if not math.isfinite(value) or value < minimum:
        raise ValueError(f"{name}={raw!r} must be a finite number of at least {minimum}")
    return value


def _env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a whole number; unset it to use the default {default}") from None
    if value < minimum:
        raise ValueError(f"{name}={value} is below the minimum {minimum}")
    return value


def sources_file_from_env() -> Path | None:
    """The sources file named by ``NEWSGRAPH_SOURCES``, or ``None`` when fetching is not configured."""
    raw = os.environ.get("NEWSGRAPH_SOURCES", "").strip()
    return Path(raw).expanduser() if raw else None


@dataclass(frozen=True)
class FetchConfig:
    """How feeds and pages are fetched; ``FetchConfig.from_env()`` applies the environment."""

    user_agent: str = build_user_agent()
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT
    #: Seconds for one response from the request to the last byte of the body (slow-drip bodies).
    total_timeout: float = TOTAL_TIMEOUT
    #: Extra attempts after a timeout, a connection error, a 429 or a 5xx; other failures are final.
    retries: int = RETRIES
    #: The wait before retry n is ``backoff * 2 ** (n - 1)``, at most ``backoff_max``.
    backoff: float = BACKOFF
    backoff_max: float = BACKOFF_MAX
    #: A ``Retry-After`` up to this many seconds is waited for; a longer one ends the attempts.
    max_retry_after: float = MAX_RETRY_AFTER
    #: Minimum seconds between the starts of two requests to the same host (every redirect hop counts).
    host_interval: float = HOST_INTERVAL
    max_redirects: int = MAX_REDIRECTS
    max_page_bytes: int = MAX_PAGE_BYTES
    max_feed_bytes: int = MAX_FEED_BYTES
    max_items_per_feed: int = MAX_ITEMS_PER_FEED

    @classmethod
    def from_env(cls) -> "FetchConfig":
        explicit = os.environ.get("NEWSGRAPH_USER_AGENT", "").strip()
        contact = os.environ.get("NEWSGRAPH_CONTACT", "").strip()
        if not explicit and not contact:
            log.warning(
                "no NEWSGRAPH_CONTACT set: the User-Agent names no contact; set it to a URL or e-mail address "
                "where site owners can reach whoever runs this pipeline"
            )
        return cls(
            user_agent=explicit or build_user_agent(contact),
            connect_timeout=_env_float("NEWSGRAPH_FETCH_CONNECT_TIMEOUT", CONNECT_TIMEOUT, minimum=0.001),
            read_timeout=_env_float("NEWSGRAPH_FETCH_READ_TIMEOUT", READ_TIMEOUT, minimum=0.001),
            total_timeout=_env_float("NEWSGRAPH_FETCH_TOTAL_TIMEOUT", TOTAL_TIMEOUT, minimum=0.001),
            retries=_env_int("NEWSGRAPH_FETCH_RETRIES", RETRIES),
            backoff=_env_float("NEWSGRAPH_FETCH_BACKOFF", BACKOFF),
            backoff_max=_env_float("NEWSGRAPH_FETCH_BACKOFF_MAX", BACKOFF_MAX),
            max_retry_after=_env_float("NEWSGRAPH_FETCH_MAX_RETRY_AFTER", MAX_RETRY_AFTER),
            host_interval=_env_float("NEWSGRAPH_FETCH_HOST_INTERVAL", HOST_INTERVAL),
            max_redirects=_env_int("NEWSGRAPH_FETCH_MAX_REDIRECTS", MAX_REDIRECTS),
            max_page_bytes=_env_int("NEWSGRAPH_FETCH_MAX_PAGE_BYTES", MAX_PAGE_BYTES, minimum=1),
            max_feed_bytes=_env_int("NEWSGRAPH_FETCH_MAX_FEED_BYTES", MAX_FEED_BYTES, minimum=1),
            max_items_per_feed=_env_int("NEWSGRAPH_FETCH_MAX_ITEMS", MAX_ITEMS_PER_FEED, minimum=1),
        )

    def with_overrides(self, **changes: object) -> "FetchConfig":
        return replace(self, **changes)
