"""Reviewed record edits (``data/curation.yaml``), applied after detection, each record saying where it came from.

A maintainer adds, removes or readdresses a call, gives an example more
themes, or links a story across years; every entry has a reason. An entry
that no longer finds what it points at is an error, named, so an edit never
silently stops applying.
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from ..errors import SourceError
from ..extract.review import item
from ..io import load_yaml
from ..model import IdRegistry, slug
from .text import enclosing_examples, located, sentences

SCHEMA = json.loads((Path(__file__).parent / "curation.schema.json").read_text(encoding="utf-8"))


def load_curation(path: Path) -> dict:
    """data/curation.yaml with every list present; each entry must give its reason."""
    doc = load_yaml(path) if path.is_file() else {}
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in Draft202012Validator(SCHEMA).iter_errors(doc or {})
    ]
    if problems:
        raise SourceError(path, *problems)
    doc = doc or {}
    calls = doc.get("calls") or {}
    return {
        "calls": {key: calls.get(key) or [] for key in ("add", "remove", "addressees")},
        "figures": {"remove": (doc.get("figures") or {}).get("remove") or []},
        "examples": {"themes": (doc.get("examples") or {}).get("themes") or []},
        "stories": doc.get("stories") or [],
    }


def apply_to_report(report: dict, curation: dict) -> list[str]:
    """Curate the report's calls and examples in place; returns the problems (entries that found nothing)."""
    prefix = f"{report['id']}-"
    calls = curation["calls"]
    problems = []
    by_id = {call["id"]: call for call in report["calls"]}
    for call in report["calls"]:
        call |= {"origin": "detected", "reason": None}
    for entry in (e for e in calls["remove"] if e["id"].startswith(prefix)):
        if entry["id"] not in by_id:
            problems.append(f"calls.remove: no call {entry['id']!r}")
        report["calls"] = [c for c in report["calls"] if c["id"] != entry["id"]]
    for entry in (e for e in calls["addressees"] if e["id"].startswith(prefix)):
        if entry["id"] not in by_id:
            problems.append(f"calls.addressees: no call {entry['id']!r}")
            continue
        by_id[entry["id"]] |= {"addressees": entry["addressees"], "origin": "curated", "reason": entry["reason"]}
    problems += add_calls(report, [e for e in calls["add"] if e["paragraph"].startswith(prefix)])
    figure_ids = {figure["id"] for figure in report["figures"]}
    for entry in (e for e in curation["figures"]["remove"] if e["id"].startswith(prefix)):
        if entry["id"] not in figure_ids:
            problems.append(f"figures.remove: no figure {entry['id']!r}")
        report["figures"] = [f for f in report["figures"] if f["id"] != entry["id"]]
    examples = {example["id"]: example for example in report["examples"]}
    for example in report["examples"]:
        example["more_themes"] = []
    for entry in (e for e in curation["examples"]["themes"] if e["example"].startswith(prefix)):
        if entry["example"] not in examples:
            problems.append(f"examples.themes: no example {entry['example']!r}")
            continue
        examples[entry["example"]]["more_themes"] = sorted(entry["themes"])
    return problems


def add_calls(report: dict, entries: list[dict]) -> list[str]:
    """Calls detection cannot reach, placed where their sentence stands."""
    places = {p["id"]: (s, p) for s in report["sections"] for p in s["paragraphs"]}
    registry = IdRegistry()
    registry.taken.update(call["id"] for call in report["calls"])
    examples = enclosing_examples(report)
    problems = []
    for entry in entries:
        if entry["paragraph"] not in places or entry["sentence"] not in sentences(
            places[entry["paragraph"]][1]["text"]
        ):
            problems.append(f"calls.add: no sentence {entry['sentence'][:40]!r}… in paragraph {entry['paragraph']!r}")
            continue
        section, paragraph = places[entry["paragraph"]]
        report["calls"].append(
            {
                "id": registry.claim(f"{report['id']}-oproep-{slug(entry['sentence'], 6)}"),
                **located(report, section, paragraph, examples),
                "kind": entry.get("kind", "ask"),
                "verb": entry.get("verb", "handmatig"),
                "addressees": entry["addressees"],
                "text": entry["sentence"],
                "origin": "curated",
                "reason": entry["reason"],
            }
        )
    order = {p: i for i, p in enumerate(places)}
    report["calls"].sort(key=lambda c: order[c["paragraph"]])
    return problems


def stories(reports: list[dict], curation: dict) -> tuple[list[dict], list[str]]:
    """The story links between examples of different years, and the entries that found nothing."""
    known = {
        e["id"]: e | {"organisation_id": report["organisation_id"]} for report in reports for e in report["examples"]
    }
    links, problems = [], []
    for entry in curation["stories"]:
        missing = [key for key in ("example", "continues") if entry[key] not in known]
        if missing:
            problems += [f"stories: no example {entry[key]!r}" for key in missing]
            continue
        later, earlier = known[entry["example"]], known[entry["continues"]]
        pair = f"{entry['example']!r} continues {entry['continues']!r}"
        if later["organisation_id"] != earlier["organisation_id"]:
            problems.append(f"stories: {pair}, but a story is one organisation's and these are two organisations'")
        elif later["year"] <= earlier["year"]:
            problems.append(
                f"stories: {pair}, but a story runs forward: the example continued must be of an earlier"
                f" year ({later['year']} is not after {earlier['year']})"
            )
        elif any((link["example"], link["continues"]) == (entry["example"], entry["continues"]) for link in links):
            problems.append(f"stories: {pair} is listed twice")
        else:
            links.append({"example": entry["example"], "continues": entry["continues"], "reason": entry["reason"]})
    return links, problems


def unknown_themes(reports: list[dict], themes: dict) -> list[str]:
    """examples.themes entries naming a theme no report and no vocabulary entry has (a typo would file the example
    under a theme page that does not exist)."""
    known = {theme["id"] for theme in themes["themes"]}
    return [
        f"examples.themes: {example['id']!r} names theme {theme!r}, which no report has"
        f" (known: {', '.join(sorted(known))})"
        for report in reports
        for example in report["examples"]
        for theme in example.get("more_themes", [])
        if theme not in known
    ]


def suggestions(reports: list[dict], links: list[dict]) -> list[tuple[str, dict]]:
    """Examples of one organisation in different years that share topics and are not linked yet: review items
    of the later report. A story is one organisation's over the years; another's never continues it."""
    linked = {(link["example"], link["continues"]) for link in links}
    by_organisation: dict[str, list[dict]] = {}
    for report in reports:
        by_organisation.setdefault(report["organisation_id"], []).extend(report["examples"])
    found = []
    for examples in by_organisation.values():
        for later in examples:
            for earlier in examples:
                shared = sorted(set(later["topics"]) & set(earlier["topics"]))
                if earlier["year"] < later["year"] and len(shared) >= 3 and (later["id"], earlier["id"]) not in linked:
                    says = f"{later['id']} may continue {earlier['id']} (shared topics: {', '.join(shared)})"
                    found.append((later["report"], item("story-link", later["pdf_page"], says)))
    return found
