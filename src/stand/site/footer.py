"""What every page says about the data it shows: version, date, and whether it is a preview.

The plugin puts these facts in ``config.extra.stand``; overrides/main.html
shows the preview banner and overrides/partials/footer.html the version line.
"""

from __future__ import annotations

from ..publish.versions import Release, Version

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


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
        line = (
            f"Data: versie {version.number}, nog niet uitgebracht "
            f"(laatste uitgave: {newest.number} van {dutch_date(newest.date)})"
        )
    else:
        line = f"Data: versie {version.number}, nog niet uitgebracht"
    reasons = []
    if not version.released:
        reasons.append(f"de gegevens zijn nog niet uitgebracht (versie {version.number})")
    if no_address:
        reasons.append(
            "het adres van de site is niet opgegeven (SITE_URL), "
            "dus links in de data en in citaten wijzen naar een testadres"
        )
    return {"version_line": line, "preview": bool(reasons), "preview_reasons": reasons}
