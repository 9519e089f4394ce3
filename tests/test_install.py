"""Every install path works: the wheel, installed without the source tree, runs the commands a maintainer uses.

The wheel is built from this checkout and installed with ``--no-deps`` into a fresh virtual
environment that sees the project's already installed dependencies through a ``.pth`` line, so
nothing is fetched from any host. The commands then run in a copy of the project without ``src/``.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

from conftest import ROOT


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """A command without PYTHONPATH, so only what is installed can be imported."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False)


LOCAL = ("build", "site", ".cache", ".venv", "node_modules", ".git", "*.egg-info", "__pycache__")


def test_the_wheel_installs_and_runs_without_the_source_tree(tmp_path):
    checkout = tmp_path / "checkout"  # a clean copy: a wheel built in place may take files from an earlier build/
    shutil.copytree(ROOT, checkout, ignore=shutil.ignore_patterns(*LOCAL))
    built = run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", tmp_path / "wheel", checkout
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "wheel").glob("*.whl")
    venv.create(tmp_path / "env", with_pip=False)
    python = tmp_path / "env/bin/python"
    own_site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    (Path(own_site) / "project-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    installed = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel)
    assert installed.returncode == 0, installed.stderr
    project = tmp_path / "project"
    shutil.copytree(checkout, project, ignore=shutil.ignore_patterns("src"))
    where = run(python, "-c", "import stand; print(stand.__file__)")
    assert where.stdout.startswith(own_site), where.stdout + where.stderr

    stand = tmp_path / "env/bin/stand"
    help_text = run(stand, "--help", cwd=project)
    assert help_text.returncode == 0 and "extract    read the reports in data/sources/ into data/" in help_text.stdout
    check = run(stand, "extract", "--check", cwd=project)
    assert check.returncode == 0, check.stderr
    dataset = run(stand, "dataset", cwd=project)
    assert dataset.returncode == 0, dataset.stderr
    assert (project / "build/data/csv/calls.csv").read_text(encoding="utf-8").startswith("id,report,")
    assert (project / "build/data/datapackage.json").is_file()
