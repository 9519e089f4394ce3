"""Site: the website, generated at build time by the ``stand`` MkDocs plugin; a pure reader of ``data/``.

- :mod:`stand.site.plugin`   the MkDocs plugin: loads the data once, writes the dataset, adds the pages
- :mod:`stand.site.csp`      the Content-Security-Policy of every page, checked against the finished page
- :mod:`stand.site.downloads`  the size beside every download, read from the built file
- :mod:`stand.site.blocks`   a page's HTML put in after Markdown, which would only have passed it through
- :mod:`stand.site.page`     a generated page, and what every page builder shares
- :mod:`stand.site.pages`    every generated page, from one builder module per kind:
- :mod:`stand.site.report_pages`   the reports index, a page per year, the full text of every report
- :mod:`stand.site.theme_pages`    the themes index, and a theme's years side by side, aligned by part
- :mod:`stand.site.example_pages`  the examples index, and a page per example
- :mod:`stand.site.topic_pages`    the topics index, and every mention of a topic
- :mod:`stand.site.tracker`        every ask and problem, its filters as pages in the address
- :mod:`stand.site.figure_pages`   every figure stated in the reports
- :mod:`stand.site.paging`   long lists in pages of at most 50
- :mod:`stand.site.render`   labels, Markdown headings, links, citations, topic links and the Jinja2 environment
- :mod:`stand.site.footer`   the data's version and date and the preview banner's reasons, on every page
- :mod:`stand.site.macros`   helpers for the hand-written pages in docs/ (mkdocs-macros)
- :mod:`stand.site.search`   what search finds: one record per paragraph and footnote, filter choices, suggestions
- :mod:`stand.site.pagefind` builds the search index with Pagefind, beside MkDocs, into the built site
- :mod:`stand.site.selection` what Mijn selectie and a theme's brief (.docx) read in the browser; the docx library
- :mod:`stand.site.feeds`    Atom feeds per theme, per organisation and for the whole site (feed.xml)
"""
