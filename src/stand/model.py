"""The data model's shared vocabulary: record kinds and id helpers.

Every room imports these from here, so the kinds and the id rules are
written once: extraction assigns ids with them, derive builds records on
them, publish and site turn them into anchors and URLs.
"""

from __future__ import annotations

from slugify import slugify

CHAPTER_KINDS = ("introduction", "theme", "closing")
PART_KINDS = ("went_well", "went_wrong", "must_change", "could_change")
EXAMPLE_KINDS = ("example", "illustration")
SITE_TOP_LEVEL = frozenset(
    {
        "404.html",
        "assets",
        "cijfers",
        "data",
        "feed.xml",
        "index.html",
        "onderwerpen",
        "oproepen",
        "over",
        "pagefind",
        "privacy",
        "rapporten",
        "robots.txt",
        "search",
        "selectie",
        "sitemap.xml",
        "sitemap.xml.gz",
        "themas",
        "toegankelijkheid",
        "voorbeelden",
        "zoeken",
    }
)
"""What the build writes at the top of site/ besides each organisation's and year's pages: an organisation id
may not be one of them, or its pages and these would overwrite each other (``pagefind`` is replaced whole by the
search step). The URL scheme (:mod:`stand.publish.urls`) publishes it; ``tests/test_hostile_names.py`` checks the
list against a real build."""


def open_review_items(report: dict) -> list[dict]:
    """A report's review items no maintainer has resolved (``review:`` in its YAML): while any is open, the
    report is marked not reviewed and no release publishes it."""
    return [entry for entry in report.get("review", []) if entry["accepted"] is None]


def slug(text: str, max_words: int | None = None) -> str:
    """URL-safe slug, Dutch letters folded.

    >>> slug("Focus: goed en duurzaam")
    'focus-goed-en-duurzaam'
    >>> slug("Logius heeft in 2023 111 nieuwe collega’s in dienst", 6)
    'logius-heeft-in-2023-111-nieuwe'
    """
    words = text.split()
    if max_words is not None:
        words = words[:max_words]
    return slugify(" ".join(words), replacements=[["’", ""], ["'", ""]]) or "x"


def local_anchor(report_id: str, record_id: str) -> str:
    """A record's anchor on its report page: its id without the report prefix.

    >>> local_anchor("logius-2022", "logius-2022-voetnoot-1-1")
    'voetnoot-1-1'
    """
    return record_id.removeprefix(f"{report_id}-")


class IdRegistry:
    """Hands out ids, adding -2, -3 ... only when the same id is asked for twice.

    >>> registry = IdRegistry()
    >>> registry.claim("a"), registry.claim("a"), registry.claim("a")
    ('a', 'a-2', 'a-3')
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next: dict[str, int] = {}  # per wanted id, the number to try next: a repeat costs constant time

    def claim(self, wanted: str) -> str:
        n = self.next.get(wanted, 1)
        candidate = wanted if n == 1 else f"{wanted}-{n}"
        while candidate in self.taken:
            n += 1
            candidate = f"{wanted}-{n}"
        self.next[wanted] = n + 1
        self.taken.add(candidate)
        return candidate
