"""The MkDocs plugin: loads ``data/`` once, adds the generated pages and publishes the dataset.

Registered as the ``stand`` plugin (entry point ``mkdocs.plugins``) and
listed in mkdocs.yml before ``macros``, which reads the same loaded data
through :attr:`StandPlugin.corpus`. Pages and dataset files are added in
``on_files``, so navigation, the sitemap, link validation and
``mkdocs serve`` see them like any file in docs/. The dataset is checked
completely before any file is written (a bad record stops the build), then
written straight into the site one file at a time, so its 130 MB at 200
reports never sit in memory. Pagefind writes the search index into the site
beside MkDocs writing the pages (see :mod:`stand.site.search`), and the
build waits for it at the end (``on_post_build``).

Two more jobs happen where MkDocs hands pages over: front matter titles and
descriptions are escaped once as they enter MkDocs (``on_page_markdown``),
and every page carries a Content-Security-Policy that allows the theme's own
inline scripts by hash (the filter ``content_security_policy``, used by
overrides/main.html), checked against the finished page (``on_post_page``).
"""

from __future__ import annotations

import functools
import html
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..errors import SourceError
from ..publish import permalinks
from ..publish.corpus import Corpus
from ..publish.dataset import DatasetError, dataset_files
from ..publish.publication import Publication, address, load_publication
from ..publish.urls import site_base
from ..publish.versions import Version, VersionError, data_digest, dataset_version, releases
from .blocks import Block, with_blocks
from .csp import checked_against_policy, content_security_policy
from .downloads import FileSizes
from .feeds import feed_files
from .footer import footer_facts
from .pagefind import SearchIndex, SearchIndexError
from .pages import all_pages
from .render import environment, without_controls
from .search import search_aids, search_records
from .selection import DocxMissing, docx_files, selection_files

log = logging.getLogger("mkdocs.plugins.stand")

SEARCH_AIDS = "zoeken/zoekhulp.json"  # the search page's filter choices and suggestions (see search.search_aids)


def as_html_text(value: object) -> str:
    """A front matter value as MkDocs and the theme want it: HTML, here escaped text.

    MkDocs takes ``title`` as HTML, and Material prints ``title`` and ``description`` unescaped
    in <title>, the header, <meta name="description">, the navigation and the footer. Escaped once here,
    the text shows as its own characters everywhere, "&" included (the theme does not escape again).

    >>> as_html_text('A & B <img src=x onerror="x()">\\x00'), as_html_text("Thema’s")
    ('A &amp; B &lt;img src=x onerror=&quot;x()&quot;&gt;', 'Thema’s')
    """
    return html.escape(str(without_controls(str(value))), quote=True)


def redirect_page(old_path: str, new_path: str) -> str:
    """A page left at an old address that sends the reader (and search engines) to the new one."""
    return environment().get_template("redirect.html").render(href="../" * old_path.count("/") + new_path)


class StandConfig(Config):
    data_dir = config_options.Type(str, default="data")
    changelog = config_options.Type(str, default="CHANGELOG.md")
    # Where the dataset files go on the site.
    publish_dir = config_options.Type(str, default="data")


class StandPlugin(BasePlugin[StandConfig]):
    """Holds the loaded data for one build; the macros read it from here."""

    corpus: Corpus
    version: Version
    publication: Publication
    root: Path
    site_url: str
    blocks: dict[str, tuple[Block, ...]]  # by page source path: HTML put in as the page is written
    sizes: FileSizes  # the site's files, for the size beside each download
    index: SearchIndex | None = None  # Pagefind at work beside MkDocs
    serving = False  # under `mkdocs serve`

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(100)  # before the macros plugin, which reads the corpus in its own on_config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        data = self.root / self.config.data_dir
        try:
            self.corpus = Corpus.load(data)
            self.version = dataset_version(self.root / self.config.changelog, data_digest(data))
            self.publication = load_publication(data)
        except (SourceError, VersionError) as error:
            raise PluginError(str(error)) from error
        published = address(self.publication)
        self.site_url = site_base(published or config.site_url)
        config.site_url = self.site_url
        # The version line and the preview notice: overrides/partials/footer.html and overrides/main.html show them.
        config.extra["stand"] = footer_facts(
            self.version, releases(self.root / self.config.changelog), published is None
        )
        if not self.version.released:  # info, not warning: a preview must build under --strict; `stand site` warns
            log.info(
                f"preview build: no version in {self.config.changelog} names the data digest "
                f"`{self.version.digest}`; marked {self.version.number}"
            )
        return config

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        """`stand serve` rebuilds when the data changes (`make data`), not only when docs/ does."""
        server.watch(str(self.root / self.config.data_dir))
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Pagefind started; the dataset, written into the site as it is made (MkDocs copies nothing); the pages."""
        site_dir = Path(config.site_dir)
        self.sizes = FileSizes(site_dir)  # the size beside each download, read from the built file
        try:
            self.index = SearchIndex(search_records(self.corpus), self.root, site_dir)
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
        written = []
        try:
            for name, content in dataset_files(self.root, self.site_url, self.corpus, self.version):
                target = site_dir / self.config.publish_dir / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
                written.append((f"{self.config.publish_dir}/{name}", str(target)))
        except DatasetError as error:
            raise PluginError(f"dataset not published: {error}") from error
        for path, target in written:
            add(files, File.generated(config, path, abs_src_path=target))
        self.blocks = {}
        for page in all_pages(self.corpus, self.site_url):
            add(files, File.generated(config, page.path, content=page.source()))
            if page.blocks:
                self.blocks[page.path] = page.blocks
        for old, new in permalinks.redirects(self.corpus.moved).items():
            add(files, File.generated(config, f"{old}index.html", content=redirect_page(old, new)))
        add(files, File.generated(config, SEARCH_AIDS, content=search_aids(self.corpus)))
        # Follow a theme (Atom feeds), and what Mijn selectie and a theme's brief read in the browser.
        for path, content in (*feed_files(self.corpus, self.site_url), *selection_files(self.corpus, self.site_url)):
            add(files, File.generated(config, path, content=content))
        try:
            for path, source in docx_files(self.root):
                add(files, File.generated(config, path, abs_src_path=str(source)))
        except DocxMissing as error:
            raise PluginError(str(error)) from error
        return files

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """No clock time in the output: MkDocs dates every page with the build day, and that date
        becomes the timestamp in sitemap.xml.gz. SOURCE_DATE_EPOCH sets it where given, else 0."""
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
        page.update_date = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")
        return page

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Front matter title and description are text, on every page: escaped once, here (see :func:`as_html_text`)."""
        for key in ("title", "description"):
            if page.meta.get(key) is not None:
                page.meta[key] = as_html_text(page.meta[key])
        return without_controls(markdown)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        live_reload = self.serving
        env.filters["content_security_policy"] = functools.partial(content_security_policy, live_reload=live_reload)
        return env

    @event_priority(-100)  # after every other plugin has changed the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The finished page: its blocks in place, each download with its size, checked against its policy."""
        name = page.file.src_uri
        output = self.sizes.add_to(with_blocks(output, self.blocks.pop(name, ())), page.url)
        return checked_against_policy(without_controls(output), name)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The search index, finished (under `mkdocs serve` too, after every rebuild)."""
        try:
            self.index.finish()
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
        finally:
            self.discard_index()

    def discard_index(self) -> None:
        """Pagefind stopped, whether the build finished or failed."""
        if self.index is not None:
            self.index.discard()
            self.index = None

    def on_build_error(self, *, error: Exception) -> None:
        self.discard_index()

    def on_shutdown(self) -> None:
        self.discard_index()

    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """404.html is a page too; sitemap.xml is not HTML."""
        if template_name.endswith(".html"):
            return checked_against_policy(without_controls(output_content), template_name)
        return output_content


def add(files: Files, file: File) -> None:
    """A generated file, which must not take the place of a hand-written one in docs/."""
    if files.get_file_from_path(file.src_uri):
        raise PluginError(f"generated file {file.src_uri} clashes with a hand-written file in docs/")
    files.append(file)
