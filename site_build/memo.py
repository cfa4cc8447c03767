"""Memo: the pipeline's pure steps, remembered between the rebuilds of one preview.

Under ``mkdocs serve`` a save changes one file, yet every rebuild used to parse every
term file, link every term's texts and render every page, twin and published piece
again from the same inputs. While a ``Memo`` is active (``with memo.active(...)``),
``cached(kind, parts, compute)`` returns what ``compute()`` gave the last time the same
kind of step ran on equal ``parts``; otherwise it computes and keeps the result.

``parts`` are compared by their ``repr`` (frozen dataclasses show every field),
``same`` by identity: a term parsed from unchanged bytes is the very object the
memo kept, so comparing it costs nothing. A step's key lists everything the step reads
(a term page's key holds its related terms, not the whole glossary). The build's ``context`` (settings, templates,
calculators) is part of every key, so a change there recomputes everything. Values are
immutable (strings, tuples, frozen dataclasses): a remembered value is shared, not copied.

Without an active memo (``mkdocs build``, ``glossary check``, ``glossary export``)
``cached`` just calls ``compute``: a full build is exactly what it was.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import jinja2

Value = TypeVar("Value")


def fingerprint(*parts: object) -> str:
    """A short stable digest of ``repr(parts)`` (dataclasses, tuples, strings, numbers)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass
class Counts:
    """Per kind of step: how many results were reused and how many computed (log, tests)."""

    reused: dict[str, int] = field(default_factory=dict)
    computed: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        kinds = sorted({*self.reused, *self.computed})
        return ", ".join(f"{kind} {self.computed.get(kind, 0)}/{self.reused.get(kind, 0) + self.computed.get(kind, 0)}"
                         for kind in kinds)


class Memo:
    """Results by kind, context, parts' ``repr`` and ids of ``same``, kept for one build after their last use.

    ``start`` begins a build: what the last builds kept may be reused; ``forget_unused``
    (after a build that succeeded) drops what that build did not ask for, so a deleted
    term's page is not kept for ever while a broken build forgets nothing.
    """

    def __init__(self) -> None:
        self._now: dict[tuple, tuple[tuple, object]] = {}
        self._last: dict[tuple, tuple[tuple, object]] = {}
        self.context = ""
        self.counts = Counts()

    def start(self, *context: object) -> None:
        self._last, self._now = {**self._last, **self._now}, {}
        self.context = fingerprint(*context)
        self.counts = Counts()

    def forget_unused(self) -> None:
        self._last = {}

    def get(self, kind: str, parts: object, compute: Callable[[], Value], same: tuple = ()) -> Value:
        """The result for ``parts`` (by value) and ``same`` (by identity), computed once."""
        key = (kind, self.context, repr(parts), tuple(map(id, same)))
        kept = self._now.get(key) or self._last.pop(key, None)
        if kept is not None and all(a is b for a, b in zip(kept[0], same, strict=True)):
            self._now[key] = kept
            self.counts.reused[kind] = self.counts.reused.get(kind, 0) + 1
            return kept[1]
        self.counts.computed[kind] = self.counts.computed.get(kind, 0) + 1
        value = compute()
        self._now[key] = (same, value)  # holding ``same`` keeps their ids from being reused
        return value


_ACTIVE: list[Memo] = []


@contextlib.contextmanager
def active(memo: Memo | None) -> Iterator[None]:
    """Make ``cached`` use ``memo`` inside the block (``None``: compute everything)."""
    if memo is None:
        yield
        return
    _ACTIVE.append(memo)
    try:
        yield
    finally:
        _ACTIVE.remove(memo)


def is_active() -> bool:
    return bool(_ACTIVE)


def cached(kind: str, parts: object, compute: Callable[[], Value], same: tuple = ()) -> Value:
    """``compute()``, or its remembered result while a memo is active.

    The result is reused when ``parts`` are equal by value (their ``repr``) and ``same``
    holds the very objects of last time: a term the memo itself kept because its file's
    bytes did not change is the same object, so it costs no ``repr`` to compare.
    """
    return _ACTIVE[-1].get(kind, parts, compute, same) if _ACTIVE else compute()


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory between the rebuilds of one preview.

    MkDocs makes a new theme environment for every build, which compiled Material's
    templates again each time; Jinja checks each template's source checksum against the
    kept code, so an edited override is compiled afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
