"""The pages of themes: the themes index, and each theme across the years, aligned by part.

Each report that has the theme is a column; each kind of content (summary, description,
retrospective, what went well or wrong, what must or could change, calls, figures, examples,
topics) is a row, so the same part of every year sits side by side. A row that no year has is left
out; a cell that one year lacks says so, rather than silently closing up. The summary of a year is
never our paraphrase: it is the report's own sentences, chosen by derive (``summaries``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ..model import PART_KINDS
from ..publish.corpus import Corpus
from ..publish.urls import theme_path
from .feeds import organisation_feed_path, theme_feed_path
from .page import Builder, Page
from .render import PART_LABELS
from .selection import brief

TEXT_ROWS = (("description", "beschrijving", "Beschrijving"), ("retrospective", "terugblik", "Terugblik"))
PART_ANCHORS = {
    "went_well": "ging-goed",
    "went_wrong": "ging-niet-goed",
    "must_change": "moet-anders",
    "could_change": "kan-anders",
}


def theme_pages(builder: Builder) -> Iterator[Page]:
    yield builder.overview(
        "themas/",
        "Thema’s",
        "Thema’s",
        "Dezelfde vier thema’s komen in elk rapport terug, soms onder een andere kop. Kies een thema om alle jaren "
        "naast elkaar te zien.",
        "De vaste thema’s van de Stand van de uitvoering, over alle jaren.",
        "themes_index.md",
        themes=builder.corpus.themes,
    )
    for theme in builder.corpus.themes:
        yield from one_theme(builder, theme)


def one_theme(builder: Builder, theme: dict) -> Iterator[Page]:
    """A theme's comparison; with several organisations, a page that lists them and one comparison each."""
    columns = theme_columns(builder.corpus, theme)
    by_organisation: dict[str, list[dict]] = {}
    for column in columns:
        by_organisation.setdefault(column["report"]["organisation_id"], []).append(column)
    if len(by_organisation) <= 1:
        yield comparison(builder, theme, columns, theme_path(theme["id"]), None)
        return
    organisations = [
        {
            "name": own[0]["report"]["organisation"],
            "path": f"{theme_path(theme['id'])}{organisation_id}/",
            "years": [c["year"] for c in own],
            "columns": own,
        }
        for organisation_id, own in sorted(by_organisation.items())
    ]
    description = (
        f"Wat {len(organisations)} organisaties over {theme['title']} schreven: "
        "kies een organisatie om haar jaren naast elkaar te zien."
    )
    context = {"theme": theme, "organisations": organisations, "following": follow(theme, columns, None)}
    page = builder.render(theme_path(theme["id"]), theme["title"], description, "theme_organisations.md", **context)
    yield followed(page, theme)
    for organisation in organisations:
        yield comparison(builder, theme, organisation["columns"], organisation["path"], organisation["name"])


def comparison(builder: Builder, theme: dict, columns: list[dict], path: str, organisation: str | None) -> Page:
    names = sorted({c["report"]["organisation"] for c in columns})
    description = f"Wat {' en '.join(names) or 'de rapporten'} over {theme['title']} schreef, de jaren naast elkaar."
    title = f"{theme['title']} — {organisation}" if organisation else theme["title"]
    context = {"theme": theme, "columns": columns, "rows": theme_rows(columns), "organisation": organisation}
    context["following"] = follow(theme, columns, path)
    context["brief"] = brief(builder.corpus, theme, columns, path, builder.site_url, organisation)  # for print
    return followed(builder.render(path, title, description, "theme.md", **context), theme)


def follow(theme: dict, columns: list[dict], path: str | None) -> dict:
    """The feeds a theme's page offers (the theme's, each organisation's) and its brief (.docx) where it has one."""
    names = {c["report"]["organisation_id"]: c["report"]["organisation"] for c in columns}  # oldest first: newest wins
    return {
        "feed": theme_feed_path(theme["id"]),
        "organisations": [(organisation_feed_path(o), name) for o, name in sorted(names.items())],
        "brief": f"{path}brief.json" if path else None,
    }


def followed(page: Page, theme: dict) -> Page:
    """A theme's page with its Atom feed in the head (``<link rel="alternate">``, see overrides/main.html)."""
    return dataclasses.replace(page, feeds=((theme_feed_path(theme["id"]), f"{theme['title']}: nieuwe passages"),))


def theme_columns(corpus: Corpus, theme: dict) -> list[dict]:
    """One column per report that has the theme, oldest first, with everything the rows need."""
    columns = []
    for heading in theme["headings"]:
        report = corpus.report_by_id[heading["report"]]
        chapter = corpus.section_by_id[heading["section"]]
        children = [s for s in report["sections"] if s["parent"] == chapter["id"]]
        described = [p for s in children if s["kind"] in ("description", "other") for p in s["paragraphs"]]
        text = {
            "description": chapter["paragraphs"] + described,
            "retrospective": [p for s in children if s["kind"] == "retrospective" for p in s["paragraphs"]],
        }
        examples = [e for e in report["examples"] if theme["id"] in (e["theme"], *e["more_themes"])]
        mentioned = sorted({m["topic"] for m in report["mentions"] if m["theme"] == theme["id"]})
        columns.append(
            {
                "report": report,
                "anchor": report["id"],
                "year": report["year"],
                "heading": heading["heading"],
                "section_path": corpus.section_path(heading["section"]),
                "summary": report["summaries"][chapter["id"]],
                "text": {kind: [p["id"] for p in paragraphs] for kind, paragraphs in text.items()},
                "parts": {kind: [(e, e[kind]) for e in examples if e[kind]] for kind in PART_KINDS},
                "has_parts": any(e[kind] for e in report["examples"] for kind in PART_KINDS),
                "example_word": "illustraties"
                if all(e["kind"] == "illustration" for e in report["examples"])
                else "voorbeelden",
                "examples": examples,
                "calls": [c for c in report["calls"] if c["theme"] == theme["id"]],
                "figures": [f for f in report["figures"] if f["theme"] == theme["id"]],
                "topics": [corpus.topic_by_id[t] for t in mentioned],
            }
        )
    return columns


def theme_rows(columns: list[dict]) -> list[dict]:
    """The rows of the comparison, in the order a reader compares: each with the kind of its cells."""
    rows = [{"id": "in-het-kort", "title": "In het kort", "kind": "summary"}]
    rows += [{"id": anchor, "title": title, "kind": "text", "part": kind} for kind, anchor, title in TEXT_ROWS]
    rows += [
        {"id": PART_ANCHORS[k], "title": PART_LABELS[k], "kind": "part", "part": k, "badge": k.replace("_", "-")}
        for k in PART_KINDS
    ]
    rows += [
        {"id": "oproepen", "title": "Oproepen", "kind": "calls"},
        {"id": "cijfers", "title": "Cijfers", "kind": "figures"},
        {"id": "voorbeelden", "title": "Voorbeelden en illustraties", "kind": "examples"},
        {"id": "onderwerpen", "title": "Onderwerpen", "kind": "topics"},
    ]
    return [row for row in rows if any(cell_items(column, row) for column in columns)]


def cell_items(column: dict, row: dict) -> list:
    """What one year has for one row (empty when it has nothing there)."""
    kind = row["kind"]
    if kind in ("text", "part"):
        return column[kind if kind == "text" else "parts"][row["part"]]
    return column[kind]
