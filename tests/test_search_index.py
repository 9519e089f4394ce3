"""The site search's index as built (Pagefind): one record per paragraph or footnote, and nothing else.

The fragments the browser downloads are decoded and compared with the data; the browser side is
tests/test_search.py.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from stand.publish.corpus import Corpus
from stand.site.pagefind import UNUSED
from stand.site.search import heading_trail, search_records


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load(ROOT / "data")


def records_of(corpus: Corpus) -> dict[str, dict]:
    """Every paragraph and footnote by its id: text, headings above it, report page."""
    found = {}
    for report in corpus.reports:
        path = f"{report['organisation_id']}/{report['year']}/"
        for section in report["sections"]:
            for p in section["paragraphs"]:
                found[p["id"]] = {"text": p["text"], "heading": heading_trail(report, section), "path": path}
        for f in report["footnotes"]:
            found[f["id"]] = {"text": f["text"], "heading": f"Voetnoot {f['number']}", "path": path}
    return found


@pytest.fixture(scope="module")
def records(corpus) -> dict[str, dict]:
    return records_of(corpus)


def fragments(site: Path) -> list[dict]:
    """The index's records as the browser gets them: gzip, a signature, JSON."""
    out = []
    for path in sorted((site / "pagefind/fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), path
        out.append(json.loads(raw[len(b"pagefind_dcd") :]))
    return out


def record_id(url: str) -> str:
    """ "logius/2022/#anchor" (or a full address) -> the record id "logius-2022-anchor"."""
    match = re.search(r"([a-z0-9-]+)/(\d{4})/#(.+)$", url)
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"


# -- the index as built -----------------------------------------------------


def test_one_record_per_paragraph_and_footnote_and_nothing_else(site, corpus, records):
    """No theme, example, topic, calls, index or home page: report text only, each paragraph once, its words only."""
    indexed = fragments(site)
    assert len(indexed) == len(records) == len(list(search_records(corpus))) == 102
    assert {record_id(f["url"]) for f in indexed} == set(records)
    for fragment in indexed:
        record = records[record_id(fragment["url"])]
        # No "¶ link naar deze alinea", no footnote numbers: the text as in the data
        # (Pagefind ends a block with a full stop).
        assert fragment["content"] in (record["text"], record["text"] + "."), fragment["url"]
        assert fragment["meta"]["title"] == record["heading"]
        assert re.fullmatch(r"(\[\d+\]|\d+)(–(\[\d+\]|\d+))?", fragment["meta"]["page"]), (
            "the page alone: the result line prints 'p.' before it"
        )
        assert set(fragment["filters"]) == {"jaar", "organisatie", "thema", "rapport"}
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 102, "Dutch, so Dutch stemming"
    assert not any((site / "pagefind" / name).exists() for name in UNUSED)
    assert not (site / "search").exists(), "Material's search plugin (the whole lunr index on every page view) is gone"


def test_every_result_address_is_a_paragraph_on_its_report_page(site, records):
    pages = {}
    for fragment in fragments(site):
        path, anchor = fragment["url"].split("#")
        soup = pages.setdefault(
            path, BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        )
        target = soup.find(id=anchor)
        assert target is not None and target.name in ("p", "li"), fragment["url"]


def test_filter_choices_and_suggestions(site, corpus):
    aids = json.loads((site / "zoeken/zoekhulp.json").read_text(encoding="utf-8"))
    assert aids["filters"] == {
        "jaar": ["2023", "2022"],
        "thema": [t["title"] for t in corpus.themes] + ["Zonder thema"],
        "organisatie": ["Logius"],
    }
    topics = {s["url"]: s for s in aids["suggestions"] if s["kind"] == "Onderwerp"}
    assert set(topics) == {f"onderwerpen/{t['id']}/" for t in corpus.topics}
    assert all((site / url / "index.html").is_file() for url in topics)
    assert topics["onderwerpen/acict/"]["aliases"] == ["AcICT", "Adviescollege ICT-toetsing"]


def test_only_the_search_page_may_run_webassembly(site):
    """Pagefind's engine needs 'wasm-unsafe-eval'; no other page gets it. The header's field is a plain form on
    every page."""
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src")).split()
        assert ("'wasm-unsafe-eval'" in script_src) == (path == site / "zoeken/index.html"), path
        form = soup.select_one("header form[role=search]")
        assert form is not None and form.select_one("input[name=q]") is not None, path
    assert (
        BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(
            "header form[role=search]"
        )["action"]
        == "zoeken/"
    )
