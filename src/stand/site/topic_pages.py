"""The pages of topics: the topics index, and every mention of a topic (in pages of at most
:data:`~stand.site.paging.PAGE_SIZE` sentences, the newest report first)."""

from __future__ import annotations

from collections.abc import Iterator

from ..publish.urls import topic_path
from .page import Builder, Page, newest_first, page_title
from .paging import paginate


def topic_pages(builder: Builder) -> Iterator[Page]:
    corpus = builder.corpus
    yield builder.overview(
        "onderwerpen/",
        "Onderwerpen",
        "Onderwerpen",
        "Voorzieningen, organisaties en programma’s die in de rapporten worden genoemd, met het aantal alinea’s waarin "
        "ze voorkomen.",
        "Onderwerpen als DigiD, AcICT en MIDO: waar ze in de rapporten worden genoemd.",
        "topics_index.md",
        ("data/stand-van-de-uitvoering.json", "data/csv/mentions.csv", "Alle vermeldingen"),
        topics=sorted(corpus.topics, key=lambda t: t["name"].lower()),
    )
    for topic in corpus.topics:
        mentions = [m for report in corpus.reports for m in report["mentions"] if m["topic"] == topic["id"]]
        sentences = list(
            {(m["paragraph"], m["footnote"], m["sentence"]): m for m in mentions}.values()
        )  # one line each
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
