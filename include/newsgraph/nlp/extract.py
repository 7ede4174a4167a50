"""The one extractor: texts in, entity mentions and money amounts out.

The DAG, the ``newsgraph extract`` command and the benchmark all call
:func:`extract_texts`, so there is exactly one code path from text to records.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from newsgraph.normalise.amounts import AmountMatch, find_amounts
from newsgraph.normalise.entities import EntityMention, extract_entities
from newsgraph.normalise.reference import Reference

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


@dataclass(frozen=True)
class Amount:
    match: AmountMatch
    sentence_idx: int


@dataclass(frozen=True)
class Extraction:
    key: str
    entities: list[EntityMention]
    amounts: list[Amount]


def extract_texts(
    nlp: "Language",
    ref: Reference,
    items: Iterable[tuple[str, str]],
    batch_size: int = 64,
) -> Iterator[Extraction]:
    """Run the pipeline over ``(key, text)`` pairs with batched ``nlp.pipe``, in input order."""
    pairs = ((text, key) for key, text in items)
    for doc, key in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        sentence_starts = [s.start_char for s in doc.sents] or [0]
        amounts = [
            Amount(m, bisect.bisect_right(sentence_starts, m.start) - 1) for m in find_amounts(doc.text)
        ]
        yield Extraction(key=key, entities=extract_entities(doc, ref), amounts=amounts)
