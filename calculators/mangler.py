"""Short local names in the shipped JavaScript: a scope-aware renamer over a real parse.

rjsmin drops comments and blanks but keeps every name, and a calculator page's scripts must
fit 40 KB minified (issue 12), so local names are shortened too. No pure-Python ES2015+
mangler exists and building the site must not need Node, so the renaming is ours: esprima
(pure Python, current syntax) parses the script with source ranges; every name declared in
a function or block gets the shortest name free there; the text is rewritten at those
identifiers' ranges only, so strings, property names, numbers and layout stay as they were.

Kept as written: a script's top-level names (another script may use them), every name the
script does not declare (globals, ``arguments``), property names and labels. A shorthand
property keeps its key (``{a}`` becomes ``{a:b}``). A script using ``eval``, ``with``,
modules or a function declared inside a block is refused (``MangleError``), not guessed at.

A name is free in a scope when no binding of an enclosing scope that is used inside it has
it and no global used inside it has it, so a shorter name never captures another reference.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterator
from typing import Any

import esprima
from esprima.nodes import Node

from .js_scopes import MangleError, Scope, Walker

RESERVED = frozenset((
    "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
    "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
    "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "static",
    "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "arguments",
    "eval", "undefined", "NaN", "Infinity", "async", "of", "get", "set",
))
__all__ = ["MangleError", "mangle"]


def candidates() -> Iterator[str]:
    """a, b, …, Z, $, _, aa, ab, … without reserved words."""
    first = string.ascii_letters + "$_"
    rest = first + string.digits
    for size in itertools.count(1):
        for head in first:
            for tail in itertools.product(rest, repeat=size - 1):
                name = head + "".join(tail)
                if name not in RESERVED:
                    yield name


def mangle(source: str) -> str:
    """``source`` with every local name shortened (the meaning unchanged)."""
    try:
        tree = esprima.parseScript(source, {"range": True})
    except esprima.Error as error:
        raise MangleError(f"cannot parse the script: {error}") from error
    walker = Walker(Scope(None, True))
    walker.visit(tree, walker.root)
    walker.resolve()
    for child in walker.root.children:
        _name(child)
    return _rewrite(source, walker.root, dict(_numbers(tree)))


def shortest_number(raw: str) -> str:
    """A number literal's shortest text with the same value: ``0.0`` → ``0``, ``0.25`` → ``.25``."""
    if not re.fullmatch(r"[0-9]*\.?[0-9]*(e[+-]?[0-9]+)?", raw, re.I) or (raw.startswith("0") and raw[1:2].isdigit()):
        return raw  # hex, octal, BigInt, separators, legacy octal: left as written
    value = float(raw)
    text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else raw
    text = text[1:] if text.startswith("0.") else text
    return text if len(text) < len(raw) and float(text) == value else raw


def _numbers(node: Any, member_object: bool = False) -> Iterator[tuple[int, tuple[int, str]]]:
    """Edits that shorten number literals (not one a property is read from: ``1.0.toFixed``)."""
    if isinstance(node, list):
        for item in node:
            yield from _numbers(item)
        return
    if not isinstance(node, Node):
        return
    if node.type == "Literal" and isinstance(node.value, int | float) and not isinstance(node.value, bool):
        short = shortest_number(node.raw)
        if short != node.raw and not member_object:
            yield node.range[0], (node.range[1], short)
        return
    for key, value in vars(node).items():
        if key not in ("type", "range") and not key.startswith("_"):
            yield from _numbers(value, member_object=node.type == "MemberExpression" and key == "object")


def _name(scope: Scope) -> None:
    """Give this scope's bindings the shortest free names, most used first, then its children's."""
    taken = {b.new for b in scope.outer} | scope.globals | {b.name for b in scope.bindings.values() if b.fixed}
    fresh = (n for n in candidates() if n not in taken)
    for binding in sorted(scope.bindings.values(), key=lambda b: (-len(b.sites), b.sites[0][0])):
        if not binding.fixed:
            binding.new = next(fresh)
    for child in scope.children:
        _name(child)


def _rewrite(source: str, root: Scope, edits: dict[int, tuple[int, str]]) -> str:
    stack = list(root.children)
    while stack:
        scope = stack.pop()
        stack += scope.children
        for binding in scope.bindings.values():
            for start, end, shorthand in binding.sites:
                text = f"{binding.name}:{binding.new}" if shorthand else binding.new
                if edits.get(start, (end, text)) != (end, text):
                    raise MangleError(f"two names at offset {start}")
                edits[start] = (end, text)
    parts, at = [], 0
    for start in sorted(edits):
        end, text = edits[start]
        if start < at:
            raise MangleError(f"overlapping names at offset {start}")
        parts += [source[at:start], text]
        at = end
    return "".join([*parts, source[at:]])
