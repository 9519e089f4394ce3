"""Follow a theme: the Atom feeds (RFC 4287) per theme, per organisation and for the whole site, as built.

Each feed is well-formed XML in the Atom namespace with the elements RFC 4287 requires (id, title,
updated, an author for the feed or for every entry; per entry id, title, updated and content or an
alternate link), absolute unique ids, RFC 3339 dates taken from the data, and exactly the entries the
data gives: per theme the reports that write about it and every passage of the theme, in order.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from conftest import ROOT, load

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "http://127.0.0.1:8000/"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def reports() -> list[dict]:
    return sorted((load(p) for p in (ROOT / "data" / "reports").glob("*.yaml")), key=lambda r: (r["year"], r["id"]))


def themes() -> list[dict]:
    return load(ROOT / "data" / "themes.yaml")["themes"]


def report_date(report: dict) -> str:
    published = report["source"]["published"]
    return f"{published}T00:00:00Z" if published else f"{report['year']}-01-01T00:00:00Z"


def atom(site: Path, path: str) -> ElementTree.Element:
    """The feed at ``path``, checked against what RFC 4287 requires of every feed and entry."""
    root = ElementTree.parse(site / path).getroot()  # well-formed, or this raises
    assert root.tag == f"{ATOM}feed", path
    problems = []
    for name in ("id", "title", "updated"):
        if len(root.findall(f"{ATOM}{name}")) != 1:
            problems.append(f"feed needs exactly one {name}")
    self_links = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if self_links != [SITE_URL + path]:
        problems.append(f"self link {self_links}")
    entries = root.findall(f"{ATOM}entry")
    if not root.findall(f"{ATOM}author/{ATOM}name") and not all(e.find(f"{ATOM}author/{ATOM}name") for e in entries):
        problems.append("an author for the feed or for every entry")
    ids = [root.findtext(f"{ATOM}id")]
    for entry in entries:
        for name in ("id", "title", "updated"):
            if len(entry.findall(f"{ATOM}{name}")) != 1:
                problems.append(f"entry {entry.findtext(f'{ATOM}id')} needs exactly one {name}")
        alternate = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        if entry.find(f"{ATOM}content") is None and not alternate:
            problems.append(f"entry {entry.findtext(f'{ATOM}id')}: no content and no alternate link")
        ids.append(entry.findtext(f"{ATOM}id"))
    if len(set(ids)) != len(ids):
        problems.append("ids are not unique")
    if not all(i and i.startswith(("http://", "https://")) for i in ids):
        problems.append("ids are absolute IRIs")
    dates = [root.findtext(f"{ATOM}updated")] + [e.findtext(f"{ATOM}updated") for e in entries]
    if not all(RFC3339.match(d or "") for d in dates):
        problems.append(f"dates in RFC 3339: {dates}")
    if entries and root.findtext(f"{ATOM}updated") != max(dates[1:]):
        problems.append("the feed is as new as its newest entry")
    assert problems == [], f"{path}: {problems}"
    return root


def entries(feed: ElementTree.Element) -> list[tuple[str, str, str]]:
    """(id, updated, content) of every entry, in order."""
    return [
        (e.findtext(f"{ATOM}id"), e.findtext(f"{ATOM}updated"), e.findtext(f"{ATOM}content"))
        for e in feed.findall(f"{ATOM}entry")
    ]


def newest_first(found: list[dict]) -> list[dict]:
    return sorted(found, key=lambda r: (report_date(r), r["year"], r["id"]), reverse=True)


def test_a_theme_feed_has_each_report_and_every_passage_of_the_theme(site):
    by_id = {r["id"]: r for r in reports()}
    assert themes()
    for theme in themes():
        feed = atom(site, f"themas/{theme['id']}/feed.xml")
        assert feed.findtext(f"{ATOM}title") == f"Stand van de uitvoering: {theme['title']}"
        expected = []
        chapters = {h["report"]: h for h in theme["headings"]}
        for report in newest_first([by_id[h["report"]] for h in theme["headings"]]):
            base = f"{SITE_URL}{report['organisation_id']}/{report['year']}/"
            chapter = chapters[report["id"]]["section"].removeprefix(report["id"] + "-")
            expected.append((f"{base}#{chapter}", report_date(report), None))
            for section in report["sections"]:
                if section.get("theme") == theme["id"]:
                    expected += [
                        (f"{base}#{p['anchor']}", report_date(report), p["text"]) for p in section["paragraphs"]
                    ]
        found = entries(feed)
        assert [(i, d) for i, d, _ in found] == [(i, d) for i, d, _ in expected]
        pairs = zip(found, expected, strict=True)
        passages = [(found_text, text) for (_, _, found_text), (_, _, text) in pairs if text]
        assert passages and all(found_text == text for found_text, text in passages)
        assert len(found) > 2


def test_the_2023_passage_on_111_new_colleagues_is_in_its_themes_feed(site):
    """One entry read by hand: its id is the paragraph's permalink, its text the report's words."""
    feed = atom(site, "themas/arbeidsmarkt-en-ambitie/feed.xml")
    entry = next(e for e in feed.findall(f"{ATOM}entry") if "111 nieuwe" in (e.findtext(f"{ATOM}content") or ""))
    assert entry.findtext(f"{ATOM}id").startswith(SITE_URL + "logius/2023/#logius-heeft-in-2023-111-nieuwe")
    assert entry.findtext(f"{ATOM}updated") == "2023-01-01T00:00:00Z"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Logius"


def test_an_organisation_feed_has_every_report_of_the_organisation(site):
    for organisation in sorted({r["organisation_id"] for r in reports()}):
        own = [r for r in reports() if r["organisation_id"] == organisation]
        feed = atom(site, f"{organisation}/feed.xml")
        assert [i for i, _, _ in entries(feed)] == [f"{SITE_URL}{organisation}/{r['year']}/" for r in newest_first(own)]
        assert all(c.startswith(f"{own[0]['organisation']} publiceerde ") for _, _, c in entries(feed))


def test_the_site_feed_has_every_report_and_links_every_theme_and_organisation_feed(site):
    feed = atom(site, "feed.xml")
    assert [i for i, _, _ in entries(feed)] == [
        f"{SITE_URL}{r['organisation_id']}/{r['year']}/" for r in newest_first(reports())
    ]
    related = [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "related"]
    wanted = [f"{SITE_URL}themas/{t['id']}/feed.xml" for t in themes()]
    wanted += [f"{SITE_URL}{o}/feed.xml" for o in sorted({r["organisation_id"] for r in reports()})]
    assert related == wanted + [SITE_URL + "data/versies.atom"]
    for href in related:
        assert (site / href.removeprefix(SITE_URL)).is_file(), href


def test_a_theme_page_links_its_feed_in_the_head_and_in_words(site):
    page = site / "themas" / "arbeidsmarkt-en-ambitie" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    address = SITE_URL + "themas/arbeidsmarkt-en-ambitie/"
    alternates = {
        urljoin(address, link["href"]): link.get("title")
        for link in soup.select('head link[rel="alternate"][type="application/atom+xml"]')
    }
    assert alternates == {
        SITE_URL + "feed.xml": "Stand van de uitvoering: nieuwe rapporten",
        SITE_URL + "themas/arbeidsmarkt-en-ambitie/feed.xml": "Arbeidsmarkt en ambitie: nieuwe passages",
    }
    follow = soup.select_one(".svdu-follow")
    visible = {urljoin(address, a["href"]) for a in follow.select('a[type="application/atom+xml"]')}
    assert visible == {SITE_URL + "themas/arbeidsmarkt-en-ambitie/feed.xml", SITE_URL + "logius/feed.xml"}
    assert "Een feed (Atom) is een adres dat u in een feedlezer zet" in follow.get_text()
    other = BeautifulSoup((site / "over" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [link["href"] for link in other.select('head link[type="application/atom+xml"]')] == ["../feed.xml"]
    missing = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")  # served at any depth
    assert [link["href"] for link in missing.select('head link[type="application/atom+xml"]')] == ["/feed.xml"]


def test_a_renamed_organisation_has_one_feed_under_its_newest_name():
    from stand.publish.corpus import Corpus
    from stand.site.feeds import feed_files

    older, newer = reports()
    corpus = Corpus(reports=[older | {"organisation": "Logius (oud)"}, newer], themes=themes(), topics=[])
    paths = [path for path, _ in feed_files(corpus, SITE_URL)]
    assert paths.count("logius/feed.xml") == 1
    feed = ElementTree.fromstring(dict(feed_files(corpus, SITE_URL))["logius/feed.xml"])
    assert feed.findtext(f"{ATOM}title") == "Stand van de uitvoering: Logius"


def test_feed_dates_come_from_the_data_not_the_clock(site):
    """Every date in every feed is a report's date; a report with a publication date gives that date."""
    allowed = {report_date(r) for r in reports()}
    for path in ["feed.xml", *(f"themas/{t['id']}/feed.xml" for t in themes())]:
        root = ElementTree.parse(site / path).getroot()
        dates = {node.text for node in root.iter() if node.tag in (f"{ATOM}updated", f"{ATOM}published")}
        assert dates <= allowed, (path, dates - allowed)


def test_a_published_date_in_the_manifest_dates_the_reports_entries():
    from stand.site.feeds import report_date as feed_date

    assert feed_date({"year": 2023, "source": {"published": "2024-04-17"}}) == "2024-04-17T00:00:00Z"
    assert feed_date({"year": 2023, "source": {"published": None}}) == "2023-01-01T00:00:00Z"
