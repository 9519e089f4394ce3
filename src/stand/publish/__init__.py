"""Publish: ``data/`` -> the open dataset, checked before anything is handed out.

- :mod:`stand.publish.corpus`       the read model: ``data/`` loaded once, with lookups
- :mod:`stand.publish.urls`         the site's URL scheme
- :mod:`stand.publish.permalinks`   published URLs that moved: alias anchors and redirects
- :mod:`stand.publish.metadata`     title, description, keywords, licence, tables, field descriptions
- :mod:`stand.publish.publication`  who publishes, contact, address: ``data/publication.yaml``
- :mod:`stand.publish.versions`     released version or preview, release dates, from CHANGELOG.md
- :mod:`stand.publish.archive`      frozen versions: deterministic zips, never rebuilt
- :mod:`stand.publish.feed`         the Atom feed of versions and what each changed
- :mod:`stand.publish.citation`     CITATION.cff from the publication and the newest release
- :mod:`stand.publish.dcat`         the DCAT-AP-DONL catalogue
- :mod:`stand.publish.provenance_files`  sources, archives, feed, citation and catalogue under /data/
- :mod:`stand.publish.records`      the records of the JSON, with URLs and provenance
- :mod:`stand.publish.integrity`    schema, duplicate ids, dangling references
- :mod:`stand.publish.validated`    records that passed the schema before, by digest: only new ones are validated
- :mod:`stand.publish.tables`       the CSV tables
- :mod:`stand.publish.keys`         primary and foreign keys of the tables, checked before anything is written
- :mod:`stand.publish.sqlite`       the SQLite database: keys, full-text search, views
- :mod:`stand.publish.parquet`      one Parquet file per table, typed
- :mod:`stand.publish.xlsx`         the Excel workbook, a sheet per table
- :mod:`stand.publish.citations`    each report as BibTeX and CSL-JSON, for reference managers
- :mod:`stand.publish.formats`      the downloads beside JSON and CSV, and their Data Package resources
- :mod:`stand.publish.datapackage`  the Frictionless Data Package
- :mod:`stand.publish.dataset`      every file, built in memory, written to ``build/data/``
"""
