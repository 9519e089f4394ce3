"""Figures in text: euro amounts, scale words, number words, what is no figure, linear time and bounded records."""

from __future__ import annotations

import gc
import json
import re
import time

import pytest
import yaml

from conftest import ROOT
from figure_labels import figure_recall
from stand.derive.figures import figures
from stand.derive.text import SENTENCE_LIMIT


def report_of(*paragraphs: str, pages: list[int] | None = None) -> dict:
    """A report of one theme section holding ``paragraphs`` (on ``pages``, 1 when not given)."""
    pages = pages or [1] * len(paragraphs)
    return {
        "id": "test-2025",
        "year": 2025,
        "sections": [
            {
                "id": "test-2025-thema",
                "kind": "theme",
                "parent": None,
                "theme": "thema",
                "paragraphs": [
                    {"id": f"test-2025-p{i}", "text": text, "page": None, "pdf_page": page}
                    for i, (text, page) in enumerate(zip(paragraphs, pages, strict=True))
                ],
            }
        ],
    }


def found(*paragraphs: str) -> list[tuple]:
    return [(f["kind"], f["value"], f["unit"], f["text"], f["label"]) for f in figures(report_of(*paragraphs))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Aan externe inhuur gaven we € 3,7 miljoen meer uit dan begroot.",
            ("money", 3_700_000, "euro", "€ 3,7 miljoen", "€ 3,7 miljoen meer uit dan begroot"),
        ),
        (
            "De vervanging kost 12 miljoen euro per jaar.",
            ("money", 12_000_000, "euro", "12 miljoen euro", "12 miljoen euro per jaar"),
        ),
        (
            "Voor de vervanging is in totaal zes miljoen euro nodig, die niet in de begroting staat.",
            ("money", 6_000_000, "euro", "zes miljoen euro", "zes miljoen euro nodig"),
        ),
        (  # "€ 4,5" at the end of one line and "miljoen" on the next: the paragraph joins them with a space
            "De bouw van het nieuwe platform kostte € 4,5 miljoen aan extra inhuur.",
            ("money", 4_500_000, "euro", "€ 4,5 miljoen", "€ 4,5 miljoen aan extra inhuur"),
        ),
        (
            "De bouw van het nieuwe platform kostte € 4,5\nmiljoen aan extra inhuur.",
            ("money", 4_500_000, "euro", "€ 4,5 miljoen", "€ 4,5 miljoen aan extra inhuur"),
        ),
        (
            "Een aanvraag kost € 1.250 aan behandeltijd.",
            ("money", 1250, "euro", "€ 1.250", "€ 1.250 aan behandeltijd"),
        ),
        (
            "Het vervangen van de voorzieningen kost € 12 miljoen, verspreid over enkele jaren.",
            ("money", 12_000_000, "euro", "€ 12 miljoen", "Het vervangen van de voorzieningen kost € 12 miljoen"),
        ),
        (
            "In Nederland wonen zes miljoen mensen die moeite hebben met digitale zaken.",
            (
                "count",
                6_000_000,
                "count",
                "zes miljoen mensen",
                "zes miljoen mensen die moeite hebben met digitale zaken",
            ),
        ),
        (
            "Via Digipoort gingen anderhalf miljard berichten tussen bedrijven en overheid.",
            (
                "count",
                1_500_000_000,
                "count",
                "anderhalf miljard berichten",
                "anderhalf miljard berichten tussen bedrijven",
            ),
        ),
        (
            "Er loggen twee miljoen gebruikers per maand in.",
            ("count", 2_000_000, "count", "twee miljoen gebruikers", "twee miljoen gebruikers per maand in"),
        ),
        (
            "Via Digipoort gingen 1,8 miljard berichten tussen bedrijven en overheid.",
            ("count", 1_800_000_000, "count", "1,8 miljard berichten", "1,8 miljard berichten tussen bedrijven"),
        ),
        (
            "In 2025 hadden 2,4 miljoen mensen hulp nodig bij het regelen van zaken.",
            ("count", 2_400_000, "count", "2,4 miljoen mensen", "2,4 miljoen mensen hulp nodig bij het regelen van"),
        ),
        (
            "In 2023 hebben we 111 nieuwe collega’s in dienst genomen.",
            ("count", 111, "count", "111 nieuwe collega’s", "111 nieuwe collega’s in dienst genomen"),
        ),
        (
            "De beschikbaarheid lag met 99,7% opnieuw op de norm.",
            ("percentage", 99.7, "%", "99,7%", "99,7% opnieuw op de norm"),
        ),
    ],
)
def test_a_figure_has_its_full_value_unit_and_text(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We namen vijfentwintig nieuwe collega’s aan.", ("count", 25, "vijfentwintig nieuwe collega’s")),
        ("Er deden tweeëndertig gemeenten mee.", ("count", 32, "tweeëndertig gemeenten")),
        ("Er kwamen driehonderd meldingen binnen.", ("count", 300, "driehonderd meldingen")),
        ("Er kwamen 12 duizend meldingen binnen.", ("count", 12_000, "12 duizend meldingen")),
        ("We hielden tachtig gesprekken met afnemers.", ("count", 80, "tachtig gesprekken")),
        ("De storing duurde 36 uur voor alles weer werkte.", ("duration", 36, "36 uur")),
    ],
)
def test_number_words_and_scales(text, expected):
    assert [(f["kind"], f["value"], f["text"]) for f in figures(report_of(text))] == [expected]


def test_values_are_exact_numbers():
    values = [f["value"] for f in figures(report_of("Er gingen 1,8 miljard berichten en 2,4 miljoen verzoeken door."))]
    assert values == [1_800_000_000, 2_400_000]
    assert all(type(v) is int for v in values), "a whole value is an integer, not a float such as 1800000000.0000002"


@pytest.mark.parametrize(
    "text",
    [
        "In deze Stand kiezen we drie van deze onderwerpen uit.",
        "Drie van de thema’s keren terug uit de vorige Stand.",
        "In deze Stand staan drie onderwerpen centraal.",
        "We bespreken de vier thema’s die ons bezighouden.",
        "We bespreken vier thema’s die ons bezighouden.",
        "Daarover schrijven we meer in hoofdstuk 5 van dit rapport.",
        "Dat staat op pagina 12 uitgewerkt.",
        "Zie ook bijlage 2 over de financiering.",
        "In 2025 werkten we verder aan de vernieuwing.",
        "Op 3 maart startte de proef met bewindvoerders.",
        "De planning voor 2024-2025 liep uit.",
        "De wet geldt per 1 januari voor alle organisaties.",
        "De eerste deelnemers draaien inmiddels mee.",
        "Het opdrachtgeversoverleg is om 14.00 uur begonnen.",
        "Dat meldden we in de bestuurlijke driehoek1 en het overleg.",
        "We geven hiervan drie voorbeelden: de A-status, ouderen en videobellen.",
        "We werken nu met de twee disciplines samen aan de vernieuwing.",
        "Dat bespreken we bij thema 3 van deze Stand.",
        "Sinds dit jaar geldt 24-uursbezetting op de servicedesk.",
    ],
)
def test_no_figure(text):
    assert found(text) == []


def test_a_count_of_topics_outside_the_report_is_a_figure():
    assert found("In het overleg bespraken we 12 onderwerpen met de opdrachtgever.") == [
        ("count", 12, "count", "12 onderwerpen", "12 onderwerpen met de opdrachtgever")
    ]
    assert [
        f["value"]
        for f in figures(report_of("We behandelden 42 opdrachten, waarvan we er 35 zonder aanpassing aannamen."))
    ] == [42, 35]


def test_a_scaled_number_needs_no_noun():
    assert found("Het aantal gebruikers groeide tot 4 miljoen.") == [
        ("count", 4_000_000, "count", "4 miljoen", "4 miljoen")
    ]


def test_a_repeated_label_gets_numbered_ids():
    ids = [
        f["id"] for f in figures(report_of("Er kwamen 12 teams bij. Er kwamen 12 teams bij. Er kwamen 12 teams bij."))
    ]
    assert ids == [
        "test-2025-cijfer-12-teams-bij",
        "test-2025-cijfer-12-teams-bij-2",
        "test-2025-cijfer-12-teams-bij-3",
    ]


def test_an_estimate_is_approximate_and_ids_read_the_amount():
    [record] = figures(report_of("De vervanging kost naar een eerste schatting € 12 miljoen, verspreid over jaren."))
    assert record["approximate"] is True
    assert record["id"] == "test-2025-cijfer-vervanging-kost-naar-een"
    [record] = figures(report_of("Aan externe inhuur gaven we € 3,7 miljoen meer uit dan begroot."))
    assert (record["id"], record["approximate"]) == ("test-2025-cijfer-euro-37-miljoen-meer", False)
    assert record["sentence"] == "Aan externe inhuur gaven we € 3,7 miljoen meer uit dan begroot."


def test_the_sentence_is_the_one_the_number_stands_in():
    text = "In 2023 kwamen er 111 nieuwe collega’s bij. Daarnaast verlieten 58 collega’s de organisatie."
    assert [f["sentence"] for f in figures(report_of(text))] == [
        "In 2023 kwamen er 111 nieuwe collega’s bij.",
        "Daarnaast verlieten 58 collega’s de organisatie.",
    ]


def test_a_long_sentence_is_stored_cut_at_words_around_the_number():
    text = (
        "Wij "
        + "werken hardnekkig aan " * 100
        + "een dienst met 12 nieuwe collega’s en "
        + "veel meer woorden " * 100
        + "dan dat."
    )
    [record] = figures(report_of(text))
    sentence = record["sentence"]
    assert len(sentence) <= SENTENCE_LIMIT
    assert sentence.startswith("… ") and sentence.endswith(" …")
    assert "met 12 nieuwe collega’s en" in sentence
    inner = sentence[2:-2]
    assert inner in text and re.search(rf"(^|\s){re.escape(inner)}(\s|$)", text), "cut at words, never inside one"


def many_figures(size: int) -> dict:
    unit = "12 nieuwe collega’s "
    return report_of((unit * (size // len(unit) + 1))[:size].strip())


def timed(size: int) -> tuple[float, list[dict]]:
    report = many_figures(size)
    gc.collect()
    gc.disable()  # the collector's passes over everything alive are not the extractor's time
    try:
        start = time.perf_counter()
        records = figures(report)
        return time.perf_counter() - start, records
    finally:
        gc.enable()


def test_one_long_paragraph_takes_linear_time_and_gives_bounded_records():
    """Issue 23: one paragraph repeating "12 nieuwe collega’s" took minutes and wrote gigabytes."""
    timed(10_000)  # warm up
    small = min(timed(100_000)[0] for _ in range(3))  # the least of a few runs: a busy machine only adds time
    large, records = min((timed(400_000) for _ in range(2)), key=lambda run: run[0])
    print(f"100 KB: {small:.2f} s, 400 KB: {large:.2f} s")
    assert large / small < 6, f"100 KB took {small:.2f} s and 400 KB {large:.2f} s: not linear"
    assert len(records) == 20_000
    longest = max(len(json.dumps(r, ensure_ascii=False)) for r in records)
    assert longest < SENTENCE_LIMIT + 600, f"a record of {longest} characters"
    assert max(len(r["sentence"]) for r in records) <= SENTENCE_LIMIT
    total = sum(len(json.dumps(r, ensure_ascii=False)) for r in records)
    assert total < 400_000 * 60, f"{total} characters of figures from 400 KB of text"
    assert len({r["id"] for r in records}) == len(records)


def unseen_logius_2025() -> dict:
    """logius-2025.txt read as plainly as possible: pages by form feed, paragraphs by blank line, lines joined.

    This leaves the extractor out, so the figures are measured on the text alone.
    """
    source = (ROOT / "tests" / "unseen" / "logius-2025" / "logius-2025.txt").read_text(encoding="utf-8")
    paragraphs, pages = [], []
    for page, text in enumerate(source.split("\f"), start=1):
        for block in re.split(r"\n\s*\n", text):
            if block.strip():
                paragraphs.append(" ".join(block.split()))
                pages.append(page)
    report = report_of(*paragraphs, pages=pages)
    return report | {"figures": figures(report)}


def test_figure_recall_on_an_unseen_report():
    labels = yaml.safe_load((ROOT / "tests" / "unseen" / "logius-2025" / "labels.yaml").read_text(encoding="utf-8"))
    found_, labelled, missing = figure_recall(unseen_logius_2025(), labels)
    assert (found_, labelled, missing) == (20, 20, [])


def test_figure_recall_counts_each_figure_once():
    report = report_of("In 2025 verwelkomden we 127 nieuwe collega’s en gaven we € 3,7 miljoen uit.")
    report["figures"] = figures(report)
    labels = {
        "figures": [
            {"value": 127, "unit": "count", "text": "127", "page": 1},
            {"value": 3_700_000, "unit": "euro", "text": "€ 3,7 miljoen", "page": 1},
            {"value": 127, "unit": "count", "text": "127", "page": 1},
            {"value": 3_700_000, "unit": "count", "text": "3,7 miljoen", "page": 1},
        ]
    }
    assert figure_recall(report, labels) == (2, 4, labels["figures"][2:])
