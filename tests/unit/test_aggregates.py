"""Daily aggregates rebuilt from every published day, on small hand-made tables."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pyarrow as pa

from newsgraph.schema import AMOUNTS, ARTICLES, DATES, ENTITY_MENTIONS, QUARANTINE
from newsgraph.storage import warehouse as wh
from newsgraph.storage.aggregates import read_aggregate, rebuild_aggregates


def _mention(i: int, article: str, entity: str, name: str) -> dict:
    return {"mention_id": f"m{i}", "article_id": article, "entity_id": entity, "label": "ORG", "text": name,
            "canonical_name": name, "role": None, "start_char": 0, "end_char": len(name), "sentence_idx": 0}


def _amount(i: int, article: str, value: float, currency: str, usd: float | None) -> dict:
    return {"amount_id": f"a{i}", "article_id": article, "text": "x", "value": value, "value_max": None,
            "currency": currency, "currency_note": None, "qualifier": None, "value_usd": usd,
            "value_max_usd": None, "fx_rate_date": None, "usd_note": None if usd else "no ECB rate",
            "subject": None, "entity_ids": [], "start_char": 0, "end_char": 1, "sentence_idx": 0}


def _publish(root, day: date, mentions: list[dict], amounts: list[dict]) -> None:
    articles = sorted({m["article_id"] for m in mentions} | {a["article_id"] for a in amounts})
    rows = [{"article_id": a, "source": "t", "source_id": None, "url": None, "title": None,
             "published_at": datetime(2025, 9, 1, tzinfo=timezone.utc), "language": "en", "text": "x" * 40,
             "text_chars": 40, "content_sha256": "0" * 64, "input_path": f"{a}.txt", "run_id": "r"} for a in articles]
    staging = wh.staging_dir(root, day, f"r-{day}")
    wh.stage_tables(staging, {
        "articles": pa.Table.from_pylist(rows, schema=ARTICLES),
        "entity_mentions": pa.Table.from_pylist(mentions, schema=ENTITY_MENTIONS),
        "amounts": pa.Table.from_pylist(amounts, schema=AMOUNTS),
        "dates": DATES.empty_table(),
        "quarantine": QUARANTINE.empty_table(),
    })
    wh.publish_partition(root, day, staging)


def test_aggregates_over_all_days(tmp_path):
    d1, d2 = date(2025, 9, 1), date(2025, 9, 2)
    _publish(tmp_path, d1, [_mention(1, "a1", "E1", "Acme"), _mention(2, "a1", "E1", "Acme"),
                            _mention(3, "a2", "E1", "Acme"), _mention(4, "a2", "E2", "Globex")],
             [_amount(1, "a1", 5e6, "USD", 5e6), _amount(2, "a2", 2e6, "EUR", 2.2e6), _amount(3, "a2", 1e6, "PKR", None)])
    _publish(tmp_path, d2, [_mention(5, "a3", "E2", "Globex")], [_amount(4, "a3", 3e6, "USD", 3e6)])

    assert rebuild_aggregates(tmp_path) == {"entity_daily": 3, "amounts_daily": 4}
    daily = {(r["dt"], r["entity_id"]): (r["mentions"], r["articles"]) for r in read_aggregate(tmp_path, "entity_daily").to_pylist()}
    assert daily == {(d1, "E1"): (3, 2), (d1, "E2"): (1, 1), (d2, "E2"): (1, 1)}
    money = {(r["dt"], r["currency"]): r for r in read_aggregate(tmp_path, "amounts_daily").to_pylist()}
    assert money[(d1, "USD")]["value_sum"] == 5e6 and money[(d2, "USD")]["value_usd_sum"] == 3e6
    assert money[(d1, "PKR")]["value_usd_sum"] is None and money[(d1, "PKR")]["without_usd"] == 1
    assert money[(d1, "EUR")]["value_usd_sum"] == 2.2e6 and money[(d1, "EUR")]["articles"] == 1

    # idempotent: a second rebuild gives the same tables
    before = read_aggregate(tmp_path, "entity_daily")
    rebuild_aggregates(tmp_path)
    assert read_aggregate(tmp_path, "entity_daily").equals(before)


def test_aggregates_of_an_empty_warehouse_are_empty_tables(tmp_path):
    assert rebuild_aggregates(tmp_path) == {"entity_daily": 0, "amounts_daily": 0}
    assert read_aggregate(tmp_path, "amounts_daily").num_rows == 0
