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
from stand.publish.ids_moved import load_moves, moves_of
from stand.publish.publication import Maintainer, Publication, load_publication
from stand.publish.version_rule import MAJOR, MINOR, PATCH, Published, compare, from_archive, published
from stand.publish.versions import DIGESTED, archive_path, data_digest, deterministic_zip, releases
from test_publication import files_of, released_project

# -- versions: archives and feed ------------------------------------------------------------------


def test_every_released_archive_matches_its_changelog_checksum():
    history = releases(ROOT / "CHANGELOG.md")
    assert [(r.number, r.date) for r in history] == [("2.0.0", "2026-12-07"), ("1.0.0", "2026-11-23")]
    for release in history:
        content = archive_path(ROOT, release.number).read_bytes()
        assert hashlib.sha256(content).hexdigest() == release.sha256, release.number
        with zipfile.ZipFile(archive_path(ROOT, release.number)) as archive:
            names = archive.namelist()
            dataset = json.loads(archive.read(f"stand-van-de-uitvoering-{release.number}/stand-van-de-uitvoering.json"))
        assert names == sorted(names) and len(names) == {"2.0.0": 81, "1.0.0": 49}[release.number]
        assert dataset["version"] == release.number
        assert {kind: len(dataset[kind]) for kind in ("reports", "examples", "calls", "figures")} == {
            "2.0.0": {"reports": 2, "examples": 11, "calls": 16, "figures": 14},
            "1.0.0": {"reports": 2, "examples": 11, "calls": 8, "figures": 8},
        }[release.number]


def test_an_archive_is_byte_identical_when_made_twice():
    files = {"b.csv": b"x\n", "a.json": b"{}\n"}
    first = deterministic_zip(files, "v")
    assert first == deterministic_zip(dict(reversed(files.items())), "v")
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert [(i.filename, i.date_time) for i in archive.infolist()] == [
            ("v/a.json", (1980, 1, 1, 0, 0, 0)),
            ("v/b.csv", (1980, 1, 1, 0, 0, 0)),
        ]


def test_feed_lists_what_a_version_added_removed_and_changed(tmp_path):
    project = released_project(tmp_path)
    shutil.copytree(ROOT / "releases", project / "releases", dirs_exist_ok=True)
    current = files_of(project)
    frozen = deterministic_zip(
        {"stand-van-de-uitvoering.json": current["stand-van-de-uitvoering.json"]}, "stand-van-de-uitvoering-9.9.9"
    )
    archive_path(project, "9.9.9").parent.mkdir(parents=True)
    archive_path(project, "9.9.9").write_bytes(frozen)
    feed = files_of(project)["versies.atom"].decode("utf-8")
    entries = feed.split("<entry>")[1:]
    titles = [e.split("<title>")[1].split("</title>")[0] for e in entries]
    assert titles == ["Versie 9.9.9", "Versie 2.0.0", "Versie 1.0.0"]
    test_release, newest, first = entries
    assert "<updated>2027-01-15T00:00:00Z</updated>" in test_release
    assert "Geen records veranderd sinds versie 2.0.0." in test_release
    assert "<updated>2026-12-07T00:00:00Z</updated>" in newest
    assert "Verschillen met versie 1.0.0:" in newest
    assert "- oproepen: 8 nieuw, 0 weg, 8 gewijzigd" in newest  # 8 calls in 1.0.0, 16 now
    assert "nieuw: logius-2022-oproep-het-is-nodig-om-de-ambities" in newest
    assert "- voetnoten: 3 nieuw, 3 weg, 0 gewijzigd" in newest  # footnote ids lost their page number
    assert "weg: logius-2022-voetnoot-5-1" in newest and "nieuw: logius-2022-voetnoot-1-de-tweede-kamer-is" in newest
    assert "- verhaallijnen: 2 nieuw, 0 weg, 0 gewijzigd" in newest
    assert (
        "Eerste versie: 2 rapporten, 4 thema&apos;s, 53 secties, 3 voetnoten, 11 voorbeelden, 8 oproepen, "
        "8 cijfers, 19 onderwerpen." in first.replace("'", "&apos;")
    )


# -- CITATION.cff -----------------------------------------------------------------------------------


def test_citation_file_is_generated_from_the_publication_and_changelog():
    expected = citation_cff(
        load_publication(ROOT / "data"), releases(ROOT / "CHANGELOG.md")[0], Corpus.load(ROOT / "data").reports
    )
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == expected, "run scripts/citation.py"


CFFCONVERT = ROOT / ".cache/cffconvert-venv/bin/cffconvert"


@pytest.fixture(scope="module")
def cffconvert() -> Path:
    """cffconvert in a virtual environment of its own (it needs jsonschema<4), pinned in tools/."""
    if not CFFCONVERT.is_file():
        venv = CFFCONVERT.parent.parent
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin/pip"), "install", "-q", "-r", str(ROOT / "tools/cffconvert-requirements.txt")], check=True
        )
    return CFFCONVERT


def apa(cffconvert: Path, path: Path) -> str:
    valid = subprocess.run(
        [str(cffconvert), "--validate", "-i", str(path)], capture_output=True, text=True, check=False
    )
    assert valid.returncode == 0, valid.stdout + valid.stderr
    return subprocess.run(
        [str(cffconvert), "-f", "apalike", "-i", str(path)], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_committed_citation_is_valid_and_reads_well(cffconvert):
    assert apa(cffconvert, ROOT / "CITATION.cff") == (
        "Onderhouders van Stand van de uitvoering als open data (2026). "
        "Stand van de uitvoering als open data (version 2.0.0)."
    )


def test_a_filled_in_publication_gives_a_citation_with_maintainers_and_url(cffconvert, tmp_path):
    publication = Publication(
        site_url="https://stand.example.nl/",
        maintainers=(Maintainer("Jansen, A."), Maintainer("Open Data Werkgroep")),
        doi="10.5281/zenodo.1234567",
    )
    path = tmp_path / "CITATION.cff"
    path.write_text(
        citation_cff(publication, releases(ROOT / "CHANGELOG.md")[0], Corpus.load(ROOT / "data").reports),
        encoding="utf-8",
    )
    cited = apa(cffconvert, path)
    assert cited == (
        "Jansen, A., Open Data Werkgroep (2026). Stand van de uitvoering als open data (version 2.0.0). "
        "DOI: 10.5281/zenodo.1234567 URL: https://stand.example.nl/data/"
    )
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["url"] == "https://stand.example.nl/data/"


# -- the version rule -------------------------------------------------------------------------------


def synthetic(figures: str, *, json_doc: dict | None = None, types: dict | None = None, **tables: str) -> Published:
    """A small published dataset: csv/figures.csv (and any other table) from CSV text, the JSON and the Data Package's
    field types if given."""
    files = {f"csv/{name}.csv": text.encode("utf-8") for name, text in {"figures": figures, **tables}.items()}
    if json_doc is not None:
        files["stand-van-de-uitvoering.json"] = json.dumps(json_doc).encode("utf-8")
    if types is not None:
        fields = [{"name": name, "type": kind} for name, kind in types.items()]
        files["datapackage.json"] = json.dumps(
            {"resources": [{"path": "csv/figures.csv", "schema": {"fields": fields}}]}
        ).encode()
    return published(files)


FIGURES = (
    "id,report,value,text,url\n"
    "logius-2022-cijfer-20,logius-2022,20,20%,/a\n"
    "logius-2022-cijfer-78,logius-2022,78,78%,/b\n"
)


def test_rule_a_removed_id_without_a_move_is_major_and_unaccounted():
    new = synthetic("id,report,value,text,url\nlogius-2022-cijfer-20,logius-2022,20,20%,/a\n")
    verdict = compare(synthetic(FIGURES), new)
    assert (verdict.level, verdict.next_version("1.0.0")) == (MAJOR, "2.0.0")
    assert verdict.reasons == verdict.unaccounted == ["figures: id logius-2022-cijfer-78 removed without a move"]


def test_rule_a_renamed_id_is_major_with_its_move_and_unaccounted_without():
    renamed = FIGURES.replace("logius-2022-cijfer-78,", "logius-2022-cijfer-78-procent-van-de,")
    listed = compare(
        synthetic(FIGURES),
        synthetic(renamed),
        {("figures", "logius-2022-cijfer-78"): "logius-2022-cijfer-78-procent-van-de"},
    )
    assert listed.level == MAJOR and listed.unaccounted == []
    assert listed.reasons == [
        "figures: id logius-2022-cijfer-78 moved to logius-2022-cijfer-78-procent-van-de (ids-moved.csv)"
    ]
    unlisted = compare(synthetic(FIGURES), synthetic(renamed))
    assert unlisted.unaccounted == ["figures: id logius-2022-cijfer-78 removed without a move"]
    assert unlisted.of(MINOR) == ["figures: new record logius-2022-cijfer-78-procent-van-de"]
    stale = compare(
        synthetic(FIGURES), synthetic(renamed), {("figures", "logius-2022-cijfer-78"): "logius-2022-cijfer-78-x"}
    )
    assert stale.unaccounted == [
        "figures: id logius-2022-cijfer-78 moved to logius-2022-cijfer-78-x, which does not exist"
    ]
    removed = compare(
        synthetic(FIGURES),
        synthetic(renamed.splitlines()[0] + "\n" + renamed.splitlines()[1] + "\n"),
        {("figures", "logius-2022-cijfer-78"): None},
    )
    assert removed.level == MAJOR and removed.unaccounted == []
    assert removed.reasons == ["figures: id logius-2022-cijfer-78 removed (ids-moved.yaml: no successor)"]


def test_rule_a_removed_field_table_or_file_or_a_changed_type_is_major():
    without_value = (
        "id,report,text,url\nlogius-2022-cijfer-20,logius-2022,20%,/a\nlogius-2022-cijfer-78,logius-2022,78%,/b\n"
    )
    removed_field = compare(synthetic(FIGURES), synthetic(without_value))
    assert (removed_field.level, removed_field.reasons) == (MAJOR, ["figures: field value removed"])
    old = synthetic(FIGURES, calls="id,text\nlogius-2022-oproep-a,Graag.\n")
    verdict = compare(old, synthetic(FIGURES))
    assert verdict.level == MAJOR
    assert verdict.reasons == ["calls: table removed (csv/calls.csv)", "files: csv/calls.csv removed"]
    retyped = compare(synthetic(FIGURES, types={"value": "number"}), synthetic(FIGURES, types={"value": "string"}))
    assert (retyped.level, retyped.reasons) == (MAJOR, ["figures: field value changed type from number to string"])
    json_field = compare(
        synthetic(FIGURES, json_doc={"reports": [{"id": "r", "signatory": "x"}]}),
        synthetic(FIGURES, json_doc={"reports": [{"id": "r"}]}),
    )
    assert (json_field.level, json_field.reasons) == (MAJOR, ["json: field reports[].signatory removed"])


def test_rule_a_new_record_field_or_table_is_minor():
    more = "id,report,value,text,kind,url\nlogius-2022-cijfer-20,logius-2022,20,20%,percentage,/a\n"
    more += "logius-2022-cijfer-78,logius-2022,78,78%,percentage,/b\nlogius-2023-cijfer-58,logius-2023,58,58,count,/c\n"
    verdict = compare(synthetic(FIGURES), synthetic(more, repairs="report,position\nlogius-2023,1\n"))
    assert (verdict.level, verdict.next_version("1.0.0")) == (MINOR, "1.1.0")
    assert verdict.reasons == [
        "repairs: new table (csv/repairs.csv)",
        "figures: new field kind",
        "figures: new record logius-2023-cijfer-58",
        "files: new csv/repairs.csv",
    ]


def test_rule_only_changed_text_is_a_patch_and_links_are_no_change():
    fixed = FIGURES.replace(",78%,", ",78 %,")
    verdict = compare(
        synthetic(FIGURES, json_doc={"license": "CC0-1.0", "version": "1.0.0"}),
        synthetic(fixed, json_doc={"license": "Rapporttekst", "version": "1.0.1"}),
    )
    assert (verdict.level, verdict.next_version("1.0.0")) == (PATCH, "1.0.1")
    assert verdict.reasons == [
        "figures: id logius-2022-cijfer-78 changed (text)",
        "json: license changed from 'CC0-1.0' to 'Rapporttekst'",
    ]
    moved_site = compare(synthetic(FIGURES), synthetic(FIGURES.replace(",/a", ",https://stand.example/a")))
    assert (moved_site.level, moved_site.reasons, moved_site.next_version("1.0.0")) == (None, [], "1.0.0")


def test_rule_computes_a_key_column_the_old_version_lacked():
    old = "topic,paragraph,alias\ndigid,logius-2022-p1,DigiD\ndigid,logius-2022-p2,DigiD\n"
    new = "topic,paragraph,footnote,offset,in_text,alias\ndigid,logius-2022-p1,,4,logius-2022-p1,DigiD\n"
    verdict = compare(synthetic(FIGURES, mentions=old), synthetic(FIGURES, mentions=new))
    assert verdict.unaccounted == ["mentions: key topic, in_text digid | logius-2022-p2 removed without a move"]
    assert "mentions: records compared by topic, in_text (offset is new)" in verdict.of(MINOR)


@pytest.fixture(scope="module")
def current() -> Published:
    return published(files_of(ROOT))


def test_the_rule_says_2_0_0_from_the_1_0_0_archive_to_the_data_now(current):
    released = from_archive(archive_path(ROOT, "1.0.0"))
    moves = moves_of(load_moves(ROOT), since="1.0.0")
    verdict = compare(released, current, moves)
    assert (verdict.level, verdict.next_version("1.0.0")) == (MAJOR, "2.0.0")
    assert verdict.unaccounted == []
    # Major because record ids changed, each listed in ids-moved.yaml; nothing else is major.
    assert sorted(verdict.of(MAJOR)) == sorted(
        f"{t}: id {old} moved to {new} (ids-moved.csv)" for (t, old), new in moves.items()
    )
    assert (
        "figures: id logius-2022-cijfer-20 moved to logius-2022-cijfer-20-procent-van-de (ids-moved.csv)"
        in verdict.reasons
    )
    assert {t for t, _ in moves} == {"figures", "footnotes", "example_parts", "sections"}
    minor = verdict.of(MINOR)
    for line in (
        "reports: new field reviewed",
        "mentions: new field in_text",
        "repairs: new table (csv/repairs.csv)",
        "files: new ids-moved.csv",
        "json: new field reports[].reviewed",
    ):
        assert line in minor
    licence = "json: license changed from 'CC0-1.0' to 'Rapporttekst: hergebruik als overheidspublicatie: "
    assert [line for line in verdict.of(PATCH) if line.startswith("json:")] == [
        licence + "https://example.test/stand/data/#licentie-rapporttekst'"
    ]
    # Without the list, every one of those ids is gone unaccounted for.
    assert len(compare(released, current).unaccounted) == len(moves) == 44


@pytest.mark.parametrize("name", ["reports/logius-2023.yaml", *DIGESTED])
def test_the_data_digest_changes_with_every_file_the_dataset_publishes_from(tmp_path, name):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    before = data_digest(data)
    with (data / name).open("a", encoding="utf-8") as file:
        file.write("# changed\n")
    assert data_digest(data) != before, f"{name} changed but the data digest did not"
