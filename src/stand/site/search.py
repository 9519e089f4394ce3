"""What the site search finds: one record per paragraph and footnote of every report, and the topics it suggests.

Pagefind indexes pages, and a page is one result: a report page would come back as one hit with
its headings as sub-results, landing on a heading. Here every paragraph is a record of its own,
built from the data (not scraped from HTML), so a result is the paragraph itself, its URL the
paragraph's anchor, and its text the paragraph's words only: no "¶ link naar deze alinea", no
footnote numbers glued to a word, no table text, no copies from theme, example or topic pages
(they quote report paragraphs, which are indexed once, where they stand).

URLs are relative to the site root ("logius/2022/#anchor"); the search page resolves them
against the address it is served from, so the index works under any SITE_URL.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator

from ..model import local_anchor
from ..publish.corpus import Corpus
from ..publish.urls import report_path, theme_path, topic_path
from .render import cited_pages, without_controls

LANGUAGE = "nl"  # Dutch stemming: "samenwerken" finds "samenwerking"
NO_THEME = "Zonder thema"  # the theme filter's value for introduction, closing and other chapters (as on the site)


def heading_trail(report: dict, section: dict) -> str:
    """The headings above a paragraph, outermost first: "Personeelstekort … › Wat ging niet goed?".

    >>> heading_trail({"sections": [{"id": "a", "heading": "A", "parent": None}]},
    ...               {"id": "b", "heading": "B", "parent": "a"})
    'A › B'
    """
    by_id = {s["id"]: s for s in report["sections"]}
    trail = [section["heading"]]
    while section["parent"] is not None:
        section = by_id[section["parent"]]
        trail.insert(0, section["heading"])
    return " › ".join(trail)


def record(report: dict, anchor: str, text: str, place: dict, heading: str, theme: str) -> dict:
    """One record as Pagefind takes it: its URL and a small HTML document of the paragraph alone.

    Pagefind (1.5 and later) indexes every metadata value, so the metadata holds only the headings
    above the paragraph (found by their words too, ranked below the paragraph's own words by the
    search page's ``metaWeights``) and the page number. Year, organisation, theme and report are
    filters, which the result carries but the index does not search: as metadata, "stand" or
    "uitvoering" would find every paragraph through "Stand van de uitvoering".
    """
    fields = {"title": heading, "page": cited_pages(place)}
    filters = {
        "jaar": str(report["year"]),
        "organisatie": report["organisation"],
        "thema": theme,
        "rapport": report_label(report),
    }
    tags = [f'<meta data-pagefind-meta="{key}[content]" content="{as_text(value)}">' for key, value in fields.items()]
    tags += [
        f'<meta data-pagefind-filter="{key}[content]" content="{as_text(value)}">' for key, value in filters.items()
    ]
    return {
        "url": f"{report_path(report)}#{anchor}",
        "content": (
            f'<!DOCTYPE html><html lang="{LANGUAGE}"><head>{"".join(tags)}</head>'
            f"<body><p data-pagefind-body>{as_text(text)}</p></body></html>"
        ),
    }


def as_text(value: str) -> str:
    """Data as HTML text: escaped, and without control characters (which an HTML parser would turn into U+FFFD).

    >>> as_text('<img src=x> & "q"\\x00')
    '&lt;img src=x&gt; &amp; &quot;q&quot;'
    """
    return html.escape(str(without_controls(value)), quote=True)


def report_label(report: dict) -> str:
    return f"{report['organisation']}, {report['title']}"


def report_records(corpus: Corpus, report: dict) -> Iterator[dict]:
    """Every paragraph of a report in reading order, then its footnotes."""
    for section in report["sections"]:
        theme = theme_title(corpus, section["theme"])
        heading = heading_trail(report, section)
        for paragraph in section["paragraphs"]:
            yield record(report, paragraph["anchor"], paragraph["text"], paragraph, heading, theme)
    for footnote in report["footnotes"]:
        theme = theme_title(corpus, corpus.section_by_id[footnote["section"]]["theme"])
        yield record(
            report,
            local_anchor(report["id"], footnote["id"]),
            footnote["text"],
            footnote,
            f"Voetnoot {footnote['number']}",
            theme,
        )


def search_records(corpus: Corpus) -> Iterator[dict]:
    """Every record of the index, in a fixed order (the index is byte-identical when the data is)."""
    for report in corpus.reports:
        yield from report_records(corpus, report)


def theme_title(corpus: Corpus, theme_id: str | None) -> str:
    return corpus.theme_by_id[theme_id]["title"] if theme_id else NO_THEME


def search_aids(corpus: Corpus) -> str:
    """zoeken/zoekhulp.json: the filter choices, and what a search with no result suggests.

    The filter choices come from here, not from Pagefind's filter index, which the search page then
    never has to download whole. Suggestions: topics with their aliases and description, then
    themes; the search page offers those that share a word stem with the query.
    """
    themes = [theme_title(corpus, s["theme"]) for r in corpus.reports for s in r["sections"]]
    filters = {
        "jaar": [str(year) for year in reversed(corpus.years)],
        "thema": [t["title"] for t in corpus.themes if t["title"] in themes]
        + ([NO_THEME] if NO_THEME in themes else []),
        "organisatie": sorted({r["organisation"] for r in corpus.reports}),
    }
    suggestions = [
        {
            "name": t["name"],
            "aliases": t["aliases"],
            "description": t.get("description") or "",
            "url": topic_path(t["id"]),
            "kind": "Onderwerp",
        }
        for t in corpus.topics
    ]
    suggestions += [
        {
            "name": t["title"],
            "aliases": [],
            "description": t.get("description") or "",
            "url": theme_path(t["id"]),
            "kind": "Thema",
        }
        for t in corpus.themes
    ]
    return json.dumps(cleaned({"filters": filters, "suggestions": suggestions}), ensure_ascii=False, indent=1) + "\n"


def cleaned(value: object) -> object:
    """Every string in nested lists and dicts without control characters.

    >>> cleaned({"a": ["b\\x00", 1]})
    {'a': ['b', 1]}
    """
    if isinstance(value, dict):
        return {key: cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [cleaned(item) for item in value]
    return without_controls(value)
