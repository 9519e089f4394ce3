"""The work beside the build: the dataset in a second process, handed over as files, the same as built in process."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import dataset_project, with_report_changed
from stand.publish.corpus import Corpus
from stand.publish.dataset import DatasetError, build_files
from stand.publish.versions import data_digest, dataset_version
from stand.site.dataset_job import DatasetJob

BASE = "https://example.org/"


def version_of(root: Path):
    return dataset_version(root / "CHANGELOG.md", data_digest(root / "data"))


def job(root: Path) -> DatasetJob:
    """The dataset as the site build makes it: in a second process, into a folder under root/.cache/build/."""
    return DatasetJob(root, BASE, Corpus.load(root / "data"), version_of(root))


def test_the_build_s_second_process_writes_the_same_files(tmp_path):
    beside = job(dataset_project(tmp_path))
    try:
        written = {name: path.read_bytes() for name, path in beside.files().items()}
    finally:
        beside.discard()
    in_process = build_files(tmp_path, BASE, Corpus.load(tmp_path / "data"), version_of(tmp_path))
    assert list(written) == list(in_process) and len(written) > 40
    assert written == in_process
    assert list((tmp_path / ".cache" / "build").iterdir()) == []


def test_a_bad_record_in_the_second_process_stops_the_build_with_every_problem(tmp_path):
    beside = job(with_report_changed(dataset_project(tmp_path), "logius-2023", lambda report: report["figures"][0].update(page=-3)))
    try:
        with pytest.raises(DatasetError) as raised:
            beside.files()
    finally:
        beside.discard()
    assert str(raised.value).splitlines() == ["1 problem(s) in the dataset:", "  - schema: figures/9/page: -3 is less than the minimum of 1"]
    assert list((tmp_path / ".cache" / "build").iterdir()) == []
