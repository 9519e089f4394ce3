"""The manifest check: each kind of bad entry reaches its own branch with its own message."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from stand.errors import SourceError
from stand.extract.manifest import RULES, load_manifest

ENTRY = {
    "id": "logius-2024",
    "organisation": "Logius",
    "organisation_id": "logius",
    "year": 2024,
    "title": "Stand van de uitvoering 2024",
    "file": "logius-2024.txt",
    "license": "test",
}


def load(tmp_path: Path, document: object) -> list:
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    (sources / "logius-2024.txt").write_text("Inleiding\n", encoding="utf-8")
    manifest = tmp_path / "sources.yaml"
    manifest.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return load_manifest(manifest, sources)


def problem(tmp_path: Path, document: object) -> list[str]:
    with pytest.raises(SourceError) as raised:
        load(tmp_path, document)
    return raised.value.problems


def test_a_good_entry_is_read(tmp_path):
    [source] = load(tmp_path, {"reports": [ENTRY]})
    assert (source.id, source.year, source.format, source.subtitle) == ("logius-2024", 2024, "text", None)
    assert (source.url, source.pdf_sha256, source.published, source.kamerstuk) == (None, None, None, None)


def test_where_a_report_comes_from_is_read_when_known(tmp_path):
    known = {
        "url": "https://example.test/stand-2024.pdf",
        "pdf_sha256": "ab" * 32,
        "published": "2025-05-20",
        "kamerstuk": "36600-VII-12",
    }
    [source] = load(tmp_path, {"reports": [ENTRY | known]})
    assert (source.url, source.pdf_sha256, source.published, source.kamerstuk) == tuple(known.values())


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"reports": "logius"}, "'logius' is not of type 'array'"),
        ({"reports": []}, "lists no reports: at least one is needed"),
        ({"reports": ["logius-2024"]}, "report #1: is not a mapping of fields"),
        ({"reports": [ENTRY | {"pages": 10}]}, "report #1 (logius-2024): has unknown field(s): 'pages'"),
        (
            {"reports": [{k: v for k, v in ENTRY.items() if k != "license"}]},
            "report #1 (logius-2024): misses field 'license'",
        ),
        (
            {"reports": [ENTRY | {"year": "2024"}]},
            "report #1 (logius-2024): year must be a whole number from 2000 to 2100",
        ),
        (
            {"reports": [ENTRY | {"year": 99999}]},
            "report #1 (logius-2024): year must be a whole number from 2000 to 2100",
        ),
        (
            {"reports": [ENTRY | {"id": "Logius_2024"}]},
            "report #1 (Logius_2024): id must be <organisation_id>-<year>, e.g. logius-2023",
        ),
        (
            {"reports": [ENTRY | {"id": "logius-2023"}]},
            "report #1 (logius-2023): id should be 'logius-2024', from organisation_id and year",
        ),
        ({"reports": [ENTRY | {"file": "logius-2024.docx"}]}, "report #1 (logius-2024): file " + RULES["file"]),
        ({"reports": [ENTRY | {"title": 5}]}, "report #1 (logius-2024): title is not valid: 5 is not of type 'string'"),
        (
            {"reports": [ENTRY | {"url": "javascript:alert(1)"}]},
            "report #1 (logius-2024): url must be an http:// or https:// address, or null",
        ),
        (
            {"reports": [ENTRY | {"accept": {"paragraph-share": "ok", "geen": "x"}}]},
            "report #1 (logius-2024): accept " + RULES["accept"] + "; unknown: geen",
        ),
        (
            {"reports": [ENTRY | {"published": datetime.date(2024, 5, 1)}]},
            'report #1 (logius-2024): published must be a date in quotes, e.g. "2023-05-01", or null',
        ),
        (
            {"reports": [ENTRY | {"published": "1 mei 2024"}]},
            'report #1 (logius-2024): published must be a date in quotes, e.g. "2023-05-01", or null',
        ),
        (
            {"reports": [ENTRY | {"kamerstuk": "Kamerstuk 26643 nr. 1"}]},
            "report #1 (logius-2024): kamerstuk " + RULES["kamerstuk"],
        ),
        ({"reports": [ENTRY | {"pdf_sha256": "ABC"}]}, "report #1 (logius-2024): pdf_sha256 " + RULES["pdf_sha256"]),
    ],
    ids=[
        "reports-not-a-list",
        "no-reports",
        "entry-not-a-mapping",
        "unknown-field",
        "missing-field",
        "year-not-a-number",
        "year-out-of-range",
        "id-format",
        "id-disagrees",
        "unsupported-suffix",
        "title-not-text",
        "url-not-http",
        "unknown-check",
        "published-unquoted-date",
        "published-in-words",
        "kamerstuk-in-words",
        "pdf-checksum-not-hex",
    ],
)
def test_each_bad_entry_gets_its_own_message(tmp_path, document, message):
    assert problem(tmp_path, document) == [message]


def test_every_problem_is_listed_at_once(tmp_path):
    document = {"reports": [ENTRY | {"year": 1, "url": "data:text/html,x"}, ENTRY | {"organisation_id": "Logius"}]}
    assert problem(tmp_path, document) == [
        "report #1 (logius-2024): url must be an http:// or https:// address, or null",
        "report #1 (logius-2024): year must be a whole number from 2000 to 2100",
        "report #2 (logius-2024): "
        "organisation_id must be lower-case letters, digits and hyphens, e.g. dienst-toeslagen",
    ]


def test_a_hyphenated_organisation_is_fine(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/x.txt").write_text("Inleiding\n", encoding="utf-8")
    entry = ENTRY | {"id": "dienst-toeslagen-2024", "organisation_id": "dienst-toeslagen", "file": "x.txt"}
    assert [s.id for s in load(tmp_path, {"reports": [entry]})] == ["dienst-toeslagen-2024"]


@pytest.mark.parametrize("file", ["../corrections.yaml.txt", "sub/../../x.txt", "/etc/hostname.txt"])
def test_a_file_outside_the_sources_folder_is_refused(tmp_path, file):
    (tmp_path / "x.txt").write_text("Inleiding\n", encoding="utf-8")
    assert problem(tmp_path, {"reports": [ENTRY | {"file": file}]})[0].startswith("report #1 (logius-2024): file ")


def test_a_link_out_of_the_sources_folder_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Inleiding\n", encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/logius-2024.txt").symlink_to(secret)
    manifest = tmp_path / "sources.yaml"
    manifest.write_text(yaml.safe_dump({"reports": [ENTRY]}), encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        load_manifest(manifest, tmp_path / "sources")
    assert raised.value.problems == ["report #1 (logius-2024): file 'logius-2024.txt' leads outside data/sources/"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("reports: []\nreports: []\n", "duplicate key 'reports'"),
        ("reports:\n- id: logius-2024\n  id: logius-2025\n", "duplicate key 'id'"),
        ("a: &a [x, x, x]\nb: &b [*a, *a, *a]\nreports: [*b]\n", "aliases (*name) are not allowed"),
    ],
    ids=["second-reports-key", "duplicate-field", "alias-bomb"],
)
def test_yaml_the_manifest_never_needs_is_refused(tmp_path, text, message):
    manifest = tmp_path / "sources.yaml"
    manifest.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        load_manifest(manifest, tmp_path)
    assert raised.value.problem.startswith("invalid YAML: ") and message in raised.value.problem


def test_a_missing_file_names_the_entry(tmp_path):
    assert problem(tmp_path, {"reports": [ENTRY | {"file": "weg.txt"}]}) == [
        "report #1 (logius-2024): file 'weg.txt' not found in data/sources/"
    ]
