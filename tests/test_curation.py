"""The reviewed curation layer (data/curation.yaml): applied after detection, recorded, and never stale."""

from __future__ import annotations

import yaml

from conftest import ROOT, extract


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_curated_records_say_so_and_why(report_2022, report_2023):
    calls = {c["id"]: c for c in report_2022["calls"]}
    curated = calls["logius-2022-oproep-het-is-nodig-om-de-ambities"]
    assert (curated["origin"], curated["addressees"]) == (
        "curated",
        ["politiek", "bewindspersoon", "opdrachtgever", "eigenaar"],
    )
    assert curated["reason"].startswith("“al deze partijen” staan in de zin ervoor (Tweede Kamer")
    assert {c["origin"] for c in report_2023["calls"]} == {"detected"} and all(
        c["reason"] is None for c in report_2023["calls"]
    )
    acict = next(e for e in report_2023["examples"] if e["id"] == "logius-2023-acict-advies-op-de-infrastructuur")
    assert (acict["theme"], acict["more_themes"]) == ("complexiteit-versus-in-eenvoud", ["focus-goed-en-duurzaam"])


def test_story_links_across_years():
    stories = load(ROOT / "data/stories.yaml")["stories"]
    assert [(s["example"], s["continues"]) for s in stories] == [
        ("logius-2023-acict-advies-op-de-infrastructuur", "logius-2022-migratie-infrastructuur"),
        ("logius-2023-op-weg-naar-een-haalbaar-stelsel-toegang", "logius-2022-moeizaam-gesprek-over-programma-toegang"),
    ]


def test_a_call_detection_cannot_reach_is_added(project):
    curation = load(project / "data/curation.yaml")
    sentence = "In de samenwerking missen we nog regelmatig contact met de staatssecretaris."
    curation["calls"]["add"] = [
        {
            "paragraph": "logius-2022-in-de-samenwerking-missen-we-nog",
            "sentence": sentence,
            "kind": "need",
            "addressees": ["bewindspersoon"],
            "reason": "test",
        }
    ]
    (project / "data/curation.yaml").write_text(yaml.safe_dump(curation, allow_unicode=True), encoding="utf-8")
    assert extract(project) == 0
    added = next(c for c in load(project / "data/reports/logius-2022.yaml")["calls"] if c["text"] == sentence)
    assert (added["origin"], added["kind"], added["addressees"], added["reason"]) == (
        "curated",
        "need",
        ["bewindspersoon"],
        "test",
    )


def test_a_stale_entry_stops_the_extraction(project, capsys):
    curation = load(project / "data/curation.yaml")
    curation["calls"]["addressees"][0]["id"] = "logius-2022-oproep-bestaat-niet"
    curation["stories"][0]["continues"] = "logius-2022-bestaat-ook-niet"
    (project / "data/curation.yaml").write_text(yaml.safe_dump(curation, allow_unicode=True), encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "data/reports").iterdir()}
    assert extract(project) == 2
    assert capsys.readouterr().err.strip() == (
        "error: data/curation.yaml: calls.addressees: no call 'logius-2022-oproep-bestaat-niet': "
        "remove or update this entry"
    )
    assert {p: p.read_bytes() for p in (project / "data/reports").iterdir()} == before


def test_every_entry_needs_its_reason(project, capsys):
    curation = load(project / "data/curation.yaml")
    del curation["stories"][0]["reason"]
    (project / "data/curation.yaml").write_text(yaml.safe_dump(curation, allow_unicode=True), encoding="utf-8")
    assert extract(project) == 2
    assert "error: data/curation.yaml: stories/0: 'reason' is a required property" in capsys.readouterr().err


def test_story_links_that_run_backwards_repeat_or_name_an_unknown_theme_stop_the_extraction(project, capsys):
    """Each is a maintainer's slip the site would show as a story line or a theme page that makes no sense."""
    curation = load(project / "data/curation.yaml")
    first = curation["stories"][0]
    curation["stories"] += [
        {"example": first["continues"], "continues": first["example"], "reason": "backwards"},
        dict(first),
    ]
    curation["examples"]["themes"][0]["themes"] = ["focus-goed-en-duurzaam", "bestaat-niet"]
    (project / "data/curation.yaml").write_text(yaml.safe_dump(curation, allow_unicode=True), encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "data").rglob("*.yaml")}
    assert extract(project) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert errors[0] == (
        "error: data/curation.yaml: stories: 'logius-2022-migratie-infrastructuur' continues"
        " 'logius-2023-acict-advies-op-de-infrastructuur', but a story runs forward: the example continued must be"
        " of an earlier year (2022 is not after 2023): remove or update this entry"
    )
    assert errors[1] == (
        "error: data/curation.yaml: stories: 'logius-2023-acict-advies-op-de-infrastructuur' continues"
        " 'logius-2022-migratie-infrastructuur' is listed twice: remove or update this entry"
    )
    assert errors[2].startswith(
        "error: data/curation.yaml: examples.themes: 'logius-2023-acict-advies-op-de-infrastructuur' names theme"
        " 'bestaat-niet', which no report has (known: "
    )
    assert len(errors) == 3
    assert {p: p.read_bytes() for p in (project / "data").rglob("*.yaml")} == before
