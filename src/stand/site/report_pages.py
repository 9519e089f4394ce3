"""The pages of years and reports: the reports index, a page per year and the full text of every report."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import local_anchor
from ..publish import permalinks
from ..publish.urls import example_path, report_path, theme_path, year_path
from .page import Builder, Page


def report_pages(builder: Builder) -> Iterator[Page]:
    corpus = builder.corpus
    yield reports_index(builder)
    yield from (year_page(builder, year) for year in corpus.years)
    aliases = permalinks.aliases(corpus.moved)
    yield from (report_page(builder, report, aliases) for report in corpus.reports)


def reports_index(builder: Builder) -> Page:
    reports = builder.corpus.reports
    years = [
        {"year": y, "reports": [r for r in reports if r["year"] == y]}
        for y in sorted(builder.corpus.years, reverse=True)
    ]
    return builder.overview(
        "rapporten/",
        "Rapporten",
        "Rapporten",
        "Elk rapport als doorlopende, doorzoekbare tekst, "
        "met een link per alinea en het paginanummer uit het origineel.",
        "Alle rapporten Stand van de uitvoering, per jaar.",
        "reports_index.md",
        years=years,
    )


def year_page(builder: Builder, year: int) -> Page:
    reports = [r for r in builder.corpus.reports if r["year"] == year]
    description = f"De rapporten Stand van de uitvoering over {year}."
    return builder.render(year_path(year), str(year), description, "year.md", year=year, reports=reports)


def report_page(builder: Builder, report: dict, aliases: dict[str, dict[str, list[str]]]) -> Page:
    corpus = builder.corpus
    examples = {e["id"] for e in report["examples"]}
    sections, depth = [], {}
    for section in report["sections"]:
        level = 2 if section["parent"] is None else depth[section["parent"]] + 1
        depth[section["id"]] = level
        links = []
        if section["kind"] == "theme" and section["theme"]:
            title = corpus.theme_by_id[section["theme"]]["title"]
            links.append((theme_path(section["theme"]), f"Dit thema in alle jaren: {title}"))
        if section["id"] in examples:
            links.append((example_path(section["id"]), "Dit voorbeeld op een eigen pagina"))
        sections.append(
            {
                "heading": section["heading"],
                "level": min(level, 6),
                "anchor": corpus.section_anchor(section["id"]),
                "links": links,
                "groups": paragraph_groups(section["paragraphs"]),
                "signature": section["kind"] == "closing" and report["signatory"] is not None,
            }
        )
    footnotes = [f | {"anchor": local_anchor(report["id"], f["id"])} for f in report["footnotes"]]
    title = f"{report['organisation']} — {report['title']}"
    description = f"De volledige tekst van {report['organisation']}, {report['title']}, met een link per alinea."
    path = report_path(report)
    context = {"report": report, "sections": sections, "footnotes": footnotes, "aliases": aliases.get(path, {})}
    return builder.render(path, title, description, "report.md", **context)


def paragraph_groups(paragraphs: list[dict]) -> list[dict]:
    """Runs of list items become one list; every other paragraph stands alone."""
    groups: list[dict] = []
    for paragraph in paragraphs:
        is_item = bool(paragraph.get("list_item"))
        if is_item and groups and groups[-1]["list"]:
            groups[-1]["paragraphs"].append(paragraph)
        else:
            groups.append({"list": is_item, "paragraphs": [paragraph]})
    return groups
