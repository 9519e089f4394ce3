"""Extraction of "Stand van de uitvoering" reports into reviewed open data.

One module per stage, each usable and testable alone:

- :mod:`stand.manifest`   read and check ``data/sources.yaml``
- :mod:`stand.read_text`  plain-text (OCR export) source -> page blocks
- :mod:`stand.read_pdf`   PDF source (pdfplumber) -> page blocks
- :mod:`stand.structure`  page blocks -> sections, paragraphs, footnotes
- :mod:`stand.repair`     OCR repair of paragraph text, every change logged
- :mod:`stand.records`    derived records: examples, calls, figures, topics
- :mod:`stand.write`      deterministic YAML, all-or-nothing writes
- :mod:`stand.pipeline`   the stages in order, for every report

Helpers: :mod:`stand.blocks` (the shape readers hand over),
:mod:`stand.headings` (the genre's headings), :mod:`stand.footnotes`
(markers to references), :mod:`stand.wordlist` (Dutch word list),
:mod:`stand.ids` (stable ids), :mod:`stand.errors` (the one error type).
Publishing: :mod:`stand.catalog` (data plus URL scheme) and
:mod:`stand.dataset` (JSON, CSV, Data Package, integrity checks).
"""
