"""Lookup tables for money-amount extraction; the matching logic lives in ``amounts``.

Currency tables map a written form to ``(code, hint)``. ``code`` is an ISO 4217
code, :data:`DOLLAR_DEFAULT` (the caller's default dollar) or None (too
ambiguous to pick one); ``hint`` is None when the form is unambiguous, else the
reason that goes into the amount's ``currency_note``. The list of valid ISO
codes itself comes from ``pycountry``.
"""

from __future__ import annotations

from typing import NamedTuple, TypeVar

_V = TypeVar("_V")

DOLLAR_DEFAULT = "$default"
"""Stands for whichever dollar the caller names as the default (USD unless told otherwise)."""

SYMBOLS: dict[str, tuple[str | None, str | None]] = {
    "$": (DOLLAR_DEFAULT, "default"),
    "US$": ("USD", None),
    "US $": ("USD", None),
    "U.S.$": ("USD", None),
    "$US": ("USD", None),
    "C$": ("CAD", None),
    "C $": ("CAD", None),
    "CA$": ("CAD", None),
    "Can$": ("CAD", None),
    "A$": ("AUD", None),
    "AU$": ("AUD", None),
    "$A": ("AUD", None),
    "NZ$": ("NZD", None),
    "NZ $": ("NZD", None),
    "$NZ": ("NZD", None),
    "HK$": ("HKD", None),
    "HK $": ("HKD", None),
    "S$": ("SGD", None),
    "SG$": ("SGD", None),
    "R$": ("BRL", None),
    "NT$": ("TWD", None),
    "NT $": ("TWD", None),
    "MX$": ("MXN", None),
    "Mex$": ("MXN", None),
    "AR$": ("ARS", None),
    "Arg$": ("ARS", None),
    "COL$": ("COP", None),
    "Col$": ("COP", None),
    "CLP$": ("CLP", None),
    "RD$": ("DOP", None),
    "UY$": ("UYU", None),
    "zł": ("PLN", None),
    "J$": ("JMD", None),
    "TT$": ("TTD", None),
    "N$": ("NAD", None),
    "FJ$": ("FJD", None),
    "BZ$": ("BZD", None),
    "Bds$": ("BBD", None),
    "EC$": ("XCD", None),
    "€": ("EUR", None),
    "£": ("GBP", None),
    "E£": ("EGP", None),
    "¥": ("JPY", "could be CNY"),
    "JP¥": ("JPY", None),
    "CN¥": ("CNY", None),
    "Rmb": ("CNY", None),
    "₹": ("INR", None),
    "Rs": ("INR", "could be PKR, LKR or NPR"),
    "Rs.": ("INR", "could be PKR, LKR or NPR"),
    "₨": ("INR", "could be PKR, LKR or NPR"),
    "₩": ("KRW", None),
    "₽": ("RUB", None),
    "₺": ("TRY", None),
    "₦": ("NGN", None),
    "₱": ("PHP", None),
    "₪": ("ILS", None),
    "฿": ("THB", None),
    "₫": ("VND", None),
    "₴": ("UAH", None),
    "₸": ("KZT", None),
    "৳": ("BDT", None),
    "₾": ("GEL", None),
    "₼": ("AZN", None),
    "₮": ("MNT", None),
    "₭": ("LAK", None),
    "₲": ("PYG", None),
    "₡": ("CRC", None),
    "֏": ("AMD", None),
    "Ft": ("HUF", None),
    "Kz": ("AOA", None),
    "MK": ("MWK", None),
    "ZK": ("ZMW", None),
    "K": (None, "could be ZMW, MWK, PGK or MMK"),
    "₵": ("GHS", None),
    "GH₵": ("GHS", None),
    "RM": ("MYR", None),
    "Rp": ("IDR", None),
    "Tk": ("BDT", None),
    "KSh": ("KES", None),
    "Ksh": ("KES", None),
    "Kshs": ("KES", None),
    "KShs": ("KES", None),
    "Sh": ("KES", "could be UGX, TZS or SOS"),
    "Shs": ("KES", "could be UGX, TZS or SOS"),
    "USh": ("UGX", None),
    "TSh": ("TZS", None),
    "Tsh": ("TZS", None),
    "N": ("NGN", None),
    "GH¢": ("GHS", None),
    "Br": ("ETB", None),
    "P": ("PHP", "could be BWP"),
    "Php": ("PHP", None),
    "NRs": ("NPR", None),
    "SLRs": ("LKR", None),
    "R": ("ZAR", None),
    "W": ("KRW", None),
    "Bt": ("THB", None),
    "kr": ("SEK", "could be NOK, DKK or ISK"),
    "kr.": ("SEK", "could be NOK, DKK or ISK"),
    "Kr": ("SEK", "could be NOK, DKK or ISK"),
    "SKr": ("SEK", None),
    "Skr": ("SEK", None),
    "NKr": ("NOK", None),
    "Nkr": ("NOK", None),
    "DKr": ("DKK", None),
    "Dkr": ("DKK", None),
    "Dh": ("AED", None),
    "Dhs": ("AED", None),
    "SR": ("SAR", None),
    "QR": ("QAR", None),
    "KD": ("KWD", None),
    "BD": ("BHD", None),
    "RO": ("OMR", None),
    "LE": ("EGP", None),
    "TL": ("TRY", None),
    "NIS": ("ILS", None),
    "SFr": ("CHF", None),
    "SFr.": ("CHF", None),
    "Sfr": ("CHF", None),
    "Fr.": ("CHF", "could be another franc"),
    "Fr": ("CHF", "could be another franc"),
    "DM": ("DEM", None),
    "FFr": ("FRF", None),
    "FF": ("FRF", None),
    "BFr": ("BEF", None),
    "Dfl": ("NLG", None),
    "Hfl": ("NLG", None),
    "IR£": ("IEP", None),
    "Ptas": ("ESP", None),
    "Esc": ("PTE", None),
    "#": ("GBP", None),
}
"""Currency symbols written before the number, case-sensitive ("Rs" yes, "RS" no); some copy sets the
country apart from the dollar sign ("US $5 million", "C $20 million"; not "A $5", which opens sentences). "#" is the pound
sign of text that passed through ASCII-only wire and newspaper systems ("# 142 million" is £142 million)."""

SYMBOLS_NEEDING_SCALE: frozenset[str] = frozenset(
    {"R", "SR", "QR", "KD", "BD", "RO", "LE", "TL", "Sh", "Shs", "N", "Br", "P", "DM", "FF", "Esc", "#", "Fr", "Fr.", "W", "Bt",
     "Ft", "Kz", "MK", "ZK", "Php", "K"}
)
"""Symbols too short to trust alone: "R5bn" is rand, "R2" is probably a road or a droid;
"QR5 billion" is Qatari riyals, "a QR50 code" is not; "N27.5 trillion" is naira, "an N95 mask" is not; "W5 trillion" is won (Korean papers), "a W1 postcode" is not; "DM5 billion" is marks, "DM 20" a direct message; "Php 3.4 billion" is pesos, "Php 8" a programming language; "K3.5 billion" is kwacha, kina or kyat, "K2" a mountain; "# 142 million" is pounds, "#1" a rank.
A number grouped in thousands counts as well as a scale word ("Sh50,000", "R1,500")."""

SUFFIX_SYMBOLS: dict[str, tuple[str | None, str | None]] = {
    "€": ("EUR", None),
    "₽": ("RUB", None),
    "zł": ("PLN", None),
    "Kč": ("CZK", None),
    "kr": ("SEK", "could be NOK, DKK or ISK"),
}
"""Symbols written after the number, continental style: "50€", "300 zł"."""

CODE_ALIASES: dict[str, str] = {"RMB": "CNY"}
"""Three-letter codes used in news that are not ISO 4217, and the ISO code they mean."""

EXCLUDED_CODES: frozenset[str] = frozenset({"XXX", "XTS"})
"""ISO 4217 codes that never denote money in news text ("no currency", "testing")."""

EURO_LEGACY_RATES: dict[str, float] = {
    "ATS": 13.7603,
    "BEF": 40.3399,
    "DEM": 1.95583,
    "ESP": 166.386,
    "FIM": 5.94573,
    "FRF": 6.55957,
    "IEP": 0.787564,
    "ITL": 1936.27,
    "LUF": 40.3399,
    "NLG": 2.20371,
    "PTE": 200.482,
    "GRD": 340.750,
    "XEU": 1.0,
}
EURO_LEGACY_SINCE: dict[str, str] = {"GRD": "2001-01-01"}
"""When a rate above took effect, where not on 1999-01-01 (the drachma joined in 2001)."""
"""Currencies the euro replaced in 1999 (Greece 2001), and the ECU it replaced one for one, with their irrevocable conversion rates,
units per euro (Council Regulations 2866/98 and 1478/2000). They are ISO 4217 historic codes,
not in ``pycountry``'s list of current ones, and still appear in news: archives, wire copy of
the 1990s, and histories ("bought for 50 million marks in 1995")."""

LEGACY_UNTIL = "2002-03-01"
"""The day after the last of those currencies stopped being legal tender: from this publication
date on, an ambiguous "francs" or "lira" is never read as one of them from context."""

HISTORIC_CODES: frozenset[str] = frozenset(EURO_LEGACY_RATES)
"""Historic ISO 4217 codes that count as currency codes besides the current ones."""


def iso_4217_codes() -> frozenset[str]:
    """Every code an amount may carry: the current ISO 4217 codes ``pycountry`` knows and
    :data:`HISTORIC_CODES`. The extractor and the data-quality suite both take this one list."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies) | HISTORIC_CODES

CODE_WORD_CLASHES: frozenset[str] = frozenset(
    {
        "ALL", "AMD", "BAM", "BOB", "BTN", "CNY", "COP", "CRC", "CUP", "CVE", "DOP", "ERN", "GEL",
        "LAK", "MAD", "MDL", "MOP", "NAD", "PEN", "PHP", "RON", "SAR", "SCR", "SOS", "SVC",
        "TOP", "TRY", "DEM", "ESP",
    }
)
"""ISO codes that are also capitalised words or acronyms ("TOP 10", "PHP 8"); they count only with a scale word."""

CURRENCY_WORDS: dict[str, tuple[str | None, str | None]] = {
    "dollars": (DOLLAR_DEFAULT, "default"),
    "dollar": (DOLLAR_DEFAULT, "default"),
    "us dollars": ("USD", None),
    "us dollar": ("USD", None),
    "u.s. dollars": ("USD", None),
    "u.s. dollar": ("USD", None),
    "american dollars": ("USD", None),
    "canadian dollars": ("CAD", None),
    "australian dollars": ("AUD", None),
    "new zealand dollars": ("NZD", None),
    "hong kong dollars": ("HKD", None),
    "singapore dollars": ("SGD", None),
    "taiwan dollars": ("TWD", None),
    "new taiwan dollars": ("TWD", None),
    "jamaican dollars": ("JMD", None),
    "trinidad and tobago dollars": ("TTD", None),
    "barbados dollars": ("BBD", None),
    "bahamian dollars": ("BSD", None),
    "belize dollars": ("BZD", None),
    "guyanese dollars": ("GYD", None),
    "fiji dollars": ("FJD", None),
    "fijian dollars": ("FJD", None),
    "namibian dollars": ("NAD", None),
    "euros": ("EUR", None),
    "euro": ("EUR", None),
    "pounds": ("GBP", "could be another pound or a weight"),
    "pound": ("GBP", "could be another pound or a weight"),
    "pounds sterling": ("GBP", None),
    "sterling": ("GBP", None),
    "british pounds": ("GBP", None),
    "egyptian pounds": ("EGP", None),
    "lebanese pounds": ("LBP", None),
    "syrian pounds": ("SYP", None),
    "sudanese pounds": ("SDG", None),
    "south sudanese pounds": ("SSP", None),
    "pence": ("GBP", None),
    "stg": ("GBP", None),
    "dlrs": (DOLLAR_DEFAULT, "default"),
    "dlr": (DOLLAR_DEFAULT, "default"),
    "cents": (DOLLAR_DEFAULT, "default"),
    "euro cents": ("EUR", None),
    "yen": ("JPY", None),
    "japanese yen": ("JPY", None),
    "yuan": ("CNY", None),
    "renminbi": ("CNY", None),
    "chinese yuan": ("CNY", None),
    "rupees": ("INR", "could be PKR, LKR or NPR"),
    "rupee": ("INR", "could be PKR, LKR or NPR"),
    "indian rupees": ("INR", None),
    "pakistani rupees": ("PKR", None),
    "pakistan rupees": ("PKR", None),
    "sri lankan rupees": ("LKR", None),
    "nepalese rupees": ("NPR", None),
    "nepali rupees": ("NPR", None),
    "mauritian rupees": ("MUR", None),
    "seychellois rupees": ("SCR", None),
    "rupiah": ("IDR", None),
    "swiss francs": ("CHF", None),
    "francs": ("CHF", "could be another franc"),
    "cfa francs": (None, "could be XOF or XAF"),
    "rwandan francs": ("RWF", None),
    "burundian francs": ("BIF", None),
    "guinean francs": ("GNF", None),
    "congolese francs": ("CDF", None),
    "djiboutian francs": ("DJF", None),
    "roubles": ("RUB", None),
    "rubles": ("RUB", None),
    "hryvnias": ("UAH", None),
    "hryvnia": ("UAH", None),
    "lira": ("TRY", "could be ITL before 2002"),
    "liras": ("TRY", "could be ITL before 2002"),
    "turkish lira": ("TRY", None),
    "won": ("KRW", "could be KPW"),
    "south korean won": ("KRW", None),
    "rand": ("ZAR", None),
    "naira": ("NGN", None),
    "cedis": ("GHS", None),
    "shillings": ("KES", "could be UGX, TZS or SOS"),
    "kenyan shillings": ("KES", None),
    "ugandan shillings": ("UGX", None),
    "tanzanian shillings": ("TZS", None),
    "somali shillings": ("SOS", None),
    "birr": ("ETB", None),
    "pesos": ("MXN", "could be another peso"),
    "mexican pesos": ("MXN", None),
    "argentine pesos": ("ARS", None),
    "philippine pesos": ("PHP", None),
    "chilean pesos": ("CLP", None),
    "colombian pesos": ("COP", None),
    "uruguayan pesos": ("UYU", None),
    "dominican pesos": ("DOP", None),
    "cuban pesos": ("CUP", None),
    "reais": ("BRL", None),
    "ringgit": ("MYR", None),
    "baht": ("THB", None),
    "dong": ("VND", None),
    "taka": ("BDT", None),
    "dirhams": ("AED", "could be MAD"),
    "uae dirhams": ("AED", None),
    "emirati dirhams": ("AED", None),
    "moroccan dirhams": ("MAD", None),
    "riyals": ("SAR", "could be QAR"),
    "saudi riyals": ("SAR", None),
    "qatari riyals": ("QAR", None),
    "rials": ("IRR", "could be OMR or YER"),
    "iranian rials": ("IRR", None),
    "omani rials": ("OMR", None),
    "yemeni rials": ("YER", None),
    "dinars": (None, "dinars of several countries"),
    "kuwaiti dinars": ("KWD", None),
    "iraqi dinars": ("IQD", None),
    "bahraini dinars": ("BHD", None),
    "jordanian dinars": ("JOD", None),
    "libyan dinars": ("LYD", None),
    "tunisian dinars": ("TND", None),
    "algerian dinars": ("DZD", None),
    "serbian dinars": ("RSD", None),
    "zloty": ("PLN", None),
    "zlotys": ("PLN", None),
    "forints": ("HUF", None),
    "forint": ("HUF", None),
    "kronor": ("SEK", None),
    "swedish kronor": ("SEK", None),
    "norwegian kroner": ("NOK", None),
    "danish kroner": ("DKK", None),
    "kroner": ("NOK", "could be DKK"),
    "krone": ("NOK", "could be DKK"),
    "norwegian krone": ("NOK", None),
    "danish krone": ("DKK", None),
    "krona": ("SEK", "could be ISK"),
    "swedish krona": ("SEK", None),
    "icelandic krona": ("ISK", None),
    "kronur": ("ISK", None),
    "icelandic kronur": ("ISK", None),
    "crowns": (None, "could be SEK, NOK, DKK, ISK or CZK"),
    "swedish crowns": ("SEK", None),
    "norwegian crowns": ("NOK", None),
    "danish crowns": ("DKK", None),
    "icelandic crowns": ("ISK", None),
    "czech crowns": ("CZK", None),
    "koruna": ("CZK", None),
    "korunas": ("CZK", None),
    "shekels": ("ILS", None),
    "tenge": ("KZT", None),
    "lei": ("RON", None),
    "leu": ("RON", "could be MDL"),
    "leva": ("BGN", None),
    "kyat": ("MMK", None),
    "kyats": ("MMK", None),
    "kina": ("PGK", None),
    "riels": ("KHR", None),
    "riel": ("KHR", None),
    "afghanis": ("AFN", None),
    "manat": ("AZN", "could be TMT"),
    "lari": ("GEL", None),
    "kwacha": ("ZMW", "could be MWK"),
    "zambian kwacha": ("ZMW", None),
    "malawi kwacha": ("MWK", None),
    "malawian kwacha": ("MWK", None),
    "pula": ("BWP", None),
    "soles": ("PEN", None),
    "quetzales": ("GTQ", None),
    "bolivars": ("VES", None),
    "bolivares": ("VES", None),
    "guaranies": ("PYG", None),
    "drams": ("AMD", None),
    "dram": ("AMD", "could be a measure of spirits"),
    "som": ("KGS", "could be UZS"),
    "soms": ("KGS", "could be UZS"),
    "lempiras": ("HNL", None),
    "cordobas": ("NIO", None),
    "colones": ("CRC", None),
    "deutsche marks": ("DEM", None),
    "deutschmarks": ("DEM", None),
    "deutschemarks": ("DEM", None),
    "d-marks": ("DEM", None),
    "german marks": ("DEM", None),
    "marks": ("DEM", "could be FIM"),
    "finnish marks": ("FIM", None),
    "markkaa": ("FIM", None),
    "french francs": ("FRF", None),
    "belgian francs": ("BEF", None),
    "luxembourg francs": ("LUF", None),
    "guilders": ("NLG", None),
    "dutch guilders": ("NLG", None),
    "lire": ("ITL", None),
    "italian lire": ("ITL", None),
    "italian lira": ("ITL", None),
    "pesetas": ("ESP", None),
    "spanish pesetas": ("ESP", None),
    "ptas": ("ESP", None),
    "escudos": ("PTE", None),
    "portuguese escudos": ("PTE", None),
    "schillings": ("ATS", None),
    "austrian schillings": ("ATS", None),
    "irish pounds": ("IEP", None),
    "punts": ("IEP", None),
    "drachmas": ("GRD", None),
    "drachmae": ("GRD", None),
    "greek drachmas": ("GRD", None),
    "ecus": ("XEU", None),
    "us cents": ("USD", None),
    "u.s. cents": ("USD", None),
    "cts": (DOLLAR_DEFAULT, "default"),
    "cent": (DOLLAR_DEFAULT, "default"),
    "us cent": ("USD", None),
    "euro cent": ("EUR", None),
}
_ATTRIBUTIVE_PLURALS = (
    "dollars", "pounds", "francs", "roubles", "rubles", "rupees", "pesos", "shillings",
    "dinars", "dirhams", "riyals", "rials", "shekels", "cedis", "crowns", "guilders", "pesetas", "escudos",
    "schillings", "drachmas",
)


def _add_singulars(forms: dict[str, _V]) -> None:
    """Give each plural currency word of ``forms`` its singular, read the same way, unless listed."""
    forms.update(
        {
            form[:-1]: value
            for form, value in list(forms.items())
            if form.endswith(_ATTRIBUTIVE_PLURALS) and form[:-1] not in forms
        }
    )


_add_singulars(CURRENCY_WORDS)
"""Currency words written after the number, matched case-insensitively ("3 million euros"), with
the singular of each plural as news writes it before a noun ("a 7.4bn Australian dollar bid",
"a 1bn rouble claim")."""

MINOR_UNITS: dict[str, float] = {
    "pence": 0.01, "p": 0.01, "cents": 0.01, "cent": 0.01, "euro cents": 0.01, "euro cent": 0.01,
    "us cents": 0.01, "us cent": 0.01, "u.s. cents": 0.01, "cts": 0.01,
}
"""Words for a hundredth of the currency: "50 pence" is 0.50 GBP, so values stay in major units."""

WORDS_NEEDING_SCALE: frozenset[str] = frozenset({"won", "crowns", "crown", "dram", "som", "marks", "punts"})
"""Currency words that are also everyday English or another unit ("the two won", "three crowns", "a 12-year-old
dram", "full marks", "two punts"); they count only after a scale word."""

CENT_CURRENCIES: frozenset[str] = frozenset(
    {
        "USD", "EUR", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "JMD", "TTD", "BBD", "BSD", "BZD", "GYD", "FJD",
        "NAD", "ZAR", "KES", "UGX", "TZS", "LKR", "MUR", "SCR", "XCD",
    }
)
"""Currencies whose hundredth is called a cent: bare "cents" near one of these amounts are its cents."""

HYPHENED_WORDS: frozenset[str] = frozenset({"cent", "us cent", "euro cent"})
"""Currency words that count only joined to the number by a hyphen: "a 10-cent levy", not "50 Cent" (a name)."""

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "lakh cr": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lakh crore": 1e12,
    "lakh crores": 1e12,
    "lakh-crore": 1e12,
    "lac crore": 1e12,
    "thousand crore": 1e10,
    "lac": 1e5,
    "lacs": 1e5,
    "mn": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "mio.": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "mrd": 1e9,
    "mrd.": 1e9,
    "bil": 1e9,
    "mil": 1e6,
    "tn": 1e12,
    "trn": 1e12,
}
"""Scale words that may stand apart from the number ("7 billion", "7 bn"); keys are lower case."""

ATTACHED_SCALES: dict[str, float] = {"k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9, "t": 1e12, "tr": 1e12}
"""Short scales that count only when glued to the number ("€5m", "$5k", "$3T"): "5 m" is a distance."""

UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
"""Number words below twenty."""

TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
"""Multiples of ten as words; "twenty-five" is a tens word plus a unit word."""

FRACTION_WORDS: dict[str, int] = {"quarter": 4, "quarters": 4, "third": 3, "thirds": 3}
"""Parts of a scale before "of a": "a quarter of a million", "two-thirds of a billion"."""

QUALIFIERS: dict[str, str] = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "circa": "about",
    "an estimated": "about",
    "estimated": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just shy of": "nearly",
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "well over": "more than",
    "above": "more than",
    "in excess of": "more than",
    "upwards of": "more than",
    "north of": "more than",
    "exceeding": "more than",
    "greater than": "more than",
    "less than": "less than",
    "under": "less than",
    "well under": "less than",
    "below": "less than",
    "up to": "up to",
    "as much as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "not more than": "up to",
    "a maximum of": "up to",
    "at least": "at least",
    "no less than": "at least",
    "not less than": "at least",
    "a minimum of": "at least",
}
"""Words just before an amount that bound it, mapped to the six normalised qualifiers."""

QUALIFIERS_AFTER: dict[str, str] = {
    "or so": "about",
    "or thereabouts": "about",
    "or more": "at least",
    "or less": "up to",
    "-plus": "at least",
    "+": "at least",
}
"""Words just after an amount that bound it ("$5m or so", "a £1m-plus deal", "$30bn+"); a qualifier before it wins."""

OVER_NOT_QUALIFIER_AFTER: frozenset[str] = frozenset(
    {
        "roll", "rolls", "rolled", "rolling",
        "hand", "hands", "handed", "handing",
        "take", "takes", "took", "taken", "taking",
        "turn", "turns", "turned", "turning",
        "pay", "pays", "paid", "paying",
        "carry", "carries", "carried", "carrying",
        "sign", "signs", "signed", "signing",
        "pass", "passes", "passed", "passing",
        "give", "gives", "gave", "given", "giving",
        "fork", "forks", "forked", "forking",
        "shell", "shells", "shelled", "shelling",
        "switch", "switches", "switched", "switching",
        "argue", "argues", "argued", "arguing",
        "fight", "fights", "fought", "fighting",
        "clash", "clashes", "clashed", "clashing",
        "sue", "sues", "sued", "suing",
        "dispute", "disputes", "disputed",
        "row", "rows",
        "battle", "battles", "battled",
        "feud", "wrangle", "wrangling", "spat", "standoff", "stand-off",
        "concern", "concerns", "fears", "worries", "talks", "lawsuit", "probe",
        "anger", "outrage", "furore", "controversy", "criticism",
    }
)
"""Words after which "over" is a particle ("rolled over") or means "about" ("a row over"), never "more than"."""

RANGE_FROM_WORDS: frozenset[str] = frozenset(
    {"ranging", "ranged", "range", "ranges", "varying", "varied", "vary", "varies", "anywhere", "somewhere", "spanning"}
)
"""Words before "from" that make "from A to B" a range rather than a move."""

CHANGE_WORDS: frozenset[str] = frozenset(
    {
        "from", "by", "up", "down",
        "rose", "rise", "rises", "risen", "rising",
        "fell", "fall", "falls", "fallen", "falling",
        "gained", "gain", "gains", "lost", "lose", "loses",
        "climbed", "climb", "climbs", "jumped", "jump", "jumps",
        "dropped", "drop", "drops", "slipped", "slid", "slide", "slides",
        "added", "add", "adds", "shed", "sheds", "cut", "cuts",
        "raised", "raise", "raises", "lowered", "lower", "lowers",
        "increased", "increase", "increases", "decreased", "decrease", "decreases",
        "reduced", "reduce", "reduces", "grew", "grow", "grows",
        "surged", "soared", "slumped", "plunged", "tumbled", "eased", "edged", "declined",
        "advanced", "retreated", "rallied", "sank",
        "gaining", "losing", "climbing", "jumping", "dropping", "slipping", "sliding",
        "adding", "shedding", "cutting", "raising", "lowering", "increasing", "decreasing",
        "reducing", "growing", "surging", "soaring", "slumping", "plunging", "tumbling",
        "easing", "edging", "declining", "advancing", "retreating", "rallying", "sinking",
    }
)
"""Words after which "X to Y" is a change ("rose $1.64 to $47.10"), not a range."""


# --- context: reading an ambiguous currency from the rest of the article ----------------
#
# ``amounts.currency_context`` scans an article once for the phrases below and reads the
# ambiguous forms ("$", "Rs", "¥", "pounds", ...) from what it finds. Phrases are matched
# case-sensitively as written here, plus an all-capitals variant (datelines: "TORONTO -"),
# a capitalised variant of lower-case phrases ("Sterling fell") and a curly-apostrophe
# variant; a phrase must stand as a whole word. The longest phrase at a position wins, so
# "Bank of Canada" counts once and "Latin America" hides "America".


class ContextFamily(NamedTuple):
    """Currencies that share a written form ("$", "Rs", "¥"), and how much evidence a reading needs."""

    default: str | None
    """The family's reading when the text says nothing (:data:`DOLLAR_DEFAULT` for the dollar)."""
    codes: tuple[str, ...]
    """Every code a bare form of the family may be read as from context."""
    min_score: int
    """Evidence (see the weights below) a reading other than the default needs, besides dominance."""
    local_press_only: frozenset[str] = frozenset()
    """Codes whose *country* cues count only when the article writes the default explicitly ("US$")."""


CONTEXT_FAMILIES: dict[str, ContextFamily] = {
    "dollar": ContextFamily(
        DOLLAR_DEFAULT,
        (
            "USD", "CAD", "AUD", "NZD", "SGD",
            "HKD", "TWD", "JMD", "TTD", "BBD", "BSD", "BZD", "GYD", "FJD", "NAD",
        ),
        2,
        frozenset({"HKD", "TWD", "JMD", "TTD", "BBD", "BSD", "BZD", "GYD", "FJD", "NAD"}),
    ),
    "rupee": ContextFamily("INR", ("INR", "PKR", "LKR", "NPR", "MUR", "SCR"), 1),
    "yen": ContextFamily("JPY", ("JPY", "CNY"), 3),
    "pound": ContextFamily("GBP", ("GBP", "EGP", "LBP", "SYP", "SDG", "SSP"), 2),
    "peso": ContextFamily("MXN", ("MXN", "ARS", "PHP", "CLP", "COP", "UYU", "DOP", "CUP"), 1),
    "franc": ContextFamily("CHF", ("CHF", "XOF", "XAF", "RWF", "BIF", "GNF", "CDF", "DJF", "FRF", "BEF", "LUF"), 1),
    "mark": ContextFamily("DEM", ("DEM", "FIM"), 1),
    "lira": ContextFamily("TRY", ("TRY", "ITL"), 1),
    "dinar": ContextFamily(None, ("KWD", "IQD", "BHD", "JOD", "LYD", "TND", "DZD", "RSD"), 1),
    "shilling": ContextFamily("KES", ("KES", "UGX", "TZS", "SOS"), 1),
    "dirham": ContextFamily("AED", ("AED", "MAD"), 1),
    "riyal": ContextFamily("SAR", ("SAR", "QAR", "IRR", "OMR", "YER"), 1),
    "krona": ContextFamily("SEK", ("SEK", "NOK", "DKK", "ISK", "CZK"), 1),
    "p": ContextFamily("PHP", ("PHP", "BWP"), 1),
    "k": ContextFamily(None, ("ZMW", "MWK", "PGK", "MMK"), 1),
}
"""Families of ambiguous currencies, resolved once per article.

Dollar: USD is the prior everywhere, because international stories about any country
quote money in US dollars; only countries whose own currency is a dollar compete, and
they need dominance plus a score of 2 (two country cues, or one amount in that dollar).
Mexico, Chile, Colombia and Argentina also write "$" for their pesos at home, but English
news does not, so pesos are not in the family. Left out: ZWL (no longer issued; "$" in
Zimbabwe news is the US dollar), LRD (Liberia runs on US dollars too), XCD (eight
countries; usually written "EC$"), KYD/BMD (offshore finance in US dollars).

HKD, TWD and the small dollar economies are ``local_press_only``: their own English press
marks the local dollar ("HK$", "NT$") or marks the US dollar ("US$") and writes "$" for
the local one, while wire copy about them (TSMC in Arizona, FTX in the Bahamas, Exxon in
Guyana) writes "$" for US dollars. So their country cues count only in an article that
also writes US dollars explicitly.

The French, Belgian and Luxembourg francs, the Finnish mark and the Italian lira are read
from context only in articles published before :data:`LEGACY_UNTIL` (or undated).

Rupee, peso, franc, dinar, shilling, dirham, riyal, krona, "P" (Philippine peso or Botswana
pula) and "K" (Zambian or Malawian kwacha, kina, kyat; none without context): only the country itself uses
the currency, so one cue is enough if no other country of the family is close. Yen: "¥"
is mostly Japanese usage (Chinese English-language media write "yuan"), and Japanese
business stories often mention China ("Toyota ... ¥1.2 trillion ... sales in China fell as
Chinese rivals cut prices"), so CNY needs a score of 3 and dominance. Pound:
GBP is the prior, so the others need 2 as well.
"""

FAMILY_FORMS: dict[str, tuple[str, frozenset[str] | None]] = {
    "$": ("dollar", None),
    "dollars": ("dollar", None),
    "dollar": ("dollar", None),
    "cents": ("dollar", None),
    "cent": ("dollar", None),
    "dlrs": ("dollar", None),
    "dlr": ("dollar", None),
    "cts": ("dollar", None),
    "Rs": ("rupee", None),
    "Rs.": ("rupee", None),
    "₨": ("rupee", None),
    "rupees": ("rupee", None),
    "rupee": ("rupee", None),
    "¥": ("yen", None),
    "pounds": ("pound", None),
    "pound": ("pound", None),
    "pesos": ("peso", None),
    "francs": ("franc", None),
    "Fr": ("franc", None),
    "Fr.": ("franc", None),
    "cfa francs": ("franc", frozenset({"XOF", "XAF"})),
    "marks": ("mark", None),
    "lira": ("lira", None),
    "liras": ("lira", None),
    "dinars": ("dinar", None),
    "shillings": ("shilling", None),
    "Sh": ("shilling", None),
    "Shs": ("shilling", None),
    "dirhams": ("dirham", None),
    "riyals": ("riyal", None),
    "rials": ("riyal", None),
    "kr": ("krona", frozenset({"SEK", "NOK", "DKK", "ISK"})),
    "kr.": ("krona", frozenset({"SEK", "NOK", "DKK", "ISK"})),
    "krona": ("krona", frozenset({"SEK", "ISK"})),
    "krone": ("krona", frozenset({"NOK", "DKK"})),
    "kroner": ("krona", frozenset({"NOK", "DKK"})),
    "crowns": ("krona", None),
    "P": ("p", None),
    "K": ("k", None),
    "kwacha": ("k", frozenset({"ZMW", "MWK"})),
}
_add_singulars(FAMILY_FORMS)
"""Ambiguous written forms (keys of SYMBOLS / CURRENCY_WORDS) -> (family, codes the form may stand for; None = all);
each plural's singular ("a 500m peso deal") reads the same way."""

CUE_WEIGHT = 1
"""Weight of a country, city, institution or currency-name cue, and of an international-finance cue."""

AMOUNT_WEIGHT = 2
"""Weight of an amount written in an unambiguous currency of the family ("C$16.4 million", "PKR 500 crore")."""

DOMINANCE = 2
"""A reading needs at least this many times the score of every other code of its family."""

COUNTRY_CUES: dict[str, tuple[str, ...]] = {
    # dollar family
    "USD": (
        "United States", "U.S.", "US", "U.S.A.", "USA", "America", "American", "Americans",
        "Washington", "Wall Street", "Federal Reserve", "Fed", "White House", "Capitol Hill",
        "Congress", "Pentagon", "New York", "NYSE", "Nasdaq", "Dow Jones", "S&P 500",
        "California", "Texas", "Florida", "Illinois", "Ohio", "Michigan", "Pennsylvania",
        "Massachusetts", "New Jersey", "Virginia", "North Carolina", "Arizona", "Colorado",
        "Nevada", "Louisiana", "New Mexico", "New England", "Alabama", "Alaska", "Arkansas",
        "Connecticut", "Delaware", "Hawaii", "Idaho", "Indiana", "Iowa", "Kansas", "Kentucky",
        "Maine", "Maryland", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
        "New Hampshire", "North Dakota", "Oklahoma", "Oregon", "Rhode Island", "South Carolina",
        "South Dakota", "Tennessee", "Utah", "Vermont", "West Virginia", "Wisconsin", "Wyoming",
        "Manhattan", "Brooklyn", "Chicago", "Los Angeles", "San Francisco",
        "Silicon Valley", "Boston", "Houston", "Dallas", "Seattle", "Atlanta", "Miami",
        "Detroit", "Philadelphia",
    ),
    "CAD": (
        "Canada", "Canadian", "Canadians", "Ottawa", "Toronto", "Montreal", "Montréal",
        "Vancouver", "Calgary", "Edmonton", "Winnipeg", "Halifax", "Saskatoon", "Quebec",
        "Québec", "Ontario", "Alberta", "British Columbia", "Manitoba", "Saskatchewan",
        "Nova Scotia", "Newfoundland", "Prince Edward Island", "Yukon", "Nunavut",
        "Northwest Territories", "Bank of Canada", "TSX", "Toronto Stock Exchange",
        "Parliament Hill", "Queen's Park", "London, Ontario", "Kingston, Ontario",
    ),
    "AUD": (
        "Australia", "Australian", "Australians", "Canberra", "Sydney", "Melbourne", "Brisbane",
        "Perth", "Adelaide", "Hobart", "Gold Coast", "New South Wales", "NSW", "Queensland",
        "Western Australia", "South Australia", "Tasmania", "Northern Territory", "Pilbara",
        "Reserve Bank of Australia", "RBA", "ASX", "Australian Securities Exchange",
    ),
    "NZD": (
        "New Zealand", "New Zealander", "New Zealanders", "Auckland", "Wellington",
        "Christchurch", "Reserve Bank of New Zealand", "RBNZ", "NZX",
    ),
    "SGD": (
        "Singapore", "Singaporean", "Singaporeans", "Monetary Authority of Singapore", "SGX",
        "Singapore Exchange", "Temasek", "Changi",
    ),
    "HKD": ("Hong Kong", "Hongkongers", "Kowloon", "HKMA", "Hong Kong Monetary Authority", "Hang Seng", "HKEX"),
    "TWD": ("Taiwan", "Taiwanese", "Taipei", "Kaohsiung", "Taiex"),
    "JMD": ("Jamaica", "Jamaican", "Jamaicans", "Bank of Jamaica", "Montego Bay", "Kingston, Jamaica"),
    "TTD": ("Trinidad and Tobago", "Trinidad", "Tobago", "Trinidadian", "Port of Spain", "Port-of-Spain"),
    "BBD": ("Barbados", "Barbadian", "Bajan", "Bridgetown"),
    "BSD": ("Bahamas", "Bahamian", "Bahamians"),
    "BZD": ("Belize", "Belizean"),
    "GYD": ("Guyana", "Guyanese", "Georgetown, Guyana"),
    "FJD": ("Fiji", "Fijian", "Fijians", "Suva"),
    "NAD": ("Namibia", "Namibian", "Namibians", "Windhoek"),
    # rupee family
    "INR": (
        "India", "Indian", "Indians", "New Delhi", "Delhi", "Mumbai", "Bengaluru", "Bangalore",
        "Chennai", "Kolkata", "Ahmedabad", "Pune", "Maharashtra", "Gujarat", "Tamil Nadu",
        "Karnataka", "Kerala", "Uttar Pradesh", "Bihar", "Rajasthan", "West Bengal", "Telangana",
        "Andhra Pradesh", "Reserve Bank of India", "RBI", "Sensex", "Nifty", "SEBI", "Lok Sabha",
        "Rajya Sabha",
    ),
    "PKR": (
        "Pakistan", "Pakistani", "Pakistanis", "Islamabad", "Karachi", "Lahore", "Rawalpindi",
        "Peshawar", "Quetta", "Faisalabad", "Multan", "Sindh", "Balochistan", "Khyber Pakhtunkhwa",
        "Gwadar", "State Bank of Pakistan", "SBP", "PSX", "Pakistan Stock Exchange", "FBR",
    ),
    "LKR": ("Sri Lanka", "Sri Lankan", "Sri Lankans", "Colombo", "Kandy", "Central Bank of Sri Lanka", "CBSL"),
    "NPR": ("Nepal", "Nepali", "Nepalese", "Kathmandu", "Pokhara", "Nepal Rastra Bank"),
    "MUR": ("Mauritius", "Mauritian", "Mauritians", "Port Louis"),
    "SCR": ("Seychelles", "Seychellois"),
    # "¥"
    "JPY": (
        "Japan", "Japanese", "Tokyo", "Osaka", "Yokohama", "Nagoya", "Kyoto", "Kobe", "Fukuoka",
        "Sapporo", "Hokkaido", "Okinawa", "Bank of Japan", "BOJ", "BoJ", "Nikkei", "Topix", "TOPIX",
        "Keidanren", "METI", "Toyota", "Sony", "SoftBank", "Nissan", "Honda", "Hitachi",
        "Panasonic", "Nintendo", "Toshiba", "Mitsubishi", "Mitsui", "Sumitomo", "Mizuho", "Nomura",
        "MUFG", "Takeda", "Uniqlo", "Fast Retailing",
    ),
    "CNY": (
        "China", "Chinese", "Beijing", "Shanghai", "Shenzhen", "Guangzhou", "Guangdong", "Hangzhou",
        "Zhejiang", "Jiangsu", "Wuhan", "Chongqing", "Tianjin", "Chengdu", "Sichuan", "Hefei",
        "Anhui", "Fujian", "Shandong", "People's Bank of China", "PBOC", "PBoC", "State Council",
        "NDRC", "CSRC", "Politburo", "Xinhua", "Shanghai Composite", "CSI 300", "CSI300",
        "Alibaba", "Tencent", "Huawei", "BYD", "Xiaomi", "ICBC", "Bank of China", "Sinopec",
        "PetroChina", "CATL", "Baidu", "Evergrande",
    ),
    # pound family
    "GBP": (
        "Britain", "British", "Briton", "Britons", "UK", "U.K.", "United Kingdom", "England",
        "Scotland", "Scottish", "Wales", "Welsh", "Northern Ireland", "London", "Manchester",
        "Edinburgh", "Glasgow", "Cardiff", "Belfast", "Westminster", "Downing Street", "Whitehall",
        "Bank of England", "BoE", "FTSE", "Exchequer", "HMRC", "House of Commons", "NHS",
        "Ofgem", "Ofcom", "Ofwat",
    ),
    "EGP": (
        "Egypt", "Egyptian", "Egyptians", "Cairo", "Alexandria", "Giza", "Suez Canal", "Suez",
        "Central Bank of Egypt", "Sharm el-Sheikh",
    ),
    "LBP": ("Lebanon", "Lebanese", "Beirut", "Banque du Liban"),
    "SYP": ("Syria", "Syrian", "Syrians", "Damascus", "Aleppo", "Homs", "Idlib"),
    "SDG": ("Sudan", "Sudanese", "Khartoum", "Port Sudan", "Darfur", "Omdurman"),
    "SSP": ("South Sudan", "South Sudanese", "Juba"),
    # peso family
    "MXN": (
        "Mexico", "Mexican", "Mexicans", "Mexico City", "Monterrey", "Guadalajara", "Banxico", "Bank of Mexico",
        "Pemex",
    ),
    "ARS": ("Argentina", "Argentine", "Argentines", "Argentinian", "Buenos Aires", "Casa Rosada", "BCRA"),
    "PHP": (
        "Philippines", "Philippine", "Filipino", "Filipinos", "Manila", "Cebu", "Mindanao", "Davao",
        "Makati", "Quezon City", "Bangko Sentral", "BSP",
    ),
    "CLP": ("Chile", "Chilean", "Chileans", "Valparaiso", "Valparaíso", "Codelco"),
    # "P" before a number: Philippine peso or Botswana pula
    "BWP": ("Botswana", "Botswanan", "Batswana", "Gaborone", "Francistown", "Debswana", "Bank of Botswana"),
    "COP": ("Colombia", "Colombian", "Colombians", "Bogota", "Bogotá", "Medellin", "Medellín", "Ecopetrol"),
    "UYU": ("Uruguay", "Uruguayan", "Uruguayans", "Montevideo"),
    "DOP": ("Dominican Republic", "Santo Domingo"),
    "CUP": ("Cuba", "Cuban", "Cubans", "Havana"),
    # franc family
    "CHF": (
        "Switzerland", "Swiss", "Zurich", "Zürich", "Geneva", "Bern", "Berne", "Basel", "Lausanne",
        "Lucerne", "Lugano", "Swiss National Bank", "SNB", "Davos",
    ),
    "XOF": (
        "Senegal", "Senegalese", "Dakar", "Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Ivorian",
        "Abidjan", "Mali", "Malian", "Bamako", "Burkina Faso", "Burkinabe", "Ouagadougou", "Niger",
        "Nigerien", "Niamey", "Benin", "Beninese", "Cotonou", "Togo", "Togolese", "Lome", "Lomé",
        "Guinea-Bissau", "BCEAO", "UEMOA", "WAEMU",
    ),
    "XAF": (
        "Cameroon", "Cameroonian", "Yaounde", "Yaoundé", "Douala", "Gabon", "Gabonese", "Libreville",
        "Chad", "Chadian", "N'Djamena", "Central African Republic", "Bangui", "Republic of Congo",
        "Republic of the Congo", "Congo Republic", "Congo-Brazzaville", "Brazzaville",
        "Equatorial Guinea", "Malabo", "BEAC", "CEMAC",
    ),
    "RWF": ("Rwanda", "Rwandan", "Rwandans", "Kigali"),
    "BIF": ("Burundi", "Burundian", "Bujumbura", "Gitega"),
    "GNF": ("Guinea", "Guinean", "Guineans", "Conakry"),
    "CDF": (
        "Democratic Republic of Congo", "Democratic Republic of the Congo", "DR Congo", "DRC",
        "Kinshasa", "Lubumbashi", "Goma",
    ),
    "DJF": ("Djibouti", "Djiboutian"),
    "FRF": ("France", "French", "Paris", "Lyon", "Marseille", "Toulouse", "Bank of France", "Paris Bourse"),
    "BEF": ("Belgium", "Belgian", "Belgians", "Antwerp", "Ghent", "Liege", "Liège"),
    "LUF": ("Luxembourg",),
    # mark family
    "DEM": (
        "Germany", "German", "Germans", "Frankfurt", "Berlin", "Bonn", "Munich", "Hamburg", "Bundesbank",
        "Bundestag", "Bavaria",
    ),
    "FIM": ("Finland", "Finnish", "Finns", "Helsinki", "Tampere", "Espoo", "Turku", "Bank of Finland", "Nokia"),
    # lira family
    "TRY": ("Turkey", "Turkish", "Turks", "Ankara", "Istanbul", "Izmir", "Türkiye"),
    "ITL": ("Italy", "Italian", "Italians", "Rome", "Milan", "Turin", "Naples", "Bank of Italy", "Fiat"),
    # dinar family
    "KWD": ("Kuwait", "Kuwaiti", "Kuwaitis"),
    "IQD": ("Iraq", "Iraqi", "Iraqis", "Baghdad", "Basra", "Erbil", "Mosul"),
    "BHD": ("Bahrain", "Bahraini", "Manama"),
    "JOD": ("Jordan", "Jordanian", "Jordanians", "Amman"),
    "LYD": ("Libya", "Libyan", "Libyans", "Tripoli", "Benghazi"),
    "TND": ("Tunisia", "Tunisian", "Tunisians", "Tunis"),
    "DZD": ("Algeria", "Algerian", "Algerians", "Algiers", "Sonatrach"),
    "RSD": ("Serbia", "Serbian", "Serbians", "Belgrade"),
    # shilling family
    "KES": ("Kenya", "Kenyan", "Kenyans", "Nairobi", "Mombasa", "Kisumu"),
    "UGX": ("Uganda", "Ugandan", "Ugandans", "Kampala", "Entebbe"),
    "TZS": ("Tanzania", "Tanzanian", "Tanzanians", "Dar es Salaam", "Dodoma", "Zanzibar", "Arusha"),
    "SOS": ("Somalia", "Somali", "Somalis", "Mogadishu"),
    # dirham family
    "AED": ("United Arab Emirates", "UAE", "U.A.E.", "Emirati", "Emiratis", "Dubai", "Abu Dhabi", "Sharjah"),
    "MAD": (
        "Morocco", "Moroccan", "Moroccans", "Rabat", "Casablanca", "Marrakesh", "Marrakech", "Tangier",
        "Bank Al-Maghrib",
    ),
    # riyal family
    "SAR": ("Saudi Arabia", "Saudi", "Saudis", "Riyadh", "Jeddah", "Mecca", "Aramco", "SAMA", "Tadawul"),
    "QAR": ("Qatar", "Qatari", "Qataris", "Doha", "QatarEnergy"),
    "IRR": ("Iran", "Iranian", "Iranians", "Tehran", "Isfahan"),
    "OMR": ("Oman", "Omani", "Omanis", "Muscat"),
    "YER": ("Yemen", "Yemeni", "Yemenis", "Sanaa", "Sana'a", "Aden", "Houthi", "Houthis"),
    # krona family
    "SEK": (
        "Sweden", "Swedish", "Swedes", "Stockholm", "Gothenburg", "Malmo", "Malmö", "Uppsala", "Riksbank",
        "Nasdaq Stockholm",
    ),
    "NOK": ("Norway", "Norwegian", "Norwegians", "Oslo", "Bergen", "Stavanger", "Trondheim", "Norges Bank", "Equinor"),
    "DKK": (
        "Denmark", "Danish", "Danes", "Copenhagen", "Aarhus", "Odense", "Greenland", "Nasdaq Copenhagen",
        "Danmarks Nationalbank",
    ),
    "ISK": ("Iceland", "Icelandic", "Icelanders", "Reykjavik", "Reykjavík"),
    "CZK": ("Czech Republic", "Czech", "Czechs", "Czechia", "Prague", "Brno", "Czech National Bank", "CNB"),
    # "K" family
    "ZMW": ("Zambia", "Zambian", "Zambians", "Lusaka", "Ndola", "Kitwe", "Copperbelt", "Bank of Zambia"),
    "MWK": ("Malawi", "Malawian", "Malawians", "Lilongwe", "Blantyre", "Reserve Bank of Malawi"),
    "PGK": (
        "Papua New Guinea", "Papua New Guinean", "Papua New Guineans", "PNG", "Port Moresby", "Lae",
        "Bank of Papua New Guinea",
    ),
    "MMK": (
        "Myanmar", "Burma", "Burmese", "Yangon", "Rangoon", "Naypyitaw", "Naypyidaw", "Nay Pyi Taw", "Mandalay",
        "Central Bank of Myanmar",
    ),
}
"""Country names, demonyms, major cities and regions, central banks, exchanges and a few
national champions, per currency; each occurrence scores :data:`CUE_WEIGHT`.

Left out on purpose: places whose name is shared (Hyderabad and Punjab are in India and
Pakistan, Kingston, Georgetown, Victoria, Birmingham and Nassau are elsewhere too, unless
qualified: "Kingston, Jamaica"), people (they age), and companies that report in US dollars
(BHP, Rio Tinto, Shopify).
"""

CURRENCY_CUES: dict[str, tuple[str, ...]] = {
    "CAD": ("Canadian dollar", "loonie", "Cdn"),
    "AUD": ("Australian dollar", "Aussie dollar"),
    "NZD": ("New Zealand dollar", "Kiwi dollar"),
    "SGD": ("Singapore dollar",),
    "HKD": ("Hong Kong dollar",),
    "TWD": ("Taiwan dollar", "New Taiwan dollar"),
    "JMD": ("Jamaican dollar",),
    "TTD": ("Trinidad and Tobago dollar", "TT dollar"),
    "BBD": ("Barbados dollar", "Barbadian dollar"),
    "BSD": ("Bahamian dollar",),
    "BZD": ("Belize dollar",),
    "GYD": ("Guyanese dollar", "Guyana dollar"),
    "FJD": ("Fiji dollar", "Fijian dollar"),
    "NAD": ("Namibian dollar", "Namibia dollar"),
    "INR": ("Indian rupee",),
    "PKR": ("Pakistani rupee", "Pakistan rupee"),
    "LKR": ("Sri Lankan rupee",),
    "NPR": ("Nepalese rupee", "Nepali rupee"),
    "MUR": ("Mauritian rupee",),
    "SCR": ("Seychellois rupee",),
    "JPY": ("yen", "Japanese yen"),
    "CNY": ("yuan", "renminbi", "Chinese yuan", "RMB", "CNY", "CNH"),
    "GBP": ("sterling", "British pound"),
    "EGP": ("Egyptian pound",),
    "LBP": ("Lebanese pound",),
    "SYP": ("Syrian pound",),
    "SDG": ("Sudanese pound",),
    "SSP": ("South Sudanese pound",),
    "MXN": ("Mexican peso",),
    "ARS": ("Argentine peso",),
    "PHP": ("Philippine peso",),
    "CLP": ("Chilean peso",),
    "COP": ("Colombian peso",),
    "UYU": ("Uruguayan peso",),
    "DOP": ("Dominican peso",),
    "CUP": ("Cuban peso",),
    "CHF": ("Swiss franc",),
    "XOF": ("West African CFA franc",),
    "XAF": ("Central African CFA franc",),
    "RWF": ("Rwandan franc",),
    "BIF": ("Burundian franc",),
    "GNF": ("Guinean franc",),
    "CDF": ("Congolese franc",),
    "DJF": ("Djiboutian franc",),
    "FRF": ("French franc",),
    "BEF": ("Belgian franc",),
    "LUF": ("Luxembourg franc",),
    "DEM": ("German mark", "Deutsche mark", "D-mark", "Deutschmark"),
    "FIM": ("Finnish mark", "markka"),
    "TRY": ("Turkish lira",),
    "ITL": ("Italian lira",),
    "KWD": ("Kuwaiti dinar",),
    "IQD": ("Iraqi dinar",),
    "BHD": ("Bahraini dinar",),
    "JOD": ("Jordanian dinar",),
    "LYD": ("Libyan dinar",),
    "TND": ("Tunisian dinar",),
    "DZD": ("Algerian dinar",),
    "RSD": ("Serbian dinar",),
    "KES": ("Kenyan shilling",),
    "UGX": ("Ugandan shilling",),
    "TZS": ("Tanzanian shilling",),
    "SOS": ("Somali shilling",),
    "AED": ("UAE dirham", "Emirati dirham"),
    "MAD": ("Moroccan dirham",),
    "SAR": ("Saudi riyal",),
    "QAR": ("Qatari riyal",),
    "IRR": ("Iranian rial",),
    "OMR": ("Omani rial",),
    "YER": ("Yemeni rial",),
    "SEK": ("Swedish krona", "Swedish crown", "Swedish kronor"),
    "NOK": ("Norwegian krone", "Norwegian crown", "Norwegian kroner"),
    "DKK": ("Danish krone", "Danish crown", "Danish kroner"),
    "ISK": ("Icelandic krona", "Icelandic crown", "Icelandic kronur"),
    "CZK": ("Czech crown", "Czech koruna"),
    "ZMW": ("Zambian kwacha",),
    "MWK": ("Malawi kwacha", "Malawian kwacha"),
    "PGK": ("kina",),
    "MMK": ("kyat", "kyats"),
}
"""Currencies named without a number ("the Canadian dollar fell"); a plural with "s" is
added for names ending in a currency noun. Each occurrence scores :data:`CUE_WEIGHT`; an
*amount* in the currency scores :data:`AMOUNT_WEIGHT` and is taken from the amounts found."""

INTERNATIONAL_CUES: tuple[str, ...] = (
    "IMF", "International Monetary Fund", "World Bank", "Asian Development Bank",
    "African Development Bank", "Inter-American Development Bank", "Paris Club", "Eurobond",
    "Eurobonds", "foreign exchange reserves", "foreign-exchange reserves", "foreign reserves",
    "forex reserves", "FX reserves", "dollar-denominated", "OPEC", "Brent", "WTI",
)
"""International-finance and oil-market context, which quotes in US dollars whatever the
country: each occurrence scores :data:`CUE_WEIGHT` for USD."""

NEUTRAL_CUES: tuple[str, ...] = (
    "Latin America", "Latin American", "Latin Americans", "South America", "South American",
    "Central America", "Central American", "North America", "North American",
    "US dollar", "US dollars", "U.S. dollar", "U.S. dollars", "US$", "U.S.$",
    "Indian Ocean", "West Indies", "West Indian", "American Indian",
    "New Guinea", "Gulf of Guinea", "Congo", "Congolese", "Niger Delta", "Benin City",
    "Nasdaq Helsinki", "Nasdaq Nordic", "Nasdaq Riga", "Nasdaq Tallinn", "Nasdaq Vilnius",
)
"""Phrases that would otherwise count through a shorter cue inside them ("Latin America"
is not the US, "Congo" alone is either Congo). The US dollar named outright counts for
nothing: newspapers that write "$" for their own dollar write "US$" for the US one."""

FIGURES_NOUNS: tuple[str, ...] = ("figures", "amounts")
"""Nouns that open an explicit statement: "all figures in Canadian dollars", "amounts are in US$"."""

EXPLICIT_CURRENCY_NAMES: dict[str, str] = {
    "canadian currency": "CAD",
    "canadian funds": "CAD",
    "australian currency": "AUD",
    "u.s. currency": "USD",
    "us currency": "USD",
    "u.s. funds": "USD",
    "us funds": "USD",
}
"""Names usable in an explicit statement besides the unambiguous currency words and symbols (lower case)."""

COMMODITY_UNITS: tuple[str, ...] = (
    "barrel", "bbl", "ounce", "troy ounce", "oz", "mmbtu", "million british thermal units",
)
"""Units of benchmark prices quoted in US dollars worldwide: "$80 a barrel" stays USD in a Canadian story."""
