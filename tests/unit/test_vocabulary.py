"""The hand-kept vocabulary: a broken file stops extraction with a message naming it."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from stand.errors import SourceError
from stand.extract.vocabulary import load_vocabulary


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data/vocabulary", tmp_path / "vocabulary")
    shutil.copy2(ROOT / "data/corrections.yaml", tmp_path / "corrections.yaml")
    return tmp_path


def test_the_committed_vocabulary_loads(data):
    vocabulary = load_vocabulary(data)
    assert [t["id"] for t in vocabulary.themes][:2] == ["arbeidsmarkt-en-ambitie", "focus-goed-en-duurzaam"]
    assert [(c.find, c.replace) for c in vocabulary.corrections] == [("Voor éen onderdeel", "Voor één onderdeel"), ("MIDQ", "MIDO")]
    assert len(vocabulary.digest) == 64


def test_a_file_without_its_list(data):
    (data / "vocabulary/topics.yaml").write_text("onderwerpen: []\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"topics\.yaml: expected a list under 'topics'"):
        load_vocabulary(data)


def test_an_entry_missing_a_field(data):
    (data / "corrections.yaml").write_text("corrections:\n- find: x\n  replace: y\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"corrections\.yaml: entry \{'find': 'x', 'replace': 'y'\} misses field\(s\): reason"):
        load_vocabulary(data)


def test_invalid_yaml(data):
    (data / "vocabulary/themes.yaml").write_text("themes: [\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"themes\.yaml: invalid YAML"):
        load_vocabulary(data)


def test_the_digest_follows_the_vocabulary(data):
    before = load_vocabulary(data).digest
    path = data / "vocabulary/themes.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    assert load_vocabulary(data).digest != before
