"""The hand-labelled calls (tests/labels/calls.yaml) cover every sentence of both reports, well formed.

The labels were written by a person reading each sentence in context, before
the call detector was changed; the detector is measured against them.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT
from stand.derive.text import sentences

LABELS = yaml.safe_load((ROOT / "tests/labels/calls.yaml").read_text(encoding="utf-8"))
ADDRESSEES = {
    "politiek",
    "Tweede Kamer",
    "kabinet",
    "bewindspersoon",
    "opdrachtgever",
    "eigenaar",
    "beleid",
    "ketenpartners",
    "overheidsorganisaties",
    "markt",
    "wetgever",
    "other",
}


@pytest.mark.parametrize(("report_id", "count", "calls"), [("logius-2022", 178, 7), ("logius-2023", 152, 9)])
def test_every_sentence_is_labelled_once(report_id, count, calls):
    report = yaml.safe_load((ROOT / f"data/reports/{report_id}.yaml").read_text(encoding="utf-8"))
    expected = [
        (p["id"], s) for section in report["sections"] for p in section["paragraphs"] for s in sentences(p["text"])
    ]
    labelled = [(entry["paragraph"], entry["sentence"]) for entry in LABELS[report_id]]
    assert labelled == expected
    assert (len(labelled), sum(entry["call"] for entry in LABELS[report_id])) == (count, calls)


def test_each_label_is_well_formed():
    problems = []
    for report_id, entries in LABELS.items():
        for entry in entries:
            where = f"{report_id} {entry['paragraph']}: {entry['sentence'][:50]!r}"
            if set(entry) - {"paragraph", "sentence", "call", "addressees", "reason"} or not isinstance(
                entry["call"], bool
            ):
                problems.append(f"malformed entry {where}")
            addressees = entry.get("addressees", [])
            if entry["call"] and not (addressees and set(addressees) <= ADDRESSEES and entry.get("reason")):
                problems.append(f"a call needs known addressees and a reason: {where}")
            if not entry["call"] and addressees:
                problems.append(f"addressees on a non-call: {where}")
    assert problems == []
