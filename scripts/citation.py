"""Write CITATION.cff from data/publication.yaml and the newest release in CHANGELOG.md (run after a release)."""

from pathlib import Path

from stand.publish.citation import citation_cff
from stand.publish.corpus import Corpus
from stand.publish.publication import load_publication
from stand.publish.versions import releases

ROOT = Path(__file__).resolve().parent.parent
text = citation_cff(
    load_publication(ROOT / "data"), releases(ROOT / "CHANGELOG.md")[0], Corpus.load(ROOT / "data").reports
)
(ROOT / "CITATION.cff").write_text(text, encoding="utf-8")
print("wrote: CITATION.cff")
