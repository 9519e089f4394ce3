"""Stand van de uitvoering as open data: reports in, reviewed data, a dataset and a website out.

Four rooms, data flowing one way; a room imports only rooms before it:

- :mod:`stand.extract`  sources (PDF or text export) -> reports: blocks, structure, OCR repair, ids
- :mod:`stand.derive`   reports -> records (examples, calls, figures, mentions) and cross-year views
- :mod:`stand.publish`  ``data/`` -> the dataset: read model, URLs, metadata, JSON, CSV, Data Package
- :mod:`stand.site`     the dataset and ``data/`` -> the website, as a MkDocs plugin

Shared by all: :mod:`stand.model` (record kinds, id helpers) and
:mod:`stand.errors` (the bad-input error). :mod:`stand.cli` is the
``stand`` command that runs them.
"""
