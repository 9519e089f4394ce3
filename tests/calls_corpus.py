"""Recall and precision of the call detector on a labelled corpus (tests/corpora/calls/*.yaml).

Each item is one sentence with the organisation that writes it and the example part it stands under; the
detector judges it through :func:`stand.derive.calls.judge`, the same decision it makes for every sentence of a
report. Used by tests/test_calls_corpus.py on the development part, and by the lead for the held-out part and
``make benchmark``::

    from calls_corpus import corpus_figures
    corpus_figures("tests/corpora/calls/heldout.yaml")
"""

from __future__ import annotations

from pathlib import Path

import yaml

from stand.derive.calls import judge


def corpus_figures(path: str | Path) -> dict:
    """Recall, precision and addressee agreement on the corpus at ``path``, with the misses listed.

    Returns counts (``calls``, ``found``, ``true``), ``recall``, ``precision``, ``addressees_exact`` (the share
    of true calls whose addressees equal the labelled ones), and ``missed`` / ``false`` (id and sentence).
    """
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["items"]
    missed, false, exact, true, found = [], [], 0, 0, 0
    for item in items:
        is_call, named = judge(item["sentence"], item["organisation"], item.get("part"))
        found += is_call
        if is_call and item["call"]:
            true += 1
            exact += sorted(named) == sorted(item["addressees"])
        elif item["call"]:
            missed.append((item["id"], item["sentence"]))
        elif is_call:
            false.append((item["id"], item["sentence"]))
    calls = sum(bool(item["call"]) for item in items)
    return {
        "items": len(items),
        "calls": calls,
        "found": found,
        "true": true,
        "recall": true / calls if calls else 1.0,
        "precision": true / found if found else 1.0,
        "addressees_exact": exact / true if true else 1.0,
        "missed": missed,
        "false": false,
    }


def report(figures: dict) -> str:
    """The figures and every miss and false call, one a line, for a test's or benchmark's output."""
    lines = [
        f"{figures['items']} items, {figures['calls']} calls: recall {figures['recall']:.3f}, "
        f"precision {figures['precision']:.3f}, addressees exact {figures['addressees_exact']:.3f}"
    ]
    lines += [f"  missed {key}: {sentence}" for key, sentence in figures["missed"]]
    lines += [f"  false  {key}: {sentence}" for key, sentence in figures["false"]]
    return "\n".join(lines)
