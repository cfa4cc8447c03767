"""The term, area and tag file formats, declared once.

The validator checks files against these declarations and ``json_schema`` turns the
same declarations into the JSON Schemas under ``schema/`` that editors use, so the
two can never drift apart: ``glossary regenerate schemas`` rewrites those files, and a
test fails while they differ from what it would write.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import KINDS, STATUSES

SUMMARY_MAX = 300
PLACEHOLDER = "TODO:"  # how `glossary new` marks text still to write; check warns on it

# Field types: "plain" is text with no markup; "markdown" may use Markdown (never raw
# HTML); "enum" is one of ``choices``; "id" references another object by id; "-list"
# variants are lists; "url-list" is a list of http(s) URLs; "faq", "sources", "example"
# and "examples" are the structured fields.


@dataclass(frozen=True)
class Field:
    key: str
    type: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    refers_to: str = ""
    max_length: int = 0
    min_items: int = 0


TERM_FIELDS: tuple[Field, ...] = (
    Field("name", "plain", "Display name, e.g. 'Maintenance Margin'.", required=True),
    Field("kind", "enum", "'term' for a long article, 'definition' for a short entry.",
          required=True, choices=KINDS),
    Field("summary", "plain", "One or two plain-text sentences that define the term on their own.",
          required=True, max_length=SUMMARY_MAX),
    Field("areas", "id-list", "Topic hubs; the first one is the breadcrumb parent.",
          required=True, refers_to="area", min_items=1),
    Field("aliases", "plain-list", "Other names and abbreviations; each gets a redirect page."),
    Field("related", "id-list", "Ids of related terms ('see also').", refers_to="term"),
    Field("distinct_from", "id-list", "Term ids whose similar names really mean something else.",
          refers_to="term"),
    Field("tags", "id-list", "Tag ids from terms/tags.yml.", refers_to="tag"),
    Field("calculator", "id", "Id of the calculator whose widget this page embeds.",
          refers_to="calculator"),
    Field("example", "example", "The widget's starting inputs for this term (input name: value)."),
    Field("body", "markdown", "The long text, in Markdown (no raw HTML)."),
    Field("faq", "faq", "Questions and answers shown on the page and in FAQPage JSON-LD."),
    Field("sources", "sources", "Citations: title, http(s) url, and for a figure a venue can change "
          "the date it was read ('accessed: YYYY-MM-DD')."),
    Field("examples", "examples", "Worked examples the text quotes, recomputed by 'glossary check': "
          "calculator id, inputs, and each output as the text writes it."),
    Field("same_as", "url-list", "http(s) URLs of the same concept elsewhere (e.g. Wikipedia); JSON-LD sameAs."),
    Field("status", "enum", "draft (built, not listed), stable, or deprecated (needs replaced_by).",
          choices=STATUSES),
    Field("replaced_by", "id", "With status deprecated: the term this one redirects to.",
          refers_to="term"),
)

AREA_FIELDS: tuple[Field, ...] = (
    Field("name", "plain", "Display name of the topic hub.", required=True),
    Field("summary", "plain", "One or two plain-text sentences describing the hub.",
          required=True, max_length=SUMMARY_MAX),
    Field("body", "markdown", "Introductory text, in Markdown (no raw HTML)."),
    Field("faq", "faq", "Questions and answers shown on the hub and in FAQPage JSON-LD."),
    Field("sections", "sections", "Groups of the hub's terms in display order: title and term ids "
          "in reading order; every stable member belongs in one."),
)

# terms/tags.yml maps each tag id to one entry with these keys.
TAG_FIELDS: tuple[Field, ...] = (
    Field("name", "plain", "Display name of the tag, e.g. 'Funding'.", required=True),
    Field("summary", "plain", "One plain-text sentence saying what the tag groups.",
          required=True, max_length=SUMMARY_MAX),
)

# terms/senses.yml maps each ambiguous word's slug to one entry with these keys.
SENSE_FIELDS: tuple[Field, ...] = (
    Field("name", "plain", "The ambiguous word as readers type it, e.g. 'Margin'; the key is its slug.",
          required=True),
    Field("senses", "id-list", "Ids of the terms that claim the word as name or alias; the first is the "
          "primary sense, which /terms/<key>/ shows.", required=True, refers_to="term", min_items=2),
)

# (key, value, then required): a deprecated term must say where it redirects.
REQUIRED_WHEN = (("status", "deprecated", "replaced_by"),)

_ID_REGEX = "^[a-z0-9]+(-[a-z0-9]+)*$"
_TEXT = {"type": "string", "pattern": "\\S"}  # not empty and not only blanks
_URL = {"type": "string", "pattern": "^https?://\\S+$"}
# An editor reads YAML 1.2, where an unquoted 2026-12-01 is a string.
_DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


def _property(spec: Field) -> dict[str, Any]:
    if spec.type in ("plain", "markdown"):
        prop: dict[str, Any] = dict(_TEXT)
        if spec.max_length:
            prop["maxLength"] = spec.max_length
    elif spec.type == "enum":
        prop = {"enum": list(spec.choices)}
    elif spec.type == "id":
        prop = {"type": "string", "pattern": _ID_REGEX}
    elif spec.type == "url-list":
        prop = {"type": "array", "items": _URL, "uniqueItems": True}
    elif spec.type in ("id-list", "plain-list"):
        item = {"type": "string", "pattern": _ID_REGEX} if spec.type == "id-list" else dict(_TEXT)
        prop = {"type": "array", "items": item, "uniqueItems": True}
        if spec.min_items:
            prop["minItems"] = spec.min_items
    elif spec.type == "faq":
        prop = _object_list({"question": _TEXT, "answer": _TEXT})
    elif spec.type == "sources":
        prop = _object_list({"title": _TEXT, "url": _URL, "accessed": _DATE}, optional=("accessed",))
    elif spec.type == "examples":
        inputs = {"type": "object", "additionalProperties": {"type": ["number", "string", "array"]}}
        outputs = {"type": "object", "additionalProperties": _TEXT, "minProperties": 1}
        prop = _object_list({"calculator": {"type": "string", "pattern": _ID_REGEX}, "inputs": inputs,
                             "outputs": outputs})
    elif spec.type == "sections":
        ids = {"type": "array", "items": {"type": "string", "pattern": _ID_REGEX}, "minItems": 1,
               "uniqueItems": True}
        prop = _object_list({"title": _TEXT, "terms": ids})
    else:
        prop = {"type": "object", "additionalProperties": {"type": ["number", "string"]}}
    return {"description": spec.description, **prop}


def _object_list(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    item = {"type": "object", "properties": properties, "required": [k for k in properties if k not in optional],
            "additionalProperties": False}
    return {"type": "array", "items": item}


def json_schema(fields: tuple[Field, ...], title: str) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for editors, generated from the field declarations."""
    keys = {spec.key for spec in fields}
    conditions = [{"if": {"properties": {key: {"const": value}}, "required": [key]},
                   "then": {"required": [needed]}}
                  for key, value, needed in REQUIRED_WHEN if key in keys]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "properties": {spec.key: _property(spec) for spec in fields},
        "required": [spec.key for spec in fields if spec.required],
        "additionalProperties": False,
        **({"allOf": conditions} if conditions else {}),
    }


def keyed_json_schema(fields: tuple[Field, ...], title: str) -> dict[str, Any]:
    """A JSON Schema for a file that maps kebab-case ids to entries (``terms/tags.yml``)."""
    entry = json_schema(fields, title)
    for key in ("$schema", "title"):
        entry.pop(key)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "propertyNames": {"pattern": _ID_REGEX},
        "additionalProperties": entry,
    }


def schema_files() -> dict[str, dict[str, Any]]:
    """Every editor schema by its file name under ``schema/``."""
    return {"term.schema.json": json_schema(TERM_FIELDS, "Glossary term"),
            "area.schema.json": json_schema(AREA_FIELDS, "Glossary area"),
            "tags.schema.json": keyed_json_schema(TAG_FIELDS, "Glossary tags (terms/tags.yml)"),
            "senses.schema.json": keyed_json_schema(SENSE_FIELDS, "Words with several meanings (terms/senses.yml)")}


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as its file holds it (``glossary regenerate schemas`` writes exactly this)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[str]:
    """Write every editor schema into ``folder``; the names of the files whose text changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, schema in schema_files().items():
        file, text = folder / name, schema_text(schema)
        if not file.exists() or file.read_text(encoding="utf-8") != text:
            file.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed
