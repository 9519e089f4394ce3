"""PDFs from other producers read exactly as the text path: a browser print and a designed layout.

The generators in tests/pdfs/ were written by someone who had not read the
reader, from the reviewed data; variant c was added after the reader was
written, and the reader was not changed for it. Each PDF must give the same
sections, paragraphs, examples with their parts, footnotes and signatory as
the committed data, with its own printed page numbers read per page, and
every word accounted for.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT
from pdfs.browser_print import make_browser_print
from pdfs.designed_layout import make_designed_layout
from stand.derive import derive_records, load_curation
from stand.extract.manifest import Source
from stand.extract.report import extract_report
from stand.extract.vocabulary import load_vocabulary

PRODUCERS = {"browser": make_browser_print, "designed": make_designed_layout}
CASES = [(producer, variant, year) for producer in PRODUCERS for variant in ("a", "b", "c") for year in (2022, 2023)]


def facts(report: dict) -> dict:
    """What must be the same whichever way the report was read."""
    return {
        "outline": [(s["id"], s["kind"], s["heading"], s["theme"], s["parent"]) for s in report["sections"]],
        "paragraphs": [(p["id"], p["text"]) for s in report["sections"] for p in s["paragraphs"]],
        "footnotes": [(f["id"], f["number"], f["text"]) for f in report["footnotes"]],
        "examples": [
            (e["id"], e["paragraphs"], e["went_well"], e["went_wrong"], e["must_change"]) for e in report["examples"]
        ],
        "signatory": report["signatory"] and (report["signatory"]["name"], report["signatory"]["role"]),
    }


@pytest.fixture(scope="session")
def produced(tmp_path_factory) -> dict[tuple[str, str, int], dict]:
    """Every case's PDF made once, then read by the production path."""
    folder = tmp_path_factory.mktemp("producers")
    vocabulary, curation = load_vocabulary(ROOT / "data"), load_curation(ROOT / "data/curation.yaml")
    reports = {}
    for producer, variant, year in CASES:
        pdf = PRODUCERS[producer](
            ROOT / f"data/reports/logius-{year}.yaml", folder / f"{producer}-{variant}-{year}.pdf", variant
        )
        source = Source(
            id=f"logius-{year}",
            organisation="Logius",
            organisation_id="logius",
            year=year,
            title=f"Stand van de uitvoering {year}",
            subtitle=None,
            file=pdf.name,
            url=None,
            license="test",
            path=pdf,
        )
        reports[producer, variant, year] = derive_records(
            extract_report(source, vocabulary), vocabulary.topics, curation
        )
    return reports


@pytest.mark.browser
@pytest.mark.parametrize(("producer", "variant", "year"), CASES, ids=[f"{p}-{v}-{y}" for p, v, y in CASES])
def test_a_pdf_reads_as_the_reviewed_text(produced, producer, variant, year):
    report = produced[producer, variant, year]
    committed = yaml.safe_load((ROOT / f"data/reports/logius-{year}.yaml").read_text(encoding="utf-8"))
    got, want = facts(report), facts(committed)
    assert [key for key in want if got[key] != want[key]] == []
    assert report["coverage"]["share"] == 1.0


@pytest.mark.browser
@pytest.mark.parametrize(("producer", "variant", "year"), CASES, ids=[f"{p}-{v}-{y}" for p, v, y in CASES])
def test_printed_page_numbers_are_read_page_by_page(produced, producer, variant, year):
    report = produced[producer, variant, year]
    pages = report["source"]["pages"]
    labelled = {p["pdf_page"]: p["page"] for s in report["sections"] for p in s["paragraphs"]}
    first = 2 if producer == "designed" else 1  # the designed report's cover prints no number
    assert report["source"]["printed_page_numbers"] == pages - first + 1
    assert all(page == pdf_page for pdf_page, page in labelled.items()), "every page prints its own number"
    reasons = {f["reason"] for f in report["furniture"]}
    assert "printed page number" in reasons and ("contents page" in reasons) == (producer == "designed")


def page_of(report: dict, paragraph_id: str) -> int:
    return next(p["pdf_page"] for s in report["sections"] for p in s["paragraphs"] if p["id"] == paragraph_id)


@pytest.mark.browser
def test_designed_layout_sets_aside_cover_and_contents(produced):
    report = produced["designed", "a", 2022]
    contents = {f["text"] for f in report["furniture"] if f["reason"] == "contents page"}
    assert "Inhoud" in contents and any(line.startswith("Inleiding . . .") and line.endswith(" 3") for line in contents)
    front = [f["text"] for f in report["furniture"] if f["reason"] == "front matter before the first heading"]
    assert "Stand van de uitvoering 2022" in front
    assert page_of(report, "logius-2022-logius-gelooft-in-een-overheid-die") == 3
    footnote = report["footnotes"][0]
    assert (footnote["number"], footnote["pdf_page"]) == (1, 3)
    first = next(
        p
        for s in report["sections"]
        for p in s["paragraphs"]
        if p["id"] == "logius-2022-logius-gelooft-in-een-overheid-die"
    )
    assert first["footnotes"] == [{"footnote": "logius-2022-voetnoot-1-per-1-januari-2023", "number": 1, "offset": 6}]
