"""Topic mentions: where each glossary topic is named.

:func:`find_mentions` is the one rule; the records here and the topic links
on the site both use it, so a page links exactly the mentions the dataset
lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import PART_KINDS
from .text import enclosing_examples, located, sentence_at, walk


def topic_pattern(alias: str) -> re.Pattern[str]:
    """An alias as a whole word ("DigiD" not inside "DigiD-app" or "xDigiD")."""
    return re.compile(rf"(?<![\w-]){re.escape(alias)}(?!\w)")


@dataclass(frozen=True)
class Mention:
    """The first place a topic is named in a text, by one of its aliases."""

    topic: str
    alias: str
    start: int
    end: int


class TopicFinder:
    """The glossary's aliases compiled once; finds the first mention of each topic in a text.

    >>> finder = TopicFinder([{"id": "digid", "aliases": ["DigiD"]}])
    >>> finder.find("Inloggen met DigiD gaat goed.")
    [Mention(topic='digid', alias='DigiD', start=13, end=18)]
    """

    def __init__(self, topics: list[dict]) -> None:
        self.patterns = [(topic["id"], alias, topic_pattern(alias)) for topic in topics for alias in topic["aliases"]]

    def find(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        seen: set[str] = set()
        for topic_id, alias, pattern in self.patterns:
            match = pattern.search(text)
            if topic_id in seen or not match:
                continue
            seen.add(topic_id)
            found.append(Mention(topic_id, alias, match.start(), match.end()))
        return found


def mentions(report: dict, topics: list[dict]) -> list[dict]:
    """One record per topic and paragraph, sorted by topic (reading order within a topic)."""
    finder = TopicFinder(topics)
    records = []
    examples = enclosing_examples(report)
    for section, paragraph in walk(report):
        for mention in finder.find(paragraph["text"]):
            records.append(
                {
                    "topic": mention.topic,
                    **located(report, section, paragraph, examples),
                    "alias": mention.alias,
                    "sentence": sentence_at(paragraph["text"], mention.start),
                }
            )
    return sorted(records, key=lambda r: r["topic"])


def example_topics(example: dict, report_mentions: list[dict], topics: list[dict]) -> list[str]:
    """Topics named in an example's title or any of its paragraphs."""
    own = set(example["paragraphs"]) | {p for kind in PART_KINDS for p in example[kind]}
    found = {m["topic"] for m in report_mentions if m["paragraph"] in own}
    found |= {m.topic for m in TopicFinder(topics).find(example["title"])}
    return sorted(found)
