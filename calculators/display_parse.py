"""Read a hand-written display form (``display_forms``) into a ``display.Node``, order kept.

The grammar is ordinary school algebra in the display notation: ``+ − · /`` (``-`` and ``*``
accepted too), ``^`` for powers, ``√x``, ``|x|``, parentheses or brackets, and calls
``ln exp N n min max floor`` written straight before ``(``. ``a·b/c`` is ``(a·b)/c``, so a
fraction's numerator is everything since the last ``+``/``−``. Every symbol must be one the
definition's notation defines, so a typo fails when the artifacts are generated.
"""

from __future__ import annotations

import re

from .display import Node, sym

TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([^\W\d]\w*)|(.))")
CALLS = ("ln", "exp", "N", "n", "min", "max", "floor", "abs")
CLOSE = {"(": ")", "[": "]"}


def parse(text: str, known: set[str]) -> Node:
    tokens = [(m.group(1), m.group(2), m.group(3)) for m in TOKEN.finditer(text) if m.group(0).strip()]
    parser = _Parser(tokens, known, text)
    node = parser.expression()
    if parser.position != len(tokens):
        raise ValueError(f"display form {text!r}: unexpected {parser.peek()!r}")
    return node


class _Parser:
    def __init__(self, tokens, known, text):
        self.tokens, self.known, self.text, self.position = tokens, known, text, 0

    def peek(self) -> str:
        if self.position >= len(self.tokens):
            return ""
        return next(part for part in self.tokens[self.position] if part is not None)

    def take(self, expected: str = "") -> str:
        token = self.peek()
        if expected and token != expected:
            raise ValueError(f"display form {self.text!r}: expected {expected!r}, got {token!r}")
        self.position += 1
        return token

    def expression(self) -> Node:
        terms = []
        negative = False
        if self.peek() in ("−", "-"):
            self.take()
            negative = True
        while True:
            terms.append((negative, self.term()))
            if self.peek() not in ("+", "−", "-"):
                break
            negative = self.take() != "+"
        if len(terms) == 1:
            return Node("neg", (terms[0][1],)) if terms[0][0] else terms[0][1]
        return Node("add", tuple(terms))

    def term(self) -> Node:
        factors = [self.power()]
        while self.peek() in ("·", "*", "/"):
            if self.take() == "/":
                top = factors[0] if len(factors) == 1 else Node("mul", tuple(factors))
                factors = [Node("frac", (top, self.power()))]
            else:
                factors.append(self.power())
        return factors[0] if len(factors) == 1 else Node("mul", tuple(factors))

    def power(self) -> Node:
        base = self.atom()
        if self.peek() == "^":
            self.take()
            exponent = Node("neg", (self.atom(),)) if self.peek() in ("−", "-") and self.take() else self.atom()
            return Node("pow", (base, exponent))
        return base

    def atom(self) -> Node:
        token = self.take()
        if token in CLOSE:
            inner = self.expression()
            self.take(CLOSE[token])
            return inner
        if token == "√":
            return Node("sqrt", (self.atom(),))
        if token == "|":
            inner = self.expression()
            self.take("|")
            return Node("call", (inner,), "abs")
        if token[0].isdigit():
            return Node("num", text=token)
        if token in CALLS and self.peek() == "(":
            self.take("(")
            args = [self.expression()]
            while self.peek() == ",":
                self.take()
                args.append(self.expression())
            self.take(")")
            return Node("call", tuple(args), token)
        if token in self.known:
            return sym(token)
        raise ValueError(f"display form {self.text!r}: {token!r} is not a symbol of this calculator")
