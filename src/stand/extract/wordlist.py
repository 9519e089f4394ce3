"""The Dutch word list that decides OCR diacritic repairs.

Debian's ``wdutch`` package (the OpenTaal list, ~400,000 words) is used,
not a hand list, so a repair is only made when the repaired form is a real
Dutch word. ``STAND_WORDLIST`` points elsewhere if needed.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..errors import SourceError

DEFAULT_WORDLIST = Path("/usr/share/dict/dutch")


class WordList:
    """Case-insensitive membership in the Dutch word list."""

    def __init__(self, words: set[str], path: Path | None = None) -> None:
        self.words = words
        self.path = path
        self.lower = {word.lower() for word in words}

    def __contains__(self, word: str) -> bool:
        return word in self.words or word.lower() in self.lower


def wordlist_path(path: str | None = None) -> Path:
    """Where the list is read from (its bytes are part of the extractor's cache key)."""
    return Path(path or os.environ.get("STAND_WORDLIST") or DEFAULT_WORDLIST)


@lru_cache(maxsize=1)
def load_wordlist(path: str | None = None) -> WordList:
    """Load the list once per process; a missing list is a setup error, named."""
    location = wordlist_path(path)
    if not location.is_file():
        raise SourceError(
            location, "Dutch word list not found; install Debian's 'wdutch' (make setup does) or set STAND_WORDLIST"
        )
    return WordList(
        {line.strip() for line in location.read_text(encoding="utf-8").splitlines() if line.strip()}, location
    )
