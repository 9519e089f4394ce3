"""Logius, Stand van de uitvoering 2023: structure, repairs, records, pages (from data/reports/logius-2023.yaml)."""

from conftest import all_paragraphs, paragraph_texts


def test_chapters_and_pages(report_2023):
    chapters = [
        (s["kind"], s["heading"], s["theme"], s["page"], s["pdf_page"])
        for s in report_2023["sections"]
        if s["parent"] is None
    ]
    assert chapters == [
        ("introduction", "Inleiding", None, None, 2),
        ("theme", "Arbeidsmarkt en ambitie", "arbeidsmarkt-en-ambitie", None, 3),
        ("theme", "Focus: goed en duurzaam", "focus-goed-en-duurzaam", None, 4),
        ("theme", "Samenwerking beleid en uitvoering", "samenwerking-beleid-en-uitvoering", None, 6),
        ("theme", "Complexiteit versus in eenvoud", "complexiteit-versus-in-eenvoud", None, 8),
        ("closing", "Tot slot", None, None, 10),
    ]


def test_the_one_printed_page_number_labels_only_its_own_page(report_2023):
    assert report_2023["source"]["page_numbering"] == (
        "printed page numbers on 1 of 10 pages in the export (page 9 prints 10); "
        "pages without one are cited by their place in the export"
    )
    assert report_2023["source"]["printed_page_numbers"] == 1
    assert {"pdf_page": 9, "reason": "printed page number", "text": "10"} in report_2023["furniture"]
    paragraphs = all_paragraphs(report_2023)
    labelled = {(p["page"], p["pdf_page"]) for p in paragraphs.values() if p["page"] is not None}
    assert labelled == {(10, 9)}, "no page is numbered from another page's number"
    last = paragraphs["logius-2023-sommige-constateringen-en-aanbevelingen-van-acict"]
    assert (last["page"], last["pdf_page"]) == (10, 9)
    assert last["text"].endswith(
        "(we moeten immers binnen afzienbare tijd naar een andere infrastructuur), onderzoek en verantwoording."
    )


def test_cover_is_front_matter_not_text(report_2023):
    front = [f["text"] for f in report_2023["furniture"] if f["reason"] == "front matter before the first heading"]
    assert "Stand van de uitvoering 2023" in front
    assert "4. Logius" in front and "NS L o : === Ministerie van Binnenlandse Zaken en Koninkrijksrelaties" in front
    text = " ".join(p["text"] for p in all_paragraphs(report_2023).values())
    assert "NS L o" not in text and "===" not in text


def test_retrospective_per_theme_and_illustrations_attached(report_2023):
    retrospectives = [s["parent"] for s in report_2023["sections"] if s["kind"] == "retrospective"]
    assert retrospectives == [
        "logius-2023-arbeidsmarkt-en-ambitie",
        "logius-2023-focus-goed-en-duurzaam",
        "logius-2023-samenwerking-beleid-en-uitvoering",
        "logius-2023-complexiteit-versus-in-eenvoud",
    ]
    illustrations = [
        (e["title"], e["theme"], e["page"], e["pdf_page"], len(e["paragraphs"])) for e in report_2023["examples"]
    ]
    assert illustrations == [
        ("op weg naar een haalbaar Stelsel Toegang", "focus-goed-en-duurzaam", None, 5, 3),
        ("versterken van de rol van opdrachtnemer", "samenwerking-beleid-en-uitvoering", None, 7, 4),
        ("AcICT-advies op de infrastructuur", "complexiteit-versus-in-eenvoud", 10, 9, 3),
    ]
    assert all(e["kind"] == "illustration" for e in report_2023["examples"])
    assert "stelsel-toegang" in report_2023["examples"][0]["topics"]


def test_closing_and_signatory(report_2023):
    assert report_2023["signatory"] == {
        "name": "Bert Voorbraak",
        "role": "algemeen directeur Logius",
        "page": None,
        "pdf_page": 10,
    }
    closing = paragraph_texts(report_2023, "logius-2023-tot-slot")
    assert closing[0].startswith("2023, een turbulent jaar.")
    assert closing[-1] == (
        "Logius heeft de ambitie om een belangrijke dienstverlener en onderdeel van de digitale overheid te zijn "
        "met het leveren van vitale voorzieningen, stelsels en standaarden. "
        "Daar staan we voor, dat willen we uitstralen en daar zijn we trots op."
    )


def test_ocr_repairs(report_2023):
    text = " ".join(p["text"] for p in all_paragraphs(report_2023).values())
    assert "Zo kent een ontwerp bijvoorbeeld meerdere lagen" in text
    assert "wat in 2023 goed is gegaan" in text
    assert "De impact van het advies op onze mensen" in text
    assert "Voor één onderdeel lopen de gesprekken" in text
    assert "nieuwe ideeën" in text and "financiële" in text and "continuïteit" in text
    assert "‘Digitale identiteit vraagt veel van DigiD en eHerkenning’" in text
    assert "opdrachtnemer in onze bestuurlijke driehoek" in text
    assert "mét de techniek" in text, "an emphasis accent that is a real word is kept"
    for damaged in ("Z0 ", " IS ", "financiéle", "ideeén", "thema'’s", "’”", "verantwoording. 10", "éen "):
        assert damaged not in text, damaged
    rules = {(r["rule"], r["original"], r["repaired"]) for r in report_2023["repairs"]}
    assert ("digit-for-letter", "Z0", "Zo") in rules
    assert ("letter-case", "goed IS gegaan,", "goed is gegaan,") in rules
    assert ("letter-case", "advies Op onze", "advies op onze") in rules


def test_calls_to_politics(report_2023):
    calls = report_2023["calls"]
    assert len(calls) == 9
    first = calls[0]
    assert first["text"] == (
        "We roepen de politiek op om helder te zijn over wat er wordt gevraagd, en ruimte te geven aan de uitvoering "
        "om de mogelijke oplossingen en impact ervan goed uit te werken."
    )
    assert (first["theme"], first["pdf_page"], first["addressees"], first["paragraph"]) == (
        "arbeidsmarkt-en-ambitie",
        3,
        ["politiek"],
        "logius-2023-we-roepen-de-politiek-op-om",
    )
    verbs = [c["verb"] for c in calls]
    assert (
        verbs.count("pleiten") == 2
        and verbs.count("roepen") == 3
        and verbs.count("vragen") == 2
        and verbs.count("nodig") == 1
    )
    assert calls[-1]["text"].startswith(
        "We vragen de politiek om ervaringen vanuit de uitvoering explicieter mee te nemen"
    )
    assert calls[-1]["addressees"] == ["politiek"]


def test_figures(report_2023):
    figures = [(f["id"], f["kind"], f["value"], f["label"]) for f in report_2023["figures"]]
    assert figures == [
        ("logius-2023-cijfer-111-nieuwe-collegas-in", "count", 111, "111 nieuwe collega’s in dienst genomen"),
        ("logius-2023-cijfer-58-collegas-verlieten-de", "count", 58, "58 collega’s verlieten de organisatie"),
        ("logius-2023-cijfer-twee-keer-een-dag", "count", 2, "twee keer een ‘Dag van de haalbaarheid’ georganiseerd"),
        (
            "logius-2023-cijfer-een-onderdeel-lopen-de",
            "count",
            1,
            "één onderdeel lopen de gesprekken over de programmering nog",
        ),
        (
            "logius-2023-cijfer-anderhalf-jaar-vooruit-concrete",
            "duration",
            1.5,
            "anderhalf jaar vooruit concrete resultaten benoemen",
        ),
    ]
    assert report_2023["figures"][1]["sentence"] == "58 collega’s verlieten de organisatie."


def test_topics_mentioned(report_2023):
    by_topic = {}
    for mention in report_2023["mentions"]:
        by_topic.setdefault(mention["topic"], []).append(mention)
    assert {
        "acict",
        "mido",
        "plooi",
        "fbs",
        "stelsel-toegang",
        "wet-digitale-overheid",
        "eherkenning",
        "algemene-rekenkamer",
    } <= set(by_topic)
    assert by_topic["plooi"][0]["sentence"].startswith("We vinden het traject PLOOI een goed voorbeeld")
    assert by_topic["plooi"][0]["pdf_page"] == 6
    assert len(by_topic["acict"]) == 9  # every occurrence: intro (twice), 3 theme texts, 4 illustration paragraphs
    assert len({m["paragraph"] for m in by_topic["acict"]}) == 8
    assert [m["offset"] for m in by_topic["acict"]][:2] == [38, 518], "both in the introduction's third paragraph"
