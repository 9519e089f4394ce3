"""Figure recall of an extracted report against hand-written labels (``figures:`` in an unseen report's labels).

A label is ``{value, unit, text, page}``: the value, the unit (``euro``, ``percent``, ``count``, or a unit of
time such as ``hours`` or ``weeks``), the number expression as printed (``€ 3,7 miljoen``, ``ruim 900``) and the
page counted by form feeds (the record's ``pdf_page``). A label is found when one figure, not used for another
label, has the same value, a matching unit, holds the printed expression in its ``text`` and, where the label
gives a page, stands on that page.
"""

from __future__ import annotations

import math
import re

TIME_UNITS = {"hours", "weeks", "days", "months", "years", "uren", "weken", "dagen", "maanden", "jaren"}
APPROXIMATE_WORDS = re.compile(r"^(?:zo[’']n|ruim|circa|ongeveer|bijna|naar schatting|~)\s+", re.I)


def folded(text: str) -> str:
    """Text compared without case, spacing and typographic quotes."""
    return " ".join(text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").lower().split())


def unit_matches(figure: dict, unit: str) -> bool:
    if unit == "percent":
        return figure["unit"] == "%"
    if unit in TIME_UNITS:
        return figure["kind"] == "duration"
    return figure["unit"] == unit


def matches(figure: dict, label: dict) -> bool:
    written = APPROXIMATE_WORDS.sub("", folded(str(label["text"])))
    return (
        math.isclose(float(figure["value"]), float(label["value"]), rel_tol=1e-9)
        and unit_matches(figure, label["unit"])
        and written in folded(figure["text"])
        and ("page" not in label or figure["pdf_page"] == label["page"])
    )


def figure_recall(report: dict, labels: dict) -> tuple[int, int, list]:
    """(found, labelled, missing): how many labelled figures a figure record holds, and the labels it does not.

    Each figure answers one label at most, so a number stated twice must be found twice.
    """
    unused = list(report["figures"])
    missing = []
    for label in labels["figures"]:
        figure = next((f for f in unused if matches(f, label)), None)
        if figure is None:
            missing.append(label)
        else:
            unused.remove(figure)
    return len(labels["figures"]) - len(missing), len(labels["figures"]), missing
