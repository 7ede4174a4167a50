"""Names of listed companies, for finding the ones the model misses or takes for something else
("Pfizer agreed to buy...", "Diageo" tagged a person, "Cisco" a place).

The list is the constituents of the main stock indices (S&P 500, Dow Jones, Nasdaq 100, FTSE 100,
DAX, CAC 40, Euro Stoxx 50, Nikkei 225, IBEX 35, AEX...) that ``pytickersymbols`` bundles (installed
with the pinned set; nothing is downloaded), each by the name it goes by, without its legal form
("Pfizer Inc." is "Pfizer"). Left out are names that are as likely something else in news text:
a common English word ("Next", "Orange", "Target"), a family name ("Pearson", "Suzuki",
"Douglas") or a family's possessive ("Sainsbury's"), a name that starts with a given name ("Morgan Stanley", "Hugo Boss", "Louis Vuitton"),
a place ("Antofagasta", "Devon Energy" is kept, "Corning" is not), an acronym (the model and the
alias file know those) or a name shorter than four letters.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: A share class run into the name ("KalmarB", "IndustrivärdenC").
_SHARE_CLASS = re.compile(r"(?<=[a-zà-ÿ])[A-C]$")
#: What a stripped legal form leaves at the end: "Eli Lilly and [Company]", "Arthur J. Gallagher & [Co.]".
_DANGLING = re.compile(r"(?:,|\s+(?:&|and))$")
#: A note in brackets ("PTC (software company)") and a leading "The" ("The Hertz Corporation").
_NOTE = re.compile(r"\s*\([^)]*\)")
_THE = re.compile(r"^The\s+")
#: Words a company's full name ends with that news copy often leaves off: "Otter Tail Corporation",
#: "Holcim Group", "Waystar Holding".
_GROUP_WORD = re.compile(r"\s+(?:Corporation|Incorporated|Group|Holdings?|SE)$")


def _goes_by(name: str) -> set[str]:
    """The names a listed company goes by: "Pfizer Inc." -> "Pfizer", "ADMA Biologics, Inc." ->
    "ADMA Biologics", "The Hertz Corporation" -> "Hertz Corporation" and "Hertz"."""
    from newsgraph.normalise.entities import without_legal_form

    name = _THE.sub("", _NOTE.sub("", _SHARE_CLASS.sub("", name.replace(", Inc.", " Inc.").strip())))
    name = _DANGLING.sub("", without_legal_form(name)).strip()
    return {name, _GROUP_WORD.sub("", name)}


def _ambiguous(name: str) -> bool:
    from newsgraph.normalise.geo import any_city_alias, known_place
    from newsgraph.normalise.names import is_common_word, is_given_name, surnames
    from newsgraph.normalise.reference import is_acronym

    words = name.split()
    return (
        len(name) < 4
        or name.endswith(("'s", "\u2019s"))  # "Sainsbury's Labour election gift": Lord Sainsbury's
        or not name[0].isupper()
        or is_acronym(name)
        or is_given_name(words[0])
        or (len(words) == 1 and (is_common_word(name) or name in surnames()))
        or known_place(name) is not None
        or any_city_alias(name)
    )


@lru_cache(maxsize=1)
def listed_companies() -> frozenset[str]:
    """Names, as written, of companies in the main stock indices that name nothing else. Some are
    common words together ("Best Buy", "General Mills"): :func:`of_common_words` tells them."""
    from pytickersymbols import PyTickerSymbols

    names = {n for stock in PyTickerSymbols().get_all_stocks() for n in _goes_by(stock["name"])}
    return frozenset(n for n in names if n and not _ambiguous(n))


def of_common_words(name: str) -> bool:
    """Whether every word of ``name`` is a common English word ("Best Buy", "Public Storage"): a listed
    company so named is taken where the model tagged the name, not looked for in the text."""
    from newsgraph.normalise.names import is_common_word

    return all(is_common_word(w) for w in name.split())
