"""Build ``articles.jsonl`` from the hand-annotated passage files ``passages_*.md``.

Run ``python tests/gold/build.py`` after editing a passage file; a unit test fails
when ``articles.jsonl`` is out of date with its sources.

Passage file format
-------------------
Each passage starts with a header line ``## <id> | <published YYYY-MM-DD> | <topic>``;
its text is every following line up to the next header (blank lines at either end
dropped, inner newlines kept). Lines starting with ``%`` are comments. Inside the
text, annotations are written inline and removed from the text that is scored:

* entity:  ``[[surface|LABEL]]`` or ``[[surface|LABEL|Canonical Name]]``
  (OntoNotes label; canonical name defaults to the surface text)
* amount:  ``{{surface|VALUE|CUR}}`` or ``{{surface|LOW..HIGH|CUR}}`` for ranges
  (full numbers, ``7e9`` or ``7000000000``; ISO 4217 code, or ``null``)
* date:    ``<<surface|YYYY-MM-DD|grain>>`` (grain day, month or year; month and
  year grains resolve to the first day) or ``<<surface|null>>`` when the
  expression cannot be resolved to a date

Annotations do not nest. ``|``, ``[[``, ``{{`` and ``<<`` may not appear in the text.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pycountry

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "articles.jsonl"

LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
GRAINS = {"day", "month", "year"}
HEADER = re.compile(r"^##\s+(?P<id>[\w-]+)\s*\|\s*(?P<published>\d{4}-\d{2}-\d{2})\s*\|\s*(?P<topic>[\w /-]+?)\s*$")
MARK = re.compile(r"\[\[(?P<ent>[^\]]+?)\]\]|\{\{(?P<amt>[^}]+?)\}\}|<<(?P<date>[^>]+?)>>")


class GoldError(ValueError):
    pass


def _number(raw: str, where: str) -> float:
    try:
        return float(raw.replace("_", ""))
    except ValueError:
        raise GoldError(f"{where}: {raw!r} is not a number") from None


def _entity(body: str, where: str) -> tuple[str, dict]:
    parts = body.split("|")
    if len(parts) not in (2, 3) or not parts[0]:
        raise GoldError(f"{where}: entity [[{body}]] needs surface|LABEL[|Canonical]")
    label = parts[1].strip()
    if label not in LABELS:
        raise GoldError(f"{where}: unknown label {label!r} in [[{body}]]")
    canonical = parts[2].strip() if len(parts) == 3 and parts[2].strip() else parts[0]
    return parts[0], {"label": label, "canonical_name": canonical}


def _amount(body: str, where: str) -> tuple[str, dict]:
    parts = body.split("|")
    if len(parts) != 3 or not parts[0]:
        raise GoldError(f"{where}: amount {{{{{body}}}}} needs surface|VALUE|CUR")
    raw_value, cur = parts[1].strip(), parts[2].strip()
    if ".." in raw_value:
        low, high = raw_value.split("..", 1)
        value, value_max = _number(low, where), _number(high, where)
        if value_max < value:
            raise GoldError(f"{where}: range {raw_value} runs backwards")
    else:
        value, value_max = _number(raw_value, where), None
    if cur == "null":
        currency = None
    elif pycountry.currencies.get(alpha_3=cur) is None:
        raise GoldError(f"{where}: {cur!r} is not an ISO 4217 code")
    else:
        currency = cur
    return parts[0], {"value": value, "value_max": value_max, "currency": currency}


def _date(body: str, where: str) -> tuple[str, dict]:
    parts = body.split("|")
    if len(parts) == 2 and parts[1].strip() == "null":
        return parts[0], {"resolved": None, "grain": None}
    if len(parts) != 3:
        raise GoldError(f"{where}: date <<{body}>> needs surface|YYYY-MM-DD|grain or surface|null")
    resolved, grain = parts[1].strip(), parts[2].strip()
    try:
        day = date.fromisoformat(resolved)
    except ValueError:
        raise GoldError(f"{where}: {resolved!r} is not a date") from None
    if grain not in GRAINS:
        raise GoldError(f"{where}: grain {grain!r} is not one of {sorted(GRAINS)}")
    if grain == "month" and day.day != 1 or grain == "year" and (day.month, day.day) != (1, 1):
        raise GoldError(f"{where}: a {grain} resolves to its first day, not {resolved}")
    return parts[0], {"resolved": resolved, "grain": grain}


def parse_passage(pid: str, published: str, topic: str, marked: str, where: str) -> dict:
    text_parts: list[str] = []
    found = {"entities": [], "amounts": [], "dates": []}
    pos = 0
    out_len = 0
    for m in MARK.finditer(marked):
        plain = marked[pos : m.start()]
        text_parts.append(plain)
        out_len += len(plain)
        kind, body = next((k, v) for k, v in m.groupdict().items() if v is not None)
        for token in ("[[", "{{", "<<"):
            if token in body:
                raise GoldError(f"{where}: nested annotation in {m.group(0)!r}")
        if kind == "ent":
            surface, fields = _entity(body, where)
            bucket = "entities"
        elif kind == "amt":
            surface, fields = _amount(body, where)
            bucket = "amounts"
        else:
            surface, fields = _date(body, where)
            bucket = "dates"
        found[bucket].append({"start": out_len, "end": out_len + len(surface), "text": surface, **fields})
        text_parts.append(surface)
        out_len += len(surface)
        pos = m.end()
    text_parts.append(marked[pos:])
    text = "".join(text_parts)
    for token in ("[[", "]]", "{{", "}}", "<<", ">>", "|"):
        if token in text:
            raise GoldError(f"{where}: stray {token!r} left in the text of {pid}")
    for bucket in found.values():
        for a in bucket:
            if text[a["start"] : a["end"]] != a["text"]:
                raise GoldError(f"{where}: offsets of {a['text']!r} do not hold")
    return {"id": pid, "published_at": published, "topic": topic, "text": text, **found}


def parse_file(path: Path) -> list[dict]:
    records: list[dict] = []
    header: re.Match[str] | None = None
    header_line = 0
    body: list[str] = []

    def flush() -> None:
        if header is None:
            if any(line.strip() for line in body):
                raise GoldError(f"{path.name}: text before the first '## id | date | topic' header")
            return
        marked = "\n".join(body).strip("\n")
        if not marked.strip():
            raise GoldError(f"{path.name}:{header_line}: passage {header['id']} has no text")
        records.append(parse_passage(header["id"], header["published"], header["topic"], marked, f"{path.name}:{header_line}"))

    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("%"):
            continue
        if line.startswith("## "):
            flush()
            header = HEADER.match(line)
            if header is None:
                raise GoldError(f"{path.name}:{lineno}: bad header {line!r}")
            header_line = lineno
            body = []
        else:
            body.append(line)
    flush()
    return records


def build(sources: list[Path] | None = None) -> list[dict]:
    sources = sorted(HERE.glob("passages_*.md")) if sources is None else sources
    records: list[dict] = []
    seen: set[str] = set()
    for path in sources:
        for rec in parse_file(path):
            if rec["id"] in seen:
                raise GoldError(f"{path.name}: duplicate passage id {rec['id']}")
            seen.add(rec["id"])
            records.append(rec)
    return records


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records)


def main() -> int:
    try:
        records = build()
    except GoldError as exc:
        print(f"gold: {exc}", file=sys.stderr)
        return 1
    OUTPUT.write_text(render(records), encoding="utf-8")
    counts = {k: sum(len(r[k]) for r in records) for k in ("entities", "amounts", "dates")}
    print(f"wrote {OUTPUT.name}: {len(records)} passages, " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
