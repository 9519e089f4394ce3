"""Text steps take time linear in their input, and records stay bounded however long a paragraph is."""

from __future__ import annotations

import json
import time

import pytest

from stand.derive.calls import call_contexts, calls
from stand.derive.mentions import mentions
from stand.derive.text import SENTENCE_LIMIT
from stand.model import IdRegistry

TOPICS = [
    {"id": "digid", "name": "DigiD", "aliases": ["DigiD"]},
    {"id": "mijnoverheid", "name": "MijnOverheid", "aliases": ["MijnOverheid"]},
]
# Repeated without a full stop (one sentence as long as the paragraph) and with one (many short sentences).
UNITS = ["wij hebben het nodig x DigiD ", "Wij hebben het nodig. DigiD en MijnOverheid zijn er. "]


def report_of(text: str) -> dict:
    paragraph = {"id": "t-2025-p", "text": text, "page": None, "pdf_page": 1}
    section = {"id": "t-2025-s", "kind": "theme", "parent": None, "theme": "thema", "paragraphs": [paragraph]}
    return {"id": "t-2025", "year": 2025, "organisation": "Logius", "sections": [section], "footnotes": []}


def derived(size: int, unit: str) -> tuple[float, list[dict]]:
    report = report_of((unit * (size // len(unit) + 1))[:size])
    start = time.process_time()
    report["calls"] = calls(report)
    contexts = call_contexts(report)
    found = mentions(report, TOPICS)
    return time.process_time() - start, report["calls"] + found + [{"context": c} for c in contexts.values()]


@pytest.mark.parametrize("unit", UNITS)
def test_calls_and_mentions_take_linear_time_and_give_bounded_records(unit):
    """Issue 23.1: "wij hebben het nodig x" took 97 s at 368 KB; each mention stored the whole paragraph."""
    derived(5_000, unit)  # warm up
    small = min(derived(25_000, unit)[0] for _ in range(3))  # processor time, the least of a few: load only adds
    large, records = min((derived(200_000, unit) for _ in range(2)), key=lambda run: run[0])
    assert large / max(small, 0.01) < 8 * 1.5 + 2, f"25 KB took {small:.2f} s and 200 KB {large:.2f} s: not linear"
    longest = max(len(json.dumps(r, ensure_ascii=False)) for r in records)
    assert longest < SENTENCE_LIMIT + 600, f"a record of {longest} characters"


def test_a_cut_sentence_says_where_it_was_cut():
    report = report_of("wij hebben het nodig x DigiD " * 2000)
    found = mentions(report, TOPICS)
    assert all(len(m["sentence"]) <= SENTENCE_LIMIT for m in found)
    assert found[len(found) // 2]["sentence"].startswith("… ") and found[len(found) // 2]["sentence"].endswith(" …")
    assert all(len(c["text"]) <= SENTENCE_LIMIT for c in calls(report))


def test_ids_for_one_wanted_id_many_times_take_linear_time():
    def claim(n: int) -> float:
        registry = IdRegistry()
        start = time.process_time()
        for _ in range(n):
            registry.claim("x")
        return time.process_time() - start

    small, large = min(claim(2_000) for _ in range(3)), min(claim(16_000) for _ in range(2))
    assert large / max(small, 0.001) < 8 * 1.5 + 2, f"{small:.3f} s and {large:.3f} s"
    registry = IdRegistry()
    assert [registry.claim("a") for _ in range(3)] + [registry.claim("a-2"), registry.claim("b")] == [
        "a",
        "a-2",
        "a-3",
        "a-2-2",
        "b",
    ]
