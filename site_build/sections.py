"""An area's ``sections``: titled groups of its terms in reading order.

Reading the field (``AreaChecker``), checking it against the glossary's membership
(``check_sections``), and the two views the pages need: the hub's groups
(``hub_groups``) and a term's neighbours in its section (``neighbours``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .fields import FieldChecker
from .fields import _type_name as type_name
from .model import Area, Glossary, Section, Term
from .schema import Field
from .slugs import did_you_mean
from .source import REFUSED, KeyPath

OTHER_TERMS = "Other terms"
NEIGHBOURS_MAX = 15  # entries in a term page's section list, centred on the term

Report = Callable[..., None]


class AreaChecker(FieldChecker):
    """The field checker with the one structured field only area files have."""

    def _sections(self, spec: Field, value: Any, path: KeyPath) -> tuple[Section, ...] | None:
        if not isinstance(value, list):
            self.report(path, "wrong-type", f"'sections' must be a list of {{title, terms}}, got {type_name(value)}")
            return None
        sections = []
        for index, item in enumerate(value):
            section = None if item is REFUSED else self._section(item, path + (index,))
            if section is not None:
                sections.append(section)
        return tuple(sections)

    def _section(self, item: Any, at: KeyPath) -> Section | None:
        if not isinstance(item, dict):
            self.report(at, "wrong-type", "each item of 'sections' must be a mapping with title and terms")
            return None
        for extra in set(item) - {"title", "terms"}:
            self.report(at + (extra,), "unknown-key",
                        f"unknown key '{extra}' in 'sections'{did_you_mean(str(extra), ('title', 'terms'))}",
                        at_key=True)
        if "title" not in item or "terms" not in item:
            missing = "title" if "title" not in item else "terms"
            self.report(at, "missing-key", f"'sections' item has no '{missing}'; add it")
            return None
        title = self.text(item["title"], at + ("title",), "a section title", plain=True)
        spec = Field("terms", "id-list", "", refers_to="term", min_items=1)
        terms = self.value(spec, item["terms"], at + ("terms",))
        return Section(title, terms) if title and terms is not None else None


def check_sections(glossary: Glossary, report: Report) -> None:
    """Unknown and repeated ids in each area's sections, and members left out of them."""
    for area in glossary.areas:
        if not area.sections:
            continue
        members = {t.id for t in glossary.terms if area.id in t.areas}
        seen: dict[str, str] = {}
        for s_index, section in enumerate(area.sections):
            for t_index, term_id in enumerate(section.terms):
                at = ("sections", s_index, "terms", t_index)
                if term_id not in members and term_id not in glossary.unreadable.terms:
                    where = (f"'{term_id}' lists areas {list(glossary.term_by_id[term_id].areas)}; add "
                             f"'{area.id}' there or remove it here" if term_id in glossary.term_by_id
                             else f"no term has that id{did_you_mean(term_id, members)}")
                    report(area.path, at, "section-unknown-term",
                           f"section '{section.title}' lists '{term_id}', which is not a member of area "
                           f"'{area.id}': {where}")
                elif term_id in seen:
                    report(area.path, at, "section-duplicate",
                           f"'{term_id}' is already in section '{seen[term_id]}'; list each term in one section")
                else:
                    seen[term_id] = section.title
        for term in glossary.members(area.id):
            if term.id not in seen:
                report(area.path, ("sections",), "unsectioned-term",
                       f"term '{term.id}' ({term.path}) is in no section of area '{area.id}'; "
                       "add it to the section where a reader would look for it", "warning")


@dataclass(frozen=True)
class Group:
    """One heading of an area hub and its listed terms, in order."""

    title: str
    terms: tuple[Term, ...]


def hub_groups(area: Area, members: tuple[Term, ...]) -> tuple[Group, ...]:
    """The hub's terms by section, then "Other terms" for members no section lists.

    With no sections, one untitled group in the members' order (by name).
    """
    if not area.sections:
        return (Group("", members),)
    by_id = {t.id: t for t in members}
    groups, placed = [], set()
    for section in area.sections:
        terms = tuple(by_id[i] for i in section.terms if i in by_id and i not in placed)
        placed.update(t.id for t in terms)
        if terms:
            groups.append(Group(section.title, terms))
    rest = tuple(t for t in members if t.id not in placed)
    if rest:
        groups.append(Group(OTHER_TERMS, rest))
    return tuple(groups)


@dataclass(frozen=True)
class Neighbours:
    """A term's section as its page's side list: the title and a window of terms around it."""

    area: Area
    title: str
    terms: tuple[Term, ...]
    current: str


class SectionIndex:
    """Every area's hub groups, computed once, and where each listed term sits in them.

    A term page asks for its neighbours in constant time, so the pages of 5,000 terms
    cost no more per page than those of 50.
    """

    def __init__(self, glossary: Glossary, limit: int = NEIGHBOURS_MAX) -> None:
        self.limit = limit
        self.groups: dict[str, tuple[Group, ...]] = {}
        self._place: dict[tuple[str, str], tuple[Group, int]] = {}
        members: dict[str, list[Term]] = {area.id: [] for area in glossary.areas}
        for term in sorted((t for t in glossary.terms if t.listed), key=lambda t: t.name.casefold()):
            for area_id in term.areas:
                members.get(area_id, []).append(term)
        for area in glossary.areas:
            self.groups[area.id] = hub_groups(area, tuple(members[area.id]))
            for group in self.groups[area.id]:
                for index, term in enumerate(group.terms):
                    self._place[(area.id, term.id)] = (group, index)
        self._areas = glossary.area_by_id

    def neighbours(self, term: Term) -> Neighbours | None:
        """The group of the term's first area that holds it, cut to ``limit`` entries around it."""
        area = self._areas.get(term.areas[0]) if term.areas else None
        place = self._place.get((area.id, term.id)) if area else None
        if place is None:
            return None
        group, at = place
        start = max(0, min(at - self.limit // 2, len(group.terms) - self.limit))
        return Neighbours(area, group.title or area.name, group.terms[start:start + self.limit], term.id)
