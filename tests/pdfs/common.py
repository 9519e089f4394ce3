"""What both PDF generators share: Debian's headless Chromium (a fresh profile, no network, never a
download), the command line, the report's chapters, and paragraphs as HTML."""

from __future__ import annotations

import argparse
import html
import itertools
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def start_chromium(profile: Path, *extra: str) -> webdriver.Chrome:
    """Chromium (or the one CHROME_BIN names) with its chromedriver, the profile in ``profile``."""
    binary, driver = shutil.which(os.environ.get("CHROME_BIN", "chromium")), shutil.which("chromedriver")
    if not (binary and driver):
        raise RuntimeError("needs chromium and chromedriver: apt-get install chromium chromium-driver")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look for browsers or drivers online
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (*FLAGS, *extra, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(executable_path=driver))


def command_line(description: str, make: Callable[[Path, Path, str], Path], variants: list[str]) -> None:
    """The generators' command line: report YAML in, PDF out, one of the variants."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("report_yaml", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--variant", choices=variants, default="a")
    args = parser.parse_args()
    print(make(args.report_yaml, args.out, args.variant))


def chapters(report: dict) -> list[list[dict]]:
    """The report's sections grouped per chapter: each top-level section with the sections after it."""
    groups: list[list[dict]] = []
    for section in report["sections"]:
        if section["parent"] is None:
            groups.append([])
        groups[-1].append(section)
    return groups


def inline(paragraph: dict, escape: Callable[[str], str] = html.escape) -> str:
    """The paragraph's text as HTML (``escape`` turns text into markup), a ``<sup>`` marker at each footnote's offset.

    >>> inline({"text": "Logius & KOOP", "footnotes": [{"number": 1, "offset": 6}]})
    'Logius<sup>1</sup> &amp; KOOP'
    """
    text, start, out = paragraph["text"], 0, []
    for note in sorted(paragraph.get("footnotes") or [], key=lambda n: n["offset"]):
        out += [escape(text[start : note["offset"]]), f"<sup>{note['number']}</sup>"]
        start = note["offset"]
    return "".join(out) + escape(text[start:])


def paragraphs_html(paragraphs: list[dict], escape: Callable[[str], str] = html.escape) -> str:
    """Paragraphs as ``<p>``; a run of list items as one ``<ul>``."""
    out = []
    for is_list, run in itertools.groupby(paragraphs, key=lambda p: bool(p.get("list_item"))):
        items = [inline(p, escape) for p in run]
        out += (
            ["<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"] if is_list else [f"<p>{i}</p>" for i in items]
        )
    return "\n".join(out)
