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


def is_address(base_url: str) -> bool:
    """Whether the site's base is a web address, not a path from the site's root (an address not known yet): only
    an address is a URI, a homepage or something to cite.

    >>> is_address("https://example.test/stand/"), is_address("/")
    (True, False)
    """
    return base_url.startswith(("http://", "https://"))


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
