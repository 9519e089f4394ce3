"""Link footnotes to the place in the text that refers to them.

The OCR export shows a superscript marker as ``(2)``, or fused to its word
as a look-alike character: ``Logius!`` and ``lossenl`` both mean footnote 1.
The marker is removed from the text and kept as a reference (footnote id
and character offset), so the text reads clean and the site can link both
ways.
"""

from __future__ import annotations

import re

from .document import Footnote, Paragraph
from .repair import Change
from .review import item
from .wordlist import WordList

LOOKALIKES = {1: "!l1I", 2: "2", 3: "3"}


def explicit_marker(text: str, number: int) -> tuple[int, int] | None:
    """Span of a written-out marker, ``(2)``, with the space before it.

    >>> explicit_marker("Logius (1) gelooft", 1)
    (6, 10)
    """
    found = re.search(rf"\s?\({number}\)(?=[\s.,;:]|$)", text)
    return (found.start(), found.end()) if found else None


def find_marker(text: str, number: int, words: WordList) -> tuple[int, int] | None:
    """Span of the marker for footnote ``number`` in ``text``, or None."""
    explicit = explicit_marker(text, number)
    if explicit:
        return explicit
    for match in re.finditer(r"[^\W\d_]+[!\w]", text):
        token = match.group(0)
        mark, stem = token[-1], token[:-1]
        if mark not in LOOKALIKES.get(number, str(number)) or len(stem) < 3:
            continue
        following = text[match.end() : match.end() + 2]
        if mark == "!" and following[:1] == " " and following[1:2].islower():
            return match.end() - 1, match.end()
        if mark != "!" and token not in words and stem in words and following[:1] in (" ", ".", ",", ";", ""):
            return match.end() - 1, match.end()
    return None


def fused_digit(text: str, number: int) -> tuple[int, int] | None:
    """Span of the footnote's own digit fused to a word the word list may not know ("hostingpartij1"): a second
    look, on the footnote's own page only.

    >>> fused_digit("door een fout bij een externe hostingpartij1. In die", 1)
    (43, 44)
    """
    found = re.search(rf"[^\W\d_]{{4,}}({number})(?=[\s.,;:]|$)", text)
    return found.span(1) if found else None


def link_footnotes(
    footnotes: list[Footnote], paragraphs: list[Paragraph], words: WordList
) -> tuple[list[tuple[Paragraph, Change]], list[dict]]:
    """Attach each footnote to the paragraph that carries its marker.

    First the paragraphs on the footnote's own page (a footnote at the foot of
    its page, as in the OCR exports); else the nearest paragraph before it with
    an explicit ``(n)`` marker (a footnote at the end of its chapter).
    """
    changes: list[tuple[Paragraph, Change]] = []
    warnings: list[dict] = []
    for footnote in footnotes:
        same_page = [p for p in paragraphs if p.page <= footnote.page <= p.page_end]
        found = next(((p, span) for p in same_page if (span := find_marker(p.text, footnote.number, words))), None)
        if found is None:
            found = next(((p, span) for p in same_page if (span := fused_digit(p.text, footnote.number))), None)
        if found is None:
            earlier = [p for p in paragraphs if p.page <= footnote.page and not p.footnote_refs]
            found = next(
                ((p, span) for p in reversed(earlier) if (span := explicit_marker(p.text, footnote.number))), None
            )
        if found is None:
            warnings.append(
                item("footnote-without-marker", footnote.page, f"footnote {footnote.number} has no marker in the text")
            )
            continue
        paragraph, (start, end) = found
        before = paragraph.text[max(0, start - 12) : start]
        change = Change("footnote-marker", before + paragraph.text[start:end], f"{before}[{footnote.number}]")
        paragraph.text = paragraph.text[:start] + paragraph.text[end:]
        for ref in paragraph.footnote_refs:
            if ref["offset"] > start:
                ref["offset"] -= end - start
        paragraph.footnote_refs.append({"footnote": footnote.id, "number": footnote.number, "offset": start})
        changes.append((paragraph, change))
    return changes, warnings
