"""Object-storage locations: URLs kept as URLs, confined landing params, the warehouse and the
landing loader over fsspec's in-process ``memory://`` store (S3 itself: test_s3_day.py)."""

from __future__ import annotations

import json
import os
import uuid
from datetime import date
from pathlib import Path, PurePosixPath

import fsspec
import pyarrow as pa
import pytest

from newsgraph.ingest.landing import landed_files, load_day, readable_day
from newsgraph.schema import FACT_TABLES
from newsgraph.settings import Settings
from newsgraph.storage import objectstore, warehouse
from newsgraph.storage.objectstore import ObjectPath, is_remote, location

DAY = date(2025, 9, 2)


@pytest.fixture()
def bucket() -> str:
    """A fresh bucket of the memory store, emptied afterwards."""
    name = f"bucket-{uuid.uuid4().hex[:8]}"
    yield name
    fs = fsspec.filesystem("memory")
    if fs.exists(f"/{name}"):
        fs.rm(f"/{name}", recursive=True)


# -- locations ----------------------------------------------------------------------------------


def test_a_url_stays_a_url_where_a_path_would_collapse_it():
    assert str(Path("s3://bucket/warehouse")) == "s3:/bucket/warehouse"  # the pitfall
    root = location("s3://bucket/warehouse/")
    assert isinstance(root, ObjectPath) and is_remote(root) and is_remote("s3://bucket")
    assert str(root) == "s3://bucket/warehouse"
    assert (root.bucket, root.key, root.name) == ("bucket", "warehouse", "warehouse")
    assert str(root / "articles" / "dt=2025-09-02") == "s3://bucket/warehouse/articles/dt=2025-09-02"
    assert root.parent == location("s3://bucket") and root.parent.parent == root.parent
    assert (root / "a" / "b.parquet").relative_to(root) == PurePosixPath("a/b.parquet")
    assert (root / "a").is_relative_to(root) and not location("s3://bucket/ware").is_relative_to(root)
    assert sorted([root / "b", root / "a"]) == [root / "a", root / "b"]
    assert len({root, location("s3://bucket//warehouse/./")}) == 1


def test_local_paths_and_file_urls_are_paths(tmp_path):
    assert location(str(tmp_path)) == tmp_path and not is_remote(str(tmp_path))
    assert location(f"file://{tmp_path}") == tmp_path and not is_remote(f"file://{tmp_path}")
    assert location("data/warehouse") == Path("data/warehouse")


@pytest.mark.parametrize("url, message", [
    ("s3://", "names no bucket"),
    ("s3://bucket/../other", "goes above its bucket"),
    ("http://example.org/warehouse", "not supported"),
    ("gs://bucket/x", "not supported"),
])
def test_bad_urls_are_refused(url, message):
    with pytest.raises(ValueError, match=message):
        location(url)


def test_a_path_cannot_be_appended_to_climb_out_of_its_bucket():
    root = location("s3://bucket/landing")
    assert root / "../refetched" == location("s3://bucket/refetched")
    for bad in ("../../other", "/etc", "s3://other/x"):
        with pytest.raises(ValueError):
            root / bad


def test_settings_keep_s3_urls(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_LANDING", "s3://news/landing")
    monkeypatch.setenv("NEWSGRAPH_WAREHOUSE", "s3://news/warehouse/")
    s = Settings.from_env()
    assert s.landing_root == location("s3://news/landing") and str(s.warehouse_root) == "s3://news/warehouse"
    monkeypatch.setenv("NEWSGRAPH_WAREHOUSE", "ftp://news/warehouse")
    with pytest.raises(ValueError, match="NEWSGRAPH_WAREHOUSE"):
        Settings.from_env()


def test_the_s3_endpoint_setting_reaches_s3fs_only(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_S3_ENDPOINT_URL", raising=False)
    assert objectstore.storage_options("s3") == {"use_listings_cache": False}
    monkeypatch.setenv("NEWSGRAPH_S3_ENDPOINT_URL", "http://127.0.0.1:8333")
    assert objectstore.storage_options("s3")["endpoint_url"] == "http://127.0.0.1:8333"
    assert objectstore.storage_options("memory") == {}


# -- a landing param on object storage stays confined --------------------------------------------


def _landing(bucket: str, *days: str) -> Settings:
    fs = fsspec.filesystem("memory")
    for prefix in days:
        fs.pipe(f"/{bucket}/{prefix}/2025-09-02/a.txt", b"Acme Corp opened a plant in Leeds.")
    return Settings(landing_root=location(f"memory://{bucket}/landing"))


def test_a_run_may_read_another_prefix_of_the_landing_bucket(bucket):
    base = _landing(bucket, "landing", "refetched", "feeds/2025")
    assert base.for_run(landing="refetched").landing_root == location(f"memory://{bucket}/refetched")
    assert base.for_run(landing=f"memory://{bucket}/feeds/2025").landing_root == location(f"memory://{bucket}/feeds/2025")
    assert base.for_run(landing="landing/../refetched").landing_root == location(f"memory://{bucket}/refetched")


@pytest.mark.parametrize("landing", ["../../elsewhere", "/etc", "memory://other-bucket/landing", "file:///etc", "missing"])
def test_a_run_cannot_leave_the_landing_bucket(bucket, landing):
    base = _landing(bucket, "landing")
    with pytest.raises(ValueError, match="outside the allowed folders|not a folder"):
        base.for_run(landing=landing)


def test_other_buckets_and_folders_can_be_allowed(bucket, tmp_path, monkeypatch):
    other = f"{bucket}-feeds"
    base = _landing(bucket, "landing")
    fsspec.filesystem("memory").pipe(f"/{other}/2025/2025-09-02/a.txt", b"text")
    (tmp_path / "local" / "feed").mkdir(parents=True)
    try:
        with pytest.raises(ValueError, match="NEWSGRAPH_LANDING_ALLOWED"):
            base.for_run(landing=f"memory://{other}/2025")
        # URLs keep their "://" in a list separated by os.pathsep
        monkeypatch.setenv("NEWSGRAPH_LANDING_ALLOWED", f"{tmp_path / 'local'}{os.pathsep}memory://{other}")
        assert base.for_run(landing=f"memory://{other}/2025").landing_root == location(f"memory://{other}/2025")
        assert base.for_run(landing=str(tmp_path / "local" / "feed")).landing_root == (tmp_path / "local" / "feed").resolve()
    finally:
        fsspec.filesystem("memory").rm(f"/{other}", recursive=True)


def test_a_local_landing_root_cannot_be_swapped_for_a_url(tmp_path):
    (tmp_path / "landing").mkdir()
    with pytest.raises(ValueError, match="outside the allowed folders"):
        Settings(landing_root=tmp_path / "landing").for_run(landing="memory://bucket/landing")


# -- the store ------------------------------------------------------------------------------------


def test_reading_writing_and_listing(bucket):
    root = location(f"memory://{bucket}/wh")
    assert not root.exists() and root.glob("*") == [] and objectstore.list_files(root) == []
    objectstore.write_text(root / "_validation" / "dt=2025-09-02" / "articles.json", '{"success": true}')
    objectstore.write_bytes(root / "_validation" / "dt=2025-09-02" / "drift.json", b"{}")
    objectstore.write_text(root / "_validation" / "index.html", "<html>")
    day = root / "_validation" / "dt=2025-09-02"
    assert root.exists() and day.is_dir() and not day.is_file()
    assert json.loads((day / "articles.json").read_text()) == {"success": True}
    assert [p.name for p in (root / "_validation").glob("dt=*")] == ["dt=2025-09-02"]
    assert [p.name for p in day.glob("*.json")] == ["articles.json", "drift.json"]
    assert [p.relative_to(root).as_posix() for p in root.rglob("index.html")] == ["_validation/index.html"]
    assert [p.name for p in (root / "_validation").iterdir()] == ["dt=2025-09-02", "index.html"]
    assert (day / "drift.json").stat().st_size == 2 and (day / "drift.json").stat().st_mtime_ns > 0
    (day / "drift.json").unlink()
    (day / "drift.json").unlink(missing_ok=True)
    with pytest.raises(FileNotFoundError):
        (day / "drift.json").unlink()
    objectstore.remove_tree(root / "_validation")
    assert not root.exists()
    objectstore.remove_tree(root / "_validation")  # absent: nothing to do


def _day_tables(articles: int) -> dict[str, pa.Table]:
    rows = [
        {"article_id": f"{i:016x}", "source": "wire", "source_id": None, "url": None, "title": None, "published_at": None,
         "language": "en", "text": f"Story {i}.", "text_chars": 8, "content_sha256": f"{i:064x}",
         "input_path": f"2025-09-02/{i}.txt", "run_id": "r", "received_at": None}
        for i in range(articles)
    ]
    tables = {name: schema.empty_table() for name, schema in FACT_TABLES.items()}
    tables["articles"] = pa.Table.from_pylist(rows, schema=FACT_TABLES["articles"])
    return tables


def test_publishing_a_day_in_object_storage(bucket):
    root = location(f"memory://{bucket}/wh")
    staging = warehouse.staging_dir(root, DAY, "run-1")
    warehouse.stage_tables(staging, _day_tables(3))
    counts = warehouse.publish_partition(root, DAY, str(staging))
    assert counts["articles"] == 3 and counts["quarantine"] == 0
    assert warehouse.published_days(root, "articles") == [DAY]
    assert objectstore.list_files(root / "_staging") == []
    fs = fsspec.filesystem("memory")
    assert sorted(p.rsplit("/", 1)[-1] for p in fs.glob(f"/{bucket}/wh/*/dt=*/*")) == ["part-00000.parquet"] * len(FACT_TABLES)
    assert {i.table: i.rows for i in warehouse.describe(str(root))}["articles"] == 3
    assert objectstore.read_parquet(warehouse.partition_dir(root, "articles", DAY) / warehouse.PART_FILE).num_rows == 3


def test_a_publish_killed_after_dropping_the_manifest_completes_on_retry(bucket):
    root = location(f"memory://{bucket}/wh")
    staging = warehouse.staging_dir(root, DAY, "run-1")
    warehouse.stage_tables(staging, _day_tables(2))
    tables = warehouse.read_staged(staging)
    for name, table in tables.items():  # the killed attempt published every table ...
        warehouse.write_parquet_atomic(table, warehouse.partition_dir(root, name, DAY) / warehouse.PART_FILE)
    (staging / warehouse.MANIFEST).unlink()  # ... and dropped the manifest, not the parts
    assert warehouse.publish_partition(root, DAY, staging)["articles"] == 2
    assert not staging.exists()


def test_a_publish_without_staging_or_partitions_asks_for_a_rerun(bucket):
    root = location(f"memory://{bucket}/wh")
    staging = warehouse.staging_dir(root, DAY, "run-1")
    warehouse.stage_part(staging, "articles", 0, _day_tables(1)["articles"])  # parts, no manifest
    with pytest.raises(FileNotFoundError, match="rerun the day"):
        warehouse.publish_partition(root, DAY, staging)


def test_a_rebuild_starts_over_when_its_inputs_change_under_it():
    inputs = iter([("a",), ("a", "b"), ("a", "b"), ("a", "b")])
    built = []
    assert warehouse.rebuild_until_settled(lambda: next(inputs), lambda seen: built.append(seen) or len(seen), "t") == 2
    assert built == [("a",), ("a", "b")]


def test_the_lock_is_a_no_op_in_object_storage(bucket):
    root = location(f"memory://{bucket}/wh")
    with warehouse.warehouse_lock(root, "entities"):
        with warehouse.warehouse_lock(root, "entities"):  # a local flock would wait forever
            pass
    assert not (root / "_locks").exists()


# -- the landing day from object storage ----------------------------------------------------------


def _put(bucket: str, rel: str, data: bytes) -> None:
    fsspec.filesystem("memory").pipe(f"/{bucket}/landing/{rel}", data)


def test_a_landing_day_is_read_from_object_storage_like_from_a_folder(bucket, tmp_path):
    text = b"Acme Corp opened a plant in Leeds on Monday, the company said."
    files = {
        "2025-09-02/story.txt": text,
        "2025-09-02/story.meta.json": json.dumps({"id": "s1", "source": "wire"}).encode(),
        "2025-09-02/sub/other.txt": b"Globex hired 300 people in Lagos, its chief executive said.",
        "2025-09-02/big.txt": b"B" * 5000,
        "2025-09-02/.upload.txt": b"half an upl",
        "2025-09-02/_feeds/feed.xml": b"<rss/>",
        "2025-09-01/earlier.txt": b"Not this day.",
    }
    for rel, data in files.items():
        _put(bucket, rel, data)
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    settings = Settings(max_file_bytes=1000)
    root = location(f"memory://{bucket}/landing")
    for rel in files:  # the same times as the objects, so received_at agrees too
        mtime = objectstore.list_files(root / PurePosixPath(rel).parent.as_posix())
        ns = next(f.mtime_ns for f in mtime if f.rel == PurePosixPath(rel).name)
        os.utime(tmp_path / rel, ns=(ns, ns))

    with readable_day(root, DAY, settings) as (local, refused):
        assert refused == []
        assert sorted(p.relative_to(local).as_posix() for p in local.rglob("*") if p.is_file()) == [
            "2025-09-02/big.txt", "2025-09-02/story.meta.json", "2025-09-02/story.txt", "2025-09-02/sub/other.txt"
        ]
        assert (local / "2025-09-02" / "big.txt").stat().st_size == 5000  # only its head was copied
        remote = load_day(local, DAY, settings)
    assert not local.exists()
    assert remote == load_day(tmp_path, DAY, settings)
    articles, rejected = remote
    assert [(a.input_path, a.source_id) for a in articles] == [("2025-09-02/story.txt", "s1"), ("2025-09-02/sub/other.txt", None)]
    assert [(r.input_path, r.reason) for r in rejected] == [("2025-09-02/big.txt", "too_large")]
    assert landed_files(root, DAY) == landed_files(tmp_path, DAY)


def test_object_keys_that_cannot_be_files_are_quarantined(bucket):
    for rel in ("2025-09-02/a//b.txt", "2025-09-02/up/../x.txt", f"2025-09-02/{'n' * 300}.txt", "2025-09-02/ok.txt"):
        _put(bucket, rel, b"Acme Corp opened a plant in Leeds.")
    with readable_day(location(f"memory://{bucket}/landing"), DAY, Settings()) as (local, refused):
        articles, _ = load_day(local, DAY, Settings())
    assert [a.input_path for a in articles] == ["2025-09-02/ok.txt"]
    assert sorted((r.reason, r.input_path[:20]) for r in refused) == [
        ("bad_file_name", "2025-09-02/a//b.txt"),
        ("bad_file_name", "2025-09-02/nnnnnnnnn"),
        ("outside_landing_root", "2025-09-02/up/../x.t"),
    ]
    assert all(r.detail.startswith(r.input_path + ": ") and "file skipped" in r.detail for r in refused)


def test_a_local_landing_root_is_read_in_place(tmp_path):
    with readable_day(tmp_path, DAY, Settings()) as (local, refused):
        assert local == tmp_path and refused == []


# -- fetching into a landing zone in object storage ----------------------------------------------


def test_fetching_into_object_storage_leaves_what_a_folder_gets(bucket, tmp_path):
    """Fetch day 2, then day 1 (where the story now belongs), then day 2 again: in the store as
    in a folder, day 2's copy of the story is removed and every other file is the same."""
    from datetime import UTC, datetime

    import httpx

    from newsgraph.sources import FetchConfig, fetch_day

    article = (
        "<html><head><title>Harbour dredging</title></head><body><article><h1>Harbour dredging</h1>"
        "<p>MOMBASA - The port authority will spend $30 million on dredging, its director said on Wednesday.</p>"
        "</article></body></html>"
    ).encode()
    feed_day = {"pubDate": "Tue, 02 Sep 2025 08:00:00 GMT"}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed.xml":
            rss = (
                '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><title>Harbour dredging</title>'
                f"<link>https://news.example.org/a.html</link><pubDate>{feed_day['pubDate']}</pubDate></item></channel></rss>"
            )
            return httpx.Response(200, content=rss.encode(), headers={"content-type": "application/rss+xml"})
        return httpx.Response(200, content=article, headers={"content-type": "text/html; charset=utf-8"})

    sources = tmp_path / "sources.csv"
    sources.write_text("name,url,kind,conn_id,enabled\ndesk,https://news.example.org/feed.xml,rss,,true\n", encoding="utf-8")
    config = FetchConfig(user_agent="newsgraph/test (+https://ops.example.org/bot)", host_interval=0, retries=0)
    store, folder = location(f"memory://{bucket}/landing"), tmp_path / "landing"
    day1, day2 = date(2025, 9, 1), date(2025, 9, 2)
    steps = [(day2, "Tue, 02 Sep 2025 08:00:00 GMT"), (day1, "Mon, 01 Sep 2025 08:00:00 GMT"), (day2, None)]
    summaries = {}
    for root in (store, folder):
        for day, pub in steps:
            feed_day["pubDate"] = pub or feed_day["pubDate"]
            client = httpx.Client(transport=httpx.MockTransport(handler))
            now = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
            summaries[(str(root), day, pub)] = fetch_day(root, day, sources, client=client, now=now, config=config)

    def files(root) -> dict[str, bytes]:
        if isinstance(root, ObjectPath):
            return {f.rel: objectstore.filesystem("memory").cat_file(f.source) for f in objectstore.list_files(root)}
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")}

    assert files(store) == files(folder)
    assert summaries[(str(store), day2, steps[0][1])]["ok"] == 1  # day 2 kept the story first ...
    pages = sorted(rel for rel in files(store) if rel.endswith((".html", ".meta.json")))
    assert [rel.split("/")[0] for rel in pages] == ["2025-09-01", "2025-09-01"]  # ... then gave it up to day 1
    last = summaries[(str(store), day2, None)]
    assert (last["duplicate"], last["folder"]) == (1, f"memory://{bucket}/landing/2025-09-02")
    assert last["manifest"] == f"memory://{bucket}/landing/2025-09-02/_fetched.jsonl"
