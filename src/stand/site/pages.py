"""One method per kind of generated page: the data a template needs, rendered to Markdown.

Templates live in ``templates/`` (Jinja2, autoescape on); this module only
chooses and orders the data. Inputs are iterated in a fixed order (years,
then ids), so the same data always gives the same pages.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from ..derive.mentions import TopicFinder
from ..model import PART_KINDS, local_anchor
from ..publish import permalinks
from ..publish.corpus import Corpus
from ..publish.urls import example_path, report_path, theme_path, year_path
from . import list_pages
from .blocks import Block, with_blocks
from .compare import theme_columns, theme_rows
from .render import KIND_LABELS, PART_LABELS, View, environment, without_controls

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml where installed: the same YAML, faster


@dataclass(frozen=True)
class Page:
    path: str  # e.g. "themas/focus-goed-en-duurzaam/index.md"
    title: str  # text, as the data has it; the plugin escapes it where it enters MkDocs
    description: str  # text, likewise
    markdown: str
    hide: tuple[str, ...] = ("navigation",)  # no page here is in the sidebar navigation: give its width to the content
    in_sitemap: bool = True  # a filtered view of the tracker is not a page of its own for the sitemap
    blocks: tuple[Block, ...] = ()  # HTML put in after Markdown, where the markdown holds their placeholders

    def source(self) -> str:
        """The Markdown file MkDocs reads: title and description as YAML front matter.

        Both stay plain text here (the YAML quotes whatever needs it); MkDocs and the theme take
        front matter as HTML, so ``StandPlugin.on_page_markdown`` escapes them when MkDocs reads them.
        """
        return self.front_matter + self.markdown

    @functools.cached_property
    def front_matter(self) -> str:
        """The page's YAML front matter, which is all MkDocs reads of a page kept finished (see :mod:`stand.site.page_cache`).

        Worked out once: a page's key and its source both start with it.
        """
        front = {"title": self.title, "description": self.description, "hide": list(self.hide)} | ({} if self.in_sitemap else {"sitemap": False})
        meta = yaml.dump(front, Dumper=DUMPER, allow_unicode=True, width=1000, sort_keys=True)
        return f"---\n{meta}---\n"

    def text(self) -> str:
        """The page's Markdown with its blocks in place: what a reader gets, before Markdown conversion."""
        return with_blocks(self.markdown, self.blocks)


class PageBuilder:
    """Builds every generated page from a corpus."""

    def __init__(self, corpus: Corpus, site_url: str) -> None:
        self.corpus = corpus
        self.site_url = site_url
        self.topics = TopicFinder(corpus.topics)
        self.aliases = permalinks.aliases(corpus.moved)
        self.env = environment()
        self.same_theme: dict[tuple[str, str | None], list[str]] = {}  # an organisation's examples of a theme, for "previous" and "next"
        for example in corpus.examples:
            organisation = corpus.report_by_id[example["report"]]["organisation_id"]
            self.same_theme.setdefault((organisation, example["theme"]), []).append(example["id"])

    def view(self, base: str) -> View:
        """The data as seen from a page ``base`` away from the site root."""
        return View(self.corpus, base, self.site_url, self.topics)

    def render(self, path: str, title: str, description: str, template: str, **context: object) -> Page:
        view = self.view("../" * path.count("/"))
        markdown = self.env.get_template(template).render(view=view, title=title, **context)
        return Page(f"{path}index.md", without_controls(title), without_controls(description), markdown)

    def all_pages(self) -> Iterator[Page]:
        corpus = self.corpus
        yield self.reports_index()
        yield from (self.year_page(year) for year in corpus.years)
        yield from (self.report_page(report) for report in corpus.reports)
        yield self.themes_index()
        yield from (page for theme in corpus.themes for page in self.theme_pages(theme))
        yield from list_pages.examples_pages(self)
        yield from (self.example_page(example) for example in corpus.examples)
        yield list_pages.topics_index(self)
        yield from (page for topic in corpus.topics for page in list_pages.topic_pages(self, topic))
        yield from list_pages.tracker_pages_of(self)
        yield from list_pages.figures_pages(self)

    def overview(
        self, path: str, crumb: str, title: str, intro: str, description: str, template: str, data: tuple[str, str, str] | None = None, **context: object
    ) -> Page:
        """An overview page: breadcrumbs, title, introduction and downloads, then its own content."""
        return self.render(path, crumb, description, template, crumb=crumb, h1=title, intro=intro, data=data, **context)

    # -- years and reports -----------------------------------------------

    def reports_index(self) -> Page:
        years = [{"year": y, "reports": [r for r in self.corpus.reports if r["year"] == y]} for y in sorted(self.corpus.years, reverse=True)]
        return self.overview(
            "rapporten/",
            "Rapporten",
            "Rapporten",
            "Elk rapport als doorlopende, doorzoekbare tekst, met een link per alinea en het paginanummer uit het origineel.",
            "Alle rapporten Stand van de uitvoering, per jaar.",
            "reports_index.md",
            years=years,
        )

    def year_page(self, year: int) -> Page:
        reports = [r for r in self.corpus.reports if r["year"] == year]
        return self.render(year_path(year), str(year), f"De rapporten Stand van de uitvoering over {year}.", "year.md", year=year, reports=reports)

    def report_page(self, report: dict) -> Page:
        corpus = self.corpus
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
        return self.render(path, title, description, "report.md", report=report, sections=sections, footnotes=footnotes, aliases=self.aliases.get(path, {}))

    # -- themes ---------------------------------------------------------

    def themes_index(self) -> Page:
        return self.overview(
            "themas/",
            "Thema’s",
            "Thema’s",
            "Dezelfde vier thema’s komen in elk rapport terug, soms onder een andere kop. Kies een thema om alle jaren naast elkaar te zien.",
            "De vaste thema’s van de Stand van de uitvoering, over alle jaren.",
            "themes_index.md",
            themes=self.corpus.themes,
        )

    def theme_pages(self, theme: dict) -> Iterator[Page]:
        """A theme's comparison; with several organisations, a page that lists them and one comparison each."""
        columns = theme_columns(self.corpus, theme)
        by_organisation: dict[str, list[dict]] = {}
        for column in columns:
            by_organisation.setdefault(column["report"]["organisation_id"], []).append(column)
        if len(by_organisation) <= 1:
            yield self.theme_page(theme, columns, theme_path(theme["id"]), None)
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
        description = f"Wat {len(organisations)} organisaties over {theme['title']} schreven: kies een organisatie om haar jaren naast elkaar te zien."
        yield self.render(theme_path(theme["id"]), theme["title"], description, "theme_organisations.md", theme=theme, organisations=organisations)
        for organisation in organisations:
            yield self.theme_page(theme, organisation["columns"], organisation["path"], organisation["name"])

    def theme_page(self, theme: dict, columns: list[dict], path: str, organisation: str | None) -> Page:
        names = sorted({c["report"]["organisation"] for c in columns})
        description = f"Wat {' en '.join(names) or 'de rapporten'} over {theme['title']} schreef, de jaren naast elkaar."
        title = f"{theme['title']} — {organisation}" if organisation else theme["title"]
        return self.render(path, title, description, "theme.md", theme=theme, columns=columns, rows=theme_rows(columns), organisation=organisation)

    # -- examples -------------------------------------------------------

    def example_page(self, example: dict) -> Page:
        corpus = self.corpus
        report = corpus.report_by_id[example["report"]]
        parts = [
            {"heading": example["part_headings"].get(kind, PART_LABELS[kind]), "anchor": kind.replace("_", "-"), "paragraphs": example[kind]}
            for kind in PART_KINDS
            if example[kind]
        ]
        same_theme = self.same_theme[(report["organisation_id"], example["theme"])]
        position = same_theme.index(example["id"])
        title = f"{example['title']} ({report['organisation']} {example['year']})"
        description = f"{KIND_LABELS[example['kind']]} uit {report['organisation']}, {report['title']}: {example['title']}."
        return self.render(
            example_path(example["id"]),
            title,
            description,
            "example.md",
            example=example,
            report=report,
            section_path=corpus.section_path(example["id"]),
            parts=parts,
            topics=[corpus.topic_by_id[t] for t in example["topics"]],
            continues=corpus.continues(example["id"]),
            continued_in=corpus.continued_in(example["id"]),
            previous=corpus.example_by_id[same_theme[position - 1]] if position > 0 else None,
            next=corpus.example_by_id[same_theme[position + 1]] if position + 1 < len(same_theme) else None,
        )


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
