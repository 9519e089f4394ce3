"""Sentences and the provenance every derived record carries."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..model import EXAMPLE_KINDS

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[’”)]?\s+(?=[A-Z0-9‘“(])")
SENTENCE_LIMIT = 600
"""The longest sentence a record stores (a call's text, a mention's sentence): a longer one is cut at words, "…"
marking each cut, so a paragraph of any length gives records of bounded size, read in linear time."""


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (abbreviations like "o.a." do not split).

    >>> sentences("Dat kost tijd. En dat o.a. vaak.")
    ['Dat kost tijd.', 'En dat o.a. vaak.']
    """
    return [s.strip() for s in SENTENCE_SPLIT.split(text) if s.strip()]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of ``text``, as :func:`sentences` splits it, in one pass.

    >>> sentence_spans("Eerst dit. Dan DigiD.")
    [(0, 10), (11, 21)]
    """
    spans, start = [], 0
    for separator in [*SENTENCE_SPLIT.finditer(text), None]:
        stop = separator.start() if separator else len(text)
        piece = text[start:stop]
        left, right = start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())
        if left < right:
            spans.append((left, right))
        if separator:
            start = separator.end()
    return spans


def bounded_sentences(text: str) -> list[str]:
    """The sentences of ``text``; one longer than :data:`SENTENCE_LIMIT` as pieces cut at words, "…" at each cut.

    >>> found = bounded_sentences("Kort. Dan " + "lang " * 300)
    >>> found[0], [len(s) <= SENTENCE_LIMIT for s in found[1:]], found[1][-6:], found[2][:6]
    ('Kort.', [True, True, True], 'lang …', '… lang')
    """
    found = []
    for start, end in sentence_spans(text):
        cut_before = False
        while end - start > SENTENCE_LIMIT:
            space = text.rfind(" ", start + 1, start + SENTENCE_LIMIT - 4)
            cut = space if space > start else start + SENTENCE_LIMIT - 4
            found.append(("… " if cut_before else "") + text[start:cut].strip() + " …")
            start, cut_before = cut + (text[cut] == " "), True
        found.append(("… " if cut_before else "") + text[start:end].strip())
    return found


def bounded_sentence(text: str, start: int, end: int, at: int) -> str:
    """``text[start:end]``, or when longer than :data:`SENTENCE_LIMIT` the stretch around offset ``at``, cut at
    words, "…" marking each cut.

    >>> bounded_sentence("a " * 400 + "DigiD" + " b" * 400, 0, 1605, 800)[:4]
    '… a '
    """
    if end - start <= SENTENCE_LIMIT:
        return text[start:end]
    low = max(start, min(at - SENTENCE_LIMIT // 2, end - SENTENCE_LIMIT + 4))
    high = min(end, low + SENTENCE_LIMIT - 4)
    if low > start:
        space = text.find(" ", low, at)
        low = space + 1 if space >= 0 else low
    if high < end:
        space = text.rfind(" ", at, high)
        high = space if space >= 0 else high
    return ("… " if low > start else "") + text[low:high].strip() + (" …" if high < end else "")


class Sentences:
    """The sentence around any offset of one text, its sentences found once (a lookup costs a bisection).

    >>> Sentences("Eerst dit. Dan DigiD.").at(15)
    'Dan DigiD.'
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text) or [(0, len(text))]
        self.starts = [start for start, _ in self.spans]

    def at(self, offset: int) -> str:
        start, end = self.spans[max(0, bisect.bisect_right(self.starts, offset) - 1)]
        if not start <= offset < end:
            return bounded_sentence(self.text, 0, len(self.text), offset)
        return bounded_sentence(self.text, start, end, offset)


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
