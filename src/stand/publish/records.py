"""Every record type with its provenance: report, source file and checksum, page, paragraph, link."""

from __future__ import annotations

from ..model import PART_KINDS, local_anchor, open_review_items
from .corpus import Corpus
from .table_model import MENTION
from .urls import example_path, report_path, theme_path, topic_path


class RecordBuilder:
    """Turns the corpus into the records of the published JSON, each with its URL on the site."""

    def __init__(self, corpus: Corpus, base_url: str) -> None:
        self.corpus = corpus
        self.base_url = base_url

    def url(self, path: str) -> str:
        return self.base_url + path

    def paragraph_url(self, paragraph_id: str) -> str:
        return self.url(self.corpus.paragraph_path(paragraph_id))

    def provenance(self, report_id: str) -> dict:
        source = self.corpus.report_by_id[report_id]["source"]
        return {"source_file": source["file"], "source_sha256": source["sha256"]}

    def part(self, paragraph_id: str) -> dict:
        p = self.corpus.paragraph_by_id[paragraph_id]
        return {
            "id": p["id"],
            "page": p["page"],
            "pdf_page": p["pdf_page"],
            "text": p["text"],
            "url": self.paragraph_url(p["id"]),
        }

    def reports(self) -> list[dict]:
        keys = ("id", "organisation", "organisation_id", "year", "title", "subtitle", "license", "source", "signatory")
        return [
            {k: r[k] for k in keys} | {"reviewed": not open_review_items(r), "url": self.url(report_path(r))}
            for r in self.corpus.reports
        ]

    def sections(self) -> list[dict]:
        own = ("kind", "title", "heading", "theme", "parent", "page", "pdf_page")
        return [
            {"id": s["id"], "report": r["id"], "year": r["year"]}
            | {k: s[k] for k in own}
            | {
                "url": self.url(self.corpus.section_path(s["id"])),
                "paragraphs": [p | {"url": self.paragraph_url(p["id"])} for p in s["paragraphs"]],
            }
            for r in self.corpus.reports
            for s in r["sections"]
        ]

    def footnotes(self) -> list[dict]:
        return [
            f | {"report": r["id"], "url": self.url(f"{report_path(r)}#{local_anchor(r['id'], f['id'])}")}
            for r in self.corpus.reports
            for f in r["footnotes"]
        ]

    def repairs(self) -> list[dict]:
        """Every repair of the source's text, where it stands, in the order the extractor made them."""
        return [
            {"report": r["id"], "position": n, "where": fix["where"], "rule": fix["rule"]}
            | {"original": fix["original"], "repaired": fix["repaired"]}
            for r in self.corpus.reports
            for n, fix in enumerate(r["repairs"], start=1)
        ]

    def examples(self) -> list[dict]:
        return [
            {
                **{
                    k: e[k]
                    for k in (
                        "id",
                        "report",
                        "year",
                        "theme",
                        "more_themes",
                        "kind",
                        "title",
                        "heading",
                        "page",
                        "pdf_page",
                    )
                },
                "paragraphs": [self.part(p) for p in e["paragraphs"]],
                **{kind: [self.part(p) for p in e[kind]] for kind in PART_KINDS},
                "part_headings": e["part_headings"],
                "topics": e["topics"],
                **self.provenance(e["report"]),
                "url": self.url(example_path(e["id"])),
            }
            for e in self.corpus.examples
        ]

    def quoted(self, records: list[dict]) -> list[dict]:
        """Calls and figures: the record, its provenance and the link to its paragraph."""
        return [r | self.provenance(r["report"]) | {"url": self.paragraph_url(r["paragraph"])} for r in records]

    def topics(self) -> list[dict]:
        by_topic: dict[str, list[dict]] = {}
        for r in self.corpus.reports:
            for m in r["mentions"]:
                entry = {f.name: m[f.name] for f in MENTION}
                by_topic.setdefault(m["topic"], []).append(
                    entry | self.provenance(r["id"]) | {"url": self.paragraph_url(m["paragraph"])}
                )
        return [
            {k: t[k] for k in ("id", "name", "description", "aliases")}
            | {"mentions": by_topic.get(t["id"], []), "url": self.url(topic_path(t["id"]))}
            for t in self.corpus.topics
        ]


def build_records(corpus: Corpus, base_url: str) -> dict:
    """The records of the published JSON, in the order the schema lists them."""
    build = RecordBuilder(corpus, base_url)
    return {
        "reports": build.reports(),
        "themes": [t | {"url": build.url(theme_path(t["id"]))} for t in corpus.themes],
        "sections": build.sections(),
        "footnotes": build.footnotes(),
        "examples": build.examples(),
        "calls": build.quoted(corpus.calls),
        "figures": build.quoted(corpus.figures),
        "topics": build.topics(),
        "stories": [s | {"url": build.url(example_path(s["example"]))} for s in corpus.stories],
        "repairs": build.repairs(),
    }
