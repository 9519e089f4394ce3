"""Logius, Stand van de uitvoering 2022: structure, repairs, records, pages (from data/reports/logius-2022.yaml)."""

from conftest import all_paragraphs, paragraph_texts

THEMES = [
    "arbeidsmarkt-en-ambitie",
    "focus-goed-en-duurzaam",
    "samenwerking-beleid-en-uitvoering",
    "complexiteit-versus-in-eenvoud",
]


def test_chapters_in_order(report_2022):
    chapters = [(s["kind"], s["heading"], s["pdf_page"]) for s in report_2022["sections"] if s["parent"] is None]
    assert chapters == [
        ("introduction", "Inleiding", 1),
        ("theme", "Dilemma 1: Arbeidsmarkt en ambitie", 2),
        ("theme", "Dilemma 2. Focus: goed en duurzaam", 5),
        ("theme", "Dilemma 3. Samenwerking beleid en uitvoering", 7),
        ("theme", "Dilemma 4: Complexiteit versus in eenvoud", 9),
        ("closing", "Vervolg", 13),
    ]
    assert [s["theme"] for s in report_2022["sections"] if s["kind"] == "theme"] == THEMES


def test_each_dilemma_has_description_retrospective_and_one_examples_group(report_2022):
    for theme in THEMES:
        children = [s for s in report_2022["sections"] if s["parent"] == f"logius-2022-{theme}"]
        assert [c["kind"] for c in children] == ["description", "retrospective", "examples"], theme
    retrospectives = [s["heading"] for s in report_2022["sections"] if s["kind"] == "retrospective"]
    assert retrospectives == ["Terugblik 2022", "Terugblik 2022", "Terugblik 2022", "Terugblik op 2022"]


def test_running_headings_continue_the_section(report_2022):
    groups = [s for s in report_2022["sections"] if s["kind"] == "examples"]
    assert len(groups) == 4
    running = [
        (f["pdf_page"], f["text"]) for f in report_2022["furniture"] if f["reason"].startswith("running heading")
    ]
    assert running == [
        (4, "Voorbeelden bij dilemma 1. Arbeidsmarkt en ambitie"),
        (10, "Dilemma 4. Complexiteit versus in eenvoud"),
        (12, "Voorbeelden bij dilemma 4: Complexiteit vs in eenvoud"),
    ]
    texts = " ".join(p["text"] for p in all_paragraphs(report_2022).values())
    assert "Voorbeelden bij dilemma" not in texts
    # The paragraph cut by the repeated "Dilemma 4." heading is one paragraph across pages 9 and 10.
    paragraph = all_paragraphs(report_2022)["logius-2022-want-die-andere-complexiteit-gaat-over"]
    assert (paragraph["pdf_page"], paragraph["pdf_page_end"]) == (9, 10)
    assert (paragraph["page"], paragraph["page_end"]) == (None, None), "the 2022 export prints no page numbers"
    assert "Afnemers zijn publieke dienstverleners als het UWV, de Belastingdienst en gemeenten." in paragraph["text"]


def test_eight_examples_with_parts_kept_apart(report_2022):
    examples = {e["title"]: e for e in report_2022["examples"]}
    assert list(examples) == [
        "Personeelstekort is een breed probleem",
        "Grenzen aan ambities",
        "Migratie infrastructuur",
        "DigiD substantieel voor mensen zonder Nederlands identiteitsdocument",
        "Moeizaam gesprek over programma Toegang",
        "Een goed gesprek en nieuwe stappen na gezamenlijke constatering dat dit nodig was",
        "Programma Vertegenwoordigen",
        "Brief extra controlestap bij inloggen met DigiD",
    ]
    counts = {
        t: (len(e["paragraphs"]), len(e["went_well"]), len(e["went_wrong"]), len(e["must_change"]))
        for t, e in examples.items()
    }
    assert counts["Personeelstekort is een breed probleem"] == (0, 1, 2, 0)
    assert counts["Grenzen aan ambities"] == (0, 4, 0, 1)
    assert counts["Migratie infrastructuur"] == (2, 0, 0, 0)
    assert counts["Programma Vertegenwoordigen"] == (0, 1, 4, 0)
    assert counts["Brief extra controlestap bij inloggen met DigiD"] == (0, 1, 1, 1)
    assert examples["Een goed gesprek en nieuwe stappen na gezamenlijke constatering dat dit nodig was"][
        "part_headings"
    ] == {
        "went_well": "Wat ging goed?",
        "could_change": "Wat kan anders?",
    }
    assert [e["theme"] for e in report_2022["examples"]] == [t for t in THEMES for _ in (1, 2)]
    assert all(e["kind"] == "example" for e in report_2022["examples"])


def test_example_part_text_and_page(report_2022):
    example = next(
        e
        for e in report_2022["examples"]
        if e["id"] == "logius-2022-digid-substantieel-voor-mensen-zonder-nederlands-identiteitsdocument"
    )
    paragraphs = all_paragraphs(report_2022)
    went_wrong = paragraphs[example["went_wrong"][0]]
    assert went_wrong["text"].startswith(
        "Mensen zonder Nederlands identiteitsdocument (naar schatting 4 miljoen gebruikers van DigiD)"
    )
    assert (went_wrong["page"], went_wrong["pdf_page"]) == (None, 6)
    assert "verifiëren" in paragraphs[example["must_change"][0]]["text"]


def test_intro_list_items(report_2022):
    intro = next(s for s in report_2022["sections"] if s["id"] == "logius-2022-inleiding")
    items = [p["text"] for p in intro["paragraphs"] if p.get("list_item")]
    assert items == [
        "Arbeidsmarkt & ambitie;",
        "Focus: goed en duurzaam;",
        "Samenwerking beleid en uitvoering;",
        "Complexiteit versus in eenvoud.",
    ]
    assert intro["paragraphs"][0]["text"].endswith(
        "Dit laten we in de Stand zien door bij vier dilemma’s stil te staan:"
    )


def test_ocr_repairs_are_applied_and_logged(report_2022):
    text = " ".join(p["text"] for p in all_paragraphs(report_2022).values())
    for repaired in (
        "continuïteit",
        "creëren",
        "geïnformeerd",
        "variërend",
        "verifiëren",
        "geëmancipeerde",
        "geïnvesteerd",
        "dienstverlening draaiende",
        "zo’n 20%",
        "(‘MIDO’)",
    ):
        assert repaired in text, repaired
    for damaged in (
        "continuiteit",
        "creéren",
        "geinformeerd",
        "variérend",
        "verifiéren",
        "geémancipeerde",
        "Logius!",
        "lossenl",
        "dienst- verlening",
        "zo’'n",
        "MIDQ",
    ):
        assert damaged not in text, damaged
    log = {(r["rule"], r["original"], r["repaired"]) for r in report_2022["repairs"]}
    assert ("diacritics", "creéren", "creëren") in log
    assert ("dehyphenate", "dienst- verlening", "dienstverlening") in log
    assert ("footnote-marker", "Logius!", "Logius[1]") in log
    assert ("footnote-marker", "op te lossenl", "op te lossen[1]") in log


def test_footnotes_linked_to_their_markers(report_2022):
    footnotes = {f["id"]: f for f in report_2022["footnotes"]}
    assert list(footnotes) == [
        "logius-2022-voetnoot-1-per-1-januari-2023",
        "logius-2022-voetnoot-1-de-tweede-kamer-is",
        "logius-2022-voetnoot-2-de-tweede-kamer-is",
    ]
    assert [(f["number"], f["pdf_page"]) for f in footnotes.values()] == [(1, 1), (1, 5), (2, 10)]
    assert footnotes["logius-2022-voetnoot-1-per-1-januari-2023"]["text"] == (
        "Per 1 januari 2023 zijn Logius en KOOP samengegaan. "
        "Deze stand van de uitvoering van 2022 ziet nog niet op KOOP."
    )
    assert footnotes["logius-2022-voetnoot-2-de-tweede-kamer-is"]["text"].startswith(
        "De Tweede Kamer is hierover op 22 november 2022 geïnformeerd met de Kamerbrief"
    )
    paragraphs = all_paragraphs(report_2022)
    first = paragraphs["logius-2022-logius-gelooft-in-een-overheid-die"]
    assert first["footnotes"] == [{"footnote": "logius-2022-voetnoot-1-per-1-januari-2023", "number": 1, "offset": 6}]
    assert first["text"][:6] == "Logius"
    second = paragraphs["logius-2022-met-de-kennis-van-nu-speelde"]
    ref = second["footnotes"][0]
    assert ref["footnote"] == "logius-2022-voetnoot-1-de-tweede-kamer-is"
    assert second["text"][: ref["offset"]].endswith("belemmerende punten op te lossen")
    third = paragraphs["logius-2022-verder-speelde-in-2022-een-ander"]
    assert third["text"].endswith("met alleen gebruikersnaam en wachtwoord.")
    assert third["footnotes"][0]["footnote"] == "logius-2022-voetnoot-2-de-tweede-kamer-is"


def test_calls_and_figures(report_2022):
    calls = [(c["kind"], c["addressees"], c["text"][:50], c["pdf_page"]) for c in report_2022["calls"]]
    assert calls == [
        (
            "need",
            ["politiek", "bewindspersoon", "opdrachtgever", "eigenaar"],
            "Het is nodig om de ambities en doelstellingen van ",
            4,
        ),
        ("view", ["politiek", "beleid"], "Volgens ons vraagt dat meer samenwerking tussen po", 4),
        ("need", ["beleid", "wetgever"], "Voordat deze ontwikkeling van start kan, hebben we", 6),
        ("need", ["wetgever"], "Om wel DigiD substantieel te kunnen verstrekken aa", 6),
        ("ask", ["beleid", "ketenpartners"], "Logius vraagt hiervoor aandacht bij beleid en kete", 6),
        ("advice", ["opdrachtgever", "eigenaar"], "Het gezamenlijk omarmen van het stewardshipmodel, ", 8),
        ("attention", ["wetgever"], "Het regelen van een grondslag voor Logius om burge", 12),
    ]
    figures = [(f["kind"], f["value"], f["label"], f["approximate"], f["pdf_page"]) for f in report_2022["figures"]]
    assert figures == [
        ("percentage", 20, "20% van de formatieplaatsen onbezet", True, 2),
        ("norm", 99.8, "99,8% norm voor de beschikbaarheid", False, 2),
        ("percentage", 78, "78% van de bezoekers op de Werken bij Logius", False, 3),
        ("percentage", 32, "32% van de bezoekers klikt door binnen de site", False, 3),
        ("count", 14, "veertien teams de interne bezetting toegenomen", False, 3),
        ("count", 26, "26 extern ingehuurde medewerkers als ambtenaar in dienst gekomen", False, 3),
        ("count", 2, "twee keer de A-status", False, 4),
        ("count", 2, "twee momenten", False, 5),
        ("count", 4_000_000, "4 miljoen gebruikers van DigiD", True, 6),
    ]
    assert report_2022["figures"][6]["id"] == "logius-2022-cijfer-twee-keer-de-a-status"
    assert not any(
        f["value"] in (2022, 4) and f["kind"] == "count" and "dilemma" in f["label"] for f in report_2022["figures"]
    ), "no report parts"


def test_topics_and_no_unrecognised_headings(report_2022):
    topics = {m["topic"] for m in report_2022["mentions"]}
    assert {"digid", "mijnoverheid", "mido", "gdi", "bzk", "werk-aan-uitvoering"} <= topics
    assert report_2022["review"] == []


def test_a_product_counts_for_itself_and_through_part_of_for_its_topic(report_2022):
    """ "DigiD Machtigen" is one mention of DigiD Machtigen, and of DigiD only through it (glossary: part_of)."""
    at = [
        m
        for m in report_2022["mentions"]
        if m["paragraph"] == "logius-2022-in-2022-leverde-onze-inzet-op" and m["alias"] == "DigiD Machtigen"
    ]
    assert [(m["topic"], m["via"]) for m in at] == [("digid", "digid-machtigen"), ("digid-machtigen", None)]
    assert at[0]["offset"] == at[1]["offset"]


def test_footnotes_are_scanned_for_topics(report_2022):
    in_notes = [(m["topic"], m["footnote"]) for m in report_2022["mentions"] if m["footnote"]]
    assert in_notes == [
        ("digid", "logius-2022-voetnoot-2-de-tweede-kamer-is"),
        ("tweede-kamer", "logius-2022-voetnoot-1-de-tweede-kamer-is"),
        ("tweede-kamer", "logius-2022-voetnoot-2-de-tweede-kamer-is"),
    ]
    note = next(m for m in report_2022["mentions"] if m["footnote"] == "logius-2022-voetnoot-2-de-tweede-kamer-is")
    assert note["paragraph"] == "logius-2022-verder-speelde-in-2022-een-ander", (
        "placed at the paragraph that refers to the footnote"
    )


def test_closing_text(report_2022):
    assert paragraph_texts(report_2022, "logius-2022-vervolg")[-1].endswith(
        "We zijn scherp op onze werkvoorraad en zijn ons bewust dat we onze omgeving soms eerder moeten informeren."
    )
