"""Words with more than one meaning: ``terms/senses.yml``, one entry per ambiguous word.

An entry makes a shared name or alias legal (otherwise a ``name-collision``): every
term that claims the word is listed, the first is the primary sense. This module reads
the file (``validate_senses``), checks it against the glossary (``check_senses``), and
answers what rendering and linking ask: which words a term is a sense of, and which
collisions an entry allows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from .fields import FieldChecker
from .fields import _type_name as type_name
from .linker import Ambiguous
from .model import Glossary, Sense, Term
from .problems import Problem
from .schema import SENSE_FIELDS
from .slugs import ID_PATTERN, collision_key, did_you_mean, slugify
from .source import REFUSED, Document
from .validate import _entry_map

SENSES_FILE = "senses.yml"
Report = Callable[..., None]


def disambiguation_id(slug: str) -> str:
    """The page id of a word's disambiguation page: ``/terms/<slug>-disambiguation/``."""
    return f"{slug}-disambiguation"


def validate_senses(doc: Document) -> tuple[tuple[Sense, ...], list[Problem]]:
    """Each ``slug: {name, senses}`` entry, its fields checked like any other file's."""
    senses, problems = [], []
    for slug, entry in doc.data.items():
        if entry is REFUSED:
            continue
        checker = FieldChecker(doc)
        if not isinstance(entry, dict):
            checker.report((slug,), "wrong-type",
                           f"entry '{slug}' must be a mapping with name and senses, got {type_name(entry)}")
            problems += checker.problems
            continue
        entry_checker = FieldChecker(Document(doc.path, entry, _entry_map(doc.positions, slug)))
        values = entry_checker.fields(SENSE_FIELDS, slug)
        problems += entry_checker.problems
        if "name" in values and "senses" in values:
            if slug != slugify(values["name"]) or not ID_PATTERN.match(str(slug)):
                checker.report((slug,), "sense-key",
                               f"key '{slug}' is not the slug of its name {values['name']!r}; "
                               f"rename the key to '{slugify(values['name'])}'", at_key=True)
            # Kept even under a wrong key, so its shared names are not also reported as collisions.
            senses.append(Sense(str(slug), values["name"], values["senses"], doc.path))
        problems += checker.problems
    return tuple(senses), problems


def claims(term: Term, word: str) -> bool:
    """Whether the term's name or one of its aliases is ``word`` (as collisions compare names)."""
    key = collision_key(word)
    return any(collision_key(name) == key for name in (term.name, *term.aliases))


def check_senses(glossary: Glossary, report: Report) -> None:
    """Unknown terms in an entry, and senses that do not claim the entry's word."""
    unreadable = glossary.unreadable.terms
    for sense in glossary.senses:
        for index, term_id in enumerate(sense.senses):
            at = (sense.slug, "senses", index)
            term = glossary.term_by_id.get(term_id)
            if term is None and term_id not in unreadable:
                report(sense.path, at, "unknown-term",
                       f"unknown term '{term_id}' in the senses of '{sense.name}'"
                       f"{did_you_mean(term_id, glossary.term_by_id)}")
            elif term is not None and not claims(term, sense.name):
                report(sense.path, at, "sense-not-claimed",
                       f"'{term_id}' ({term.path}) does not call itself {sense.name!r}; add "
                       f"{sense.name!r} to its aliases there, or remove it from these senses")


def sense_for_key(glossary: Glossary) -> Mapping[str, Sense]:
    """Each entry by the collision key of its word: which shared names it makes legal."""
    return {collision_key(sense.name): sense for sense in glossary.senses}


@dataclass(frozen=True)
class Hatnote:
    """The line at the top of a sense's page pointing at the word's other meanings."""

    word: str
    page: str  # the disambiguation page id
    primary: Term | None  # the primary sense, when it is another term


def hatnotes(term: Term, glossary: Glossary) -> Iterator[Hatnote]:
    """One line per ambiguous word the term is a sense of."""
    for sense in glossary.senses:
        if term.id in sense.senses:
            first = glossary.term_by_id.get(sense.senses[0])
            yield Hatnote(sense.name, disambiguation_id(sense.slug), first if first is not term else None)


def listed_senses(sense: Sense, glossary: Glossary) -> tuple[Term, ...]:
    """The entry's terms that have a page, in the entry's order."""
    by_id = glossary.term_by_id
    return tuple(by_id[i] for i in sense.senses if i in by_id and by_id[i].has_page)


def ambiguous_words(glossary: Glossary) -> dict[str, Ambiguous]:
    """For the linker: every spelling of each ambiguous word, with its listed senses in order."""
    words = {}
    for sense in glossary.senses:
        terms = [glossary.term_by_id[i] for i in sense.senses if i in glossary.term_by_id]
        listed = tuple((t.id, frozenset(t.areas)) for t in terms if t.listed)
        if not listed:
            continue
        word = Ambiguous(disambiguation_id(sense.slug), listed)
        key = collision_key(sense.name)
        spellings = {sense.name} | {n for t in terms for n in (t.name, *t.aliases) if collision_key(n) == key}
        words.update(dict.fromkeys(spellings, word))
    return words
