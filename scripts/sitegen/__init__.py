"""The website: pages generated from ``data/`` at build time by a MkDocs hook.

- :mod:`sitegen.render`  escaping and the HTML of quotes, paragraphs, links
- :mod:`sitegen.pages`   one function per kind of page, data in, Markdown out
- :mod:`sitegen.hooks`   the MkDocs hook that adds the pages and the dataset
- :mod:`sitegen.macros`  small helpers for the hand-written pages (mkdocs-macros)
"""
