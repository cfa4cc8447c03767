"""Build terms, areas and tags from parsed documents (their fields checked by ``fields``).

Checks one file at a time (types, required keys, unknown keys, unsafe text); checks
that need the whole glossary (references, collisions) live in ``crossref``.
"""

from __future__ import annotations

from .fields import FieldChecker
from .model import Area, Tag, Term
from .problems import Problem
from .schema import AREA_FIELDS, REQUIRED_WHEN, TERM_FIELDS, Field
from .slugs import ID_PATTERN, RESERVED_IDS, slugify
from .source import REFUSED, Document


def _check_id(checker: FieldChecker, stem: str, kind: str) -> bool:
    if not ID_PATTERN.match(stem):
        suggestion = slugify(stem) or "a-kebab-case-name"
        checker.report((), "bad-id", f"file name '{stem}' is not a kebab-case ASCII id; rename it to '{suggestion}.yml'")
        return False
    if stem in RESERVED_IDS:
        checker.report((), "reserved-id", f"'{stem}' is reserved for site pages; choose another {kind} id")
        return False
    return True


def validate_term(doc: Document, stem: str) -> tuple[Term | None, list[Problem]]:
    """A ``Term`` if the file is usable (all required keys valid), and its problems."""
    checker = FieldChecker(doc)
    id_ok = _check_id(checker, stem, "term")
    values = checker.fields(TERM_FIELDS, stem)
    for key, value, needed in REQUIRED_WHEN:
        if values.get(key) == value and needed not in values:
            checker.report((key,), f"{value}-without-replacement",
                           f"a {value} term needs '{needed}: <term id>' to redirect to")
    if values.get("kind") == "term" and "body" not in values:
        checker.report(("kind",), "term-without-body",
                       "kind 'term' is a long article but has no 'body'; write one or use kind 'definition'",
                       severity="warning")
    if not id_ok or "name" not in values:
        return None, checker.problems
    # A term with other errors is still cross-checked, so one run reports everything;
    # the errors already reported keep it from being built.
    values.setdefault("kind", "definition")
    values.setdefault("summary", "")
    values.setdefault("areas", ())
    return Term(id=stem, path=doc.path, **values), checker.problems


def validate_area(doc: Document, stem: str) -> tuple[Area | None, list[Problem]]:
    checker = FieldChecker(doc)
    id_ok = _check_id(checker, stem, "area")
    values = checker.fields(AREA_FIELDS, stem)
    if not id_ok or "name" not in values or "summary" not in values:
        return None, checker.problems
    return Area(id=stem, path=doc.path, **values), checker.problems


_TAG_FIELDS = (
    Field("name", "plain", "Display name of the tag.", required=True),
    Field("summary", "plain", "What the tag groups.", required=True),
)


def validate_tags(doc: Document) -> tuple[tuple[Tag, ...], list[Problem]]:
    """The closed tag vocabulary: ``id: {name, summary}`` per tag."""
    tags, problems = [], []
    for tag_id, entry in doc.data.items():
        if entry is REFUSED:
            continue
        checker = FieldChecker(Document(doc.path, entry if isinstance(entry, dict) else {}, doc.positions))
        if not ID_PATTERN.match(tag_id):
            checker.report((tag_id,), "bad-id", f"tag id '{tag_id}' must be kebab-case ASCII", at_key=True)
        if not isinstance(entry, dict):
            checker.report((tag_id,), "wrong-type", f"tag '{tag_id}' must be a mapping with name and summary")
        else:
            values = {}
            for spec in _TAG_FIELDS:
                if spec.key not in entry:
                    checker.report((tag_id,), "missing-key", f"tag '{tag_id}' has no '{spec.key}'; add it")
                else:
                    values[spec.key] = checker.value(spec, entry[spec.key], (tag_id, spec.key))
            if all(values.get(spec.key) for spec in _TAG_FIELDS) and ID_PATTERN.match(tag_id):
                tags.append(Tag(tag_id, values["name"], values["summary"]))
        problems += checker.problems
    return tuple(tags), problems
