"""Markup safety: split Markdown into prose, code and links; escape; neutralise.

Python-Markdown passes raw HTML, ``javascript:`` links and attribute lists straight
through, so text from YAML is made inert here before it becomes Markdown (a first
layer: the HTML the site makes of it is checked once more by ``htmlsafe``), and the
validator uses the same detectors to tell contributors what to change (the targets a
text's links would open: ``link_targets``). Whether a link target is safe is decided by
``urlsafety.is_safe_url`` alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .urlsafety import is_safe_url

__all__ = ["Chunk", "escape_plain", "has_plain_markup", "is_safe_url", "sanitize_chunk", "sanitize_markdown",
           "split_markdown", "unsafe_spans"]
# mkdocs.yml's markdown_extensions (a test keeps them equal), so the check sees the site's HTML.
SITE_EXTENSIONS = ("attr_list", "md_in_html", "admonition", "tables", "toc", "pymdownx.highlight",
                   "pymdownx.superfences", "pymdownx.tabbed")
SITE_EXTENSION_CONFIGS = {"toc": {"permalink": True}, "pymdownx.tabbed": {"alternate_style": True}}

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")
_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(\S+)")
_REF_WITHOUT_TARGET = re.compile(r"^ {0,3}\[[^\]]+\]:\s*$")  # the target would come on the next line
_DESTINATION = re.compile(r"\]\([ \t]*<?")
_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<link>!?\[(?P<label>[^\]\n]*)\]\([ \t]*(?P<url><[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\))"
    r"|(?P<reflink>!?\[[^\]\n]*\]\[[^\]\n]*\])"
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--|<!\[CDATA\[|<\?")
_SCRIPT = re.compile(r"</?script", re.IGNORECASE)
_BAD_SCHEME = re.compile(r"\b(?:javascript|vbscript)\s*:|\bdata:[a-z]", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"\bon[a-z]{3,}\s*=", re.IGNORECASE)
_PLAIN_MARKUP = re.compile(r"`|\*\*|__|\]\(|^\s*#|<[A-Za-z/!]")
_LEADING_BLOCK = re.compile(r"^([#+=>-]|\d+[.)])")


@dataclass(frozen=True)
class Chunk:
    """A run of Markdown: ``text`` (linkable prose), ``heading``, ``code`` or ``link``."""

    kind: str
    text: str


def split_markdown(markdown: str) -> list[Chunk]:
    """Split Markdown into chunks whose texts concatenate back to the input."""
    chunks: list[Chunk] = []
    fence = ""
    previous_blank, in_list = True, False
    for line in markdown.splitlines(keepends=True):
        stripped = line.strip()
        if fence:
            chunks.append(Chunk("code", line))
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                fence = ""
        elif match := _FENCE.match(line):
            fence = match.group(1)
            chunks.append(Chunk("code", line))
        elif line.startswith(("    ", "\t")) and previous_blank and not in_list and stripped:
            chunks.append(Chunk("code", line))
            continue
        elif _HEADING.match(line):
            chunks.append(Chunk("heading", line))
        elif _REF_DEFINITION.match(line):
            chunks.append(Chunk("link", line))
        else:
            chunks.extend(_split_inline(line))
        if stripped:
            in_list = bool(_LIST_ITEM.match(line)) or (in_list and line[:1].isspace())
        previous_blank = not stripped
    return chunks


def _split_inline(line: str) -> Iterator[Chunk]:
    if "`" not in line and "[" not in line:  # every code span and link starts with one of these
        yield Chunk("text", line)
        return
    position = 0
    for match in _INLINE.finditer(line):
        if match.start() > position:
            yield Chunk("text", line[position:match.start()])
        yield Chunk("code" if match.group("code") else "link", match.group(0))
        position = match.end()
    if position < len(line):
        yield Chunk("text", line[position:])


def sanitize_markdown(markdown: str) -> str:
    """Markdown from YAML made inert: no raw HTML, no attribute lists, only safe links."""
    return "".join(sanitize_chunk(chunk) for chunk in split_markdown(markdown))


def sanitize_chunk(chunk: Chunk) -> str:
    if chunk.kind == "code":
        return chunk.text
    if chunk.kind == "link":
        return _sanitize_link(chunk.text)
    if chunk.kind == "heading":  # a heading holds links and images too
        return "".join(sanitize_chunk(part) for part in _split_inline(chunk.text))
    if _REF_WITHOUT_TARGET.match(chunk.text):
        return "\\" + _escape_prose(chunk.text.lstrip(" "))
    return _escape_prose(chunk.text)


def _escape_html(text: str) -> str:
    return text.replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")


def _escape_prose(text: str) -> str:
    if "](" in text:
        text = _DESTINATION.sub(_neutralise_destination, text)
    return _escape_html(text)


def _neutralise_destination(match: re.Match[str]) -> str:
    """``](`` not taken apart by ``_INLINE`` (a label across lines, nested brackets, a
    target on the next line): kept as a link only if what follows is a safe target."""
    rest = match.string[match.end():]
    if rest.strip() and is_safe_url(rest):
        return match.group(0)
    return "]\\(" + match.group(0)[2:]


def _sanitize_link(text: str) -> str:
    match = _INLINE.fullmatch(text.strip("\n"))
    if match and match.group("link"):
        url = match.group("url")
        if not is_safe_url(url.strip("<>")):
            return escape_plain(match.group("label"))
        if url.startswith("<"):  # keep the angle brackets of a safe target
            start, end = match.span("url")
            return _escape_html(text[:start]) + url + _escape_html(text[end:])
    definition = _REF_DEFINITION.match(text)
    if definition and not is_safe_url(definition.group(1).strip("<>")):
        return ""
    return _escape_prose(text)


@functools.lru_cache(maxsize=65536)  # names and summaries recur on many pages (lists, tooltips)
def escape_plain(text: str) -> str:
    """Plain text as inline Markdown that renders back to exactly that text."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_{}\[\]|!])", r"\\\1", text)
    return _LEADING_BLOCK.sub(r"\\\1", text)


def unsafe_spans(text: str) -> Iterator[tuple[int, str, str]]:
    """``(offset, code, message)`` for each raw-HTML or script-like span in ``text``.

    A tag with an event handler is reported once, as the more specific ``event-handler``.
    """
    if "<" not in text and ":" not in text and "=" not in text:
        return  # nothing any of the patterns below could match
    handlers = [match.start() for match in _EVENT_HANDLER.finditer(text)]
    for match in _SCRIPT.finditer(text):
        yield match.start(), "script-tag", "a <script> tag is not allowed in term text; remove it"
    for match in _TAG.finditer(text):
        if not _SCRIPT.match(match.group(0)) and not any(match.start() < h < match.end() for h in handlers):
            yield (match.start(), "raw-html",
                   f"raw HTML {match.group(0)[:40]!r} is not allowed; use Markdown or plain words")
    for match in _BAD_SCHEME.finditer(text):
        yield (match.start(), "unsafe-url",
               f"'{match.group(0)}' URLs are not allowed; link only to http(s), mailto or relative URLs")
    for offset in handlers:
        attribute = _EVENT_HANDLER.match(text, offset).group(0)
        yield offset, "event-handler", f"event-handler attribute '{attribute}' is not allowed; remove it"


def has_plain_markup(text: str) -> bool:
    """Whether a plain-text field uses Markdown or HTML it should not."""
    return bool(_PLAIN_MARKUP.search(text))
