"""Text from a report or the manifest is text wherever it lands, and every page has a Content-Security-Policy.

Text is checked once, at the door (:mod:`stand.io`): valid Unicode only, composed (NFC), control and bidi
characters removed and logged, single-line fields one line, patterns anchored, URLs re-written as RFC 3986.

A copy of the site is built with hostile strings (markup, a comment opener, template syntax, control
characters) in a report's organisation, title and subtitle, an example's heading, a paragraph, a
footnote, a figure and a topic name. In headless Chromium none of it runs and all of it shows as its
own characters: in the text, <title>, header, meta description and search results. On the normal
site every page has a policy that allows exactly the theme's inline scripts, and no page breaks it.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import shutil
import unicodedata
from urllib.parse import quote

import pytest
import yaml
from bs4 import BeautifulSoup
from rdflib.term import _is_valid_uri
from selenium.webdriver.common.by import By

from conftest import ROOT, build_site, copy_site_project, extract, polls, serve
from stand.cli import main
from stand.io import web_address
from stand.publish.urls import example_path, report_path, theme_path, topic_path
from stand.site.plugin import redirect_page
from test_accessibility import one_page_of_every_kind, start_browser

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = '"><script>window.__pwned=2</script>'
# Markup, a comment that would swallow the rest of the page, template syntax, and what must not be
# escaped twice: "&" and typographic quotes. NUL and BEL are dropped, so they are not in what shows.
HOSTILE_PARTS = (IMG, SCRIPT, "<!--", "</script>", "{{ 7*7 }}", "{% raw %}", "A & B ‘q’")
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile(field: str) -> str:
    """What goes into the data: the field's name, then every hostile part, then NUL and BEL."""
    return " ".join((field, *HOSTILE_PARTS)) + " \x00\x07einde"


def shown(field: str) -> str:
    """What a reader must see of ``hostile(field)``: the same characters, without the controls."""
    return " ".join((field, *HOSTILE_PARTS)) + " einde"


# Installed in every document before the page's own scripts: collects the page's CSP violations.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ': ' + e.sample), true);
"""


# -- the hostile copy of the site -------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> dict:
    """The site built from data with hostile strings; which page shows which field."""
    base = tmp_path_factory.mktemp("hostile")
    project = copy_site_project(base / "project")
    report_file = project / "data/reports/logius-2023.yaml"
    report = yaml.safe_load(report_file.read_text(encoding="utf-8"))
    report |= {"organisation": hostile("Organisatie"), "title": hostile("Titel"), "subtitle": hostile("Ondertitel")}
    example = next(e for e in report["examples"] if e["id"] == "logius-2023-acict-advies-op-de-infrastructuur")
    section = next(s for s in report["sections"] if s["id"] == example["id"])
    example["title"] = section["title"] = hostile("Voorbeeld")
    example["heading"] = section["heading"] = "Illustratie: " + hostile("Voorbeeld")
    paragraph = next(p for s in report["sections"] for p in s["paragraphs"] if p["id"] == example["paragraphs"][0])
    paragraph["text"] += " " + hostile(
        "Alinea"
    )  # appended: the sentences that calls and figures quote stay as they are
    footnote = {
        "id": "logius-2023-voetnoot-1-vijandig",
        "number": 1,
        "page": None,
        "pdf_page": paragraph["pdf_page"],
        "section": section["id"],
    }
    report["footnotes"] = [footnote | {"text": hostile("Voetnoot")}]
    paragraph["footnotes"] = [{"footnote": footnote["id"], "number": 1, "offset": 10}]
    report["figures"][0] |= {
        "text": hostile("Tekst"),
        "label": hostile("Cijfer"),
    }  # pages print the label, the dataset both
    report_file.write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")
    topics_file = project / "data/topics.yaml"
    topics = yaml.safe_load(topics_file.read_text(encoding="utf-8"))
    topic_id = "acict"  # named in the example, and on its theme's page
    assert topic_id in example["topics"]
    next(t for t in topics["topics"] if t["id"] == topic_id)["name"] = hostile("Onderwerp")
    topics_file.write_text(yaml.safe_dump(topics, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = base / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    return {"site": site, "pages": hostile_pages(report, example, topic_id)}


def hostile_pages(report: dict, example: dict, topic_id: str) -> dict:
    """Per page: the fields its text shows; its <title> (and header) if data makes it; the field in its description."""
    cited = ["Organisatie", "Titel"]  # every quote from the report cites it by organisation and title
    return {
        report_path(report): {
            "fields": [*cited, "Ondertitel", "Voorbeeld", "Alinea", "Voetnoot"],
            "title": f"{shown('Organisatie')} — {shown('Titel')}",
            "description": "Organisatie",
        },
        example_path(example["id"]): {
            "fields": [*cited, "Voorbeeld", "Alinea", "Onderwerp"],
            "title": f"{shown('Voorbeeld')} ({shown('Organisatie')} 2023)",
            "description": "Voorbeeld",
        },
        theme_path(example["theme"]): {
            "fields": [*cited, "Voorbeeld", "Onderwerp"],
            "title": None,
            "description": None,
        },
        topic_path(topic_id): {
            "fields": [*cited, "Onderwerp"],
            "title": shown("Onderwerp"),
            "description": "Onderwerp",
        },
        "cijfers/": {"fields": [*cited, "Cijfer"], "title": None, "description": None},
    }


def test_hostile_data_reaches_the_built_files_only_as_text(hostile_site):
    """The files themselves: no markup from the data, no control character, "&" escaped once."""
    site = hostile_site["site"]
    for path in sorted(site.rglob("*.html")):
        raw = path.read_text(encoding="utf-8")
        assert CONTROL_CHARACTER.search(raw) is None, f"{path}: control character"
        for markup in ("<img src=x", "<script>window", "<!-- "):
            assert markup not in raw, f"{path}: {markup!r} as markup"
        assert "&amp;amp;" not in raw and "&amp;lt;" not in raw, f"{path}: escaped twice"
    for url, page in hostile_site["pages"].items():
        soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        text = soup.select_one("article").get_text()
        assert all(shown(field) in text for field in page["fields"]), url
        if page["title"]:
            assert soup.title.get_text() == f"{page['title']} - Stand van de uitvoering", url
            assert soup.select_one("[data-md-component=header-topic]").get_text(strip=True) == page["title"], url
        if page["description"]:
            assert shown(page["description"]) in soup.find("meta", attrs={"name": "description"})["content"], url
    # The search index: the text of the paragraph and footnote as their own characters, and the organisation and
    # title, headings and topic names as text too; the search page puts them in with textContent.
    for path in sorted((site / "pagefind/fragment").glob("*.pf_fragment")):
        fragment = gzip.decompress(path.read_bytes()).decode("utf-8")
        assert CONTROL_CHARACTER.search(fragment) is None and "\ufffd" not in fragment, path
    indexed = [
        json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd") :])
        for p in (site / "pagefind/fragment").glob("*")
    ]
    texts = {record["content"] for record in indexed}
    assert (
        any(shown("Alinea") in text for text in texts) and shown("Voetnoot") + "." in texts
    )  # Pagefind ends a block with a full stop
    assert f"{shown('Organisatie')}, {shown('Titel')}" in {
        r for record in indexed for r in record["filters"]["rapport"]
    }
    assert any(shown("Voorbeeld") in record["meta"]["title"] for record in indexed)
    aids = json.loads((site / "zoeken/zoekhulp.json").read_text(encoding="utf-8"))
    assert shown("Onderwerp") in {s["name"] for s in aids["suggestions"]}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
    yield driver
    driver.quit()


def settle(driver) -> dict:
    """After the page's scripts and any CSP reports: what ran, what was blocked, what shows."""
    return driver.execute_script(
        "return new Promise(r => setTimeout(() => r({"
        "pwned: typeof window.__pwned, csp: window.__csp, text: document.body.innerText, title: document.title,"
        "header: document.querySelector('[data-md-component=header-topic]').textContent.trim(),"
        "description: document.querySelector('meta[name=description]').content,"
        "injected: document.querySelectorAll('img[src=x], [onerror]').length"
        " + [...document.scripts].filter(s => s.textContent.includes('__pwned')).length"
        "}), 200))"
    )


@pytest.mark.browser
def test_hostile_text_shows_as_text_and_nothing_runs(browser, hostile_site):
    with serve(hostile_site["site"]) as server:
        for url, page in hostile_site["pages"].items():
            browser.get(server + url)
            seen = settle(browser)
            assert seen["pwned"] == "undefined", url
            assert seen["csp"] == [], url
            assert seen["injected"] == 0, url
            for field in page["fields"]:
                assert shown(field) in seen["text"], f"{url}: {field} does not show as text"
            assert "\ufffd" not in seen["text"] and "\x07" not in seen["text"], url
            if page["title"]:
                assert seen["title"] == f"{page['title']} - Stand van de uitvoering", url
                assert seen["header"] == page["title"], url
            if page["description"]:
                assert shown(page["description"]) in seen["description"], url


def search(driver, server: str, query: str) -> dict:
    """The search page opened for ``query``; once it has answered: what it shows, and whether anything ran."""
    driver.get("about:blank")
    driver.get(server + "zoeken/#q=" + quote(query))
    for _ in polls():
        status = driver.execute_script("return document.getElementById('svdu-zoekstatus').textContent")
        if query in status:
            break
        driver.execute_script("return new Promise(r => setTimeout(r, 100))")
    return driver.execute_script(
        "return new Promise(r => setTimeout(() => r({pwned: typeof window.__pwned, csp: window.__csp,"
        "status: document.getElementById('svdu-zoekstatus').textContent, "
        "text: document.getElementById('svdu-zoekresultaten').innerText,"
        "markup: document.querySelectorAll("
        "'#svdu-zoekresultaten img, #svdu-zoekresultaten script, #svdu-zoekresultaten [onerror]').length}), 300))"
    )


@pytest.mark.browser
def test_search_results_show_hostile_text_as_text(browser, hostile_site):
    with serve(hostile_site["site"]) as server:
        for query in (IMG, SCRIPT):  # the hostile strings themselves: whatever they find, nothing runs
            seen = search(browser, server, query)
            assert (seen["pwned"], seen["csp"], seen["markup"]) == ("undefined", [], 0), query
        found = search(browser, server, "onerror")  # a word of them, which finds the paragraph and footnote they are in
    assert (found["pwned"], found["csp"], found["markup"]) == ("undefined", [], 0)
    assert "&amp;" not in found["text"] and "&lt;" not in found["text"] and "\ufffd" not in found["text"]
    assert re.fullmatch(r"\d+ alinea’s gevonden voor ‘onerror’\.", found["status"]), found["status"]
    assert shown("Alinea") in found["text"] and shown("Voetnoot") in found["text"]
    assert re.search(
        re.escape(shown("Organisatie")) + r" \d{4} · [^·]+ · p\.\s\S+", found["text"]
    )  # the short title, where the paragraph stands (organisation and year · theme · page), from the index's filters
    assert shown("Voorbeeld") in found["text"]  # the heading above it, from the index's metadata
    assert (
        f"Zie ook: {shown('Onderwerp')} (onderwerp)" in found["text"]
    )  # the topic whose name has the word, from zoekhulp.json


# -- the normal site ------------------------------------------------------


def policy(soup: BeautifulSoup) -> dict[str, list[str]]:
    meta = soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "no Content-Security-Policy"
    directives = [d.split() for d in meta["content"].split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


def inline_script_hashes(soup: BeautifulSoup) -> set[str]:
    scripts = [
        s
        for s in soup.find_all("script")
        if not s.get("src") and s.get("type", "text/javascript") in ("text/javascript", "module")
    ]
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256((s.string or "").encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    }


def test_every_page_has_a_content_security_policy(site):
    """First in <head>; the theme's inline scripts by hash and no other inline script; no plugins; <base> only to
    this site."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        assert raw.find('<meta charset="utf-8">') < 1024, (
            f"{path}: the policy pushes the charset out of the first 1024 bytes"
        )
        soup = BeautifulSoup(raw, "html.parser")
        found = policy(soup)
        meta = soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert not meta.find_all_previous("script"), f"{path}: a script comes before the policy"
        scripts = found.get("script-src", found["default-src"])
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, path
        assert {s for s in scripts if s.startswith("'sha256-")} == inline_script_hashes(soup), (
            f"{path}: hashes are not the page's inline scripts"
        )
        assert found["default-src"] in (["'self'"], ["'none'"]), path
        assert found.get("object-src", found["default-src"]) in (["'none'"],), path
        assert found["base-uri"] in (["'self'"], ["'none'"]), path
    moved = BeautifulSoup(redirect_page("oud/adres/", "nieuw/adres/"), "html.parser")
    assert policy(moved)["default-src"] == ["'none'"], "a redirect page is a page too"


@pytest.mark.browser
def test_no_page_violates_its_content_security_policy(browser, site):
    """One page of every kind of the normal site loads without a CSP report, and the policy really is enforced."""
    paths = one_page_of_every_kind(site)
    violations = []
    with serve(site) as server:
        for path in paths:
            browser.get(server + path)
            seen = browser.execute_script(
                "return new Promise(r => setTimeout(() => "
                "r([window.__csp, !!document.getElementById('svdu-header-q')]), 100))"
            )
            violations += [f"/{path}: {v}" for v in seen[0]]
            assert seen[1], f"/{path}: the theme did not render"
        assert violations == [], "\n".join(violations)
        # The site keeps working under its policy: search (WebAssembly in a worker of this site), the palette,
        # the filters.
        assert search(browser, server, "DigiD")["status"] == "15 alinea’s gevonden voor ‘DigiD’."
        browser.get(server + "voorbeelden/")
        scheme = browser.execute_script("return document.body.getAttribute('data-md-color-scheme')")
        next(
            label
            for label in browser.find_elements(By.CSS_SELECTOR, "form[data-md-component=palette] label")
            if label.is_displayed()
        ).click()
        assert browser.execute_script("return document.body.getAttribute('data-md-color-scheme')") != scheme, (
            "the palette toggle did nothing"
        )
        assert browser.find_element(By.CSS_SELECTOR, "form.svdu-filters").is_displayed(), (
            "the filter script did not run"
        )
        assert browser.execute_script("return window.__csp") == []
        # And it is enforced: an inline script added to the page is blocked and reported.
        ran = browser.execute_script(
            "const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.head.append(s);"
            "return new Promise(r => setTimeout(() => r([typeof window.__ran, window.__csp.length]), 200))"
        )
        assert ran == ["undefined", 1]


# -- text at the door: every hand-kept file and every source ---------------------------------------

# Characters that are never text: C0 (but tab and newline), DEL, C1, bidi marks, embeddings, overrides and
# isolates, and a byte-order mark inside the text.
NEVER_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def edit_yaml(path, change) -> None:
    """Load ``path``, let ``change`` edit it, write it back as YAML (escapes and all)."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=False, sort_keys=False), encoding="utf-8")


def with_publication(project) -> None:
    for part in ("schema", "CHANGELOG.md"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, project / part)


def one_line_error(command: list[str], capsys) -> str:
    """The one error line of a failed command (warnings, such as a preview's, aside)."""
    assert main(command) == 2
    err = "\n".join(line for line in capsys.readouterr().err.strip().splitlines() if not line.startswith("warning: "))
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


MANIFEST_FIELDS = ("title", "organisation", "license", "subtitle", "text_from")


def set_manifest(field: str, value: str):
    def change(doc: dict) -> None:
        doc["reports"][1][field] = value

    return change


@pytest.mark.parametrize("field", MANIFEST_FIELDS)
def test_a_lone_surrogate_in_any_manifest_field_is_one_line(project, capsys, field):
    """Issue 23.2: "\\ud800" crashed the YAML writer (UnicodeEncodeError, exit 1)."""
    edit_yaml(project / "data/sources.yaml", set_manifest(field, "Stand \ud800 van de uitvoering"))
    err = one_line_error(["--root", str(project), "extract"], capsys)
    assert "sources.yaml" in err and "surrogate" in err, err


@pytest.mark.parametrize(
    ("file", "change"),
    [
        ("corrections.yaml", lambda doc: doc["corrections"][0].update(replace="Voor \udc80 onderdeel")),
        ("vocabulary/themes.yaml", lambda doc: doc["themes"][0].update(title="Thema \udbff")),
        ("curation.yaml", lambda doc: doc["calls"]["addressees"][0].update(reason="omdat \ud800")),
        ("vocabulary/topics.yaml", lambda doc: doc["topics"][0].update(description="over \udfff")),
    ],
)
def test_a_lone_surrogate_in_any_hand_kept_file_is_one_line(project, capsys, file, change):
    edit_yaml(project / "data" / file, change)
    err = one_line_error(["--root", str(project), "extract"], capsys)
    assert file in err and "surrogate" in err, err


@pytest.mark.parametrize("name", ["Jan \ud800 Jansen", "Jan\nJansen", "Jan\u2028Jansen", "Jan\tJansen"])
def test_a_maintainer_name_must_be_one_line_of_valid_text(project, capsys, name):
    """Issue 23.2 and 23.7: a surrogate crashed `stand dataset`; a newline broke the lists on /over/."""
    with_publication(project)
    edit_yaml(project / "data/publication.yaml", lambda doc: doc.update(maintainers=[{"name": name, "url": None}]))
    err = one_line_error(["--root", str(project), "dataset"], capsys)
    assert "publication.yaml" in err, err


@pytest.mark.parametrize("field", MANIFEST_FIELDS)
@pytest.mark.parametrize("newline", ["\n", "\u2028", "\r", "\x85"])
def test_a_single_line_field_of_the_manifest_refuses_a_line_break(project, capsys, field, newline):
    """Issue 23.7: a newline in a title escaped the page's Markdown heading."""
    edit_yaml(project / "data/sources.yaml", set_manifest(field, f"Stand van{newline}# de uitvoering"))
    err = one_line_error(["--root", str(project), "extract"], capsys)
    assert f"{field} must be one line of text" in err, err


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("file", "logius-2023.txt\n"),
        ("published", "2023-05-01\n"),
        ("kamerstuk", "26643-1000\n"),
        ("pdf_sha256", "a" * 64 + "\n"),
        ("url", "https://a.test/x\n"),
        ("organisation_id", "logius\n"),
        ("id", "logius-2023\n"),
    ],
)
def test_a_pattern_does_not_accept_a_trailing_newline(project, capsys, field, value):
    """Issue 23.5: `$` in a pattern also matches before a final newline."""
    doc = yaml.safe_load((project / "data/sources.yaml").read_text(encoding="utf-8"))
    doc["reports"][1][field] = value
    (project / "data/sources.yaml").write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    err = one_line_error(["--root", str(project), "extract"], capsys)
    assert f"{field} " in err, err


def test_control_and_bidi_characters_are_removed_and_logged_wherever_text_enters(project, capsys):
    """Issue 23.6: the signature kept bidi overrides, ESC, BEL and NUL; C1 and a byte-order mark inside the text
    survived; hand-kept fields are cleaned at the door too."""
    source = project / "data/sources/logius-2023.txt"
    text = source.read_text(encoding="utf-8")
    signature = "Bert Voorbraak (algemeen directeur Logius)"
    text = text.replace(signature, "Bert\u202e Voor\x1bbraak (algemeen\x07 directeur\x00 Logius\u2066)")
    text = text.replace("Logius gelooft in", "Logius\x9b gelooft\ufeff in\u200f").replace(
        "Arbeidsmarkt en ambitie\n\nLogius", "Arbeidsmarkt en ambitie\n\nLogius\x85"
    )
    source.write_text(text, encoding="utf-8")
    edit_yaml(
        project / "data/sources.yaml",
        lambda doc: doc["reports"][1].update(title="Stand\u202e van de\x1b uitvoering 2023"),
    )
    assert extract(project) == 0
    written = (project / "data/reports/logius-2023.yaml").read_text(encoding="utf-8")
    assert NEVER_TEXT.search(written) is None, repr(NEVER_TEXT.search(written))
    report = yaml.safe_load(written)
    assert report["signatory"]["name"] == "Bert Voorbraak" and report["title"] == "Stand van de uitvoering 2023"
    assert report["signatory"]["role"] == "algemeen directeur Logius"
    rules = [r for r in report["repairs"] if r["rule"] == "control-characters"]
    assert {r["where"] for r in rules} >= {
        "logius-2023-logius-gelooft-in-een-overheid-die",
        "logius-2023-ondertekening",
    }
    assert "sources.yaml" in capsys.readouterr().err, "the manifest's cleaning is logged"


def test_decomposed_text_reads_as_composed(project):
    """Issue 23.6: NFD input lost the OCR repairs, one correction and one figure with only warnings."""
    for path in (
        project / "data/sources/logius-2022.txt",
        project / "data/sources/logius-2023.txt",
        project / "data/corrections.yaml",
    ):
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    assert extract(project) == 0
    for report_id in ("logius-2022", "logius-2023"):
        written = yaml.safe_load((project / f"data/reports/{report_id}.yaml").read_text(encoding="utf-8"))
        committed = yaml.safe_load((ROOT / f"data/reports/{report_id}.yaml").read_text(encoding="utf-8"))
        written["source"]["sha256"] = committed["source"]["sha256"]
        assert written == committed, report_id


URLS = [
    'https://a.test/x"><svg/onload=alert(1)>',
    "https://a.test/{a}|b\\c^d`e",
    "https://a.test/pad?q=<x>#frag{}",
    "https://A.Test:8443/%zz/ü",
]


@pytest.mark.parametrize("url", URLS)
def test_an_accepted_url_is_rfc_3986_and_rdflib_takes_it(project, capsys, url):
    """Issue 23.2: a url the schema accepted crashed the DCAT Turtle writer in `stand dataset`."""
    doc = yaml.safe_load((project / "data/sources.yaml").read_text(encoding="utf-8"))
    doc["reports"][1]["url"] = url
    (project / "data/sources.yaml").write_text(
        yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    assert extract(project) == 0, capsys.readouterr().err
    stored = yaml.safe_load((project / "data/reports/logius-2023.yaml").read_text(encoding="utf-8"))["source"]["url"]
    assert _is_valid_uri(stored) and stored == rfc3986(stored), stored
    with_publication(project)
    assert main(["--root", str(project), "dataset"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    "url",
    ["https://exa mple.test/", "https://[::1/", "http://:80/", "https://a.test:99999/", "https://user:pw@a.test/"],
)
def test_a_url_that_does_not_parse_is_refused(project, capsys, url):
    doc = yaml.safe_load((project / "data/sources.yaml").read_text(encoding="utf-8"))
    doc["reports"][1]["url"] = url
    (project / "data/sources.yaml").write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    assert "url must be an http:// or https:// address" in one_line_error(["--root", str(project), "extract"], capsys)


@pytest.mark.parametrize("url", ['https://a.test/"{x}', "https://a.test/<b>|c", "https://a.test/ stand"])
def test_site_url_is_held_to_the_url_rule(project, capsys, monkeypatch, url):
    """Issue 23.2: a SITE_URL with `"` or `{` crashed the Turtle writer; what is accepted is written as RFC 3986."""
    with_publication(project)
    monkeypatch.setenv("SITE_URL", url)
    assert main(["--root", str(project), "dataset"]) == 0, capsys.readouterr().err
    catalogue = (project / "build/data/catalog.ttl").read_text(encoding="utf-8")
    assert '"' not in rfc3986(url) and rfc3986(url) in catalogue
    monkeypatch.setenv("SITE_URL", "https://exa mple.test/")
    assert "SITE_URL" in one_line_error(["--root", str(project), "dataset"], capsys)


@pytest.mark.parametrize("url", ["https://example.test/stand/?q=1", "https://example.test/stand/#frag"])
def test_a_site_url_with_a_query_or_fragment_is_refused(project, capsys, monkeypatch, url):
    """Every record's address is built on SITE_URL: a query or fragment broke them all, with exit 0."""
    with_publication(project)
    monkeypatch.setenv("SITE_URL", url)
    error = one_line_error(["--root", str(project), "dataset"], capsys)
    assert error == "error: SITE_URL (environment): must be an http(s) address without a query (?) or fragment (#)"


def rfc3986(url: str) -> str:
    return web_address(url)


ERRORS = (
    "window.__errors = window.__errors || []; window.addEventListener('error', e => window.__errors.push(e.message));"
)


@pytest.mark.browser
@pytest.mark.parametrize("fragment", ["%E0%A4%A", "%", "%ZZ", "%F0%9F", "in-april-2023-kregen-we-een%"])
def test_any_fragment_in_a_report_address_is_harmless(browser, site, fragment):
    """Issue 23.7: `#%E0%A4%A` threw an uncaught URIError in cite.js; a fragment is the reader's to type."""
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ERRORS})
    with serve(site) as server:
        browser.get("about:blank")
        browser.get(server + "logius/2023/#" + fragment)
        seen = browser.execute_script(
            "return new Promise(r => setTimeout(() => "
            "r([window.__errors, document.querySelectorAll('.svdu-cite-button').length]), 100))"
        )
        assert seen[0] == [], seen[0]
        assert seen[1] > 10, "the Citeer buttons are there: the script ran to its end"
