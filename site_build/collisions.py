"""Name collisions: names, aliases and ids that would share a URL, and names that are the
same words in another order. Both are reported in both files, so that ``glossary check`` on
either file alone (as pre-commit runs it) shows the clash; ``collision_owner`` tells
``glossary new`` which term already has a name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping

from .model import Glossary, Term
from .senses import sense_for_key
from .slugs import RESERVED_IDS, collision_key, slugify, word_set
from .source import KeyPath, SourceMap

Report = Callable[..., None]  # crossref._Reporter: (path, key path, code, message[, severity])


def _names(term: Term) -> Iterator[tuple[str, str, KeyPath]]:
    """A term's name, aliases and id: the name first, so collisions quote it over the id."""
    yield term.name, "name", ("name",)
    for index, alias in enumerate(term.aliases):
        yield alias, "alias", ("aliases", index)
    yield term.id, "id", ()


def collision_owner(glossary: Glossary, name: str) -> tuple[Term, str, str, KeyPath] | None:
    """The term whose id, name or alias ``name`` collides with, and which one it is."""
    key = collision_key(name)
    for term in glossary.terms:
        for other, what, at in _names(term):
            if collision_key(other) == key:
                return term, what, other, at
    return None


def check_collisions(glossary: Glossary, report: Report, positions: Mapping[str, SourceMap]) -> None:
    """Names, aliases and ids that would share a URL, reported in both files.

    Both sides, so that ``glossary check`` on either file alone (as pre-commit runs it)
    shows the clash. A word that ``terms/senses.yml`` lists with all its claimants is
    not a clash: it has a disambiguation page.
    """
    terms, by_id, allowed = glossary.terms, glossary.term_by_id, sense_for_key(glossary)

    def fix(key: str, *ids: str) -> str:
        sense = allowed.get(key)
        if sense is None:
            return ("make it an alias of one term, or rename one; or, if both meanings are real, add an entry "
                    f"'{slugify(key)}: {{name: …, senses: [{', '.join(ids)}]}}' to terms/senses.yml")
        source = positions.get(sense.path)
        line = source.key_at((sense.slug,))[0] if source else 1
        missing = [i for i in ids if i not in sense.senses]
        return f"{sense.path}:{line} lists '{sense.slug}' without {', '.join(missing)}; add it to its senses"

    def covered(key: str, *ids: str) -> bool:
        return key in allowed and set(ids) <= set(allowed[key].senses)

    owners: dict[str, tuple[Term, str, str, KeyPath]] = {}
    reported: set[tuple[str, str]] = set()  # (key, term id): a name and its id share a key
    for term in terms:
        for name, what, at in _names(term):
            key = collision_key(name)
            if not key:
                report(term.path, at, "bad-alias", f"{what} {name!r} has no letters or digits to make a URL from")
                continue
            if what == "alias" and slugify(name) in RESERVED_IDS:
                report(term.path, at, "reserved-id", f"alias {name!r} would take the reserved URL /terms/{slugify(name)}/")
            if what == "alias" and by_id.get(name, term) is not term and not covered(key, term.id, name):
                other = by_id[name]
                report(term.path, at, "alias-is-id", f"alias {name!r} is the id of {other.path}; "
                       "remove the alias, or merge the two terms")
                report(other.path, (), "alias-is-id", f"this term's id '{name}' is an alias in {term.path}; "
                       "remove the alias there, or merge the two terms")
                continue
            owner = owners.setdefault(key, (term, what, name, at))
            if owner[0].id != term.id and (key, term.id) not in reported and not covered(key, term.id, owner[0].id):
                reported.add((key, term.id))
                other, other_what, other_name, other_at = owner
                hint = fix(key, other.id, term.id)
                report(term.path, at, "name-collision",
                       f"{what} {name!r} collides with {other_what} {other_name!r} of {other.path}; {hint}")
                report(other.path, other_at, "name-collision",
                       f"{other_what} {other_name!r} collides with {what} {name!r} of {term.path}; {hint}")


def check_near_duplicates(terms: tuple[Term, ...], report: Report) -> None:
    """Names made of the same words (in any order) that are not the same name: a warning
    in both files, unless one lists the other in ``distinct_from``."""
    by_words: dict[frozenset[str], list[Term]] = defaultdict(list)
    for term in terms:
        by_words[word_set(term.name)].append(term)
    for group in by_words.values():
        for index, term in enumerate(group):
            for other in group[:index]:
                if other.id in term.distinct_from or term.id in other.distinct_from:
                    continue
                if collision_key(term.name) == collision_key(other.name):
                    continue  # already reported as a collision
                for this, that in ((term, other), (other, term)):
                    report(this.path, ("name",), "near-duplicate",
                           f"name {this.name!r} has the same words as {that.name!r} ({that.path}); "
                           f"merge them (add an alias) or add 'distinct_from: [{that.id}]'", "warning")
