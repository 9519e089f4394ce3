"""What a person sees and does in a real browser: the years side by side, the tracker's filters in
the address, "Citeer" copying the exact citation, and a permalink that marks its paragraph."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from test_accessibility import RULES, axe_violations, one_page_of_every_kind, start_browser

pytestmark = pytest.mark.browser
FIXED_NOW = "2027-03-04T10:00:00Z"  # the browser's clock in these tests: "4 maart 2027" in Amsterdam
FIXED_CLOCK = f"""(() => {{
  const fixed = new Date("{FIXED_NOW}").getTime(), Real = Date;
  class Fixed extends Real {{ constructor(...args) {{ super(...(args.length ? args : [fixed])); }} \
static now() {{ return fixed; }} }}
  window.Date = Fixed;
}})();"""


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    browser = start_browser(tmp_path_factory.mktemp("chromium-site"))
    yield browser
    browser.quit()


def viewport(driver, width: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def visible_columns(driver, row: int) -> list[tuple[str, int, int]]:
    """(column, left, top) of each visible cell in a comparison row."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('[data-compare-row]')[arguments[0]]"
        ".querySelectorAll('.svdu-cell'))"
        ".filter(c => c.offsetParent !== null).map(c => [c.dataset.column, "
        "Math.round(c.getBoundingClientRect().left), Math.round(c.getBoundingClientRect().top)])",
        row,
    )


def test_comparison_shows_the_years_side_by_side_and_a_year_switch_on_a_phone(driver, server):
    viewport(driver, 1280)
    driver.get(server + "themas/arbeidsmarkt-en-ambitie/")
    (first, left_a, top_a), (second, left_b, top_b) = visible_columns(driver, 2)  # Terugblik
    assert (first, second) == ("logius-2022", "logius-2023") and top_a == top_b and left_b > left_a + 300
    assert not driver.find_element(By.CSS_SELECTOR, ".svdu-year-switch").is_displayed()

    viewport(driver, 390)
    driver.get(server + "themas/arbeidsmarkt-en-ambitie/")
    buttons = driver.find_elements(By.CSS_SELECTOR, ".svdu-year-switch button")
    assert [(b.text, b.get_attribute("aria-pressed")) for b in buttons] == [("2022", "false"), ("2023", "true")]
    assert [c[0] for c in visible_columns(driver, 2)] == ["logius-2023"]
    buttons[0].click()
    assert driver.current_url.endswith("themas/arbeidsmarkt-en-ambitie/?jaar=2022")
    assert [c[0] for c in visible_columns(driver, 2)] == ["logius-2022"]
    driver.get(server + "themas/arbeidsmarkt-en-ambitie/?jaar=2022")
    assert [c[0] for c in visible_columns(driver, 0)] == ["logius-2022"]
    assert axe_violations(driver, RULES["light"]) == []


def test_tracker_filters_round_trip_through_the_address(driver, server):
    viewport(driver, 1280)
    driver.get(server + "oproepen/")
    driver.find_element(By.LINK_TEXT, "2023").click()
    driver.find_element(By.LINK_TEXT, "Oproep").click()
    assert driver.current_url == server + "oproepen/jaar-2023/soort-oproep/"
    shown = [li.get_attribute("id") for li in driver.find_elements(By.CSS_SELECTOR, "ol.svdu-tracker > li")]
    assert len(shown) == 9 and shown[0] == "logius-2023-oproep-we-roepen-de-politiek-op-om"
    driver.get(driver.current_url)  # the address alone gives the same view
    assert [li.get_attribute("id") for li in driver.find_elements(By.CSS_SELECTOR, "ol.svdu-tracker > li")] == shown
    driver.find_element(By.PARTIAL_LINK_TEXT, "Jaar: 2023").click()
    assert driver.current_url == server + "oproepen/soort-oproep/"
    assert len(driver.find_elements(By.CSS_SELECTOR, "ol.svdu-tracker > li")) == 16
    assert axe_violations(driver, RULES["light"]) == []


def test_citeer_copies_the_exact_citation_with_the_readers_date(driver, server):
    viewport(driver, 1280)
    driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Europe/Amsterdam"})
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIXED_CLOCK})
    driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": server.rstrip("/"), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    try:
        driver.get(server + "logius/2023/")
        paragraph = driver.find_element(By.ID, "in-april-2023-kregen-we-een")
        button = paragraph.find_element(By.CSS_SELECTOR, "button.svdu-cite-button")
        assert (button.text, button.get_attribute("aria-label")) == ("Citeer", "Citeer deze alinea, p.\xa010")
        button.click()
        panel = driver.find_element(By.ID, "citeer-in-april-2023-kregen-we-een")
        panel.find_element(By.XPATH, ".//button[.='Kopieer (APA)']").click()
        copied = driver.execute_async_script(
            "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e));"
        )
        assert copied == (
            "Logius. (2023). Stand van de uitvoering 2023 (p.\xa010). Logius, Ministerie van Binnenlandse Zaken en"
            " Koninkrijksrelaties. Geraadpleegd op 4 maart 2027, van"
            " http://127.0.0.1:8000/logius/2023/#in-april-2023-kregen-we-een"
        )
        panel.find_element(By.XPATH, ".//button[.='Kopieer (Nederlands)']").click()
        copied = driver.execute_async_script(
            "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e));"
        )
        assert copied == (
            "Logius, Stand van de uitvoering 2023 (Logius, Ministerie van Binnenlandse Zaken en Koninkrijksrelaties),"
            " p.\xa010. "
            "http://127.0.0.1:8000/logius/2023/#in-april-2023-kregen-we-een (geraadpleegd op 4 maart 2027)."
        )
        assert panel.find_element(By.CSS_SELECTOR, "[role=status]").text == "Gekopieerd: Nederlands."
        button.send_keys(Keys.ESCAPE)
        assert not panel.is_displayed() and button.get_attribute("aria-expanded") == "false"
        button.send_keys(Keys.ENTER)
        assert panel.is_displayed()
        assert axe_violations(driver, RULES["light"]) == []
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def test_a_permalink_marks_its_paragraph_below_the_header(driver, server):
    viewport(driver, 390)
    driver.get(server + "logius/2023/#in-april-2023-kregen-we-een")
    paragraph = driver.find_element(By.ID, "in-april-2023-kregen-we-een")
    assert "svdu-targeted" in paragraph.get_attribute("class")
    note = driver.find_element(By.CSS_SELECTOR, ".svdu-target-note")
    assert note.get_attribute("textContent") == "U bekijkt p.\xa010 van het rapport."
    header_bottom = driver.execute_script("return document.querySelector('.md-header').getBoundingClientRect().bottom")
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top", note)
    assert top >= header_bottom, ("the note above the paragraph is in view", top, header_bottom)
    other = driver.find_element(By.CSS_SELECTOR, "p.svdu-p:not(.svdu-targeted)")
    assert paragraph.value_of_css_property("background-color") != other.value_of_css_property("background-color")


def test_example_filters_are_kept_in_the_address(driver, server):
    viewport(driver, 1280)
    driver.get(server + "voorbeelden/")
    driver.find_element(By.CSS_SELECTOR, "input[name=outcome][value=went_wrong]").click()
    driver.find_element(By.CSS_SELECTOR, "input[name=outcome][value=must_change]").click()
    assert driver.current_url == server + "voorbeelden/?bevat=went_wrong%2Cmust_change"
    driver.get(server + "voorbeelden/?jaar=2022&bevat=went_wrong,must_change")
    shown = [
        r.get_attribute("data-theme")
        for r in driver.find_elements(By.CSS_SELECTOR, "#voorbeelden-tabel tbody tr")
        if r.is_displayed()
    ]
    assert shown == ["focus-goed-en-duurzaam", "complexiteit-versus-in-eenvoud"]
    assert driver.find_element(By.CSS_SELECTOR, ".svdu-count").text == "2 van 11 voorbeelden"
    assert driver.find_element(By.ID, "filter-jaar").get_attribute("value") == "2022"


def test_no_page_scrolls_sideways_on_a_phone_and_the_closed_menu_takes_no_focus(driver, server, site):
    """One page of every kind (a page's width comes from its template)."""
    viewport(driver, 390)
    wide = []
    for path in one_page_of_every_kind(site):
        driver.get(server + path)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        if width > 390:
            wide.append(f"/{path}: {width} px")
    assert wide == []
    hidden = driver.execute_script("return getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility")
    assert hidden == "hidden", "a closed phone menu is out of the tab order"
