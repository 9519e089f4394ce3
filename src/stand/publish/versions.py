"""Which version of the dataset a build is: released, or a preview of changed data.

A released version is a ``## x.y.z`` entry in CHANGELOG.md that names the
digest of the data it was built from. Data that no version names yet is a
preview: it builds (so ``make site`` never blocks a maintainer), marked
``x.y.z-dev+<digest>``, and only ``stand release`` refuses it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

VERSION_HEADING = re.compile(r"^## (?P<number>\d+\.\d+\.\d+)\b(?P<body>.*?)(?=^## |\Z)", re.M | re.S)


class VersionError(Exception):
    """The CHANGELOG cannot say which version the data is."""


@dataclass(frozen=True)
class Version:
    """The version a build carries, and whether a CHANGELOG entry released it."""

    number: str
    released: bool
    digest: str


def data_digest(data_dir: Path) -> str:
    """Short digest of the reviewed data the dataset is built from."""
    digest = hashlib.sha256()
    for path in sorted((data_dir / "reports").glob("*.yaml")) + [data_dir / "themes.yaml", data_dir / "topics.yaml"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
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
    entries = [(m.group("number"), m.group("body")) for m in VERSION_HEADING.finditer(changelog.read_text(encoding="utf-8"))]
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
    >>> _ = log.write_text("## Nog niet uitgebracht\\n\\n## 1.1.0 (2027-03-01)\\n\\nData digest: `abc123abc123`\\n\\n## 1.0.0\\n")
    >>> releases(log)
    [Release(number='1.1.0', date='2027-03-01', digest='abc123abc123', sha256=None), Release(number='1.0.0', date=None, digest=None, sha256=None)]
    """
    found = []
    for match in VERSION_HEADING.finditer(changelog.read_text(encoding="utf-8")):
        body = match.group("body")
        date, digest, sha = RELEASE_DATE.search(body), DIGEST.search(body), ARCHIVE_SHA256.search(body)
        found.append(Release(match.group("number"), date and date["date"], digest and digest["digest"], sha and sha["sha256"]))
    return found
