"""Money amounts from raw text: forms, ranges, qualifiers, currencies and robustness."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from newsgraph.normalise.amounts import AmountMatch, find_amounts, normalise_currency, parse_number

SEED_ARTICLE = Path(__file__).resolve().parents[2] / "seeds/landing/2025-09-01/000_f019de8f538fb8ad.txt"


def only(text: str, **kwargs: str) -> AmountMatch:
    found = find_amounts(text, **kwargs)
    assert len(found) == 1, found
    return found[0]


def summary(text: str) -> list[tuple[str, float, float | None, str | None]]:
    return [(a.text, a.value, a.value_max, a.currency) for a in find_amounts(text)]


# --- the seed article -----------------------------------------------------------------


def test_seed_article_yields_exactly_its_five_dollar_amounts() -> None:
    found = find_amounts(SEED_ARTICLE.read_text(encoding="utf-8"))
    assert [(a.text, a.value, a.currency) for a in found] == [
        ("$7 billion", 7e9, "USD"),
        ("$3.4 billion", 3.4e9, "USD"),
        ("$2.1 billion", 2.1e9, "USD"),
        ("$1.3 billion", 1.3e9, "USD"),
        ("$14 billion", 14e9, "USD"),
    ]
    assert [a.qualifier for a in found] == [None, None, None, None, "more than"]


# --- currency before or after the number ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "currency"),
    [
        ("The port authority approved a $7 billion expansion plan.", "$7 billion", 7e9, "USD"),
        ("The miner raised US$7bn from bondholders.", "US$7bn", 7e9, "USD"),
        ("Officials earmarked USD 7 billion for the dam.", "USD 7 billion", 7e9, "USD"),
        ("The fund reported inflows of USD34.6 million last quarter.", "USD34.6 million", 34.6e6, "USD"),
        ("The republic owes 7 billion dollars to its creditors.", "7 billion dollars", 7e9, "USD"),
        ("The club paid €5m for the striker.", "€5m", 5e6, "EUR"),
        ("The charity received £1.5mn in donations.", "£1.5mn", 1.5e6, "GBP"),
        ("The stimulus adds ¥300 billion to spending.", "¥300 billion", 300e9, "JPY"),
        ("The province set aside Rs1.2 trillion for roads.", "Rs1.2 trillion", 1.2e12, "INR"),
        ("The cabinet cleared a Rs. 500 crore relief package.", "Rs. 500 crore", 5e9, "INR"),
        ("The utility will invest PKR 500 crore in new feeders.", "PKR 500 crore", 5e9, "PKR"),
        ("The studio booked a C$16.4 million loss.", "C$16.4 million", 16.4e6, "CAD"),
        ("The developer sold the tower for HK$2bn.", "HK$2bn", 2e9, "HKD"),
        ("The airline posted a A$68m profit.", "A$68m", 68e6, "AUD"),
        ("The port operator raised S$450 million.", "S$450 million", 450e6, "SGD"),
        ("The bank lent R$5bn to farmers.", "R$5bn", 5e9, "BRL"),
        ("The dairy group paid NZ$12m for the plant.", "NZ$12m", 12e6, "NZD"),
        ("The watchmaker was fined CHF 3m by regulators.", "CHF 3m", 3e6, "CHF"),
        ("The festival drew 3 million euros in ticket sales.", "3 million euros", 3e6, "EUR"),
        ("The tariff adds 7bn USD to import costs.", "7bn USD", 7e9, "USD"),
        ("A coffee at the stall costs 4€ now.", "4€", 4.0, "EUR"),
        ("The state plans 40 billion RMB of rail spending.", "40 billion RMB", 40e9, "CNY"),
        ("The insurer expects claims of SAR 5 billion.", "SAR 5 billion", 5e9, "SAR"),
        ("The mayor promised a R2bn housing fund.", "R2bn", 2e9, "ZAR"),
    ],
)
def test_currency_before_or_after_the_number(sentence: str, text: str, value: float, currency: str) -> None:
    amount = only(sentence)
    assert (amount.text, amount.value, amount.value_max, amount.currency) == (text, value, None, currency)
    assert sentence[amount.start : amount.end] == amount.text


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("A second-class stamp now costs 50 pence more.", "50 pence", 0.5),
        ("Shares closed 20p higher on the news.", "20p", 0.2),
        ("The stock ended the day at 325.5p in London.", "325.5p", 3.255),
    ],
)
def test_pence_are_stored_in_pounds(sentence: str, text: str, value: float) -> None:
    amount = only(sentence)
    assert (amount.text, amount.value, amount.currency) == (text, value, "GBP")


def test_cents_and_euro_cents_are_stored_in_major_units() -> None:
    assert summary("The dividend rises to 17 cents a share.") == [("17 cents", 0.17, None, "USD")]
    assert summary("The board proposed 45 euro cents per share.") == [("45 euro cents", 0.45, None, "EUR")]


def test_video_resolutions_are_not_pence() -> None:
    assert find_amounts("The camera records 720p and 1080p video.") == []


# --- scales ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The grant was worth $40 thousand.", 40e3),
        ("Tickets raised $40k for the shelter.", 40e3),
        ("The startup closed a $4 million round.", 4e6),
        ("The council cut £4m from the budget.", 4e6),
        ("The council cut £4 mn from the budget.", 4e6),
        ("The council cut €4 mln from the budget.", 4e6),
        ("The fund committed $4MM to the project.", 4e6),
        ("The carrier lost $2 billion last year.", 2e9),
        ("The carrier lost $2bn last year.", 2e9),
        ("The carrier lost €2 bln last year.", 2e9),
        ("Public debt passed $3 trillion.", 3e12),
        ("Public debt passed $3tn.", 3e12),
        ("The metro line will cost Rs 900 crore.", 9e9),
        ("Each family gets Rs 5 lakh in compensation.", 5e5),
        ("The city borrowed a $5-billion bridge loan.", 5e9),
    ],
)
def test_scale_words_and_abbreviations(sentence: str, value: float) -> None:
    assert only(sentence).value == value


def test_a_lone_letter_after_a_space_is_not_a_scale() -> None:
    assert summary("The fence cost $5 m to build.") == [("$5", 5.0, None, "USD")]


# --- numbers in words -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "currency"),
    [
        ("The treasury found two billion dollars in savings.", "two billion dollars", 2e9, "USD"),
        ("The painting sold for half a million pounds.", "half a million pounds", 5e5, "GBP"),
        ("Nobody expected a billion dollars in pledges.", "a billion dollars", 1e9, "USD"),
        ("The region asked for twenty-five million euros.", "twenty-five million euros", 25e6, "EUR"),
        ("The estate is valued at one and a half billion dollars.", "one and a half billion dollars", 1.5e9, "USD"),
        ("The bakery was fined two hundred and fifty pounds.", "two hundred and fifty pounds", 250.0, "GBP"),
        ("They won a two million dollar prize.", "two million dollar", 2e6, "USD"),
        ("The exporter lost ten billion yen.", "ten billion yen", 10e9, "JPY"),
    ],
)
def test_numbers_written_as_words(sentence: str, text: str, value: float, currency: str) -> None:
    amount = only(sentence)
    assert (amount.text, amount.value, amount.currency) == (text, value, currency)


@pytest.mark.parametrize(
    "sentence",
    [
        "A dollar bill was framed on the wall.",
        "The two won their semi-finals easily.",
        "He bought a pound of apples.",
    ],
)
def test_number_words_need_a_real_number(sentence: str) -> None:
    assert find_amounts(sentence) == []


# --- ranges ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "value_max", "currency"),
    [
        ("The refit will cost $2-3 billion.", "$2-3 billion", 2e9, 3e9, "USD"),
        ("Bankers value the unit at $2bn-$3bn.", "$2bn-$3bn", 2e9, 3e9, "USD"),
        ("The fine will be between $1 million and $2 million.", "$1 million and $2 million", 1e6, 2e6, "USD"),
        ("Settlements ranged from claims of $1.2 million to $23.5 million.", "$1.2 million to $23.5 million", 1.2e6, 23.5e6, "USD"),
        ("The sale could fetch £10m-£12m.", "£10m-£12m", 10e6, 12e6, "GBP"),
        ("Analysts see £10m – £12m in savings.", "£10m – £12m", 10e6, 12e6, "GBP"),
        ("The bonds pay out 2-3 billion euros a year.", "2-3 billion euros", 2e9, 3e9, "EUR"),
        ("Rebates will be between 150 euros and 300 euros.", "150 euros and 300 euros", 150.0, 300.0, "EUR"),
        ("Penalties of between $50-100,000 apply.", "$50-100,000", 50e3, 100e3, "USD"),
        ("Seats cost $20-30 each.", "$20-30", 20.0, 30.0, "USD"),
    ],
)
def test_ranges(sentence: str, text: str, value: float, value_max: float, currency: str) -> None:
    amount = only(sentence)
    assert (amount.text, amount.value, amount.value_max, amount.currency) == (text, value, value_max, currency)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Revenue rose from $5m to $7m.", [("$5m", 5e6, None, "USD"), ("$7m", 7e6, None, "USD")]),
        ("The stock climbed $1.20 to $35.60.", [("$1.20", 1.2, None, "USD"), ("$35.60", 35.6, None, "USD")]),
        ("Brent slid more than $2 to $61.15 on Monday.", [("$2", 2.0, None, "USD"), ("$61.15", 61.15, None, "USD")]),
        ("The loan is $5m and $3m is a grant.", [("$5m", 5e6, None, "USD"), ("$3m", 3e6, None, "USD")]),
        ("Costs rose from 2 million to 3 million euros.", [("3 million euros", 3e6, None, "EUR")]),
    ],
)
def test_changes_and_lists_are_not_ranges(sentence: str, expected: list) -> None:
    assert summary(sentence) == expected


# --- qualifiers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The council spent about $5m on parks.", "about"),
        ("The council spent around $5m on parks.", "about"),
        ("The council spent approximately $5m on parks.", "about"),
        ("The council spent roughly $5m on parks.", "about"),
        ("The council spent some $5m on parks.", "about"),
        ("The council spent nearly $5m on parks.", "nearly"),
        ("The council spent almost $5m on parks.", "nearly"),
        ("The council spent close to $5m on parks.", "nearly"),
        ("The council spent more than $5m on parks.", "more than"),
        ("The council spent over $5m on parks.", "more than"),
        ("Over $5m went on parks.", "more than"),
        ("The council spent above $5m on parks.", "more than"),
        ("The council spent in excess of $5m on parks.", "more than"),
        ("The council spent less than $5m on parks.", "less than"),
        ("The council spent under $5m on parks.", "less than"),
        ("The council spent below $5m on parks.", "less than"),
        ("The council may spend up to $5m on parks.", "up to"),
        ("The council will spend at least $5m on parks.", "at least"),
        ("The council will spend at most $5m on parks.", "up to"),
        ("The council will spend $5m on parks.", None),
    ],
)
def test_qualifiers_are_normalised_and_kept_out_of_the_span(sentence: str, qualifier: str | None) -> None:
    amount = only(sentence)
    assert (amount.text, amount.value, amount.qualifier) == ("$5m", 5e6, qualifier)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lenders rolled over $2.5 billion in credit lines.",
        "Tokyo rolled over $2.5 billion, officials said.",
        "The agency handed over $2.5 billion to the province.",
        "The new owners took over $2.5 billion of debt.",
        "The broker turned over $2.5 billion last year.",
        "The insurer paid over $2.5 billion to the fund.",
        "The ministry carried over $2.5 billion into next year.",
        "The founder signed over $2.5 billion in shares.",
        "The partners are locked in a dispute over $2.5 billion in fees.",
    ],
)
def test_over_after_a_phrasal_verb_is_not_a_qualifier(sentence: str) -> None:
    amount = only(sentence)
    assert (amount.text, amount.value, amount.qualifier) == ("$2.5 billion", 2.5e9, None)


def test_over_after_be_is_a_qualifier() -> None:
    amount = only("Reserves are required to be over $20 billion by June.")
    assert (amount.text, amount.value, amount.qualifier) == ("$20 billion", 20e9, "more than")


def test_qualifier_applies_to_word_amounts() -> None:
    amount = only("Pledges reached nearly half a million pounds.")
    assert (amount.text, amount.qualifier) == ("half a million pounds", "nearly")


# --- separators -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The house sold for $1,250,000 on Friday.", 1_250_000.0),
        ("A tasting menu costs €24,50 at the bistro.", 24.5),
        ("The estate was valued at €1.234.567,89 in the filing.", 1_234_567.89),
        ("The ministry pays 1,5 Mrd. Euro into the fund.", 1.5e9),
        ("The court awarded Rs 1,50,000 to the family.", 150_000.0),
        ("Each voucher is worth £1,000.", 1000.0),
    ],
)
def test_thousands_separators_and_decimal_commas(sentence: str, value: float) -> None:
    assert only(sentence).value == value


# --- not amounts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The dollar rose against the yen on Tuesday.",
        "Sterling fell after the data.",
        "Inflation slowed to 5% in May.",
        "Inflation slowed to 5 per cent in May.",
        "The fee is paid in $ and in local currency.",
        "The scheme was launched in 2015.",
        "The disease threatens 3 billion people.",
        "Prices were converted in 2015 dollars for the study.",
        "The 12 euro zone members met in Brussels.",
        "The TOP 10 list was published.",
        "The ALL 3 team trained.",
        "",
    ],
)
def test_no_amount(sentence: str) -> None:
    assert find_amounts(sentence) == []


def test_two_currencies_side_by_side_are_two_amounts() -> None:
    assert summary("Net income climbed to $2.46bn (£1.3bn; 2.1bn euros) in the year.") == [
        ("$2.46bn", 2.46e9, None, "USD"),
        ("£1.3bn", 1.3e9, None, "GBP"),
        ("2.1bn euros", 2.1e9, None, "EUR"),
    ]


# --- currencies and notes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "currency", "note"),
    [
        ("It cost $5m.", "USD", "ambiguous symbol '$' read as USD (default)"),
        ("It cost US$5m.", "USD", None),
        ("It cost USD 5m.", "USD", None),
        ("It cost 5 million dollars.", "USD", "ambiguous currency word 'dollars' read as USD (default)"),
        ("It cost 5 million US dollars.", "USD", None),
        ("It cost ¥5bn.", "JPY", "ambiguous symbol '¥' read as JPY (could be CNY)"),
        ("It cost CN¥5bn.", "CNY", None),
        ("It cost 5bn yuan.", "CNY", None),
        ("It cost 5bn renminbi.", "CNY", None),
        ("It cost RMB 5bn.", "CNY", None),
        ("It cost Rs 5bn.", "INR", "ambiguous symbol 'Rs' read as INR (could be PKR, LKR or NPR)"),
        ("It cost 5bn rupees.", "INR", "ambiguous currency word 'rupees' read as INR (could be PKR, LKR or NPR)"),
        ("It cost 5bn Pakistani rupees.", "PKR", None),
        ("It cost PKR 5bn.", "PKR", None),
        ("It cost £5m.", "GBP", None),
        ("It cost €5m.", "EUR", None),
        ("It cost 5m euros.", "EUR", None),
        ("It cost 5m pounds.", "GBP", "ambiguous currency word 'pounds' read as GBP (could be another pound or a weight)"),
    ],
)
def test_currency_and_note(sentence: str, currency: str, note: str | None) -> None:
    amount = only(sentence)
    assert (amount.currency, amount.currency_note) == (currency, note)


def test_dollar_default_is_configurable() -> None:
    amount = only("The rink cost $40m.", dollar_default="CAD")
    assert (amount.currency, amount.currency_note) == ("CAD", "ambiguous symbol '$' read as CAD (default)")
    assert only("The rink cost US$40m.", dollar_default="CAD").currency == "USD"


def test_unknown_dollar_default_is_refused() -> None:
    with pytest.raises(ValueError, match="ISO 4217"):
        find_amounts("The rink cost $40m.", dollar_default="XYZ")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("$", ("USD", "ambiguous symbol '$' read as USD (default)")),
        ("US$", ("USD", None)),
        ("USD", ("USD", None)),
        ("EUR", ("EUR", None)),
        ("RMB", ("CNY", None)),
        ("€", ("EUR", None)),
        ("£", ("GBP", None)),
        ("¥", ("JPY", "ambiguous symbol '¥' read as JPY (could be CNY)")),
        ("CN¥", ("CNY", None)),
        ("C$", ("CAD", None)),
        ("R$", ("BRL", None)),
        ("Rs.", ("INR", "ambiguous symbol 'Rs.' read as INR (could be PKR, LKR or NPR)")),
        ("euros", ("EUR", None)),
        ("Euros", ("EUR", None)),
        ("yuan", ("CNY", None)),
        ("renminbi", ("CNY", None)),
        ("Pakistani  rupees", ("PKR", None)),
        ("dollars", ("USD", "ambiguous currency word 'dollars' read as USD (default)")),
        ("dinars", (None, "ambiguous currency word 'dinars' left without a code (dinars of several countries)")),
        ("XYZ", (None, None)),
        ("usd", (None, None)),
        ("banana", (None, None)),
        ("", (None, None)),
    ],
)
def test_normalise_currency(token: str, expected: tuple[str | None, str | None]) -> None:
    assert normalise_currency(token) == expected


def test_normalise_currency_uses_the_dollar_default() -> None:
    assert normalise_currency("$", dollar_default="AUD") == ("AUD", "ambiguous symbol '$' read as AUD (default)")


# --- parse_number ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("s", "value"),
    [
        ("7", 7.0),
        ("3.4", 3.4),
        ("1,250,000", 1_250_000.0),
        ("1,250", 1250.0),
        ("24,50", 24.5),
        ("1,5", 1.5),
        ("1.234.567,89", 1_234_567.89),
        ("1,234.56", 1234.56),
        ("12,50,000", 1_250_000.0),
        ("1.234", 1.234),
        ("7 billion", 7e9),
        ("7bn", 7e9),
        ("16.4 million", 16.4e6),
        ("5 crore", 5e7),
        ("two", 2.0),
        ("twenty-five", 25.0),
        ("Twenty five", 25.0),
        ("a hundred", 100.0),
        ("two hundred and fifty", 250.0),
        ("one and a half", 1.5),
        ("half a million", 5e5),
        ("a billion", 1e9),
        ("two billion", 2e9),
    ],
)
def test_parse_number(s: str, value: float) -> None:
    assert parse_number(s) == value


@pytest.mark.parametrize("s", ["", "   ", "abc", "1,2,3", "1.2.3", "two three", "half", "$5", "5%", "1,0000"])
def test_parse_number_rejects(s: str) -> None:
    assert parse_number(s) is None


# --- robustness and speed -------------------------------------------------------------


def _check_invariants(text: str, found: list[AmountMatch]) -> None:
    for a in found:
        assert 0 <= a.start < a.end <= len(text)
        assert text[a.start : a.end] == a.text
        assert a.value > 0
        assert a.value_max is None or a.value_max > a.value
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("seed", range(5))
def test_random_text_never_raises(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "$£€¥₹ 0123456789.,-–bnmkMilontwoahfdsrupeRs%p\n\u00a0\u202f\ud800😀٣Ⅻ"
    text = "".join(rng.choice(alphabet) for _ in range(20_000))
    _check_invariants(text, find_amounts(text))


@pytest.mark.parametrize(
    "text",
    [
        "$",
        "$$$$",
        "1" * 5000,
        "$" + "9" * 400 + " billion",
        "$" + "1." * 5000,
        "a " * 5000 + "dollars",
        "\x00\ufeff$5m\u200b",
        "".join(chr(c) for c in range(0x20, 0x2500)),
    ],
)
def test_odd_text_never_raises(text: str) -> None:
    _check_invariants(text, find_amounts(text))


def test_an_article_takes_well_under_a_few_milliseconds() -> None:
    paragraph = (
        "The ministry said on Tuesday that it had raised about $2.5bn (£1.9bn) from the sale, "
        "while the central bank rolled over 300 million euros of short-term debt. Officials "
        "expect between $1 million and $2 million in fees, and analysts put the total at "
        "roughly half a billion dollars once a Rs 500 crore subsidy is paid out. "
    )
    article = (paragraph * (5000 // len(paragraph) + 1))[:5000]
    find_amounts(article)
    best = min(_timed(article) for _ in range(5))
    assert best < 0.01, f"{best * 1000:.2f} ms for 5,000 characters"
    _check_invariants(article, find_amounts(article))


def _timed(text: str) -> float:
    start = time.perf_counter()
    find_amounts(text)
    return time.perf_counter() - start
