"""Site: the website, generated at build time by the ``stand`` MkDocs plugin.

- :mod:`stand.site.plugin`   the MkDocs plugin: loads the data once, adds pages and the dataset
- :mod:`stand.site.pages`    one method per kind of page: data in, a Jinja2 template out
- :mod:`stand.site.render`   labels, Markdown headings, links, citations and the Jinja2 environment
- :mod:`stand.site.footer`   the data's version and date and the preview banner's reasons, on every page
- :mod:`stand.site.macros`   helpers for the hand-written pages in docs/ (mkdocs-macros)
"""
