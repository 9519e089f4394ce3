"""The hand-kept vocabulary: a broken file stops extraction with a message naming it."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from stand.errors import SourceError
from stand.extract.headings import HeadingMatcher
from stand.extract.vocabulary import load_vocabulary


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data/vocabulary", tmp_path / "vocabulary")
    shutil.copy2(ROOT / "data/corrections.yaml", tmp_path / "corrections.yaml")
    return tmp_path


def test_the_committed_vocabulary_loads(data):
    vocabulary = load_vocabulary(data)
    assert [t["id"] for t in vocabulary.themes][:2] == ["arbeidsmarkt-en-ambitie", "focus-goed-en-duurzaam"]
    assert [(c.find, c.replace) for c in vocabulary.corrections] == [
        ("Voor éen onderdeel", "Voor één onderdeel"),
        ("MIDQ", "MIDO"),
    ]
    assert vocabulary.headings["genre"]["example"] == ["Voorbeeld: {title}"]


def test_a_file_without_its_list(data):
    (data / "vocabulary/topics.yaml").write_text("onderwerpen: []\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"topics\.yaml: expected a list under 'topics'"):
        load_vocabulary(data)


def test_an_entry_missing_a_field(data):
    (data / "corrections.yaml").write_text("corrections:\n- find: x\n  replace: y\n", encoding="utf-8")
    with pytest.raises(
        SourceError, match=r"corrections\.yaml: entry \{'find': 'x', 'replace': 'y'\} misses field\(s\): reason"
    ):
        load_vocabulary(data)


def test_invalid_yaml(data):
    (data / "vocabulary/themes.yaml").write_text("themes: [\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"themes\.yaml: invalid YAML"):
        load_vocabulary(data)


def test_a_heading_vocabulary_against_its_schema_names_each_problem(data):
    path = data / "vocabulary/headings.yaml"
    path.write_text('genre:\n  went_wel: ["Wat ging goed?"]\norganisations:\n  Bad Id: {}\n', encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        load_vocabulary(data)
    assert raised.value.path.endswith("headings.yaml")
    assert raised.value.problems == [
        "genre: Additional properties are not allowed ('went_wel' was unexpected)",
        "organisations: 'Bad Id' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'",
    ]


THEMES = [{"id": "arbeidsmarkt-en-ambitie", "names": ["Arbeidsmarkt en ambitie"]}]


def test_an_organisations_own_headings_apply_to_its_reports_only(data):
    headings = load_vocabulary(data).headings
    headings["organisations"] = {"rvdd": {"example": ["Uit de praktijk: {title}"], "went_wrong": ["Knelpunten"]}}
    own, other = HeadingMatcher(THEMES, headings, "rvdd"), HeadingMatcher(THEMES, headings, "logius")
    assert own.match("Uit de praktijk: Een nieuwe app") == own.match("Uit de praktijk: Een nieuwe app").__class__(
        kind="example", text="Uit de praktijk: Een nieuwe app", title="Een nieuwe app"
    )
    assert own.match("Knelpunten").kind == "went_wrong" and own.match("Voorbeeld: X").kind == "example"
    assert other.match("Uit de praktijk: Een nieuwe app") is None and other.match("Knelpunten") is None


@pytest.mark.parametrize(
    ("text", "kind", "title", "theme", "number"),
    [
        ("1 Inleiding", "introduction", "Inleiding", None, 1),
        ("Hoofdstuk 2: Arbeidsmarkt en ambitie", "theme", "Arbeidsmarkt en ambitie", "arbeidsmarkt-en-ambitie", 2),
        ("2.3 Terugblik", "retrospective", "Terugblik", None, None),
        (
            "Voorbeelden bij Arbeidsmarkt en ambitie",
            "examples",
            "Voorbeelden bij Arbeidsmarkt en ambitie",
            "arbeidsmarkt-en-ambitie",
            None,
        ),
        ("Dilemma 1: Arbeidsmarkt en ambitie", "theme", "Arbeidsmarkt en ambitie", "arbeidsmarkt-en-ambitie", 1),
        ("Wat ging er niet goed ?", "went_wrong", "Wat ging er niet goed ?", None, None),
        ("Wat moet anders", "must_change", "Wat moet anders", None, None),
    ],
)
def test_numbered_chapters_and_voorbeelden_bij_any_theme(data, text, kind, title, theme, number):
    heading = HeadingMatcher(THEMES, load_vocabulary(data).headings).match(text)
    assert (heading.kind, heading.title, heading.theme, heading.number) == (kind, title, theme, number)


@pytest.mark.parametrize(
    ("phrase", "problem"),
    [
        ("{title} {title}", "genre/example: '{title} {title}' names {title} twice"),
        ("Dilemma {number} x {number}", "genre/example: 'Dilemma {number} x {number}' names {number} twice"),
        ("Casus: {titel}", "genre/example: 'Casus: {titel}' names {titel}, which is none of {title}, {number}, {year}"),
    ],
)
def test_a_phrase_names_known_placeholders_once(data, phrase, problem):
    """A repeated placeholder could not be read (it crashed the run with a traceback); a misspelt one matched
    nothing."""
    path = data / "vocabulary/headings.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('example: ["Voorbeeld: {title}"]', f'example: ["{phrase}"]'),
        encoding="utf-8",
    )
    with pytest.raises(SourceError) as raised:
        load_vocabulary(data)
    assert raised.value.path.endswith("headings.yaml") and raised.value.problems == [problem]
