"""The pages of examples: the examples index (in pages of at most :data:`~stand.site.paging.PAGE_SIZE`)
and a page per example, with links to the previous and next example of its organisation on its theme."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import PART_KINDS
from ..publish.urls import example_path
from .page import Builder, Page, newest_first, page_title
from .paging import paginate
from .render import KIND_LABELS, PART_LABELS, count
from .tracker import examples_word, without_parts


def example_pages(builder: Builder) -> Iterator[Page]:
    corpus = builder.corpus
    for paged in paginate("voorbeelden/", newest_first(corpus.examples)):
        yield builder.overview(
            paged.own_path,
            page_title("Voorbeelden", paged),
            "Voorbeelden en illustraties",
            "Alle blokken ‘Voorbeeld:’ en ‘Illustratie:’ uit de rapporten, het nieuwste rapport eerst. Sommige "
            "rapporten verdelen hun voorbeelden in wat goed ging, wat niet goed ging en wat anders moet; andere geven "
            "ze als doorlopende tekst.",
            page_title(
                "Alle voorbeelden en illustraties uit de Stand van de uitvoering, "
                "te filteren op thema, jaar en uitkomst",
                paged,
            )
            + ".",
            "examples_index.md",
            ("data/stand-van-de-uitvoering.json", "data/csv/examples.csv", "Alle voorbeelden"),
            themes=corpus.themes,
            years=corpus.years,
            paged=paged,
            part_headers=[PART_LABELS[k] for k in PART_KINDS],
            undivided=undivided(corpus),
        )
    same_theme: dict[tuple[str, str | None], list[str]] = {}  # an organisation's examples of a theme, in order
    for example in corpus.examples:
        organisation = corpus.report_by_id[example["report"]]["organisation_id"]
        same_theme.setdefault((organisation, example["theme"]), []).append(example["id"])
    for example in corpus.examples:
        yield example_page(builder, example, same_theme)


def undivided(corpus) -> list[dict]:
    """The years whose report does not divide its examples into parts: the filter "Bevat" finds nothing there, and
    the page says so rather than show an empty table."""
    found = []
    for report in without_parts(corpus):
        word = examples_word(report)
        found.append({"year": report["year"], "word": word[1], "all": count(len(report["examples"]), *word)})
    return found


def example_page(builder: Builder, example: dict, same_theme: dict[tuple[str, str | None], list[str]]) -> Page:
    corpus = builder.corpus
    report = corpus.report_by_id[example["report"]]
    parts = [
        {
            "heading": example["part_headings"].get(kind, PART_LABELS[kind]),
            "anchor": kind.replace("_", "-"),
            "paragraphs": example[kind],
        }
        for kind in PART_KINDS
        if example[kind]
    ]
    neighbours = same_theme[(report["organisation_id"], example["theme"])]
    position = neighbours.index(example["id"])
    title = f"{example['title']} ({report['organisation']} {example['year']})"
    description = f"{KIND_LABELS[example['kind']]} uit {report['organisation']}, {report['title']}: {example['title']}."
    return builder.render(
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
        previous=corpus.example_by_id[neighbours[position - 1]] if position > 0 else None,
        next=corpus.example_by_id[neighbours[position + 1]] if position + 1 < len(neighbours) else None,
    )
