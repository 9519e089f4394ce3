"""The MkDocs plugin: loads ``data/`` once, adds the generated pages and publishes the dataset.

Registered as the ``stand`` plugin (entry point ``mkdocs.plugins``) and
listed in mkdocs.yml before ``macros``, which reads the same loaded data
through :attr:`StandPlugin.corpus`. Pages and dataset files are added in
``on_files``, so navigation, the sitemap, link validation and
``mkdocs serve`` see them like any file in docs/. The dataset is built in a second process
while the pages are made (:mod:`stand.site.dataset_job`), and checked completely before any file is
added: a bad record stops the build. The search index is built beside MkDocs writing the pages and
put into the finished site (``on_post_build``, see :mod:`stand.site.search`). Generated pages that
are the same as in an earlier build are not converted again (:mod:`stand.site.generated`).

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

from jinja2 import ChoiceLoader, DictLoader, Environment
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
from ..publish.dataset import DatasetError
from ..publish.publication import Publication, address, load_publication
from ..publish.urls import site_base
from ..publish.versions import Version, VersionError, data_digest, dataset_version, releases
from .csp import checked_against_policy, content_security_policy
from .dataset_job import DatasetJob
from .footer import footer_facts, with_facts, with_placeholders
from .generated import FINISHED_TEMPLATE, GeneratedPages
from .page_cache import PageCache, build_salt
from .pagefind import IndexJob, SearchIndexError
from .pages import PageBuilder
from .render import environment, without_controls
from .search import search_aids, search_records

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
    facts: dict  # the version line and preview notice (see footer.with_placeholders)
    pages: GeneratedPages
    serving = False  # under `mkdocs serve`

    def __init__(self) -> None:
        super().__init__()
        self.jobs: list[DatasetJob | IndexJob] = []  # the processes working beside this build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(100)  # before the macros plugin, which reads the corpus in its own on_config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        data = self.root / self.config.data_dir
        try:
            self.corpus = Corpus.load(data)
            self.version = dataset_version(self.root / self.config.changelog, data_digest(data))
        except (SourceError, VersionError) as error:
            raise PluginError(str(error)) from error
        try:
            self.publication = load_publication(data)
        except SourceError as error:
            raise PluginError(str(error)) from error
        published = address(self.publication)
        self.site_url = site_base(published or config.site_url)
        config.site_url = self.site_url
        self.facts = footer_facts(self.version, releases(self.root / self.config.changelog), published is None)
        config.extra["stand"] = with_placeholders(self.facts)
        facts = (self.site_url, self.serving, self.facts["preview"], os.environ.get("SOURCE_DATE_EPOCH"))
        salt = build_salt(config, *facts)
        self.discard_jobs()  # of the last build under `mkdocs serve`
        self.pages = GeneratedPages(PageCache(self.root / ".cache" / "pages", salt))
        self.pages.listen(True)
        self.jobs.append(DatasetJob(self.root, self.site_url, self.corpus, self.version))  # as early as the data is known
        if not self.version.released:  # info, not warning: a preview must build under --strict; `stand site` warns
            log.info(f"preview build: no version in {self.config.changelog} names the data digest `{self.version.digest}`; marked {self.version.number}")
        return config

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        """`stand serve` rebuilds when the data changes (`make data`), not only when docs/ does."""
        server.watch(str(self.root / self.config.data_dir))
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The pages, made here while the dataset is built in its process (started in on_config); then the search index starts."""
        generated = [(page.path, self.pages.source(page)) for page in PageBuilder(self.corpus, self.site_url).all_pages()]
        generated += [(f"{old}index.html", redirect_page(old, new)) for old, new in permalinks.redirects(self.corpus.moved).items()]
        generated.append((SEARCH_AIDS, search_aids(self.corpus)))
        try:
            published = next(job for job in self.jobs if isinstance(job, DatasetJob)).files()
        except DatasetError as error:
            raise PluginError(f"dataset not published: {error}") from error
        for path, content in generated + [(f"{self.config.publish_dir}/{name}", source) for name, source in published.items()]:
            if files.get_file_from_path(path):
                raise PluginError(f"generated file {path} clashes with a hand-written file in docs/")
            if isinstance(content, Path):
                files.append(File.generated(config, path, abs_src_path=str(content)))
            else:
                files.append(File.generated(config, path, content=content))
        try:
            self.jobs.append(IndexJob(search_records(self.corpus), self.root))
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
        return files

    def discard_jobs(self) -> None:
        """The processes and folders of the last build, whether it finished or failed; its warnings no longer counted."""
        for job in self.jobs:
            job.discard()
        self.jobs = []
        if hasattr(self, "pages"):
            self.pages.listen(False)

    def on_build_error(self, *, error: Exception) -> None:
        self.discard_jobs()

    def on_shutdown(self) -> None:
        self.discard_jobs()

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """No clock time in the output: MkDocs dates every page with the build day, and that date
        becomes the timestamp in sitemap.xml.gz. SOURCE_DATE_EPOCH sets it where given, else 0."""
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
        page.update_date = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")
        self.pages.converting(page)
        return page

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Front matter title and description are text, on every page: escaped once, here (see :func:`as_html_text`)."""
        for key in ("title", "description"):
            if page.meta.get(key) is not None:
                page.meta[key] = as_html_text(page.meta[key])
        if page.file.src_uri in self.pages.finished:
            page.meta["template"] = FINISHED_TEMPLATE
        return without_controls(markdown)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.filters["content_security_policy"] = functools.partial(content_security_policy, live_reload=self.serving)  # overrides/main.html
        env.loader = ChoiceLoader([DictLoader({FINISHED_TEMPLATE: ""}), env.loader])  # a finished page is written in on_post_page
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """What MkDocs' anchor validation would know of a generated page had it converted all of it."""
        try:
            self.pages.converted(page, files)
        except (OSError, ValueError, KeyError) as error:
            raise PluginError(f"{page.file.src_uri}: a kept page in .cache/pages/ is unreadable ({error}); remove that folder and build again") from error
        return html

    @event_priority(-100)  # after every other plugin has changed the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The finished page: kept from an earlier build, or checked and kept for the next one."""
        name = page.file.src_uri
        try:
            finished = self.pages.finished_html(name) if name in self.pages.finished else None
        except OSError as error:
            raise PluginError(f"{name}: a kept page in .cache/pages/ is unreadable ({error}); remove that folder and build again") from error
        if finished is None:
            finished = checked_against_policy(without_controls(self.pages.with_blocks(name, output)), name)
            self.pages.keep(page, finished)
        return with_facts(finished, self.facts)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The search index, put into the finished site (under `mkdocs serve` too, after every rebuild)."""
        try:
            next(job for job in self.jobs if isinstance(job, IndexJob)).finish(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
        self.discard_jobs()
        self.pages.cache.prune()

    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """404.html is a page too; sitemap.xml is not HTML."""
        if template_name.endswith(".html"):
            return with_facts(checked_against_policy(without_controls(output_content), template_name), self.facts)
        return output_content
