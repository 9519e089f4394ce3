"""The dataset beyond JSON and CSV: SQLite in Datasette, Parquet in DuckDB, the workbook in openpyxl;
keys that frictionless checks, a distinct description per field, ids without page numbers, and the
README's one-line queries run against the database."""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import io
import json
import re
import shlex
import sqlite3
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from slugify import slugify

from conftest import ROOT
from stand.publish.corpus import Corpus
from stand.publish.dataset import build_files
from stand.publish.formats import workbook_bytes
from stand.publish.table_model import TABLE_BY_NAME, TABLES, Field
from stand.publish.versions import data_digest, dataset_version

BASE = "http://127.0.0.1:8000/"
SQLITE = "stand-van-de-uitvoering.sqlite"
XLSX = "stand-van-de-uitvoering.xlsx"


def build() -> dict[str, bytes]:
    return build_files(
        ROOT, BASE, Corpus.load(ROOT / "data"), dataset_version(ROOT / "CHANGELOG.md", data_digest(ROOT / "data"))
    )


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return build()


@pytest.fixture(scope="module")
def folder(files, tmp_path_factory) -> Path:
    """The dataset written out, as `stand dataset` leaves it in build/data/."""
    target = tmp_path_factory.mktemp("data")
    for name, content in files.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(content)
    return target


@pytest.fixture(scope="module")
def package(files) -> dict:
    return json.loads(files["datapackage.json"])


def csv_rows(files: dict[str, bytes], table: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files[f"csv/{table}.csv"].decode("utf-8"))))


def table_fields(package: dict) -> dict[str, list[dict]]:
    return {
        r["path"].removeprefix("csv/").removesuffix(".csv"): r["schema"]["fields"]
        for r in package["resources"]
        if r["path"].startswith("csv/")
    }


def test_new_formats_are_byte_identical_across_builds(files):
    again = build()
    names = [SQLITE, XLSX] + [f"parquet/{t.name}.parquet" for t in TABLES]
    assert [n for n in names if n not in files] == []
    assert [n for n in names if again[n] != files[n]] == []


def test_datasette_opens_the_database_with_full_text_search_and_foreign_keys(folder):
    from datasette.app import Datasette

    async def ask() -> tuple[dict, dict, dict, list]:
        datasette = Datasette(immutables=[str(folder / SQLITE)])
        await datasette.invoke_startup()
        db = "/stand-van-de-uitvoering"
        search = (await datasette.client.get(f"{db}/paragraphs.json?_search=ideeen&_shape=objects")).json()
        call = (
            await datasette.client.get(
                f"{db}/calls.json?_labels=on&_shape=objects&id=logius-2023-oproep-we-vragen-de-politiek-om-ervaringen"
            )
        ).json()
        report = (await datasette.client.get(f"{db}/reports/logius-2023.json?_extras=foreign_key_tables")).json()
        links = await datasette.get_database("stand-van-de-uitvoering").foreign_keys_for_table("example_parts")
        return search, call, report, links

    search, call, report, links = asyncio.run(ask())
    assert [(r["id"], r["pdf_page"]) for r in search["rows"]] == [
        ("logius-2023-we-gaan-vanuit-enthousiasme-en-ambitie", 7)
    ]
    assert "nieuwe ideeën" in search["rows"][0]["text"]
    row = call["rows"][0]
    assert row["report"] == {"value": "logius-2023", "label": "Stand van de uitvoering 2023"}
    assert row["paragraph"]["value"] == "logius-2023-we-hebben-in-2023-onderzocht-of"
    counts = {t["other_table"]: t["count"] for t in report["foreign_key_tables"] if t["other_column"] == "report"}
    assert (counts["calls"], counts["paragraphs"], counts["sections"]) == (9, 45, 13)
    assert sorted((link["column"], link["other_table"]) for link in links) == [
        ("example", "examples"),
        ("paragraph", "paragraphs"),
        ("report", "reports"),
    ]


def test_sqlite_keys_hold_and_tables_match_the_csv(files, folder):
    db = sqlite3.connect(folder / SQLITE)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA page_size").fetchone() == (4096,)
    for table in TABLE_BY_NAME:
        assert db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0] == len(csv_rows(files, table)), table
    fts = db.execute("SELECT sql FROM sqlite_master WHERE name = 'paragraphs_fts'").fetchone()[0]
    assert "unicode61 remove_diacritics 2" in fts
    hits = db.execute("SELECT COUNT(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'continuiteit'").fetchone()[0]
    assert hits == sum("continuïteit" in r["text"].lower() for r in csv_rows(files, "paragraphs")) == 6


DUCKDB_TYPES = {"integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "string": "VARCHAR"}


def test_duckdb_reads_every_parquet_file_with_the_declared_types(files, folder, package):
    import duckdb

    con = duckdb.connect()
    for table, declared in table_fields(package).items():
        path = str(folder / f"parquet/{table}.parquet")
        described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [path]).fetchall()
        assert [(c[0], c[1]) for c in described] == [(f["name"], DUCKDB_TYPES[f["type"]]) for f in declared], table
        assert con.execute("SELECT COUNT(*) FROM read_parquet(?)", [path]).fetchone()[0] == len(
            csv_rows(files, table)
        ), table
    figure = con.execute(
        "SELECT value, approximate, page, pdf_page FROM read_parquet(?) "
        "WHERE id = 'logius-2022-cijfer-998-procent-norm-voor'",
        [str(folder / "parquet/figures.parquet")],
    )
    assert figure.fetchall() == [(99.8, False, None, 2)]


def test_workbook_has_a_sheet_per_table_with_the_csv_headers(files):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(files[XLSX]), read_only=True)
    assert book.sheetnames == ["Toelichting", *TABLE_BY_NAME] and book.active.title == "Toelichting"
    for table in TABLE_BY_NAME:
        header = next(book[table].iter_rows(max_row=1, values_only=True))
        assert list(header) == list(csv_rows(files, table)[0]), table
    calls = list(book["calls"].iter_rows(values_only=True))
    row = dict(
        zip(
            calls[0],
            next(r for r in calls if r[0] == "logius-2023-oproep-we-vragen-de-politiek-om-ervaringen"),
            strict=True,
        )
    )
    assert (row["page"], row["pdf_page"], row["year"]) == (None, 8, 2023)
    assert row["text"].startswith("We vragen de politiek om ervaringen")
    assert len(calls) - 1 == 16
    with zipfile.ZipFile(io.BytesIO(files[XLSX])) as archive:
        assert not any(
            "<f>" in archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/worksheets/")
        )


def test_workbook_writes_formula_like_text_as_text():
    from openpyxl import load_workbook

    calls = dataclasses.replace(TABLE_BY_NAME["calls"], fields=(Field("id"), Field("text")))
    rows = {"calls": [{"id": "a", "text": '=HYPERLINK("x")'}, {"id": "b", "text": "- lijstje"}]}
    sheet = load_workbook(io.BytesIO(workbook_bytes(rows, tables=(calls,))))["calls"]
    assert [(c.value, c.data_type) for c in sheet["B"]] == [("text", "s"), ('=HYPERLINK("x")', "s"), ("- lijstje", "s")]


def test_frictionless_finds_a_broken_link_between_tables(files, tmp_path):
    from frictionless import Package

    for name, content in files.items():
        if name == "datapackage.json" or name.startswith("csv/"):
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_bytes(content)
    calls = (tmp_path / "csv/calls.csv").read_text(encoding="utf-8")
    (tmp_path / "csv/calls.csv").write_text(
        calls.replace(",logius-2023-we-hebben-in-2023-onderzocht-of,", ",logius-2023-bestaat-niet,", 1),
        encoding="utf-8",
    )
    package = json.loads(files["datapackage.json"])
    package["resources"] = [r for r in package["resources"] if r["path"].startswith("csv/")]
    calls_resource = next(r for r in package["resources"] if r["name"] == "calls")
    del calls_resource["bytes"], calls_resource["hash"]  # the file was changed on purpose: only the link is at issue
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert [(task.name, error.type) for task in report.tasks for error in task.errors] == [("calls", "foreign-key")]


def test_every_table_declares_its_keys(package):
    tables = {r["name"]: r["schema"] for r in package["resources"] if r["path"].startswith("csv/")}
    assert {name: s["primaryKey"] for name, s in tables.items() if s["primaryKey"] != ["id"]} == {
        "theme-headings": ["theme", "report"],
        "mentions": ["topic", "in_text", "offset"],
        "stories": ["example", "continues"],
        "repairs": ["report", "position"],
    }
    links = {name: {k["fields"][0]: k["reference"]["resource"] for k in s["foreignKeys"]} for name, s in tables.items()}
    assert links["calls"] == {
        "report": "reports",
        "theme": "themes",
        "example": "examples",
        "section": "sections",
        "paragraph": "paragraphs",
    }
    assert links["sections"]["parent"] == "", "a section's parent is a section of the same table"
    assert links["mentions"]["via"] == "topics" and links["example-parts"]["paragraph"] == "paragraphs"
    assert links["repairs"] == {"report": "reports"}
    assert sum(len(s["foreignKeys"]) for s in tables.values()) == 38


def test_each_field_has_its_own_description(package):
    """One copied sentence once described 15 different keys; every field now says what it is."""
    names_by_description: dict[str, set[str]] = defaultdict(set)
    id_descriptions = []
    for table, declared in table_fields(package).items():
        for f in declared:
            assert f["description"], f"{table}.{f['name']} has no description"
            names_by_description[f["description"]].add(f["name"])
            if f["name"] == "id":
                id_descriptions.append(f["description"])
    assert {d: names for d, names in names_by_description.items() if len(names) > 1} == {}
    assert len(id_descriptions) == len(set(id_descriptions)) == 10
    example_parts = {f["name"]: f["description"] for f in table_fields(package)["example_parts"]}
    assert example_parts["id"].startswith("Sleutel van de rij") and example_parts["paragraph"].startswith(
        "Sleutel van de alinea"
    )


def test_list_fields_name_their_separator(files, package):
    joined = {
        (t, f["name"])
        for t, declared in table_fields(package).items()
        for f in declared
        if "gescheiden door '|'" in f["description"]
    }
    assert joined == {
        ("paragraphs", "footnotes"),
        ("examples", "more_themes"),
        ("examples", "topics"),
        ("calls", "addressees"),
        ("topics", "aliases"),
    }
    assert csv_rows(files, "examples")[0]["topics"] == "digid | digid-machtigen | klantcontactcentrum | mijnoverheid"


def numbers_not_from_the_text(record_id: str, report: str, taken: set[str], *texts: object) -> set[str]:
    """The numbers in an id that neither the record's own words give nor a second use of the same words
    (``-2`` when the id was taken: model.IdRegistry.claim); a page number would be one."""
    words = set(slugify(" ".join(str(t) for t in texts if t is not None)).split("-"))
    base, _, counter = record_id.rpartition("-")
    tokens = base.removeprefix(f"{report}-").split("-") + ([] if counter.isdigit() and base in taken else [counter])
    return {token for token in tokens if token.isdigit() and token not in words}


def test_no_id_contains_a_page_number(files):
    tables = (
        ("sections", "title"),
        ("paragraphs", "text"),
        ("footnotes", "text"),
        ("examples", "title"),
        ("calls", "text"),
        ("figures", "text"),
    )
    taken = {row["id"] for table, _ in tables for row in csv_rows(files, table)}
    found = []
    for table, content in tables:
        for row in csv_rows(files, table):
            pages = {row["page"], row["pdf_page"]} - {""}
            extra = numbers_not_from_the_text(
                row["id"], row["report"], taken, row[content], row.get("number"), row.get("heading")
            )
            found += [(row["id"], number) for number in extra & pages]
    assert found == []
    assert "logius-2023-arbeidsmarkt-en-ambitie-2" in taken, "a second use of the same words is no page number"
    # A footnote id with its page in it, as footnotes were once named, is caught.
    assert numbers_not_from_the_text("logius-2022-voetnoot-1-10", "logius-2022", taken, "Per 1 januari 2023", 1) == {
        "10"
    }


def test_every_call_figure_mention_and_paragraph_inside_an_example_names_it(files):
    example_of = {}
    for part in csv_rows(files, "example_parts"):
        example_of[part["paragraph"]] = part["example"]
    assert len(example_of) == 33
    for table in ("calls", "figures", "mentions", "paragraphs"):
        rows = csv_rows(files, table)
        key = "id" if table == "paragraphs" else "paragraph"
        assert [(table, r[key]) for r in rows if r["example"] != example_of.get(r[key], "")] == []
    assert sum(bool(r["example"]) for r in csv_rows(files, "calls")) == 7


def readme_queries() -> dict[str, str]:
    """The README's questions: each comment line with the SQL of the `sqlite3` line under it."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    queries = {}
    for question, command in zip(lines, lines[1:], strict=False):
        if question.startswith("# ") and command.startswith(f"sqlite3 {SQLITE} "):
            program, database, sql = shlex.split(command)
            queries[question.removeprefix("# ")] = sql
    return queries


def test_readme_answers_the_journalist_questions_with_one_query_each(folder):
    queries = readme_queries()
    assert len(queries) == 6
    db = sqlite3.connect(folder / SQLITE)
    db.row_factory = sqlite3.Row
    answers = {question: [dict(r) for r in db.execute(sql)] for question, sql in queries.items()}
    (calls, went_wrong, mentions, figures, examples, search) = answers.values()
    assert len(calls) == 9
    call = next(c for c in calls if c["id"] == "logius-2023-oproep-we-vragen-de-politiek-om-ervaringen")
    assert call["sentence"].startswith("We vragen de politiek om ervaringen vanuit de uitvoering")
    assert (call["page"], call["pdf_page"], call["url"]) == (
        None,
        8,
        BASE + "logius/2023/#we-hebben-in-2023-onderzocht-of",
    )
    assert len(went_wrong) == 9 and went_wrong[0]["example_title"] == "Personeelstekort is een breed probleem"
    assert went_wrong[0]["text"].startswith("In de eerste en laatste maanden van 2022")
    per_year = {(m["name"], m["year"]): m["mentions"] for m in mentions}
    assert (per_year["DigiD", 2022], per_year["DigiD", 2023], per_year["AcICT", 2023]) == (21, 2, 9)
    assert sum(per_year.values()) == 89
    assert len(figures) == 14
    assert {
        "label": "99,8% norm voor de beschikbaarheid",
        "value": 99.8,
        "unit": "%",
        "page": None,
        "pdf_page": 2,
    }.items() <= figures[1].items()
    assert len(examples) == 11 and {e["report"] for e in examples} == {
        "Stand van de uitvoering 2022",
        "Stand van de uitvoering 2023",
    }
    assert (examples[0]["theme"], examples[0]["title"]) == (
        "Arbeidsmarkt en ambitie",
        "Personeelstekort is een breed probleem",
    )
    assert [s["id"] for s in search] == ["logius-2023-we-gaan-vanuit-enthousiasme-en-ambitie"]
    assert re.search(r"ideeën", (folder / "csv/paragraphs.csv").read_text(encoding="utf-8"))
