"""Records derived from a report's sections: examples, calls, figures, topic mentions.

Each works on the report as written to YAML (plain dicts), so the records
can be re-derived from the reviewed data without re-reading the source.
Every record keeps the paragraph id and page it was found on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .headings import EXAMPLE_KINDS, PART_KINDS
from .ids import IdRegistry, slug

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[’”)]?\s+(?=[A-Z0-9‘“(])")
CALL = re.compile(
    r"\b(?:(?:we|wij|logius)\s+(?P<verb>roepen|roept|vragen|vraagt|pleiten|pleit)(?!\s+ons\s+af)"
    r"|(?P<verb2>roepen|vragen|pleiten)\s+(?:we|wij))\b",
    re.I,
)
ADDRESSEE_END = re.compile(r"\b(?:om|zodat|te)\b|,")
ADDRESSEES: list[tuple[str, re.Pattern[str]]] = [
    ("politiek", re.compile(r"\bpolitiek\b")),
    ("opdrachtgever", re.compile(r"\bopdrachtgever\b")),
    ("beleid", re.compile(r"\bbeleid\b")),
    ("ketenpartners", re.compile(r"\bketenpartners\b")),
    ("Tweede Kamer", re.compile(r"\b(?:Tweede )?Kamer\b")),
    ("bewindspersoon", re.compile(r"\b(?:bewindspersoon|staatssecretaris|minister)\b")),
]
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
FIGURE = re.compile(
    rf"(?<![\w,.-])(?P<number>{NUMBER})(?:\s?(?P<percent>%|procent\b)|\s+(?P<scale>miljoen|miljard|duizend)?\s*(?P<rest>[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){{0,3}}))",
)
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
SCALES = {"duizend": 1_000, "miljoen": 1_000_000, "miljard": 1_000_000_000}
APPROXIMATE = re.compile(r"(zo[’']n|ruim|circa|ongeveer|bijna|schatting|~)\s*$", re.I)
NOT_COUNTED = re.compile(r"(dilemma|thema|pagina|artikel|hoofdstuk)\s*$", re.I)


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (abbreviations like "o.a." do not split).

    >>> sentences("Dat kost tijd. En dat o.a. vaak.")
    ['Dat kost tijd.', 'En dat o.a. vaak.']
    """
    return [s.strip() for s in SENTENCE_SPLIT.split(text) if s.strip()]


def sentence_at(text: str, offset: int) -> str:
    position = 0
    for sentence in sentences(text):
        start = text.find(sentence, position)
        if start <= offset < start + len(sentence):
            return sentence
        position = start + len(sentence)
    return text


def walk(report: dict) -> Iterator[tuple[dict, dict]]:
    """Every (section, paragraph) pair in reading order."""
    for section in report["sections"]:
        for paragraph in section["paragraphs"]:
            yield section, paragraph


def located(report: dict, section: dict, paragraph: dict) -> dict:
    """Where a record was found: the provenance every call, figure and mention carries."""
    return {
        "report": report["id"],
        "year": report["year"],
        "theme": section["theme"],
        "section": section["id"],
        "paragraph": paragraph["id"],
        "page": paragraph["page"],
    }


def examples(report: dict) -> list[dict]:
    """"Voorbeeld:" and "Illustratie:" sections with their parts kept apart."""
    by_parent: dict[str, list[dict]] = {}
    for section in report["sections"]:
        by_parent.setdefault(section["parent"] or "", []).append(section)
    records = []
    for section in report["sections"]:
        if section["kind"] not in EXAMPLE_KINDS:
            continue
        record = {
            "id": section["id"],
            "report": report["id"],
            "year": report["year"],
            "theme": section["theme"],
            "kind": section["kind"],
            "title": section["title"],
            "heading": section["heading"],
            "page": section["page"],
            "paragraphs": [p["id"] for p in section["paragraphs"]],
        }
        headings = {}
        for kind in PART_KINDS:
            parts = [child for child in by_parent.get(section["id"], []) if child["kind"] == kind]
            record[kind] = [p["id"] for part in parts for p in part["paragraphs"]]
            if parts:
                headings[kind] = parts[0]["heading"]
        record["part_headings"] = headings
        records.append(record)
    return records


def addressees(after_verb: str) -> list[str]:
    window = ADDRESSEE_END.split(after_verb, maxsplit=1)[0]
    return [label for label, pattern in ADDRESSEES if pattern.search(window)]


def calls(report: dict) -> list[dict]:
    """Sentences in which the report asks something of others ("We roepen ... op")."""
    registry = IdRegistry()
    records = []
    for section, paragraph in walk(report):
        for sentence in sentences(paragraph["text"]):
            found = CALL.search(sentence)
            if not found:
                continue
            verb = (found.group("verb") or found.group("verb2")).lower()
            records.append({
                "id": registry.claim(f"{report['id']}-oproep-{slug(sentence, 6)}"),
                **located(report, section, paragraph),
                "verb": verb,
                "addressees": addressees(sentence[found.end():]),
                "text": sentence,
            })
    return records


def figure_value(number: str, scale: str | None) -> float | int:
    value = float(number.replace(".", "").replace(",", "."))
    value *= SCALES.get(scale or "", 1)
    return int(value) if value.is_integer() else value


def counted_words(rest: str) -> str:
    """The noun phrase a number counts: words up to the first plural ("nieuwe collega’s")."""
    words = rest.split()
    for i, word in enumerate(words):
        if re.search(r"(s|en|’s|'s)$", word):
            return " ".join(words[: i + 1])
    return words[0] if words else ""


def figures(report: dict) -> list[dict]:
    """Numbers stated in the text: percentages and counts, not years, dates or chapter numbers."""
    registry = IdRegistry()
    records = []
    for section, paragraph in walk(report):
        text = paragraph["text"]
        for found in FIGURE.finditer(text):
            number, before = found.group("number"), text[: found.start()]
            rest = found.group("rest") or ""
            first = rest.split()[0].lower() if rest else ""
            if NOT_COUNTED.search(before) or first in MONTHS:
                continue
            if not found.group("percent") and not found.group("scale") and re.fullmatch(r"(19|20)\d\d", number):
                continue
            if found.group("percent"):
                unit, written = "%", text[found.start(): found.end()]
                after = text[found.end():]
                of = re.match(r"\s+(van\s+(?:de|het|een|onze)?\s*[\w’'-]+)", after)
                label = of.group(1) if of else None
            else:
                label = counted_words(rest)
                unit = "count"
                scale = f" {found.group('scale')}" if found.group("scale") else ""
                written = f"{number}{scale} {label}"
            records.append({
                "id": registry.claim(f"{report['id']}-cijfer-{slug(written)}"),
                **located(report, section, paragraph),
                "value": figure_value(number, found.group("scale")),
                "unit": unit,
                "text": written,
                "label": label,
                "approximate": bool(APPROXIMATE.search(before)),
                "sentence": sentence_at(text, found.start()),
            })
    return records


def topic_pattern(alias: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(alias)}(?!\w)")


def mentions(report: dict, topics: list[dict]) -> list[dict]:
    """Where each glossary topic is named: one record per topic and paragraph."""
    patterns = [(topic["id"], alias, topic_pattern(alias)) for topic in topics for alias in topic["aliases"]]
    records = []
    for section, paragraph in walk(report):
        seen: set[str] = set()
        for topic_id, alias, pattern in patterns:
            found = pattern.search(paragraph["text"])
            if topic_id in seen or not found:
                continue
            seen.add(topic_id)
            records.append({
                "topic": topic_id,
                **located(report, section, paragraph),
                "alias": alias,
                "sentence": sentence_at(paragraph["text"], found.start()),
            })
    return sorted(records, key=lambda r: r["topic"])  # stable: reading order within a topic


def example_topics(example: dict, report_mentions: list[dict], topics: list[dict]) -> list[str]:
    """Topics named in an example's title or any of its paragraphs."""
    own = set(example["paragraphs"]) | {p for kind in PART_KINDS for p in example[kind]}
    found = {m["topic"] for m in report_mentions if m["paragraph"] in own}
    for topic in topics:
        if any(topic_pattern(alias).search(example["title"]) for alias in topic["aliases"]):
            found.add(topic["id"])
    return sorted(found)
