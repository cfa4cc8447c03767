"""MathML presentation markup for a ``display.Node``, written the way a printed text sets it.

Multi-letter symbols are one ``<mi>`` (``MMR``), a subscript after ``_`` is an ``<msub>``
(``d_1`` → d₁), factors are joined by a multiplication dot (U+22C5) so ``Q·MMR`` cannot read
as a product of letters, minus is U+2212, ``ln``/``N``/``min`` are applied with U+2061, and
``exp(x)`` is set as eˣ. Parentheses are added only where precedence needs them.
"""

from __future__ import annotations

from html import escape

from .display import Node

MINUS, DOT, APPLY, INVISIBLE = "\u2212", "\u22c5", "\u2061", "\u2062"


def mathml(node: Node) -> str:
    return _PRINTERS[node.kind](node)


def _mi(text: str) -> str:
    return f"<mi>{escape(text)}</mi>" if not text.isdigit() else f"<mn>{text}</mn>"


def _mo(text: str) -> str:
    return f"<mo>{escape(text)}</mo>"


def _row(*parts: str) -> str:
    return "<mrow>" + "".join(parts) + "</mrow>"


def _fenced(inner: str, open_: str = "(", close: str = ")") -> str:
    return _row(_mo(open_), inner, _mo(close))


def _symbol(node: Node) -> str:
    main, _, sub = node.text.partition("_")
    return f"<msub>{_mi(main)}{_mi(sub)}</msub>" if sub else _mi(main)


def _number(node: Node) -> str:
    return f"<mn>{node.text}</mn>"


def _sum(node: Node) -> str:
    parts = []
    for position, (negative, term) in enumerate(node.args):
        if negative or position:
            parts.append(_mo(MINUS if negative else "+"))
        parts.append(_grouped(term, ("add", "neg")))
    return _row(*parts)


def _negation(node: Node) -> str:
    return _row(_mo(MINUS), _grouped(node.args[0], ("add", "neg")))


def _product(node: Node, tight: bool = False) -> str:
    parts = []
    for position, factor in enumerate(node.args):
        if position:
            coefficient = position == 1 and node.args[0].kind == "num" and factor.kind != "num"
            parts.append(_mo(INVISIBLE if coefficient or tight else DOT))
        parts.append(_grouped(factor, ("add", "neg")))
    return _row(*parts)


def _fraction(node: Node) -> str:
    top, bottom = node.args
    return f"<mfrac>{_row(mathml(top))}{_row(mathml(bottom))}</mfrac>"


def _power(node: Node) -> str:
    base, exponent = node.args
    return f"<msup>{_grouped(base, ('add', 'neg', 'mul', 'frac', 'pow'))}{_row(_exponent(exponent))}</msup>"


def _exponent(node: Node) -> str:
    """An exponent of one-letter factors is set close, as printed: e^(−qT), not e^(−q·T)."""
    inner = node.args[0] if node.kind == "neg" else node
    letters = inner.kind == "mul" and all(f.kind == "sym" and len(f.text) == 1 for f in inner.args)
    if not letters:
        return mathml(node)
    text = _product(inner, tight=True)
    return _row(_mo(MINUS), text) if node is not inner else text


def _root(node: Node) -> str:
    return f"<msqrt>{mathml(node.args[0])}</msqrt>"


def _call(node: Node) -> str:
    args = [mathml(a) for a in node.args]
    if node.text == "exp":
        return f"<msup><mi>e</mi>{_row(_exponent(node.args[0]))}</msup>"
    if node.text == "abs":
        return _fenced(args[0], "|", "|")
    if node.text == "floor":
        return _fenced(args[0], "⌊", "⌋")
    listed = []
    for position, arg in enumerate(args):
        listed += [_mo(","), arg] if position else [arg]
    return _row(f"<mi>{node.text}</mi>", _mo(APPLY), _fenced("".join(listed)))


def _cases(node: Node) -> str:
    rows = []
    for value, condition in node.args:
        when = "<mtext>otherwise</mtext>" if condition is None else _row("<mtext>if\u00a0</mtext>", mathml(condition))
        rows.append(f"<mtr><mtd>{mathml(value)}</mtd><mtd>{when}</mtd></mtr>")
    return _row(_mo("{"), '<mtable columnalign="left left">' + "".join(rows) + "</mtable>")


def _relation(node: Node) -> str:
    return _row(mathml(node.args[0]), _mo(node.text), mathml(node.args[1]))


def _grouped(node: Node, kinds: tuple[str, ...]) -> str:
    """``node`` in parentheses when it is one of ``kinds`` (a sum inside a product, say)."""
    return _fenced(mathml(node)) if node.kind in kinds else mathml(node)


_PRINTERS = {"sym": _symbol, "num": _number, "add": _sum, "neg": _negation, "mul": _product, "frac": _fraction,
             "pow": _power, "sqrt": _root, "call": _call, "cases": _cases, "rel": _relation}
