"""`glossary calc` from the shell: per-calculator help, and every mistake reported in one run."""

from __future__ import annotations

import json

import pytest

import calculators
from calculators import CalculatorInputError
from site_build.calc_command import flag
from site_build.cli import main

LIQUIDATION = ["--side", "long", "--quantity", "1", "--entry-price", "60000", "--wallet-balance", "3000",
               "--maintenance-margin-rate", "0.004"]


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    try:
        code = main(["calc", *args])
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


@pytest.mark.parametrize("calc", calculators.REGISTRY.values(), ids=lambda c: c.id)
def test_help_lists_every_input_with_unit_range_default_and_what_solve_takes(capsys, calc):
    code, out, err = run(capsys, calc.id, "--help")
    assert code == 0 and err == []
    text = "\n".join(out)
    for item in calc.inputs:
        line = next((line for line in out if line.startswith(f"  {flag(item.name)} ")), None)
        assert line is not None, item.name
        assert item.label in line and (item.unit in line)
        if item.choices:
            assert "{" + ",".join(item.choices) + "}" in line
        else:
            assert item.bounds_text in line
        if item.optional:
            assert "optional" in line
        else:
            assert "required, e.g. " + (f"{item.default:g}" if isinstance(item.default, float) else str(item.default)) in line
    for output in calc.outputs:
        assert f"  {output.name} " in text
    if calc.solvable:
        solve_line = next(line for line in out if line.startswith("--solve takes "))
        assert all(flag(name)[2:] in solve_line for name in calc.solvable)
        assert flag(calc.outputs[0].name) in solve_line
    else:
        assert "--solve: this calculator has no input to solve for." in out


def test_help_without_an_id_is_the_command_usage(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and out[0].startswith("usage: glossary calc") and any("--solve INPUT" in line for line in out)


def test_every_bad_input_is_reported_in_one_run(capsys):
    code, out, err = run(capsys, "liquidation-price", "--side", "sideways", "--quantity", "-1", "--entry-price", "x",
                         "--wallet-balance", "3000")
    assert code == 1 and out == []
    assert err == [
        "error: side must be one of long, short, got 'sideways' [calc-input]",
        "error: quantity = -1 is out of range; it must be > 0 [calc-input]",
        "error: entry_price must be a number, got 'x' [calc-input]",
        "error: missing input maintenance_margin_rate (Maintenance margin rate; ≥ 0 and ≤ 0.99) [calc-input]",
    ]


def test_flag_mistakes_and_input_mistakes_come_together_once_each(capsys):
    code, _, err = run(capsys, "liquidation-price", "--side", "long", "--quantity", "1", "--quantity", "2",
                       "--entry-prise", "60000", "--wallet-balance", "--maintenance-margin-rate", "0.004", "7")
    assert code == 1
    assert err == [
        "error: --quantity is given twice (1 and 2); give it once [calc-input]",
        "error: unknown flag --entry-prise (did you mean --entry-price?); 'glossary calc liquidation-price --help' "
        "lists the inputs [calc-input]",
        "error: --wallet-balance needs a value [calc-input]",
        "error: expected --INPUT VALUE, got '7' [calc-input]",
        "error: missing input entry_price (Entry price; > 0) [calc-input]",
    ]


def test_the_result_given_without_solve_says_how_to_use_it(capsys):
    code, _, err = run(capsys, "liquidation-price", *LIQUIDATION, "--liquidation-price", "50000")
    assert code == 1
    assert err == ["error: --liquidation-price is the result; to give it as a target, add --solve INPUT [calc-input]"]


@pytest.mark.parametrize("target", ["entry-price", "entry_price"])
def test_solve_takes_the_flag_spelling_and_the_input_name(capsys, target):
    given = [arg for arg in LIQUIDATION if arg not in ("--entry-price", "60000")]
    code, out, err = run(capsys, "liquidation-price", *given, "--liquidation-price", "57228.9156626506",
                         "--solve", target, "--json")
    assert (code, err) == (0, [])
    result = json.loads(out[0])
    assert next(iter(result)) == "entry_price" and result["entry_price"] == pytest.approx(60000, rel=1e-12)


def test_solve_mistakes_are_all_reported(capsys):
    code, _, err = run(capsys, "liquidation-price", *LIQUIDATION, "--solve", "entry-price")
    assert code == 1
    assert err == ["error: leave out entry_price: it is what solve finds [calc-input]",
                   "error: solving for entry_price needs the target liquidation_price=VALUE [calc-input]"]


def test_an_unreadable_tier_file_is_an_input_error(capsys, tmp_path):
    code, _, err = run(capsys, "maintenance-margin", "--notional", "1000", "--tiers", str(tmp_path / "none.json"))
    assert code == 1
    assert err[0] == f"error: --tiers: cannot read {tmp_path / 'none.json'}: No such file or directory [calc-input]"


def test_compute_still_raises_one_error_naming_each_input():
    calc = calculators.get("liquidation-price")
    with pytest.raises(CalculatorInputError, match="quantity") as one:
        calc.compute(side="long", quantity=-1, entry_price=60000, wallet_balance=3000, maintenance_margin_rate=0.004)
    assert str(one.value) == "quantity = -1 is out of range; it must be > 0"
    assert [(p.name, p.message) for p in one.value.problems] == [("quantity", str(one.value))]
    with pytest.raises(CalculatorInputError) as several:
        calc.compute(side="up", quantity=0, entry_price=60000)
    assert [p.name for p in several.value.problems] == ["side", "quantity", "wallet_balance",
                                                         "maintenance_margin_rate"]
    assert all(p.message in str(several.value) for p in several.value.problems)
    assert isinstance(several.value, ValueError)
