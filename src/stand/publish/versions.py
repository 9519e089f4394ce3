"""Versions of the dataset: which one a build is (released, or a preview of changed data), their archives, their feed.

A released version is a ``## x.y.z`` entry in CHANGELOG.md that names the
digest of the data it was built from. Data that no version names yet is a
preview: it builds (so ``make site`` never blocks a maintainer), marked
``x.y.z-dev+<digest>``, and only ``stand release`` refuses it.

A release is archived once as ``releases/<version>/stand-van-de-uitvoering-<version>.zip``
(published at ``/data/archief/<version>/``), its SHA-256 written in CHANGELOG.md, and never
rebuilt: the zip is deterministic (sorted entries, one fixed timestamp, fixed permissions), so
archiving the same files twice gives the same bytes, and a test checks the committed zip against
the CHANGELOG. The Atom feed (``/data/versies.atom``) says per version what it added, removed
and changed, comparing the frozen archives; where an archive is missing it says so rather than
guessing. Dates come from CHANGELOG.md, never from the clock.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import metadata

VERSION_HEADING = re.compile(r"^## (?P<number>\d+\.\d+\.\d+)\b(?P<body>.*?)(?=^## |\Z)", re.M | re.S)


class VersionError(Exception):
    """The CHANGELOG cannot say which version the data is."""


@dataclass(frozen=True)
class Version:
    """The version a build carries, and whether a CHANGELOG entry released it."""

    number: str
    released: bool
    digest: str


# Besides data/reports/, every file of data/ whose records the dataset publishes: a change to any is a new version.
# (publication.yaml is not data: its address or contact point may change without a new version.)
DIGESTED = ("themes.yaml", "topics.yaml", "stories.yaml", "permalinks/ids-moved.yaml")


def data_digest(data_dir: Path) -> str:
    """Short digest of the reviewed data the dataset is built from (a file that is absent counts as empty)."""
    digest = hashlib.sha256()
    named = [data_dir / name for name in DIGESTED]
    for path in sorted((data_dir / "reports").glob("*.yaml")) + named:
        body = path.read_bytes() if path.is_file() else b""
        digest.update(path.relative_to(data_dir).as_posix().encode() + b"\0" + body + b"\0")
    return digest.hexdigest()[:12]


def next_patch(number: str) -> str:
    """
    >>> next_patch("1.0.9")
    '1.0.10'
    """
    major, minor, patch = number.split(".")
    return f"{major}.{minor}.{int(patch) + 1}"


def dataset_version(changelog: Path, digest: str) -> Version:
    """The released version whose entry names ``digest``, else a preview after the newest release.

    >>> import tempfile, pathlib
    >>> log = pathlib.Path(tempfile.mkdtemp()) / "CHANGELOG.md"
    >>> _ = log.write_text("## Nog niet uitgebracht\\n\\n## 1.2.0\\n\\nData digest: `abc123abc123`\\n")
    >>> dataset_version(log, "abc123abc123")
    Version(number='1.2.0', released=True, digest='abc123abc123')
    >>> dataset_version(log, "fff000fff000").number
    '1.2.1-dev+fff000fff000'
    """
    entries = [
        (m.group("number"), m.group("body")) for m in VERSION_HEADING.finditer(changelog.read_text(encoding="utf-8"))
    ]
    if not entries:
        raise VersionError(f"{changelog}: no version heading ('## 1.0.0') found")
    for number, body in entries:
        if f"`{digest}`" in body:
            return Version(number, True, digest)
    return Version(f"{next_patch(entries[0][0])}-dev+{digest}", False, digest)


RELEASE_DATE = re.compile(r"\A[ \t]*\((?P<date>\d{4}-\d{2}-\d{2})\)")
DIGEST = re.compile(r"Data digest: `(?P<digest>[0-9a-f]{12})`")
ARCHIVE_SHA256 = re.compile(r"SHA-256 `(?P<sha256>[0-9a-f]{64})`")


@dataclass(frozen=True)
class Release:
    """A released version as its CHANGELOG entry records it; None where the entry says nothing."""

    number: str
    date: str | None
    digest: str | None
    sha256: str | None  # of the version's archive


def releases(changelog: Path) -> list[Release]:
    """Every released version, newest first, with its date (``## 1.2.0 (2027-03-01)``), digest and archive checksum.

    >>> import tempfile, pathlib
    >>> log = pathlib.Path(tempfile.mkdtemp()) / "CHANGELOG.md"
    >>> _ = log.write_text("## Nog niet\\n\\n## 1.1.0 (2027-03-01)\\n\\nData digest: `abc123abc123`\\n\\n## 1.0.0")
    >>> [(r.number, r.date, r.digest, r.sha256) for r in releases(log)]
    [('1.1.0', '2027-03-01', 'abc123abc123', None), ('1.0.0', None, None, None)]
    """
    found = []
    for match in VERSION_HEADING.finditer(changelog.read_text(encoding="utf-8")):
        body = match.group("body")
        date, digest, sha = RELEASE_DATE.search(body), DIGEST.search(body), ARCHIVE_SHA256.search(body)
        found.append(
            Release(match.group("number"), date and date["date"], digest and digest["digest"], sha and sha["sha256"])
        )
    return found


RELEASES_DIR = "releases"
TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no clock in the archive


# What only the site's /data/ holds and a version's archive leaves out: every version's archive, the catalogue of
# them all and the feed of versions.
SITE_ONLY = ("archief/", "catalog.", "versies.atom")


def archive_name(version: str) -> str:
    """
    >>> archive_name("1.0.0")
    'stand-van-de-uitvoering-1.0.0.zip'
    """
    return f"{metadata.NAME}-{version}.zip"


def archive_path(root: Path, version: str) -> Path:
    return root / RELEASES_DIR / version / archive_name(version)


def site_path(version: str) -> str:
    """Where the site publishes an archive, under /data/."""
    return f"archief/{version}/{archive_name(version)}"


def deterministic_zip(files: dict[str, bytes], folder: str) -> bytes:
    """The files in a zip under ``folder/``, sorted, each with the same timestamp and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=TIMESTAMP)
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def archived_dataset(root: Path, version: str) -> dict | None:
    """The whole-dataset JSON inside a version's archive, or None when that version has no archive."""
    path = archive_path(root, version)
    if not path.is_file():
        return None
    with zipfile.ZipFile(path) as archive:
        # The archive's one folder holds the whole-dataset JSON; citeren/ has a file of the same name (its citation).
        name = next((n for n in archive.namelist() if n.endswith(f"/{metadata.NAME}.json") and n.count("/") == 1), None)
        return json.loads(archive.read(name)) if name else None


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

    >>> old, new = [{"id": "a", "text": "x"}, {"id": "b"}], [{"id": "a", "text": "y"}, {"id": "c"}]
    >>> record_changes({"calls": old}, {"calls": new})["calls"]
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
            lines += (
                [f"  nieuw: {i}" for i in added]
                + [f"  weg: {i}" for i in removed]
                + [f"  gewijzigd: {i}" for i in changed]
            )
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
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False) + b"\n"
    )


def add(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element
