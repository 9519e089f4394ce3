"""Mutated PDFs (a fixed seed, a few dozen mutants) end in one clear line per problem with exit 2, or in a
report: never a traceback."""

from __future__ import annotations

import random

from conftest import ROOT, extract
from pdf_factory import typeset_report
from test_bad_input import add_entry

SEED, MUTANTS = 2026, 36


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Flip bytes, cut the file short, copy a stretch elsewhere, or zero a stretch."""
    mutant = bytearray(data)
    kind = rng.choice(["flip", "truncate", "splice", "zero"])
    if kind == "flip":
        for _ in range(rng.randint(1, 50)):
            mutant[rng.randrange(len(mutant))] = rng.randrange(256)
    elif kind == "truncate":
        del mutant[rng.randrange(len(mutant)) :]
    elif kind == "splice":
        start, end = sorted(rng.randrange(len(mutant)) for _ in range(2))
        mutant[start:start] = mutant[end : end + rng.randint(1, 2000)]
    else:
        start = rng.randrange(len(mutant))
        mutant[start : start + 500] = bytes(len(mutant[start : start + 500]))
    return bytes(mutant)


def test_mutated_pdfs_never_end_in_a_traceback(project, tmp_path, capsys):
    pdf = typeset_report(
        ROOT / "data/sources/logius-2023.txt", ROOT / "data/vocabulary/themes.yaml", tmp_path / "base.pdf", "Logius"
    )
    data = pdf.read_bytes()
    add_entry(project)
    rng = random.Random(SEED)
    outcomes = []
    for _ in range(MUTANTS):
        (project / "data/sources/logius-2024.pdf").write_bytes(mutate(data, rng))
        code = extract(project, "--force")
        err = capsys.readouterr().err
        errors = [line for line in err.splitlines() if line.startswith("error: ")]
        assert code in (0, 2) and "Traceback" not in err, err
        assert (
            code == 0 or errors and all(line.startswith("error: data/sources/logius-2024.pdf: ") for line in errors)
        ), err
        outcomes.append(code)
    assert outcomes.count(2) >= 10 and outcomes.count(0) >= 5, outcomes
