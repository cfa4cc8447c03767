"""The scopes of a parsed script: which identifier declares a name, which uses one, and where.

``Walker`` goes once over esprima's ESTree: each function, block, ``for`` head, ``switch``
body and ``catch`` clause opens a ``Scope``; ``var`` goes to the nearest function, ``let``,
``const`` and ``class`` stay in their block. Every identifier that names a variable is
recorded with its source range: declarations at once, uses after the walk (``resolve``),
when every declaration is known, since a function may use a name declared after it.
Property names, labels and ``new.target`` are not variables and are never recorded.
"""

from __future__ import annotations

from typing import Any

from esprima.nodes import Node

REFUSED = {"WithStatement": "with", "ImportDeclaration": "import", "ExportNamedDeclaration": "export",
           "ExportDefaultDeclaration": "export", "ExportAllDeclaration": "export", "ImportExpression": "import()",
           "StaticBlock": "a static block"}
PATTERNS = ("ObjectPattern", "ArrayPattern")


class MangleError(ValueError):
    """A script the renamer will not touch: it cannot prove every renaming safe there."""


class Scope:
    """A function, a block or the whole script, while its names are analysed (mutable on purpose)."""

    def __init__(self, parent: Scope | None, function: bool):
        self.parent, self.function = parent, function
        self.bindings: dict[str, Binding] = {}
        self.children: list[Scope] = []
        self.outer: set[Binding] = set()  # bindings of enclosing scopes used in here
        self.globals: set[str] = set()  # undeclared names used in here
        if parent is not None:
            parent.children.append(self)

    def var_scope(self) -> Scope:
        return self if self.function or self.parent is None else self.parent.var_scope()

    def upto(self, end: Scope | None):
        """This scope and its ancestors, stopping before ``end``."""
        scope: Scope | None = self
        while scope is not end and scope is not None:
            yield scope
            scope = scope.parent


class Binding:
    """One declared name: where it is written (start, end, shorthand property?) and its new name."""

    def __init__(self, name: str, scope: Scope):
        self.name, self.scope, self.new = name, scope, name
        self.sites: list[tuple[int, int, bool]] = []
        self.fixed = False  # a class: its name is seen (``error.constructor.name``), so it stays


def _site(ident: Node, shorthand: bool = False) -> tuple[int, int, bool]:
    return ident.range[0], ident.range[1], shorthand


class Walker:
    """One pass over a tree: scopes, declarations, and the uses to resolve afterwards."""

    def __init__(self, root: Scope):
        self.root = root
        self.uses: list[tuple[str, Scope, tuple[int, int, bool]]] = []

    def visit(self, node: Any, scope: Scope) -> None:
        if isinstance(node, list):
            for item in node:
                self.visit(item, scope)
            return
        if not isinstance(node, Node):
            return
        if node.type in REFUSED:
            raise MangleError(f"the script uses {REFUSED[node.type]}")
        handler = getattr(self, "_" + node.type, None)
        if handler is not None:
            handler(node, scope)
            return
        for key, value in vars(node).items():
            if key not in ("type", "range") and not key.startswith("_"):
                self.visit(value, scope)

    def declare(self, ident: Node, target: Scope, here: Scope, shorthand: bool = False) -> None:
        binding = target.bindings.setdefault(ident.name, Binding(ident.name, target))
        binding.sites.append(_site(ident, shorthand))
        for scope in here.upto(target):  # a var in a block: the block must not reuse its new name
            scope.outer.add(binding)

    def use(self, ident: Node, scope: Scope, shorthand: bool = False) -> None:
        if ident.name == "eval":
            raise MangleError("the script uses eval")
        self.uses.append((ident.name, scope, _site(ident, shorthand)))

    def resolve(self) -> None:
        """Tie each use to the nearest declaration of its name, or mark the name global all the way up."""
        for name, here, site in self.uses:
            owner = next((s for s in here.upto(None) if name in s.bindings), None)
            if owner is None:
                for scope in here.upto(None):
                    scope.globals.add(name)
                continue
            binding = owner.bindings[name]
            binding.sites.append(site)
            for scope in here.upto(owner):
                scope.outer.add(binding)

    def pattern(self, node: Node, target: Scope | None, here: Scope, shorthand: bool = False) -> None:
        """The names a pattern binds (``target`` given) or assigns to (``target`` None)."""
        kind = node.type
        if kind == "Identifier":
            if target is None:
                self.use(node, here, shorthand)
            else:
                self.declare(node, target, here, shorthand)
        elif kind == "ObjectPattern":
            for prop in node.properties:
                if prop.type == "RestElement":
                    self.pattern(prop.argument, target, here)
                    continue
                if prop.computed:
                    self.visit(prop.key, here)
                self.pattern(prop.value, target, here, shorthand=prop.shorthand)
        elif kind == "ArrayPattern":
            for element in node.elements:
                if element is not None:
                    self.pattern(element, target, here)
        elif kind == "AssignmentPattern":
            self.pattern(node.left, target, here, shorthand)
            self.visit(node.right, here)
        elif kind == "RestElement":
            self.pattern(node.argument, target, here)
        elif kind == "MemberExpression" and target is None:
            self.visit(node, here)
        else:
            raise MangleError(f"unexpected {kind} in a pattern at offset {node.range[0]}")

    # ---- nodes that open scopes, declare names or hold names that are not variables ----

    def _Identifier(self, node: Node, scope: Scope) -> None:
        self.use(node, scope)

    def _FunctionDeclaration(self, node: Node, scope: Scope) -> None:
        if not scope.function:
            raise MangleError(f"function {node.id.name} is declared inside a block")
        self.declare(node.id, scope, scope)
        self._function(node, scope)

    def _FunctionExpression(self, node: Node, scope: Scope) -> None:
        if node.id is not None:
            scope = Scope(scope, False)
            self.declare(node.id, scope, scope)
        self._function(node, scope)

    def _ArrowFunctionExpression(self, node: Node, scope: Scope) -> None:
        self._function(node, scope)

    def _function(self, node: Node, outer: Scope) -> None:
        scope = Scope(outer, True)
        for param in node.params:
            self.pattern(param, scope, scope)
        self.visit(node.body.body if node.body.type == "BlockStatement" else node.body, scope)

    def _ClassDeclaration(self, node: Node, scope: Scope) -> None:
        self.declare(node.id, scope, scope)
        scope.bindings[node.id.name].fixed = True
        self._class(node, scope)

    def _ClassExpression(self, node: Node, scope: Scope) -> None:
        if node.id is not None:
            scope = Scope(scope, False)
            self.declare(node.id, scope, scope)
            scope.bindings[node.id.name].fixed = True
        self._class(node, scope)

    def _class(self, node: Node, scope: Scope) -> None:
        self.visit(node.superClass, scope)
        for member in node.body.body:
            if member.type in REFUSED:
                raise MangleError(f"the script uses {REFUSED[member.type]}")
            if member.computed:
                self.visit(member.key, scope)
            self.visit(member.value, scope)

    def _VariableDeclaration(self, node: Node, scope: Scope) -> None:
        target = scope.var_scope() if node.kind == "var" else scope
        for declarator in node.declarations:
            self.pattern(declarator.id, target, scope)
            self.visit(declarator.init, scope)

    def _BlockStatement(self, node: Node, scope: Scope) -> None:
        self.visit(node.body, Scope(scope, False))

    def _ForStatement(self, node: Node, scope: Scope) -> None:
        head = Scope(scope, False)
        self.visit([node.init, node.test, node.update, node.body], head)

    def _ForInStatement(self, node: Node, scope: Scope) -> None:
        head = Scope(scope, False)
        if node.left.type == "VariableDeclaration":
            self.visit(node.left, head)
        else:
            self.pattern(node.left, None, head)
        self.visit([node.right, node.body], head)

    _ForOfStatement = _ForInStatement

    def _SwitchStatement(self, node: Node, scope: Scope) -> None:
        self.visit(node.discriminant, scope)
        self.visit(node.cases, Scope(scope, False))

    def _CatchClause(self, node: Node, scope: Scope) -> None:
        inner = Scope(scope, False)
        if node.param is not None:
            self.pattern(node.param, inner, inner)
        self.visit(node.body, inner)

    def _AssignmentExpression(self, node: Node, scope: Scope) -> None:
        if node.left.type in PATTERNS:
            self.pattern(node.left, None, scope)
        else:
            self.visit(node.left, scope)
        self.visit(node.right, scope)

    def _MemberExpression(self, node: Node, scope: Scope) -> None:
        self.visit(node.object, scope)
        if node.computed:
            self.visit(node.property, scope)

    def _Property(self, node: Node, scope: Scope) -> None:
        if node.computed:
            self.visit(node.key, scope)
        if node.shorthand:
            self.use(node.value, scope, shorthand=True)
        else:
            self.visit(node.value, scope)

    def _LabeledStatement(self, node: Node, scope: Scope) -> None:
        self.visit(node.body, scope)

    def _BreakStatement(self, node: Node, scope: Scope) -> None:
        """A label is not a variable."""

    _ContinueStatement = _BreakStatement
    _MetaProperty = _BreakStatement
