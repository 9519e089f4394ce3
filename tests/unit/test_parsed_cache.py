"""data/ parsed once per content: the JSON cache of parsed files gives the same data, and only for the same bytes."""

from __future__ import annotations

import shutil

import stand.publish.corpus as corpus_module
from conftest import ROOT
from stand.publish.corpus import Corpus


def test_a_cached_load_is_the_same_data_without_parsing_yaml(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    cache = tmp_path / ".cache/corpus"
    first = Corpus.load(tmp_path / "data", cache)
    assert len(list(cache.glob("*.json"))) == 6  # two reports, themes, topics, stories, moved URLs

    def no_yaml(*_, **__):
        raise AssertionError("parsed YAML although the bytes were parsed before")

    monkeypatch.setattr(corpus_module.yaml, "load", no_yaml)
    second = Corpus.load(tmp_path / "data", cache)
    assert second.reports == first.reports and second.topics == first.topics and second.themes == first.themes
    assert [r["id"] for r in second.reports] == ["logius-2022", "logius-2023"]
    monkeypatch.undo()

    report = tmp_path / "data/reports/logius-2023.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("title: Stand van de uitvoering 2023", "title: Stand 2023", 1), encoding="utf-8")
    (cache / next(iter(sorted(cache.glob("*.json")))).name).write_text("{not json", encoding="utf-8")
    third = Corpus.load(tmp_path / "data", cache)
    assert third.report_by_id["logius-2023"]["title"] == "Stand 2023"
    assert third.reports[0] == first.reports[0]
    assert len(list(cache.glob("*.json"))) == 6, "the entry of the old bytes is removed"
