"""``newsgraph``: the pipeline's steps from the command line, without Airflow.

    newsgraph extract --input IN.jsonl --output OUT.jsonl
    newsgraph run-day --day 2025-09-01
    newsgraph report [--day 2025-09-01]
    newsgraph eval [tests/gold/ | tests/gold/articles.jsonl]
    newsgraph bench [CORPUS.jsonl] [--limit N] [--runs 3] [--processes P] [--dag]
    newsgraph query [NAME] [--param key=value ...] [--warehouse DIR] [--format table|csv|jsonl]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Iterator, TextIO

from newsgraph.settings import Settings
from newsgraph.storage.objectstore import location


def _published(value: object) -> date | None:
    """The date part of an ISO 8601 ``published_at``; raises ValueError when it is not one."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published_at {value!r} is not a string")
    from newsgraph.ingest.formats import ContentProblem, parse_published_at

    try:
        parsed = parse_published_at(value)
    except ContentProblem as exc:
        raise ValueError(exc.message) from None
    return None if parsed is None else parsed.date()


def _read_jsonl(fh: TextIO, errors: list[str]) -> Iterator[tuple[str, str, date | None]]:
    for lineno, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {lineno}: not valid JSON ({exc.msg} at column {exc.colno}); skipped")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            errors.append(f"line {lineno}: needs an object with a string \"text\"; skipped")
            continue
        key = obj.get("id")
        try:
            published = _published(obj.get("published_at"))
        except ValueError as exc:
            errors.append(f"line {lineno}: {exc}; dates and USD values left unresolved")
            published = None
        yield (str(key) if key is not None else f"line-{lineno}"), obj["text"], published


def _extraction_record(extraction) -> dict:
    entities = [
        {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "label": m.label,
            "canonical_name": m.canonical_name,
            "entity_id": m.entity_id,
            **({"role": m.role} if m.role else {}),
        }
        for m in extraction.entities
    ]
    amounts = []
    for a in extraction.amounts:
        m = a.match
        record = {"start": m.start, "end": m.end, "text": m.text, "value": m.value, "currency": m.currency}
        if m.value_max is not None:
            record["value_max"] = m.value_max
        if m.qualifier:
            record["qualifier"] = m.qualifier
        if m.currency_note:
            record["currency_note"] = m.currency_note
        record["value_usd"] = a.usd.value_usd
        if a.usd.rate_date is not None and m.currency != "USD":
            record["fx_rate_date"] = a.usd.rate_date.isoformat()
        if a.usd.note:
            record["usd_note"] = a.usd.note
        record["subject"] = a.subject
        record["entity_ids"] = list(a.entity_ids)
        amounts.append(record)
    dates = [
        {
            "start": d.date.start,
            "end": d.date.end,
            "text": d.date.text,
            "resolved": d.date.resolved.isoformat() if d.date.resolved else None,
            "grain": d.date.grain,
        }
        for d in extraction.dates
    ]
    return {"id": extraction.key, "entities": entities, "amounts": amounts, "dates": dates}


def cmd_extract(args: argparse.Namespace) -> int:
    from newsgraph.nlp.extract import extract_texts
    from newsgraph.nlp.model import load_pipeline
    from newsgraph.normalise.reference import load_reference

    settings = Settings.from_env()
    nlp = load_pipeline(settings.model_names)
    ref = load_reference(settings.reference_dir)
    errors: list[str] = []
    count = 0
    src = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    dst = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        for extraction in extract_texts(nlp, ref, _read_jsonl(src, errors), settings.batch_size):
            dst.write(json.dumps(_extraction_record(extraction), ensure_ascii=False) + "\n")
            count += 1
    finally:
        if src is not sys.stdin:
            src.close()
        if dst is not sys.stdout:
            dst.close()
    for err in errors:
        print(f"newsgraph extract: {args.input} {err}", file=sys.stderr)
    print(f"newsgraph extract: {count} articles written to {args.output}, {len(errors)} lines skipped", file=sys.stderr)
    return 2 if errors else 0


def cmd_run_day(args: argparse.Namespace) -> int:
    from newsgraph import pipeline

    settings = Settings.from_env()
    pipeline.run_day(settings, args.day)
    return cmd_report(args)


def cmd_report(args: argparse.Namespace) -> int:
    from newsgraph.pipeline import format_summary
    from newsgraph.storage.warehouse import describe

    settings = Settings.from_env()
    root = location(args.warehouse) if getattr(args, "warehouse", None) else settings.warehouse_root
    print(f"warehouse: {root}")
    quarantined = None
    if args.day is not None:
        from newsgraph.pipeline import quarantined_by_reason

        quarantined = quarantined_by_reason(settings.with_overrides(warehouse_root=root), args.day)
    print(format_summary(describe(root, args.day), quarantined))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from newsgraph.evaluate import evaluate, format_scores, load_gold
    from newsgraph.nlp.model import load_pipeline
    from newsgraph.normalise.reference import load_reference

    settings = Settings.from_env()
    records = load_gold(Path(args.gold))
    scores = evaluate(records, load_pipeline(settings.model_names), load_reference(settings.reference_dir))
    print(f"{len(records)} gold passages from {args.gold}")
    print(format_scores(scores, misses=args.misses))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from newsgraph.bench import bench

    return bench(args)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a day in the form YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsgraph", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract entities and amounts from a JSON Lines file, without Airflow")
    p.add_argument("--input", required=True, help='JSON Lines, one {"id", "text", "published_at"?} per line ("-" for stdin)')
    p.add_argument("--output", required=True, help='JSON Lines output ("-" for stdout)')
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("run-day", help="run every step for one landing day in this process, without Airflow")
    p.add_argument("--day", required=True, type=_day)
    p.set_defaults(func=cmd_run_day)

    p = sub.add_parser("eval", help="score the extractor against gold annotations")
    p.add_argument("gold", nargs="?", default=str(Path(__file__).resolve().parents[2] / "tests" / "gold" / "articles.jsonl"))
    p.add_argument("--misses", type=int, default=20, help="misses listed per metric")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("bench", help="newsgraph's whole path against raw spaCy on a corpus: articles/s, memory, stages")
    from newsgraph.bench import add_arguments

    add_arguments(p)
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("query", help="run an analyst query of include/sql/ against the warehouse (no NAME: list them)")
    from newsgraph.queries import add_arguments as add_query_arguments, cmd_query

    add_query_arguments(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("report", help="list published tables, partitions and row counts")
    p.add_argument("--day", type=_day, default=None)
    p.add_argument("--warehouse", default=None, help="warehouse root (default: NEWSGRAPH_WAREHOUSE)")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in ("botocore", "aiobotocore"):  # where S3 credentials and endpoints were found: not news
        logging.getLogger(name).setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"newsgraph {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
