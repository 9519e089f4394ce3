"""Figures: numbers stated in the text, with the sentence they stand in."""

from __future__ import annotations

import re

from ..model import IdRegistry, slug
from .text import enclosing_examples, located, sentence_at, walk

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
FIGURE = re.compile(
    rf"(?<![\w,.-])(?P<number>{NUMBER})(?:\s?(?P<percent>%|procent\b)|\s+(?P<scale>miljoen|miljard|duizend)?\s*(?P<rest>[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){{0,3}}))",
)
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
SCALES = {"duizend": 1_000, "miljoen": 1_000_000, "miljard": 1_000_000_000}
APPROXIMATE = re.compile(r"(zo[’']n|ruim|circa|ongeveer|bijna|schatting|~)\s*$", re.I)
NOT_COUNTED = re.compile(r"(dilemma|thema|pagina|artikel|hoofdstuk)\s*$", re.I)


def figure_value(number: str, scale: str | None) -> float | int:
    """The number as a value, Dutch separators read.

    >>> figure_value("99,8", None), figure_value("1.200", None), figure_value("2", "miljoen")
    (99.8, 1200, 2000000)
    """
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
    """Percentages and counts, not years, dates or chapter numbers."""
    registry = IdRegistry()
    records = []
    examples = enclosing_examples(report)
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
                unit, written = "%", text[found.start() : found.end()]
                after = text[found.end() :]
                of = re.match(r"\s+(van\s+(?:de|het|een|onze)?\s*[\w’'-]+)", after)
                label = of.group(1) if of else None
            else:
                label = counted_words(rest)
                unit = "count"
                scale = f" {found.group('scale')}" if found.group("scale") else ""
                written = f"{number}{scale} {label}"
            records.append(
                {
                    "id": registry.claim(f"{report['id']}-cijfer-{slug(written)}"),
                    **located(report, section, paragraph, examples),
                    "value": figure_value(number, found.group("scale")),
                    "unit": unit,
                    "text": written,
                    "label": label,
                    "approximate": bool(APPROXIMATE.search(before)),
                    "sentence": sentence_at(text, found.start()),
                }
            )
    return records
