"""The pages of figures: every number stated in the reports, in pages of at most
:data:`~stand.site.paging.PAGE_SIZE`, the newest report first."""

from __future__ import annotations

from collections.abc import Iterator

from .page import Builder, Page, newest_first, page_title
from .paging import paginate


def figure_pages(builder: Builder) -> Iterator[Page]:
    for paged in paginate("cijfers/", newest_first(builder.corpus.figures)):
        yield builder.overview(
            paged.own_path,
            page_title("Cijfers", paged),
            "Cijfers uit de rapporten",
            "Getallen die in de tekst worden genoemd, ook in woorden (‘veertien teams’), met wat ze tellen en de zin "
            "waarin ze staan, het nieuwste rapport eerst. Jaartallen, datums en aantallen onderdelen van het rapport "
            "zelf (‘vier dilemma’s’) tellen niet mee.",
            page_title("Cijfers uit de Stand van de uitvoering met de zin waarin ze staan", paged) + ".",
            "figures.md",
            ("data/stand-van-de-uitvoering.json", "data/csv/figures.csv", "Alle cijfers"),
            paged=paged,
        )
