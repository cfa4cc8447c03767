"""Plain text from term Markdown, for places that are not HTML pages: JSON-LD answers.

Search engines may read a FAQPage answer's ``text`` as HTML, so it carries no Markdown
and no tags: a link keeps its label, code keeps its text, a tag is dropped.
"""

from __future__ import annotations

import re

from .markup import split_markdown

_LABEL = re.compile(r"!?\[(?P<label>[^\]]*)\]")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:")
_TAG = re.compile(r"<[^<>]*>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")


def plain_text(markdown: str) -> str:
    """``markdown`` as one line of plain text (labels for links, no markup, no tags)."""
    parts = []
    for chunk in split_markdown(markdown):
        text = chunk.text
        if chunk.kind == "link" and _DEFINITION.match(text):
            text = ""  # a reference definition says where a label links, nothing to read
        elif chunk.kind == "link":
            label = _LABEL.match(text.strip())
            text = label.group("label") if label else ""
        elif chunk.kind == "code":
            text = text.strip("`") if "`" in text.strip() else text
        elif chunk.kind == "heading":
            text = _HEADING.sub("", text)
        parts.append(text)
    joined = _EMPHASIS.sub(r"\2", _TAG.sub("", "".join(parts)))
    return " ".join(_TAG_START.sub("‹", joined).split())  # what is left of a tag cannot start one
