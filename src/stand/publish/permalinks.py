"""Permalinks that last: where a published URL that moved now points.

Kamerleden put paragraph links in motions, so a URL of a released version
must keep resolving. ``data/permalinks/moved.yaml`` lists the ones that
moved; the site gives each old anchor to the record's new place and, where
a whole page moved, leaves a redirect page at the old address.
"""

from __future__ import annotations

from collections import defaultdict


def split(url: str) -> tuple[str, str]:
    """
    >>> split("logius/2022/#voetnoot-1-1"), split("themas/x/")
    (('logius/2022/', 'voetnoot-1-1'), ('themas/x/', ''))
    """
    path, _, anchor = url.partition("#")
    return path, anchor


def aliases(moved: list[dict]) -> dict[str, dict[str, list[str]]]:
    """For each page, the old anchors each new anchor also answers to: {path: {new: [old, ...]}}."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for entry in moved:
        (old_path, old_anchor), (new_path, new_anchor) = split(entry["from"]), split(entry["to"])
        if old_anchor and (old_path, old_anchor) != (new_path, new_anchor):
            found[new_path][new_anchor].append(old_anchor)
    return {path: dict(anchors) for path, anchors in found.items()}


def redirects(moved: list[dict]) -> dict[str, str]:
    """Old pages that moved as a whole: {old path: new path}."""
    return {
        split(e["from"])[0]: split(e["to"])[0]
        for e in moved
        if split(e["from"])[0] != split(e["to"])[0] and not split(e["from"])[1]
    }
