"""MkDocs hook: add the pages generated from data/, and publish the dataset under /data/.

Registered in mkdocs.yml under ``hooks:``. Pages and dataset files are
added in on_files, so navigation, search, the sitemap, link validation and
``mkdocs serve`` see them like any file in docs/. The dataset is built and
checked completely before any file is added: a bad record stops the build.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from sitegen.pages import PageBuilder  # noqa: E402
from sitegen.render import site_base  # noqa: E402
from stand.catalog import Catalog  # noqa: E402
from stand.dataset import DatasetError, build_files  # noqa: E402

DATA_DIR = "data"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalog = Catalog.load(ROOT / "data")
    try:
        dataset = build_files(ROOT, site_base(config.site_url), catalog)
    except DatasetError as error:
        raise PluginError(f"dataset not published: {error}") from error
    generated = [(page.path, page.source()) for page in PageBuilder(catalog, site_base(config.site_url)).all_pages()]
    generated += [(f"{DATA_DIR}/{name}", content) for name, content in dataset.items()]
    for path, content in generated:
        if files.get_file_from_path(path):
            raise PluginError(f"generated file {path} clashes with a hand-written file in docs/")
        files.append(File.generated(config, path, content=content))
    return files
