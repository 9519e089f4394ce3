"""Versions you can cite: frozen archives, the Atom feed of what changed, and CITATION.cff.

Each released version's archive is the one CHANGELOG.md names by checksum; the feed compares a
version's records with the previous version's archive; CITATION.cff is generated from
data/publication.yaml and the CHANGELOG, and cffconvert (in a virtual environment of its own)
validates it and prints the citation people will use.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from stand.publish.citation import citation_cff
from stand.publish.corpus import Corpus
from stand.publish.publication import Maintainer, Publication, load_publication
from stand.publish.versions import archive_path, deterministic_zip, releases
from test_publication import files_of, released_project

# -- versions: archives and feed ------------------------------------------------------------------


def test_every_released_archive_matches_its_changelog_checksum():
    history = releases(ROOT / "CHANGELOG.md")
    assert [(r.number, r.date) for r in history] == [("1.0.0", "2026-11-23")]
    for release in history:
        content = archive_path(ROOT, release.number).read_bytes()
        assert hashlib.sha256(content).hexdigest() == release.sha256, release.number
        with zipfile.ZipFile(archive_path(ROOT, release.number)) as archive:
            names = archive.namelist()
            dataset = json.loads(archive.read(f"stand-van-de-uitvoering-{release.number}/stand-van-de-uitvoering.json"))
        assert names == sorted(names) and len(names) == 49
        assert dataset["version"] == release.number
        assert {kind: len(dataset[kind]) for kind in ("reports", "examples", "calls", "figures")} == {"reports": 2, "examples": 11, "calls": 8, "figures": 8}


def test_an_archive_is_byte_identical_when_made_twice():
    files = {"b.csv": b"x\n", "a.json": b"{}\n"}
    first = deterministic_zip(files, "v")
    assert first == deterministic_zip(dict(reversed(files.items())), "v")
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert [(i.filename, i.date_time) for i in archive.infolist()] == [("v/a.json", (1980, 1, 1, 0, 0, 0)), ("v/b.csv", (1980, 1, 1, 0, 0, 0))]


def test_feed_lists_what_a_version_added_removed_and_changed(tmp_path):
    project = released_project(tmp_path)
    shutil.copytree(ROOT / "releases", project / "releases", dirs_exist_ok=True)
    current = files_of(project)
    frozen = deterministic_zip({"stand-van-de-uitvoering.json": current["stand-van-de-uitvoering.json"]}, "stand-van-de-uitvoering-9.9.9")
    archive_path(project, "9.9.9").parent.mkdir(parents=True)
    archive_path(project, "9.9.9").write_bytes(frozen)
    feed = files_of(project)["versies.atom"].decode("utf-8")
    entries = feed.split("<entry>")[1:]
    assert [e.split("<title>")[1].split("</title>")[0] for e in entries] == ["Versie 9.9.9", "Versie 1.0.0"]
    newest, first = entries
    assert "<updated>2027-01-15T00:00:00Z</updated>" in newest
    assert "Verschillen met versie 1.0.0:" in newest
    assert "- oproepen: 8 nieuw, 0 weg, 8 gewijzigd" in newest  # 8 calls in 1.0.0, 16 now
    assert "nieuw: logius-2022-oproep-het-is-nodig-om-de-ambities" in newest
    assert "- voetnoten: 3 nieuw, 3 weg, 0 gewijzigd" in newest  # footnote ids lost their page number
    assert "weg: logius-2022-voetnoot-5-1" in newest and "nieuw: logius-2022-voetnoot-1-de-tweede-kamer-is" in newest
    assert "- verhaallijnen: 2 nieuw, 0 weg, 0 gewijzigd" in newest
    assert "Eerste versie: 2 rapporten, 4 thema&apos;s, 53 secties, 3 voetnoten, 11 voorbeelden, 8 oproepen, 8 cijfers, 19 onderwerpen." in first.replace(
        "'", "&apos;"
    )


# -- CITATION.cff -----------------------------------------------------------------------------------


def test_citation_file_is_generated_from_the_publication_and_changelog():
    expected = citation_cff(load_publication(ROOT / "data"), releases(ROOT / "CHANGELOG.md")[0], Corpus.load(ROOT / "data").reports)
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == expected, "run scripts/citation.py"


CFFCONVERT = ROOT / ".cache/cffconvert-venv/bin/cffconvert"


@pytest.fixture(scope="module")
def cffconvert() -> Path:
    """cffconvert in a virtual environment of its own (it needs jsonschema<4), pinned in tools/."""
    if not CFFCONVERT.is_file():
        venv = CFFCONVERT.parent.parent
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin/pip"), "install", "-q", "-r", str(ROOT / "tools/cffconvert-requirements.txt")], check=True)
    return CFFCONVERT


def apa(cffconvert: Path, path: Path) -> str:
    valid = subprocess.run([str(cffconvert), "--validate", "-i", str(path)], capture_output=True, text=True, check=False)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    return subprocess.run([str(cffconvert), "-f", "apalike", "-i", str(path)], capture_output=True, text=True, check=True).stdout.strip()


def test_the_committed_citation_is_valid_and_reads_well(cffconvert):
    assert (
        apa(cffconvert, ROOT / "CITATION.cff")
        == "Onderhouders van Stand van de uitvoering als open data (2026). Stand van de uitvoering als open data (version 1.0.0)."
    )


def test_a_filled_in_publication_gives_a_citation_with_maintainers_and_url(cffconvert, tmp_path):
    publication = Publication(
        site_url="https://stand.example.nl/", maintainers=(Maintainer("Jansen, A."), Maintainer("Open Data Werkgroep")), doi="10.5281/zenodo.1234567"
    )
    path = tmp_path / "CITATION.cff"
    path.write_text(citation_cff(publication, releases(ROOT / "CHANGELOG.md")[0], Corpus.load(ROOT / "data").reports), encoding="utf-8")
    cited = apa(cffconvert, path)
    assert cited == (
        "Jansen, A., Open Data Werkgroep (2026). Stand van de uitvoering als open data (version 1.0.0). "
        "DOI: 10.5281/zenodo.1234567 URL: https://stand.example.nl/data/"
    )
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["url"] == "https://stand.example.nl/data/"
