"""The pipeline's first two hops: read every file, then validate and link the whole.

``load`` and ``link`` do no rendering; ``check`` is what ``glossary check`` runs, and
never imports MkDocs or SymPy. Both take the calculator registry as an argument
(``site_build.extension``).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import memo, urls
from .accessed import check_accessed
from .crossref import backlinks, check_glossary, orphans
from .linker import Linker, PageLinks, link_markdown, link_plain, mentioned_ids
from .model import Glossary, Tag, Term, Unreadable
from .problems import Problem, sort_problems
from .senses import SENSES_FILE, ambiguous_words, validate_senses
from .source import Document, SourceMap, parse_document, read_document
from .validate import validate_area, validate_tags, validate_term
from .workers import in_two


@dataclass(frozen=True)
class Loaded:
    """Everything read from ``terms/``: the glossary, its problems, and source maps."""

    root: Path
    glossary: Glossary
    problems: tuple[Problem, ...]
    positions: Mapping[str, SourceMap]
    paths: tuple[str, ...]


@dataclass(frozen=True)
class TermTexts:
    """A term page's texts as sanitised, auto-linked Markdown, and what they link to."""

    summary: str
    body: str
    answers: tuple[str, ...]
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class Linked:
    linker: Linker
    texts: Mapping[str, TermTexts]
    backlinks: Mapping[str, tuple[str, ...]]
    problems: tuple[Problem, ...] = field(default=())


def _read_all(files: list[Path], root: Path) -> tuple[list[Document], list[Problem]]:
    """Parse every file (a large glossary on two cores; a preview's memo, in this process)."""
    documents, problems = [], []
    halves = [_read_chunk(files, root)] if memo.is_active() else in_two(lambda chunk: _read_chunk(chunk, root), files)
    for found_documents, found_problems in halves:
        documents += found_documents
        problems += found_problems
    return documents, problems


def _read_chunk(files: list[Path], root: Path) -> tuple[list[Document], list[Problem]]:
    documents, problems = [], []
    for file in files:
        document, found = _read_one(file, file.relative_to(root).as_posix())
        problems += found
        if document:
            documents.append(document)
    return documents, problems


def _read_one(file: Path, path: str) -> tuple[Document | None, list[Problem]]:
    """``read_document``; under a preview (``memo``), parsed once per distinct content."""
    if not memo.is_active():
        return read_document(file, path)
    try:
        raw = file.read_bytes()
    except OSError:
        return read_document(file, path)
    content = hashlib.blake2b(raw, digest_size=20).hexdigest()
    document, found = memo.cached("read", (path, content), lambda: _parsed(raw, path))
    return document, list(found)


def _parsed(raw: bytes, path: str) -> tuple[Document | None, tuple[Problem, ...]]:
    document, found = parse_document(raw, path)
    return document, tuple(found)


def _validated(validate: Any, doc: Document) -> tuple[Any, list[Problem]]:
    """``validate(doc, id)``, once per document object (the memo keeps unchanged ones)."""
    value, found = memo.cached(validate.__name__, doc.path,
                               lambda: _frozen_result(validate(doc, Path(doc.path).stem)), same=(doc,))
    return value, list(found)


def _frozen_result(result: tuple[Any, list[Problem]]) -> tuple[Any, tuple[Problem, ...]]:
    return result[0], tuple(result[1])


TERM_SUFFIXES = (".yml", ".yaml")


def _discover(root: Path, folder: Path) -> tuple[list[Path], list[Path], list[Problem]]:
    """Term files, area files, and warnings for files the glossary would silently skip."""
    if not folder.is_dir():
        return [], [], []
    terms, areas, problems = [], [], []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        here = Path(directory)
        for name in sorted(names):
            if name.startswith("."):
                continue
            is_yaml = name.endswith(TERM_SUFFIXES)
            if here == folder and is_yaml and name not in ("tags.yml", SENSES_FILE):
                terms.append(here / name)
            elif here == folder / "areas" and is_yaml:
                areas.append(here / name)
            elif not (here == folder and name in ("tags.yml", SENSES_FILE)):
                problems.append(Problem((here / name).relative_to(root).as_posix(), 1, 1, "warning", "stray-file",
                                        f"'{name}' is not read: term files are terms/<id>.yml, area files "
                                        "terms/areas/<id>.yml; move or delete it"))
    return terms, areas, problems


def _unique_ids(documents: list[Document]) -> tuple[list[Document], list[Problem]]:
    """Keep the first file per id (``x.yml`` and ``x.yaml`` share one); report the rest."""
    first: dict[str, Document] = {}
    problems = []
    for doc in documents:
        stem = Path(doc.path).stem
        if stem in first:
            problems.append(Problem(doc.path, 1, 1, "error", "duplicate-id",
                                    f"id '{stem}' is already taken by {first[stem].path}; rename or delete one"))
        else:
            first[stem] = doc
    return list(first.values()), problems


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while the glossary is built.

    Reading thousands of files allocates millions of small dicts and tuples and no
    cycles worth collecting; the collector's repeated passes over them cost about 10%.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_tags(tag_file: Path, root: Path) -> tuple[tuple[Tag, ...], Unreadable, list[Problem]]:
    """The tag vocabulary, and which tag ids (or the whole file) could not be read."""
    if not tag_file.is_file():
        return (), Unreadable(), []
    tag_docs, problems = _read_all([tag_file], root)
    if not tag_docs:
        return (), Unreadable(tag_file=True), problems
    tags, found = memo.cached("validate_tags", (), lambda: validate_tags(tag_docs[0]), same=(tag_docs[0],))
    broken = {key for key in tag_docs[0].data if isinstance(key, str)} - {tag.id for tag in tags}
    return tags, Unreadable(tags=frozenset(broken)), problems + found


def _stems(files: list[Path]) -> frozenset[str]:
    return frozenset(file.stem for file in files)


def load(root: Path, terms_dir: str = "terms", *, calculators: Mapping[str, Any]) -> Loaded:
    """Read, validate and cross-check every term, area and tag file under ``root/terms_dir``.

    ``calculators`` is the registry terms' ``calculator:`` ids are checked against
    (``extension.registry()`` for the shipped package, ``{}`` for none); it is passed in,
    never looked for, so a broken package cannot pass for an empty one.

    A discovered file that gives no term or area (or a tag entry that gives no tag) is
    recorded in ``Glossary.unreadable``, so other files' references to it are not errors.
    """
    folder = root / terms_dir
    tag_file = folder / "tags.yml"
    term_files, area_files, problems = _discover(root, folder)
    if not folder.is_dir():
        problems.append(Problem(terms_dir, 1, 1, "error", "missing-folder",
                                f"no '{terms_dir}/' folder under {root}; run from the project root"))
    term_docs, found = _read_all(term_files, root)
    area_docs, found_areas = _read_all(area_files, root)
    problems += found + found_areas
    term_docs, found = _unique_ids(term_docs)
    area_docs, found_areas = _unique_ids(area_docs)
    problems += found + found_areas
    terms, areas = [], []
    for doc in term_docs:
        term, found = _validated(validate_term, doc)
        problems += found
        terms += [term] if term else []
    for doc in area_docs:
        area, found = _validated(validate_area, doc)
        problems += found
        areas += [area] if area else []
    tags, unreadable_tags, found = _read_tags(tag_file, root)
    problems += found
    senses_docs, found = _read_all([folder / SENSES_FILE] if (folder / SENSES_FILE).is_file() else [], root)
    senses, found_senses = validate_senses(senses_docs[0]) if senses_docs else ((), [])
    problems += found + found_senses
    unreadable = replace(unreadable_tags, terms=_stems(term_files) - {term.id for term in terms},
                         areas=_stems(area_files) - {area.id for area in areas})
    glossary = Glossary(tuple(terms), tuple(areas), tags, unreadable, senses)
    positions = {doc.path: doc.positions for doc in (*term_docs, *area_docs, *senses_docs)}
    problems += check_glossary(glossary, positions, calculators)
    problems += check_accessed(glossary, positions, root)
    paths = tuple(f.relative_to(root).as_posix() for f in (*term_files, *area_files, tag_file, folder / SENSES_FILE)
                  if f.is_file())
    return Loaded(root, glossary, tuple(problems), positions, paths)


def make_linker(glossary: Glossary) -> Linker:
    """A linker over the names and aliases of every listed term, and the ambiguous words."""
    names = tuple((name, term.id) for term in glossary.terms if term.listed for name in (term.name, *term.aliases))
    words = ambiguous_words(glossary)
    return memo.cached("linker", (names, words), lambda: Linker(names, words))


def link_term(term: Term, linker: Linker) -> TermTexts:
    page = PageLinks(href=lambda target: urls.href(urls.term_page(term.id), urls.term_page(target)),
                     exclude=term.id, areas=term.areas)
    summary = link_plain(term.summary, linker, page)
    body = link_markdown(term.body, linker, page)
    answers = tuple(link_markdown(item.answer, linker, page) for item in term.faq)
    return TermTexts(summary, body, answers, tuple(page.linked))


def link(loaded: Loaded) -> Linked:
    """Auto-link every term page's text, then compute backlinks and orphan warnings."""
    glossary = loaded.glossary
    linker = make_linker(glossary)
    texts = {term.id: memo.cached("link", (), lambda term=term: link_term(term, linker), same=(term, linker))
             for term in glossary.terms if term.has_page}
    incoming = backlinks(glossary, {tid: t.mentions for tid, t in texts.items()})
    return Linked(linker, texts, incoming, tuple(orphans(glossary, incoming, loaded.positions)))


def mentions(loaded: Loaded, linker: Linker) -> dict[str, tuple[str, ...]]:
    """For each term with a page, the other terms its texts mention (as ``link`` would link)."""
    def scan(terms: list[Term]) -> dict[str, tuple[str, ...]]:
        found = {}
        for term in terms:
            areas = term.areas
            ids = (mentioned_ids(term.summary, linker, markdown=False, areas=areas)
                   | mentioned_ids(term.body, linker, areas=areas))
            for item in term.faq:
                ids |= mentioned_ids(item.answer, linker, areas=areas)
            found[term.id] = tuple(sorted(ids - {term.id}))
        return found

    halves = in_two(scan, [term for term in loaded.glossary.terms if term.has_page])
    return {term_id: ids for half in halves for term_id, ids in half.items()}


def check(root: Path, only: list[str] | None = None, terms_dir: str = "terms", *,
          calculators: Mapping[str, Any]) -> tuple[list[Problem], int]:
    """All problems (optionally only those in the ``only`` paths) and how many terms were read.

    Orphans need every mention, but not the linked texts, so this skips building them.
    """
    with paused_gc():
        loaded = load(root, terms_dir, calculators=calculators)
        incoming = backlinks(loaded.glossary, mentions(loaded, make_linker(loaded.glossary)))
    problems = [*loaded.problems, *orphans(loaded.glossary, incoming, loaded.positions)]
    if only:
        wanted = {Path(p).as_posix().lstrip("./") for p in only}
        problems = [p for p in problems if p.path in wanted]
    return sort_problems(problems), len(loaded.glossary.terms)
