"""The tracker splits every filter combination into pages of at most 50 items, in a fixed order."""

from __future__ import annotations

from stand.site.paging import PAGE_SIZE
from stand.site.tracker import combinations_of, filter_path, tracker_pages


def entry(n: int, year: int, addressees: tuple[str, ...]) -> dict:
    return {
        "id": f"item-{n:03d}",
        "year": year,
        "theme": None,
        "kind": "oproep",
        "addressees": dict.fromkeys(addressees, ""),
    }


def test_an_item_with_two_addressees_is_in_every_combination_once_per_addressee():
    found = list(combinations_of(entry(1, 2023, ("politiek", "beleid"))))
    assert len(found) == len(set(found)) == 24  # 8 combinations without "aan", 16 with one of 2 addressees
    assert (
        () in found and (("jaar", "2023"), ("thema", "zonder-thema"), ("soort", "oproep"), ("aan", "beleid")) in found
    )


def test_pages_hold_at_most_fifty_items_and_keep_their_order():
    items = [entry(n, 2023 if n < 70 else 2022, ("politiek",)) for n in range(120)]
    pages = tracker_pages(items)
    everything = [p for p in pages if p.filters == ()]
    assert [(p.paged.own_path, len(p.paged.items)) for p in everything] == [
        ("oproepen/", 50),
        ("oproepen/pagina-2/", 50),
        ("oproepen/pagina-3/", 20),
    ]
    assert [i["id"] for p in everything for i in p.paged.items] == [i["id"] for i in items]
    year_2022 = [p for p in pages if p.filters == (("jaar", "2022"),)]
    assert [(p.paged.own_path, p.paged.number, p.paged.pages, len(p.paged.items)) for p in year_2022] == [
        ("oproepen/jaar-2022/", 1, 1, 50)
    ]
    assert max(len(p.paged.items) for p in pages) == PAGE_SIZE
    assert filter_path((("jaar", "2022"),), 3) == "oproepen/jaar-2022/pagina-3/"
