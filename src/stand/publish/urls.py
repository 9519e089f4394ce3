"""The site's URL scheme: Dutch, stable, and with the organisation wherever two could collide.

Both the site and the dataset build links from these, so a record's link in
the dataset is the page the site really has.
"""

from __future__ import annotations

from ..model import SITE_TOP_LEVEL

__all__ = ["SITE_TOP_LEVEL", "example_path", "report_path", "site_base", "theme_path", "topic_path", "year_path"]


def site_base(site_url: str | None) -> str:
    """The published address with exactly one trailing slash, so paths append to it.

    >>> site_base("https://example.test/stand"), site_base(None)
    ('https://example.test/stand/', '/')
    """
    return (site_url or "/").rstrip("/") + "/"


def report_path(report: dict) -> str:
    """
    >>> report_path({"organisation_id": "logius", "year": 2023})
    'logius/2023/'
    """
    return f"{report['organisation_id']}/{report['year']}/"


def theme_path(theme_id: str) -> str:
    return f"themas/{theme_id}/"


def example_path(example_id: str) -> str:
    return f"voorbeelden/{example_id}/"


def topic_path(topic_id: str) -> str:
    return f"onderwerpen/{topic_id}/"


def year_path(year: int) -> str:
    return f"{year}/"
