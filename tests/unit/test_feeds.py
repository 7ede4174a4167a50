"""Feeds and pages without a network: URLs, file names, the sources file, feed parsing, HTTP rules."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from newsgraph.settings import PROJECT_ROOT
from newsgraph.sources import (
    BadUrl,
    Credentials,
    CredentialsError,
    FeedError,
    FetchConfig,
    FetchFailed,
    Fetcher,
    RateLimiter,
    SourcesFileError,
    canonical_url,
    credentials_for,
    load_sources,
    page_file_name,
    parse_feed,
    parse_sources,
    retry_delay,
)
from newsgraph.sources.auth import origin
from newsgraph.sources.fetch import ACCEPT_FEED, utf8_page
from newsgraph.sources.urls import MAX_FILE_NAME, confined_path, feed_file_name, safe_name

FEED_URL = "https://news.example.org/feeds/business.xml"

# --- canonical URLs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://News.Example.ORG/markets/story-1", "https://news.example.org/markets/story-1"),
        ("HTTP://news.example.org:80/a", "http://news.example.org/a"),
        ("https://news.example.org:443/a", "https://news.example.org/a"),
        ("https://news.example.org:8443/a", "https://news.example.org:8443/a"),
        ("https://news.example.org/a#comments", "https://news.example.org/a"),
        ("https://news.example.org/a/", "https://news.example.org/a"),
        ("https://news.example.org", "https://news.example.org/"),
        ("https://news.example.org/", "https://news.example.org/"),
        ("https://news.example.org/a/./b/../c", "https://news.example.org/a/c"),
        ("https://news.example.org/a?utm_source=rss&utm_Medium=feed&id=7", "https://news.example.org/a?id=7"),
        ("https://news.example.org/a?UTM_CAMPAIGN=x&fbclid=abc&gclid=1", "https://news.example.org/a"),
        ("https://news.example.org/a?b=2&a=1", "https://news.example.org/a?a=1&b=2"),
        ("https://news.example.org/a?q=", "https://news.example.org/a?q="),
        ("https://news.example.org/%7Eeditor/%e2%82%ac", "https://news.example.org/~editor/%E2%82%AC"),
        ("https://news.example.org/two words", "https://news.example.org/two%20words"),
        ("https://reader:secret@news.example.org/a", "https://news.example.org/a"),
        ("https://news.example.org./a", "https://news.example.org/a"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a"),
    ],
)
def test_canonical_url_rules(url, expected):
    assert canonical_url(url) == expected


def test_same_page_written_differently_has_one_canonical_url():
    variants = [
        "https://news.example.org/markets/story-1/?utm_source=rss&ref=feed#top",
        "HTTPS://NEWS.EXAMPLE.ORG:443/markets/./story-1?ref=feed",
        "https://news.example.org/markets/x/../story-1?utm_medium=atom&ref=feed",
    ]
    assert {canonical_url(v) for v in variants} == {"https://news.example.org/markets/story-1?ref=feed"}
    assert len({page_file_name(canonical_url(v)) for v in variants}) == 1


def test_relative_links_resolve_against_the_feed():
    assert canonical_url("../story.html", base=FEED_URL) == "https://news.example.org/story.html"
    assert canonical_url("/a?utm_x=1", base=FEED_URL) == "https://news.example.org/a"


@pytest.mark.parametrize(
    "url",
    ["", "   ", "ftp://news.example.org/a", "javascript:alert(1)", "file:///etc/passwd", "https:///nohost",
     "https://news.example.org:99999/a", "https://news.example.org/a\nb", "mailto:desk@example.org"],
)
def test_links_that_cannot_be_fetched_are_refused(url):
    with pytest.raises(BadUrl):
        canonical_url(url)


# --- file names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.org/../../../etc/passwd",
        "https://news.example.org/a/b/c/" + "x" * 5000,
        "https://news.example.org/%2e%2e/%2F..%5C..%00",
        "https://news.example.org/.hidden",
    ],
)
def test_page_file_names_are_a_hash_of_the_canonical_url(url, tmp_path):
    name = page_file_name(canonical_url(url))
    assert len(name) == len("0123456789abcdef.html")
    assert name[:16].isalnum() and name.endswith(".html") and not name.startswith((".", "_"))
    assert confined_path(tmp_path, name).parent == tmp_path


@pytest.mark.parametrize("name", ["..", ".", "a/b", "../x.html", "a\\b", "x\x00.html", "", "n" * (MAX_FILE_NAME + 1)])
def test_confined_path_refuses_anything_but_one_plain_name(name, tmp_path):
    with pytest.raises(ValueError):
        confined_path(tmp_path, name)


def test_confined_path_refuses_a_symlink_out_of_the_folder(tmp_path):
    folder = tmp_path / "2025-09-10"
    folder.mkdir()
    (folder / "link.html").symlink_to(tmp_path / "elsewhere.html")
    with pytest.raises(ValueError, match="outside"):
        confined_path(folder, "link.html")


def test_feed_file_names_are_slugs_with_a_hash():
    name = feed_file_name("../../Evil Name/\\x" + "y" * 200, FEED_URL)
    assert "/" not in name and "\\" not in name and ".." not in name and len(name) <= MAX_FILE_NAME
    assert name.startswith("evil-name-x") and name.endswith(".xml")
    assert safe_name("///") == "x"


# --- the sources file --------------------------------------------------------------------


def test_the_example_sources_file_is_valid():
    sources = load_sources(PROJECT_ROOT / "seeds" / "sources.example.csv")
    assert len(sources) >= 2
    assert all(s.url.startswith("https://") and s.kind in ("rss", "atom", "auto") for s in sources)
    assert any(s.enabled for s in sources)


def test_sources_file_columns_and_defaults():
    sources = parse_sources(
        "# comment\n\nname,url,kind,conn_id,enabled\n"
        "wire,https://wire.example.com/feed.atom,atom,wire_conn,\n"
        "  # indented comment\n"
        "local,https://local.example.com/rss,,,no\n"
    )
    assert [(s.name, s.kind, s.conn_id, s.enabled, s.line) for s in sources] == [
        ("wire", "atom", "wire_conn", True, 4),
        ("local", "auto", None, False, 6),
    ]
    assert [s.name for s in parse_sources("url,name\nhttps://a.example/rss,a\n")] == ["a"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,url,password\na,https://a.example/rss,hunter2\n", "unknown column"),
        ("name,url\na,https://reader:pw@a.example/rss\n", "user name or password"),
        ("name,url\na,ftp://a.example/rss\n", "not http"),
        ("name,url,kind\na,https://a.example/rss,json\n", "kind"),
        ("name,url,enabled\na,https://a.example/rss,maybe\n", "enabled"),
        ("name,url\na,https://a.example/rss\nA,https://b.example/rss\n", "already used on line 2"),
        ("name,url\na,https://a.example/rss\nb,https://A.example/rss#x\n", "already listed on line 2"),
        ("name,url\n../etc,https://a.example/rss\n", "name"),
        ("name,url,conn_id\na,https://a.example/rss,bad id!\n", "conn_id"),
        ("# only comments\n", "no header"),
        ("name,kind\na,rss\n", "missing column"),
    ],
)
def test_sources_file_mistakes_are_refused_with_the_line(text, message):
    with pytest.raises(SourcesFileError, match=message):
        parse_sources(text, where="sources.csv")


# --- feeds -------------------------------------------------------------------------------

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Harbour Business Desk</title>
    <link>https://news.example.org/</link>
    <item>
      <title>Port authority wins $450 million loan</title>
      <link>/2025/09/10/port-loan.html?utm_source=rss</link>
      <guid isPermaLink="false">harbour-1001</guid>
      <dc:creator>Amina Wanjiru</dc:creator>
      <pubDate>Wed, 10 Sep 2025 07:30:00 +0300</pubDate>
    </item>
    <item>
      <title>An item with no date</title>
      <link>https://news.example.org/2025/09/10/undated.html</link>
    </item>
    <item>
      <title>An item with no link</title>
      <description>Only a summary.</description>
    </item>
  </channel>
</rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Cocoa Markets</title>
  <id>urn:example:cocoa</id>
  <updated>2025-09-10T09:00:00Z</updated>
  <entry>
    <title>Cocoa board raises 300 million euros</title>
    <link rel="alternate" href="https://markets.example.net/cocoa/board-bond"/>
    <id>urn:example:cocoa:77</id>
    <author><name>Kwame Asante</name></author>
    <published>2025-09-10T06:15:00+01:00</published>
    <updated>2025-09-11T10:00:00Z</updated>
  </entry>
  <entry>
    <title>Updated only</title>
    <link href="https://markets.example.net/cocoa/updated-only"/>
    <id>urn:example:cocoa:78</id>
    <updated>2025-09-09T23:30:00-02:00</updated>
  </entry>
</feed>
"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol4;</title>
<item><title>&lol4;</title><link>https://news.example.org/a</link></item></channel></rss>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>&secret;</title><link>https://news.example.org/a</link></item></channel></rss>
"""


def test_rss_items_with_links_authors_and_dates():
    feed = parse_feed(RSS, FEED_URL, "rss")
    assert (feed.kind, feed.version, feed.title) == ("rss", "rss20", "Harbour Business Desk")
    first, undated, linkless = feed.items
    assert first.link == "https://news.example.org/2025/09/10/port-loan.html?utm_source=rss"
    assert (first.title, first.author, first.guid) == ("Port authority wins $450 million loan", "Amina Wanjiru", "harbour-1001")
    assert first.published_at == datetime(2025, 9, 10, 4, 30, tzinfo=UTC)
    assert undated.published_at is None and undated.link.endswith("/undated.html")
    assert linkless.link is None


def test_atom_entries_prefer_published_then_updated():
    feed = parse_feed(ATOM, FEED_URL, "auto")
    assert (feed.kind, feed.version, feed.title) == ("atom", "atom10", "Cocoa Markets")
    board, updated_only = feed.items
    assert board.link == "https://markets.example.net/cocoa/board-bond"
    assert (board.author, board.guid) == ("Kwame Asante", "urn:example:cocoa:77")
    assert board.published_at == datetime(2025, 9, 10, 5, 15, tzinfo=UTC)
    assert updated_only.published_at == datetime(2025, 9, 10, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_feeds_declaring_entities_are_refused_before_feedparser(document):
    with pytest.raises(FeedError) as caught:
        parse_feed(document, FEED_URL)
    assert caught.value.reason == "feed_entities"
    assert "entities" in caught.value.message and "refused" in caught.value.message
    assert "lol" * 10 not in caught.value.message and "root:" not in caught.value.message


def test_a_malformed_feed_declaring_entities_is_refused_too():
    broken = BILLION_LAUGHS.replace(b"</channel>", b"<oops></channel>")
    with pytest.raises(FeedError) as caught:
        parse_feed(broken, FEED_URL)
    assert caught.value.reason == "feed_entities"


def test_a_feed_with_a_bare_ampersand_is_read_leniently():
    feed = parse_feed(RSS.replace(b"Harbour Business Desk", b"Harbour & Business Desk"), FEED_URL, "rss")
    assert feed.malformed and len(feed.items) == 3
    assert feed.items[0].title == "Port authority wins $450 million loan"


def test_feeds_of_the_wrong_kind_or_no_feed_at_all_are_refused():
    with pytest.raises(FeedError) as wrong:
        parse_feed(ATOM, FEED_URL, "rss")
    assert wrong.value.reason == "feed_wrong_kind" and "atom" in wrong.value.message
    with pytest.raises(FeedError) as html:
        parse_feed(b"<html><body><p>Not a feed</p></body></html>", FEED_URL)
    assert html.value.reason == "feed_not_a_feed"


# --- the per-host rate limit -------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def test_rate_limiter_spaces_requests_per_host():
    clock = FakeClock()
    limiter = RateLimiter(2.0, clock=clock, sleep=clock.sleep)
    assert limiter.wait("news.example.org") == 0
    assert limiter.wait("markets.example.net") == 0  # another host does not wait
    clock.now += 0.5
    assert limiter.wait("NEWS.example.org") == pytest.approx(1.5)  # host names compare without case
    assert limiter.wait("news.example.org") == pytest.approx(2.0)  # the next slot is reserved after the last
    clock.now += 10
    assert limiter.wait("news.example.org") == 0
    assert clock.sleeps == [1.5, 2.0]


def test_rate_limiter_with_no_interval_never_sleeps():
    clock = FakeClock()
    limiter = RateLimiter(0, clock=clock, sleep=clock.sleep)
    assert [limiter.wait("a.example") for _ in range(3)] == [0, 0, 0]
    assert clock.sleeps == []


# --- HTTP: size cap, retries, redirects, headers -----------------------------------------

CONFIG = FetchConfig(
    user_agent="newsgraph/test (+https://ops.example.org/bot)", retries=2, backoff=0.5, backoff_max=10,
    max_retry_after=30, host_interval=0, max_redirects=3, connect_timeout=1, read_timeout=1, total_timeout=60,
)
PAGE = b"<html><head><title>t</title></head><body><p>Hello.</p></body></html>"


def fetcher_for(handler, config: FetchConfig = CONFIG, clock: FakeClock | None = None) -> tuple[Fetcher, FakeClock]:
    clock = clock or FakeClock()
    client = httpx.Client(transport=httpx.MockTransport(handler))
    return Fetcher(config, client=client, sleep=clock.sleep, clock=clock), clock


def html(body: bytes = PAGE, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=body, headers={"content-type": "text/html; charset=utf-8", **headers})


def test_pages_over_the_cap_with_content_length_are_refused_unread():
    fetcher, _ = fetcher_for(lambda request: html(b"x" * 5000))
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/big", max_bytes=1000)
    assert caught.value.reason == "too_large" and "Content-Length 5,000" in caught.value.detail
    assert caught.value.attempts == 1


def test_streamed_pages_are_cut_off_at_the_cap():
    chunks_sent = []

    def stream():
        for _ in range(100):
            chunks_sent.append(1)
            yield b"y" * 400

    fetcher, _ = fetcher_for(lambda request: httpx.Response(200, content=stream(), headers={"content-type": "text/html"}))
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/stream", max_bytes=1000)
    assert caught.value.reason == "too_large" and "reading stopped" in caught.value.detail
    assert len(chunks_sent) < 100


def test_a_page_at_the_cap_is_read_whole():
    fetcher, _ = fetcher_for(lambda request: html(b"z" * 1000))
    assert fetcher.get("https://news.example.org/exact", max_bytes=1000).body == b"z" * 1000


def test_server_errors_are_retried_with_exponential_backoff():
    answers = iter([html(status=500), html(status=502), html()])
    fetcher, clock = fetcher_for(lambda request: next(answers))
    fetched = fetcher.get("https://news.example.org/flaky", max_bytes=10_000)
    assert fetched.body == PAGE and fetched.attempts == 3
    assert clock.sleeps == [0.5, 1.0]


def test_backoff_is_capped():
    config = CONFIG.with_overrides(backoff=4, backoff_max=10)
    assert [retry_delay(n, config) for n in (1, 2, 3, 4)] == [4, 8, 10, 10]


def test_a_server_that_stays_down_fails_after_the_retries():
    calls = []
    fetcher, clock = fetcher_for(lambda request: calls.append(1) or html(status=503))
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/down", max_bytes=10_000)
    assert (caught.value.reason, caught.value.status, caught.value.attempts) == ("http_503", 503, 3)
    assert "gave up after 3 attempts" in caught.value.detail
    assert len(calls) == 3 and clock.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410])
def test_client_errors_are_not_retried(status):
    calls = []
    fetcher, clock = fetcher_for(lambda request: calls.append(1) or html(status=status))
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/gone", max_bytes=10_000)
    assert caught.value.reason == f"http_{status}" and caught.value.attempts == 1
    assert len(calls) == 1 and clock.sleeps == []


def test_too_many_requests_honours_retry_after():
    answers = iter([html(status=429, **{"retry-after": "7"}), html()])
    fetcher, clock = fetcher_for(lambda request: next(answers))
    assert fetcher.get("https://news.example.org/busy", max_bytes=10_000).attempts == 2
    assert clock.sleeps == [7.0]


def test_retry_after_as_an_http_date():
    now = datetime(2025, 9, 10, 12, 0, tzinfo=UTC)
    later = format_datetime(now + timedelta(seconds=20), usegmt=True)
    assert retry_delay(1, CONFIG, later, now) == pytest.approx(20)
    assert retry_delay(1, CONFIG, "not a date", now) == 0.5


def test_a_retry_after_over_the_cap_ends_the_attempts():
    calls = []
    fetcher, clock = fetcher_for(lambda request: calls.append(1) or html(status=503, **{"retry-after": "3600"}))
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/maintenance", max_bytes=10_000)
    assert caught.value.reason == "http_503" and "over the cap" in caught.value.detail
    assert len(calls) == 1 and clock.sleeps == []


@pytest.mark.parametrize(
    ("error", "reason"),
    [(httpx.ReadTimeout("slow"), "timeout"), (httpx.ConnectTimeout("slow"), "timeout"),
     (httpx.ConnectError("refused"), "connection_error")],
)
def test_timeouts_and_connection_errors_are_retried(error, reason):
    calls = []

    def handler(request):
        calls.append(1)
        if len(calls) < 3:
            raise error
        return html()

    fetcher, clock = fetcher_for(handler)
    assert fetcher.get("https://news.example.org/x", max_bytes=10_000).attempts == 3

    def always(request):
        raise error

    fetcher, _ = fetcher_for(always)
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/x", max_bytes=10_000)
    assert caught.value.reason == reason and caught.value.attempts == 3


def test_a_body_slower_than_the_total_timeout_is_cut_off():
    clock = FakeClock()

    def drip():
        for _ in range(10):
            clock.now += 25  # each chunk arrives 25 s after the previous one
            yield b"<p>drip</p>"

    fetcher, _ = fetcher_for(lambda request: httpx.Response(200, content=drip(), headers={"content-type": "text/html"}),
                             config=CONFIG.with_overrides(retries=0), clock=clock)
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/drip", max_bytes=10_000)
    assert caught.value.reason == "timeout" and "total_timeout" in caught.value.detail


def test_redirects_are_followed_up_to_the_limit():
    def handler(request):
        hop = int(request.url.path.strip("/") or 0)
        if hop < 3:
            return httpx.Response(302 if hop % 2 else 301, headers={"location": f"/{hop + 1}"})
        return html()

    fetcher, _ = fetcher_for(handler)
    fetched = fetcher.get("https://news.example.org/0", max_bytes=10_000)
    assert fetched.final_url == "https://news.example.org/3"
    assert fetched.redirects == ["https://news.example.org/1", "https://news.example.org/2", "https://news.example.org/3"]

    fetcher, _ = fetcher_for(lambda request: httpx.Response(302, headers={"location": "/loop"}))
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/loop", max_bytes=10_000)
    assert caught.value.reason == "too_many_redirects" and caught.value.attempts == 1


def test_redirects_to_other_schemes_are_refused():
    fetcher, _ = fetcher_for(lambda request: httpx.Response(302, headers={"location": "file:///etc/passwd"}))
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/a", max_bytes=10_000)
    assert caught.value.reason == "bad_redirect"


def test_every_request_says_who_is_asking():
    seen = []
    fetcher, _ = fetcher_for(lambda request: seen.append(request.headers) or html())
    fetcher.get("https://news.example.org/a", max_bytes=10_000, accept=ACCEPT_FEED)
    assert seen[0]["user-agent"] == "newsgraph/test (+https://ops.example.org/bot)"
    assert "application/rss+xml" in seen[0]["accept"]


def test_credentials_go_to_the_feed_origin_only():
    seen: dict[str, httpx.Headers] = {}

    def handler(request):
        seen[str(request.url)] = request.headers
        if request.url.host == "wire.example.com" and request.url.path == "/story":
            return httpx.Response(302, headers={"location": "https://cdn.example.net/story"})
        return html()

    credentials = Credentials(origin=origin("https://wire.example.com/feed"), basic=("reader", "pw"),
                              headers={"X-Api-Key": "k-123"}, conn_id="wire")
    fetcher, _ = fetcher_for(handler)
    fetcher.get("https://wire.example.com/story", max_bytes=10_000, credentials=credentials)
    asked = seen["https://wire.example.com/story"]
    assert asked["authorization"] == "Basic " + base64.b64encode(b"reader:pw").decode()
    assert asked["x-api-key"] == "k-123"
    moved = seen["https://cdn.example.net/story"]
    assert "authorization" not in moved and "x-api-key" not in moved
    assert "pw" not in repr(credentials) and "k-123" not in repr(credentials)


def test_pages_that_are_not_html_are_refused():
    fetcher, _ = fetcher_for(lambda request: httpx.Response(200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"}))
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/report.pdf", max_bytes=10_000, require_html=True)
    assert caught.value.reason == "not_html" and "application/pdf" in caught.value.detail

    fetcher, _ = fetcher_for(lambda request: httpx.Response(200, content=b"\x89PNG\r\n"))
    with pytest.raises(FetchFailed) as caught:
        fetcher.get("https://news.example.org/img", max_bytes=10_000, require_html=True)
    assert caught.value.reason == "not_html"

    fetcher, _ = fetcher_for(lambda request: httpx.Response(200, content=b"<!DOCTYPE html><html><p>ok</p></html>"))
    assert fetcher.get("https://news.example.org/bare", max_bytes=10_000, require_html=True).media_type is None


def test_pages_are_kept_as_utf8():
    assert utf8_page("<p>caf\u00e9</p>".encode("utf-8"), "utf-8") == ("<p>caf\u00e9</p>".encode("utf-8"), None)
    latin = '<meta charset="iso-8859-1"><p>S\u00e3o Paulo \u2013 \u20ac5</p>'.encode("cp1252")
    assert utf8_page(latin, None) == ('<meta charset="iso-8859-1"><p>S\u00e3o Paulo \u2013 \u20ac5</p>'.encode("utf-8"), "cp1252")
    assert utf8_page("<p>Gda\u0144sk</p>".encode("iso-8859-2"), "ISO-8859-2")[0] == "<p>Gda\u0144sk</p>".encode("utf-8")
    assert utf8_page(b"<p>caf\xe9</p>", "utf-8") == ("<p>caf\u00e9</p>".encode("utf-8"), "cp1252")


# --- configuration and credentials -------------------------------------------------------


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_CONTACT", "https://ops.example.org/newsgraph")
    monkeypatch.setenv("NEWSGRAPH_FETCH_READ_TIMEOUT", "2.5")
    monkeypatch.setenv("NEWSGRAPH_FETCH_MAX_PAGE_BYTES", "1_000")
    config = FetchConfig.from_env()
    assert config.user_agent.startswith("newsgraph/") and config.user_agent.endswith("(+https://ops.example.org/newsgraph)")
    assert (config.read_timeout, config.max_page_bytes) == (2.5, 1000)
    monkeypatch.setenv("NEWSGRAPH_USER_AGENT", "ExampleNewsBot/2.0 (+mailto:desk@example.org)")
    assert FetchConfig.from_env().user_agent == "ExampleNewsBot/2.0 (+mailto:desk@example.org)"
    monkeypatch.setenv("NEWSGRAPH_FETCH_RETRIES", "-1")
    with pytest.raises(ValueError, match="NEWSGRAPH_FETCH_RETRIES"):
        FetchConfig.from_env()


class FakeConnection:
    def __init__(self, login=None, password=None, extra=None):
        self.login, self.password, self.extra_dejson = login, password, extra or {}


def test_credentials_from_a_connection():
    basic = credentials_for("wire", "https://wire.example.com/feed", lambda conn_id: FakeConnection("reader", "pw"))
    assert basic.basic == ("reader", "pw") and basic.applies_to("https://wire.example.com:443/x")
    assert not basic.applies_to("http://wire.example.com/x") and not basic.applies_to("https://other.example.com/x")
    bearer = credentials_for("wire", "https://wire.example.com/feed", lambda conn_id: FakeConnection(password="tok"))
    assert bearer.basic is None and bearer.request_headers() == {"Authorization": "Bearer tok"}
    keyed = credentials_for(
        "wire", "https://wire.example.com/feed", lambda conn_id: FakeConnection(extra={"headers": {"X-Api-Key": "k"}})
    )
    assert keyed.request_headers() == {"X-Api-Key": "k"}
    with pytest.raises(CredentialsError, match="headers"):
        credentials_for("wire", "https://wire.example.com/feed", lambda conn_id: FakeConnection(extra={"headers": ["k"]}))


def test_a_missing_airflow_connection_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("AIRFLOW_CONN_NO_SUCH_FEED_CONNECTION", raising=False)
    with pytest.raises(CredentialsError, match="'no_such_feed_connection' could not be read"):
        credentials_for("no_such_feed_connection", "https://wire.example.com/feed")


def test_the_package_does_not_import_airflow():
    import subprocess
    import sys

    code = "import sys, newsgraph.sources; print(any(m == 'airflow' or m.startswith('airflow.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_manifest_lines_are_json_objects(tmp_path):
    from newsgraph.sources import read_manifest

    path = tmp_path / "_fetched.jsonl"
    path.write_text(json.dumps({"kind": "item", "url": "https://a.example/"}) + "\nnot json\n[1]\n\n", encoding="utf-8")
    assert read_manifest(path) == [{"kind": "item", "url": "https://a.example/"}]
    assert read_manifest(tmp_path / "missing.jsonl") == []


# --- one day through a mock transport ----------------------------------------------------


def test_fetch_day_records_every_outcome_and_keeps_only_loadable_pages(tmp_path):
    from datetime import date

    from newsgraph.ingest.landing import discover_files, sidecar_path
    from newsgraph.sources import MANIFEST_NAME, fetch_day, read_manifest

    day = date(2025, 9, 10)
    article = (
        "<html><head><title>Harbour dredging</title></head><body><article><h1>Harbour dredging</h1>"
        "<p>MOMBASA - The port authority will spend $30 million on dredging, its director said on Wednesday.</p>"
        "</article></body></html>"
    ).encode("utf-8")
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        "<item><title>Harbour dredging</title><link>/a.html</link><pubDate>Wed, 10 Sep 2025 08:00:00 GMT</pubDate></item>"
        "<item><title>Empty page</title><link>/empty.html</link><pubDate>Wed, 10 Sep 2025 09:00:00 GMT</pubDate></item>"
        "<item><title>Too many</title><link>/c.html</link><pubDate>Wed, 10 Sep 2025 10:00:00 GMT</pubDate></item>"
        "</channel></rss>"
    ).encode("utf-8")
    pages = {
        "/feed.xml": httpx.Response(200, content=rss, headers={"content-type": "application/rss+xml"}),
        "/a.html": html(article),
        "/empty.html": html(b"<html><body>   </body></html>"),
        "/atom.xml": httpx.Response(200, content=ATOM, headers={"content-type": "application/atom+xml"}),
    }
    asked: list[str] = []

    def handler(request):
        asked.append(str(request.url))
        return pages.get(request.url.path) or html(status=404)

    sources = tmp_path / "sources.csv"
    sources.write_text(
        "name,url,kind,conn_id,enabled\n"
        "desk,https://news.example.org/feed.xml,rss,,true\n"
        "mislabelled,https://news.example.org/atom.xml,rss,,true\n"
        "locked,https://wire.example.com/feed.xml,rss,wire_conn,true\n",
        encoding="utf-8",
    )

    def no_connection(conn_id):
        raise LookupError(conn_id)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    summary = fetch_day(
        tmp_path / "landing", day, sources, client=client, now=datetime(2025, 9, 10, 12, tzinfo=UTC),
        config=CONFIG.with_overrides(max_items_per_feed=2), get_connection=no_connection,
    )

    assert summary["feeds"] == {"ok": 1, "failed": 2}
    assert (summary["ok"], summary["duplicate"], summary["failed"]) == (1, 0, 2)
    assert summary["reasons"] == {"credentials": 1, "empty_text": 1, "feed_wrong_kind": 1, "item_limit": 1}
    assert not any("wire.example.com" in u for u in asked) and "https://news.example.org/c.html" not in asked
    folder = tmp_path / "landing" / day.isoformat()
    lines = read_manifest(folder / MANIFEST_NAME)
    locked = next(line for line in lines if line["source"] == "locked")
    assert "wire_conn" in locked["detail"] and "LookupError" in locked["detail"]
    empty = next(line for line in lines if line.get("link") == "https://news.example.org/empty.html")
    assert (empty["status"], empty["reason"], empty["file"]) == ("failed", "empty_text", None)
    kept = sorted(p.name for p in folder.glob("*.html"))
    assert kept == [page_file_name("https://news.example.org/a.html")]
    assert json.loads(sidecar_path(folder / kept[0]).read_text(encoding="utf-8"))["title"] == "Harbour dredging"
    assert [p.name for p in discover_files(tmp_path / "landing", day) if not p.name.startswith("_")
            and "_feeds" not in p.parts] == kept
