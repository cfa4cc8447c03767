"""The cases the calculators' JavaScript is held to Python on, and how one answer is checked.

A calculator's cases are its defaults, each choice, and 40 random ones seeded by its id
(``grid_and_random_cases``); a solvable input's are the seed-7 cases with a result to
solve back from (``solve_cases``). ``assert_agrees`` and ``assert_solved`` hold one
JavaScript answer (the runtime's in Node, or what a widget shows) to Python's: the numbers
to 1e-12 relative, or the same refusal or "none". ``test_calc_parity.py`` checks every case
in one Node process; ``test_calc_browser.py`` shows a case of each outcome on each page.
"""

from __future__ import annotations

import json
import random
import zlib

import calculators
from calculators import CalculatorInputError, NoSolution
from calculators.tiers import EXAMPLE

TOLERANCE = 1e-12
CASES_PER_CALCULATOR = 40
IDS = sorted(calculators.REGISTRY)


def sample(item, rng: random.Random):
    """A plausible market value for an input: around its default, inside its bounds."""
    if item.kind == "choice":
        return rng.choice(item.choices)
    if item.kind == "tiers":
        return json.loads(EXAMPLE.read_text())["tiers"] if rng.random() < 0.3 else ""
    if item.low == -1 and item.high == 1:  # an interest rate, yield or premium: realistic, either sign
        return rng.uniform(-0.05, 0.2) * (abs(item.default) * 10 if item.default else 0.5)
    value = (item.default or 1.0) * 10 ** rng.uniform(-1, 1)
    if item.high is not None:
        value = min(value, item.high)
    if item.low is not None and value <= item.low:
        value = item.low + abs(item.default or 1.0) * 1e-3
    return value


def realistic(values: dict, rng: random.Random) -> dict:
    """Options struck within a factor of two of the underlying, where prices are not vanishingly small.

    Far out of the money a price is the difference of two nearly equal tail terms, so two
    correct libm implementations can differ there by more than 1e-12 relative.
    The two legs of a hedge-mode account are one symbol, opened within about 10% of each other.
    """
    if "long_entry_price" in values:
        values = {**values, "short_entry_price": values["long_entry_price"] * 2 ** rng.uniform(-0.15, 0.15)}
    underlying = values.get("spot", values.get("forward"))
    if underlying is None or "strike" not in values:
        return values
    volatility = min(max(values["volatility"], 0.05), 2.0)
    return {**values, "strike": underlying * 2 ** rng.uniform(-1, 1), "volatility": volatility,
            "time_to_expiry": min(max(values["time_to_expiry"], 0.02), 5.0)}


def as_text(value) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value) if isinstance(value, list) else repr(float(value))


def texts(values: dict) -> dict[str, str]:
    return {k: as_text(v) for k, v in values.items()}


def cases(calc, count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    grid = [{i.name: i.default for i in calc.inputs}]
    for item in calc.inputs:
        for choice in item.choices:
            grid.append({**grid[0], item.name: choice})
    randoms = [realistic({i.name: sample(i, rng) for i in calc.inputs}, rng) for _ in range(count)]
    return grid + randoms


def grid_and_random_cases(calc) -> list[dict]:
    """The defaults, each choice, and the calculator's 40 seeded random cases."""
    return cases(calc, CASES_PER_CALCULATOR, seed=zlib.crc32(calc.id.encode()))


def outcome(result) -> str:
    """Which kind of answer Python gives: a number, a refusal of the inputs, or no solution."""
    return "refused" if isinstance(result, CalculatorInputError) else "none" if isinstance(result, NoSolution) else "number"


def one_of_each_outcome(items: list, answer) -> list[int]:
    """The indexes of the first item of each outcome: the few cases a page shows (Node checks them all)."""
    firsts: dict[str, int] = {}
    for index, item in enumerate(items):
        firsts.setdefault(outcome(answer(item)), index)
    return sorted(firsts.values())


def relative_gap(python: float, shown: str, scale: float | None = None) -> float:
    """|browser − python| relative to the value, or to ``scale`` where the formula subtracts larger terms."""
    browser = float(shown)
    if python == 0:
        return abs(browser)
    return abs(browser - python) / max(abs(python), scale or 0.0)


def cancelling_scale(name: str, expected: dict, values: dict) -> float | None:
    """The size of the two terms an option price is the difference of (|Δ|·underlying).

    Far out of the money the price is a tiny difference of two tail terms, so correct
    libm implementations agree only relative to those terms, not to the difference.
    """
    underlying = values.get("spot", values.get("forward"))
    if underlying is None or name not in ("price", "rho"):
        return None
    term = abs(expected["delta"]) * underlying
    return term if name == "price" else (term * values["time_to_expiry"] / 100 if "forward" in values else None)


def assert_matches(result: dict, expected: dict, values: dict, context: str) -> float:
    assert result["error"] == "", f"{context}: JavaScript error {result['error']!r}"
    worst = 0.0
    for name, value in expected.items():
        shown = result["outputs"][name][0]
        gap = relative_gap(value, shown, cancelling_scale(name, expected, values))
        assert gap <= TOLERANCE, f"{context}: {name} python={value!r} javascript={shown}"
        worst = max(worst, gap)
    return worst


def compute_or_error(calc, values: dict):
    given = {k: v for k, v in values.items() if not (k == "tiers" and not v)}
    try:
        return calc.compute(**given)
    except (CalculatorInputError, NoSolution) as exc:
        return exc


def assert_no_number(result: dict, context: str, widget: bool) -> None:
    """A refusal: the widget shows "—" in every output; the runtime returns none."""
    shown = result["outputs"].values()
    assert all(value == "" and text == "—" for value, text in shown) if widget else not shown, f"{context}: {shown}"


def assert_none(result: dict, name: str, reason: str, context: str, widget: bool = True) -> None:
    """The widget's "no result": "none" in ``name``, no number anywhere, the reason politely, no alert."""
    assert result["error"] == "", f"{context}: {result['error']!r} shown as an input error"
    if widget:
        assert result["outputs"][name] == ["", "none"], f"{context}: {result['outputs'][name]}"
    assert all(value == "" for value, _ in result["outputs"].values()), context
    assert reason in result["none"], f"{context}: reason {result['none']!r}"


def assert_agrees(calc, values: dict, result: dict, context: str, widget: bool) -> float:
    """The JavaScript's answer for ``values`` is Python's: the numbers to 1e-12, or the same refusal or "none"."""
    expected = compute_or_error(calc, values)
    if isinstance(expected, CalculatorInputError):
        assert result["error"], f"{context}: Python refused ({expected}) but the JavaScript did not"
        assert_no_number(result, context, widget)
        return 0.0
    if isinstance(expected, NoSolution):
        assert_none(result, calc.outputs[0].name, str(expected), context, widget)
        return 0.0
    return assert_matches(result, expected, values, context)


def solve_cases(calc, target: str) -> list[tuple[dict, float, object]]:
    """(the other inputs, the primary output to reach, Python's solution or its refusal) for seed 7's
    cases that have a result to solve back from."""
    primary, found = calc.outputs[0].name, []
    for values in cases(calc, 12, seed=7):
        expected = compute_or_error(calc, values)
        if isinstance(expected, CalculatorInputError | NoSolution):
            continue
        others, goal = {k: v for k, v in values.items() if k != target}, expected[primary]
        try:
            solution = calc.solve(target, **{primary: goal}, **others)
        except (CalculatorInputError, NoSolution) as refused:
            solution = refused
        found.append((others, goal, solution))
    return found


def solve_texts(calc, case: tuple) -> dict[str, str]:
    others, goal, _ = case
    return {**texts(others), calc.outputs[0].name: repr(goal)}


def assert_solved(target: str, case: tuple, result: dict, widget: bool) -> bool:
    """The JavaScript solves for ``target`` as Python does; True where it was a number to compare."""
    others, _, solution = case
    if isinstance(solution, CalculatorInputError):
        assert result["error"], f"{others}: Python could not solve but the JavaScript did"
        return False
    if isinstance(solution, NoSolution):
        assert_none(result, target, str(solution), f"{others}", widget)
        return False
    shown = result["outputs"][target][0]
    assert relative_gap(solution, shown) <= TOLERANCE, f"{others}: {target} python={solution!r} javascript={shown}"
    return True
