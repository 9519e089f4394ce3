"""Figures: numbers stated in the text, with a label that is true when read alone, and the sentence.

A figure measures the organisation's work or its world: how many, how
much, how often, how long, what share, or a norm. Not figures: years and
dates, chapter and dilemma numbers, counts of the report's own parts ("vier
dilemma's", "twee voorbeelden"), and a number after "de" that points back
("de twee disciplines"). Numbers written as words count too ("veertien
teams", "twee keer", "anderhalf jaar"); unaccented "een" is the article.
"""

from __future__ import annotations

import re

from ..model import IdRegistry, slug
from .text import enclosing_examples, located, sentence_at, walk

WORD_VALUES = {
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "honderd": 100,
    "anderhalf": 1.5,
    "dubbel": 2,
}
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUMBER = re.compile(rf"(?<![\w,.-])(?P<number>{DIGITS}|{'|'.join(sorted(WORD_VALUES, key=len, reverse=True))})(?![\w-])", re.I)
SCALES = {"duizend": 1_000, "miljoen": 1_000_000, "miljard": 1_000_000_000}
MONTHS = set("januari februari maart april mei juni juli augustus september oktober november december".split())
REPORT_PARTS = {
    "dilemma",
    "dilemma’s",
    "dilemma's",
    "thema",
    "thema’s",
    "thema's",
    "voorbeeld",
    "voorbeelden",
    "illustratie",
    "illustraties",
    "hoofdstuk",
    "pagina",
}
NOT_COUNTED_BEFORE = re.compile(r"(?:dilemma|thema|pagina|artikel|hoofdstuk|\bde|\bhet)\s*$", re.I)
APPROXIMATE = re.compile(r"(zo[’']n|ruim|circa|ongeveer|bijna|naar schatting|schatting|~)\s*\(?\s*$", re.I)
DURATIONS = {"jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen", "uur", "uren"}
CLAUSE_END = re.compile(r"[.,;:()!?]|\s[–-]\s|\s(?=(?:en|maar|of|terwijl|waardoor|omdat)\s)")


def figure_value(number: str, scale: str | None = None) -> float | int:
    """The number as a value, Dutch separators read, words too.

    >>> figure_value("99,8"), figure_value("1.200"), figure_value("2", "miljoen"), figure_value("anderhalf")
    (99.8, 1200, 2000000, 1.5)
    """
    if number.lower() in WORD_VALUES:
        return WORD_VALUES[number.lower()]
    value = float(number.replace(".", "").replace(",", ".")) * SCALES.get(scale or "", 1)
    return int(value) if value.is_integer() else value


def counted_words(rest: str) -> str:
    """The noun phrase a number counts: words up to the first plural ("nieuwe collega’s").

    >>> counted_words("nieuwe collega’s in dienst genomen")
    'nieuwe collega’s'
    """
    words = rest.split()
    for i, word in enumerate(words[:4]):
        if re.search(r"(s|en|’s|'s)$", word) or word in DURATIONS:
            return " ".join(words[: i + 1])
    return words[0] if words else ""


def clause_rest(text: str, limit: int) -> str:
    """The words after a figure, up to the end of its clause, at most ``limit`` words."""
    return " ".join(CLAUSE_END.split(text, maxsplit=1)[0].split()[:limit])


def describe(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    """(kind, written figure, label) for the number at ``text[start:end]``, or None when it is no figure."""
    number, before, after = text[start:end], text[:start], text[end:]
    percent = re.match(r"\s?(?:%|procent\b)", after)
    if percent:
        written = text[start : end + percent.end()]
        if re.search(r"\bnorm\s*\(?\s*$", before):
            subject = re.search(r"\b(?:de|het)\s+([^\W\d_]+)[^:;.]*$", before.split(":")[-1])
            return "norm", written, f"{written} norm" + (f" voor de {subject.group(1)}" if subject else "")
        return "percentage", written, f"{written} {clause_rest(after[percent.end() :], 8)}".strip()
    scale = re.match(r"\s+(duizend|miljoen|miljard)\b", after)
    rest = after[scale.end() :] if scale else after
    noun = counted_words(CLAUSE_END.split(rest, maxsplit=1)[0])
    first = noun.split()[0].lower() if noun else ""
    if not noun or NOT_COUNTED_BEFORE.search(before) or first in MONTHS or first in REPORT_PARTS:
        return None
    if number.isdigit() and re.fullmatch(r"(19|20)\d\d", number) and not scale:
        return None
    written = f"{number}{' ' + scale.group(1) if scale else ''} {noun}"
    following = clause_rest(rest[rest.find(noun) + len(noun) :], 6)
    kind = "money" if re.search(r"euro|€", noun, re.I) else "duration" if noun.split()[-1] in DURATIONS else "count"
    return kind, written, f"{written} {following}".strip()


def figures(report: dict) -> list[dict]:
    """Every figure in reading order, with a readable id from its value and what it counts."""
    registry = IdRegistry()
    examples = enclosing_examples(report)
    records = []
    for section, paragraph in walk(report):
        text = paragraph["text"]
        for found in NUMBER.finditer(text):
            described = describe(text, found.start(), found.end())
            if described is None:
                continue
            kind, written, label = described
            scale = re.match(r"\s+(duizend|miljoen|miljard)\b", text[found.end() :])
            records.append(
                {
                    "id": registry.claim(f"{report['id']}-cijfer-{slug(label.replace('%', ' procent'), 4)}"),
                    **located(report, section, paragraph, examples),
                    "kind": kind,
                    "value": figure_value(found.group("number"), scale.group(1) if scale else None),
                    "unit": "%" if kind in ("percentage", "norm") else "count",
                    "text": written,
                    "label": label,
                    "approximate": bool(APPROXIMATE.search(text[: found.start()])),
                    "sentence": sentence_at(text, found.start()),
                }
            )
    return records
