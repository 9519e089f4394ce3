"""The MkDocs plugin: loads ``data/`` once, adds the generated pages and publishes the dataset.

Registered as the ``stand`` plugin (entry point ``mkdocs.plugins``) and
listed in mkdocs.yml before ``macros``, which reads the same loaded data
through :attr:`StandPlugin.corpus`. Pages and dataset files are added in
``on_files``, so navigation, the sitemap, link validation and
``mkdocs serve`` see them like any file in docs/. The search index is written
into the finished site (``on_post_build``, see :mod:`stand.site.search`). The dataset is built and
checked completely before any file is added: a bad record stops the build.

Two more jobs happen where MkDocs hands pages over: front matter titles and
descriptions are escaped once as they enter MkDocs (``on_page_markdown``),
and every page carries a Content-Security-Policy that allows the theme's own
inline scripts by hash (the filter ``content_security_policy``, used by
overrides/main.html), checked against the finished page (``on_post_page``).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import logging
import os
import re
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
from ..publish.dataset import DatasetError, build_files
from ..publish.publication import Publication, address, load_publication
from ..publish.urls import site_base
from ..publish.versions import Version, VersionError, data_digest, dataset_version, releases
from .footer import footer_facts
from .pagefind import SearchIndexError, write_index
from .pages import PageBuilder
from .render import environment, without_controls
from .search import search_aids, search_records

log = logging.getLogger("mkdocs.plugins.stand")

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}
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


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script a browser would run, in page order.

    Data blocks (``application/json``, ``application/ld+json``) never run, so CSP does not concern them.

    >>> inline_scripts('<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>')
    ['a()']
    """
    found = []
    for attributes, text in INLINE_SCRIPT.findall(page):
        kind = SCRIPT_TYPE.search(attributes)
        if re.search(r"\bsrc\s*=", attributes, re.IGNORECASE) or (kind and kind.group(1).lower() not in JAVASCRIPT_TYPES):
            continue
        found.append(text)
    return found


def script_hash(text: str) -> str:
    """The CSP source that allows exactly this inline script.

    >>> script_hash("a()")
    "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"
    """
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(theme_scripts: str, webassembly: bool = False, live_reload: bool = False) -> str:
    """The policy of a page, given the theme's own inline scripts as rendered for that page.

    A Jinja filter: overrides/main.html renders the theme's script partials with the page's
    context and passes the result here, so the hashes are those of the theme's scripts for that
    page (they differ with the page's depth) and never of anything that came from the data.

    ``webassembly`` is for the search page only (front matter ``search: true``): Pagefind's engine is
    WebAssembly, which a browser compiles only under 'wasm-unsafe-eval'. That keyword allows
    WebAssembly and nothing else: no eval() of JavaScript, no inline script.

    ``live_reload`` is for ``mkdocs serve`` only, which adds an inline script of its own to every
    page it serves, different each time: there inline scripts are allowed. A build never has it.

    >>> policy = content_security_policy("<script>a()</script>")
    >>> "script-src 'self' " + script_hash("a()") + ";" in policy, "'unsafe-inline'" in policy.split("style-src")[0]
    (True, False)
    >>> "script-src 'self' 'wasm-unsafe-eval';" in content_security_policy("", webassembly=True), "wasm" in policy
    (True, False)
    """
    hashes = list(dict.fromkeys(script_hash(text) for text in inline_scripts(theme_scripts)))
    own = ["'self'", "'wasm-unsafe-eval'"] if webassembly else ["'self'"]
    directives = [
        "default-src 'self'",
        # No 'unsafe-inline' and no 'unsafe-eval': the theme's few inline scripts run by their hashes;
        # a script or event handler that slipped into the text would not. Search runs in a worker, a file of this site.
        "script-src " + " ".join([*own, "'unsafe-inline'"] if live_reload else [*own, *hashes]),
        "worker-src 'self'",
        # Styles: only this site's style sheets. Material 9.7 sets styles from script through the CSSOM
        # (element.style), which CSP does not restrict, and prints no style attribute or <style> (fonts
        # are off). Should a theme update need inline styles, add 'unsafe-inline' here, to styles only.
        "style-src 'self'",
        "img-src 'self' data:",  # the theme's icons in its style sheet are data: URIs
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    policy = "; ".join(directives)
    assert not set(policy) & set('"<>&'), policy  # keywords and base64 only: safe in an attribute as is
    return policy


def checked_against_policy(page: str, name: str) -> str:
    """The finished page, if its policy comes before any script and allows every inline script in it.

    Anything else means a script the theme did not write, or a theme that changed: the build stops.
    """
    meta = CSP_META.search(page)
    first_script = page.lower().find("<script")
    if meta is None or meta.start() > page.find("</head>") or 0 <= first_script < meta.start():
        raise PluginError(f"{name}: no Content-Security-Policy before the first script; is overrides/main.html in use?")
    directives = {d.split()[0]: d.split()[1:] for d in meta.group(1).split(";") if d.strip()}
    allowed = set(directives.get("script-src", []))
    if "'unsafe-inline'" in allowed:
        return page  # `mkdocs serve` (see content_security_policy)
    for text in inline_scripts(page):
        if script_hash(text) not in allowed:
            raise PluginError(f"{name}: an inline script the Content-Security-Policy does not allow: {text[:80]!r}")
    return page


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
    serving = False  # under `mkdocs serve`

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(100)  # before the macros plugin, which reads the corpus in its own on_config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        data = self.root / self.config.data_dir
        try:
            self.corpus = Corpus.load(data, self.root / ".cache" / "corpus")
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
        config.extra["stand"] = footer_facts(self.version, releases(self.root / self.config.changelog), published is None)
        if not self.version.released:  # info, not warning: a preview must build under --strict; `stand site` warns
            log.info(f"preview build: no version in {self.config.changelog} names the data digest `{self.version.digest}`; marked {self.version.number}")
        return config

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        """`stand serve` rebuilds when the data changes (`make data`), not only when docs/ does."""
        server.watch(str(self.root / self.config.data_dir))
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            dataset = build_files(self.root, self.site_url, self.corpus, self.version)
        except DatasetError as error:
            raise PluginError(f"dataset not published: {error}") from error
        generated = [(page.path, page.source()) for page in PageBuilder(self.corpus, self.site_url).all_pages()]
        generated += [(f"{self.config.publish_dir}/{name}", content) for name, content in dataset.items()]
        generated += [(f"{old}index.html", redirect_page(old, new)) for old, new in permalinks.redirects(self.corpus.moved).items()]
        generated.append((SEARCH_AIDS, search_aids(self.corpus)))
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

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Front matter title and description are text, on every page: escaped once, here (see :func:`as_html_text`)."""
        for key in ("title", "description"):
            if page.meta.get(key) is not None:
                page.meta[key] = as_html_text(page.meta[key])
        return without_controls(markdown)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.filters["content_security_policy"] = functools.partial(content_security_policy, live_reload=self.serving)  # overrides/main.html
        return env

    @event_priority(-100)  # after every other plugin has changed the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return checked_against_policy(without_controls(output), page.file.src_uri)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The search index, written into the finished site (under `mkdocs serve` too, after every rebuild)."""
        try:
            write_index(search_records(self.corpus), Path(config.site_dir), self.root)
        except SearchIndexError as error:
            raise PluginError(str(error)) from error

    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """404.html is a page too; sitemap.xml is not HTML."""
        if template_name.endswith(".html"):
            return checked_against_policy(without_controls(output_content), template_name)
        return output_content
