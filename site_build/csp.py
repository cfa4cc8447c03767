"""Content-Security-Policy for every page, as a ``<meta http-equiv>`` written after rendering.

Scripts may come from the site itself and from the inline scripts the page already
holds, each allowed by its SHA-256 hash: no ``'unsafe-inline'``, no ``'unsafe-eval'``.
The hashes are taken from the finished HTML, so whatever Material writes inline (its
scope, palette and tab scripts, which differ by page depth) is allowed exactly, and any
script that arrives later (say, through a sanitiser's gap) is refused by the browser.

``mkdocs serve`` injects a live-reload script whose text changes on every request, so a
preview uses ``'unsafe-inline'`` for scripts instead of hashes; built sites never do.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Classic inline scripts only: a <script> with a src, or with a data type such as
# application/ld+json or application/json, is not run as inline code.
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}

FIXED_DIRECTIVES = (
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",  # Material and the tooltips position elements with style attributes
    "img-src 'self' data:",              # Material's icons are data: SVGs in its CSS
    "font-src 'self' data:",
    "connect-src 'self'",                # the search index
    "worker-src 'self'",                 # Material's search worker
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, in page order."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        scripts.append(match.group("body"))
    return scripts


def script_hash(text: str) -> str:
    """The CSP source expression for one inline script's exact text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(html: str, *, preview: bool = False) -> str:
    """The policy for this page: its own inline scripts by hash (or the preview's allowance)."""
    if preview:
        scripts = "script-src 'self' 'unsafe-inline'"
    else:
        hashes = sorted(set(map(script_hash, inline_scripts(html))))
        scripts = " ".join(["script-src 'self'", *hashes])
    return "; ".join([FIXED_DIRECTIVES[0], scripts, *FIXED_DIRECTIVES[1:]])


def with_policy(html: str, *, preview: bool = False) -> str:
    """``html`` with its policy as the first element after ``<meta charset>`` (or ``<head>``).

    A policy delivered by ``<meta>`` governs only what follows it, so it goes before any
    script. A page without a head is returned unchanged.
    """
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy(html, preview=preview)}">'
    return html[:anchor.end()] + meta + html[anchor.end():]
