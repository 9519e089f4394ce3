"""Who publishes, and the files that make the dataset citable and harvestable: one source, checked.

data/publication.yaml feeds the catalogue, the citation, the Data Package and the pages; the
DCAT-AP-DONL catalogue carries every field the profile marks mandatory, with values from the kept
value lists; released versions are frozen archives whose checksums the CHANGELOG names.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SH, SKOS

from conftest import ROOT, copy_site_project, dataset_project
from stand.cli import main
from stand.errors import SourceError
from stand.publish.catalogue import ADMS, DONL, PROFILE, SPDX, VCARD
from stand.publish.corpus import Corpus
from stand.publish.dataset import build_files
from stand.publish.publication import Publication, load_publication, publication_warnings
from stand.publish.versions import data_digest, dataset_version

BASE = "https://example.test/stand/"


def files_of(project: Path) -> dict[str, bytes]:
    version = dataset_version(project / "CHANGELOG.md", data_digest(project / "data"))
    return build_files(project, BASE, Corpus.load(project / "data"), version)


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return files_of(ROOT)


def write_publication(project: Path, document: object) -> None:
    (project / "data/publication.yaml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


# -- data/publication.yaml ------------------------------------------------------------------------


def test_nobody_here_knows_the_maintainers_so_they_stay_unknown():
    publication = load_publication(ROOT / "data")
    assert publication == Publication()
    assert (publication.maintainer_names, publication.has_contact) == ("onbekend", False)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"site_url": 5}, "site_url must be an http(s) address, or null"),
        ({"site_url": "javascript:alert(1)"}, "site_url must be an http(s) address, or null"),
        ({"maintainers": "Jan"}, "maintainers must be a list of {name, url}, or null"),
        (
            {"maintainers": [{"name": ""}]},
            "maintainers #1: name must be a text of at most 200 characters, without markup (< > { } [ ] ` | * _ \\)",
        ),
        (
            {"maintainers": [{"name": "<img src=x onerror=alert(1)>"}]},
            "maintainers #1: name must be a text of at most 200 characters, without markup (< > { } [ ] ` | * _ \\)",
        ),
        ({"contact": {"url": "https://x.test/a)<script>"}}, "contact.url must be an http(s) address, or null"),
        ({"maintainers": [{"name": "A", "mail": "x"}]}, "maintainers #1 has unknown field(s): mail"),
        ({"contact": {"email": "geen adres"}}, "contact.email must be an e-mail address, or null"),
        ({"contact": ["x"]}, "contact must be a mapping with email and url (each may be null)"),
        ({"repository": ["https://x.test"]}, "repository must be an http(s) address, or null"),
        (
            {"doi": "https://doi.org/10.1/x"},
            "doi must be a DOI such as 10.5281/zenodo.1234567 (without https://doi.org/), or null",
        ),
        ({"owner": "x"}, "unknown field: owner"),
    ],
    ids=[
        "url-not-text",
        "url-not-http",
        "maintainers-not-list",
        "empty-name",
        "name-with-markup",
        "url-with-markup",
        "unknown-maintainer-field",
        "bad-email",
        "contact-not-mapping",
        "repository-list",
        "doi-as-url",
        "unknown-field",
    ],
)
def test_each_bad_value_is_one_line_naming_the_field(tmp_path, document, problem):
    (tmp_path / "data").mkdir()
    write_publication(tmp_path, document)
    with pytest.raises(SourceError) as raised:
        load_publication(tmp_path / "data")
    assert raised.value.problems == [problem]


def test_a_bad_publication_file_stops_dataset_and_site_with_exit_2(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    project = copy_site_project(tmp_path / "project")
    write_publication(project, {"site_url": 5, "contact": {"email": "x"}})
    assert main(["--root", str(project), "site"]) == 2
    assert capsys.readouterr().err.splitlines()[-2:] == [
        "error: data/publication.yaml: site_url must be an http(s) address, or null",
        "error: data/publication.yaml: contact.email must be an e-mail address, or null",
    ]
    assert main(["--root", str(project), "dataset"]) == 2
    assert "data/publication.yaml: site_url must be an http(s) address" in capsys.readouterr().err
    assert not (project / "build").exists()


# -- preview ----------------------------------------------------------------------------------------


def released_project(tmp_path: Path) -> Path:
    """A copy whose CHANGELOG releases the current data as 9.9.9."""
    project = copy_site_project(tmp_path / "project")
    changelog = project / "CHANGELOG.md"
    entry = f"## 9.9.9 (2027-01-15)\n\nTest.\n\nData digest: `{data_digest(project / 'data')}`\n\n"
    newest = re.compile(r"^## (?=\d)", re.M)  # before the newest version's heading
    changelog.write_text(newest.sub(entry + "## ", changelog.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    return project


def test_dataset_files_say_preview_without_an_address_and_not_with_one(tmp_path, monkeypatch):
    project = released_project(tmp_path)
    monkeypatch.delenv("SITE_URL", raising=False)
    without = files_of(project)
    for name in ("stand-van-de-uitvoering.json", "datapackage.json", "reports/logius-2023.json"):
        assert json.loads(without[name])["preview"] is True, name
    monkeypatch.setenv("SITE_URL", BASE)
    with_address = files_of(project)
    for name in ("stand-van-de-uitvoering.json", "datapackage.json", "reports/logius-2023.json"):
        assert json.loads(with_address[name])["preview"] is False, name
    write_publication(project, {"site_url": BASE})  # the file's address counts as well
    monkeypatch.delenv("SITE_URL")
    assert json.loads(files_of(project)["stand-van-de-uitvoering.json"])["preview"] is False


PREVIEW_BANNER = (
    '<details class="svdu-preview"><summary><strong>Voorvertoning:</strong> niet de gepubliceerde site</summary>'
)


def test_every_page_of_the_released_site_names_its_version_and_links_the_footer(site):
    """The committed data is released (2.0.0) and the test site has an address: no page is a preview."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue  # a redirect left at an old address
        assert PREVIEW_BANNER not in text and "Data: versie 2.0.0 van 7 december 2026" in text, page
        links = text.split('class="svdu-footer__links"')[1].split("</nav>")[0]
        hrefs = [part.split('"')[0] for part in links.split('href="')[1:]]
        assert [part.split("<")[0] for part in links.split('">')[2:]] == [
            "Over",
            "Toegankelijkheid",
            "Privacy",
            "Data",
        ], page
        for href in hrefs:  # 404.html links from the site root: it is served at any depth
            assert (
                ((site / href.lstrip("/")) if href.startswith("/") else (page.parent / href))
                .joinpath("index.html")
                .resolve()
                .is_file()
            ), (page, href)


# -- DCAT-AP 3 and DCAT-AP-NL 3.0 ------------------------------------------------------------------

SHAPES = ROOT.parent / "shared" / "dcat-ap-3.0.1"  # SEMIC's official shapes, not ours to copy into the repository
SHAPE_FILES = (
    "releases_3.0.1_html_shacl_shapes.ttl",
    "releases_3.0.1_html_shacl_mdr-vocabularies.shape.ttl",
    "releases_3.0.1_html_shacl_range.ttl",
)
LISTED = {
    DCAT.theme: ("theme", "data_theme"),
    DCTERMS.language: ("language",),
    DCTERMS.accessRights: ("access_rights",),
    DCTERMS.accrualPeriodicity: ("frequency",),
    ADMS.status: ("status",),
    DCTERMS.format: ("format",),
}


def catalog(files: dict[str, bytes]) -> Graph:
    graph = Graph().parse(data=files["catalog.ttl"].decode("utf-8"), format="turtle")
    as_jsonld = Graph().parse(data=files["catalog.jsonld"].decode("utf-8"), format="json-ld")
    assert graph.isomorphic(as_jsonld), "the Turtle and the JSON-LD say the same"
    return graph


def shacl_violations(graph: Graph) -> list[str]:
    """Every violation (not warning) of the DCAT-AP 3.0.1 core, vocabulary and range shapes, one line each."""
    pyshacl = pytest.importorskip("pyshacl")
    shapes = Graph()
    for name in SHAPE_FILES:
        shapes.parse(SHAPES / name, format="turtle")
    assert len(shapes) > 1000, "the shapes are there"
    _, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True)
    results = [r for r in report.objects(None, SH.result) if report.value(r, SH.resultSeverity) == SH.Violation]
    return sorted(
        f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultPath)} {report.value(r, SH.value)}: "
        f"{report.value(r, SH.resultMessage)}"
        for r in results
    )


def test_catalogue_passes_the_official_dcat_ap_3_shapes(files):
    assert PROFILE == DONL["profile"] == "DCAT-AP 3.0.1, DCAT-AP-NL 3.0"
    assert shacl_violations(catalog(files)) == []


def test_the_shapes_catch_an_https_language_and_an_untyped_concept(files):
    graph = catalog(files)
    nld = URIRef("http://publications.europa.eu/resource/authority/language/NLD")
    for node in list(graph.subjects(DCTERMS.language, nld)):
        graph.remove((node, DCTERMS.language, nld))
        graph.add((node, DCTERMS.language, URIRef("https://publications.europa.eu/resource/authority/language/NLD")))
    graph.remove((URIRef("http://publications.europa.eu/resource/authority/file-type/CSV"), SKOS.inScheme, None))
    found = shacl_violations(graph)
    assert any("language" in line for line in found) and any("file-type/CSV" in line for line in found), found


def test_every_concept_is_an_eu_authority_value_typed_and_in_its_table(files):
    graph = catalog(files)
    for predicate, list_names in LISTED.items():
        used = set(graph.objects(None, predicate))
        assert used, predicate
        kept = {str(v): name for name in list_names for v in DONL["lists"][name]["values"].values()}
        assert {str(v) for v in used} <= set(kept), (predicate, used)
        for value in used:
            assert (value, RDF.type, SKOS.Concept) in graph, value
            assert str(graph.value(value, SKOS.inScheme)) == DONL["lists"][kept[str(value)]]["scheme"], value
    dataset = URIRef(BASE + "data/#dataset")
    assert (
        str(graph.value(dataset, DCTERMS.language)) == "http://publications.europa.eu/resource/authority/language/NLD"
    )
    assert (
        str(graph.value(dataset, DCTERMS.accrualPeriodicity))
        == "http://publications.europa.eu/resource/authority/frequency/ANNUAL"
    )
    assert (
        str(graph.value(dataset, DCTERMS.accessRights))
        == "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
    )
    assert URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE") in set(
        graph.objects(dataset, DCAT.theme)
    )
    for kept in DONL["lists"].values():
        assert kept["source"].startswith("https://"), kept


def test_every_distribution_has_its_file_type_media_type_size_and_checksum(files):
    graph = catalog(files)
    expected = {
        "parquet/calls.parquet": ("PARQUET", "application/vnd.apache.parquet"),
        "stand-van-de-uitvoering.sqlite": ("OCTET", "application/vnd.sqlite3"),
        "stand-van-de-uitvoering.xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "csv/paragraphs.csv": ("CSV", "text/csv"),
        "citeren/logius-2023.bib": ("TXT", "text/plain"),
        "citeren/logius-2023.json": ("JSON", "application/vnd.citationstyles.csl+json"),
        "CITATION.cff": ("YAML", "application/yaml"),
    }
    seen = {}
    for node in graph.subjects(RDF.type, DCAT.Distribution):
        path = str(graph.value(node, DCAT.downloadURL)).removeprefix(BASE + "data/")
        checksum = graph.value(node, SPDX.checksum)
        assert str(graph.value(checksum, SPDX.algorithm)) == "https://spdx.org/rdf/terms#checksumAlgorithm_sha256"
        assert str(graph.value(checksum, SPDX.checksumValue)) == hashlib.sha256(files[path]).hexdigest(), path
        assert int(graph.value(node, DCAT.byteSize)) == len(files[path]), path
        media = str(graph.value(node, DCAT.mediaType))
        assert media.startswith("https://www.iana.org/assignments/media-types/"), path
        seen[path] = (str(graph.value(node, DCTERMS.format)).rsplit("/", 1)[1], media.split("media-types/")[1])
    assert {path: seen[path] for path in expected} == expected
    octet = sorted(path for path, (kind, _) in seen.items() if kind == "OCTET")
    assert octet == ["stand-van-de-uitvoering.sqlite"], "only the database, which the EU table does not list"


def test_catalogue_lists_every_download_with_dates_period_and_typed_sources(files):
    graph = catalog(files)
    dataset = URIRef(BASE + "data/#dataset")
    downloads = {
        str(graph.value(d, DCAT.downloadURL)).removeprefix(BASE + "data/")
        for d in graph.objects(dataset, DCAT.distribution)
    }
    expected = {name for name in files if not name.startswith(("slices/", "bronnen/", "catalog."))}
    assert downloads == expected
    assert {
        "csv/calls.csv",
        "archief/1.0.0/stand-van-de-uitvoering-1.0.0.zip",
        "versies.atom",
        "CITATION.cff",
    } <= downloads
    assert (str(graph.value(dataset, DCTERMS.issued)), str(graph.value(dataset, DCTERMS.modified))) == (
        "2026-11-23",
        "2026-12-07",
    )
    period = graph.value(dataset, DCTERMS.temporal)
    years = sorted({r["year"] for r in Corpus.load(ROOT / "data").reports})
    assert (str(graph.value(period, DCAT.startDate)), str(graph.value(period, DCAT.endDate))) == (
        f"{years[0]}-01-01",
        f"{years[-1]}-12-31",
    )
    sources = sorted(graph.objects(dataset, DCTERMS.source))
    assert sorted(str(graph.value(s, DCTERMS.title)) for s in sources) == [
        "Stand van de uitvoering 2022",
        "Stand van de uitvoering 2023",
    ]
    assert all((s, RDF.type, DCAT.Dataset) in graph and graph.value(s, DCTERMS.description) for s in sources)
    assert {str(graph.value(graph.value(s, DCTERMS.creator), FOAF.name)) for s in sources} == {"Logius"}


def test_a_missing_contact_point_is_left_out_and_release_warns_naming_the_field(files, tmp_path, monkeypatch, capsys):
    assert graph_contact(catalog(files)) is None, "nobody here knows a contact: none is invented"
    project = dataset_project(tmp_path)
    write_publication(project, {"contact": {"email": "beheer@example.test", "url": None}})
    graph = catalog(files_of(project))
    assert str(graph.value(graph_contact(graph), VCARD.hasEmail)) == "mailto:beheer@example.test"
    monkeypatch.delenv("SITE_URL", raising=False)
    assert main(["--root", str(ROOT), "release"]) == 2
    assert "warning: data/publication.yaml: contact.email and contact.url are both empty" in capsys.readouterr().err
    assert publication_warnings(load_publication(project / "data")) == []


def test_every_file_has_one_licence_and_the_report_text_is_not_cc0(files):
    text_url, cc0 = BASE + "data/#licentie-rapporttekst", "http://creativecommons.org/publicdomain/zero/1.0/"
    package = json.loads(files["datapackage.json"])
    licences = {r["path"]: r["licenses"] for r in package["resources"]}
    assert all(len(found) == 1 for found in licences.values())
    by_path = {path: found[0]["path"] for path, found in licences.items()}
    assert (
        by_path["csv/paragraphs.csv"]
        == by_path["parquet/calls.parquet"]
        == by_path["stand-van-de-uitvoering.sqlite"]
        == text_url
    )
    assert (
        by_path["csv/themes.csv"]
        == by_path["parquet/topics.parquet"]
        == "https://creativecommons.org/publicdomain/zero/1.0/"
    )
    assert licences["csv/themes.csv"][0]["name"] == "CC0-1.0"
    graph = catalog(files)
    licence = {
        str(graph.value(d, DCAT.downloadURL)).removeprefix(BASE + "data/"): str(graph.value(d, DCTERMS.license))
        for d in graph.subjects(RDF.type, DCAT.Distribution)
    }
    assert (licence["csv/paragraphs.csv"], licence["csv/footnotes.csv"], licence["csv/reports.csv"]) == (
        text_url,
        text_url,
        cc0,
    )
    assert licence["stand-van-de-uitvoering.json"] == text_url and licence["CITATION.cff"] == cc0
    said = {d.language: str(d) for d in graph.objects(URIRef(text_url), DCTERMS.description)}
    assert (
        "Wet hergebruik van overheidsinformatie" in said["nl"] and "Re-use of Government Information Act" in said["en"]
    )
    listed = files["LICENTIE.txt"].decode("utf-8")
    assert "| `csv/paragraphs.csv` | Rapporttekst: hergebruik als overheidspublicatie |" in listed
    assert "| `csv/themes.csv` | CC0 1.0 |" in listed and "*English:*" in listed
    head = json.loads(files["reports/logius-2023.json"])["license"]
    assert head == f"Rapporttekst: hergebruik als overheidspublicatie: {text_url}"


def graph_contact(graph: Graph) -> URIRef | None:
    return graph.value(URIRef(BASE + "data/#dataset"), DCAT.contactPoint)


# -- provenance to the original and schema.org ---------------------------------------------------


def test_a_page_cites_the_physical_pdf_page_where_the_original_url_is_known():
    from stand.site.pages import all_pages

    corpus = Corpus.load(ROOT / "data")
    report = next(r for r in corpus.reports if r["id"] == "logius-2023")
    report["source"]["url"] = "https://example.test/stand-2023.pdf"
    page = next(p for p in all_pages(corpus, BASE) if p.path == "logius/2023/index.md")
    paragraph = next(p for s in report["sections"] for p in s["paragraphs"] if p["page"] and p["page"] != p["pdf_page"])
    link = (
        f'<a href="https://example.test/stand-2023.pdf#page={paragraph["pdf_page"]}" '
        f'title="Deze pagina in de gepubliceerde pdf">p.\xa0{paragraph["page"]}</a>'
    )
    assert link in page.text()
    other = next(p for p in all_pages(corpus, BASE) if p.path == "logius/2022/index.md").text()
    assert "#page=" not in other, "no link where the URL is unknown"


def test_data_page_names_the_maintainers_not_logius_as_creator(site):
    text = (site / "data/index.html").read_text(encoding="utf-8")
    metadata = json.loads(text.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert (
        metadata["creator"]
        == metadata["publisher"]
        == {"@type": "Organization", "name": "Onderhouders van Stand van de uitvoering als open data"}
    )
    assert [(r["name"], r["author"]["name"]) for r in metadata["isBasedOn"]] == [
        ("Stand van de uitvoering 2022", "Logius"),
        ("Stand van de uitvoering 2023", "Logius"),
    ]
    assert "bronnen/logius-2022.txt" in text and "archief/1.0.0/stand-van-de-uitvoering-1.0.0.zip" in text
    assert (site / "data/bronnen/logius-2022.txt").read_bytes() == (ROOT / "data/sources/logius-2022.txt").read_bytes()


def test_each_report_says_where_it_comes_from_and_nothing_is_guessed(files):
    dataset = json.loads(files["stand-van-de-uitvoering.json"])
    for report in dataset["reports"]:
        source = report["source"]
        assert (source["url"], source["pdf_sha256"], source["published"], source["kamerstuk"]) == (
            None,
            None,
            None,
            None,
        ), report["id"]
        assert source["text_from"] == "OCR-export van de gepubliceerde pdf; het OCR-programma is niet bekend"
        assert hashlib.sha256(files[f"bronnen/{source['file']}"]).hexdigest() == source["sha256"], (
            "the published source file is the one checksummed"
        )
    package = json.loads(files["datapackage.json"])
    assert [s["path"] for s in package["sources"]] == ["bronnen/logius-2022.txt", "bronnen/logius-2023.txt"]
    assert package["contributors"] == [
        {"title": "Onderhouders van Stand van de uitvoering als open data", "role": "publisher"}
    ]
