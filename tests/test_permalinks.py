"""Permalinks that last: every record URL of a released version still finds its record."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from stand.publish.permalinks import split

RELEASES = sorted((ROOT / "data/permalinks").glob("*.txt"))
MOVED = {e["from"]: e["to"] for e in yaml.safe_load((ROOT / "data/permalinks/moved.yaml").read_text(encoding="utf-8"))["moved"]}


def published_urls(release: Path) -> list[str]:
    return [line for line in release.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def test_the_first_release_is_kept():
    assert [r.name for r in RELEASES][:1] == ["1.0.0.txt"]
    assert len(published_urls(RELEASES[0])) == 191


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.stem)
def test_every_published_url_still_finds_its_record(site, release):
    pages: dict[str, BeautifulSoup] = {}
    problems = []
    for url in published_urls(release):
        path, anchor = split(url)
        if path not in pages:
            pages[path] = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        if not anchor:
            continue
        target = pages[path].find(id=anchor)
        if target is None:
            problems.append(f"{url}: no element with this id")
        elif "svdu-alias" in target.get("class", []):
            new_path, new_anchor = split(MOVED[url])
            holder = target.parent  # the record itself, or (for a heading) the alias line just before it
            beside = holder.find_next_sibling()
            if new_path != path or new_anchor not in (holder.get("id"), beside and beside.get("id")):
                problems.append(f"{url}: the alias is not on {MOVED[url]}")
    assert problems == []


def test_a_moved_footnote_answers_to_its_old_anchor(site):
    soup = BeautifulSoup((site / "logius/2022/index.html").read_text(encoding="utf-8"), "html.parser")
    old = soup.find(id="voetnoot-5-1")
    assert old.parent.name == "li" and old.parent["id"] == "voetnoot-1-de-tweede-kamer-is"
    assert old.parent.get_text().startswith("De Tweede Kamer is op 27 juni en 18 oktober 2022 geïnformeerd")
