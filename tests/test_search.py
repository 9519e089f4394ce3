"""Site search (Pagefind): one result per paragraph or footnote, found in Dutch, opening the paragraph itself.

The index is checked as built (its fragments decoded), then used in headless Chromium through the
search page, the way a reader uses it. Expected results come from the data: the records whose
text (or, ranked lower, whose headings) contain the word, never a list typed in by hand.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from bs4 import BeautifulSoup
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import ROOT
from stand.publish.corpus import Corpus
from stand.site.pagefind import UNUSED
from stand.site.search import heading_trail, search_records
from test_accessibility import start_browser
from test_hostile_text import serve

PAGE_SIZE = 10  # results the search page shows before "Meer resultaten"
WATCH_WITHOUT_WORKERS = """
delete window.Worker;
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI), true);
"""


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load(ROOT / "data")


@pytest.fixture(scope="module")
def records(corpus) -> dict[str, dict]:
    """Every paragraph and footnote by its id: text, headings above it, report page."""
    found = {}
    for report in corpus.reports:
        for section in report["sections"]:
            for p in section["paragraphs"]:
                found[p["id"]] = {"text": p["text"], "heading": heading_trail(report, section), "path": f"{report['organisation_id']}/{report['year']}/"}
        for f in report["footnotes"]:
            found[f["id"]] = {"text": f["text"], "heading": f"Voetnoot {f['number']}", "path": f"{report['organisation_id']}/{report['year']}/"}
    return found


def fragments(site: Path) -> list[dict]:
    """The index's records as the browser gets them: gzip, a signature, JSON."""
    out = []
    for path in sorted((site / "pagefind/fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), path
        out.append(json.loads(raw[len(b"pagefind_dcd") :]))
    return out


def record_id(url: str) -> str:
    """ "logius/2022/#anchor" (or a full address) -> the record id "logius-2022-anchor"."""
    match = re.search(r"([a-z0-9-]+)/(\d{4})/#(.+)$", url)
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"


# -- the index as built -----------------------------------------------------


def test_one_record_per_paragraph_and_footnote_and_nothing_else(site, corpus, records):
    """No theme, example, topic, calls, index or home page: report text only, each paragraph once, its words only."""
    indexed = fragments(site)
    assert len(indexed) == len(records) == len(search_records(corpus)) == 102
    assert {record_id(f["url"]) for f in indexed} == set(records)
    for fragment in indexed:
        record = records[record_id(fragment["url"])]
        # No "¶ link naar deze alinea", no footnote numbers: the text as in the data (Pagefind ends a block with a full stop).
        assert fragment["content"] in (record["text"], record["text"] + "."), fragment["url"]
        assert fragment["meta"]["title"] == record["heading"]
        assert set(fragment["filters"]) == {"jaar", "organisatie", "thema", "rapport"}
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 102, "Dutch, so Dutch stemming"
    assert not any((site / "pagefind" / name).exists() for name in UNUSED)
    assert not (site / "search").exists(), "Material's search plugin (the whole lunr index on every page view) is gone"


def test_every_result_address_is_a_paragraph_on_its_report_page(site, records):
    pages = {}
    for fragment in fragments(site):
        path, anchor = fragment["url"].split("#")
        soup = pages.setdefault(path, BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser"))
        target = soup.find(id=anchor)
        assert target is not None and target.name in ("p", "li"), fragment["url"]


def test_filter_choices_and_suggestions(site, corpus):
    aids = json.loads((site / "zoeken/zoekhulp.json").read_text(encoding="utf-8"))
    assert aids["filters"] == {
        "jaar": ["2023", "2022"],
        "thema": [t["title"] for t in corpus.themes] + ["Zonder thema"],
        "organisatie": ["Logius"],
    }
    topics = {s["url"]: s for s in aids["suggestions"] if s["kind"] == "Onderwerp"}
    assert set(topics) == {f"onderwerpen/{t['id']}/" for t in corpus.topics}
    assert all((site / url / "index.html").is_file() for url in topics)
    assert topics["onderwerpen/acict/"]["aliases"] == ["AcICT", "Adviescollege ICT-toetsing"]


def test_only_the_search_page_may_run_webassembly(site):
    """Pagefind's engine needs 'wasm-unsafe-eval'; no other page gets it. The header's field is a plain form on every page."""
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src")).split()
        assert ("'wasm-unsafe-eval'" in script_src) == (path == site / "zoeken/index.html"), path
        form = soup.select_one("header form[role=search]")
        assert form is not None and form.select_one("input[name=q]") is not None, path
    assert BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("header form[role=search]")["action"] == "zoeken/"


# -- in the browser -----------------------------------------------------------


@pytest.fixture(scope="module")
def server(site):
    with serve(site) as address:
        yield address


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def answer(driver, query: str) -> dict:
    """Wait until the search page has answered ``query``; what it shows (result ids in order, suggestions)."""
    for _ in range(150):
        shown = driver.execute_script(
            "const status = document.getElementById('svdu-zoekstatus').textContent;"
            "return {status, results: [...document.querySelectorAll('.svdu-search__result h2 a')].map(a => a.href),"
            "suggestions: [...document.querySelectorAll('.svdu-search__suggestions a')].map(a => [a.textContent, a.getAttribute('href')]),"
            "related: [...document.querySelectorAll('.svdu-search__related a')].map(a => [a.textContent, a.getAttribute('href')]),"
            "text: document.getElementById('svdu-zoekresultaten').innerText}"
        )
        if f"‘{query}’" in shown["status"] and (shown["results"] or shown["suggestions"]):
            shown["results"] = [record_id(url) for url in shown["results"]]
            return shown
        time.sleep(0.1)
    raise AssertionError(f"the search page did not answer {query!r}: {shown}")


def search(driver, server: str, query: str, **filters: str) -> dict:
    """The search page opened afresh for ``query`` (and filters), as a link to it would."""
    driver.get("about:blank")
    driver.get(server + "zoeken/#" + urlencode({"q": query, **filters}, quote_via=quote))
    return answer(driver, query)


def having(records: dict, pattern: str, where: tuple[str, ...] = ("text",)) -> set[str]:
    return {i for i, r in records.items() if any(re.search(pattern, r[field], re.IGNORECASE) for field in where)}


def found_count(status: str) -> int:
    return int(re.match(r"(\d+) alinea", status).group(1))


@pytest.mark.parametrize(("query", "word"), [("dilemma's", "dilemma’s"), ("collega's", "collega’s")])
def test_a_straight_apostrophe_finds_the_typographic_one(browser, server, records, query, word):
    """The reports write ’; readers type '. Every paragraph with the word, and nothing else."""
    expected = having(records, word)
    assert len(expected) == {"dilemma’s": 3, "collega’s": 2}[word]
    shown = search(browser, server, query)
    assert set(shown["results"]) == expected
    assert found_count(shown["status"]) == len(expected)


def test_wachttijd_finds_its_one_paragraph(browser, server, records):
    expected = having(records, r"wachttijd")
    assert expected == {"logius-2022-in-de-eerste-en-laatste-maanden"}
    assert search(browser, server, "wachttijd")["results"] == sorted(expected)


def test_digid_ranks_the_paragraph_that_is_about_it_first(browser, server, records):
    """Every paragraph naming DigiD (and one under a DigiD heading); first the one that names it most often."""
    expected = having(records, r"digid", ("text", "heading"))
    most = max(having(records, r"digid"), key=lambda i: len(re.findall("DigiD", records[i]["text"])))
    assert most == "logius-2022-om-digid-veilig-te-houden-is"
    shown = search(browser, server, "DigiD")
    assert found_count(shown["status"]) == len(expected) == 15
    assert shown["results"][0] == most
    assert shown["related"] == [["DigiD", server + "onderwerpen/digid/"], ["DigiD Machtigen", server + "onderwerpen/digid-machtigen/"]]
    assert len(shown["results"]) == PAGE_SIZE and set(shown["results"]) <= expected


def test_samenwerking_finds_word_forms_and_ranks_text_over_headings(browser, server, records):
    """Dutch stemming: samenwerking, samenwerken. A paragraph that has the word itself ranks above one whose heading has it."""
    in_text = having(records, r"samenwerk")
    anywhere = having(records, r"samenwerk", ("text", "heading"))
    for query in ("samenwerking", "samenwerken"):
        shown = search(browser, server, query)
        assert found_count(shown["status"]) == len(anywhere) == 29, query
        assert set(shown["results"]) <= in_text, f"{query}: a heading-only match among the first ten"
        assert shown["results"][0] in in_text & having(records, r"samenwerk", ("heading",)), query
        assert records[shown["results"][0]]["text"] != "Samenwerking beleid en uitvoering;", "a one-line list item is not the best answer"


def test_a_result_opens_the_paragraph_itself(browser, server):
    search(browser, server, "wachttijd")
    browser.find_element(By.CSS_SELECTOR, ".svdu-search__result h2 a").click()
    assert browser.current_url == server + "logius/2022/#in-de-eerste-en-laatste-maanden"
    target = browser.execute_script("const t = document.querySelector(':target'); return [t.tagName, t.id, t.className]")
    assert target == ["P", "in-de-eerste-en-laatste-maanden", "svdu-p"]


def test_nothing_found_suggests_related_topics(browser, server, corpus):
    """'berichtenverkeer' is in no paragraph, but in the descriptions of topics; 'regeldruk' in nothing: then the themes."""
    described = {server + f"onderwerpen/{t['id']}/" for t in corpus.topics if "berichtenverkeer" in (t.get("description") or "")}
    assert described == {server + "onderwerpen/digipoort/"}
    shown = search(browser, server, "berichtenverkeer")
    assert shown["status"] == "Niets gevonden voor ‘berichtenverkeer’." and shown["results"] == []
    assert described <= {href for _, href in shown["suggestions"]}
    assert ["FBS", server + "onderwerpen/fbs/"] in shown["suggestions"], "Federatief Berichtenstelsel: the same stem"
    shown = search(browser, server, "regeldruk")
    assert shown["status"] == "Niets gevonden voor ‘regeldruk’."
    assert shown["suggestions"] == [[t["title"], server + f"themas/{t['id']}/"] for t in corpus.themes]


def test_filters_narrow_results_and_stay_in_the_address(browser, server, records):
    search(browser, server, "samenwerking")
    Select(browser.find_element(By.ID, "svdu-zoekfilter-jaar")).select_by_value("2023")
    shown = answer(browser, "samenwerking")
    for _ in range(50):
        if all(r.startswith("logius-2023-") for r in shown["results"]):
            break
        time.sleep(0.1)
        shown = answer(browser, "samenwerking")
    in_2023 = {i for i in having(records, r"samenwerk", ("text", "heading")) if records[i]["path"] == "logius/2023/"}
    assert set(shown["results"]) <= in_2023 and found_count(shown["status"]) == len(in_2023)
    assert browser.current_url == server + "zoeken/#q=samenwerking&jaar=2023"
    again = search(browser, server, "samenwerking", jaar="2023")  # the address alone gives the same view
    assert again["results"] == shown["results"]
    assert Select(browser.find_element(By.ID, "svdu-zoekfilter-jaar")).first_selected_option.text == "2023"


def test_header_field_opens_the_results_and_keeps_the_query_in_the_browser(browser, server):
    browser.get(server + "themas/")
    field = browser.find_element(By.ID, "svdu-header-q")
    field.send_keys("wachttijd", Keys.ENTER)
    assert answer(browser, "wachttijd")["results"] == ["logius-2022-in-de-eerste-en-laatste-maanden"]
    assert browser.current_url == server + "zoeken/#q=wachttijd"
    requested = browser.execute_script("return performance.getEntriesByType('navigation')[0].name")
    assert requested.split("#")[0] == server + "zoeken/", "the query goes after '#', which is never sent to the server"


def test_search_runs_under_the_policy_without_web_workers(server, tmp_path):
    """Pagefind compiles its WebAssembly in a worker, which the page's policy does not govern; where no
    worker can start, it falls back to the page itself, and that needs 'wasm-unsafe-eval' (only there)."""
    driver = start_browser(tmp_path / "chromium")
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_WITHOUT_WORKERS})
        shown = search(driver, server, "wachttijd")
        assert shown["results"] == ["logius-2022-in-de-eerste-en-laatste-maanden"]
        assert driver.execute_script("return [typeof Worker, window.__csp]") == ["undefined", []]
    finally:
        driver.quit()


def test_on_a_phone_the_header_button_opens_the_search_page(browser, server):
    browser.set_window_size(390, 844)
    try:
        browser.get(server + "voorbeelden/")
        assert not browser.find_element(By.ID, "svdu-header-q").is_displayed()
        browser.find_element(By.CSS_SELECTOR, ".svdu-header-search__button").click()
        assert browser.current_url == server + "zoeken/"
        for _ in range(50):
            if browser.switch_to.active_element.get_attribute("id") == "svdu-zoekterm":
                break
            time.sleep(0.1)
        assert browser.switch_to.active_element.get_attribute("id") == "svdu-zoekterm"
    finally:
        browser.set_window_size(1280, 900)


def test_more_results_by_keyboard(browser, server):
    """Ten at a time; "Meer resultaten" adds the rest and moves focus to the first of them."""
    search(browser, server, "DigiD")
    button = browser.find_element(By.CSS_SELECTOR, ".svdu-search__more")
    assert button.text == "Meer resultaten (5 over)"
    button.send_keys(Keys.ENTER)
    for _ in range(50):
        if len(browser.find_elements(By.CSS_SELECTOR, ".svdu-search__result")) == 15:
            break
        time.sleep(0.1)
    links = browser.find_elements(By.CSS_SELECTOR, ".svdu-search__result h2 a")
    assert len(links) == 15 and browser.switch_to.active_element == links[PAGE_SIZE]
    assert not browser.find_elements(By.CSS_SELECTOR, ".svdu-search__more")
