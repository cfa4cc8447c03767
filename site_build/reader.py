"""Reading ``terms/``: which files there are, and each one parsed and validated.

A large glossary is read on two cores (``workers.in_two``): each half of the files is parsed
and validated by one process, so validating (about a third of reading) is no longer done
after, on one core. Under a preview (``memo`` active) everything runs in this process, and
a file whose content has not changed is neither parsed nor validated again. ``glossary check``
hands in a ``DiskCache``: a file whose path and bytes it has kept is loaded from it instead.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import memo
from .disk_cache import DiskCache
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


def read_all(files: list[Path], root: Path, validate: Validator | None = None,
             cache: DiskCache | None = None) -> tuple[list[Read], list[Problem]]:
    """Every file that parses, validated by ``validate(document, id)``, and the parse problems.

    With a ``cache``, a file whose path and bytes it has seen is not parsed or validated again."""
    def work(chunk: list[Path]) -> list[Outcome]:
        return [_read_file(file, file.relative_to(root).as_posix(), validate) for file in chunk]

    if memo.is_active():
        outcomes = work(files)
    elif cache is None:
        outcomes = [outcome for half in in_two(work, files) for outcome in half]
    else:
        outcomes = _read_with(cache, files, root, validate)
    reads = [read for read, _ in outcomes if read]
    return reads, [problem for _, found in outcomes for problem in found]


Outcome = tuple["Read | None", tuple[Problem, ...]]  # a file's read, if it parsed, and its parse problems


def _read_file(file: Path, path: str, validate: Validator | None, raw: bytes | None = None) -> Outcome:
    document, found = _read_one(file, path) if raw is None else parse_document(raw, path)
    if not document:
        return None, tuple(found)
    value, checked = _validated(validate, document) if validate else (None, ())
    return Read(document, value, tuple(checked)), tuple(found)


def _read_with(cache: DiskCache, files: list[Path], root: Path, validate: Validator | None) -> list[Outcome]:
    """``read_all``'s outcomes, those of files the cache has seen loaded from it; the others
    computed on two cores, each child pickling its own (which the pipe needs anyway)."""
    paths = {file: file.relative_to(root).as_posix() for file in files}
    raws = {file: raw for file in files if (raw := _bytes(file)) is not None}
    kind = f"read-{validate.__name__ if validate else 'document'}"
    keys = {file: cache.key(kind, paths[file], raw) for file, raw in raws.items()}
    kept = cache.get_many(keys.values())
    outcomes = {file: outcome for file, key in keys.items() if key in kept and (outcome := _unpickled(kept[key]))}
    missing = [file for file in files if file not in outcomes]

    def work(chunk: list[Path]) -> list[bytes]:
        return [pickle.dumps(_read_file(file, paths[file], validate, raws.get(file)), pickle.HIGHEST_PROTOCOL)
                for file in chunk]

    fresh = dict(zip(missing, (blob for half in in_two(work, missing) for blob in half), strict=True))
    cache.put_many({keys[file]: blob for file, blob in fresh.items() if file in keys})
    outcomes.update((file, pickle.loads(blob)) for file, blob in fresh.items())
    return [outcomes[file] for file in files]


def _bytes(file: Path) -> bytes | None:
    try:
        return file.read_bytes()
    except OSError:  # read_document reports it
        return None


def _unpickled(blob: bytes) -> Outcome | None:
    """A kept outcome, or ``None`` for one that no longer loads (it is computed again)."""
    try:
        return pickle.loads(blob)
    except Exception:  # a damaged row: whatever unpickling raises, the file is read afresh
        return None


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
