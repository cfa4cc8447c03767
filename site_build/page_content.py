"""Page content: a page's HTML as the site serves it, once Python-Markdown has converted it.

Three steps follow the conversion of every page, generated or hand-written. The raw HTML
blocks ``raw_blocks.take`` kept out of Python-Markdown go back in, with their anchors
among the page's (or the page is converted again as it was written, when a marker came
out anywhere but alone in its own paragraph). Unsafe link and image targets are removed
(``htmlsafe``: the last word on URLs; unchanged when the page holds none). And a preview
rebuild reuses the last build's result for a page whose inputs did not change
(``incremental``). The MkDocs adapter passes the page, its render call and the blocks
it took; this module imports no MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from . import raw_blocks
from .htmlsafe import sanitize_html
from .incremental import Reuse


def finished(html: str, page: Any, taken: MutableMapping[str, raw_blocks.Taken],
             render: Callable[[], None], reuse: Reuse | None) -> str:
    """``page``'s converted ``html`` with its raw blocks back and its URLs made safe.

    ``taken`` maps each page's source path to the blocks kept out of its Markdown (the
    page's entry is removed once used); ``render`` converts ``page`` again (MkDocs'
    ``page.render(config, files)``); ``reuse`` is the preview's (None in a full build).
    """
    if reuse is None:
        return sanitize_html(put_back(html, page, taken, render))
    kept = reuse.restored(page)
    if kept is None:
        kept = sanitize_html(put_back(html, page, taken, render))
        reuse.rendered(page, kept)
    return kept


def put_back(html: str, page: Any, taken: MutableMapping[str, raw_blocks.Taken],
             render: Callable[[], None]) -> str:
    """The page's HTML with the raw blocks kept out of its Markdown back in (``raw_blocks``),
    and their anchors among the page's; the page converted as it was written when a marker
    came out anywhere but alone in its own paragraph."""
    blocks = taken.pop(page.file.src_uri, None)
    if blocks is None:
        return html
    page.markdown = blocks.original
    restored = raw_blocks.put_back(html, blocks)
    if restored is None:
        render()
        return page.content
    page.present_anchor_ids = set(page.present_anchor_ids or ()) | blocks.ids
    return restored
