"""OCR repair of paragraph and heading text, every change recorded.

The rules only change what the evidence supports: a diacritic is restored
only when the repaired form is in the Dutch word list and the damaged form
is not; a letter case only for short function words in mid-sentence; a
digit only when the lettered form is a word. What the word list cannot
decide goes in ``data/corrections.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..io import CONTROLS
from .wordlist import WordList

WORD = re.compile(r"[^\W\d_]+")
FUNCTION_WORDS = frozenset(
    "aan als bij dat de die dit een en het in is met naar of om op te tot uit van voor wordt zijn".split()
)
SOFT_BREAK = "\u00ad"  # a reader's mark for a word the source broke over two lines
HARD_BREAK = "\u2011"  # a reader's mark for a typed hyphen at a line end
SENTENCE_END_TOKEN = re.compile(r"[.!?:][’'”\")]*$")


@dataclass(frozen=True)
class Change:
    """One repair: what the source said, what we print, and the rule that decided."""

    rule: str
    original: str
    repaired: str


@dataclass(frozen=True)
class Correction:
    """A hand-made correction from data/corrections.yaml."""

    find: str
    replace: str
    reason: str
    report: str | None = None


class Repairer:
    """Applies the repair rules in a fixed order to one text at a time."""

    def __init__(self, words: WordList, corrections: list[Correction], own_words: frozenset[str] = frozenset()) -> None:
        self.words = words
        self.own_words = own_words  # the document's own words where no line end breaks them ("Logius")
        self.corrections = corrections
        self.used_corrections: set[Correction] = set()

    # -- reflow -------------------------------------------------------------

    def reflow(self, lines: list[str]) -> tuple[str, list[Change]]:
        """Join a paragraph's lines, undoing end-of-line hyphenation.

        A hyphen at a line end goes only when the joined word is Dutch:

        >>> from stand.extract.wordlist import WordList
        >>> Repairer(WordList({"dienstverlening", "app"}), []).reflow(
        ...     ["de dienst-", "verlening en de A-", "status en de coronacheck-", "app"]
        ... )[0]
        'de dienstverlening en de A-status en de coronacheck-app'
        >>> Repairer(WordList(set()), []).reflow(["de Directeur-", "Generaal en wet-", "en regelgeving"])[0]
        'de Directeur-Generaal en wet- en regelgeving'

        A capitalised piece is a word broken in two where the whole is a word, the document's own word, or the
        piece is no word itself:

        >>> Repairer(WordList({"lo", "noord"}), [], frozenset({"Logius"})).reflow(
        ...     ["van Lo-", "gius, Em-", "ployer in Noord-", "brabant"]
        ... )[0]
        'van Logius, Employer in Noord-brabant'

        Two pieces neither of which is a word are one word broken in two; a compound keeps its hyphen:

        >>> Repairer(WordList({"app"}), []).reflow(["de ketenafhanke-", "lijkheden en de coronacheck-", "app"])[0]
        'de ketenafhankelijkheden en de coronacheck-app'
        """
        # ``text`` is the words since the last space between lines, ``done`` the rest: every step looks at the end
        # only, so a paragraph of any length is joined in linear time.
        text = lines[0].strip() if lines else ""
        done: list[str] = []
        changes: list[Change] = []
        for line in lines[1:]:
            line = line.strip()
            if len(text) > 200 and " " in text[-200:]:  # joined lines: what lies before the last word is done
                finished, _, text = text.rpartition(" ")
                done.append(finished)
            if text.endswith(SOFT_BREAK):  # the source broke this word itself: join, no hyphen to judge
                text = text[:-1] + line
                continue
            if text.endswith(HARD_BREAK):  # a typed hyphen stays ("wet- en regelgeving" keeps its space)
                text = text[:-1] + ("- " if line.split(" ", 1)[0] in ("en", "of") else "-") + line
                continue
            head = re.search(r"(\S{1,100})-$", text[-101:])
            next_word = line.split(" ", 1)[0]
            if head and head.group(1)[-1:].isalpha() and next_word[:1].isupper():
                # a compound with a capital after its hyphen ("Directeur-Generaal") breaks only there
                text = f"{text}{line}"
            elif head and next_word[:1].islower() and next_word not in ("en", "of"):
                prefix = head.group(1).lstrip("(‘“\"'[")
                whole = self.broken_word(prefix, next_word)
                if not whole:
                    text = f"{text}{line}"  # a real compound ("IT-dienstverleners", "coronacheck-app"): keep the hyphen
                else:
                    joined = f"{prefix}{next_word}"
                    changes.append(Change("dehyphenate", f"{prefix}- {next_word}", joined))
                    text = f"{text[:-1]}{line}"
            else:
                done.append(text)
                text = line
        return " ".join(" ".join([*done, text]).replace(SOFT_BREAK, "").split()), changes

    def broken_word(self, prefix: str, next_word: str) -> bool:
        """Whether ``prefix-`` at a line end and ``next_word`` are one word the line broke (else a compound)."""
        joined = f"{prefix}{next_word}".rstrip(".,;:!?)’”")
        if prefix[:1].isupper() and prefix[1:].isalpha() and prefix[1:].islower():  # a name, a first word
            return joined in self.words or joined in self.own_words or prefix.lower() not in self.words
        typed = any(c.isupper() or c.isdigit() for c in prefix) or len(prefix) == 1 or vowel_clash(prefix, next_word)
        rest = next_word.rstrip(".,;:!?)’”")
        pieces = prefix not in self.words and rest not in self.words  # "ketenafhanke-", "lijkheden"
        return not typed and (joined in self.words or joined in self.own_words or pieces)

    # -- text rules ---------------------------------------------------------

    def repair(self, text: str, report: str) -> tuple[str, list[Change]]:
        changes: list[Change] = []
        for rule in (
            strip_controls,
            self.fix_quotes,
            lambda t: self.apply_corrections(t, report),
            self.fix_digits,
            self.fix_case,
            self.fix_diacritics,
        ):
            text, found = rule(text)
            changes.extend(found)
        return text, changes

    def fix_quotes(self, text: str) -> tuple[str, list[Change]]:
        """Doubled or straight quote marks from OCR become one typographic mark."""
        changes = []

        def record(rule: str, pattern: str, replacement, text: str) -> str:
            def substitute(match: re.Match[str]) -> str:
                new = replacement(match) if callable(replacement) else replacement
                context = text[max(0, match.start() - 12) : match.end() + 12]
                changes.append(Change(rule, context, context.replace(match.group(0), new, 1)))
                return new

            return re.sub(pattern, substitute, text)

        text = record("quotes", r"’'|'’|’”", "’", text)
        text = record("quotes", r"(?<![\w’])'(?=\w)", "‘", text)
        text = record("quotes", r"'", "’", text)
        return text, changes

    def apply_corrections(self, text: str, report: str) -> tuple[str, list[Change]]:
        changes = []
        for correction in self.corrections:
            if correction.report not in (None, report) or correction.find not in text:
                continue
            text = text.replace(correction.find, correction.replace)
            self.used_corrections.add(correction)
            changes.append(Change(f"correction: {correction.reason}", correction.find, correction.replace))
        return text, changes

    def fix_digits(self, text: str) -> tuple[str, list[Change]]:
        """``Z0 kent`` -> ``Zo kent``: a 0 or 1 inside letters, when that makes a word."""
        changes = []

        def substitute(match: re.Match[str]) -> str:
            token = match.group(0)
            candidate = token.replace("0", "o").replace("1", "l")
            if candidate != token and candidate in self.words and token not in self.words:
                changes.append(Change("digit-for-letter", token, candidate))
                return candidate
            return token

        return re.sub(r"\b(?=\w*[A-Za-z])(?=\w*[01])[A-Za-z01]{2,}\b", substitute, text), changes

    def fix_case(self, text: str) -> tuple[str, list[Change]]:
        """``goed IS gegaan`` -> ``goed is gegaan``; ``advies Op onze`` -> ``advies op onze``."""
        tokens = text.split(" ")
        changes = []
        for i in range(1, len(tokens) - 1):
            token, before, after = tokens[i], tokens[i - 1], tokens[i + 1]
            lower = token.lower()
            if lower not in FUNCTION_WORDS or token == lower or SENTENCE_END_TOKEN.search(before):
                continue
            if not (before[-1:].isalpha() and before[-1].islower() and after[:1].islower()):
                continue
            changes.append(Change("letter-case", f"{before} {token} {after}", f"{before} {lower} {after}"))
            tokens[i] = lower
        return " ".join(tokens), changes

    def fix_diacritics(self, text: str) -> tuple[str, list[Change]]:
        """``financiéle`` -> ``financiële``: restore ë/ï where only that gives a Dutch word."""
        changes = []

        def substitute(match: re.Match[str]) -> str:
            word = match.group(0)
            if word in self.words:
                return word
            candidates = sorted({c for c in diaeresis_candidates(word) if c in self.words})
            if len(candidates) == 1:
                changes.append(Change("diacritics", word, candidates[0]))
                return candidates[0]
            return word

        return WORD.sub(substitute, text), changes


# Vowel pairs that would read as one sound if two parts of a compound were written together:
# Dutch spelling keeps the hyphen there ("zee-egel", "auto-ongeluk", "zij-instromers").
CLASHING_VOWELS = frozenset("aa ae ai au ee ei eu ie ii oe oi oo ou ui uu".split())


def strip_controls(text: str) -> tuple[str, list[Change]]:
    """Remove control and bidi characters (:data:`stand.io.CONTROLS`), each removal logged with its place.

    >>> text, changes = strip_controls("Dit\\x00 is\\u202e tekst")
    >>> text, [change.rule for change in changes]
    ('Dit is tekst', ['control-characters'])
    """
    if not CONTROLS.search(text):
        return text, []
    shown = CONTROLS.sub(lambda m: repr(m.group(0)), text)
    clean = CONTROLS.sub("", text)
    return clean, [Change("control-characters", shown[:200], clean[:200])]


def vowel_clash(prefix: str, suffix: str) -> bool:
    """Would joining the parts put two vowels together that Dutch spelling keeps apart with a hyphen?

    >>> [vowel_clash(*parts)
    ...  for parts in (("zij", "instromers"), ("zee", "egel"), ("dienst", "verlening"), ("risico", "analyses"))]
    [True, True, False, False]
    """
    if not prefix or not suffix:
        return False
    end, start = prefix[-1].lower(), suffix[0].lower()
    return end + start in CLASHING_VOWELS or prefix.lower().endswith("ij") and start in "ie"


def diaeresis_candidates(word: str) -> set[str]:
    """Forms of ``word`` with one trema restored (or every é read as ë).

    >>> "ideeën" in diaeresis_candidates("ideeén")
    True
    """
    candidates = {word.replace("é", "ë")} if "é" in word else set()
    for i, char in enumerate(word):
        for damaged, repaired in (("é", "ë"), ("e", "ë"), ("i", "ï")):
            if char == damaged:
                candidates.add(word[:i] + repaired + word[i + 1 :])
    candidates.discard(word)
    return candidates
