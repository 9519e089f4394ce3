"""Calls measured against the hand-labelled list (tests/labels/calls.yaml), detection alone, before curation."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT
from stand.derive.calls import addressees, calls

LABELS = yaml.safe_load((ROOT / "tests/labels/calls.yaml").read_text(encoding="utf-8"))


def detected(report_id: str) -> dict[tuple[str, str], dict]:
    report = yaml.safe_load((ROOT / f"data/reports/{report_id}.yaml").read_text(encoding="utf-8"))
    return {(c["paragraph"], c["text"]): c for c in calls(report)}


@pytest.mark.parametrize("report_id", sorted(LABELS))
def test_detection_finds_every_labelled_call_and_little_else(report_id):
    found = detected(report_id)
    labelled = {(e["paragraph"], e["sentence"]) for e in LABELS[report_id] if e["call"]}
    true = labelled & set(found)
    recall, precision = len(true) / len(labelled), len(true) / len(found)
    assert (recall, sorted(labelled - set(found))) == (1.0, [])
    assert precision >= 0.9, sorted(set(found) - labelled)


@pytest.mark.parametrize("report_id", sorted(LABELS))
def test_a_call_names_its_addressees_when_its_sentence_does(report_id):
    found = detected(report_id)
    missing = [key[1][:60] for key, call in found.items() if addressees(key[1]) and not call["addressees"]]
    assert missing == []


def test_the_detector_names_no_organisation():
    """The genre has 64 publishers: the report's own name comes from the manifest, not from the code."""
    report = yaml.safe_load((ROOT / "data/reports/logius-2022.yaml").read_text(encoding="utf-8"))
    report["organisation"] = "Dienst Toeslagen"
    for section in report["sections"]:
        for paragraph in section["paragraphs"]:
            paragraph["text"] = paragraph["text"].replace("Logius vraagt", "Dienst Toeslagen vraagt")
    texts = [c["text"] for c in calls(report)]
    assert "Dienst Toeslagen vraagt hiervoor aandacht bij beleid en ketenpartners." in texts
    assert len(texts) == 7


def test_2023_kinds_and_addressees():
    found = list(detected("logius-2023").values())
    assert [(c["kind"], c["verb"]) for c in found][:3] == [("ask", "roepen"), ("offer", "komen"), ("need", "nodig")]
    assert found[0]["addressees"] == ["politiek"]
