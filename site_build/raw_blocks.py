"""Large raw-HTML blocks kept out of Python-Markdown, and put back into the HTML it returns.

The pipeline writes calculator widgets, formulas and highlighted code tabs into its pages
as raw HTML (2 MB of the fixture site's 2.6 MB of Markdown). Python-Markdown only copies such a block
through, but its pure-Python HTML parser reads it twice first (MkDocs' anchor collector,
then the raw-block extractor): half of a build. ``take`` replaces each large block by a
marker line before conversion; ``put_back`` puts the block where the marker came out.

Why the HTML stays byte for byte the same: Python-Markdown stores a raw block that starts
a line and puts a placeholder paragraph in its place, and that paragraph comes out as the
block and a newline. A marker of letters and digits alone between blank lines goes through
the same block and inline steps as that placeholder, so ``<p>marker</p>`` stands exactly
where the block would have been. A block is taken only when Markdown would copy it
verbatim: it starts a line after a blank line, each of its elements closes (by Markdown's
own stack rule) at the end of a line, the next element starts the next line, a blank line
follows the last, and nothing in it is rewritten before the HTML step (tabs, carriage
returns, blank-looking lines, code fences) or read as Markdown (a ``markdown`` attribute
anywhere on the page). What the context could still change (a code fence or raw block left
open around it) shows in the HTML: a marker not alone in its own paragraph makes
``put_back`` return None, and the caller converts the original Markdown instead.

A term's text cannot forge a marker: each build draws an unguessable token for its
markers, and a page whose Markdown already holds the token is left as it is.
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass

MIN_SIZE = 256  # smaller blocks (a breadcrumb, the badges) cost Markdown little; they stay in the page
_OPENERS = frozenset({"details", "div", "figure", "form", "nav", "section", "table"})  # block-level to Markdown
_FOLLOWERS = _OPENERS | {"script"}  # the widgets' script tags follow on the next lines
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                       "noscript", "plaintext"})
_CANDIDATE = re.compile(r"\n[ ]*\n(?=<[a-zA-Z])")  # or the page's start
_LINE_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\t\n />]")
_NAME = r"[^\t\n\f\r \"'<>/=`]+"
_ATTRIBUTES = rf"(?:\s+{_NAME}(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'))?)*"
# An element holding only text (stacked and unstacked at once: Pygments' many spans), a tag,
# or a '<' the extractor may read otherwise.
_TOKEN = re.compile(rf"<(?P<pair>(?![hH][rR][\s>])[a-zA-Z][a-zA-Z0-9-]*)(?P<held>{_ATTRIBUTES})\s*>[^<]*</(?P=pair)>"
                    rf"|<(/?)([a-zA-Z][a-zA-Z0-9-]*)({_ATTRIBUTES})\s*(/?)>|<(?=[a-zA-Z/!?]|\Z)")
_ATTRIBUTE = re.compile(rf"({_NAME})(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'))?")
_BLANK_LOOKING = re.compile(r"\n[ ]+\n")  # Markdown empties such a line
_FENCE = re.compile(r"^[> ]*(?:`{3,}|~{3,})", re.MULTILINE)  # SuperFences reads code before raw HTML
_MARKDOWN_ATTRIBUTE = re.compile(r"<[a-zA-Z][^<>]*\smarkdown(?:[\s=>/]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Taken:
    """A page's Markdown with its large raw blocks out.

    ``markdown`` is what Python-Markdown converts (block ``i`` replaced by ``marker(token, i)``);
    ``original`` the page as it was; ``ids`` the ``id`` values in the blocks (and ``name`` of
    ``<a>``), which MkDocs would have collected from them as the page's anchors.
    """

    original: str
    markdown: str
    token: str
    blocks: tuple[str, ...] = ()
    ids: frozenset[str | None] = frozenset()


def new_token() -> str:
    """A fresh marker token for one build: 128 random bits, hexadecimal."""
    return secrets.token_hex(16)


def marker(token: str, index: int) -> str:
    """The marker line of block ``index``: letters and digits, which Markdown leaves alone."""
    return f"glossaryraw{token}n{index}"


def take(markdown: str, token: str) -> Taken:
    """``markdown`` with each large raw-HTML block Markdown would copy verbatim replaced by
    its marker line; unchanged when the page holds the token or a ``markdown`` attribute."""
    if token in markdown or _MARKDOWN_ATTRIBUTE.search(markdown):
        return Taken(markdown, markdown, token)
    pieces: list[str] = []
    blocks: list[str] = []
    ids: set[str | None] = set()
    done = 0
    start = _next_start(markdown, 0)
    while start is not None:
        block_ids: set[str | None] = set()
        end = _run_end(markdown, start, block_ids)
        if end is None or end - start < MIN_SIZE or _rewritten(markdown[start:end]):
            start = _next_start(markdown, start + 1)
            continue
        pieces += [markdown[done:start], marker(token, len(blocks))]
        blocks.append(markdown[start:end])
        ids |= block_ids
        done = end
        start = _next_start(markdown, end)
    if not blocks:
        return Taken(markdown, markdown, token)
    pieces.append(markdown[done:])
    return Taken(markdown, "".join(pieces), token, tuple(blocks), frozenset(ids))


def put_back(converted: str, taken: Taken) -> str | None:
    """The HTML Markdown made of ``taken.markdown`` with each block back where its marker's
    paragraph is, as Markdown writes a raw block (the block, then a newline).

    None when a marker is not alone in its own paragraph exactly once: then something
    around it (an open code fence, a raw block) made Markdown read the page otherwise,
    and only converting the original Markdown gives its HTML.
    """
    if not taken.blocks:
        return converted
    seen: list[int] = []

    def block(found: re.Match[str]) -> str:
        index = int(found.group(1))
        if index >= len(taken.blocks):
            return found.group(0)
        seen.append(index)
        return taken.blocks[index] + "\n"

    restored = re.sub(rf"<p>{marker(taken.token, '')}([0-9]+)</p>", block, converted)
    if sorted(seen) != list(range(len(taken.blocks))) or taken.token in restored:
        return None
    return restored


def _rewritten(block: str) -> bool:
    """Whether Markdown changes ``block`` before its HTML step: tabs, carriage returns and
    its own placeholder characters, blank-looking lines, or a code fence."""
    return (any(c in block for c in "\t\r\x02\x03") or _BLANK_LOOKING.search(block) is not None
            or (("```" in block or "~~~" in block) and _FENCE.search(block) is not None))


def _next_start(text: str, position: int) -> int | None:
    """The next place from ``position`` where a tag starts a line after a blank line (or the page)."""
    if position == 0 and _LINE_TAG.match(text):
        return 0
    found = _CANDIDATE.search(text, position)
    return found.end() if found is not None else None


def _run_end(text: str, start: int, ids: set[str | None]) -> int | None:
    """The end of the run of elements starting at ``start``, one after another on the next
    lines up to a blank line (not the end of the page); None when it is not such a run."""
    position = start
    while True:
        opened = _LINE_TAG.match(text, position)
        if opened is None or opened.group(1).lower() not in (_OPENERS if position == start else _FOLLOWERS):
            return None
        end = _element_end(text, position, ids)
        if end is None or not text.startswith("\n", end):
            return None
        line_end = text.find("\n", end + 1)
        if line_end < 0:
            return None
        if not text[end + 1:line_end].strip(" \t"):
            return end if text[line_end:].strip() else None  # Markdown strips what ends the page
        position = end + 1


def _element_end(text: str, start: int, ids: set[str | None]) -> int | None:
    """Where the element starting at ``start`` ends as Python-Markdown's raw-block extractor
    ends it: every start tag is stacked (not ``<hr>`` or ``<x/>``), an end tag unstacks to
    its nearest match, and the element ends when the stack is empty. None for anything the
    extractor could read otherwise (a comment, an unquoted value, a tag this cannot read)."""
    stack: list[str] = []
    for tag in _TOKEN.finditer(text, start):
        pair, held, closing, name, attributes, empty = tag.groups()
        if pair is not None:
            if "id" in held or "name" in held:
                _collect_ids(pair.lower(), held, ids)
            if not stack:
                return tag.end()
            continue
        if name is None:
            return None
        name = name.lower()
        if closing:
            if attributes or empty:
                return None
            if stack and stack[-1] == name:
                stack.pop()
            elif name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
            if not stack:
                return tag.end()
            continue
        if "id" in attributes or "name" in attributes:
            _collect_ids(name, attributes, ids)
        if not empty and name != "hr":
            stack.append(name)
            if name in _RAW_TEXT and not text.startswith(f"</{name}", text.find("<", tag.end())):
                return None  # raw text holding '<': parsers disagree on where it ends
    return None


def _collect_ids(tag: str, attributes: str, ids: set[str | None]) -> None:
    """Add the anchors MkDocs collects from a start tag: ``id``, and ``name`` on ``<a>``."""
    for found in _ATTRIBUTE.finditer(attributes):
        name = found.group(1).lower()
        if name == "id" or (name == "name" and tag == "a"):
            value = found.group(2) if found.group(2) is not None else found.group(3)
            ids.add(html.unescape(value) if value is not None else None)
