"""The tracker of asks and problems and its pages: every call ("oproep"), and every part of an example that says what
went wrong, what must change or what could change ("knelpunt"), filterable by year, theme, kind and addressee.

The words are the same everywhere on the site: "oproepen" are the calls and only the calls (the home page, a report's
line and the tracker count the same set), "knelpunten" are those parts of examples. Only a call is addressed to
anyone, so the addressee facet counts calls alone.

Filters are facets in the address (``/oproepen/jaar-2023/soort-oproep/``), and every combination
that holds an item is a page rendered at build time, split into pages of :data:`~stand.site.paging.PAGE_SIZE`, so a
filtered view can be shared, works without JavaScript and stays light however many reports there
are. An item is in at most 2⁴ × (its addressees) combinations, so the pages grow linearly with the
items, never with their product.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import combinations

from ..model import slug
from ..publish.corpus import Corpus
from .blocks import PORTABLE_BASE, Block
from .page import Builder, Page, page_title
from .paging import Paged, numbered_path, paginate
from .render import PART_LABELS, count

ROOT = "oproepen/"
KINDS = {
    "oproep": "Oproep",
    "niet-goed": "Wat ging niet goed?",
    "moet-anders": "Wat moet anders?",
    "kan-anders": "Wat kan anders?",
}
PART_KIND = {"went_wrong": "niet-goed", "must_change": "moet-anders", "could_change": "kan-anders"}
FACETS = {"jaar": "Jaar", "thema": "Thema", "soort": "Soort", "aan": "Gericht aan"}
FACET_HEADINGS = FACETS | {"aan": "Gericht aan (alleen oproepen)"}  # above a facet's values: what it counts
NOBODY = "niet-genoemd"

Filters = tuple[tuple[str, str], ...]  # (facet, value) pairs in the order of FACETS


@dataclass(frozen=True)
class TrackerPage:
    """One page of one filter combination: the filters and the page of the items they select."""

    filters: Filters
    paged: Paged[dict]
    matching: list[dict]  # every item of the combination, on this page or another


def filter_path(filters: Filters, number: int = 1) -> str:
    """The address of a filter combination's page.

    >>> filter_path((("jaar", "2023"), ("soort", "oproep")), 2)
    'oproepen/jaar-2023/soort-oproep/pagina-2/'
    >>> filter_path(())
    'oproepen/'
    """
    return numbered_path(ROOT + "".join(f"{facet}-{value}/" for facet, value in filters), number)


def tracker_items(corpus: Corpus) -> list[dict]:
    """Every call and every went-wrong, must-change and could-change part, the newest report first."""
    items = []
    for report in sorted(corpus.reports, key=lambda r: (-r["year"], r["id"])):
        position = {p["id"]: index for index, p in enumerate(p for s in report["sections"] for p in s["paragraphs"])}
        found = []
        for call in report["calls"]:
            names = {slug(a): a for a in call["addressees"]} or {NOBODY: "niet genoemd"}
            entry = item(call["id"], "oproep", report, call["theme"], names, call["example"], [call["paragraph"]])
            found.append(entry | {"call": call, "context": report["call_contexts"][call["id"]]})
        for example in report["examples"]:
            for part, kind in PART_KIND.items():
                if example[part]:
                    entry = item(
                        f"{example['id']}-{part.replace('_', '-')}",
                        kind,
                        report,
                        example["theme"],
                        {},  # a part of an example asks nobody anything: it is in no addressee's list
                        example["id"],
                        example[part],
                    )
                    found.append(entry | {"heading": example["part_headings"].get(part, PART_LABELS[part])})
        items += sorted(found, key=lambda entry: position[entry["paragraphs"][0]])
    return items


def item(
    item_id: str,
    kind: str,
    report: dict,
    theme: str | None,
    addressees: dict[str, str],
    example: str | None,
    paragraphs: list[str],
) -> dict:
    return {
        "id": item_id,
        "kind": kind,
        "report": report,
        "year": report["year"],
        "theme": theme,
        "addressees": addressees,
        "example": example,
        "paragraphs": paragraphs,
        "call": None,
        "context": None,
        "heading": KINDS[kind],
    }


def tally(items: list[dict]) -> str:
    """How many calls and problems a list holds, each kind by its own name.

    >>> tally([{"kind": "oproep"}] * 16 + [{"kind": "niet-goed"}] * 9), tally([{"kind": "kan-anders"}])
    ('16 oproepen en 9 knelpunten', '1 knelpunt')
    """
    calls = sum(1 for entry in items if entry["kind"] == "oproep")
    problems = len(items) - calls
    said = [count(calls, "oproep", "oproepen")] if calls else []
    said += [count(problems, "knelpunt", "knelpunten")] if problems else []
    return " en ".join(said) or "geen oproepen of knelpunten"


def facet_values(entry: dict) -> dict[str, list[str]]:
    """The values an item has for each facet (several addressees: several values)."""
    return {
        "jaar": [str(entry["year"])],
        "thema": [entry["theme"] or "zonder-thema"],
        "soort": [entry["kind"]],
        "aan": list(entry["addressees"]),
    }


def combinations_of(entry: dict) -> Iterator[Filters]:
    """Every filter combination an item belongs to, the empty one (everything) included."""
    values = facet_values(entry)
    for size in range(len(FACETS) + 1):
        for facets in combinations(FACETS, size):
            yield from expand(facets, values)


def expand(facets: tuple[str, ...], values: dict[str, list[str]]) -> Iterator[Filters]:
    if not facets:
        yield ()
        return
    for rest in expand(facets[1:], values):
        for value in values[facets[0]]:
            yield ((facets[0], value), *rest)


def tracker_pages(items: list[dict]) -> list[TrackerPage]:
    """Every page of every filter combination that holds an item, in a fixed order."""
    grouped: dict[Filters, list[dict]] = {}
    for entry in items:
        for filters in combinations_of(entry):
            grouped.setdefault(filters, []).append(entry)
    return [
        TrackerPage(filters, paged, grouped[filters])
        for filters in sorted(grouped)
        for paged in paginate(filter_path(filters), grouped[filters])
    ]


def facet_label(corpus: Corpus, items: list[dict], facet: str, value: str) -> str:
    """How a facet value reads on the page."""
    if facet == "thema":
        return corpus.theme_by_id[value]["title"] if value in corpus.theme_by_id else "Zonder thema"
    if facet == "soort":
        return KINDS[value]
    if facet == "aan":
        return next(entry["addressees"][value] for entry in items if value in entry["addressees"])
    return value


def facets_of(corpus: Corpus, page: TrackerPage, items: list[dict]) -> list[dict]:
    """The facet links of a page: each value its items have, with a count, linking to that filter added."""
    chosen = dict(page.filters)
    facets = []
    for facet in FACETS:
        counts: dict[str, int] = {}
        holding: dict[str, list[dict]] = {}
        for entry in page.matching:
            for value in facet_values(entry)[facet]:
                counts[value] = counts.get(value, 0) + 1
                holding.setdefault(value, []).append(entry)
        order = sorted(counts, reverse=facet == "jaar", key=lambda v: (facet_label(corpus, items, facet, v).lower(), v))
        values = [
            {
                "label": facet_label(corpus, items, facet, v),
                # "(7 oproepen, 9 knelpunten)": a count says what it counts, except where the facet is the kind
                # itself, and a count of calls alone (the addressee) is a count of oproepen
                "count": str(counts[v]) if facet in ("soort", "aan") else tally(holding[v]).replace(" en ", ", "),
                "path": filter_path(with_filter(page.filters, facet, v)),
                "current": chosen.get(facet) == v,
            }
            for v in order
        ]
        facets.append({"facet": facet, "title": FACET_HEADINGS[facet], "options": values, "chosen": facet in chosen})
    return facets


def examples_word(report: dict) -> tuple[str, str]:
    """What a report calls its examples, singular and plural: illustrations where every one is an illustration."""
    if report["examples"] and all(e["kind"] == "illustration" for e in report["examples"]):
        return "illustratie", "illustraties"
    return "voorbeeld", "voorbeelden"


def without_parts(corpus: Corpus) -> list[dict]:
    """The reports whose examples are not divided into what went well, went wrong and must change: no problems."""
    return [r for r in corpus.reports if r["examples"] and not any(e[k] for e in r["examples"] for k in PART_KIND)]


def why_empty(corpus: Corpus, filters: Filters) -> list[str]:
    """Why a view holds no problems (knelpunten) from a year whose report has them nowhere: a reader should not
    conclude that nothing went wrong that year."""
    chosen = dict(filters)
    organisations = len({r["organisation_id"] for r in corpus.reports})
    notes = []
    lacking = without_parts(corpus)
    lacking_ids = {r["id"] for r in lacking}
    having = sorted({str(r["year"]) for r in corpus.reports if r["id"] not in lacking_ids and r["examples"]})
    for report in lacking:
        name = str(report["year"]) if organisations == 1 else f"{report['organisation']} {report['year']}"
        word = examples_word(report)[1]
        why = (
            f"het rapport van {name} deelt zijn {word} niet op in wat goed ging, wat niet goed ging en wat anders "
            "moet, dus het heeft geen knelpunten."
        )
        if chosen.get("jaar") == str(report["year"]) and "soort" not in chosen:
            notes.append(f"Uit {report['year']} staan hier alleen oproepen: {why}")
        elif "jaar" not in chosen and chosen.get("soort") != "oproep":
            if having:
                years = " en ".join([", ".join(having[:-1]), having[-1]] if len(having) > 1 else having)
                notes.append(f"Knelpunten komen alleen uit {years}: {why}")
    return notes


def with_filter(filters: Filters, facet: str, value: str | None) -> Filters:
    """The filters with one facet set to a value (or removed), in the canonical order of FACETS.

    >>> with_filter((("soort", "oproep"),), "jaar", "2023")
    (('jaar', '2023'), ('soort', 'oproep'))
    >>> with_filter((("jaar", "2023"), ("soort", "oproep")), "jaar", None)
    (('soort', 'oproep'),)
    """
    chosen = dict(filters) | {facet: value}
    return tuple((f, chosen[f]) for f in FACETS if chosen.get(f) is not None)


def tracker_pages_of(builder: Builder) -> Iterator[Page]:
    """The tracker's pages: one per filter combination and page number.

    Each item is rendered once (see :mod:`stand.site.blocks`) and shown on every page it belongs to.
    """
    items = tracker_items(builder.corpus)
    portable = builder.view(PORTABLE_BASE)
    template = builder.env.get_template("tracker_item.html")
    rendered = {entry["id"]: template.render(view=portable, item=entry) for entry in items}
    facets: dict[Filters, list[dict]] = {}  # the same for every page of a combination
    why: dict[Filters, list[str]] = {}
    for page in tracker_pages(items):
        if page.filters not in facets:
            facets[page.filters] = facets_of(builder.corpus, page, items)
            why[page.filters] = why_empty(builder.corpus, page.filters)
        ids = [entry["id"] for entry in page.paged.items]
        html = ('<ol class="svdu-tracker">', *(rendered[i] for i in ids), "</ol>")
        block = Block(0, html, "../" * page.paged.own_path.count("/"))
        made = tracker_page(builder, items, page, facets[page.filters], why[page.filters], block)
        yield replace(made, in_sitemap=not page.filters and page.paged.number == 1)


def tracker_page(
    builder: Builder, items: list[dict], page: TrackerPage, facets: list[dict], why: list[str], items_block: Block
) -> Page:
    chosen = [(facet, value, facet_label(builder.corpus, items, facet, value)) for facet, value in page.filters]
    named = ": " + ", ".join(label for _, _, label in chosen) if chosen else ""
    return builder.overview(
        page.paged.own_path,
        page_title("Oproepen" + named, page.paged),
        "Oproepen en knelpunten" + named,
        "Alles wat de rapporten vragen van de politiek, de opdrachtgever en partners (de oproepen), en elk deel van "
        "een voorbeeld dat zegt wat niet goed ging, wat anders moet of wat anders kan (de knelpunten). Het nieuwste "
        "rapport eerst. Filter op jaar, thema, soort en aan wie het gericht is; het adres van de pagina bewaart de "
        "keuze, zodat u een gefilterde lijst kunt delen.",
        page_title("Alle oproepen en knelpunten uit de Stand van de uitvoering" + named, page.paged) + ".",
        "calls.md",
        ("data/stand-van-de-uitvoering.json", "data/csv/calls.csv", "Alle oproepen"),
        page=page,
        chosen=[
            {"title": FACETS[f], "label": label, "remove": filter_path(with_filter(page.filters, f, None))}
            for f, _, label in chosen
        ],
        facets=facets,
        paged=page.paged,
        tally=tally(page.matching),
        why=why,
        items_block=items_block,
        blocks=(items_block,),
    )
