"""The GitHub Actions workflows stay hardened: zizmor finds nothing, actions are pinned, checkouts keep no token."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ZIZMOR = Path(sys.executable).parent / "zizmor"
# owner/repo, optionally a path inside it (owner/repo/sub/action), at a full commit SHA.
PINNED = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\s]+)?@[0-9a-f]{40}")
# The raw line: the SHA followed by the release it stands for, e.g. "# v4.2.2".
PINNED_LINE = re.compile(r"uses:\s*\S+@[0-9a-f]{40}\s+#\s*v\d+(\.\d+)*\s*$")


def workflow_files() -> list[Path]:
    files = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    assert WORKFLOWS / "ci.yml" in files, f"no ci.yml in {WORKFLOWS}"
    return files


def uses_of(workflow: dict) -> list[tuple[str, dict]]:
    """Every (place, step-or-job) that has a `uses:`: steps run actions, jobs can call reusable workflows."""
    found = []
    for job_id, job in (workflow.get("jobs") or {}).items():
        if "uses" in job:
            found.append((f"job {job_id}", job))
        for i, step in enumerate(job.get("steps") or []):
            if "uses" in step:
                found.append((f"job {job_id}, step {i + 1}", step))
    return found


def test_zizmor_finds_nothing():
    if not ZIZMOR.exists():
        pytest.fail(f"zizmor is not installed next to {sys.executable}; pip install the version the project pins")
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--strict-collection", "--format", "plain", ".github/workflows/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = f"exit code {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
    assert result.returncode == 0, output
    assert "No findings to report" in result.stdout, output


def test_actions_pinned_and_checkouts_keep_no_credentials():
    problems, checkouts, pinned = [], 0, 0
    for path in workflow_files():
        text = path.read_text(encoding="utf-8")
        for place, item in uses_of(yaml.safe_load(text)):
            where = f"{path.name}, {place}"
            uses = str(item["uses"])
            if not PINNED.fullmatch(uses):
                problems.append(f"{where}: uses {uses!r} is not owner/repo@<40-hex commit SHA>")
                continue
            pinned += 1
            if (
                uses.startswith("actions/checkout@")
                and (item.get("with") or {}).get("persist-credentials") is not False
            ):
                problems.append(f"{where}: actions/checkout without persist-credentials: false")
            checkouts += uses.startswith("actions/checkout@")
        for number, line in enumerate(text.splitlines(), 1):
            if re.search(r"uses:\s*\S+@[0-9a-f]{40}", line) and not PINNED_LINE.search(line):
                problems.append(
                    f"{path.name}:{number}: pinned SHA without its version as a comment (# vX.Y.Z): {line.strip()}"
                )
    assert not problems, "\n".join(problems)
    assert pinned and checkouts, "found no pinned actions or no checkout: is the workflow parsed as expected?"
