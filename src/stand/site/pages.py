"""One method per kind of generated page: the data a template needs, rendered to Markdown.

Templates live in ``templates/`` (Jinja2, autoescape on); this module only
chooses and orders the data. Inputs are iterated in a fixed order (years,
then ids), so the same data always gives the same pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import yaml

from ..derive.mentions import TopicFinder
from ..model import PART_KINDS, local_anchor
from ..publish import permalinks
from ..publish.corpus import Corpus
from ..publish.urls import example_path, report_path, theme_path, topic_path, year_path
from .compare import theme_columns, theme_rows
from .render import KIND_LABELS, PART_LABELS, View, environment, without_controls
from .tracker import FACETS, PAGE_SIZE, TrackerPage, facet_label, facets_of, filter_path, tracker_items, tracker_pages, with_filter


@dataclass(frozen=True)
class Page:
    path: str  # e.g. "themas/focus-goed-en-duurzaam/index.md"
    title: str  # text, as the data has it; the plugin escapes it where it enters MkDocs
    description: str  # text, likewise
    markdown: str
    hide: tuple[str, ...] = ("navigation",)  # no page here is in the sidebar navigation: give its width to the content
    in_sitemap: bool = True  # a filtered view of the tracker is not a page of its own for the sitemap

    def source(self) -> str:
        """The Markdown file MkDocs reads: title and description as YAML front matter.

        Both stay plain text here (the YAML quotes whatever needs it); MkDocs and the theme take
        front matter as HTML, so ``StandPlugin.on_page_markdown`` escapes them when MkDocs reads them.
        """
        front = {"title": self.title, "description": self.description, "hide": list(self.hide)} | ({} if self.in_sitemap else {"sitemap": False})
        meta = yaml.safe_dump(front, allow_unicode=True, width=1000, sort_keys=True)
        return f"---\n{meta}---\n{self.markdown}"


class PageBuilder:
    """Builds every generated page from a corpus."""

    def __init__(self, corpus: Corpus, site_url: str) -> None:
        self.corpus = corpus
        self.site_url = site_url
        self.topics = TopicFinder(corpus.topics)
        self.aliases = permalinks.aliases(corpus.moved)
        self.env = environment()

    def render(self, path: str, title: str, description: str, template: str, **context: object) -> Page:
        view = View(self.corpus, "../" * path.count("/"), self.site_url, self.topics)
        markdown = self.env.get_template(template).render(view=view, title=title, **context)
        return Page(f"{path}index.md", without_controls(title), without_controls(description), markdown)

    def all_pages(self) -> Iterator[Page]:
        corpus = self.corpus
        yield self.reports_index()
        yield from (self.year_page(year) for year in corpus.years)
        yield from (self.report_page(report) for report in corpus.reports)
        yield self.themes_index()
        yield from (self.theme_page(theme) for theme in corpus.themes)
        yield self.examples_index()
        yield from (self.example_page(example) for example in corpus.examples)
        yield self.topics_index()
        yield from (self.topic_page(topic) for topic in corpus.topics)
        yield from self.tracker_pages()
        yield self.figures_page()

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

    def theme_page(self, theme: dict) -> Page:
        columns = theme_columns(self.corpus, theme)
        organisations = sorted({c["report"]["organisation"] for c in columns})
        description = f"Wat {' en '.join(organisations) or 'de rapporten'} over {theme['title']} schreef, de jaren naast elkaar."
        return self.render(
            theme_path(theme["id"]),
            theme["title"],
            description,
            "theme.md",
            theme=theme,
            columns=columns,
            rows=theme_rows(columns),
            organisations=len(organisations),
        )

    # -- examples -------------------------------------------------------

    def examples_index(self) -> Page:
        return self.overview(
            "voorbeelden/",
            "Voorbeelden",
            "Voorbeelden en illustraties",
            "Alle blokken ‘Voorbeeld:’ en ‘Illustratie:’ uit de rapporten. De 2022-voorbeelden zijn verdeeld in wat goed ging, "
            "wat niet goed ging en wat anders moet; de illustraties van 2023 zijn doorlopende tekst.",
            "Alle voorbeelden en illustraties uit de Stand van de uitvoering, te filteren op thema, jaar en uitkomst.",
            "examples_index.md",
            ("data/stand-van-de-uitvoering.json", "data/csv/examples.csv", "Alle voorbeelden"),
            themes=self.corpus.themes,
            years=self.corpus.years,
            examples=self.corpus.examples,
            part_headers=[PART_LABELS[k] for k in PART_KINDS],
        )

    def example_page(self, example: dict) -> Page:
        corpus = self.corpus
        report = corpus.report_by_id[example["report"]]
        parts = [
            {"heading": example["part_headings"].get(kind, PART_LABELS[kind]), "anchor": kind.replace("_", "-"), "paragraphs": example[kind]}
            for kind in PART_KINDS
            if example[kind]
        ]
        same_theme = [e for e in corpus.examples if e["theme"] == example["theme"]]
        position = same_theme.index(example)
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
            previous=same_theme[position - 1] if position > 0 else None,
            next=same_theme[position + 1] if position + 1 < len(same_theme) else None,
        )

    # -- topics, calls, figures ------------------------------------------

    def topics_index(self) -> Page:
        return self.overview(
            "onderwerpen/",
            "Onderwerpen",
            "Onderwerpen",
            "Voorzieningen, organisaties en programma’s die in de rapporten worden genoemd, met het aantal alinea’s waarin ze voorkomen.",
            "Onderwerpen als DigiD, AcICT en MIDO: waar ze in de rapporten worden genoemd.",
            "topics_index.md",
            ("data/stand-van-de-uitvoering.json", "data/csv/mentions.csv", "Alle vermeldingen"),
            topics=sorted(self.corpus.topics, key=lambda t: t["name"].lower()),
        )

    def topic_page(self, topic: dict) -> Page:
        mentions = [m for report in self.corpus.reports for m in report["mentions"] if m["topic"] == topic["id"]]
        sentences = list({(m["paragraph"], m["footnote"], m["sentence"]): m for m in mentions}.values())  # one line per sentence
        description = f"Elke vermelding van {topic['name']} in de Stand van de uitvoering."
        return self.render(
            topic_path(topic["id"]),
            topic["name"],
            description,
            "topic.md",
            topic=topic,
            mentions=mentions,
            sentences=sentences,
            paragraphs=len({m["paragraph"] for m in mentions}),
        )

    def tracker_pages(self) -> Iterator[Page]:
        """The tracker of asks and problems: one page per filter combination and page number."""
        items = tracker_items(self.corpus)
        for page in tracker_pages(items):
            yield replace(self.tracker_page(items, page), in_sitemap=not page.filters and page.number == 1)

    def tracker_page(self, items: list[dict], page: TrackerPage) -> Page:
        chosen = [(facet, value, facet_label(self.corpus, items, facet, value)) for facet, value in page.filters]
        named = ", ".join(label for _, _, label in chosen)
        numbered = f" (pagina {page.number} van {page.pages})" if page.pages > 1 else ""
        return self.overview(
            page.path,
            "Oproepen" if not chosen else f"Oproepen: {named}{numbered}",
            "Oproepen en knelpunten" + (f": {named}" if chosen else ""),
            "Alles wat de rapporten vragen van de politiek, de opdrachtgever en partners, en elk deel van een voorbeeld dat zegt "
            "wat niet goed ging, wat anders moet of wat anders kan. Het nieuwste rapport eerst. Filter op jaar, thema, soort en "
            "aan wie het gericht is; het adres van de pagina bewaart de keuze, zodat u een gefilterde lijst kunt delen.",
            "Alle oproepen en knelpunten uit de Stand van de uitvoering" + (f": {named}" if chosen else "") + numbered + ".",
            "calls.md",
            ("data/stand-van-de-uitvoering.json", "data/csv/calls.csv", "Alle oproepen"),
            page=page,
            chosen=[{"title": FACETS[f], "label": label, "remove": filter_path(with_filter(page.filters, f, None))} for f, _, label in chosen],
            facets=facets_of(self.corpus, page, items),
            first=(page.number - 1) * PAGE_SIZE + 1,
            previous=filter_path(page.filters, page.number - 1) if page.number > 1 else None,
            next=filter_path(page.filters, page.number + 1) if page.number < page.pages else None,
        )

    def figures_page(self) -> Page:
        return self.overview(
            "cijfers/",
            "Cijfers",
            "Cijfers uit de rapporten",
            "Getallen die in de tekst worden genoemd, ook in woorden (‘veertien teams’), met wat ze tellen en de zin waarin ze "
            "staan. Jaartallen, datums en aantallen onderdelen van het rapport zelf (‘vier dilemma’s’) tellen niet mee.",
            "Cijfers uit de Stand van de uitvoering met de zin waarin ze staan.",
            "figures.md",
            ("data/stand-van-de-uitvoering.json", "data/csv/figures.csv", "Alle cijfers"),
            figures=self.corpus.figures,
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
