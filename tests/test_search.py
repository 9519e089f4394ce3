"""Site search (Pagefind) in headless Chromium: found in Dutch, one result per paragraph, opening the paragraph itself.

Used through the search page, the way a reader uses it (the index as built: tests/test_search_index.py).
Expected results come from the data: the records whose text (or, ranked lower, whose headings)
contain the word, never a list typed in by hand.
"""

from __future__ import annotations

import re
import time
from urllib.parse import quote, urlencode

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import ROOT, polls
from stand.publish.corpus import Corpus
from test_accessibility import start_browser
from test_search_index import record_id, records_of


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load(ROOT / "data")


@pytest.fixture(scope="module")
def records(corpus) -> dict[str, dict]:
    return records_of(corpus)


PAGE_SIZE = 10  # results the search page shows before "Meer resultaten"
WATCH_WITHOUT_WORKERS = """
delete window.Worker;
window.__csp = [];
document.addEventListener('securitypolicyviolation', \
e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI), true);
"""


# -- in the browser -----------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def answer(driver, query: str) -> dict:
    """Wait until the search page has answered ``query``; what it shows (result ids in order, suggestions)."""
    for _ in polls():
        shown = driver.execute_script(
            "const status = document.getElementById('svdu-zoekstatus').textContent;"
            "return {status, results: [...document.querySelectorAll('.svdu-search__title a')].map(a => a.href),"
            "suggestions: [...document.querySelectorAll('.svdu-search__suggestions a')]"
            ".map(a => [a.textContent, a.getAttribute('href')]),"
            "related: [...document.querySelectorAll('.svdu-search__related a')]"
            ".map(a => [a.textContent, a.getAttribute('href')]),"
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


def test_hyphenated_words_are_found_by_each_part_and_whole(browser, server, records):
    """ "zij-instromers" is written with a hyphen; "instromers", "zij-instromers" and "zijinstromers" all find it."""
    expected = having(records, r"zij-instromers")
    assert expected == {"logius-2023-logius-heeft-in-2023-111-nieuwe"} and having(records, r"(?<!-)instromer") == set()
    for query in ("instromers", "zij-instromers", "zijinstromers"):
        assert search(browser, server, query)["results"] == sorted(expected), query


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
    assert shown["related"] == [
        ["DigiD", server + "onderwerpen/digid/"],
        ["DigiD Machtigen", server + "onderwerpen/digid-machtigen/"],
    ]
    assert len(shown["results"]) == PAGE_SIZE and set(shown["results"]) <= expected


def test_samenwerking_finds_word_forms_and_ranks_text_over_headings(browser, server, records):
    """Dutch stemming: samenwerking, samenwerken. A paragraph that has the word itself ranks above one whose heading
    has it."""
    in_text = having(records, r"samenwerk")
    anywhere = having(records, r"samenwerk", ("text", "heading"))
    for query in ("samenwerking", "samenwerken"):
        shown = search(browser, server, query)
        assert found_count(shown["status"]) == len(anywhere) == 29, query
        assert set(shown["results"]) <= in_text, f"{query}: a heading-only match among the first ten"
        assert shown["results"][0] in in_text & having(records, r"samenwerk", ("heading",)), query
        assert records[shown["results"][0]]["text"] != "Samenwerking beleid en uitvoering;", (
            "a one-line list item is not the best answer"
        )


def test_a_result_opens_the_paragraph_itself(browser, server):
    search(browser, server, "wachttijd")
    browser.find_element(By.CSS_SELECTOR, ".svdu-search__result .svdu-search__title a").click()
    assert browser.current_url == server + "logius/2022/#in-de-eerste-en-laatste-maanden"
    target = browser.execute_script(
        "const t = document.querySelector(':target'); return [t.tagName, t.id, t.className]"
    )
    assert target == [
        "P",
        "in-de-eerste-en-laatste-maanden",
        "svdu-p svdu-targeted",
    ]  # marked, with its page said (cite.js)


def test_nothing_found_suggests_related_topics(browser, server, corpus):
    """'berichtenverkeer' is in no paragraph, but in the descriptions of topics; 'regeldruk' in nothing: then the
    themes."""
    described = {
        server + f"onderwerpen/{t['id']}/" for t in corpus.topics if "berichtenverkeer" in (t.get("description") or "")
    }
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
    for _ in polls():
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
        for _ in polls():
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
    for _ in polls():
        if len(browser.find_elements(By.CSS_SELECTOR, ".svdu-search__result")) == 15:
            break
        time.sleep(0.1)
    links = browser.find_elements(By.CSS_SELECTOR, ".svdu-search__result .svdu-search__title a")
    assert len(links) == 15 and browser.switch_to.active_element == links[PAGE_SIZE]
    assert not browser.find_elements(By.CSS_SELECTOR, ".svdu-search__more")
