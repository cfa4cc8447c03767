"""The formula display prints what the calculators compute, in the notation of the legend.

For every calculator and every displayed step: the display expression, read back into SymPy,
equals the definition's expression once earlier steps are expanded (``simplify`` of the
difference is 0); it names only inputs and earlier steps; the MathML parses as XML with a
``<math display="block">`` root, minus is U+2212 and every multi-letter symbol is one
``<mi>``. A few formulas are held to the order a textbook prints them in.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import sympy as sp

import calculators
from calculators.definitions import DEFINITIONS, FloorQuotient
from calculators.display import Node, display_expr, notation_name, shown, to_sympy
from calculators.display_parse import parse
from calculators.formula import formula_html, legend_rows, shown_steps, symbol_mathml, working_rows
from calculators.symbolic import local

IDS = sorted(calculators.REGISTRY)
STEPS = [(calc_id, name) for calc_id in IDS for name in shown_steps(DEFINITIONS[calc_id])]


def _inputs_only(defn, expr: sp.Expr, upto: str) -> sp.Expr:
    """``expr`` (in notation symbols) with every step and output before ``upto`` replaced by its definition."""
    earlier = []
    for name, value in defn.assignments:
        if name == upto:
            break
        if value not in defn.symbols.values():
            earlier.append((sp.Symbol(notation_name(defn, name), real=True), shown(defn, value)))
    for symbol, value in reversed(earlier):
        expr = expr.xreplace({symbol: value})
    return expr


def test_every_calculator_has_a_definition_with_displayed_steps():
    assert len(IDS) == len(DEFINITIONS) >= 27
    assert all(shown_steps(DEFINITIONS[calc_id]) for calc_id in IDS)


@pytest.mark.parametrize(("calc_id", "name"), STEPS)
def test_displayed_expression_equals_the_computed_one(calc_id, name):
    defn = DEFINITIONS[calc_id]
    displayed = to_sympy(display_expr(defn, name))
    computed = shown(defn, dict(defn.assignments)[name])
    computed = computed.replace(FloorQuotient, lambda a, b: sp.floor(a / b))  # ⌊a/b⌋ of the decimals as written
    difference = _inputs_only(defn, displayed, name) - _inputs_only(defn, computed, name)
    assert sp.simplify(difference) == 0, f"{calc_id} {name}: {displayed} is not {computed}"


@pytest.mark.parametrize("calc_id", IDS)
def test_display_names_only_inputs_and_earlier_steps(calc_id):
    defn = DEFINITIONS[calc_id]
    known = {notation_name(defn, n) for n in defn.symbols} | {notation_name(defn, s.name) for s in defn.symbols.values()}
    for name, _ in defn.assignments:
        if name in shown_steps(defn):
            used = {s.name for s in to_sympy(display_expr(defn, name)).free_symbols}
            assert used <= known, f"{calc_id} {name} uses {used - known} before it is computed"
        known.add(notation_name(defn, name))


@pytest.mark.parametrize("calc_id", IDS)
def test_notation_is_unambiguous(calc_id):
    """Two different quantities never share a symbol, or the equality above could mistake one for the other."""
    defn = DEFINITIONS[calc_id]
    owners: dict[str, set] = {}
    for name, symbol in defn.symbols.items():
        owners.setdefault(notation_name(defn, name), set()).add(symbol)
    for name, value in defn.assignments:
        owners.setdefault(notation_name(defn, name), set()).add(value if value in defn.symbols.values() else local(name))
    assert {text: found for text, found in owners.items() if len(found) > 1} == {}


def _texts(element: ET.Element):
    for node in element.iter():
        yield node.tag, (node.text or "")


@pytest.mark.parametrize("calc_id", IDS)
def test_mathml_is_well_formed_with_true_minus_signs(calc_id):
    defn = DEFINITIONS[calc_id]
    html = formula_html(defn)
    body = ET.fromstring(html)
    blocks = list(body)
    assert body.tag == "div" and len(blocks) == len(shown_steps(defn)) > 0
    parts = [notation_name(defn, n).partition("_") for n in [*defn.symbols, *dict(defn.assignments)]]
    symbols = {main for main, _, _ in parts} | {sub for _, _, sub in parts}
    for block in blocks:
        assert block.tag == "math" and block.get("display") == "block"
        for tag, text in _texts(block):
            assert "-" not in text, f"{calc_id}: a hyphen {text!r} in <{tag}>: minus is U+2212"
            if tag == "mi" and len(text) > 1:
                assert text in symbols | {"ln", "min", "max"}, f"{calc_id}: <mi>{text}</mi> is not one symbol"
    for _, inline in working_rows(defn):
        assert ET.fromstring(inline).tag == "math"


@pytest.mark.parametrize("calc_id", IDS)
def test_legend_uses_the_formula_notation(calc_id):
    """Each legend symbol that a formula uses is printed there exactly as in the legend.

    (An input read only by a guard, such as the side in position-size, has no formula to be in.)
    """
    defn, spec = DEFINITIONS[calc_id], calculators.get(calc_id).spec
    html = formula_html(defn) + "".join(row for _, row in working_rows(defn))
    used = {s.name for name in shown_steps(defn) for s in to_sympy(display_expr(defn, name)).free_symbols}
    used |= {notation_name(defn, name) for name in shown_steps(defn)}
    checked = 0
    for (symbol, _, _), item in zip(legend_rows(defn, spec), _legend_names(defn, spec), strict=True):
        assert symbol == f"<math>{symbol_mathml(defn, item)}</math>"
        if notation_name(defn, item) in used:
            assert symbol_mathml(defn, item) in html, f"{calc_id}: legend {symbol} not in the formula"
            checked += 1
    assert checked >= 1


def _legend_names(defn, spec) -> list[str]:
    """The names legend_rows lists, in its order."""
    names = [i.name for i in spec.inputs if i.name in defn.choices or i.name in defn.symbols]
    names += [name for name, _ in defn.steps]
    return names + [o.name for o in spec.outputs if defn.output_expr(o.name) != local(o.name) or o.name not in defn.symbols]


def _identifiers(calc_id: str, name: str) -> list[str]:
    block = ET.fromstring(f"<math>{_equation(calc_id, name)}</math>")
    return [text for tag, text in _texts(block) if tag in ("mi", "mo") and text.strip()]


def _equation(calc_id: str, name: str) -> str:
    defn = DEFINITIONS[calc_id]
    row = dict(working_rows(defn))[name]
    return row.removeprefix('<math displaystyle="true">').removesuffix("</math>")


def test_black_scholes_d1_reads_as_printed():
    signs = [t for t in _identifiers("black-scholes", "d1") if t not in "()⁡⋅="]
    assert signs == ["d", "ln", "S", "K", "+", "r", "−", "q", "+", "σ", "T", "σ", "T"]
    assert "<mi>log</mi>" not in formula_html(DEFINITIONS["black-scholes"])


def test_liquidation_price_reads_as_binance_prints_it():
    names = [t for t in _identifiers("liquidation-price", "liquidation_price") if t not in "()=⋅"]
    assert names == ["LP", "WB", "−", "TMM", "+", "UPNL", "+", "cum", "−", "s", "Q", "EP", "Q", "MMR", "−", "s", "Q"]
    assert "<mi>MMR</mi><mo>⋅</mo><mi>Q</mi>" not in _equation("liquidation-price", "liquidation_price")
    assert "<mi>Q</mi><mo>⋅</mo><mi>MMR</mi>" in _equation("liquidation-price", "liquidation_price")


def test_a_hand_form_with_an_unknown_symbol_is_refused():
    with pytest.raises(ValueError, match="'Z' is not a symbol"):
        parse("(ln(S/K) + Z)", {"S", "K"})
    assert parse("a − b·c/d", {"a", "b", "c", "d"}) == Node("add", (
        (False, Node("sym", text="a")),
        (True, Node("frac", (Node("mul", (Node("sym", text="b"), Node("sym", text="c"))), Node("sym", text="d"))))))


def test_legend_symbol_of_a_choice_is_its_sign():
    assert symbol_mathml(DEFINITIONS["black-scholes"], "option_type") == "<mi>φ</mi>"
    assert symbol_mathml(DEFINITIONS["liquidation-price"], "side") == "<mi>s</mi>"
