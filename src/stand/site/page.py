"""A generated page, and what every kind of page is built with: the corpus, the templates and the view from the page.

Templates live in ``templates/`` (Jinja2, autoescape on); the page builders (one module per kind of
page, gathered by :mod:`stand.site.pages`) only choose and order the data. Inputs are iterated in a
fixed order (years, then ids), so the same data always gives the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..publish.corpus import Corpus
from .blocks import Block, cut_blocks, with_blocks
from .paging import Paged
from .render import View, environment, topic_links, without_controls

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml where installed: the same YAML, faster


@dataclass(frozen=True)
class Page:
    path: str  # e.g. "themas/focus-goed-en-duurzaam/index.md"
    title: str  # text, as the data has it; the plugin escapes it where it enters MkDocs
    description: str  # text, likewise
    markdown: str
    hide: tuple[str, ...] = ("navigation",)  # no page here is in the sidebar navigation: give its width to the content
    in_sitemap: bool = True  # a filtered view of the tracker is not a page of its own for the sitemap
    blocks: tuple[Block, ...] = ()  # HTML put in after Markdown, where the markdown holds their placeholders
    feeds: tuple[tuple[str, str], ...] = ()  # (path from the site root, title): Atom feeds the page's head links

    def source(self) -> str:
        """The Markdown file MkDocs reads: title and description as YAML front matter.

        Both stay plain text here (the YAML quotes whatever needs it); MkDocs and the theme take
        front matter as HTML, so ``StandPlugin.on_page_markdown`` escapes them when MkDocs reads them.
        """
        front = {"title": self.title, "description": self.description, "hide": list(self.hide)}
        front |= {} if self.in_sitemap else {"sitemap": False}
        front |= {"feeds": [{"href": href, "title": title} for href, title in self.feeds]} if self.feeds else {}
        meta = yaml.dump(front, Dumper=DUMPER, allow_unicode=True, width=1000, sort_keys=True)
        return f"---\n{meta}---\n{self.markdown}"

    def text(self) -> str:
        """The page's Markdown with its blocks in place: what a reader gets, before Markdown conversion."""
        return with_blocks(self.markdown, self.blocks)


class Builder:
    """What every page builder shares: the corpus, the templates and the topic links of every paragraph."""

    def __init__(self, corpus: Corpus, site_url: str) -> None:
        self.corpus = corpus
        self.site_url = site_url
        self.env = environment()
        self.links = topic_links(corpus)

    def view(self, base: str) -> View:
        """The data as seen from a page ``base`` away from the site root."""
        return View(self.corpus, base, self.site_url, self.links)

    def render(
        self, path: str, title: str, description: str, template: str, blocks: tuple[Block, ...] = (), **context: object
    ) -> Page:
        """A page from its template; its HTML (see :mod:`stand.site.blocks`) after ``blocks``, made beforehand."""
        view = self.view("../" * path.count("/"))
        markdown, blocks = cut_blocks(self.env.get_template(template).render(view=view, title=title, **context), blocks)
        return Page(f"{path}index.md", without_controls(title), without_controls(description), markdown, blocks=blocks)

    def overview(
        self,
        path: str,
        crumb: str,
        title: str,
        intro: str,
        description: str,
        template: str,
        data: tuple[str, str, str] | None = None,
        **context: object,
    ) -> Page:
        """An overview page: breadcrumbs, title, introduction and downloads, then its own content."""
        return self.render(path, crumb, description, template, crumb=crumb, h1=title, intro=intro, data=data, **context)


def newest_first(records: list[dict]) -> list[dict]:
    """Records the newest year first; within a year, as the reports have them."""
    return sorted(records, key=lambda r: -r["year"])


def page_title(title: str, paged: Paged) -> str:
    """A list's title, with the page number from page 2 on (every page its own title)."""
    return title if paged.pages == 1 else f"{title} (pagina {paged.number} van {paged.pages})"
