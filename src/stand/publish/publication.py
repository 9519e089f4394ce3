"""Who publishes the site and its dataset, from ``data/publication.yaml``: one file, every output.

The site's "Over" page and footer, the accessibility statement, the Data
Package, the schema.org metadata, the DCAT-AP-DONL catalogue and
CITATION.cff all read the same :class:`Publication`, so they cannot
disagree. Nobody here knows the maintainers or how to reach them, so those
values are null; they show as "onbekend" (:data:`UNKNOWN`) and are never
guessed. The file is hand-kept, so it is checked like the manifest: every
problem is one line naming the field.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..io import load_yaml, web_address
from .metadata import TITLE

UNKNOWN = "onbekend"
FILE = "publication.yaml"
# The values land in Markdown pages, HTML and YAML: addresses only in characters a URL needs (no quotes,
# brackets or parentheses), names without markup characters or control characters.
HTTP = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%!$&'*+,;=:@/?#-]*)?$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069<>{}\[\]`|*_\\]")
FIELDS = ("site_url", "maintainers", "contact", "repository", "doi")
DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")


@dataclass(frozen=True)
class Maintainer:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Publication:
    """The publisher's details; None where nobody knows."""

    site_url: str | None = None
    maintainers: tuple[Maintainer, ...] = ()
    email: str | None = None
    contact_url: str | None = None
    repository: str | None = None
    doi: str | None = None  # once a maintainer registers one (e.g. with Zenodo); never invented

    @property
    def maintainer_names(self) -> str:
        """The maintainers as one line, or "onbekend"."""
        return ", ".join(m.name for m in self.maintainers) or UNKNOWN

    @property
    def has_contact(self) -> bool:
        return bool(self.email or self.contact_url)


def maintainers_name(publication: Publication) -> str:
    """Who publishes, as a name: the maintainers, or, while nobody has filled them in, the role itself
    ("Onderhouders van ..."), which exists and is honest where a guessed name would not be."""
    return publication.maintainer_names if publication.maintainers else f"Onderhouders van {TITLE}"


def publication_warnings(publication: Publication) -> list[str]:
    """What a release should have but the file leaves empty, one line per field (nothing is ever filled in for it)."""
    if publication.has_contact:
        return []
    return [
        f"data/{FILE}: contact.email and contact.url are both empty: DCAT-AP-NL 3.0 requires a contact point"
        " (dcat:contactPoint), so the catalogue has none until a maintainer fills one in"
    ]


def address(publication: Publication) -> str | None:
    """Where the site is published: SITE_URL when set (held to the rule of every address: RFC 3986, written
    again), else the file's site_url, else None (a preview)."""
    given = os.environ.get("SITE_URL")
    if not given:
        return publication.site_url
    try:
        site = web_address(given)
    except ValueError as exc:
        raise SourceError("SITE_URL (environment)", f"must be an http(s) address ({exc})") from exc
    if "?" in site or "#" in site:  # every page's address is built on it: a query or fragment would break them all
        raise SourceError("SITE_URL (environment)", "must be an http(s) address without a query (?) or fragment (#)")
    return site


def checked(value: object, name: str, pattern: re.Pattern[str], rule: str, problems: list[str]) -> str | None:
    """A null or a string that fits ``pattern``; anything else is one problem line."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 2000 or CONTROL.search(value) or not pattern.fullmatch(value):
        problems.append(f"{name} {rule}, or null")
        return None
    if pattern is HTTP:
        try:
            return web_address(value)
        except ValueError:
            problems.append(f"{name} {rule}, or null")
            return None
    return value


def maintainers_of(value: object, problems: list[str]) -> tuple[Maintainer, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(m, dict) for m in value):
        problems.append("maintainers must be a list of {name, url}, or null")
        return ()
    found = []
    for number, entry in enumerate(value, start=1):
        unknown = sorted(str(k) for k in set(entry) - {"name", "url"})
        if unknown:
            problems.append(f"maintainers #{number} has unknown field(s): {', '.join(unknown)}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > 200 or CONTROL.search(name):
            problems.append(
                f"maintainers #{number}: name must be a text of at most 200 characters,"
                " without markup (< > { } [ ] ` | * _ \\)"
            )
            continue
        found.append(
            Maintainer(
                name.strip(),
                checked(entry.get("url"), f"maintainers #{number}: url", HTTP, "must be an http(s) address", problems),
            )
        )
    return tuple(found)


def load_publication(data_dir: Path) -> Publication:
    """data/publication.yaml as a Publication, or SourceError with one line per problem."""
    path = data_dir / FILE
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise SourceError(path, "must be a mapping with the fields " + ", ".join(FIELDS))
    problems = [f"unknown field: {key}" for key in sorted(str(k) for k in set(data) - set(FIELDS))]
    contact = data.get("contact") or {}
    if not isinstance(contact, dict) or set(contact) - {"email", "url"}:
        problems.append("contact must be a mapping with email and url (each may be null)")
        contact = {}
    publication = Publication(
        site_url=checked(data.get("site_url"), "site_url", HTTP, "must be an http(s) address", problems),
        maintainers=maintainers_of(data.get("maintainers"), problems),
        email=checked(contact.get("email"), "contact.email", EMAIL, "must be an e-mail address", problems),
        contact_url=checked(contact.get("url"), "contact.url", HTTP, "must be an http(s) address", problems),
        repository=checked(data.get("repository"), "repository", HTTP, "must be an http(s) address", problems),
        doi=checked(
            data.get("doi"),
            "doi",
            DOI,
            "must be a DOI such as 10.5281/zenodo.1234567 (without https://doi.org/)",
            problems,
        ),
    )
    if problems:
        raise SourceError(path, *problems)
    return publication
