"""Money amounts from raw text: forms, ranges, qualifiers, currencies and robustness."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pycountry
import pytest

from newsgraph.normalise import amounts as amounts_module
from newsgraph.normalise.amounts import (
    AmountMatch,
    CurrencyReading,
    currency_context,
    find_amounts,
    normalise_currency,
    parse_number,
)
from newsgraph.normalise.currency_data import (
    CONTEXT_FAMILIES,
    COUNTRY_CUES,
    CURRENCY_CUES,
    CURRENCY_WORDS,
    FAMILY_FORMS,
    HISTORIC_CODES,
    SUFFIX_SYMBOLS,
    SYMBOLS,
)

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
        ("The carmaker put Rmb5bn into a battery plant.", "Rmb5bn", 5e9, "CNY"),
        ("Dhaka set aside ৳500 crore for flood relief.", "৳500 crore", 5e9, "BDT"),
        ("Tbilisi borrowed ₾300 million from the bank.", "₾300 million", 3e8, "GEL"),
        ("Budapest will spend Ft500bn on rail.", "Ft500bn", 5e11, "HUF"),
        ("Lusaka raised ZK2.5 billion in bonds.", "ZK2.5 billion", 2.5e9, "ZMW"),
        ("The insurer wrote Rmb 1.2 billion of premiums.", "Rmb 1.2 billion", 1.2e9, "CNY"),
        ("The chipmaker's value passed $3T on Friday.", "$3T", 3e12, "USD"),
        ("Household debt reached £2.1tr last year.", "£2.1tr", 2.1e12, "GBP"),
        ("The bank lent R$5bn to farmers.", "R$5bn", 5e9, "BRL"),
        ("The oil company lost AR$ 1.5 trillion in the year.", "AR$ 1.5 trillion", 1.5e12, "ARS"),
        ("The refiner earned COL$ 19.1 trillion.", "COL$ 19.1 trillion", 19.1e12, "COP"),
        ("The utility borrowed RD$500 million.", "RD$500 million", 500e6, "DOP"),
        ("The lender earned zł9.3bn last year.", "zł9.3bn", 9.3e9, "PLN"),
        ("The dairy group paid NZ$12m for the plant.", "NZ$12m", 12e6, "NZD"),
        ("The watchmaker was fined CHF 3m by regulators.", "CHF 3m", 3e6, "CHF"),
        ("The festival drew 3 million euros in ticket sales.", "3 million euros", 3e6, "EUR"),
        ("The tariff adds 7bn USD to import costs.", "7bn USD", 7e9, "USD"),
        ("A coffee at the stall costs 4€ now.", "4€", 4.0, "EUR"),
        ("The state plans 40 billion RMB of rail spending.", "40 billion RMB", 40e9, "CNY"),
        ("The insurer expects claims of SAR 5 billion.", "SAR 5 billion", 5e9, "SAR"),
        ("The mayor promised a R2bn housing fund.", "R2bn", 2e9, "ZAR"),
        ("The federal budget of N27.5 trillion passed the Senate.", "N27.5 trillion", 27.5e12, "NGN"),
        ("A litre of diesel now sells for N1,250 in Abuja.", "N1,250", 1250.0, "NGN"),
        ("The chipmaker will spend W20 trillion on a new fab.", "W20 trillion", 20e12, "KRW"),
        ("The airline posted a net loss of Bt3.2 billion.", "Bt3.2 billion", 3.2e9, "THB"),
        ("The treasury raised KShs 12 billion from the bond.", "KShs 12 billion", 12e9, "KES"),
        ("The council approved USh 4.5 billion for markets.", "USh 4.5 billion", 4.5e9, "UGX"),
        ("The port levy brought in TSh 80 billion.", "TSh 80 billion", 80e9, "TZS"),
        ("The cocoa board borrowed GH¢2 billion from local banks.", "GH¢2 billion", 2e9, "GHS"),
        ("The dam will cost Br 20 billion to finish.", "Br 20 billion", 20e9, "ETB"),
        ("Lawmakers cut P5.6 billion from the flood-control budget.", "P5.6 billion", 5.6e9, "PHP"),
        ("The Manila unit posted Php 3.4 billion in profit.", "Php 3.4 billion", 3.4e9, "PHP"),
        ("The hydropower plant will earn NRs 3 billion a year.", "NRs 3 billion", 3e9, "NPR"),
        ("Tea exports fetched SLRs 1.3 trillion last year.", "SLRs 1.3 trillion", 1.3e12, "LKR"),
        ("Operating profit was SKr 1.1bn in the quarter.", "SKr 1.1bn", 1.1e9, "SEK"),
        ("The oil fund lost NKr 500bn in the sell-off.", "NKr 500bn", 500e9, "NOK"),
        ("The brewer earned DKr 7.3bn last year.", "DKr 7.3bn", 7.3e9, "DKK"),
        ("The fuel subsidy cost 5 billion lei this year.", "5 billion lei", 5e9, "RON"),
        ("The pension top-up costs 300 million leva.", "300 million leva", 300e6, "BGN"),
        ("The junta printed 200 billion kyat in a month.", "200 billion kyat", 200e9, "MMK"),
        ("Copper royalties rose to 9 billion kwacha.", "9 billion kwacha", 9e9, "ZMW"),
        ("The diamond company paid 40 million pula in dividends.", "40 million pula", 40e6, "BWP"),
        ("The mining tax raised 5 billion soles.", "5 billion soles", 5e9, "PEN"),
        ("The state cleared a Rs 1,000 cr highway plan.", "Rs 1,000 cr", 1e10, "INR"),
        ("The ministry allotted ₹2.5 lakh cr for roads.", "₹2.5 lakh cr", 2.5e12, "INR"),
        ("The company said net income was 4.5 mln dlrs.", "4.5 mln dlrs", 4.5e6, "USD"),
        ("The group raised 50 mln stg from the sale.", "50 mln stg", 50e6, "GBP"),
        ("The group earned DM 420 million last year.", "DM 420 million", 420e6, "DEM"),
        ("The carmaker paid 1.2 billion marks for the plant.", "1.2 billion marks", 1.2e9, "DEM"),
        ("The state sold its stake for 3 billion Deutsche marks.", "3 billion Deutsche marks", 3e9, "DEM"),
        ("The insurer posted a loss of 800 million French francs.", "800 million French francs", 800e6, "FRF"),
        ("The bank wrote off FFr2.5bn of property loans.", "FFr2.5bn", 2.5e9, "FRF"),
        ("The utility raised 4 billion Belgian francs.", "4 billion Belgian francs", 4e9, "BEF"),
        ("Profit rose to 620 million guilders.", "620 million guilders", 620e6, "NLG"),
        ("The budget gap reached 30 trillion lire.", "30 trillion lire", 30e12, "ITL"),
        ("The airline lost 45 billion pesetas.", "45 billion pesetas", 45e9, "ESP"),
        ("The bid was worth 90 billion escudos.", "90 billion escudos", 90e9, "PTE"),
        ("The brewer sold the unit for 2 billion schillings.", "2 billion schillings", 2e9, "ATS"),
        ("The paper mill cost 1.5 billion markkaa.", "1.5 billion markkaa", 1.5e9, "FIM"),
        ("The port deal was worth 12 billion drachmas.", "12 billion drachmas", 12e9, "GRD"),
        ("The distiller paid 40 million Irish pounds.", "40 million Irish pounds", 40e6, "IEP"),
        ("The Commission fined the brewers 1.2 million ecus.", "1.2 million ecus", 1.2e6, "XEU"),
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
        ("The miner's shares closed at 1240p, a record.", "1240p", 12.4),
        ("The shares were priced at 1,085p each.", "1,085p", 10.85),
    ],
)
def test_pence_are_stored_in_pounds(sentence: str, text: str, value: float) -> None:
    amount = only(sentence)
    assert (amount.text, amount.value, amount.currency) == (text, value, "GBP")


def test_cents_and_euro_cents_are_stored_in_major_units() -> None:
    assert summary("The dividend rises to 17 cents a share.") == [("17 cents", 0.17, None, "USD")]
    assert summary("The board proposed 45 euro cents per share.") == [("45 euro cents", 0.45, None, "EUR")]
    assert summary("The euro rose 1.2 US cents to $1.31.")[0] == ("1.2 US cents", 0.012, None, "USD")
    assert summary("The state added a 10-cent levy on plastic bags.") == [("10-cent", 0.1, None, "USD")]


def test_bare_cents_are_hundredths_of_the_nearby_currency() -> None:
    text = "The bank will buy back shares worth up to €1bn and pay a dividend of 65 cents a share."
    assert [(a.text, a.currency) for a in find_amounts(text)] == [("€1bn", "EUR"), ("65 cents", "EUR")]
    text = "The Canadian miner earned C$1.2bn, or 45 cents a share."
    assert [(a.text, a.currency) for a in find_amounts(text)] == [("C$1.2bn", "CAD"), ("45 cents", "CAD")]
    # a pound amount says nothing about cents
    text = "Profits rose to £1.2bn. Separately the US stock fell 5 cents."
    assert [(a.text, a.currency) for a in find_amounts(text)] == [("£1.2bn", "GBP"), ("5 cents", "USD")]


def test_a_bare_dollar_follows_the_dollar_written_earlier_in_its_sentence() -> None:
    # the article's context alone (one AUD amount, Australian and US cues) leaves "$" at USD
    text = (
        "Gold rose $12 to $3,378 an ounce after the Fed chair spoke in Washington. In Australia, BHP reported "
        "profit of US$10.2 billion. A A$1.2 billion minerals reserve will start buying output, with a further "
        "$500 million earmarked for processing. Shares rose $2."
    )
    found = [(a.text, a.currency) for a in find_amounts(text)]
    assert found == [
        ("$12", "USD"), ("$3,378", "USD"), ("US$10.2 billion", "USD"), ("A$1.2 billion", "AUD"),
        ("$500 million", "AUD"), ("$2", "USD"),
    ], found


def test_a_sentence_that_names_one_country_of_a_family_reads_its_symbol_as_that_countrys() -> None:
    text = (
        "KARACHI: The State Bank of Pakistan said tax revenue rose to Rs 1.2 trillion, and the Karachi bourse "
        "gained. Separately, India's defence budget rose to Rs 6.8 trillion."
    )
    assert [(a.text, a.currency) for a in find_amounts(text)] == [("Rs 1.2 trillion", "PKR"), ("Rs 6.8 trillion", "INR")]
    # the words before the amount, where the sentence names another country of the family after it
    text = "In Colombo, Sri Lanka's president presented a budget of Rs. 4,616 billion, while in Kathmandu, Nepal Rastra Bank cut rates."
    assert [a.currency for a in find_amounts(text)] == ["LKR"]
    # a statement of the article's currency holds in every sentence
    stated = "All figures are in Pakistani rupees. India's defence budget rose to Rs 6.8 trillion."
    assert [a.currency for a in find_amounts(stated)] == ["PKR"]
    # "$" and "£" are what American and British writers write for other countries' money, converted
    assert [a.currency for a in find_amounts("Canada's government will spend $5 billion on defence.")] == ["USD"]


def test_a_country_named_between_two_amounts_is_the_nearer_context() -> None:
    text = (
        "Kenya's treasury will borrow Sh870 billion. Uganda approved a 72 trillion Ugandan shilling budget, "
        "while Tanzania's parliament passed a Sh56.49 trillion plan."
    )
    found = [(a.text, a.currency) for a in find_amounts(text)]
    assert found == [("Sh870 billion", "KES"), ("72 trillion Ugandan shilling", "UGX"), ("Sh56.49 trillion", "TZS")], found


def test_us_dollars_written_out_mark_the_exception_where_the_article_reads_dollars_as_its_own() -> None:
    text = (
        "SYDNEY - BHP Group said its underlying profit fell to US$13.7 billion, while Commonwealth Bank of "
        "Australia posted cash earnings of $10.1 billion. Treasurer Jim Chalmers said the Australian budget "
        "would return to a deficit of $28 billion."
    )
    found = [(a.text, a.currency) for a in find_amounts(text)]
    assert found == [("US$13.7 billion", "USD"), ("$10.1 billion", "AUD"), ("$28 billion", "AUD")], found


def test_wire_cents_abbreviation_is_stored_in_dollars() -> None:
    assert summary("Net income was 12.3 mln dlrs, or 45 cts a share.") == [
        ("12.3 mln dlrs", 12.3e6, None, "USD"),
        ("45 cts", 0.45, None, "USD"),
    ]


def test_marks_and_punts_need_a_scale_word() -> None:
    assert find_amounts("She got full marks, three marks ahead of him; the 5 million mark was passed.") == []
    assert find_amounts("The side bought two punts for the river.") == []
    assert summary("The DM 20 reply came late; DM5.2bn left the country.") == [("DM5.2bn", 5.2e9, None, "DEM")]


def test_php_is_pesos_with_a_scale_word_or_grouped_thousands() -> None:
    assert find_amounts("The portal was rewritten in Php 8 last year.") == []
    assert summary("A room costs Php4,500 a night.") == [("Php4,500", 4500.0, None, "PHP")]


def test_k_is_kwacha_kina_or_kyat_from_context_and_needs_a_scale_word() -> None:
    assert find_amounts("The climbers reached K2 in 2004 and K12 later.") == []
    zambia = find_amounts("Lusaka approved a K4.1 billion road fund and a K250,000 grant for Ndola.")
    assert [(a.text, a.value, a.currency) for a in zambia] == [
        ("K4.1 billion", 4.1e9, "ZMW"),
        ("K250,000", 250e3, "ZMW"),
    ]
    assert summary("Port Moresby set aside K800 million for schools.") == [("K800 million", 8e8, None, "PGK")]
    assert summary("Yangon traders say K2 trillion left the banks.") == [("K2 trillion", 2e12, None, "MMK")]
    unknown = only("The board set aside K3 billion for the mine.")
    assert (unknown.value, unknown.currency) == (3e9, None)
    assert "left without a code" in (unknown.currency_note or "")


def test_kwacha_is_zambian_unless_the_article_is_about_malawi() -> None:
    assert summary("Farmers were paid 9 billion kwacha.") == [("9 billion kwacha", 9e9, None, "ZMW")]
    assert summary("Lilongwe paid its farmers 9 billion kwacha.") == [("9 billion kwacha", 9e9, None, "MWK")]


def test_a_country_set_apart_from_the_dollar_sign_still_marks_it() -> None:
    assert summary("The deal is worth US $5 million.") == [("US $5 million", 5e6, None, "USD")]
    assert summary("It raised C $20 million in Toronto.") == [("C $20 million", 2e7, None, "CAD")]
    assert summary("The HK $2bn deal closed.") == [("HK $2bn", 2e9, None, "HKD")]
    # "A" opening a sentence is the article
    assert summary("A $5 fee was charged.") == [("$5", 5.0, None, "USD")]


def test_a_code_after_a_symbol_settles_and_joins_the_amount() -> None:
    assert summary("The licence costs $3.5 million USD a year.") == [("$3.5 million USD", 3.5e6, None, "USD")]
    assert only("The licence costs $3.5 million USD a year.").currency_note is None
    assert summary("Tickets are $45 CAD, or $35 USD.") == [("$45 CAD", 45.0, None, "CAD"), ("$35 USD", 35.0, None, "USD")]
    assert summary("It paid ¥90 million CNY to a supplier.") == [("¥90 million CNY", 9e7, None, "CNY")]
    assert summary("Fees of €12m EUR were due.") == [("€12m EUR", 12e6, None, "EUR")]
    # a code the symbol cannot stand for stays outside
    assert summary("It paid $500 million GBP bonds.") == [("$500 million", 5e8, None, "USD")]


def test_a_figure_in_brackets_after_its_symbol_is_an_amount_in_accounts() -> None:
    text = "Net loss was $(3.1) million, or $(0.12) per share, compared with revenue of $48.2 million (up 23%)."
    assert summary(text) == [
        ("$(3.1) million", 3.1e6, None, "USD"),
        ("$(0.12)", 0.12, None, "USD"),
        ("$48.2 million", 48.2e6, None, "USD"),
    ]
    assert summary("Operating loss: €(12.5)m.") == [("€(12.5)m", 12.5e6, None, "EUR")]


def test_a_wire_price_in_fractions_keeps_its_fraction() -> None:
    assert summary("Wheat closed 2-1/2 cents lower at $ 4.51 a bushel; soybeans fell 3 1/4 cents.") == [
        ("2-1/2 cents", 0.025, None, "USD"),
        ("$ 4.51", 4.51, None, "USD"),
        ("3 1/4 cents", 0.0325, None, "USD"),
    ]
    # a fraction alone is not read as its denominator
    assert summary("Corn rose 1/2 cent to $3.02.") == [("$3.02", 3.02, None, "USD")]
    # after a symbol too, in a range and before a scale word; "24/7" is no fraction
    assert summary("The stock rose $ 1 3/8 to $ 23 5/8 after a bid of $ 20 to $ 21 1/2 a share.") == [
        ("$ 1 3/8", 1.375, None, "USD"),
        ("$ 23 5/8", 23.625, None, "USD"),
        ("$ 20 to $ 21 1/2", 20.0, 21.5, "USD"),
    ]
    assert summary("The offer of $ 1 1/2 billion stands; the $5 24/7 plan does not.") == [
        ("$ 1 1/2 billion", 1.5e9, None, "USD"),
        ("$5", 5.0, None, "USD"),
    ]


def test_fr_is_a_franc_read_from_context_and_needs_a_scale_word() -> None:
    assert summary("ZURICH - UBS paid Fr. 1.5 billion, the Swiss bank said.") == [("Fr. 1.5 billion", 1.5e9, None, "CHF")]
    paris = only("The French state paid Fr 2 million in Paris.", on=date(1995, 1, 1))
    assert (paris.text, paris.currency) == ("Fr 2 million", "FRF")
    assert find_amounts("Fr. Murphy said 5 people came; Fr 5 was the fee.") == []


def test_a_range_written_as_one_word_with_to() -> None:
    assert summary("It set a $ 4 million-to-$ 5 million fee and a 3-to-4 million euro levy.") == [
        ("$ 4 million-to-$ 5 million", 4e6, 5e6, "USD"),
        ("3-to-4 million euro", 3e6, 4e6, "EUR"),
    ]


def test_a_rate_or_a_grouped_sum_in_marks_or_won_is_money_without_a_scale_word() -> None:
    text = "FRANKFURT 1996-08-30 - The dollar rose to 1.4870 marks from 1.4820 marks; the club paid 250,000 marks."
    assert summary(text) == [
        ("1.4870 marks", 1.487, None, "DEM"),
        ("1.4820 marks", 1.482, None, "DEM"),
        ("250,000 marks", 250e3, None, "DEM"),
    ]
    assert summary("SEOUL - The dollar closed at 1,185.50 won.") == [("1,185.50 won", 1185.5, None, "KRW")]
    # milestones and scores stay numbers
    assert find_amounts("The Dow topped the 10,000 and 11,000 marks; judges gave 7.5 marks.") == []


def test_bare_francs_and_lira_read_from_a_pre_euro_article() -> None:
    paris = "PARIS 1996-08-30 - Elf posted net profit of 1.2 billion francs, the French oil group said in Paris."
    assert summary(paris) == [("1.2 billion francs", 1.2e9, None, "FRF")]
    turin = "Fiat's profit rose to 500 billion lira, the Italian carmaker said in Turin."
    assert summary(turin) == [("500 billion lira", 500e9, None, "ITL")]
    ankara = "Turkey's central bank in Ankara sold 2 trillion lira of bonds."
    assert summary(ankara) == [("2 trillion lira", 2e12, None, "TRY")]
    helsinki = "The Finnish paper group said in Helsinki it would invest 900 million marks."
    assert summary(helsinki) == [("900 million marks", 900e6, None, "FIM")]


def test_after_the_euro_context_no_longer_reads_a_replaced_currency() -> None:
    dakar = "A French bank will lend 50 billion francs to Senegal, France's development agency said in Paris."
    assert [a.currency for a in find_amounts(dakar, on=date(1996, 8, 30))] == ["FRF"]
    after = only(dakar, on=date(2010, 5, 4))
    assert after.currency == "XOF"
    assert "FRF" not in after.currency_note
    turin = "Fiat's profit rose to 500 billion lira, the Italian carmaker said in Turin."
    assert only(turin, on=date(2012, 1, 5)).currency == "TRY"
    # written out, a replaced currency is that currency whatever the date ("bought for 50 million marks in 1995")
    assert only("The club was bought for 50 million French francs in 1995.", on=date(2015, 3, 2)).currency == "FRF"


def test_a_singular_cent_counts_only_joined_by_a_hyphen() -> None:
    assert find_amounts("50 Cent headlined the festival, and 5 cent coins were scarce.") == []


def test_short_symbols_need_a_scale_word_or_a_grouped_number() -> None:
    # "an N95 mask", "the P2 road", "a Sh5 thing": a letter before a small number is not money
    assert find_amounts("He wore an N95 mask on the P2 road with a Sh5 thing, then saw R2-D2 and an MK5 missile.") == []
    assert find_amounts("The W1 postcode and the Bt2 gene were in the W3C report.") == []
    assert summary("Each family gets Sh50,000 and the county Sh2 billion.") == [
        ("Sh50,000", 50000.0, None, "KES"),
        ("Sh2 billion", 2e9, None, "KES"),
    ]


def test_a_short_symbol_with_a_price_to_the_cent_counts_where_the_text_names_its_currency() -> None:
    assert summary("The rand weakened to R18.45 against the dollar, and petrol costs R22.50 a litre.") == [
        ("R18.45", 18.45, None, "ZAR"),
        ("R22.50", 22.5, None, "ZAR"),
    ]
    assert summary("The Philippine peso closed at P58.10.") == [("P58.10", 58.1, None, "PHP")]
    # no currency named: a release, a droid, a road
    assert find_amounts("Version R2.10 shipped; the droid R2.50 and the P1.20 exit were in the film.") == []


def test_a_short_symbol_with_a_price_by_the_unit_counts_where_the_text_names_its_country() -> None:
    assert summary("Nigeria's refiner cut petrol to N820 per litre, and diesel sells for N1100/litre in Abuja.") == [
        ("N820", 820.0, None, "NGN"),
        ("N1100", 1100.0, None, "NGN"),
    ]
    assert summary("In Ethiopia, teff costs Br95 a kilo.") == [("Br95", 95.0, None, "ETB")]
    # no country of the currency named, or no unit after it: a mask, a road
    assert find_amounts("Nurses wore N95 masks; the N95 per box was cheap.") == []
    assert find_amounts("In Lagos, Nigeria, nurses wear N95 masks on the A1 road.") == []
    assert find_amounts("In London the song reached #1 a week after release; in Lagos, N5 per cent of it.") == []

def test_the_wire_pound_sign_needs_a_scale_word_or_a_number_written_apart() -> None:
    # ASCII wire and newspaper text wrote the pound as "#"
    assert summary("Pretax profit rose to # 142 million from #123.5 million; the fee is # 2,500.") == [
        ("# 142 million", 142e6, None, "GBP"),
        ("#123.5 million", 123.5e6, None, "GBP"),
        ("# 2,500", 2500.0, None, "GBP"),
    ]
    # ranks, issue numbers and hashtags are no money
    assert find_amounts("The single reached #1, ranked #10,000 in sales, under #2025 and C#5.") == []


@pytest.mark.parametrize(
    ("sentence", "text", "value", "currency"),
    [
        ("The miner rejected a 7.4bn Australian dollar takeover bid.", "7.4bn Australian dollar", 7.4e9, "AUD"),
        ("Tax officials served the refiner with a 2bn rouble claim.", "2bn rouble", 2e9, "RUB"),
        ("The ministry signed a 900m Swiss franc contract.", "900m Swiss franc", 900e6, "CHF"),
        ("Grocers must now accept the new 20 dollar note.", "20 dollar", 20.0, "USD"),
    ],
)
def test_singular_currency_word_before_a_noun(sentence: str, text: str, value: float, currency: str) -> None:
    amount = only(sentence)
    assert (amount.text, amount.value, amount.currency) == (text, value, currency)


def test_singular_currency_word_keeps_its_family_context() -> None:
    sentence = "In Manila, the utility won a 5bn peso grid contract from the Philippine regulator."
    assert summary(sentence) == [("5bn peso", 5e9, None, "PHP")]


def test_video_resolutions_are_not_pence() -> None:
    assert find_amounts("The camera records 720p, 1080p and 2160p video.") == []


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
        ("The studio paid $7.5 mil for the script.", 7.5e6),
        ("The takeover valued the chain at $3.2 bil.", 3.2e9),
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
        ("The appeal raised a quarter of a million pounds.", "a quarter of a million pounds", 2.5e5, "GBP"),
        ("The agency spent three quarters of a billion dollars.", "three quarters of a billion dollars", 7.5e8, "USD"),
        ("Rebuilding took two-thirds of a billion euros.", "two-thirds of a billion euros", 2e9 / 3, "EUR"),
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
        "Bids of 1.75 million won't do, the seller said.",
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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Its debt rose from $2 to $3 billion in a year.", [("$2", 2e9, None, "USD"), ("$3 billion", 3e9, None, "USD")]),
        ("Sales grew from £500 to £600 million.", [("£500", 5e8, None, "GBP"), ("£600 million", 6e8, None, "GBP")]),
        ("The fund lent $1 and $2 billion to the two banks.", [("$1", 1e9, None, "USD"), ("$2 billion", 2e9, None, "USD")]),
        # a price that moves keeps its own size
        ("Shares fell from $5 to $4.50, and Brent slid $2 to $61.15.",
         [("$5", 5.0, None, "USD"), ("$4.50", 4.5, None, "USD"), ("$2", 2.0, None, "USD"), ("$61.15", 61.15, None, "USD")]),
    ],
)
def test_a_bare_figure_takes_the_scale_of_the_amount_it_is_joined_to(sentence: str, expected: list) -> None:
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


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The council spent $5m or so on parks.", "about"),
        ("The council spent $5m or thereabouts on parks.", "about"),
        ("The council will spend $5m or more on parks.", "at least"),
        ("The council will spend $5m or less on parks.", "up to"),
        ("The council signed a $5m-plus contract.", "at least"),
        ("Analysts expect $5m+ from the parks.", "at least"),
        ("The council spent $5m + VAT on parks.", None),
        ("The council spent about $5m or so on parks.", "about"),
        ("The council spent $5m on parks or on roads.", None),
    ],
)
def test_qualifiers_after_the_amount(sentence: str, qualifier: str | None) -> None:
    amount = only(sentence)
    assert (amount.text, amount.value, amount.qualifier) == ("$5m", 5e6, qualifier)


def test_or_between_two_amounts_is_no_qualifier() -> None:
    found = find_amounts("Taxes would rise by £10bn or £11bn.")
    assert [(a.text, a.value, a.qualifier) for a in found] == [("£10bn", 10e9, None), ("£11bn", 11e9, None)]


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
        # thousands set apart by spaces, plain, no-break or thin
        ("Eskom pays pensioners R5 000 a month.", 5000.0),
        ("The club paid €1\u202f250\u202f000 for the keeper.", 1_250_000.0),
        ("Tickets cost 2 500 euros each.", 2500.0),
        ("The fee is €1 250,50 a term.", 1250.5),
        ("Kenya's court awarded Sh50\u00a0000 to each family.", 50_000.0),
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
        # the UN climate summit, not Colombian pesos
        "Delegates at COP30 in Belem agreed a deal, as at COP 29.",
        "",
    ],
)
def test_no_amount(sentence: str) -> None:
    assert find_amounts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The miner raised Australian dollars 648m from investors.", [("Australian dollars 648m", 648e6, None, "AUD")]),
        ("The grant is US dollars 5 million.", [("US dollars 5 million", 5e6, None, "USD")]),
        ("Tokyo spent Japanese yen 5 billion on it.", [("Japanese yen 5 billion", 5e9, None, "JPY")]),
        ("The bank sold pounds sterling 2.5bn.", [("pounds sterling 2.5bn", 2.5e9, None, "GBP")]),
        # no scale word, no amount: a year or a count may follow the name
        ("The Australian dollars 2004 rally ended.", []),
        # the name after a figure belongs to that figure
        ("It paid 5 million US dollars 3 times.", [("5 million US dollars", 5e6, None, "USD")]),
    ],
)
def test_a_currency_named_in_full_before_its_figure(sentence: str, expected: list[tuple]) -> None:
    assert summary(sentence) == expected


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
        ("5 000", 5000.0),
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
        ("a quarter of a million", 2.5e5),
        ("a billion", 1e9),
        ("two billion", 2e9),
    ],
)
def test_parse_number(s: str, value: float) -> None:
    assert parse_number(s) == value


@pytest.mark.parametrize(
    "s", ["", "   ", "abc", "1,2,3", "1.2.3", "two three", "half", "$5", "5%", "1,0000", "five quarters of a", "of a", "5 00"]
)
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


def test_an_article_length_text_keeps_the_invariants() -> None:
    paragraph = (
        "The ministry said on Tuesday that it had raised about $2.5bn (£1.9bn) from the sale, "
        "while the central bank rolled over 300 million euros of short-term debt. Officials "
        "expect between $1 million and $2 million in fees, and analysts put the total at "
        "roughly half a billion dollars once a Rs 500 crore subsidy is paid out. "
    )
    article = (paragraph * (5000 // len(paragraph) + 1))[:5000]
    found = find_amounts(article)
    _check_invariants(article, found)
    assert sum(a.text == "Rs 500 crore" for a in found) == article.count("Rs 500 crore")


# --- ambiguous currencies read from the article's context -----------------------------

CANADA = (
    "OTTAWA — Canada's federal government will post a deficit of $16.4 billion in the fiscal year, "
    "Finance Minister Dana Leclerc said on Tuesday, as Ottawa raises spending on housing and defence. "
    "The Bank of Canada is expected to keep rates on hold, and Ontario and Quebec asked for more "
    "support for Canadian manufacturers."
)
CANADA_NOTE = "context: Ottawa x2, Bank of Canada x1, Canada x1, Canadian x1, Ontario x1, Quebec x1"

UNITED_STATES = (
    "WASHINGTON — The U.S. government will post a deficit of $16.4 billion in the fiscal year, "
    "the U.S. Treasury said on Tuesday, as Washington raises spending on housing and defence. "
    "The Federal Reserve is expected to keep rates on hold, and Wall Street expects U.S. growth "
    "to slow, even as Canada's exporters asked Ottawa for more support."
)

PAKISTAN = (
    "ISLAMABAD — Pakistan's cabinet approved a Rs 500 crore relief package for flood-hit districts of "
    "Sindh on Monday, as the country works through a $7 billion loan programme with the International "
    "Monetary Fund (IMF). The State Bank of Pakistan said foreign exchange reserves rose, and officials "
    "in Karachi welcomed the package."
)

INDIA = (
    "NEW DELHI — India will spend Rs 1.2 trillion on highways this year, the finance ministry said, "
    "as the Reserve Bank of India kept rates on hold."
)

SRI_LANKA = (
    "COLOMBO — Sri Lanka will spend Rs 45 billion on fuel subsidies, the Central Bank of Sri Lanka said, "
    "as Sri Lankan households struggle with prices."
)

CHINA = (
    "BEIJING — China will add ¥300 billion to infrastructure spending this year, the State Council said, "
    "as Chinese factory activity slowed and the People\u2019s Bank of China cut banks' reserve requirements."
)

JAPAN = (
    "TOKYO — Japan will add ¥300 billion to its stimulus package, the finance ministry said, as the "
    "Bank of Japan held rates and Japanese exporters worried about weaker demand in China."
)

AUSTRALIA = (
    "PERTH — Australian miner Redgum Resources will spend $2 billion on a lithium refinery in Western "
    "Australia, the company told the ASX on Tuesday, and said output from its Pilbara mines rose 8%."
)


def reading(text: str, **kwargs: str) -> tuple[str, float, str | None, str | None]:
    amount = only(text, **kwargs)
    return amount.text, amount.value, amount.currency, amount.currency_note


def test_canadian_budget_story_reads_dollars_as_cad() -> None:
    assert reading(CANADA) == ("$16.4 billion", 16.4e9, "CAD", f"ambiguous symbol '$' read as CAD ({CANADA_NOTE})")
    assert currency_context(CANADA)["dollar"] == CurrencyReading("CAD", CANADA_NOTE, True)


def test_us_cues_that_dominate_keep_usd() -> None:
    assert reading(UNITED_STATES) == (
        "$16.4 billion",
        16.4e9,
        "USD",
        "ambiguous symbol '$' read as USD (context: U.S. x3, Washington x2, Federal Reserve x1, "
        "Wall Street x1; also Canada x1, Ottawa x1)",
    )


def test_canadian_cues_that_do_not_dominate_keep_the_default() -> None:
    text = "The Toronto company will spend $16.4 billion on new plants, its U.S. unit said."
    assert reading(text) == (
        "$16.4 billion",
        16.4e9,
        "USD",
        "ambiguous symbol '$' read as USD (default; no clear context: U.S. x1, Toronto x1)",
    )
    # one more Canadian cue makes CAD twice USD: that is dominance
    assert reading(text.replace("new plants", "new plants in Canada"))[2] == "CAD"


def test_pakistani_imf_story_keeps_usd_for_dollars_and_reads_rupees_as_pkr() -> None:
    assert [(a.text, a.value, a.currency, a.currency_note) for a in find_amounts(PAKISTAN)] == [
        (
            "Rs 500 crore",
            5e9,
            "PKR",
            "ambiguous symbol 'Rs' read as PKR (context: Islamabad x1, Karachi x1, Pakistan x1, Sindh x1, "
            "State Bank of Pakistan x1)",
        ),
        (
            "$7 billion",
            7e9,
            "USD",
            "ambiguous symbol '$' read as USD (context: IMF x1, International Monetary Fund x1, "
            "foreign exchange reserves x1)",
        ),
    ]


def test_a_country_whose_currency_is_not_a_dollar_says_nothing_about_dollars() -> None:
    text = "KARACHI — Pakistan's largest refinery will borrow $1.5 billion, Pakistani officials in Islamabad said."
    assert reading(text) == ("$1.5 billion", 1.5e9, "USD", "ambiguous symbol '$' read as USD (default)")
    assert currency_context(text)["dollar"] == CurrencyReading("USD", None, False)
    assert currency_context(text)["rupee"] == CurrencyReading(
        "PKR", "context: Islamabad x1, Karachi x1, Pakistan x1, Pakistani x1", True
    )


def test_indian_story_reads_rupees_as_inr() -> None:
    assert reading(INDIA) == (
        "Rs 1.2 trillion",
        1.2e12,
        "INR",
        "ambiguous symbol 'Rs' read as INR (context: India x1, New Delhi x1, Reserve Bank of India x1)",
    )


def test_sri_lankan_story_reads_rupees_as_lkr() -> None:
    assert reading(SRI_LANKA) == (
        "Rs 45 billion",
        45e9,
        "LKR",
        "ambiguous symbol 'Rs' read as LKR (context: Central Bank of Sri Lanka x1, Colombo x1, Sri Lanka x1, "
        "Sri Lankan x1)",
    )


def test_rupees_between_two_countries_keep_the_default() -> None:
    text = "Traders in India and Pakistan moved 5bn rupees across the border."
    assert reading(text) == (
        "5bn rupees",
        5e9,
        "INR",
        "ambiguous currency word 'rupees' read as INR (could be PKR, LKR or NPR; no clear context: India x1, Pakistan x1)",
    )


def test_yen_sign_in_a_chinese_story_is_cny() -> None:
    assert reading(CHINA) == (
        "¥300 billion",
        300e9,
        "CNY",
        "ambiguous symbol '¥' read as CNY (context: Beijing x1, China x1, Chinese x1, People's Bank of China x1, "
        "State Council x1)",
    )


def test_yen_sign_in_a_japanese_story_is_jpy() -> None:
    assert reading(JAPAN) == (
        "¥300 billion",
        300e9,
        "JPY",
        "ambiguous symbol '¥' read as JPY (context: Bank of Japan x1, Japan x1, Japanese x1, Tokyo x1; also China x1)",
    )


def test_a_japanese_company_story_that_mentions_china_stays_jpy() -> None:
    text = "Toyota said operating profit fell to ¥1.2 trillion as sales in China slumped and Chinese rivals cut prices."
    assert reading(text) == (
        "¥1.2 trillion",
        1.2e12,
        "JPY",
        "ambiguous symbol '¥' read as JPY (could be CNY; no clear context: China x1, Chinese x1, Toyota x1)",
    )


def test_australian_mining_story_reads_dollars_as_aud() -> None:
    assert reading(AUSTRALIA) == (
        "$2 billion",
        2e9,
        "AUD",
        "ambiguous symbol '$' read as AUD (context: ASX x1, Australian x1, Perth x1, Pilbara x1, Western Australia x1)",
    )


@pytest.mark.parametrize(
    ("text", "note"),
    [
        (
            "The province will borrow $16.4 billion to finish the subway line. All figures in Canadian dollars.",
            "ambiguous symbol '$' read as CAD (explicit: 'figures in Canadian dollars')",
        ),
        (
            "(All amounts are in C$.) The province will borrow $16.4 billion to finish the subway line.",
            "ambiguous symbol '$' read as CAD (explicit: 'amounts are in C$')",
        ),
        (
            "The province will borrow $16.4 billion to finish the subway line. Figures are in Canadian funds.",
            "ambiguous symbol '$' read as CAD (explicit: 'Figures are in Canadian funds')",
        ),
    ],
)
def test_an_explicit_statement_decides(text: str, note: str) -> None:
    assert reading(text) == ("$16.4 billion", 16.4e9, "CAD", note)


def test_an_explicit_statement_beats_dominant_cues() -> None:
    text = UNITED_STATES + " All figures in Canadian dollars."
    assert reading(text)[2:] == ("CAD", "ambiguous symbol '$' read as CAD (explicit: 'figures in Canadian dollars')")


def test_a_rate_between_two_explicit_dollars_decides_for_the_other_dollar() -> None:
    found = find_amounts("The province will borrow $16.4 billion this year. (C$1 = US$0.73)")
    assert [(a.text, a.value, a.currency, a.currency_note) for a in found] == [
        ("$16.4 billion", 16.4e9, "CAD", "ambiguous symbol '$' read as CAD (explicit: '(C$1 = US$0.73)')"),
        ("C$1", 1.0, "CAD", None),
        ("US$0.73", 0.73, "USD", None),
    ]


def test_a_wire_rate_footer_says_the_bare_dollar_is_usd() -> None:
    text = (
        "Canada's deficit will reach C$61.9 billion, Ottawa said. The Bank of Canada cut rates as Ontario "
        "and Alberta slowed, and Canadian imports from the U.S. fell by $3 billion.\n"
        "($1 = 1.3682 Canadian dollars)"
    )
    assert reading_of(text, "$3 billion") == (
        3e9,
        "USD",
        "ambiguous symbol '$' read as USD (explicit: '($1 = 1.3682 Canadian dollars)')",
    )


def reading_of(text: str, span: str) -> tuple[float, str | None, str | None]:
    (amount,) = [a for a in find_amounts(text) if a.text == span]
    return amount.value, amount.currency, amount.currency_note


def test_a_text_that_marks_its_other_dollar_keeps_the_bare_dollar_for_usd() -> None:
    found = find_amounts("The studio booked a C$16.4 million loss for the year. It now plans a $5 million buyback.")
    assert [(a.text, a.value, a.currency, a.currency_note) for a in found] == [
        ("C$16.4 million", 16.4e6, "CAD", None),
        ("$5 million", 5e6, "USD", "ambiguous symbol '$' read as USD (context: CAD marked as such x1)"),
    ]
    # the mark weighs as much as an amount: a few cues of the other dollar's country do not outweigh it
    text = (
        "Singapore's state investor will put S$650 million into the venture, the Monetary Authority of Singapore "
        "said. Foreign funds have invested more than $5 billion in such trusts, a Singapore official said."
    )
    assert [(a.text, a.currency) for a in find_amounts(text)] == [("S$650 million", "SGD"), ("$5 billion", "USD")]
    # a story thick with them does: a local paper that marks one sum
    text = (
        "TORONTO - Ontario will spend $9 billion on transit, the Ontario finance minister told reporters at "
        "Queen's Park. The plan includes C$12 million for a bus depot in Ottawa."
    )
    assert [a.currency for a in find_amounts(text)] == ["CAD", "CAD"]
    # a text that writes "US$" as well marks every dollar, and the other dollar's amounts count for it
    text = "The studio booked a C$16.4 million loss, or US$12 million. It now plans a $5 million buyback."
    assert [a.currency for a in find_amounts(text)] == ["CAD", "USD", "CAD"]
    # an exchange rate quoted in US cents marks no US-dollar amount
    text = "The Canadian dollar traded at 72.00 U.S. cents. The studio booked a C$16.4 million loss. It plans a $5 million buyback."
    assert [a.currency for a in find_amounts(text)] == ["USD", "CAD", "USD"]


def test_a_marked_local_dollar_carries_the_bare_dollar_only_where_its_sentence_names_the_country() -> None:
    singapore = (
        "Singapore's GIC will put S$800 million into a port venture in Singapore, the Monetary Authority of "
        "Singapore said on Monday, adding that Singapore wants more such deals. "
    )
    # the sentence of the bare "$" is about India: the cues of the rest of the story do not reach it
    found = find_amounts(singapore + "Indian regulators said foreign funds had put $3 billion into Mumbai toll roads.")
    assert [(a.text, a.currency) for a in found] == [("S$800 million", "SGD"), ("$3 billion", "USD")]
    assert found[1].currency_note == (
        "ambiguous symbol '$' read as USD (the text marks SGD amounts as such, and this sentence has no cue for SGD)"
    )
    # a sentence that names the country keeps the local reading
    found = find_amounts(singapore + "Singapore's port operator will add $3 billion of berths.")
    assert [(a.text, a.currency) for a in found] == [("S$800 million", "SGD"), ("$3 billion", "SGD")]
    # a text that marks no local dollar reads every bare "$" from the whole story, as before
    found = find_amounts(singapore.replace("S$", "$") + "Indian regulators said funds had put $3 billion into roads.")
    assert [a.currency for a in found] == ["SGD", "SGD"]


def test_a_conversion_next_to_another_dollar_is_usd() -> None:
    text = "Ontario will spend C$1.2 billion ($870 million) on roads, officials in Toronto and Ottawa said."
    assert [(a.text, a.currency, a.currency_note) for a in find_amounts(text)] == [
        ("C$1.2 billion", "CAD", None),
        ("$870 million", "USD", "ambiguous symbol '$' read as USD (conversion of 'C$1.2 billion')"),
    ]
    assert currency_context(text)["dollar"] == CurrencyReading("USD", "explicit: 'C$1.2 billion ($870 million)'", True)


def test_a_conversion_into_us_dollars_says_the_bare_dollar_is_local() -> None:
    text = "Ontario will spend $16.4 billion (US$11.9 billion) on transit, officials in Toronto said."
    assert reading_of(text, "$16.4 billion") == (
        16.4e9,
        "CAD",
        "ambiguous symbol '$' read as CAD (context: Ontario x1, Toronto x1; '$' is not US dollars here: "
        "'$16.4 billion (US$11.9 billion)')",
    )

# GBP per USD was about 0.53 and per SGD about 0.32 in January 2005; EUR was 1.35 USD and 1.49 CAD in May 2024.
SINGAPORE_STORY = (
    "A Singapore fuel trader has offered its lenders $210m (£112m) of the $480m it lost on options. "
    "Singapore police questioned its chief at the airport, and the Singapore exchange halted its shares."
)


def test_a_restatement_in_pounds_at_the_days_rates_makes_the_dollar_usd() -> None:
    found = find_amounts(SINGAPORE_STORY, on=date(2005, 1, 10))
    assert [(a.text, a.currency) for a in found] == [("$210m", "USD"), ("£112m", "GBP"), ("$480m", "USD")]
    assert found[0].currency_note == "ambiguous symbol '$' read as USD (restates '£112m' at the rates of 2005-01-10)"
    assert found[2].currency_note == "ambiguous symbol '$' read as USD (explicit: '$210m (£112m)')"
    # undated, the rates say nothing and the country cues decide
    assert [a.currency for a in find_amounts(SINGAPORE_STORY)] == ["SGD", "GBP", "SGD"]


def test_a_restatement_fits_the_one_dollar_of_the_day() -> None:
    toronto = "The Toronto brewer paid €5m ({}) for a plant in Ontario."
    assert reading_of(toronto.format("$7.3m"), "$7.3m")[1] == "CAD"
    assert [a.currency for a in find_amounts(toronto.format("$7.3m"), on=date(2024, 5, 2))] == ["EUR", "CAD"]
    assert [a.currency for a in find_amounts(toronto.format("$5.4m"), on=date(2024, 5, 2))] == ["EUR", "USD"]


def test_a_restatement_after_a_semicolon_is_read_at_the_rates_too() -> None:
    text = "The Perth builder expects no profit on the 1.2bn Australian dollars (£458m; $874m) stadium."
    found = find_amounts(text, on=date(2005, 1, 10))
    assert [(a.text, a.currency) for a in found] == [
        ("1.2bn Australian dollars", "AUD"), ("£458m", "GBP"), ("$874m", "USD")
    ]
    # without the date the sentence's Australian dollars decide
    assert [a.currency for a in find_amounts(text)] == ["AUD", "GBP", "AUD"]



def test_benchmark_commodity_prices_stay_usd() -> None:
    text = "Canadian producers in Alberta will spend $16 billion next year with oil at $80 a barrel, the Calgary group said."
    context_note = "context: Alberta x1, Calgary x1, Canadian x1"
    assert [(a.text, a.value, a.currency, a.currency_note) for a in find_amounts(text)] == [
        ("$16 billion", 16e9, "CAD", f"ambiguous symbol '$' read as CAD ({context_note})"),
        ("$80", 80.0, "USD", f"ambiguous symbol '$' read as USD (price per barrel, not the context's CAD; {context_note})"),
    ]


def test_small_dollar_economies_need_the_article_to_write_us_dollars() -> None:
    wire = (
        "TAIPEI — Taiwan's TSMC will invest $100 billion in new plants, the Taiwanese chipmaker said, "
        "and Taiwan's government in Taipei welcomed the plan."
    )
    assert reading(wire) == ("$100 billion", 100e9, "USD", "ambiguous symbol '$' read as USD (default)")
    local = (
        "KINGSTON, Jamaica — The Jamaican government will spend $5 billion on roads, the Bank of Jamaica said, "
        "after signing a US$200 million loan. Jamaica's finance minister welcomed it."
    )
    assert reading_of(local, "$5 billion") == (
        5e9,
        "JMD",
        "ambiguous symbol '$' read as JMD (context: Jamaica x2, Bank of Jamaica x1, Jamaican x1)",
    )


@pytest.mark.parametrize(
    ("text", "span", "currency", "note"),
    [
        (
            "CAIRO — Egypt will spend 50 billion pounds on bread subsidies, the Egyptian cabinet said.",
            "50 billion pounds",
            "EGP",
            "ambiguous currency word 'pounds' read as EGP (context: Cairo x1, Egypt x1, Egyptian x1)",
        ),
        (
            "BUENOS AIRES — Argentina's central bank sold 500 billion pesos of bonds as Argentine inflation eased.",
            "500 billion pesos",
            "ARS",
            "ambiguous currency word 'pesos' read as ARS (context: Argentina x1, Argentine x1, Buenos Aires x1)",
        ),
        (
            "BAGHDAD — Iraq will pay 3 trillion dinars in public salaries, the Iraqi finance ministry said.",
            "3 trillion dinars",
            "IQD",
            "ambiguous currency word 'dinars' read as IQD (context: Baghdad x1, Iraq x1, Iraqi x1)",
        ),
        (
            "DAKAR — Senegal will raise 150 billion CFA francs from a regional bond, Senegalese officials said.",
            "150 billion CFA francs",
            "XOF",
            "ambiguous currency word 'CFA francs' read as XOF (context: Dakar x1, Senegal x1, Senegalese x1)",
        ),
        (
            "KAMPALA — Uganda's central bank sold 2 trillion shillings of treasury bills.",
            "2 trillion shillings",
            "UGX",
            "ambiguous currency word 'shillings' read as UGX (context: Kampala x1, Uganda x1)",
        ),
        (
            "KAMPALA — Uganda's parliament passed a Shs 72 trillion budget for the coming year.",
            "Shs 72 trillion",
            "UGX",
            "ambiguous symbol 'Shs' read as UGX (context: Kampala x1, Uganda x1)",
        ),
        (
            "DAR ES SALAAM — Tanzania's treasury spent Sh1.2 trillion on the railway.",
            "Sh1.2 trillion",
            "TZS",
            "ambiguous symbol 'Sh' read as TZS (context: Dar es Salaam x1, Tanzania x1)",
        ),
        (
            "OSLO — Norway's wealth fund lost kr 500 billion in the quarter, Norwegian officials said.",
            "kr 500 billion",
            "NOK",
            "ambiguous symbol 'kr' read as NOK (context: Norway x1, Norwegian x1, Oslo x1)",
        ),
        (
            "Volvo Cars made 5.2 billion Swedish crowns and expects 6 billion crowns next year, the "
            "Gothenburg-based group said.",
            "6 billion crowns",
            "SEK",
            "ambiguous currency word 'crowns' read as SEK (context: SEK amount x1, Gothenburg x1)",
        ),
        (
            "GABORONE — Botswana's Debswana said diamond sales fell to P20 billion.",
            "P20 billion",
            "BWP",
            "ambiguous symbol 'P' read as BWP (context: Botswana x1, Debswana x1, Gaborone x1)",
        ),
        (
            "MANILA — Ayala Land said profit rose to P3.2 billion.",
            "P3.2 billion",
            "PHP",
            "ambiguous symbol 'P' read as PHP (context: Manila x1)",
        ),
    ],
)
def test_other_families_are_read_from_the_country(text: str, span: str, currency: str, note: str) -> None:
    assert reading_of(text, span)[1:] == (currency, note)


def test_crowns_and_kr_alone_keep_their_defaults() -> None:
    assert reading("The fund lost kr 500 billion.") == (
        "kr 500 billion",
        500e9,
        "SEK",
        "ambiguous symbol 'kr' read as SEK (could be NOK, DKK or ISK)",
    )
    assert reading("The fund lost 500 billion crowns.") == (
        "500 billion crowns",
        500e9,
        None,
        "ambiguous currency word 'crowns' left without a code (could be SEK, NOK, DKK, ISK or CZK)",
    )
    assert find_amounts("The team won three crowns and 2 crowns in the cup.") == []


@pytest.mark.parametrize(
    ("text", "span", "currency"),
    [
        (CANADA + " Its U.S. unit paid US$3 billion.", "US$3 billion", "USD"),
        (CANADA + " The fund also sold 2 billion U.S. dollars of bonds.", "2 billion U.S. dollars", "USD"),
        (UNITED_STATES + " The Ontario plant cost C$2 billion.", "C$2 billion", "CAD"),
        (UNITED_STATES + " Ottawa pledged 2 billion Canadian dollars.", "2 billion Canadian dollars", "CAD"),
        (AUSTRALIA + " It also raised NZ$50 million.", "NZ$50 million", "NZD"),
        (CHINA + " Japanese lenders added 10 billion yen.", "10 billion yen", "JPY"),
        (JAPAN + " Chinese buyers paid 5 billion yuan.", "5 billion yuan", "CNY"),
        (INDIA + " A Karachi firm paid PKR 5 billion.", "PKR 5 billion", "PKR"),
        (PAKISTAN + " An Indian firm paid 5bn Indian rupees.", "5bn Indian rupees", "INR"),
        (PAKISTAN + " It also cost ₹3 lakh.", "₹3 lakh", "INR"),
    ],
)
def test_unambiguous_forms_are_never_overridden(text: str, span: str, currency: str) -> None:
    assert reading_of(text, span)[1:] == (currency, None)


@pytest.mark.parametrize(
    ("text", "span", "currency", "note"),
    [
        (CANADA, "$16.4 billion", "USD", "ambiguous symbol '$' read as USD (default)"),
        (PAKISTAN, "Rs 500 crore", "INR", "ambiguous symbol 'Rs' read as INR (could be PKR, LKR or NPR)"),
        (PAKISTAN, "$7 billion", "USD", "ambiguous symbol '$' read as USD (default)"),
        (CHINA, "¥300 billion", "JPY", "ambiguous symbol '¥' read as JPY (could be CNY)"),
    ],
)
def test_context_can_be_switched_off(text: str, span: str, currency: str, note: str) -> None:
    (amount,) = [a for a in find_amounts(text, context=False) if a.text == span]
    assert (amount.currency, amount.currency_note) == (currency, note)


def test_a_silent_text_keeps_the_documented_defaults_and_notes() -> None:
    text = "The company will spend $16.4 billion on new plants and Rs 500 crore on offices, it said."
    assert [(a.text, a.currency, a.currency_note) for a in find_amounts(text)] == [
        ("$16.4 billion", "USD", "ambiguous symbol '$' read as USD (default)"),
        ("Rs 500 crore", "INR", "ambiguous symbol 'Rs' read as INR (could be PKR, LKR or NPR)"),
    ]
    assert find_amounts(text) == find_amounts(text, context=False)
    context = currency_context(text)
    assert context["dollar"] == CurrencyReading("USD", None, False)
    assert context["rupee"] == CurrencyReading("INR", None, False)
    assert context["dinar"] == CurrencyReading(None, None, False)


def test_the_dollar_default_still_applies_where_context_is_silent() -> None:
    assert reading("The rink cost $40m.", dollar_default="CAD")[2:] == ("CAD", "ambiguous symbol '$' read as CAD (default)")
    assert reading(UNITED_STATES, dollar_default="CAD")[2:] == (
        "USD",
        "ambiguous symbol '$' read as USD (context: U.S. x3, Washington x2, Federal Reserve x1, Wall Street x1; "
        "also Canada x1, Ottawa x1)",
    )


def test_currency_context_covers_every_family() -> None:
    context = currency_context(PAKISTAN + " " + CHINA)
    assert set(context) == {"dollar", "rupee", "yen", "pound", "peso", "franc", "mark", "lira", "dinar", "shilling", "dirham", "riyal", "krona", "p", "k"}
    assert context["rupee"].code == "PKR" and context["rupee"].decided
    assert context["yen"].code == "CNY" and context["yen"].decided
    assert context["pound"] == CurrencyReading("GBP", None, False)
    assert currency_context("") == currency_context("No money here.")


def test_seed_article_dollars_are_usd_from_its_imf_context() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    note = "ambiguous symbol '$' read as USD (context: IMF x2, International Monetary Fund x2, foreign reserves x1)"
    assert {(a.currency, a.currency_note) for a in find_amounts(text)} == {("USD", note)}


@pytest.mark.parametrize(
    ("text", "note"),
    [
        # a cue inside a longer phrase does not count on its own
        ("Latin American and North American investors put $5m into the fund.", "ambiguous symbol '$' read as USD (default)"),
        ("The Federation paid $5m to the fund.", "ambiguous symbol '$' read as USD (default)"),
        # all-capitals datelines and curly apostrophes count
        (
            "TORONTO — Queen\u2019s Park will spend $5m on the fund.",
            "ambiguous symbol '$' read as CAD (context: Queen's Park x1, Toronto x1)",
        ),
        # a currency named inside an amount counts once, as the amount (with "US$" written, context decides)
        (
            "Ottawa paid 2 billion Canadian dollars (US$1.5 billion). It paid $5m more.",
            "ambiguous symbol '$' read as CAD (context: CAD amount x1, Ottawa x1)",
        ),
    ],
)
def test_cue_boundaries(text: str, note: str) -> None:
    (amount,) = [a for a in find_amounts(text) if a.text == "$5m"]
    assert (amount.value, amount.currency_note) == (5e6, note)


def test_context_is_computed_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = amounts_module._scan
    monkeypatch.setattr(amounts_module, "_scan", lambda *args: calls.append(1) or real(*args))
    found = find_amounts(CANADA + " It also spent $2m, $3m and 4 million dollars, plus Rs 5bn.")
    assert len(found) == 5 and len(calls) == 1
    find_amounts("It cost €5m.")
    assert len(calls) == 1  # no ambiguous amount, no scan


def test_context_tables_are_consistent() -> None:
    iso = {c.alpha_3 for c in pycountry.currencies} | HISTORIC_CODES
    for name, family in CONTEXT_FAMILIES.items():
        assert set(family.codes) <= iso, name
        assert family.local_press_only <= set(family.codes), name
    for form, (family, allowed) in FAMILY_FORMS.items():
        entry = SYMBOLS.get(form) or SUFFIX_SYMBOLS.get(form) or CURRENCY_WORDS.get(form)
        assert entry is not None and entry[1] is not None, form  # only ambiguous forms are re-read
        assert allowed is None or allowed <= set(CONTEXT_FAMILIES[family].codes), form
    codes = {code for family in CONTEXT_FAMILIES.values() for code in family.codes}
    assert set(COUNTRY_CUES) | set(CURRENCY_CUES) <= codes




@pytest.mark.parametrize(
    "text, written, value, value_max, currency",
    [
        ("The RBI may transfer Rs 1.02 lakh crore in dividends.", "Rs 1.02 lakh crore", 1.02e12, None, "INR"),
        ("He unveiled the Tk 7.9 lakh crore budget.", "Tk 7.9 lakh crore", 7.9e12, None, "BDT"),
        ("Exports of Rs 40 thousand crore were logged in India.", "Rs 40 thousand crore", 4e11, None, "INR"),
        (
            "A surplus of between Rs 1 lakh crore and Rs 1.5 lakh crore is expected in India.",
            "Rs 1 lakh crore and Rs 1.5 lakh crore",
            1e12,
            1.5e12,
            "INR",
        ),
        (
            "Plaintiffs showed losses ranging from $1.2 million to $23.5 million each.",
            "$1.2 million to $23.5 million",
            1.2e6,
            23.5e6,
            "USD",
        ),
    ],
)
def test_compound_indian_scales_and_ranging_from(text, written, value, value_max, currency):
    [a] = find_amounts(text)
    assert (a.text, a.value, a.value_max, a.currency) == (written, value, value_max, currency)


def test_from_to_after_a_verb_of_change_is_two_amounts():
    found = find_amounts("Shares rose from $1 to $2 on Monday.")
    assert [(a.text, a.value, a.value_max) for a in found] == [("$1", 1.0, None), ("$2", 2.0, None)]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "currency"),
    [
        ("Emaar raised Dh5 billion from the sale.", "Dh5 billion", 5e9, "AED"),
        ("Rents reach Dhs500 a month.", "Dhs500", 500.0, "AED"),
        ("Aramco spent SR5 billion on the plant.", "SR5 billion", 5e9, "SAR"),
        ("QatarEnergy booked QR5 billion in profit.", "QR5 billion", 5e9, "QAR"),
        ("The fund lost KD2 million.", "KD2 million", 2e6, "KWD"),
        ("Bahrain issued BD1.5 billion of bonds.", "BD1.5 billion", 1.5e9, "BHD"),
        ("Oman budgeted RO300 million for roads.", "RO300 million", 3e8, "OMR"),
        ("Egypt spent LE5 billion on wheat.", "LE5 billion", 5e9, "EGP"),
        ("The bank lent TL5 billion.", "TL5 billion", 5e9, "TRY"),
        ("The Bank of Israel sold NIS 5 million in bonds.", "NIS 5 million", 5e6, "ILS"),
        ("The Swiss group paid SFr5m.", "SFr5m", 5e6, "CHF"),
    ],
)
def test_gulf_levant_and_swiss_prefixes(sentence: str, text: str, value: float, currency: str) -> None:
    amount = only(sentence)
    assert (amount.text, amount.value, amount.currency) == (text, value, currency)


@pytest.mark.parametrize("sentence", ["The TL5 model sold well.", "It has an SR5 engine.", "Scan a QR50 code.", "Take the RO2 road."])
def test_two_capitals_before_a_number_need_a_scale_word(sentence: str) -> None:
    assert find_amounts(sentence) == []


def test_a_figure_compared_with_an_amount_takes_its_currency() -> None:
    found = find_amounts("Profit rose to 14.3 million stg from 12.1 million ; sales were $1.2bn, up from 980m a year earlier.")
    assert [(a.text, a.value, a.currency) for a in found] == [
        ("14.3 million stg", 14.3e6, "GBP"),
        ("12.1 million", 12.1e6, "GBP"),
        ("$1.2bn", 1.2e9, "USD"),
        ("980m", 980e6, "USD"),
    ]
    assert found[1].currency_note == "currency of '14.3 million stg', the amount it is compared with"
    # what is compared may be counted in something else
    assert summary("Revenue rose to $5 million from 4 million customers; output fell to 5 million barrels from 4 million.") == [
        ("$5 million", 5e6, None, "USD")
    ]
