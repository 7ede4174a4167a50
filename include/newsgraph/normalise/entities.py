"""Entity mentions from a spaCy ``Doc``: repaired spans, canonical names, stable ids.

spaCy's NER gives spans; analysts need entities. This module turns one into the
other for a single article:

* spans with broken boundaries are repaired (leading "the", trailing possessives,
  an unclosed "(ICBC" tail, a line break inside the span);
* titles and roles are split into their own column ("PM Sharif" is the person
  Sharif with role "PM");
* acronyms the article defines ("International Monetary Fund (IMF)") are folded
  into the long form, and every later use of the acronym becomes a mention;
* a later partial name of a person ("Sharif") resolves to the article's full
  name ("Shehbaz Sharif");
* names known to be aliases (``seeds/reference/aliases.csv``) take their canonical
  form, and lone junk names ("Finance") are dropped;
* ``entity_id`` is derived from the label and the canonical name's key only (and a
  place's country), so the same entity gets the same id in every article, day and run.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from newsgraph.ids import stable_id
from newsgraph.normalise.amounts import normalise_currency
from newsgraph.normalise.currency_data import SCALES
from newsgraph.normalise.dates import MONTHS
from newsgraph.normalise.names import (
    KOREAN_SURNAMES,
    VIETNAMESE_SURNAMES,
    is_chinese_name,
    is_common_word,
    is_given_name,
    is_korean_given_name_syllable,
    is_rare_given_name,
    is_vietnamese_syllable,
    surnames,
)
from newsgraph.normalise.reference import Reference, role_words
from newsgraph.normalise.text import alternation, canonical_spelling, name_key
from newsgraph.schema import ENTITY_LABELS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str
    canonical_name: str
    entity_id: str
    role: str | None
    sentence_idx: int
    country_code: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    label: str
    role: str | None = None
    role_span: tuple[int, int] | None = None
    canonical: str | None = None
    label_fixed: bool = False
    listed: int = 0
    """Cut from a list the model ran together ("Clichy, Lupoli"): the list's number (from 1), else 0;
    its label is the list's, not its own."""


#: A word with a digit in it: "KSE-100", "U2", "ITV1".
_DIGIT_IN_WORD = re.compile(r"[A-Za-z][-]?[0-9]|[0-9][-]?[A-Za-z]")
#: "the", "a", "an" before a name, or the prefix "ex-" ("ex-Yukos"; not "Ex-Im Bank").
_LEADING_DETERMINER = re.compile(r"^(?:(?i:the|a|an)\s+|ex-(?=[A-Z]))")
_TRAILING_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])$")
#: "Sheffield Wednesday and", "Cutt Off -": the model ran on into the next word of a list.
_TRAILING_CONJUNCTION = re.compile(r"\s+(?:and|or|&|[-\u2013\u2014])$")
#: A word no name ends with ("Office of the", "Ciaran Hinds at", "Ireland v") and what the model
#: takes with an agency's name ("Interfax news agency" is Interfax).
_TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:of|at|for|the|through|v|vs|in|on|to|from|with|by|news\s+agency)$")
#: What comes before one of a people named as such: "the Scot", "a Spaniard", "fellow Swede".
_ONE_OF_A_PEOPLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]|[Ff]ellow|[Cc]ompatriot|[Yy]oung|[Ff]ormer)[ \t]+\Z")
#: A Roman numeral ending a name with the sentence's full stop ("World War I.", "Henry VIII.").
_ROMAN_NUMERAL_AND_FULL_STOP = re.compile(r" [IVX]{1,4}\.\Z")
_SENTENCE_GOES_ON = re.compile(r"\s+[A-Z\"\u201c]|\s*\Z")
_EDGE_JUNK = "\"'\u201c\u201d\u2018\u2019,;:!?()[]{}<>*\u2022|/\\-\u2013\u2014 \t\n"
_ACRONYM_AFTER = re.compile(r"\s*\(\s*((?:[A-Z][A-Za-z&.\-]{0,2}){1,8}?)(?:['\u2019]?s)?\s*\)")
#: "(BRS)" after the name it stands for; group 1 is the acronym.
#: Lower-case words inside names: particles of people's and places' names, small words of bodies' names.
_NAME_PARTICLES = frozenset(
    {
        "bin", "ibn", "bint", "al", "el", "van", "von", "de", "da", "di", "del", "dal", "della", "dalla", "der", "den",
        "dos", "das", "do",
        "du", "des", "la", "le", "les", "los", "las", "ter", "ten", "y", "e", "und", "am", "of", "and", "the",
        "for", "in", "on", "upon", "at", "to", "an", "a", "sur", "with", "by", "v", "vs", "vs.",
    }
)
#: Parts of a town after "city" or "town": "Birmingham city centre" (the model's span "Birmingham city").
_CITY_PART_AFTER = re.compile(r"[ \t]+(?:centre|center|hall|council|limits|square)\b")
#: The kinds of places and bodies that end names in lower case: "Aceh province", "Conservative party".
_KIND_WORDS_AFTER = frozenset(
    {
        "province", "state", "region", "district", "county", "prefecture", "party", "committee", "council",
        "island", "islands", "river", "valley", "city", "town", "village", "club", "group", "inquiry",
    }
)
#: A bracketed acronym written as a word, as British papers write those said as words: "(Ampas)", "(Opec)".
_WORD_ACRONYM_AFTER = re.compile(r"[ \t]*\(\s*([A-Z][a-z]{2,7})\s*\)")
_ACRONYM_DEFINED = re.compile(r"[ \t]*\(\s*([A-Z][A-Za-z&.\-]{0,2}(?:[A-Z][A-Za-z&.\-]{0,2}){1,7}?)\s*\)")
_NAME_WORD = re.compile(r"[^\W\d_][\w.'\u2019\-&]*")
_WORD = re.compile(r"[^\W\d_][\w.'\u2019\-]*|\d[\w.]*")
#: What follows a dateline's place before the story: "(Reuters) - ", "Reuters) - " (the bracket taken), " — ".
_AFTER_DATELINE = re.compile(r"[ \t]*(?:\(?[A-Za-z][\w .&/'-]{0,40}\)[ \t]*)?(?:[-\u2014\u2013:]+[ \t]*)?")
_DATELINE = re.compile(
    r"^[ \t]*([A-Z\u00c0-\u00de][A-Z\u00c0-\u00de.'\-]+(?: [A-Z\u00c0-\u00de][A-Z\u00c0-\u00de.'\-]+){0,3})"
    # a second place after a slash: "NEW DELHI/ISLAMABAD, Nov 30 (Reuters) -"
    r"(?:/([A-Z\u00c0-\u00de][A-Z\u00c0-\u00de.'\-]+(?: [A-Z\u00c0-\u00de][A-Z\u00c0-\u00de.'\-]+){0,3}))?"
    r"(?:[ \t]?,\s*[A-Za-z0-9. ]{2,30})?\s*(?::|\(|\u2014|\u2013|--?\s|\d{4}-\d{2}-\d{2}\b)",
    re.M,
)
#: The bracketed source after a dateline's place: "Reuters) - ", "Dawn) -", "Reuters/AFP) -" (group 1).
_DATELINE_SOURCE = re.compile(r"[ \t]*([A-Z][\w .&/'-]{0,40}?)[ \t]*\)[ \t]*[-\u2014\u2013:]")
#: One name in a dateline's source: "Reuters" and "AFP" in "Reuters/AFP".
_SOURCE_NAME = re.compile(r"[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*)*")
#: A wire story's slug before its headline: "EXCLUSIVE-", "UPDATE 2-", "BRIEF-", "RPT-CORRECTED-".
_WIRE_SLUG = re.compile(
    r"(?:(?:UPDATE(?: \d{1,2})?|EXCLUSIVE|BRIEF|CORRECTED|REFILE|RPT|ANALYSIS|FACTBOX|INSIGHT|FOCUS|COLUMN"
    r"|EXPLAINER|WRAPUP(?: \d{1,2})?|BREAKINGVIEWS|INTERVIEW|PREVIEW|TIMELINE)-)+"
)
#: One capitalised word, not an acronym: "Dida", "Ronaldinho".
_ONE_NAME = re.compile(r"[A-Z][a-z\u00e0-\u00ff'\u2019\-]+")
#: What comes before a side named with "the": "beat the Buffalo Bills", "lost to the Celtics".
_THE_TEAM_CUE_BEFORE = re.compile(
    r"\b(?:beat|beating|beaten by|drew with|draw with|lost to|losing to|defeat to|defeat by|held by|win over"
    r"|victory over|win against|loss to)[ \t]+the[ \t]+\Z"
)
#: A capitalised plural: "Lakers", "Bills", "49ers".
_PLURAL_NAME = re.compile(r"[A-Z0-9][a-z0-9]*[a-z]s")
#: A capitalised plural after a name and one space (group 1): " Lakers".
#: A score after a side: "Aston Villa 2-0", "Leeds 1 - 1".
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,3}[ \t]?[-\u2013][ \t]?\d{1,3}(?![\d\-])")
_PLURAL_AFTER = re.compile(r"[ \t]([A-Z0-9][a-z0-9]*[a-z]s)(?![\w\-'\u2019])")
#: Plurals that end the names of places, buildings and events, not of teams ("Kew Gardens", "Niagara
#: Falls", "the Manchester Games").
_NOT_TEAM_PLURALS = frozenset(
    {"gardens", "docks", "towers", "buildings", "heights", "falls", "springs", "fields", "islands", "keys", "hills",
     "lakes", "mountains", "highlands", "isles", "sands", "woods", "downs", "flats", "plains", "baths", "halls",
     "games", "championships", "lectures", "students", "states", "times", "news", "olympics", "globes", "awards"}
)
#: The place a team is named after is at least this big ("the Buffalo Bills"; not "the Golden Globes").
_CLUB_PLACE_POPULATION = 100_000
#: What joins two names of a list: "Nvidia and AMD", "Nokia, Sagem".
_CONJUNCTION_GAP = re.compile(r",?[ \t]+(?:and|or|&)[ \t]+|,[ \t]+")
#: "the ruling Morena party", "the opposition Likud party": a party's name, not a place's.
_RULING_BEFORE = re.compile(r"\b(?:ruling|governing|opposition)[ \t]+\Z")
_PARTY_AFTER = re.compile(r"[ \t]+part(?:y|ies)\b")
#: One word with a capital inside, the way brands are written: "QatarEnergy", "SoftBank", "PayPal"
#: (not names with Mc, Mac, De, Di, Le, La, Du, Van, Von or Fitz: "McCarthy", "DiCaprio", "LeBron").
_CAMEL_CASE = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz|O)[A-Z])[A-Z][a-z]+[A-Z][A-Za-z]*")
#: A plus that ends a name: "OPEC+", "Disney+" (not "OPEC+3" or "A+B").
_PLUS_SUFFIX = re.compile(r"\+(?![\w+])")
#: The head of a name joined the Urdu and Persian way, before the word the model kept: "Tehreek-e-",
#: "Minar-e-", "Jamaat-ud-".
_IZAFAT_HEAD = re.compile(r"(?<![\w\-])[A-Z][a-z]+-(?:e|i|ul|ur|us|ud|al)-\Z")
#: The rest of such a name after the word the model stopped at: "Tehreek" + "-e-Insaf".
_IZAFAT_TAIL = re.compile(r"-(?:e|i|ul|ur|us|ud|al)-[A-Z][a-z]+(?![\w\-])")
_IZAFAT_ORG = re.compile(r"(?<![\w\-])[A-Z][a-z]+-[ei]-[A-Z][a-z]+(?![\w\-])")
#: The rest of a double-barrelled name after the hyphen the model stopped at (group 1: the word).
_HYPHENED_REST = re.compile(r"-([A-Z][a-z\u00e0-\u00ff]+)(?![\w\-])")
#: Nations that field their own sides though no country of ISO 3166.
_HOME_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland"})
#: Fewer letters than this outside an article's headlines and it is written in capitals: no text to
#: read the headlines' names off.
_MIXED_CASE_LETTERS = 40
#: What separates the parts of a slug or headline in capitals: "SOCCER - ", " V ", ", ".
_CAPS_SEPARATOR = re.compile(r" [-\u2013\u2014:] | VS?\.? |, ")
_MINOR_WORDS = frozenset({"and", "of", "the", "for", "de", "du", "la", "le", "des", "&", "in", "on", "to", "at"})


_SHORT_REFERENCE = re.compile(
    r"\b[Tt]he (Fund|Bank|Commission|Council|Ministry|Agency|Authority|Court|Union|Party|Corporation|"
    r"Company|Group|Organisation|Organization|Board|Federation|Institute|Forum|Alliance)\b(?![ \u00a0]+(?:of|for)\b)"
)
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "Every", "Each", "Any"})


#: Minutes and scores after a name in match reports ("Cameron 87", "Roddick 6-2 7-6"); not a
#: year or a number that is part of the name ("Transport 2000", "Sound of 2004").
_TRAILING_NUMBER = re.compile(r"(?<! of)(?:\s+\d{1,3}(?:[-\u2013]\d{1,3})?)+$")
#: A division's kind in lower case that the model took into a place's name: "Kasai province", "Sindh province".
_DIVISION_WORD_AT_END = re.compile(
    r"[ \t]+(?:province|region|district|county|prefecture|governorate|oblast|state|territory|municipality)$"
)
_TRAILING_SCORE = re.compile(r"(?:\s+\d{1,3}[-\u2013]\d{1,3}|\s+\d{1,2}:\d{2}(?::\d{2})?)+$")
_CAPITALISED_WORDS = r"[A-Z][\w.'\u2019\-]*(?: [A-Z][\w.'\u2019\-]*)*"
#: A side of a fixture: capitalised words, "of" or "the" between them ("Republic of Ireland").
_SIDE_WORDS = r"[A-Z][\w.'\u2019\-]*(?: (?:of |the |de )?[A-Z][\w.'\u2019\-]*)*"
_FIXTURE = re.compile(rf"({_SIDE_WORDS}) (?:v|vs\.?|or) ({_SIDE_WORDS})")
#: "Chelsea 1 Coventry 1 Leeds 0": two or more sides, each with its score.
_SIDE_NAME = r"[A-Z][\w.'\u2019\-]*(?: [A-Z][\w.'\u2019\-]*){0,3}"
# "Arsenal 2 West Ham 0, Blackburn 0 Aston Villa 2": two or more sides, each followed by its score,
# with nothing but a space between them (scorers' minutes are listed with commas: "Bowyer 35, Dyer 69")
# the scorers may follow each score in brackets: "PSV Eindhoven 3 ( Nilis 12 , Jonk 50 ) Groningen 1"
_SCORERS_IN_BRACKETS = r"(?:[ \t]*\([^()\n]{1,160}\))?"
_RESULTS = re.compile(
    rf"(?<![\w.'\u2019\-])(?:{_SIDE_NAME} \d{{1,3}}{_SCORERS_IN_BRACKETS}[ \t]+)+{_SIDE_NAME} \d{{1,3}}(?![\w%]|[.,]\d|[ \t]*%)"
)
#: Who scored: "( Nilis 12 , Jonk 50 )" after a score, or "Scorers: Bowyer 35, Dyer 69" (group 1: the list).
_SCORERS = re.compile(
    r"(?:\b\d{1,3}[ \t]*\(|\b(?:Scorers?|Goalscorers?|Goals)[ \t]*:)([^()\n]{3,200}?)(?=\)|\.(?:\s|$)|\n|$)"
)
#: One scorer and the minute: "Nilis 12", "Van der Gun 66", "Shearer 20 pen".
_SCORER = re.compile(
    r"(?<![\w'\u2019\-])([A-Z][\w'\u2019\-]+(?: (?:[a-z]{1,3} ){0,2}[A-Z][\w'\u2019\-]+){0,2})[ \t]+\d{1,3}(?:\+\d{1,2})?\b"
)
#: A cricketer in a scorecard: "M. Atherton", "Waqar Younis", "Inzamam-ul-Haq".
_CRICKETER = r"(?:[A-Z]\.[ \t]?){0,3}[A-Z][\w'\u2019\-]+(?: [A-Z][\w'\u2019\-]+){0,2}"
#: A batting line: "A. Stewart c Moin Khan b Mushtaq Ahmed 44", "N. Hussain lbw b Wasim Akram 12",
#: "G. Thorpe c and b Mushtaq Ahmed 54", "J. Crawley not out 19" (every group a cricketer).
_BATTING_LINE = re.compile(
    rf"^[ \t]*({_CRICKETER})[ \t]+(?:(?:c|st)[ \t]+(?!and\b)({_CRICKETER})[ \t]+b[ \t]+({_CRICKETER})"
    rf"|(?:c[ \t]+and[ \t]+|lbw[ \t]+|hit wicket[ \t]+)?b[ \t]+({_CRICKETER})|run out|not out|retired hurt|absent hurt)"
    rf"[ \t]+\d{{1,3}}\*?[ \t]*$",
    re.M,
)
#: A bowler's figures: "Wasim Akram 25-5-80-3" (overs, maidens, runs, wickets).
_BOWLING_FIGURES = re.compile(rf"(?<![\w.'\-])({_CRICKETER})[ \t]+\d{{1,2}}(?:\.\d)?-\d{{1,2}}-\d{{1,3}}-\d{{1,2}}\b")
#: A player in a team sheet: initials and a surname ("G Bulloch", "M Di Rollo", "A. N. Other"), then
#: the club or "capt" in brackets (group 2), up to the comma or semicolon before the next one.
_SHEET_PLAYER = re.compile(
    r"(?:(?<=[,;:])|(?<=[,;:] )|^)[ \t]*((?:[A-Z]\.?[ \t]){1,2}(?:[A-Z][\w'\u2019\-]+)(?:[ \t][A-Z][\w'\u2019\-]+)?)"
    r"(?:[ \t]*\(([^()\n]{1,40})\))?[ \t]*(?=[,;.]|$)",
    re.M,
)
#: Fewer players than this in a line and it is no team sheet.
_SHEET_MIN_PLAYERS = 4
#: A player named in full with his club in a team sheet: "Dimitri Yachvili (Biarritz), Pierre Mignoni (Clermont)".
_SHEET_FULL_NAME = re.compile(
    r"(?:(?<=[,;:])|(?<=[,;:] )|^(?:[ \t]*\d{1,2}[ \t]*-)?)[ \t]*([A-Z][\w'\u2019\-]+(?:[ \t][A-Z][\w'\u2019\-]+){1,2})"
    r"[ \t]*\(([^()\n]{1,40})\)[ \t]*(?=[,;.]|$)",
    re.M,
)
#: What the brackets after a player hold besides a club.
_SHEET_NOTES = re.compile(r"\s*(?:capt(?:ain)?\.?|c|vc|rep|sub|gk|wk|\d+(?:\s*min)?)\s*", re.I)
# a line that is one result: "Bristol City 2-1 Milton Keynes", "Italy 17-28 Ireland"
_SCORE_LINE = re.compile(rf"^[ \t]*({_SIDE_NAME}) \d{{1,3}}-\d{{1,3}} ({_SIDE_NAME})[ \t]*$", re.M)
# a table row: "Arsenal 3 2 1 0 7 3 7" (played, won, drawn, lost, goals, points)
_STANDINGS_ROW = re.compile(
    rf"^({_SIDE_NAME})(?:(?:[ \t]+\d{{1,3}}){{4,}}"
    # or won, lost, winning percentage and games behind: "BALTIMORE 70 61 .534 4", "BOSTON 65 68 .489 10 1/2"
    rf"|[ \t]+\d{{1,3}}[ \t]+\d{{1,3}}[ \t]+\.\d{{3}}(?:[ \t]+(?:-|\d{{1,2}}(?:[ \t]+1/2)?|1/2))?)[ \t]*$",
    re.M,
)
_SIDE_SCORE = re.compile(rf"({_SIDE_NAME}) \d{{1,3}}")
#: "Pete Sampras (U.S.) beat", "1. Michael Johnson (U.S.) 19.32": a competitor and the country in brackets.
_COMPETITOR = re.compile(r"((?:[A-Z][\w'\u2019\-]+ ){1,3}[A-Z][\w'\u2019\-]+) \( ?([A-Z][\w.' ]{0,29}[\w.]) ?\)")
#: A golfer and his rounds: "132 Ian Woosnam 66 66", "Vijay Singh ( Fiji ) 67 66" (group 1: the name).
_GOLFER = re.compile(
    r"(?<![\w\-])((?:[A-Z][\w'\u2019\-]+ ){1,3}[A-Z][\w'\u2019\-]+)(?: \( ?[A-Z][\w.' ]{0,29}[\w.] ?\))?"
    r"(?: [6-8]\d){2,4}\b"
)
#: A country in brackets: "( Armenia )", "(U.S.)" (group 1).
_BRACKETED_NAME = re.compile(r"\( ?([A-Z][\w.']*(?: [A-Z][\w.']*){0,3}) ?\)")
#: A line of sports results: a set score ("6-2"), "beat", a leading rank ("1.", "1 -"), or a score after
#: a bracket ("Ernie Els ( South Africa ) 68 66").
_RESULTS_LINE = re.compile(r"\b\d{1,2}-\d{1,2}\b|\bbeat\b|^\s*\d{1,2}(?:\.|\s+-)\s|\) \d{1,3}\b", re.M)
#: First words of "Name 12" pairs that are not teams ("June 3", "Chapter 11", "Windows 10").
_NOT_SIDES = frozenset(
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Chapter", "Article", "Section", "Page", "Round", "Group", "Stage", "Game", "Match", "Week", "Day",
        "Year", "Season", "Level", "Grade", "Class", "Windows", "Channel", "Route", "Highway",
        "Room", "Gate", "Platform", "Terminal", "Line", "Flight", "Table", "Figure", "Number", "No", "On", "In", "At",
        "After", "Results", "Result", "The",
    }
)
#: Where the model ran on from one name into the next: a dash between spaces ("Florian Hamm - Borussia
#: Dortmund's", "Alexander Fang - show") or a conjunction no name holds ("Southampton when Arsenal",
#: "Riverside as Middlesbrough"); "at" too after a person or place ("Yorkshire at Headingley"), but
#: not after an organisation ("University of California at Berkeley").
_RUN_ON = re.compile(
    r"\s+[-\u2013\u2014]\s+|\s+(?:when|as|after|joined|while|because|but|than|then|since|until|through)\s+"
    r"|\s+and\s+(?=The\s)"  # "The Independent and The Times": two titles
)
_RUN_ON_OR_AT = re.compile(rf"{_RUN_ON.pattern}|\s+at\s+")
#: A place's or people's name and "Open", no name after it: "US Open", "French Open", "Hong Kong Open".
_PLACE_OPEN = re.compile(r"(?<![\w\-.])((?:U\.S\.|[A-Z][a-z]*[A-Z]?[a-z]*)(?:[ \t][A-Z][a-z]+)?)[ \t]Open(?![\w\-])(?![ \t]+[A-Z])")
_AT_OR_IN_INSIDE = re.compile(r"\s+(?:at|in)\s+")
_OF_THE_INSIDE = re.compile(r"\s+of\s+the\s+")
#: A point of the compass: "north", "south-east", "northwest".
_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)"
#: A place's bearing from another after its name: ", south of Lisbon", ", 40 km north-west of Kabul".
_BEARING_AFTER = re.compile(
    r",[ \t]+(?:about[ \t]+|some[ \t]+)?(?:[0-9][0-9,.]*[ \t]*(?:km|kilometres|kilometers|miles)[ \t]+)?"
    rf"{_COMPASS}[ \t]+of[ \t]+[A-Z]"
)
#: A bearing from the place named next: "west of El Fasher", "30 miles south of".
_BEARING_BEFORE = re.compile(rf"(?<![\w\-]){_COMPASS}[ \t]+of[ \t]+\Z")
#: What a ship's name starts with: "USS", "HMS", "MV".
_SHIP_PREFIX = r"(?:USS|HMS|HMAS|HMCS|HMNZS|INS|MV|RMS)[ \t]+"
#: A ship's name: "USS Gerald R. Ford", "HMS Prince of Wales", "MV Ever Given".
_SHIP_NAME = re.compile(rf"{_SHIP_PREFIX}[A-Z]")
#: A ship's whole name in running text, small words inside it: "HMS Prince of Wales".
_SHIP_IN_TEXT = re.compile(
    rf"(?<![\w\-]){_SHIP_PREFIX}[A-Z][\w'\-]*(?:\.(?=[ \t]+[A-Z]))?"
    r"(?:[ \t]+(?:(?:of|the)[ \t]+)?[A-Z][\w'\-]*(?:\.(?=[ \t]+[A-Z]))?)*"
)
#: What "House" opening a sentence is about when it means homes: "House prices rose", "House sales".
_HOUSING_NOUN_AFTER = re.compile(r"[ \t]+(?:prices?|sales|values|building|builders|hunters|purchases)\b")
#: The end of a quote and "said" before a name: '... at heart," said Ferdinand.'
_QUOTE_SAID_BEFORE = re.compile(r"[,.?!]['\"\u2019\u201d][ \t]+said[ \t]+\Z")
#: A lower-case word for what a place has or is, after its name: "Novorossiysk port", "the Kursk region".
_PLACE_KIND_AFTER = re.compile(
    r"[ \t]+(?:port|harbou?r|airport|refinery|region|province|district|oblast|governorate|city|town|village)\b"
)
#: Words in capitals that end a model's name after its number: "737 MAX", "A350 XWB".
_MODEL_SUFFIXES = frozenset({"MAX", "PRO", "PLUS", "ULTRA", "NEO", "XL", "XWB", "GT", "GTI"})
#: A model number right before a name in capitals: "737 MAX" is one product with it.
_MODEL_NUMBER_BEFORE = re.compile(r"(?<![\w.,])[0-9]{3}[ \t]+\Z")
#: A comma between names run together: "Czech Republic, South Africa", "Kyoto Protocol, Downing Street".
_COMMA_INSIDE = re.compile(r",\s+")
#: "to" between two names run together: "Queensland to Peabody Energy", "Leinster to Toulouse".
_TO_INSIDE = re.compile(r"\s+to\s+(?=[A-Z])")
_OF_THE_BEFORE = re.compile(r"\sof\s+the\s+$")
_CAMPUS_BEFORE_AT = re.compile(r"\b(?:University|College|School|Institute|Hospital)\b")
#: Words after a town's name that make it the town's sports club.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})
#: Words of an article about the cattle disease BSE ("mad cow disease", "beef", "CJD").
_CATTLE_DISEASE_WORDS = re.compile(r"(?i)\b(?:cattle|cows?|beef|CJD|vCJD|bovine|livestock|herds?|abattoirs?)\b")
#: Titles of royals, before a given name only a person's: "Prince Charles", "Queen Rania".
_ROYAL_TITLES = frozenset({"prince", "princess", "crown prince", "king", "queen", "sheikh", "emir", "sultan"})
_BARE_ACRONYM = re.compile(r"(?<![\w.\-])[A-Z][A-Za-z]?[A-Z]{1,5}(?![\w\-])")
_PLACE_WORDS = "in|near|around|outside|across|capital|city|town|village|province|state|district"
#: Words before a place; "at", "from", "to", "into" and "via" also come before a company ("at Nokia").
_LOCATIVE_BEFORE = re.compile(rf"\b(?:{_PLACE_WORDS}|at|from|to|into|via)\s+$")
#: Capital letters right before a name, as a company's name starts: "SK " of "SK Hynix".
_LETTERS_BEFORE = re.compile(r"(?<![\w.&\-])([A-Z]{2,4}) \Z")
#: A US federal court's district: "Southern District" of New York.
_COURT_DISTRICT = re.compile(r"(?:Northern|Southern|Eastern|Western|Central|Middle) District")
#: "in Mombasa and ", "near Gaza, Rafah or ": a place listed after "in" (group 1: the first place);
#: not after a comma ("in Oxford, UK, and Nokia begins" starts a clause).
#: Verbs of taking or striking places: "seized Goma", "shelled Kharkiv".
_TAKEN_PLACE_BEFORE = re.compile(
    r"\b(?:seized|seize|seizing|captured|capture|took|take|taking|attacked|attack|shelled|struck|hit|bombed|entered"
    r"|reached|visited|visit|toured|evacuated|flooded|overran|retook|liberated)\s+$"
)
#: " and Bukavu": the place listed right after a name (group 1).
_PLACE_LISTED_NEXT = re.compile(r"[ \t]+(?:and|or)[ \t]+([A-Z][\w'\-]*(?: [A-Z][\w'\-]*)?)(?![\w\-])")
_PLACE_LIST_BEFORE = re.compile(
    r"\b(?:in|near|around|outside|across|between)\s+([A-Z][\w'\-]*(?: [A-Z][\w'\-]*)?)"
    r"(?:,\s+[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)?)*\s+(?:and|or)\s+$"
)
#: Two to four capitalised words, hyphenated ones among them: "Governor Babajide Sanwo-Olu".
_NAME_RUN = re.compile(r"(?<![\w\-'.])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,3}(?![\w\-]| [A-Z])")
#: "in Marbella and Malaga": a place after "in", "near"... (group 1), and the name listed after it (group 2).
_PLACE_LISTED_AFTER = re.compile(
    r"\b(?:in|near|around|outside|across|between)[ \t]+([A-Z][\w'\-]*(?: [A-Z][\w'\-]*)?)[ \t]+(?:and|or)[ \t]+"
    r"([A-Z][\w'\-]*(?: [A-Z][\w'\-]*)?)(?![\w'\-]| [A-Z])"
)
_JOURNEY_TO_BEFORE = re.compile(
    r"\b(?:mov(?:e|ed|es|ing)|return(?:ed|s|ing)?|went|go(?:es|ing|ne)?|travel\w*|fl(?:ew|y|own|ies)|fle(?:e|d|es|eing)"
    r"|head(?:ed|s|ing)?|c(?:a|o)me|coming|back|relocat\w*|trips?|journey|visits?|road|route|flights?)\s+to\s+$"
)
#: "the village of Novye Atagi", "the settlement of Kiryat Sefer": what follows names a place.
_PLACE_NOUN_OF = re.compile(
    r"\bthe\s+(?:[\w'\-]+\s+){0,3}"
    r"(?:village|town|city|settlement|province|district|region|county|municipality|suburb|hamlet|township|port"
    r"|capital)\s+of\s+$",
    re.I,
)
#: Only the words that come before a place and not before a company.
_PLACE_ONLY_BEFORE = re.compile(rf"\b(?:{_PLACE_WORDS})\s+$")
#: "a stake in", "shares in", "invested in": what follows "in" there is a company, not a place.
_HOLDING_IN = re.compile(
    r"\b(?:(?:stakes?|shares?|holdings?|investments?|interests?|invest(?:s|ed|ing)?)\s+in|shares\s+of)\s+$", re.I
)
#: Nouns a language name modifies as the language ("English teacher", "French lessons"), not the people.
_LANGUAGE_NOUNS = frozenset(
    {"language", "languages", "speaker", "speakers", "teacher", "teachers", "lesson", "lessons", "class", "classes",
     "course", "courses", "literature", "translation", "translations", "version", "versions", "word", "words",
     "text", "texts", "subtitles", "grammar", "dictionary", "proficiency", "skills", "test", "tests", "name",
     "names", "edition", "editions", "dub", "title", "titles", "alphabet", "script", "accent", "dialect", "poetry"}
)
#: A year or a fiscal year after a word: "Bill 2025", "Bill 2025-26".
_YEAR_AFTER_A_WORD = re.compile(r"[ \t]+(?:1[89]|20)[0-9]{2}(?:[\-\u2013/][0-9]{2}(?:[0-9]{2})?)?\Z")
#: The word of a disease after the name it is called by ("Marburg virus", "Alzheimer's disease").
_DISEASE_AFTER = re.compile(r"(?:['\u2019]s)? (virus|fever|disease|syndrome)\b")
#: The last word of a disease's name by its medical ending: "Bovine Spongiform Encephalopathy", "Hepatitis".
_DISEASE_ENDING = re.compile(r"(?i)(?:itis|pathy|osis|a?emia|algia)\Z")
#: Titles that also say what an organisation is: "Baillie Gifford, the fund manager,".
_ORGANISATION_DESCRIPTORS = frozenset(
    {"broadcaster", "producer", "owner", "manager", "state", "model", "designer", "trainer", "keeper", "founder",
     "co-founder", "executive", "chief", "adviser", "advisor", "analyst"}
)
#: An apposition that ends in a title: ", the Conservative leader,", ", a spokeswoman for the bank".
_TITLE_APPOSITION = re.compile(
    r",[ \t]+(?:the|a|an|[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,2}['\u2019]s)[ \t]+(?:[\w'\u2019\-]+[ \t]+){0,3}?"
    r"(?P<title>[A-Za-z\-]+)(?=[,.;]|[ \t]+(?:of|for|at|in)\b)"
)
#: A lower-case syllable joined by a hyphen to the end of a name: "-soo" of "Han Duck-soo".
_HYPHENATED_SYLLABLE = re.compile(r"-([a-z]{1,6})(?![\w\-])")
#: Words that make a compound of a name: "Blair-led", "Trump-era", "Obama-style", "Bush-appointed".
_COMPOUND_AFTER_A_NAME = re.compile(
    r"[a-z]+(?:ed|ing|ist|ism|ish|esque|like|style|type|era|run|made|born|free|friendly|wise)|era|run|style|like"
)
#: Labels of a name the model may have cut short of the place it names ("Andhra" of "Andhra Pradesh").
_CUT_SHORT_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG", "PERSON"})
#: One or two capitalised words right after a name, on the same line.
_CAPITALISED_WORDS_AFTER = re.compile(r"(?: [A-Z][a-z]+){1,2}\b")
#: One capitalised word in lower case after its capital: "Pradesh".
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")
#: A place this populous named in a list of people is still the place.
_LIST_PLACE_POPULATION = 100_000
#: What separates the names of a list: a comma (a semicolon in a team sheet), or "and" before the last;
#: in a team sheet also a replacement in brackets ("Duff (Kezman 74), Lampard").
_TEAM_SHEET_SEPARATOR = r"(?:[,;]\s+(?:and\s+)?|\s+and\s+|[ \t]+\(|(?:[ \t]+[0-9]{1,3})?\),[ \t]+)"
#: ... with names the model did not tag between ("Oakes, Pendry, Brackley", "Lomas (Ardell 74), Sturrock").
_LIST_GAP = re.compile(
    rf"(?:{_TEAM_SHEET_SEPARATOR}[A-Z][\w'\u2019\-]*(?:[ \t]+\([A-Z][\w'\u2019\-]*[ \t]+[0-9]{{1,3}}\))?)*{_TEAM_SHEET_SEPARATOR}"
)
#: What stands before a player's club in a team sheet, and after a replacement's name.
_CLUB_IN_BRACKETS = re.compile(r"\([ \t]*$")
_MINUTE_IN_BRACKETS = re.compile(r"[ \t]+[0-9]{1,3}[ \t]*\)")
#: So many names in a list that it is a team sheet.
_TEAM_SHEET_NAMES = 6
#: One piece of a list the model ran together: one to three capitalised words, no "and", "of" or "&".
_LIST_PIECE = re.compile(r"[A-Z][\w'\u2019.\-]*(?: [A-Z][\w'\u2019.\-]*){0,2}")
#: Legal forms that end a company's name: "Hoechst AG" names the company "Hoechst".
_LEGAL_FORMS = frozenset(
    {"ag", "sa", "s.a.", "plc", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "limited", "gmbh", "nv", "n.v.",
     "spa", "s.p.a.", "ab", "asa", "llc", "llp", "co", "co.", "se", "bhd", "berhad", "tbk", "pty", "oyj", "a/s"}
)
#: What follows a comma inside one name (without its final dot): "Acme, Inc.", "Martin Luther King, Jr."
_NAME_SUFFIXES = frozenset(form.rstrip(".") for form in _LEGAL_FORMS) | {"jr", "sr", "ii", "iii", "iv"}
#: "-based", or a comma and the larger place it lies in ("Hyderabad, Sindh."; group 1 is that place).
_LOCATIVE_AFTER = re.compile(r"-based\b|,\s+(?:in\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:[,.;]|\s+(?:and|province|state|district))")
_BASED = re.compile(r"(?<![\w\-])([A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?)-based\b")
#: " in Wales", ", Wales": the country or province a town lies in, after it (group 1).
_INSIDE_A_PLACE_AFTER = re.compile(r"(?:[ \t]+in|,)[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?![\w\-])")
#: "in the Kharkiv region", "Sindh province": a place's name before a word for an area of it.
_BEFORE_AREA_WORD = re.compile(
    r"(?<![\w\-])([A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?)(?=[ \t]+(?:region|province|oblast|district|prefecture|governorate)\b)"
)
#: "in the Odesa and Kharkiv regions": places listed before a plural word for areas (group 1 the list).
_LISTED_BEFORE_AREA_WORDS = re.compile(
    r"(?<![\w\-])((?:[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?(?:,[ \t]+|[ \t]+(?:and|or)[ \t]+))+[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?)"
    r"[ \t]+(?:regions|provinces|oblasts|districts|prefectures|governorates)\b"
)
_LIST_SEPARATOR = re.compile(r",[ \t]+(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+")
#: "$5", "PKR 500": money the model took for a name ("ITV1", "BBC2" are names: not currency codes).
_MONEY_LIKE = re.compile(r"^(?:[A-Z]{0,3}\$|[\u20ac\u00a3\u00a5\u20b9]|(?P<code>[A-Z]{3})\s?)\d")
#: A city this populous can name a company's regional unit ("Nintendo Tokyo") or a team ("Bayern
#: Munich (Germany)" is no competitor), and named alone where a person was tagged it is the place.
_BIG_ENOUGH_FOR_A_UNIT = 500_000
#: A city this populous named alone is the place (or its government), not an organisation.
BIG_CITY = 1_000_000
#: " of India", " do Brasil", " de France" after an organisation's name (group 2: up to four capitalised words).
_OF_COUNTRY = re.compile(r" (of|do|da|de|del|della|di|du|des) (?:the )?([A-Z][\w'\-]*(?: [A-Z][\w'\-]*){0,3})")
#: What follows an organisation's name, not a person's: "Yukos shares", "BAA's airports unit", "Yukos boss".
#: Words after a town's name that make it the club named after it: "Newcastle manager Graeme Souness",
#: "Bath prop Duncan Bell", "Middlesbrough beat Blackburn", "Birmingham were beaten".
_TEAM_CUE_AFTER = re.compile(
    r"(?:['\u2019]s)?[ \t]+(?:manager|boss|striker|forward|midfielder|defender|goalkeeper|keeper|winger"
    r"|full-back|centre-back|centre-half|captain|skipper|coach|chairman|fans|supporters|fly-half|scrum-half"
    r"|flanker|prop|hooker)\b"
    r"|[ \t]+(?:beat|drew|lost (?:to|at|\d)|were (?:beaten|held|thrashed|knocked out|relegated|promoted))\b"
)
#: A plural verb after a name: "Blackburn have rejected", "Bolton are".
_PLURAL_VERB_AFTER = re.compile(r"[ \t]+(?:have|are|were)[ \t]+[a-z]")
#: Last words of clubs' names that are also words of places ("Aston Villa", "Crystal Palace",
#: "Norwich City"): with a side's cue such a name is the club, whatever the model called it.
#: A town this big that the model took for a person may be the club named after it ("Bolton beat").
_CLUB_TOWN_POPULATION = 50_000
_CLUB_LAST_WORDS = frozenset(
    {"city", "town", "county", "villa", "forest", "palace", "wednesday", "vale", "orient", "united", "rovers", "albion"}
)
#: Words before it that do: "beat Southampton", "drew with Charlton", "signed for Everton".
_TEAM_CUE_BEFORE = re.compile(
    r"\b(?:beat|beating|beaten by|drew with|draw with|drawn with|draw against|lost to|losing to|lose to"
    r"|loss to|defeat to|defeat by|held by|win over|victory over|thrashed|hammered|signed for|sign for"
    r"|signing for|(?:re)?join(?:s|ed|ing)?)[ \t]+\Z"
)
#: "at" right before a name.
_AT_BEFORE = re.compile(r"\bat[ \t]+\Z")
#: A place is meant after these, even in an article about its club ("fans in Birmingham").
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|of|outside|around)[ \t]+\Z")
_ORG_CUE_AFTER = re.compile(
    r"(?:['\u2019]s)?[ \t]+(?:shares|shareholders|share price|market value|market capitali[sz]ation|subsidiary"
    r"|subsidiaries|unit|headquarters|revenues?"
    r"|turnover|bankruptcy|subscribers|stores|factories)\b"
    r"|[ \t]+(?:boss|bosses|chief|CEO|CFO|COO|founder|co-founder|owner|chairman|chairwoman|spokesman|spokeswoman|executives?|directors?|staff|employees"
    r"|workforce|profits?|assets|customers|board|party)\b"
    # "Charlton defender Hermann Hreidarsson", "the Pompey defence": a team's (not "manager": "Johnny Cash manager")
    r"|[ \t]+(?:defender|midfielder|striker|goalkeeper|keeper|winger|full-back|centre-back|centre-half|fly-half"
    r"|scrum-half|defence|midfield)\b"
    # "Moderna fell 3%", "Klarna jumped 15 per cent on its debut": a share price moves
    r"|[ \t]+(?:rose|fell|gained|jumped|climbed|dropped|slipped|slid|tumbled|surged|soared|plunged|sank|rallied"
    r"|added|lost|shed|advanced|declined)[ \t]+(?:by[ \t]+|as much as[ \t]+)?[0-9][0-9.,]*[ \t]*(?:%|per[ \t]?cent|percent)"
)
#: A noun for a company or a band right before a name: "security firm Sophos", "drinks group Diageo",
#: "chipmaker Intel", "rock band Franz Ferdinand" (not "film-maker", "producer": those are people's).
_ORG_NOUN_BEFORE = re.compile(
    r"\b(?:firm|company|group|giant|conglomerate|chipmaker|carmaker|automaker|drugmaker|toymaker|retailer"
    r"|supermarket|chain|bank|lender|insurer|airline|carrier|brewer|manufacturer|broadcaster|studio|label|band"
    r"|consultancy|start-up|startup|operator|club|charity|agency|watchdog|regulator|newspaper|magazine|bookmaker"
    r"|unit|subsidiary|division|affiliate|parent|party|coalition|alliance|exchange|platform|miner|refiner|exporter"
    r"|importer)[ \t]+$"
)
#: What a firm produces, before "producer": "crude producer Yukos", "the world's biggest copper producer".
_GOODS = frozenset(
    {"oil", "crude", "gas", "lng", "steel", "aluminium", "aluminum", "copper", "gold", "silver", "coal", "nickel",
     "zinc", "iron", "ore", "uranium", "diamond", "platinum", "lithium", "potash", "fertiliser", "fertilizer",
     "chemicals", "cement", "paper", "pulp", "timber", "power", "energy", "electricity", "food", "milk", "dairy",
     "meat", "beef", "pork", "poultry", "chicken", "sugar", "cocoa", "coffee", "tea", "grain", "wheat", "rice",
     "cotton", "tobacco", "wine", "beer", "spirits", "vodka", "whisky", "drinks", "chip", "memory", "vaccine",
     "drug", "generics", "car", "vehicle", "truck", "aircraft"}
)


#: "chief economist at Fannie Mae", "a bond strategist at Miller Tabak", "an analyst with Raymond James",
#: "vice president of search properties at Ask Jeeves": where someone works is an organisation.
_JOB_AT_BEFORE = re.compile(
    r"\b(?:economist|strategist|analyst|dealer|trader|partner|researcher|fellow|lecturer|editor|officer|executive"
    r"|director|manager|consultant|engineer|adviser|advisor|spokesman|spokeswoman|spokesperson|official"
    r"|associate|president|chairman|chairwoman|chair|founder|professor|scientist|correspondent|columnist"
    r"|head|boss|chief|treasurer|controller|counsel|lawyer|attorney|banker|broker|investor|specialist)"
    r"(?:[ \t]+of[ \t]+[a-z][a-z \t&-]{0,40}?)?[ \t]+(?:at|with)[ \t]+$"
)
#: Lower-case words inside a person's name ("Lula da Silva", "Robert de Niro", "Ruben Di Pietro").
_PARTICLE_WORDS = frozenset(
    {"van", "von", "de", "da", "di", "del", "della", "der", "den", "do", "dos", "das", "du", "la", "le", "ter", "ten",
     "bin", "ibn", "al", "el"}
)
#: A wire story's credit line: "(Reporting by A in X and B; Additional reporting by C; Editing by D)".
_CREDIT_LINE = re.compile(
    r"(?m)^[ \t]*\(?[ \t]*(?P<credits>(?:(?:Additional|Further)[ \t]+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled"
    r"|[Ee]dited|[Ww]ritten)[ \t]+by[ \t][^\n]*)$"
    # "Associated Press writers Lisa Mascaro and Farnoush Amiri contributed to this report."
    r"|^[^\n]{0,40}?(?P<contributors>\b(?:writers?|reporters?|correspondents?)[ \t]+[A-Z][^\n]{0,200}?)"
    r"[ \t]+contributed\b[^\n]*$"
)
#: A name in a credit line: two to four capitalised words after "by", "and", a comma or a semicolon.
_CREDIT_NAME = re.compile(
    r"(?:\bby|\band|\bwriters?|\breporters?|\bcorrespondents?|[,;])[ \t]+(?P<name>[A-Z][\w'\u2019.\-]*(?:[ \t]+(?:[A-Z][\w'\u2019.\-]*|"
    + "|".join(sorted(_PARTICLE_WORDS)) + r")){0,2}"
    r"[ \t]+[A-Z][\w'\u2019\-]*)"
)
#: A photograph's credit: the agency (group "agency") and the photographer (group "name"), "AP Photo/Evan Vucci",
#: "REUTERS/Kevin Lamarque".
_PHOTO_CREDIT = re.compile(
    r"(?<![\w\-])(?P<agency>AP|AFP|EPA|Reuters|REUTERS|Xinhua|PA)(?:[ \t]+Photo)?[ \t]*/[ \t]*"
    r"(?P<name>[A-Z][\w'\u2019.\-]*(?:[ \t]+[A-Z][\w'\u2019.\-]*){1,2})(?![\w\-])"
)
#: Letters written after a name: a rank at the bar, a seat, an honour.
_POST_NOMINAL = re.compile(r"[ \t]+(?:QC|KC|MP|MEP|MSP|OBE|CBE|MBE|KBE|DBE)\Z")
#: Two or three capitalised words: a given name and a family name.
_GIVEN_AND_FAMILY = re.compile(r"[A-Z][\w'\u2019\-]+(?:[ \t]+[A-Z][\w'\u2019\-]+){1,2}")
#: One word in capitals, digits and "&" with two capitals or more ("BAA", "MI6", "BBC1"), in running text.
_CAPITALS_ONLY = re.compile(r"(?=(?:[0-9&]*[A-Z]){2})[A-Z][A-Z0-9&]+")
#: "crude producer Yukos", "gas monopoly Gazprom", "copper miner Antofagasta": a firm by what it makes
#: ("film producer", "coal miner" alone are people's trades, so only after a word of goods).
_GOODS_MAKER_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(_GOODS)) + r")[ \t-]+(?:producer|maker|exporter|importer|explorer|refiner|miner"
    r"|supplier|trader|monopoly|major|distributor)[ \t]+$",
    re.I,
)
#: "the Gem and Jewellery Export Promotion Council": capitalised words joined by "and" after "the" or "The", ending
#: in a word of a body (group 1; group 2 the word before "and").
_BODY_WITH_AND = re.compile(
    r"\b[Tt]he[ \t]+((?:[A-Z][\w\-'\u2019]*[ \t]+){0,3}([A-Z][\w\-'\u2019]*)[ \t]+(?:and|&)[ \t]+(?:[A-Z][\w\-'\u2019]*[ \t]+){0,4}"
    r"(?:Council|Federation|Association|Authority|Commission|Board|Bureau|Agency|Institute|Society|Union|Foundation"
    r"|Ministry|Corporation|Administration|Organi[sz]ation|Confederation|Chamber|Alliance))(?![\w\-])"
)
#: A possessive inside a run of words ("the UN's Food & Agriculture Organisation").
_POSSESSIVE_IN = re.compile(r"['\u2019]s\b")
#: "and" between names ("Trinidad and Tobago", "St Vincent and the Grenadines"), and the words of a name.
_AND_BEFORE_A_CAPITAL = re.compile(r"(?<=\w)[ \t]+and[ \t]+(?=(?:the[ \t]+)?[A-Z])")
_WORD_IN_A_NAME = re.compile(r"\w[\w.'\u2019\-]*(?<![.])")
#: Two capitalised names joined by "and" (groups 1 and 2): "Real Madrid and Real Sociedad".
_TWO_NAMES_AND = re.compile(
    r"([A-Z][\w\-'\u2019.]*(?:[ \t]+[A-Z][\w\-'\u2019.]*){0,3})[ \t]+and[ \t]+"
    r"([A-Z][\w\-'\u2019.]*(?:[ \t]+[A-Z][\w\-'\u2019.]*){0,3})"
)
#: A court named with the district or circuit it sits for: "U.S. District Court for the Southern District of New
#: York", "U.S. Court of Appeals for the 9th Circuit", "Court of Appeals for the Federal Circuit".
_COURT_FOR_DISTRICT = re.compile(
    r"(?<![\w.])(?:(?:U\.S\.|US|United States)[ \t]+)?(?:(?:District|Bankruptcy|Circuit)[ \t]+)?Court"
    r"(?:[ \t]+of[ \t]+Appeals)?[ \t]+for[ \t]+the[ \t]+"
    r"(?:(?:(?:Southern|Northern|Eastern|Western|Central|Middle)[ \t]+)?District[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?"
    r"|(?:[1-9][0-9]?(?:st|nd|rd|th)|Federal|D\.C\.)[ \t]+Circuit)(?![\w\-])"
)
#: Capitalised words ending in a word only companies' names end with (group 1).
_NAME_WITH_COMPANY_ENDING = re.compile(
    r"(?<![\w\-.])((?:[A-Z][\w\-&'\u2019]*[ \t]+){1,5}"
    r"(?:Company|Corporation|Holdings|Holding|Group|Party|Inc\.?|Ltd\.?|Limited|PLC|Plc|plc|LLC|GmbH|AG|SpA|Corp\.?"
    r"|Bhd|Berhad|Tbk|NV|ASA|Pty|SE|SA|AB|Oyj|A/S))(?![\w\-/])"
    # "the Internet Corporation for Assigned Names and Numbers" (but "Access Holdings and Zenith Bank" are two)
    r"(?![ \t]+(?:for|of|&)[ \t]+[A-Z])"
)
#: Capitalised words ending in a word (group 2) that may be an organisation's: "Sindh High Court".
_NAME_WITH_BODY_ENDING = re.compile(
    r"(?<![\w\-.])((?:[A-Z][\w\-&'\u2019]*[ \t]+){1,4}([A-Z][a-z]+))(?![\w\-])"
    # a name goes on after "for" or "of" only with a capital ("Council for Foreign Relations"; not "signed from
    # Newcastle United for a record fee")
    r"(?![ \t]+(?:(?:for|of)[ \t]+(?:the[ \t]+)?[A-Z]|&\b|[A-Z]))"
)
#: One to three capitalised words, then a given name and a surname (group 2, its first word group 3):
#: "Lib Dems David Laws".
_NAME_THEN_PERSON = re.compile(
    r"((?:[A-Z][\w\-'\u2019]*[ \t]+){0,2}[A-Z][\w\-'\u2019]*)[ \t]+(([A-Z][a-z\u00e0-\u00ff\-]+)[ \t]+[A-Z][\w\-'\u2019]+)"
)
#: A name after a preposition at the end of a model's date: "the first half against England".
_NAME_AFTER_PREPOSITION = re.compile(r"\b(?:against|at|in|v|versus|from|with|to)[ \t]+([A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*)*)\Z")
#: "towns and cities including Cardiff, Bangor and Wrexham": a list of names the text calls places ("list").
_PLACES_LISTED = re.compile(
    r"\b(?:towns|cities|villages|countries|capitals|regions|provinces|states|counties|places)"
    r"(?:[ \t]+(?:and|or)[ \t]+(?:towns|cities|villages|countries|capitals|regions|provinces|states|counties))?"
    r"[ \t]+(?:including|such[ \t]+as|like|from|in|of)[ \t]+"
    r"(?P<list>[A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*)*(?:(?:,[ \t]+|,?[ \t]+(?:and|or)[ \t]+)"
    r"[A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*)*)*)"
)
#: One name of such a list.
_LIST_ITEM = re.compile(r"(?<![\w\-'\u2019])(?!(?:and|or)\b)[A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*)*")
#: A preposition, linking word or word of description ("Fellow", "Former") that opens a sentence, run into the
#: name after it by the model.
_OPENING_WORD = re.compile(
    r"(?:Across|In|At|From|Throughout|Around|Beyond|Inside|Outside|Meanwhile|After|Before|Since|During|When"
    r"|While|But|And|So|Yet|Also|Then|Now|Later|Earlier|Despite|Without|With|For|Under|Over|Unlike|Besides|Like"
    r"|Elsewhere|Instead|However|Still|Today|Yesterday|Tonight|Nevertheless|Nonetheless|Moreover|Furthermore|Indeed"
    r"|Perhaps|Thus|Hence|Otherwise|Finally|Fellow|Former|Rival|Veteran|Compatriot)[ \t]+(?=[A-Z])"
)
#: A sentence's opening verb in -ing run into the name after it: "Describing Mr Jackson as...",
#: "Comparing the Welsh Assembly Government with..." (group 2: the honorific, if one follows).
_GERUND_LEADING = re.compile(r"([A-Z][a-z]{2,}ing)[ \t]+(?:(Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\b\.?|the\b)")
#: What kind of company, capitalised at a sentence's start and run into the name by the model:
#: "Drugmaker Brauwald", "Chipmaker Nvidia" (not "Bank", "Group", "Giant": they begin names).
_ORG_NOUN_LEADING = re.compile(
    r"(?:Chipmaker|Carmaker|Automaker|Drugmaker|Toymaker|Retailer|Lender|Insurer|Brewer|Broadcaster"
    r"|Conglomerate|Startup|Start-up|Bookmaker)[ \t]+(?=[A-Z])"
)
#: Companies of a kind listed after their plural: "miners Rio Tinto and Anglo American", "banks HSBC,
#: Barclays and Lloyds" (each name of the list; "lenders" and "miners" alone are people's words).
_ORG_LIST_BEFORE = re.compile(
    r"\b(?:firms|companies|groups|giants|conglomerates|chipmakers|carmakers|automakers|drugmakers|toymakers"
    r"|retailers|supermarkets|banks|lenders|insurers|airlines|carriers|brewers|manufacturers|broadcasters"
    r"|studios|operators|miners|majors|start-ups|startups|clubs|charities|agencies|newspapers)[ \t]+"
    r"(?:[A-Z][\w&'.\-]*(?:[ \t]+[A-Z][\w&'.\-]*)*(?:,[ \t]+|[ \t]+(?:and|or)[ \t]+|,[ \t]+(?:and|or)[ \t]+)){0,6}$"
)
#: A possessive right before a name: "Miyazaki's", "Elvis'".
_OWNED_BY_BEFORE = re.compile(r"[A-Za-z](?:['\u2019]s|s['\u2019])[ \t]+$")
#: A kind of product right before its one-word name: "weight-loss drug Zepbound", "its console Switch".
_PRODUCT_NOUN_BEFORE = re.compile(
    r"\b(?:drug|vaccine|medicine|pill|product|smartphone|handset|console|chatbot|app|browser|jet|airliner|sedan|SUV)[ \t]+$"
)
#: A possessive before a name and a kind of product after it: "its H20 chip", "Novo's Wegovy jab".
_OWN_BEFORE = re.compile(r"(?:\b(?:its|their)|[A-Za-z]['\u2019]s)[ \t]+$")
_PRODUCT_NOUN_AFTER = re.compile(
    r"[ \t]+(?:chips?|processors?|drugs?|jab|vaccines?|pills?|medicines?|smartphones?|handsets?|consoles?"
    r"|chatbots?|apps?|browsers?|airliners?|sedans?|SUVs?|tablets?|laptops?|headsets?|model)\b"
)
#: A product's name: a word, a model number, or both ("Wegovy", "H20", "Gemini 3").
_PRODUCT_NAME = re.compile(r"[A-Z][A-Za-z0-9\-]*(?: [0-9]{1,3}[A-Za-z]?)?")
#: "the" or "a" right before a name (any case).
_ARTICLE_BEFORE = re.compile(r"(?<![\w'\u2019])(the|an?)\s+$", re.IGNORECASE)
#: A lower-case word after a name: "a Luciano Orquera penalty".
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
#: The capitalised word after a name and one space (group 1): "Yeol" after "Yoon Suk".
_WORD_AFTER_A_SPACE = re.compile(r"[ \t]([A-Z][a-z]*)(?![\w\-'\u2019])")
#: A relative clause for a thing, not a person: "Sinopec, which plans".
_WHICH_AFTER = re.compile(r",[ \t]+which\b")
#: A verb of speaking after a name: "Orange said", "Reform says".
_SPEAKS_AFTER = re.compile(r"[ \t]+(?:said|says|told|added|announced|claims|claimed)\b")
#: "Petrobras said it would", "... reported its": a name that speaks of itself as "it".
_SAID_IT_AFTER = re.compile(
    r"[ \t]+(?:said|says|added|announced|reported|expects|expected|plans|planned)[ \t]+(?:it|its)\b"
)
#: A possessor before a name: "Singapore's [Temasek]", "South Korea's [Hanwha]".
_OWNER_BEFORE = re.compile(r"(?<![\w\-])((?:[A-Z][a-z]+[ \t]){0,2}[A-Z][a-z]+)['\u2019]s[ \t]+$")
#: Between an owner and what it owns: "Anthropic's Dario Amodei".
_POSSESSIVE_GAP = re.compile(r"['\u2019]s[ \t]+")
#: "São Paulo-based" right before a name.
_BASED_BEFORE = re.compile(r"\w-based[ \t]+$")
#: An apposition that says what a name is: "Diageo, the world's biggest spirits company,",
#: "Metrolinx, the provincial transit agency." (not "Smith, the head of the company", "Jones, a bank manager",
#: "Tower, a spokeswoman for the bank", "Gatwick, the company has written").
_ORG_APPOSITION = re.compile(
    r",[ \t]+(?:the|a|an|[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,2}['\u2019]s)[ \t]+"
    r"(?:(?!(?:of|for|at|from|behind|with|to|by|in|on)\b)[\w'\u2019\-]+[ \t]+){0,5}?"
    r"(?:company|firm|group|giant|conglomerate|bank|lender|insurer|maker|carmaker|chipmaker|producer|retailer"
    r"|operator|airline|carrier|agency|regulator|watchdog|utility|broadcaster|publisher|brewer|miner|manufacturer"
    r"|supplier|provider|exchange|fund|band|startup|start-up|automaker|drugmaker|steelmaker|refiner|chain|charity"
    r"|[Aa]lliance|[Aa]ssociation|[Ff]ederation|[Cc]oalition|[Ff]oundation)"  # "Gavi, the Vaccine Alliance,"
    r"(?=[,.;:)]|[ \t]+(?:which|that|based|behind|whose|owned|backed|founded|known)\b)"
    # "Activision Blizzard, the maker of Call of Duty,"
    r"|,[ \t]+(?:the|a|an)[ \t]+(?:[\w\-]+[ \t]+)?(?:maker|owner|operator|producer|publisher|developer|parent)[ \t]+of\b"
)
#: Endings of words for peoples and their members that the demonym list may lack: "Gibraltarians", "Dutchman".
_PEOPLE_WORD = re.compile(r"(?:ians?|ans?|ese|ish|ites?|m[ae]n)$")
#: Endings of words for peoples, faiths and creeds ("Texan", "Swede", "Spaniard", "Turks", "Islamic", "Nazism").
_NORP_SHAPE = re.compile(r"(?:ians?|ans?|ese|ish|ics?|ists?|isms?|ites?|is?|edes?|ards?|urks?|ch|m[ae]n|wom[ae]n|ity|ies|zi|zis)$")
#: Labels a name keeps wherever the article writes it again ("T-Mobile ... T-Mobile said").
_REPEATED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "PERSON"})
#: A capitalised word ("Apple [Records]"), abbreviation ("St. [Petersburg]", "U.S. [Steel]"), hyphen or
#: apostrophe joined to a name makes it part of a longer one; a sentence's last word does not ("Appeal. [Sainsbury's]").
_JOINED_BEFORE = re.compile(
    r"(?:[\w\-'\u2019&]|(?<![\w\-'\u2019.])(?!(?:The|An?)\s)(?:[A-Z][\w\-'\u2019]*|[A-Z][a-z]{0,2}\.|(?:[A-Z]\.){2,})[ \t]+"
    r"(?:(?:of|de|du|des|del|della|di|da|do|dos|la|le|van|von|der|den|and|&)[ \t]+)?)\Z"
)
_JOINED_AFTER = re.compile(r"[\w\-&]|['\u2019](?!s\b)|[ \t]+(?:of\s+|de\s+|and\s+|&\s*)?[A-Z0-9]")
#: "MPs", "CDs": a plural of an abbreviated common noun.
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
#: Month and weekday names, which may stand before a name ("Monday Tony Blair said").
_CALENDAR_WORDS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


@lru_cache(maxsize=8)
def _role_word_set(roles: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """Every word of every role phrase, and the honorifics: what stands before a name without being part of it."""
    return frozenset(w for phrase in roles for w in phrase) | _HONORIFICS


#: What ends a club's full name after the name it goes by: "Sunderland FC", "Ajax AFC".
_CLUB_FORMS = frozenset({"fc", "afc", "cf", "sc", "rfc", "ac"})
#: What stands between two names paired by "and", an owner of the second perhaps: " and France's ".
_PAIRING_GAP = re.compile(r"[ \t]+and[ \t]+(?:[A-Z][\w.\-]*(?:[ \t]+[A-Z][\w.\-]*){0,2}['\u2019]s[ \t]+)?")
#: One to three capitalised words owning one to four more, tagged as one name: "Arsenal's Mikel Arteta" (the
#: owner group 1, what it owns group 2).
_OWNER_AND_OWNED = re.compile(
    r"((?!The\b)[A-Z][\w\-.&]*(?:[ \t]+[A-Z][\w\-.&]*){0,2})['\u2019]s[ \t]+"
    r"([A-Z][\w\-.]*(?:[ \t]+[A-Z][\w\-.]*){0,3})"
)
#: One capitalised word and a number: "Martin 89" (a player and the minute he came on), "Article 5".
_NAME_AND_MINUTE = re.compile(r"([A-Z][\w'\u2019\-]*[a-z][\w'\u2019\-]*)[ \t]+[0-9]{1,3}")
#: Words that a law's number follows: "Article 5", "Section 230", "Proposition 13".
_LEGAL_NOUNS = frozenset(
    {"article", "articles", "section", "sections", "clause", "chapter", "proposition", "prop", "rule", "regulation",
     "amendment", "title", "part", "schedule", "bill", "act", "directive", "resolution", "code", "protocol",
     "paragraph", "measure", "law", "decree", "order", "statute", "convention", "item", "annex", "appendix"}
)
#: Words after a newspaper's name: "Scotsman journalist Hamish MacDonell".
_PRESS_AFTER = re.compile(r"[ \t]+(?:journalist|newspaper|editor|columnist|reporter|correspondent|poll|website)s?\b")
#: A man or woman of a people: "Welshman", "Frenchwoman", "Scotsmen".
_MEMBER_OF_PEOPLE = re.compile(r"([A-Z][a-z]+?)(?:wo)?m[ae]n")
#: An ordinal written just before a name ("2nd U.S. Circuit Court of Appeals").
_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])[1-9][0-9]{0,2}(?:st|nd|rd|th)[ \t]+$")
#: Bodies that are numbered, whose ordinal belongs to their name.
_NUMBERED_BODY = re.compile(
    r"\b(?:Circuit|District|Division|Fleet|Army|Corps|Brigade|Regiment|Battalion|Squadron|Precinct|Amendment"
    r"|Congress|Parliament|Dalai Lama|Republic|Cavalry|Infantry|Airborne|Marines)\b"
)
#: An age in apposition after a name: "Olaf Scholz, 65, said", "Jane Doe, aged 34,".
_AGE_AFTER = re.compile(r",[ \t]+(?:aged[ \t]+)?(?:[1-9]|[1-9][0-9]|1[01][0-9]),")
#: A name that says something of itself as "he" or "she": "Novak Djokovic said he would play".
_SAID_HE_AFTER = re.compile(
    r"[ \t]+(?:said|says|added|admitted|insisted|confirmed|announced|revealed|explained)[ \t]+(?:that[ \t]+)?(?:he|she)\b"
)
#: One to four capitalised words, hyphens and apostrophes inside: the shape of a person's name.
_PERSON_SHAPED = re.compile(r"[A-Z][\w'\u2019\-]+(?: (?:[A-Z][\w'\u2019\-]*|[A-Z]\.|van|von|de|da|del|der|den|ten|la|le|bin|al|el)){0,3}")
#: A named storm: "Hurricane Ian", "Tropical Storm Alberto", "Typhoon Haiyan", "Cyclone Idai".
_STORM = re.compile(
    r"(?<![\w\-])(?:Hurricane|Typhoon|Cyclone|Super Typhoon|Tropical Storm|Storm|Superstorm|Tropical Cyclone)"
    r"[ \t]+[A-Z][a-z]+(?![\w\-])"
)
#: Words after a company's name that make a product or a station: "BMW X5", "BBC Radio 4", "Opera 8.0".
_MODEL_NUMBER = re.compile(r"\d")
#: Words that make "the X" a river, a lake or a sea: "along the Danube", "crossed the Rhine", "the Mekong delta".
_WATER_BEFORE = re.compile(
    r"\b(?:along|across|crossing|crossed|cross|banks?\s+of|mouth\s+of|waters\s+of|shores?\s+of)\s+the\s+$"
)
_WATER_AFTER = re.compile(r"\s+(?:river|delta|estuary|basin|valley|river\s+basin)\b")
#: A credit rating ("A1", "Baa3", "BBB-") and what comes before one ("Moody's rated the bond A1").
_CREDIT_GRADE = re.compile(r"(?:Aaa|Aa[1-3]|A[1-3]|Baa[1-3]|Ba[1-3]|B[1-3]|Caa[1-3]|AAA|AA|BBB|BB|CCC)[+\-]?")
_RATING_CUE = re.compile(r"\b(?:rat(?:ed|es|ing|ings)|grade|downgrad\w*|upgrad\w*|outlook|Moody's|Poor's|Fitch|S&P|DBRS)\b[^.!?]*$")
#: A model number after a name: "Series 11", "Galaxy S25" (not a score: "Liverpool 2-0").
#: One to three capitalised words, perhaps with a possessive, right before a title: "OpenAI Chief Executive".
_EMPLOYER_BEFORE = re.compile(r"(?<![\w\-'\u2019.&])([A-Z][\w&\-]*(?:[ \t][A-Z][\w&\-]*){0,2})(?:['\u2019]s)?[ \t]+\Z")
#: A capitalised word and a space right before a position: the run of capitals goes on to the left.
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w&.\-]*[ \t]+\Z")
#: A capitalised word right before, not ending a sentence ("Finance Bill", not "Seattle. Bill").
_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w&\-]*[ \t]+\Z")
#: Words that qualify a title and are no employer's name: "Former Chief Executive", "Group Chairman".
_TITLE_MODIFIERS = frozenset(
    {"former", "then", "acting", "interim", "deputy", "senior", "outgoing", "incoming", "new", "late", "current",
     "founding", "vice", "assistant", "executive", "managing", "joint", "co", "ex", "chief", "top", "group",
     "global", "regional", "general", "lord", "lady", "honorary", "retired", "veteran", "elected"}
)
#: What only money or a company does to a business: "a round led by Iconiq", "backed by Temasek".
_BACKED_BY_BEFORE = re.compile(r"\b(?:led|backed|funded|financed|underwritten|acquired|bought)[ \t]+by[ \t]+\Z")
#: "Roe v Wade", "Brown v. Board of Education": a court case, a law of its own.
_COURT_CASE = re.compile(r"\w (?:v|vs)\.? [A-Z]")

_NUMBER_AFTER = re.compile(r"\s[A-Z]?\d+\b(?![\-\u2013%]|[.,:]\d|\s*(?:per\s*cent|percent)\b)")
#: Words around a language's name: "learning Hindi", "in Urdu", "Swahili-speaking", "Hindi and English".
_LANGUAGE_CUE_BEFORE = re.compile(
    r"\b(?:in|into|speak|speaks|spoke|speaking|learn|learns|learning|learned|learnt|teach|teaches|teaching"
    r"|taught|fluent|translated|dubbed|subtitled|written|sung)[ \t]+\Z"
)
_LANGUAGE_WORD_AFTER = re.compile(r"[ \t-](?:language|speaking|speakers?)\b")
_LANGUAGE_CUE_AFTER = re.compile(r"(?:[ \t-](?:language|speaking|speakers?)\b|[ \t]+(?:and|or)[ \t]+English\b)")
#: A US lawmaker's party and state: "D-W.Va.", "R-S.C." (group 1: the state's abbreviation).
_PARTY_STATE = re.compile(r"(?<=[\s(,])[DRI]-([A-Z][A-Za-z.]{1,5})(?=[,;)\s])")
#: What follows a company's name: "Redgum shares closed", "Lakeshore stock rose".
_SHARES_AFTER = re.compile(r"(?:['\u2019]s)?[ \t]+(?:shares|stock|share price|shareholders)\b")
#: What follows an award's name: "Oscar-winning", "Oscar nominations", "the Bafta ceremony".
_AWARD_CUE_AFTER = re.compile(
    r"(?:['\u2019]s)?(?:-(?:winning|winner|nominated)|[ \t]+(?:nominations?|nominees?|nominated|ceremony|hopefuls"
    r"|contenders|organisers|voters|categories|winners?|winning|presenters|statuettes?|awards|night|rivals))\b"
)
#: "her second Oscar", "the best actress Oscar", "won an Oscar for": an award, where the model saw a person
#: (not "an MI6 officer").
_AWARD_CUE_BEFORE = re.compile(
    r"(?:\bbest(?:[ \t]+supporting)?[ \t]+(?:actor|actress|director|picture|film|screenplay|song|album)"
    r"|\b(?:his|her|their|a)[ \t]+(?:first|second|third|fourth|fifth)(?:[ \t]+ever)?)[ \t]+\Z"
)
_AN_BEFORE = re.compile(r"\ban[ \t]+\Z")
_PHRASE_ENDS_AFTER = re.compile(r"[ \t]*(?:[,.;:!?]|(?:for|in|at)\b|\Z)")
#: Lower-case particles inside names: "bin Salman", "van Persie", "al-Assad", "de Villepin".
_PARTICLE = re.compile(r"(?:bin|ibn|bint|al|el|van|von|de|da|di|del|der|den|dos|das|du|la|le|ter|ten)[ \-][A-Z]")
#: Particles of surnames ("van der", "de la", "bin") and a surname after them ("Sar", "Owusu-Abeyie").
_SURNAME_PARTICLES = r"(?:van|von|de|da|di|del|der|den|dos|das|du|la|le|ter|ten|bin|ibn)(?: (?:der|den|de|la|los))?"
_SURNAME = r"[A-Z][\w'\u2019]+(?:-[A-Z][\w'\u2019]+)?"
#: The rest of a surname after a first name: " ten Hag", " van der Sar", " de la Fuente".
_PARTICLE_SURNAME = re.compile(rf" {_SURNAME_PARTICLES} {_SURNAME}")
#: A span that stops at its particles ("Ursula von der" of "Ursula von der Leyen").
_ENDS_IN_PARTICLE = re.compile(rf" {_SURNAME_PARTICLES}\Z")
#: The surname after such a span.
_SURNAME_REST = re.compile(rf" {_SURNAME}")
#: The particles between two pieces of one name ("Marc" + " ter " + "Stegen").
_PARTICLE_GAP = re.compile(rf" {_SURNAME_PARTICLES} ")
#: A first name, particles that only people's names carry, a surname: "Ludwig van Beethoven",
#: "Ursula de la Fuente" (not "Banque de France", "Cirque du Soleil": see _NOT_FIRST_NAMES).
_PERSON_WITH_PARTICLE = re.compile(
    rf"([A-Z][a-z]+)(?: [A-Z][a-z]+)? (?:van|von|van der|van den|von der|ter|ten|bin|ibn|de la|del|dos) {_SURNAME}"
)
#: First words of organisations and places named "X de la Y" or "X van Y".
_NOT_FIRST_NAMES = frozenset(
    {
        "banco", "banca", "banque", "bank", "caja", "casa", "club", "real", "cirque", "credit", "compagnie",
        "grupo", "instituto", "museo", "museum", "teatro", "universidad", "universidade", "universite",
        "puerto", "porto", "costa", "santa", "santo", "san", "villa", "ville", "hotel", "palacio", "plaza",
        "avenida", "calle", "rio", "sierra", "isla", "islas", "cabo", "fundacion", "partido", "frente",
        "union", "estadio", "camp", "nuestra", "el", "la", "los", "las", "de", "dos",
    }
)
#: The capitalised word right before a span ("Arm" before "Holdings").
_WORD_BEFORE = re.compile(r"([A-Z][\w&'\u2019\-]*) \Z")
_NOT_NAMES_BEFORE = frozenset(
    {
        "the", "a", "an", "in", "on", "at", "for", "of", "and", "but", "or", "nor", "its", "his", "her", "their",
        "our", "my", "your", "this", "that", "these", "those", "by", "with", "from", "to", "as", "if", "when",
        "while", "after", "before", "new", "both", "all", "some", "many", "most", "several", "each", "every",
        "two", "three", "only", "even", "also", "then", "now", "so", "yet", "whether", "although", "though",
        "because", "since", "once", "unlike", "like", "against", "about", "over", "under", "into", "than", "via",
        "where", "which", "who", "what", "how", "why", "there", "here", "it", "he", "she", "they", "we", "i",
        "other", "another", "former", "rival", "rivals", "said", "says",
    }
)
#: An 's that a verb, conjunction or preposition follows belongs to the name before it: "McDonald's said",
#: "Moody's and S&P" (a possessive is followed by what it possesses: "Sainsbury's shares").
_NAME_WITH_S = re.compile(
    r"['\u2019]s(?=\s+(?:said|says|has|had|have|is|was|will|would|could|and|or|by|for|in|on|at|to|with|from)\b)"
)
#: An 's before punctuation or its bracketed acronym: the name's own ("Standard & Poor's (S&P)", "at
#: St Mary's."; not "Wilma's (Erin Gray)"), unless the
#: article also writes the name without it ("Sony ... not Sony's," stands for "Sony's technology").
_NAME_WITH_S_BEFORE_PUNCTUATION = re.compile(r"['\u2019]s(?=\s*(?:[,.;:](?!\w)|\(\s*[A-Z][A-Z&.\-]{1,7}\s*\)))")
_THE_BEFORE = re.compile(r"(?i)\bthe\s+\Z")
#: "L Moody", "S. Parisse", "B O'Driscoll": one initial and a surname.
_INITIAL_AND_SURNAME = re.compile(r"[A-Z]\.? (?:Mc|Mac|O'|O\u2019)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
#: "BT", "EMI", "HSBC": capitals only.
_ACRONYM = re.compile(r"[A-Z]{2,5}")
#: Words that end the names of places, buildings, works and businesses named after a person or
#: with a given name in front ("Stanley Park", "Crystal Palace", "Joy Division", "Crystal Cruises").
_THING_WORDS = frozenset(
    """street road avenue lane square park gardens island islands palace theatre theater county parish hall
    house abbey castle church cathedral chapel hill hills valley lake river beach bay coast forest centre center
    arena hospital school museum gallery tower zoo village heights point division records music pictures films
    studios entertainment show story project diaries cruises multimedia north south east west central""".split()
)
#: Common nouns for people: before a name they describe a person, not a thing ("policymakers Isabel
#: Schnabel", "teammate Lando Norris", "billionaire Elon Musk").
_PEOPLE_NOUNS = frozenset(
    """policymaker lawmaker legislator official economist analyst strategist teammate colleague rival compatriot
    countryman countrywoman fellow striker midfielder defender goalkeeper forward winger batsman batter bowler
    actor actress actresses singer rapper comedian presenter novelist author writer journalist reporter columnist lawyer
    attorney candidate billionaire entrepreneur investor banker trader activist protester dissident opponent
    challenger incumbent veteran player athlete cyclist sprinter swimmer boxer golfer rider driver""".split()
)
#: First words of places and things that given-name lists also hold: "El Alto", "Santa Clara", "Royal Armagh".
_NOT_GIVEN_NAMES = frozenset({"El", "Al", "La", "Le", "Los", "Las", "San", "Santa", "Saint", "Royal", "Mercedes"})
#: What comes before a work's title: "abortion drama Vera Drake", "his film Lilya Forever".
_WORK_NOUN_BEFORE = re.compile(
    r"\b(?:film|movie|drama|comedy|thriller|documentary|musical|play|novel|book|album|single|song|series|sitcom"
    r"|opera|show|track|hit)[ \t]+$"
)
#: A kind of work right before its title, as a noun ("comedy Sideways", "the album Hopes and Fears"), not a
#: verb ("to film Madonna") or an award's category ("the best film Oscar").
_WORK_KINDS = r"(?:film|movie|drama|comedy|thriller|documentary|musical|novel|album|sitcom|opera|biopic|blockbuster|memoir|book|song)"
_WORK_KIND_BEFORE = re.compile(r"(?<!\bto )(?<!\bbest )\b" + _WORK_KINDS + r"[ \t]+(?:The[ \t]+)?\Z")
#: A title in title case, small words inside it: "Working Lives in a Cold Climate", "Meet the Fockers".
_TITLE_RUN = (
    r"((?:The |A |An )?[A-Z0-9][\w'\u2019\-]*(?:[ \t]+(?:(?:a|an|the|and|or|of|in|on|at|to|for|with|from)[ \t]+)*"
    r"[A-Z0-9][\w'\u2019\-]*)*)"
)
#: A title after "titled" or "entitled" (group 1), quoted ("entitled \"Hard Choices\"") or in title case
#: ("a single titled Rivers Run Dry", "the report Working Lives in a Cold Climate"); "entitled to" is no title.
_TITLED = re.compile(
    r"(?<![\w\-])(?:en)?titled[ \t]+(?:[\"\u201c\u2018']([A-Z0-9][^\"\u201d\u2019'\n]{0,78}?)[\"\u201d\u2019'](?!\w)"
    r"|" + _TITLE_RUN + ")"
)
#: A title after the kind of work it is (group 1): "the sitcom Extras", "his cartoon book Flanimals", "new film,
#: Beyond the Sea,", and at a sentence's start "Comedy Meet The Fockers"; not "to film Madonna", "best film Oscar".
_KIND_TITLED = re.compile(
    r"(?:(?<!\bto )(?<!\bbest )\b(?:(?:new|latest|debut|forthcoming|upcoming|next|hit)[ \t]+" + _WORK_KINDS + r",[ \t]+"
    r"|" + _WORK_KINDS + r"[ \t]+)"
    r"|(?:^|(?<=[.!?][ \t]))(?:Comedy|Drama|Thriller|Documentary|Musical|Biopic|Sitcom)[ \t]+)" + _TITLE_RUN,
    re.MULTILINE,
)
#: What follows a work's title: "Vera Drake star Imelda Staunton", "the Bridget Jones sequel".
_WORK_CUE_AFTER = re.compile(r"[ \t]+(?:star|stars|co-star|actress|actor|cast|director|soundtrack|sequel|premiere)\b")
#: A comma and a name after a name, or a comma before it: a list ("Sheahan, Horan, O'Callaghan").
_LIST_NEIGHBOUR = re.compile(r",[ \t]+[A-Z]")
_LIST_NEIGHBOUR_BEFORE = re.compile(r"[a-z],[ \t]+\Z")
#: "iPod", "iPhones", "iPhone 16 Pro": a product by its shape.
_I_PRODUCT = re.compile(r"i[A-Z][a-z]+s?(?: [0-9]{1,2}[a-z]?)?(?: (?:Pro|Max|Plus|Mini|Air|Nano|Shuffle|Touch))*")
_I_PRODUCT_IN_TEXT = re.compile(rf"(?<![\w\-.@/]){_I_PRODUCT.pattern}(?![\w\-@/]|\.\w)")
#: One more name word after a name, then no capitalised word: " Machado was", " Bradfield will".
_NEXT_NAME_WORD = re.compile(r" ((?:Mc|Mac|O'|O\u2019)?[A-Z][a-z\u00df-\u00ff]+(?:-[A-Z][a-z\u00df-\u00ff]+)?)(?![\w'\u2019\-])(?! [A-Z])")
#: One word of a person's name written in full: "Petrova", "Jean-Pierre", "McGraw", "O'Neill", "Müller".
_FULL_NAME_WORD = re.compile(
    r"(?:Mc|Mac|O'|O\u2019|D'|D\u2019)?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+(?:-[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+)?"
)
_RELABEL_AS_PLACE = frozenset({"PERSON", "ORG", "PRODUCT", "LOC", "WORK_OF_ART", "EVENT"})
_RELABEL_AS_EVENT = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"})
_RELABEL_AS_LAW = _RELABEL_AS_EVENT | {"EVENT", "NORP"}
_RELABEL_AS_ORG = frozenset({"PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "LAW"})
#: Organisation words that also end the names of states.
_STATE_WORDS = frozenset({"union", "federation", "commonwealth"})


@lru_cache(maxsize=4)
def _company_first_words(companies: frozenset[str]) -> frozenset[str]:
    """The first words of companies' names ("Seagate" of "Seagate Technology"), by which news copy names them."""
    return frozenset(name.split()[0] for name in companies if name.split())


@lru_cache(maxsize=4096)
def _is_country(name: str) -> bool:
    """Whether ``name`` is a country's name or common short name (not a bare ISO code: "GM")."""
    from newsgraph.normalise.geo import country_code

    return country_code("GPE", name) is not None


def _is_place_name(name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a place of any kind ("West Bank", "Asia")."""
    from newsgraph.normalise.geo import is_area, known_place

    return known_place(name) is not None or is_area(name)


def _is_town(name: str) -> bool:
    """Whether the gazetteer's most populous place of this exact name is a city or town."""
    from newsgraph.normalise.geo import known_place

    known = known_place(name)
    return known is not None and known[0] == "city" and not _is_country(name)


#: Words a headline in title case leaves in lower case ("Storm Forces Thousands to Flee Homes in Italy").
_TITLE_MINOR_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "as", "by", "with", "from",
     "into", "over", "after", "vs", "v", "per", "via", "is", "are"}
)


def _parsed_as_verb(tok: "Token") -> bool:
    """Whether the parser reads ``tok`` as a verb: an auxiliary, or a word with a subject, an object or an
    auxiliary of its own (the pipeline runs no tagger, so there are no parts of speech)."""
    return tok.dep_ in ("aux", "auxpass") or any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in tok.children
    )


def _is_title_case(words: list[str]) -> bool:
    """Whether a line of four or more words is a headline in title case: no sentence's end, and every
    word but the small ones capitalised ("Pakistan Secures $7 Billion IMF Loan After Months of Talks")."""
    if len(words) < 4 or words[-1][-1:] in ".:;,!?" or any(w.endswith((".", ",", ";", ":")) for w in words[:-1]):
        return False
    lettered = [w for w in words if w[:1].isalpha() and w.lower() not in _TITLE_MINOR_WORDS]
    lower = [w for w in lettered if w[:1].islower() and not any(ch.isupper() for ch in w[1:])]  # "iPhone" counts
    return len(lettered) >= 4 and not lower


#: What ends a company's full name after the name it goes by: a legal form or "Company".
_FORMS_AFTER_A_NAME = _LEGAL_FORMS | {"company"}


def without_legal_form(name: str) -> str:
    """"Walt Disney Co." without "Co.": the name a company goes by; the name itself where it has no legal form."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in _FORMS_AFTER_A_NAME:
        words.pop()
    return " ".join(words) if len(words) < len(name.split()) else name


def _is_region_of_business(name: str) -> bool:
    """A country, a continent or region, a first-level division or a big city: what a company's
    regional unit is named after ("USA", "Europe", "Scotland", "Asia"); not a small town that
    happens to share a common word ("University", "Bank")."""
    from newsgraph.normalise.geo import is_area, known_place

    known = known_place(name)
    return (
        _is_country(name)
        or is_area(name)
        or (known is not None and (known[0] in ("country", "admin1") or known[1] >= _BIG_ENOUGH_FOR_A_UNIT))
    )


@lru_cache(maxsize=8)
def _law_name_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """A law's name in running text: capitalised words, perhaps joined by "of", "and"..., and a law
    word from ``law_words.txt`` ("the CHIPS and Science Act"), perhaps with its year ("the Finance Bill
    2025"); not a sentence's opening word."""
    return re.compile(
        r"(?<![\w\-'\u2019])(?:The[ \t]+)?"
        r"((?!(?:In|On|At|By|For|Under|With|From|After|Before|As|If|When|But|And|This|That|These|Those|A|An|The|"
        r"Its|His|Her|Their|Our|New|Kill|Best|No|Any|Every|Each|Another)\b)[A-Z][\w\-'\u2019]*"
        r"(?:[ \t]+(?:(?:of|and|for|on|to|the|&)[ \t]+)*[A-Z][\w\-'\u2019]*)*?"
        r"[ \t]+(?:" + "|".join(sorted(w.capitalize() for w in words)) + r")(?:[ \t]+(?:1[89]|20)[0-9]{2}(?:[\-\u2013/][0-9]{2}(?:[0-9]{2})?)?)?)\b(?![\w\-])"
    )


@lru_cache(maxsize=8)
def _facility_pattern(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(w.title()) for w in words), key=len, reverse=True))
    name = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    return re.compile(
        rf"(?<![\w\-])((?:{name} ){{1,3}})(?:{alternatives})\b|(?<![\w\-])(?:{alternatives}) (?:of )?({name})\b"
    )


def _head_noun(name: str) -> str:
    """The word a name is about: its last word, or the word before "of" ("Bank" of "Bank of
    England", "Court" of "European Court of Human Rights")."""
    words = name.split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def entity_id_for(label: str, canonical_name: str, country_code: str | None = None) -> str:
    """The stable id of an entity: the same label and name key give the same id everywhere. A
    company's legal form is no part of its key: "Apple Inc." in one article and "Apple" in
    another, "Deutsche Bank AG" and "Deutsche Bank", "Acme, Inc." and "Acme Inc" are one entity.
    A place's country is part of it: Hyderabad in Sindh and Hyderabad in Telangana, Georgia the
    country and Georgia the state are two places each."""
    if label == "ORG":
        canonical_name = without_legal_form(canonical_name).rstrip(",")
    if country_code is not None:
        return "E" + stable_id(label, name_key(canonical_name), country_code, length=15)
    return "E" + stable_id(label, name_key(canonical_name), length=15)


def _written_with_the(name: str) -> bool:
    """A city the gazetteer names with a capitalised "The" ("The Hague"), which keeps it."""
    from newsgraph.normalise.geo import written_with_the

    return written_with_the(name)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past edge punctuation, a leading determiner or prefix ("ex-Yukos"), a trailing
    possessive, conjunction or function word."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _EDGE_JUNK:
            start += 1
            changed = True
        while end > start and text[end - 1] in _EDGE_JUNK:
            end -= 1
            changed = True
        m = _LEADING_DETERMINER.match(text[start:end])
        if m and start + m.end() < end and not (text.startswith("The ", start) and _written_with_the(text[start + m.end() : end])):
            start += m.end()
            changed = True
        if _ROMAN_NUMERAL_AND_FULL_STOP.search(text, start, end) and _SENTENCE_GOES_ON.match(text, end):
            end -= 1  # "World War I." at a sentence's end: the full stop is the sentence's
            changed = True
        m = (
            _TRAILING_POSSESSIVE.search(text[start:end])
            or _TRAILING_CONJUNCTION.search(text[start:end])
            or _TRAILING_FUNCTION_WORD.search(text[start:end])
        )
        if m and m.start() > 0:
            end = start + m.start()
            changed = True
    return start, end


def _repair(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a span at a line break or an opening parenthesis, then trim its edges."""
    piece = text[start:end]
    for stop in ("\n", "(", ")", "\u201c", "\u201d", '"'):
        idx = piece.find(stop)
        if idx > 0:
            piece = piece[:idx]
    end = start + len(piece)
    return _trim(text, start, end)


#: Words after which a role word ("captain", "coach", "chair", "head") is a verb.
_VERB_MARKERS = frozenset(
    {"will", "would", "to", "can", "could", "may", "might", "shall", "should", "must", "did", "does", "not", "never"}
)
#: Titles that are also verbs: "to captain Wales", "will coach Everton", "to chair the board".
_ROLES_ALSO_VERBS = frozenset(
    {"captain", "coach", "chair", "judge", "model", "referee", "skipper", "boss", "father", "host", "head", "lead",
     "manage", "pilot", "partner", "star", "champion", "produce", "direct", "train"}
)


def _words_before(text: str, start: int, window: int = 80) -> list[tuple[int, int]]:
    """Spans of the words just before ``start`` on the same line, nearest last."""
    lo = max(0, start - window)
    line_start = text.rfind("\n", lo, start)
    lo = line_start + 1 if line_start >= 0 else lo
    return [(m.start() + lo, m.end() + lo) for m in _WORD.finditer(text[lo:start])]


def _role_before(text: str, start: int, ref: Reference) -> tuple[int, int] | None:
    """The longest role phrase ending right before ``start`` (only spaces between)."""
    words = _words_before(text, start)
    if not words or text[words[-1][1] : start].strip():
        return None
    last = text[words[-1][0] : words[-1][1]]
    if last.endswith(".") and len(last) > 5:
        return None  # "... will become chief executive. Dutch co-chairman": a sentence ended there
    lowered = [text[s:e].rstrip(".").lower() for s, e in words]
    for role in ref.roles:
        n = len(role)
        if n <= len(lowered) and tuple(lowered[-n:]) == role:
            # "the best supporting actress Academy Award", "best director Bafta": an award's category
            if "best" in lowered[max(0, len(lowered) - n - 2) : len(lowered) - n]:
                return None
            # "Giggs will captain Wales", "hired to coach Everton": the role word is a verb there (not in
            # "sent to President Bola Tinubu")
            if len(lowered) > n and lowered[-n - 1] in _VERB_MARKERS and role[0] in _ROLES_ALSO_VERBS:
                return None
            # "Russian crude producer Yukos", "steel producer Corus": an industry, not a film's producer
            if role[-1] == "producer" and len(lowered) > n and lowered[-n - 1] in _GOODS:
                return None
            return words[-n][0], words[-1][1]
    return None


def _only_titles(words: tuple[str, ...], ref: Reference) -> bool:
    """Whether lower-cased ``words`` are titles and nothing else ("emir sheikh", "smt")."""
    i = 0
    while i < len(words):
        n = next((len(r) for r in ref.roles if tuple(words[i : i + len(r)]) == r), 0)
        if not n and words[i] in _HONORIFICS:
            n = 1
        if not n:
            return False
        i += n
    return bool(words)


def _role_prefix(text: str, start: int, end: int, ref: Reference) -> tuple[int, int] | None:
    """A role phrase at the start of the span, leaving at least one word of name (a one-word title in the
    plural, two: "Singers Jennifer Lopez"); none where the alias file knows the whole as a person's name
    ("Sheikh Hasina")."""
    alias = ref.alias_for(text[start:end])
    if alias is not None and alias.label == "PERSON":
        return None
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    lowered = [text[s:e].rstrip(".").lower() for s, e in words]
    for role in ref.roles:
        n = len(role)
        if n < len(lowered) and tuple(lowered[:n]) == role:
            return words[0][0], words[n - 1][1]
    if len(lowered) >= 3 and lowered[0].endswith("s") and (lowered[0][:-1],) in ref.roles:
        return words[0]  # "Singers Jennifer Lopez and Shakira": a title in the plural before a full name
    return None


def _acronym_fits(acronym: str, long_form: str) -> bool:
    """Whether the capitals of ``acronym`` can be read, in order, off the words of ``long_form``."""
    letters = [c.lower() for c in acronym if c.isalpha() and (c.isupper() or c.isdigit())]
    words = [w for w in re.split(r"[\s\-]+", long_form) if w]
    while words and words[0][:1].isdigit():
        words = words[1:]  # "14th National People's Congress (NPC)": a session's number gives no letter
    if len(letters) < 2 or not words:
        return False
    # "Exchange" gives "X" as well as "E": "Pakistan Stock Exchange (PSX)", "foreign exchange (FX)"
    initials = [{w[0].lower(), "x"} if w.lower().startswith("ex") else {w[0].lower()} for w in words]
    if letters[0] not in initials[0]:
        return False
    # a small word may give its initial or not ("Department of Energy (DOE)", "Institute for Fiscal Studies
    # (IFS)"), and so may a legal form ("Nigerian National Petroleum Company Limited (NNPC)"); every other
    # capitalised word gives its own
    skippable = [w.lower() in _MINOR_WORDS or w.lower() in _LEGAL_FORMS or not w[:1].isupper() for w in words]

    @lru_cache(maxsize=None)
    def fits(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        if i < len(letters) and letters[i] in initials[j] and fits(i + 1, j + 1):
            return True
        return skippable[j] and fits(i, j + 1)

    return fits(0, 0)


def _word_acronym_fits(word: str, long_form: str) -> bool:
    """Whether ``word`` is made of the starts of ``long_form``'s words but the small ones, in order, each
    giving at least its initial: "Ampas" of "Academy of Motion Picture Arts and Sciences", "Bafta" of
    "British Academy of Film and Television Arts", "Apacs" of "Association of Payment Clearing Services"
    ("Pa" of "Payment")."""
    words = [w for w in re.split(r"[\s\-]+", long_form) if w and w.lower() not in _MINOR_WORDS]
    if len(words) < 3 or len(words) > len(word) or not all(w[:1].isupper() for w in words):
        return False

    def starts(rest: str, i: int) -> bool:
        if i == len(words):
            return not rest
        w = words[i]
        return any(
            rest[:k].lower() == w[:k].lower() and starts(rest[k:], i + 1)
            for k in range(1, min(len(w), len(rest) - (len(words) - i - 1)) + 1)
        )

    return starts(word, 0)


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    """The names of the languages of ISO 639-1 ("Hindi", "Urdu", "Swahili"), from pycountry."""
    import pycountry

    return frozenset(
        re.sub(r" \(.*\)$", "", lang.name) for lang in pycountry.languages if getattr(lang, "alpha_2", None)
    )


@lru_cache(maxsize=2)
def _us_state_abbreviations(dotted_only: bool = True) -> dict[str, str]:
    """The abbreviations of US states that news agencies write after a town ("Ore.", "N.C.",
    "W.Va.", "D.C."), as the ``us`` package lists them, to the states' names; only those with a
    dot, so that no word ("Miss", "Ill", "Mass") is read as a state, unless ``dotted_only`` is
    False (after a party: "R-Texas")."""
    import us

    return {
        s.ap_abbr: s.name for s in us.states.STATES_AND_TERRITORIES
        if s.ap_abbr and ("." in s.ap_abbr or not dotted_only)
    }


def _club_first_word_alternatives(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=8)
def _club_first_word_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """The first word of a club's name right before its town's: "Real " of "Real Madrid"."""
    return re.compile(rf"(?<![\w\-])({_club_first_word_alternatives(words)}) \Z")


@lru_cache(maxsize=8)
def _club_name_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """The first word of a club's name and the one or two capitalised words after it: "Real Madrid",
    "Sporting Kansas City" (group 1 the whole, group 2 the town's words)."""
    return re.compile(
        rf"(?<![\w\-])((?:{_club_first_word_alternatives(words)})[ \t]+"
        r"([A-Z][a-z\u00e0-\u00ff]+(?:[ \t]+[A-Z][a-z\u00e0-\u00ff]+)?))(?![\w\-])"
    )


#: A model's number right before a word of its name: "737 " of "Boeing 737 Max", "A321 " (no year: "in 2004 Blair").
_MODEL_NUMBER_BEFORE = re.compile(r"(?<![\w\-.,])[A-Z]{0,2}[0-9]{3}(?:-[0-9]+)?[ \t]+\Z")
#: "Bank" and the capitalised words after it (group 1): "Bank Rakyat Indonesia".
_BANK_FIRST = re.compile(r"(?<![\w\-'\u2019])Bank((?:[ \t][A-Z][a-z]+){1,3})(?![\w\-])")
#: "Rabobank", "Commerzbank", "Sberbank": a bank's one-word name.
_BANK_NAME = re.compile(r"(?<![\w\-'\u2019])[A-Z][a-z]{2,}bank(?![\w\-])")
#: The capitalised word after a name (group 2), after the name's own "'s" (group 1): " Port", "'s Basilica".
_FACILITY_WORD_AFTER = re.compile(r"(['\u2019]s)?[ \u00a0]([A-Z][a-z]+)\b")
#: A given name, a quoted nickname and a family name: Ismael "El Mayo" Zambada.
_NICKNAMED = re.compile(
    r"(?<![\w\-])(?P<given>[A-Z][\w'\-]+)[ \t]+[\"\u201c](?:[A-Z][\w'.\-]*)(?:[ \t][A-Z][\w'.\-]*){0,2}[\"\u201d][ \t]+"
    r"(?P<family>[A-Z][\w'\-]+(?:[ \t][A-Z][\w'\-]+)?)(?![\w\-])"
)
#: One to three capitalised words: a name run into the money after it ("Google 2.95 billion euros").
_CAPITALISED_LEAD = re.compile(r"[A-Z][\w&'\u2019\-.]*(?:[ \t]+[A-Z][\w&'\u2019\-.]*){0,2}")

#: A capitalised word right before or after a name, on its line.
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w\-'\u2019])([A-Z][\w\-]*)[ \t]+\Z")
_CAPITALISED_WORD_AFTER = re.compile(r"[ \t]+[A-Z]")


@lru_cache(maxsize=8)
def _organisation_names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\-])(?:{alternation(names)})(?![\w\-])")


class _ArticleEntities:
    """The working state for one article; ``mentions()`` is the result."""

    def __init__(
        self,
        doc: "Doc",
        ref: Reference,
        excluded: tuple[tuple[int, int], ...] = (),
        lead_ents: tuple[tuple[int, int, str], ...] = (),
    ):
        self.doc = doc
        self.text: str = doc.text
        #: The model's entities, with those it found only in the sentence after the dateline read alone.
        self.ents: list = list(doc.ents)
        lead = dateline_lead(doc) if lead_ents else None
        if lead is not None:
            # "MUMBAI - Virat Kohli" tagged as one organisation: a name running from the dateline into the
            # sentence gives way to what the sentence read alone holds
            self.ents = [e for e in self.ents if not e.start_char < lead[0] < e.end_char]
        for start, end, label in lead_ents:
            span = doc.char_span(start, end, label=label)
            if span is not None and not any(start < e.end_char and e.start_char < end for e in self.ents):
                self.ents.append(span)
        self.ents.sort(key=lambda e: e.start_char)
        self.ref = ref
        self.excluded = excluded
        self.sentence_starts = [s.start_char for s in doc.sents] or [0]
        #: Sides named in results lines: teams whatever words their names hold.
        self.side_spans: set[tuple[int, int]] = set()
        #: The dateline's places: places whatever the article's headlines and sides are called.
        self.dateline_spans: set[tuple[int, int]] = set()

    def mentions(self) -> list[EntityMention]:
        cands = self._surnames_cut_off(self._first_names_cut_off(self._join_split_names(self._spacy_candidates())))
        cands = self._hyphenated_given_names(cands)
        cands = self._results_sides(cands)
        cands = self._storms(self._dateline(cands))
        cands += self._named_facilities(cands)
        cands = self._split_roles(self._names_run_into_people(self._names_joined_by_and(cands)))
        cands = [self._facility(c) for c in cands]
        cands = self._places_cut_short(self._teams_cut_short(self._extend_ports(cands)))
        cands = [c for c in cands if not self._is_junk(c)]
        self._person_words = {
            w for c in cands if c.label == "PERSON" and len(self.text[c.start : c.end].split()) >= 2
            for w in self.text[c.start : c.end].split()
        }
        cands = [self._known_label(c) for c in cands]
        cands = self._named_after_people(self._people_run_together(self._people_split_by_the_model(cands)))
        cands = self._nicknamed_people(cands)
        cands = self._people_paired_with_people(self._possessors_of_people(cands))
        cands = self._conjoined_organisations(cands)
        cands = self._named_after_a_company(cands)
        cands = self._based_places(cands)
        cands = self._extend_of_place(cands)
        cands = self._spelled_out_acronyms(cands)
        definitions = self._acronym_definitions(cands)
        definitions.update(self._fitted_acronyms(cands, definitions))
        named = {(d.start, d.end): d.label for d in definitions.values()}
        cands = [replace(c, label=named[(c.start, c.end)]) if named.get((c.start, c.end), c.label) != c.label else c for c in cands]
        cands = self._inside_known_names(self._titled_works(self._organisations_named_whole(cands)))
        cands = self._non_overlapping(
            cands + self._acronym_uses(definitions, cands) + self._known_acronyms(cands) + self._known_organisations(cands)
            + self._party_states(cands) + self._bracketed_countries(cands) + self._untagged_people(cands)
            + self._untagged_laws(cands) + self._untagged_products(cands) + self._employers_before_titles(cands)
            + self._untagged_places_listed(cands) + self._untagged_people_after_titles(cands)
        )
        cands = self._canonicalise(self._credited_people(cands), definitions)
        cands = self._full_names_tagged_otherwise(cands)
        cands = self._resolve_partial_people(cands)
        cands = self._organisations_throughout(self._works_throughout(self._one_sense_per_name(cands)))
        cands = self._places_no_one_knows(cands)
        cands = self._companies_tagged_people(cands)
        cands = self._clubs(cands)
        cands = self._club_prefixes(cands)
        cands = self._resolve_short_organisations(cands)
        short = self._short_references(cands)
        spans = {(c.start, c.end) for c in short}
        # the model's own "Commission" gives way to the resolved short reference of the same span
        cands = [c for c in cands if (c.start, c.end) not in spans]
        cands = self._non_overlapping(cands + short + self._surname_uses(cands) + self._untagged_repeats(cands))
        cands = self._headline_names(cands)
        cands = self._places_listed_as_such(self._people_lists(cands))
        return [self._to_mention(c) for c in cands if not self._common_word_taken_for_a_name(c)]

    def _credited_people(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"(Reporting by Saeed Azhar in New York and Shashwat Chauhan in Bengaluru; Editing by Maju
        Samuel)": the names a wire story's credit line gives after "by", "and" or a comma are its
        reporters and editors, whatever the model made of them; the places after "in" stay places. So too a
        photograph's credit: "(AP Photo/Evan Vucci)", "REUTERS/Kevin Lamarque" (the agency an organisation)."""
        names = [
            m.span("name")
            for line in _CREDIT_LINE.finditer(self.text)
            for m in _CREDIT_NAME.finditer(
                self.text, line.start("credits") if line["credits"] else line.start("contributors"), line.end()
            )
            if not any(s < m.end("name") and m.start("name") < e for s, e in self.excluded)
        ]
        photos = list(_PHOTO_CREDIT.finditer(self.text))
        names += [m.span("name") for m in photos]
        if not names:
            return cands
        kept = [c for c in cands if not any(c.start < e and s < c.end for s, e in names)]
        people = [_Candidate(s, e, "PERSON", label_fixed=True) for s, e in names]
        agencies = [
            _Candidate(*m.span("agency"), "ORG", label_fixed=True)
            for m in photos
            if not any(c.start < m.end("agency") and m.start("agency") < c.end for c in kept)
        ]
        return sorted(kept + people + agencies, key=lambda c: (c.start, c.end))

    def _places_listed_as_such(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"towns and cities including Cardiff, Bangor, Aberystwyth and Wrexham" (two tagged people): the
        names the text lists as towns, cities or countries that the gazetteer knows are places."""
        from newsgraph.normalise.geo import known_place

        spans = [m.span("list") for m in _PLACES_LISTED.finditer(self.text)]
        if not spans:
            return cands

        def a_place(name: str) -> bool:
            return known_place(name) is not None or _is_country(name)

        out = [
            replace(c, label="GPE")
            if c.label in ("PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART")
            and any(s <= c.start and c.end <= e for s, e in spans)
            and a_place(self.text[c.start : c.end])
            else c
            for c in cands
        ]
        # and the listed places the model passed over ("Cardiff")
        for s, e in spans:
            for m in _LIST_ITEM.finditer(self.text, s, e):
                if a_place(m.group(0)) and not any(c.start < m.end() and m.start() < c.end for c in out):
                    out.append(_Candidate(m.start(), m.end(), "GPE", canonical=canonical_spelling(m.group(0))))
        return sorted(out, key=lambda c: (c.start, c.end))

    @cached_property
    def _words_as_written(self) -> frozenset[str]:
        """Every run of word characters and hyphens in the article, as written."""
        return frozenset(re.findall(r"[\w\-]+", self.text))

    def _written_in_lower_case(self, word: str) -> bool:
        """Whether the article also writes ``word`` in lower case, as a word of its own ("broadband" beside
        "Broadband has become...")."""
        lower = word.lower()
        if re.fullmatch(r"[\w\-]+", lower):
            return lower in self._words_as_written
        return re.search(rf"(?<![\w\-]){re.escape(lower)}(?![\w\-])", self.text) is not None

    def _first_names_cut_off(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"founder Stelios" + "Haji-Ioannou", "referee Anders" + "Frisk": a person whose first name the
        model left out, where the parser makes the capitalised word before the name part of it, inside
        a sentence after a word (a sentence's or a headline's first word may be capitalised for that:
        "Teenager Sania Mirza"). Not a title or role ("Judge"), a nationality or party
        ("Conservative"), a place, an organisation's or a month's name, nor a word the article also
        writes in lower case."""
        from newsgraph.normalise.geo import known_place

        taken = {(c.start, c.end) for c in cands}
        out = []
        for c in cands:
            span = self.doc.char_span(c.start, c.end, alignment_mode="expand") if c.label == "PERSON" else None
            if span is not None and self._in_headline(c.start):
                span = None  # "No ads for Passion Oscar campaign": a headline capitalises what it stresses
            if span is None or span.start == 0 or len(span) > 3:
                out.append(c)
                continue
            prev = self.doc[span.start - 1]
            word = prev.text
            if (
                prev.whitespace_ == " "
                and (
                    # after a word in lower case ("founder Stelios"), not inside a longer name ("New Yorker William")
                    (
                        not prev.is_sent_start  # "Teenager Sania Mirza", "Defiant Matt Williams": a capital for the sentence
                        and prev.i > 0 and self.doc[prev.i - 1].is_alpha and self.doc[prev.i - 1].is_lower
                        and "\n" not in self.doc[prev.i - 1].whitespace_
                    )
                    # a given name opening a sentence: "Anders" + "Olsson, chair of the committee, said"
                    # (not a common word: "Said Williams: ...")
                    or (
                        prev.is_sent_start and is_given_name(word) and not is_common_word(word)
                        and not self._in_headline(prev.idx)
                    )
                    # after a title: "Chief Executive Piyush" + "Gupta"
                    or (not is_common_word(word) and _role_before(self.text, prev.idx, self.ref) is not None)
                )
                and not _PEOPLE_WORD.search(word)  # "Frenchwoman Camille Pin"
                and prev.dep_ == "compound"
                and span.start <= prev.head.i < span.end
                and _ONE_NAME.fullmatch(word)
                and not prev.is_stop
                and not any(s <= prev.idx < e for s, e in taken)
                and word.lower().rstrip(".") not in self._role_words
                and word.lower().removesuffix("s") not in self._role_words  # "Presidents George W Bush and"
                and name_key(word) not in self.ref.demonyms
                and word.lower() not in self.ref.org_words
                and word.lower() not in self.ref.facility_words
                and word.lower() not in self.ref.event_words
                and word.lower() not in _CALENDAR_WORDS
                and not _is_country(word)
                and known_place(word) is None
                and not self._written_in_lower_case(word)
            ):
                c = replace(c, start=prev.idx)
            out.append(c)
        return out

    def _surnames_cut_off(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Maria Corina" + "Machado", "James Dean" + "Bradfield", "Johnny" + "Depp": a person the model tagged
        by a given name (and another name), and the one name word right after it that it left out: no common English word,
        no place, people or organisation word, nor the start of a longer run of capitalised words."""
        from newsgraph.normalise.geo import known_place

        starts = {c.start for c in cands}
        out = []
        for c in cands:
            words = self.text[c.start : c.end].split()
            m = _NEXT_NAME_WORD.match(self.text, c.end) if c.label == "PERSON" and words else None
            if (
                m is not None
                and is_given_name(words[0])
                # (a given name alone too, "Johnny" + "Depp", but not one of a list of names)
                and (len(words) >= 2 or not c.listed)
                and m.start(1) not in starts
                and not any(s < m.end(1) and m.start(1) < e for s, e in self.excluded)
                and not self._in_headline(c.start)
                and not is_common_word(word := m.group(1))
                and name_key(word) not in self.ref.demonyms
                and word.lower() not in self.ref.org_words
                and word.lower() not in self.ref.facility_words
                and word.lower() not in self._role_words
                and word.lower() not in _CALENDAR_WORDS
                and ((place := known_place(word)) is None or (place[0] == "city" and place[1] < _LIST_PLACE_POPULATION))
                and not _is_country(word)
            ):
                c = replace(c, end=m.end(1))
            out.append(c)
        return out

    def _hyphenated_given_names(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Han Duck" + "-soo", "Moon Jae" + "-in": the model stops a Korean name at the hyphen of its given
        name; the lower-case syllable after it is part of the name. A word that makes a compound of the name
        is not ("Blair-led", "Trump-era", taken off where the model ran it in)."""
        out = []
        for c in cands:
            if c.label == "PERSON":
                m = _HYPHENATED_SYLLABLE.match(self.text, c.end)
                inside = _HYPHENATED_SYLLABLE.search(self.text, c.start, c.end)
                if inside is not None and inside.end() == c.end and _COMPOUND_AFTER_A_NAME.fullmatch(inside.group(1)):
                    c = replace(c, end=inside.start())  # "Donald Trump-era" tagged whole
                elif (
                    m is not None
                    and len(self.text[c.start : c.end].split()) >= 2
                    and not _COMPOUND_AFTER_A_NAME.fullmatch(m.group(1))
                    and not any(s < m.end() and c.end < e for s, e in self.excluded)
                ):
                    c = replace(c, end=m.end())
                elif (third := self._korean_syllable_after(c, cands)) is not None:
                    c = replace(c, end=third)
            out.append(c)
        return out

    def _korean_syllable_after(self, c: _Candidate, cands: list[_Candidate]) -> int | None:
        """"Yoon Suk" + "Yeol", "Moon Jae" + "In", "Pham Nhat" + "Vuong": where the model stops a Korean or
        Vietnamese name written without hyphens after its family name and one syllable, the untagged
        syllable after it is the rest of the given name (no capitalised word follows it); the end of the
        whole name, else None."""
        words = self.text[c.start : c.end].split()
        after = _WORD_AFTER_A_SPACE.match(self.text, c.end)
        if len(words) != 2 or after is None:
            return None
        syllable = (
            is_korean_given_name_syllable if words[0] in KOREAN_SURNAMES
            else is_vietnamese_syllable if words[0] in VIETNAMESE_SURNAMES
            else None
        )
        if (
            syllable is None
            or not syllable(words[1])
            or not syllable(after.group(1))
            or _CAPITALISED_WORD_AFTER.match(self.text, after.end())  # "Moon Jae In Seoul" is no name
            or any(o.start < after.end() and after.start(1) < o.end for o in cands)
            or any(s < after.end() and after.start(1) < e for s, e in self.excluded)
        ):
            return None
        return after.end()

    def _in_running_text(self, pos: int) -> bool:
        """Whether the line around ``pos`` is mostly lower case: not a headline or results line in capitals
        ("3. POWELL (JAMAICA) 9.84"), where surnames are written in capitals too."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        line = self.text[start : end if end >= 0 else len(self.text)]
        return sum(ch.islower() for ch in line) > sum(ch.isupper() for ch in line)

    def _in_headline(self, pos: int) -> bool:
        """Whether ``pos`` lies on a short line that ends without a full stop: a headline or a caption."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        line = self.text[start : len(self.text) if end < 0 else end].rstrip()
        return len(line) <= 120 and not line.endswith((".", "!", "?", '"', "\u201d", ":", ";", ","))

    def _people_lists(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Worsley, O'Connor, Dallaglio" in a team sheet, tagged ORG as one: when one name of such
        a list is a person of the article (Lawrence Dallaglio), the list is of people. So is a list
        of three or more names most of which are people ("Cech, Ferreira, Makelele, Lampard",
        "Ferreira" tagged a place): its names tagged places that are no country, region or town of
        100,000 people are people (organisations, products and events stay: "Franz Ferdinand,
        Razorlight and Joss Stone" mixes bands and singers)."""
        people = {c.listed for c in cands if c.listed and c.label == "PERSON"}
        out = [
            replace(c, label="PERSON") if c.listed in people and c.label == "ORG" and len(c.canonical.split()) <= 2 else c
            for c in cands
        ]
        run: list[int] = []
        for i in range(len(out) + 1):
            if i < len(out) and run and _LIST_GAP.fullmatch(self.text, out[run[-1]].end, out[i].start):
                run.append(i)
                continue
            people_in_run = sum(out[j].label == "PERSON" for j in run)
            if len(run) >= 3 and (
                people_in_run * 2 > len(run)
                # a team sheet: a third of its names tagged people, or a replacement and his minute in it
                or (
                    len(run) >= _TEAM_SHEET_NAMES
                    and (people_in_run * 3 >= len(run) or _MINUTE_IN_BRACKETS.search(self.text, out[run[0]].start, out[run[-1]].end))
                )
            ):
                # a team sheet ("Cech, Ferreira, Terry, Gallas, Bridge, Duff (Kezman 74), Lampard") is a
                # longer list: there one-word "organisations" and "products" are players too
                relabel = ("GPE", "LOC", "FAC", "NORP") + (
                    ("ORG", "PRODUCT", "WORK_OF_ART") if len(run) >= _TEAM_SHEET_NAMES else ()
                )
                for j in run:
                    c = out[j]
                    name = self.text[c.start : c.end]
                    if _CLUB_IN_BRACKETS.search(self.text, max(0, c.start - 3), c.start) and not _MINUTE_IN_BRACKETS.match(
                        self.text, c.end
                    ):
                        continue  # "J Lewsey (Wasps)", "Ed Jackson (Aldershot, Farnham and District)": a player's club
                    if c.label in relabel and not (
                        self._names_a_sizeable_place(name) or self._is_area(name) or name_key(name) in self.ref.demonyms
                        or (c.label not in ("GPE", "LOC", "FAC", "NORP") and (
                            len(name.split()) > 1 or self.ref.alias_for(name) is not None or _ACRONYM.fullmatch(name)
                        ))
                    ):
                        out[j] = replace(c, label="PERSON")
            run = [i] if i < len(out) else []
        return out

    # -- candidate spans -----------------------------------------------------------------

    def _spacy_candidates(self) -> list[_Candidate]:
        out = []
        for ent_start, ent_end, label in self._model_lines():
            if label == "MONEY":
                # "fined Google 2.95 billion euros" tagged money whole: the name before the amount
                label = self._name_before_money(ent_start, ent_end)
                if label is None:
                    continue
            start, end = self._lower_case_edges(*_repair(self.text, ent_start, ent_end), label)
            minute = _NAME_AND_MINUTE.fullmatch(self.text, start, end) if label not in ("PERSON", "DATE", "TIME") else None
            if (
                minute is not None
                and minute.group(1).lower() not in _LEGAL_NOUNS
                and (
                    (self.text[start - 1 : start] == "(" and self.text[end : end + 1] == ")" and label == "LAW")
                    # a sequel's number is small: "Shrek 2" beside a "Shrek" tagged a person
                    or (minute.group(1) in self._person_name_words and end - minute.end(1) >= 3)
                )
            ):
                # "(Martin 89)" in a team sheet, "Rooney 87" among the scorers, tagged as a law like
                # "Article 5", or "(MacFarlane 64)", "Drogba 107" tagged organisations beside the article's
                # "Neil MacFarlane", "Drogba": a player and his minute ("Halo 2", "Shrek 2", "Channel 4" are
                # no players)
                label, end = "PERSON", minute.end(1)
            ordinal = _ORDINAL_BEFORE.search(self.text, max(0, start - 8), start)
            if ordinal is not None and _NUMBERED_BODY.search(self.text, start, end):
                start = ordinal.start()  # "2nd" + "U.S. Circuit Court of Appeals", "82nd" + "Airborne Division"
            opening = _OPENING_WORD.match(self.text, start, end) if label == "PERSON" else None
            if opening is not None and opening.end() < end and self._opens_a_sentence(start):
                start = opening.end()  # "Across Wales, pickets were held" tagged a person: "Wales"
            gerund = _GERUND_LEADING.match(self.text, start, end)
            if gerund is not None and gerund.end() < end and self._opens_a_sentence(start) and is_common_word(gerund.group(1)):
                # "Following Mr Straw" tagged a work, "Describing Mr Jackson" a person: the name after the verb
                start, end = _trim(self.text, gerund.start(2) if gerund.group(2) else gerund.end(), end)
                label = "PERSON" if gerund.group(2) else label
            lead = _ORG_NOUN_LEADING.match(self.text, start, end)
            if lead is not None and lead.end() < end:
                start, label = lead.end(), "ORG"  # "Drugmaker Brauwald reported": the company, not a person
            slug = _WIRE_SLUG.match(self.text, start, end)
            if slug is not None and slug.end() < end:
                start = slug.end()  # "EXCLUSIVE-Glencore weighs", "UPDATE 2-Siemens Energy": the slug is no name
            letters = _POST_NOMINAL.search(self.text, start, end)
            if letters is not None and letters.start() > start:
                # "Guy Mansfield QC", "Paul Boateng MP", "William Haughey OBE": the letters after a name are
                # no part of it, and a given name before them makes a person
                end = letters.start()
                if label != "PERSON" and _GIVEN_AND_FAMILY.fullmatch(self.text, start, end) and is_given_name(
                    self.text[start:end].split()[0]
                ):
                    label = "PERSON"
            party = _PARTY_STATE.match(self.text, start)
            if party is not None and party.end() == end and party.group(1) in _us_state_abbreviations(dotted_only=False):
                start, label = party.start(1), "GPE"  # "Sen. Elizabeth Warren, D-Mass." tagged whole: the state
            if label in ("ORG", "PRODUCT", "WORK_OF_ART") and _PLUS_SUFFIX.match(self.text, end):
                end += 1  # "OPEC+", "Disney+", "Canal+": the plus is part of the name
            if (
                label in ("ORG", "FAC")
                and (_NAME_WITH_S.match(self.text, end) or self._own_s_before_punctuation(start, end))
                and not _THE_BEFORE.search(self.text, max(0, start - 5), start)  # "the Treasury's and"
            ):
                end += 2  # "McDonald's said", "a fine imposed on Sainsbury's by": the name's own 's
            # "Leeds United 2-0", "Graham 86": a score or a minute is not part of the name
            # (a number can be: "Channel 4", "Chapter 11")
            tail = (_TRAILING_NUMBER if label in ("PERSON", "GPE", "LOC", "NORP") else _TRAILING_SCORE).search(
                self.text, start, end
            )
            if tail is not None and tail.start() > start:
                end = tail.start()
            division = _DIVISION_WORD_AT_END.search(self.text, start, end) if label in ("GPE", "LOC") else None
            if division is not None and division.start() > start:
                end = division.start()  # "Balochistan province" is Balochistan
            amounts = [s for s, e in self.excluded if start < e and s < end]
            if amounts and min(amounts) > start:
                # "fined Apple 1.8 billion euros" tagged "Apple 1.8 billion": the name before the amount
                start, end = _repair(self.text, start, start + len(self.text[start : min(amounts)].rstrip()))
            if end <= start or any(start < e and s < end for s, e in self.excluded):
                continue
            whole = (start, end)
            for start, end in self._run_on_pieces(start, end, label):
                if label == "ORG" and start > whole[0] and _AT_BEFORE.search(self.text, whole[0], start):
                    # "Ferrari at Monza": the place the cut left ("in Colombo" stays a name for the checks below)
                    out.append(_Candidate(start, end, "GPE"))
                    continue
                if (whole[0] < start and self.text[whole[0] : start].rstrip().endswith(",")) or (
                    end < whole[1] and self.text[end] == ","
                ):
                    # "Kyoto Protocol, Downing Street": each item of a list run together is what it names
                    kind = self._kind_on_its_own(start, end) or ("FAC" if label == "FAC" else "ORG")
                    out.append(_Candidate(start, end, label if kind == "GPE" and label in ("GPE", "LOC") else kind))
                    continue
                if label == "EVENT" and start > whole[0] and _OF_THE_BEFORE.search(self.text, whole[0], start):
                    out.append(_Candidate(start, end, "ORG"))  # "Spring Meetings of the IMF": the body
                    continue
                listed = self._list_pieces(start, end) if label in ("PERSON", "ORG") else None
                # "Brentford v Manchester United", "Arsenal or Sheffield United": two names, not one
                # (a court case is one name: "Roe v Wade")
                fixture = _FIXTURE.fullmatch(self.text, start, end) if label != "LAW" else None
                owned = None if listed else self._owner_and_owned(start, end, label)
                if listed:
                    out += [_Candidate(a, b, label, listed=len(out) + 1) for a, b in listed]
                elif owned:
                    out += [_Candidate(a, b, piece_label) for a, b, piece_label in owned]
                elif fixture is not None:
                    out += [_Candidate(*fixture.span(1), label), _Candidate(*fixture.span(2), label)]
                else:
                    out.append(_Candidate(start, end, label))
        return out

    def _name_before_money(self, start: int, end: int) -> str | None:
        """The label of the name the model ran into an amount it tagged as money ("fined Google 2.95 billion
        euros"): one to three capitalised words right before the amount, none a small word ("Only £100",
        "More than $23,000") nor one that only opens the sentence; a person where a given name starts two
        or three, else an organisation. None where no name leads the money."""
        amounts = [s for s, e in self.excluded if start < e and s < end]
        if not amounts or min(amounts) <= start:
            return None
        lead = _CAPITALISED_LEAD.fullmatch(self.text, start, start + len(self.text[start : min(amounts)].rstrip()))
        span = self.doc.char_span(start, lead.end(), alignment_mode="expand") if lead is not None else None
        if span is None or span[0].is_stop or any(t.lower_ in SCALES for t in span):
            return None
        if self._opens_a_sentence(start) and is_common_word(span[0].text) and self._written_in_lower_case(span[0].text):
            return None
        return "PERSON" if len(span) >= 2 and is_given_name(span[0].text) else "ORG"

    def _model_lines(self) -> Iterator[tuple[int, int, str]]:
        """The model's entities, one line of each at a time: "Campbell rescues Arsenal\n\nSol Campbell",
        a headline run into the story's first words, is two pieces."""
        for ent in self.ents:
            if ent.label_ not in ENTITY_LABELS and ent.label_ != "MONEY":
                continue
            start = ent.start_char
            for i, line in enumerate(self.text[ent.start_char : ent.end_char].split("\n")):
                # a later line's lone common word is the story's first word, no name ("Shares", "Three")
                word = line.strip()
                if word and (
                    i == 0 or " " in word or not is_common_word(word) or self._names_a_place(word) or is_given_name(word)
                ):
                    yield start, start + len(line), ent.label_
                start += len(line) + 1

    def _lower_case_edges(self, start: int, end: int, label: str) -> tuple[int, int]:
        """A name without the lower-case words the model ran into its edges: "rang Lucy", "Hislop back",
        "Brookside creator", "west London" (not particles, "al-Qaeda", "de Villiers", nor the kind of a
        place or a body, "Aceh province", "Conservative party", though a division's kind goes later, see
        ``_DIVISION_WORD_AT_END``); where a lower-case verb stands inside it,
        the name after the verb ("Bosvelt joined City"), or none at all in a headline ("Campbell rescues
        Arsenal"). Titles, events and laws keep their small words and lose only a verb at their end."""
        if label in ("WORK_OF_ART", "EVENT", "LAW") and end > start:
            return self._verb_after_a_title(start, end)
        if label not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT") or end <= start:
            return start, end
        words = list(re.finditer(r"\S+", self.text[start:end]))
        lower = [w.group(0).isalpha() and w.group(0).islower() and w.group(0) not in _NAME_PARTICLES for w in words]
        if not any(lower) or all(lower):
            return start, end
        first = lower.index(False)
        last = len(lower) - 1 - lower[::-1].index(False)
        if (
            last < len(words) - 1
            and words[-1].group(0) in _KIND_WORDS_AFTER
            # "Birmingham city centre", "Leeds city council": the city's part, no name's last word
            and not _CITY_PART_AFTER.match(self.text, end)
        ):
            last = len(words) - 1
        inside = lower[first : last + 1]
        span = self.doc.char_span(start + words[first].start(), start + words[last].end(), alignment_mode="expand")
        if any(inside) and self._in_headline(start):
            return start, start
        verbs = [t for t in span if _parsed_as_verb(t) and t.text.islower()] if span is not None and any(inside) else []
        if verbs:
            # "Bosvelt joined City", "Anthony became Lopez": the name after the verb is the one tagged
            return _trim(self.text, verbs[-1].idx + len(verbs[-1].text), span.end_char)
        return _trim(self.text, start + words[first].start(), start + words[last].end())

    def _verb_after_a_title(self, start: int, end: int) -> tuple[int, int]:
        """"The Nobel Prize in Literature went": a title keeps its small words inside ("The Life of a
        Showgirl"), not a verb the model ran into its end."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return start, end
        tokens = list(span)
        # the parser reads the last word as the verb whose subject the rest is (the pipeline has no tagger)
        while (
            len(tokens) > 1
            and tokens[-1].text.islower()
            and any(t.head.i == tokens[-1].i and t.dep_ in ("nsubj", "nsubjpass") for t in tokens[:-1])
        ):
            tokens.pop()
        if len(tokens) == len(span):
            return start, end
        return _trim(self.text, start, tokens[-1].idx + len(tokens[-1].text))

    def _after_an_opening_stop_word(self, start: int) -> bool:
        """Whether a sentence's first word, a stop word, stands right before ``start``: "Once Google started",
        "But Sony said"."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        before = self.doc[span.start - 1]
        # (or a line's: "About Acme Robotics" heading a press release's last paragraph)
        opens = before.is_sent_start or before.i == 0 or "\n" in self.doc[before.i - 1].text_with_ws
        return opens and before.is_stop and before.whitespace_ == " "

    def _opens_a_sentence(self, start: int) -> bool:
        """Whether the word at ``start`` is its sentence's first, an opening quote apart."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return False
        token = span[0]
        if token.i > 0 and token.nbor(-1).is_quote and token.nbor(-1).is_sent_start:
            return True
        return token.is_sent_start

    @cached_property
    def _names_tagged(self) -> frozenset[str]:
        """The texts of the model's entities."""
        return frozenset(ent.text for ent in self.ents)

    def _owner_and_owned(self, start: int, end: int, label: str) -> list[tuple[int, int, str]] | None:
        """"Arsenal's Mikel Arteta", "Alphabet's Google" tagged as one name: the owner and the person or
        organisation it owns are two. Split where what is owned is a person's full name ("Queen's Park
        Rangers", "Children's Hospital" are no people), or where the owner is a known country, company or
        body, or a name the model tags on its own elsewhere in the article ("Moody's Investors Service",
        "Domino's Pizza" are names of their own). The owner keeps the label, a country is a place; what is
        owned is a person, or an organisation where the model said person or place."""
        m = _OWNER_AND_OWNED.fullmatch(self.text, start, end) if label in ("ORG", "PERSON", "GPE") else None
        if m is None:
            return None
        owner, owned = m.group(1), m.group(2).split()
        person = (
            len(owned) in (2, 3)
            and all(_FULL_NAME_WORD.fullmatch(w) for w in owned)
            and (is_given_name(owned[0]) or is_rare_given_name(owned[0]))
            and owned[-1].lower() not in self.ref.org_words
            and owned[-1].lower() not in self.ref.facility_words
        )
        if not person and (
            any(w.lower() in _MINOR_WORDS for w in owned)  # "The Hitchhiker's Guide To The Galaxy"
            or (
                len(owned) == 1
                # "Foster's Group", "Google's Desktop" (beside "desktop search"), "Ocean's Eleven": one name,
                # unless the word is a company's name known or tagged on its own
                and (
                    owned[0].lower() in self.ref.org_words
                    or self._written_in_lower_case(owned[0])
                    or not (
                        owned[0] in self.ref.listed_companies
                        or owned[0] in self.ref.organisation_names
                        or owned[0] in self._names_tagged
                    )
                )
            )
        ):
            return None
        country = _is_country(owner)
        if not (
            person
            or country
            or owner in self.ref.listed_companies
            or owner in self.ref.organisation_names
            or owner in self._names_tagged
            # "Alphabet's Google": a known company's owner, one word that is nobody's name
            or (
                label == "ORG"
                and len(owned) == 1
                and (owned[0] in self.ref.listed_companies or owned[0] in self.ref.organisation_names)
                and _ONE_NAME.fullmatch(owner)
                and not is_given_name(owner)
                and owner not in surnames()
            )
        ):
            return None
        owner_label = "GPE" if country else ("ORG" if label == "PERSON" else label)
        owned_label = "PERSON" if person else ("ORG" if label in ("PERSON", "GPE") else label)
        return [(m.start(1), m.end(1), owner_label), (m.start(2), m.end(2), owned_label)]

    @cached_property
    def _person_name_words(self) -> frozenset[str]:
        """Words of the names the model tagged as people."""
        return frozenset(w for ent in self.ents if ent.label_ == "PERSON" for w in ent.text.split())

    def _own_s_before_punctuation(self, start: int, end: int) -> bool:
        if not _NAME_WITH_S_BEFORE_PUNCTUATION.match(self.text, end):
            return False
        bare = re.compile(rf"(?<!\w){re.escape(self.text[start:end])}(?!\w|['\u2019]s)")
        return bare.search(self.text) is None

    def _join_split_names(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Names the model cut in two: "Prince Abdulaziz" + " bin Salman" (a particle starts the
        second piece) or cut short ("Erik" of "Erik ten Hag"), "Arm" + " Holdings" (an organisation word alone, after a capitalised word)."""
        out: list[_Candidate] = []
        absorbed_until = -1  # the end of a surname taken into a name before it
        for c in cands:
            if c.start < absorbed_until and c.end <= absorbed_until:
                continue  # "Leyen" of "Ursula von der" + "Leyen": now part of the name
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.label == c.label == "PERSON"
                and self.text[prev.end : c.start] == " "
                and _PARTICLE.match(self.text, c.start)
            ):
                out[-1] = replace(prev, end=c.end)
                continue
            if (
                prev is not None
                and prev.label == "PERSON"
                and not c.label_fixed
                and _PARTICLE_GAP.fullmatch(self.text, prev.end, c.start)
                and _ONE_NAME.fullmatch(self.text, c.start, c.end)
            ):
                # "Marc" + " ter " + "Stegen" (whatever the model made of "Stegen")
                out[-1] = replace(prev, end=c.end)
                continue
            if c.label == "PERSON" and _ENDS_IN_PARTICLE.search(self.text, c.start, c.end):
                rest = _SURNAME_REST.match(self.text, c.end)
                if rest is not None and self._only_words_inside(cands, c, rest.end()):
                    # "Ursula von der" + " Leyen" (which the model may have tagged as a place)
                    c = replace(c, end=rest.end())
                    absorbed_until = c.end
            if c.label in ("ORG", "WORK_OF_ART", "PRODUCT") and not c.label_fixed:
                whole = _PERSON_WITH_PARTICLE.fullmatch(self.text, c.start, c.end)
                if (
                    whole is not None
                    and whole.group(1).lower() not in _NOT_FIRST_NAMES
                    and whole.group(1).lower() not in self.ref.org_words
                    and self.ref.alias_for(whole.group(0)) is None
                    and not self._names_a_place(whole.group(0).rsplit(" ", 1)[1])
                ):
                    c = replace(c, label="PERSON")  # "Ludwig van Beethoven" tagged ORG
            if (
                prev is not None
                and prev.label == "ORG"
                and c.label in ("PERSON", "GPE")
                and self.text[prev.end : c.start] == " "
                and _ONE_NAME.fullmatch(self.text, c.start, c.end)
                and not self._names_a_big_place(self.text[c.start : c.end])
            ):
                # "Lockheed" + " Martin": one word the model cut off a company's name
                out[-1] = replace(prev, end=c.end)
                continue
            if c.label == "PERSON" and len(self.text[c.start : c.end].split()) == 1:
                rest = _PARTICLE_SURNAME.match(self.text, c.end)
                if rest is not None and self._unclaimed(cands, c, rest.end()):
                    # "Erik ten Hag" tagged "Erik": the surname the model left out
                    c = replace(c, end=rest.end())
            head = _IZAFAT_HEAD.search(self.text, max(0, c.start - 30), c.start)
            if head is not None and (prev is None or prev.end <= head.start()) and " " not in self.text[c.start : c.end]:
                c = replace(c, start=head.start())  # "Minar-e-" + "Pakistan", "Zia-ul-" + "Haq"
            tail = _IZAFAT_TAIL.match(self.text, c.end)
            if tail is not None and self._unclaimed(cands, c, tail.end()):
                c = replace(c, end=tail.end())  # "Pakistan Tehreek" + "-e-Insaf"
            if c.label in ("GPE", "LOC", "NORP", "PERSON") and _IZAFAT_ORG.search(self.text, c.start, c.end):
                # "Minar-e-Pakistan", "Jamaat-e-Islami" tagged as a place or a person: a party, a group or a
                # monument named the Urdu and Persian way (people are named with "-ul-", "-ud-": "Zia-ul-Haq")
                c = replace(c, label="ORG")
            rest = _HYPHENED_REST.match(self.text, c.end)
            if rest is not None and self._unclaimed(cands, c, rest.end()):
                joined = self.text[c.start : rest.end()]
                second = rest.group(1)
                if (c.label == "PERSON" and not self._names_a_place(second) and name_key(second) not in self.ref.demonyms) or (
                    c.label in ("GPE", "LOC") and self._names_a_place(joined)
                ):
                    # "Quincy Owusu" + "-Abeyie", "Emilia" + "-Romagna": the model stopped at the hyphen
                    c = replace(c, end=rest.end())
            if c.label == "ORG" and self.text[c.start : c.end].lower() in self.ref.org_words:
                before = _WORD_BEFORE.search(self.text, max(0, c.start - 40), c.start)
                if (
                    before is not None
                    and before.group(1).lower() not in _NOT_NAMES_BEFORE
                    and before.group(1).lower() not in _CALENDAR_WORDS  # "On Thursday Rangers said"
                    and not (prev is not None and prev.end > before.start(1))
                ):
                    c = replace(c, start=before.start(1))
            out.append(c)
        return out

    @staticmethod
    def _unclaimed(cands: list[_Candidate], c: _Candidate, end: int) -> bool:
        """Whether the text from ``c``'s end to ``end`` is no part of another candidate."""
        return not any(o.start < end and c.end < o.end for o in cands if o is not c)

    def _only_words_inside(self, cands: list[_Candidate], c: _Candidate, end: int) -> bool:
        """Whether every other candidate touching the text from ``c``'s end to ``end`` lies inside it
        and is one word the model guessed (not a name a rule fixed)."""
        return all(
            c.end <= o.start and o.end <= end and not o.label_fixed and " " not in self.text[o.start : o.end]
            for o in cands
            if o is not c and o.start < end and c.end < o.end
        )

    def _results_sides(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Sides named in a line of results ("Arsenal 2 West Ham 0, Blackburn 0 Aston Villa 2") or a
        table row ("Arsenal 3 2 1 0 7 3 7"): teams, so organisations, or the country a national side is
        named after. They replace what the model made of the line ("Coventry 0 Nottingham Forest" as one
        name, "Blackburn" as a person) and add the sides it missed."""
        sides: list[tuple[int, int]] = []
        for m in _RESULTS.finditer(self.text):
            brackets = [b.span() for b in re.finditer(r"\([^()]*\)", self.text[m.start() : m.end()])]
            pairs = [
                p.span(1) for p in _SIDE_SCORE.finditer(self.text, *m.span())
                if not any(a <= p.start() - m.start() < b for a, b in brackets)
            ]
            if not any(self.text[a:b].split()[0] in _NOT_SIDES for a, b in pairs):
                sides += pairs
        sides += [m.span(1) for m in _STANDINGS_ROW.finditer(self.text) if m.group(1).split()[0] not in _NOT_SIDES]
        sides += [
            span for m in _SCORE_LINE.finditer(self.text) if m.group(1).split()[0] not in _NOT_SIDES for span in (m.span(1), m.span(2))
        ]
        players, clubs = self._team_sheets()
        sides += clubs
        competitors = self._competitors() + self._scorers() + self._cricketers() + players
        if competitors:
            kept = [c for c in cands if not any(c.start < b and a < c.end for a, b in competitors)]
            cands = sorted(
                kept + [_Candidate(a, b, "PERSON", label_fixed=True) for a, b in competitors], key=lambda c: (c.start, c.end)
            )
        if not sides:
            return cands
        kept = [c for c in cands if not any(c.start < b and a < c.end for a, b in sides)]
        # a side is a team even where its name holds a facility word ("Port Vale") or a big city's
        # ("Barcelona"); a national side is its country ("England", "Germany")
        self.side_spans.update(sides)
        found = [_Candidate(a, b, "GPE" if self._national(self.text[a:b]) else "ORG", label_fixed=True) for a, b in sides]
        return sorted(kept + found, key=lambda c: (c.start, c.end))

    @staticmethod
    def _names_a_sizeable_place(name: str) -> bool:
        """A country, a province or state, or a town of 100,000 people."""
        from newsgraph.normalise.geo import known_place

        place = known_place(name)
        return _is_country(name) or (
            place is not None and (place[0] in ("country", "admin1") or place[1] >= _LIST_PLACE_POPULATION)
        )

    def _names_a_big_place(self, name: str) -> bool:
        """A country, a region or a city of half a million: what may follow a company's name as its
        unit ("Nintendo Tokyo", "BBC Scotland") rather than as the rest of its name."""
        return _is_region_of_business(name) or self.ref.alias_for(name) is not None or name_key(name) in self.ref.demonyms

    @staticmethod
    def _national(name: str) -> bool:
        """A country or a home nation ("Scotland"): what a national side is named after (not a state:
        "NEW YORK 74 57 .565" is a baseball team)."""
        return _is_country(name) or name_key(name) in _HOME_NATIONS

    def _team_sheets(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Players and their clubs in a team sheet ("Scotland: C Paterson (Edinburgh); H Southwell,
        A Craig, M Di Rollo; G Bulloch (Glasgow, capt)"): a line of four or more initialled names
        is a list of people, whom the model often misses or cuts to the surname; the clubs in their
        brackets are sides. So is a line of four or more full names with a given name first, each with
        its club in brackets ("Dimitri Yachvili (Biarritz), Pierre Mignoni (Clermont), ..."; not
        "Nokia (Finland), Samsung (South Korea)")."""
        players: list[tuple[int, int]] = []
        clubs: list[tuple[int, int]] = []
        lines: list[tuple[int, list[re.Match[str]]]] = []
        # full names with clubs over several short lines ("3 - Matthew Le Tissier (Southampton), Alan
        # Shearer (Newcastle)" above "2 - Ian Wright (Arsenal), ..."): four or more in all
        short: list[tuple[int, list[re.Match[str]]]] = []
        pos = 0
        for line in self.text.splitlines(keepends=True):
            found = list(_SHEET_PLAYER.finditer(line))
            if len(found) < _SHEET_MIN_PLAYERS:
                found = list(_SHEET_FULL_NAME.finditer(line))
                people = [m for m in found if is_given_name(first := m.group(1).split()[0]) or is_rare_given_name(first)]
                if len(people) >= 2 and len(people) >= len(found) * 3 / 4 and len(found) < _SHEET_MIN_PLAYERS:
                    short.append((pos, found))
                if len(people) < max(_SHEET_MIN_PLAYERS, len(found) * 3 / 4):
                    found = []
            if len(found) >= _SHEET_MIN_PLAYERS:
                lines.append((pos, found))
            pos += len(line)
        if sum(len(found) for _, found in short) >= _SHEET_MIN_PLAYERS:
            lines = sorted(lines + short, key=lambda line: line[0])
        for pos, found in lines:
            for m in found:
                players.append((pos + m.start(1), pos + m.end(1)))
                if m.group(2):
                    start = m.start(2)
                    for part in m.group(2).split(","):
                        name = part.strip()
                        # "(Stringer 70)": the replacement and his minute, not a club
                        if name and not _SHEET_NOTES.fullmatch(part) and name[0].isupper() and not name[-1].isdigit():
                            a = start + part.index(name)
                            clubs.append((pos + a, pos + a + len(name)))
                        start += len(part) + 1
        return players, clubs

    def _cricketers(self) -> list[tuple[int, int]]:
        """Batsmen, fielders and bowlers named in a scorecard's batting lines ("A. Stewart c Moin Khan b
        Mushtaq Ahmed 44") and bowling figures ("Wasim Akram 25-5-80-3"): people, whom the model often
        misses or takes for a nation ("G. Thorpe")."""
        found = [m.span(g) for m in _BATTING_LINE.finditer(self.text) for g in range(1, 5) if m.group(g)]
        return found + [m.span(1) for m in _BOWLING_FIGURES.finditer(self.text)]

    def _scorers(self) -> list[tuple[int, int]]:
        """"PSV Eindhoven 3 ( Nilis 12 , Jonk 50 )", "Scorers: Bowyer 35, Dyer 69": the names in a list
        of scorers, each with the minute of the goal, are people (the model makes "Nilis 12" a law)."""
        found = []
        for m in _SCORERS.finditer(self.text):
            names = [s.span(1) for s in _SCORER.finditer(self.text, *m.span(1))]
            if names and all(self.text[a:b].split()[0] not in _NOT_SIDES for a, b in names):
                found += names
        return found

    def _competitors(self) -> list[tuple[int, int]]:
        """"Pete Sampras (U.S.) beat Adrian Voinea (Romania) 6-2 6-2": in a line of results, a name
        of two to four words followed by a country in brackets is a competitor, whom the model
        often misses or takes for a place. Names holding an organisation word or a big city are
        teams ("Bayern Munich (Germany)") and are left alone. So is a golfer followed by his
        rounds ("132 Ian Woosnam 66 66")."""
        from newsgraph.normalise.geo import known_place

        found = []
        pos = 0
        for line in self.text.splitlines(keepends=True):
            if _RESULTS_LINE.search(line):
                for m in _COMPETITOR.finditer(line):
                    words = m.group(1).split()
                    if not (_is_country(m.group(2)) or self._names_a_place(m.group(2))):
                        continue
                    if any(
                        w.lower() in self.ref.org_words
                        or (known_place(w) or ("", 0))[1] >= _BIG_ENOUGH_FOR_A_UNIT
                        or _is_country(w)
                        for w in words
                    ):
                        continue
                    found.append((pos + m.start(1), pos + m.end(1)))
            found += [
                (pos + g.start(1), pos + g.end(1)) for g in _GOLFER.finditer(line)
                if not any(w.lower() in self.ref.org_words or _is_country(w) for w in g.group(1).split())
            ]
            pos += len(line)
        return sorted(set(found))

    def _run_on_pieces(self, start: int, end: int, label: str) -> list[tuple[int, int]]:
        """The capitalised pieces of a span cut where the model ran on ("Alexander Fang - show": "Alexander Fang")."""
        cut = _RUN_ON_OR_AT if label in ("PERSON", "GPE", "NORP") else _RUN_ON
        marks = list(cut.finditer(self.text, start, end))
        if label == "EVENT":
            # "the Spring Meetings of the IMF": the body whose meetings they are is a name of its own
            marks += [m for m in _OF_THE_INSIDE.finditer(self.text, start, end) if self._known_organisation(m.end(), end)]
            marks.sort(key=lambda m: m.start())
        commas = list(_COMMA_INSIDE.finditer(self.text, start, end))
        if commas:
            # "House of Commons, European Parliament", "Recife, Salvador": a list, where every item is a
            # place, a law or a known organisation ("Ministry of Economy, Trade and Industry" is one name)
            cuts = [start, *(x for m in commas for x in m.span()), end]
            items = list(zip(cuts[::2], cuts[1::2]))
            if all(self._kind_on_its_own(a, b) for a, b in items) or (
                # "at Grace Road, Leicestershire extended...": a ground and the place after it
                label == "FAC" and all(self._names_a_place(self.text[a:b]) for a, b in items[1:])
            ):
                marks += commas
                marks.sort(key=lambda m: m.start())
        if label == "ORG" and self.ref.alias_for(self.text[start:end]) is None:
            # "sell its mines in Queensland to Peabody Energy", "Leinster to Toulouse", "Henry to Arsenal": two
            # names either side of "to" where one is a place or the other a known organisation ("Committee to
            # Protect Journalists" is one name)
            marks += [
                m for m in _TO_INSIDE.finditer(self.text, start, end)
                if self._names_a_place(self.text[start : m.start()])
                or self._names_a_place(self.text[m.end() : end])
                or self._known_organisation(m.end(), end)
                or self.text[m.end() : end] in self.ref.listed_companies
            ]
            marks.sort(key=lambda m: m.start())
        if label == "ORG":
            # "Ferrari at Monza", "Criminal Investigation Department in Colombo": a place after "at" or "in"
            # is no part of an organisation's name (a campus is: "University of Texas at Austin")
            marks += [
                m for m in _AT_OR_IN_INSIDE.finditer(self.text, start, end)
                if self._names_a_place(self.text[m.end() : end]) and not _CAMPUS_BEFORE_AT.search(self.text, start, m.start())
            ]
            marks.sort(key=lambda m: m.start())
        cuts = [start, *(x for m in marks for x in m.span()), end]
        if len(cuts) == 2:
            return [(start, end)]
        pieces = [_trim(self.text, a, b) for a, b in zip(cuts[::2], cuts[1::2])]
        return [
            (a, b) for a, b in pieces
            if a < b and self.text[a].isupper() and self.text[a:b].lower() not in ("the", "a", "an")
        ]

    def _kind_on_its_own(self, start: int, end: int) -> str | None:
        """What ``start``..``end`` names by itself, as one item of a list the model tagged whole: a law, a
        building, a place or an organisation (a known one, or one whose last word makes it one: "European
        Parliament", "Kyoto Protocol"); None where the words name nothing by themselves."""
        from newsgraph.normalise.geo import known_facility

        name = self.text[start:end]
        last = name.split()[-1].lower() if name.split() else ""
        if last in self.ref.law_words or last in self.ref.law_name_words:
            return "LAW"
        if known_facility(name):
            return "FAC"
        if self._names_a_place(name):
            return "GPE"
        if self._known_organisation(start, end) or name in self.ref.listed_companies or last in self.ref.org_words:
            return "ORG"
        return None

    def _known_organisation(self, start: int, end: int) -> bool:
        """Whether ``start``..``end`` names an organisation of the alias file ("IMF", "World Bank")."""
        alias = self.ref.alias_for(self.text[start:end])
        return alias is not None and alias.label == "ORG"

    def _list_pieces(self, start: int, end: int) -> list[tuple[int, int]] | None:
        """"Clichy, Lupoli", "Dell, Samsung": a person's or organisation's span holding a comma and
        nothing but capitalised names on either side is a list of names; a name that lists its own
        parts keeps its commas ("Department of the Environment, Food and Rural Affairs")."""
        span = self.text[start:end]
        if ", " not in span:
            return self._two_organisations(start, end)
        pieces, pos = [], start
        for part in span.split(", "):
            words = part.split()
            if not _LIST_PIECE.fullmatch(part) or words[-1].lower().rstrip(".") in _NAME_SUFFIXES:
                return None
            pieces.append((pos, pos + len(part)))
            pos += len(part) + 2
        return pieces

    def _two_organisations(self, start: int, end: int) -> list[tuple[int, int]] | None:
        """"Alibaba Group and Tencent Holdings": two names joined by "and", each of two words or more
        ending in a word of an organisation, are two organisations ("Department of Trade and Industry",
        "Procter and Gamble" are one). So are two capitalised names one of which is a known company
        ("Vale and Embraer", "Infosys and Tata Consultancy Services")."""
        span = self.text[start:end]
        left, sep, right = span.partition(" and ")
        if not sep or " and " in right:
            return None
        pieces = [(start, start + len(left)), (end - len(right), end)]
        if span not in self.ref.listed_companies and any(p in self.ref.listed_companies for p in (left, right)):
            if all(_LIST_PIECE.fullmatch(p) for p in (left, right)):
                return pieces
        for part in (left, right):
            words = part.split()
            if len(words) < 2 or not words[0][:1].isupper() or words[-1].lower().rstrip(".") not in self.ref.org_words:
                return None
        return pieces

    def _storms(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Hurricane Melissa made landfall" (the model tagged "Melissa" a person), "Typhoon Kalmaegi", "Storm
        Ciaran" (tagged whole, a person): a named storm is an event, in place of what the model made of its words."""
        spans = [
            m.span() for m in _STORM.finditer(self.text)
            # a longer name holding the storm's is its own ("the Hurricane Katrina Relief Fund")
            if not any(c.start <= m.start() and m.end() <= c.end and c.end - c.start > m.end() - m.start() for c in cands)
        ]
        if not spans:
            return cands
        kept = [c for c in cands if not any(c.start < e and s < c.end for s, e in spans)]
        return sorted(kept + [_Candidate(s, e, "EVENT", label_fixed=True) for s, e in spans], key=lambda c: (c.start, c.end))

    def _dateline(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"ISLAMABAD:" or "NEW YORK (Reuters) -" at the start of one of the article's first lines
        (under a slug or headline: "RIGA 1996-08-31") names a place."""
        m = _dateline_match(self.text)
        if m is None:
            return cands
        places = [
            _Candidate(m.start(g), m.end(g), "GPE", canonical=canonical_spelling(m.group(g).title()))
            for g in (1, 2)
            if m.group(g) and (g == 1 or self._names_a_place(m.group(g).title()))
        ]
        # "LONDON, Oct 2 (Reuters)": the date after the place is nobody's name ("Oct" tagged a person)
        date_part = (m.end(2) if m.group(2) else m.end(1), m.end())
        cands = [
            c for c in cands
            if not (
                date_part[0] <= c.start
                and c.end <= date_part[1]
                and self.text[c.start : c.end].split()[0].rstrip(".").lower() in MONTHS
            )
        ]
        source = _DATELINE_SOURCE.match(self.text, m.end()) if m.group(0).endswith("(") else None
        if source is not None:
            # "ISLAMABAD (Dawn) -", "(Reuters/AFP)": the agencies or papers the story comes from
            places += [
                _Candidate(source.start(1) + w.start(), source.start(1) + w.end(), "ORG", label_fixed=True)
                for w in _SOURCE_NAME.finditer(source.group(1))
            ]
        rest = [c for c in cands if not any(c.start < p.end and p.start < c.end for p in places)]
        self.dateline_spans.update((p.start, p.end) for p in places if p.label == "GPE")
        return sorted(places + rest, key=lambda c: (c.start, c.end))

    def _named_facilities(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Tianjin Port", "Port Qasim": a capitalised name joined to a facility word."""
        out = []
        for m in _facility_pattern(self.ref.facility_words).finditer(self.text):
            start, end = m.span()
            if (m.group(1) or m.group(2)).split()[0] in _NOT_NAMES:
                continue
            overlapping = [c for c in cands if c.start < end and start < c.end]
            # a place or name wholly inside the facility's name gives way ("Port of [Vancouver]")
            if any(
                c.start < start or c.end > end or c.label not in ("GPE", "LOC", "ORG", "PERSON")
                or (c.start, c.end) in self.side_spans
                for c in overlapping
            ):
                continue
            for c in overlapping:
                cands.remove(c)
            out.append(_Candidate(start, end, "FAC"))
        return out

    def _split_roles(self, cands: list[_Candidate]) -> list[_Candidate]:
        person_keys = {
            w for c in cands if c.label == "PERSON" for w in name_key(self.text[c.start : c.end]).split()
        }
        surnames = Counter(
            self.text[c.start : c.end].split()[-1] for c in cands
            if c.label == "PERSON" and len(self.text[c.start : c.end].split()) >= 2
        )
        out = []
        for c in cands:
            first = re.match(r"([A-Z][\w\-]+) +", self.text[c.start : c.end])
            if (
                c.label == "PERSON"
                and first is not None
                and name_key(first.group(1)) in self.ref.demonyms
                and _role_prefix(self.text, c.start + first.end(), c.end, self.ref) is not None
            ):
                # "Belgian King Philippe": the nationality, then a title and the person
                out.append(_Candidate(c.start, c.start + first.end(1), "NORP"))
                c = replace(c, start=c.start + first.end())
            elif (
                c.label == "PERSON"
                and first is not None
                and self._nationality_before_a_name(first.group(1), c.start + first.end(), c.end, surnames)
            ):
                # "Spaniard Conchita Martinez", "Kenyan Bernard Lagat", "Tory Edward Turnour": the
                # nationality or party, then the person
                out.append(_Candidate(c.start, c.start + first.end(1), "NORP"))
                c = replace(c, start=c.start + first.end())
            prefix = _role_prefix(self.text, c.start, c.end, self.ref)
            if prefix is not None:
                rest_start, rest_end = _trim(self.text, prefix[1], c.end)
                rest = self.text[rest_start:rest_end]
                rest_words = name_key(rest).split()
                title = self.text[prefix[0] : prefix[1]].rstrip(".").lower()
                honorific = (
                    (
                        title in _HONORIFICS
                        # "Britain's Prince Charles" tagged a place (not the town of Prince George)
                        or (
                            title in _ROYAL_TITLES
                            and c.label in ("GPE", "ORG", "NORP")
                            and is_given_name(rest.split()[0])
                            # "the Prince Edward Theatre": no other common word in a person's name
                            and not any(
                                w[:1].isupper() and is_common_word(w) and not is_given_name(w) for w in rest.split()[1:]
                            )
                            and not self._names_a_place(self.text[prefix[0] : rest_end])
                        )
                    )
                    and not re.search(r"['\u2019]s\b", rest)  # "Mr Brown's International Finance Facility"
                    and len(rest.split()) <= 4
                )
                # "Mr Ebbers" tagged ORG is a person: an honorific comes only before a person's name; so is
                # "Taoiseach Micheal Martin", a title before a given name or a family name and nothing else
                if (
                    c.label == "PERSON"
                    or honorific
                    or (rest_words and all(w in person_keys for w in rest_words))
                    or (c.label in ("ORG", "GPE", "NORP", "WORK_OF_ART") and self._a_titled_name(rest))
                    # "Field Marshal Asim Munir" tagged whole as an organisation: a title before two or three
                    # words that name nothing else
                    or (
                        c.label in ("ORG", "GPE", "NORP")
                        and 2 <= len(rest.split()) <= 3
                        and all(_FULL_NAME_WORD.fullmatch(w) for w in rest.split())
                        and self._uncommon_name(rest)
                    )
                ):
                    c = replace(c, start=rest_start, end=rest_end, label="PERSON", role_span=prefix)
            if c.label == "PERSON":
                before = _role_before(self.text, c.role_span[0] if c.role_span else c.start, self.ref)
                whole = self.ref.alias_for(self.text[before[0] : c.end]) if before is not None and not c.role_span else None
                if whole is not None and whole.label == "PERSON":
                    # "Sheikh Hasina": the alias file knows the title as part of the name
                    c = replace(c, start=before[0])
                    before = _role_before(self.text, c.start, self.ref)
                if before is not None:
                    c = replace(c, role_span=(before[0], c.role_span[1] if c.role_span else before[1]))
            if c.role_span:
                c = replace(c, role=canonical_spelling(self.text[c.role_span[0] : c.role_span[1]]))
            out.append(c)
        # "Det Ch Insp" tagged alone before an untagged "Sarah Mills": the person, with the title as her role
        starts = {c.start for c in out}
        for i, c in enumerate(out):
            title_end = c.end
            if c.label == "ORG":
                # "National Security" + "Adviser" + "Ajit Doval": the words of a role the model tagged in part
                longer = _role_prefix(self.text, c.start, min(len(self.text), c.end + 30), self.ref)
                if longer is not None and longer[0] == c.start and longer[1] > c.end:
                    title_end = longer[1]
            name = _GIVEN_AND_FAMILY.match(self.text, title_end + 1) if self.text[title_end : title_end + 1] == " " else None
            if (
                name is not None
                and name.start() not in starts
                and (i + 1 == len(out) or out[i + 1].start >= name.end())
                and _only_titles(role_words(self.text[c.start : title_end]), self.ref)
                # "army chief Field Marshal" + "Asim Munir": a name no list of given names knows will do
                and (is_given_name(name.group(0).split()[0]) or self._uncommon_name(name.group(0)))
            ):
                role = canonical_spelling(self.text[c.start : title_end])
                out[i] = _Candidate(name.start(), name.end(), "PERSON", role=role, role_span=(c.start, title_end))
        # "U.S. Treasury" + "Secretary Scott Bessent" (the role "Treasury Secretary"): the country before it
        for i, c in enumerate(out[:-1]):
            span = out[i + 1].role_span if out[i + 1].label == "PERSON" else None
            if span is not None and c.start < span[0] < c.end <= span[1]:
                country = self.text[c.start : span[0]].rstrip()
                if _is_country(country):
                    out[i] = _Candidate(c.start, c.start + len(country), "GPE")
        # "Emir Sheikh" + "Tamim bin Hamad Al Thani", "Smt." + "Nirmala Sitharaman": a title the model
        # tagged apart, right before the person it belongs to, is no name; nor is a piece of the person's
        # title ("Det" of "Det Supt" + "Mark Swift")
        return [
            c for i, c in enumerate(out)
            if not (
                i + 1 < len(out)
                and out[i + 1].label == "PERSON"
                and (
                    (
                        self.text[c.end : out[i + 1].start] in (" ", ". ")
                        and _only_titles(role_words(self.text[c.start : c.end]), self.ref)
                    )
                    or (
                        (span := out[i + 1].role_span) is not None
                        and span[0] <= c.start
                        and c.end <= span[1]
                    )
                )
            )
        ]

    @staticmethod
    def _tagged_alone(text: str, cands: list[_Candidate]) -> dict[str, str]:
        """Names the model tagged as groups, organisations or places, and their labels; the model's "Lib
        Dems" person too (no given name first, so no person's name)."""
        alone = {}
        for c in cands:
            words = text[c.start : c.end].split()
            if c.label in ("NORP", "ORG", "GPE") or (c.label == "PERSON" and len(words) > 1 and not is_given_name(words[0])):
                alone[" ".join(words)] = c.label
        return alone

    def _names_joined_by_and(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Real Madrid and Real Sociedad will play" tagged one organisation: names joined by "and" of which
        the article tags one on its own elsewhere ("Real Madrid director of sport") are two; not a place's
        name ("Bosnia and Herzegovina")."""
        alone = self._tagged_alone(self.text, cands)
        out: list[_Candidate] = []
        for c in sorted(cands, key=lambda c: c.start):
            m = _TWO_NAMES_AND.fullmatch(self.text, c.start, c.end)
            if (
                m is None
                or c.label not in ("ORG", "GPE", "PERSON")
                or c.label_fixed
                or self._names_a_place(self.text[c.start : c.end])
                or not (m.group(1) in alone or m.group(2) in alone)
            ):
                out.append(c)
                continue
            out += [
                _Candidate(*m.span(1), alone.get(m.group(1), c.label)),
                _Candidate(*m.span(2), alone.get(m.group(2), c.label)),
            ]
        return out

    def _names_run_into_people(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"For the Lib Dems David Laws said" tagged one organisation: a name the article tags on its own
        elsewhere ("the Lib Dems"), run into a given name and a surname, is that name and a person."""
        alone = self._tagged_alone(self.text, cands)
        out = []
        for c in cands:
            m = _NAME_THEN_PERSON.fullmatch(self.text, c.start, c.end)
            if (
                m is not None
                and c.label in ("ORG", "NORP", "GPE", "PERSON")
                and not c.label_fixed
                and alone.get(m.group(1)) is not None
                and is_given_name(m.group(3))
                and not is_given_name(m.group(2).split()[-1])
            ):
                out += [
                    _Candidate(c.start, m.end(1), alone[m.group(1)]),
                    _Candidate(m.start(2), c.end, "PERSON"),
                ]
            else:
                out.append(c)
        return out

    def _nationality_before_a_name(self, word: str, start: int, end: int, surnames: Counter[str]) -> bool:
        """Whether ``word`` is a people's name ("Kenyan", "Spaniard", "Welshman", "Tory") written before the
        name of a person (``start``..``end``): a given name and more, or a surname of the article's
        ``surnames`` ("Russian Korzhanenko" beside "Irina Korzhanenko"); not a given name before a surname
        ("Christian Slater"), nor a regiment ("Scottish Borderers")."""
        rest = self.text[start:end].split()
        if not rest or not all(_FULL_NAME_WORD.fullmatch(w) or re.fullmatch(r"[A-Z]\.?", w) for w in rest):
            return False
        if len(rest) == 1 and surnames[rest[0]] < 2:  # (the name itself is one)
            return False
        return self._names_a_people(word) and (not is_given_name(word) or is_given_name(rest[0]))

    def _facility(self, c: _Candidate) -> _Candidate:
        from newsgraph.normalise.geo import known_facility

        if (c.start, c.end) in self.side_spans:
            return c
        words = self.text[c.start : c.end].split()
        if c.label == "PERSON" and known_facility(self.text[c.start : c.end]):
            return replace(c, label="FAC")  # "will leave Anfield": a stadium the place file lists is no person
        if len(words) < 2:
            return c
        if (
            c.label in {"GPE", "LOC", "ORG", "FAC", "PERSON"}
            and (words[0].lower() in self.ref.facility_words or words[-1].lower() in self.ref.facility_words)
            # "Harbour Asset Management", "Port Authority": a body named after a facility
            and (words[-1].lower() in self.ref.facility_words or words[-1].lower() not in self.ref.org_words)
        ) or (c.label in ("EVENT", "WORK_OF_ART") and words[-1].lower() in self.ref.facility_words):  # "the Millennium Stadium"
            return replace(c, label="FAC")
        if (
            c.label in ("PRODUCT", "LAW")
            and words[0].lower() in self.ref.facility_words
            and words[-1].lower().rstrip(".,") not in self.ref.law_words
        ):
            return replace(c, label="FAC")  # "the Estadio Azteca" tagged a product (not "the Canal Act")
        lowered = [w.lower() for w in words]
        if (
            c.label == "FAC"
            and len(words) <= 5
            and words[0] not in _NOT_GIVEN_NAMES
            # a given name first, or a long name with particles and a family name ("Luiz Inácio Lula da Silva")
            and (
                is_given_name(words[0])
                or (len(words) >= 4 and any(w in _PARTICLE_WORDS for w in words) and words[-1] in surnames())
            )
            and all(_FULL_NAME_WORD.fullmatch(w) or w in _PARTICLE_WORDS for w in words)
            and not any(w in self.ref.facility_words or w in self.ref.org_words or w in _THING_WORDS for w in lowered)
            and not known_facility(self.text[c.start : c.end])
            and not any(self._names_a_place(w) for w in words)
            and not _PLACE_PREPOSITION_BEFORE.search(self.text, max(0, c.start - 8), c.start)  # "at Roland Garros"
        ):
            return replace(c, label="PERSON")  # "Luiz Inácio Lula da Silva", "Tirunesh Dibaba" tagged buildings
        return c

    def _extend_ports(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Tianjin" + " Port" where spaCy stopped at the city: the facility is the whole name; so too "St.
        Peter's" + " Basilica" (a place's name no sizeable place has, and its own, before a facility's last word;
        not "AC/DC's Highway to Hell")."""
        out = []
        for c in cands:
            if c.label in {"GPE", "LOC", "ORG"}:
                m = _FACILITY_WORD_AFTER.match(self.text, c.end)
                if m and m.group(2).lower() in self.ref.facility_words and (
                    not m.group(1)
                    or (
                        c.label in ("GPE", "LOC")
                        and not _CAPITALISED_WORD_AFTER.match(self.text, m.end())
                        and not self._names_a_sizeable_place(self.text[c.start : c.end])
                    )
                ):
                    c = replace(c, end=m.end(), label="FAC")
            out.append(c)
        return out

    def _teams_cut_short(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"the Los Angeles" + " Lakers" where the model stopped at the city: the team is the place and the
        untagged capitalised plural after it (see :meth:`_place_and_plural`); so is a town and the untagged
        last word of a club's name ("Villa", "Forest", "United") where a result or a team's word is near
        ("beat Aston" + " Villa 2-0")."""
        starts = {c.start for c in cands}
        out = []
        for c in cands:
            m = _PLURAL_AFTER.match(self.text, c.end) if c.label in ("GPE", "ORG") else None
            if m is not None and m.start(1) not in starts and not _CAPITALISED_WORD_AFTER.match(self.text, m.end()):
                team = replace(c, end=m.end(), label="ORG")
                if self._place_and_plural(team):
                    c = team
            club = _WORD_AFTER_A_SPACE.match(self.text, c.end) if c.label in ("GPE", "ORG", "PERSON") and not c.label_fixed else None
            if (
                club is not None
                and club.group(1).lower() in _CLUB_LAST_WORDS
                and club.start(1) not in starts
                and not _CAPITALISED_WORD_AFTER.match(self.text, club.end())
                and (
                    _TEAM_CUE_BEFORE.search(self.text, max(0, c.start - 30), c.start)
                    or _TEAM_CUE_AFTER.match(self.text, club.end())
                    or _SCORE_AFTER.match(self.text, club.end())
                )
            ):
                # "beat Aston" + " Villa 2-0": a town and a club's last word the model left out, as a side
                c = replace(c, end=club.end(), label="ORG")
            out.append(c)
        return out

    @property
    def _title_ends(self) -> frozenset[str]:
        """The last words of the titles ("leader", "chairman", "spokeswoman"), less those that also say what
        an organisation is ("the fund manager", "the state oil producer", "the public broadcaster")."""
        return frozenset(r[-1] for r in self.ref.roles) - _ORGANISATION_DESCRIPTORS

    def _described_by_a_title(self, c: _Candidate, name: str) -> bool:
        """"Kemi Badenoch, the Conservative leader,", "Hani Mahmoud, a spokesman for the ministry,": a name of two
        or three uncommon capitalised words, no place, people or known organisation, set off by an apposition
        that ends in a person's title is a person."""
        m = _TITLE_APPOSITION.match(self.text, c.end)
        words = name.split()
        if m is None or m.group("title").lower() not in self._title_ends or not 2 <= len(words) <= 3:
            return False
        return bool(_PERSON_SHAPED.fullmatch(name)) and not (
            c.role_span is not None
            or self._names_a_place(name)
            or self.ref.alias_for(name) is not None
            or any(self._names_no_one(w) or is_common_word(w) or _is_country(w) for w in words)
        )

    def _places_cut_short(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Andhra" + " Pradesh", "Abu" + " Dhabi" where the model stopped short: a name that is no
        country, province or big town alone, and with the one or two capitalised words after it is one,
        is that place ("New York" + " City" stays: New York is a place alone)."""
        out: list[_Candidate] = []
        absorbed: list[tuple[int, int]] = []
        for c in cands:
            rest = _CAPITALISED_WORDS_AFTER.match(self.text, c.end) if c.label in _CUT_SHORT_LABELS else None
            if rest is not None and not self._names_a_sizeable_place(self.text[c.start : c.end]):
                words = list(_CAPITALISED_WORD.finditer(self.text, rest.start(), rest.end()))
                for w in reversed(words):
                    inside = [(o.start, o.end) for o in cands if c.end <= o.start < w.end()]
                    if (
                        self._names_a_sizeable_place(self.text[c.start : w.end()])
                        and all(e <= w.end() for _, e in inside)
                        and not any(s < w.end() and c.end < e for s, e in self.excluded)
                    ):
                        c = replace(c, end=w.end(), label="GPE", canonical=None)
                        absorbed += inside
                        break
            out.append(c)
        return [c for c in out if (c.start, c.end) not in absorbed]

    def _known_label(self, c: _Candidate) -> _Candidate:
        """Correct spaCy's label where the name itself settles it.

        A country's name is a GPE ("Sri Lanka" at the start of a sentence is not a
        person); a name ending in an organisation word ("Habib Bank", "Hanseong
        Semiconductor") is an ORG, not a person or a place.
        """
        if c.label_fixed:
            return c
        name = self.text[c.start : c.end]
        if c.label in _RELABEL_AS_PLACE and c.label != "GPE" and name not in self._person_words and _is_country(name):
            return replace(c, label="GPE")
        if (
            c.label == "ORG"
            and _PLACE_KIND_AFTER.match(self.text, c.end)
            and _is_place_name(name)
            and name not in self.ref.listed_companies
            and self.ref.alias_for(name) is None
        ):
            return replace(c, label="GPE")  # "Russia's Novorossiysk port": the town, not a company
        if c.label in ("PERSON", "ORG", "GPE", "PRODUCT") and name in ("Moon", "Earth") and _THE_BEFORE.search(
            self.text, max(0, c.start - 5), c.start
        ):
            return replace(c, label="LOC")  # "around the Moon": no Mr Moon
        if (
            c.label in ("ORG", "PERSON", "GPE")
            and name.isupper()
            and len(name) <= 5
            and (number := _MODEL_NUMBER_BEFORE.search(self.text, max(0, c.start - 6), c.start))
            # a model's suffix, not an acronym ("250 IBM shares", "100 BBC points" are counts)
            and name in _MODEL_SUFFIXES
        ):
            return replace(c, start=number.start(), label="PRODUCT")  # "its 737 MAX models": the aircraft
        if c.label in ("ORG", "GPE", "LOC", "PERSON", "FAC", "WORK_OF_ART") and _SHIP_NAME.match(name):
            return replace(c, label="PRODUCT")  # "the aircraft carrier USS Gerald R. Ford": a vessel
        if c.label in ("ORG", "NORP", "GPE", "LOC", "PERSON", "FAC", "WORK_OF_ART") and _I_PRODUCT.fullmatch(name):
            return replace(c, label="PRODUCT")  # "iPod", "iTunes", "iPhone 16": a product line's name
        if (
            c.label in ("PERSON", "GPE", "LOC", "NORP", "ORG", "FAC")
            and _PRODUCT_NAME.fullmatch(name)
            and _OWN_BEFORE.search(self.text, max(0, c.start - 8), c.start)
            and _PRODUCT_NOUN_AFTER.match(self.text, c.end)
            and name not in self.ref.listed_companies
            and not self._names_a_place(name)
        ):
            return replace(c, label="PRODUCT")  # "its H20 chip", "Novo's Wegovy jab": the owner's product
        if (
            c.label in ("ORG", "PERSON", "GPE", "LOC")
            and name.endswith(" Park")
            and (
                (owner := name[: -len(" Park")]) in self.ref.listed_companies
                or ((alias := self.ref.alias_for(owner)) is not None and alias.label == "ORG")
            )
        ):
            return replace(c, label="FAC")  # "Deutsche Bank Park": a ground named after its sponsor
        if c.label == "LANGUAGE" and self._people_not_language(c):
            return replace(c, label="NORP")
        if c.label in ("GPE", "NORP") and _DIGIT_IN_WORD.search(name) and not self._names_a_place(name):
            return replace(c, label="ORG")  # "KSE-100", "U2", "ITV1": no country, city or people has a number
        if c.label == "PERSON" and c.role_span is None and _CAPITALS_ONLY.fullmatch(name) and self._in_running_text(c.start):
            return replace(c, label="ORG")  # "BAA has said", "MI6", "O2": a person's name is not written in capitals
        if c.label in ("GPE", "LOC", "ORG", "NORP", "PRODUCT", "WORK_OF_ART") and self._described_by_a_title(c, name):
            return replace(c, label="PERSON")  # "Kemi Badenoch, the Conservative leader," tagged a place
        if (
            c.label == "PERSON"
            and " " not in name
            and _ONE_OF_A_PEOPLE_BEFORE.search(self.text, max(0, c.start - 12), c.start)
            and self._names_a_people(name)
        ):
            return replace(c, label="NORP")  # "the Scot", "a Spaniard", "fellow Swede": one of a people
        if (
            c.label in ("GPE", "LOC", "PERSON")
            and _PARTY_AFTER.match(self.text, c.end)
            and _RULING_BEFORE.search(self.text, max(0, c.start - 16), c.start)
        ):
            return replace(c, label="ORG")  # "the ruling Morena party", whatever town shares its name
        if (
            c.label in ("GPE", "LOC", "ORG", "PERSON", "NORP", "PRODUCT")
            and name in _language_names()
            and not _is_country(name)
            and (
                # "in Urdu", "learning Hindi"; not "in Japanese markets"
                (
                    name_key(name) not in self.ref.demonyms  # not "in Japanese markets", "French and English clubs"
                    and (
                        _LANGUAGE_CUE_BEFORE.search(self.text, max(0, c.start - 24), c.start)
                        or _LANGUAGE_CUE_AFTER.match(self.text, c.end)
                    )
                )
                or _LANGUAGE_WORD_AFTER.match(self.text, c.end)  # "the French language", "French-speaking"
            )
        ):
            # "learning Hindi", "in Urdu and English", "Swahili-speaking": the language
            return replace(c, label="LANGUAGE")
        words = name.split()
        unyeared = _YEAR_AFTER_A_WORD.sub("", name).split()  # "Data Protection Act 2018"
        if (
            len(unyeared) >= 2
            and unyeared[-1][:1].isupper()
            and unyeared[-1].lower() in self.ref.law_words
            and c.label in _RELABEL_AS_LAW
            and not (c.label == "PERSON" and is_given_name(unyeared[-1]))  # "Buffalo Bill"
        ):
            return replace(c, label="LAW")  # "Paris Agreement" as an event, "Maastricht Treaty" as an organisation
        if c.label in ("GPE", "LOC", "ORG", "PERSON", "NORP") and self._is_area(name):
            return replace(c, label="LOC")
        if (
            c.label in ("ORG", "FAC", "PERSON", "PRODUCT")
            and len(words) >= 2
            and (
                (words[-1].lower() in self.ref.loc_words and words[-1][:1].isupper())
                or (words[0].lower() in self.ref.loc_words and words[1] == "of")
            )
            and not (c.label == "PERSON" and is_given_name(words[0]))  # "Mike Lake"
            and not self._names_a_place(name)  # "Rhode Island", "Ivory Coast"
        ):
            return replace(c, label="LOC")  # "Scarborough Shoal" as a facility, "Strait of Hormuz" as a company
        if c.label == "NORP" and self._no_people(name):
            return replace(c, label="ORG")  # "Coldplay", "Euronext", "Symantec": a name, not a people
        if (
            (c.label == "PERSON" or (c.label == "ORG" and not name.isupper() and self.ref.alias_for(name) is None))
            and " " not in name
            and (_WATER_BEFORE.search(self.text, max(0, c.start - 30), c.start) or _WATER_AFTER.match(self.text, c.end))
            and name not in self._person_words
        ):
            return replace(c, label="LOC")  # "along the Danube", "the Zambezi valley": a river, a sea
        if c.label != "GPE" and name not in self._person_words and self._is_known_place(c, name):
            return replace(c, label="GPE")
        if (
            c.label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP")
            and _INITIAL_AND_SURNAME.fullmatch(name)
            and name.split()[-1].lower() not in self.ref.org_words
            and self.ref.alias_for(name) is None
        ):
            # "L Moody (Leicester)", "G Jenkins" in a team sheet: an initial and a surname are a person
            return replace(c, label="PERSON")
        if (
            c.label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP")
            and (
                _AGE_AFTER.match(self.text, c.end)
                # a company says "it"; one name alone may be a company's ("Nvidia said he had resigned")
                # ("Downing Street said he", "The Sunday Times said she": English words name no one)
                or (
                    _SAID_HE_AFTER.match(self.text, c.end)
                    and len(words) >= 2
                    and not any(is_common_word(w) for w in words)
                    and name not in self.ref.listed_companies
                )
            )
            and _PERSON_SHAPED.fullmatch(name)
            and not any(w.lower() in self.ref.org_words or w.lower() in self.ref.facility_words for w in name.split())
            and self.ref.alias_for(name) is None
            and not self._names_a_place(name)
            and not any(self._names_a_big_place(w) for w in name.split())  # "Bayern Munich, 3,"
        ):
            # "Olaf Scholz, 65, said", "Novak Djokovic said he would play": a person
            return replace(c, label="PERSON")
        if c.label in ("GPE", "LOC") and _ACRONYM.fullmatch(name) and not self._names_a_place(name):
            # "BT", "GM", "EMI" tagged as places: an acronym that names no country or place is an organisation
            return replace(c, label="ORG")
        if (
            c.label in ("GPE", "LOC")
            and len(words := name.split()) >= 2
            and any(_ACRONYM.fullmatch(w) for w in words)
            and (rest := " ".join(w for w in words if not _ACRONYM.fullmatch(w)))
            and not self._names_a_place(name)
            and not self._names_a_place(rest)
            and not _is_country(rest)
            and not self._is_area(rest)
        ):
            # "Emirates NBD", "Nordic SEB" tagged as places: a name with an acronym in it that is no
            # place once the acronym is left out ("Washington DC" stays) is an organisation
            return replace(c, label="ORG")
        if c.label in ("GPE", "ORG", "LOC", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC") and name_key(name) in self.ref.demonyms:
            return replace(c, label="NORP")  # also "The Welsh scrum" tagged a work
        if (
            c.label in ("GPE", "ORG", "LOC", "PERSON", "PRODUCT")
            and (member := _MEMBER_OF_PEOPLE.fullmatch(name))
            and name_key(member.group(1)) in self.ref.demonyms
            # "The Scotsman", "Scotsman journalist": the newspaper
            and not (c.label == "ORG" and (self.text[max(0, c.start - 4) : c.start] == "The " or _PRESS_AFTER.match(self.text, c.end)))
        ):
            return replace(c, label="NORP")  # "Welshman", "Frenchwoman", "Scotsman" tagged as people
        if (
            (
                c.label in ("PERSON", "PRODUCT", "GPE", "LOC", "WORK_OF_ART")
                or (c.label == "NORP" and name_key(name) not in self.ref.demonyms)
            )
            and c.role_span is None
            and (
                self._called_an_organisation_before(c.start)
                or _ORG_APPOSITION.match(self.text, c.end)
                # "São Paulo-based Nubank" (not "London-based Ann Smith")
                or (
                    _BASED_BEFORE.search(self.text, max(0, c.start - 8), c.start)
                    and c.label != "PERSON"
                    and not is_given_name(name.split()[0])  # "US-based Alistair Cragg"
                )
            )
            # "miners Rio Tinto" though a town is called so; a place tagged so stays ("group Africa")
            and (c.label not in ("GPE", "LOC") or not self._names_a_place(name))
        ):
            # "security firm Sophos", "band Franz Ferdinand", "Metrolinx, the provincial transit agency,",
            # "Oxfam, the charity,": what the article calls a firm, a band or a charity
            return replace(c, label="ORG")
        if (
            c.label in ("PERSON", "WORK_OF_ART", "PRODUCT", "GPE", "LOC")
            and _THE_BEFORE.search(self.text, max(0, c.start - 5), c.start)
            and _PRESS_AFTER.match(self.text, c.end)
            and name not in self._person_words
            and not self._names_a_place(name)
        ):
            return replace(c, label="ORG")  # "the Herald newspaper", "the Smoking Gun website"
        if c.label in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART") and _PLACE_NOUN_OF.search(
            self.text, max(0, c.start - 60), c.start
        ):
            return replace(c, label="GPE")
        role = (
            _role_before(self.text, c.start, self.ref)
            if (
                c.label in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART")
                and len(name.split()) >= 2
                and all(w[:1].isupper() for w in name.split())
                and name.split()[-1].lower().strip(".,") not in self.ref.org_words
            )
            or (
                c.label in ("GPE", "LOC", "NORP", "PRODUCT", "WORK_OF_ART")
                and _ONE_NAME.fullmatch(name)
                and not self._names_a_place(name)
                and name_key(name) not in self.ref.demonyms
            )
            else None
        )
        if role is not None:
            # "Governor Shaktikanta Das", "President Thabo Nkosi", "goalkeeper Dida" (a name no
            # gazetteer knows as a place): a title makes a person
            return replace(c, label="PERSON", role_span=role, role=canonical_spelling(self.text[role[0] : role[1]]))
        if (
            c.label == "GPE"
            and not self._names_a_place(name)
            and (
                _ORG_CUE_AFTER.match(self.text, c.end)
                or _HOLDING_IN.search(self.text, max(0, c.start - 24), c.start)
                or _BACKED_BY_BEFORE.search(self.text, max(0, c.start - 24), c.start)
            )
        ):
            # "Shares of Nvidia rose", "Nvidia shares", "a round led by Iconiq": a "place" no gazetteer knows,
            # traded or investing, is a company
            return replace(c, label="ORG")
        if c.label == "FAC" and self._place_and_plural(c):
            return replace(c, label="ORG")  # "the San Francisco 49ers" as a building: a team
        if c.label in ("PERSON", "GPE", "NORP", "LOC") and _CAMEL_CASE.fullmatch(name) and not self._names_a_place(name):
            # "QatarEnergy", "SoftBank", "BlackRock": a word with a capital inside is a brand, not a
            # person or a place ("McCarthy", "DiCaprio", "LeBron" are people)
            return replace(c, label="ORG")
        if c.label == "PERSON" and c.role_span is None and " " not in name and not is_given_name(name):
            if _SAID_IT_AFTER.match(self.text, c.end) and name not in self._person_words:
                return replace(c, label="ORG")  # "Petrobras said it would spend": a person says "he" or "she"
            if (
                name.endswith("s")
                and _THE_BEFORE.search(self.text, max(0, c.start - 5), c.start)
                and name_key(name) not in self.ref.demonyms
                and not self._names_a_place(name)
                and not self._is_area(name)
                and not self._describes_a_noun_after(c)  # "the Atkins diet", "the Dickens character"
            ):
                return replace(c, label="ORG")  # "The Springboks beat New Zealand": no one person is "the Xs"
        if (
            c.label in ("ORG", "GPE", "PERSON", "FAC", "LOC", "PRODUCT", "EVENT")
            and _WORK_KIND_BEFORE.search(self.text, max(0, c.start - 20), c.start)
            and not _is_country(name)
            and not self._names_a_place(name)
            and name not in self._person_words
        ):
            # "road trip comedy Sideways", "abortion drama Vera Drake", "movie The Aviator"
            return replace(c, label="WORK_OF_ART", label_fixed=True)
        if (
            c.label in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC")
            and _ONE_NAME.fullmatch(name)
            and _QUOTE_SAID_BEFORE.search(self.text, max(0, c.start - 12), c.start)
            and self.text[c.end : c.end + 1] in (".", ",")
            and name not in _company_first_words(self.ref.listed_companies)
            and self.ref.alias_for(name) is None
            and not self._names_a_place(name)
            and name_key(name) not in self.ref.demonyms
        ):
            return replace(c, label="PERSON")  # '"... at heart," said Ferdinand.': the one quoted
        if (
            c.label in ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "NORP")
            and (_BEARING_AFTER.match(self.text, c.end) or _BEARING_BEFORE.search(self.text, max(0, c.start - 20), c.start))
            and name not in self._person_words
            and name not in self.ref.listed_companies
            and self.ref.alias_for(name) is None
        ):
            return replace(c, label="GPE")  # "data centres at Sines, south of Lisbon", "west of El Fasher": a place
        if (
            c.label == "PERSON"
            and " " not in name
            and name not in self._person_words
            and c.role_span is None
            and _role_before(self.text, c.start, self.ref) is None
        ):
            # "southern Asia", "a Devon man", "Yorkshire and the Humber": a continent, a county or a region
            # named alone is no person (a town's name is often a surname too: "Bush", "Howard")
            from newsgraph.normalise.geo import is_area, known_place

            if is_area(name):
                return replace(c, label="LOC")
            if (known_place(name) or ("", 1))[0] == "region":
                return replace(c, label="GPE")
        if c.label == "GPE" and " " not in name and name not in self._person_words and not self._names_a_place(name):
            owner = _OWNER_BEFORE.search(self.text, max(0, c.start - 40), c.start)
            if owner is not None and _is_country(owner.group(1)):
                return replace(c, label="ORG")  # "Singapore's Temasek": a country's "place" no gazetteer knows
        if (
            c.label == "PERSON"
            and c.role_span is None
            and _WHICH_AFTER.match(self.text, c.end)
            and not is_given_name(name.split()[0])
            and not self._names_a_place(name)
        ):
            # "Sinopec, which plans to build": no person is a "which"; "Miyazaki's Spirited Away, which",
            # "the track Mosh, which": a work
            before = self.text[max(0, c.start - 16) : c.start]
            work = _WORK_NOUN_BEFORE.search(before) or _OWNED_BY_BEFORE.search(before)
            return replace(c, label="WORK_OF_ART" if work else "ORG")
        if (
            c.label in ("PERSON", "GPE", "LOC", "NORP", "ORG")
            and _ONE_NAME.fullmatch(name)
            and _PRODUCT_NOUN_BEFORE.search(self.text, max(0, c.start - 14), c.start)
            and not self._names_a_place(name)
        ):
            return replace(c, label="PRODUCT")  # "weight-loss drug Zepbound", "the smartphone Pixel"
        if c.label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP") and self._given_name_and_surname(c, name):
            # "Keanu Reeves", "Nadia Petrova", "Gregory Lamboley" tagged as organisations: a person
            return replace(c, label="PERSON")
        if (
            c.label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP")
            and is_chinese_name(name)
            and not self._names_a_place(name)
            and self.ref.alias_for(name) is None
            and name not in self.ref.listed_companies
            and not _ORG_CUE_AFTER.match(self.text, c.end)
        ):
            return replace(c, label="PERSON")  # "China's Xi Jinping" tagged an organisation
        last = name.split()[-1].lower().strip(".,") if name.split() else ""
        if len(name.split()) >= 2 and last in self.ref.event_words and c.label in _RELABEL_AS_EVENT:
            # "Davis Cup" as a facility, "French Open" as a place, "Brit Awards" as a person: events
            return replace(c, label="EVENT")
        if (
            c.label in ("GPE", "LOC", "PERSON", "FAC")
            and len(name.split()) >= 2
            and last in ("city", "town")
            and not self._names_a_place(name)
            and _is_town(" ".join(name.split()[:-1]))
        ):
            # "Manchester City", "Ipswich Town": a town's name and "City" or "Town" that together name
            # no place ("Mexico City", "Cape Town" do) are its football club
            return replace(c, label="ORG")
        if len(name.split()) >= 2 and last in self.ref.org_words:
            if c.label in _RELABEL_AS_ORG:
                return replace(c, label="ORG")
            # "Manchester United", "Kent County Council" as GPE, "Sun Pharma" as LOC, "Berkshire Hathaway Inc"
            # and "the Jane Goodall Institute" as facilities; the model's places that are states stay ("Soviet
            # Union", "Russian Federation"), and so do banks of rivers and seas ("West Bank")
            if (
                (
                    c.label == "GPE"
                    or (c.label == "LOC" and last != "bank")
                    or (
                        c.label == "FAC"
                        and last != "bank"
                        and not any(w.lower() in self.ref.facility_words for w in name.split())
                    )
                )
                and last not in _STATE_WORDS
                and not _is_country(name)
                and not _is_place_name(name)
            ):
                return replace(c, label="ORG")
        return c

    def _common_word_taken_for_a_name(self, c: _Candidate) -> bool:
        """"Broadband" tagged a place, "Children" or "Weather" a person, "Tsunami" a place in an article that
        also writes the word in lower case: a common English word capitalised at a sentence's start or in
        a headline, not a name. Organisations and laws keep theirs ("Sky", "Orange", "Amazon",
        "Constitution"), as do places the gazetteer knows, demonyms, languages, given names, words of the
        article's people ("Jobs" beside "Steve Jobs") and names in a list ("Andrews, Ball, Buffel")."""
        name = self.text[c.start : c.end]
        if (
            c.label == "ORG"
            and not c.label_fixed
            and _ONE_NAME.fullmatch(name)
            and is_common_word(name)
            and self._opens_a_sentence(c.start)
            and name not in self.ref.listed_companies
            and self.ref.alias_for(name) is None
            and c.canonical == name
            and self._adjective_before_a_noun(c)
            and self._written_in_lower_case(name)
        ):
            return True  # "Digital music downloads": an adjective opening a sentence (not "Apple shares")
        if (
            c.label in ("ORG", "NORP", "LANGUAGE", "LAW")
            or c.label_fixed
            or c.listed
            or (self.text[max(0, c.start - 2) : c.start] == ", " and self.text[c.end : c.end + 1] == ",")  # a team sheet
            or c.role_span is not None
            or not _ONE_NAME.fullmatch(name)
            or name in self._person_words
            or is_given_name(name)
            or name_key(name) in self.ref.demonyms
            or name in _language_names()
            or self._names_a_place(name)
            or not is_common_word(name)
        ):
            return False
        return self._written_in_lower_case(name)

    def _possessors_of_people(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Anthropic's Dario Amodei", "Vale's Gustavo Pimenta": one word tagged a person, no given name
        and no surname of the article's people, that owns a person named in full is the organisation
        the person works for."""
        surnames = {
            w for c in cands if c.label == "PERSON" for w in self.text[c.start : c.end].split()[1:]
        }
        out = list(cands)
        for i, c in enumerate(cands[:-1]):
            name = self.text[c.start : c.end]
            nxt = cands[i + 1]
            if (
                c.label == "PERSON"
                and not c.label_fixed
                and c.role_span is None
                and (_ONE_NAME.fullmatch(name) or _FULL_NAME_WORD.fullmatch(name))  # "McLaren's Lando Norris"
                and nxt.label == "PERSON"
                and len(owned := self.text[nxt.start : nxt.end].split()) >= 2
                and all(_FULL_NAME_WORD.fullmatch(w) for w in owned)  # not "Shakespeare's Richard III"
                and _POSSESSIVE_GAP.fullmatch(self.text, c.end, nxt.start)
                and not is_given_name(name)
                and name not in surnames
                and not self._names_a_place(name)
            ):
                out[i] = replace(c, label="ORG")
        return out

    def _people_paired_with_people(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"defeated Sajith Premadasa and Ranil Wickremesinghe", the first tagged an organisation: a name of
        two or three name-shaped words, none of them a common word, an organisation's word or a place, joined
        by "and" to a person's full name is a person too, also where the second has an owner ("Britain's Keir
        Starmer and France's Emmanuel Macron"); "Rio Tinto and Andrew Forrest", "Goldman Sachs and John Smith"
        are no pair of people."""
        out = list(cands)
        pairs = [(cands[i], cands[i + 1]) for i in range(len(cands) - 1)] + [
            (cands[i], cands[i + 2]) for i in range(len(cands) - 2)  # "... and France's Emmanuel Macron"
        ]
        starts = {c.start for c in cands}
        for first, second in pairs:
            for c, other in ((first, second), (second, first)):
                end = c.end
                surname = _NEXT_NAME_WORD.match(self.text, c.end) if c is second and " " not in self.text[c.start : c.end] else None
                if surname is not None and surname.start(1) not in starts and self._a_surname_alone(surname.group(1)):
                    end = surname.end(1)  # "Shafali Verma and Deepti" + "Sharma"
                words = self.text[c.start : end].split()
                if (
                    other.label == "PERSON"
                    and len(self.text[other.start : other.end].split()) >= 2
                    and c.label in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART")
                    and not c.label_fixed
                    and len(words) in (2, 3)
                    and _PAIRING_GAP.fullmatch(self.text, first.end, second.start)
                    and all(_FULL_NAME_WORD.fullmatch(w) and not is_common_word(w) for w in words)
                    and not any(w.lower() in self.ref.org_words or w.lower() in self.ref.facility_words for w in words)
                    and not self._names_a_place(self.text[c.start : end])
                    and self.text[c.start : end] not in self.ref.listed_companies
                ):
                    out[cands.index(c)] = replace(c, end=end, label="PERSON", canonical=None)
        return out

    def _a_titled_name(self, rest: str) -> bool:
        """"Micheal Martin" after "Taoiseach": two or three words of a person's name, the first a given name
        or the last a family name, no organisation, facility or place word among them, no place."""
        words = rest.split()
        return (
            2 <= len(words) <= 3
            and all(_FULL_NAME_WORD.fullmatch(w) for w in words)
            and (is_given_name(words[0]) or words[-1] in surnames())
            and not any(
                # "the Prince Edward Theatre", "Lord Justices Clarke": a common word that names no one
                self._names_no_one(w) or (is_common_word(w) and not is_given_name(w) and w not in surnames())
                for w in words
            )
            and not self._names_a_place(rest)
        )

    def _a_surname_alone(self, word: str) -> bool:
        """A family name (Faker's lists) that is no common word, no place's name and names someone."""
        return word in surnames() and not is_common_word(word) and not self._names_a_place(word) and not self._names_no_one(word)

    def _names_no_one(self, word: str) -> bool:
        """A word of an organisation's, a facility's or a natural place's name, of a title or of the calendar, or
        a people's name: no word of a person's name ("Authority", "Theatre", "Minister", "Monday", "Welsh")."""
        lower = word.lower()
        return (
            lower in self.ref.org_words
            or lower in self.ref.facility_words
            or lower in self.ref.loc_words
            or lower in self._role_words
            or lower in _CALENDAR_WORDS
            or name_key(word) in self.ref.demonyms
        )

    def _employers_before_titles(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"OpenAI Chief Executive Sam Altman", "Anthropic's chief executive Dario Amodei": the untagged name
        right before a person's title is who the person works for: an organisation, or the place or
        people it names ("Kenya President William Ruto"). Not a common English word ("Shadow Chancellor",
        "Culture Secretary", "Earlier, Chairman ..."), a word the article also writes in lower case, a word
        that qualifies titles ("Former", "Deputy"), a department ("Finance", "Defence": junk names) or part
        of a longer run of capitalised words."""
        taken = [(c.start, c.end) for c in cands] + list(self.excluded)
        out = []
        for c in cands:
            if c.label != "PERSON" or c.role_span is None or self._in_headline(c.start):
                continue
            m = _EMPLOYER_BEFORE.search(self.text, max(0, c.role_span[0] - 60), c.role_span[0])
            if m is None:
                continue
            start, end = m.span(1)
            name = self.text[start:end]
            if (
                any(s < end and start < e for s, e in taken)
                or _CAPITALISED_BEFORE.search(self.text, max(0, start - 30), start)
                or any(
                    w.lower() in _TITLE_MODIFIERS or w.lower() in self._role_words or w in _NOT_NAMES
                    or w.lower() in _CALENDAR_WORDS or (name_key(w) in self.ref.junk_names and not w.isupper())
                    # a common word, unless the name is a country's, a province's or a big city's ("Ontario
                    # Premier Doug Ford"; not "Liberal", a town in Kansas)
                    or (is_common_word(w) and not self._names_a_sizeable_place(name))
                    or self.doc.vocab[w.lower()].is_stop
                    or self._written_in_lower_case(w)
                    for w in name.split()
                )
            ):
                continue
            if name_key(name) in self.ref.demonyms:
                label = "NORP"
            elif self._names_a_place(name):
                label = "GPE"
            else:
                label = "ORG"
            out.append(_Candidate(start, end, label))
            taken.append((start, end))
        return out

    def _people_split_by_the_model(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Erling Haaland" with only "Haaland" tagged, a place; "But Francesca Detakats came" with "Francesca"
        an organisation; "Jacinta Oyelaran" tagged a place and a nationality: a given name and a surname of
        which the model tagged words alone as something other than a person is the person, when no such
        word is a place, people or name the reference data knows and the two words are held to what makes
        a tagged name a person."""
        replaced: dict[tuple[int, int], _Candidate | None] = {}
        ordered = sorted(cands, key=lambda c: c.start)
        starts = [c.start for c in ordered]
        longest = max((c.end - c.start for c in cands), default=0)
        for run in self._capitalised_runs:
            while run and run[0].is_stop:
                run = run[1:]  # "But Francesca Detakats"
            if len(run) != 2 or self._in_headline(run[0].idx):
                continue
            start, end = run[0].idx, run[1].idx + len(run[1].text)
            lo, hi = bisect.bisect_left(starts, start - longest), bisect.bisect_left(starts, end)
            inside = [c for c in ordered[lo:hi] if c.start < end and start < c.end]
            words = {(t.idx, t.idx + len(t.text)) for t in run}
            if not inside or any(
                (c.start, c.end) not in words
                or c.label in ("PERSON", "DATE", "TIME", "LAW")
                or c.label_fixed
                or c.listed
                or self._names_a_place(name := self.text[c.start : c.end])
                or name_key(name) in self.ref.demonyms
                or name in _language_names()
                for c in inside
            ):
                continue
            person = _Candidate(start, end, "PERSON")
            if self._given_name_and_surname(person, self.text[start:end]):
                replaced.update({(c.start, c.end): None for c in inside})
                replaced[(inside[0].start, inside[0].end)] = person
        out = []
        for c in cands:
            if (c.start, c.end) not in replaced:
                out.append(c)
            elif (person := replaced[(c.start, c.end)]) is not None:
                out.append(person)
        return out

    def _nicknamed_people(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Ismael "El Mayo" Zambada, Joaquin "El Chapo" Guzman: a given name (the model tagged a person, or
        before a family name or a word that is no English word), a quoted nickname and a family name are one
        person, named without the nickname."""
        found = []
        for m in _NICKNAMED.finditer(self.text):
            given, family = m.group("given"), m.group("family").split()[-1]
            if is_given_name(given) and (
                any(c.label == "PERSON" and c.start == m.start() for c in cands)
                # Sean "Diddy" Combs, the given name tagged a people and the nickname a work
                or family in surnames()
                or not is_common_word(family)
            ):
                found.append(_Candidate(m.start(), m.end(), "PERSON", canonical=f"{given} {m.group('family')}"))
        if not found:
            return cands
        kept = [c for c in cands if not any(c.start < p.end and p.start < c.end for p in found)]
        return sorted(kept + found, key=lambda c: (c.start, c.end))

    def _people_run_together(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Omar Ayub" + "Khan", "June Carter" + "Cash", "Samia Suluhu" + "Hassan": two people the model tagged a
        space apart, the first opening with a given name or the second a family name or no English word, are
        one person (a list or a headline puts more than a space between two)."""
        joined: dict[int, _Candidate | None] = {}
        ordered = sorted(range(len(cands)), key=lambda i: cands[i].start)
        head = ordered[0] if ordered else 0
        for j in ordered[1:]:
            first, second = joined.get(head) or cands[head], cands[j]
            if (
                first.label == second.label == "PERSON"
                and not (first.listed or second.listed or first.label_fixed or second.label_fixed)
                and self.text[first.end : second.start] == " "
                and (
                    is_given_name(self.text[first.start : first.end].split()[0])
                    # "Samia Suluhu" + "Hassan": the last word of a name, a family name or no English word
                    # ("Christian" + "Aid" stays apart), after no title ("Lord" + "Ashcroft")
                    or (
                        _ONE_NAME.fullmatch(last := self.text[second.start : second.end]) is not None
                        and (not is_common_word(last) or last in surnames())
                        and not any(w.lower() in self._role_words for w in self.text[first.start : first.end].split())
                    )
                )
                and all(
                    w[:1].isupper() and w.rstrip(".").lower() not in _HONORIFICS  # not "Said Mr" + "Fogg"
                    for w in self.text[first.start : second.end].split()
                )
            ):
                # a third piece joins on too: "Susilo" + "Bambang" + "Yudhoyono"
                joined[head], joined[j] = replace(first, end=second.end), None
            else:
                head = j
        return [joined.get(i, c) for i, c in enumerate(cands) if joined.get(i, c) is not None]

    def _named_after_people(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Daniel Patrick" + "Moynihan U.S. Courthouse", "Ronald Reagan" + "Washington National Airport": a
        person the model tagged right before a facility named after them is the facility, named whole."""
        merged: dict[tuple[int, int], _Candidate | None] = {}
        for person in cands:
            if person.label != "PERSON" or person.role_span is not None:
                continue
            for c in cands:
                if (
                    c.start == person.end + 1
                    and self.text[person.end] == " "
                    and c.label in ("FAC", "ORG")
                    and self.text[c.start : c.end].split()[-1].lower() in self.ref.facility_words
                ):
                    merged[(person.start, person.end)] = _Candidate(person.start, c.end, "FAC")
                    merged[(c.start, c.end)] = None
        if not merged:
            return cands
        return [merged.get((c.start, c.end), c) for c in cands if merged.get((c.start, c.end), c) is not None]

    def _untagged_people(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Mikel Arteta said", "with Erling Haaland scoring", "fellow Russian Svetlana Kuznetsova": a given
        name and a surname the model did not tag at all (after a nationality it tagged), outside headlines
        and quotes, held to what makes a tagged one a person."""
        taken = [(c.start, c.end) for c in cands] + list(self.excluded)
        peoples = {(c.start, c.end) for c in cands if c.label == "NORP"}
        out = []
        for run in self._capitalised_runs:
            if len(run) >= 3 and (run[0].idx, run[0].idx + len(run[0].text)) in peoples:
                run = run[1:]  # "fellow Russian Svetlana Kuznetsova": the nationality, then the person
            if not 2 <= len(run) <= 3:
                continue
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            if any(start < e and s < end for s, e in taken) or self._in_headline(start):
                continue
            if self.text[start - 1 : start] in ('"', "\u201c", "'", "\u2018") or any(
                t.text.lower() in _CALENDAR_WORDS for t in run
            ):
                continue
            c = _Candidate(start, end, "PERSON")
            if self._given_name_and_surname(c, self.text[start:end]) or (
                # "spokesperson He Yadong": a Chinese name after a title ("He" alone is a pronoun)
                is_chinese_name(self.text[start:end]) and _role_before(self.text, start, self.ref) is not None
            ):
                out.append(c)
        return out

    def _untagged_laws(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"the Football Governance Bill", "the CHIPS and Science Act": a named law the model did not
        tag, outside headlines."""
        if not self.ref.law_words:
            return []
        taken = [(c.start, c.end) for c in cands] + list(self.excluded)
        ends = {c.end for c in cands if c.label in ("ORG", "GPE", "PERSON")}
        out = []
        for m in _law_name_pattern(self.ref.law_words).finditer(self.text):
            start, end = m.span(1)
            # "the European Union's AI Act": the law after an owner the model tagged (not "New Year's Day
            # Trading Bill")
            owners = [o for o in _POSSESSIVE_GAP.finditer(self.text, start, end) if o.start() in ends]
            if owners:
                start = owners[-1].end()
            if any(start < e and s < end for s, e in taken) or self._in_headline(start):
                continue
            if not owners and _JOINED_BEFORE.search(self.text, max(0, start - 40), start):
                continue  # "Best Urban Act": an award's name ends there, not a law's
            out.append(_Candidate(start, end, "LAW"))
        return out

    def _untagged_people_after_titles(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"a spokesperson for Governor Babajide Sanwo-Olu": two or three uncommon name-shaped words right
        after a title that the model did not tag are a person, though no list of given names knows them (no
        common word, no organisation, facility, place or title word, no people)."""
        taken = [(c.start, c.end) for c in cands] + list(self.excluded)
        out = []
        for m in _NAME_RUN.finditer(self.text):
            start, end = m.span()
            prefix = _role_prefix(self.text, start, end, self.ref)
            if prefix is not None:
                start, end = _trim(self.text, prefix[1], end)
            else:
                prefix = _role_before(self.text, start, self.ref)
            name = self.text[start:end]
            words = name.split()
            if (
                prefix is None
                or not 2 <= len(words) <= 3
                or any(s < end and start < e for s, e in taken)
                or self._in_headline(start)
                or not self._uncommon_name(name)
            ):
                continue
            role = canonical_spelling(self.text[prefix[0] : prefix[1]])
            out.append(_Candidate(start, end, "PERSON", role=role, role_span=prefix))
        return out

    def _uncommon_name(self, name: str) -> bool:
        """Whether ``name`` is made of words that name nothing else: no place as a whole or in a word, no common
        word, no word of an organisation's, a facility's or a title ("Babajide Sanwo-Olu", "Asim Munir")."""
        return not self._names_a_place(name) and not any(
            self._names_no_one(w) or is_common_word(w) or self._names_a_place(w) for w in re.split(r"[ \-]", name)
        )

    def _untagged_places_listed(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"arrested 12 people in Marbella and Malaga", "trains between Cardiff and Swansea": an untagged name
        listed by "and" or "or" with a place after "in", "near", "between"... is a place too where the gazetteer
        knows a town of that name (no given name, no common word but a big town's: "in Paris and Michael said",
        "in Leeds and Bath" are no lists of places)."""
        from newsgraph.normalise.geo import known_place

        taken = [(c.start, c.end) for c in cands] + list(self.excluded)
        places = {(c.start, c.end) for c in cands if c.label in ("GPE", "LOC")}
        out = []
        for m in _PLACE_LISTED_AFTER.finditer(self.text):
            # the second after a tagged first ("in Marbella and Malaga"), or the first before a tagged second
            # ("trains between Cardiff and Swansea")
            group = 2 if m.span(1) in places else 1 if m.span(2) in places else 0
            if not group:
                continue
            start, end = m.span(group)
            name = m.group(group)
            if (
                not any(s < end and start < e for s, e in taken)
                and known_place(name) is not None
                # a common word only where it is a big town's or a province's name ("Cardiff", "Reading")
                and not any(is_given_name(w) or (is_common_word(w) and not self._names_a_sizeable_place(name)) for w in name.split())
                and not self._in_headline(start)
            ):
                out.append(_Candidate(start, end, "GPE"))
        return out

    def _untagged_products(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"outsold the iPhone 15", "songs bought on iTunes": a product line by its shape ("iPod",
        "iPhone 16 Pro") that the model did not tag."""
        taken = [(c.start, c.end) for c in cands] + list(self.excluded)
        found = [m.span() for m in _I_PRODUCT_IN_TEXT.finditer(self.text)]
        found += [m.span() for m in _SHIP_IN_TEXT.finditer(self.text)]  # "sent HMS Prince of Wales"
        return [
            _Candidate(a, b, "PRODUCT")
            for a, b in found
            if not any(a < e and s < b for s, e in taken)
        ]

    def _given_name_and_surname(self, c: _Candidate, name: str) -> bool:
        """A given name and one or two more name words, nothing in it or around it that makes it
        something else: "Keanu Reeves", "Carolina Kluft" (not "Morgan Stanley" or "Alfa Romeo", two
        given names; not "Paris Club", "Davis Cup", "Crystal Palace", words of a body, an event or a
        building; not "Santa Monica" or "Tudor England", places; not "the Kaiser Chiefs" or "drama
        Vera Drake", which the text calls a thing)."""
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(_FULL_NAME_WORD.fullmatch(w) for w in words):
            return False
        if words[0] in _NOT_GIVEN_NAMES:
            return False
        # a given name only one country's list holds, if it names no place ("Ewan McGregor", "Dwain
        # Chambers"; not "Tama" of Tokyo)
        if not (is_given_name(words[0]) or (is_rare_given_name(words[0]) and not self._names_a_place(words[0]))):
            return False
        # two given names are a firm's ("Morgan Stanley"), unless only the second is also a family name
        # ("Ridley Scott", "Sebastien Bruno")
        if is_given_name(words[-1]) and (words[0] in surnames() or words[-1] not in surnames()):
            return False
        lowered = [w.lower() for w in words]
        if any(
            w in self.ref.org_words or w in self.ref.facility_words or w in self.ref.event_words or w in self._role_words
            or w in _THING_WORDS or w in _TITLE_MINOR_WORDS
            for w in lowered
        ):
            return False
        if self._names_a_place(name) or name_key(name) in self.ref.demonyms or self._names_a_big_place(words[0]):
            return False
        if any(self._names_a_place(w) or name_key(w) in self.ref.demonyms for w in words[1:]):
            return False
        within = _LOCATIVE_AFTER.match(self.text, c.end) if c.label in ("GPE", "LOC") else None
        if within is not None and within.group(1) and self._names_a_place(within.group(1)):
            return False  # "Jackson Hole, Wyoming" tagged a place: one within a state or country
        for start in self._occurrences(name):
            end = start + len(name)
            article = _ARTICLE_BEFORE.search(self.text, max(0, start - 6), start)
            if article is not None and (
                article.group(1).lower() == "the" or not _LOWER_WORD_AFTER.match(self.text, end)
            ):
                return False  # "the Kaiser Chiefs", "Girl with a Pearl Earring" (not "a Luciano Orquera penalty")
            # what the article says anywhere around the name settles every mention of it
            if self._called_a_thing(replace(c, start=start, end=end)):
                return False
            if c.label == "FAC" and _AT_BEFORE.search(self.text, max(0, start - 6), start):
                return False  # "won at Roland Garros", tagged a building: one named after a person
        return True

    def _occurrences(self, name: str) -> list[int]:
        """Where ``name`` stands in the text as whole words."""
        found, at = [], self.text.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at > 0 and self.text[at - 1].isalnum()) and not (end < len(self.text) and self.text[end].isalnum()):
                found.append(at)
            at = self.text.find(name, at + 1)
        return found

    def _called_a_thing(self, c: _Candidate) -> bool:
        """"Leeds band Kaiser Chiefs", "drama Vera Drake", "Vera Drake star Imelda Staunton", "Phil Davis
        (Vera Drake)", "Yukos shares": what the text around a mention calls a business, a work or a club."""
        before = self.text[max(0, c.start - 16) : c.start]
        return bool(
            self._cued_as_organisation(c)
            or self._called_an_organisation_before(c.start)
            or _WORK_NOUN_BEFORE.search(before)
            or _WORK_CUE_AFTER.match(self.text, c.end)
            or (self.text[c.start - 2 : c.start] == " (" and self.text[c.end : c.end + 1] == ")")
            or self._described_by_common_noun(c)
        )

    @cached_property
    def _role_words(self) -> frozenset[str]:
        return _role_word_set(self.ref.roles)

    def _described_by_common_noun(self, c: _Candidate) -> bool:
        """"drama Vera Drake", "Leeds group Kaiser Chiefs": a common noun (not a role) right before the
        name that the parser reads as describing it."""
        span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        before = self.doc[span.start - 1]
        if not (before.is_alpha and before.text.islower()) or before.text in self._role_words or before.text.removesuffix("s") in _PEOPLE_NOUNS:
            return False
        # (an adjective is no such noun: "US-based Alistair Cragg", "talented Nadia Petrova")
        return (before.dep_ in ("compound", "nmod") and span.start <= before.head.i < span.end) or (
            span.root.dep_ == "appos" and span.root.head.i == before.i
        )

    def _no_people(self, name: str) -> bool:
        """Whether a one-word name the model called a nationality or group is none: not a demonym
        or its plural ("Brazilians", "Frenchman"), not shaped like one ("Texan", "Viennese", "Swede",
        "Spaniard", "Islamic", "anti-European"), not a language, a place or an area."""
        if " " in name or not name[:1].isupper() or not name.isalpha() or is_given_name(name) or name in self._person_words:
            return False
        if _NORP_SHAPE.search(name) or name in _language_names() or self._names_a_place(name) or self._is_area(name):
            return False
        return not self._names_a_people(name)

    def _names_a_people(self, word: str) -> bool:
        """Whether ``word`` is a demonym, its plural or its member ("Kenyan", "Brazilians", "Welshman",
        "Spaniard" beside "Spaniards")."""
        return name_key(word + "s") in self.ref.demonyms or any(
            word.endswith(ending) and name_key(word[: len(word) - len(ending)]) in self.ref.demonyms
            for ending in ("", "s", "es", "man", "men", "woman", "women")
        )

    def _describes_a_noun_after(self, c: _Candidate) -> bool:
        """"the Atkins diet", "the Boix-Vives family": the name, as the parser reads it, qualifies a noun after it."""
        span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        return (
            span is not None
            and span.root.dep_ in ("compound", "nmod", "amod")
            and span.root.head.i >= span.end
            and span.root.head.text[:1].islower()
        )

    def _adjective_before_a_noun(self, c: _Candidate) -> bool:
        """Whether the parser reads the one-word name as an adjective of a lower-case noun after it."""
        span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        return (
            span is not None
            and len(span) == 1
            and (span[0].dep_ == "amod" or span[0].pos_ == "ADJ")
            and span[0].head.i > span[0].i
            and span[0].head.text[:1].islower()
        )

    def _people_not_language(self, c: _Candidate) -> bool:
        """"English towns", "the English game", "Spanish fifth seed", "the English played": a language's
        name before a common noun other than a language noun, or after "the" as the people, is the
        nationality; "speak English", "in Latin", "an English teacher", "English-speaking" stay the language."""
        span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        token = span[0]
        head = token.head
        if token.dep_ in ("amod", "compound") and head.i > token.i:
            return head.text[:1].islower() and head.text.lower() not in _LANGUAGE_NOUNS
        after = self.text[c.end : c.end + 1]
        return bool(_THE_BEFORE.search(self.text, max(0, c.start - 5), c.start)) and after not in ("-", "\u2011")

    def _named_after_a_company(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"its U.S. unit Hoechst Celanese" tagged a person in an article about "Hoechst AG": a name that
        starts with the name of a company the article gives with its legal form is that company's
        business, not a person (unless a title makes it one: "Chairman Juergen Dormann")."""
        companies = set()
        for c in cands:
            words = self.text[c.start : c.end].split()
            if c.label == "ORG" and len(words) >= 2 and words[-1].lower() in _LEGAL_FORMS:
                companies.add(" ".join(words[:-1]))
        if not companies:
            return cands
        out = []
        for c in cands:
            words = self.text[c.start : c.end].split()
            if (
                c.label == "PERSON"
                and c.role_span is None
                and not c.label_fixed
                and len(words) >= 2
                and any(words[: len(k.split())] == k.split() and len(k.split()) < len(words) for k in companies)
            ):
                c = replace(c, label="ORG")
            out.append(c)
        return out

    @staticmethod
    def _is_area(name: str) -> bool:
        from newsgraph.normalise.geo import is_area

        return is_area(name)

    def _names_a_place(self, name: str) -> bool:
        """"US", "NSW", "London": a name the reference data or the gazetteer knows as a place."""
        from newsgraph.normalise.geo import known_place

        return _is_country(name) or known_place(name) is not None or self.ref.alias_for(name) is not None

    def _is_known_place(self, c: _Candidate, name: str) -> bool:
        """A city, state or province the gazetteer knows, where the model's label is
        unlikely to be right for it ("Karachi-based" as ORG, "Tamil Nadu" as PERSON)."""
        from newsgraph.normalise.geo import known_place

        if c.label not in ("LOC", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "ORG", "PERSON", "FAC"):
            return False
        if c.label == "FAC" and any(w.lower() in self.ref.facility_words for w in name.split()):
            return False
        if name_key(name) in self.ref.demonyms:  # "Brits" is also a South African town
            return False
        known = known_place(name)
        if known is None:
            return False
        kind, population = known
        if kind not in ("city", "admin1", "country"):
            return False
        after = _LOCATIVE_AFTER.match(self.text, c.end)
        # the name after the comma must be a place: "Nokia, Sagem, Sony" is a list of companies
        placed_after = bool(
            after and (after.group(1) is None or _is_country(after.group(1)) or known_place(after.group(1)) is not None)
        )
        window = max(0, c.start - 24)
        holding = bool(_HOLDING_IN.search(self.text, window, c.start))
        located = placed_after or (not holding and bool(_LOCATIVE_BEFORE.search(self.text, window, c.start)))
        multiword = len(name.split()) >= 2
        if c.label == "LOC":
            return True
        if c.label in ("FAC", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"):
            return kind != "city" or population >= 50_000 or located
        if c.label == "ORG":
            # "Dhaka hoped...", "a Karachi logistics firm": a big city standing for itself
            last = name.split()[-1].lower()
            big = kind in ("admin1", "country") or population >= BIG_CITY
            # a smaller town of a company's name needs more than "at" or "from" before it
            placed = placed_after or (not holding and bool(_PLACE_ONLY_BEFORE.search(self.text, window, c.start)))
            listed = _PLACE_LIST_BEFORE.search(self.text, max(0, c.start - 60), c.start)
            if listed is not None and not _HOLDING_IN.search(self.text, max(0, listed.start() - 24), listed.start() + 1):
                # "in Mombasa and Kisumu": listed after a place that is placed
                first = listed.group(1)
                placed = placed or _is_country(first) or known_place(first) is not None
            return last not in self.ref.org_words and (big or placed)
        # PERSON: a multi-word province or big city, or any place after "in", "near"...; a lone
        # name of a province or a city of 500,000 ("Glasgow band Franz Ferdinand") when the
        # article names no person with it ("Kennedy" after "Charles Kennedy") and gives it no title
        # (a division known only by its ISO 3166-2 name, of no known population, needs "in": "Bono" is
        # a region of Ghana and a singer)
        if not multiword and c.role_span is None and ((kind == "admin1" and population > 0) or population >= _BIG_ENOUGH_FOR_A_UNIT):
            return True
        if not multiword and c.role_span is None and kind == "admin1" and name.endswith("shire"):
            return True  # "Nottinghamshire", "Derbyshire": a shire's name alone is no person's
        listed = _PLACE_LIST_BEFORE.search(self.text, max(0, c.start - 60), c.start)
        if listed is not None and not is_given_name(name.split()[0]) and self._names_a_place(listed.group(1)):
            return True  # "trains between Leeds and Swansea", the second tagged a person
        then = _PLACE_LISTED_NEXT.match(self.text, c.end)
        if (
            then is not None
            # where something happens or was taken ("in", "seized"), not whom a side plays ("will play
            # Leicester and Bolton", "for Llanelli and Wales")
            and (
                _LOCATIVE_BEFORE.search(self.text, max(0, c.start - 24), c.start)
                or _TAKEN_PLACE_BEFORE.search(self.text, max(0, c.start - 24), c.start)
            )
            and not is_given_name(name.split()[0])
            and not is_given_name(then.group(1).split()[0])
            and (
                any(e.start_char == then.start(1) and e.end_char == then.end(1) and e.label_ == "GPE" for e in self.ents)
                or (known_place(then.group(1)) or ("", 0))[1] >= _LIST_PLACE_POPULATION
            )
            and self._names_a_place(then.group(1))
        ):
            return True  # "rebels who seized Goma and Bukavu", the first tagged a person (or both)
        if not multiword and is_given_name(name):
            # "Mary, Mungo and Midge": a given name in a list of names, whatever towns the names also are
            return not holding and bool(_LOCATIVE_BEFORE.search(self.text, window, c.start))
        return (multiword and (kind != "city" or population >= 1_000_000)) or located

    def _based_places(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Vevey-based", "the Kharkiv region", "the Odesa and Kharkiv regions": a known place before "-based"
        or a word for an area, that the model did not tag or tagged as something else ("the Kharkiv and
        Poltava regions", the second an organisation)."""
        from newsgraph.normalise.geo import known_place

        spans = [m.span(1) for m in (*_BASED.finditer(self.text), *_BEFORE_AREA_WORD.finditer(self.text))]
        for m in _LISTED_BEFORE_AREA_WORDS.finditer(self.text):
            start = m.start(1)
            for sep in _LIST_SEPARATOR.finditer(self.text, m.start(1), m.end(1)):
                spans.append((start, sep.start()))
                start = sep.end()
            spans.append((start, m.end(1)))
        added: list[_Candidate] = []
        relabelled: set[tuple[int, int]] = set()
        for start, end in spans:
            if any(start < e and s < end for s, e in self.excluded):
                continue
            known = known_place(self.text[start:end])
            if known is None or known[0] not in ("city", "admin1", "country"):
                continue
            if any(c.start == start and c.end == end and c.label != "GPE" and not c.label_fixed for c in cands):
                relabelled.add((start, end))
            elif not any(c.start < end and start < c.end for c in cands) and not any(c.start == start for c in added):
                added.append(_Candidate(start, end, "GPE"))
        if not added and not relabelled:
            return cands
        kept = [replace(c, label="GPE") if (c.start, c.end) in relabelled else c for c in cands]
        return sorted(kept + added, key=lambda c: (c.start, c.end))

    def _is_junk(self, c: _Candidate) -> bool:
        name = self.text[c.start : c.end]
        money = _MONEY_LIKE.match(name)
        if money is not None and (money["code"] is None or normalise_currency(money["code"])[0] is not None):
            return True
        if not any(ch.isalpha() for ch in name) or not any(ch.isupper() for ch in name):
            return True
        if c.label == "PERSON" and len(name.rstrip(".")) == 1:
            return True  # "Gen Z" read as a general called Z: a letter alone is nobody's name
        if name == "House" and _HOUSING_NOUN_AFTER.match(self.text, c.end):
            return True  # "House prices rose": homes, not the House of Representatives
        if _CREDIT_GRADE.fullmatch(name) and _RATING_CUE.search(self.text, max(0, c.start - 120), c.start):
            return True  # "Moody's rated the bond A1", "cut Italy to BBB"
        if c.label == "LAW" and not c.label_fixed and not self._names_a_law(name):
            # "Halo 2", "the Stone Roses" as laws; "Davis Cup" and "Habib Bank" are relabelled later
            last = name.split()[-1].lower()
            return not (last in self.ref.event_words or last in self.ref.org_words or last in self.ref.facility_words)
        if name.isupper() and name.lower() in self._role_words and _THE_BEFORE.search(self.text, max(0, c.start - 5), c.start):
            return True  # "The MEP said", "the PM": a role written as an acronym, no name
        if _PLURAL_ACRONYM.fullmatch(name) and name[:-1].lower() in self._role_words:
            return True  # "MPs will debate", "MEPs voted": people holding a role, no name
        if (
            c.label == "PERSON"
            and _YEAR_AFTER_A_WORD.sub("", name).lower() in self.ref.law_words
            and (_THE_BEFORE.search(self.text, max(0, c.start - 5), c.start) or _NAME_WORD_BEFORE.search(self.text, max(0, c.start - 30), c.start))
        ):
            # "the Bill is debated", "the Finance Bill (2025)" (found whole as a law later): no man called Bill
            return True
        if c.label in ("PERSON", "ORG", "GPE", "LOC", "FAC") and self._names_a_disease(c, name):
            return True
        if (
            c.label in ("PERSON", "ORG", "PRODUCT")
            and " " in name
            and _DISEASE_ENDING.search(name)
            and len(name.split()[-1]) >= 9
            and not is_given_name(name.split()[0])
        ):
            # "Bovine Spongiform Encephalopathy" tagged a person: a disease, no name (not "Theo Paphitis")
            return True
        if c.label == "PERSON" and name.split()[-1] in ("Photo", "Photos", "Video", "Images"):
            return True  # "Follow @AP on X. Photo: ...": a credit's word, no surname
        if c.label == "PERSON" and " " not in name and _MODEL_NUMBER_BEFORE.search(self.text, max(0, c.start - 12), c.start):
            return True  # "a Boeing 737 Max", "the A321 Neo": a model's name after its number, no person
        if name == "BSE" and not _CATTLE_DISEASE_WORDS.search(self.text):
            return False  # the Bombay Stock Exchange ("a filing to the BSE"), where the article is not about cattle
        return name_key(name) in self.ref.junk_names

    def _names_a_disease(self, c: _Candidate, name: str) -> bool:
        """"Marburg virus", "Lassa fever", "Lyme disease", "Parkinson's disease": the name before the word
        of a disease is the disease's, no place, person or organisation of the story (not a country's: "the
        China virus"; nor a name the story also uses alone: "CeBit fever has taken over Hanover" in a story
        about CeBit; a virus named after a product or a person the story names is a computer's: "the
        Windows virus", "the Beckham virus" beside "David Beckham")."""
        after = _DISEASE_AFTER.match(self.text, c.end)
        if after is None or _is_country(name):
            return False
        if any(not _DISEASE_AFTER.match(self.text, at + len(name)) for at in self._occurrences(name)):
            return False
        return after.group(1) != "virus" or not (
            self.ref.alias_for(name) is not None
            or any(e.label_ == "PERSON" and name in e.text.split() and len(e.text.split()) > 1 for e in self.ents)
        )

    def _names_a_law(self, name: str) -> bool:
        """"Kyoto Protocol", "Chapter 11", "Roe v Wade": a name with a word of a law in it, a court case, or one the
        article also writes before such a word ("Sarbanes-Oxley" beside "the Sarbanes-Oxley Act")."""
        words = {w.lower() for w in _NAME_WORD.findall(name)}
        if words & (self.ref.law_words | self.ref.law_name_words) or _COURT_CASE.search(name):
            return True
        laws = "|".join(re.escape(w) for w in sorted(self.ref.law_words))
        return bool(laws) and re.search(rf"(?<![\w\-]){re.escape(name)}\s+(?i:{laws})\b", self.text) is not None

    # -- acronyms -------------------------------------------------------------------------

    def _spelled_out_acronyms(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"The opposition Bharat Rashtra Samithi (BRS)": the capitalised words before a
        bracketed acronym that spell it out are one name, however the model cut them up
        (where it tagged none of them, they are a term, not a name)."""
        for m in _ACRONYM_DEFINED.finditer(self.text):
            if any(c.end == m.start() and _acronym_fits(m.group(1), self.text[c.start : c.end]) for c in cands):
                continue  # the model's own span spells it out
            words = list(_NAME_WORD.finditer(self.text, max(0, m.start() - 120), m.start()))
            run: list[re.Match[str]] = []
            for w in reversed(words):
                gap = self.text[w.end() : run[0].start() if run else m.start()]
                if gap.strip() or not (w.group(0)[:1].isupper() or w.group(0).lower() in _MINOR_WORDS):
                    break
                run.insert(0, w)
            fits = [
                i for i in range(len(run))
                if run[i].group(0)[:1].isupper()
                and _acronym_fits(m.group(1), self.text[run[i].start() : run[-1].end()])
            ]
            if not fits:
                continue
            start, end = _trim(self.text, run[max(fits)].start(), run[-1].end())
            inside = [c for c in cands if c.start < end and start < c.end]
            # the model must have seen a name there: "Special Economic Zones (SEZs)" is not one
            if not inside or any(c.start < start or c.end > end for c in inside):
                continue
            if any(start < e and s < end for s, e in self.excluded):
                continue
            labels = {c.label for c in inside}
            label = labels.pop() if len(labels) == 1 and not labels & {"PERSON", "NORP", "GPE", "LOC"} else "ORG"
            cands = [c for c in cands if c not in inside] + [_Candidate(start, end, label)]
        return cands

    def _acronym_definitions(self, cands: list[_Candidate]) -> dict[str, _Candidate]:
        """Acronyms defined in the text right after an entity: "Long Name (LN)", "Long Name Acronym (Lna)"."""
        defs: dict[str, _Candidate] = {}
        for c in cands:
            m = _ACRONYM_AFTER.match(self.text, c.end)
            if m and _acronym_fits(m.group(1), self.text[c.start : c.end]):
                defs.setdefault(m.group(1), c)
                continue
            # "the Academy of Motion Picture Arts and Sciences (Ampas)": the model made a person of "Ampas"
            m = _WORD_ACRONYM_AFTER.match(self.text, c.end)
            if (
                m and c.label != "PERSON" and self.ref.alias_for(m.group(1)) is None  # "(Opec)": the alias file's
                and _word_acronym_fits(m.group(1), self.text[c.start : c.end])
            ):
                # a body, whatever the model called it: "Bay Area Lab Co-Operative (Balco)" was a place
                defs.setdefault(m.group(1), replace(c, label="ORG"))
        return defs

    def _known_acronyms(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Acronyms from the alias file ("PBOC") wherever they stand, tagged or not."""
        out = []
        for m in _BARE_ACRONYM.finditer(self.text):
            if m.group(0) not in self.ref.acronyms or any(c.start < m.end() and m.start() < c.end for c in cands):
                continue
            if any(s < m.start() and m.end() <= e for s, e in self._known_name_spans):
                continue  # "UK" of "Reform UK" (the "US" of "US Federal Reserve" is the country)
            alias = self.ref.alias_for(m.group(0))
            if alias is not None and not any(m.start() < e and s < m.end() for s, e in self.excluded):
                end = m.end() + 1 if _PLUS_SUFFIX.match(self.text, m.end()) else m.end()  # "OPEC+"
                out.append(_Candidate(m.start(), end, alias.label))
        return out

    @cached_property
    def _known_name_spans(self) -> list[tuple[int, int]]:
        """Where the article names an organisation from the alias file ("Reuters", "Rio Tinto") or a
        listed company ("Pfizer", "Severn Trent"); a one-word company's name only where the article
        never writes it in lower case ("Cactus" beside "a cactus") and it stands alone, and never one
        named with common words only ("Best Buy"), which is taken only where the model tagged it."""
        from newsgraph.normalise.companies import of_common_words

        spans = []
        for names in (self.ref.organisation_names, self.ref.listed_companies):
            if names:
                spans += [m.span() for m in _organisation_names_pattern(names).finditer(self.text)]
        def found(start: int, end: int) -> bool:
            name = self.text[start:end]
            if name in self.ref.organisation_names:
                return True
            if len(name.split()) > 1:
                return not of_common_words(name)
            return not (self._written_in_lower_case(name) or self._inside_a_longer_name(start, end))

        return sorted((s, e) for s, e in set(spans) if found(s, e))

    def _inside_a_longer_name(self, start: int, end: int) -> bool:
        """Whether a capitalised word stands right before or after ``start``..``end`` on its line ("The Da
        [Vinci] Code", "[Hertz] Rent Guide"), a sentence's first stop word apart ("In Pfizer's case")."""
        before = _CAPITALISED_WORD_BEFORE.search(self.text, max(0, start - 40), start)
        if before is not None:
            token = self.doc.char_span(before.start(1), before.end(1))
            if token is None or not (token[0].is_sent_start and token[0].is_stop):
                return True
        return _CAPITALISED_WORD_AFTER.match(self.text, end) is not None

    def _organisations_named_whole(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Organisations whose names' shape makes them one, in place of the pieces the model made of them:
        bodies named with "and" and companies named with their endings; so too countries named with "and"."""
        cands = self._names_over_pieces(cands, self._countries_named_with_and(), label="GPE")
        cands = self._names_over_pieces(cands, self._opens(), label="EVENT")
        return self._names_over_pieces(
            cands,
            self._bodies_named_with_and() + self._companies_by_their_endings() + self._bodies_named_after_places(cands)
            + self._clubs_named_whole() + self._banks_named_bank_first()
            + [m.span() for m in _COURT_FOR_DISTRICT.finditer(self.text)],
        )

    def _opens(self) -> list[tuple[int, int]]:
        """"her US Open title", "the French Open final": a country's, a people's or a place's name before
        "Open" is a tournament (the model often tags the country alone, or nothing); not "Open University"."""
        found = []
        for m in _PLACE_OPEN.finditer(self.text):
            place = m.group(1)
            if _is_country(place) or name_key(place) in self.ref.demonyms or self._names_a_place(place):
                found.append(m.span())
        return found

    def _banks_named_bank_first(self) -> list[tuple[int, int]]:
        """"Bank Rakyat Indonesia", "Bank Mandiri", "Bank Leumi": "Bank" before a name that is no English
        word, and the names or places after it, is a bank (not "Bank Holiday", nor "West Bank Palestinians")."""
        found = []
        for m in _BANK_FIRST.finditer(self.text):
            words = m.group(1).split()
            if self._in_headline(m.start()) or is_common_word(words[0]) or self._names_a_place(words[0]):
                continue
            before = self.text[: m.start()].rstrip().rsplit(None, 1)
            if before and before[-1][:1].isupper() and not before[-1].endswith((".", ":", '"')):
                continue  # "West Bank", "World Bank Group"
            end = m.start(1) + len(words[0])
            for w in re.finditer(r"[ \t]([A-Z][a-z]+)", m.group(1)[len(words[0]) :]):
                word = w.group(1)
                if is_common_word(word) and not self._names_a_place(word):
                    break
                end = m.start(1) + len(words[0]) + w.end()
            found.append((m.start(), end))
        return found

    def _clubs_named_whole(self) -> list[tuple[int, int]]:
        """"Real Madrid beat Juventus" (untagged), "Sporting Kansas City": a club's first word and the town's name
        after it are the club (the town's words shortened until they name a place)."""
        if not self.ref.club_first_words:
            return []
        found = []
        for m in _club_name_pattern(self.ref.club_first_words).finditer(self.text):
            town = m.group(2)
            while town and not self._names_a_place(town):
                town = town.rpartition(" ")[0].rstrip()
            if town and not self.doc.vocab[town.split()[0].lower()].is_stop:  # not the song "Real To Me"
                found.append((m.start(1), m.start(2) + len(town)))
        return found

    def _titled_works(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"a single titled Rivers Run Dry" (tagged a person), "the report, entitled Working Lives in a Cold
        Climate" (an organisation and an event): a title after "titled" or "entitled" is one work of art, in
        place of the pieces the model made of it; it ends before a small word that leads into a date or
        a place the model tagged ("titled Rivers Run Dry in March"). So too a title after the kind of work
        it is ("the sitcom Extras", untagged; "new film, Beyond the Sea," where the model tagged "Sea")."""
        out = cands
        kind_cued = ((m, False) for m in _KIND_TITLED.finditer(self.text))
        for m, titled in itertools.chain(((m, True) for m in _TITLED.finditer(self.text)), kind_cued):
            start, end = m.span(1) if m.group(1) else m.span(2)
            if self._in_headline(start):
                continue
            if not titled and not self._titles_after_a_kind(m, start, end):
                continue
            for e in self.doc.ents:
                if start < e.start_char < end and e.label_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"):
                    # "Rivers Run Dry in March", "... in the US"; not "Beyond the Sea"
                    before = self.text[start : e.start_char].rstrip()
                    while before.endswith((" the", " a", " an")):
                        before = before[: before.rfind(" ")]
                    if " " in before and before.split()[-1] in _TITLE_MINOR_WORDS:
                        end = start + before.rfind(" ")
                        break
            start, end = _trim(self.text, start, end)
            if end <= start or any(start < e and s < end for s, e in self.excluded):
                continue
            # the model's "Comedy Meet The Fockers": the kind of work leading into the title gives way to it
            ran_in = [c for c in out if c.start == m.start() < start and start < c.end <= end]
            if any(c.start < end and start < c.end and (c.start < start or c.end > end) and c not in ran_in for c in out):
                continue  # a name running out of the title: the title's end is not where it seems
            out = [c for c in out if not (start <= c.start and c.end <= end) and c not in ran_in]
            out.append(_Candidate(start, end, "WORK_OF_ART", label_fixed=True))
        return out

    def _titles_after_a_kind(self, m: re.Match, start: int, end: int) -> bool:
        """Whether the capitalised words after a kind of work ("the sitcom Extras") are its title: not a
        person the article names in full ("in the film Spacey plays"), nor a place; after a capitalised
        kind at a sentence's start only where the model ran the two together ("Comedy Meet The Fockers")."""
        title = self.text[start:end]
        words = title.split()
        # "the thriller I, Robot", "the sort of novel I kept", "the film 06/05", "his book Mr Brown is said to"
        if title == "I" or self.text[end : end + 1] == "/" or words[0].lower().rstrip(".") in _HONORIFICS:
            return False
        if _is_country(title) or self._names_a_place(title):
            return False
        if self.text[m.start()].isupper():
            # the model ran kind and title into one name ("Comedy Meet The Fockers", a person); "Comedy Central"
            # is a channel
            return (len(words) > 1 or not is_common_word(title)) and any(e.start_char == m.start() for e in self.doc.ents)
        return not all(w in self._person_words for w in words)

    def _works_throughout(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"The Oscar-nominated movie The Aviator ... The Aviator's producers": a name the text calls a
        work of art where it stands ("movie", "titled") is that work wherever the article names it again,
        except a person given a title."""
        works = {c.canonical for c in cands if c.label == "WORK_OF_ART" and c.label_fixed}
        # the cue may stand before a mention the model passed over: "the movie The Aviator ... The Aviator's"
        works |= {
            c.canonical for c in cands
            if c.label in ("ORG", "GPE", "PERSON", "FAC", "LOC", "PRODUCT", "EVENT")
            and not c.label_fixed
            and c.role_span is None
            and self.text[c.start : c.end] == c.canonical
            and not _is_country(c.canonical)
            and not self._names_a_place(c.canonical)
            and c.canonical not in self._person_words
            and any(_WORK_KIND_BEFORE.search(self.text, max(0, at - 20), at) for at in self._occurrences(c.canonical))
        }
        return [
            replace(c, label="WORK_OF_ART")
            if c.canonical in works and c.label != "WORK_OF_ART" and not c.label_fixed and c.role_span is None
            else c
            for c in cands
        ]

    @staticmethod
    def _organisations_throughout(cands: list[_Candidate]) -> list[_Candidate]:
        """"A spokeswoman for Royal Mail said ... 'The Royal Mail is investigating'" (a work of art there),
        "Labour" an event once among seven organisations: a name the article tags an organisation more often
        than a work or an event is the organisation in those mentions too, unless the text there calls it a
        work ("titled", "the film")."""
        tally: dict[str, Counter[str]] = {}
        for c in cands:
            tally.setdefault(c.canonical, Counter())[c.label] += 1
        orgs = {
            name for name, labels in tally.items()
            if labels["ORG"] > labels["WORK_OF_ART"] + labels["EVENT"] > 0
        }
        return [
            replace(c, label="ORG") if c.canonical in orgs and c.label in ("WORK_OF_ART", "EVENT") and not c.label_fixed else c
            for c in cands
        ]

    def _bodies_named_with_and(self) -> list[tuple[int, int]]:
        """"the Gem and Jewellery Export Promotion Council", "the Greek Track and Field Federation" (tagged an
        event and an organisation): capitalised words joined by "and" after "the", ending in a body's word."""
        return [
            m.span(1) for m in _BODY_WITH_AND.finditer(self.text)
            if not self._in_headline(m.start(1))
            # "Track and Field", "Gem and Jewellery": a common word before "and", not a name of its own
            # ("the US and European Union" are two)
            and is_common_word(before := m.group(2)) and not before.isupper() and not self._names_a_place(before)
            and not _POSSESSIVE_IN.search(m.group(1))  # "the UN's Food & Agriculture Organisation"
        ]

    def _companies_by_their_endings(self) -> list[tuple[int, int]]:
        """"China Overseas Port Holding Company" (the model tagged "China", a port rule made a facility of
        it), "Acme Widgets Ltd", "Telugu Desam Party": capitalised words ending in "Company", "Group",
        "Holdings", "Party" or a legal form, outside headlines, from after the last stop word ("The", "At")
        or owner ("Naidu's")."""
        found = []
        for m in _NAME_WITH_COMPANY_ENDING.finditer(self.text):
            tokens = self._name_before_an_ending(*m.span(1))
            end = m.end(1)
            if (
                len(tokens) >= 2
                # "Mercedes Benz C180 SE": a model's trim after its number, not a company's legal form
                and not any(ch.isdigit() for ch in tokens[-2].text)
                # "In Good Company", a film: some word of a name ("China", "Albanian", "Acme")
                and not all(
                    is_common_word(t.text) and not self._names_a_place(t.text) and name_key(t.text) not in self.ref.demonyms
                    for t in tokens[:-1]
                )
                and not self._names_a_place(self.text[tokens[0].idx : end])
            ):
                found.append((tokens[0].idx, end))
        return found

    def _name_before_an_ending(self, start: int, end: int) -> list:
        """The tokens of capitalised words up to an ending ("Company", "High Court"), from after the last stop
        word, word not capitalised ("The", "At", "US-registered") or owner ("Naidu's"); none in a headline."""
        owners = list(_POSSESSIVE_GAP.finditer(self.text, start, end))
        if owners:
            start = owners[-1].end()
        span = self.doc.char_span(start, end, alignment_mode="expand") if start < end else None
        if span is None or self._in_headline(start):
            return []
        tokens = [t for t in span if not t.is_space]
        cut = [i for i, t in enumerate(tokens[:-1]) if t.is_stop or not t.text[:1].isupper()]
        return tokens[cut[-1] + 1 :] if cut else tokens

    def _bodies_named_after_places(self, cands: list[_Candidate]) -> list[tuple[int, int]]:
        """"The Sindh High Court", "the Kenya Revenue Authority" (untagged), "UK" + "Film Council", "Newcastle"
        + "United" (the place tagged alone): capitalised words that start with a place or a people ("Nigerian
        Stock Exchange") and end in an organisation's word are an organisation."""
        places = {c.start for c in cands if c.label in ("GPE", "LOC", "NORP")}
        found = []
        for m in _NAME_WITH_BODY_ENDING.finditer(self.text):
            if m.group(2).lower() not in self.ref.org_words:
                continue
            tokens = self._name_before_an_ending(*m.span(1))
            first = tokens[0].text if tokens else ""
            # a place the model tagged, a country's or a people's name, or a place's that is no common word
            # ("Man United" is no body of the Ivorian town)
            if (
                len(tokens) >= 2
                and (
                    tokens[0].idx in places
                    or _is_country(first)
                    or name_key(first) in self.ref.demonyms
                    or (self._names_a_place(first) and not is_common_word(first))
                )
                # words the model tagged apart stay apart ("Japanese" + "Finance Ministry")
                and not any(tokens[1].idx <= e.start_char < m.end(1) for e in self.ents)
            ):
                found.append((tokens[0].idx, m.end(1)))
        return found

    def _countries_named_with_and(self) -> list[tuple[int, int]]:
        """"Trinidad and Tobago", "Saint Kitts and Nevis", "St Vincent and the Grenadines": a country whose
        name has "and" in it, which the model cut in two or tagged in pieces ("Saint Kitts and" a person,
        "Tobago" a place of its own); the most capitalised words either side that name a country. So too a
        state or province so named ("Jammu and Kashmir", "Andaman and Nicobar Islands")."""
        from newsgraph.normalise.geo import known_place

        def a_country_or_division(name: str) -> bool:
            return _is_country(name) or (known_place(name) or ("", 0))[0] == "admin1"

        found = []
        for m in _AND_BEFORE_A_CAPITAL.finditer(self.text):
            line_start = self.text.rfind("\n", 0, m.start()) + 1
            line_end = self.text.find("\n", m.end())
            left = list(_WORD_IN_A_NAME.finditer(self.text, max(line_start, m.start() - 40), m.start()))[-3:]
            while left and left[0].group() in ("The", "the"):  # "The St Kitts and Nevis team"
                left = left[1:]
            right = list(_WORD_IN_A_NAME.finditer(self.text, m.end(), line_end if line_end >= 0 else len(self.text)))[:4]
            spans = [
                (left[-i].start(), right[j - 1].end())
                for i in range(len(left), 0, -1)
                for j in range(len(right), 0, -1)
                if right[j - 1].group() != "the"
                and all(w.group()[:1].isupper() for w in left[-i:])
                and all(w.group()[:1].isupper() or w.group() == "the" for w in right[:j])
            ]
            span = next((sp for sp in spans if a_country_or_division(self.text[sp[0] : sp[1]])), None)
            if span is not None:
                found.append(span)
        return found

    def _names_over_pieces(
        self, cands: list[_Candidate], found: list[tuple[int, int]], label: str = "ORG"
    ) -> list[_Candidate]:
        """Names of ``label`` (organisations unless said) at ``found`` spans, in place of the candidates the
        model made of their pieces."""
        if not found:
            return cands
        kept = [c for c in cands if not any(s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e in found)]
        return kept + [
            _Candidate(s, e, label) for s, e in found if not any(c.start < e and s < c.end for c in kept)
        ]

    def _inside_known_names(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Without Borders" of "Doctors Without Borders", "Rio" of "Rio Tinto", "Trent" of "Severn
        Trent": a piece the model tagged of a longer organisation's name from the alias file or of a
        listed company's gives way to the whole name."""
        spans = self._known_name_spans
        return [
            c for c in cands
            if not any(s <= c.start and c.end <= e and e - s > c.end - c.start for s, e in spans)
        ]

    def _known_organisations(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Organisations the model missed: names from the alias file ("Aramco shares", "told
        Reuters"), a bank's one-word name ("Rabobank said") and proper nouns the text itself makes
        companies or sides ("Redgum shares closed up", "data-centre operator Meridian Digital", "Gazprom,
        the Russian gas giant,", "beat the Buffalo Bills"), wherever the article names them; "Lakers"
        alone after "Los Angeles Lakers"."""
        # "Rabobank said", "Sberbank", "the Bundesbank": one capitalised word ending in "bank" is a bank's name
        free = list(self._known_name_spans) + [m.span() for m in _BANK_NAME.finditer(self.text)]
        # "LVMH, the world's largest luxury group,", "TSMC shares": a cued acronym
        runs = self._capitalised_runs + [
            [t] for t in self.doc if _ACRONYM.fullmatch(t.text) and (_SHARES_AFTER.match(self.text, t.idx + len(t.text))
                                                                   or _ORG_APPOSITION.match(self.text, t.idx + len(t.text)))
        ]
        for run in runs:
            if len(run) > 1 and run[0].is_sent_start and run[0].is_stop:
                run = run[1:]  # "Meanwhile Airtel, India's second-largest mobile carrier,"
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            name = self.text[start:end]
            if len(run) > 3 or self.text[end : end + 1] in ("-", "'", "\u2019") or not (
                _SHARES_AFTER.match(self.text, end)
                or self._called_an_organisation_before(start)
                or _ORG_APPOSITION.match(self.text, end)
                # "beat the Buffalo Bills", "The Golden State Warriors beat": a side with "the" and a plural
                # name (people take no "the")
                or (
                    run[-1].text.endswith("s")
                    and run[-1].lower_ not in _NOT_TEAM_PLURALS
                    and (
                        _THE_TEAM_CUE_BEFORE.search(self.text, max(0, start - 24), start)
                        or (
                            _THE_BEFORE.search(self.text, max(0, start - 5), start)
                            and _TEAM_CUE_AFTER.match(self.text, end)
                        )
                    )
                )
            ):
                continue
            if any(
                t.is_stop or t.lower_ in self.ref.org_words or t.lower_ in self.ref.event_words
                or name_key(t.text) in self.ref.demonyms
                for t in run
            ):
                continue  # "Bank shares", "Asian shares", "The shares"
            if run[0].is_sent_start:
                # "Mining shares rose": a capital that only starts the sentence is no name
                if self._written_in_lower_case(run[0].text):
                    continue
            if _is_country(name) or self._names_a_place(name) or name_key(name) in self.ref.junk_names:
                continue
            letters = _LETTERS_BEFORE.search(self.text, max(0, start - 6), start)
            if letters is not None and not self._names_a_place(letters.group(1)) and not run[0].is_sent_start:
                name = f"{letters.group(1)} {name}"  # "SK Hynix shares", "LG Display shares": the letters lead the name
            # the company wherever the article names it: "Gazprom, the gas giant, ... Gazprom said"
            free += [m.span() for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", self.text)]
        # "the Lakers" after "the Los Angeles Lakers": a team named by a place and a plural, called by the plural
        for c in cands:
            if c.label == "ORG" and self._place_and_plural(c):
                plural = self.text[c.start : c.end].split()[-1]
                free += [m.span() for m in re.finditer(rf"(?<![\w\-]){re.escape(plural)}(?![\w\-])", self.text)]
        out = []
        for start, end in sorted(set(free)):
            if any(c.start < end and start < c.end for c in cands + out) or any(
                start < e and s < end for s, e in self.excluded
            ):
                continue
            alias = self.ref.alias_for(self.text[start:end])
            out.append(_Candidate(start, end, alias.label if alias is not None else "ORG"))
        return out

    def _bracketed_countries(self, cands: list[_Candidate]) -> list[_Candidate]:
        """A country alone in brackets, after a competitor or a place: "Sargis Sargsian ( Armenia )",
        "Bjarne Riis (Denmark)"; the model often misses it in a line of results."""
        out = []
        for m in _BRACKETED_NAME.finditer(self.text):
            start, end = m.span(1)
            name = m.group(1)
            if (_is_country(name) or name_key(name) in _HOME_NATIONS) and not any(
                c.start < end and start < c.end for c in cands
            ):
                out.append(_Candidate(start, end, "GPE"))
        return out

    def _place_and_plural(self, c: _Candidate) -> bool:
        """"the Los Angeles Lakers", "the Buffalo Bills": "the", a city, state or country of 100,000
        people and a capitalised plural that is no place's, building's or event's ("the Manchester
        Games", "Kew Gardens", "the Golden Globes"): the way teams are named."""
        from newsgraph.normalise.geo import known_place

        words = self.text[c.start : c.end].split()
        if (
            len(words) < 2
            or not _PLURAL_NAME.fullmatch(words[-1])
            or words[-1].lower() in _NOT_TEAM_PLURALS
            or words[-1].lower() in self.ref.org_words
            or words[-1].lower() in self.ref.event_words
            or not _THE_BEFORE.search(self.text, max(0, c.start - 5), c.start)
        ):
            return False
        place = " ".join(words[:-1])
        known = known_place(place)
        return _is_country(place) or (known is not None and (known[0] == "admin1" or known[1] >= _CLUB_PLACE_POPULATION))

    def _conjoined_organisations(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"deals with Nvidia and AMD", "Nokia, Sagem and Sony": a "place" no gazetteer knows, or a lone
        word tagged a person, joined by "and", "or" or a comma to an organisation, is an organisation too."""
        def plainly_an_organisation(n: _Candidate, c: _Candidate) -> bool:
            # an acronym, a name ending in an organisation word or one the alias file knows: not a
            # surname of a team sheet the model also took for a company ("Orquera, Bortolami")
            name = self.text[n.start : n.end]
            return n.label == "ORG" and not n.listed and (
                bool(_ACRONYM.fullmatch(name))
                or name.split()[-1].lower() in self.ref.org_words
                or self.ref.alias_for(name) is not None
                # "SoftBank" after "SoftBank Group", beside a name the model took for a person only there
                # ("by Mukesh and Reliance" in an article that calls Mukesh so three times is no company)
                or (name in named_in_full and people[self.text[c.start : c.end]] == 1)
            )

        # the names an organisation of the article is also called without its last word ("SoftBank Group")
        named_in_full = {
            written.rsplit(" ", 1)[0]
            for c in cands
            if c.label == "ORG"
            and " " in (written := self.text[c.start : c.end])
            and written.rsplit(" ", 1)[1].lower() in self.ref.org_words
        }

        people = Counter(self.text[c.start : c.end] for c in cands if c.label == "PERSON")
        out = list(cands)
        for i, c in enumerate(out):
            written = self.text[c.start : c.end]
            if c.label == "PERSON":
                # "Petrobras and YPF": a lone word the model took for a person, no given name and no word
                # of a person the article names in full, beside a plain organisation
                if " " in written or c.role_span is not None or is_given_name(written) or written in self._person_words:
                    continue
            elif c.label != "GPE" or self._names_a_place(written):
                continue
            if c.label_fixed or c.listed:
                continue
            neighbours = [out[j] for j in (i - 1, i + 1) if 0 <= j < len(out)]
            if any(
                plainly_an_organisation(n, c)
                and _CONJUNCTION_GAP.fullmatch(self.text, min(c.end, n.end), max(c.start, n.start))
                for n in neighbours
            ):
                out[i] = replace(c, label="ORG")
        return out

    def _party_states(self, cands: list[_Candidate]) -> list[_Candidate]:
        """The state after a US lawmaker's party: "Sen. Joe Manchin, D-W.Va.," names West Virginia."""
        out = []
        states = _us_state_abbreviations(dotted_only=False)
        for m in _PARTY_STATE.finditer(self.text):
            start, end = m.span(1)
            if m.group(1) in states and not any(c.start < end and start < c.end for c in cands):
                out.append(_Candidate(start, end, "GPE"))
        return out

    @cached_property
    def _capitalised_runs(self) -> list[list]:
        """Runs of consecutive capitalised words ("Meridian Digital"), as token lists."""
        runs: list[list] = []
        run: list = []
        for tok in self.doc:
            if tok.text[:1].isupper() and tok.text.isalpha() and not tok.text.isupper():
                if run and run[-1].whitespace_ != " ":
                    runs.append(run)
                    run = []
                run.append(tok)
                continue
            if run:
                runs.append(run)
            run = []
        if run:
            runs.append(run)
        return runs

    def _extend_of_place(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Securities and Exchange Board" + " of India": an organisation word followed by
        "of" and a place the model tagged separately is one name."""
        cands = sorted(cands, key=lambda c: (c.start, c.end))
        out: list[_Candidate] = []
        skip: set[int] = set()
        for i, c in enumerate(cands):
            if i in skip:
                continue
            name = self.text[c.start : c.end]
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            if (
                (c.label == "ORG" or _COURT_DISTRICT.fullmatch(name))
                and nxt is not None
                and nxt.label == "GPE"
                and (name.split()[-1].lower() in self.ref.org_words or _COURT_DISTRICT.fullmatch(name))
                and re.fullmatch(r" of (?:the )?", self.text[c.end : nxt.start])
            ):
                # "Southern District" (a "place") + " of New York": the court and its prosecutors
                c = replace(c, end=nxt.end, label="ORG")
                skip.add(i + 1)
            elif c.label == "ORG":
                # "Board" + " of India" left untagged, "Banco Central" + " do Brasil" tagged as a person
                place = self._country_after(c, name)
                if place is not None:
                    if nxt is not None and nxt.start < place:
                        skip.add(i + 1)
                    c = replace(c, end=place)
            out.append(c)
        return out

    def _country_after(self, c: _Candidate, name: str) -> int | None:
        """End of " of India" / " do Brasil" after an organisation's name, when the words name a country."""
        m = _OF_COUNTRY.match(self.text, c.end)
        if m is None or (m.group(1) == "of" and name.split()[-1].lower() not in self.ref.org_words):
            return None
        words = list(re.finditer(r"\S+", m.group(2)))
        for w in reversed(words):
            if _is_country(m.group(2)[: w.end()]):
                return m.start(2) + w.end()
        return None

    def _fitted_acronyms(self, cands: list[_Candidate], definitions: dict[str, _Candidate]) -> dict[str, _Candidate]:
        """Acronyms used but not defined ("the BOJ") whose letters fit exactly one
        organisation or event named in full in the same article ("Bank of Japan", "Game Developers Conference")."""
        long_forms = [c for c in cands if c.label in ("ORG", "EVENT") and len(self.text[c.start : c.end].split()) >= 2]
        found: dict[str, _Candidate] = {}
        for m in _BARE_ACRONYM.finditer(self.text):
            acronym = m.group(0)
            if acronym in definitions or acronym in found or self.ref.alias_for(acronym) is not None:
                continue
            if acronym.lower() in _LEGAL_FORMS:
                continue  # "SAP SE", "Volvo AB": a company's legal form, not "Siemens Energy" shortened
            fits = {self.text[c.start : c.end]: c for c in long_forms if _acronym_fits(acronym, self.text[c.start : c.end])}
            if len(fits) == 1:
                found[acronym] = next(iter(fits.values()))
        return found

    def _acronym_uses(self, definitions: dict[str, _Candidate], cands: list[_Candidate]) -> list[_Candidate]:
        out = []
        for acronym, long_form in definitions.items():
            pattern = re.compile(r"(?<![\w.\-])" + re.escape(acronym) + r"(?![\w\-]|\.\w)")
            for m in pattern.finditer(self.text):
                out.append(_Candidate(m.start(), m.end(), long_form.label))
        return out

    @staticmethod
    def _non_overlapping(cands: list[_Candidate]) -> list[_Candidate]:
        """Keep spaCy's (earlier-listed) span where two overlap; then sort by position."""
        kept: list[_Candidate] = []
        taken: list[tuple[int, int]] = []
        for c in cands:
            if any(c.start < e and s < c.end for s, e in taken):
                continue
            kept.append(c)
            taken.append((c.start, c.end))
        return sorted(kept, key=lambda c: (c.start, c.end))

    # -- names ------------------------------------------------------------------------------

    def _canonicalise(self, cands: list[_Candidate], definitions: dict[str, _Candidate]) -> list[_Candidate]:
        long_forms = {
            acronym: (c.label, canonical_spelling(self.text[c.start : c.end])) for acronym, c in definitions.items()
        }
        out = []
        for c in cands:
            written = self.text[c.start : c.end]
            name = c.canonical or canonical_spelling(written)
            label = c.label
            if written in long_forms:
                label, name = long_forms[written]
            alias = self.ref.alias_for(name)
            state = _us_state_abbreviations().get(written) if label in ("GPE", "LOC", "ORG", "PERSON") else None
            own_s = self.text[c.end : c.end + 2] in ("'s", "\u2019s")
            if alias is None and own_s and label in ("ORG", "PERSON", "GPE", "PRODUCT"):
                # "Moody's", "Standard & Poor's": a company whose name holds the 's the model left off
                with_own_s = self.ref.alias_for(name + "'s")
                if with_own_s is not None and with_own_s.label == "ORG":
                    alias = with_own_s
                    c = replace(c, end=c.end + 2)
            if alias is None and label == "ORG":
                name = self._acronym_spelled_out(name)
            if alias is not None:
                name, label = alias.canonical_name, alias.label
            elif label not in ("ORG", "PRODUCT") and not c.label_fixed and written in self.ref.listed_companies:
                # "Diageo" tagged a person, "Cisco" a place: a listed company whose name names nothing else
                c, label = replace(c, label_fixed=True), "ORG"
            elif state is not None:
                name, label = state, "GPE"  # "Portland, Ore.", "Sen. Joe Manchin, D-W.Va."
            elif label in ("GPE", "LOC") and len(name) > 4 and name.isupper() and self._names_a_place(name.title()):
                name = canonical_spelling(name.title())  # "LONDON" in a slug line is London
            out.append(replace(c, canonical=name, label=label))
        # "Sainsbury's shares" after "Sainsbury's said": the possessive took the name's own 's
        with_s = {c.canonical[:-2]: c.canonical for c in out if c.label == "ORG" and c.canonical.endswith("'s")}
        out = [replace(c, canonical=with_s[c.canonical]) if c.label == "ORG" and c.canonical in with_s else c for c in out]
        # the mention takes in the 's its name holds: "[Moody's] rated", not "[Moody]'s rated"
        return [
            replace(c, end=c.end + 2)
            if c.label == "ORG" and c.canonical.endswith(("'s", "\u2019s"))
            and not self.text[c.start : c.end].endswith(("'s", "\u2019s"))
            and self.text[c.end : c.end + 2] in ("'s", "\u2019s")
            else c
            for c in out
        ]

    def _acronym_spelled_out(self, name: str) -> str:
        """"U.N. Security Council" is the United Nations Security Council and "IMF Executive Board" the
        International Monetary Fund Executive Board: a body named after an organisation's acronym from
        the alias file is named with that organisation's full name, as articles that spell it out do.
        Only organisations: "US Airways" and "UK Athletics" keep their names."""
        first, _, rest = name.partition(" ")
        if not rest or first not in self.ref.acronyms:
            return name
        owner = self.ref.alias_for(first)
        if owner is None or owner.label != "ORG" or name_key(owner.canonical_name) == name_key(first):
            return name
        return f"{owner.canonical_name} {rest}"

    def _full_names_tagged_otherwise(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Arjen Robben" tagged ORG where the article's lone "Robben" is a person: a name of two or
        three capitalised words whose last word the article uses alone mostly as a person is that
        person ("Morgan Stanley", "John Lewis" stay: nobody in their stories is called "Stanley")."""
        alone: dict[str, list[int]] = {}
        for c in cands:
            if len(c.canonical.split()) == 1 or (c.role_span is not None and len(c.canonical.split()) == 2):
                # also a two-word surname given a title: "Mrs Parker Bowles" for "Camilla Parker Bowles"
                tally = alone.setdefault(name_key(c.canonical), [0, 0])
                tally[0 if c.label == "PERSON" else 1] += 1
        out = []
        for c in cands:
            words = c.canonical.split()
            if (
                c.label in ("ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART")
                and not c.label_fixed
                and not any(w.lower() in self.ref.facility_words for w in words)
                and 2 <= len(words) <= 3
                and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
                and words[-1].lower() not in self.ref.org_words
                and name_key(words[0]) not in self.ref.demonyms  # "American Idol", "the European Elvis"
                and not self._names_a_place(c.canonical)
            ):
                person, other = alone.get(name_key(" ".join(words[-2:])) if len(words) == 3 else "", (0, 0))
                if not person:
                    person, other = alone.get(name_key(words[-1]), (0, 0))
                if person > other:
                    c = replace(c, label="PERSON")
            out.append(c)
        return out

    def _called_an_organisation_before(self, start: int, any_case: bool = False) -> bool:
        """"security firm Sophos", "band Franz Ferdinand", "miners Rio Tinto and Anglo American": the kind
        of organisation right before a name or before the list it is in ("Drugmaker Brauwald" too, with
        ``any_case``)."""
        before = self.text[max(0, start - 16) : start]
        return bool(
            _ORG_NOUN_BEFORE.search(before.lower() if any_case else before)
            or _ORG_LIST_BEFORE.search(self.text, max(0, start - 120), start)
            or _GOODS_MAKER_BEFORE.search(self.text, max(0, start - 40), start)
        )

    def _cued_as_organisation(self, c: _Candidate) -> bool:
        """What the text says around a name makes it an organisation: "Yukos shares", "Disney
        directors", "a stake in Yukos", "Diageo, the world's biggest spirits company,"."""
        return bool(
            _ORG_CUE_AFTER.match(self.text, c.end)
            or _HOLDING_IN.search(self.text, max(0, c.start - 24), c.start)
            or _ORG_APPOSITION.match(self.text, c.end)
            or _JOB_AT_BEFORE.search(self.text, max(0, c.start - 60), c.start)
        )

    def _surnames_the_article_names_in_full(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Trump" is Donald Trump by the alias file, but Melania Trump in an article that names her in full
        and no other Trump: a person's alias gives way to the one full name of the article it is part of."""
        written_in_full = {
            c.canonical for c in cands if c.label == "PERSON" and len(self.text[c.start : c.end].split()) >= 2
        }
        out = []
        for c in cands:
            word = self.text[c.start : c.end]
            alias = self.ref.alias_for(word) if " " not in word else None
            if alias is not None and alias.label == "PERSON" and c.canonical == alias.canonical_name:
                own = [f for f in written_in_full if name_key(f).split()[-1] == name_key(word)]
                if len(own) == 1 and own[0] != c.canonical:
                    c = replace(c, canonical=own[0])
            out.append(c)
        return out

    def _resolve_partial_people(self, cands: list[_Candidate]) -> list[_Candidate]:
        """A person named by part of a full name used elsewhere in the article is that person."""
        cands = self._surnames_the_article_names_in_full(cands)
        full_names: dict[str, set[str]] = {}
        for c in cands:
            if c.label == "PERSON" and len(c.canonical.split()) >= 2:
                full_names[c.canonical] = set(name_key(c.canonical).split())
        # "L Nitoglia" in the team sheet is the "Ludovico Nitoglia" of the report
        # and "Mrs Parker Bowles" is the "Camilla Parker Bowles" of the article
        initials: dict[str, str] = {}
        for short in full_names:
            if _INITIAL_AND_SURNAME.fullmatch(short):
                first, surname = name_key(short).split(maxsplit=1)
                longer = [
                    full for full in full_names
                    if full != short and name_key(full).endswith(" " + surname) and name_key(full).startswith(first)
                ]
            elif len(short.split()) == 2:
                longer = [
                    full for full in full_names
                    if full != short and name_key(full).endswith(" " + name_key(short))
                    and len(full.split()) <= 4 and not re.search(r"[&:,]", full)  # not "Matt Lucas & David Walliams"
                ]
            else:
                continue
            if len(longer) == 1:
                initials[short] = longer[0]
        for short in initials:
            del full_names[short]
        org_cued = {c.canonical for c in cands if self._cued_as_organisation(c)}
        # mentions of each full name, in full or in part as a person ("Mr Dudek", "Dudek")
        as_person = Counter(
            full for c in cands if c.label == "PERSON"
            for full, fw in full_names.items() if set(name_key(c.canonical).split()) <= fw
        )
        alone = Counter(c.canonical for c in cands)
        out = []
        for c in cands:
            if c.canonical in initials:
                c = replace(c, canonical=initials[c.canonical], label="PERSON")
            elif (
                c.label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT")
                or (c.label == "WORK_OF_ART" and not c.label_fixed)  # "outgoing host Butters" after "Wes Butters"
            ) and c.canonical not in full_names:
                words = set(name_key(c.canonical).split())
                matches = [full for full, fw in full_names.items() if words and words < fw]
                # another label only for a lone surname: "Hendry" (ORG) after "Paul Hendry",
                # "Kilroy-Silk" after "Robert Kilroy-Silk"
                key = name_key(c.canonical).split()
                # ("Ford shares" and "carmaker Ford" stay the company beside "Bill Ford")
                surname_only = (
                    len(matches) == 1 and key == name_key(matches[0]).split()[-len(key) :] and c.canonical not in org_cued
                )
                # or a lone given name: "Imanol has been dropped" (ORG) after "Imanol Harinordoquy"; not one
                # named alone more often than the person is ("Mac", a computer, six times, "Mac Mini" four)
                given_only = (
                    len(matches) == 1
                    and len(key) == 1
                    and key[0] == name_key(matches[0]).split()[0]
                    and alone[c.canonical] <= as_person[matches[0]]
                    and (is_given_name(c.canonical) or is_rare_given_name(c.canonical))
                    and c.canonical not in org_cued
                    and not c.label_fixed
                    and not self._names_a_place(c.canonical)
                )
                if len(matches) == 1 and (c.label == "PERSON" or surname_only or given_only) and not _is_country(c.canonical):
                    c = replace(c, canonical=matches[0], label="PERSON")
                elif (
                    len(matches) >= 2
                    and all(key == name_key(m).split()[-len(key) :] for m in matches)
                    and not _is_country(c.canonical)
                    and not c.label_fixed
                    and c.canonical not in org_cued
                ):
                    # "Easterby" after "Guy Easterby" and "S Easterby": one of them, which the text does
                    # not say ("Disney directors" after "Walt Disney" and "Roy Disney" is the company)
                    c = replace(c, label="PERSON")
            out.append(c)
        return out

    def _one_sense_per_name(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Ryanair" tagged ORG four times and PERSON three, "Glasgow" GPE and PERSON: a lone name
        that the article never gives a first name or a title is one thing throughout, the
        organisation or place it is tagged as at least as often as it is tagged a person
        (a place only if the gazetteer knows it, by another name too: "Orquera" tagged GPE once is
        still the player, "in Seville" the city of Sevilla);
        one the article gives a title ("Mr Parry") is the person throughout; one tagged GPE that
        no gazetteer knows and ORG at least as often, or followed by "shares" or "boss", is the organisation
        ("Gazprom")."""
        from newsgraph.normalise.geo import any_city_alias, known_place, world_city_alias

        votes: dict[str, dict[str, int]] = {}
        people: dict[str, int] = {}
        unplaced: dict[str, int] = {}
        titled = set()
        cued: dict[str, str] = {}
        others: dict[str, Counter[str]] = {}
        for c in cands:
            if len(c.canonical.split()) != 1:
                continue
            if c.listed:
                continue
            others.setdefault(c.canonical, Counter())[c.label] += 1
            # "Yukos shares", "Oscar nominations": what follows the name says what it is
            if _AWARD_CUE_AFTER.match(self.text, c.end) or (
                c.label == "PERSON"
                and (
                    _AWARD_CUE_BEFORE.search(self.text, max(0, c.start - 40), c.start)
                    or (_AN_BEFORE.search(self.text, max(0, c.start - 8), c.start) and _PHRASE_ENDS_AFTER.match(self.text, c.end))
                )
            ):
                cued[c.canonical] = "EVENT"
            elif (
                self._cued_as_organisation(c)
                or self._called_an_organisation_before(c.start, any_case=True)
                or (c.label == "ORG" and _WHICH_AFTER.match(self.text, c.end))
            ):
                cued.setdefault(c.canonical, "ORG")  # also "oil firm Yukos", "Chipmaker Nvidia"
            placed = c.label == "GPE" and (
                _is_country(c.canonical) or known_place(c.canonical) is not None or world_city_alias(c.canonical)
            )
            # a town the gazetteer holds by another name ("Hanau", held as "Hanau am Main") is a place against
            # a person; still no place against an organisation ("Opera", a browser, and a town's other name)
            if c.label in ("ORG", "LOC", "FAC") or placed or (c.label == "GPE" and any_city_alias(c.canonical)):
                tally = votes.setdefault(c.canonical, {})
                tally[c.label] = tally.get(c.label, 0) + 1
            if c.label == "GPE" and not placed:
                unplaced[c.canonical] = unplaced.get(c.canonical, 0) + 1
            if (
                c.label in ("LOC", "NORP")
                and known_place(c.canonical) is None
                and not self._is_area(c.canonical)
                and not world_city_alias(c.canonical)
                and name_key(c.canonical) not in self.ref.demonyms
                and not _PEOPLE_WORD.search(c.canonical)  # "Gibraltarians", "Dutchman"
                and c.canonical not in _language_names()  # "Latin"
            ):
                unplaced[c.canonical] = unplaced.get(c.canonical, 0) + 1
            if c.label == "PERSON":
                people[c.canonical] = people.get(c.canonical, 0) + 1
                if c.role_span is not None:
                    titled.add(c.canonical)
        settled = {
            name: max(tally, key=tally.__getitem__)
            for name, tally in votes.items()
            if name in people
            and name not in titled
            and sum(tally.values()) >= people[name]
            and not self._person_named(name, cands)
        }
        settled.update(
            (name, label) for name, label in cued.items()
            if name in people and name not in titled and not self._person_named(name, cands)
        )
        # "Mr Parry" makes every lone "Parry" the person, as "Paul Hendry" does for "Hendry"
        people_named = {name for name in titled if not _is_country(name)}
        out = []
        for c in cands:
            if c.listed and others.get(c.canonical):
                # "Coles, Hill" cut from a team sheet tagged ORG: "Hill" is what the article's other "Hill" is
                c = replace(c, label=others[c.canonical].most_common(1)[0][0])
            if c.label == "PERSON" and c.canonical in settled:
                c = replace(c, label=settled[c.canonical])
            elif c.canonical in people_named and c.label in ("ORG", "GPE", "LOC", "FAC", "PRODUCT"):
                c = replace(c, label="PERSON")
            elif (
                c.label in ("GPE", "LOC", "NORP")
                and c.canonical in unplaced
                and (
                    votes.get(c.canonical, {}).get("ORG", 0) >= unplaced[c.canonical]
                    or cued.get(c.canonical) == "ORG"
                )
            ):
                # "Gazprom" tagged GPE and ORG, "Yugansk" GPE but also "Yugansk shares", "Windows" ORG, LOC
                # and NORP: a "place" or "nationality" the gazetteer and the demonyms do not know is the organisation
                c = replace(c, label="ORG")
            elif (
                c.label == "GPE"
                and cued.get(c.canonical) == "ORG"
                and others[c.canonical]["ORG"]
                and not c.label_fixed
                and not _is_country(c.canonical)
                and not _PLACE_PREPOSITION_BEFORE.search(self.text, max(0, c.start - 8), c.start)
            ):
                # "mobile phone giant Orange ... no connection to Orange": a town's name too, but not here
                c = replace(c, label="ORG")
            out.append(c)
        return out

    def _places_no_one_knows(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Yugansk", "Bafta", "Kazaa" tagged places: a one-word "place" that no gazetteer, alias or demonym
        knows and that the article never writes after "in", "at", "from", "near" or the like ("in Davos"
        stays the town; after "to" before the country or province it lies in: "flooding to Monmouth in
        Wales") is the organisation the model most often takes for a place."""
        from newsgraph.normalise.geo import any_city_alias, country_code

        unknown = {
            c.canonical for c in cands
            if c.label == "GPE"
            and not c.label_fixed
            and _ONE_NAME.fullmatch(name := self.text[c.start : c.end])
            and not name.lower().endswith("shire")
            # (a common word is no name at all, and a given name a person's: "Broadband", "Tatiana")
            and not is_common_word(name)
            and not is_given_name(name)
            and not self._names_a_place(name)
            and country_code("GPE", name) is None
            and not any_city_alias(name)  # "Kharkov", "Oporto", "Basra": other names of places
            and not self._is_area(name)
            and name_key(name) not in self.ref.demonyms
            and name not in self._person_words
        }
        # a name also tagged a person is the person's; one in a list of names may be a player's ("Sheahan, Horan")
        # ("..., Destatis said" after a clause is no list)
        unknown -= {
            c.canonical for c in cands
            if c.label == "PERSON" or c.listed or _LIST_NEIGHBOUR.match(self.text, c.end)
            or (
                _LIST_NEIGHBOUR_BEFORE.search(self.text, max(0, c.start - 3), c.start)
                and not _SPEAKS_AFTER.match(self.text, c.end)
            )
        }
        if not unknown:
            return cands
        # "in Davos", "moved to Malibu" place a name; "to" alone does so only twice ("in connection to
        # Yugansk" is no journey)
        after_to: Counter[str] = Counter()
        placed = set()
        for c in cands:
            if c.canonical in unknown and (m := _LOCATIVE_BEFORE.search(self.text, max(0, c.start - 24), c.start)):
                inside = _INSIDE_A_PLACE_AFTER.match(self.text, c.end)
                if (
                    m.group(0).split()[0] == "to"
                    and not _JOURNEY_TO_BEFORE.search(self.text, max(0, c.start - 30), c.start)
                    # "brought flooding to Monmouth in Wales": the country or province it lies in places it too
                    and not (inside and (_is_country(inside.group(1)) or self._names_a_sizeable_place(inside.group(1))))
                ):
                    after_to[c.canonical] += 1
                else:
                    placed.add(c.canonical)
        placed |= {name for name, n in after_to.items() if n >= 2}
        return [
            replace(c, label="ORG") if c.label == "GPE" and c.canonical in unknown - placed else c for c in cands
        ]

    def _companies_tagged_people(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Activision Blizzard" tagged a person beside "Activision" tagged an organisation, "Borussia
        Dortmund" a person three times and, after "football club", an organisation: a name of two words
        or more is the organisation throughout when one of its uses, written whole, is cued as one, or
        when its first word, no given name, is cued as an organisation on its own ("Activision shares").
        Not a name with a title."""
        def cued(c: _Candidate) -> bool:
            if _WORK_CUE_AFTER.match(self.text, c.end):
                return False  # "Kill Bill director Quentin Tarantino": a film's director
            return self._cued_as_organisation(c) or self._called_an_organisation_before(c.start, any_case=True)

        alone = {self.text[c.start : c.end] for c in cands if c.label == "ORG" and " " not in self.text[c.start : c.end] and cued(c)}
        titled = {c.canonical for c in cands if c.label == "PERSON" and c.role_span is not None}
        companies = {
            c.canonical
            for c in cands
            # the whole name written: "band Kasabian" says nothing of the "Linda Kasabian" it is named after
            if c.canonical and " " in c.canonical and self.text[c.start : c.end] == c.canonical and c.canonical not in titled
            and (cued(c) or (c.canonical.split()[0] in alone and not is_given_name(c.canonical.split()[0])))
        }
        return [
            replace(c, label="ORG") if c.label == "PERSON" and c.role_span is None and c.canonical in companies else c
            for c in cands
        ]

    def _clubs(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Clubs named after their towns: a town (or a town or club taken for a person or a
        building) that the article names as a side ("Newcastle manager Graeme Souness", "beat
        Southampton", "Bolton drew with Charlton", "win over Crystal Palace") is the club wherever
        the article names it alone, except after "in", "at" or "of" ("fans in Birmingham").
        Countries and home nations stay places: a national side is named after its country."""
        from newsgraph.normalise.geo import known_place

        def town(c: _Candidate) -> bool:
            name = c.canonical
            words = name.split()
            if (
                c.label not in ("GPE", "PERSON", "FAC", "LOC")
                or c.label_fixed
                or (c.start, c.end) in self.side_spans
                or len(words) > 2
                or self._national(name)
                or self._is_area(name)
            ):
                return False
            if c.label == "GPE" or words[-1].lower() in _CLUB_LAST_WORDS:
                return True
            # a person is the side only if the name is a town's ("beat Federer" is the player; "play
            # Kaka forward" too, whatever hamlet shares his name)
            place = known_place(name)
            return place is not None and place[1] >= _CLUB_TOWN_POPULATION

        clubs = {
            c.canonical
            for c in cands
            if town(c)
            and (
                _TEAM_CUE_AFTER.match(self.text, c.end)
                # "Blackburn have rejected a bid": a town as a team takes a plural verb in British copy
                or (
                    c.label == "PERSON"
                    and _PLURAL_VERB_AFTER.match(self.text, c.end)
                    # a town's own name must be the verb's subject ("trains between Cardiff and Swansea were
                    # cancelled"); a club's shape vouches for it ("West Brom and Aston Villa have impressed")
                    and (c.canonical.split()[-1].lower() in _CLUB_LAST_WORDS or self._is_subject(c))
                )
                or _TEAM_CUE_BEFORE.search(self.text, max(0, c.start - 24), c.start)
            )
        }
        if not clubs:
            return cands
        return [
            replace(c, label="ORG")
            if c.canonical in clubs
            and town(c)
            and not _PLACE_PREPOSITION_BEFORE.search(self.text, max(0, c.start - 12), c.start)
            else c
            for c in cands
        ]

    def _is_subject(self, c: _Candidate) -> bool:
        """Whether the parser reads the name as its clause's subject ("Blackburn have rejected a bid"; not
        "trains between Cardiff and Swansea were cancelled")."""
        span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    def _club_prefixes(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Real" + "Madrid", "Inter" + "Milan", "Sporting" + "Lisbon": the word a club's name starts
        with, which the model left off the town it tagged, makes the club; such a word and a place
        tagged anything else ("Dynamo Kyiv" as a product) are the club too."""
        if not self.ref.club_first_words:
            return cands
        prefix = _club_first_word_pattern(self.ref.club_first_words)
        taken = [(c.start, c.end) for c in cands]
        out = []
        for c in cands:
            m = prefix.search(self.text, max(0, c.start - 16), c.start) if c.label in ("GPE", "ORG") else None
            if m is not None and " " not in c.canonical and not any(s < c.start and m.start(1) < e for s, e in taken):
                c = replace(c, start=m.start(1), label="ORG", canonical=f"{m.group(1)} {c.canonical}", label_fixed=True)
            first, _, rest = c.canonical.partition(" ")
            if c.label != "ORG" and rest and first in self.ref.club_first_words and self._names_a_place(rest):
                c = replace(c, label="ORG")  # "Dynamo Kyiv" as a product, "Zenit St Petersburg" as a building
            out.append(c)
        return out

    def _resolve_short_organisations(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Booking" after "Booking Holdings": the leading words of exactly one longer
        organisation of the article name it, whatever label spaCy gave the short form; so does
        an organisation's name without the place it is named after ("Rangers", "Glasgow Rangers")
        or without the organisation it belongs to ("the Security Council", "U.N. Security Council")
        (places, people and demonyms excepted: "the Scottish Executive" is not the Scottish
        National Party, nor "south east Asian" the Asian Development Bank)."""
        orgs = {c.canonical for c in cands if c.label == "ORG" and len(c.canonical.split()) >= 2}
        # "Sarbanes-Oxley" after "Sarbanes-Oxley Act": a law by its leading words
        laws = {c.canonical for c in cands if c.label == "LAW" and len(c.canonical.split()) >= 2}
        orgs |= laws
        if not orgs:
            return cands
        first_seen: dict[str, int] = {}
        for c in cands:
            if not self._in_headline(c.start):
                first_seen.setdefault(c.canonical, c.start)
        named = {c.canonical for c in cands}
        out = []
        from newsgraph.normalise.geo import known_place

        for c in cands:
            if (
                c.label not in ("PERSON", "GPE", "LOC", "NORP", "ORG", "PRODUCT")
                or (c.label == "PRODUCT" and _I_PRODUCT.fullmatch(c.canonical))  # "iPod" beside "iPod age"
                or _is_country(c.canonical)
                or (c.label in ("GPE", "LOC") and known_place(c.canonical) is not None)
                or name_key(c.canonical) in self.ref.demonyms
                # "Jane Goodall" stays the woman before "the Jane Goodall Institute", "Giorgio Armani" the
                # man before "Giorgio Armani SpA": a person by a given name and a surname
                or (c.label == "PERSON" and len(c.canonical.split()) >= 2 and is_given_name(c.canonical.split()[0]))
            ):
                # "Sindh" stays the province after "Sindh Building Control Authority"
                out.append(c)
                continue
            words = c.canonical.split()
            known = self.ref.alias_for(c.canonical)
            if known is not None and known.label == "ORG" and name_key(known.canonical_name) == name_key(c.canonical):
                # "European Union" stays itself beside "EU Commission" (the European Union Commission)
                out.append(c)
                continue
            longer = [o for o in orgs if len(o.split()) > len(words) and o.split()[: len(words)] == words]
            # "Yukos" is not "Yukos USA", nor "Nintendo" "Nintendo Europe" (a regional unit of it),
            # but it is an organisation too
            owners = [
                o for o in longer
                if not _is_region_of_business(tail := " ".join(o.split()[len(words) :]))
                # "Apple" is not "Apple Mac" where the article names the Mac alone: a company and its thing
                # (a town's club is: "Manchester United" beside "United")
                and (tail not in named or known_place(c.canonical) is not None)
            ]
            if owners and first_seen.get(c.canonical, 0) < first_seen.get(owners[0], 0) and len(owners) == 1:
                tail = owners[0].split()[len(words) :]
                if not any(
                    w.lower().rstrip(".,") in self.ref.org_words or w.lower().rstrip(",") in _LEGAL_FORMS or w in ("&", "and")
                    for w in tail
                ) or (len(tail) > 1 and c.canonical in self.ref.listed_companies):
                    # "Apple" named before "Apple Intelligence", "BBC" before "BBC One": the organisation
                    # first, then a thing of its own (not "Kingfisher" before "Kingfisher Airlines", "Tate"
                    # before "Tate & Lyle": the organisation by its full name); a listed company before
                    # a unit of its own ("Diageo" before "Diageo Chateau & Estate Wines")
                    owners, longer = [], []
                    if c.label in ("PRODUCT", "GPE", "LOC") or (
                        # "Mini" (a person) before "Mini Convertible"; not "Drogba" before "Drogba 107" (a
                        # team sheet) or "Adam Smith" before "Adam Smith Lecture"
                        c.label == "PERSON" and not is_given_name(words[0]) and not _MODEL_NUMBER.search(" ".join(tail))
                    ):
                        c = replace(c, label="ORG")
            if longer and not owners and c.label in ("PERSON", "PRODUCT"):
                c = replace(c, label="ORG")
            if c.label == "ORG" or (c.label in ("GPE", "LOC") and known_place(c.canonical) is None):
                # "United" after "Manchester United": the organisation without the place it is named after
                # (also where tagged a place no gazetteer knows: "29% of United")
                owners += [
                    o for o in orgs - laws
                    if len(o.split()) > len(words)
                    and o.split()[-len(words) :] == words
                    and known_place(" ".join(o.split()[: -len(words)])) is not None
                ]
            if c.label == "ORG":
                # "the Security Council" after "United Nations Security Council": a body without the
                # organisation it belongs to
                owners += [
                    o for o in orgs - laws
                    if len(o.split()) > len(words) >= 2
                    and o.split()[-len(words) :] == words
                    and (owner := self.ref.alias_for(" ".join(o.split()[: -len(words)]))) is not None
                    and owner.label == "ORG"
                ]
                # "Disney" after "Walt Disney Co.": the last words of a company's name before its legal form
                owners += [
                    o for o in orgs - laws
                    if (core := without_legal_form(o).split()) != o.split()
                    and len(core) > len(words)
                    and core[-len(words) :] == words
                ]
                # "Lilly" after "Eli Lilly", "Schwab" after "Charles Schwab": a company named after a person
                owners += [
                    o for o in orgs - laws
                    if len(words) == 1 and len(o.split()) == 2 and o.split()[1] == words[0] and is_given_name(o.split()[0])
                ]
                owners = sorted(set(owners))
            if (
                len(owners) == 1
                and (c.label != "PERSON" or not self._person_named(c.canonical, cands))
                # not "BMW X5", "BBC Radio 4": a model, a station; nor "Windows XP", "Sony BMG": an edition,
                # a joint venture (a legal form or a club's is no such thing: "Deutsche Bank AG", "Sunderland FC")
                and not _MODEL_NUMBER.search(" ".join(owners[0].split()[len(words) :]))
                # nor "Apple Watch Series" written before "11": a product line the model cut short
                and not any(_NUMBER_AFTER.match(self.text, at + len(owners[0])) for at in self._occurrences(owners[0]))
                and not (
                    (tail := owners[0].split()[len(words) :])
                    # ("AI" ends a company's name as a legal form does: "Mistral" after "Mistral AI")
                    and all(_ACRONYM.fullmatch(w) and w.lower() not in _LEGAL_FORMS | _CLUB_FORMS | {"ai"} for w in tail)
                )
            ):
                c = replace(c, label="LAW" if owners[0] in laws else "ORG", canonical=owners[0])
            out.append(c)
        return out

    @staticmethod
    def _person_named(name: str, cands: list[_Candidate]) -> bool:
        words = set(name_key(name).split())
        return any(c.label == "PERSON" and c.canonical != name and words <= set(name_key(c.canonical).split()) for c in cands)

    def _surname_uses(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Later uses of a person's surname that spaCy did not tag ("Dar said...")."""
        by_surname: dict[str, set[str]] = {}
        for c in cands:
            words = c.canonical.split()
            if c.label == "PERSON" and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
                by_surname.setdefault(words[-1], set()).add(c.canonical)
        others = {w for c in cands if c.label != "PERSON" for w in c.canonical.split()}
        out = []
        for surname, fulls in by_surname.items():
            if len(fulls) != 1 or surname in others:
                continue
            (full,) = fulls
            first = min(c.start for c in cands if c.canonical == full)
            pattern = re.compile(r"(?<![\w\-'’])" + re.escape(surname) + r"(?![\w\-])")
            for m in pattern.finditer(self.text, first):
                out.append(_Candidate(m.start(), m.end(), "PERSON", canonical=full))
        return out

    def _headline_lines(self) -> list[tuple[int, int]]:
        """Lines written in capitals, slugs and headlines ("SOCCER - BRAZIL HELD TO DRAW BY LATVIA"),
        and a first line in title case ("Fed Holds Rates Steady as Inflation Cools"): there the model,
        trained on sentences, finds little and runs capitalised words together ("Fed Holds", "Inflation
        Cools")."""
        spans = []
        pos = 0
        first = True
        for line in self.text.splitlines(keepends=True):
            letters = [ch for ch in line if ch.isalpha()]
            words = line.split()
            if len(letters) >= 6 and len(words) >= 2 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters):
                spans.append((pos, pos + len(line.rstrip())))
            elif first and words and _is_title_case(words):
                spans.append((pos, pos + len(line.rstrip())))
            if words:
                first = False
            pos += len(line)
        return spans

    def _headline_names(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Names in a headline (in capitals or title case), read off the rest of the article: "LATVIA"
        is the article's Latvia, "SAMPRAS" its Pete Sampras; a country, a demonym or a known alias
        ("EU") is itself anywhere. The model's spans there give way to these, and so do its spans that run over a
        separator ("ENGLAND V PAKISTAN") or name no place."""
        lines = self._headline_lines()
        # an article written all in capitals has no mixed-case text to read its names off
        mixed = sum(ch.isalpha() for ch in self.text) - sum(ch.isalpha() for a, b in lines for ch in self.text[a:b])
        if not lines or mixed < _MIXED_CASE_LETTERS:
            return cands

        def in_headline(c: _Candidate) -> bool:
            # a dateline is no headline: "NEW YORK 1996-08-22" above "NEW YORK 5 Seattle 4" is the city
            return (c.start, c.end) not in self.dateline_spans and any(a <= c.start and c.end <= b for a, b in lines)

        known: dict[str, Counter[tuple[str, str]]] = {}
        surnames: dict[str, set[str]] = {}
        for c in cands:
            if in_headline(c):
                continue
            written_forms = {c.canonical, self.text[c.start : c.end]}
            if c.label == "ORG":
                written_forms.add(without_legal_form(c.canonical))  # "FIAT" is the article's Fiat SpA
            for written in written_forms:
                known.setdefault(name_key(written), Counter())[(c.label, c.canonical)] += 1
            words = c.canonical.split()
            if c.label == "PERSON" and len(words) >= 2 and len(words[-1]) > 2:
                surnames.setdefault(name_key(words[-1]), set()).add(c.canonical)

        def lookup(phrase: str) -> tuple[str, str] | None:
            key = name_key(phrase)
            if key in known:
                return known[key].most_common(1)[0][0]
            if len(surnames.get(key, ())) == 1:
                return "PERSON", next(iter(surnames[key]))
            spelled = " ".join(w[:1] + w[1:].lower() for w in canonical_spelling(phrase).split())
            alias = self.ref.alias_for(spelled)
            if alias is not None:
                return alias.label, alias.canonical_name
            if len(key) > 2 and _is_country(spelled):  # "GB" in "W L PCT GB" is games behind
                return "GPE", spelled
            if key in self.ref.demonyms:
                return "NORP", spelled
            return None

        found: list[_Candidate] = []
        for a, b in lines:
            words = [
                (m.start() + a, m.end() + a) for m in _NAME_WORD.finditer(self.text[a:b])
                if not any(s <= m.start() + a < e for s, e in self.dateline_spans)
            ]
            i = 0
            while i < len(words):
                for n in range(min(5, len(words) - i), 0, -1):
                    start, end = words[i][0], words[i + n - 1][1]
                    phrase = self.text[start:end]
                    if len(phrase) < 2 or any(self.text[x[1] : y[0]] != " " for x, y in zip(words[i : i + n], words[i + 1 : i + n])):
                        continue
                    hit = lookup(phrase)
                    if hit is not None:
                        found.append(_Candidate(start, end, hit[0], canonical=hit[1], label_fixed=True))
                        i += n
                        break
                else:
                    i += 1
        # the model's own guesses there stand only for places the gazetteer knows ("EU REJECTS" as a
        # person, "MAJOR LEAGUE STANDINGS" as an organisation do not), and for the sides of a result
        kept = [
            c for c in cands
            if not in_headline(c)
            or (c.start, c.end) in self.side_spans
            or not (
                any(c.start < f.end and f.start < c.end for f in found)
                or _CAPS_SEPARATOR.search(self.text, c.start, c.end)
                or not self._names_a_place(c.canonical)
            )
        ]
        return self._non_overlapping(kept + found)

    def _untagged_repeats(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"T-Mobile has launched..." before "T-Mobile said": a name the article tags as one thing, written
        the same way where the model tagged nothing, as a whole name (no capitalised word joined to it,
        nothing else the model found there: "May" the month is not "May" the person), is that thing
        there too. A one-word name that the article also writes in lower case ("Reform" and "reform")
        is left alone at the start of a sentence, unless it speaks there ("Orange said")."""
        senses: dict[str, set[tuple[str, str]]] = {}
        tagged: Counter[str] = Counter()
        for c in cands:
            written = self.text[c.start : c.end]
            tagged[written] += 1
            if c.label in _REPEATED_LABELS and (c.label != "PERSON" or len(written.split()) >= 2):
                senses.setdefault(written, set()).add((c.label, c.canonical))
            short = without_legal_form(written).rstrip(",") if c.label == "ORG" else written
            if short != written and " " in short:
                # "About Acme Robotics" after "Acme Robotics, Inc.": a company without its legal form
                senses.setdefault(short, set()).add((c.label, c.canonical))
        taken = [(c.start, c.end) for c in cands] + list(self.excluded)
        for e in self.ents:
            tail = _NAME_AFTER_PREPOSITION.search(e.text) if e.label_ in ("DATE", "TIME") else None
            # "the first half against England" tagged a date: the name after the preposition is free
            taken.append((e.start_char, e.start_char + tail.start(1) if tail else e.end_char))
        out = []
        for written, found in senses.items():
            if len(found) != 1 or len(written) < 2 or not written[:1].isupper() or _PLURAL_ACRONYM.fullmatch(written):
                continue
            ((label, canonical),) = found
            if label in ("GPE", "LOC") and not self._names_a_place(canonical):
                continue  # the model's "Steam" or "Howl" place is no place
            one_word = " " not in written
            common = one_word and re.search(r"\b" + re.escape(written.lower()) + r"\b", self.text) is not None
            found_at = []
            for at in self._occurrences(written):
                end = at + len(written)
                if any(at < e and s < end for s, e in taken):
                    continue
                joined = _JOINED_BEFORE.search(self.text, max(0, at - 40), at)
                if _JOINED_AFTER.match(self.text, end) or (
                    joined
                    and not self._after_an_opening_stop_word(at)
                    # "Chief Executive Officer of Acme Robotics": a role before the name is no part of it
                    and joined.group(0).split()[0].rstrip(".").lower() not in self._role_words
                ):
                    continue
                before = self.text[max(0, at - 40) : at].rstrip()
                # ("Orange said it was..." after "mobile phone giant Orange": a word that speaks is the name)
                if common and (not before or before[-1] in ".!?\"\u201c:") and not (
                    label == "ORG" and _SPEAKS_AFTER.match(self.text, end)
                ):
                    continue
                found_at.append(_Candidate(at, end, label, canonical=canonical))
            # a word the model tagged once and passed over more often ("Angels" the song) is not taken on
            # trust; a place the gazetteer knows is ("beat England at Twickenham")
            if not one_word or len(found_at) <= tagged[written] or (
                label in ("GPE", "LOC")
                and (_is_country(written) or name_key(written) in _HOME_NATIONS or not is_common_word(written))
            ):
                out += found_at
        return out

    def _short_references(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"the Fund" after "International Monetary Fund", "the Bank" after "Bank of England":
        a capitalised head noun naming the article's only organisation with that head."""
        out = []
        for m in _SHORT_REFERENCE.finditer(self.text):
            head = m.group(1)
            owners = {
                (c.label, c.canonical)
                for c in cands
                if c.label == "ORG" and _head_noun(c.canonical) == head and len(c.canonical.split()) > 1
            }
            if len(owners) == 1:
                label, name = owners.pop()
                out.append(_Candidate(m.start(1), m.end(1), label, canonical=name))
        return out

    def _to_mention(self, c: _Candidate) -> EntityMention:
        canonical = c.canonical
        if c.label in ("GPE", "LOC") and not canonical.startswith("The ") and _written_with_the(canonical):
            canonical = f"The {canonical}"  # "Hague" the place is The Hague ("Mr Hague" stays a person)
        return EntityMention(
            start=c.start,
            end=c.end,
            text=self.text[c.start : c.end],
            label=c.label,
            canonical_name=canonical,
            entity_id=entity_id_for(c.label, canonical),
            role=c.role,
            sentence_idx=bisect.bisect_right(self.sentence_starts, c.start) - 1,
        )


def _head_end(text: str) -> int:
    """Where the article's first three lines end: a slug or headline may stand above the dateline."""
    pos, lines = 0, 0
    while lines < 3 and pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        lines += bool(text[pos:nl].strip())
        pos = nl + 1
    return min(pos, len(text))


def _dateline_match(text: str) -> re.Match[str] | None:
    """The dateline of an article ("NEW YORK (Reuters) -", "ISLAMABAD:"), its place as group 1."""
    from newsgraph.normalise.geo import known_place, world_city_alias

    for m in _DATELINE.finditer(text, 0, _head_end(text)):
        # "SOCCER - ENGLISH PREMIER LEAGUE RESULTS" is a slug, not a dateline: the place must be one
        # ("FRANKFURT" is GeoNames' Frankfurt am Main, "SÃO PAULO" São Paulo)
        name = m.group(1).title()
        if _is_country(name) or known_place(name) is not None or world_city_alias(name):
            return m
    return None


def dateline_lead(doc: "Doc") -> tuple[int, int] | None:
    """The first sentence after a dateline on the same line ("LONDON (Reuters) - [Rio Tinto posted a
    record profit.]"), as a character span, or None. The model, reading the dateline and the agency as
    part of the sentence, misses or mislabels the name that opens it about one time in four; read
    alone, the sentence is news prose it knows."""
    m = _dateline_match(doc.text)
    if m is None:
        return None
    rest = _AFTER_DATELINE.match(doc.text, m.end())
    start = rest.end() if rest is not None else m.end()
    if start >= len(doc.text) or not doc.text[start].isupper():
        return None
    line_end = doc.text.find("\n", start)
    end = len(doc.text) if line_end < 0 else line_end
    for sent in doc.sents:
        if sent.start_char <= start < sent.end_char:
            end = min(end, sent.end_char)
            break
    return (start, end) if end - start > 1 else None


def extract_entities(
    doc: "Doc",
    ref: Reference,
    excluded: tuple[tuple[int, int], ...] = (),
    lead_ents: tuple[tuple[int, int, str], ...] = (),
) -> list[EntityMention]:
    """All entity mentions of one parsed article, in text order, places on the map.

    ``excluded`` are character spans that are something else (money amounts): a
    model entity overlapping one is dropped. ``lead_ents`` are ``(start, end, label)`` of the
    model's entities in the :func:`dateline_lead` sentence read alone; those where the model
    found nothing in the whole article are taken too. GPE, LOC and FAC mentions carry the
    country, GeoNames id and coordinates that :func:`newsgraph.normalise.geo.resolve_places`
    finds for them with the article's other places as context.
    """
    from newsgraph.normalise.geo import resolve_places

    mentions = _ArticleEntities(doc, ref, excluded, lead_ents).mentions()
    places = resolve_places([(m.label, m.canonical_name) for m in mentions])
    out = []
    for m in mentions:
        place = places.get((m.label, m.canonical_name))
        if place is not None:
            m = replace(
                m,
                entity_id=entity_id_for(m.label, m.canonical_name, place.country_code),
                country_code=place.country_code,
                geonames_id=place.geonames_id,
                latitude=place.latitude,
                longitude=place.longitude,
            )
        out.append(m)
    return _in_its_country(out, ref)


def _in_its_country(mentions: list[EntityMention], ref: Reference) -> list[EntityMention]:
    """Names the alias file reads by country ("Labour" in a New Zealand story is the New Zealand Labour
    Party, "Labor" in an Australian one the Australian Labor Party), read in the country the article's
    places lie in most (two mentions or more, and more than any other country's: one "Australia" in a
    story about the Conservatives' Australian strategist does not make it Australian), else as everywhere."""
    if not ref.country_aliases:
        return mentions
    counts = Counter(m.country_code for m in mentions if m.country_code and m.label in ("GPE", "LOC", "FAC"))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return mentions
    home = ranked[0][0]
    out = []
    for m in mentions:
        alias = ref.alias_in(m.text, home) if m.label in ("ORG", "NORP", "PERSON") else None
        if alias is not None:
            m = replace(
                m, label=alias.label, canonical_name=alias.canonical_name,
                entity_id=entity_id_for(alias.label, alias.canonical_name),
            )
        out.append(m)
    return out
