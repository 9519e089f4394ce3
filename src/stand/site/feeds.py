"""Follow a theme or an organisation: Atom feeds (RFC 4287), made from the data alone.

- ``themas/<theme>/feed.xml``: per report that writes about the theme an entry "nieuw rapport", and an
  entry per passage of the theme in that report (every paragraph of its chapter and of its examples);
- ``<organisation>/feed.xml``: an entry per report of the organisation;
- ``feed.xml``: the site-wide feed, an entry per report, linking every theme and organisation feed
  (``<link rel="related">``) and the dataset's feed of versions (``data/versies.atom``).

Ids are the permanent links of what an entry is about (a report's page, a theme's chapter in it, a
paragraph's anchor). Dates come from the data, never from the clock: a report's publication date
(``published`` in data/sources.yaml) where it is known, else 1 January of its year. Entries come
newest report first and within a report in reading order, so the same data gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree as ET

from ..publish.corpus import Corpus
from ..publish.urls import report_path, theme_path

ATOM = "http://www.w3.org/2005/Atom"
SITE_FEED = "feed.xml"
FEED = "feed.xml"  # beside a theme's page, and in an organisation's folder
SITE_NAME = "Stand van de uitvoering"


def theme_feed_path(theme_id: str) -> str:
    return theme_path(theme_id) + FEED


def organisation_feed_path(organisation_id: str) -> str:
    return f"{organisation_id}/{FEED}"


def report_date(report: dict) -> str:
    """The report's date in RFC 3339: its publication date where the data knows it, else 1 January of its year.

    >>> report_date({"year": 2023, "source": {"published": None}}), report_date({"source": {"published": "2024-05-01"}})
    ('2023-01-01T00:00:00Z', '2024-05-01T00:00:00Z')
    """
    published = report["source"].get("published")
    return f"{published}T00:00:00Z" if published else f"{report['year']}-01-01T00:00:00Z"


def element(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
    if text is not None:
        node.text = text
    return node


def newest_first(reports: list[dict]) -> list[dict]:
    return sorted(reports, key=lambda r: (report_date(r), r["year"], r["id"]), reverse=True)


class Feed:
    """One Atom feed: its head, then entries in the order they are added."""

    def __init__(self, site_url: str, path: str, title: str, subtitle: str, page: str, reports: list[dict]) -> None:
        ET.register_namespace("", ATOM)
        self.site_url = site_url
        self.root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
        element(self.root, "id", site_url + path)
        element(self.root, "title", title)
        element(self.root, "subtitle", subtitle)
        element(self.root, "link", rel="self", type="application/atom+xml", href=site_url + path)
        element(self.root, "link", rel="alternate", type="text/html", href=site_url + page)
        dates = [report_date(r) for r in reports]
        element(self.root, "updated", max(dates) if dates else "1970-01-01T00:00:00Z")
        authors = sorted({r["organisation"] for r in reports}) or [SITE_NAME]
        for name in authors:
            element(element(self.root, "author"), "name", name)
        element(self.root, "generator", "stand (Stand van de uitvoering als open data)")

    def entry(self, entry_id: str, title: str, report: dict, link: str, content: str) -> None:
        entry = element(self.root, "entry")
        element(entry, "id", entry_id)
        element(entry, "title", title)
        element(entry, "updated", report_date(report))
        element(entry, "published", report_date(report))
        element(element(entry, "author"), "name", report["organisation"])
        element(entry, "link", rel="alternate", type="text/html", href=link)
        element(entry, "content", content, type="text")

    def related(self, path: str, title: str) -> None:
        element(self.root, "link", rel="related", type="application/atom+xml", href=self.site_url + path, title=title)

    def bytes(self) -> bytes:
        ET.indent(self.root)
        return (
            b'<?xml version="1.0" encoding="utf-8"?>\n'
            + ET.tostring(self.root, encoding="utf-8", xml_declaration=False)
            + b"\n"
        )


def report_entry(feed: Feed, report: dict, corpus: Corpus) -> None:
    themes = [corpus.theme_by_id[s["theme"]]["title"] for s in report["sections"] if s["kind"] == "theme"]
    content = (
        f"{report['organisation']} publiceerde {report['title']}"
        + (f": {report['subtitle']}" if report.get("subtitle") else "")
        + f". Thema’s: {', '.join(themes) or 'geen'}. {len(report['calls'])} oproepen, "
        f"{len(report['examples'])} voorbeelden en illustraties."
    )
    url = feed.site_url + report_path(report)
    feed.entry(url, f"Nieuw rapport: {report['organisation']}, {report['title']}", report, url, content)


def theme_feed(corpus: Corpus, theme: dict, site_url: str) -> bytes:
    reports = [corpus.report_by_id[h["report"]] for h in theme["headings"]]
    feed = Feed(
        site_url,
        theme_feed_path(theme["id"]),
        f"{SITE_NAME}: {theme['title']}",
        f"Nieuwe rapporten en passages over {theme['title']}.",
        theme_path(theme["id"]),
        reports,
    )
    chapters = {h["report"]: h for h in theme["headings"]}
    for report in newest_first(reports):
        chapter = chapters[report["id"]]
        chapter_url = site_url + corpus.section_path(chapter["section"])
        feed.entry(
            chapter_url,
            f"Nieuw rapport: {report['organisation']} {report['year']} over {theme['title']}",
            report,
            chapter_url,
            f"{report['organisation']} schrijft in {report['title']} over {theme['title']} "
            f"(hoofdstuk ‘{chapter['heading']}’).",
        )
        for section in report["sections"]:
            if section.get("theme") != theme["id"]:
                continue
            for paragraph in section["paragraphs"]:
                url = site_url + corpus.paragraph_path(paragraph["id"])
                pages = paragraph["page"] if paragraph["page"] is not None else f"[{paragraph['pdf_page']}]"
                heading = section["heading"] if section["kind"] != "theme" else chapter["heading"]
                title = f"{report['organisation']} {report['year']} · {heading} · p. {pages}"
                feed.entry(url, title, report, url, paragraph["text"])
    return feed.bytes()


def organisation_feed(corpus: Corpus, organisation_id: str, site_url: str) -> bytes:
    reports = [r for r in corpus.reports if r["organisation_id"] == organisation_id]
    first = newest_first(reports)[0]
    name = first["organisation"]
    feed = Feed(
        site_url,
        organisation_feed_path(organisation_id),
        f"{SITE_NAME}: {name}",
        f"Elk nieuw rapport van {name}.",
        report_path(first),
        reports,
    )
    for report in newest_first(reports):
        report_entry(feed, report, corpus)
    return feed.bytes()


def site_feed(corpus: Corpus, site_url: str) -> bytes:
    feed = Feed(
        site_url,
        SITE_FEED,
        f"{SITE_NAME}: nieuwe rapporten",
        "Elk nieuw rapport op deze site. Per thema en per organisatie is er een eigen feed (links hieronder).",
        "rapporten/",
        corpus.reports,
    )
    for theme in corpus.themes:
        feed.related(theme_feed_path(theme["id"]), f"Thema: {theme['title']}")
    for organisation_id, name in organisations(corpus):
        feed.related(organisation_feed_path(organisation_id), f"Organisatie: {name}")
    feed.related("data/versies.atom", "Versies van de dataset")
    for report in newest_first(corpus.reports):
        report_entry(feed, report, corpus)
    return feed.bytes()


def organisations(corpus: Corpus) -> list[tuple[str, str]]:
    """Each organisation once, by the name its newest report gives it (a name may change over the years)."""
    names = {
        r["organisation_id"]: r["organisation"] for r in sorted(corpus.reports, key=lambda r: (r["year"], r["id"]))
    }
    return sorted(names.items())


def feed_files(corpus: Corpus, site_url: str) -> Iterator[tuple[str, bytes]]:
    yield SITE_FEED, site_feed(corpus, site_url)
    for theme in corpus.themes:
        yield theme_feed_path(theme["id"]), theme_feed(corpus, theme, site_url)
    for organisation_id, _ in organisations(corpus):
        yield organisation_feed_path(organisation_id), organisation_feed(corpus, organisation_id, site_url)
