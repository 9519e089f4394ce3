"""Issue 22, the rough edges a Kamerlid still hits, each checked in a real browser (or in the built pages): the
phone menu by keyboard, empty results that say why, one vocabulary for counts, tables that stack on a phone, a
compact preview banner, short search results above the fold, the permalink note clear of the header, file sizes
beside every download and a theme page printed as a debate brief."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pypdfium2
import pytest
from bs4 import BeautifulSoup
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT, build_site, polls, serve
from test_accessibility import HEADLESS, browser_paths, start_browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    browser = start_browser(tmp_path_factory.mktemp("chromium-edges"))
    yield browser
    browser.quit()


def screen(driver, width: int, height: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def active(driver) -> dict:
    return driver.execute_script(
        "const a = document.activeElement; return {tag: a.tagName, label: a.getAttribute('aria-label'),"
        " inMenu: !!a.closest('.md-sidebar--primary'), text: a.textContent.trim().slice(0, 40)}"
    )


def drawer_open(driver) -> bool:
    return driver.execute_script("return document.getElementById('__drawer').checked")


# -- 1. the phone menu ----------------------------------------------------------------------------------------


def test_phone_menu_opens_with_the_keyboard_keeps_focus_inside_and_closes_with_escape(driver, server):
    screen(driver, 390, 844)
    driver.get(server + "voorbeelden/")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(6):  # skip link, logo, then the menu button
        if active(driver)["label"] == "Menu":
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    button = driver.switch_to.active_element
    assert (button.tag_name, button.get_attribute("aria-label")) == ("button", "Menu"), active(driver)
    assert button.get_attribute("aria-expanded") == "false"
    button.send_keys(Keys.ENTER)
    assert drawer_open(driver) and button.get_attribute("aria-expanded") == "true"
    for _ in polls(10):  # the drawer slides in; focus goes to its first link
        if active(driver)["inMenu"]:
            break
    seen = []
    for _ in range(25):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        seen.append(active(driver))
    assert all(place["inMenu"] for place in seen), [p for p in seen if not p["inMenu"]][:3]
    assert {"Rapporten", "Thema’s", "Oproepen"} <= {place["text"] for place in seen}
    for _ in range(25):
        driver.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
        assert active(driver)["inMenu"], active(driver)
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not drawer_open(driver)
    assert active(driver)["label"] == "Menu" and button.get_attribute("aria-expanded") == "false"
    button.send_keys(Keys.SPACE)  # a button opens with the space bar too
    assert drawer_open(driver)
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not drawer_open(driver)


def test_phone_menu_tab_never_lands_on_a_link_out_of_sight(driver, server):
    """On the home page the drawer holds the page's contents in a panel slid out of view: Tab must skip it (a fresh
    reader saw the drawer go blank for four presses)."""
    screen(driver, 390, 844)
    driver.get(server)
    driver.find_element(By.CSS_SELECTOR, "button[aria-label=Menu]").send_keys(Keys.ENTER)
    for _ in polls(10):
        if active(driver)["inMenu"]:
            break
    for _ in range(20):
        place = driver.execute_script(
            "const a = document.activeElement;"
            " const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');"
            " return {text: a.textContent.trim().slice(0, 30), inMenu: !!a.closest('.md-sidebar--primary'),"
            " slid: wrap.scrollLeft, contents: !!a.closest('.md-nav--secondary')}"
        )
        assert place["inMenu"] and place["slid"] == 0 and not place["contents"], place
        driver.switch_to.active_element.send_keys(Keys.TAB)


def test_the_menu_button_is_not_there_on_a_desktop(driver, server):
    screen(driver, 1280, 800)
    driver.get(server + "voorbeelden/")
    assert not driver.find_element(By.CSS_SELECTOR, "button[aria-label=Menu]").is_displayed()


# -- 2. empty states that say why ------------------------------------------------------------------------------


def test_an_empty_example_filter_says_why(driver, server):
    screen(driver, 1280, 800)
    driver.get(server + "voorbeelden/?jaar=2023&bevat=went_wrong")
    assert driver.find_element(By.CSS_SELECTOR, ".svdu-count").text == "0 van 11 voorbeelden"
    why = driver.find_element(By.CSS_SELECTOR, ".svdu-filter-empty")
    assert why.is_displayed()
    assert why.text.startswith(
        "Geen voorbeeld past bij deze keuze. Het rapport van 2023 deelt zijn illustraties niet op in wat goed ging, "
        "wat niet goed ging en wat anders moet"
    ), why.text
    link = why.find_element(By.TAG_NAME, "a")
    assert link.text == "alle 3 illustraties uit 2023"
    link.click()
    assert driver.find_element(By.CSS_SELECTOR, ".svdu-count").text == "3 van 11 voorbeelden"
    assert not driver.find_element(By.CSS_SELECTOR, ".svdu-filter-empty").is_displayed()
    driver.get(server + "voorbeelden/?jaar=2022&bevat=went_well,went_wrong,must_change,could_change")
    assert driver.find_element(By.CSS_SELECTOR, ".svdu-count").text == "0 van 11 voorbeelden"
    assert driver.find_element(By.CSS_SELECTOR, ".svdu-filter-empty").text.startswith(
        "Geen voorbeeld past bij deze keuze. Geen voorbeeld uit 2022 heeft al deze delen"
    )


def test_the_tracker_says_why_a_year_has_only_calls(driver, server):
    screen(driver, 1280, 800)
    driver.get(server + "oproepen/jaar-2023/")
    note = driver.find_element(By.CSS_SELECTOR, ".svdu-why")
    assert note.text == (
        "Uit 2023 staan hier alleen oproepen: het rapport van 2023 deelt zijn illustraties niet op in wat goed ging, "
        "wat niet goed ging en wat anders moet, dus het heeft geen knelpunten."
    )
    driver.get(server + "oproepen/soort-niet-goed/")
    assert driver.find_element(By.CSS_SELECTOR, ".svdu-why").text.startswith("Knelpunten komen alleen uit 2022:")
    driver.get(server + "oproepen/jaar-2022/")
    assert driver.find_elements(By.CSS_SELECTOR, ".svdu-why") == []


# -- 3. one vocabulary for counts ----------------------------------------------------------------------------------


def facet_lines(driver) -> dict[str, list[str]]:
    return driver.execute_script(
        "const out = {}; document.querySelectorAll('.svdu-facets dt').forEach(dt => {"
        " out[dt.textContent] = Array.from(dt.nextElementSibling.querySelectorAll('li'))"
        ".map(li => li.textContent.replace(/\\s+/g, ' ').trim()); }); return out;"
    )


def test_oproepen_means_the_same_set_and_number_everywhere(driver, server):
    screen(driver, 1280, 800)
    driver.get(server)
    home = " ".join(driver.find_element(By.TAG_NAME, "article").text.split())
    assert "de 16 oproepen aan politiek, opdrachtgever en partners, en 9 knelpunten uit voorbeelden" in home
    assert "Logius, Stand van de uitvoering 2022 — 8 voorbeelden, 7 oproepen" in home
    assert "Logius, Stand van de uitvoering 2023 — 3 illustraties, 9 oproepen" in home
    driver.get(server + "oproepen/")
    count = driver.find_element(By.CSS_SELECTOR, ".svdu-count").text
    assert count == "16 oproepen en 9 knelpunten, het nieuwste rapport eerst.", count
    facets = facet_lines(driver)
    assert facets["Jaar"] == ["2023 (9 oproepen)", "2022 (7 oproepen, 9 knelpunten)"]
    assert facets["Soort"][0] == "Oproep (16)"
    addressed = facets["Gericht aan (alleen oproepen)"]
    assert "niet genoemd (2)" in addressed and "politiek (7)" in addressed, addressed
    driver.get(server + "oproepen/soort-oproep/")
    assert driver.find_element(By.CSS_SELECTOR, ".svdu-count").text.startswith("16 oproepen,")
    driver.get(server + "oproepen/aan-niet-genoemd/")
    assert driver.find_element(By.CSS_SELECTOR, ".svdu-count").text.startswith("2 oproepen,")


# -- 4. tables on a phone --------------------------------------------------------------------------------------

TABLE_FIT = """
return Array.from(document.querySelectorAll('article table')).map(t => {
  const cells = Array.from(t.querySelectorAll('td')).filter(c => c.textContent.trim());
  return {
    caption: t.caption ? t.caption.textContent : '',
    overflow: t.scrollWidth - t.parentElement.clientWidth,
    offscreen: cells.filter(c => c.getBoundingClientRect().right > innerWidth + 1).length,
    unlabelled: cells.filter(c => getComputedStyle(c, '::before').content === 'none').length,
  };
});
"""


@pytest.mark.parametrize("path", ["data/", "onderwerpen/"])
def test_tables_stack_into_labelled_rows_on_a_phone(driver, server, path):
    screen(driver, 390, 844)
    driver.get(server + path)
    driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    tables = driver.execute_script(TABLE_FIT)
    assert tables
    bad = [t for t in tables if t["overflow"] > 0 or t["offscreen"] or t["unlabelled"]]
    assert bad == [], bad
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 390


def test_a_stacked_downloads_row_reads_with_its_labels(driver, server):
    screen(driver, 390, 844)
    driver.get(server + "data/")
    row = driver.find_element(By.XPATH, "//table[caption='Tabellen']/tbody/tr[1]")
    cells = row.find_elements(By.TAG_NAME, "td")
    labels = [driver.execute_script("return getComputedStyle(arguments[0], '::before').content", c) for c in cells]
    assert labels == ['"Parquet: "', '"Inhoud: "']


# -- 5. the preview banner ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """This checkout built as a preview (no address given), over HTTP: every page carries the banner."""
    folder = tmp_path_factory.mktemp("preview")
    result = build_site(ROOT, folder, site_url="")
    assert result.returncode == 0, result.stderr
    with serve(folder) as address:
        yield address


def test_the_preview_banner_is_one_line_on_a_phone_with_details_behind_a_disclosure(driver, preview):
    screen(driver, 390, 844)
    driver.get(preview + "themas/")
    banner = driver.find_element(By.CSS_SELECTOR, ".md-banner")
    assert banner.size["height"] <= 40, banner.size
    summary = banner.find_element(By.CSS_SELECTOR, "details.svdu-preview > summary")
    assert summary.text == "Voorvertoning: niet de gepubliceerde site"
    reasons = banner.find_element(By.CSS_SELECTOR, "details.svdu-preview > p")
    assert not reasons.is_displayed()
    summary.send_keys(Keys.ENTER)
    assert reasons.is_displayed() and "SITE_URL" in reasons.text and "Citeer een uitgebrachte versie." in reasons.text


# -- 6. search results -------------------------------------------------------------------------------------------


def test_search_results_have_short_titles_after_the_passage_and_start_above_the_fold(driver, server):
    screen(driver, 390, 844)
    driver.get("about:blank")
    driver.get(server + "zoeken/#q=DigiD")
    for _ in polls():
        if driver.find_elements(By.CSS_SELECTOR, ".svdu-search__result"):
            break
    first = driver.find_element(By.CSS_SELECTOR, ".svdu-search__result")
    parts = [e.get_attribute("class") for e in first.find_elements(By.XPATH, "./*")]
    assert parts[:2] == ["svdu-search__excerpt", "svdu-search__title"], parts
    titles = [t.text for t in driver.find_elements(By.CSS_SELECTOR, ".svdu-search__title")]
    assert all(re.fullmatch(r"Logius 20\d\d · [^·]+ · p\.\s\[?\d+\]?", t) for t in titles), titles
    link = first.find_element(By.CSS_SELECTOR, ".svdu-search__title a")
    bottom = driver.execute_script("return arguments[0].getBoundingClientRect().bottom", link)
    assert bottom <= 844, f"the first result ends at {bottom} px, below the fold"


# -- 7. the permalink note -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_the_target_note_is_clear_of_the_sticky_header(driver, server, width, height):
    screen(driver, width, height)
    driver.get("about:blank")
    driver.get(server + "logius/2023/#in-april-2023-kregen-we-een")
    note = driver.find_element(By.CSS_SELECTOR, ".svdu-target-note")
    header = driver.execute_script("return document.querySelector('.md-header').getBoundingClientRect().bottom")
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top", note)
    assert header <= top < height / 2, (top, header)


# -- 8. file sizes ----------------------------------------------------------------------------------------------

SIZE = re.compile(r"\((\d+(?:,\d)?) (bytes|kB|MB)\)")


def dutch_size(size: int) -> str:
    for unit, factor in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= factor:
            value = size / factor
            return (f"{value:.1f}".replace(".", ",") if value < 10 else f"{round(value)}") + f" {unit}"
    return f"{size} bytes"


def local_downloads(site: Path, page: str) -> list[tuple[str, Path, str]]:
    """Every link on a built page to a file of the site that is not a page: (link text, file, text after the link)."""
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = []
    for a in soup.select("article a[href]"):
        href = urlsplit(urljoin("/" + page, a["href"]))
        if href.netloc or href.path.endswith("/") or href.path.endswith(".html") or href.fragment:
            continue
        after = a.next_sibling
        found.append((a.get_text(), site / href.path.lstrip("/"), after.get_text() if after else ""))
    return found


@pytest.mark.parametrize("page", ["data/", "oproepen/", "themas/focus-goed-en-duurzaam/", "voorbeelden/"])
def test_every_download_says_its_size(site, page):
    downloads = local_downloads(site, page)
    assert downloads
    for text, file, after in downloads:
        assert file.is_file(), (text, file)
        assert after.strip().startswith(f"({dutch_size(file.stat().st_size)})"), (text, after)


def test_file_sizes_read_in_dutch(site):
    json_file = site / "data" / "stand-van-de-uitvoering.json"
    data = {text: after for text, _, after in local_downloads(site, "data/")}
    assert (
        SIZE.match(data["stand-van-de-uitvoering.json"].strip()).group(0) == f"({dutch_size(json_file.stat().st_size)})"
    )
    assert dutch_size(1_234_567) == "1,2 MB" and dutch_size(45_600) == "46 kB" and dutch_size(812) == "812 bytes"


# -- 9. a theme page printed as a debate brief ------------------------------------------------------------------


def printed(server: str, path: str, folder: Path) -> tuple[str, list[tuple[float, float]]]:
    """A page printed to PDF by headless Chromium, as a reader prints it: its text and its page sizes."""
    binary, _ = browser_paths()
    pdf = folder / "brief.pdf"
    subprocess.run(
        [
            binary,
            *HEADLESS,
            f"--user-data-dir={folder / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            server + path,
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = [document[n] for n in range(len(document))]
        text = "\n".join(p.get_textpage().get_text_range() for p in pages)
        return text.replace("\r\n", "\n"), [tuple(round(x) for x in p.get_size()) for p in pages]
    finally:
        document.close()


def test_a_theme_page_prints_as_a_debate_brief(server, tmp_path):
    text, sizes = printed(server, "themas/arbeidsmarkt-en-ambitie/", tmp_path)
    flat = " ".join(text.split())
    assert set(sizes) == {(595, 842)}, "A4"
    for absent in ("Voorvertoning", "Zoeken", "Downloaden", "Lees het hoofdstuk", "Citeer", "Inhoudsopgave"):
        assert absent not in flat, absent
    assert flat.startswith("Arbeidsmarkt en ambitie"), flat[:200]
    year_2022, year_2023, notes = flat.index("2022 · "), flat.index("2023 · "), flat.index("Bronnen ")
    assert year_2022 < year_2023 < notes
    first_year = flat[year_2022:year_2023]
    order = [first_year.index(h) for h in ("Oproepen", "Wat ging niet goed?", "Wat moet anders?", "Terugblik")]
    assert order == sorted(order), "calls and what went wrong first"
    assert "http" not in flat[:notes], "no raw addresses in the running text"
    assert re.search(r"\[1\]", flat[:notes]) and re.search(r"\[2\]", flat[:notes])
    ending = flat[notes:]
    assert ending.startswith("Bronnen 1. Logius, Stand van de uitvoering 2022, p.")
    first_note = re.search(r"1\. Logius, Stand van de uitvoering 2022, p\.\s\S+ (http\S+)", ending).group(1)
    assert first_note.startswith("http://127.0.0.1:8000/logius/2022/#"), "the published address, as the site cites"
    numbers = [int(n) for n in re.findall(r"(?:^| )(\d+)\. Logius,", ending)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 10
