"""The one extractor: texts in, entity mentions, money amounts and dates out.

The DAG, the ``newsgraph extract`` command, ``newsgraph eval`` and the benchmark all
call :func:`extract_texts`, so there is exactly one code path from text to records.

Each article is resolved against its *reference date*: its publication date when
the source gives one, else the caller's fallback (the DAG passes the day being
processed). Dates ("on Monday") are resolved against it and amounts are converted
to US dollars at the ECB rate of that date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence, Union

from newsgraph.nlp.subject import amount_subject
from newsgraph.normalise.amounts import AmountMatch, find_amounts
from newsgraph.normalise.dates import ResolvedDate, resolve_dates
from newsgraph.normalise.entities import EntityMention, dateline_lead, extract_entities
from newsgraph.normalise.fx import UsdValue, to_usd
from newsgraph.normalise.reference import Reference

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

#: ``(key, text)`` or ``(key, text, reference date or None)``.
Item = Union[tuple[str, str], tuple[str, str, Union[date, datetime, None]]]

# "$1.13bn (£600m)": the bracketed amount restates the one before it.
_RESTATEMENT_GAP = re.compile(r"\s*[(\[]\s*|\s*[(\[]\s*(?:about|around|roughly|some|or|approx\.?|c\.)\s+")


@dataclass(frozen=True)
class Amount:
    match: AmountMatch
    sentence_idx: int
    subject: str | None
    """The noun phrase the amount is about ("IMF loan program"), or None."""
    entity_ids: tuple[str, ...]
    """Entities mentioned in the same sentence, in order of first mention."""
    usd: UsdValue


@dataclass(frozen=True)
class DateMention:
    date: ResolvedDate
    sentence_idx: int


@dataclass(frozen=True)
class Extraction:
    key: str
    reference_date: date | None
    entities: list[EntityMention]
    amounts: list[Amount]
    dates: list[DateMention]


def _as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def _split(items: Iterable[Item]) -> Iterator[tuple[str, tuple[str, date | None]]]:
    for item in items:
        if len(item) == 3:
            key, text, ref = item  # type: ignore[misc]
        else:
            (key, text), ref = item, None  # type: ignore[misc]
        yield text, (key, _as_date(ref))


def _amounts(
    doc, matches: list[AmountMatch], sentence_starts: Sequence[int], entities: list[EntityMention], ref_date: date | None
) -> list[Amount]:
    text = doc.text
    by_sentence: dict[int, list[str]] = {}
    for m in entities:
        ids = by_sentence.setdefault(m.sentence_idx, [])
        if m.entity_id not in ids:
            ids.append(m.entity_id)
    out: list[Amount] = []
    previous: Amount | None = None
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in matches]
    # no amount is about a piece of another ("Dh5 million and QR500m.": not "m.")
    amount_tokens = frozenset(t.i for span in spans if span is not None for t in span)
    for m, span in zip(matches, spans):
        sentence = bisect.bisect_right(sentence_starts, m.start) - 1
        if previous is not None and _RESTATEMENT_GAP.fullmatch(text, previous.match.end, m.start):
            subject = previous.subject
        else:
            subject = amount_subject(span, amount_tokens) if span is not None else None
        usd = to_usd(m.value, m.currency, ref_date)
        amount = Amount(m, sentence, subject, tuple(by_sentence.get(sentence, ())), usd)
        out.append(amount)
        previous = amount
    return out


def _lead_entities(nlp: "Language", doc: "Doc") -> tuple[tuple[int, int, str], ...]:
    """The model's entities in the sentence after the dateline, read without it."""
    lead = dateline_lead(doc)
    if lead is None:
        return ()
    start, end = lead
    alone = nlp(doc.text[start:end])
    return tuple((start + e.start_char, start + e.end_char, e.label_) for e in alone.ents)


def extract_texts(
    nlp: "Language",
    ref: Reference,
    items: Iterable[Item],
    batch_size: int = 64,
) -> Iterator[Extraction]:
    """Run the pipeline over ``(key, text[, reference date])`` items with batched ``nlp.pipe``, in input order."""
    for doc, (key, ref_date) in nlp.pipe(_split(items), as_tuples=True, batch_size=batch_size):
        sentence_starts = [s.start_char for s in doc.sents] or [0]
        matches = find_amounts(doc.text, on=ref_date)
        # a money amount is never also a named entity ("PKR 500" is not a product)
        entities = extract_entities(
            doc, ref, excluded=tuple((m.start, m.end) for m in matches), lead_ents=_lead_entities(nlp, doc)
        )
        amounts = _amounts(doc, matches, sentence_starts, entities, ref_date)
        dates = [
            DateMention(d, bisect.bisect_right(sentence_starts, d.start) - 1) for d in resolve_dates(doc, ref_date)
        ]
        yield Extraction(key=key, reference_date=ref_date, entities=entities, amounts=amounts, dates=dates)


# -- several processes --------------------------------------------------------------------------

#: Articles per unit of work handed to a process: small enough to balance the processes,
#: large enough for ``nlp.pipe`` to batch well.
CHUNK_ARTICLES = 32

_WARM_UP_TEXT = (
    "The State Bank of Pakistan in Karachi said on Monday that the International Monetary Fund "
    "lent $7 billion (Rs 1.9 trillion) to Islamabad two months ago."
)

# What forked processes inherit: the loaded pipeline, reference data and batch size.
_FORKED: dict[str, object] = {}


def warm_up(nlp: "Language", ref: Reference) -> None:
    """Load everything the extractor loads lazily (gazetteer, exchange rates, lookup tables),
    so that processes forked afterwards share it instead of each loading its own."""
    from newsgraph.normalise.names import given_names, is_common_word

    given_names()
    is_common_word("news")
    list(extract_texts(nlp, ref, [("warm-up", _WARM_UP_TEXT, date(2025, 9, 1))]))


def _extract_chunk(chunk: list[Item]) -> list[Extraction]:
    nlp, ref, batch_size = _FORKED["args"]  # type: ignore[misc]
    return list(extract_texts(nlp, ref, chunk, batch_size))  # type: ignore[arg-type]


def extract_many(
    nlp: "Language",
    ref: Reference,
    items: Sequence[Item],
    batch_size: int = 64,
    processes: int = 1,
) -> Iterator[Extraction]:
    """:func:`extract_texts` over ``items`` in ``processes`` processes, results in input order.

    The pipeline is loaded and warmed up once, here, and the worker processes are forked
    from this one, so each starts with the model and reference data already in memory
    (shared copy-on-write) and runs the whole extractor: parsing and normalising.
    """
    if processes <= 1 or len(items) <= CHUNK_ARTICLES:
        yield from extract_texts(nlp, ref, items, batch_size)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    warm_up(nlp, ref)
    _FORKED["args"] = (nlp, ref, batch_size)
    chunks = [list(items[i : i + CHUNK_ARTICLES]) for i in range(0, len(items), CHUNK_ARTICLES)]
    try:
        # a process that dies (killed, out of memory) raises BrokenProcessPool here: the
        # task fails and is retried rather than waiting forever for its results
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
            for extractions in pool.map(_extract_chunk, chunks):
                yield from extractions
    finally:
        _FORKED.clear()
