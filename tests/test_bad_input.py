"""Bad input stops with one clear message naming the file, exit code 2, and data/ left exactly as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from conftest import extract, load
from pdf_factory import encrypted_pdf, one_size_pdf, scanned_pdf, truncated_pdf, typeset_report
from stand.extract.manifest import ACCEPTABLE

NEW_ENTRY = {
    "id": "logius-2024",
    "organisation": "Logius",
    "organisation_id": "logius",
    "year": 2024,
    "title": "Stand van de uitvoering 2024",
    "subtitle": None,
    "file": "logius-2024.pdf",
    "url": None,
    "license": "test",
}


def snapshot(data: Path) -> dict[str, str]:
    return {
        str(p.relative_to(data)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data.rglob("*"))
        if p.is_file()
    }


def add_entry(project: Path, **changes) -> dict:
    manifest = project / "data" / "sources.yaml"
    doc = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    entry = {**NEW_ENTRY, **changes}
    doc["reports"].append({k: v for k, v in entry.items() if v is not ...})
    manifest.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return entry


def run_failing(project: Path, capsys) -> str:
    before = snapshot(project / "data")
    assert extract(project) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert snapshot(project / "data") == before, "data/ must be left as it was"
    return err


def test_missing_source_file(project, capsys):
    add_entry(project)
    err = run_failing(project, capsys)
    assert err == "error: data/sources.yaml: report #3 (logius-2024): file 'logius-2024.pdf' not found in data/sources/"


def test_empty_text_file(project, capsys):
    add_entry(project, file="logius-2024.txt")
    (project / "data/sources/logius-2024.txt").write_text("\n\n", encoding="utf-8")
    assert run_failing(project, capsys).endswith("logius-2024.txt: the file is empty")


def test_text_not_utf8(project, capsys):
    add_entry(project, file="logius-2024.txt")
    (project / "data/sources/logius-2024.txt").write_bytes("Inleiding\n\nfinanciële zaken\n".encode("latin-1"))
    err = run_failing(project, capsys)
    assert "logius-2024.txt: not UTF-8 text (invalid byte at position 18)" in err


def test_corrupt_pdf(project, capsys, tmp_path):
    add_entry(project)
    whole = typeset_report(
        project / "data/sources/logius-2023.txt",
        project / "data/vocabulary/themes.yaml",
        tmp_path / "whole.pdf",
        "Logius",
    )
    truncated_pdf(whole, project / "data/sources/logius-2024.pdf")
    err = run_failing(project, capsys)
    assert "logius-2024.pdf: not a readable PDF" in err


def test_encrypted_pdf(project, capsys):
    add_entry(project)
    encrypted_pdf(project / "data/sources/logius-2024.pdf")
    assert run_failing(project, capsys).endswith(
        "logius-2024.pdf: the PDF is encrypted (password protected); ask the publisher for an open copy"
    )


def test_pdf_without_text_layer(project, capsys):
    add_entry(project)
    scanned_pdf(project / "data/sources/logius-2024.pdf")
    assert "logius-2024.pdf: the PDF has no text layer (a scan?)" in run_failing(project, capsys)


def test_empty_pdf(project, capsys):
    add_entry(project)
    (project / "data/sources/logius-2024.pdf").write_bytes(b"")
    assert run_failing(project, capsys).endswith("logius-2024.pdf: the file is empty")


def test_second_report_for_the_same_year(project, capsys):
    add_entry(project, id="logius-2023", year=2023, file="logius-2023.txt")
    assert run_failing(project, capsys).endswith(
        "sources.yaml: report #3 (logius-2023): duplicate id: one report per organisation and year"
    )


def test_one_organisation_under_two_names(project, capsys):
    add_entry(project, organisation="Logius BV", file="logius-2023.txt")
    assert run_failing(project, capsys).endswith(
        "sources.yaml: report #3 (logius-2024): organisation_id 'logius' is called 'Logius' elsewhere, not 'Logius BV'"
    )


@pytest.mark.parametrize("field", ["title", "year", "file", "license"])
def test_manifest_entry_missing_a_field(project, capsys, field):
    add_entry(project, **{field: ...})
    assert run_failing(project, capsys).endswith(f"sources.yaml: report #3 (logius-2024): misses field '{field}'")


def test_text_that_is_no_report(project, capsys):
    add_entry(project, file="logius-2024.txt")
    (project / "data/sources/logius-2024.txt").write_text(
        "Boodschappenlijst\n\nMelk, brood en kaas.\n", encoding="utf-8"
    )
    before = snapshot(project / "data")
    assert extract(project) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: data/sources/logius-2024.txt: no theme chapter found "
        "(a 'Dilemma'/'Thema' heading, or a heading followed by 'Terugblik') [no-theme-chapter]",
        "error: data/sources/logius-2024.txt: only 80.0% of the text is in paragraphs "
        "(at least 90% expected) [paragraph-share]",
    ]
    assert snapshot(project / "data") == before


def test_a_pdf_in_one_type_size_stops_with_every_problem(project, capsys, tmp_path):
    """Held out: a layout with no headings at all (one font, one size) must not pass as a report."""
    add_entry(project)
    text = (project / "data/sources/logius-2023.txt").read_text(encoding="utf-8")
    one_size_pdf(text, project / "data/sources/logius-2024.pdf")
    before = snapshot(project / "data")
    assert extract(project) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: data/sources/logius-2024.pdf: no theme chapter found "
        "(a 'Dilemma'/'Thema' heading, or a heading followed by 'Terugblik') [no-theme-chapter]",
        "error: data/sources/logius-2024.pdf: no line reads as a heading by size, weight or position [no-headings]",
    ]
    assert snapshot(project / "data") == before


def test_unknown_heading_is_kept_and_warned(project, capsys):
    add_entry(project, file="logius-2024.txt")
    text = (project / "data/sources/logius-2023.txt").read_text(encoding="utf-8").replace("2023", "2024")
    text = text.replace("\n\n\nTot slot\n", "\n\n\nBlik vooruit\n")
    (project / "data/sources/logius-2024.txt").write_text(text, encoding="utf-8")
    assert extract(project) == 0
    err = capsys.readouterr().err
    assert (
        "warning: logius-2024 (page 10): unrecognised heading 'Blik vooruit': "
        "kept as a section of kind 'other' [unknown-heading]" in err
    )
    report = yaml.safe_load((project / "data/reports/logius-2024.yaml").read_text(encoding="utf-8"))
    kept = next(s for s in report["sections"] if s["heading"] == "Blik vooruit")
    assert kept["kind"] == "other" and kept["paragraphs"][0]["text"].startswith("2024, een turbulent jaar.")


def test_a_runaway_text_export_stops_at_its_bound(project, capsys):
    add_entry(project, file="logius-2024.txt", max_characters=1000)
    (project / "data/sources/logius-2024.txt").write_text("Inleiding\n\n" + "woord " * 400, encoding="utf-8")
    assert run_failing(project, capsys).endswith(
        "logius-2024.txt: has 2,411 characters, more than the 1,000 a report may have; "
        "after review, raise max_characters in its manifest entry"
    )


def test_a_pdf_over_its_page_bound_stops(project, capsys, tmp_path):
    add_entry(project, max_pages=5)
    typeset_report(
        project / "data/sources/logius-2023.txt",
        project / "data/vocabulary/themes.yaml",
        project / "data/sources/logius-2024.pdf",
        "Logius",
    )
    assert run_failing(project, capsys).endswith(
        "logius-2024.pdf: has 10 pages, more than the 5 a report may have; "
        "after review, raise max_pages in its manifest entry"
    )


def test_a_symlinked_reports_folder_is_never_written_through(project, capsys, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    (project / "data/reports").rename(elsewhere)
    (project / "data/reports").symlink_to(elsewhere)
    before = snapshot(elsewhere)
    assert extract(project) == 2
    assert (
        capsys.readouterr().err.strip()
        == "error: data/reports: is a symbolic link: refusing to write or delete through it"
    )
    assert snapshot(elsewhere) == before


def test_a_report_dropped_from_the_manifest_is_deleted_and_said_so(project, capsys):
    doc = yaml.safe_load((project / "data/sources.yaml").read_text(encoding="utf-8"))
    doc["reports"] = doc["reports"][:1]
    (project / "data/sources.yaml").write_text(
        yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (project / "data/curation.yaml").write_text("stories: []\n", encoding="utf-8")  # its entries name 2023 examples
    assert extract(project) == 0
    assert "deleted: data/reports/logius-2023.yaml" in capsys.readouterr().out.splitlines()
    assert not (project / "data/reports/logius-2023.yaml").exists()


def test_a_pdf_of_nothing_but_footers(project, capsys):
    from reportlab.pdfgen.canvas import Canvas

    add_entry(project)
    canvas = Canvas(str(project / "data/sources/logius-2024.pdf"), invariant=1)
    for page in range(1, 4):
        canvas.drawString(72, 30, f"Logius · Den Haag {page}/3")
        canvas.showPage()
    canvas.save()
    assert run_failing(project, capsys).endswith(
        "logius-2024.pdf: the PDF has no text besides headers, footers, page numbers and a contents page"
    )


def test_provenance_of_a_report_that_is_not_what_it_says(project, capsys):
    """Where a report comes from is hostile input too: a date, number or checksum of the wrong form stops extraction."""
    add_entry(project, published="gisteren", kamerstuk=26643, pdf_sha256="x")
    before = snapshot(project / "data")
    assert extract(project) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "error: data/sources.yaml: report #3 (logius-2024): "
        "kamerstuk must be a Kamerstuk number (dossier-number), e.g. 26643-1000 or 36200-VII-5, or null",
        "error: data/sources.yaml: report #3 (logius-2024): "
        "pdf_sha256 must be the 64 lower-case hex digits of a SHA-256, or null",
        "error: data/sources.yaml: report #3 (logius-2024): "
        'published must be a date in quotes, e.g. "2023-05-01", or null',
    ]
    assert snapshot(project / "data") == before


def test_a_400_word_first_heading_stops_naming_the_body_text_before_it(project, capsys):
    """The introduction must not be published as front matter (the probe's finding 6)."""
    add_entry(project, file="logius-2024.txt")
    text = (project / "data/sources/logius-2023.txt").read_text(encoding="utf-8").replace("2023", "2024")
    text = text.replace("\nInleiding\n", "\nInleiding " + "lang " * 400 + "\n", 1)
    (project / "data/sources/logius-2024.txt").write_text(text, encoding="utf-8")
    err = run_failing(project, capsys)
    assert "7 paragraphs of body text on pages 2 come before the first heading the vocabulary knows" in err
    assert err.endswith("[front-matter-text]")


def test_an_export_whose_blank_lines_all_became_form_feeds_keeps_its_headings(project, capsys):
    """Headings then sit against their text with no blank line between (the probe's finding 5: 'Focus: goed en
    duurzaam' was glued to the end of the paragraph before it)."""
    add_entry(project, file="logius-2024.txt")
    text = (project / "data/sources/logius-2023.txt").read_text(encoding="utf-8").replace("2023", "2024")
    (project / "data/sources/logius-2024.txt").write_text(text.replace("\n\n", "\n\f"), encoding="utf-8")
    assert extract(project) == 0
    mangled, report = load(project / "data/reports/logius-2024.yaml"), load(project / "data/reports/logius-2023.yaml")
    themes = [s["heading"] for s in mangled["sections"] if s["kind"] == "theme"]
    assert themes == [s["heading"] for s in report["sections"] if s["kind"] == "theme"]
    assert themes[1] == "Focus: goed en duurzaam"
    assert not any("Focus: goed en duurzaam Logius" in p["text"] for s in mangled["sections"] for p in s["paragraphs"])
    assert len(mangled["calls"]) == len(report["calls"]) == 9


def test_a_stop_line_naming_thousands_of_headings_stays_short_and_keeps_its_advice(project, capsys):
    add_entry(project, file="logius-2024.txt")
    body = "Inleiding\n\n" + "\n\n".join(f"Kop {n} zonder punt" for n in range(3000))
    (project / "data/sources/logius-2024.txt").write_text(body, encoding="utf-8")
    assert extract(project) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert max(len(line) for line in lines) <= len("error: ") + 1000, lines
    unknown = next(line for line in lines if line.endswith("[unknown-headings]"))
    assert "3000 headings the vocabulary does not know: 'Kop 0 zonder punt' (page 1); " in unknown
    assert (
        "'Kop 11 zonder punt' (page 1); and 2988 more; name the kind of each in data/vocabulary/headings.yaml"
        in unknown
    )


def test_each_bad_acceptance_is_named_with_what_is_wrong_and_accept_unneeded_cannot_be_accepted(project, capsys):
    manifest = project / "data/sources.yaml"
    doc = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    doc["reports"][1]["accept"] = {
        "accept-unneeded": "stil",
        "long-paragraphs": "",
        "paragraph-share": 5,
        "furniture-share": "twee\nregels",
    }
    manifest.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    before = snapshot(project / "data/reports")
    assert extract(project) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "error: data/sources.yaml: report #2 (logius-2023): accept: furniture-share: the reason must be one line of"
        " text (no line break, tab or control character)",
        "error: data/sources.yaml: report #2 (logius-2023): accept: long-paragraphs: the reason is empty: say why it"
        " was accepted",
        "error: data/sources.yaml: report #2 (logius-2023): accept: paragraph-share: the reason must be text saying"
        " why it was accepted",
    ]
    doc["reports"][1]["accept"] = {"accept-unneeded": "stil"}
    manifest.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert extract(project) == 2
    assert capsys.readouterr().err.strip() == (
        "error: data/sources.yaml: report #2 (logius-2023): accept must map check or review item names ("
        + ", ".join(ACCEPTABLE)
        + ") to the reason they were accepted; unknown: accept-unneeded"
    )
    assert "accept-unneeded" not in ACCEPTABLE and "near-limit" in ACCEPTABLE
    assert snapshot(project / "data/reports") == before
