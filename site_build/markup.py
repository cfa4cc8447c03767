"""Markup safety: split Markdown into prose, code and links; escape; neutralise.

Python-Markdown passes raw HTML, ``javascript:`` links and attribute lists straight
through, so text from YAML is made inert here before it becomes Markdown, and the
validator uses the same detectors to tell contributors what to change.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")
_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(\S+)")
_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<link>!?\[(?P<label>[^\]\n]*)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"\n]*\")?\))"
    r"|(?P<reflink>!?\[[^\]\n]*\]\[[^\]\n]*\])"
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--|<!\[CDATA\[|<\?")
_SCRIPT = re.compile(r"</?script", re.IGNORECASE)
_BAD_SCHEME = re.compile(r"\b(?:javascript|vbscript)\s*:|\bdata:[a-z]", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"\bon[a-z]{3,}\s*=", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
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
    position = 0
    for match in _INLINE.finditer(line):
        if match.start() > position:
            yield Chunk("text", line[position:match.start()])
        yield Chunk("code" if match.group("code") else "link", match.group(0))
        position = match.end()
    if position < len(line):
        yield Chunk("text", line[position:])


def is_safe_url(url: str) -> bool:
    """True for http(s), protocol-relative and relative URLs; false for any other scheme."""
    cleaned = _CONTROL.sub("", html.unescape(url.strip("<>"))).lower()
    scheme_end = cleaned.find(":")
    if scheme_end == -1:
        return True
    before = cleaned[:scheme_end]
    if any(c in before for c in "/?#"):
        return True
    return before in ("http", "https")


def sanitize_markdown(markdown: str) -> str:
    """Markdown from YAML made inert: no raw HTML, no attribute lists, only safe links."""
    return "".join(sanitize_chunk(chunk) for chunk in split_markdown(markdown))


def sanitize_chunk(chunk: Chunk) -> str:
    if chunk.kind == "code":
        return chunk.text
    if chunk.kind == "link":
        return _sanitize_link(chunk.text)
    return _escape_prose(chunk.text)


def _escape_prose(text: str) -> str:
    return text.replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")


def _sanitize_link(text: str) -> str:
    match = _INLINE.fullmatch(text.strip("\n"))
    if match and match.group("link") and not is_safe_url(match.group("url")):
        return escape_plain(match.group("label"))
    definition = _REF_DEFINITION.match(text)
    if definition and not is_safe_url(definition.group(1)):
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
               f"'{match.group(0)}' URLs are not allowed; link only to http(s) or relative URLs")
    for offset in handlers:
        attribute = _EVENT_HANDLER.match(text, offset).group(0)
        yield offset, "event-handler", f"event-handler attribute '{attribute}' is not allowed; remove it"


def has_plain_markup(text: str) -> bool:
    """Whether a plain-text field uses Markdown or HTML it should not."""
    return bool(_PLAIN_MARKUP.search(text))
