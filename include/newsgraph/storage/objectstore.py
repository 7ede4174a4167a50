"""Where the landing zone and the warehouse live: a local folder, or object storage (``s3://``).

``NEWSGRAPH_LANDING`` and ``NEWSGRAPH_WAREHOUSE`` hold a folder or a URL. :func:`location`
turns either into the one object the rest of the code works with: a :class:`pathlib.Path`
for a folder, an :class:`ObjectPath` for a URL. ``Path("s3://bucket/x")`` would not do: it
collapses the double slash into ``s3:/bucket/x``, a relative local folder named ``s3:``.

:class:`ObjectPath` has the few pathlib operations the pipeline uses (``/``, ``name``,
``parent``, ``exists``, ``glob``, ``read_bytes``, ``stat`` ...) over an fsspec filesystem
(s3fs for ``s3://``), so most code reads both kinds of location the same way. What differs
between the two lives here: writing a file atomically (:func:`write_bytes`,
:func:`write_parquet`), removing a folder (:func:`remove_tree`), reading Parquet
(:func:`read_parquet`, :func:`parquet_rows`) and giving DuckDB access (:func:`duckdb_connect`).

Object stores have no folders and no rename. A "folder" is a key prefix: it exists while
an object lies under it, and ``mkdir`` does nothing. A file is written with one request
(a PUT, or a multipart upload completed in one request for large files), and S3 makes the
new object visible all at once: a reader gets the old object or the new one, never a part
of it. That is what :func:`write_bytes` promises on a local disk too (a temporary file,
then ``os.replace``).

Connection settings come from the standard environment that botocore (under s3fs) reads:
``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY`` (and ``AWS_SESSION_TOKEN``), or
``AWS_PROFILE`` with ``~/.aws/``; ``AWS_REGION`` (or ``AWS_DEFAULT_REGION``);
``AWS_ENDPOINT_URL_S3`` or ``AWS_ENDPOINT_URL`` for an S3-compatible server (MinIO,
SeaweedFS, Ceph ...). ``NEWSGRAPH_S3_ENDPOINT_URL``, when set, overrides the endpoint for
newsgraph alone (other S3 clients of the same process, such as Airflow's remote logging,
keep theirs). ``memory://`` URLs (fsspec's in-process store) are accepted for tests.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Iterator, Union

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

#: URL schemes read and written through fsspec. ``memory`` lives in one process: tests only.
PROTOCOLS = ("s3", "memory")
ENDPOINT_ENV = "NEWSGRAPH_S3_ENDPOINT_URL"

_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://(.*)", re.DOTALL)


def is_url(value: object) -> bool:
    """Whether ``value`` is written as a URL (``scheme://...``) rather than a path."""
    return isinstance(value, str) and _URL.fullmatch(value.strip()) is not None


def location(value: "str | os.PathLike[str] | ObjectPath") -> "Location":
    """A folder or file as a :class:`~pathlib.Path`, or an object-storage URL as an :class:`ObjectPath`.

    ``file://`` URLs are local paths. Other schemes than :data:`PROTOCOLS` are refused: only
    stores where writing one object is atomic keep the warehouse's promise to readers.
    """
    if isinstance(value, (ObjectPath, Path)):
        return value
    text = os.fspath(value)
    match = _URL.fullmatch(text.strip())
    if match is None:
        return Path(text)
    scheme, rest = match.group(1).lower(), match.group(2)
    if scheme == "file":
        return Path(rest or "/")
    if scheme not in PROTOCOLS:
        raise ValueError(
            f"{text!r}: {scheme}:// is not supported; use a local folder or an s3:// URL (object storage)"
        )
    return ObjectPath(f"{scheme}://{rest}")


def is_remote(value: object) -> bool:
    """Whether ``value`` (a path, URL or :class:`ObjectPath`) is in object storage."""
    if isinstance(value, ObjectPath):
        return True
    return is_url(value) and not str(value).strip().lower().startswith("file://")


def storage_options(protocol: str) -> dict[str, Any]:
    """Keyword arguments of the fsspec filesystem for ``protocol``, from the environment."""
    if protocol != "s3":
        return {}
    # Listings are never cached: other workers write the same prefixes.
    options: dict[str, Any] = {"use_listings_cache": False}
    endpoint = os.environ.get(ENDPOINT_ENV, "").strip()
    if endpoint:
        options["endpoint_url"] = endpoint
    return options


def filesystem(protocol: str):
    """The fsspec filesystem of ``protocol`` (fsspec keeps one instance per process and options)."""
    import fsspec

    return fsspec.filesystem(protocol, **storage_options(protocol))


@dataclass(frozen=True)
class ObjectStat:
    """What :meth:`ObjectPath.stat` tells: the size, the time of the last write (to the
    second, in S3) and the store's version tag of the content (the ETag)."""

    st_size: int
    st_mtime_ns: int
    etag: str = ""


def _mtime_ns(info: dict[str, Any]) -> int:
    """The modification time of a listing entry, in integer nanoseconds (0 when unknown)."""
    when = info.get("LastModified") or info.get("mtime") or info.get("created")
    if isinstance(when, datetime):
        return round(when.timestamp() * 1_000_000) * 1000
    if isinstance(when, (int, float)):
        return round(float(when) * 1_000_000) * 1000
    return 0


class ObjectPath:
    """An object or key prefix in object storage, ``s3://bucket/some/key``, used like a Path.

    The path is normalised when built: empty and ``.`` parts are dropped and ``..`` goes up
    one part; going above the bucket is refused (``ValueError``). A path from :meth:`glob`,
    :meth:`rglob` or :meth:`iterdir` remembers what the listing said of it (file or prefix,
    size, time), so checking it costs no further request.
    """

    __slots__ = ("protocol", "_parts", "_info")

    def __init__(self, url: str):
        match = _URL.fullmatch(url.strip())
        if match is None:
            raise ValueError(f"{url!r} is not a URL such as s3://bucket/prefix")
        protocol = match.group(1).lower()
        if protocol not in PROTOCOLS:
            raise ValueError(f"{url!r}: {protocol}:// is not supported; use an s3:// URL")
        self.protocol = protocol
        self._parts = _normalise(match.group(2), url)
        self._info: dict[str, Any] | None = None

    @classmethod
    def _make(cls, protocol: str, parts: tuple[str, ...], info: dict[str, Any] | None = None) -> "ObjectPath":
        obj = cls.__new__(cls)
        obj.protocol, obj._parts, obj._info = protocol, parts, info
        return obj

    # -- names ----------------------------------------------------------------------------

    @property
    def path(self) -> str:
        """``bucket/key``: the path as the fsspec filesystem takes it."""
        return "/".join(self._parts)

    @property
    def bucket(self) -> str:
        return self._parts[0]

    @property
    def key(self) -> str:
        return "/".join(self._parts[1:])

    @property
    def parts(self) -> tuple[str, ...]:
        return self._parts

    @property
    def name(self) -> str:
        return self._parts[-1]

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix

    @property
    def parent(self) -> "ObjectPath":
        """The enclosing prefix; the bucket is its own parent, as ``/`` is for a Path."""
        return self if len(self._parts) == 1 else ObjectPath._make(self.protocol, self._parts[:-1])

    @property
    def parents(self) -> list["ObjectPath"]:
        return [ObjectPath._make(self.protocol, self._parts[:i]) for i in range(len(self._parts) - 1, 0, -1)]

    def __truediv__(self, other: "str | os.PathLike[str]") -> "ObjectPath":
        text = os.fspath(other)
        if text.startswith("/") or is_url(text):
            raise ValueError(f"cannot append the absolute path {text!r} to {self}")
        return ObjectPath._make(self.protocol, _normalise(self.path + "/" + text, f"{self}/{text}"))

    def joinpath(self, *others: str) -> "ObjectPath":
        out = self
        for other in others:
            out = out / other
        return out

    def with_name(self, name: str) -> "ObjectPath":
        return self.parent / name

    def relative_to(self, other: "ObjectPath") -> PurePosixPath:
        if not self.is_relative_to(other):
            raise ValueError(f"{self} is not under {other}")
        return PurePosixPath(*self._parts[len(other._parts):]) if self != other else PurePosixPath(".")

    def is_relative_to(self, other: object) -> bool:
        return (
            isinstance(other, ObjectPath)
            and other.protocol == self.protocol
            and self._parts[: len(other._parts)] == other._parts
        )

    def resolve(self) -> "ObjectPath":
        return self

    def expanduser(self) -> "ObjectPath":
        return self

    def absolute(self) -> "ObjectPath":
        return self

    def is_absolute(self) -> bool:
        return True

    def as_posix(self) -> str:
        return str(self)

    def __str__(self) -> str:
        return f"{self.protocol}://{self.path}"

    def __repr__(self) -> str:
        return f"ObjectPath({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ObjectPath) and (self.protocol, self._parts) == (other.protocol, other._parts)

    def __hash__(self) -> int:
        return hash((self.protocol, self._parts))

    def __lt__(self, other: "ObjectPath") -> bool:
        return (self.protocol, self._parts) < (other.protocol, other._parts)

    # -- the store ------------------------------------------------------------------------

    @property
    def fs(self):
        return filesystem(self.protocol)

    def _child(self, name: str, info: dict[str, Any]) -> "ObjectPath | None":
        """A listed name as a path; None for a key that is not a clean path (``a//b``, ``a/../b``)."""
        key = name.strip("/")
        parts = tuple(key.split("/"))
        if any(p in ("", ".", "..") for p in parts):
            return None
        return ObjectPath._make(self.protocol, parts, info)

    def info(self) -> dict[str, Any]:
        """The store's description of the object (``FileNotFoundError`` when there is none)."""
        if self._info is None:
            return self.fs.info(self.path)
        return self._info

    def exists(self) -> bool:
        return self._info is not None or self.fs.exists(self.path)

    def is_dir(self) -> bool:
        if self._info is not None:
            return self._info.get("type") == "directory"
        return self.fs.isdir(self.path)

    def is_file(self) -> bool:
        if self._info is not None:
            return self._info.get("type") == "file"
        return self.fs.isfile(self.path)

    def stat(self) -> ObjectStat:
        info = self.info()
        return ObjectStat(int(info.get("size") or 0), _mtime_ns(info), str(info.get("ETag") or ""))

    def read_bytes(self) -> bytes:
        return self.fs.cat_file(self.path)

    def read_text(self, encoding: str = "utf-8", errors: str = "strict") -> str:
        return self.read_bytes().decode(encoding, errors)

    def write_bytes(self, data: bytes) -> int:
        """One PUT: readers see the old object or the whole new one."""
        self.fs.pipe_file(self.path, bytes(data))
        return len(data)

    def write_text(self, text: str, encoding: str = "utf-8") -> int:
        return self.write_bytes(text.encode(encoding))

    def unlink(self, missing_ok: bool = False) -> None:
        if not missing_ok and not self.fs.isfile(self.path):
            raise FileNotFoundError(str(self))
        try:
            self.fs.rm_file(self.path)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def mkdir(self, parents: bool = False, exist_ok: bool = False) -> None:
        """Nothing to do: a prefix exists as soon as an object is written under it."""

    def iterdir(self) -> Iterator["ObjectPath"]:
        """The objects and prefixes right under this prefix (``FileNotFoundError`` when there are none)."""
        entries = self.fs.ls(self.path, detail=True)
        for entry in sorted(entries, key=lambda e: e["name"]):
            child = self._child(entry["name"], entry)
            if child is not None and child != self:
                yield child

    def _walk(self) -> list[tuple[str, "ObjectPath"]]:
        """Every object and prefix under this prefix, with its path relative to it, from one flat listing."""
        found = self.fs.find(self.path, withdirs=True, detail=True)
        prefix = self.path.strip("/") + "/"
        out = []
        for name, entry in found.items():
            key = name.lstrip("/")
            child = self._child(name, entry)
            if child is None or not key.startswith(prefix):
                continue
            out.append((key[len(prefix):], child))
        return sorted(out, key=lambda pair: pair[0])

    def glob(self, pattern: str) -> list["ObjectPath"]:
        """Paths under this prefix matching ``pattern`` part by part (``*`` stops at ``/``)."""
        wanted = [p for p in pattern.split("/") if p]
        if not wanted or "**" in wanted:
            raise ValueError(f"glob pattern {pattern!r}: use rglob for any depth")
        out = []
        for rel, child in self._walk():
            parts = rel.split("/")
            if len(parts) == len(wanted) and all(fnmatch.fnmatchcase(p, w) for p, w in zip(parts, wanted)):
                out.append(child)
        return out

    def rglob(self, pattern: str) -> list["ObjectPath"]:
        """Paths at any depth under this prefix whose name matches ``pattern``."""
        return [child for rel, child in self._walk() if fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], pattern)]


def _normalise(path: str, shown: str) -> tuple[str, ...]:
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if len(parts) <= 1:
                raise ValueError(f"{shown!r} goes above its bucket")
            parts.pop()
            continue
        parts.append(part)
    if not parts:
        raise ValueError(f"{shown!r} names no bucket")
    return tuple(parts)


#: A local folder or file, or an object-storage key.
Location = Union[Path, ObjectPath]


# -- writing ------------------------------------------------------------------------------


def write_bytes(path: Location, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step: readers see the old content or all of the new.

    Locally through a hidden temporary file beside it (``.<name>.<hex>.tmp``), flushed to
    disk and renamed; in object storage with a single PUT.
    """
    if isinstance(path, ObjectPath):
        path.write_bytes(data)
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex}.tmp"
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_text(path: Location, text: str, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding))


def write_parquet(table: "pa.Table", path: ObjectPath, **options: Any) -> None:
    """Upload ``table`` as one Parquet object: written to a local temporary file, then sent in
    one upload (a PUT, or a multipart upload the store completes at once), so readers never
    see a partial object."""
    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory(prefix="newsgraph-upload-") as tmp:
        local = Path(tmp) / path.name
        pq.write_table(table, local, **options)
        path.fs.put_file(str(local), path.path)


def remove_tree(path: Location) -> None:
    """Remove a folder and everything in it (every object under a prefix); nothing when absent."""
    if isinstance(path, ObjectPath):
        if path.fs.exists(path.path):
            path.fs.rm(path.path, recursive=True)
        return
    if Path(path).exists():
        shutil.rmtree(path)


# -- reading ------------------------------------------------------------------------------


def arrow_filesystem(path: Location):
    """The pyarrow filesystem to open ``path`` with: None (the local one) or fsspec's."""
    if not isinstance(path, ObjectPath):
        return None
    from pyarrow.fs import FSSpecHandler, PyFileSystem

    return PyFileSystem(FSSpecHandler(path.fs))


def _arrow_path(path: Location) -> str:
    return path.path if isinstance(path, ObjectPath) else str(path)


def read_parquet(path: Location, **options: Any) -> "pa.Table":
    """``pyarrow.parquet.read_table`` of a local file or an object."""
    import pyarrow.parquet as pq

    return pq.read_table(_arrow_path(path), filesystem=arrow_filesystem(path), **options)


def parquet_rows(path: Location) -> int:
    """Rows of a Parquet file, from its footer."""
    import pyarrow.parquet as pq

    return pq.read_metadata(_arrow_path(path), filesystem=arrow_filesystem(path)).num_rows


def duckdb_connect(*roots: "str | Location"):
    """A DuckDB connection that reads the given roots: for object storage, the fsspec
    filesystem is registered with it, so ``read_parquet('s3://...')`` goes through s3fs
    (with the settings above) instead of DuckDB's httpfs extension."""
    import duckdb

    con = duckdb.connect()
    for protocol in sorted({loc.protocol for loc in map(location, roots) if isinstance(loc, ObjectPath)}):
        con.register_filesystem(filesystem(protocol))
    return con


# -- copying ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredFile:
    """An object under a prefix, as listed."""

    #: The key relative to the prefix, exactly as stored (not normalised).
    rel: str
    size: int
    mtime_ns: int
    protocol: str
    #: The object's path as the fsspec filesystem names it.
    source: str


def list_files(prefix: ObjectPath) -> list[StoredFile]:
    """Every object under ``prefix`` (none when it does not exist), sorted by relative key.

    ``rel`` is the key as stored: a key such as ``a/../b`` is reported as it is, so that a
    caller copying objects to a disk can refuse it (see :func:`safe_parts`).
    """
    found = prefix.fs.find(prefix.path, detail=True)
    start = prefix.path.strip("/") + "/"
    out = []
    for name, entry in found.items():
        key = name.lstrip("/")
        if entry.get("type") == "file" and key.startswith(start):
            out.append(StoredFile(key[len(start):], int(entry.get("size") or 0), _mtime_ns(entry), prefix.protocol, name))
    return sorted(out, key=lambda f: f.rel)


def safe_parts(rel: str) -> tuple[str, ...] | None:
    """The parts of a relative key that can be a file below a local folder, or None.

    None for keys that would leave the folder or cannot be a file name: an empty part
    (``a//b``, a trailing ``/``), ``.`` or ``..``, or a NUL character.
    """
    parts = tuple(rel.split("/"))
    if not rel or any(p in ("", ".", "..") or "\x00" in p for p in parts):
        return None
    return parts


def download(obj: StoredFile, dest: Path, *, first_bytes: int | None = None) -> None:
    """Copy an object to the local file ``dest``, keeping its modification time.

    With ``first_bytes``, only that many bytes are copied and the file is extended (sparse)
    to the object's size: for files the reader refuses by size after reading their start.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    fs = filesystem(obj.protocol)
    if first_bytes is None:
        fs.get_file(obj.source, str(dest))
    else:
        head = fs.cat_file(obj.source, start=0, end=min(first_bytes, obj.size)) if obj.size else b""
        with open(dest, "wb") as handle:
            handle.write(head)
            handle.truncate(obj.size)
    if obj.mtime_ns:
        os.utime(dest, ns=(obj.mtime_ns, obj.mtime_ns))


def upload(source: Path, dest: ObjectPath) -> None:
    """Copy a local file to an object in one upload."""
    dest.fs.put_file(str(source), dest.path)
