"""WCAG 2.1 AA in a real browser: axe-core in headless Chromium on one page of every kind (every
template), in light and dark scheme, on a phone and a desktop, with search open and with the phone
menu open; plus keyboard and print."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import polls

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every WCAG 2.1 A/AA rule runs in the light scheme; the dark scheme changes only colours,
# so there the rules that look at colour run again.
RULES = {
    "light": {"type": "tag", "values": WCAG_TAGS},
    "dark": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}


def browser_paths() -> tuple[str, str]:
    """Debian's chromium and chromedriver, or a Chrome named by CHROME_BIN; never a download."""
    binary = shutil.which(os.environ.get("CHROME_BIN", "chromium"))
    driver = shutil.which("chromedriver")
    assert binary and driver, "headless Chromium and chromedriver are needed: run `make test` (it installs them)"
    assert AXE.is_file(), "axe-core is missing: run `make test` (npm ci installs it)"
    return binary, driver


# How every test starts Chromium: headless, offline, no first-run noise.
HEADLESS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
)


def start_browser(profile: Path, scheme: str = "light") -> webdriver.Chrome:
    """A fresh headless Chromium whose system colour scheme is ``scheme`` from the first page on.

    A fresh profile per scheme, because the theme remembers the palette of the
    first page it saw in the browser's local storage.
    """
    binary, driver_path = browser_paths()
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look for drivers online
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (
        *HEADLESS,
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        f"--user-data-dir={profile}",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    )
    return driver


@pytest.fixture(scope="module", params=["light", "dark"])
def browser(request, tmp_path_factory):
    driver = start_browser(tmp_path_factory.mktemp("chromium"), request.param)
    driver.scheme = request.param
    yield driver
    driver.quit()


def sitemap_paths(site: Path) -> list[str]:
    tree = ElementTree.parse(site / "sitemap.xml")
    locations = [loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    return [urlsplit(loc).path.lstrip("/") for loc in locations]


# The sections whose pages share a template at each depth; any other first segment is a year or an organisation.
SECTIONS = {
    "rapporten",
    "themas",
    "voorbeelden",
    "onderwerpen",
    "oproepen",
    "cijfers",
    "data",
    "zoeken",
    "over",
    "privacy",
    "selectie",
}
WIDTHS = (1280, 390)  # desktop and phone


def page_kind(path: str) -> tuple[str, int]:
    """What decides a page's template: its section (or year, or organisation) and its depth.

    >>> page_kind("logius/2023/"), page_kind("2023/"), page_kind("oproepen/jaar-2023/soort-oproep/"), page_kind("")
    (('report', 2), ('year', 1), ('oproepen', 2), ('home', 0))
    """
    parts = path.strip("/").split("/") if path else []
    if not parts:
        return "home", 0
    if parts[0] in SECTIONS | {"toegankelijkheid"}:
        return parts[0], min(len(parts), 2)  # a filtered tracker view, a second page of a list: depth 2
    return ("year" if parts[0].isdigit() else "report"), len(parts)


def one_page_of_every_kind(site: Path) -> list[str]:
    """The first page (by address) of every kind, the tracker's filtered views and 404.html included."""
    built = sorted(str(p.relative_to(site)).removesuffix("index.html") for p in site.rglob("index.html"))
    kinds: dict[tuple[str, int], str] = {}
    for path in built:
        if not path.startswith(("pagefind/", "assets/")):
            kinds.setdefault(page_kind(path), path)
    return sorted(kinds.values()) + ["404.html"]


def axe_violations(driver, run_only: dict | None = None) -> list[str]:
    """axe-core's violations on the current page: every WCAG 2.1 A/AA rule unless ``run_only`` narrows it."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: arguments[0], resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' "
        "+ v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"
        ".catch(e => done(['axe failed: ' + e]));",
        run_only or RULES["light"],
    )
    return result


def test_kinds_of_page_are_told_apart(site):
    """Every template's page is among those checked (a report, a year, a theme, an example, a topic, a tracker view),
    and the sitemap lists every page but the tracker's filtered views."""
    pages = one_page_of_every_kind(site)
    assert {"", "logius/2022/", "2022/", "rapporten/", "themas/", "oproepen/", "zoeken/", "404.html"} <= set(pages)
    for section in ("themas/", "voorbeelden/", "onderwerpen/", "oproepen/", "data/"):
        assert any(p.startswith(section) and p != section for p in pages), section
    built = {str(p.relative_to(site)).removesuffix("index.html") for p in site.rglob("index.html")}
    views = {p for p in built if p.startswith("oproepen/") and p != "oproepen/"}
    assert set(sitemap_paths(site)) == built - views, "the sitemap lists every page but the tracker's filtered views"


def test_every_kind_of_page_passes_axe_on_a_phone_and_a_desktop(browser, server, site):
    expected = "slate" if browser.scheme == "dark" else "default"
    problems = []
    try:
        for path in one_page_of_every_kind(site):
            browser.get(server + path)
            assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-md-color-scheme") == expected
            for width in WIDTHS:  # the same page, laid out for each width in turn
                browser.set_window_size(width, 900)
                found = axe_violations(browser, RULES[browser.scheme])
                problems += [f"{browser.scheme} {width}px /{path}: {v}" for v in found]
            browser.set_window_size(WIDTHS[0], 900)
    finally:
        browser.set_window_size(1280, 900)
    assert problems == [], "\n".join(problems)


def wait_for(driver, selector: str) -> None:
    for _ in polls():
        if driver.find_elements(By.CSS_SELECTOR, selector):
            return
        driver.execute_script("return new Promise(r => setTimeout(r, 100))")
    raise AssertionError(f"nothing matches {selector} on {driver.current_url}")


def test_search_with_results_and_with_none_passes_axe(browser, server):
    """The header's search field opens the search page: its results, and its suggestions when nothing is found."""
    browser.get(server + "themas/")
    browser.find_element(By.ID, "svdu-header-q").send_keys("DigiD", Keys.ENTER)
    wait_for(browser, ".svdu-search__result mark")
    assert axe_violations(browser) == []
    browser.get("about:blank")
    browser.get(server + "zoeken/#q=regeldruk")
    wait_for(browser, ".svdu-search__suggestions a")
    assert axe_violations(browser) == []


def test_selection_with_items_passes_axe(browser, server):
    """/selectie/ holding a paragraph, a call, a figure and an example, with the text for a memo open."""
    collect = {
        "logius/2023/": "logius-2023/paragraph/logius-2023-in-april-2023-kregen-we-een",
        "themas/arbeidsmarkt-en-ambitie/": "logius-2022/call/logius-2022-oproep-het-is-nodig-om-de-ambities",
        "cijfers/": "logius-2023/figure/logius-2023-cijfer-111-nieuwe-collegas-in",
        "voorbeelden/logius-2022-grenzen-aan-ambities/": "logius-2022/example/logius-2022-grenzen-aan-ambities",
    }
    browser.get(server)
    browser.execute_script("localStorage.removeItem('svdu-selectie')")
    for page, selected in collect.items():
        browser.get(server + page)
        button = browser.find_element(By.CSS_SELECTOR, f'[data-sel="{selected}"] button.svdu-sel-button')
        browser.execute_script("arguments[0].click()", button)
        wait_for(browser, f'[data-sel="{selected}"] button[aria-pressed="true"]')
    browser.get(server + "selectie/")
    wait_for(browser, "li.svdu-sel-item + li.svdu-sel-item")
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.svdu-sel-item")) == len(collect)
    browser.execute_script("document.querySelector('.svdu-sel-export-buttons button').click()")
    wait_for(browser, ".svdu-sel-memo-box:not([hidden])")
    # Back to the top: the theme fades its tabs out while a page scrolls, and axe must not catch them half faded.
    browser.execute_script("window.scrollTo(0, 0); return new Promise(r => setTimeout(r, 600))")
    problems = []
    try:
        for width in WIDTHS:
            browser.set_window_size(width, 900)
            problems += [f"{width}px: {v}" for v in axe_violations(browser, RULES[browser.scheme])]
    finally:
        browser.set_window_size(1280, 900)
    assert problems == []


def test_phone_menu_open_passes_axe(browser, server):
    browser.set_window_size(390, 844)
    try:
        browser.get(server + "voorbeelden/")
        browser.find_element(By.CSS_SELECTOR, "button.md-header__button[aria-label='Menu']").click()
        assert browser.execute_script("return document.getElementById('__drawer').checked")
        assert axe_violations(browser) == []
    finally:
        browser.set_window_size(1280, 900)


def test_data_and_publisher_pages_fit_a_phone(browser, server):
    """/data/ (long URIs and checksums), Over and the accessibility statement never scroll sideways at 390 px."""
    browser.set_window_size(390, 844)
    try:
        wide = {}
        for path in ("data/", "over/", "toegankelijkheid/"):
            browser.get(server + path)
            widths = browser.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if widths[0] > widths[1]:
                wide[path] = widths
        assert wide == {}
        assert browser.find_element(By.CSS_SELECTOR, "footer .svdu-footer__version").text.startswith("Data: versie ")
    finally:
        browser.set_window_size(1280, 900)


def test_keyboard_reaches_skip_link_search_and_navigation(browser, server):
    browser.get(server + "logius/2023/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    first = browser.switch_to.active_element
    h1 = browser.find_element(By.CSS_SELECTOR, "article h1")
    assert "md-skip" in first.get_attribute("class").split() and first.get_attribute("href").endswith(
        "#" + h1.get_attribute("id")
    )
    reached = set()
    for _ in range(40):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
        reached.add((active.tag_name, active.get_attribute("class") or "", active.text))
    assert any("svdu-header-search__input" in cls for _, cls, _ in reached), "search field not reachable by Tab"
    assert any(text == "Thema’s" for _, _, text in reached), "main navigation not reachable by Tab"
    browser.get(server + "logius/2023/")
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "svdu-header-q"


def test_example_filters_work_with_the_keyboard(browser, server):
    browser.get(server + "voorbeelden/")
    form = browser.find_element(By.CSS_SELECTOR, "form.svdu-filters")
    assert form.is_displayed()
    year = browser.find_element(By.ID, "filter-jaar")
    year.send_keys("2023")
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "#voorbeelden-tabel tbody tr") if r.is_displayed()]
    assert len(visible) == 3
    assert browser.find_element(By.CSS_SELECTOR, ".svdu-count").text == "3 van 11 voorbeelden"


def test_printed_theme_page_hides_navigation_and_spells_out_sources(browser, server):
    browser.get(server + "themas/arbeidsmarkt-en-ambitie/")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.execute_script(
            "return ['.md-header', '.md-sidebar--primary', '.md-footer', '.svdu-breadcrumbs']"
            ".map(s => getComputedStyle(document.querySelector(s)).display)"
        )
        assert hidden == ["none"] * 4
        shown = browser.execute_script(
            "return ['.svdu-compare', '.svdu-print'].map(s => getComputedStyle(document.querySelector(s)).display)"
        )
        assert shown == ["none", "block"], "the comparison gives way to the brief, its sources as numbered notes"
        notes = browser.find_element(By.CSS_SELECTOR, ".svdu-print ol.svdu-notes").get_attribute("textContent")
        assert "/logius/2022/#net-als-veel-andere-overheidsorganisaties-heeft" in notes
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_axe_harness_reports_known_violations(browser):
    """The check above can fail: a page with known faults gives exactly those violations."""
    browser.get(
        "data:text/html;charset=utf-8,<html><head><title>t</title></head><body><main><img src='x.png'>"
        "<p style='color:%23bbb;background:%23fff'>grijs op wit</p></main></body></html>"
    )
    found = {v.split(":")[0] for v in axe_violations(browser)}
    assert {"image-alt", "color-contrast", "html-has-lang"} <= found


# Every word of at most 12 letters in a table cell must sit on one line: "202/2" or "uitvoe/ring" is
# unreadable. A word split over two lines has two boxes. (A compound may still break after its hyphen.)
SPLIT_WORDS = """
const found = [];
for (const cell of document.querySelectorAll('table td, table th')) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/[^\\s\\-‐]+/g)) {
      if (match[0].length > 12) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) found.push(match[0]);
    }
  }
}
return found;
"""


@pytest.mark.parametrize("browser", ["light"], indirect=True)  # the layout is the same in both colour schemes
def test_no_table_cell_breaks_inside_a_word(browser, server, site):
    """On a desktop and on a phone, in one page of every kind that has a table."""
    broken = {}
    pages = {p: site / p if p.endswith(".html") else site / p / "index.html" for p in one_page_of_every_kind(site)}
    with_tables = [p for p, file in pages.items() if "<table" in file.read_text(encoding="utf-8")]
    assert with_tables, "the site has tables"
    try:
        for path in with_tables:
            browser.get(server + path)
            for width in WIDTHS:
                browser.set_window_size(width, 900)
                words = browser.execute_script(SPLIT_WORDS)
                if words:
                    broken[f"{width}px /{path}"] = words
            browser.set_window_size(WIDTHS[0], 900)
    finally:
        browser.set_window_size(1280, 900)
    assert broken == {}
