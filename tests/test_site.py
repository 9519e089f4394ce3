"""The built site, checked against the data: every record has its page, every page its record,
every internal link and anchor resolves, nothing is loaded from another host, report text stays text."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_site_project

HAND_WRITTEN = {"", "data/", "over/", "toegankelijkheid/", "privacy/", "zoeken/", "data/wijzigingen/", "selectie/"}


def pages(site: Path) -> dict[str, BeautifulSoup]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        url = str(path.relative_to(site)).removesuffix("index.html")
        if url == "404.html":
            continue
        found[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return found


@pytest.fixture(scope="module")
def html(site) -> dict[str, BeautifulSoup]:
    return pages(site)


@pytest.fixture(scope="module")
def data() -> dict:
    reports = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data/reports").glob("*.yaml"))]
    return {
        "reports": reports,
        "themes": yaml.safe_load((ROOT / "data/themes.yaml").read_text(encoding="utf-8"))["themes"],
        "topics": yaml.safe_load((ROOT / "data/topics.yaml").read_text(encoding="utf-8"))["topics"],
    }


def expected_pages(data: dict) -> set[str]:
    urls = {"rapporten/", "themas/", "voorbeelden/", "onderwerpen/", "oproepen/", "cijfers/"}
    urls |= {f"{r['organisation_id']}/{r['year']}/" for r in data["reports"]} | {
        f"{r['year']}/" for r in data["reports"]
    }
    urls |= {f"themas/{t['id']}/" for t in data["themes"]} | {f"onderwerpen/{t['id']}/" for t in data["topics"]}
    urls |= {f"voorbeelden/{e['id']}/" for r in data["reports"] for e in r["examples"]}
    return urls


def test_every_record_has_a_page_and_every_page_a_record(html, data):
    generated = {url for url in set(html) - HAND_WRITTEN if not url.startswith("oproepen/") or url == "oproepen/"}
    assert generated == expected_pages(data)
    assert len([u for u in generated if u.startswith("voorbeelden/") and u != "voorbeelden/"]) == 11


def test_dutch_language_and_unique_titles(html):
    titles = {}
    for url, soup in html.items():
        assert soup.html.get("lang") == "nl", url
        titles.setdefault(soup.title.get_text(strip=True), []).append(url)
    assert {t: u for t, u in titles.items() if len(u) > 1} == {}
    assert (
        html["themas/focus-goed-en-duurzaam/"].title.get_text() == "Focus: goed en duurzaam - Stand van de uitvoering"
    )


def test_one_h1_and_no_skipped_heading_levels(html):
    for url, soup in html.items():
        levels = [
            int(h.name[1])
            for h in soup.select("article h1, article h2, article h3, article h4, article h5, article h6")
        ]
        assert levels[:1] == [1] and levels.count(1) == 1, url
        for before, after in pairwise(levels):
            assert after <= before + 1, f"{url}: h{before} followed by h{after}"


def test_skip_link_on_every_page(html):
    for url, soup in html.items():
        skip = soup.select_one("a.md-skip")
        assert skip is not None and skip["href"].startswith("#"), url
        assert skip["href"] == "#" + soup.select_one("article h1")["id"], url


def test_internal_links_and_anchors_resolve(site, html):
    ids = {url: {tag["id"] for tag in soup.select("[id]")} for url, soup in html.items()}
    broken = []
    for url, soup in html.items():
        for a in soup.select("a[href]"):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
                continue
            target = (Path("/") / url / unquote(parts.path)).resolve() if parts.path else Path("/") / url
            relative = str(target).lstrip("/")
            if parts.path and not (site / relative).exists():
                broken.append(f"{url}: {href}")
                continue
            page = relative + "/" if (site / relative).is_dir() and relative else relative
            page = "" if page in ("/", ".") else page
            if parts.fragment and page in ids and unquote(parts.fragment) not in ids[page]:
                broken.append(f"{url}: {href} (no anchor)")
    assert broken == []


def test_nothing_is_loaded_from_another_host(site, html):
    for url, soup in html.items():
        for tag in soup.select("script[src], link[href], img[src], iframe[src], source[src], audio[src], video[src]"):
            address = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not urlsplit(address).scheme and not address.startswith("//"), f"{url}: {tag}"
    for css in site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(['\"]?https?:|url\(['\"]?https?:", css.read_text(encoding="utf-8")), css
    assert not any("fonts.googleapis" in p.read_text(encoding="utf-8", errors="ignore") for p in site.rglob("*.html"))


def test_every_paragraph_has_a_permalink_with_its_page(html, data):
    for report in data["reports"]:
        soup = html[f"{report['organisation_id']}/{report['year']}/"]
        for section in report["sections"]:
            for paragraph in section["paragraphs"]:
                element = soup.find(id=paragraph["anchor"])
                assert element is not None, paragraph["id"]
                assert element.select_one("a.svdu-permalink")["href"] == f"#{paragraph['anchor']}"
                printed = paragraph["page"] is not None
                cited = f"p.\xa0{paragraph['page']}" if printed else f"p.\xa0[{paragraph['pdf_page']}]"
                assert (
                    element.select_one(".svdu-meta")
                    .get_text()
                    .startswith(cited + (" " if not paragraph.get("pdf_page_end") else "–"))
                )


def test_report_pages_say_which_page_numbers_they_cite(html):
    """A printed number as is, a page without one by its place in the file, in brackets."""
    facts = {
        dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in html["logius/2023/"].select("dl.svdu-facts dt")
    }
    assert facts["Paginanummers"] == (
        "Het bronbestand drukt op 1 van de 10 pagina’s een nummer af; we citeren met dat nummer waar het er is, "
        "en anders met de plaats in het bestand tussen haken (p. [3] is de derde pagina)."
    )
    last = html["logius/2023/"].find(id="sommige-constateringen-en-aanbevelingen-van-acict")
    assert last.select_one(".svdu-meta").get_text().startswith("p.\xa010 ")
    first = html["logius/2023/"].find(id="logius-gelooft-in-een-overheid-die")
    assert first.select_one(".svdu-meta").get_text().startswith("p.\xa0[2] ")


def test_footnotes_link_both_ways(html):
    soup = html["logius/2022/"]
    ref = soup.find(id="ref-voetnoot-1-per-1-januari-2023")
    assert ref.a["href"] == "#voetnoot-1-per-1-januari-2023"
    note = soup.find(id="voetnoot-1-per-1-januari-2023")
    assert note.get_text().startswith("Per 1 januari 2023 zijn Logius en KOOP samengegaan.")
    assert note.select_one("a[href='#ref-voetnoot-1-per-1-januari-2023']") is not None
    first = soup.find(id="logius-gelooft-in-een-overheid-die")
    assert first.get_text().startswith("Logiusvoetnoot 1 gelooft in een overheid")


def test_theme_page_compares_the_years_part_by_part(html):
    soup = html["themas/arbeidsmarkt-en-ambitie/"]
    on_screen = [h for h in soup.select("article h2") if not h.find_parent(class_="svdu-print")]  # not the printed
    headings = [" ".join(h.get_text(" ").split()).rstrip("#").strip() for h in on_screen]
    assert headings == [
        "In het kort",
        "Beschrijving",
        "Terugblik",
        "Wat ging goed?",
        "Wat ging niet goed?",
        "Wat moet anders?",
        "Oproepen",
        "Cijfers",
        "Voorbeelden en illustraties",
        "Onderwerpen",
    ]
    years = soup.select(".svdu-compare-years .svdu-cell")
    assert [(c["id"], c.select_one(".svdu-year-heading").get_text()) for c in years] == [
        ("logius-2022", "Dilemma 1: Arbeidsmarkt en ambitie"),
        ("logius-2023", "Arbeidsmarkt en ambitie"),
    ]
    rows = soup.select("[data-compare-row]")
    assert all([c["data-column"] for c in row.select(".svdu-cell")] == ["logius-2022", "logius-2023"] for row in rows)
    summary_2023 = [
        li.get_text(" ").split(" p.\xa0")[0].replace("Logius, Stand van de uitvoering 2023,", "").strip()
        for li in rows[0].select(".svdu-cell")[1].select("li")
    ]
    assert summary_2023[0].startswith("Logius draait niet om techniek, maar om mensen")
    assert summary_2023[2].startswith("We roepen de politiek op om helder te zijn over wat er wordt gevraagd")
    went_wrong_2023 = rows[4].select(".svdu-cell")[1].get_text(" ")
    assert "deelt zijn illustraties niet op in wat goed ging" in went_wrong_2023
    assert "Personeelstekort is een breed probleem" in rows[4].select(".svdu-cell")[0].get_text(" ")
    cite = soup.select_one("blockquote.svdu-quote a.svdu-cite")
    assert cite.get_text() == "Logius, Stand van de uitvoering 2022, p.\xa0[2]"
    intro = soup.select_one(".svdu-compare-intro").get_text()  # where a reader first meets "p. [2]" (fresh eyes)
    assert "Een paginanummer tussen haken, zoals p. [3], is de plaats in een bronbestand dat zelf geen" in intro
    assert cite.select_one(".svdu-sr-only").get_text() == "Logius, Stand van de uitvoering 2022, "
    assert cite["href"] == "../../logius/2022/#net-als-veel-andere-overheidsorganisaties-heeft"


def test_example_page_has_its_parts_under_their_own_headings(html):
    soup = html[
        "voorbeelden/logius-2022-een-goed-gesprek-en-nieuwe-stappen-na-gezamenlijke-constatering-dat-dit-nodig-was/"
    ]
    assert [h.get_text(strip=True).rstrip("#") for h in soup.select("article h2")] == [
        "Wat ging goed?",
        "Wat kan anders?",
    ]
    assert soup.select_one("article h1").get_text(strip=True).startswith("Voorbeeld: Een goed gesprek")


def test_examples_table_lists_all_without_javascript(html):
    soup = html["voorbeelden/"]
    rows = soup.select("#voorbeelden-tabel tbody tr")
    assert len(rows) == 11
    assert soup.select_one("form.svdu-filters").has_attr("hidden"), "the filter form only appears when its script runs"
    assert {r["data-year"] for r in rows} == {"2022", "2023"}
    assert all(th.get("scope") for th in soup.select("#voorbeelden-tabel th"))


def test_topic_names_link_to_their_topic_page(html):
    soup = html["logius/2023/"]
    link = soup.select_one("#we-vinden-het-traject-plooi-een a.svdu-topic")
    assert link.get_text() == "PLOOI" and link["href"] == "../../onderwerpen/plooi/"


def test_report_text_is_rendered_as_text_not_as_code(tmp_path):
    project = copy_site_project(tmp_path / "project")
    report_file = project / "data/reports/logius-2023.yaml"
    report = yaml.safe_load(report_file.read_text(encoding="utf-8"))
    evil = (
        "Som {{ 7 * 7 }} en {% if true %}ja{% endif %} <script>alert('x')</script> <b>vet</b> **ster** "
        "[link](https://example.org) # kop"
    )
    report["sections"][0]["paragraphs"][0]["text"] = evil
    report["sections"][0]["heading"] = "Inleiding {{ 6 * 7 }} <i>schuin</i> *ster*"
    report_file.write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site/logius/2023/index.html").read_text(encoding="utf-8"), "html.parser")
    paragraph = soup.find(id="logius-gelooft-in-een-overheid-die")
    assert paragraph.get_text().startswith(evil)
    assert paragraph.find("script") is None and paragraph.find("b") is None and paragraph.find("strong") is None
    heading = soup.find(id="inleiding")
    assert heading.get_text(strip=True).startswith("Inleiding {{ 6 * 7 }} <i>schuin</i> *ster*")
    assert "42" not in heading.get_text() and heading.find("i") is None
    assert "alert('x')" not in "".join(s.get_text() for s in soup.find_all("script"))


def test_stories_and_curated_records_show_on_the_site(html):
    acict = html["voorbeelden/logius-2023-acict-advies-op-de-infrastructuur/"]
    facts = {dt.get_text(): dt.find_next_sibling("dd") for dt in acict.select("dl.svdu-facts dt")}
    assert facts["Vervolg van"].get_text() == "Migratie infrastructuur (2022)"
    assert facts["Vervolg van"].a["href"] == "../../voorbeelden/logius-2022-migratie-infrastructuur/"
    assert [a.get_text() for a in facts["Thema"].select("a")] == [
        "Complexiteit versus in eenvoud",
        "Focus: goed en duurzaam",
    ]
    migration = html["voorbeelden/logius-2022-migratie-infrastructuur/"]
    assert "AcICT-advies op de infrastructuur (2023)" in migration.get_text()
    focus = " ".join(html["themas/focus-goed-en-duurzaam/"].get_text(" ").split())
    assert "AcICT-advies op de infrastructuur" in focus and "vervolg van Migratie infrastructuur (2022)" in focus
    calls = html["oproepen/"]
    note = calls.find(id="logius-2022-oproep-het-is-nodig-om-de-ambities").select_one(".svdu-curated")
    assert note.get_text().startswith("(handmatig aangevuld: “al deze partijen” staan in de zin ervoor (Tweede Kamer")


def tracker_ids(soup) -> list[str]:
    return [li["id"] for li in soup.select("ol.svdu-tracker > li")]


def test_tracker_lists_every_call_and_problem_newest_first(html, data):
    parts = {"went_wrong": "went-wrong", "must_change": "must-change", "could_change": "could-change"}
    ids = tracker_ids(html["oproepen/"])
    calls = [c["id"] for r in data["reports"] for c in r["calls"]]
    problems = [
        f"{e['id']}-{suffix}"
        for r in data["reports"]
        for e in r["examples"]
        for part, suffix in parts.items()
        if e[part]
    ]
    assert sorted(ids) == sorted(calls + problems) and len(ids) == 25
    assert ids[0] == "logius-2023-oproep-we-roepen-de-politiek-op-om"
    assert all(i.startswith("logius-2023") for i in ids[:9]) and all(i.startswith("logius-2022") for i in ids[9:])
    call = html["oproepen/"].find(id="logius-2022-oproep-logius-vraagt-hiervoor-aandacht-bij-beleid")
    assert (
        call.select_one(".svdu-context")
        .get_text()
        .startswith("De zin ervoor: … Om wel DigiD substantieel te kunnen verstrekken")
    )
    returning = html["oproepen/"].find(id="logius-2022-moeizaam-gesprek-over-programma-toegang-went-wrong")
    later = returning.select_one(".svdu-item-example").find_all("a")[-1]
    assert (later.get_text(), later["href"]) == (
        "op weg naar een haalbaar Stelsel Toegang (2023)",
        "../voorbeelden/logius-2023-op-weg-naar-een-haalbaar-stelsel-toegang/",
    )


def test_tracker_filters_are_pages_in_the_address(html, data):
    root = html["oproepen/"]
    facets = {
        dt.get_text(): [" ".join(li.get_text(" ").split()) for li in dt.find_next_sibling("dd").select("li")]
        for dt in root.select(".svdu-facets dt")
    }
    assert facets["Jaar"] == ["2023 (9 oproepen)", "2022 (7 oproepen, 9 knelpunten)"]  # a count says what it counts
    assert facets["Soort"] == ["Oproep (16)", "Wat ging niet goed? (5)", "Wat kan anders? (1)", "Wat moet anders? (3)"]
    link = root.select_one(".svdu-facets a[href='../oproepen/jaar-2023/']")
    assert link.get_text() == "2023"
    calls_2023 = [c["id"] for r in data["reports"] if r["year"] == 2023 for c in r["calls"]]
    filtered = html["oproepen/jaar-2023/soort-oproep/"]
    assert tracker_ids(filtered) == calls_2023
    chips = [" ".join(a.get_text(" ").split()) for a in filtered.select(".svdu-chosen a.svdu-chip")]
    assert chips == ["Jaar: 2023 × (filter weghalen)", "Soort: Oproep × (filter weghalen)"]
    removes = [
        urljoin("/oproepen/jaar-2023/soort-oproep/", a["href"]) for a in filtered.select(".svdu-chosen a.svdu-chip")
    ]
    assert removes == ["/oproepen/soort-oproep/", "/oproepen/jaar-2023/"]
    politics = tracker_ids(html["oproepen/aan-politiek/"])
    assert politics == [
        c["id"]
        for r in sorted(data["reports"], key=lambda r: -r["year"])
        for c in r["calls"]
        if "politiek" in c["addressees"]
    ]
    assert filtered.title.get_text() == "Oproepen: 2023, Oproep - Stand van de uitvoering"


def test_the_404_page_is_dutch_and_shows_the_way_on(site):
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article h1").get_text() == "Deze pagina bestaat niet"
    links = {a.get_text(): a["href"] for a in soup.select("article li a")}
    assert list(links) == ["Home", "Rapporten", "Thema’s", "Oproepen", "Data"]
    for href in links.values():
        assert (
            href.startswith("/") and not href.startswith("//") and (site / href.lstrip("/") / "index.html").is_file()
        ), href
    labels = {e["aria-label"] for e in soup.select("[aria-label]")}
    assert {"Paginakop", "Hoofdmenu"} <= labels and not {"Header", "Footer", "Tabs"} & labels
