"""Recognise the genre's headings from the reviewed vocabulary (``data/vocabulary/headings.yaml``).

The words decide the kind of a heading, and the words are data: each kind
lists phrases, the genre's and an organisation's own, so a new organisation
is a vocabulary entry, not a code change. The typography (PDF) or the layout
(text) only decides whether a block is a heading at all. A leading chapter
number ("1 Inleiding", "2.3 Terugblik", "Hoofdstuk 2 ...") is no part of
the title. Theme chapters are recognised by a phrase ("Dilemma 2 ...") or by
a theme name from ``data/vocabulary/themes.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = (
    "introduction",
    "examples",
    "theme",
    "description",
    "retrospective",
    "example",
    "illustration",
    "went_well",
    "went_wrong",
    "must_change",
    "could_change",
    "closing",
)
PLACEHOLDERS = {"{title}": r"(?P<title>\S.*?)", "{number}": r"(?P<number>\d{1,3})[.:]?", "{year}": r"(?:19|20)\d\d"}
CHAPTER_NUMBER = re.compile(r"^(?:hoofdstuk\s+)?(?P<number>\d{1,2}(?:\.\d{1,2})*)[.:]?\s+(?=\S)", re.I)


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A vocabulary phrase as a pattern over a whole heading.

    >>> bool(phrase_pattern("Wat ging [er] niet goed?").match("Wat ging er niet goed ?"))
    True
    >>> phrase_pattern("Dilemma {number} {title}").match("Dilemma 2. Focus").group("title")
    'Focus'
    """
    parts = []
    for token in re.findall(r"\[[^\]]*\]|\S+", phrase):
        words = token.strip("[]").split()
        body = r"\s*".join(PLACEHOLDERS.get(word) or word_pattern(word) for word in words)
        parts.append(rf"(?:\s*{body})?" if token.startswith("[") else rf"\s*{body}")
    return re.compile(rf"^{''.join(parts)}\s*$", re.I)


def word_pattern(word: str) -> str:
    """A literal word; its punctuation may stand apart ("goed ?"), and a final question mark may be left out."""
    escaped = re.escape(word)
    escaped = re.sub(r"\\?([:;])", r"\\s*\1", escaped)
    return re.sub(r"\\\?$", r"(?:\\s*\\?)?", escaped)


@dataclass(frozen=True)
class Heading:
    """A recognised heading: its kind, its theme (if any), its own title and its number."""

    kind: str
    text: str
    title: str
    theme: str | None = None
    number: int | None = None
    chapter_number: str | None = None  # "2" or "2.3" where the heading is numbered
    name: str | None = None  # the theme an examples heading names ("Voorbeelden bij <name>"), if it names one


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


def phrases_for(headings: dict, organisation_id: str | None) -> dict[str, list[str]]:
    """The genre's phrases per kind, with the organisation's own added."""
    own = headings.get("organisations", {}).get(organisation_id or "", {})
    return {kind: list(headings["genre"].get(kind, [])) + list(own.get(kind, [])) for kind in KINDS}


class HeadingMatcher:
    """Classifies heading text against the vocabulary's phrases and the theme names."""

    def __init__(self, themes: list[dict], headings: dict, organisation_id: str | None = None) -> None:
        self.theme_by_name = {normalise_name(name): theme["id"] for theme in themes for name in theme["names"]}
        phrases = phrases_for(headings, organisation_id)
        self.patterns = [(kind, phrase_pattern(phrase)) for kind in KINDS for phrase in phrases[kind]]

    def theme_for(self, title: str) -> str | None:
        return self.theme_by_name.get(normalise_name(title))

    def match(self, text: str) -> Heading | None:
        """The heading ``text`` is, or None; a chapter number in front is set apart from the title."""
        text = " ".join(text.split())
        numbered = CHAPTER_NUMBER.match(text)
        rest = text[numbered.end() :] if numbered else text
        chapter = numbered.group("number") if numbered else None
        for kind, pattern in self.patterns:
            found = pattern.match(rest)
            if not found:
                continue
            groups = found.groupdict()
            title = rest if kind == "examples" else (groups.get("title") or "").strip() or rest
            number = int(groups["number"]) if groups.get("number") else None
            if number is None and chapter and "." not in chapter:
                number = int(chapter)
            theme = self.theme_for(groups.get("title") or "") if kind in ("theme", "examples") else None
            name = groups.get("title") if kind == "examples" else None
            return Heading(kind, text, title, theme, number, chapter, name)
        theme = self.theme_for(rest)
        if theme:
            number = int(chapter) if chapter and "." not in chapter else None
            return Heading(kind="theme", text=text, title=rest, theme=theme, number=number, chapter_number=chapter)
        return None
