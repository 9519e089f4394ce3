"""An Atom feed of the released versions (``/data/versies.atom``): what each version added, removed and changed.

Each entry compares a version's records with the previous version's, both
read from their frozen archives (:mod:`stand.publish.archive`); where an
archive is missing the entry says so rather than guessing. Dates come from
CHANGELOG.md, never from the clock.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from . import metadata
from .archive import archived_dataset, site_path
from .versions import Release

ATOM = "http://www.w3.org/2005/Atom"
RECORD_KINDS = ("reports", "themes", "sections", "footnotes", "examples", "calls", "figures", "topics", "stories")
DUTCH_KINDS = {
    "reports": "rapporten",
    "themes": "thema's",
    "sections": "secties",
    "footnotes": "voetnoten",
    "examples": "voorbeelden",
    "calls": "oproepen",
    "figures": "cijfers",
    "topics": "onderwerpen",
    "stories": "verhaallijnen",
}


def without_urls(value: object) -> object:
    """A record without its links: an archive built at another address is not a change of content."""
    if isinstance(value, dict):
        return {k: without_urls(v) for k, v in value.items() if k != "url"}
    if isinstance(value, list):
        return [without_urls(v) for v in value]
    return value


def key(record: dict) -> str:
    """A record's id; a story, which has none, is known by the example that continues another."""
    return record.get("id") or f"{record.get('example')} vervolgt {record.get('continues')}"


def record_changes(old: dict, new: dict) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """Per kind of record: the ids added, removed and changed from ``old`` to ``new``.

    >>> record_changes({"calls": [{"id": "a", "text": "x"}, {"id": "b"}]}, {"calls": [{"id": "a", "text": "y"}, {"id": "c"}]})["calls"]
    (['c'], ['b'], ['a'])
    """
    changes = {}
    for kind in RECORD_KINDS:
        before = {key(r): without_urls(r) for r in old.get(kind, [])}
        after = {key(r): without_urls(r) for r in new.get(kind, [])}
        changed = sorted(i for i in before.keys() & after.keys() if before[i] != after[i])
        changes[kind] = (sorted(after.keys() - before.keys()), sorted(before.keys() - after.keys()), changed)
    return changes


def summary(old: dict | None, new: dict | None, previous: str | None) -> str:
    """The text of one entry: counts for a first version, else what changed per kind of record."""
    if new is None:
        return "Het archief van deze versie ontbreekt; wat er veranderde is niet na te gaan."
    if previous is None:
        counts = ", ".join(f"{len(new.get(kind, []))} {DUTCH_KINDS[kind]}" for kind in RECORD_KINDS if new.get(kind))
        return f"Eerste versie: {counts}."
    if old is None:
        return f"Het archief van versie {previous} ontbreekt; de verschillen met die versie zijn niet na te gaan."
    lines = [f"Verschillen met versie {previous}:"]
    for kind, (added, removed, changed) in record_changes(old, new).items():
        if added or removed or changed:
            lines.append(f"- {DUTCH_KINDS[kind]}: {len(added)} nieuw, {len(removed)} weg, {len(changed)} gewijzigd")
            lines += [f"  nieuw: {i}" for i in added] + [f"  weg: {i}" for i in removed] + [f"  gewijzigd: {i}" for i in changed]
    return "\n".join(lines) if len(lines) > 1 else f"Geen records veranderd sinds versie {previous}."


def atom_feed(root: Path, base_url: str, history: list[Release], author: str) -> bytes:
    """versies.atom: one entry per released version with a date, newest first."""
    ET.register_namespace("", ATOM)
    dated = [r for r in history if r.date]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    data_url = base_url + "data/"
    add(feed, "title", f"{metadata.TITLE}: versies")
    add(feed, "id", data_url + "versies.atom")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": data_url + "versies.atom"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"href": data_url})
    add(feed, "updated", f"{dated[0].date}T00:00:00Z" if dated else "1970-01-01T00:00:00Z")
    add(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", author)
    for index, release in enumerate(dated):
        previous = dated[index + 1].number if index + 1 < len(dated) else None
        new = archived_dataset(root, release.number)
        old = archived_dataset(root, previous) if previous else None
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        add(entry, "title", f"Versie {release.number}")
        add(entry, "id", data_url + site_path(release.number))
        add(entry, "updated", f"{release.date}T00:00:00Z")
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": data_url + site_path(release.number)})
        add(entry, "content", summary(old, new, previous)).set("type", "text")
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False) + b"\n"


def add(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element
