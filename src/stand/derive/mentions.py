"""Topic mentions: every place a glossary topic is named, with its character offset.

:class:`TopicFinder` is the one rule. The site links the first mention of each
topic in a paragraph from these records (offset and alias), so a page links
exactly the mentions the dataset lists. At one place the longest name wins: "DigiD Machtigen" is a mention of
DigiD Machtigen, not also of DigiD, unless the glossary says the product is
part of the topic (``part_of``); then the record says so (``via``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import PART_KINDS
from .text import Sentences, enclosing_examples, located, walk


def topic_pattern(alias: str) -> re.Pattern[str]:
    """An alias as a whole word ("DigiD" not inside "DigiD-app" or "xDigiD")."""
    return re.compile(rf"(?<![\w-]){re.escape(alias)}(?!\w)")


@dataclass(frozen=True)
class Mention:
    """One place a topic is named, by one of its aliases; ``via`` the product it was named through."""

    topic: str
    alias: str
    start: int
    end: int
    via: str | None = None


class TopicFinder:
    """The glossary's aliases compiled once.

    >>> finder = TopicFinder([{"id": "digid", "aliases": ["DigiD"]},
    ...                       {"id": "machtigen", "aliases": ["DigiD Machtigen"], "part_of": "digid"}])
    >>> [(m.topic, m.start, m.via) for m in finder.find_all("DigiD Machtigen is deel van DigiD.")]
    [('machtigen', 0, None), ('digid', 0, 'machtigen'), ('digid', 28, None)]
    """

    def __init__(self, topics: list[dict]) -> None:
        self.patterns = [(topic["id"], alias, topic_pattern(alias)) for topic in topics for alias in topic["aliases"]]
        self.part_of = {topic["id"]: topic["part_of"] for topic in topics if topic.get("part_of")}

    def find_all(self, text: str) -> list[Mention]:
        """Every mention in reading order; where names overlap, the longest wins."""
        found = sorted(
            (
                Mention(topic, alias, match.start(), match.end())
                for topic, alias, pattern in self.patterns
                for match in pattern.finditer(text)
            ),
            key=lambda m: (m.start, m.start - m.end),
        )
        kept: list[Mention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        with_parents = []
        for mention in kept:
            with_parents.append(mention)
            if mention.topic in self.part_of:
                with_parents.append(
                    Mention(self.part_of[mention.topic], mention.alias, mention.start, mention.end, via=mention.topic)
                )
        return with_parents


def mentions(report: dict, topics: list[dict]) -> list[dict]:
    """One record per mention, in paragraphs and in footnotes (placed at the paragraph that refers to the footnote)."""
    finder = TopicFinder(topics)
    examples = enclosing_examples(report)
    records = []
    for section, paragraph in walk(report):
        text = Sentences(paragraph["text"])
        for mention in finder.find_all(paragraph["text"]):
            records.append(record(report, section, paragraph, examples, text, mention, None))
    referring = {ref["footnote"]: (section, p) for section, p in walk(report) for ref in p.get("footnotes", [])}
    for footnote in report["footnotes"]:
        if footnote["id"] in referring:
            section, paragraph = referring[footnote["id"]]
            text = Sentences(footnote["text"])
            for mention in finder.find_all(footnote["text"]):
                records.append(record(report, section, paragraph, examples, text, mention, footnote["id"]))
    return sorted(records, key=lambda r: r["topic"])  # stable: reading order within a topic, footnotes last


def record(
    report: dict,
    section: dict,
    paragraph: dict,
    examples: dict,
    text: Sentences,
    mention: Mention,
    footnote: str | None,
) -> dict:
    return {
        "topic": mention.topic,
        **located(report, section, paragraph, examples),
        "footnote": footnote,
        "offset": mention.start,
        "alias": mention.alias,
        "via": mention.via,
        "sentence": text.at(mention.start),
    }


def example_topics(example: dict, report_mentions: list[dict], topics: list[dict]) -> list[str]:
    """Topics named in an example's title or any of its paragraphs."""
    own = set(example["paragraphs"]) | {p for kind in PART_KINDS for p in example[kind]}
    found = {m["topic"] for m in report_mentions if m["paragraph"] in own and m["footnote"] is None}
    found |= {m.topic for m in TopicFinder(topics).find_all(example["title"])}
    return sorted(found)
