"""The signature and the input checks of a calculator's generated functions, from its spec alone.

Every generated function (compute, steps, solvers, bounds) starts the same way: keyword
inputs with their defaults, then one check per input in the catalog's order. None of it
needs SymPy, so the site build can write the same lines without loading it: the shipped
widget script (``scripts.py``) builds its compute function from these checks and the
generated steps function, which holds the same body (``compute_via_steps``).
"""

from __future__ import annotations

import json

from .spec import CalculatorSpec, Input
from .tiers import TIER_OUTPUTS


def default(spec: CalculatorSpec, item: Input) -> str | None:
    """The parameter's default as JSON-like text (``null`` for "absent"), or None if required.

    With a tier table, the rate and amount it supplies are not required on their own.
    """
    if item.kind == "tiers" or ("tiers" in spec.input_names and item.name in TIER_OUTPUTS):
        return "null"
    if item.optional:
        return json.dumps(float(item.fallback))
    return None


def parameters(spec: CalculatorSpec, skip: str, extra: str) -> list[tuple[str, str | None]]:
    params = [(i.name, default(spec, i)) for i in spec.inputs if i.name != skip]
    return params + ([(extra, None)] if extra else [])


def py_parameters(spec: CalculatorSpec, skip: str = "", extra: str = "") -> str:
    parts = [name if default is None else f"{name}={'None' if default == 'null' else default}"
             for name, default in parameters(spec, skip, extra)]
    return ", ".join(["*", *parts])


def js_parameters(spec: CalculatorSpec, skip: str = "", extra: str = "") -> str:
    parts = [name if default is None else f"{name} = {default}" for name, default in parameters(spec, skip, extra)]
    return "{" + ", ".join(parts) + "}"


def held_back(spec: CalculatorSpec, item: Input) -> bool:
    """True for the rate and amount a tier table may supply: ``None`` there means "from the table"."""
    return "tiers" in spec.input_names and item.name in TIER_OUTPUTS


def number_options(item: Input) -> list[tuple[str, object]]:
    """The bounds of a number input, only those that differ from ``check_number``'s defaults."""
    options = [("low", item.low), ("high", item.high), ("low_open", item.low_open or None)]
    options = [(key, value) for key, value in options if value is not None]
    return options + ([("bounds", item.bounds_text)] if options else [])


def check_inputs_py(spec: CalculatorSpec, skip: str = "", extra: str = "") -> list[str]:
    """``name = check_…(name, …)`` for every input (and a solver's target output), in the catalog's order."""
    lines = []
    for item in spec.inputs:
        name = item.name
        if name == skip or item.kind == "tiers":
            continue
        if item.choices:
            lines.append(f"{name} = check_choice({name!r}, {name}, {tuple(item.choices)!r})")
            continue
        options = "".join(f", {key}={value!r}" for key, value in number_options(item))
        line = f"{name} = check_number({name!r}, {name}{options})"
        lines.append(f"if {name} is not None:\n    {line}" if held_back(spec, item) else line)
    return lines + ([f"{extra} = check_number({extra!r}, {extra})"] if extra else [])


def check_inputs_js(spec: CalculatorSpec, skip: str = "", extra: str = "") -> list[str]:
    """``name = check…(name, …);`` for every input (and a solver's target output), as in Python."""
    lines = []
    for item in spec.inputs:
        name = item.name
        if name == skip or item.kind == "tiers":
            continue
        if item.choices:
            lines.append(f"{name} = checkChoice({json.dumps(name)}, {name}, {json.dumps(list(item.choices))});")
            continue
        keys = {"low_open": "lowOpen"}
        options = ", ".join(f"{keys.get(key, key)}: {json.dumps(value, ensure_ascii=False)}"
                            for key, value in number_options(item))
        line = f"{name} = checkNumber({json.dumps(name)}, {name}{', {' + options + '}' if options else ''});"
        lines.append(f"if ({name} !== null) {line}" if held_back(spec, item) else line)
    return lines + ([f"{extra} = checkNumber({json.dumps(extra)}, {extra});"] if extra else [])


def compute_via_steps(spec: CalculatorSpec, steps: str) -> str:
    """The compute function as the widget ships it: the input checks, then the steps function ``steps``.

    The generated compute function is these checks followed by the steps function's body
    (codegen builds both from the same lines), returning the outputs from what that computed.
    ``$out`` cannot clash with an input: their names are snake_case words.
    """
    params = js_parameters(spec)
    names = [i.name for i in spec.inputs]
    picked = ", ".join(f"{name}: $out.{name}" for name in spec.output_names)
    body = [*check_inputs_js(spec), f"const $out = {steps}({{{', '.join(names)}}});", f"return checkOutputs({{{picked}}});"]
    return f"function ({params}) {{\n" + "\n".join("  " + line for line in body) + "\n}"
