"""Calls: sentences in which the report asks something of others, or says it needs something from them.

What counts (the same definition is in the schema and on the site's "Over"
page): a sentence in which the organisation asks, urges or pleads ("we
roepen ... op", "we vragen", "we pleiten"), says it needs something ("het is
nodig om", "we hebben ... nodig", "zijn ... nodig voor"), gives its view of
what is asked ("volgens ons vraagt dat"), names a point for attention ("is
een punt van aandacht"), offers to come to the table, or, under "Wat moet
anders?" / "Wat kan anders?", recommends something that can help. The
patterns name no organisation: "we", "wij" and the report's own
organisation (from the manifest) stand for the writer.
"""

from __future__ import annotations

import re

from ..model import IdRegistry, slug
from .text import enclosing_examples, located, sentences, walk

FORMS: list[tuple[str, str]] = [
    ("ask", r"\b(?:we|wij|{org})\s+(?P<verb>roepen|roept|vragen|vraagt|pleiten|pleit)\b(?!\s+ons\s+af)"),
    ("ask", r"\b(?P<verb>roepen|vragen|pleiten)\s+(?:we|wij)\b"),
    ("need", r"\bhet is (?:\w+ )?(?P<verb>nodig) (?:om|dat)\b"),
    (
        "need",
        r"\b(?:(?:we|wij) hebben|hebben (?:we|wij))\b[^.;]*?\b(?P<verb>nodig)(?=\s*(?:[.!;]|$)|\s+(?:die|om|voor|zodat)\b)",
    ),
    ("need", r"\bzijn\b[^.;]*\b(?P<verb>nodig)\s+voor\b"),
    ("view", r"\bvolgens ons\b[^.]*\b(?P<verb>vraagt)\b"),
    ("attention", r"\b(?P<verb>punt van aandacht)\b"),
    ("offer", r"\b(?:we|wij)\s+(?P<verb>komen)\b[^.]*\bgraag\b"),
]
# Only under a part that says what must or could change: a recommendation of what can help.
ADVICE = re.compile(r"\bkan\b[^.]*\b(?P<verb>handvatten|helpen|bijdragen)\b", re.I)
ADVICE_PARTS = ("must_change", "could_change")
ADDRESSEE_END = re.compile(r"\b(?:om|zodat|te)\b|,")
ADDRESSEES: list[tuple[str, re.Pattern[str]]] = [
    ("politiek", re.compile(r"\bpolitie?k(?:e)?\b")),
    ("Tweede Kamer", re.compile(r"\b(?:Tweede )?Kamer\b")),
    ("bewindspersoon", re.compile(r"\b(?:bewindspersoon|bewindspersonen|staatssecretaris|minister)\b")),
    ("opdrachtgever", re.compile(r"\bopdrachtgever\b")),
    ("eigenaar", re.compile(r"\beigenaar\b")),
    ("beleid", re.compile(r"\bbeleid\b")),
    ("wetgever", re.compile(r"\b(?:regelgeving|wetgeving|wetgever|grondslag)\b")),
    ("ketenpartners", re.compile(r"\bketenpartners\b")),
]


def forms(organisation: str) -> list[tuple[str, re.Pattern[str]]]:
    """The call forms with the report's own organisation standing in for "we"."""
    return [(kind, re.compile(pattern.format(org=re.escape(organisation)), re.I)) for kind, pattern in FORMS]


def addressees(window: str) -> list[str]:
    """Who is asked: the parties a sentence (or, for an ask, the words after its verb) names.

    >>> addressees(" de politiek en de opdrachtgever om keuzes te maken")
    ['politiek', 'opdrachtgever']
    """
    return [label for label, pattern in ADDRESSEES if pattern.search(window)]


def detect(
    sentence: str, section_kind: str, patterns: list[tuple[str, re.Pattern[str]]]
) -> tuple[str, str, list[str]] | None:
    """(kind, verb, addressees) when ``sentence`` is a call, else None."""
    for kind, pattern in patterns:
        found = pattern.search(sentence)
        if found:
            window = ADDRESSEE_END.split(sentence[found.end() :], maxsplit=1)[0] if kind == "ask" else sentence
            return kind, found.group("verb").lower(), addressees(window) or addressees(sentence)
    found = ADVICE.search(sentence) if section_kind in ADVICE_PARTS else None
    return ("advice", found.group("verb").lower(), addressees(sentence)) if found else None


def calls(report: dict) -> list[dict]:
    """Every sentence with a call, with its kind, verb, addressees and provenance."""
    patterns = forms(report["organisation"])
    registry = IdRegistry()
    records = []
    examples = enclosing_examples(report)
    for section, paragraph in walk(report):
        for sentence in sentences(paragraph["text"]):
            found = detect(sentence, section["kind"], patterns)
            if found is None:
                continue
            kind, verb, named = found
            records.append(
                {
                    "id": registry.claim(f"{report['id']}-oproep-{slug(sentence, 6)}"),
                    **located(report, section, paragraph, examples),
                    "kind": kind,
                    "verb": verb,
                    "addressees": named,
                    "text": sentence,
                }
            )
    return records


def call_contexts(report: dict) -> dict[str, str | None]:
    """The sentence before each call (it often names who or what the call is about), None where the call opens
    its section: stored for the site's tracker, which shows it and splits no sentences of its own."""
    places = {p["id"]: (s, p) for s, p in walk(report)}
    found: dict[str, str | None] = {}
    for call in report["calls"]:
        section, paragraph = places[call["paragraph"]]
        before = paragraph["text"][: max(paragraph["text"].find(call["text"]), 0)]
        index = section["paragraphs"].index(paragraph)
        if before.strip():
            found[call["id"]] = sentences(before)[-1]
        else:
            found[call["id"]] = sentences(section["paragraphs"][index - 1]["text"])[-1] if index > 0 else None
    return found
