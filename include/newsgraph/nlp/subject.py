"""What a money amount is about: the noun phrase it belongs to, from the dependency parse.

The parse is the only input (the pipeline runs without a tagger, so part-of-speech
tags are not available); the rules follow the dependency relations that carry an
amount in news English, most specific first:

1. the amount modifies a noun: "a $7 billion IMF loan program" -> "IMF loan program",
   "a $1.3 billion commercial loan" -> "commercial loan";
2. "in"/"of" after the amount: "$3.4 billion in loans" -> "loans",
   "$2 billion of debt" -> "debt" (not a place, a name or a date: "$10 billion in the United States");
3. the amount after "of" or "worth" that hangs off a noun: "revenue of €5m" ->
   "revenue", "a deal worth $2bn" -> "deal", "loans worth $2bn" -> "loans", "the contract
   is worth $2bn" -> "contract";
4. a level that something rose to or stood at: "exports rose to $2.5 billion" ->
   "Exports", "foreign reserves stood at $9.4 billion" -> "foreign reserves", and the
   object when there is one: "set compensation at 250 euros" -> "compensation"; a change
   is a change in something: "a 23% jump in profit to Rs 6,539 crore" -> "profit";
5. the amount is what something is or is estimated to be: "reserves, which the IMF
   estimates to be over $14 billion" -> "low foreign reserves", "the bill was $5m" -> "bill".

Phrases keep compound and adjective modifiers and drop determiners, possessives and
punctuation ("the International Monetary Fund (IMF) loan program" -> "IMF loan program").

An amount in brackets right after another ("$1.13bn (£600m)") is the same sum in
another currency and takes the first one's subject (see :func:`newsgraph.nlp.extract`).
Pronouns are never subjects. Otherwise (an amount that is the object of a verb: "approved $1.1 billion") the
subject is None rather than a guess.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod", "npadvmod", "appos"})
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod"})
_NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT", "npadvmod", "compound", "oprd", "dative"}
)
_AFTER_PREPS = frozenset({"in", "of"})
_WHERE_AND_WHEN = frozenset({"GPE", "LOC", "FAC", "PERSON", "NORP", "ORG", "DATE", "TIME", "EVENT"})
_WH_WORDS = frozenset({"which", "that", "what", "who"})
_PRONOUNS = frozenset({"it", "its", "they", "them", "this", "these", "those", "we", "he", "she", "i", "you", "one", "way"})
_SKIP_WORDS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our"})
_COPULAS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "’s", "remain", "remained", "stood", "stands", "totalled", "totaled", "total", "totals", "reached", "hit"})
_MAX_WORDS = 6
#: What a noun right before "worth" does in its clause.
_NOUN_ROLES = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "appos", "conj", "attr"})
#: Words that measure a change: "rose 7.2 percent", "fell 30 basis points".
_MEASURES = frozenset({"percent", "%", "pc", "cent", "points", "point", "percentage", "bps", "basis", "fold", "times"})
#: Verbs whose "back" the parser may hang on the noun after it ("buy back shares").
_GIVE_BACK_VERBS = frozenset(
    {"buy", "buys", "buying", "bought", "pay", "pays", "paying", "paid", "give", "gives", "gave"}
)
#: Nouns of change: "a 23% jump in profit to Rs 6,539 crore" is about the profit.
_CHANGE_NOUNS = frozenset(
    {"jump", "rise", "increase", "fall", "drop", "decline", "gain", "surge", "slump", "growth", "climb", "dip", "slide",
     "plunge", "rebound", "reduction", "cut", "hike", "boost", "leap", "decrease", "contraction", "expansion"}
)


def _is_wordlike(tok: "Token") -> bool:
    return tok.is_alpha or (any(c.isalpha() for c in tok.text) and not tok.is_punct)


class _AmountTokens:
    """The tokens of the amount (``start``..``stop``) and of the text's amounts: none of them is
    part of what an amount is about ("Dh5 million and QR500m.": not "m.")."""

    def __init__(self, own: range, others: frozenset[int]):
        self.start, self.stop, self._others = own.start, own.stop, others

    def __contains__(self, i: object) -> bool:
        return (isinstance(i, int) and self.start <= i < self.stop) or i in self._others

    def __bool__(self) -> bool:
        return self.stop > self.start


def _phrase(head: "Token", exclude: "_AmountTokens") -> str | None:
    """The head noun with its contiguous left modifiers, without determiners or the amount."""
    if not _is_wordlike(head) or head.i in exclude or head.lower_ in _WH_WORDS | _PRONOUNS or head.like_num:
        return None
    start = head.i
    for child in sorted(head.lefts, key=lambda t: -t.i):
        if child.text in ("-", "\u2010") and child.i == start - 1 and not child.whitespace_ and child.i > 0 and not child.nbor(-1).whitespace_:
            start = child.i  # "add-ons": the hyphen inside a word joins what is before it
            continue
        if child.dep_ not in _PHRASE_DEPS or child.i in exclude or child.i != start - 1 and not _contiguous(child, start, exclude):
            break
        left = min(t.i for t in child.subtree)
        if any(i in exclude for i in range(left, child.i + 1)):
            left = child.i
        start = left
    doc = head.doc
    words = [t for t in doc[start : head.i + 1] if t.i not in exclude]
    while words and (words[0].lower_ in _SKIP_WORDS or words[0].is_punct or words[0].dep_ == "case"):
        words = words[1:]
    if words and words[0].lower_ == "back" and words[0].i > 0 and doc[words[0].i - 1].lower_ in _GIVE_BACK_VERBS:
        words = words[1:]  # "buy back shares worth ...": the verb's particle, not "back taxes"
    for k in range(len(words) - 1, 0, -1):
        if "\n" in words[k - 1].text_with_ws:
            # a phrase the parser ran across a line break ("... debt swap\n\nArgentina is set to"): the
            # words on the amount's side of the break
            words = words[:k] if exclude and exclude.start < words[k].i else words[k:]
            break
    words = [t for t in words if t.dep_ != "case" and not t.is_punct and not t.is_space]
    if not words or len(words) > _MAX_WORDS:
        return None
    return " ".join(t.text for t in words)


def _contiguous(child: "Token", start: int, exclude: "_AmountTokens") -> bool:
    """True when only amount tokens or the child's own subtree lie between it and ``start``."""
    right = max(t.i for t in child.subtree)
    return all(i in exclude for i in range(right + 1, start))


def _relative_antecedent(tok: "Token") -> "Token | None":
    """For "which"/"that" in a relative clause, the noun the clause hangs off."""
    node = tok
    for _ in range(6):
        if node.dep_ == "relcl":
            return node.head
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _is_dateline(tok: "Token") -> bool:
    """"MUMBAI" in "MUMBAI — ...", "KARACHI:" at the start of an article: a place in capitals before a dash."""
    doc = tok.doc
    return (
        tok.text.isupper()
        and tok.is_alpha
        and len(tok) > 1
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text in ("—", "–", "-", "--", ":", "(", ",")
        and all(t.text.isupper() or not t.is_alpha for t in doc[tok.sent.start : tok.i])
    )


def _clause_subject(verb: "Token") -> "Token | None":
    for _ in range(3):
        # not a dateline the parser also hangs on the verb ("MUMBAI — Reliance's net profit rose to ...")
        subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass") and not _is_dateline(child)]
        if subjects:
            return subjects[0]
        # a verb the clause's subject is shared with ("expected to reach", "rose and hit"); a clause
        # reported by another verb has its own ("Altman said ... the stake was valued at"): none found
        if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            for child in verb.head.children:
                if child.dep_ == "dobj":
                    return child
            verb = verb.head
            continue
        return None
    return None


def _is_measure(tok: "Token") -> bool:
    """A number of a unit of change: "7.2 percent", "30 basis points" (not "crucial price points")."""
    return tok.lower_ in _MEASURES and any(c.like_num or c.dep_ == "nummod" for c in tok.lefts)


def _is_change(tok: "Token") -> bool:
    """A noun of change, told from the verb ("profits slump 27% to $284m") by its article or its "%"."""
    return tok.lower_ in _CHANGE_NOUNS and any(
        c.dep_ == "det" or (c.dep_ in ("compound", "nmod", "amod") and c.text == "%") for c in tok.lefts
    )


def _changed(change: "Token") -> "Token | None":
    """What a change noun is a change in: "a 5% fall in net profit" -> "profit"; None if it does not say."""
    for child in change.rights:
        if child.dep_ == "prep" and child.lower_ in _AFTER_PREPS:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def amount_subject(span: "Span", amount_tokens: frozenset[int] = frozenset()) -> str | None:
    """The noun phrase the money amount ``span`` is about, or None; ``amount_tokens`` are the indices of
    the tokens of all the text's amounts, which no subject holds."""
    try:
        return _subject(span, amount_tokens)
    except Exception:  # a parse we do not understand never breaks extraction
        return None


def _subject(span: "Span", amount_tokens: frozenset[int] = frozenset()) -> str | None:
    if len(span) == 0:
        return None
    exclude = _AmountTokens(range(span.start, span.end), amount_tokens)
    root = span.root
    head = root.head
    # 1. the amount modifies a noun
    if root.dep_ in _MODIFIER_DEPS and head.i != root.i and head.i >= span.end and head.dep_ in _NOMINAL_DEPS | {"nmod", "amod"}:
        phrase = _phrase(head, exclude)
        if phrase:
            return phrase
    # 2. "$3.4 billion in loans", "$2 billion of debt"
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ in _AFTER_PREPS:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            # "invest $10 billion in the United States", "$2bn in March": where or when, not what
            if objs and objs[0].ent_type_ not in _WHERE_AND_WHEN:
                phrase = _phrase(objs[0], exclude)
                if phrase:
                    return phrase
    # 3. "revenue of €5m", "a deal worth $2bn"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.i < span.start:
        phrase = _phrase(head.head, exclude)
        if phrase:
            return phrase
    if head.lower_ == "worth" or (root.dep_ == "pobj" and head.lower_ == "worth"):
        owner = head.head if head.head.i != head.i else None
        before = head.doc[head.i - 1] if head.i > 0 else None
        if owner is not None and before is not None and before.dep_ in _NOUN_ROLES and before.i != owner.i:
            # "buy back shares worth Rs 18,000 crore", "a tax on new homes worth up to C$1.3 million",
            # parsed with "worth" off the verb: what is worth it is the noun right before
            owner = before
        if owner is not None and owner.lower_ in _COPULAS:
            # "the contract is worth $2bn": what is worth it is the verb's subject
            owner = _clause_subject(owner)
            if owner is not None and owner.lower_ in _WH_WORDS:
                owner = _relative_antecedent(owner)
        if owner is not None and owner.i < span.start:
            phrase = _phrase(owner, exclude)
            if phrase:
                return phrase
    # 4. "exports rose to $2.5 billion", "reserves stood at $9.4 billion"
    if root.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.i != head.i:
        anchor = head.head
        # "grow 7.2 percent to 1.78 trillion yuan": a measure of the change is no object of it
        objects = [c for c in anchor.children if c.dep_ == "dobj" and c.i < head.i and not _is_measure(c)]
        # the object nearest the amount where the parser hung two on one verb ("extend output cuts, ...
        # and U.S. crude at $80.10")
        subject = anchor if _is_change(anchor) else objects[-1] if objects else _clause_subject(anchor)
        if subject is not None and _is_change(subject):
            # "a 23% jump in profit to Rs 6,539 crore": what jumped, not the jump
            subject = _changed(subject)
        if subject is not None and subject.lower_ not in _WH_WORDS:
            return _phrase(subject, exclude)
    # 5. "reserves ... estimated to be over $14 billion", "the bill was $5m"
    if root.dep_ in ("attr", "acomp", "oprd") or (root.dep_ == "dobj" and head.lower_ in _COPULAS):
        subject = _clause_subject(head)
        if subject is not None:
            if subject.lower_ in _WH_WORDS:
                subject = _relative_antecedent(subject)
            if subject is not None:
                return _phrase(subject, exclude)
    return None
