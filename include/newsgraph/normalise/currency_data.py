"""Lookup tables for money-amount extraction; the matching logic lives in ``amounts``.

Currency tables map a written form to ``(code, hint)``. ``code`` is an ISO 4217
code, :data:`DOLLAR_DEFAULT` (the caller's default dollar) or None (too
ambiguous to pick one); ``hint`` is None when the form is unambiguous, else the
reason that goes into the amount's ``currency_note``. The list of valid ISO
codes itself comes from ``pycountry``.
"""

from __future__ import annotations

DOLLAR_DEFAULT = "$default"
"""Stands for whichever dollar the caller names as the default (USD unless told otherwise)."""

SYMBOLS: dict[str, tuple[str | None, str | None]] = {
    "$": (DOLLAR_DEFAULT, "default"),
    "US$": ("USD", None),
    "U.S.$": ("USD", None),
    "$US": ("USD", None),
    "C$": ("CAD", None),
    "CA$": ("CAD", None),
    "Can$": ("CAD", None),
    "A$": ("AUD", None),
    "AU$": ("AUD", None),
    "$A": ("AUD", None),
    "NZ$": ("NZD", None),
    "$NZ": ("NZD", None),
    "HK$": ("HKD", None),
    "S$": ("SGD", None),
    "SG$": ("SGD", None),
    "R$": ("BRL", None),
    "NT$": ("TWD", None),
    "MX$": ("MXN", None),
    "Mex$": ("MXN", None),
    "J$": ("JMD", None),
    "TT$": ("TTD", None),
    "€": ("EUR", None),
    "£": ("GBP", None),
    "E£": ("EGP", None),
    "¥": ("JPY", "could be CNY"),
    "JP¥": ("JPY", None),
    "CN¥": ("CNY", None),
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
    "₵": ("GHS", None),
    "GH₵": ("GHS", None),
    "RM": ("MYR", None),
    "Rp": ("IDR", None),
    "Tk": ("BDT", None),
    "KSh": ("KES", None),
    "R": ("ZAR", None),
}
"""Currency symbols written before the number, case-sensitive ("Rs" yes, "RS" no)."""

SYMBOLS_NEEDING_SCALE: frozenset[str] = frozenset({"R"})
"""Symbols too short to trust alone: "R5bn" is rand, "R2" is probably a road or a droid."""

SUFFIX_SYMBOLS: dict[str, tuple[str | None, str | None]] = {
    "€": ("EUR", None),
    "₽": ("RUB", None),
    "zł": ("PLN", None),
    "Kč": ("CZK", None),
}
"""Symbols written after the number, continental style: "50€", "300 zł"."""

CODE_ALIASES: dict[str, str] = {"RMB": "CNY"}
"""Three-letter codes used in news that are not ISO 4217, and the ISO code they mean."""

EXCLUDED_CODES: frozenset[str] = frozenset({"XXX", "XTS"})
"""ISO 4217 codes that never denote money in news text ("no currency", "testing")."""

CODE_WORD_CLASHES: frozenset[str] = frozenset(
    {
        "ALL", "AMD", "BAM", "BOB", "BTN", "CNY", "CRC", "CUP", "CVE", "DOP", "ERN", "GEL",
        "LAK", "MAD", "MDL", "MOP", "NAD", "PEN", "PHP", "RON", "SAR", "SCR", "SOS", "SVC",
        "TOP", "TRY",
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
    "euros": ("EUR", None),
    "euro": ("EUR", None),
    "pounds": ("GBP", "could be another pound or a weight"),
    "pound": ("GBP", "could be another pound or a weight"),
    "pounds sterling": ("GBP", None),
    "sterling": ("GBP", None),
    "british pounds": ("GBP", None),
    "egyptian pounds": ("EGP", None),
    "pence": ("GBP", None),
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
    "rupiah": ("IDR", None),
    "swiss francs": ("CHF", None),
    "francs": ("CHF", "could be another franc"),
    "cfa francs": (None, "could be XOF or XAF"),
    "roubles": ("RUB", None),
    "rubles": ("RUB", None),
    "hryvnias": ("UAH", None),
    "hryvnia": ("UAH", None),
    "lira": ("TRY", None),
    "liras": ("TRY", None),
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
    "birr": ("ETB", None),
    "pesos": ("MXN", "could be another peso"),
    "mexican pesos": ("MXN", None),
    "argentine pesos": ("ARS", None),
    "philippine pesos": ("PHP", None),
    "chilean pesos": ("CLP", None),
    "colombian pesos": ("COP", None),
    "reais": ("BRL", None),
    "ringgit": ("MYR", None),
    "baht": ("THB", None),
    "dong": ("VND", None),
    "taka": ("BDT", None),
    "dirhams": ("AED", "could be MAD"),
    "riyals": ("SAR", "could be QAR"),
    "saudi riyals": ("SAR", None),
    "qatari riyals": ("QAR", None),
    "rials": ("IRR", "could be OMR or YER"),
    "iranian rials": ("IRR", None),
    "dinars": (None, "dinars of several countries"),
    "kuwaiti dinars": ("KWD", None),
    "iraqi dinars": ("IQD", None),
    "zloty": ("PLN", None),
    "zlotys": ("PLN", None),
    "forints": ("HUF", None),
    "forint": ("HUF", None),
    "kronor": ("SEK", None),
    "swedish kronor": ("SEK", None),
    "norwegian kroner": ("NOK", None),
    "danish kroner": ("DKK", None),
    "kroner": ("NOK", "could be DKK"),
    "shekels": ("ILS", None),
    "tenge": ("KZT", None),
}
"""Currency words written after the number, matched case-insensitively ("3 million euros")."""

MINOR_UNITS: dict[str, float] = {"pence": 0.01, "cents": 0.01, "euro cents": 0.01, "p": 0.01}
"""Words for a hundredth of the currency: "50 pence" is 0.50 GBP, so values stay in major units."""

WORDS_NEEDING_SCALE: frozenset[str] = frozenset({"won"})
"""Currency words that are also everyday English ("the two won"); they count only after a scale word."""

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
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
    "tn": 1e12,
    "trn": 1e12,
}
"""Scale words that may stand apart from the number ("7 billion", "7 bn"); keys are lower case."""

ATTACHED_SCALES: dict[str, float] = {"k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9}
"""Short scales that count only when glued to the number ("€5m", "$5k"): "5 m" is a distance."""

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
