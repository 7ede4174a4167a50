"""Entity mentions from a spaCy ``Doc``: repaired spans, canonical names, stable ids.

spaCy's NER gives spans; analysts need entities. This module turns one into the
other for a single article:

* spans with broken boundaries are repaired (leading "the", trailing possessives,
  an unclosed "(ICBC" tail, a line break inside the span);
* titles and roles are split into their own column ("PM Sharif" is the person
  Sharif with role "PM");
* acronyms the article defines ("International Monetary Fund (IMF)") are folded
  into the long form, and every later use of the acronym becomes a mention;
* a later partial name of a person ("Sharif") resolves to the article's full
  name ("Shehbaz Sharif");
* names known to be aliases (``seeds/reference/aliases.csv``) take their canonical
  form, and lone junk names ("Finance") are dropped;
* ``entity_id`` is derived from the label and the canonical name's key only, so
  the same entity gets the same id in every article, day and run.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.ids import stable_id
from newsgraph.normalise.reference import Reference
from newsgraph.normalise.text import canonical_spelling, name_key
from newsgraph.schema import ENTITY_LABELS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str
    canonical_name: str
    entity_id: str
    role: str | None
    sentence_idx: int


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    label: str
    role: str | None = None
    role_span: tuple[int, int] | None = None
    canonical: str | None = None
    label_fixed: bool = False


_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])$")
_EDGE_JUNK = "\"'\u201c\u201d\u2018\u2019,;:!?()[]{}<>*\u2022|/\\-\u2013\u2014 \t\n"
_ACRONYM_AFTER = re.compile(r"\s*\(\s*((?:[A-Z][A-Za-z&.\-]{0,2}){1,8}?)(?:['\u2019]?s)?\s*\)")
_WORD = re.compile(r"[^\W\d_][\w.'\u2019\-]*|\d[\w.]*")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})(?:,\s*[A-Za-z. ]{2,30})?\s*(?::|\(|\u2014|\u2013|--?\s)")
_MINOR_WORDS = frozenset({"and", "of", "the", "for", "de", "du", "la", "le", "des", "&", "in", "on", "to", "at"})


_SHORT_REFERENCE = re.compile(
    r"\b[Tt]he (Fund|Bank|Commission|Council|Ministry|Agency|Authority|Court|Union|Party|Corporation|"
    r"Company|Group|Organisation|Organization|Board|Federation|Institute|Forum|Alliance)\b(?![ \u00a0]+(?:of|for)\b)"
)
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "Every", "Each", "Any"})


@lru_cache(maxsize=8)
def _facility_pattern(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(w.title()) for w in words), key=len, reverse=True))
    name = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    return re.compile(rf"(?<![\w\-])((?:{name} ){{1,3}})(?:{alternatives})\b|(?<![\w\-])(?:{alternatives}) ({name})\b")


def entity_id_for(label: str, canonical_name: str) -> str:
    """The stable id of an entity: the same label and name key give the same id everywhere."""
    return "E" + stable_id(label, name_key(canonical_name), length=15)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past edge punctuation, a leading determiner and a trailing possessive."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _EDGE_JUNK:
            start += 1
            changed = True
        while end > start and text[end - 1] in _EDGE_JUNK:
            end -= 1
            changed = True
        m = _LEADING_DETERMINER.match(text[start:end])
        if m and start + m.end() < end:
            start += m.end()
            changed = True
        m = _TRAILING_POSSESSIVE.search(text[start:end])
        if m and m.start() > 0:
            end = start + m.start()
            changed = True
    return start, end


def _repair(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a span at a line break or an opening parenthesis, then trim its edges."""
    piece = text[start:end]
    for stop in ("\n", "(", ")", "\u201c", "\u201d", '"'):
        idx = piece.find(stop)
        if idx > 0:
            piece = piece[:idx]
    end = start + len(piece)
    return _trim(text, start, end)


def _words_before(text: str, start: int, window: int = 80) -> list[tuple[int, int]]:
    """Spans of the words just before ``start`` on the same line, nearest last."""
    lo = max(0, start - window)
    line_start = text.rfind("\n", lo, start)
    lo = line_start + 1 if line_start >= 0 else lo
    return [(m.start() + lo, m.end() + lo) for m in _WORD.finditer(text[lo:start])]


def _role_before(text: str, start: int, ref: Reference) -> tuple[int, int] | None:
    """The longest role phrase ending right before ``start`` (only spaces between)."""
    words = _words_before(text, start)
    if not words or text[words[-1][1] : start].strip():
        return None
    lowered = [text[s:e].rstrip(".").lower() for s, e in words]
    for role in ref.roles:
        n = len(role)
        if n <= len(lowered) and tuple(lowered[-n:]) == role:
            return words[-n][0], words[-1][1]
    return None


def _role_prefix(text: str, start: int, end: int, ref: Reference) -> tuple[int, int] | None:
    """A role phrase at the start of the span, leaving at least one word of name."""
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    lowered = [text[s:e].rstrip(".").lower() for s, e in words]
    for role in ref.roles:
        n = len(role)
        if n < len(lowered) and tuple(lowered[:n]) == role:
            return words[0][0], words[n - 1][1]
    return None


def _acronym_fits(acronym: str, long_form: str) -> bool:
    """Whether the capitals of ``acronym`` can be read, in order, off the words of ``long_form``."""
    letters = [c.lower() for c in acronym if c.isalpha() and (c.isupper() or c.isdigit())]
    words = [w for w in re.split(r"[\s\-]+", long_form) if w]
    if len(letters) < 2 or not words:
        return False
    initials = [w[0].lower() for w in words]
    if letters[0] != initials[0]:
        return False
    i = 0
    for initial, word in zip(initials, words):
        if i < len(letters) and initial == letters[i]:
            i += 1
        elif word.lower() not in _MINOR_WORDS and word[:1].isupper():
            return False
    return i == len(letters)


class _ArticleEntities:
    """The working state for one article; ``mentions()`` is the result."""

    def __init__(self, doc: "Doc", ref: Reference):
        self.doc = doc
        self.text: str = doc.text
        self.ref = ref
        self.sentence_starts = [s.start_char for s in doc.sents] or [0]

    def mentions(self) -> list[EntityMention]:
        cands = self._spacy_candidates()
        cands = self._dateline(cands)
        cands += self._named_facilities(cands)
        cands = self._split_roles(cands)
        cands = [self._facility(c) for c in cands]
        cands = self._extend_ports(cands)
        cands = [c for c in cands if not self._is_junk(c)]
        definitions = self._acronym_definitions(cands)
        cands = self._non_overlapping(cands + self._acronym_uses(definitions, cands))
        cands = self._canonicalise(cands, definitions)
        cands = self._resolve_partial_people(cands)
        cands = self._non_overlapping(cands + self._short_references(cands))
        return [self._to_mention(c) for c in cands]

    # -- candidate spans -----------------------------------------------------------------

    def _spacy_candidates(self) -> list[_Candidate]:
        out = []
        for ent in self.doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            start, end = _repair(self.text, ent.start_char, ent.end_char)
            if end > start:
                out.append(_Candidate(start, end, ent.label_))
        return out

    def _dateline(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"ISLAMABAD:" or "NEW YORK (Reuters) -" at the top of an article names a place."""
        m = _DATELINE.match(self.text)
        if not m:
            return cands
        place = _Candidate(m.start(1), m.end(1), "GPE", canonical=canonical_spelling(m.group(1).title()))
        rest = [c for c in cands if not (c.start < place.end and place.start < c.end)]
        return [place] + rest

    def _named_facilities(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Tianjin Port", "Port Qasim": a capitalised name joined to a facility word."""
        out = []
        for m in _facility_pattern(self.ref.facility_words).finditer(self.text):
            start, end = m.span()
            if (m.group(1) or m.group(2)).split()[0] in _NOT_NAMES or any(c.start < end and start < c.end for c in cands):
                continue
            out.append(_Candidate(start, end, "FAC"))
        return out

    def _split_roles(self, cands: list[_Candidate]) -> list[_Candidate]:
        person_keys = {
            w for c in cands if c.label == "PERSON" for w in name_key(self.text[c.start : c.end]).split()
        }
        out = []
        for c in cands:
            prefix = _role_prefix(self.text, c.start, c.end, self.ref)
            if prefix is not None:
                rest_start, rest_end = _trim(self.text, prefix[1], c.end)
                rest_words = name_key(self.text[rest_start:rest_end]).split()
                if c.label == "PERSON" or (rest_words and all(w in person_keys for w in rest_words)):
                    c = replace(c, start=rest_start, end=rest_end, label="PERSON", role_span=prefix)
            if c.label == "PERSON":
                before = _role_before(self.text, c.role_span[0] if c.role_span else c.start, self.ref)
                if before is not None:
                    c = replace(c, role_span=(before[0], c.role_span[1] if c.role_span else before[1]))
            if c.role_span:
                c = replace(c, role=canonical_spelling(self.text[c.role_span[0] : c.role_span[1]]))
            out.append(c)
        return out

    def _facility(self, c: _Candidate) -> _Candidate:
        if c.label not in {"GPE", "LOC", "ORG", "FAC"}:
            return c
        words = self.text[c.start : c.end].split()
        if len(words) >= 2 and (words[0].lower() in self.ref.facility_words or words[-1].lower() in self.ref.facility_words):
            return replace(c, label="FAC")
        return c

    def _extend_ports(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"Tianjin" + " Port" where spaCy stopped at the city: the facility is the whole name."""
        out = []
        for c in cands:
            if c.label in {"GPE", "LOC", "ORG"}:
                m = re.match(r"[ \u00a0]([A-Z][a-z]+)\b", self.text[c.end : c.end + 20])
                if m and m.group(1).lower() in self.ref.facility_words:
                    c = replace(c, end=c.end + m.end(), label="FAC")
            out.append(c)
        return out

    def _is_junk(self, c: _Candidate) -> bool:
        name = self.text[c.start : c.end]
        if not any(ch.isalpha() for ch in name) or not any(ch.isupper() for ch in name):
            return True
        return name_key(name) in self.ref.junk_names

    # -- acronyms -------------------------------------------------------------------------

    def _acronym_definitions(self, cands: list[_Candidate]) -> dict[str, _Candidate]:
        """Acronyms defined in the text right after an entity: "Long Name (LN)"."""
        defs: dict[str, _Candidate] = {}
        for c in cands:
            m = _ACRONYM_AFTER.match(self.text, c.end)
            if not m:
                continue
            acronym = m.group(1)
            if _acronym_fits(acronym, self.text[c.start : c.end]):
                defs.setdefault(acronym, c)
        return defs

    def _acronym_uses(self, definitions: dict[str, _Candidate], cands: list[_Candidate]) -> list[_Candidate]:
        out = []
        for acronym, long_form in definitions.items():
            pattern = re.compile(r"(?<![\w.\-])" + re.escape(acronym) + r"(?![\w\-]|\.\w)")
            for m in pattern.finditer(self.text):
                out.append(_Candidate(m.start(), m.end(), long_form.label))
        return out

    @staticmethod
    def _non_overlapping(cands: list[_Candidate]) -> list[_Candidate]:
        """Keep spaCy's (earlier-listed) span where two overlap; then sort by position."""
        kept: list[_Candidate] = []
        taken: list[tuple[int, int]] = []
        for c in cands:
            if any(c.start < e and s < c.end for s, e in taken):
                continue
            kept.append(c)
            taken.append((c.start, c.end))
        return sorted(kept, key=lambda c: (c.start, c.end))

    # -- names ------------------------------------------------------------------------------

    def _canonicalise(self, cands: list[_Candidate], definitions: dict[str, _Candidate]) -> list[_Candidate]:
        long_forms = {
            acronym: (c.label, canonical_spelling(self.text[c.start : c.end])) for acronym, c in definitions.items()
        }
        out = []
        for c in cands:
            written = self.text[c.start : c.end]
            name = c.canonical or canonical_spelling(written)
            label = c.label
            if written in long_forms:
                label, name = long_forms[written]
            alias = self.ref.alias_for(name)
            if alias is not None:
                name, label = alias.canonical_name, alias.label
            out.append(replace(c, canonical=name, label=label))
        return out

    def _resolve_partial_people(self, cands: list[_Candidate]) -> list[_Candidate]:
        """A person named by part of a full name used elsewhere in the article is that person."""
        full_names: dict[str, set[str]] = {}
        for c in cands:
            if c.label == "PERSON" and len(c.canonical.split()) >= 2:
                full_names[c.canonical] = set(name_key(c.canonical).split())
        out = []
        for c in cands:
            if c.label == "PERSON" and c.canonical not in full_names:
                words = set(name_key(c.canonical).split())
                matches = [full for full, fw in full_names.items() if words and words < fw]
                if len(matches) == 1:
                    c = replace(c, canonical=matches[0])
            out.append(c)
        return out

    def _short_references(self, cands: list[_Candidate]) -> list[_Candidate]:
        """"the Fund" after "International Monetary Fund": a capitalised head noun naming the
        article's only organisation that ends with it."""
        out = []
        for m in _SHORT_REFERENCE.finditer(self.text):
            head = m.group(1)
            owners = {
                (c.label, c.canonical)
                for c in cands
                if c.label == "ORG" and c.canonical.split()[-1] == head and len(c.canonical.split()) > 1
            }
            if len(owners) == 1:
                label, name = owners.pop()
                out.append(_Candidate(m.start(1), m.end(1), label, canonical=name))
        return out

    def _to_mention(self, c: _Candidate) -> EntityMention:
        return EntityMention(
            start=c.start,
            end=c.end,
            text=self.text[c.start : c.end],
            label=c.label,
            canonical_name=c.canonical,
            entity_id=entity_id_for(c.label, c.canonical),
            role=c.role,
            sentence_idx=bisect.bisect_right(self.sentence_starts, c.start) - 1,
        )


def extract_entities(doc: "Doc", ref: Reference) -> list[EntityMention]:
    """All entity mentions of one parsed article, in text order."""
    return _ArticleEntities(doc, ref).mentions()
