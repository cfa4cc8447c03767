"""Unsafe link targets: where a text's Markdown would give the browser a link or image it
opens with a forbidden scheme, however the target is spelled.

``glossary check`` asks Python-Markdown for the HTML the site would make of a text and
reads its targets with ``htmlsafe.unsafe_urls``, the very function the build applies to
every page, so the checker and the output agree; each target found is then located in
the text as written, for the problem's line and column. Most texts need no Markdown at
all: a text without a link, or whose targets are all http(s) or relative, is let through
by the quick filters first.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .markup import SITE_EXTENSION_CONFIGS, SITE_EXTENSIONS
from .urlsafety import SAFE_SCHEMES, is_safe_url, url_scheme

_COULD_LINK = re.compile(r"\]\(|\]:|<")  # no link, image, reference or HTML tag without one of these
# Where a target can start: after '](' or ']:' (blanks, a newline or '<' between), or
# after '=' (attribute lists, raw HTML); and any raw tag other than an http(s) autolink.
_TARGET_START = re.compile(r"(?:\]\(|\]:|=)[\s<\"']*")
_RAW_TAG = re.compile(r"<(?![Hh][Tt][Tt][Pp][Ss]?://)[A-Za-z]")
_MAX_BRACKETS = 500
_BARE_AMPERSAND = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)  # as Markdown writes it


@dataclass(frozen=True)
class UnsafeTarget:
    """A link or image target in Markdown text that the browser would open with a
    forbidden scheme: where it is written (offset in the text), as written."""

    offset: int
    written: str
    scheme: str
    attribute: str  # href, src, srcset, ...


@functools.cache
def _converter():
    import markdown  # only when a text could hold a link: importing it costs ~0.3 s

    return markdown.Markdown(extensions=list(SITE_EXTENSIONS), extension_configs=SITE_EXTENSION_CONFIGS)


def unsafe_targets(text: str) -> list[UnsafeTarget]:
    """Every unsafe target in ``text``, found in the HTML the site makes of it (the same
    ``htmlsafe.unsafe_urls`` the build applies), plus unused reference definitions."""
    if not _COULD_LINK.search(text):
        return []
    written = _written_targets(text)
    if not written and not _RAW_TAG.search(text):
        return []  # most texts with links hold only http(s) and relative ones: no Markdown needed
    if text.count("[") > _MAX_BRACKETS:
        return written  # Python-Markdown's time grows with the square of the brackets
    from .htmlsafe import unsafe_urls  # imported on first use: a clean glossary never needs it

    converter = _converter()
    converter.reset()
    try:
        html = converter.convert(text)
    except Exception:  # e.g. RecursionError on thousands of nested lists: never a traceback
        _converter.cache_clear()  # its state is half-way through that text
        return written
    found = [(a.raw_value, a.name, a.unsafe_scheme) for a in unsafe_urls(html)]
    found += [(raw, "href", url_scheme(raw)) for href, _ in converter.references.values()
              if not is_safe_url(raw := _BARE_AMPERSAND.sub("&amp;", href))]
    targets: dict[int, UnsafeTarget] = {}
    for raw, attribute, scheme in found:
        offset, shown = _locate(text, raw, targets)
        targets.setdefault(offset, UnsafeTarget(offset, shown, scheme or "", attribute))
    return sorted(targets.values(), key=lambda target: target.offset)


def _written_targets(text: str) -> list[UnsafeTarget]:
    """Targets that could open a scheme other than http(s) or mailto, read from the text
    alone (where a target can start, with Markdown's backslash escapes dropped): more than
    Markdown would make links of (code, say), so only a fallback and a quick filter."""
    found = []
    for match in _TARGET_START.finditer(text):
        tail = text[match.end():match.end() + 200]
        scheme = url_scheme(tail.replace("\\", ""))
        if scheme is not None and scheme not in SAFE_SCHEMES:
            found.append(UnsafeTarget(match.end(), re.split(r"[\s)>\"']", tail, maxsplit=1)[0], scheme, "href"))
    return found


def _locate(text: str, raw: str, taken: dict[int, UnsafeTarget]) -> tuple[int, str]:
    """Where the attribute value ``raw`` is written in ``text``: the first place where a
    target can start that no other target took yet; if all are taken, one of them (a
    definition used twice is one mistake, reported once); the same text elsewhere (in
    prose, say) only when it is written nowhere else."""
    written = raw.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    places = []  # as in the HTML, as Markdown had it, then by its start
    for candidate, shown in ((raw, raw), (written, written), (written[:12], written)):
        offset = text.find(candidate) if candidate else -1
        while offset != -1:
            places.append((offset, shown))
            offset = text.find(candidate, offset + 1)
    starts = {match.end() for match in _TARGET_START.finditer(text)}
    for group in ([place for place in places if place[0] in starts], places):
        for offset, shown in group:
            if offset not in taken:
                return offset, shown
        if group:
            return group[0]
    return 0, written
