"""Extract: a source file -> the report's structure and repaired text, with stable ids; it knows nothing of derive.

- :mod:`stand.extract.manifest`    read and check ``data/sources.yaml``
- :mod:`stand.extract.vocabulary`  headings, theme names, glossary and corrections beside the sources
- :mod:`stand.extract.read_text`   plain-text (OCR export) source -> page blocks
- :mod:`stand.extract.pdf_text`    a PDF's text layer page by page (PDFium), as runs of one style
- :mod:`stand.extract.pdf_layout`  runs -> lines, footnote markers, columns, reading order
- :mod:`stand.extract.read_pdf`    PDF source -> page blocks: furniture, headings, footnotes by evidence
- :mod:`stand.extract.ocr`         a scanned PDF -> a text export, with Tesseract (``stand ocr``)
- :mod:`stand.extract.blocks`      the shape both readers hand over
- :mod:`stand.extract.headings`    the genre's headings, from data/vocabulary/headings.yaml
- :mod:`stand.extract.structure`   page blocks -> sections, paragraphs, footnotes
- :mod:`stand.extract.document`    what the structure builder makes: sections, paragraphs, footnotes
- :mod:`stand.extract.repair`      OCR repair of the text, every change logged
- :mod:`stand.extract.wordlist`    the Dutch word list that decides repairs
- :mod:`stand.extract.footnotes`   markers in the text -> footnote references
- :mod:`stand.extract.ids`         stable ids for sections, paragraphs, footnotes
- :mod:`stand.extract.ledger`      where every word of the source went (the ``coverage:`` block)
- :mod:`stand.extract.plausibility` the gate: a report read without confidence stops, named checks
- :mod:`stand.extract.review`      review items: what the extractor doubts, stored with the report until resolved
- :mod:`stand.extract.report`      one source -> the report as plain data
"""
