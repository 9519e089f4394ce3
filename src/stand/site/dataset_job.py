"""The dataset, built beside the pages in a second process and handed to MkDocs as files on disk.

At 200 reports the dataset is 130 MB in about 1,300 files and takes as long to build as the
pages. A forked process (it shares the loaded corpus, nothing is copied) builds it on the
machine's second core while the plugin renders pages, and writes it into a folder under
``.cache/build/`` (see :mod:`stand.site.work_folders`); MkDocs copies each file from there, so the bytes never sit in the build's memory.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from pathlib import Path

from ..publish.corpus import Corpus
from ..publish.dataset import DatasetError, dataset_files
from ..publish.versions import Version
from .work_folders import end_with_parent, work_folder

LISTING = ".files.json"  # the names written, in order; its presence means the child finished
FAILURE = ".error.txt"  # a DatasetError's message


def build_into(parent: int, folder: Path, root: Path, site_url: str, corpus: Corpus, version: Version) -> None:
    """The child's work: each dataset file into ``folder`` as it is made, then the listing; a DatasetError's message instead."""
    end_with_parent(parent)
    names = []
    try:
        for name, content in dataset_files(root, site_url, corpus, version):
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            names.append(name)
    except DatasetError as error:
        (folder / FAILURE).write_text(str(error), encoding="utf-8")
        return
    (folder / LISTING).write_text(json.dumps(sorted(names)), encoding="utf-8")


class DatasetJob:
    """One build's dataset: started with the build's data, collected when the pages are made."""

    def __init__(self, root: Path, site_url: str, corpus: Corpus, version: Version) -> None:
        self.folder = work_folder(root, "dataset")
        arguments = (os.getpid(), self.folder, root, site_url, corpus, version)
        self.process = multiprocessing.get_context("fork").Process(target=build_into, args=arguments, daemon=True)
        self.process.start()

    def files(self) -> dict[str, Path]:
        """Every file by its path under /data/, once the child is done; DatasetError listing every problem."""
        self.process.join()
        if (self.folder / FAILURE).is_file():
            raise DatasetError((self.folder / FAILURE).read_text(encoding="utf-8"))
        if self.process.exitcode != 0 or not (self.folder / LISTING).is_file():
            raise DatasetError(f"the process building the dataset stopped (exit code {self.process.exitcode}); see the messages above")
        return {name: self.folder / name for name in json.loads((self.folder / LISTING).read_text(encoding="utf-8"))}

    def discard(self) -> None:
        """After the build (or its failure): the child stopped and the folder gone."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        shutil.rmtree(self.folder, ignore_errors=True)
