"""Reference data read from files in ``seeds/reference`` (aliases, roles, junk names).

Loaded once per process and per folder; edit the files to extend the extractor.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsgraph.normalise.text import name_key


@dataclass(frozen=True)
class Alias:
    canonical_name: str
    label: str


@dataclass(frozen=True)
class Reference:
    #: name_key(alias) -> what it stands for
    aliases: dict[str, Alias]
    #: role phrases as lists of lower-cased words without trailing dots, longest first
    roles: tuple[tuple[str, ...], ...]
    junk_names: frozenset[str]
    facility_words: frozenset[str]
    #: last words that make a name an organisation ("Bank", "Holdings", "Semiconductor")
    org_words: frozenset[str] = frozenset()
    #: aliases written in capitals ("IMF", "PBOC"): found in text even where the model missed them
    acronyms: frozenset[str] = frozenset()
    #: nationality and group adjectives, name-keyed ("Pakistani", "European")
    demonyms: frozenset[str] = frozenset()
    #: last words that make a name an event ("Cup", "Festival", "Open")
    event_words: frozenset[str] = frozenset()
    #: last words that make a name a law ("Act", "Bill", "Treaty")
    law_words: frozenset[str] = frozenset()
    #: words that let the model's LAW stand without making a name a law ("Protocol", "Chapter")
    law_name_words: frozenset[str] = frozenset()
    #: words that make a name a natural place ("Shoal", "Strait", "Sea")
    loc_words: frozenset[str] = frozenset()
    #: words a club's name starts with before its town's, as written ("Real", "Inter")
    club_first_words: frozenset[str] = frozenset()
    #: organisations' names and aliases as written, not acronyms ("Reuters", "Aramco", "Associated
    #: Press"): found in text even where the model missed them
    organisation_names: frozenset[str] = frozenset()
    #: listed companies' names that name nothing else ("Pfizer", "Diageo", "Severn Trent"), from
    #: :func:`newsgraph.normalise.companies.listed_companies`: found and made organisations wherever
    #: the model missed them or took them for something else; with the seeds' ``companies.txt``
    listed_companies: frozenset[str] = frozenset()
    #: (name_key(alias), ISO country code) -> what the alias stands for in an article about that country
    #: ("Labour" in a New Zealand story is the New Zealand Labour Party)
    country_aliases: dict[tuple[str, str], Alias] = field(default_factory=dict)

    def alias_for(self, name: str) -> Alias | None:
        return self.aliases.get(name_key(name))

    def alias_in(self, name: str, country: str | None) -> Alias | None:
        """What ``name`` stands for in an article about ``country``, where the alias file says so."""
        return self.country_aliases.get((name_key(name), country)) if country else None


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def role_words(phrase: str) -> tuple[str, ...]:
    """Lower-cased words of a role phrase, trailing dots dropped ("Dr." == "dr")."""
    return tuple(w.rstrip(".").lower() for w in phrase.split())


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return 2 <= len(letters) <= 8 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def _read_acronyms(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(
            a for row in csv.DictReader(fh)
            if is_acronym(a := (row.get("alias") or "").strip()) and not (row.get("country") or "").strip()
        )


def _read_organisation_names(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    names: set[str] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if (row.get("label") or "").strip() != "ORG" or (row.get("country") or "").strip():
                continue  # a name for one country's articles is not looked for in every article
            for name in ((row.get("alias") or "").strip(), (row.get("canonical_name") or "").strip()):
                if len(name) >= 4 and name[0].isupper() and not is_acronym(name):
                    names.add(name)
    return frozenset(names)


def _read_aliases(path: Path) -> tuple[dict[str, Alias], dict[tuple[str, str], Alias]]:
    """The alias file's rows: those for every article, and those with a ``country`` for articles about it."""
    if not path.exists():
        return {}, {}
    aliases: dict[str, Alias] = {}
    by_country: dict[tuple[str, str], Alias] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            alias, canonical, label = ((row.get(k) or "").strip() for k in ("alias", "canonical_name", "label"))
            country = (row.get("country") or "").strip()
            if not alias or not canonical or not label:
                raise ValueError(f"{path}:{lineno}: needs alias, canonical_name and label, got {row!r}")
            if country and not (len(country) == 2 and country.isalpha() and country.isupper()):
                raise ValueError(f"{path}:{lineno}: country must be an ISO 3166-1 alpha-2 code, got {country!r}")
            if country:
                by_country[(name_key(alias), country)] = Alias(canonical, label)
            else:
                aliases[name_key(alias)] = Alias(canonical, label)
            aliases.setdefault(name_key(canonical), Alias(canonical, label))
    return aliases, by_country


@lru_cache(maxsize=8)
def load_reference(folder: Path) -> Reference:
    from newsgraph.normalise.companies import listed_companies

    folder = Path(folder)
    roles = sorted({role_words(p) for p in _lines(folder / "roles.txt")}, key=len, reverse=True)
    aliases, country_aliases = _read_aliases(folder / "aliases.csv")
    return Reference(
        aliases=aliases,
        country_aliases=country_aliases,
        acronyms=_read_acronyms(folder / "aliases.csv"),
        organisation_names=_read_organisation_names(folder / "aliases.csv"),
        listed_companies=listed_companies() | frozenset(_lines(folder / "companies.txt")),
        roles=tuple(roles),
        junk_names=frozenset(name_key(n) for n in _lines(folder / "junk_names.txt")),
        facility_words=frozenset(w.lower() for w in _lines(folder / "facility_words.txt")),
        org_words=frozenset(w.lower() for w in _lines(folder / "org_words.txt")),
        demonyms=frozenset(name_key(w) for w in _lines(folder / "demonyms.txt")),
        event_words=frozenset(w.lower() for w in _lines(folder / "event_words.txt")),
        law_words=frozenset(w.lower() for w in _lines(folder / "law_words.txt")),
        law_name_words=frozenset(w.lower() for w in _lines(folder / "law_name_words.txt")),
        loc_words=frozenset(w.lower() for w in _lines(folder / "loc_words.txt")),
        club_first_words=frozenset(_lines(folder / "club_first_words.txt")),
    )
