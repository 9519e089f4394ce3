"""Citations that work: each reference rendered by a citation processor (citeproc-py) and its text checked.

The dataset and every report are published as BibTeX and CSL-JSON; a corporate author must stay one
name (not "van Stand..., O."), the dataset's version and address must be in what a reader copies, and a
report points to its own address or says it is unknown, never to a page of this site.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT
from stand.publish.citation import bibtex, csl_json
from stand.publish.corpus import Corpus
from stand.publish.dataset import build_files
from stand.publish.versions import data_digest, dataset_version

citeproc = pytest.importorskip("citeproc")
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter  # noqa: E402
from citeproc.source.bibtex import BibTeX  # noqa: E402
from citeproc.source.json import CiteProcJSON  # noqa: E402

BASE = "https://example.test/stand/"
STYLE = "harvard-cite-them-right"  # the style citeproc-py ships (author-date, like APA)
MAINTAINERS = "Onderhouders van Stand van de uitvoering als open data"


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    version = dataset_version(ROOT / "CHANGELOG.md", data_digest(ROOT / "data"))
    return build_files(ROOT, BASE, Corpus.load(ROOT / "data"), version)


def rendered(source) -> str:  # noqa: ANN001 - a citeproc source
    """The bibliography entry of the source's one item, as plain text."""
    style = CitationStylesStyle(STYLE, validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    [key] = list(source)
    bibliography.register(Citation([CitationItem(key)]))
    [entry] = bibliography.bibliography()
    return re.sub(r"\s+", " ", str(entry))


def from_bibtex(text: bytes) -> BibTeX:
    with tempfile.NamedTemporaryFile("wb", suffix=".bib", delete=False) as handle:
        handle.write(text)
    try:
        return BibTeX(handle.name, encoding="utf-8")
    finally:
        Path(handle.name).unlink()


def test_the_dataset_cites_with_its_corporate_author_version_and_address(files):
    version = json.loads(files["stand-van-de-uitvoering.json"])["version"]
    text = files["citeren/stand-van-de-uitvoering.bib"].decode("utf-8")
    key = re.match(r"@misc\{([^,]+),", text).group(1)
    assert key.startswith("stand-van-de-uitvoering-") and key != "YourReferenceHere"
    assert "author = {{" + MAINTAINERS + "}}" in text, "double braces: one corporate name"
    assert f"version = {{{version}}}" in text and f"url = {{{BASE}data/}}" in text
    from_bib = rendered(from_bibtex(files["citeren/stand-van-de-uitvoering.bib"]))
    assert from_bib.startswith(MAINTAINERS), from_bib
    from_csl = rendered(CiteProcJSON(json.loads(files["citeren/stand-van-de-uitvoering.json"])))
    assert from_csl.startswith(MAINTAINERS), from_csl
    assert "Stand van de uitvoering als open data" in from_csl.removeprefix(MAINTAINERS)
    assert f"{BASE}data/" in from_csl and version in from_csl, from_csl


def test_a_report_cites_its_own_address_or_says_it_is_unknown():
    report = next(r for r in Corpus.load(ROOT / "data").reports if r["id"] == "logius-2023")
    [item] = json.loads(csl_json(report, BASE))
    assert item["note"] == "Adres van het oorspronkelijke rapport: onbekend" and "URL" not in item
    unknown = rendered(CiteProcJSON([item]))
    assert unknown.startswith("Logius (2023) Stand van de uitvoering 2023"), unknown
    assert "http" not in unknown, "no address rather than this site's page"
    assert "note = {Adres van het oorspronkelijke rapport: onbekend}" in bibtex(report, BASE)
    report["source"]["url"] = "https://www.logius.nl/stand-2023.pdf"
    known = rendered(CiteProcJSON(json.loads(csl_json(report, BASE))))
    assert "https://www.logius.nl/stand-2023.pdf" in known and "onbekend" not in known, known
    from_bib = rendered(from_bibtex(bibtex(report, BASE).encode("utf-8")))
    assert from_bib.startswith("Logius (2023)"), "one corporate name, not a person's"
    assert "url = {https://www.logius.nl/stand-2023.pdf}" in bibtex(report, BASE)


def test_a_brace_in_a_manifest_field_can_neither_end_a_bibtex_field_nor_start_an_entry():
    """A title or organisation with an unbalanced brace (the hostile probe's '} @misc{x,') stays one entry."""
    report = {
        "id": "evil-2022",
        "organisation": "Evil }@ Co",
        "title": 'Stand 2023 "}]]> {{7*7}} @misc{x, \\input{/etc/passwd}',
        "subtitle": None,
        "year": 2022,
        "source": {"url": None, "publisher": "Uitgever {"},
    }
    entry = bibtex(report, "https://example.test/")
    depth, lowest = 0, 0
    for character in entry:
        depth += {"{": 1, "}": -1}.get(character, 0)
        lowest = min(lowest, depth)
    assert depth == 0 and lowest == 0, entry
    assert entry.count("@") == 3 and entry.startswith("@techreport{evil-2022,")  # the type and two literal @s
    assert "\\input" not in entry.replace("\\textbackslash{}input", "")
