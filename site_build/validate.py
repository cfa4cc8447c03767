"""Build terms, areas and tags from parsed documents (their fields checked by ``fields``).

Checks one file at a time (types, required keys, unknown keys, unsafe text); checks
that need the whole glossary (references, collisions) live in ``crossref``.
"""

from __future__ import annotations

from .fields import FieldChecker
from .fields import _type_name as type_name
from .model import Area, Tag, Term
from .problems import Problem
from .schema import AREA_FIELDS, REQUIRED_WHEN, TAG_FIELDS, TERM_FIELDS
from .sections import AreaChecker
from .slugs import ID_PATTERN, RESERVED_IDS, slugify
from .source import REFUSED, Document, SourceMap


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
    checker = AreaChecker(doc)
    id_ok = _check_id(checker, stem, "area")
    values = checker.fields(AREA_FIELDS, stem)
    if not id_ok or "name" not in values or "summary" not in values:
        return None, checker.problems
    return Area(id=stem, path=doc.path, **values), checker.problems


def _entry_map(positions: SourceMap, tag_id: str) -> SourceMap:
    """The source map of one tag entry, paths relative to it; the entry itself is at its id."""
    def inside(table: dict) -> dict:
        return {path[1:]: where for path, where in table.items() if path[:1] == (tag_id,)}
    values = {**inside(positions.values), (): positions.key_at((tag_id,))}
    return SourceMap(values, inside(positions.keys), inside(positions.text_starts))


def _split_keys(checker: FieldChecker, entry: dict, tag_id: str) -> dict:
    """Report keys that cannot belong to a tag entry and return the rest for ``fields``.

    A value-less key in ``{name: …, summary: …}`` is almost always the tail of a summary
    that an unquoted comma cut off, so that case says how to keep the text whole.
    """
    known = {spec.key for spec in TAG_FIELDS}
    kept = {}
    for key, value in entry.items():
        if key == "id":
            checker.report(("id",), "unknown-key",
                           f"'id' is not a tag key: the tag's id is '{tag_id}', the key before the entry; remove it",
                           at_key=True)
        elif key not in known and value is None:
            checker.report((key,), "unknown-key",
                           f"unknown key '{key}' in tag '{tag_id}': an unquoted comma or colon cut the text before "
                           "it short; quote the whole value (summary: \"…, …\") or write the entry as a block",
                           at_key=True)
        else:
            kept[key] = value
    return kept


def validate_tags(doc: Document) -> tuple[tuple[Tag, ...], list[Problem]]:
    """The closed tag vocabulary: ``id: {name, summary}`` per tag, checked like every other file."""
    tags, problems = [], []
    for tag_id, entry in doc.data.items():
        if entry is REFUSED:
            continue
        checker = FieldChecker(doc)
        id_ok = bool(ID_PATTERN.match(tag_id)) and tag_id not in RESERVED_IDS
        if not ID_PATTERN.match(tag_id):
            suggestion = slugify(tag_id) or "a-kebab-case-id"
            checker.report((tag_id,), "bad-id", f"tag id '{tag_id}' is not a kebab-case ASCII id; "
                           f"rename it to '{suggestion}'", at_key=True)
        elif tag_id in RESERVED_IDS:  # tags/index.md is the list of tags: a tag 'index' would replace it
            checker.report((tag_id,), "reserved-id", f"'{tag_id}' is reserved for site pages; choose another tag id",
                           at_key=True)
        if not isinstance(entry, dict):
            checker.report((tag_id,), "wrong-type",
                           f"tag '{tag_id}' must be a mapping with name and summary, got {type_name(entry)}")
        else:
            positions = _entry_map(doc.positions, tag_id)
            stray = FieldChecker(Document(doc.path, {}, positions))
            entry_checker = FieldChecker(Document(doc.path, _split_keys(stray, entry, tag_id), positions))
            values = entry_checker.fields(TAG_FIELDS, tag_id)
            problems += stray.problems + entry_checker.problems
            if id_ok and "name" in values and "summary" in values:
                tags.append(Tag(tag_id, values["name"], values["summary"]))
        problems += checker.problems
    return tuple(tags), problems
