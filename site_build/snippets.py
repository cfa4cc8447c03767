"""Code snippets as Material content tabs, highlighted once per process.

The calculator pages carry every calculator's generated Python and JavaScript (a few
hundred lines each, with their input checks), and Pygments highlighting them was the
largest single cost of a build. The markup here is what ``pymdownx.superfences`` and
``pymdownx.tabbed`` (alternate style) write for the same fenced blocks, but the
highlighted HTML is cached by its text, so a ``mkdocs serve`` rebuild after a term edit
highlights nothing again.
"""

from __future__ import annotations

import functools
import html

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name


@functools.lru_cache(maxsize=512)
def highlighted(code: str, language: str) -> str:
    """``<div class="highlight"><pre><code>…`` for ``code``, as superfences writes it."""
    return highlight(code, get_lexer_by_name(language), HtmlFormatter(wrapcode=True)).rstrip("\n")


def code_tabs(tabs: list[tuple[str, str, str]], set_number: int = 1) -> str:
    """A tab set of ``(label, code, language)`` blocks, as one raw HTML block at column 0."""
    name = f"__tabbed_{set_number}"
    checked = ' checked="checked"'
    inputs = "".join(f'<input{checked if i == 1 else ""} id="{name}_{i}" name="{name}" type="radio" />'
                     for i in range(1, len(tabs) + 1))
    labels = "".join(f'<label for="{name}_{i}">{html.escape(label)}</label>'
                     for i, (label, _, _) in enumerate(tabs, start=1))
    blocks = "".join(f'<div class="tabbed-block">\n{highlighted(code, language)}\n</div>\n'
                     for _, code, language in tabs)
    return (f'<div class="tabbed-set tabbed-alternate" data-tabs="{set_number}:{len(tabs)}">{inputs}'
            f'<div class="tabbed-labels">{labels}</div>\n<div class="tabbed-content">\n{blocks}</div>\n</div>')
