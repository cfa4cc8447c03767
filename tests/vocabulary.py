"""Check JSON-LD against the schema.org vocabulary (release 30.0, kept in tests/data).

``tests/data/schemaorg-30.0-vocabulary.json`` is the schema.org vocabulary reduced to
what these checks need: each class's parents, each property's domains and ranges. The
vocabulary is by the schema.org contributors, licensed CC BY-SA 3.0; see the file's
``license`` and ``source`` fields.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

VOCABULARY_FILE = Path(__file__).resolve().parent / "data" / "schemaorg-30.0-vocabulary.json"


@functools.cache
def vocabulary() -> dict[str, Any]:
    return json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))


@functools.cache
def ancestors(class_name: str) -> frozenset[str]:
    """The class and every class it inherits from."""
    found = {class_name}
    for parent in vocabulary()["classes"].get(class_name, ()):
        found |= ancestors(parent)
    return frozenset(found)


def vocabulary_errors(node: Any, where: str = "") -> list[str]:
    """Every unknown type, unknown property, and property used outside its domain or range.

    Plain strings are accepted where a node is expected: schema.org's data model allows
    text or a URL in place of a Thing (as Google's breadcrumb ``item`` uses it).
    """
    if isinstance(node, list):
        return [e for i, item in enumerate(node) for e in vocabulary_errors(item, f"{where}[{i}]")]
    if not isinstance(node, dict):
        return []
    errors = []
    node_type = node.get("@type")
    classes, properties = vocabulary()["classes"], vocabulary()["properties"]
    if node_type is not None and node_type not in classes:
        errors.append(f"{where}: unknown type {node_type!r}")
    for key, value in node.items():
        if key.startswith("@"):
            errors += vocabulary_errors(value, f"{where}.{key}")
            continue
        spec = properties.get(key)
        if spec is None:
            errors.append(f"{where}: unknown property {key!r}")
            continue
        if node_type in classes and not ancestors(node_type) & set(spec["domains"]):
            errors.append(f"{where}: {key!r} is not a property of {node_type} (domains: {spec['domains']})")
        for item in value if isinstance(value, list) else [value]:
            item_type = item.get("@type") if isinstance(item, dict) else None
            if item_type in classes and not ancestors(item_type) & set(spec["ranges"]):
                errors.append(f"{where}.{key}: a {item_type} is outside the range {spec['ranges']}")
        errors += vocabulary_errors(value, f"{where}.{key}")
    return errors


def breadcrumb_errors(graph: dict[str, Any]) -> list[str]:
    """BreadcrumbList rules: ≥ 2 items, positions 1..n as integers, absolute item URLs."""
    errors = []
    for node in graph.get("@graph", []):
        if node.get("@type") != "BreadcrumbList":
            continue
        items = node.get("itemListElement", [])
        if len(items) < 2:
            errors.append(f"breadcrumb has {len(items)} item(s)")
        positions = [item.get("position") for item in items]
        if positions != list(range(1, len(items) + 1)) or any(type(p) is not int for p in positions):
            errors.append(f"breadcrumb positions are {positions}")
        for item in items:
            url = item.get("item")
            if url is not None and not str(url).startswith(("https://", "http://")):
                errors.append(f"breadcrumb item {url!r} is not absolute")
    return errors
