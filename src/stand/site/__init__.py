"""Site: the website, generated at build time by the ``stand`` MkDocs plugin.

- :mod:`stand.site.plugin`   the MkDocs plugin: loads the data once, adds pages and the dataset
- :mod:`stand.site.csp`      the Content-Security-Policy of every page, checked against the finished page
- :mod:`stand.site.dataset_job`  the dataset built in a second process while the pages are made
- :mod:`stand.site.generated`  which generated pages are kept from the last build and which are converted
- :mod:`stand.site.page_cache`  finished pages kept between builds, keyed by all they are made from
- :mod:`stand.site.blocks`   long runs of HTML rendered once and put in after Markdown
- :mod:`stand.site.work_folders`  the work folders of the processes beside a build; they end with it
- :mod:`stand.site.pages`    one method per kind of page: data in, a Jinja2 template out
- :mod:`stand.site.compare`  a theme's years side by side, aligned by part
- :mod:`stand.site.list_pages`  the lists across reports: examples, topics, the tracker, figures
- :mod:`stand.site.paging`   long lists in pages of at most 50
- :mod:`stand.site.tracker`  every ask and problem, its filters as pages in the address
- :mod:`stand.site.render`   labels, Markdown headings, links, citations and the Jinja2 environment
- :mod:`stand.site.footer`   the data's version and date and the preview banner's reasons, on every page
- :mod:`stand.site.macros`   helpers for the hand-written pages in docs/ (mkdocs-macros)
- :mod:`stand.site.search`   what search finds: one record per paragraph and footnote, filter choices, suggestions
- :mod:`stand.site.pagefind` builds the search index with Pagefind, beside MkDocs, into the built site
"""
