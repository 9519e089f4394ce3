"""Site: the website, generated at build time by the ``stand`` MkDocs plugin.

- :mod:`stand.site.plugin`   the MkDocs plugin: loads the data once, adds pages and the dataset
- :mod:`stand.site.pages`    one method per kind of page: data in, a Jinja2 template out
- :mod:`stand.site.render`   labels, Markdown headings, links, citations and the Jinja2 environment
- :mod:`stand.site.macros`   helpers for the hand-written pages in docs/ (mkdocs-macros)
- :mod:`stand.site.search`   what search finds: one record per paragraph and footnote, filter choices, suggestions
- :mod:`stand.site.pagefind` writes the search index into the built site with Pagefind
"""
