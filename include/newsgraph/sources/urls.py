"""Canonical article URLs, and landing file names that can never leave their day folder.

Canonical URL rules (:func:`canonical_url`), applied so that the links a feed
writes for the same page compare equal:

1. Relative links are resolved against the feed's URL; only ``http`` and ``https`` are accepted.
2. Scheme and host are lower-cased; a trailing dot of the host is dropped and a non-ASCII host is
   written in IDNA (punycode). User name and password are removed.
3. The default port (80 for http, 443 for https) is removed; other ports are kept.
4. The path has its ``.`` and ``..`` segments resolved; percent escapes are upper-cased,
   escapes of unreserved characters (letters, digits, ``-._~``) are decoded and characters
   not allowed in a URL are escaped. An empty path is ``/``; one trailing slash after a
   non-empty path is removed (``/news/story/`` and ``/news/story`` are the same page).
5. Query parameters named ``utm_*`` and the click identifiers in :data:`TRACKING_PARAMS`
   are removed (names compared without case); the remaining ``name=value`` pairs are
   sorted, so their order does not matter. An empty query is dropped.
6. The fragment (``#...``) is removed.

Landing files for a page are named after the first 16 hex digits of the SHA-256 of its
canonical URL (:func:`url_key`), so no part of a URL ever reaches a path.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

#: Query parameters that identify a click or campaign, not a page (besides every ``utm_*``).
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid", "igshid", "_ga", "_gl"}
)
TRACKING_PREFIXES = ("utm_",)
DEFAULT_PORTS = {"http": 80, "https": 443}
#: Longest name of a file this package writes into a landing day.
MAX_FILE_NAME = 120

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = frozenset("!$&'()*+,;=")
_PATH_SAFE = _UNRESERVED | _SUB_DELIMS | frozenset(":@/")
_QUERY_SAFE = (_UNRESERVED | _SUB_DELIMS | frozenset(":@/?")) - frozenset("&=+")
_HEX = frozenset("0123456789abcdefABCDEF")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


class BadUrl(ValueError):
    """A link that cannot be fetched: not http(s), no host, a bad port."""


def canonical_url(url: str, base: str | None = None) -> str:
    """The canonical form of ``url`` (resolved against ``base``); see the module documentation."""
    if not isinstance(url, str) or not url.strip():
        raise BadUrl("empty link")
    raw = url.strip()
    if any(ch in raw for ch in "\x00\r\n\t"):
        raise BadUrl(f"link {raw[:80]!r} holds control characters")
    if base:
        raw = urljoin(base, raw)
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise BadUrl(f"link {raw[:200]!r} is not http or https")
    host = _host(parts, raw)
    try:
        port = parts.port
    except ValueError:
        raise BadUrl(f"link {raw[:200]!r} has an invalid port") from None
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _normalise(_remove_dot_segments(parts.path), _PATH_SAFE) or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    query = _canonical_query(parts.query)
    return f"{scheme}://{netloc}{path}" + (f"?{query}" if query else "")


def _host(parts: SplitResult, raw: str) -> str:
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise BadUrl(f"link {raw[:200]!r} has no host")
    if ":" in host:  # IPv6 literal
        return f"[{host}]"
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise BadUrl(f"link {raw[:200]!r} has a host that is not a valid domain name") from None
    if any(ch in host for ch in "/\\@ %"):
        raise BadUrl(f"link {raw[:200]!r} has an invalid host")
    return host


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4, on a path already split off the URL."""
    if not path:
        return path
    absolute = path.startswith("/")
    out: list[str] = []
    segments = path.split("/")
    for segment in segments[1:] if absolute else segments:
        if segment == ".":
            continue
        if segment == "..":
            if out:
                out.pop()
            continue
        out.append(segment)
    trailing = segments[-1] in (".", "..")
    result = "/".join(out)
    if trailing and not result.endswith("/"):
        result += "/"
    return ("/" + result) if absolute else result


def _normalise(text: str, safe: frozenset[str]) -> str:
    """Upper-case escapes, decode escaped unreserved characters, escape what is not ``safe``."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 2 < len(text) and text[i + 1] in _HEX and text[i + 2] in _HEX:
            decoded = chr(int(text[i + 1 : i + 3], 16))
            out.append(decoded if decoded in _UNRESERVED else "%" + text[i + 1 : i + 3].upper())
            i += 3
            continue
        if ch in safe:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
        i += 1
    return "".join(out)


def _is_tracking(name: str) -> bool:
    key = unquote(name.replace("+", " ")).strip().lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _canonical_query(query: str) -> str:
    pairs: list[tuple[str, str]] = []
    for piece in query.split("&"):
        if not piece:
            continue
        name, eq, value = piece.partition("=")
        if _is_tracking(name):
            continue
        value = (eq and "=") + _normalise(value, _QUERY_SAFE | {"+", "="})
        pairs.append((_normalise(name, _QUERY_SAFE | {"+"}), value))
    pairs.sort()
    return "&".join(name + value for name, value in pairs)


def url_key(canonical: str) -> str:
    """First 16 hex digits of the SHA-256 of a canonical URL: the stem of its landing files."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def page_file_name(canonical: str) -> str:
    """``<url_key>.html``: the raw page of ``canonical`` in its landing day."""
    return f"{url_key(canonical)}.html"


def safe_name(text: str, max_chars: int = 40) -> str:
    """Lower-case letters, digits and single hyphens only, at most ``max_chars`` long (never empty)."""
    slug = _SLUG_JUNK.sub("-", text.lower()).strip("-")[:max_chars].strip("-")
    return slug or "x"


def feed_file_name(source_name: str, feed_url: str) -> str:
    """``<slug of the source name>-<8 hex digits of the feed URL>.xml`` for the raw feed document."""
    digest = hashlib.sha256(feed_url.encode("utf-8")).hexdigest()[:8]
    return f"{safe_name(source_name)}-{digest}.xml"


def confined_path(folder: Path, name: str) -> Path:
    """``folder / name`` after checking that ``name`` is one plain file name that stays in ``folder``.

    Refuses separators, ``.`` and ``..``, NUL and names over :data:`MAX_FILE_NAME` characters,
    and checks the resolved path, so a symlinked name cannot point out of the folder either.
    """
    if (
        not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or "\x00" in name
        or len(name) > MAX_FILE_NAME
    ):
        raise ValueError(f"refusing file name {name[:MAX_FILE_NAME + 10]!r}: not one plain, short file name")
    path = folder / name
    resolved_folder = folder.resolve()
    if path.resolve().parent != resolved_folder:
        raise ValueError(f"refusing {path}: it resolves outside {resolved_folder}")
    return path
