"""The pipeline's first two hops: read every file, then validate and link the whole.

``load`` and ``link`` do no rendering; ``check`` is what ``glossary check`` runs, and
never imports MkDocs or SymPy. Both take the calculator registry as an argument
(``site_build.extension``).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import memo, urls
from .accessed import check_accessed
from .autolink import PageLinks, link_markdown, link_plain, mentioned_ids
from .crossref import backlinks, check_glossary, orphans
from .disk_cache import DiskCache
from .linker import Ambiguous, Linker
from .model import Glossary, Term
from .problems import Problem, sort_problems
from .reader import discover, read_all, read_tags, stems, unique_ids
from .senses import SENSES_FILE, ambiguous_words, validate_senses
from .source import SourceMap
from .validate import validate_area, validate_term
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


def load(root: Path, terms_dir: str = "terms", *, calculators: Mapping[str, Any],
         cache: DiskCache | None = None) -> Loaded:
    """Read, validate and cross-check every term, area and tag file under ``root/terms_dir``.

    ``calculators`` is the registry terms' ``calculator:`` ids are checked against
    (``extension.registry()`` for the shipped package, ``{}`` for none); it is passed in,
    never looked for, so a broken package cannot pass for an empty one. A ``cache`` keeps
    each term and area file as parsed and validated (``reader.read_all``).

    A discovered file that gives no term or area (or a tag entry that gives no tag) is
    recorded in ``Glossary.unreadable``, so other files' references to it are not errors.
    """
    folder = root / terms_dir
    tag_file = folder / "tags.yml"
    term_files, area_files, problems = discover(root, folder)
    if not folder.is_dir():
        problems.append(Problem(terms_dir, 1, 1, "error", "missing-folder",
                                f"no '{terms_dir}/' folder under {root}; run from the project root"))
    term_reads, found = read_all(term_files, root, validate_term, cache)
    area_reads, found_areas = read_all(area_files, root, validate_area, cache)
    problems += found + found_areas
    term_reads, found = unique_ids(term_reads)
    area_reads, found_areas = unique_ids(area_reads)
    problems += found + found_areas
    problems += [problem for read in (*term_reads, *area_reads) for problem in read.problems]
    terms = [read.value for read in term_reads if read.value]
    areas = [read.value for read in area_reads if read.value]
    tags, unreadable_tags, found = read_tags(tag_file, root)
    problems += found
    senses_reads, found = read_all([folder / SENSES_FILE] if (folder / SENSES_FILE).is_file() else [], root)
    senses_docs = [read.document for read in senses_reads]
    senses, found_senses = validate_senses(senses_docs[0]) if senses_docs else ((), [])
    problems += found + found_senses
    unreadable = replace(unreadable_tags, terms=stems(term_files) - {term.id for term in terms},
                         areas=stems(area_files) - {area.id for area in areas})
    glossary = Glossary(tuple(terms), tuple(areas), tags, unreadable, senses)
    positions = {read.document.path: read.document.positions for read in (*term_reads, *area_reads, *senses_reads)}
    problems += check_glossary(glossary, positions, calculators)
    problems += check_accessed(glossary, positions, root)
    paths = tuple(f.relative_to(root).as_posix() for f in (*term_files, *area_files, tag_file, folder / SENSES_FILE)
                  if f.is_file())
    return Loaded(root, glossary, tuple(problems), positions, paths)


def linker_inputs(glossary: Glossary) -> tuple[tuple[tuple[str, str], ...], dict[str, Ambiguous]]:
    """The names and aliases of every listed term with their ids, and the ambiguous words."""
    names = tuple((name, term.id) for term in glossary.terms if term.listed for name in (term.name, *term.aliases))
    return names, ambiguous_words(glossary)


def make_linker(glossary: Glossary) -> Linker:
    """A linker over the names and aliases of every listed term, and the ambiguous words."""
    names, words = linker_inputs(glossary)
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


def mentions(loaded: Loaded, linker: Linker | None = None,
             cache: DiskCache | None = None) -> dict[str, tuple[str, ...]]:
    """For each term with a page, the other terms its texts mention (as ``link`` would link).

    With a ``cache``, a term whose texts it saw scanned for the same names is not scanned
    again, and the linker is built only if some term is."""
    pages = [term for term in loaded.glossary.terms if term.has_page]
    keys: dict[str, str] = {}
    if cache:
        names = _names_digest(loaded.glossary)
        keys = {term.id: cache.key("mentions", names, repr(_scanned(term))) for term in pages}
    kept = cache.get_many(keys.values()) if cache else {}
    found = {term.id: _ids(kept[keys[term.id]]) for term in pages if keys.get(term.id) in kept}
    missing = [term for term in pages if term.id not in found]
    if missing:
        scanner = linker or make_linker(loaded.glossary)
        scanned = {term_id: ids for half in in_two(lambda terms: _scan(terms, scanner), missing)
                   for term_id, ids in half.items()}
        if cache:
            cache.put_many({keys[term_id]: "\n".join(ids).encode() for term_id, ids in scanned.items()})
        found.update(scanned)
    return {term.id: found[term.id] for term in pages}


def _names_digest(glossary: Glossary) -> str:
    """A digest of the linker's inputs that is the same in every process: the ambiguous
    words' spellings and areas are sets, whose order varies with string hashing, so sorted."""
    names, words = linker_inputs(glossary)
    spelled = sorted((spelling, word.page, tuple((term_id, sorted(areas)) for term_id, areas in word.senses))
                     for spelling, word in words.items())
    return memo.fingerprint(names, spelled)


def _scanned(term: Term) -> tuple:
    """What a term's mentions depend on besides the names: its id, texts and areas."""
    return term.id, term.summary, term.body, tuple(item.answer for item in term.faq), term.areas


def _scan(terms: list[Term], linker: Linker) -> dict[str, tuple[str, ...]]:
    found = {}
    for term in terms:
        areas = term.areas
        ids = (mentioned_ids(term.summary, linker, markdown=False, areas=areas)
               | mentioned_ids(term.body, linker, areas=areas))
        for item in term.faq:
            ids |= mentioned_ids(item.answer, linker, areas=areas)
        found[term.id] = tuple(sorted(ids - {term.id}))
    return found


def _ids(kept: bytes) -> tuple[str, ...]:
    return tuple(kept.decode().split("\n")) if kept else ()


def check(root: Path, only: list[str] | None = None, terms_dir: str = "terms", *,
          calculators: Mapping[str, Any], cache: DiskCache | None = None) -> tuple[list[Problem], int]:
    """All problems (optionally only those in the ``only`` paths) and how many terms were read.

    Orphans need every mention, but not the linked texts, so this skips building them. A
    ``cache`` keeps what it computes from files and texts that did not change (``disk_cache``).
    """
    with paused_gc():
        loaded = load(root, terms_dir, calculators=calculators, cache=cache)
        incoming = backlinks(loaded.glossary, mentions(loaded, cache=cache))
    problems = [*loaded.problems, *orphans(loaded.glossary, incoming, loaded.positions)]
    if only:
        wanted = {Path(p).as_posix().lstrip("./") for p in only}
        problems = [p for p in problems if p.path in wanted]
    return sort_problems(problems), len(loaded.glossary.terms)
