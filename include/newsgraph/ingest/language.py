"""A cheap, conservative test that an article is written in English.

The extractor's model and rules are English only, so an article in another
language would give wrong entities and amounts without any error. No language
identification model is installed; the text itself separates English news from
other languages with a wide margin:

* **script**: the share of letters that are ASCII ``a-z``/``A-Z``. English news,
  even when full of foreign names ("Władysław Kosiniak-Kamysz", "Erdoğan"), stays
  above 90%; Chinese, Arabic, Russian, Greek or Hindi text is close to 0%.
* **function words**: the share of words that are one of
  :data:`ENGLISH_FUNCTION_WORDS` ("the", "and", "that", "with", "said", ...), against
  the share that are one of :data:`OTHER_FUNCTION_WORDS`, the commonest short words
  of French, German, Spanish, Italian, Portuguese, Dutch, the Scandinavian
  languages, Polish, Czech, Romanian, Turkish, Indonesian and Malay, Swahili,
  Tagalog and Vietnamese ("le", "der", "y", "het", "och", "się", "yang", ...).
  English news has 7-40% English function words (a quarter on average) and at most
  7% of the others; text in those languages has 0-2% English function words and
  15-40% of its own. Words common in English *and* another language ("a", "in",
  "of", "to", "is", "was", "on", "over", "will", "do", "per", ...) count for neither
  side, and one-letter words count only in lower case, so the initials of a list of
  names ("J Marsh, Y Chen") are not taken for Spanish "y".

A text is called not English only when the evidence is clear: under
:data:`MIN_ASCII_LETTER_SHARE` ASCII letters, or under
:data:`MAX_ENGLISH_SHARE` English function words *and* at least
:data:`MIN_OTHER_SHARE` function words of another language. So short texts
(under :data:`MIN_LETTERS` letters or :data:`MIN_WORDS` words), lists of names,
tables of results and English with foreign names all pass. Only the first
:data:`SAMPLE_CHARS` characters are read.
"""

from __future__ import annotations

import re
from collections import Counter

#: Words of English that are rare as words of other languages written in Latin letters.
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    the and that with for from this these those have has which were would could should their
    they them then than there been but not its by it who be are or his him she he we our
    you your after about more when into what other such only some can said says
    because before while where being does did just most many
    """.split()
)
#: The commonest short words of other languages written in Latin letters, none of them common English.
OTHER_FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    le la les des du et est une un pour dans qui que pas sur au aux avec par sont été ont cette il elle ce
    der die das und ist nicht im mit sich auf für den dem des ein eine einen zu von bei wurde sind auch nach wie
    el los las del y en por con para es su se lo más como pero fue han sus entre
    gli della delle degli che di e è ha alla nel sono anche dei
    o os da das dos em não uma foi são mais ao pela pelo
    het een en van niet zijn met voor dat op ook maar werd hij zij er wordt
    och att det som är av med inte har till ett om og ikke er af til jeg
    i w z na się nie że jest jak od po przez oraz dla
    je ve že jako ale
    și în cu pe care este nu
    bir bu için ile olarak çok daha gibi olan ancak göre sonra kadar
    yang dan di ini itu dengan untuk dari tidak akan pada adalah dalam juga
    wa ya kwa za katika ni kwamba hii
    ang ng mga sa ay siya
    của và là các có được trong cho những một người
    """.split()
) - ENGLISH_FUNCTION_WORDS
#: The beginning of the text is a fair sample; reading more only costs time.
SAMPLE_CHARS = 20_000
#: Fewer letters than this, and the script share is not judged.
MIN_LETTERS = 60
#: Fewer words than this, and the function-word shares are not judged.
MIN_WORDS = 40
#: Below this share of ASCII letters, a text is not English.
MIN_ASCII_LETTER_SHARE = 0.5
#: A text with fewer English function words than this share of its words ...
MAX_ENGLISH_SHARE = 0.04
#: ... and at least this share of another language's function words is not English.
MIN_OTHER_SHARE = 0.12

_WORD = re.compile(r"[^\W\d_]+")


def not_english_reason(text: str) -> str | None:
    """Why ``text`` is clearly not English, in words for the quarantine detail; None when it may be English."""
    sample = text[:SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) >= MIN_LETTERS:
        share = sum(1 for c in letters if c.isascii()) / len(letters)
        if share < MIN_ASCII_LETTER_SHARE:
            return (
                f"only {share:.0%} of its {len(letters):,} letters are Latin a-z "
                f"(English text has {MIN_ASCII_LETTER_SHARE:.0%} or more)"
            )
    # a one-letter word counts only in lower case: "y" is Spanish for "and", "Y" is an initial
    words = [w if len(w) == 1 else w.casefold() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    english = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
    other = Counter(w for w in words if w in OTHER_FUNCTION_WORDS)
    english_share, other_share = english / len(words), other.total() / len(words)
    if english_share >= MAX_ENGLISH_SHARE or other_share < MIN_OTHER_SHARE:
        return None
    examples = ", ".join(repr(w) for w, _ in other.most_common(4))
    return (
        f"{english} of its {len(words):,} words ({english_share:.0%}) are common English words such as 'the', "
        f"'and', 'that' (English news has {MAX_ENGLISH_SHARE:.0%} or more), while {other.total()} "
        f"({other_share:.0%}) are common words of other languages ({examples})"
    )
