"""Names that collide: organisation ids and generated paths against the site's own top-level names, record ids
across kinds, vocabulary ids that would leave their folder. Each stops with one line; nothing is written."""

from __future__ import annotations

import pytest
import yaml

from stand.publish.urls import SITE_TOP_LEVEL
from test_bad_input import add_entry, run_failing


def test_every_top_level_entry_of_the_site_is_reserved(site, root):
    """The list is what the build writes: a new top-level folder of the site must be added to it."""
    reports = [
        yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((root / "data/reports").glob("*.yaml"))
    ]
    own = {r["organisation_id"] for r in reports} | {str(r["year"]) for r in reports}
    written = {path.name for path in site.iterdir()}
    assert written - own - set(SITE_TOP_LEVEL) == set()
    assert {"pagefind", "data", "assets", "zoeken", "themas", "404.html"} <= written


@pytest.mark.parametrize("name", ["pagefind", "assets", "zoeken", "data", "themas", "oproepen", "search"])
def test_an_organisation_id_may_not_be_a_name_of_the_site(project, capsys, name):
    """Issue 23.3: `pagefind` built with exit 0 while the search step deleted that organisation's pages."""
    text = (project / "data/sources/logius-2023.txt").read_text(encoding="utf-8").replace("2023", "2024")
    (project / "data/sources/other.txt").write_text(text, encoding="utf-8")
    add_entry(project, id=f"{name}-2024", organisation="Other", organisation_id=name, file="other.txt")
    err = run_failing(project, capsys)
    assert f"organisation_id {name!r} is a name the site itself uses" in err, err


@pytest.mark.parametrize("kinds", [("paragraph", "footnote"), ("paragraph", "call"), ("section", "figure")])
def test_ids_are_unique_across_record_kinds(tmp_path, kinds):
    from stand.errors import SourceError
    from stand.run import unique_ids

    same = "r-2023-voetnoot-1-zie-de-site"
    report = {
        "id": "r-2023",
        "sections": [{"id": "r-2023-s", "paragraphs": []}],
        "footnotes": [],
        "calls": [],
        "figures": [],
    }
    places = {
        "paragraph": lambda: report["sections"][0]["paragraphs"].append({"id": same, "pdf_page": 3}),
        "footnote": lambda: report["footnotes"].append({"id": same, "number": 1, "pdf_page": 4}),
        "call": lambda: report["calls"].append({"id": same, "pdf_page": 5}),
        "section": lambda: report["sections"].append({"id": same, "paragraphs": [], "pdf_page": 6}),
        "figure": lambda: report["figures"].append({"id": same, "pdf_page": 7}),
    }
    for kind in kinds:
        places[kind]()
    with pytest.raises(SourceError) as stopped:
        unique_ids(report, tmp_path / "r.txt")
    [problem] = stopped.value.problems
    assert same in problem and all(kind in problem for kind in kinds), problem


def test_a_colliding_report_stops_with_one_line(project, capsys):
    """End to end: a paragraph whose opening words make the id of a footnote of logius-2022."""
    source = project / "data/sources/logius-2022.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("Logius! gelooft in", "Voetnoot 1 per 1 januari 2023 en Logius! gelooft in", 1), encoding="utf-8"
    )
    err = run_failing(project, capsys)
    assert "logius-2022-voetnoot-1-per-1-januari-2023" in err and "paragraph" in err and "footnote 1" in err, err


@pytest.mark.parametrize(("file", "key"), [("vocabulary/themes.yaml", "themes"), ("vocabulary/topics.yaml", "topics")])
@pytest.mark.parametrize("bad", ["../../etc", "a/b", "Hoofd Letters", "x\n", ".verborgen"])
def test_a_vocabulary_id_that_is_no_slug_stops_before_anything_is_written(project, capsys, file, key, bad):
    """Issue 23.6: ids with ../ were written into data/ before the dataset check refused them."""
    path = project / "data" / file
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc[key][0]["id"] = bad
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert file in run_failing(project, capsys)
