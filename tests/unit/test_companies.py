"""Listed companies' names from the bundled stock-index constituents."""

from __future__ import annotations

from newsgraph.normalise.companies import listed_companies


def test_listed_companies_go_by_their_names_without_legal_forms():
    names = listed_companies()
    assert len(names) > 1000
    # "Pfizer Inc.", "The Hertz Corporation", "Holcim Group": the names news copy uses
    assert {"Pfizer", "Glencore", "Severn Trent", "Hertz", "Holcim", "Bristol Myers Squibb"} <= names
    assert not any(n.endswith((" Inc.", " Inc", " plc", " AG", " &", " and")) or "(" in n for n in names)


def test_names_that_name_something_else_are_left_out():
    names = listed_companies()
    # common words, family names and possessives, names starting with a given name, places, acronyms
    for name in ("Next", "Orange", "Target", "Pearson", "Suzuki", "Sainsbury's", "Morgan Stanley", "Hugo Boss",
                 "Antofagasta", "BASF", "HSBC"):
        assert name not in names, name
