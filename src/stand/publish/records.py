"""Every record type with its provenance: report, source file and checksum, page, paragraph, link."""

from __future__ import annotations

from ..model import PART_KINDS, local_anchor
from .corpus import Corpus
from .urls import example_path, report_path, theme_path, topic_path


def build_records(corpus: Corpus, base_url: str) -> dict:
    """The records of the published JSON, each with its URL on the site and its provenance."""

    def url(path: str) -> str:
        return base_url + path

    def provenance(report_id: str) -> dict:
        source = corpus.report_by_id[report_id]["source"]
        return {"source_file": source["file"], "source_sha256": source["sha256"]}

    def part(paragraph_id: str) -> dict:
        p = corpus.paragraph_by_id[paragraph_id]
        return {"id": p["id"], "page": p["page"], "text": p["text"], "url": url(corpus.paragraph_path(p["id"]))}

    reports = [
        {k: r[k] for k in ("id", "organisation", "organisation_id", "year", "title", "subtitle", "license", "source", "signatory")}
        | {"url": url(report_path(r))}
        for r in corpus.reports
    ]
    themes = [t | {"url": url(theme_path(t["id"]))} for t in corpus.themes]
    sections = [
        {
            "id": s["id"], "report": r["id"], "year": r["year"], "kind": s["kind"], "title": s["title"],
            "heading": s["heading"], "theme": s["theme"], "parent": s["parent"], "page": s["page"],
            "url": url(corpus.section_path(s["id"])),
            "paragraphs": [p | {"url": url(corpus.paragraph_path(p["id"]))} for p in s["paragraphs"]],
        }
        for r in corpus.reports
        for s in r["sections"]
    ]
    footnotes = [
        f | {"report": r["id"], "url": url(f"{report_path(r)}#{local_anchor(r['id'], f['id'])}")}
        for r in corpus.reports
        for f in r["footnotes"]
    ]
    examples = [
        {
            **{k: e[k] for k in ("id", "report", "year", "theme", "kind", "title", "heading", "page")},
            "paragraphs": [part(p) for p in e["paragraphs"]],
            **{kind: [part(p) for p in e[kind]] for kind in PART_KINDS},
            "part_headings": e["part_headings"],
            "topics": e["topics"],
            **provenance(e["report"]),
            "url": url(example_path(e["id"])),
        }
        for e in corpus.examples
    ]
    calls = [c | provenance(c["report"]) | {"url": url(corpus.paragraph_path(c["paragraph"]))} for c in corpus.calls]
    figures = [f | provenance(f["report"]) | {"url": url(corpus.paragraph_path(f["paragraph"]))} for f in corpus.figures]
    mentions_by_topic: dict[str, list[dict]] = {}
    for r in corpus.reports:
        for m in r["mentions"]:
            entry = {k: m[k] for k in ("report", "year", "theme", "section", "paragraph", "page", "alias", "sentence")}
            mentions_by_topic.setdefault(m["topic"], []).append(entry | provenance(r["id"]) | {"url": url(corpus.paragraph_path(m["paragraph"]))})
    topics = [
        {k: t[k] for k in ("id", "name", "description", "aliases")} | {"mentions": mentions_by_topic.get(t["id"], []), "url": url(topic_path(t["id"]))}
        for t in corpus.topics
    ]
    return {
        "reports": reports, "themes": themes, "sections": sections, "footnotes": footnotes,
        "examples": examples, "calls": calls, "figures": figures, "topics": topics,
    }
