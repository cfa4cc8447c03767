"""The glossary's data model: frozen dataclasses that every later stage reads."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

KINDS = ("term", "definition")
STATUSES = ("draft", "stable", "deprecated")


@dataclass(frozen=True)
class Faq:
    question: str
    answer: str


@dataclass(frozen=True)
class Source:
    """A citation; ``accessed`` is the day a venue figure it backs was read (it can change)."""

    title: str
    url: str
    accessed: datetime.date | None = None


@dataclass(frozen=True)
class Example:
    """A worked example the text quotes, declared as data so the checker recomputes it.

    ``outputs`` maps an output name to the number exactly as the text writes it
    (``"47,690.76"``, ``"5.72%"``); ``index`` is its place in ``examples``, which locates
    its problems in the file.
    """

    calculator: str
    inputs: Mapping[str, Any]
    outputs: Mapping[str, str]
    index: int


@dataclass(frozen=True)
class Term:
    """One term file, validated. ``path`` is the file path shown in problems."""

    id: str
    path: str
    name: str
    kind: str
    summary: str
    areas: tuple[str, ...]
    body: str = ""
    faq: tuple[Faq, ...] = ()
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    distinct_from: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    calculator: str | None = None
    example: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    sources: tuple[Source, ...] = ()
    examples: tuple[Example, ...] = ()
    same_as: tuple[str, ...] = ()
    status: str = "stable"
    replaced_by: str | None = None

    @property
    def listed(self) -> bool:
        """Whether the term appears in the A–Z index, hubs, tags, sitemap and glossary.json."""
        return self.status == "stable"

    @property
    def has_page(self) -> bool:
        """Deprecated terms have a redirect instead of a page."""
        return self.status != "deprecated"

    @property
    def widget_inputs(self) -> Mapping[str, Any]:
        """The widget's starting inputs: ``example``, else the first worked example its
        calculator computes, so the numbers on screen are the ones the text quotes."""
        if self.example or not self.calculator:
            return self.example
        return next((e.inputs for e in self.examples if e.calculator == self.calculator), self.example)


@dataclass(frozen=True)
class Section:
    """A titled group of an area's terms, in reading order (the area file's ``sections``)."""

    title: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Area:
    """A topic hub. Membership comes from the terms' ``areas``; ``sections`` only orders it."""

    id: str
    path: str
    name: str
    summary: str
    body: str = ""
    faq: tuple[Faq, ...] = ()
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Tag:
    id: str
    name: str
    summary: str


@dataclass(frozen=True)
class Dates:
    """ISO dates (``YYYY-MM-DD``) a file was first and last committed."""

    published: str
    modified: str


@dataclass(frozen=True)
class Unreadable:
    """Ids whose file exists but gave no value (a YAML error, no ``name``, a bad encoding…).

    Such an id is known, not unknown: the broken file reports its own mistake, and a
    reference to it from another file is not a second error there. ``tag_file`` is set
    when ``tags.yml`` exists but could not be read, so no tag can be judged unknown.
    """

    terms: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    tag_file: bool = False

    def covers(self, what: str, ref: str) -> bool:
        """Whether ``ref`` (a ``term``, ``area`` or ``tag`` id) names a file that could not be read."""
        if what == "tag":
            return self.tag_file or ref in self.tags
        return ref in (self.terms if what == "term" else self.areas)


@dataclass(frozen=True)
class Sense:
    """An ambiguous word and the terms it can mean (``terms/senses.yml``), primary first.

    ``slug`` is the entry's key, the slug of ``name``: ``/terms/<slug>/`` is the primary
    sense and ``/terms/<slug>-disambiguation/`` lists them all.
    """

    slug: str
    name: str
    senses: tuple[str, ...]
    path: str = "terms/senses.yml"


@dataclass(frozen=True)
class Glossary:
    """Every term, area and tag, sorted by id, with lookup tables."""

    terms: tuple[Term, ...]
    areas: tuple[Area, ...]
    tags: tuple[Tag, ...]
    unreadable: Unreadable = field(default_factory=Unreadable)
    senses: tuple[Sense, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "term_by_id", MappingProxyType({t.id: t for t in self.terms}))
        object.__setattr__(self, "area_by_id", MappingProxyType({a.id: a for a in self.areas}))
        object.__setattr__(self, "tag_by_id", MappingProxyType({t.id: t for t in self.tags}))

    term_by_id: Mapping[str, Term] = field(init=False, repr=False, compare=False)
    area_by_id: Mapping[str, Area] = field(init=False, repr=False, compare=False)
    tag_by_id: Mapping[str, Tag] = field(init=False, repr=False, compare=False)

    def members(self, area_id: str) -> tuple[Term, ...]:
        """Listed terms of an area, by name."""
        return tuple(sorted((t for t in self.terms if t.listed and area_id in t.areas),
                            key=lambda t: t.name.casefold()))

    def tagged(self, tag_id: str) -> tuple[Term, ...]:
        return tuple(sorted((t for t in self.terms if t.listed and tag_id in t.tags),
                            key=lambda t: t.name.casefold()))
