"""What ``chart_specs`` writes its charts in: rules of the current inputs, and the kinds of
chart that repeat.

A rule is a small JSON expression the page evaluates as the reader types (``i``: an input,
``o``: an output, ``call``: another calculator's output, ``X``: the chart's x), so a range
or a series follows the inputs (``scaled``, ``symmetric``). The repeated shapes: one output
against one input (``one``), an option's value today and at expiry (``option``, ``payoff``)
and a margin balance against the maintenance margin (``liquidation``, ``linear_margin``).
"""

from __future__ import annotations

from typing import Any

from .charts import Chart, Mark, Series, View

X = ["x"]


def i(name: str) -> list[str]:
    return ["in", name]


def o(name: str) -> list[str]:
    return ["out", name]


def call(calc_id: str, output: str, **mapping: Any) -> list[Any]:
    return ["call", calc_id, mapping, output]


def scaled(low: float, high: float, *names: Any) -> tuple[list[Any], list[Any]]:
    """From ``low`` × the smallest to ``high`` × the largest of these values (inputs or outputs)."""
    parts = [n if isinstance(n, (list, float, int)) else (o(n[4:]) if n.startswith("out:") else i(n)) for n in names]
    return ["mul", low, ["min", *parts]], ["mul", high, ["max", *parts]]


def symmetric(size: float, *names: Any) -> tuple[list[Any], list[Any]]:
    """From −size to +size × the largest magnitude of these values, for signed inputs (rates)."""
    largest = ["max", *[n if isinstance(n, (float, int)) else ["abs", i(n)] for n in names]]
    return ["mul", -size, largest], ["mul", size, largest]


def one(calc: str, x: str, label: str, unit: str, low: Any, high: Any, output: str, caption: str,
        **more: Any) -> Chart:
    """The usual chart: one output against one input."""
    from . import get

    out = next(item for item in get(calc).outputs if item.name == output)
    return Chart(calc, x, label, unit, low, high, (Series(output, out.label, o(output), out.unit),),
                 (View("value", out.label, out.unit),), caption, **more)


def payoff() -> list[Any]:
    """The option's value at expiry (intrinsic, one unit long) at x, from ``option-payoff``."""
    return call("option-payoff", "payoff", option_type=i("option_type"), side="long", strike=i("strike"),
                premium=0, quantity=1, spot_at_expiry=X)


def option(calc: str, underlying: str, label: str, price: str, unit: str, greeks: tuple[str, ...]) -> Chart:
    """Value today and payoff at expiry against the underlying, strike and break-even marked; greeks as views."""
    from . import get

    outputs = {item.name: item for item in get(calc).outputs}
    series = [Series(price, "Value today", o(price), unit), Series("payoff", "Payoff at expiry", payoff(), unit)]
    series += [Series(g, outputs[g].label, o(g), outputs[g].unit, view=g) for g in greeks]
    views = (View("value", "Value and payoff", unit), *(View(g, outputs[g].label, outputs[g].unit) for g in greeks))
    break_even = call("option-payoff", "break_even", option_type=i("option_type"), side="long", strike=i("strike"),
                      premium=o(price), quantity=1, spot_at_expiry=i(underlying))
    low, high = scaled(0.5, 1.5, underlying, "strike")
    return Chart(calc, underlying, label, unit, low, high, tuple(series), views,
                 f"The option's value today and its payoff at expiry against the {label.lower()}; the strike and the "
                 "break-even at expiry (strike plus or minus today's price) are marked.",
                 marks=(Mark("strike", "Strike", x=i("strike")), Mark("break_even", "Break-even", x=break_even)),
                 extra=(i("strike"), break_even, i(underlying)))


def linear_margin(prefix: str = "", side: Any = None) -> tuple[list[Any], list[Any]]:
    """One leg's PnL and maintenance margin at mark price x (``linear-pnl``, ``maintenance-margin``)."""
    q = i(f"{prefix}quantity")
    pnl = call("linear-pnl", "pnl", side=side or i("side"), quantity=q, entry_price=i(f"{prefix}entry_price"),
               exit_price=X)
    margin = call("maintenance-margin", "maintenance_margin", notional=["mul", q, X],
                  maintenance_margin_rate=i(f"{prefix}maintenance_margin_rate"),
                  maintenance_amount=i(f"{prefix}maintenance_amount"), **({} if prefix else {"tiers": i("tiers")}))
    return (["zero_if", q, pnl], ["zero_if", q, margin]) if prefix else (pnl, margin)


LIQUIDATION = ("Margin balance and maintenance margin against the mark price. The position is liquidated where the "
               "margin balance falls to the maintenance margin: the lines cross at the liquidation price.")


def liquidation(calc: str, unit: str, balance: list[Any], maintenance: list[Any], entries: tuple[str, ...],
                marks: tuple[Mark, ...]) -> Chart:
    low, high = scaled(0.8, 1.2, *entries, "out:liquidation_price")
    lp = o("liquidation_price")
    return Chart(calc, "mark_price", "Mark price", "USDT" if unit == "USDT" else "USD", low, high,
                 (Series("margin_balance", "Margin balance", balance, unit),
                  Series("maintenance_margin", "Maintenance margin", maintenance, unit)),
                 (View("value", "Margin", unit),), LIQUIDATION,
                 marks=(*marks, Mark("liquidation_price", "Liquidation", x=lp)), extra=(*map(i, entries), lp),
                 point_at=lp, point_series={"value": "maintenance_margin"})
