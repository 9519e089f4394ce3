"""The MkDocs plugin: loads ``data/`` once, adds the generated pages and publishes the dataset.

Registered as the ``stand`` plugin (entry point ``mkdocs.plugins``) and
listed in mkdocs.yml before ``macros``, which reads the same loaded data
through :attr:`StandPlugin.corpus`. Pages and dataset files are added in
``on_files``, so navigation, search, the sitemap, link validation and
``mkdocs serve`` see them like any file in docs/. The dataset is built and
checked completely before any file is added: a bad record stops the build.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..publish import permalinks
from ..publish.corpus import Corpus
from ..publish.dataset import DatasetError, build_files
from ..publish.urls import site_base
from ..publish.versions import Version, data_digest, dataset_version
from .pages import PageBuilder, environment

log = logging.getLogger("mkdocs.plugins.stand")


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
    root: Path
    site_url: str

    @event_priority(100)  # before the macros plugin, which reads the corpus in its own on_config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        data = self.root / self.config.data_dir
        self.corpus = Corpus.load(data)
        self.version = dataset_version(self.root / self.config.changelog, data_digest(data))
        self.site_url = site_base(config.site_url)
        if not self.version.released:  # info, not warning: a preview must build under --strict; `stand site` warns
            log.info(f"preview build: no version in {self.config.changelog} names the data digest `{self.version.digest}`; marked {self.version.number}")
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            dataset = build_files(self.root, self.site_url, self.corpus, self.version)
        except DatasetError as error:
            raise PluginError(f"dataset not published: {error}") from error
        generated = [(page.path, page.source()) for page in PageBuilder(self.corpus, self.site_url).all_pages()]
        generated += [(f"{self.config.publish_dir}/{name}", content) for name, content in dataset.items()]
        generated += [(f"{old}index.html", redirect_page(old, new)) for old, new in permalinks.redirects(self.corpus.moved).items()]
        for path, content in generated:
            if files.get_file_from_path(path):
                raise PluginError(f"generated file {path} clashes with a hand-written file in docs/")
            files.append(File.generated(config, path, content=content))
        return files

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """No clock time in the output: MkDocs dates every page with the build day, and that date
        becomes the timestamp in sitemap.xml.gz. SOURCE_DATE_EPOCH sets it where given, else 0."""
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
        page.update_date = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")
        return page
