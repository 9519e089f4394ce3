"""Recognise the headings of the "Stand van de uitvoering" genre.

The words decide the kind of a heading; the typography (PDF) or the layout
(text) only decides whether a block is a heading at all. Theme chapters are
recognised by their number ("Dilemma 2. Focus: ...") or by a theme name from
``data/vocabulary/themes.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("introduction", re.compile(r"^(Inleiding|Voorwoord)$")),
    ("examples", re.compile(r"^Voorbeelden bij (dilemma|thema)\s*(?P<number>\d+)[.:]?\s*(?P<title>.*)$", re.I)),
    ("theme", re.compile(r"^(Dilemma|Thema)\s+(?P<number>\d+)[.:]?\s+(?P<title>.+)$")),
    ("description", re.compile(r"^Beschrijving( (van het )?(dilemma|thema))?$")),
    ("retrospective", re.compile(r"^Terugblik( op)?( \d{4})?$")),
    ("example", re.compile(r"^Voorbeeld:\s*(?P<title>.+)$")),
    ("illustration", re.compile(r"^Illustratie:\s*(?P<title>.+)$")),
    ("went_well", re.compile(r"^Wat ging (er )?goed\?$")),
    ("went_wrong", re.compile(r"^Wat ging (er )?niet goed\?$")),
    ("must_change", re.compile(r"^Wat moet (er )?anders\?$")),
    ("could_change", re.compile(r"^Wat kan (er )?anders\?$")),
    ("closing", re.compile(r"^(Vervolg|Tot slot|Afsluiting|Slotwoord)$")),
]


@dataclass(frozen=True)
class Heading:
    """A recognised heading: its kind, its theme (if any) and its own title."""

    kind: str
    text: str
    title: str
    theme: str | None = None
    number: int | None = None


def normalise_name(text: str) -> str:
    """Fold the spelling variants of a theme name found across years.

    >>> normalise_name("Complexiteit vs in eenvoud")
    'complexiteit versus in eenvoud'
    >>> normalise_name("Samenwerking beleid & uitvoering")
    'samenwerking beleid en uitvoering'
    """
    text = text.lower().replace("&", " en ")
    text = re.sub(r"\bvs\b\.?", "versus", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


class HeadingMatcher:
    """Classifies heading text against the genre patterns and the theme names."""

    def __init__(self, themes: list[dict]) -> None:
        self.theme_by_name = {normalise_name(name): theme["id"] for theme in themes for name in theme["names"]}

    def theme_for(self, title: str) -> str | None:
        return self.theme_by_name.get(normalise_name(title))

    def match(self, text: str) -> Heading | None:
        text = " ".join(text.split())
        for kind, pattern in PATTERNS:
            found = pattern.match(text)
            if not found:
                continue
            groups = found.groupdict()
            title = text if kind == "examples" else (groups.get("title") or "").strip() or text
            number = int(groups["number"]) if groups.get("number") else None
            theme = self.theme_for(groups.get("title") or "") if kind in ("theme", "examples") else None
            return Heading(kind=kind, text=text, title=title, theme=theme, number=number)
        theme = self.theme_for(text)
        if theme:
            return Heading(kind="theme", text=text, title=text, theme=theme)
        return None
