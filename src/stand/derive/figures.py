"""Figures: numbers stated in the text, with a label that is true when read alone, and the sentence.

A figure measures the organisation's work or its world: how many, how
much, how often, how long, what share, or a norm. Not figures: years and
dates, chapter, page, footnote and dilemma numbers, ordinals, counts of the
report's own parts ("vier dilemma's", "twee voorbeelden", "drie van deze
onderwerpen"), and a number after "de" or "deze" that points back ("de twee
disciplines"). Numbers written as words count too ("veertien teams", "twee
keer", "anderhalf jaar", "zes miljoen"); unaccented "een" is the article.

Euro amounts ("€ 3,7 miljoen", "12 miljoen euro") have unit ``euro`` and
their full value; a scale word multiplies ("1,8 miljard" = 1800000000).

Every step reads a bounded stretch of text around the number, inside the
sentence it stands in, so a paragraph of any length is read in linear time;
the stored sentence is at most :data:`stand.derive.text.SENTENCE_LIMIT` characters, cut at a
word around the number with "…" where it was cut.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from ..model import IdRegistry, slug
from .text import bounded_sentence, enclosing_examples, located, sentence_spans, walk

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
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
    "honderd": 100,
    "duizend": 1000,
    "anderhalf": 1.5,
    "dubbel": 2,
}
UNIT_WORDS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80}
TENS |= {"negentig": 90}
# Compounds: "vijfentwintig", "tweeëndertig" (ë after e), "driehonderd", "vijfduizend".
WORD_VALUES |= {
    f"{unit}{'ën' if unit.endswith('e') else 'en'}{tens}": value + tens_value
    for unit, value in UNIT_WORDS.items()
    for tens, tens_value in TENS.items()
}
WORD_VALUES |= {
    f"{unit}{big}": value * size
    for unit, value in UNIT_WORDS.items()
    if value > 1
    for big, size in (("honderd", 100), ("duizend", 1000))
}
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
WORDS = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
NUMBER = re.compile(rf"(?<![\w,.:/-])(?P<number>{DIGITS}|{WORDS})(?![\w/-]|[.,:]\d)", re.I)
SCALES = {
    "duizend": 1_000,
    "miljoen": 1_000_000,
    "mln": 1_000_000,
    "miljard": 1_000_000_000,
    "mld": 10**9,
    "mrd": 10**9,
}
SCALE = re.compile(r"\s+(?P<scale>duizend|miljoen|miljard|mln|mld|mrd)(?:\b\.?|\b)", re.I)
EURO_BEFORE = re.compile(r"(?:€|\bEUR)\s*$")
EURO_AFTER = re.compile(r"\s*(?:euro|EUR)\b", re.I)
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
    "hoofdstukken",
    "paragraaf",
    "paragrafen",
    "bijlage",
    "bijlagen",
    "pagina",
    "pagina’s",
    "pagina's",
}
# Nouns that name the report's parts when it points at them ("drie van deze onderwerpen", "deze drie vragen"),
# and a count of the world otherwise ("we bespraken 12 onderwerpen").
POINTED_PARTS = {"onderwerp", "onderwerpen", "vraag", "vragen", "punt", "punten", "deel", "delen", "knelpunten"}
PARTITIVE = re.compile(r"van\s+(?:(?P<pointer>deze|die|de|onze|dit|het)\s+)?(?P<noun>[^\W\d_][\w’'-]*)", re.I)
POINTS_AT_REPORT = re.compile(r"\b(?:deze|dit|onze)\s+(?:stand|rapport|rapportage|verslag|editie|publicatie)\b", re.I)
NOT_COUNTED_BEFORE = re.compile(
    r"(?:dilemma|thema|pagina|artikel|hoofdstuk|paragraaf|bijlage|figuur|tabel|voetnoot|noot|stap|fase|versie|"
    r"\bnr\.?|\bblz\.?|\bp\.|\bde|\bhet|\bdeze|\bdie)\s*$",
    re.I,
)
APPROXIMATE = re.compile(
    r"(zo[’']n|ruim|circa|ongeveer|bijna|naar schatting|schatting|~)\s*\(?\s*(?:€|\bEUR)?\s*$", re.I
)
DURATIONS = {"jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen", "uur", "uren"}
NORM_BEFORE = re.compile(r"\bnorm\s*\(?\s*$")
CLAUSE_END = re.compile(r"[.,;:()!?]|\s[–-]\s|\s(?=(?:en|maar|of|terwijl|waardoor|omdat)\s)")
WINDOW = 200
"""Characters read on either side of a number: enough for what it counts and the words around it."""
TAIL = 40
"""Characters before a number in which the words that end at it ("ruim", "€", "hoofdstuk", "norm") are looked for."""


def figure_value(number: str, scale: str | None = None) -> float | int:
    """The number as a value, Dutch separators read, words too, times its scale word.

    >>> figure_value("99,8"), figure_value("1.200"), figure_value("2", "miljoen"), figure_value("anderhalf")
    (99.8, 1200, 2000000, 1.5)
    >>> figure_value("zes", "miljoen"), figure_value("1,8", "miljard"), figure_value("anderhalf", "miljard")
    (6000000, 1800000000, 1500000000)
    """
    word = WORD_VALUES.get(number.lower())
    base = Decimal(str(word)) if word is not None else Decimal(number.replace(".", "").replace(",", "."))
    value = base * SCALES.get((scale or "").lower().rstrip("."), 1)
    return int(value) if value == value.to_integral_value() else float(value)


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


def clause_before(text: str, limit: int) -> str:
    """The words before a figure, back to the start of its clause, at most ``limit`` words."""
    return " ".join(CLAUSE_END.split(text)[-1].split()[-limit:])


def report_part(rest: str, sentence_before: str) -> bool:
    """Whether the number counts the report's own parts: "vier thema’s", "drie van deze onderwerpen".

    >>> report_part(" van deze onderwerpen staan centraal", ""), report_part(" onderwerpen besproken", "We hebben")
    (True, False)
    """
    word = re.match(r"\s*([\w’'-]*)", rest)
    first = word.group(1).lower()
    if first in REPORT_PARTS:
        return True
    partitive = PARTITIVE.match(rest.lstrip())
    if partitive:
        noun = partitive.group("noun").lower()
        return noun in REPORT_PARTS or (noun in POINTED_PARTS and partitive.group("pointer") is not None)
    return first in POINTED_PARTS and bool(POINTS_AT_REPORT.search(sentence_before + " " + rest))


def describe(text: str, start: int, end: int) -> tuple[str, str, str, str] | None:
    """(kind, unit, written figure, label) for the number at ``text[start:end]``, or None when it is no figure.

    ``text`` is the number's sentence, or a bounded stretch of it around the number: nothing here reads
    further than :data:`WINDOW` characters from the number.
    """
    number, before, after = text[start:end], text[max(0, start - WINDOW) : start], text[end : end + WINDOW]
    tail = max(0, len(before) - TAIL)  # where the patterns that end at the number start looking
    percent = re.match(r"\s?(?:%|procent\b)", after)
    if percent:
        written = text[start : end + percent.end()]
        if NORM_BEFORE.search(before, tail):
            subject = re.search(r"\b(?:de|het)\s+([^\W\d_]+)[^:;.]*$", before.split(":")[-1])
            return "norm", "%", written, f"{written} norm" + (f" voor de {subject.group(1)}" if subject else "")
        return "percentage", "%", written, f"{written} {clause_rest(after[percent.end() :], 8)}".strip()
    scale = SCALE.match(after)
    rest = after[scale.end() :] if scale else after
    euro_before = EURO_BEFORE.search(before, tail)
    euro_after = EURO_AFTER.match(rest)
    if euro_before or euro_after:
        first = start - (len(before) - euro_before.start()) if euro_before else start
        last = end + (scale.end() if scale else 0) + (euro_after.end() if euro_after else 0)
        written = " ".join(text[first:last].split())
        following = clause_rest(rest[euro_after.end() if euro_after else 0 :], 6)
        prefix = before[: euro_before.start()] if euro_before else before
        label = f"{written} {following}" if following else f"{clause_before(prefix, 6)} {written}"
        return "money", "euro", written, label.strip()
    noun = counted_words(CLAUSE_END.split(rest, maxsplit=1)[0])
    first = noun.split()[0].lower() if noun else ""
    if NOT_COUNTED_BEFORE.search(before, tail) or first in MONTHS or report_part(rest, before):
        return None
    if number.isdigit() and re.fullmatch(r"(19|20)\d\d", number) and not scale:
        return None
    if not noun and not scale:
        return None
    written = " ".join(f"{number}{' ' + scale.group('scale') if scale else ''} {noun}".split())
    following = clause_rest(rest[rest.find(noun) + len(noun) :], 6) if noun else ""
    kind = "duration" if noun and noun.split()[-1] in DURATIONS else "count"
    return kind, "count", written, f"{written} {following}".strip()


def figures(report: dict) -> list[dict]:
    """Every figure in reading order, with a readable id from its value and what it counts."""
    ids = IdRegistry()
    examples = enclosing_examples(report)
    records = []
    for section, paragraph in walk(report):
        text = paragraph["text"]
        spans = sentence_spans(text)
        starts = [span[0] for span in spans]
        scaled_until = 0  # the end of the last number's scale word: "duizend" in "12 duizend" is no number of its own
        for found in NUMBER.finditer(text):
            index = bisect.bisect_right(starts, found.start()) - 1
            if index < 0 or found.end() > spans[index][1] or found.start() < scaled_until:
                continue
            low, high = spans[index]
            near = max(low, found.start() - WINDOW)
            window = text[near : min(high, found.end() + WINDOW)]
            scale = SCALE.match(window, found.end() - near)
            scaled_until = near + scale.end() if scale else scaled_until
            described = describe(window, found.start() - near, found.end() - near)
            if described is None:
                continue
            kind, unit, written, label = described
            key = label.replace("%", " procent").replace("€", " euro ")
            records.append(
                {
                    "id": ids.claim(f"{report['id']}-cijfer-{slug(key, 4)}"),
                    **located(report, section, paragraph, examples),
                    "kind": kind,
                    "value": figure_value(found.group("number"), scale.group("scale") if scale else None),
                    "unit": unit,
                    "text": written,
                    "label": label,
                    "approximate": bool(
                        APPROXIMATE.search(window, max(0, found.start() - near - TAIL), found.start() - near)
                    ),
                    "sentence": bounded_sentence(text, low, high, found.start()),
                }
            )
    return records
