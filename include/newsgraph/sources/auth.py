"""Credentials for a source, read from an Airflow Connection when the fetch runs.

A source with a ``conn_id`` takes from that Connection:

- ``login`` and ``password``: HTTP basic authentication;
- ``password`` without ``login``: an ``Authorization: Bearer <password>`` header;
- ``extra`` ``{"headers": {"Name": "value", ...}}``: extra request headers (API keys).

They are sent only to the origin (scheme, host and port) of the source's feed URL: the
feed itself and article pages on the same origin. A redirect to another origin is
followed without them. Airflow is imported only when a source names a connection, so
the package imports and runs without Airflow otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from newsgraph.sources.urls import DEFAULT_PORTS


class CredentialsError(RuntimeError):
    """The connection cannot be read or used; the message never holds a secret."""


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL, with the default port filled in."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").rstrip("."), parts.port or DEFAULT_PORTS.get(scheme, 0)


@dataclass(frozen=True)
class Credentials:
    """What to add to requests sent to one origin."""

    origin: tuple[str, str, int]
    basic: tuple[str, str] | None = field(default=None, repr=False)
    headers: Mapping[str, str] = field(default_factory=dict, repr=False)
    conn_id: str = ""

    def applies_to(self, url: str) -> bool:
        return origin(url) == self.origin

    def request_headers(self) -> dict[str, str]:
        return dict(self.headers)

    def __repr__(self) -> str:
        scheme, host, port = self.origin
        return f"Credentials(conn_id={self.conn_id!r}, origin={scheme}://{host}:{port}, secrets hidden)"


def airflow_connection(conn_id: str) -> Any:
    """The Airflow Connection ``conn_id``, looked up at run time (metadata DB, secrets backend or env)."""
    try:
        from airflow.sdk import BaseHook
    except ImportError as err:
        raise CredentialsError(
            f"conn_id {conn_id!r} needs Apache Airflow (airflow.sdk) to read its Connection: {err}"
        ) from None
    try:
        return BaseHook.get_connection(conn_id)
    except Exception as err:  # noqa: BLE001 - Airflow raises several types for a missing or unreadable connection
        raise CredentialsError(f"Airflow Connection {conn_id!r} could not be read ({type(err).__name__})") from None


def credentials_for(
    conn_id: str, feed_url: str, get_connection: Callable[[str], Any] | None = None
) -> Credentials:
    """Credentials of ``conn_id`` for the origin of ``feed_url``; raises :class:`CredentialsError`."""
    try:
        conn = (get_connection or airflow_connection)(conn_id)
    except CredentialsError:
        raise
    except Exception as err:  # noqa: BLE001 - any lookup failure is reported the same way, without secrets
        raise CredentialsError(f"Airflow Connection {conn_id!r} could not be read ({type(err).__name__})") from None
    login = getattr(conn, "login", None) or None
    password = getattr(conn, "password", None) or None
    extra = _extra(conn, conn_id)
    headers = extra.get("headers") or {}
    if not isinstance(headers, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        raise CredentialsError(f"Airflow Connection {conn_id!r}: extra 'headers' must map header names to strings")
    headers = dict(headers)
    basic = None
    if login is not None:
        basic = (str(login), str(password or ""))
    elif password is not None:
        headers.setdefault("Authorization", f"Bearer {password}")
    return Credentials(origin=origin(feed_url), basic=basic, headers=headers, conn_id=conn_id)


def _extra(conn: Any, conn_id: str) -> Mapping[str, Any]:
    try:
        extra = getattr(conn, "extra_dejson", None)
    except Exception:  # noqa: BLE001 - a malformed extra is reported without its content
        raise CredentialsError(f"Airflow Connection {conn_id!r}: extra is not valid JSON") from None
    if extra is None:
        return {}
    if not isinstance(extra, Mapping):
        raise CredentialsError(f"Airflow Connection {conn_id!r}: extra must be a JSON object")
    return extra
