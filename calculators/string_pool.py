"""Repeated string literals of a script said once: ``const $p0="…"`` and the name where each was.

A calculator's solvers repeat the same guard messages and input names, and the runtime
repeats ``"undefined"`` and ``"number"`` in its checks; minified they are a good part of a
page's bytes. A string worth it (long enough, often enough) becomes one constant at the
top of the script's outer function, after its directives, and each use reads the constant,
which is the same value, so nothing changes but the size. The mangler then gives the
constants short names like any other local.

Only strings used as values are pooled: not property keys (``{"long": 1}``), not directives
(``"use strict"``) nor other lone string statements, and only inside the outer function
(a script with none, or one that already has a ``$p`` name, is returned unchanged).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import esprima
from esprima.nodes import Node

PREFIX = "$p"
NAME_COST = 2  # the bytes a pooled name will take once mangled, at most for a page's handful


def pool(source: str) -> str:
    """``source`` with each string literal that pays for its constant read from one."""
    tree = esprima.parseScript(source, {"range": True})
    outer = _outer_function(tree)
    if outer is None or PREFIX in source:
        return source
    found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    _collect(outer.body, found, skip=False, source=source)
    chosen = [value for value, sites in found.items() if _pays(value, sites)]
    if not chosen:
        return source
    names = {value: f"{PREFIX}{i}" for i, value in enumerate(chosen)}
    edits = [(start, end, form.replace("@", names[value])) for value in chosen for start, end, form in found[value]]
    body = outer.body.body
    directives = [s for s in body if getattr(s, "directive", None)]
    at = directives[-1].range[1] if directives else outer.body.range[0] + 1
    declaration = "\nconst " + ",".join(f"{names[v]}={json.dumps(v, ensure_ascii=False)}" for v in chosen) + ";\n"
    edits.append((at, at, declaration))
    parts, cursor = [], 0
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1])):
        parts += [source[cursor:start], text]
        cursor = end
    return "".join([*parts, source[cursor:]])


def _pays(value: str, sites: list[tuple[int, int, str]]) -> bool:
    """True when the uses, each as the constant's name, save more than the constant's declaration costs."""
    quoted = len(json.dumps(value, ensure_ascii=False))
    saved = sum((end - start) - (len(form) - 1 + NAME_COST) for start, end, form in sites)
    return saved > quoted + NAME_COST + 2


def _outer_function(tree: Node) -> Node | None:
    """The function of a script that is one call of a function expression (an IIFE), else None."""
    if len(tree.body) != 1 or tree.body[0].type != "ExpressionStatement":
        return None
    call = tree.body[0].expression
    if call.type != "CallExpression" or call.callee.type not in ("FunctionExpression", "ArrowFunctionExpression"):
        return None
    return call.callee if call.callee.body.type == "BlockStatement" else None


def _collect(node: Any, found: dict[str, list[tuple[int, int, str]]], skip: bool, source: str) -> None:
    """Each string value and each ``.name`` property read: (start, end, its text with ``@`` for the constant)."""
    if isinstance(node, list):
        for item in node:
            _collect(item, found, False, source)
        return
    if not isinstance(node, Node):
        return
    if node.type == "Literal" and isinstance(node.value, str) and not skip:
        found[node.value].append((node.range[0], node.range[1], "@"))
        return
    if node.type == "ExpressionStatement" and node.expression.type == "Literal":
        return  # a directive, or a string standing alone: not a value
    if node.type == "MemberExpression" and not node.computed and node.property.type == "Identifier":
        dot = _dot_before(source, node.property.range[0])
        if dot is not None:  # a.name is a["name"]; a?.name keeps its ?. as a?.[…]
            found[node.property.name].append((dot, node.property.range[1], ".[@]" if node.optional else "[@]"))
    for key, value in vars(node).items():
        if key in ("type", "range") or key.startswith("_"):
            continue
        is_key = key == "key" and node.type in ("Property", "MethodDefinition", "PropertyDefinition")
        if node.type == "MemberExpression" and key == "property" and not node.computed:
            continue
        _collect(value, found, skip=is_key and not node.computed, source=source)


def _dot_before(source: str, at: int) -> int | None:
    """Where the ``.`` before a property name is (blanks may sit between), or None if something else does."""
    at -= 1
    while at >= 0 and source[at] in " \t\r\n":
        at -= 1
    return at if at >= 0 and source[at] == "." else None
