"""A new year's report with a chapter the vocabulary has never seen, as text and as a browser-printed PDF.

Held out: the extractor was not written for this input. The chapter
"Digitale autonomie" is unnumbered and followed by "Terugblik", like the
known themes; it must become a theme chapter of its own, and its Terugblik
must not be filed under the theme before it.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import extract
from pdfs.browser_print import make_browser_print
from test_bad_input import add_entry

NEW_CHAPTER = (
    "\n\n\nDigitale autonomie\n\n"
    "We willen minder afhankelijk worden van een klein aantal leveranciers van clouddiensten.\n\n"
    "Terugblik\n\n"
    "In 2024 hebben we onderzocht welke voorzieningen we zelf in beheer kunnen nemen.\n"
)


def new_year_source(project) -> str:
    text = (project / "data/sources/logius-2023.txt").read_text(encoding="utf-8").replace("2023", "2024")
    assert text.count("\n\n\nTot slot\n") == 1
    return text.replace("\n\n\nTot slot\n", NEW_CHAPTER + "\n\n\nTot slot\n")


def check_new_chapter(report: dict) -> None:
    sections = {s["id"]: s for s in report["sections"]}
    chapter = sections["logius-2024-digitale-autonomie"]
    assert (chapter["kind"], chapter["theme"], chapter["parent"]) == ("theme", "digitale-autonomie", None)
    assert [p["text"] for p in chapter["paragraphs"]] == [
        "We willen minder afhankelijk worden van een klein aantal leveranciers van clouddiensten."
    ]
    children = [s for s in report["sections"] if s["parent"] == chapter["id"]]
    assert [(c["kind"], c["heading"], c["theme"]) for c in children] == [
        ("retrospective", "Terugblik", "digitale-autonomie")
    ]
    assert [p["text"] for p in children[0]["paragraphs"]] == [
        "In 2024 hebben we onderzocht welke voorzieningen we zelf in beheer kunnen nemen."
    ]
    before = [s for s in report["sections"] if s["parent"] == "logius-2024-complexiteit-versus-in-eenvoud"]
    assert [s["heading"] for s in before] == ["Terugblik", "Illustratie: AcICT-advies op de infrastructuur"]
    assert [s["kind"] for s in report["sections"] if s["parent"] is None][-2:] == ["theme", "closing"]


def test_new_chapter_in_a_text_export(project, capsys):
    add_entry(project, file="logius-2024.txt")
    (project / "data/sources/logius-2024.txt").write_text(new_year_source(project), encoding="utf-8")
    assert extract(project) == 0
    assert (
        "warning: logius-2024 (page 10): heading 'Digitale autonomie' starts a theme chapter "
        "the vocabulary does not know: it becomes theme 'digitale-autonomie' [new-theme]: "
        "if it continues a theme, add the heading to that theme's names "
        "in data/vocabulary/themes.yaml; a theme new this year is accepted"
    ) in capsys.readouterr().err
    check_new_chapter(yaml.safe_load((project / "data/reports/logius-2024.yaml").read_text(encoding="utf-8")))
    themes = yaml.safe_load((project / "data/themes.yaml").read_text(encoding="utf-8"))["themes"]
    assert themes[-1] == {
        "id": "digitale-autonomie",
        "title": "Digitale autonomie",
        "description": None,
        "headings": [
            {
                "report": "logius-2024",
                "year": 2024,
                "heading": "Digitale autonomie",
                "section": "logius-2024-digitale-autonomie",
            }
        ],
    }


CHAPTER = {
    "id": "n1",
    "kind": "theme",
    "title": "Digitale autonomie",
    "heading": "Digitale autonomie",
    "theme": None,
    "parent": None,
    "paragraphs": [
        {
            "id": "n1p",
            "text": "We willen minder afhankelijk worden van een klein aantal leveranciers van clouddiensten.",
        }
    ],
}
RETROSPECTIVE = {
    "id": "n2",
    "kind": "retrospective",
    "title": "Terugblik",
    "heading": "Terugblik",
    "theme": None,
    "parent": "n1",
    "paragraphs": [
        {"id": "n2p", "text": "In 2024 hebben we onderzocht welke voorzieningen we zelf in beheer kunnen nemen."}
    ],
}


def extract_printed_year(project, tmp_path, sections: list[dict]) -> dict:
    """The reviewed 2023 data with ``sections`` before the closing, printed by Chromium, extracted as 2024."""
    report = yaml.safe_load((project / "data/reports/logius-2023.yaml").read_text(encoding="utf-8"))
    closing = next(i for i, s in enumerate(report["sections"]) if s["kind"] == "closing")
    report["sections"][closing:closing] = sections
    source = tmp_path / "logius-2024.yaml"
    source.write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")
    make_browser_print(source, project / "data/sources/logius-2024.pdf")
    add_entry(project)
    assert extract(project) == 0
    return yaml.safe_load((project / "data/reports/logius-2024.yaml").read_text(encoding="utf-8"))


@pytest.mark.browser
def test_new_chapter_in_a_browser_printed_pdf(project, tmp_path):
    """The same chapter, typeset by Chromium from the reviewed 2023 data with the new chapter added."""
    check_new_chapter(extract_printed_year(project, tmp_path, [CHAPTER, RETROSPECTIVE]))


@pytest.mark.browser
def test_in_a_pdf_the_chapter_size_alone_makes_a_chapter(project, tmp_path):
    """With nothing after it but text, the heading's typography (set like the other chapters) decides."""
    sections = extract_printed_year(project, tmp_path, [CHAPTER])["sections"]
    chapter = next(s for s in sections if s["heading"] == "Digitale autonomie")
    assert (chapter["kind"], chapter["theme"], chapter["parent"]) == ("theme", "digitale-autonomie", None)
