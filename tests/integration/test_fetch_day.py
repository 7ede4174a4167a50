"""Days fetched from a local HTTP server, published by the pipeline, then reprocessed with the network off.

The server (http.server on 127.0.0.1, a free port) serves an RSS feed, an Atom feed, a
feed behind basic authentication (credentials from an Airflow Connection given as an
environment variable), a billion-laughs feed, and news pages of its own, among them a
slow page, a page that fails once, one that always fails, a redirect chain, a redirect
loop, oversized pages, a PDF and a missing page.
"""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
from collections import Counter
from datetime import UTC, date, datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pyarrow.parquet as pq
import pytest

from newsgraph import pipeline
from newsgraph.ingest.landing import sidecar_path
from newsgraph.settings import Settings
from newsgraph.sources import FEEDS_DIR, MANIFEST_NAME, FetchConfig, canonical_url, fetch_day, page_file_name, read_manifest
from newsgraph.storage import warehouse

pytestmark = pytest.mark.integration

DAY1 = date(2025, 9, 10)
DAY2 = date(2025, 9, 11)
NOW1 = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
NOW2 = datetime(2025, 9, 11, 12, 0, tzinfo=UTC)
WIRE_LOGIN, WIRE_PASSWORD = "wire-reader", "wire-password-2025"
CONFIG = FetchConfig(
    user_agent="newsgraph/test (+http://127.0.0.1/contact)",
    connect_timeout=2.0,
    read_timeout=0.3,
    total_timeout=10.0,
    retries=1,
    backoff=0.05,
    backoff_max=0.2,
    max_retry_after=1.0,
    host_interval=0.005,
    max_redirects=4,
    max_page_bytes=200_000,
    max_feed_bytes=200_000,
)
SLOW_SECONDS = 1.5
TABLES = ("articles", "entity_mentions", "amounts", "dates", "quarantine")

# --- the news ------------------------------------------------------------------------------


def page(title: str, author: str, published: str, paragraphs: list[str]) -> str:
    """A news page with the boilerplate of a real site around the article."""
    body = "\n".join(f"      <p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{escape(title)} | Harbour Business News</title>
  <meta name="author" content="{escape(author)}">
  <meta property="article:published_time" content="{published}">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
  <main>
    <article>
      <h1>{escape(title)}</h1>
{body}
    </article>
  </main>
  <footer><p>Copyright 2025 Harbour Business News. All rights reserved. Subscribe to our newsletter.</p></footer>
</body>
</html>
"""


KENYA_TITLE = "Kenya secures $450 million World Bank loan for Mombasa port"
KENYA = page(KENYA_TITLE, "Amina Wanjiru", "2025-09-10T07:30:00Z", [
    "NAIROBI, Sept 10 - Kenya has secured a $450 million loan from the World Bank to deepen berths and modernise "
    "cargo handling at the port of Mombasa, Treasury Secretary Grace Njeri said on Wednesday.",
    "The financing will be repaid over 30 years, and the Kenya Ports Authority will contribute a further "
    "KSh 6 billion from its own revenue, Njeri told reporters in Nairobi.",
    "Daniel Otieno, managing director of the Kenya Ports Authority, said the upgrade would let the port handle "
    "ships carrying up to 14,000 containers by 2028.",
    "Shipping lines have complained for years about congestion at Mombasa, which serves Uganda, Rwanda and "
    "South Sudan as well as Kenya.",
    "The World Bank's board approved the loan on Tuesday, a spokesperson for the lender said in Washington.",
])
SOLAR_TITLE = "Indonesian utility signs $120 million solar financing deal"
SOLAR = page(SOLAR_TITLE, "Dewi Lestari", "2025-09-10T03:00:00Z", [
    "JAKARTA - Indonesia's state electricity company signed a $120 million financing agreement with the Asian "
    "Development Bank on Wednesday to build solar farms on the islands of Sumba and Flores.",
    "Energy Minister Rahmat Hidayat said the plants would supply power to about 200,000 households that now "
    "rely on diesel generators.",
    "The Asian Development Bank will lend $90 million and a group of Japanese banks will provide the rest, "
    "according to a statement from the utility.",
    "Construction is expected to begin early next year.",
])
COPPER_TITLE = "Andes Copper raises output forecast after mine recovers"
COPPER = page(COPPER_TITLE, "Pedro Alarcon", "2025-09-10T14:00:00Z", [
    "SANTIAGO - Andes Copper Corporation raised its production forecast for the year on Wednesday after its mine "
    "near Antofagasta in northern Chile recovered faster than expected from flooding.",
    "Chief executive Lucia Ferreira said the company now expected to produce 410,000 tonnes of copper, up from "
    "385,000 tonnes, and would spend $75 million on new pumps and drainage.",
    "Shares of the company rose 4% in Santiago after the announcement.",
    "Analysts at Banco del Pacifico said higher output could add about $300 million to revenue if copper prices "
    "hold at current levels.",
])
COCOA_TITLE = "Ghana Cocoa Board raises 300 million euros to pay farmers"
COCOA = page(COCOA_TITLE, "Kwame Asante", "2025-09-10T06:15:00Z", [
    "ACCRA - The Ghana Cocoa Board has raised \u20ac300 million from a group of European banks to buy beans from "
    "farmers for the new season, its chief executive Kofi Mensah said on Wednesday.",
    "The loan, arranged by Volta Trade Bank, will be repaid from cocoa export revenue over two years.",
    "Mensah said farmers in the Ashanti and Western regions would be paid more per bag, an increase of nearly "
    "45 percent on last season.",
    "Ghana is the world's second-largest cocoa producer after Ivory Coast.",
])
METRO_TITLE = "S\u00e3o Paulo metro extension gets loan from state bank"
METRO = page(METRO_TITLE, "Helena Souza", "2025-09-10T11:00:00Z", [
    "S\u00c3O PAULO - The state government of S\u00e3o Paulo will borrow $400 million from the Brazilian "
    "Development Bank to extend the city's metro Line 6, Governor Helena Duarte said on Wednesday.",
    "The extension will add 15 kilometres and eight stations in the east of the city, and is due to open in 2029.",
    "Duarte said the loan would be repaid over 20 years.",
]).replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
REFINERY_TITLE = "Lagos refinery secures $1.2 billion from African lenders"
REFINERY = page(REFINERY_TITLE, "Folake Adebanjo", "2025-09-10T09:45:00Z", [
    "LAGOS - Eko Refining Company has secured $1.2 billion in loans from Afreximbank and a group of Nigerian "
    "banks to finish its refinery at Lekki, chairman Olumide Bankole said on Wednesday.",
    "The plant is expected to start production in the second half of 2026 and cut Nigeria's fuel imports by "
    "about a third.",
    "Bankole said the company had already spent $2.3 billion on the project.",
])
RICE_TITLE = "Vietnamese exporters sign $210 million rice deal with the Philippines"
RICE = page(RICE_TITLE, "Tran Minh", "2025-09-11T04:00:00Z", [
    "HANOI - A group of Vietnamese rice exporters led by Mekong Grain Corporation signed contracts worth "
    "$210 million on Thursday to supply 400,000 tonnes of rice to the Philippines over the next six months.",
    "Trade Minister Nguyen Thi Lan said the agreement would support farmers in the Mekong Delta after heavy "
    "rains damaged crops in August.",
    "The Philippine National Food Authority will receive the first shipments in October, the ministry said.",
])

KENYA_PATH = "/news/2025/09/10/kenya-port-loan.html"
SOLAR_PATH = "/news/2025/09/10/jakarta-solar.html"
COPPER_FINAL = "/news/2025/09/10/chile-copper.html"
COCOA_PATH = "/markets/ghana-cocoa-bond"
METRO_PATH = "/markets/sao-paulo-metro.html"
REFINERY_PATH = "/private/news/lagos-refinery.html"
SYNDICATED_PATH = "/syndicated/kenya-port-loan.html"
RICE_PATH = "/news/2025/09/11/vietnam-rice.html"


def rss_item(title: str, link: str, when: str | None, creator: str | None = None, guid: str | None = None) -> str:
    parts = [f"<title>{escape(title)}</title>", f"<link>{escape(link)}</link>"]
    if guid:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    if creator:
        parts.append(f"<dc:creator>{escape(creator)}</dc:creator>")
    if when:
        parts.append(f"<pubDate>{when}</pubDate>")
    return "<item>" + "".join(parts) + "</item>"


def business_rss() -> bytes:
    items = [
        rss_item(KENYA_TITLE, KENYA_PATH + "?utm_source=rss&utm_medium=feed", "Wed, 10 Sep 2025 10:30:00 +0300",
                 "Amina Wanjiru", "hb-1001"),
        rss_item(SOLAR_TITLE, SOLAR_PATH, None, "Dewi Lestari", "hb-1002"),  # no date: the day of the fetch
        rss_item(COPPER_TITLE, "/go/chile-copper", "Wed, 10 Sep 2025 14:00:00 GMT", None, "hb-1003"),
        rss_item("Slow page", "/news/2025/09/10/slow.html", "Wed, 10 Sep 2025 08:00:00 GMT"),
        rss_item("Down page", "/news/2025/09/10/down.html", "Wed, 10 Sep 2025 08:05:00 GMT"),
        rss_item("Missing page", "/news/2025/09/10/missing.html", "Wed, 10 Sep 2025 08:10:00 GMT"),
        rss_item("Huge page", "/news/2025/09/10/huge.html", "Wed, 10 Sep 2025 08:15:00 GMT"),
        rss_item("Huge streamed page", "/news/2025/09/10/huge-stream.html", "Wed, 10 Sep 2025 08:20:00 GMT"),
        rss_item("Annual report", "/files/annual-report.pdf", "Wed, 10 Sep 2025 08:25:00 GMT"),
        rss_item("Redirect loop", "/loop/1", "Wed, 10 Sep 2025 08:30:00 GMT"),
        rss_item("Not a web link", "ftp://files.example.org/story.txt", "Wed, 10 Sep 2025 08:35:00 GMT"),
        rss_item("Yesterday's story", "/news/2025/09/09/yesterday.html", "Tue, 09 Sep 2025 18:00:00 GMT"),
        # the next day: the Kenya story again (re-dated, other tracking), a syndicated copy of it, a new story
        rss_item(KENYA_TITLE, KENYA_PATH + "?utm_campaign=morning", "Thu, 11 Sep 2025 06:00:00 GMT",
                 "Amina Wanjiru", "hb-1001"),
        rss_item(KENYA_TITLE, SYNDICATED_PATH, "Thu, 11 Sep 2025 07:00:00 GMT", None, "partner-77"),
        rss_item(RICE_TITLE, RICE_PATH, "Thu, 11 Sep 2025 04:00:00 GMT", "Tran Minh", "hb-1101"),
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Harbour Business News</title><link>http://127.0.0.1/</link>"
        + "".join(items) + "</channel></rss>"
    ).encode("utf-8")


def markets_atom() -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Markets</title><id>urn:harbour:markets</id><updated>2025-09-10T12:00:00Z</updated>
  <entry><title>{escape(COCOA_TITLE)}</title><link href="{COCOA_PATH}"/><id>urn:harbour:markets:1</id>
    <author><name>Kwame Asante</name></author><published>2025-09-10T06:15:00Z</published></entry>
  <entry><title>{escape(KENYA_TITLE)}</title><link href="{KENYA_PATH}#top"/><id>urn:harbour:markets:2</id>
    <published>2025-09-10T07:45:00Z</published></entry>
  <entry><title>{escape(METRO_TITLE)}</title><link href="{METRO_PATH}"/><id>urn:harbour:markets:3</id>
    <published>2025-09-10T11:00:00Z</published></entry>
</feed>
""".encode("utf-8")


def wire_rss() -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Private wire</title>'
        + rss_item(REFINERY_TITLE, REFINERY_PATH, "Wed, 10 Sep 2025 09:45:00 GMT", None, "wire-501")
        + "</channel></rss>"
    ).encode("utf-8")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<rss version="2.0"><channel><title>&d;</title><item><title>&d;</title><link>/news/a.html</link>
<pubDate>Wed, 10 Sep 2025 08:00:00 GMT</pubDate></item></channel></rss>
"""

# --- the server ----------------------------------------------------------------------------


class NewsServer:
    """A threaded HTTP server on 127.0.0.1 that records every request it gets."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        self._flaky = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = urlsplit(self.path).path
                with outer._lock:
                    outer.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
                try:
                    outer.route(self, path)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: a size cap or a timeout

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for p, _ in self.requests if p == path)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        if self.thread.is_alive():
            self.httpd.shutdown()
            self.thread.join(timeout=10)
        self.httpd.server_close()

    @staticmethod
    def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
             **headers: str) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    def route(self, h: BaseHTTPRequestHandler, path: str) -> None:
        utf8 = {
            KENYA_PATH: KENYA, COPPER_FINAL: COPPER, COCOA_PATH: COCOA, SYNDICATED_PATH: KENYA, RICE_PATH: RICE,
        }
        if path in utf8:
            return self.send(h, 200, utf8[path].encode("utf-8"))
        if path == "/feeds/business.rss":
            return self.send(h, 200, business_rss(), "application/rss+xml")
        if path == "/feeds/markets.atom":
            return self.send(h, 200, markets_atom(), "application/atom+xml")
        if path == "/feeds/hostile.rss":
            return self.send(h, 200, BILLION_LAUGHS, "application/rss+xml")
        if path.startswith("/private/"):
            expected = "Basic " + base64.b64encode(f"{WIRE_LOGIN}:{WIRE_PASSWORD}".encode()).decode()
            if h.headers.get("Authorization") != expected:
                return self.send(h, 401, b"login required", "text/plain", WWW_Authenticate='Basic realm="wire"')
            if path == "/private/wire.rss":
                return self.send(h, 200, wire_rss(), "application/rss+xml")
            if path == REFINERY_PATH:
                return self.send(h, 200, REFINERY.encode("utf-8"))
        if path == METRO_PATH:
            return self.send(h, 200, METRO.encode("cp1252"), "text/html; charset=iso-8859-1")
        if path == SOLAR_PATH:  # fails on the first request of each pair, so one retry always succeeds
            with self._lock:
                self._flaky += 1
                fail = self._flaky % 2 == 1
            return self.send(h, 500, b"temporarily broken") if fail else self.send(h, 200, SOLAR.encode("utf-8"))
        if path == "/go/chile-copper":
            return self.send(h, 302, b"", Location="/r/chile-copper")
        if path == "/r/chile-copper":
            return self.send(h, 301, b"", Location=self.url(COPPER_FINAL))
        if path.startswith("/loop/"):
            return self.send(h, 302, b"", Location=f"/loop/{int(path.rsplit('/', 1)[1]) + 1}")
        if path == "/news/2025/09/10/slow.html":
            time.sleep(SLOW_SECONDS)
            return self.send(h, 200, KENYA.encode("utf-8"))
        if path == "/news/2025/09/10/down.html":
            return self.send(h, 503, b"down for maintenance")
        if path == "/news/2025/09/10/huge.html":
            return self.send(h, 200, b"<html><body>" + b"<p>padding</p>" * 30_000 + b"</body></html>")
        if path == "/news/2025/09/10/huge-stream.html":
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.end_headers()  # no Content-Length: the body ends when the connection closes
            for _ in range(40):
                h.wfile.write(b"<p>" + b"stream " * 1000 + b"</p>")
            return None
        if path == "/files/annual-report.pdf":
            return self.send(h, 200, b"%PDF-1.7\n" + b"0" * 1000, "application/pdf")
        return self.send(h, 404, b"not found", "text/plain")


@pytest.fixture()
def server():
    srv = NewsServer()
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture()
def wire_connection(monkeypatch):
    """The private wire's credentials as an Airflow Connection (environment variable form)."""
    monkeypatch.setenv(
        "AIRFLOW_CONN_TEST_WIRE", json.dumps({"conn_type": "http", "login": WIRE_LOGIN, "password": WIRE_PASSWORD})
    )


def write_sources(path: Path, server: NewsServer) -> Path:
    path.write_text(
        "# feeds served by the test server\n"
        "name,url,kind,conn_id,enabled\n"
        f"harbour-business,{server.url('/feeds/business.rss')},rss,,true\n"
        f"harbour-markets,{server.url('/feeds/markets.atom')},atom,,true\n"
        f"private-wire,{server.url('/private/wire.rss')},rss,test_wire,true\n"
        f"hostile,{server.url('/feeds/hostile.rss')},auto,,true\n"
        f"retired,{server.url('/feeds/retired.rss')},rss,,false\n",
        encoding="utf-8",
    )
    return path


def items_by_url(manifest: list[dict]) -> dict[str, dict]:
    """Item lines by canonical URL (the link when there is none); the first line of a URL wins."""
    out: dict[str, dict] = {}
    for line in manifest:
        if line["kind"] == "item":
            out.setdefault(line["url"] or line["link"], line)
    return out


def day_rows(settings: Settings, day: date) -> dict[str, list[dict]]:
    """Every published row of the day's tables without run_id, sorted, and the entities dimension."""
    out = {}
    for table in TABLES:
        path = warehouse.partition_dir(settings.warehouse_root, table, day) / warehouse.PART_FILE
        rows = [{k: v for k, v in row.items() if k != "run_id"} for row in pq.read_table(path).to_pylist()]
        out[table] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    entities = pq.read_table(Path(settings.warehouse_root) / "entities" / warehouse.PART_FILE).to_pylist()
    out["entities"] = sorted(entities, key=lambda r: r["entity_id"])
    return out


def network_off(patch: pytest.MonkeyPatch) -> None:
    """From now on any attempt to open an internet socket fails loudly."""
    real_connect = socket.socket.connect

    def guarded(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError(f"network is off in this test (connect to {address!r})")
        return real_connect(sock, address)

    patch.setattr(socket.socket, "connect", guarded)


# --- the tests -----------------------------------------------------------------------------


def test_a_fetched_day_publishes_and_reprocesses_offline_to_the_same_rows(tmp_path, server, wire_connection):
    landing = tmp_path / "landing"
    sources = write_sources(tmp_path / "sources.csv", server)
    summary = fetch_day(landing, DAY1, sources, now=NOW1, config=CONFIG)

    # what the fetch says it did
    assert summary["feeds"] == {"ok": 3, "failed": 1}
    assert summary["sources"] == 4 and server.count("/feeds/retired.rss") == 0
    assert (summary["items"], summary["ok"], summary["duplicate"], summary["failed"]) == (15, 6, 1, 8)
    assert summary["outside_day"] == 4  # yesterday's story and the three of the next day
    assert server.count("/news/2025/09/09/yesterday.html") == 0
    manifest = read_manifest(landing / DAY1.isoformat() / MANIFEST_NAME)
    feeds = {line["source"]: line for line in manifest if line["kind"] == "feed"}
    assert feeds["hostile"]["status"] == "failed" and feeds["hostile"]["reason"] == "feed_entities"
    assert "entities" in feeds["hostile"]["detail"]
    assert feeds["private-wire"]["status"] == "ok" and feeds["private-wire"]["items_for_day"] == 1
    assert feeds["harbour-business"]["file"].startswith(f"{FEEDS_DIR}/harbour-business-")
    assert (landing / DAY1.isoformat() / feeds["harbour-business"]["file"]).read_bytes() == business_rss()

    items = items_by_url(manifest)
    url = lambda path: canonical_url(server.url(path))  # noqa: E731
    expected_failures = {
        "/news/2025/09/10/slow.html": ("timeout", 2),
        "/news/2025/09/10/down.html": ("http_503", 2),
        "/news/2025/09/10/missing.html": ("http_404", 1),
        "/news/2025/09/10/huge.html": ("too_large", 1),
        "/news/2025/09/10/huge-stream.html": ("too_large", 1),
        "/files/annual-report.pdf": ("not_html", 1),
        "/loop/1": ("too_many_redirects", 1),
    }
    for path, (reason, attempts) in expected_failures.items():
        line = items[url(path)]
        assert (line["status"], line["reason"], line["attempts"]) == ("failed", reason, attempts), line
        assert line["detail"] and line["file"] is None
        assert not (landing / DAY1.isoformat() / page_file_name(url(path))).exists()
    assert "read_timeout" in items[url("/news/2025/09/10/slow.html")]["detail"]
    assert "Content-Length" in items[url("/news/2025/09/10/huge.html")]["detail"]
    assert "reading stopped" in items[url("/news/2025/09/10/huge-stream.html")]["detail"]
    assert items["ftp://files.example.org/story.txt"]["reason"] == "bad_link"
    kenya = items[url(KENYA_PATH)]
    assert (kenya["status"], kenya["reason"]) == ("ok", None) and kenya["file"] == page_file_name(url(KENYA_PATH))
    assert kenya["link"].endswith("utm_source=rss&utm_medium=feed")
    duplicates = [line for line in manifest if line.get("reason") == "duplicate_url_same_day"]
    assert [(d["source"], d["url"]) for d in duplicates] == [("harbour-markets", url(KENYA_PATH))]
    assert server.count(KENYA_PATH) == 1
    solar = items[url(SOLAR_PATH)]
    # retried once after the 500; no date in the feed, so the page's own date is used
    assert (solar["status"], solar["attempts"], solar["published_at"]) == ("ok", 2, "2025-09-10T03:00:00+00:00")
    copper = items[url("/go/chile-copper")]
    assert (copper["status"], copper["redirects"], copper["final_url"]) == ("ok", 2, server.url(COPPER_FINAL))
    assert items[url(METRO_PATH)]["converted_from"] == "cp1252"
    assert Counter(line["reason"] for line in manifest if line["kind"] == "item" and line["status"] == "failed") == {
        "timeout": 1, "http_503": 1, "http_404": 1, "too_large": 2, "not_html": 1, "too_many_redirects": 1,
        "bad_link": 1,
    }
    assert summary["reasons"]["feed_entities"] == 1

    # every request said who was asking; only the private wire's origin got the credentials
    assert {headers.get("user-agent") for _, headers in server.requests} == {CONFIG.user_agent}
    assert all("authorization" in headers for path, headers in server.requests if path.startswith("/private/"))
    assert not any("authorization" in headers for path, headers in server.requests if not path.startswith("/private/"))

    # the sidecars: feed metadata first, page metadata where the feed has none
    folder = landing / DAY1.isoformat()
    kenya_meta = json.loads(sidecar_path(folder / page_file_name(url(KENYA_PATH))).read_text(encoding="utf-8"))
    assert kenya_meta["title"] == KENYA_TITLE and kenya_meta["url"] == url(KENYA_PATH)
    assert kenya_meta["published_at"] == "2025-09-10T07:30:00+00:00" and kenya_meta["author"] == "Amina Wanjiru"
    assert kenya_meta["source"] == "harbour-business" and kenya_meta["id"] == "hb-1001"
    copper_meta = json.loads(sidecar_path(folder / page_file_name(url("/go/chile-copper"))).read_text(encoding="utf-8"))
    assert copper_meta["author"] == "Pedro Alarcon" and copper_meta["url"] == url("/go/chile-copper")
    assert (folder / page_file_name(url(KENYA_PATH))).read_bytes() == KENYA.encode("utf-8")

    # the pipeline publishes the fetched articles
    settings = Settings.from_env().with_overrides(landing_root=landing, warehouse_root=tmp_path / "warehouse")
    published = pipeline.run_day(settings, DAY1)
    assert published["tables"]["articles"]["rows"] == 6
    rows = day_rows(settings, DAY1)
    articles = {a["url"]: a for a in rows["articles"]}
    assert {a["title"] for a in articles.values()} == {
        KENYA_TITLE, SOLAR_TITLE, COPPER_TITLE, COCOA_TITLE, METRO_TITLE, REFINERY_TITLE,
    }
    fetched_paths = (KENYA_PATH, SOLAR_PATH, "/go/chile-copper", COCOA_PATH, METRO_PATH, REFINERY_PATH)
    assert set(articles) == {url(p) for p in fetched_paths}
    assert {a["source"] for a in articles.values()} == {"harbour-business", "harbour-markets", "private-wire"}
    kenya_article = articles[url(KENYA_PATH)]
    assert kenya_article["text"].startswith("NAIROBI") and "Subscribe" not in kenya_article["text"]
    assert kenya_article["content_sha256"] == kenya["content_sha256"]
    assert "S\u00e3o Paulo" in articles[url(METRO_PATH)]["text"]
    amounts = {(a["text"], a["value"], a["currency"]) for a in rows["amounts"]}
    assert ("$450 million", 450_000_000.0, "USD") in amounts
    assert ("\u20ac300 million", 300_000_000.0, "EUR") in amounts
    assert ("$1.2 billion", 1_200_000_000.0, "USD") in amounts  # from the page behind basic authentication
    assert ("KSh 6 billion", 6_000_000_000.0, "KES") in amounts
    assert ("$210 million", 210_000_000.0, "USD") not in amounts  # the next day's story
    names = {(m["label"], m["canonical_name"]) for m in rows["entity_mentions"]}
    assert ("ORG", "World Bank") in names
    assert ("ORG", "Asian Development Bank") in names
    assert ("GPE", "Kenya") in names
    assert any(label == "PERSON" and "Lucia Ferreira" in name for label, name in names)
    # nothing is quarantined: fetched pages are checked before they are kept, and the fetch's
    # own files (_feeds/, _fetched.jsonl) are not read as articles
    assert rows["quarantine"] == []

    # the network goes off; the same day reprocessed into a fresh warehouse gives the same rows
    feed_url = server.url("/feeds/business.rss")
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(feed_url)
    offline = settings.with_overrides(warehouse_root=tmp_path / "warehouse-offline")
    with pytest.MonkeyPatch.context() as patch:
        network_off(patch)
        again = pipeline.run_day(offline, DAY1, run_id="offline__2025-09-10")
    assert again["tables"] == published["tables"]
    assert day_rows(offline, DAY1) == rows


def test_the_next_day_does_not_count_known_articles_again(tmp_path, server, wire_connection):
    landing = tmp_path / "landing"
    sources = write_sources(tmp_path / "sources.csv", server)
    fetch_day(landing, DAY1, sources, now=NOW1, config=CONFIG)
    kenya_requests, syndicated_requests = server.count(KENYA_PATH), server.count(SYNDICATED_PATH)

    summary = fetch_day(landing, DAY2, sources, now=NOW2, config=CONFIG)

    url = lambda path: canonical_url(server.url(path))  # noqa: E731
    items = items_by_url(read_manifest(landing / DAY2.isoformat() / MANIFEST_NAME))
    assert (summary["ok"], summary["duplicate"], summary["failed"]) == (1, 3, 0)
    assert items[url(RICE_PATH)]["status"] == "ok"
    kenya = items[url(KENYA_PATH)]
    assert (kenya["status"], kenya["reason"]) == ("duplicate", "duplicate_url_earlier_day")
    assert "2025-09-10" in kenya["detail"]
    assert server.count(KENYA_PATH) == kenya_requests  # not fetched again
    solar = items[url(SOLAR_PATH)]  # undated: on the day of each fetch, but known from the first day
    assert (solar["status"], solar["reason"]) == ("duplicate", "duplicate_url_earlier_day")
    copy = items[url(SYNDICATED_PATH)]
    assert (copy["status"], copy["reason"]) == ("duplicate", "duplicate_content_earlier_day")
    assert server.count(SYNDICATED_PATH) == syndicated_requests + 1  # fetched once to learn its text
    day1_kenya = items_by_url(read_manifest(landing / DAY1.isoformat() / MANIFEST_NAME))[url(KENYA_PATH)]
    assert copy["content_sha256"] == day1_kenya["content_sha256"]
    pages = sorted(p.name for p in (landing / DAY2.isoformat()).glob("*.html"))
    assert pages == [page_file_name(url(RICE_PATH))]


def test_fetching_a_day_again_reuses_its_pages(tmp_path, server, wire_connection):
    landing = tmp_path / "landing"
    sources = write_sources(tmp_path / "sources.csv", server)
    first = fetch_day(landing, DAY1, sources, now=NOW1, config=CONFIG)
    manifest = read_manifest(landing / DAY1.isoformat() / MANIFEST_NAME)
    before = {p: server.count(p) for p in (KENYA_PATH, COCOA_PATH, METRO_PATH, REFINERY_PATH, COPPER_FINAL)}

    second = fetch_day(landing, DAY1, sources, now=NOW1, config=CONFIG.with_overrides(retries=0))

    assert {p: server.count(p) for p in before} == before
    assert (second["ok"], second["duplicate"]) == (first["ok"], first["duplicate"])
    again = read_manifest(landing / DAY1.isoformat() / MANIFEST_NAME)
    ok = lambda lines: {(l["url"], l["content_sha256"]) for l in lines if l["kind"] == "item" and l["status"] == "ok"}  # noqa: E731,E741
    assert ok(again) == ok(manifest)


def test_the_order_days_are_fetched_in_does_not_matter(tmp_path, server, wire_connection):
    sources = write_sources(tmp_path / "sources.csv", server)
    in_order, backwards = tmp_path / "in-order", tmp_path / "backwards"
    fetch_day(in_order, DAY1, sources, now=NOW1, config=CONFIG)
    fetch_day(in_order, DAY2, sources, now=NOW2, config=CONFIG)
    fetch_day(backwards, DAY2, sources, now=NOW2, config=CONFIG)
    fetch_day(backwards, DAY1, sources, now=NOW1, config=CONFIG)
    fetch_day(backwards, DAY2, sources, now=NOW2, config=CONFIG)

    def kept(root: Path, day: date) -> dict[str, bytes]:
        folder = root / day.isoformat()
        return {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix in (".html", ".json")}

    def outcomes(root: Path, day: date) -> set[tuple]:
        lines = read_manifest(root / day.isoformat() / MANIFEST_NAME)
        return {(l["kind"], l["url"], l["status"], l["reason"]) for l in lines}  # noqa: E741

    for day in (DAY1, DAY2):
        assert kept(backwards, day) == kept(in_order, day)
        assert outcomes(backwards, day) == outcomes(in_order, day)
    assert len(kept(in_order, DAY2)) == 2  # the new story and its sidecar
