"""Read one arrival day of the landing folder into articles and rejections.

Files land under ``<landing_root>/YYYY-MM-DD/``; a run for day D reads folder D and
nothing else, so re-running a day sees exactly the same inputs. Every file gives
articles, rejections, or both, and nothing in the content of a file can make
:func:`load_file` raise: each problem becomes a :class:`Rejected` whose ``reason``
is a short code (see :data:`REASON_CODES`) and whose ``detail`` names the input,
what is wrong and what to do, so the quarantine table explains itself.

How hostile input is treated:

* bytes that are not UTF-8 are quarantined (``not_utf8``), never re-decoded with a
  guessed encoding; when they read as Windows-1252/Latin-1 the detail says what the
  bad byte is there (``A3`` is ``'£'``), which makes the fix obvious;
* an article whose ``published_at`` is more than a day after the end of its
  landing day (the ``YYYY-MM-DD`` folder) is quarantined (``future_published_at``)
  rather than kept with the date erased: the date is wrong, and it decides how
  relative dates and exchange rates are read, so a person should look at it. A
  date taken from a page's own HTML metadata is only a hint and is dropped instead;
* text in another language is quarantined (``not_english``) only when a cheap
  test (:mod:`newsgraph.ingest.language`) finds it clearly not English;
* a path with ``..`` or a link resolving out of its day folder is
  ``outside_landing_root``; a file name that is not UTF-8 is ``bad_file_name``
  and is named with ``\\xNN`` escapes; a JSON string holding half a surrogate
  pair (``"\\ud800"``), which no table can store, is ``bad_field``;
* HTML nested deeper than the parser reads is ``html_too_deep``, since the
  parser would silently drop the rest of the page;
* copies of one text are all loaded: the pipeline, which sees the whole day and
  the content hashes of the days before, quarantines all but the first
  (``duplicate``, ``duplicate_earlier_day``).

A landing root in object storage (``NEWSGRAPH_LANDING=s3://bucket/landing``) is read
through :func:`readable_day`: the day's objects are copied into a temporary folder,
keeping their modification times, and read from there by the same code, so every check
above applies unchanged and ``input_path`` and ``received_at`` are what a local landing
root gives. Objects the loader would skip (``.`` and ``_`` names) are not copied, and
files over the size limits only in part, so a huge object costs no download. A key that
cannot be a file name below the day folder (an empty part, as in ``a//b.txt``, or one
that clashes with a folder of another key) is quarantined as ``bad_file_name``, one with a
``..`` part as ``outside_landing_root``.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from newsgraph.ingest.formats import (
    ContentProblem,
    binary_message,
    clean_field,
    decode_utf8,
    drop_leading_title,
    excerpt,
    find_nul,
    find_surrogate,
    html_main_text,
    html_metadata,
    normalise_text,
    parse_published_at,
    split_title,
    storable,
)
from newsgraph.ingest.language import not_english_reason
from newsgraph.settings import Settings
from newsgraph.storage import objectstore
from newsgraph.storage.objectstore import Location, ObjectPath, location

log = logging.getLogger(__name__)

#: ``source`` of articles whose file, record and sidecar do not name one.
DEFAULT_SOURCE = "landing"
#: Metadata for ``NAME.txt`` or ``NAME.html`` lives in ``NAME.meta.json`` next to it.
SIDECAR_SUFFIX = ".meta.json"
#: Sidecars hold a handful of fields; anything bigger is a mistake, not metadata.
MAX_SIDECAR_BYTES = 1024 * 1024

#: Every ``Rejected.reason`` this module produces, with its meaning.
REASON_CODES: dict[str, str] = {
    "outside_landing_root": "the file (usually a symlink) resolves outside its day folder, or its path holds '..'",
    "bad_file_name": "the file name is not valid UTF-8 (it is stored with \\x escapes), or an object key cannot be a file name",
    "unsupported_type": "the file extension is not one of the supported formats",
    "unreadable": "the operating system refused to read the file",
    "not_a_file": "the entry is a folder, device or pipe rather than a regular file",
    "too_large": "the file is over max_file_bytes, or an article is over max_article_chars",
    "binary": "the data holds NUL bytes (binary or UTF-16, not UTF-8 text)",
    "not_utf8": "the bytes are not valid UTF-8 (the detail says when they read as Windows-1252/Latin-1)",
    "empty_text": "the file or the article text is empty, whitespace only, or without a letter or digit",
    "bad_json": "a .json file, a JSONL line or an array item is not a valid JSON object",
    "missing_text": "a JSON record has no 'text' field",
    "bad_field": "a JSON record or sidecar field has the wrong type, or holds an unpaired surrogate escape",
    "bad_published_at": "published_at is not an ISO 8601 date or datetime",
    "future_published_at": "published_at is more than a day after the end of the landing day",
    "bad_sidecar": "the NAME.meta.json sidecar cannot be read as a JSON object",
    "html_parse_error": "the HTML could not be parsed, or went past a limit of the parser",
    "html_too_deep": "the HTML nests elements deeper than the parser reads, so its text would be cut",
    "no_main_text": "a long HTML page has no recognisable article text",
    "not_english": "the article text is clearly not English (another script, or another language's common words)",
}

#: ``published_at`` may be up to this long after the *start* of the landing day: the day
#: itself, plus a day for feeds that write local time without an offset.
MAX_PUBLISHED_AFTER_LANDING = timedelta(days=2)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class RawArticle:
    """One article as it arrived, before language checks and NLP."""

    source: str
    source_id: str | None
    url: str | None
    title: str | None
    #: Timezone-aware UTC; a date alone means midnight UTC.
    published_at: datetime | None
    #: Body text, stripped, with Unix newlines.
    text: str
    #: Relative to the landing root, with ``#N`` for a JSONL line (1-based) or a JSON array index (0-based).
    input_path: str
    #: The file's modification time in UTC, so re-running over the same files gives the same value.
    received_at: datetime


@dataclass(frozen=True)
class Rejected:
    """An input that did not become an article, and why."""

    source: str
    input_path: str
    reason: str
    detail: str
    received_at: datetime
    excerpt: str | None


class TooManyArticlesError(RuntimeError):
    """A day holds more articles than ``max_articles_per_day``; raised rather than running for hours."""


@dataclass(frozen=True)
class _Location:
    """Where a result came from, as a table key and as words for a message."""

    input_path: str
    #: How the detail names the input, e.g. "2025-09-01/feed.jsonl line 7".
    where: str
    #: What happened to the rest of the file, e.g. "line skipped, other lines loaded".
    consequence: str


@dataclass(frozen=True)
class _Input:
    """One landed file as its loader sees it."""

    rel: str
    received_at: datetime
    settings: Settings
    #: The landing day the file arrived on (its day folder), when it lies in one.
    day: date | None = None

    def whole_file(self) -> _Location:
        return _Location(self.rel, self.rel, "file skipped")

    def line(self, number: int) -> _Location:
        return _Location(f"{self.rel}#{number}", f"{self.rel} line {number}", "line skipped, other lines loaded")

    def item(self, index: int) -> _Location:
        return _Location(
            f"{self.rel}#{index}", f"{self.rel} array index {index}", "item skipped, other items loaded"
        )

    def reject(
        self, where: _Location, problem: ContentProblem, source: str = DEFAULT_SOURCE, raw: bytes | str | None = None
    ) -> Rejected:
        return Rejected(
            source=storable(source),
            input_path=where.input_path,
            reason=problem.reason,
            detail=storable(f"{where.where}: {problem.message}; {where.consequence}"),
            received_at=self.received_at,
            excerpt=excerpt(problem.raw if problem.raw is not None else raw),
        )

    def future_problem(self, published_at: datetime | None) -> ContentProblem | None:
        """Why ``published_at`` cannot be right for a file of this landing day, if it cannot."""
        if published_at is None or self.day is None:
            return None
        latest = datetime.combine(self.day, time(), UTC) + MAX_PUBLISHED_AFTER_LANDING
        if published_at <= latest:
            return None
        return ContentProblem(
            "future_published_at",
            f"published_at {published_at.isoformat()} is more than a day after the landing day "
            f"{self.day.isoformat()} ends (the latest accepted is {latest.isoformat()}); an article cannot be "
            "published after it lands, so the date is wrong (year or time zone?): fix it and land it again",
        )


@dataclass(frozen=True)
class _Fields:
    """Article metadata from a record, a sidecar or a page; ``None`` means not given."""

    source: str = DEFAULT_SOURCE
    source_id: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: datetime | None = None

    def overridden_by(self, other: _Fields) -> _Fields:
        """Values given in ``other`` win; a null in ``other`` means "not known", not "erase"."""
        return _Fields(
            source=other.source,
            source_id=other.source_id if other.source_id is not None else self.source_id,
            url=other.url if other.url is not None else self.url,
            title=other.title if other.title is not None else self.title,
            published_at=other.published_at if other.published_at is not None else self.published_at,
        )


# --- discovery -------------------------------------------------------------------


def day_folder(landing_root: Location, day: date) -> Location:
    """The folder that holds the files that arrived on ``day``."""
    return landing_root / day.isoformat()


def discover_files(landing_root: Path, day: date) -> list[Path]:
    """Files of one arrival day, sorted by relative path so every run sees the same order.

    Subfolders are searched; hidden files and folders (temporary uploads), names
    starting with ``_`` (the fetcher's raw feeds and manifest: ``_feeds/``,
    ``_fetched.jsonl``) and ``*.meta.json`` sidecars are skipped. Symlinks are listed without being
    followed, so :func:`load_file` can refuse those pointing out of the day folder.
    A missing day folder is an empty day, not an error; a folder that cannot be
    listed raises, because silently skipping it would lose articles.
    """
    folder = day_folder(landing_root, day)
    if not folder.exists():
        return []
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} exists but is not a folder; move the file away so the day can be read")

    def fail(err: OSError) -> None:
        raise err

    found: list[Path] = []
    for current, dirnames, filenames in os.walk(folder, onerror=fail, followlinks=False):
        here = Path(current)
        dirnames[:] = [d for d in dirnames if not d.startswith((".", "_"))]
        linked_dirs = [d for d in dirnames if (here / d).is_symlink()]
        for name in [*filenames, *linked_dirs]:
            if name.startswith((".", "_")) or name.lower().endswith(SIDECAR_SUFFIX):
                continue
            found.append(here / name)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


# --- one file --------------------------------------------------------------------


def load_file(path: Path, landing_root: Path, settings: Settings) -> Iterator[RawArticle | Rejected]:
    """Articles and rejections from one landed file, in file order.

    Checks run from cheapest to dearest: the path, the extension, the size (from
    ``stat``, before reading), then the bytes and the format's own rules.
    """
    rel = _relative_path(path, landing_root)
    try:
        _check_path(rel)
        _check_inside_day(path, landing_root)
    except ContentProblem as problem:
        outside = _Input(storable_path(rel), _modified_at(path, follow_symlinks=False), settings)
        yield outside.reject(outside.whole_file(), problem)
        return

    inp = _Input(rel, _modified_at(path, follow_symlinks=True), settings, _landing_day(rel))
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        yield inp.reject(inp.whole_file(), _unsupported(path))
        return

    sidecar = _Fields()
    try:
        if loader.uses_sidecar:
            sidecar = _read_sidecar(path, landing_root)
        data = _read_bytes(path, settings)
    except ContentProblem as problem:
        yield inp.reject(inp.whole_file(), problem, source=sidecar.source)
        return
    yield from loader.load(inp, data, sidecar)


def _relative_path(path: Path, landing_root: Path) -> str:
    """``path`` relative to the landing root in POSIX form; absolute when it is not under the root.

    Taken as written first, so a ``..`` in it stays visible for :func:`_check_path` to refuse.
    """
    written, root = Path.cwd() / path, Path.cwd() / landing_root
    if written.is_relative_to(root):
        return written.relative_to(root).as_posix()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(os.path.abspath(landing_root)).as_posix()
    except ValueError:
        return absolute.as_posix()


def storable_path(rel: str) -> str:
    """``rel`` with the bytes of a non-UTF-8 file name as ``\\xNN`` escapes, so it can be stored and printed."""
    return os.fsencode(rel).decode("utf-8", errors="backslashreplace")


def _check_path(rel: str) -> None:
    """Refuse paths that climb out with ``..`` and file names that are not UTF-8."""
    if ".." in Path(rel).parts:
        raise ContentProblem(
            "outside_landing_root",
            "its path goes up a folder with '..'; only files inside their day folder are read",
        )
    if find_surrogate(rel) is not None:
        raise ContentProblem(
            "bad_file_name",
            "its name is not valid UTF-8 (shown here with \\x escapes); rename it with a UTF-8 name and land it again",
        )


def _landing_day(rel: str) -> date | None:
    """The arrival day named by the file's day folder, or None when it is not in one."""
    parts = Path(rel).parts
    if len(parts) < 2:
        return None
    try:
        return date.fromisoformat(parts[0])
    except ValueError:
        return None


def _check_inside_day(path: Path, landing_root: Path) -> None:
    """Refuse files that resolve outside their day folder: a run must read only its own day."""
    root = Path(os.path.abspath(landing_root))
    absolute = Path(os.path.abspath(path))
    if not absolute.is_relative_to(root):
        raise ContentProblem(
            "outside_landing_root",
            f"is not under the landing root {root}; only files inside a day folder of it are read",
        )
    parts = absolute.relative_to(root).parts
    folder = root / parts[0] if len(parts) > 1 else root
    try:
        target = absolute.resolve()
        allowed = folder.resolve()
    except (OSError, RuntimeError) as err:
        raise ContentProblem("unreadable", f"its path could not be resolved ({err}); fix or remove the link") from None
    if not target.is_relative_to(allowed):
        raise ContentProblem(
            "outside_landing_root",
            f"resolves to {target}, outside the day folder {allowed}; copy the file into the day folder "
            "instead of linking to it",
        )


def _modified_at(path: Path, follow_symlinks: bool) -> datetime:
    """The file's mtime in UTC at microsecond precision; the epoch when it cannot be read.

    Integer nanoseconds avoid float rounding, so the same file always gives the same value.
    """
    try:
        ns = os.stat(path, follow_symlinks=follow_symlinks).st_mtime_ns
    except OSError:
        try:
            ns = os.lstat(path).st_mtime_ns
        except OSError:
            return _EPOCH
    return _EPOCH + timedelta(microseconds=ns // 1000)


def _unsupported(path: Path) -> ContentProblem:
    known = ", ".join(sorted(_LOADERS))
    what = f"extension {path.suffix!r}" if path.suffix else "no file extension"
    return ContentProblem(
        "unsupported_type",
        f"has {what}, which is not one of {known}; convert it or move it out of the landing folder",
    )


def _read_bytes(path: Path, settings: Settings) -> bytes:
    """The whole file, after checking from ``stat`` that it is a regular file within the size limit."""
    try:
        info = path.stat()
    except OSError as err:
        raise _unreadable(err) from None
    if not stat.S_ISREG(info.st_mode):
        kind = "folder" if stat.S_ISDIR(info.st_mode) else "special file (pipe, socket or device)"
        raise ContentProblem("not_a_file", f"is a {kind}, not a regular file; only regular files are loaded")
    limit = settings.max_file_bytes
    if info.st_size > limit:
        raise _file_too_large(info.st_size, limit, _head(path))
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise _unreadable(err) from None
    if len(data) > limit:
        raise _file_too_large(len(data), limit, data[:1024], still_growing=True)
    nul = find_nul(data)
    if nul is not None:
        raise ContentProblem("binary", binary_message(nul), raw=data)
    if not data.removeprefix(_UTF8_BOM).strip():
        state = "is empty (0 bytes)" if not data else "holds only whitespace"
        raise ContentProblem("empty_text", f"{state}; remove it or land it again with its text", raw=data)
    return data


def _unreadable(err: OSError) -> ContentProblem:
    return ContentProblem(
        "unreadable",
        f"could not be read ({type(err).__name__}: {err.strerror or err}); check that it exists and is readable",
    )


def _file_too_large(size: int, limit: int, head: bytes | None, still_growing: bool = False) -> ContentProblem:
    grown = " (it grew while being read)" if still_growing else ""
    return ContentProblem(
        "too_large",
        f"is {size:,} bytes{grown}, over the limit of {limit:,} bytes (max_file_bytes, NEWSGRAPH_MAX_FILE_BYTES) "
        "and was not read; split it into smaller files or raise the limit",
        raw=head,
    )


def _head(path: Path, size: int = 1024) -> bytes | None:
    """The first bytes of a file refused for its size, for the excerpt only."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return None


# --- sidecars and fields ---------------------------------------------------------


def sidecar_path(path: Path) -> Path:
    """``a.txt`` -> ``a.meta.json``: same folder, same stem."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def _read_sidecar(path: Path, landing_root: Path) -> _Fields:
    """Metadata from the file's sidecar, or no metadata when there is none.

    A sidecar that exists but cannot be used rejects its article: loading the
    article without its metadata would lose the id and date without a trace.
    """
    meta = sidecar_path(path)
    if not os.path.lexists(meta):
        return _Fields()
    data: bytes | None = None
    try:
        _check_inside_day(meta, landing_root)
        data = _read_sidecar_bytes(meta)
        document = json.loads(decode_utf8(data))
        if not isinstance(document, dict):
            raise ContentProblem("bad_sidecar", f"holds a JSON {_json_type(document)}, not an object")
        return _fields_from(document)
    except ContentProblem as problem:
        raise _sidecar_problem(meta, problem, data) from None
    except json.JSONDecodeError as err:
        problem = ContentProblem("bad_sidecar", f"not valid JSON ({err.msg}: line {err.lineno} column {err.colno})")
        raise _sidecar_problem(meta, problem, data) from None
    except ValueError as err:
        raise _sidecar_problem(meta, ContentProblem("bad_sidecar", _unreadable_json(err)), data) from None
    except RecursionError:
        problem = ContentProblem("bad_sidecar", "nested too deeply to be read")
        raise _sidecar_problem(meta, problem, data) from None


def _read_sidecar_bytes(meta: Path) -> bytes:
    try:
        with meta.open("rb") as handle:
            data = handle.read(MAX_SIDECAR_BYTES + 1)
    except OSError as err:
        reason = f"{type(err).__name__}: {err.strerror or err}"
        raise ContentProblem("bad_sidecar", f"could not be read ({reason})") from None
    if len(data) > MAX_SIDECAR_BYTES:
        raise ContentProblem("bad_sidecar", f"over {MAX_SIDECAR_BYTES:,} bytes, far too big for metadata")
    return data


def _sidecar_problem(meta: Path, problem: ContentProblem, data: bytes | None) -> ContentProblem:
    """Name the sidecar in the message and quote it; field problems keep their own reason code."""
    reason = problem.reason if problem.reason in ("bad_field", "bad_published_at") else "bad_sidecar"
    return ContentProblem(reason, f"sidecar {meta.name}: {problem.message}; fix or remove the sidecar", raw=data)


def _fields_from(record: Mapping[str, object]) -> _Fields:
    """Typed metadata from a JSON record or sidecar; unknown keys are ignored."""
    return _Fields(
        source=_optional_str(record, "source") or DEFAULT_SOURCE,
        source_id=_optional_id(record),
        url=_optional_str(record, "url"),
        title=clean_field(_optional_str(record, "title")),
        published_at=parse_published_at(record.get("published_at")),
    )


def _optional_str(record: Mapping[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ContentProblem(
            "bad_field", f"field {key!r} must be a string or null, got {_json_type(value)} {_short_repr(value)}"
        )
    _check_characters(value, key)
    return value.strip() or None


def _check_characters(value: str, key: str) -> None:
    """Refuse a string holding a JSON escape of half a surrogate pair ("\\ud800"): it is not a character."""
    position = find_surrogate(value)
    if position is not None:
        raise ContentProblem(
            "bad_field",
            f"field {key!r} holds an unpaired surrogate escape (\\u{ord(value[position]):04x}) at character "
            f"{position}, which is not a character; fix the JSON encoding of the producer",
        )


def _optional_id(record: Mapping[str, object]) -> str | None:
    """Feeds write ids as strings or whole numbers; both are kept as text."""
    value = record.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _optional_str(record, "id")


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _short_repr(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _record_source(record: Mapping[str, object]) -> str:
    """Best-effort source for a rejected record, even when its fields are invalid."""
    value = record.get("source")
    return value.strip() if isinstance(value, str) and value.strip() else DEFAULT_SOURCE


# --- articles --------------------------------------------------------------------


def _article(inp: _Input, where: _Location, fields: _Fields, text: str) -> RawArticle:
    """Apply the checks every article passes, whatever its format."""
    text = normalise_text(text)
    if not text:
        raise ContentProblem("empty_text", "the article text is empty or whitespace only; land it again with its text")
    if not any(c.isalnum() for c in text):
        raise ContentProblem(
            "empty_text",
            f"the article text has no letters or digits, only {len(text):,} characters of punctuation, symbols or "
            "invisible characters; land it again with its text",
            raw=text,
        )
    limit = inp.settings.max_article_chars
    if len(text) > limit:
        raise ContentProblem(
            "too_large",
            f"the article text is {len(text):,} characters, over the limit of {limit:,} "
            "(max_article_chars, NEWSGRAPH_MAX_ARTICLE_CHARS); split it or raise the limit",
            raw=text,
        )
    future = inp.future_problem(fields.published_at)
    if future is not None:
        raise future
    foreign = not_english_reason(text)
    if foreign is not None:
        raise ContentProblem(
            "not_english",
            f"the article text is clearly not English: {foreign}; only English articles are processed",
            raw=text,
        )
    return RawArticle(
        source=fields.source,
        source_id=fields.source_id,
        url=fields.url,
        title=fields.title,
        published_at=fields.published_at,
        text=text,
        input_path=where.input_path,
        received_at=inp.received_at,
    )


def _single(
    inp: _Input, sidecar: _Fields, data: bytes, build: Callable[[], RawArticle]
) -> Iterator[RawArticle | Rejected]:
    """Run a one-article loader, turning its problem into a rejection of the whole file."""
    try:
        yield build()
    except ContentProblem as problem:
        yield inp.reject(inp.whole_file(), problem, source=sidecar.source, raw=data)


def _load_txt(inp: _Input, data: bytes, sidecar: _Fields) -> Iterator[RawArticle | Rejected]:
    """Plain text; a headline-like first line becomes the title unless the sidecar gives one.

    With a sidecar title, the first line is removed only when it repeats that title,
    so a first sentence is never lost to a guess.
    """

    def build() -> RawArticle:
        text = normalise_text(decode_utf8(data))
        if sidecar.title is not None:
            title, body = sidecar.title, drop_leading_title(text, sidecar.title)
        else:
            title, body = split_title(text)
        return _article(inp, inp.whole_file(), replace(sidecar, title=title), body)

    return _single(inp, sidecar, data, build)


def _load_html(inp: _Input, data: bytes, sidecar: _Fields) -> Iterator[RawArticle | Rejected]:
    """A web page: main text from trafilatura, metadata from the page unless the sidecar gives it."""

    def build() -> RawArticle:
        html = decode_utf8(data)
        text = normalise_text(html_main_text(html))
        fields = sidecar
        if None in (sidecar.title, sidecar.url, sidecar.published_at):
            page = html_metadata(html)
            # the page's own date is a hint: one after the landing day is dropped, not held against the article
            published_at = None if inp.future_problem(page.published_at) else page.published_at
            fields = _Fields(url=page.url, title=page.title, published_at=published_at).overridden_by(sidecar)
        return _article(inp, inp.whole_file(), fields, drop_leading_title(text, fields.title))

    return _single(inp, sidecar, data, build)


def _record_result(inp: _Input, where: _Location, record: object, raw: bytes | str) -> RawArticle | Rejected:
    """One JSON record as an article, or the reason it is not one."""
    if not isinstance(record, dict):
        problem = ContentProblem("bad_json", f"is a JSON {_json_type(record)}, not an object with a 'text' field")
        return inp.reject(where, problem, raw=raw)
    try:
        text = record.get("text")
        if text is None:
            keys = ", ".join(sorted(map(str, record))) or "none"
            raise ContentProblem(
                "missing_text",
                f"no 'text' field, or it is null (fields present: {keys}); every record needs a string 'text'",
            )
        if not isinstance(text, str):
            raise ContentProblem("bad_field", f"field 'text' must be a string, got {_json_type(text)}")
        _check_characters(text, "text")
        return _article(inp, where, _fields_from(record), text)
    except ContentProblem as problem:
        return inp.reject(where, problem, source=_record_source(record), raw=raw)


def _load_json(inp: _Input, data: bytes, sidecar: _Fields) -> Iterator[RawArticle | Rejected]:
    """One record, or an array of records addressed by their 0-based index."""
    try:
        document = json.loads(decode_utf8(data))
    except ContentProblem as problem:
        yield inp.reject(inp.whole_file(), problem, raw=data)
        return
    except json.JSONDecodeError as err:
        problem = ContentProblem(
            "bad_json",
            f"is not valid JSON ({err.msg}: line {err.lineno} column {err.colno}); fix it, "
            "or land one record per line as .jsonl so one bad record does not block the rest",
        )
        yield inp.reject(inp.whole_file(), problem, raw=data)
        return
    except ValueError as err:
        yield inp.reject(inp.whole_file(), ContentProblem("bad_json", _unreadable_json(err)), raw=data)
        return
    except RecursionError:
        yield inp.reject(inp.whole_file(), ContentProblem("bad_json", "is nested too deeply to be read"), raw=data)
        return
    if document == []:
        problem = ContentProblem("empty_text", "holds an empty JSON array, so no articles; remove it or land it again")
        yield inp.reject(inp.whole_file(), problem, raw=data)
    elif isinstance(document, list):
        for index, record in enumerate(document):
            yield _record_result(inp, inp.item(index), record, _record_excerpt(record))
    elif isinstance(document, dict):
        yield _record_result(inp, inp.whole_file(), document, data)
    else:
        problem = ContentProblem(
            "bad_json", f"holds a JSON {_json_type(document)}; expected an object or an array of objects"
        )
        yield inp.reject(inp.whole_file(), problem, raw=data)


def _unreadable_json(err: ValueError) -> str:
    """Valid JSON syntax that Python still refuses, such as a whole number of more than 4,300 digits."""
    return f"is JSON that cannot be read ({err}); fix the producer"


def _record_excerpt(record: object) -> str:
    try:
        return json.dumps(record, ensure_ascii=False)[:400]
    except (TypeError, ValueError, RecursionError):
        return repr(record)[:400]


def _load_jsonl(inp: _Input, data: bytes, sidecar: _Fields) -> Iterator[RawArticle | Rejected]:
    """One record per line (1-based line numbers); a bad line is rejected and the others still load.

    Lines are decoded one by one so that a stray invalid byte costs one record, not the file.
    """
    offset = 0
    for number, raw_line in enumerate(data.split(b"\n"), start=1):
        start, offset = offset, offset + len(raw_line) + 1
        if not raw_line.strip():
            continue
        where = inp.line(number)
        try:
            line = decode_utf8(raw_line, base_offset=start)
            record = json.loads(line)
        except ContentProblem as problem:
            yield inp.reject(where, problem, raw=raw_line)
            continue
        except json.JSONDecodeError as err:
            problem = ContentProblem("bad_json", f"not valid JSON ({err.msg}: column {err.colno})")
            yield inp.reject(where, problem, raw=raw_line)
            continue
        except ValueError as err:
            yield inp.reject(where, ContentProblem("bad_json", _unreadable_json(err)), raw=raw_line)
            continue
        except RecursionError:
            yield inp.reject(where, ContentProblem("bad_json", "is nested too deeply to be read"), raw=raw_line)
            continue
        yield _record_result(inp, where, record, raw_line)


@dataclass(frozen=True)
class _Loader:
    load: Callable[[_Input, bytes, _Fields], Iterator[RawArticle | Rejected]]
    #: Only formats without their own metadata fields take a sidecar.
    uses_sidecar: bool


_LOADERS: dict[str, _Loader] = {
    ".txt": _Loader(_load_txt, uses_sidecar=True),
    ".html": _Loader(_load_html, uses_sidecar=True),
    ".htm": _Loader(_load_html, uses_sidecar=True),
    ".json": _Loader(_load_json, uses_sidecar=False),
    ".jsonl": _Loader(_load_jsonl, uses_sidecar=False),
    ".ndjson": _Loader(_load_jsonl, uses_sidecar=False),
}


# --- one day ---------------------------------------------------------------------


def load_day(landing_root: Path, day: date, settings: Settings) -> tuple[list[RawArticle], list[Rejected]]:
    """All articles and rejections of one arrival day, in file order then record order.

    Raises :class:`TooManyArticlesError` as soon as the day passes
    ``max_articles_per_day``: such a day is a mistake upstream, not work to do.
    Copies of one text are all returned: the pipeline keeps the first and
    quarantines the others (``duplicate``), and those of an earlier day
    (``duplicate_earlier_day``), since it keeps every day's content hashes.
    """
    articles: list[RawArticle] = []
    rejected: list[Rejected] = []
    files = discover_files(landing_root, day)
    for path in files:
        for result in load_file(path, landing_root, settings):
            if isinstance(result, Rejected):
                rejected.append(result)
                continue
            articles.append(result)
            if len(articles) > settings.max_articles_per_day:
                raise TooManyArticlesError(
                    f"{day_folder(landing_root, day)} holds more than {settings.max_articles_per_day:,} articles "
                    f"(reached at {result.input_path}); check the upstream feed, or raise "
                    "NEWSGRAPH_MAX_ARTICLES_PER_DAY if the volume is real"
                )
    log.info(
        "landing day %s: %d files, %d articles, %d rejected", day.isoformat(), len(files), len(articles), len(rejected)
    )
    return articles, rejected


# --- object storage --------------------------------------------------------------

#: Bytes copied of an object refused for its size: the loader reads that much for the excerpt.
_HEAD_BYTES = 1024


def _stored_day(landing_root: ObjectPath, day: date) -> list[objectstore.StoredFile]:
    """The objects of the day that the loader would look at: no part of the key starts
    with ``.`` or ``_`` (as :func:`discover_files` skips them; ``..`` is kept, to be
    refused), and no folder markers."""
    out = []
    for f in objectstore.list_files(day_folder(landing_root, day)):
        parts = f.rel.split("/")
        hidden = any(p.startswith((".", "_")) and p not in (".", "..") for p in parts)
        if hidden or (f.rel.endswith("/") and f.size == 0):
            continue
        out.append(f)
    return out


def landed_files(landing_root: Location | str, day: date) -> list[tuple[str, int, int]]:
    """Name, size and modification time (ns) of each file of the day the loader reads (no
    sidecars), in order: what tells one version of a landing day from another."""
    root = location(landing_root)
    if isinstance(root, ObjectPath):
        return [
            (f.rel.rsplit("/", 1)[-1], f.size, f.mtime_ns)
            for f in _stored_day(root, day)
            if not f.rel.lower().endswith(SIDECAR_SUFFIX)
        ]
    out = []
    for path in discover_files(root, day):
        try:
            st = path.stat()
        except OSError:
            continue
        out.append((storable_path(path.name), st.st_size, st.st_mtime_ns))
    return out


@contextmanager
def readable_day(landing_root: Location | str, day: date, settings: Settings) -> Iterator[tuple[Path, list[Rejected]]]:
    """A local landing root holding ``day``, and the inputs refused while getting it there.

    A local landing root is given as it is, with nothing refused. From object storage, the
    day's objects are copied into a temporary folder that is removed on leaving the block
    (see the module's docstring); read errors of the store are raised, never quarantined,
    so that a retry reads the day whole.
    """
    root = location(landing_root)
    if not isinstance(root, ObjectPath):
        yield root, []
        return
    with tempfile.TemporaryDirectory(prefix="newsgraph-landing-") as tmp:
        local = Path(tmp)
        refused = _copy_day(root, day, local, settings)
        yield local, refused


def _copy_day(root: ObjectPath, day: date, local: Path, settings: Settings) -> list[Rejected]:
    """Copy the day's objects below ``local``; returns the rejections of keys that cannot be files there."""
    folder = local / day.isoformat()
    folder.mkdir()
    refused: list[Rejected] = []
    stored = _stored_day(root, day)
    for f in stored:
        rel = f"{day.isoformat()}/{f.rel}"
        dest = _local_file(folder, f.rel)
        if isinstance(dest, tuple):
            reason, message = dest
            received_at = _EPOCH + timedelta(microseconds=f.mtime_ns // 1000)
            detail = storable(f"{rel}: {message}; file skipped")
            refused.append(Rejected(DEFAULT_SOURCE, storable(rel), reason, detail, received_at, None))
            continue
        limit = MAX_SIDECAR_BYTES if f.rel.lower().endswith(SIDECAR_SUFFIX) else settings.max_file_bytes
        objectstore.download(f, dest, first_bytes=_HEAD_BYTES if f.size > limit else None)
    log.info("landing day %s: copied %d objects of %s", day.isoformat(), len(stored) - len(refused), day_folder(root, day))
    return refused


def _local_file(folder: Path, rel: str) -> Path | tuple[str, str]:
    """The new empty file below ``folder`` that the object ``rel`` is copied to, or the
    reason code and message why the key cannot be one."""
    if ".." in rel.split("/"):
        return "outside_landing_root", "its key goes up a folder with '..'; only objects inside their day folder are read"
    parts = objectstore.safe_parts(rel)
    if parts is None:
        return "bad_file_name", "its key has an empty or '.' part, so it cannot be a file name; rename the object"
    dest = folder.joinpath(*parts)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.touch(exist_ok=False)
    except OSError as err:
        reason = err.strerror or str(err)
        return "bad_file_name", f"its key cannot be a file name below the day folder ({reason}); rename the object"
    return dest
