"""A Sphinx inventory (``objects.inv``) of the glossary, so other docs link terms by name.

Sphinx, and mkdocstrings through its autorefs, resolve `` :term:`Maintenance Margin` ``
against an intersphinx inventory: a four-line header, then zlib-compressed lines of
``name domain:role priority uri display-name``. Every stable term's name and each alias
is an entry of ``std:term`` pointing at the term page (an alias at the page it redirects
to, so no reader lands on a redirect). Sphinx looks ``std:term`` entries up without case,
and writes them in lower case itself; we do the same and keep the spelling a reader sees
as the display name.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

from . import urls
from .model import Glossary
from .senses import disambiguation_id
from .slugs import slugify

HEADER = ("# Sphinx inventory version 2\n# Project: {project}\n# Version: {version}\n"
          "# The remainder of this file is compressed using zlib.\n")


def entries(glossary: Glossary) -> Iterator[tuple[str, str, str]]:
    """``(name, uri, display name)`` for every name and alias of every stable term, each
    name once. A word with several senses (``terms/senses.yml``) points at its
    disambiguation page, as the site's own links do when no area picks a sense; otherwise
    the first term to claim a name wins, in file order."""
    seen: set[str] = set()
    for sense in glossary.senses:
        key = _inventory_name(sense.name)
        if key and key not in seen:
            seen.add(key)
            yield key, urls.url_path(urls.term_page(disambiguation_id(sense.slug))), sense.name
    ambiguous = {sense.slug for sense in glossary.senses}
    for term in glossary.terms:
        if not term.listed:
            continue
        uri = urls.url_path(urls.term_page(term.id))
        for label in (term.name, *term.aliases):
            key = _inventory_name(label)
            if key and key not in seen and slugify(label) not in ambiguous:
                seen.add(key)
                yield key, uri, label


def _inventory_name(label: str) -> str:
    # A name is everything before the role column, so runs of whitespace must be single
    # spaces (Sphinx normalises term text the same way).
    return re.sub(r"\s+", " ", label).strip().lower()


def objects_inv(glossary: Glossary, project: str, version: str = "") -> bytes:
    """The inventory file's bytes."""
    lines = "".join(f"{name} std:term -1 {uri} {display}\n" for name, uri, display in entries(glossary))
    header = HEADER.format(project=project.replace("\n", " "), version=version.replace("\n", " "))
    return header.encode("utf-8") + zlib.compress(lines.encode("utf-8"), 9)
