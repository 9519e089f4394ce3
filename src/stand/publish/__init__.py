"""Publish: ``data/`` -> the open dataset, checked before anything is handed out.

Read model and links, shared with the site:

- :mod:`stand.publish.corpus`       the read model: ``data/`` loaded once, with lookups
- :mod:`stand.publish.urls`         the site's URL scheme
- :mod:`stand.publish.permalinks`   published URLs that moved: alias anchors and redirects

Records, tables and formats:

- :mod:`stand.publish.records`      the records of the JSON, with URLs and provenance
- :mod:`stand.publish.table_model`  every published table declared once: fields, types, keys, links
- :mod:`stand.publish.formats`      CSV, SQLite (keys, full-text search, views), Parquet, Excel
- :mod:`stand.publish.checks`       schema, duplicate keys, dangling references, cells too long

Catalogue, citation and versions:

- :mod:`stand.publish.metadata`     title, description, keywords, licence, schema files
- :mod:`stand.publish.publication`  who publishes, contact, address: ``data/publication.yaml``
- :mod:`stand.publish.catalogue`    the Frictionless Data Package and the DCAT-AP-DONL catalogue
- :mod:`stand.publish.citation`     CITATION.cff, and each report as BibTeX and CSL-JSON
- :mod:`stand.publish.versions`     released version or preview, frozen archives, the Atom feed of versions
- :mod:`stand.publish.version_rule` major, minor or patch: a released archive against the data now
- :mod:`stand.publish.ids_moved`    record ids that moved since a release: ``ids-moved.yaml`` -> ``ids-moved.csv``

- :mod:`stand.publish.dataset`      every file, built in memory, written to ``build/data/``
"""
