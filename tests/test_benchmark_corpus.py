"""The benchmark corpus (scripts/benchmark_corpus.py) and what it exposes: code that only works for Logius.

Five reports: the two real ones and three of a made-up organisation, whose
texts name that organisation where the real ones say "Logius".
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
import yaml

from conftest import ROOT, extract
from stand.publish.corpus import Corpus
from stand.site.page import Builder
from stand.site.theme_pages import one_theme


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("benchmark_corpus", ROOT / "scripts" / "benchmark_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("benchmark_corpus", module)
    spec.loader.exec_module(module)
    project = tmp_path_factory.mktemp("corpus") / "project"
    planned = module.write_corpus(5, project)
    return project, planned


def test_the_corpus_is_the_real_reports_under_other_names(corpus_project):
    project, planned = corpus_project
    assert [p.id for p in planned] == [
        "logius-2022",
        "logius-2023",
        "rijksdienst-registers-2021",
        "rijksdienst-registers-2022",
        "rijksdienst-registers-2023",
    ]
    manifest = yaml.safe_load((project / "data/sources.yaml").read_text(encoding="utf-8"))["reports"]
    assert (
        manifest[3]["organisation"] == "Rijksdienst Registers"
        and manifest[3]["file"] == "rijksdienst-registers-2022.txt"
    )
    text = (project / "data/sources/rijksdienst-registers-2022.txt").read_text(encoding="utf-8")
    assert "Logius" not in text and "Rijksdienst Registers vraagt hiervoor aandacht bij beleid en" in text
    assert (project / "data/sources/logius-2022.txt").read_bytes() == (
        ROOT / "data/sources/logius-2022.txt"
    ).read_bytes()


def test_another_organisation_asking_is_a_call(corpus_project, capsys):
    project, _ = corpus_project
    assert extract(project) == 0
    report = yaml.safe_load((project / "data/reports/rijksdienst-registers-2022.yaml").read_text(encoding="utf-8"))
    asks = [c["text"] for c in report["calls"] if c["verb"] == "vraagt" and c["kind"] == "ask"]
    assert asks == ["Rijksdienst Registers vraagt hiervoor aandacht bij beleid en ketenpartners."]
    # Story links to review stay within one organisation: another's example never continues Logius's.
    suggested = [line for line in capsys.readouterr().err.splitlines() if "[story-link]" in line]
    pairs = [line.split(": ", 2)[2].split(" (")[0].split(" may continue ") for line in suggested]
    assert pairs and all(later.split("-20")[0] == earlier.split("-20")[0] for later, earlier in pairs)


def test_a_theme_page_names_the_organisations_that_wrote(corpus_project):
    project, _ = corpus_project
    if not (project / "data/themes.yaml").is_file():
        assert extract(project) == 0
    corpus = Corpus.load(project / "data")
    pages = list(one_theme(Builder(corpus, "http://127.0.0.1:8000/"), corpus.theme_by_id["focus-goed-en-duurzaam"]))
    assert [page.description.split(",")[0].split(":")[0] for page in pages] == [
        "Wat 2 organisaties over Focus",
        "Wat Logius over Focus",
        "Wat Rijksdienst Registers over Focus",
    ]
