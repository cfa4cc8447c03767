"""``glossary calc``: run a calculator from the shell, and explain one with ``--help``.

Input flags are the calculator's own (``--entry-price`` or ``--entry_price``), so they
are parsed here rather than by argparse. Every mistake in one command line is reported
in one run, one ``error: … [calc-input]`` line each.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .slugs import did_you_mean

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def run_calc(args: argparse.Namespace, extras: list[str]) -> int:
    import calculators

    if args.list:
        for calc in calculators.REGISTRY.values():
            print(f"{calc.id:24} {calc.title}")
        return EXIT_OK
    if not args.id:
        if args.help:
            print(args.usage())
            return EXIT_OK
        print("glossary calc: error: give a calculator id (see 'glossary calc --list') [calc-usage]", file=sys.stderr)
        return EXIT_USAGE
    try:
        calc = calculators.get(args.id)
    except KeyError as exc:
        print(f"error: {exc.args[0]} [calc-unknown]", file=sys.stderr)
        return EXIT_USAGE
    if args.help:
        print(calculator_help(calc))
        return EXIT_OK
    solve = args.solve.replace("-", "_") if args.solve else None
    try:
        results = calc_results(calc, extras, solve)
    except calculators.CalculatorInputError as exc:
        for problem in exc.problems:
            print(f"error: {problem.message} [calc-input]", file=sys.stderr)
        return EXIT_PROBLEMS
    except calculators.NoSolution as exc:
        _print_none(solve or calc.outputs[0].name, str(exc), args.json)
        return EXIT_OK
    _print(calc, results, args.json)
    return EXIT_OK


def _print_none(name: str, reason: str, as_json: bool) -> None:
    """Valid inputs without a result: ``<output>  none: <reason>``, or ``null`` and a ``note``."""
    print(json.dumps({name: None, "note": reason}) if as_json else f"{name}  none: {reason}")


def calc_results(calc: Any, tokens: list[str], solve: str | None) -> dict[str, float]:
    """Every output (and the solved input first), or one error listing every bad input."""
    from calculators import CalculatorInputError, NoSolution
    from calculators.spec import InputProblem

    allowed = set(calc.input_names) | ({calc.outputs[0].name} if solve else set())
    values, problems = input_flags(tokens, allowed, calc.outputs[0].name, calc.id)
    if "tiers" in values and not values["tiers"].lstrip().startswith(("[", "{")):
        try:
            values["tiers"] = Path(values["tiers"]).read_text(encoding="utf-8")  # a path to a JSON file
        except OSError as exc:
            problems.append(("tiers", f"--tiers: cannot read {values.pop('tiers')}: {exc.strerror}"))
    try:
        if solve:
            solution = calc.solve(solve, **values)
            given = {k: v for k, v in values.items() if k != calc.outputs[0].name}
            results = {solve: solution, **calc.compute(**given, **{solve: solution})}
        else:
            results = calc.compute(**values)
    except CalculatorInputError as exc:
        if not problems:
            raise
        flagged = {name for name, _ in problems}
        problems += [(p.name, p.message) for p in exc.problems if p.name not in flagged]
    except NoSolution:
        if not problems:
            raise  # "none" is an answer only when the command line itself was right
    if problems:
        raise CalculatorInputError(problems=[InputProblem(name, message) for name, message in problems])
    return results


def input_flags(tokens: list[str], allowed: set[str], primary: str,
                calc_id: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """``--entry-price 60000`` / ``--entry_price=60000`` as ``{"entry_price": "60000"}``, and
    ``(input, message)`` for each token that is not a known flag with one value."""
    values: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    queue = list(tokens)
    while queue:
        token = queue.pop(0)
        if not token.startswith("--") or token == "--":
            problems.append(("", f"expected --INPUT VALUE, got '{token[:40]}'"))
            continue
        raw, has_value, value = token[2:].partition("=")
        name = raw.replace("-", "_")
        if not has_value:
            if not queue or queue[0].startswith("--"):
                problems.append((name, f"{flag(name)} needs a value"))
                continue
            value = queue.pop(0)
        if name not in allowed:
            problems.append((name, _unknown(name, allowed, primary, calc_id)))
        elif name in values:
            problems.append((name, f"{flag(name)} is given twice ({values[name][:40]} and {value[:40]}); give it once"))
        else:
            values[name] = value
    return values, problems


def _unknown(name: str, allowed: set[str], primary: str, calc_id: str) -> str:
    shown = flag(name[:40])
    if name == primary:
        return f"{shown} is the result; to give it as a target, add --solve INPUT"
    close = did_you_mean(name, allowed).removeprefix(" (did you mean '").removesuffix("'?)")
    hint = f" (did you mean {flag(close)}?)" if close else ""
    return f"unknown flag {shown}{hint}; 'glossary calc {calc_id} --help' lists the inputs"


def calculator_help(calc: Any) -> str:
    """Every input with its unit, range, default or choices, the outputs, and what --solve takes."""
    lines = [f"usage: glossary calc {calc.id} --INPUT VALUE ... [--solve INPUT] [--json]", "",
             f"{calc.title}: {calc.summary}", "", "inputs:"]
    width = max(len(_flag_text(item)) for item in calc.inputs)
    for item in calc.inputs:
        lines.append(f"  {_flag_text(item):{width}}  {_input_text(item)}")
    lines += ["", "outputs (the first is the primary one):"]
    names = max(len(o.name) for o in calc.outputs)
    lines += [f"  {o.name:{names}}  {o.label}" + (f" ({o.unit})" if o.unit else "") for o in calc.outputs]
    lines.append("")
    if calc.solvable:
        lines.append(f"--solve takes {', '.join(flag(n)[2:] for n in calc.solvable)} (or with '_'); give the target "
                     f"as {flag(calc.outputs[0].name)} VALUE and leave the solved input out.")
    else:
        lines.append("--solve: this calculator has no input to solve for.")
    return "\n".join(lines)


def _flag_text(item: Any) -> str:
    if item.choices:
        return f"{flag(item.name)} {{{','.join(item.choices)}}}"
    return f"{flag(item.name)} {'JSON|PATH' if item.kind == 'tiers' else 'VALUE'}"


def _input_text(item: Any) -> str:
    unit = f", {item.unit}" if item.unit else ""
    rule = "" if item.choices else f"; {item.bounds_text}"
    if item.optional:
        need = f"optional, default {_shown(item.fallback)}" if item.fallback != "" else "optional"
    else:
        need = f"required, e.g. {_shown(item.default)}"
    return f"{item.label}{unit}{rule} ({need})"


def _shown(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _print(calc: Any, results: dict[str, float], as_json: bool) -> None:
    from calculators.widget import js_string

    if as_json:
        print(json.dumps(results))
        return
    units = {o.name: o.unit for o in calc.outputs} | {i.name: i.unit for i in calc.inputs}
    width = max(map(len, results))
    for name, value in results.items():
        print(f"{name:{width}}  {js_string(value)} {units.get(name, '')}".rstrip())
