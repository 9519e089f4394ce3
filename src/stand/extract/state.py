"""What the last run of ``stand extract`` read and wrote, so a run with nothing to do stops early.

A run records, in ``.cache/extract/state.json``, the key of each report's
inputs (the source's checksum, its manifest entry, the vocabulary, the
corrections, the curation and the extractor's own code, see
:func:`report_key`) and the SHA-256 of every file it left in ``data/``. The
next run compares digests instead of extracting and serialising every report
again: when every input key is the same and every file in ``data/`` still has
its recorded digest, nothing changed. A file edited by hand no longer has its
digest, so ``--check`` still finds it. A missing or unreadable state is only
a slower run.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .manifest import Source
from .report import sha256
from .vocabulary import Vocabulary

# The YAML emitter shapes the output text too: another PyYAML, or libyaml or not, may write other bytes.
EMITTER = f"pyyaml {yaml.__version__} libyaml {hasattr(yaml, 'CSafeDumper')}"


def report_key(source: Source, vocabulary: Vocabulary) -> str:
    """The digest of everything one report's output depends on (the vocabulary's digest covers the code)."""
    entry = {k: v for k, v in vars(source).items() if k != "path"}  # the manifest entry, as data: no repr() of it
    return hashlib.sha256(json.dumps([sha256(source.path), vocabulary.digest, entry], sort_keys=True).encode()).hexdigest()


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass
class State:
    """Input keys by report id, in manifest order, and output digests by path relative to the project root."""

    keys: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # said again by a run that stops early
    emitter: str = EMITTER

    @classmethod
    def read(cls, path: Path) -> State:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            return cls(keys=dict(doc["keys"]), outputs=dict(doc["outputs"]), warnings=list(doc["warnings"]), emitter=str(doc["emitter"]))
        except (OSError, ValueError, KeyError, TypeError):
            return cls(emitter="")  # no usable record: every report is compared in full

    def write(self, path: Path) -> None:
        """Written beside and renamed into place; a failure only costs the next run its shortcut."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            staging = path.with_name(f".{path.name}.staging")
            staging.write_text(json.dumps(vars(self), ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(staging, path)
        except OSError:
            pass

    def unchanged_output(self, root: Path, path: Path) -> str | None:
        """The text of ``path`` when it is still exactly what the last run wrote, else None."""
        recorded = self.outputs.get(str(path.relative_to(root)))
        if recorded is None or self.emitter != EMITTER:
            return None
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return text if text_digest(text) == recorded else None

    def edited_outputs(self, root: Path) -> list[Path]:
        """The files this state recorded whose bytes on disk are no longer what was written."""
        return sorted(root / name for name, digest in self.outputs.items() if file_digest(root / name) != digest)

    def same_inputs(self, keys: dict[str, str]) -> bool:
        """The same reports, in the same order, from the same inputs, written by the same emitter."""
        return self.emitter == EMITTER and list(self.keys.items()) == list(keys.items())


def recorded(root: Path, keys: dict[str, str], files: dict[Path, str], warnings: list[str]) -> State:
    """The state after writing ``files``: their digests, the keys they came from, the warnings they gave."""
    outputs = {str(path.relative_to(root)): text_digest(text) for path, text in sorted(files.items())}
    return State(keys=keys, outputs=outputs, warnings=warnings)
