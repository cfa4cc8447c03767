"""The search index file: what Material's search plugin reads of a page, and its compaction.

``site_build.search`` says which entries a compact index keeps; this module applies it to
a build. While Material's search plugin reads a page that ``compact_index`` will reduce,
the page's content is its headings alone (``headings_only``: a 5,000-term glossary's
full text would be parsed into sections only to be dropped), and the full content is
back before the page is rendered. After the build, the index file Material wrote is
rewritten compact. The MkDocs adapter calls these at the right event priorities and
passes the page objects and the write function in; this module imports no MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from . import urls
from .search import compact_index, headings_only

INDEX_FILE = Path("search") / "search_index.json"


class HeadingsOnly:
    """A page's content swapped for its headings while the search plugin reads it."""

    def __init__(self) -> None:
        self._full_content: str | None = None

    def hide(self, page: Any, texts: Mapping[str, str]) -> None:
        """Before the search plugin: a page in ``texts`` shows only its headings."""
        if page.file.src_uri in texts and page.content is not None:
            self._full_content, page.content = page.content, headings_only(page.content)

    def show(self, page: Any) -> None:
        """After it: the page has its whole content again, for its template."""
        if self._full_content is not None:
            page.content, self._full_content = self._full_content, None


def compact_file(site_dir: str, texts: Mapping[str, str], write: Callable[[bytes, str], None]) -> None:
    """Rewrite the site's search index (when the build wrote one) with ``compact_index``.

    ``texts`` maps a page's source path to its search text; ``write`` is MkDocs'
    ``write_file`` (the site folder's while a preview builds, so an unchanged index is
    not written again).
    """
    index_file = Path(site_dir) / INDEX_FILE
    if index_file.is_file():
        by_url = {urls.url_path(src): text for src, text in texts.items()}
        index = json.loads(index_file.read_text(encoding="utf-8"))
        compact = json.dumps(compact_index(index, by_url), ensure_ascii=False, separators=(",", ":"))
        write(compact.encode("utf-8"), str(index_file))
