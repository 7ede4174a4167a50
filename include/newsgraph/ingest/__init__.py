"""Ingestion: turn the files of one landing day into raw articles and rejections."""

from newsgraph.ingest.landing import (
    REASON_CODES,
    RawArticle,
    Rejected,
    TooManyArticlesError,
    day_folder,
    discover_files,
    load_day,
    load_file,
)

__all__ = [
    "REASON_CODES",
    "RawArticle",
    "Rejected",
    "TooManyArticlesError",
    "day_folder",
    "discover_files",
    "load_day",
    "load_file",
]
