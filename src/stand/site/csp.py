"""The Content-Security-Policy of every page: the theme's own inline scripts run by their hashes, nothing else.

overrides/main.html renders the theme's script partials and passes them to the filter
:func:`content_security_policy`; the plugin checks every finished page with
:func:`checked_against_policy`, so a script the theme did not write stops the build.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

from mkdocs.exceptions import PluginError

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SCRIPT_START = re.compile(r"<script", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script a browser would run, in page order.

    Data blocks (``application/json``, ``application/ld+json``) never run, so CSP does not concern them.

    >>> inline_scripts('<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>')
    ['a()']
    """
    found = []
    for attributes, text in INLINE_SCRIPT.findall(page):
        kind = SCRIPT_TYPE.search(attributes)
        if re.search(r"\bsrc\s*=", attributes, re.IGNORECASE) or (
            kind and kind.group(1).lower() not in JAVASCRIPT_TYPES
        ):
            continue
        found.append(text)
    return found


@functools.cache  # the theme's few scripts, on every page
def script_hash(text: str) -> str:
    """The CSP source that allows exactly this inline script.

    >>> script_hash("a()")
    "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"
    """
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(theme_scripts: str, webassembly: bool = False, live_reload: bool = False) -> str:
    """The policy of a page, given the theme's own inline scripts as rendered for that page.

    A Jinja filter: overrides/main.html renders the theme's script partials with the page's
    context and passes the result here, so the hashes are those of the theme's scripts for that
    page (they differ with the page's depth) and never of anything that came from the data.

    ``webassembly`` is for the search page only (front matter ``search: true``): Pagefind's engine is
    WebAssembly, which a browser compiles only under 'wasm-unsafe-eval'. That keyword allows
    WebAssembly and nothing else: no eval() of JavaScript, no inline script.

    ``live_reload`` is for ``mkdocs serve`` only, which adds an inline script of its own to every
    page it serves, different each time: there inline scripts are allowed. A build never has it.

    >>> policy = content_security_policy("<script>a()</script>")
    >>> "script-src 'self' " + script_hash("a()") + ";" in policy, "'unsafe-inline'" in policy.split("style-src")[0]
    (True, False)
    >>> "script-src 'self' 'wasm-unsafe-eval';" in content_security_policy("", webassembly=True), "wasm" in policy
    (True, False)
    """
    hashes = list(dict.fromkeys(script_hash(text) for text in inline_scripts(theme_scripts)))
    own = ["'self'", "'wasm-unsafe-eval'"] if webassembly else ["'self'"]
    directives = [
        "default-src 'self'",
        # No 'unsafe-inline' and no 'unsafe-eval': the theme's few inline scripts run by their hashes;
        # a script or event handler that slipped into the text would not. Search runs in a worker, a file of this site.
        "script-src " + " ".join([*own, "'unsafe-inline'"] if live_reload else [*own, *hashes]),
        "worker-src 'self'",
        # Styles: only this site's style sheets. Material 9.7 sets styles from script through the CSSOM
        # (element.style), which CSP does not restrict, and prints no style attribute or <style> (fonts
        # are off). Should a theme update need inline styles, add 'unsafe-inline' here, to styles only.
        "style-src 'self'",
        "img-src 'self' data:",  # the theme's icons in its style sheet are data: URIs
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    policy = "; ".join(directives)
    assert not set(policy) & set('"<>&'), policy  # keywords and base64 only: safe in an attribute as is
    return policy


def checked_against_policy(page: str, name: str) -> str:
    """The finished page, if its policy comes before any script and allows every inline script in it.

    Anything else means a script the theme did not write, or a theme that changed: the build stops.
    """
    meta = CSP_META.search(page)
    first_script = SCRIPT_START.search(page)
    if meta is None or meta.start() > page.find("</head>") or (first_script and first_script.start() < meta.start()):
        raise PluginError(f"{name}: no Content-Security-Policy before the first script; is overrides/main.html in use?")
    directives = {d.split()[0]: d.split()[1:] for d in meta.group(1).split(";") if d.strip()}
    allowed = set(directives.get("script-src", []))
    if "'unsafe-inline'" in allowed:
        return page  # `mkdocs serve` (see content_security_policy)
    for text in inline_scripts(page):
        if script_hash(text) not in allowed:
            raise PluginError(f"{name}: an inline script the Content-Security-Policy does not allow: {text[:80]!r}")
    return page
