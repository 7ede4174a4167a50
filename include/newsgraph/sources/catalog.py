"""The sources file: which feeds to read, as data.

A UTF-8 CSV file with a header row. Blank lines and lines whose first non-blank
character is ``#`` are comments. Columns:

- ``name`` (required): the source's name, written to the ``source`` field of its articles;
  letters, digits, space, ``.``, ``_`` and ``-``, at most 64 characters, unique.
- ``url`` (required): the feed's http(s) URL. It must not hold a user name or password.
- ``kind``: ``rss``, ``atom`` or ``auto`` (blank means ``auto``); a feed of the other kind is refused.
- ``conn_id``: an Airflow Connection holding the credentials for this feed's host (optional).
- ``enabled``: ``true`` or ``false`` (also yes/no, 1/0, on/off; blank means ``true``).

Any other column is refused, so that a ``password`` column cannot slip in:
credentials belong in Airflow Connections, never in this file.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newsgraph.sources.urls import BadUrl, canonical_url

COLUMNS = ("name", "url", "kind", "conn_id", "enabled")
REQUIRED = ("name", "url")
KINDS = ("rss", "atom", "auto")
#: Sources files are short lists; anything bigger is a mistake.
MAX_SOURCES_BYTES = 1024 * 1024
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}")
_CONN_ID = re.compile(r"[A-Za-z0-9_.-]{1,250}")
_TRUE = {"true", "yes", "1", "on", ""}
_FALSE = {"false", "no", "0", "off"}


class SourcesFileError(ValueError):
    """The sources file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Source:
    """One configured feed."""

    name: str
    #: The feed URL as written in the file.
    url: str
    kind: str = "auto"
    conn_id: str | None = None
    enabled: bool = True
    #: Line of the sources file, for messages.
    line: int = 0


def load_sources(path: Path) -> list[Source]:
    """Every source of the file, enabled or not, in file order; raises :class:`SourcesFileError`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourcesFileError(f"sources file {path} could not be read ({err.strerror or err})") from None
    if len(data) > MAX_SOURCES_BYTES:
        raise SourcesFileError(f"sources file {path} is over {MAX_SOURCES_BYTES:,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourcesFileError(f"sources file {path} is not UTF-8 (byte {err.start})") from None
    return parse_sources(text, where=str(path))


def parse_sources(text: str, where: str = "sources") -> list[Source]:
    """Sources from the text of a sources file; ``where`` names it in messages."""
    header: list[str] | None = None
    sources: list[Source] = []
    names: dict[str, int] = {}
    urls: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in next(csv.reader([line]))]
        if header is None:
            header = [c.lower() for c in cells]
            _check_header(header, where, number)
            continue
        if len(cells) > len(header):
            raise SourcesFileError(f"{where} line {number}: {len(cells)} values for {len(header)} columns")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        source = _source(row, f"{where} line {number}", number)
        key = source.name.casefold()
        if key in names:
            raise SourcesFileError(f"{where} line {number}: name {source.name!r} is already used on line {names[key]}")
        names[key] = number
        feed = canonical_url(source.url)
        if feed in urls:
            raise SourcesFileError(f"{where} line {number}: feed {source.url} is already listed on line {urls[feed]}")
        urls[feed] = number
        sources.append(source)
    if header is None:
        raise SourcesFileError(f"{where}: no header row; the first line must be {','.join(COLUMNS)}")
    return sources


def _check_header(header: list[str], where: str, number: int) -> None:
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise SourcesFileError(
            f"{where} line {number}: unknown column(s) {', '.join(map(repr, unknown))}; the columns are "
            f"{', '.join(COLUMNS)} (credentials go in an Airflow Connection named in conn_id, never in this file)"
        )
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SourcesFileError(f"{where} line {number}: missing column(s) {', '.join(missing)}")
    if len(set(header)) != len(header):
        raise SourcesFileError(f"{where} line {number}: a column is named twice")


def _source(row: dict[str, str], where: str, number: int) -> Source:
    name = row.get("name", "")
    if not _NAME.fullmatch(name):
        raise SourcesFileError(
            f"{where}: name {name!r} must be 1-64 letters, digits, spaces, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    url = row.get("url", "")
    try:
        canonical_url(url)
    except BadUrl as err:
        raise SourcesFileError(f"{where}: url: {err}") from None
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise SourcesFileError(
            f"{where}: the url holds a user name or password; remove it and name an Airflow Connection in conn_id"
        )
    kind = (row.get("kind") or "auto").lower()
    if kind not in KINDS:
        raise SourcesFileError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    conn_id = row.get("conn_id") or None
    if conn_id is not None and not _CONN_ID.fullmatch(conn_id):
        raise SourcesFileError(f"{where}: conn_id {conn_id!r} is not a valid Airflow connection id")
    enabled_raw = (row.get("enabled") or "").lower()
    if enabled_raw not in _TRUE | _FALSE:
        raise SourcesFileError(f"{where}: enabled {row.get('enabled')!r} is not true or false")
    return Source(name=name, url=url, kind=kind, conn_id=conn_id, enabled=enabled_raw in _TRUE, line=number)
