"""The word ledger: where every word of the source went.

Counted from the structure as built (before OCR repair changes any word),
independently of how the builder got there: paragraphs, headings,
footnotes, the signature, list markers and furniture by reason. Their sum
must be the number of words the reader saw; a gap is text the extractor
lost, and the plausibility gate stops on it.
"""

from __future__ import annotations

from collections import Counter

from .document import Structure


def words(text: str) -> int:
    return len(text.split())


def coverage(structure: Structure, repairs: int) -> dict:
    """The report's ``coverage:`` block."""
    paragraphs = [p for section in structure.sections for p in section.paragraphs]
    furniture: Counter[str] = Counter()
    for item in structure.furniture:
        furniture[item.reason] += words(item.text)
    counted = {
        "paragraphs": sum(words(" ".join(p.lines)) for p in paragraphs),
        "headings": sum(words(s.heading) for s in structure.sections if s.from_source),
        # A footnote's number label ("1:" or "(2):") is one word of the source.
        "footnotes": sum(words(" ".join(f.lines)) + 1 for f in structure.footnotes),
        "signature": structure.signature_words,
        "list_markers": sum(words(p.marker) for p in paragraphs),
        "furniture": dict(sorted(furniture.items())),
    }
    accounted = sum(v for k, v in counted.items() if k != "furniture") + sum(furniture.values())
    source = structure.source.source_words
    return {
        "source_words": source,
        **counted,
        "accounted": accounted,
        "share": round(accounted / source, 4) if source else 0.0,
        "repairs": repairs,
    }
