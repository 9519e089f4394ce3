"""The plausibility gate: each check fires on its own evidence, and a reviewed exception is recorded."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, extract
from stand.errors import SourceError
from stand.extract import plausibility
from stand.extract.blocks import Block, PageBlocks

REPORTS = sorted((ROOT / "data/reports").glob("*.yaml"))


def good_report() -> dict:
    return yaml.safe_load((ROOT / "data/reports/logius-2023.yaml").read_text(encoding="utf-8"))


def source(labels: dict[int, int] | None = None, headings: list[bool | None] | None = None) -> PageBlocks:
    blocks = [Block(["x"], 1, heading) for heading in headings or [None]]
    return PageBlocks(blocks=blocks, pages=10, source_words=100, labels=labels or {})


def problems(report: dict, blocks: PageBlocks) -> list[str]:
    with pytest.raises(SourceError) as raised:
        plausibility.check(report, blocks, {}, "r.pdf")
    return raised.value.problems


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_every_committed_report_accounts_for_every_word(path):
    coverage = yaml.safe_load(path.read_text(encoding="utf-8"))["coverage"]
    parts = ("paragraphs", "headings", "footnotes", "signature", "list_markers")
    assert (
        sum(coverage[k] for k in parts) + sum(coverage["furniture"].values())
        == coverage["accounted"]
        == coverage["source_words"]
    )
    assert coverage["share"] == 1.0


def test_the_committed_reports_pass():
    assert plausibility.check(good_report(), source({9: 10}), {}, "r.txt") == ({}, [])


def test_page_labels_that_go_back_or_past_the_end():
    assert problems(good_report(), source({3: 7, 4: 6, 5: 12})) == [
        "page 4: the printed page number 6 does not follow 7 [page-labels]",
        "page 5: the printed page number 12 is past the last page (10) [page-labels]",
    ]


def test_a_pdf_without_any_heading():
    assert problems(good_report(), source(headings=[False, False])) == [
        "no line reads as a heading by size, weight or position [no-headings]"
    ]


def test_an_example_without_text_or_parts():
    report = good_report()
    illustration = next(s for s in report["sections"] if s["kind"] == "illustration")
    illustration["paragraphs"] = []
    assert problems(report, source()) == [
        "page 5: the example 'Illustratie: op weg naar een haalbaar Stelsel Toegang' has no text and no parts "
        "[example-without-parts]"
    ]


def test_lost_words_and_too_much_furniture():
    report = good_report()
    report["coverage"] |= {
        "accounted": 2000,
        "share": 0.7151,
        "furniture": {"running header or footer": 900},
        "paragraphs": 1800,
    }
    assert problems(report, source()) == [
        "797 of 2797 words are not accounted for [unaccounted-words]",
        "32% of the words were set aside as furniture (running header or footer: 900), "
        "most on page 1 (front matter before "
        "the first heading: 37 words), page 9 (printed page number: 1 words) [furniture-share]",
    ]


def test_too_little_in_paragraphs():
    report = good_report()
    report["coverage"] |= {"paragraphs": 2000, "headings": 754}
    assert problems(report, source()) == [
        "only 72.5% of the text is in paragraphs (at least 90% expected) [paragraph-share]"
    ]


def test_a_reviewed_exception_is_accepted_and_recorded(project, capsys):
    manifest = project / "data/sources.yaml"
    doc = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    doc["reports"][1]["accept"] = {"furniture-share": "reviewed: the cover is long", "page-labels": "reviewed"}
    manifest.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert extract(project) == 0
    assert (
        "warning: logius-2023: accept: 'furniture-share' in data/sources.yaml is no longer needed [accept-unneeded]: "
        "remove it from accept: in data/sources.yaml" in capsys.readouterr().err
    )
    doc["reports"][1]["accept"] = {"no-such-check": "x"}
    manifest.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert extract(project) == 2
    assert "report #2 (logius-2023): accept must map check or review item names" in capsys.readouterr().err


def test_an_accepted_problem_is_written_into_the_report(project):
    source_file = project / "data/sources/logius-2023.txt"
    source_file.write_text(
        source_file.read_text(encoding="utf-8").replace(
            "onderzoek en verantwoording. 10", "onderzoek en verantwoording. 99"
        ),
        encoding="utf-8",
    )
    assert extract(project) == 2
    manifest = project / "data/sources.yaml"
    doc = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    doc["reports"][1]["accept"] = {"page-labels": "reviewed: the export dropped 89 pages of annexes"}
    manifest.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert extract(project) == 0
    report = yaml.safe_load((project / "data/reports/logius-2023.yaml").read_text(encoding="utf-8"))
    assert report["accepted"] == {"page-labels": "reviewed: the export dropped 89 pages of annexes"}
    assert list(report)[-5:] == ["accepted", "coverage", "repairs", "furniture", "review"]
