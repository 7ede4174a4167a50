"""Small text helpers shared by the normalisers: canonical spelling and match keys."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
_DASHES = re.compile(r"(?<=\w)[\u2010\u2011\u2012\u2013\u2014\u2212](?=\w)")
_SPACES = re.compile(r"\s+")


def canonical_spelling(name: str) -> str:
    """One spelling for a name: straight apostrophes, ASCII hyphens between words, single spaces."""
    name = unicodedata.normalize("NFC", name).translate(_APOSTROPHES)
    name = _DASHES.sub("-", name)
    return _SPACES.sub(" ", name).strip()


def name_key(name: str) -> str:
    """Key under which two spellings of one name compare equal.

    Case, diacritics, apostrophe and hyphen variants and spacing do not matter:
    "People’s Bank of China", "Peoples Bank of China" and "PEOPLE'S BANK OF CHINA"
    share a key.
    """
    name = canonical_spelling(name)
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("'", "").replace("-", " ").replace(".", "")
    return _SPACES.sub(" ", stripped).strip().casefold()


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def alternation(keys: Iterable[str]) -> str:
    """A regex for any of ``keys``, longest match first ("US$" over "$"), a space matching any whitespace.

    Built as a trie: the regex engine tries alternatives one by one, and sharing
    prefixes makes the long word lists cheap to scan for.
    """
    trie: dict[str, dict] = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)
