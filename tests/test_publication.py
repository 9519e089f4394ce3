"""Who publishes, and the files that make the dataset citable and harvestable: one source, checked.

data/publication.yaml feeds the catalogue, the citation, the Data Package and the pages; the
DCAT-AP-DONL catalogue carries every field the profile marks mandatory, with values from the kept
value lists; released versions are frozen archives whose checksums the CHANGELOG names.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from conftest import ROOT, copy_site_project
from stand.cli import main
from stand.errors import SourceError
from stand.publish.catalogue import ADMS, DONL, PROFILE, VCARD
from stand.publish.corpus import Corpus
from stand.publish.dataset import build_files
from stand.publish.publication import Publication, load_publication
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
        ({"maintainers": [{"name": ""}]}, "maintainers #1: name must be a text of at most 200 characters, without markup (< > { } [ ] ` | * _ \\)"),
        (
            {"maintainers": [{"name": "<img src=x onerror=alert(1)>"}]},
            "maintainers #1: name must be a text of at most 200 characters, without markup (< > { } [ ] ` | * _ \\)",
        ),
        ({"contact": {"url": "https://x.test/a)<script>"}}, "contact.url must be an http(s) address, or null"),
        ({"maintainers": [{"name": "A", "mail": "x"}]}, "maintainers #1 has unknown field(s): mail"),
        ({"contact": {"email": "geen adres"}}, "contact.email must be an e-mail address, or null"),
        ({"contact": ["x"]}, "contact must be a mapping with email and url (each may be null)"),
        ({"repository": ["https://x.test"]}, "repository must be an http(s) address, or null"),
        ({"doi": "https://doi.org/10.1/x"}, "doi must be a DOI such as 10.5281/zenodo.1234567 (without https://doi.org/), or null"),
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
    changelog.write_text(changelog.read_text(encoding="utf-8").replace("## 1.0.0", entry + "## 1.0.0"), encoding="utf-8")
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


def test_every_page_of_a_preview_shows_the_banner(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue  # a redirect left at an old address
        assert '<p class="svdu-preview"><strong>Voorvertoning.</strong>' in text, page
        assert "Data: versie 1.0.1-dev+" in text and "laatste uitgave: 1.0.0 van 23 november 2026" in text, page
        links = text.split('class="svdu-footer__links"')[1].split("</nav>")[0]
        hrefs = [part.split('"')[0] for part in links.split('href="')[1:]]
        assert [part.split("<")[0] for part in links.split('">')[2:]] == ["Over", "Toegankelijkheid", "Privacy", "Data"], page
        for href in hrefs:  # 404.html links from the site root: it is served at any depth
            assert ((site / href.lstrip("/")) if href.startswith("/") else (page.parent / href)).joinpath("index.html").resolve().is_file(), (page, href)


# -- DCAT-AP-DONL ------------------------------------------------------------------------------------

# DCAT-AP-DONL 2.0, docs/properties/{catalog,dataset,distributie,resource}.md: cardinality 1..
MANDATORY = {
    DCAT.Catalog: (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCTERMS.creator, DCAT.contactPoint, FOAF.homepage),
    DCAT.Dataset: (
        DCTERMS.title,
        DCTERMS.description,
        DCTERMS.identifier,
        DCTERMS.publisher,
        DCTERMS.creator,
        DCAT.contactPoint,
        DCTERMS.language,
        DCTERMS.license,
        DCAT.theme,
        ADMS.status,
        DCAT.distribution,
    ),
    DCAT.Distribution: (DCTERMS.title, DCTERMS.description, DCTERMS.license, DCAT.accessURL, DCTERMS.format),
}
LISTED = {
    DCAT.theme: "theme",
    DCTERMS.license: "license",
    DCTERMS.language: "language",
    DCTERMS.accessRights: "access_rights",
    ADMS.status: "status",
    DCTERMS.format: "format",
}


def catalog(files: dict[str, bytes]) -> Graph:
    graph = Graph().parse(data=files["catalog.ttl"].decode("utf-8"), format="turtle")
    as_jsonld = Graph().parse(data=files["catalog.jsonld"].decode("utf-8"), format="json-ld")
    assert graph.isomorphic(as_jsonld), "the Turtle and the JSON-LD say the same"
    return graph


def test_catalogue_has_every_mandatory_donl_field(files):
    graph = catalog(files)
    assert PROFILE == DONL["profile"] == "DCAT-AP-DONL 2.0"
    for kind, required in MANDATORY.items():
        nodes = list(graph.subjects(RDF.type, kind))
        assert nodes, kind
        for node in nodes:
            missing = [str(p) for p in required if graph.value(node, p) is None]
            assert not missing, (node, missing)
    [contact] = graph.objects(URIRef(BASE + "data/#dataset"), DCAT.contactPoint)
    assert str(graph.value(contact, VCARD.fn)) == "Onderhouders van Stand van de uitvoering als open data"


def test_catalogue_values_come_from_the_kept_donl_lists(files):
    graph = catalog(files)
    for predicate, list_name in LISTED.items():
        used = set(graph.objects(None, predicate))
        assert used, predicate
        assert {str(v) for v in used} <= set(DONL["lists"][list_name]["values"].values()), (predicate, used)
    dataset = URIRef(BASE + "data/#dataset")
    assert str(graph.value(dataset, DCTERMS.license)) == "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
    assert str(graph.value(dataset, DCTERMS.accessRights)) == "https://dcat.overheid.nl/application-profile/donl/term/PUBLIEK"
    assert str(graph.value(dataset, DCTERMS.language)) == "https://publications.europa.eu/resource/authority/language/NLD"


def test_catalogue_lists_every_download_with_dates_from_the_changelog(files):
    graph = catalog(files)
    dataset = URIRef(BASE + "data/#dataset")
    downloads = {str(graph.value(d, DCAT.downloadURL)).removeprefix(BASE + "data/") for d in graph.objects(dataset, DCAT.distribution)}
    expected = {name for name in files if not name.startswith(("slices/", "bronnen/", "catalog."))}
    assert downloads == expected
    assert {"csv/calls.csv", "archief/1.0.0/stand-van-de-uitvoering-1.0.0.zip", "versies.atom", "CITATION.cff"} <= downloads
    assert (str(graph.value(dataset, DCTERMS.issued)), str(graph.value(dataset, DCTERMS.modified))) == ("2026-11-23", "2026-11-23")
    sources = sorted(str(graph.value(s, DCTERMS.title)) for s in graph.objects(dataset, DCTERMS.source))
    assert sources == ["Stand van de uitvoering 2022", "Stand van de uitvoering 2023"]
    assert {str(graph.value(graph.value(s, DCTERMS.creator), FOAF.name)) for s in graph.objects(dataset, DCTERMS.source)} == {"Logius"}


# -- provenance to the original and schema.org ---------------------------------------------------


def test_a_page_cites_the_physical_pdf_page_where_the_original_url_is_known():
    from stand.site.pages import all_pages

    corpus = Corpus.load(ROOT / "data")
    report = next(r for r in corpus.reports if r["id"] == "logius-2023")
    report["source"]["url"] = "https://example.test/stand-2023.pdf"
    page = next(p for p in all_pages(corpus, BASE) if p.path == "logius/2023/index.md")
    paragraph = next(p for s in report["sections"] for p in s["paragraphs"] if p["page"] and p["page"] != p["pdf_page"])
    link = (
        f'<a href="https://example.test/stand-2023.pdf#page={paragraph["pdf_page"]}" title="Deze pagina in de gepubliceerde pdf">p.\xa0{paragraph["page"]}</a>'
    )
    source = page.source()
    assert link in (source if isinstance(source, str) else source.decode("utf-8"))
    other = next(p for p in all_pages(corpus, BASE) if p.path == "logius/2022/index.md").source()
    assert "#page=" not in (other if isinstance(other, str) else other.decode("utf-8")), "no link where the URL is unknown"


def test_data_page_names_the_maintainers_not_logius_as_creator(site):
    text = (site / "data/index.html").read_text(encoding="utf-8")
    metadata = json.loads(text.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert metadata["creator"] == metadata["publisher"] == {"@type": "Organization", "name": "Onderhouders van Stand van de uitvoering als open data"}
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
        assert (source["url"], source["pdf_sha256"], source["published"], source["kamerstuk"]) == (None, None, None, None), report["id"]
        assert source["text_from"] == "OCR-export van de gepubliceerde pdf; het OCR-programma is niet bekend"
        assert hashlib.sha256(files[f"bronnen/{source['file']}"]).hexdigest() == source["sha256"], "the published source file is the one checksummed"
    package = json.loads(files["datapackage.json"])
    assert [s["path"] for s in package["sources"]] == ["bronnen/logius-2022.txt", "bronnen/logius-2023.txt"]
    assert package["contributors"] == [{"title": "Onderhouders van Stand van de uitvoering als open data", "role": "publisher"}]
