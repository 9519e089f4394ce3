"""The published tables, declared once: every column of every table is one :class:`Field` entry below.

The CSV header, the SQLite DDL, the Parquet types, the Data Package's Table
Schemas and the key check (:func:`stand.publish.checks.key_problems`) are
all made from these entries, so they cannot disagree and adding a column is
adding one Field. A field's description is the JSON Schema's for the field
of that name (written once, there, and published with the JSON); only a
column that exists in the tables alone, or means something else there,
carries its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import PART_KINDS
from .metadata import properties, resolve

SEPARATOR = " | "  # between the values of a list in one cell; no value contains it
LIST_NOTE = (
    f" Een lijst: de waarden staan in één cel, gescheiden door '{SEPARATOR.strip()}' met een spatie ervoor en erna; "
    "leeg als de lijst leeg is."
)


@dataclass(frozen=True)
class Field:
    """One column: its Table Schema type, how its value is taken from a row, the table whose ``id`` it names."""

    name: str
    type: str = "string"  # string, integer, number or boolean
    take: Callable[[dict], object] | None = None  # default: the row's value under ``name``
    refers: str | None = None
    is_list: bool = False  # a list, joined into one cell with SEPARATOR
    description: str | None = None  # only where the JSON Schema's field of this name does not say it

    def raw(self, row: dict) -> object:
        return self.take(row) if self.take else row[self.name]

    def value(self, row: dict) -> object:
        """The cell's value: typed (number, boolean, None, text), a list joined."""
        raw = self.raw(row)
        return (SEPARATOR.join(str(v) for v in raw) or None) if self.is_list else raw  # an empty list: no value


@dataclass(frozen=True)
class Table:
    name: str
    description: str  # what a reader finds in it, in Dutch
    definition: tuple[str, ...]  # the JSON Schema definition (and nested list) whose fields describe its columns
    fields: tuple[Field, ...]
    key: tuple[str, ...] = ("id",)
    rows: Callable[[dict], list[dict]] | None = None  # from the published JSON; default: its records of this name
    # Holds the reports' own text (paragraphs, footnotes, quoted sentences): licensed as the publisher allows,
    # not CC0 (metadata.LICENCES).
    report_text: bool = False

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def values(self, rows: list[dict]) -> list[tuple]:
        return [tuple(f.value(row) for f in self.fields) for row in rows]


ID, TEXT, URL = Field("id"), Field("text"), Field("url")
YEAR, PAGE, PDF_PAGE = Field("year", "integer"), Field("page", "integer"), Field("pdf_page", "integer")
REPORT, THEME = Field("report", refers="reports"), Field("theme", refers="themes")
SECTION, PARAGRAPH = Field("section", refers="sections"), Field("paragraph", refers="paragraphs")
EXAMPLE, FOOTNOTE = Field("example", refers="examples"), Field("footnote", refers="footnotes")
SOURCE = (Field("source_file"), Field("source_sha256"), URL)
QUOTED = (ID, REPORT, YEAR, THEME, EXAMPLE, SECTION, PARAGRAPH, PAGE, PDF_PAGE)  # where a call or figure stands
# A topic mention: in the JSON under its topic, in mentions.csv after the topic.
MENTION = (REPORT, YEAR, THEME, EXAMPLE, SECTION, PARAGRAPH, FOOTNOTE, Field("offset", "integer"), PAGE, PDF_PAGE)
MENTION += (Field("alias"), Field("via", refers="topics"), Field("sentence"))
PART_QUESTIONS = {
    "went_well": "Wat ging goed?",
    "went_wrong": "Wat ging niet goed?",
    "must_change": "Wat moet anders?",
    "could_change": "Wat kan anders?",
}
EXAMPLE_PARTS = ("paragraphs",) + PART_KINDS  # the paragraphs without a part heading, then each part


def part_id(paragraph_id: str, part: str) -> str:
    """A row of example_parts: one paragraph as one part of an example (a paragraph is in one example).

    >>> part_id("logius-2022-we-zien-dat", "went_wrong")
    'logius-2022-we-zien-dat-went-wrong'
    """
    return f"{paragraph_id}-{part.replace('_', '-')}"


def paragraph_rows(dataset: dict) -> list[dict]:
    example_of = {p["id"]: e["id"] for e in dataset["examples"] for part in EXAMPLE_PARTS for p in e[part]}
    return [
        p
        | {"report": s["report"], "year": s["year"], "section": s["id"], "theme": s["theme"]}
        | {
            "example": example_of.get(p["id"]),
            "position": i,
            "footnotes": [r["footnote"] for r in p.get("footnotes", [])],
        }
        for s in dataset["sections"]
        for i, p in enumerate(s["paragraphs"], start=1)
    ]


def part_rows(dataset: dict) -> list[dict]:
    return [
        {"id": part_id(p["id"], part), "example": e["id"], "report": e["report"], "year": e["year"], "part": part}
        | {"position": i, "paragraph": p["id"]}
        | {k: p[k] for k in ("page", "pdf_page", "text", "url")}
        for e in dataset["examples"]
        for part in EXAMPLE_PARTS
        for i, p in enumerate(e[part], start=1)
    ]


TABLES = (
    Table(
        "reports",
        "de rapporten, met bronbestand en controlegetal",
        ("report",),
        (ID, Field("organisation"), Field("organisation_id"), YEAR, Field("title"), Field("subtitle"), Field("license"))
        + (
            Field("source_file", take=lambda r: r["source"]["file"]),
            Field(
                "text_from",
                take=lambda r: r["source"]["text_from"],
                description="Hoe de tekst uit de bron is gehaald: de tekstlaag van de pdf, "
                "of een OCR-export (met het programma, als dat bekend is).",
            ),
            Field("source_sha256", take=lambda r: r["source"]["sha256"]),
            Field(
                "source_url",
                take=lambda r: r["source"]["url"],
                description="Adres van de oorspronkelijke publicatie, als dat bekend is.",
            ),
            Field(
                "publisher",
                take=lambda r: r["source"]["publisher"],
                description="Uitgever van het rapport zoals citaten die noemen (uit data/sources.yaml); leeg als die"
                " niet bekend is.",
            ),
            Field(
                "pages", "integer", lambda r: r["source"]["pages"], description="Aantal pagina's in het bronbestand."
            ),
            Field(
                "printed_page_numbers",
                "integer",
                lambda r: r["source"]["printed_page_numbers"],
                description="Op hoeveel pagina's het bronbestand zelf een paginanummer drukt.",
            ),
            Field(
                "signatory",
                take=lambda r: r["signatory"]["name"] if r["signatory"] else None,
                description="Naam van wie het rapport ondertekende (de functie staat in de JSON); "
                "leeg als het rapport niet ondertekend is.",
            ),
            Field("reviewed", "boolean"),
            URL,
        ),
    ),
    Table("themes", "de vaste thema’s", ("theme",), (ID, Field("title"), Field("description"), URL)),
    Table(
        "theme_headings",
        "welke kop elk rapport per thema gebruikte",
        ("theme", "headings"),
        (
            Field(
                "theme",
                refers="themes",
                description="Sleutel van het thema (in themes) waarvoor het rapport deze kop gebruikte.",
            ),
            REPORT,
            YEAR,
            Field("heading"),
            SECTION,
        ),
        key=("theme", "report"),
        rows=lambda dataset: [h | {"theme": t["id"]} for t in dataset["themes"] for h in t["headings"]],
    ),
    Table(
        "sections",
        "hoofdstukken en onderdelen",
        ("section",),
        (ID, REPORT, YEAR, Field("kind"), Field("title"), Field("heading"), THEME, Field("parent", refers="sections"))
        + (PAGE, PDF_PAGE, URL),
    ),
    Table(
        "paragraphs",
        "elke alinea met pagina en link",
        ("section", "paragraphs"),
        (ID, REPORT, YEAR)
        + (
            Field(
                "section",
                refers="sections",
                description="Sleutel van het onderdeel (in sections) waarin de alinea staat.",
            ),
        )
        + (
            Field(
                "theme",
                refers="themes",
                description="Sleutel van het thema (in themes) van het onderdeel waarin de alinea staat; "
                "leeg buiten de thema's.",
            ),
            Field(
                "example",
                refers="examples",
                description="Sleutel van het voorbeeld of de illustratie (in examples) waarvan de alinea deel is;"
                " leeg als de alinea buiten een voorbeeld staat.",
            ),
            Field("position", "integer", description="Volgnummer van de alinea binnen haar onderdeel, vanaf 1."),
        )
        + (PAGE, PDF_PAGE)
        + (
            Field(
                "page_end",
                "integer",
                lambda p: p.get("page_end", p["page"]),
                description="Het gedrukte paginanummer van de pagina waarop de alinea eindigt: gelijk aan page als de"
                " alinea niet doorloopt; leeg als die pagina geen nummer draagt.",
            ),
            Field(
                "pdf_page_end",
                "integer",
                lambda p: p.get("pdf_page_end", p["pdf_page"]),
                description="De pagina van het bronbestand waarop de alinea eindigt: "
                "gelijk aan pdf_page als de alinea niet doorloopt.",
            ),
            Field("list_item", "boolean", lambda p: p.get("list_item", False)),
            TEXT,
            Field(
                "footnotes",
                refers="footnotes",
                is_list=True,
                description="Sleutels van de voetnoten (in footnotes) waarnaar de alinea verwijst, "
                "in volgorde van de tekst.",
            ),
            URL,
        ),
        rows=paragraph_rows,
        report_text=True,
    ),
    Table(
        "footnotes",
        "voetnoten",
        ("footnote",),
        (ID, REPORT, Field("number", "integer"), PAGE, PDF_PAGE, SECTION, TEXT, URL),
        report_text=True,
    ),
    Table(
        "examples",
        "voorbeelden en illustraties",
        ("example",),
        (ID, REPORT, YEAR, THEME, Field("more_themes", refers="themes", is_list=True), Field("kind"), Field("title"))
        + (Field("heading"), PAGE, PDF_PAGE)
        + tuple(
            Field(
                f"{part}_count",
                "integer",
                lambda e, part=part: len(e[part]),
                description=f"Aantal alinea's onder '{question}' (0 als het voorbeeld dat deel niet heeft; 0 in"
                " alle vier als het rapport zijn voorbeelden niet in delen opdeelt, wat niet betekent dat er niets"
                " misging); de alinea's staan in example_parts.",
            )
            for part, question in PART_QUESTIONS.items()
        )
        + (Field("topics", refers="topics", is_list=True),)
        + SOURCE,
    ),
    Table(
        "example_parts",
        "de delen van elk voorbeeld (wat ging goed, wat ging niet goed, wat moet anders), één alinea per rij; een"
        " rapport dat zijn voorbeelden of illustraties niet in zulke delen opdeelt, heeft hier geen rijen (in"
        " examples zijn dan alle *_count 0): geen rijen betekent niet dat er niets misging",
        ("part_paragraph",),
        (
            Field(
                "id",
                description="Sleutel van de rij: de sleutel van de alinea met het deel erachter "
                "(bijvoorbeeld logius-2022-we-zien-dat-went-wrong).",
            ),
            Field(
                "example",
                refers="examples",
                description="Sleutel van het voorbeeld of de illustratie (in examples) waarvan de alinea een deel is.",
            ),
        )
        + (REPORT, YEAR)
        + (
            Field(
                "part",
                description="Deel van het voorbeeld: paragraphs (zonder deelkop), went_well, went_wrong, "
                "must_change of could_change.",
            ),
            Field(
                "position",
                "integer",
                description="Volgnummer van de alinea binnen dit deel van het voorbeeld, vanaf 1.",
            ),
            Field(
                "paragraph",
                refers="paragraphs",
                description="Sleutel van de alinea (in paragraphs) die dit deel van het voorbeeld vormt.",
            ),
        )
        + (PAGE, PDF_PAGE, TEXT, URL),
        rows=part_rows,
        report_text=True,
    ),
    Table(
        "calls",
        "oproepen aan politiek, opdrachtgever en partners",
        ("call",),
        QUOTED
        + (Field("kind"), Field("verb"), Field("addressees", is_list=True), TEXT, Field("origin"), Field("reason"))
        + SOURCE,
        report_text=True,
    ),
    Table(
        "figures",
        "cijfers met hun zin",
        ("figure",),
        QUOTED
        + (
            Field("kind"),
            Field("value", "number"),
            Field("unit"),
            TEXT,
            Field("label"),
            Field("approximate", "boolean"),
        )
        + (Field("sentence"),)
        + SOURCE,
        report_text=True,
    ),
    Table(
        "topics",
        "onderwerpen uit de woordenlijst",
        ("topic",),
        (ID, Field("name"), Field("description"), Field("aliases", is_list=True))
        + (
            Field(
                "mentions",
                "integer",
                lambda t: len(t["mentions"]),
                description="Aantal vermeldingen van het onderwerp: de rijen van mentions met dit onderwerp.",
            ),
            URL,
        ),
    ),
    Table(
        "mentions",
        "elke vermelding van een onderwerp",
        ("topic", "mentions"),
        (Field("topic", refers="topics", description="Sleutel van het onderwerp (in topics) dat genoemd wordt."),)
        + MENTION
        + (
            Field(
                "in_text",
                take=lambda m: m["footnote"] or m["paragraph"],
                description="Sleutel van de tekst waarin het onderwerp genoemd wordt: de voetnoot (in footnotes) als de"
                " vermelding in een voetnoot staat, anders de alinea (in paragraphs); offset telt in die tekst.",
            ),
        )
        + SOURCE,
        key=("topic", "in_text", "offset"),  # never empty: footnote is empty in most rows
        rows=lambda dataset: [m | {"topic": t["id"]} for t in dataset["topics"] for m in t["mentions"]],
        report_text=True,
    ),
    Table(
        "stories",
        "verhaallijnen: een voorbeeld dat een voorbeeld uit een eerder jaar vervolgt",
        ("story",),
        (EXAMPLE, Field("continues", refers="examples"), Field("reason"), URL),
        key=("example", "continues"),
    ),
    Table(
        "repairs",
        "elke herstelde fout in de brontekst (OCR, opmaak, correcties), met de tekst ervoor en erna",
        ("repair",),
        (REPORT, Field("position", "integer"), Field("where"), Field("rule"), Field("original"), Field("repaired")),
        key=("report", "position"),
        report_text=True,
    ),
)
TABLE_BY_NAME = {table.name: table for table in TABLES}


def table_rows(dataset: dict, tables: tuple[Table, ...] = TABLES) -> dict[str, list[dict]]:
    """The rows of every table; nested lists (paragraphs, parts, headings, mentions) become long tables."""
    return {table.name: table.rows(dataset) if table.rows else dataset[table.name] for table in tables}


def description(schema: dict, table: Table, field: Field) -> str:
    """The field's own description, else the JSON Schema's for the field of that name: in the table's own
    definition (``source_file`` there as ``file``), else in any definition."""
    if field.description:
        text = field.description
    else:
        own = properties(schema, *table.definition)
        found = (own[n].get("description") for n in (field.name, field.name.removeprefix("source_")) if n in own)
        anywhere = (
            resolve(schema, definition["properties"][field.name]).get("description")
            for definition in schema["$defs"].values()
            if field.name in definition.get("properties", {})
        )
        text = next((d for d in (*found, *anywhere) if d), "")
    return text + LIST_NOTE if field.is_list else text


def schema_property(schema: dict, table: Table, field: Field) -> dict:
    """The JSON Schema's property behind a column (as :func:`description` finds it), or {} for a computed column."""
    if field.take:
        return {}
    own = properties(schema, *table.definition)
    for name in (field.name, field.name.removeprefix("source_")):
        if name in own:
            return own[name]
    return {}


def constraints(schema: dict, table: Table, field: Field) -> dict:
    """The Table Schema constraints of a column, from the JSON Schema: required (not nullable), enum, pattern,
    minimum; unique for a key of one column. A list in one cell (empty when the list is) has none."""
    prop, found = schema_property(schema, table, field), {}
    if field.is_list:
        return found
    kinds = prop.get("type", [])
    if prop and "null" not in (kinds if isinstance(kinds, list) else [kinds]) or table.key == (field.name,):
        found["required"] = True
    if table.key == (field.name,):
        found["unique"] = True
    if "enum" in prop:
        found["enum"] = [v for v in prop["enum"] if v is not None]
    if "pattern" in prop and field.type == "string":
        found["pattern"] = prop["pattern"]
    if "minimum" in prop and field.type in ("integer", "number"):
        found["minimum"] = prop["minimum"]
    return found


RELATIVE_LINKS = (
    " Een pad vanaf de hoofdmap van de site (bijvoorbeeld /logius/2022/): het adres van de site was niet bekend"
    " toen deze versie werd gebouwd."
)


def field_format(field: Field, absolute: bool) -> dict:
    """``format: uri`` for a column of addresses (this site's links, the original report's address); a link of
    this site is no URI where the site's address was not known (then it says so)."""
    if field.name == "source_url" or (field.name == "url" and absolute):
        return {"format": "uri"}
    return {}


def foreign_keys(table: Table) -> list[Field]:
    """The columns that name one row of another table (a list in one cell cannot be a foreign key)."""
    return [f for f in table.fields if f.refers and not f.is_list]


def resource_name(table: str) -> str:
    return table.replace("_", "-")


def table_schema(table: Table, schema: dict, absolute: bool = True) -> dict:
    """The Frictionless Table Schema of one table: typed, described fields, its primary key and its links
    (``absolute``: the site's links are full addresses)."""
    return {
        "fields": [
            {
                "name": f.name,
                "type": f.type,
                "description": description(schema, table, f) + ("" if absolute or f.name != "url" else RELATIVE_LINKS),
            }
            | field_format(f, absolute)
            | ({"constraints": found} if (found := constraints(schema, table, f)) else {})
            for f in table.fields
        ],
        "primaryKey": list(table.key),
        "foreignKeys": [
            {
                "fields": [f.name],
                "reference": {"resource": "" if f.refers == table.name else resource_name(f.refers), "fields": ["id"]},
            }
            for f in foreign_keys(table)
        ],
    }
