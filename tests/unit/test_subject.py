"""What an amount is about: the noun phrase from the dependency parse, and the extractor's amount context."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.nlp.extract import extract_texts
from newsgraph.nlp.subject import amount_subject
from newsgraph.normalise.entities import entity_id_for
from newsgraph.normalise.fx import to_usd


def _subject(nlp, sentence: str, amount: str) -> str | None:
    doc = nlp(sentence)
    start = sentence.index(amount)
    span = doc.char_span(start, start + len(amount), alignment_mode="expand")
    return amount_subject(span)


@pytest.mark.parametrize(
    "sentence, amount, expected",
    [
        # the amount modifies a noun
        ("Pakistan secured a $7 billion IMF loan program last year.", "$7 billion", "IMF loan program"),
        ("Canada's government unveiled a $16.4 billion spending plan.", "$16.4 billion", "spending plan"),
        (
            "It recovers under a $7 billion International Monetary Fund (IMF) loan program.",
            "$7 billion",
            "IMF loan program",
        ),
        # "in"/"of" after the amount
        ("China rolled over $3.4 billion in loans to Pakistan.", "$3.4 billion", "loans"),
        # a hyphenated noun whole, not its last part
        ("The club paid a fee of £100 million plus £15m in add-ons for the midfielder.", "£15m", "add ons"),
        ("It issued $1 billion of Eurobonds on Tuesday.", "$1 billion", "Eurobonds"),
        # "of"/"worth" hanging off a noun
        ("The company reported revenue of €5m in the quarter.", "€5m", "revenue"),
        ("The deal, worth $2bn, was signed by Aramco.", "$2bn", "deal"),
        ("The contract is worth 4.5 billion Saudi riyals.", "4.5 billion Saudi riyals", "contract"),
        ("The takeover, which is worth $2bn, was approved on Monday.", "$2bn", "takeover"),
        ("Toyota posted a net profit of ¥1.2 trillion for the year.", "¥1.2 trillion", "net profit"),
        # "worth" the parser hung on the verb whose object the noun is
        ("Infosys said it would buy back shares worth Rs 18,000 crore at Rs 1,800 apiece.", "Rs 18,000 crore", "shares"),
        ("He promised to cut the sales tax on new homes worth up to C$1.3 million.", "C$1.3 million", "new homes"),
        # a level something rose to or stood at
        ("Exports rose to $2.5 billion in March.", "$2.5 billion", "Exports"),
        ("The country's foreign reserves stood at $9.4 billion.", "$9.4 billion", "foreign reserves"),
        # a change to a level is a change in something
        ("The telecom arm posted a 23% jump in profit to Rs 6,539 crore.", "Rs 6,539 crore", "profit"),
        ("The firm reported a 5% fall in consolidated net profit to Rs 16,563 crore.", "Rs 16,563 crore", "consolidated net profit"),
        # the measure of a change is not what changed
        ("The ratio was raised, and the defense budget will grow 7.2 percent to 1.78 trillion yuan.",
         "1.78 trillion yuan", "defense budget"),
        # a dateline the parser also makes a subject of the verb is not what rose
        ("MUMBAI — Reliance's net profit rose to Rs 19,299 crore in the quarter.", "Rs 19,299 crore", "net profit"),
        # a phrase the parser ran across a headline's line break: the words on the amount's side
        ("Brazil closes $40bn debt swap\n\nBrazil is set to close its bond offer for investors on Friday.", "$40bn",
         "debt swap"),
        ("Ad sales lift Vantor profit\n\nQuarterly profits at Vantor jumped 76% to $1.2bn for the three months.",
         "$1.2bn", "Quarterly profits"),
        # what something is
        ("The bill was $5m, officials said.", "$5m", "bill"),
        # the object nearest the amount, where the parser hangs two on one verb
        (
            "Oil rose after Saudi Arabia and Russia agreed to extend output cuts, with Brent crude futures up 1.2% "
            "at $84.50 a barrel and U.S. West Texas Intermediate crude at $80.10, while the group meets in Vienna.",
            "$80.10",
            "U.S. West Texas Intermediate crude",
        ),
    ],
)
def test_subject_of_an_amount(nlp, sentence, amount, expected):
    assert _subject(nlp, sentence, amount) == expected


@pytest.mark.parametrize(
    "sentence, amount",
    [
        ("The IMF approved $1.1 billion for Pakistan.", "$1.1 billion"),  # object of a verb: no guess
        ("The firm was fined £1.5mn by the regulator.", "£1.5mn"),
        ("It said it set aside $500m.", "$500m"),
        # where or when the money goes is not what it is
        ("Toyota Motor Corp said on Thursday it would invest $10 billion in the United States.", "$10 billion"),
        # the speaker of a reported clause is not what its amount is about (the parser lost "stake")
        (
            "Its chief executive Sam Altman said the company signed a cloud deal with Amazon and Microsoft's "
            "stake was valued at about $135 billion.",
            "$135 billion",
        ),
    ],
)
def test_no_subject_rather_than_a_guess(nlp, sentence, amount):
    assert _subject(nlp, sentence, amount) is None


def test_pronouns_are_never_subjects(nlp):
    assert _subject(nlp, "It was $500m, the company said.", "$500m") is None


def test_extraction_carries_subject_entities_usd_and_dates(nlp, reference):
    text = (
        "Quarterly profits at Time Warner rose to $1.13bn (£600m) on Monday. "
        "Siemens said revenue of €5m came from Germany."
    )
    (ex,) = extract_texts(nlp, reference, [("a1", text, date(2024, 5, 6))])
    assert ex.reference_date == date(2024, 5, 6)
    by_text = {a.match.text: a for a in ex.amounts}
    assert set(by_text) == {"$1.13bn", "£600m", "€5m"}

    dollars, pounds, euros = by_text["$1.13bn"], by_text["£600m"], by_text["€5m"]
    # the bracketed restatement takes the subject of the amount it restates
    assert dollars.subject == "Quarterly profits" and pounds.subject == "Quarterly profits"
    assert euros.subject == "revenue"
    assert (dollars.sentence_idx, euros.sentence_idx) == (0, 1)

    # entities of the same sentence, as ids
    assert entity_id_for("ORG", "Siemens") in euros.entity_ids
    assert entity_id_for("GPE", "Germany", "DE") in euros.entity_ids
    assert entity_id_for("GPE", "Germany", "DE") not in dollars.entity_ids

    # US dollars at the ECB rate of the reference date (2024-05-06 was an ECB business day)
    assert dollars.usd.value_usd == pytest.approx(1.13e9) and dollars.usd.note is None
    expected = to_usd(5e6, "EUR", date(2024, 5, 6))
    assert euros.usd == expected and expected.rate_date == date(2024, 5, 6)
    assert 5e6 < euros.usd.value_usd < 6e6  # EUR/USD was about 1.08 then

    [monday] = [d for d in ex.dates if d.date.text == "Monday"]
    assert monday.date.resolved == date(2024, 5, 6) and monday.sentence_idx == 0


def test_extraction_without_a_reference_date_leaves_relative_values_unresolved(nlp, reference):
    (ex,) = extract_texts(nlp, reference, [("a1", "Siemens paid €5m on Monday.")])
    assert ex.reference_date is None
    [amount] = ex.amounts
    assert amount.usd.value_usd is None and amount.usd.note == "publication date unknown"
    [monday] = ex.dates
    assert monday.date.resolved is None and monday.date.grain is None


def test_no_subject_is_taken_from_another_amount(nlp, reference):
    text = "The fund holds Dh5 million and AED 3 billion and SAR 1 billion and QR500m."
    (extraction,) = extract_texts(nlp, reference, [("a", text, date(2025, 9, 1))])
    found = [(a.match.text, a.subject) for a in extraction.amounts]
    assert [t for t, _ in found] == ["Dh5 million", "AED 3 billion", "SAR 1 billion", "QR500m"], found
    # the parse hangs the first on the last's "m.": no amount is about a piece of another
    assert not any(subject and ("m." in subject or "QR500" in subject) for _, subject in found), found
    # read alone, the first amount still finds its noun
    assert _subject(nlp, "The fund holds Dh5 million in bonds.", "Dh5 million") == "bonds"
