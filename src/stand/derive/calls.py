"""Calls: sentences in which the report asks something of others ("We roepen ... op")."""

from __future__ import annotations

import re

from ..model import IdRegistry, slug
from .text import located, sentences, walk

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


def addressees(after_verb: str) -> list[str]:
    """Who is asked: the addressees named between the verb and the end of the clause.

    >>> addressees(" de politiek en de opdrachtgever om keuzes te maken")
    ['politiek', 'opdrachtgever']
    """
    window = ADDRESSEE_END.split(after_verb, maxsplit=1)[0]
    return [label for label, pattern in ADDRESSEES if pattern.search(window)]


def calls(report: dict) -> list[dict]:
    """Every sentence with a call, with its verb, addressees and provenance."""
    registry = IdRegistry()
    records = []
    for section, paragraph in walk(report):
        for sentence in sentences(paragraph["text"]):
            found = CALL.search(sentence)
            if not found:
                continue
            verb = (found.group("verb") or found.group("verb2")).lower()
            records.append(
                {
                    "id": registry.claim(f"{report['id']}-oproep-{slug(sentence, 6)}"),
                    **located(report, section, paragraph),
                    "verb": verb,
                    "addressees": addressees(sentence[found.end() :]),
                    "text": sentence,
                }
            )
    return records
