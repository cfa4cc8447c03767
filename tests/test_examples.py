"""Worked examples declared as data are recomputed with the calculators' own ``compute``.

One-mistake cases (mismatch, not in the text, unknown output, bad input, ...) live in
tests/fixtures/broken/example-*; these test the quote rules, the cache, and that the
site build refuses what ``glossary check`` refuses.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from test_check_fixtures import assemble

from conftest import FIXTURES, ROOT
from site_build.examples import ExampleChecker, appears_in, parse_quote
from site_build.extension import Calculators, registry
from site_build.model import Example, Term
from site_build.project import Project, generate
from site_build.render import Settings

LIQUIDATION = {"side": "long", "quantity": 1, "entry_price": 50000, "wallet_balance": 2500,
               "maintenance_margin_rate": 0.004}


@pytest.mark.parametrize(("text", "value", "decimals", "percent"), [
    ("47,690.76", "47690.76", 2, False),
    ("1,340", "1340", 0, False),
    ("\u22121,234.5", "-1234.5", 1, False),
    ("-0.0125", "-0.0125", 4, False),
    ("5.72%", "5.72", 2, True),
    ("+3%", "3", 0, True),
    ("267.07", "267.07", 2, False),
])
def test_a_quote_gives_its_value_decimals_and_percent(text, value, decimals, percent):
    quote = parse_quote(text)
    assert (quote.value, quote.decimals, quote.percent) == (Decimal(value), decimals, percent)


@pytest.mark.parametrize("text", ["47,690.76 USDT", "$100", "1,23", "12,3456", "about 5", "", "1.2.3", "5 %"])
def test_anything_but_one_number_is_not_a_quote(text):
    assert parse_quote(text) is None


def test_rounding_follows_the_quote_and_ties_go_away_from_zero():
    assert parse_quote("47,690.76").rounded(47690.76305220884) == Decimal("47690.76")
    assert parse_quote("2.68").rounded(2.675) == Decimal("2.68")  # 2.675 is 2.67499… as a float
    assert parse_quote("\u22122.68").rounded(-2.675) == Decimal("-2.68")
    assert parse_quote("5.72%").rounded(0.0572) == Decimal("5.72")
    assert parse_quote("5.7%").rounded(0.0572).as_tuple() == Decimal("5.7").as_tuple()
    assert parse_quote("1,234.5").written(Decimal("-1234.5")) == "\u22121,234.5"


def test_a_quote_appears_only_as_a_whole_number():
    texts = ("falls to 47,690.76 USDT, a drop of 4.6%.", "An answer quoting 1,000 contracts.")
    assert appears_in("47,690.76", texts) and appears_in("4.6%", texts) and appears_in("1,000", texts)
    assert not appears_in("47,690.7", texts)
    assert not appears_in("690.76", texts)
    assert not appears_in("000", texts)
    assert not appears_in("4.6", ("a rate of 4.61",))
    assert appears_in("4.6", ("a rate of 4.6.",))  # a full stop after the figure ends it


class _Counting:
    """A calculator wrapper that counts ``compute`` calls."""

    def __init__(self, calc):
        self.calc, self.calls = calc, 0
        self.id, self.output_names = calc.id, calc.output_names

    def compute(self, **values):
        self.calls += 1
        return self.calc.compute(**values)


def _term(term_id: str, body: str, *examples: Example) -> Term:
    return Term(id=term_id, path=f"terms/{term_id}.yml", name=term_id, kind="term", summary="s",
                areas=("margin",), body=body, examples=examples)


def test_identical_inputs_are_computed_once_and_each_term_is_judged():
    counting = _Counting(registry()["liquidation-price"])
    found = []
    checker = ExampleChecker({"liquidation-price": counting}, lambda *args: found.append(args))
    right = Example("liquidation-price", LIQUIDATION, {"liquidation_price": "47,690.76"}, 0)
    wrong = Example("liquidation-price", dict(reversed(LIQUIDATION.items())), {"liquidation_price": "47,690.9"}, 0)
    checker.check(_term("a", "Liquidated at 47,690.76 USDT.", right))
    checker.check(_term("b", "Liquidated at 47,690.9 USDT.", wrong))
    assert counting.calls == 1
    assert [(path, code) for path, _, code, _ in found] == [("terms/b.yml", "example-mismatch")]
    assert found[0][3].startswith("quoted 47,690.9 but liquidation-price gives 47,690.8 at 1 decimal (")


def test_a_wrong_figure_names_the_computed_value_and_rounding():
    found = []
    checker = ExampleChecker(registry(), lambda *args: found.append(args))
    example = Example("liquidation-price", LIQUIDATION, {"liquidation_price": "47,690.75"}, 2)
    checker.check(_term("c", "Liquidated at 47,690.75 USDT.", example))
    (path, at, code, message), = found
    assert (path, at, code) == ("terms/c.yml", ("examples", 2, "outputs", "liquidation_price"), "example-mismatch")
    assert message.startswith("quoted 47,690.75 but liquidation-price gives 47,690.76 at 2 decimals")


def test_an_out_of_range_input_is_reported_at_that_input_in_the_calculators_words():
    found = []
    checker = ExampleChecker(registry(), lambda *args: found.append(args))
    example = Example("initial-margin", {"notional": 50000, "leverage": 0}, {"initial_margin": "2,500"}, 0)
    checker.check(_term("d", "Needs 2,500 USDT.", example))
    (_, at, code, message), = found
    assert (at, code) == (("examples", 0, "inputs", "leverage"), "bad-example")
    assert "leverage" in message and "≥ 1" in message


def test_a_percentage_quote_compares_the_value_times_100():
    found = []
    checker = ExampleChecker(registry(), lambda *args: found.append(args))
    inputs = {"price_ratio": 2}
    checker.check(_term("e", "A loss of 5.72%.", Example("impermanent-loss", inputs, {"impermanent_loss": "−5.72%"}, 0)))
    assert [code for *_, code, _ in found] == ["example-not-in-text"]
    found.clear()
    checker.check(_term("f", "A loss of −5.72%.", Example("impermanent-loss", inputs, {"impermanent_loss": "−5.72%"}, 0)))
    assert found == []


def test_the_site_build_refuses_a_wrong_example_as_check_does(tmp_path):
    project = assemble(FIXTURES / "broken" / "example-mismatch", tmp_path / "project")
    shutil.copytree(ROOT / "templates", project / "templates")
    full = registry()
    calculators = Calculators({"liquidation-price": full["liquidation-price"]})
    generated = generate(Project(Path(project), Settings(site_url="https://example.org/")), calculators)
    assert generated.files == ()
    assert [p.code for p in generated.errors] == ["example-mismatch"]


def test_a_widget_without_example_starts_from_the_first_worked_example_of_its_calculator():
    from types import MappingProxyType

    from site_build.model import Example, Term

    other = Example("linear-pnl", MappingProxyType({"side": "long"}), MappingProxyType({}), 0)
    own = Example("initial-margin", MappingProxyType({"notional": 50000, "leverage": 20}), MappingProxyType({}), 1)
    term = Term(id="t", path="terms/t.yml", name="T", kind="definition", summary="s", areas=("a",),
                calculator="initial-margin", examples=(other, own))
    assert dict(term.widget_inputs) == {"notional": 50000, "leverage": 20}
    chosen = Term(id="t", path="terms/t.yml", name="T", kind="definition", summary="s", areas=("a",),
                  calculator="initial-margin", example=MappingProxyType({"notional": 1, "leverage": 2}),
                  examples=(own,))
    assert dict(chosen.widget_inputs) == {"notional": 1, "leverage": 2}
