"""Feeds and pages: fetch the articles of a day from configured RSS and Atom feeds into the landing zone.

The sources are data (:mod:`newsgraph.sources.catalog`); :func:`fetch_day` reads every
enabled feed, fetches the pages of the day's items over HTTP
(:mod:`newsgraph.sources.fetch`) and keeps them, with metadata sidecars and a manifest,
in the landing day, which the pipeline then reads like any other landing day.
Airflow is imported only to read a source's Connection.
"""

from newsgraph.sources.auth import Credentials, CredentialsError, credentials_for
from newsgraph.sources.catalog import Source, SourcesFileError, load_sources, parse_sources
from newsgraph.sources.config import FetchConfig, build_user_agent, sources_file_from_env
from newsgraph.sources.day import FEEDS_DIR, MANIFEST_NAME, fetch_day, read_manifest
from newsgraph.sources.feeds import FeedError, FeedItem, ParsedFeed, parse_feed
from newsgraph.sources.fetch import Fetched, FetchFailed, Fetcher, RateLimiter, retry_delay
from newsgraph.sources.urls import BadUrl, canonical_url, page_file_name, url_key

__all__ = [
    "FEEDS_DIR",
    "MANIFEST_NAME",
    "BadUrl",
    "Credentials",
    "CredentialsError",
    "FeedError",
    "FeedItem",
    "FetchConfig",
    "FetchFailed",
    "Fetched",
    "Fetcher",
    "ParsedFeed",
    "RateLimiter",
    "Source",
    "SourcesFileError",
    "canonical_url",
    "credentials_for",
    "fetch_day",
    "load_sources",
    "page_file_name",
    "parse_feed",
    "parse_sources",
    "read_manifest",
    "retry_delay",
    "sources_file_from_env",
    "url_key",
    "build_user_agent",
]
