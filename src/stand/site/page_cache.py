"""Finished generated pages kept between builds, keyed by everything that makes them: a build renders only what changed.

At 200 reports a build makes about 2,900 pages, and after one changed report
nearly all of them come out as before. A page's key is the SHA-256 of its
Markdown (blocks included) and of a salt that covers every other input: this
package's code and templates, mkdocs.yml, overrides/, the versions of MkDocs,
the theme and Markdown, the site's address and whether it is served. So an
entry is never stale. What changes with every data change but says nothing
of the page (the version line and the preview notice) is kept out of the
entry as placeholders (see :mod:`stand.site.footer`). Entries no build used are removed by
:meth:`PageCache.prune`. An entry lost before a build only means rendering that page again; one
that becomes unreadable while a build uses it stops that build with a message.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

OTHER_SALTS_KEPT = 2  # e.g. `mkdocs serve` beside `mkdocs build`, and the code before the last change
# Settings that can change a generated page; the theme, the plugins and the navigation's untitled pages are added.
SETTINGS = (
    "site_name", "site_url", "site_description", "site_author", "copyright", "repo_url", "repo_name", "edit_uri", "use_directory_urls",
    "docs_dir", "extra_css", "extra_javascript", "extra_templates", "markdown_extensions", "mdx_configs", "nav", "extra", "validation",
)  # fmt: skip
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "jinja2", "mkdocs-macros-plugin", "pymdown-extensions")


def tree_digest(*folders: Path) -> str:
    """The digest of every file under the folders, by path and content, in a fixed order."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"{path.relative_to(folder)}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def plain(value: object) -> object:
    """A setting as JSON can hold it, the same in every process (sets sorted, objects by their text)."""
    return sorted(map(str, value)) if isinstance(value, set | frozenset) else str(value)


def settings(config: MkDocsConfig) -> str:
    """The settings MkDocs builds with, as resolved (``INHERIT``, command-line options), that can change a page."""
    theme = {key: config.theme[key] for key in sorted(config.theme)} | {"name": config.theme.name, "custom_dir": config.theme.custom_dir}
    values = {key: config[key] for key in SETTINGS} | {"theme": theme, "plugins": list(config.plugins)}
    return json.dumps(values, sort_keys=True, default=plain)


def untitled_pages(nav: object) -> list[str]:
    """The pages the navigation names without a title: every page shows their own title in its tabs.

    >>> untitled_pages(["index.md", {"Data": "data/index.md"}, {"Over": [{"Privacy": "privacy.md"}, "over.md"]}])
    ['index.md', 'over.md']
    """
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [page for item in nav for page in untitled_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() if not isinstance(value, str) for page in untitled_pages(value)]
    return []


def build_salt(config: MkDocsConfig, *facts: object) -> str:
    """What every page depends on besides its own Markdown: code, settings, theme overrides, versions, ``facts``."""
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    parts = [tree_digest(Path(__file__).resolve().parent.parent), settings(config), *versions, *map(repr, facts)]
    if config.theme.custom_dir and Path(config.theme.custom_dir).is_dir():
        parts.append(tree_digest(Path(config.theme.custom_dir)))
    for page in untitled_pages(config.nav):
        source = Path(config.docs_dir) / page
        parts.append(hashlib.sha256(source.read_bytes()).hexdigest() if source.is_file() else f"{page} absent")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class PageCache:
    """Entries ``<key>.html``, the finished page, and ``<key>.json``, its anchors and links, in a folder per salt.

    A folder per salt keeps builds that differ (``mkdocs serve`` and ``mkdocs build``, or two
    checkouts of the code) from removing each other's pages while both run.
    """

    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self.folder = root / salt[:16]
        self.salt = salt
        self.used: set[str] = set()

    def key(self, source_path: str, text: str) -> str:
        """The key of a page from its source path and everything MkDocs and the plugin make it from."""
        digest = hashlib.sha256(f"{self.salt}\0{source_path}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        self.used.add(digest.hexdigest())
        return digest.hexdigest()

    def has(self, key: str) -> bool:
        return (self.folder / f"{key}.html").is_file() and (self.folder / f"{key}.json").is_file()

    def html(self, key: str) -> str:
        return (self.folder / f"{key}.html").read_text(encoding="utf-8")

    def anchors(self, key: str) -> tuple[list[str], dict[str, dict[str, str]]]:
        """The ids in the page, and its links to anchors by target page source path (anchor -> the link as written)."""
        data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        return data["anchors"], data["links"]

    def put(self, key: str, html: str, anchors: list[str], links: dict[str, dict[str, str]]) -> None:
        """Each file written beside and renamed into place, the page first; a cache that cannot be written only costs time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, text in ((f"{key}.html", html), (f"{key}.json", json.dumps({"anchors": anchors, "links": links}, sort_keys=True))):
                staging = self.folder / f".{name}.{os.getpid()}"
                staging.write_text(text, encoding="utf-8")
                os.replace(staging, self.folder / name)
        except OSError:
            pass

    def prune(self) -> None:
        """Only the entries this build used stay, and the folders of the last few other salts."""
        for path in sorted(self.folder.iterdir()) if self.folder.is_dir() else []:
            if path.stem not in self.used and path.suffix in (".html", ".json"):
                path.unlink(missing_ok=True)
        others = [f for f in self.root.iterdir() if f != self.folder] if self.root.is_dir() else []
        for loose in (f for f in others if not f.is_dir()):
            loose.unlink(missing_ok=True)
        folders = sorted((f for f in others if f.is_dir()), key=lambda f: (f.stat().st_mtime, f.name), reverse=True)
        for folder in folders[OTHER_SALTS_KEPT:]:
            shutil.rmtree(folder, ignore_errors=True)
