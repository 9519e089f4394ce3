"""Mijn selectie in a real browser: collect a paragraph, a call, a figure and an example from their pages, reorder
and remove them on /selectie/ with the keyboard, and export them; every exported word is checked against the data
(the .docx opened with python-docx). A theme's brief as .docx; no control without JavaScript; every page view light.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import threading
import zipfile
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import docx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT, load, polls
from test_accessibility import start_browser

pytestmark = pytest.mark.browser
SITE_URL = "http://127.0.0.1:8000/"
NBSP = "\u00a0"
PART_KINDS = ("went_well", "went_wrong", "must_change", "could_change")
# What a reader collects, in this order: (page it is on, data-sel)
A = ("logius/2023/", "logius-2023/paragraph/logius-2023-in-april-2023-kregen-we-een")
B = ("themas/arbeidsmarkt-en-ambitie/", "logius-2022/call/logius-2022-oproep-het-is-nodig-om-de-ambities")
C = ("themas/arbeidsmarkt-en-ambitie/", "logius-2023/figure/logius-2023-cijfer-111-nieuwe-collegas-in")
D = ("logius/2022/", "logius-2022/paragraph/logius-2022-net-als-veel-andere-overheidsorganisaties-heeft")
E = ("voorbeelden/logius-2022-grenzen-aan-ambities/", "logius-2022/example/logius-2022-grenzen-aan-ambities")


@functools.cache
def data() -> dict:
    reports = {p.stem: load(p) for p in (ROOT / "data" / "reports").glob("*.yaml")}
    themes = {t["id"]: t["title"] for t in load(ROOT / "data" / "themes.yaml")["themes"]}
    return {"reports": reports, "themes": themes}


def named(report: dict) -> str:
    """A report's title with its year where the title does not say it, and its publisher from the manifest where
    known (as the site's Citeer writes it)."""
    title = report["title"] if str(report["year"]) in report["title"] else f"{report['title']} ({report['year']})"
    publisher = report["source"]["publisher"]
    return f"{title} ({publisher})" if publisher else title


def page_label(record: dict) -> str:
    return str(record["page"]) if record["page"] is not None else f"[{record['pdf_page']}]"


def expected(selected: str) -> dict:
    """An item as the data has it: its words, its theme, its page as cited and its permanent link."""
    report_id, kind, record_id = selected.split("/")
    report = data()["reports"][report_id]
    base = f"{SITE_URL}{report['organisation_id']}/{report['year']}/"
    paragraphs = {p["id"]: (p, s.get("theme")) for s in report["sections"] for p in s["paragraphs"]}
    title, theme = None, None
    if kind == "paragraph":
        record, theme = paragraphs[record_id]
        text, url = [record["text"]], base + "#" + record["anchor"]
    elif kind in ("call", "figure"):
        record = next(r for r in report[kind + "s"] if r["id"] == record_id)
        text = [record["text"] if kind == "call" else record["sentence"]]
        url, theme = base + "#" + paragraphs[record["paragraph"]][0]["anchor"], record["theme"]
        title = record["label"] if kind == "figure" else None
    else:
        record = next(e for e in report["examples"] if e["id"] == record_id)
        ids = record["paragraphs"] + [p for part in PART_KINDS for p in record[part]]
        text, theme = [paragraphs[p][0]["text"] for p in ids], record["theme"]
        url, title = base + "#" + record_id.removeprefix(report_id + "-"), f"Voorbeeld: {record['title']}"
    return {
        "title": title,
        "text": text,
        "theme": data()["themes"][theme] if theme else "Zonder thema",
        "citation": f"{report['organisation']}, {named(report)}, p.{NBSP}{page_label(record)}",
        "url": url,
    }


def short(item: dict) -> str:
    """How an announcement names an item: its title or first words."""
    text = item["title"] or item["text"][0]
    return text if len(text) <= 60 else text[:57].rstrip() + "…"


def memo(selected: list[str], grouped: bool) -> str:
    """The text for a memo, written out from the data: each passage, then its citation."""
    lines, groups = [], {}
    for item in map(expected, selected):
        groups.setdefault(item["theme"] if grouped else "", []).append(item)
    for title, items in groups.items():
        lines += [title, ""] if title else []
        for item in items:
            lines += [item["title"]] if item["title"] else []
            lines += ["“" + "\n\n".join(item["text"]) + "”", f"— {item['citation']}. {item['url']}", ""]
    return "\n".join(lines).rstrip() + "\n"


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def driver(tmp_path_factory, downloads):
    browser = start_browser(tmp_path_factory.mktemp("chromium-selection"))
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield browser
    browser.quit()


def wait(driver, script: str, *args):
    for _ in polls():
        value = driver.execute_script(script, *args)
        if value:
            return value
        driver.execute_script("return new Promise(r => setTimeout(r, 50))")
    raise AssertionError(f"never true: {script}")


def said(driver) -> str:
    """What the live region says (it is emptied, then filled: wait for the words)."""
    return wait(driver, "return document.getElementById('svdu-selectie-status').textContent")


def bewaar(driver, server: str, where: tuple[str, str]) -> str:
    page, selected = where
    if driver.current_url != server + page:
        driver.get(server + page)
    button = driver.find_element(By.CSS_SELECTOR, f'[data-sel="{selected}"] button.svdu-sel-button')
    pressed = button.get_attribute("aria-pressed")
    button.click()
    wait(driver, "return arguments[0].getAttribute('aria-pressed') !== arguments[1]", button, pressed)
    return said(driver)


def shown(driver) -> list[str]:
    """The items on /selectie/ in the order shown: their ids."""
    return [li.get_attribute("data-item") for li in driver.find_elements(By.CSS_SELECTOR, "li.svdu-sel-item")]


def ids(*items: tuple[str, str]) -> list[str]:
    return [selected.split("/")[2] for _, selected in items]


def download(downloads: Path, name: str) -> Path:
    for _ in polls():
        target = downloads / name
        if target.is_file() and not (downloads / f"{name}.crdownload").exists() and target.stat().st_size:
            return target
    raise AssertionError(f"{name} was not downloaded")


def click(driver, xpath_or_css: str) -> None:
    """A click on an element scrolled to the middle of the screen, clear of the sticky header."""
    by = By.XPATH if xpath_or_css.startswith("/") else By.CSS_SELECTOR
    element = driver.find_element(by, xpath_or_css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def press(driver, item_id: str, action: str) -> None:
    """A button of an item, pressed with the keyboard (Enter), as a keyboard user does."""
    button = driver.find_element(By.CSS_SELECTOR, f'li[data-item="{item_id}"] button[data-action="{action}"]')
    driver.execute_script("arguments[0].focus()", button)
    driver.switch_to.active_element.send_keys(Keys.ENTER)


def docx_lines(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_collect_reorder_remove_and_export_word_for_word(driver, server, downloads, site):
    collect(driver, server)
    reorder_and_remove(driver, server)
    export_text(driver)
    export_files(driver, downloads, site)


def collect(driver, server: str) -> None:
    """Five items from four kinds of page, one pressed twice (out, and in again); each change said aloud."""
    driver.get(server)
    driver.execute_script("localStorage.clear()")
    assert bewaar(driver, server, A) == "Bewaard in Mijn selectie: nu 1 passage."
    status = driver.find_element(By.ID, "svdu-selectie-status")  # what a screen reader says, politely
    assert (status.get_attribute("role"), status.get_attribute("aria-live")) == ("status", "polite")
    assert bewaar(driver, server, B) == "Bewaard in Mijn selectie: nu 2 passages."
    assert bewaar(driver, server, C) == "Bewaard in Mijn selectie: nu 3 passages."
    assert bewaar(driver, server, C) == "Weggehaald uit Mijn selectie. Nog 2 passages."  # pressed again: out
    assert bewaar(driver, server, C) == "Bewaard in Mijn selectie: nu 3 passages."
    bewaar(driver, server, D)
    assert bewaar(driver, server, E) == "Bewaard in Mijn selectie: nu 5 passages."
    button = driver.find_element(By.CSS_SELECTOR, f'[data-sel="{E[1]}"] button')
    assert (button.text, button.get_attribute("aria-pressed")) == ("Bewaard", "true")
    # Which passage the button keeps, in its first words (a fresh reader heard forty buttons sound the same).
    title = data()["reports"]["logius-2022"]["examples"]
    words = next(e["title"] for e in title if e["id"] == E[1].split("/")[2]).split()
    assert button.get_attribute("aria-label") == f"Bewaar in Mijn selectie (voorbeeld): {' '.join(words[:6])}…"
    tab = driver.find_element(By.CSS_SELECTOR, ".md-tabs__link .svdu-tab-count")
    assert tab.get_attribute("textContent") == " (5)"  # the menu says how many passages it holds


def reorder_and_remove(driver, server: str) -> None:
    """On /selectie/: grouped by theme, then in the reader's own order, moved and removed with the keyboard."""
    driver.get(server + "selectie/")
    wait(driver, "return document.querySelectorAll('li.svdu-sel-item').length === 5")
    # Grouped by theme (the default), in the order of each group's first item; the reader's order within a group.
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".svdu-sel-groups h2")]
    assert headings == ["Complexiteit versus in eenvoud", "Arbeidsmarkt en ambitie"]
    assert shown(driver) == ids(A, B, C, D, E)
    click(driver, "label[for='svdu-groep-geen']")
    assert driver.find_elements(By.CSS_SELECTOR, ".svdu-sel-groups h2") == []

    press(driver, ids(A)[0], "down")  # A moves below B, focus stays on A's "Omlaag"
    assert shown(driver) == ids(B, A, C, D, E)
    focused = driver.switch_to.active_element
    assert focused.get_attribute("data-action") == "down"
    assert focused.find_element(By.XPATH, "ancestor::li").get_attribute("data-item") == ids(A)[0]
    assert said(driver) == f"‘{short(expected(A[1]))}’ staat nu op plaats 2 van 5."
    press(driver, ids(E)[0], "up")
    press(driver, ids(E)[0], "up")
    assert shown(driver) == ids(B, A, E, C, D)
    assert driver.find_element(By.CSS_SELECTOR, f'li[data-item="{ids(B)[0]}"] [data-action="up"]').get_attribute(
        "disabled"
    )
    press(driver, ids(D)[0], "remove")
    assert shown(driver) == ids(B, A, E, C)
    assert said(driver).startswith("Verwijderd: ‘Net als veel andere overheidsorganisaties") and said(driver).endswith(
        "Nog 4 passages."
    )
    assert driver.switch_to.active_element.get_attribute("data-action") == "remove"  # focus stays in the list
    stored = json.loads(driver.execute_script("return localStorage.getItem('svdu-selectie')"))
    assert [i["id"] for i in stored["items"]] == ids(B, A, E, C) and stored["group"] == "geen"
    assert driver.get_cookies() == [], "no cookie: the selection lives in localStorage"


def export_text(driver) -> None:
    """(a) Text for a memo, in the reader's own order, then grouped by theme: word for word what the data says."""
    order = [B[1], A[1], E[1], C[1]]
    click(driver, "//button[.='Tekst voor een notitie']")
    text = wait(driver, "return document.getElementById('svdu-memo').value")
    assert text == memo(order, grouped=False)
    assert driver.switch_to.active_element.get_attribute("id") == "svdu-memo"

    # Grouped by theme again: the exports follow what the reader sees.
    click(driver, "label[for='svdu-groep-thema']")
    assert shown(driver) == ids(B, E, C, A)
    grouped = [B[1], E[1], C[1], A[1]]
    click(driver, "//button[.='Tekst voor een notitie']")
    wait(driver, "return document.getElementById('svdu-memo').value.startsWith('Arbeidsmarkt')")
    assert driver.find_element(By.ID, "svdu-memo").get_attribute("value") == memo(grouped, grouped=True)


def export_files(driver, downloads: Path, site: Path) -> None:
    """(b) Markdown, (c) Word and (d) BibTeX and CSL-JSON, grouped by theme as the reader now sees them."""
    grouped = [B[1], E[1], C[1], A[1]]
    # (b) Markdown
    click(driver, "//button[.='Markdown (.md)']")
    markdown = download(downloads, "mijn-selectie.md").read_text(encoding="utf-8")
    first = expected(B[1])
    assert markdown.startswith("# Mijn selectie\n\n## Arbeidsmarkt en ambitie\n\n> “" + first["text"][0] + "”\n")
    assert (
        f"— [{first['citation'].replace('[', chr(92) + '[').replace(']', chr(92) + ']')}](<{first['url']}>)" in markdown
    )
    assert said(driver) == "Gedownload: mijn-selectie.md."

    # (c) Word: exactly the selection, its groups, every passage and citation.
    click(driver, "//button[.='Word (.docx)']")
    lines = docx_lines(download(downloads, "mijn-selectie.docx"))
    wanted = ["Mijn selectie"]
    for theme in ("Arbeidsmarkt en ambitie", "Complexiteit versus in eenvoud"):
        wanted.append(theme)
        for item in (expected(s) for s in grouped):
            if item["theme"] == theme:
                wanted += [item["title"]] if item["title"] else []
                texts = item["text"]
                wanted += [
                    ("“" if n == 0 else "") + t + ("”" if n == len(texts) - 1 else "") for n, t in enumerate(texts)
                ]
                wanted.append(f"— {item['citation']}. {item['url']}")
    assert lines == wanted

    # (d) The cited reports, once each, as the dataset publishes them.
    click(driver, "//button[.='BibTeX (.bib)']")
    bib = download(downloads, "mijn-selectie.bib").read_text(encoding="utf-8")
    cited = ("logius-2022", "logius-2023")  # in the order they are first cited
    published = [(site / "data" / "citeren" / f"{r}.bib").read_text(encoding="utf-8").strip() for r in cited]
    assert bib == "\n\n".join(published) + "\n"
    click(driver, "//button[.='CSL-JSON (.json)']")
    csl = json.loads(download(downloads, "mijn-selectie.json").read_text(encoding="utf-8"))
    assert [entry["id"] for entry in csl] == ["logius-2022", "logius-2023"]


def test_a_themes_brief_as_docx_has_the_years_in_turn_calls_first_and_numbered_notes(driver, server, downloads):
    driver.get(server + "themas/arbeidsmarkt-en-ambitie/")
    button = driver.find_element(By.CSS_SELECTOR, ".svdu-brief button")
    assert button.text == "Download als brief (.docx)"
    button.click()
    path = download(downloads, "arbeidsmarkt-en-ambitie.docx")
    document = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Arbeidsmarkt en ambitie")
    years = [text for style, text in headings if style == "Heading 1"]
    assert years == ["2022: Logius, Stand van de uitvoering 2022", "2023: Logius, Stand van de uitvoering 2023"]
    after_year = [headings[i + 1][1] for i, (style, _) in enumerate(headings) if style == "Heading 1"]
    assert after_year == ["Oproepen", "Oproepen"], "what the report asks comes first"
    second = [text for style, text in headings if style == "Heading 2"]
    assert second.index("Wat ging niet goed?") < second.index("In het kort")
    calls = [c for c in data()["reports"]["logius-2022"]["calls"] if c["theme"] == "arbeidsmarkt-en-ambitie"]
    lines = [p.text for p in document.paragraphs]
    start = lines.index("Oproepen")
    assert lines[start + 1 : start + 1 + len(calls)] == [c["text"] for c in calls]
    # Citations are numbered notes (Word footnotes), in the order of the passages.
    with zipfile.ZipFile(path) as archive:
        notes = ElementTree.fromstring(archive.read("word/footnotes.xml"))
        text_of_body = archive.read("word/document.xml").decode("utf-8")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    numbered = [n for n in notes.findall(f"{w}footnote") if int(n.get(f"{w}id")) > 0]
    first_note = "".join(t.text for t in numbered[0].iter(f"{w}t"))
    first = expected("logius-2022/call/" + calls[0]["id"])
    assert first_note == f"{first['citation']}. {first['url']}"
    assert text_of_body.count("<w:footnoteReference ") == len(numbered) > 10
    assert "http" not in "".join(lines[start:]), "no bare addresses in the text: they are in the notes"


class Logged(http.server.SimpleHTTPRequestHandler):
    asked: list[str] = []

    def log_message(self, *args) -> None:
        Logged.asked.append(urlsplit(self.path).path)


def served_size(path: Path) -> int:
    raw = path.read_bytes()
    return min(len(raw), len(gzip.compress(raw, 9)))


def test_page_views_stay_light_and_the_export_code_loads_only_on_export(driver, site):
    """The heaviest page with its CSS and JS under 120 KB (gzip); the docx library only when a reader exports."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Logged, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"

    def files() -> list[Path]:
        return [site / (p.lstrip("/") + ("index.html" if p.endswith("/") else "")) for p in dict.fromkeys(Logged.asked)]

    def view(page: str) -> None:
        """A page view from an empty cache, every file it asks for logged."""
        driver.get("about:blank")
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        Logged.asked.clear()
        driver.get(base + page)
        wait(driver, "return document.readyState === 'complete'")
        driver.execute_script("return new Promise(r => setTimeout(r, 300))")

    try:
        heaviest = max(site.rglob("index.html"), key=lambda p: len(gzip.compress(p.read_bytes())))
        heaviest_page = str(heaviest.parent.relative_to(site)).strip(".") + "/"
        for page in ("logius/2022/", "themas/arbeidsmarkt-en-ambitie/", "selectie/", heaviest_page.lstrip("/")):
            view(page)
            total = sum(served_size(f) for f in files() if f.is_file())
            assert total < 120_000, (page, total)
            print(f"page view /{page}: {total} bytes (gzip), {len(files())} files")
            assert not [p for p in Logged.asked if "selection-export" in p or "vendor/docx" in p or "bronnen" in p], (
                page
            )
        view(A[0])
        Logged.asked.clear()
        bewaar(driver, base, A)
        assert Logged.asked == ["/selectie/bronnen/logius-2023.json"], "Bewaar reads the report's items, nothing more"
        view("selectie/")
        wait(driver, "return document.querySelectorAll('li.svdu-sel-item').length === 1")
        assert "/assets/selection-page.js" in Logged.asked  # /selectie/ loads its own code, the exports not yet
        assert not [p for p in Logged.asked if "selection-export" in p or "vendor/docx" in p]
        Logged.asked.clear()
        click(driver, "//button[.='Tekst voor een notitie']")
        wait(driver, "return document.getElementById('svdu-memo') !== null")
        driver.execute_script("return new Promise(r => setTimeout(r, 300))")
        assert "/assets/selection-export.js" in Logged.asked and "/assets/vendor/docx/index.mjs" not in Logged.asked
        click(driver, "//button[.='Word (.docx)']")
        wait(driver, "return document.getElementById('svdu-selectie-status').textContent.startsWith('Gedownload')")
        assert "/assets/vendor/docx/index.mjs" in Logged.asked
    finally:
        httpd.shutdown()


def test_without_javascript_no_control_is_there(tmp_path, server):
    browser = start_browser(tmp_path / "chromium-nojs")
    try:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        for page in ("logius/2023/", "themas/arbeidsmarkt-en-ambitie/", "cijfers/", "oproepen/", E[0]):
            browser.get(server + page)
            assert browser.find_elements(By.CSS_SELECTOR, "[data-sel]"), page  # the places are there, their buttons not
            controls = browser.find_elements(By.CSS_SELECTOR, "#svdu-selectie *, [data-sel] button, [data-brief] *")
            assert controls == [], page
        browser.get(server + "selectie/")
        assert browser.find_element(By.CSS_SELECTOR, "[data-selectie-nojs]").is_displayed()
        assert browser.find_elements(By.CSS_SELECTOR, "#svdu-selectie *") == []
        browser.get(server + "themas/arbeidsmarkt-en-ambitie/")
        assert browser.find_element(By.PARTIAL_LINK_TEXT, "feed van ‘Arbeidsmarkt en ambitie’").is_displayed()
    finally:
        browser.quit()


def test_selection_fits_a_phone(driver, server):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    )
    try:
        driver.get(server)
        driver.execute_script("localStorage.clear()")  # its own items, whatever the tests before it left
        bewaar(driver, server, A)
        driver.get(server + "selectie/")
        wait(driver, "return document.querySelectorAll('li.svdu-sel-item').length > 0")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 390
        sizes = driver.execute_script(
            "return [...document.querySelectorAll('.svdu-sel-actions button')]"
            ".map(b => [b.getBoundingClientRect().width, b.getBoundingClientRect().height])"
        )
        assert sizes and all(w >= 44 and h >= 24 for w, h in sizes), sizes
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_passage_outside_any_theme_is_grouped_under_its_chapter(driver, server):
    """An introduction's paragraph is not 'Zonder thema' but under the report's own heading, 'Inleiding'."""
    driver.get(server)
    driver.execute_script("localStorage.clear()")
    bewaar(driver, server, ("logius/2023/", "logius-2023/paragraph/logius-2023-logius-gelooft-in-een-overheid-die"))
    bewaar(driver, server, A)
    driver.get(server + "selectie/")
    wait(driver, "return document.querySelectorAll('li.svdu-sel-item').length === 2")
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".svdu-sel-groups h2")]
    assert headings == ["Inleiding", "Complexiteit versus in eenvoud"]
    lists = driver.find_elements(By.CSS_SELECTOR, "ol.svdu-sel-list")
    named = [driver.find_element(By.ID, ol.get_attribute("aria-labelledby")).text for ol in lists]
    assert named == headings, "each list is named by its heading"


def test_a_tampered_selection_is_shown_without_what_is_damaged_and_links_nothing_but_the_web(driver, server):
    """The hostile probe's findings: a null or half item in storage broke Mijn selectie everywhere without a word,
    and a stored 'javascript:' address became a live link."""
    driver.get(server)
    driver.execute_script("localStorage.clear()")
    bewaar(driver, server, A)
    good = driver.execute_script("return JSON.parse(localStorage.getItem('svdu-selectie')).items[0]")
    evil = good | {"id": "evil", "url": "javascript:window.__pwned=1"}
    state = {"version": 1, "group": "thema", "items": [None, {}, good | {"title": {"x": 1}, "id": "x"}, good, evil]}
    driver.execute_script("localStorage.setItem('svdu-selectie', JSON.stringify(arguments[0]))", state)
    driver.get(server + "selectie/")
    wait(driver, "return document.querySelectorAll('li.svdu-sel-item').length === 2")
    count = driver.find_element(By.CSS_SELECTOR, "p.svdu-sel-count")
    assert "3 bewaarde passages waren beschadigd en staan hier niet." in count.text
    hrefs = driver.execute_script(
        "return [...document.querySelectorAll('li.svdu-sel-item a')].map(a => a.getAttribute('href'))"
    )
    assert hrefs and not any(h.lower().startswith("javascript:") for h in hrefs), hrefs
