"""The files the site publishes for other tools, besides its pages and ``glossary.json``.

Each is written from the same validated ``Glossary`` the pages come from:
``glossary.csv`` (spreadsheets, Anki), ``glossary.skos.ttl`` and ``glossary.skos.jsonld``
(SKOS), ``objects.inv`` (Sphinx intersphinx), ``llms.txt`` and ``llms-full.txt``, and
``glossary.schema.json``, the JSON Schema of ``glossary.json``, and ``feed.xml`` (Atom, from
the same git history that dates the pages). The Markdown twins
(``terms/<id>.md``) share their path with the Markdown sources of the pages, so they are
not MkDocs files: ``twins.twins`` gives them to the adapter, which writes them after
the build.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from . import cards, feed, inventory, memo, skos, twins, urls
from .dates import FALLBACK_DATE, DateBook
from .model import Glossary

CSV = "glossary.csv"
SKOS_TURTLE = "glossary.skos.ttl"
SKOS_JSONLD = "glossary.skos.jsonld"
INVENTORY = "objects.inv"
LLMS = "llms.txt"
LLMS_FULL = "llms-full.txt"
SCHEMA = "glossary.schema.json"
EXPORT_FOLDER = "published"  # where an export (either engine) puts these files, beside its pages
CSV_COLUMNS = ("id", "name", "aliases", "summary", "url", "areas", "tags")
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Published:
    """One published file: its path in the site and its content (text, bytes, or a file
    to copy, such as a cached card)."""

    path: str
    content: str | bytes | Path

    @property
    def data(self) -> bytes:
        """The file's bytes, as written."""
        if isinstance(self.content, Path):
            return self.content.read_bytes()
        return self.content if isinstance(self.content, bytes) else self.content.encode("utf-8")


def glossary_csv(glossary: Glossary, site_url: str) -> str:
    """RFC 4180 CSV (CRLF line ends, quotes doubled), one row per stable term; list
    columns joined with ``; ``. Anki imports it with name as front and summary as back."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for term in glossary.terms:
        if term.listed:
            writer.writerow([term.id, term.name, LIST_SEPARATOR.join(term.aliases), term.summary,
                             urls.absolute(site_url, urls.term_page(term.id)),
                             LIST_SEPARATOR.join(term.areas), LIST_SEPARATOR.join(term.tags)])
    return buffer.getvalue()


def glossary_schema(site_url: str) -> str:
    """The JSON Schema (2020-12) of ``glossary.json``."""
    text = {"type": "string", "minLength": 1}
    ids = {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}}
    entry = {
        "type": "object",
        "required": ["id", "name", "kind", "summary", "aliases", "areas", "tags", "related", "url"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                   "description": "The term's id: its file stem and the last part of its URL."},
            "name": {**text, "description": "Display name."},
            "kind": {"enum": ["term", "definition"], "description": "Long-form article or short entry."},
            "summary": {**text, "maxLength": 300, "description": "One or two plain-text sentences."},
            "aliases": {"type": "array", "items": text, "description": "Other names; each URL-slug redirects."},
            "areas": {**ids, "minItems": 1, "description": "Area ids; the first is the breadcrumb parent."},
            "tags": {**ids, "description": "Tag ids from the closed vocabulary."},
            "related": {**ids, "description": "Ids of related terms."},
            "same_as": {"type": "array", "items": {"type": "string", "format": "uri", "pattern": "^https?://"},
                        "description": "URLs of the same concept elsewhere (optional)."},
            "url": {"type": "string", "format": "uri", "description": "The term page."},
        },
    }
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": urls.file_url(site_url, SCHEMA),
              "title": "glossary.json", "description": "Every stable term of the glossary, in file order.",
              "type": "array", "items": entry}
    return json.dumps(schema, indent=1) + "\n"


def write_all(files: tuple[Published, ...], directory: Path) -> None:
    """Write published files under ``directory`` (the built site, or an export's folder)."""
    for item in files:
        destination = directory / item.path
        destination.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item.content, Path):
            _place(item.content, destination)
        elif isinstance(item.content, bytes):
            destination.write_bytes(item.content)
        else:
            destination.write_text(item.content, encoding="utf-8")


def _place(source: Path, destination: Path) -> None:
    """A hard link to ``source`` where the file system allows it (a warm build copies no
    card bytes), else a copy."""
    destination.unlink(missing_ok=True)
    try:
        os.link(source, destination)
    except OSError:
        shutil.copyfile(source, destination)


def everything(glossary: Glossary, site_url: str, title: str, description: str,
               dates: DateBook, root: Path) -> tuple[Published, ...]:
    """The published files, every Markdown twin and the social cards (drawn into
    ``root/.cache/cards/`` unless an earlier build drew the same card; cards this build
    does not use and drew over a month ago are deleted there)."""
    cache = root / cards.CACHE
    drawn = tuple(Published(card.path, cards.cached(card, cache)) for card in cards.cards_for(glossary, title, description))
    cards.prune(cache, {card.content for card in drawn}, time.time())
    return (tuple(published_files(glossary, site_url, title, description, dates))
            + tuple(Published(path, text) for path, text in twins.twins(glossary, site_url)) + drawn)


def published_files(glossary: Glossary, site_url: str, title: str, description: str,
                    dates: DateBook | None = None) -> list[Published]:
    """Every published file but the Markdown twins, in a stable order.

    ``dates`` is the build's date book (its one ``git log`` pass); without it the feed
    dates every term at the fixed fallback date.
    """
    dates = dates or DateBook.fixed(FALLBACK_DATE)
    nodes = skos.concept_scheme(glossary, site_url, title, description)
    optional = [("Full text of every term", LLMS_FULL, "all term pages as one Markdown file"),
                ("glossary.json", urls.GLOSSARY_JSON, "every stable term as JSON (schema: glossary.schema.json)"),
                ("SKOS (Turtle)", SKOS_TURTLE, "the glossary as a SKOS concept scheme"),
                ("CSV", CSV, "id, name, aliases, summary, url, areas, tags"),
                ("Atom feed", feed.FEED, "the 50 most recently added or changed terms")]
    return [
        Published(CSV, glossary_csv(glossary, site_url)),
        Published(SKOS_TURTLE, skos.turtle(nodes)),
        Published(SKOS_JSONLD, skos.json_ld(nodes)),
        Published(INVENTORY, memo.cached("inventory", (glossary.senses, title, [(t.id, t.name, t.aliases) for t in
                                                                               glossary.terms if t.listed]),
                                         lambda: inventory.objects_inv(glossary, title))),
        Published(LLMS, twins.llms_txt(glossary, site_url, title, description, optional)),
        Published(LLMS_FULL, twins.llms_full_txt(glossary, site_url, title, description)),
        Published(SCHEMA, glossary_schema(site_url)),
        Published(feed.FEED, feed.atom(glossary, dates, site_url, title, description)),
    ]
