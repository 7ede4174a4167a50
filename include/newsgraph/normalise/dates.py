"""Date expressions in news text, resolved against the article's publication date.

``resolve_date`` turns one expression ("on Monday", "June 30", "two months ago")
into a calendar date and a grain; ``resolve_dates`` does the same for every DATE
entity of a spaCy ``Doc``. Parsing is strict: the whole expression (after the
small words below are dropped) has to match one of the known forms, anything
else gives ``(None, None)``. Neither function raises.

Rules, with P the publication date:

* Leading prepositions and articles ("the", "on", "in", "since", "by", "from",
  "until", "during", "for", "over"...) and hedges ("about", "nearly", "more
  than"...) are ignored. Position words ("early", "mid-", "late", "the end
  of"...) are ignored too: "early 2024" is the year 2024, "end of June" the
  month of June; the grain says how precise the answer is. Trailing parts of the
  day ("Monday morning", "yesterday evening") are ignored.
* "today"/"tonight"/"this morning" = P, "yesterday"/"last night" = P-1,
  "tomorrow" = P+1, "the day before yesterday" = P-2, "the day after
  tomorrow" = P+2. Grain "day".
* Weekdays: the most recent such day on or before P (P itself on the same
  weekday). When the clause is future ("will", "next", "upcoming"...), the
  first such day after P. "last Monday"/"this past Monday" is the most recent
  Monday before P; "next Monday"/"this coming Monday" the first after P. A
  weekday in front of a full date ("Monday, June 30") defers to the date.
* Month and day ("June 30", "30 June", "June 30, 2024", "the 30th of June"):
  that day. Grain "day". Month and year ("March 2024"): grain "month",
  resolved to the first of the month. Month alone ("in June"): P's year, grain
  "month". "last June"/"next June": the nearest such month before/after P's
  month.
* Missing year, the six-month rule: the year is P's year, except that in a
  past-tense clause a date more than six months after P moves to the previous
  year (P = 2025-01-10, "the deal was signed on December 12" -> 2024-12-12), and
  in a future clause a date more than six months before P moves to the next year
  (P = 2025-12-20, "talks will resume on January 5" -> 2026-01-05). A month alone
  counts from its first day (P = 2024-10-16, "would take effect from April" -> April 2025). With no tense
  signal, P's year.
* Years ("2015", "in 2015", "the year 2015"): grain "year", resolved to Jan 1.
  Years 1000-2999 only.
* Fiscal years ("2024-25", "FY25", "fiscal 2025", "the current fiscal year"):
  unresolved. Fiscal years start in different months in different countries
  (April, July, October...), so there is no right first day without knowing
  whose fiscal year it is.
* ISO dates "2025-09-01" (also with "/" or "."): grain "day". "2025-09" is the
  month of September 2025, unless the second part is the year after the first
  ("2024-25", "2011-12"), which is read as a fiscal year or a range and left
  unresolved.
* Numeric dates "01/09/2025" (also "-" or "." between the parts) are read day
  first (1 September 2025), unless that is impossible and month first is not
  ("12/31/2025" -> 31 December 2025). Two-digit years: 00-68 -> 2000s, 69-99 ->
  1900s.
* Relative: "N days ago" = P-N (grain "day"), "N weeks ago" = P-7N (grain
  "day"), "N months ago" = first of the month N months before P's month (grain
  "month"), "N years ago" = Jan 1 of P.year-N, "N decades ago" = Jan 1 of
  P.year-10N (grain "year"). "... from now" counts forwards. N is a numeral,
  "a"/"an", or a number word up to "twelve". "last/this/next year" and
  "last/this/next month" resolve at year/month grain.
* An expression that does not resolve but ends in a day or a count back ("the
  end of the current fiscal year on June 30", "... three days ago") is narrowed
  to that tail.
* Either end of a range ("from 2026 to 2029", "between 2019 and 2021", "June 30
  to July 2") is unresolved, even when the model tagged the ends separately.
* "FY27"-style fiscal years the model did not tag are added, unresolved.
* A bare weekday in a paper of the same weekday ("said on Tuesday it aims to")
  moves to the next week only when the parse says the clause is future, not
  because a future word appears elsewhere in the sentence.
* Unresolved (None, None): durations and vague periods ("the last three
  years", "months", "recent weeks", "decades", "the 1990s"), weeks ("last
  week", "this week"), seasons, quarters, ranges ("2015-2020", "June 30 to
  July 2"), narrative-relative phrases ("the next day", "a year earlier"),
  impossible dates ("February 30"), and every expression that needs P when P
  is None (only absolute dates such as "June 30, 2024", "March 2024", "2015",
  "2025-09-01" resolve without P).

Tense: ``resolve_date`` looks for a few words in ``context`` (future: "will",
"shall", "'ll", "going to", "next", "upcoming", "coming", "scheduled", "set
to", "plans to", "expected to"...; checked first. Past: "was", "were", "had",
"did", "said", "ago", "last", "earlier", "previously"...). ``resolve_dates``
first asks the dependency parse for the verb that governs the date ("said on
Monday that prices will rise": "said", past), and falls back to those words in
the entity's sentence when the parse gives no answer.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Iterable, Literal

__all__ = ["ResolvedDate", "resolve_date", "resolve_dates"]

Tense = Literal["past", "future"] | None


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """One DATE entity of a document; ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str
    resolved: date | None  # first day of the period for month/year grain
    grain: str | None  # "day" | "month" | "year", None when unresolved


# --- vocabulary -------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1,
    "wednesday": 2, "wed": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3,
    "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Leading tokens that resolve_dates drops from an entity span.
SPAN_LEAD_WORDS: frozenset[str] = frozenset(
    "the on in at since by from until till to during before after of for through "
    "throughout within between over as".split()
)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(MONTHS)})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = rf"(?P<weekday>{_alternation(WEEKDAYS)})\.?"
_NUMBER = rf"(?P<number>\d{{1,3}}|{_alternation(NUMBER_WORDS)})"

_LEAD = re.compile(
    r"^(?:as of|as early as|as late as|as recently as|more than|less than|fewer than|at least|up to|"
    r"the|on|in|at|since|by|from|until|till|to|during|before|after|of|for|through|throughout|"
    r"within|between|over|under|about|around|nearly|almost|roughly|approximately|some|just|only|"
    r"circa|ca\.|c\.|starting|beginning|ending)\s+"
)
_POSITION = re.compile(
    r"^(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle|end|start|beginning|close)"
    r"(?:\s*-\s*|\s+)(?:of\s+)?(?:the\s+)?(?=\S)"
)
_PART_OF_DAY = re.compile(
    r"\s+(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night|overnight|noon|midday|lunchtime)$"
)

_SPECIAL_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
    "day before yesterday": -2, "day after tomorrow": 2,
}  # fmt: skip

_RE_MONTH_DAY = re.compile(rf"^{_MONTH}\s+(?:the\s+)?{_DAY}(?:\s+{_YEAR})?$")
_RE_DAY_MONTH = re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH}(?:\s+{_YEAR})?$")
_RE_MONTH_YEAR = re.compile(rf"^{_MONTH}\s+(?:of\s+)?{_YEAR}$")
_RE_MONTH = re.compile(rf"^(?:(?P<mod>last|next|this|this past|this coming|past|coming)\s+)?{_MONTH}$")
_RE_YEAR = re.compile(rf"^(?:(?:the\s+)?year\s+)?{_YEAR}$")
_RE_ISO = re.compile(r"^(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})$")
_RE_ISO_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
_RE_NUMERIC = re.compile(r"^(?P<a>\d{1,2})([-/.])(?P<b>\d{1,2})\2(?P<year>\d{4}|\d{2})$")
_RE_WEEKDAY = re.compile(
    rf"^(?:(?P<mod>last|next|this|this past|this coming|past|coming)\s+)?{_WEEKDAY}$"
)
_RE_WEEKDAY_PREFIX = re.compile(rf"^{_WEEKDAY}\s+(?P<rest>.+)$")
_RE_AGO = re.compile(
    rf"^{_NUMBER}\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<direction>ago|from now)$"
)
_RE_RELATIVE_PERIOD = re.compile(r"^(?P<mod>last|next|this|current)\s+(?P<unit>year|month)$")

_FUTURE_WORDS = re.compile(
    r"\b(?:will|would|shall|won't|wont|going to|next|upcoming|coming|scheduled|slated|set to|"
    r"plans? to|planned|expected to|to be held)\b|'ll\b"
)
_PAST_WORDS = re.compile(
    r"\b(?:was|were|had|did|said|told|ago|last|earlier|previously|yesterday|has been|have been)\b"
)

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll", "would"})
_RANGE_AFTER = re.compile(r"\s*(?:to|through|until|till|and|-|\u2013|\u2014)\s*(?:the\s+)?(?:end\s+of\s+)?(?:\d{4}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+(?:\S+\s+){0,3}?\S+\s+(?:and|to|-|\u2013)\s+(?:the\s+)?$", re.IGNORECASE)
_FISCAL_IN_TEXT = re.compile(r"(?<![\w-])FY\s?\d{2}(?:\d{2})?(?:[-/]\d{2}(?:\d{2})?)?(?![\w-])")
_FUTURE_LEMMAS = frozenset({"schedule", "slate", "plan", "expect", "set", "due", "intend", "aim"})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212]")


# --- helpers ----------------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _as_date(published: object) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    return None


def _normalise(expression: str) -> str:
    text = unicodedata.normalize("NFKC", expression).translate(_APOSTROPHES)
    text = _DASHES.sub("-", text).lower().replace(",", " ")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"'s$", "", text)
    return text.strip(" .;:!?()[]\"'")


def _strip_lead(text: str) -> str:
    while True:
        stripped = _LEAD.sub("", text, count=1)
        stripped = _POSITION.sub("", stripped, count=1)
        if stripped == text:
            return text
        text = stripped


def _text_tense(context: str) -> Tense:
    """"future" or "past" from a few marker words in ``context``; None when it says nothing."""
    if not isinstance(context, str) or not context:
        return None
    lowered = unicodedata.normalize("NFKC", context).translate(_APOSTROPHES).lower()
    if _FUTURE_WORDS.search(lowered):
        return "future"
    if _PAST_WORDS.search(lowered):
        return "past"
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: date, tense: Tense) -> date | None:
    """The date with no written year, by the six-month rule (see the module docstring)."""
    candidate = _safe_date(published.year, month, day)
    if candidate is None:
        return None
    if tense == "past" and candidate > _add_months(published, 6):
        return _safe_date(published.year - 1, month, day)
    if tense == "future" and candidate < _add_months(published, -6):
        return _safe_date(published.year + 1, month, day)
    return candidate


def _valid_year(year: int) -> bool:
    return 1000 <= year <= 2999


# --- the parsers ------------------------------------------------------------

Result = tuple[date | None, str | None]
_NONE: Result = (None, None)


def _calendar(text: str, published: date | None, tense: Tense) -> Result | None:
    """Month/day/year forms; None when ``text`` is not one of them."""
    for pattern in (_RE_MONTH_DAY, _RE_DAY_MONTH):
        match = pattern.match(text)
        if match:
            month, day = MONTHS[match["month"]], int(match["day"])
            if match["year"]:
                year = int(match["year"])
                resolved = _safe_date(year, month, day) if _valid_year(year) else None
            elif published is None:
                return _NONE
            else:
                resolved = _year_for(month, day, published, tense)
            return (resolved, "day") if resolved else _NONE

    match = _RE_MONTH_YEAR.match(text)
    if match:
        year = int(match["year"])
        return (date(year, MONTHS[match["month"]], 1), "month") if _valid_year(year) else _NONE

    match = _RE_MONTH.match(text)
    if match:
        if published is None:
            return _NONE
        month = MONTHS[match["month"]]
        mod = match["mod"]
        if mod in ("last", "past", "this past"):
            year = published.year if month < published.month else published.year - 1
            return date(year, month, 1), "month"
        if mod in ("next", "coming", "this coming"):
            year = published.year if month > published.month else published.year + 1
            return date(year, month, 1), "month"
        if mod == "this":
            return date(published.year, month, 1), "month"
        resolved = _year_for(month, 1, published, tense)
        return (resolved, "month") if resolved else _NONE

    match = _RE_YEAR.match(text)
    if match:
        year = int(match["year"])
        return (date(year, 1, 1), "year") if _valid_year(year) else _NONE
    return None


def _numeric(text: str) -> Result | None:
    """ISO and numeric dates; None when ``text`` is not one of them."""
    match = _RE_ISO.match(text)
    if match:
        year = int(match["year"])
        resolved = _safe_date(year, int(match["month"]), int(match["day"])) if _valid_year(year) else None
        return (resolved, "day") if resolved else _NONE

    match = _RE_ISO_MONTH.match(text)
    if match:
        year, second = int(match["year"]), int(match["month"])
        if second == (year + 1) % 100 or not 1 <= second <= 12 or not _valid_year(year):
            return _NONE  # fiscal year or range: "2024-25"
        return date(year, second, 1), "month"

    match = _RE_NUMERIC.match(text)
    if match:
        a, b, year_text = int(match["a"]), int(match["b"]), match["year"]
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000 if year <= 68 else 1900
        resolved = _safe_date(year, b, a) or _safe_date(year, a, b)  # day first, then month first
        return (resolved, "day") if resolved else _NONE
    return None


def _weekday(text: str, published: date | None, tense: Tense) -> Result | None:
    match = _RE_WEEKDAY.match(text)
    if not match:
        return None
    if published is None:
        return _NONE
    target = WEEKDAYS[match["weekday"]]
    mod = match["mod"]
    back = (published.weekday() - target) % 7  # days back to the latest on or before P
    ahead = (target - published.weekday()) % 7 or 7  # days on to the first after P
    if mod in ("last", "past", "this past"):
        return published - timedelta(days=back or 7), "day"
    if mod in ("next", "coming", "this coming") or (mod in (None, "this") and tense == "future"):
        return published + timedelta(days=ahead), "day"
    return published - timedelta(days=back), "day"


def _relative(text: str, published: date | None) -> Result | None:
    if text in _SPECIAL_DAYS:
        if published is None:
            return _NONE
        return published + timedelta(days=_SPECIAL_DAYS[text]), "day"

    match = _RE_AGO.match(text)
    if match:
        if published is None:
            return _NONE
        number = match["number"]
        count = int(number) if number.isdigit() else NUMBER_WORDS[number]
        sign = -1 if match["direction"] == "ago" else 1
        unit = match["unit"]
        if unit in ("day", "week"):
            return published + timedelta(days=sign * count * (7 if unit == "week" else 1)), "day"
        if unit == "month":
            return _add_months(published.replace(day=1), sign * count), "month"
        years = sign * count * (10 if unit == "decade" else 1)
        year = published.year + years
        return (date(year, 1, 1), "year") if _valid_year(year) else _NONE

    match = _RE_RELATIVE_PERIOD.match(text)
    if match:
        if published is None:
            return _NONE
        step = {"last": -1, "next": 1}.get(match["mod"], 0)
        if match["unit"] == "year":
            return date(published.year + step, 1, 1), "year"
        return _add_months(published.replace(day=1), step), "month"
    return None


def _resolve(expression: str, published: date | None, tense: Tense) -> Result:
    text = _strip_lead(_normalise(expression))
    if not text:
        return _NONE

    if text not in _SPECIAL_DAYS:  # keep "last night", "this morning"
        text = _PART_OF_DAY.sub("", text)  # "Monday morning" -> "monday"

    for parse in (
        lambda t: _relative(t, published),
        lambda t: _weekday(t, published, tense),
        lambda t: _calendar(t, published, tense),
        _numeric,
    ):
        found = parse(text)
        if found is not None:
            return found

    match = _RE_WEEKDAY_PREFIX.match(text)  # "Monday, June 30": the date decides
    if match:
        rest = match["rest"]
        found = _calendar(rest, published, tense) or _numeric(rest)
        if found is not None and found[1] == "day":
            return found
    return _NONE


# --- public API -------------------------------------------------------------


def resolve_date(expression: str, published: date | None, context: str = "") -> tuple[date | None, str | None]:
    """``(date, grain)`` for one date expression, or ``(None, None)``.

    ``published`` is the article's publication date (a datetime counts as its
    date); ``context`` is optional surrounding text, usually the sentence, used
    only to tell past from future. Month and year grains resolve to the first
    day of the period. See the module docstring for the rules.
    """
    try:
        if not isinstance(expression, str):
            return _NONE
        return _resolve(expression, _as_date(published), _text_tense(context))
    except Exception:  # never raise on odd input
        return _NONE


def _trimmed(span: Any) -> Any:
    """``span`` without leading prepositions/articles and trailing punctuation or "'s"."""
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "\u2019s")):
        end -= 1
    while end - start > 1 and (doc[start].is_punct or doc[start].lower_ in SPAN_LEAD_WORDS):
        start += 1
    return doc[start:end]


_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "pcomp", "acl", "parataxis"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have"})
_FUTURE_TO_HEADS = frozenset(
    {"scheduled", "slated", "planned", "plans", "plan", "planning", "expected", "expects", "set", "due",
     "intends", "intend", "aims", "aim", "going", "hopes", "hope", "wants", "want",
     "asked", "asks", "ask", "urged", "urges", "urge", "sought", "seeks", "seek", "requested", "pressed",
     "agreed", "agrees", "promised", "promises", "pledged", "pledges", "vowed", "vows"}
)  # fmt: skip
_SCHEDULED = frozenset({"scheduled", "slated", "due", "expected", "planned"})
_IRREGULAR_PAST = frozenset(
    """said told met took made gave paid rose fell sold bought held won lost began came went saw
    spent got left led set cut hit put brought thought kept found sent built grew fell struck
    stood ran wrote spoke broke chose drove flew knew swore became meant felt heard""".split()
)  # fmt: skip


def _is_clause_head(token: Any) -> bool:
    """A verb-like token, told from the dependency parse alone (the pipeline runs without a tagger)."""
    if token.dep_ in _CLAUSE_DEPS and token.is_alpha:
        return True
    return any(child.dep_ in _SUBJECT_DEPS for child in token.children)


def _governing_verb(span: Any) -> Any | None:
    token = span.root
    for _ in range(8):
        if token.head.i == token.i:
            return None
        token = token.head
        if _is_clause_head(token):
            return token
    return None


def _parse_tense(span: Any) -> Tense:
    """Tense of the clause that governs ``span``, from the dependency parse; None if unclear.

    Uses dependency labels and word forms only: auxiliaries ("will", "was"), the
    verb's own form ("said", "agreed") and "to" after a planning word ("is due to").
    """
    verb = _governing_verb(span)
    if verb is None:
        return None
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_.replace("\u2019", "'") for child in auxiliaries}
    if words & _FUTURE_AUX:
        return "future"
    if "to" in words and verb.head.lower_ in _FUTURE_TO_HEADS:
        return "future"
    if words & _PAST_AUX:
        return "past"
    form = verb.lower_
    if form in _SCHEDULED and not words & {"was", "were", "had"}:
        return "future"  # "is scheduled for March 3"
    if not words and (form in _IRREGULAR_PAST or (form.endswith("ed") and len(form) > 4)):
        return "past"
    return None


def _dated_tail(span: Any, published: date | None, tense: Tense) -> tuple[Any, date, str] | None:
    """The longest tail of an unresolved expression that names a day or counts back:
    "the end of the current fiscal year on June 30" -> "June 30",
    "25 lakh three days ago" -> "three days ago"."""
    doc = span.doc
    for i in range(span.start + 1, span.end):
        if doc[i - 1].lower_ in ("and", "to", "through", "-", "\u2013"):
            return None  # the tail of a range is not the date
        tail = _trimmed(doc[i : span.end])
        resolved, grain = _resolve(tail.text, published, tense)
        if resolved is not None and (grain == "day" or tail.text.lower().endswith(" ago")):
            return tail, resolved, grain
    return None


def _sentence_text(span: Any) -> str:
    try:
        return span.sent.text
    except Exception:  # no sentence boundaries on this doc
        return span.doc.text


def resolve_dates(doc: Any, published: date | None) -> list[ResolvedDate]:
    """Every DATE entity of a spaCy ``doc``, trimmed and resolved against ``published``.

    Leading words such as "the", "on", "in", "since", "by" and trailing
    punctuation are dropped from each entity; offsets are character offsets into
    ``doc.text`` and ``text == doc.text[start:end]``. Unresolved entities are kept
    with ``resolved`` and ``grain`` set to None.
    """
    results: list[ResolvedDate] = []
    published = _as_date(published)
    try:
        entities = [ent for ent in doc.ents if ent.label_ == "DATE"]
        has_parse = doc.has_annotation("DEP")
    except Exception:
        return results
    text = doc.text
    for entity in entities:
        try:
            span = _trimmed(entity)
            parsed = _parse_tense(span) if has_parse else None
            tense = parsed or _text_tense(_sentence_text(span))
            if parsed is None and tense == "future" and _same_weekday(span.text, published):
                tense = None  # "said on Tuesday it aims to ... next month", in a Tuesday paper
            if _in_range(text, span.start_char, span.end_char):
                resolved, grain = None, None
            else:
                resolved, grain = _resolve(span.text, published, tense)
                if resolved is None:
                    span, resolved, grain = _dated_tail(span, published, tense) or (span, None, None)
        except Exception:
            span, resolved, grain = entity, None, None
        results.append(ResolvedDate(span.start_char, span.end_char, span.text, resolved, grain))
    covered = [(r.start, r.end) for r in results]
    for m in _FISCAL_IN_TEXT.finditer(text):
        if not any(m.start() < e and s < m.end() for s, e in covered):
            results.append(ResolvedDate(m.start(), m.end(), m.group(0), None, None))
    results.sort(key=lambda r: r.start)
    return results


def _same_weekday(expression: str, published: date | None) -> bool:
    """A bare weekday naming the publication day's own weekday ("Tuesday" in a Tuesday paper)."""
    if published is None:
        return False
    match = _RE_WEEKDAY.match(_strip_lead(_normalise(expression)))
    return bool(match) and match["mod"] is None and WEEKDAYS[match["weekday"]] == published.weekday()


def _in_range(text: str, start: int, end: int) -> bool:
    """The expression is one end of a range ("from 2026 to 2029", "between 2019 and 2021")."""
    after = _RANGE_AFTER.match(text, end)
    before = _RANGE_BEFORE.search(text[max(0, start - 40) : start])
    return bool(after) or bool(before)
