"""Reading ``terms/``: which files there are, and each one parsed and validated.

A large glossary is read on two cores (``workers.in_two``): each half of the files is parsed
and validated by one process, so validating (about a third of reading) is no longer done
after, on one core. Under a preview (``memo`` active) everything runs in this process, and
a file whose content has not changed is neither parsed nor validated again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import memo
from .model import Tag, Unreadable
from .problems import Problem
from .senses import SENSES_FILE
from .source import Document, parse_document, read_document
from .validate import validate_tags
from .workers import in_two

TERM_SUFFIXES = (".yml", ".yaml")
Validator = Callable[[Document, str], tuple[Any, list[Problem]]]


@dataclass(frozen=True)
class Read:
    """One file as read: its document, what its validator made of it (``None``: nothing
    usable, or no validator), and the validator's problems."""

    document: Document
    value: Any
    problems: tuple[Problem, ...]


def read_all(files: list[Path], root: Path, validate: Validator | None = None) -> tuple[list[Read], list[Problem]]:
    """Every file that parses, validated by ``validate(document, id)``, and the parse problems."""
    def work(chunk: list[Path]) -> tuple[list[Read], list[Problem]]:
        return _read_chunk(chunk, root, validate)

    reads, problems = [], []
    for found_reads, found_problems in [work(files)] if memo.is_active() else in_two(work, files):
        reads += found_reads
        problems += found_problems
    return reads, problems


def _read_chunk(files: list[Path], root: Path, validate: Validator | None) -> tuple[list[Read], list[Problem]]:
    reads, problems = [], []
    for file in files:
        document, found = _read_one(file, file.relative_to(root).as_posix())
        problems += found
        if document:
            value, checked = _validated(validate, document) if validate else (None, ())
            reads.append(Read(document, value, tuple(checked)))
    return reads, problems


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


def _validated(validate: Validator, doc: Document) -> tuple[Any, tuple[Problem, ...]]:
    """``validate(doc, id)``, once per document object (the memo keeps unchanged ones)."""
    return memo.cached(validate.__name__, doc.path, lambda: _frozen_result(validate(doc, Path(doc.path).stem)),
                       same=(doc,))


def _frozen_result(result: tuple[Any, list[Problem]]) -> tuple[Any, tuple[Problem, ...]]:
    return result[0], tuple(result[1])


def discover(root: Path, folder: Path) -> tuple[list[Path], list[Path], list[Problem]]:
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


def unique_ids(reads: list[Read]) -> tuple[list[Read], list[Problem]]:
    """Keep the first file per id (``x.yml`` and ``x.yaml`` share one); report the rest."""
    first: dict[str, Read] = {}
    problems = []
    for read in reads:
        stem = Path(read.document.path).stem
        if stem in first:
            problems.append(Problem(read.document.path, 1, 1, "error", "duplicate-id",
                                    f"id '{stem}' is already taken by {first[stem].document.path}; "
                                    "rename or delete one"))
        else:
            first[stem] = read
    return list(first.values()), problems


def read_tags(tag_file: Path, root: Path) -> tuple[tuple[Tag, ...], Unreadable, list[Problem]]:
    """The tag vocabulary, and which tag ids (or the whole file) could not be read."""
    if not tag_file.is_file():
        return (), Unreadable(), []
    reads, problems = read_all([tag_file], root)
    if not reads:
        return (), Unreadable(tag_file=True), problems
    document = reads[0].document
    tags, found = memo.cached("validate_tags", (), lambda: validate_tags(document), same=(document,))
    broken = {key for key in document.data if isinstance(key, str)} - {tag.id for tag in tags}
    return tags, Unreadable(tags=frozenset(broken)), problems + found


def stems(files: list[Path]) -> frozenset[str]:
    return frozenset(file.stem for file in files)
