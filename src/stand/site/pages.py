"""Every generated page, one builder module per kind of page, in a fixed order."""

from __future__ import annotations

from collections.abc import Iterator

from ..publish.corpus import Corpus
from .example_pages import example_pages
from .figure_pages import figure_pages
from .page import Builder, Page
from .report_pages import report_pages
from .theme_pages import theme_pages
from .topic_pages import topic_pages
from .tracker import tracker_pages_of

KINDS = (report_pages, theme_pages, example_pages, topic_pages, tracker_pages_of, figure_pages)


def all_pages(corpus: Corpus, site_url: str) -> Iterator[Page]:
    builder = Builder(corpus, site_url)
    for kind in KINDS:
        yield from kind(builder)
