"""Pages stay bounded as the corpus grows: the committed reports copied for six organisations
(the genre's shape: many organisations, the same themes) still give pages of at most 50 items,
one comparison per organisation, and no id used twice on a page."""

from __future__ import annotations

import copy
import re
from collections import Counter

import pytest

from conftest import ROOT
from stand.publish.corpus import Corpus
from stand.site.pages import all_pages

ORGANISATIONS = ["logius", "rdw", "svb", "duo", "uwv", "cak"]


def renamed(value: object, organisation: str) -> object:
    """A record of data/ as if another organisation had published it: ids, links and names."""
    if isinstance(value, dict):
        return {renamed(k, organisation): renamed(v, organisation) for k, v in value.items()}
    if isinstance(value, list):
        return [renamed(v, organisation) for v in value]
    if isinstance(value, str):
        return (
            value.replace("logius-", f"{organisation}-").replace("Logius", organisation.upper())
            if value != "logius"
            else organisation
        )
    return value


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    real = Corpus.load(ROOT / "data")
    reports = [renamed(copy.deepcopy(r), o) for o in ORGANISATIONS for r in real.reports]
    themes = copy.deepcopy(real.themes)
    for theme in themes:
        theme["headings"] = [renamed(h, o) for o in ORGANISATIONS for h in theme["headings"]]
    corpus = Corpus(reports=sorted(reports, key=lambda r: (r["year"], r["id"])), themes=themes, topics=real.topics)
    return {page.path: page.text() for page in all_pages(corpus, "https://example.org/")}


def test_every_list_page_holds_at_most_fifty_items(pages):
    assert len(re.findall(r'<tr id="', pages["cijfers/index.md"])) == 50
    assert len(re.findall(r'<tr id="', pages["cijfers/pagina-2/index.md"])) == 14 * 6 - 50
    assert "Pagina 2 van 2" in pages["cijfers/pagina-2/index.md"]
    assert len(re.findall(r"<tr\b[^>]* data-theme=", pages["voorbeelden/index.md"])) == 50
    assert len(re.findall(r"<tr\b[^>]* data-theme=", pages["voorbeelden/pagina-2/index.md"])) == 11 * 6 - 50
    assert len(re.findall(r'<li id="', pages["oproepen/index.md"])) == 50
    digid = [p for p in pages if p.startswith("onderwerpen/digid/")]
    assert len(digid) > 1 and all(len(re.findall(r"<li>“", pages[p])) <= 50 for p in digid)


def test_a_theme_of_several_organisations_is_one_comparison_each(pages):
    index = pages["themas/arbeidsmarkt-en-ambitie/index.md"]
    assert "6 organisaties schreven over dit thema" in index
    assert re.findall(r'href="../../themas/arbeidsmarkt-en-ambitie/(\w+)/">', index) == sorted(ORGANISATIONS)
    rdw = pages["themas/arbeidsmarkt-en-ambitie/rdw/index.md"]
    assert re.findall(r'data-column="([\w-]+)" data-year', rdw) == ["rdw-2022", "rdw-2023"]
    assert "Lees het hoofdstuk in het rapport" in rdw


def test_no_page_uses_an_id_twice(pages):
    for path, markdown in pages.items():
        ids = re.findall(r'\sid="([^"]+)"', markdown) + re.findall(r"\{ #([\w-]+)", markdown)
        twice = [i for i, n in Counter(ids).items() if n > 1]
        assert twice == [], (path, twice)
