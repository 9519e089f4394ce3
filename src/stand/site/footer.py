"""What every page says about the data it shows: version, date, and whether it is a preview.

The plugin puts these facts in ``config.extra.stand``; overrides/main.html
shows the preview banner and overrides/partials/footer.html the version line.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..publish.versions import Release, Version

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def dutch_date(iso: str) -> str:
    """
    >>> dutch_date("2026-11-03")
    '3 november 2026'
    """
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def footer_facts(version: Version, history: list[Release], no_address: bool) -> dict:
    """The version line for the footer and, for a preview, why it is one (both reasons when both hold)."""
    released = next((r for r in history if r.number == version.number), None)
    newest = next((r for r in history if r.date), None)
    if released and released.date:
        line = f"Data: versie {version.number} van {dutch_date(released.date)}"
    elif newest:
        line = f"Data: versie {version.number}, nog niet uitgebracht (laatste uitgave: {newest.number} van {dutch_date(newest.date)})"
    else:
        line = f"Data: versie {version.number}, nog niet uitgebracht"
    reasons = []
    if not version.released:
        reasons.append(f"de gegevens zijn nog niet uitgebracht (versie {version.number})")
    if no_address:
        reasons.append("het adres van de site is niet opgegeven (SITE_URL), dus links in de data en in citaten wijzen naar een testadres")
    return {"version_line": line, "preview": bool(reasons), "preview_reasons": reasons}


# What a page shows of the facts above, as placeholders: the facts change with every data change and
# say nothing of the page, so a finished page is kept (stand.site.page_cache) with these in their place.
# As Markup they print as they are; text from the data never holds "<!--" (it is autoescaped).
VERSION_LINE = Markup("<!-- stand-version-line -->")
PREVIEW_REASONS = Markup("<!-- stand-preview-reasons -->")


def with_placeholders(facts: dict) -> dict:
    """The facts as the templates get them: the texts replaced by placeholders, the preview flag kept."""
    return facts | {"version_line": VERSION_LINE, "preview_reasons": [PREVIEW_REASONS]}


def with_facts(page: str, facts: dict) -> str:
    """A finished page with the facts in place of their placeholders, escaped as the templates would.

    >>> with_facts("<p><!-- stand-version-line --></p>", {"version_line": "versie 1 & 2", "preview_reasons": []})
    '<p>versie 1 &amp; 2</p>'
    """
    page = page.replace(VERSION_LINE, str(escape(facts["version_line"])))
    return page.replace(PREVIEW_REASONS, str(escape("; ".join(facts["preview_reasons"]))))
