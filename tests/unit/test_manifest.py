"""The manifest check: each kind of bad entry reaches its own branch with its own message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from stand.errors import SourceError
from stand.extract.manifest import load_manifest

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


def problem(tmp_path: Path, document: object) -> str:
    with pytest.raises(SourceError) as raised:
        load(tmp_path, document)
    return raised.value.problem


def test_a_good_entry_is_read(tmp_path):
    [source] = load(tmp_path, {"reports": [ENTRY]})
    assert (source.id, source.year, source.format, source.subtitle) == ("logius-2024", 2024, "text", None)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"reports": "logius"}, "expected a mapping with a list under 'reports'"),
        ({"reports": ["logius-2024"]}, "report #1 is not a mapping"),
        ({"reports": [ENTRY | {"pages": 10}]}, "report #1 (logius-2024) has unknown field(s): pages"),
        ({"reports": [ENTRY | {"year": "2024"}]}, "report #1 (logius-2024): year must be a whole number"),
        ({"reports": [ENTRY | {"id": "Logius_2024"}]}, "report #1: id 'Logius_2024' should be 'logius-2024'"),
        ({"reports": [ENTRY | {"id": "logius-2023"}]}, "report #1: id 'logius-2023' should be 'logius-2024'"),
        ({"reports": [ENTRY | {"file": "logius-2024.docx"}]}, "unsupported file type '.docx' (use .pdf or .txt)"),
    ],
    ids=["reports-not-a-list", "entry-not-a-mapping", "unknown-field", "year-not-a-number", "id-format", "id-disagrees", "unsupported-suffix"],
)
def test_each_bad_entry_gets_its_own_message(tmp_path, document, message):
    assert problem(tmp_path, document) == message


def test_a_missing_file_names_the_entry(tmp_path):
    with pytest.raises(SourceError) as raised:
        load(tmp_path, {"reports": [ENTRY | {"file": "weg.txt"}]})
    assert raised.value.path.endswith("sources/weg.txt")
    assert raised.value.problem.startswith("file not found (listed for logius-2024 in ")
