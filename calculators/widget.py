"""The in-page widget's HTML, per DESIGN.md's markup contract.

The form is rendered with the example's results already filled in (computed here in
Python), so a reader without JavaScript still sees correct numbers; ``widget.js`` then
takes over and recomputes on every input. Numbers are written by ``numbers``, whose
rules ``runtime.js`` repeats, so the text before and after the script loads is the same.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from .calculator import Calculator
from .chart_figure import figure_html
from .numbers import display, display_percent, is_rate, js_string, unit_text
from .spec import CalculatorInputError, Input, NoSolution, Output
from .tiers import EXAMPLE
from .working import working_html


def widget_html(calc: Calculator, example: Mapping[str, Any], page: str = "") -> str:
    """The form for ``calc`` with ``example``'s inputs and their results filled in.

    ``page`` (an embedded widget's link to its calculator page) adds an "open the calculator"
    link that carries the inputs; widget.js keeps it, and the copy-link button, up to date.
    """
    values = {i.name: example.get(i.name, i.default) for i in calc.inputs}
    none = wrong = ""
    try:
        outputs, error = calc.compute(**_present(calc, values)), ""
    except CalculatorInputError as exc:
        outputs, error, wrong = {}, labelled(str(exc), calc.inputs), field_of(str(exc), [i.name for i in calc.inputs])
    except NoSolution as exc:  # shown as widget.js shows it: "none" and the reason
        outputs, error, none = {}, "", str(exc)
    prefix = f"calc-{calc.id}"
    primary = calc.outputs[0]
    lines = [f'<form class="calculator" data-calculator="{calc.id}" novalidate>']
    if calc.solvable:
        lines.append(_solve_select(calc, prefix))
    lines.append('<fieldset class="calculator-inputs"><legend>Inputs</legend>')
    lines += [_field(prefix, item, values[item.name], error=error if item.name == wrong else "") for item in calc.inputs]
    if calc.solvable:
        goal = Input(primary.name, f"{primary.label} (target)", primary.unit, outputs.get(primary.name, ""))
        lines.append(_field(prefix, goal, goal.default, extra=" data-goal hidden", disabled=True))
    lines.append('</fieldset>\n<fieldset class="calculator-outputs"><legend>Results</legend>\n'
                 '<div class="calculator-results" aria-live="polite">')
    lines += [_result(prefix, out, outputs.get(out.name), " data-primary" if out is primary else "",
                      "none" if none and out is primary else "—") for out in calc.outputs]
    lines += [_result(prefix, Output(i.name, f"{i.label} (solved)", i.unit), None, " data-solved hidden")
              for i in calc.inputs if i.name in calc.solvable]
    lines.append('</div>')
    if none:
        lines.append(f'<p class="calculator-none" role="status">No result: {escape(none)}.</p>')
    lines.append(working_html(calc, _present(calc, values)))  # "How this was computed" (working.py)
    lines.append(f'</fieldset>\n<p class="calculator-error" role="alert">{escape(error)}</p>')
    lines.append(_actions(calc, values, page))
    lines += [figure_html(calc.id, values, outputs or None, valid=not error), "</form>"]  # the live chart (charts.py)
    return "\n".join(lines)


def _present(calc: Calculator, values: Mapping[str, Any]) -> dict[str, Any]:
    """The values to compute with: an empty tier table counts as absent."""
    return {name: value for name, value in values.items() if not (name == "tiers" and not value)}


def _solve_select(calc: Calculator, prefix: str) -> str:
    options = "".join(f'<option value="{i.name}">{escape(i.label)}</option>' for i in calc.inputs if i.name in calc.solvable)
    return (f'<p class="calculator-solve"><label for="{prefix}-solve">Solve for</label> '
            f'<select id="{prefix}-solve" name="solve"><option value="">nothing: compute the results</option>'
            f'{options}</select></p>')


def _field(prefix: str, item: Input, value: Any, extra: str = "", disabled: bool = False, error: str = "") -> str:
    """One input with its label, unit hint and message slot; ``error`` marks it invalid and fills the slot."""
    ident = f"{prefix}-in-{item.name}"
    hint = ", ".join(p for p in (item.unit, item.bounds_text if item.kind == "number" and not extra else "") if p)
    ids = [f"{ident}-hint"] * bool(hint) + [f"{ident}-error"] * bool(error)
    described = f' aria-describedby="{" ".join(ids)}"' if ids else ""
    described += ' aria-invalid="true"' if error else ""
    off = " disabled" if disabled else ""
    if item.kind == "choice":
        options = "".join(f'<option value="{c}"{" selected" if c == value else ""}>{c}</option>' for c in item.choices)
        control = f'<select id="{ident}" name="{item.name}"{off}>{options}</select>'
    elif item.kind == "tiers":
        text = value if isinstance(value, str) else _json(value)
        control = (f'<textarea id="{ident}" name="{item.name}" rows="3" spellcheck="false"{described}{off}>'
                   f'{escape(text)}</textarea>')
    else:
        control = (f'<input id="{ident}" name="{item.name}" type="text" inputmode="decimal" autocomplete="off" '
                   f'value="{escape(js_string(value) if _is_number(value) else str(value))}"{described}{off}>')
    note = f'<small id="{ident}-hint" class="calculator-hint">{escape(hint)}</small>' if hint else ""
    message = (f'<small id="{ident}-error" class="calculator-field-error"{"" if error else " hidden"}>'
               f'{escape(error)}</small>')
    example = f" data-example='{escape(_example_tiers(), quote=True)}'" if item.kind == "tiers" else ""
    return (f'<div class="calculator-field" data-input="{item.name}"{example}{extra}>'
            f'<label for="{ident}">{escape(item.label)}</label>{control}{note}{message}</div>')


def _result(prefix: str, out: Output, value: float | None, extra: str, absent: str = "—") -> str:
    """One result; a rate (unit "decimal") shows as a percentage, ``data-value`` keeps the decimal."""
    ident = f"{prefix}-out-{out.name}"
    rate = is_rate(out.unit)
    shown, data = (absent, "") if value is None else (display_percent(value) if rate else display(value), js_string(value))
    unit = f' <span class="calculator-unit">{escape(unit_text(out.unit))}</span>' if unit_text(out.unit) else ""
    return (f'<p class="calculator-result" data-output="{out.name}"{extra}><label for="{ident}">{escape(out.label)}</label> '
            f'<output id="{ident}" name="{out.name}" data-value="{data}"{" data-percent" if rate else ""}>{shown}</output>'
            f'{unit}</p>')


def _actions(calc: Calculator, values: Mapping[str, Any], page: str) -> str:
    """The copy-link button (shown by widget.js, which knows the address) and, embedded, the page link."""
    link = ""
    if page:
        query = urllib.parse.urlencode({name: _text(value) for name, value in values.items() if _text(value) != ""})
        link = (f' <a class="calculator-page-link" href="{escape(page + ("?" + query if query else ""))}">'
                f'Open the {escape(calc.title)} calculator page</a>')
    return (f'<p class="calculator-actions"><button type="button" class="calculator-copy-link" hidden>Copy link</button>'
            f'<span class="calculator-copied" role="status"></span>{link}</p>')


# An input name as a whole word, outside the quoted values a message repeats ('…').
_QUOTED = re.compile(r"('[^']*')")
_OPTIONAL = re.compile(r" \((JSON, )?optional\)$")  # "Tier table (JSON, optional)" is "tier table" in a sentence


def field_of(message: str, names: Sequence[str]) -> str:
    """The input a message is about: the first input name it mentions (widget.js: fieldOf)."""
    plain = _QUOTED.sub(lambda m: " " * len(m.group(0)), message)
    found = [(m.start(), name) for name in names
             for m in [re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", plain)] if m]
    return min(found)[1] if found else ""


def labelled(message: str, inputs: Sequence[Input]) -> str:
    """``message`` with each input name replaced by its label, as a reader knows the field (widget.js: labelled)."""
    labels = {i.name: _OPTIONAL.sub("", i.label) for i in inputs}
    pattern = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
                         + r")(?![A-Za-z0-9_])") if labels else None
    parts = [part if quoted or pattern is None else pattern.sub(lambda m: _mid(labels[m.group(1)]), part)
             for quoted, part in _unquoted(message)]
    text = "".join(parts)
    return text[:1].upper() + text[1:]


def _unquoted(message: str) -> list[tuple[bool, str]]:
    return [(bool(_QUOTED.fullmatch(piece)), piece) for piece in _QUOTED.split(message) if piece]


def _mid(label: str) -> str:
    """A label inside a sentence: lower case first, unless it starts with an abbreviation (K, MM)."""
    return label if label[1:2].isupper() or len(label) == 1 else label[:1].lower() + label[1:]


def _example_tiers() -> str:
    """The published tier table the tier editor starts from (calculators/data/binance-btcusdt-tiers.json)."""
    return json.dumps(json.loads(EXAMPLE.read_text(encoding="utf-8"))["tiers"], separators=(",", ":"))


def _text(value: Any) -> str:
    """An input value as the form (and the query string) writes it."""
    if _is_number(value):
        return js_string(value)
    return value if isinstance(value, str) else _json(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _json(value: Any) -> str:
    return json.dumps(value) if value else ""
