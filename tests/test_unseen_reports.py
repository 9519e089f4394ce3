"""Reports nobody here wrote against, added as a maintainer adds next year's report.

Each was written and labelled by someone who had not read the extractor, before its first run
(``tests/unseen/README.md``, ``tests/unseen/LATEX.md``). The first run of a report in new wording
stops (exit 2) with what to add to the vocabulary; after the vocabulary entries a maintainer makes
from those messages, it reads exactly as labelled: themes, examples, parts, pages, footnotes,
signatory. What the extractor still doubts is a review item that stops a release until resolved.
"""

from __future__ import annotations

import os

import pytest
import yaml

from conftest import ROOT
from stand.cli import main
from unseen_reading import UNSEEN, differences, extracted, maintainer_project, manifest_entry

# What a maintainer adds for each report after reading the first run's messages.
HEADINGS = {
    "logius-2025": {
        "logius": {
            "introduction": ["Woord vooraf"],
            "retrospective": ["Zo verliep {year}", "Terugkijkend op {year}"],
            "went_well": ["Wat liep goed"],
            "went_wrong": ["Waar liepen we tegenaan?"],
            "must_change": ["Wat vraagt verandering?"],
            "closing": ["Tot besluit"],
        }
    },
    "rvdd-2024": {
        "rvdd": {
            "description": ["Context"],
            "retrospective": ["Hoe ging het in {year}"],
            "example": ["Praktijkvoorbeeld: {title}"],
            "went_well": ["Successen"],
            "went_wrong": ["Knelpunten"],
            "must_change": ["Wat moet er veranderen"],
        }
    },
}
# The 2025 chapters that continue the earlier years' themes, under their new names.
THEME_NAMES = {
    "arbeidsmarkt-en-ambitie": ["Arbeidsmarkt en ambities"],
    "focus-goed-en-duurzaam": ["Focus: betrouwbaar en duurzaam"],
    "samenwerking-beleid-en-uitvoering": ["Samenwerking tussen beleid en uitvoering"],
    "complexiteit-versus-in-eenvoud": ["Eenvoud in een complexe omgeving"],
}


def labels_of(name: str) -> dict:
    return yaml.safe_load((UNSEEN / name / "labels.yaml").read_text(encoding="utf-8"))


def committed_entry(report_id: str) -> dict:
    manifest = yaml.safe_load((ROOT / "data/sources.yaml").read_text(encoding="utf-8"))
    return next(entry for entry in manifest["reports"] if entry["id"] == report_id)


def add_theme_names(project, names: dict[str, list[str]]) -> None:
    path = project / "data/vocabulary/themes.yaml"
    vocabulary = yaml.safe_load(path.read_text(encoding="utf-8"))
    for theme in vocabulary["themes"]:
        theme["names"] += names.get(theme["id"], [])
    path.write_text(yaml.safe_dump(vocabulary, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("logius-2025", ["'Wat liep goed' (page 6)", "'Tot besluit' (page 15)", "under organisations: logius:"]),
        (
            "rvdd-2024",
            ["'Context' (page 4)", "'Successen' (page 5)", "'Knelpunten' (page 5)", "under organisations: rvdd:"],
        ),
        ("ddzw-2026", ["'Denkrichtingen' (page", "'Hoofdstuk 6 Tot besluit' (page 12)", "organisations: ddzw:"]),
    ],
)
def test_the_first_run_in_new_wording_stops_and_names_the_headings_to_add(tmp_path, capsys, name, named):
    labels = labels_of(name)
    project = maintainer_project(tmp_path, UNSEEN / name / f"{name}.txt", manifest_entry(labels))
    before = sorted(p.name for p in (project / "data").rglob("*"))
    assert main(["--root", str(project), "extract"]) == 2
    [unknown] = [line for line in capsys.readouterr().err.splitlines() if line.endswith("[unknown-headings]")]
    assert all(text in unknown for text in named), unknown
    assert sorted(p.name for p in (project / "data").rglob("*")) == before, "a stopped run writes nothing"


def test_a_later_logius_year_in_new_wording(tmp_path, capsys):
    labels = labels_of("logius-2025")
    project = maintainer_project(
        tmp_path, UNSEEN / "logius-2025/logius-2025.txt", manifest_entry(labels), HEADINGS["logius-2025"]
    )
    add_theme_names(project, THEME_NAMES)
    report = extracted(project, "logius-2025")
    assert differences(report, labels) == []
    chapters = [s["theme"] for s in report["sections"] if s["kind"] == "theme"]
    assert chapters == [*THEME_NAMES, "digitale-autonomie-en-weerbaarheid"]
    assert report["signatory"] | {"pdf_page": 15} == {
        "name": "Anouk Verbeek",
        "role": "Algemeen directeur Logius",
        "page": 15,
        "pdf_page": 15,
    }
    paragraph = next(
        p for s in report["sections"] for p in s["paragraphs"] if p["text"].startswith("Bij de tweede groep afnemers")
    )
    assert (paragraph["pdf_page"], paragraph["pdf_page_end"]) == (
        6,
        7,
    ) and "wat ons en de afnemers veel extra werk kostte" in paragraph["text"]
    assert [f["reason"] for f in report["furniture"]].count("running header or footer") == 14

    capsys.readouterr()
    assert main(["--root", str(project), "review"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "logius-2025 (page 13): heading 'Digitale autonomie en weerbaarheid' starts a theme chapter "
        "the vocabulary does not know: it becomes theme 'digitale-autonomie-en-weerbaarheid' [new-theme]: "
        "if it continues a theme, add the heading to "
        "that theme's names in data/vocabulary/themes.yaml; a theme new this year is accepted"
    ]
    os.environ["SITE_URL"] = "https://example.test/"
    try:
        assert main(["--root", str(project), "release"]) == 2
    finally:
        del os.environ["SITE_URL"]
    assert "error: not reviewed: logius-2025 (page 13): heading 'Digitale autonomie" in capsys.readouterr().err


def test_a_made_up_organisation_onboarded_from_the_readme_alone(tmp_path, capsys):
    """Written, labelled and onboarded by a helper who read only the README and the run's messages; its
    vocabulary entry is theirs (tests/unseen/ddzw-2026/headings.yaml). Its four themes are new: accepted."""
    labels = labels_of("ddzw-2026")
    headings = yaml.safe_load((UNSEEN / "ddzw-2026/headings.yaml").read_text(encoding="utf-8"))
    entry = manifest_entry(labels, accept={"new-theme": "vier eigen thema's van een nieuwe organisatie"})
    project = maintainer_project(tmp_path, UNSEEN / "ddzw-2026/ddzw-2026.txt", entry, headings)
    report = extracted(project, "ddzw-2026")
    assert differences(report, labels) == []
    assert report["coverage"]["share"] == 1.0
    capsys.readouterr()
    assert main(["--root", str(project), "review"]) == 0 and capsys.readouterr().out == "nothing to review\n"


def test_another_organisations_text_export_onboarded_by_a_vocabulary_entry(tmp_path):
    labels = labels_of("rvdd-2024")
    project = maintainer_project(
        tmp_path, UNSEEN / "rvdd-2024/rvdd-2024.txt", manifest_entry(labels), HEADINGS["rvdd-2024"]
    )
    report = extracted(project, "rvdd-2024")
    assert differences(report, labels) == []
    assert [f["reason"] for f in report["furniture"]].count("table of contents") == 6
    assert report["source"]["printed_page_numbers"] == 12
    logius = extracted(project, "logius-2023")
    assert [s["kind"] for s in logius["sections"]] == [
        s["kind"]
        for s in yaml.safe_load((ROOT / "data/reports/logius-2023.yaml").read_text(encoding="utf-8"))["sections"]
    ]


@pytest.mark.parametrize("year", [2022, 2023])
def test_the_committed_reports_typeset_with_latex(tmp_path, year):
    """Numbered chapters, boxed two-column illustrations and tight spacing (2023); narrow columns with wrapped
    headings, run-in part headings and raised footnote markers (2022)."""
    labels = labels_of(f"latex-{year}")
    source = UNSEEN / f"latex-{year}" / f"logius-{year}.pdf"
    project = maintainer_project(tmp_path, source, committed_entry(f"logius-{year}"), curation=False)
    assert differences(extracted(project, f"logius-{year}"), labels) == []
