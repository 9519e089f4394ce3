"""Sentences and the provenance every derived record carries."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import EXAMPLE_KINDS

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[’”)]?\s+(?=[A-Z0-9‘“(])")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (abbreviations like "o.a." do not split).

    >>> sentences("Dat kost tijd. En dat o.a. vaak.")
    ['Dat kost tijd.', 'En dat o.a. vaak.']
    """
    return [s.strip() for s in SENTENCE_SPLIT.split(text) if s.strip()]


def sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` that holds character ``offset``.

    >>> sentence_at("Eerst dit. Dan DigiD.", 15)
    'Dan DigiD.'
    """
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


def enclosing_examples(report: dict) -> dict[str, str | None]:
    """For every section, the example it is part of (itself, for an example), or None."""
    found: dict[str, str | None] = {}
    for section in report["sections"]:
        own = section["id"] if section["kind"] in EXAMPLE_KINDS else None
        found[section["id"]] = own or found.get(section["parent"] or "")
    return found


def located(report: dict, section: dict, paragraph: dict, examples: dict[str, str | None]) -> dict:
    """Where a record was found: the provenance every call, figure and mention carries, with its example."""
    return {
        "report": report["id"],
        "year": report["year"],
        "theme": section["theme"],
        "example": examples[section["id"]],
        "section": section["id"],
        "paragraph": paragraph["id"],
        "page": paragraph["page"],
        "pdf_page": paragraph["pdf_page"],
    }
