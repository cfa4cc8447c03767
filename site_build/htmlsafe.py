"""HTML sanitizing: every URL attribute of every tag checked as the browser reads it.

Markdown is escaped before it is converted (``markup``), but the HTML that comes out
is the authority: ``sanitize_html`` tokenizes it the way the HTML standard does (quoted
values may hold ``>``; comments, raw-text elements such as ``<script>`` and bogus
comments end exactly where the browser ends them), decodes each URL-bearing attribute
and asks ``is_safe_url``. An unsafe attribute is replaced by a valueless marker
(``data-unsafe-src``; a link gets ``href="#" data-unsafe-href``), so a link keeps its
text and an image its alt text; every other byte stays as it was. ``glossary check``
reports with the same ``unsafe_urls``.

A page almost never holds anything doubtful, so two regular-expression searches over it
(``_suspect``) decide first whether the tokenizer has to run at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .urlsafety import SAFE_SCHEMES, decode_attribute, decoded_url_scheme

_WS = "\t\n\f\r "
# One URL each; then those holding several (srcset candidates, ping lists, SVG animation values).
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "xlink:href", "data", "cite",
                            "background", "longdesc", "usemap", "lowsrc", "dynsrc", "codebase", "classid",
                            "manifest", "profile", "icon"})
LIST_ATTRIBUTES = frozenset({"srcset", "imagesrcset", "ping", "archive"})
ANIMATED = frozenset({"animate", "set"})  # <animate attributeName="href" values="javascript:…">
ANIMATION_ATTRIBUTES = frozenset({"values", "to", "from", "by"})

# Where a doubtful URL could be: an '=' after a list attribute or after a blank, or one
# whose value does not start like a relative or http(s)/mailto URL; or an SVG animation.
_SUSPECT = re.compile(
    r"=(?:(?<=[\t\n\f\r ]=)|(?<=(?i:srcset)=)|(?<=(?i:ping)=)|(?<=(?i:archive)=)"
    r"|[\t\n\f\r ]*[\"']?(?![#/.?\"']|(?:[Hh][Tt][Tt][Pp][Ss]?|[Mm][Aa][Ii][Ll][Tt][Oo]):|[A-Za-z0-9_~%.+-]+[/?#\"' >]))")
_ANIMATION = re.compile(r"<(?i:animate|set)[\t\n\f\r />]")  # two searches: faster than one alternation
_NAME_END = frozenset("\t\n\f\r />=\"'<")
_OPEN = re.compile(r"<(?:/?[A-Za-z]|!|\?|/)")
_VALUE = r"(?>\"[^\"]*\"|'[^']*'|(?![\"'])[^\t\n\f\r >]*)"
_ATTRIBUTE = re.compile(rf"([^\t\n\f\r />][^\t\n\f\r />=]*+)(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+({_VALUE}))?")
_TAG = re.compile(rf"</?([A-Za-z][^\t\n\f\r />]*+)(?:[\t\n\f\r /]++|{_ATTRIBUTE.pattern})*+>")
_COMMENT_END = re.compile(r"-?>|.*?--!?>", re.DOTALL)
_RAW_TEXT = frozenset({"style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title"})
_SCRIPT_STEP = re.compile(r"<!--|-->|<(/?)script(?=[\t\n\f\r />])", re.IGNORECASE)


@dataclass(frozen=True)
class UrlAttribute:
    """A URL-bearing attribute of a start tag: its raw text (``start``:``end`` in the HTML)."""

    tag: str
    name: str
    raw_value: str  # as written, before character references are decoded
    start: int
    end: int

    @property
    def value(self) -> str:
        return decode_attribute(self.raw_value)

    @property
    def unsafe_scheme(self) -> str | None:
        """The first forbidden scheme among the URLs the attribute holds, or None."""
        value = self.value
        if self.name in URL_ATTRIBUTES:
            parts = [value]
        else:  # every token, descriptors too: over-strict at worst (a '1x' has no scheme)
            parts = re.split(r";" if self.name in ANIMATION_ATTRIBUTES else r"[\t\n\f\r ,]", value)
        for part in parts:
            scheme = decoded_url_scheme(part)
            if scheme is not None and scheme not in SAFE_SCHEMES:
                return scheme
        return None

    @property
    def is_safe(self) -> bool:
        return self.unsafe_scheme is None


def _url_attributes(tag: re.Match[str]) -> Iterator[UrlAttribute]:
    name = tag.group(1).lower()
    for attribute in _ATTRIBUTE.finditer(tag.string, tag.end(1), tag.end() - 1):
        key = attribute.group(1).lower()
        if key in URL_ATTRIBUTES or key in LIST_ATTRIBUTES or (name in ANIMATED and key in ANIMATION_ATTRIBUTES):
            raw = attribute.group(2) or ""
            if raw[:1] in ("'", '"'):
                raw = raw[1:-1]
            yield UrlAttribute(name, key, raw, attribute.start(), attribute.end())


def _script_end(html: str, position: int) -> int:
    """Where a ``<script>``'s text ends: the HTML standard's script-data states, with
    ``<!--`` escapes and nested ``<script>`` inside them."""
    state = "data"
    while match := _SCRIPT_STEP.search(html, position):
        token, closing = match.group(0), match.group(1)
        position = match.start() + 2 if token == "<!--" else match.end()
        if token == "<!--":
            state = "escaped" if state == "data" else state
        elif token == "-->":
            state = "data"
        elif closing and state in ("data", "escaped"):
            return match.start()
        elif closing:
            state = "escaped"
        elif state == "escaped":
            state = "double"
    return len(html)


def _raw_text_end(html: str, name: str, position: int) -> int:
    if name == "script":
        return _script_end(html, position)
    if name == "plaintext":
        return len(html)
    end = re.compile(rf"</{name}(?=[\t\n\f\r />])", re.IGNORECASE).search(html, position)
    return end.start() if end else len(html)


def _scan(html: str, start: int, stop: int, found: list[UrlAttribute], broken: list[int] | None) -> None:
    """Tokenize ``html[start:stop]`` as a browser would; collect URL attributes of start
    tags, and (into ``broken``) the ``<`` of a tag left open at the end, which would
    swallow the markup that follows."""
    position = start
    while (opening := _OPEN.search(html, position, stop)) is not None:
        at = opening.start()
        if html.startswith("<!--", at):
            end = _COMMENT_END.match(html, at + 4, stop)
            position = end.end() if end else stop
            continue
        if not html[at + 1:at + 2].isalpha() and not (html[at + 1] == "/" and html[at + 2:at + 3].isalpha()):
            close = html.find(">", at + 2, stop)  # bogus comment: <!…>, <?…>, </…>
            position = close + 1 if close != -1 else stop
            continue
        tag = _TAG.match(html, at, stop)
        if tag is None:
            if broken is not None:
                broken.append(at)
            position = at + 1
            continue
        position = tag.end()
        if html[at + 1] == "/":
            continue
        found.extend(_url_attributes(tag))
        name = tag.group(1).lower()
        if name in _RAW_TEXT or name in ("script", "plaintext"):
            end = _raw_text_end(html, name, position)
            # Inside <svg> or <math> (or with scripting off) the same text is markup: scan
            # it for URLs too, but never rewrite a '<' of what is most likely script or CSS.
            _scan(html, position, end, found, None)
            position = end


def _suspect(html: str) -> bool:
    """Whether ``html`` could hold an unsafe URL attribute at all (false positives only
    cost a full scan)."""
    for hit in _SUSPECT.finditer(html):
        end = hit.start()
        while end and html[end - 1] in _WS:
            end -= 1
        start = end
        while start and html[start - 1] not in _NAME_END:
            start -= 1
        name = html[start:end].lower()
        if name in URL_ATTRIBUTES or name in LIST_ATTRIBUTES:
            return True
    return _ANIMATION.search(html) is not None


def url_attributes(html: str) -> list[UrlAttribute]:
    """Every URL-bearing attribute of every start tag in ``html``, in order."""
    found: list[UrlAttribute] = []
    _scan(html, 0, len(html), found, [])
    return found


def unsafe_urls(html: str) -> list[UrlAttribute]:
    """The URL attributes whose target is not allowed (see ``urlsafety.is_safe_url``)."""
    if not _suspect(html):
        return []
    return [attribute for attribute in url_attributes(html) if not attribute.is_safe]


def sanitize_html(html: str) -> str:
    """``html`` with every unsafe URL attribute replaced by a ``data-unsafe-<name>``
    marker; unchanged, byte for byte, when nothing in it is unsafe."""
    if not _suspect(html):
        return html
    found: list[UrlAttribute] = []
    broken: list[int] = []
    _scan(html, 0, len(html), found, broken)
    edits = [(a.start, a.end, _marker(html, a)) for a in found if not a.is_safe]
    edits += [(at, at + 1, "&lt;") for at in broken]
    if not edits:
        return html
    pieces, position = [], 0
    for start, end, text in sorted(edits):
        if start < position:  # already inside an earlier edit
            continue
        pieces += [html[position:start], text]
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


def _marker(html: str, attribute: UrlAttribute) -> str:
    # A link keeps an inert href: Material's instant navigation fails on a click on an
    # <a> without one.
    marker = "data-unsafe-" + attribute.name.replace(":", "-")
    marker = 'href="#" ' + marker if attribute.name == "href" else marker
    following = html[attribute.end:attribute.end + 1]
    return marker if following in ("", "/", ">") or following in _WS else marker + " "
