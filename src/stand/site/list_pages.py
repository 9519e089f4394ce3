"""The pages that list records across every report: examples, topics, the tracker and figures.

Each list is split into pages of at most :data:`~stand.site.paging.PAGE_SIZE` items, the
newest report first, so no page grows with the number of reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import PART_KINDS
from ..publish.urls import topic_path
from .blocks import PORTABLE_BASE, Block
from .paging import Paged, paginate
from .render import PART_LABELS
from .tracker import FACETS, Filters, TrackerPage, facet_label, facets_of, filter_path, tracker_items, tracker_pages, with_filter

if TYPE_CHECKING:
    from .pages import Page, PageBuilder


def newest_first(records: list[dict]) -> list[dict]:
    """Records the newest year first; within a year, as the reports have them."""
    return sorted(records, key=lambda r: -r["year"])


def page_title(title: str, paged: Paged) -> str:
    """A list's title, with the page number from page 2 on (every page its own title)."""
    return title if paged.pages == 1 else f"{title} (pagina {paged.number} van {paged.pages})"


def examples_pages(builder: PageBuilder) -> Iterator[Page]:
    corpus = builder.corpus
    for paged in paginate("voorbeelden/", newest_first(corpus.examples)):
        yield builder.overview(
            paged.own_path,
            page_title("Voorbeelden", paged),
            "Voorbeelden en illustraties",
            "Alle blokken ‘Voorbeeld:’ en ‘Illustratie:’ uit de rapporten, het nieuwste rapport eerst. Sommige rapporten verdelen "
            "hun voorbeelden in wat goed ging, wat niet goed ging en wat anders moet; andere geven ze als doorlopende tekst.",
            page_title("Alle voorbeelden en illustraties uit de Stand van de uitvoering, te filteren op thema, jaar en uitkomst", paged) + ".",
            "examples_index.md",
            ("data/stand-van-de-uitvoering.json", "data/csv/examples.csv", "Alle voorbeelden"),
            themes=corpus.themes,
            years=corpus.years,
            paged=paged,
            part_headers=[PART_LABELS[k] for k in PART_KINDS],
        )


def topics_index(builder: PageBuilder) -> Page:
    return builder.overview(
        "onderwerpen/",
        "Onderwerpen",
        "Onderwerpen",
        "Voorzieningen, organisaties en programma’s die in de rapporten worden genoemd, met het aantal alinea’s waarin ze voorkomen.",
        "Onderwerpen als DigiD, AcICT en MIDO: waar ze in de rapporten worden genoemd.",
        "topics_index.md",
        ("data/stand-van-de-uitvoering.json", "data/csv/mentions.csv", "Alle vermeldingen"),
        topics=sorted(builder.corpus.topics, key=lambda t: t["name"].lower()),
    )


def topic_pages(builder: PageBuilder, topic: dict) -> Iterator[Page]:
    mentions = [m for report in builder.corpus.reports for m in report["mentions"] if m["topic"] == topic["id"]]
    sentences = list({(m["paragraph"], m["footnote"], m["sentence"]): m for m in mentions}.values())  # one line per sentence
    for paged in paginate(topic_path(topic["id"]), newest_first(sentences)):
        yield builder.render(
            paged.own_path,
            page_title(topic["name"], paged),
            page_title(f"Elke vermelding van {topic['name']} in de Stand van de uitvoering", paged) + ".",
            "topic.md",
            topic=topic,
            mentions=mentions,
            paged=paged,
            paragraphs=len({m["paragraph"] for m in mentions}),
        )


def tracker_pages_of(builder: PageBuilder) -> Iterator[Page]:
    """The tracker of asks and problems: one page per filter combination and page number.

    Each item is rendered once (see :mod:`stand.site.blocks`) and shown on every page it belongs to.
    """
    items = tracker_items(builder.corpus)
    portable = builder.view(PORTABLE_BASE)
    template = builder.env.get_template("tracker_item.html")
    rendered = {entry["id"]: template.render(view=portable, item=entry) for entry in items}
    facets: dict[Filters, list[dict]] = {}  # the same for every page of a combination
    for page in tracker_pages(items):
        if page.filters not in facets:
            facets[page.filters] = facets_of(builder.corpus, page, items)
        ids = [entry["id"] for entry in page.paged.items]
        block = Block(0, ('<ol class="svdu-tracker">', *(rendered[i] for i in ids), "</ol>"), "../" * page.paged.own_path.count("/"), tuple(ids))
        yield replace(tracker_page(builder, items, page, facets[page.filters], block), in_sitemap=not page.filters and page.paged.number == 1, blocks=(block,))


def tracker_page(builder: PageBuilder, items: list[dict], page: TrackerPage, facets: list[dict], items_block: Block) -> Page:
    chosen = [(facet, value, facet_label(builder.corpus, items, facet, value)) for facet, value in page.filters]
    named = ", ".join(label for _, _, label in chosen)
    return builder.overview(
        page.paged.own_path,
        page_title("Oproepen" + (f": {named}" if chosen else ""), page.paged),
        "Oproepen en knelpunten" + (f": {named}" if chosen else ""),
        "Alles wat de rapporten vragen van de politiek, de opdrachtgever en partners, en elk deel van een voorbeeld dat zegt "
        "wat niet goed ging, wat anders moet of wat anders kan. Het nieuwste rapport eerst. Filter op jaar, thema, soort en "
        "aan wie het gericht is; het adres van de pagina bewaart de keuze, zodat u een gefilterde lijst kunt delen.",
        page_title("Alle oproepen en knelpunten uit de Stand van de uitvoering" + (f": {named}" if chosen else ""), page.paged) + ".",
        "calls.md",
        ("data/stand-van-de-uitvoering.json", "data/csv/calls.csv", "Alle oproepen"),
        page=page,
        chosen=[{"title": FACETS[f], "label": label, "remove": filter_path(with_filter(page.filters, f, None))} for f, _, label in chosen],
        facets=facets,
        paged=page.paged,
        items_block=items_block,
    )


def figures_pages(builder: PageBuilder) -> Iterator[Page]:
    for paged in paginate("cijfers/", newest_first(builder.corpus.figures)):
        yield builder.overview(
            paged.own_path,
            page_title("Cijfers", paged),
            "Cijfers uit de rapporten",
            "Getallen die in de tekst worden genoemd, ook in woorden (‘veertien teams’), met wat ze tellen en de zin waarin ze "
            "staan, het nieuwste rapport eerst. Jaartallen, datums en aantallen onderdelen van het rapport zelf (‘vier dilemma’s’) "
            "tellen niet mee.",
            page_title("Cijfers uit de Stand van de uitvoering met de zin waarin ze staan", paged) + ".",
            "figures.md",
            ("data/stand-van-de-uitvoering.json", "data/csv/figures.csv", "Alle cijfers"),
            paged=paged,
        )
