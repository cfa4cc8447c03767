"""Which chart each calculator draws: its x input, x range, series and marks (``charts`` has the
model, ``chart_parts`` the rules and the shapes of chart these are written in).

Every series is a calculator output, or is built from other calculators' outputs through
``call`` (a liquidation chart's margin balance is the wallet plus ``linear-pnl``'s PnL), so
the chart shows the calculators' own numbers. Ranges are rules of the current inputs, so
the chart follows what a reader types.
"""

from __future__ import annotations

from .chart_parts import X, call, i, linear_margin, liquidation, o, one, option, scaled, symmetric
from .charts import Chart, Mark, Series, View


def _liquidation_charts() -> list[Chart]:
    pnl, margin = linear_margin()
    long_pnl, long_margin = linear_margin("long_", "long")
    short_pnl, short_margin = linear_margin("short_", "short")
    face = ["mul", i("contracts"), i("contract_size")]
    return [
        liquidation("liquidation-price", "USDT", ["add", i("wallet_balance"), i("other_unrealized_pnl"), pnl],
                    ["add", margin, i("other_maintenance_margin")], ("entry_price",),
                    (Mark("entry_price", "Entry", x=i("entry_price")),)),
        liquidation("hedge-mode-liquidation-price", "USDT",
                    ["add", i("wallet_balance"), i("other_unrealized_pnl"), long_pnl, short_pnl],
                    ["add", long_margin, short_margin, i("other_maintenance_margin")],
                    ("long_entry_price", "short_entry_price"),
                    (Mark("long_entry_price", "Long entry", x=i("long_entry_price")),
                     Mark("short_entry_price", "Short entry", x=i("short_entry_price")))),
        liquidation("inverse-liquidation-price", "coin",
                    ["add", i("wallet_balance"), call("inverse-pnl", "pnl", side=i("side"), contracts=face,
                                                      entry_price=i("entry_price"), exit_price=X)],
                    call("maintenance-margin", "maintenance_margin", notional=["div", face, X],
                         maintenance_margin_rate=i("maintenance_margin_rate"),
                         maintenance_amount=i("maintenance_amount")),
                    ("entry_price",), (Mark("entry_price", "Entry", x=i("entry_price")),)),
    ]


def _option_charts() -> list[Chart]:
    greeks = ("delta", "gamma", "vega", "theta")
    payoff_chart = Chart(
        "option-payoff", "spot_at_expiry", "Spot at expiry", "USDT", *scaled(0.5, 1.5, "strike", "spot_at_expiry",
                                                                            "out:break_even"),
        (Series("pnl", "Profit or loss", o("pnl"), "USDT"), Series("payoff", "Payoff", o("payoff"), "USDT")),
        (View("value", "Profit and payoff", "USDT"),),
        "Profit or loss and payoff at expiry against the spot at expiry; the strike and the break-even are marked.",
        marks=(Mark("strike", "Strike", x=i("strike")), Mark("break_even", "Break-even", x=o("break_even"))),
        extra=(i("strike"), o("break_even")))
    return [option("black-scholes", "spot", "Spot", "price", "USDT", greeks),
            option("black-76", "forward", "Forward", "price", "USDT", greeks),
            option("inverse-option", "forward", "Forward", "price_usd", "USD", ("delta", "premium_adjusted_delta")),
            payoff_chart]


def _position_charts() -> list[Chart]:
    from . import get

    net = get("position-pnl").outputs
    pnl_low, pnl_high = scaled(0.9, 1.1, "entry_price", "exit_price", "out:break_even_price")
    stop = ["add", i("stop_price"), ["neg", i("entry_price")]]
    far, near = ["add", i("entry_price"), ["mul", 4, stop]], ["add", i("entry_price"), ["mul", 0.25, stop]]
    return [
        Chart("position-pnl", "exit_price", "Exit price", "USDT", pnl_low, pnl_high,
              (Series("net_pnl", net[0].label, o("net_pnl"), "USDT"), Series("gross_pnl", net[1].label, o("gross_pnl"), "USDT")),
              (View("value", "PnL", "USDT"),),
              "Net and gross PnL against the exit price; the entry and the break-even price (fees and funding "
              "covered) are marked.",
              marks=(Mark("entry_price", "Entry", x=i("entry_price")),
                     Mark("break_even_price", "Break-even", x=o("break_even_price"))),
              extra=(i("entry_price"), o("break_even_price"))),
        one("linear-pnl", "exit_price", "Exit price", "USDT", *scaled(0.8, 1.2, "entry_price", "exit_price"), "pnl",
            "PnL against the exit price; it is zero at the entry price.",
            marks=(Mark("entry_price", "Entry", x=i("entry_price")),), extra=(i("entry_price"),)),
        one("inverse-pnl", "exit_price", "Exit price", "USD", *scaled(0.8, 1.2, "entry_price", "exit_price"), "pnl",
            "PnL in coin against the exit price; it is zero at the entry price.",
            marks=(Mark("entry_price", "Entry", x=i("entry_price")),), extra=(i("entry_price"),)),
        one("average-entry-price", "add_price", "Price of the addition", "USDT",
            *scaled(0.5, 1.5, "entry_price", "add_price"), "average_entry_price",
            "The average entry price against the price of the added quantity.",
            marks=(Mark("entry_price", "First entry", x=i("entry_price")),)),
        one("position-size", "stop_price", "Stop price", "USDT", ["min", far, near], ["max", far, near], "quantity",
            "The position size that risks the given amount, against the stop price: the closer the stop, the larger."),
        one("maintenance-margin", "notional", "Notional", "USDT", 0, ["mul", 2, i("notional")], "maintenance_margin",
            "The maintenance margin against the notional; with a tier table the rate steps up at each tier's floor "
            "and the amount keeps the requirement continuous.", extra=(i("notional"),)),
        one("initial-margin", "leverage", "Leverage", "×", ["max", 1, ["mul", 0.5, i("leverage")]],
            ["mul", 2, i("leverage")], "initial_margin", "The initial margin against the leverage."),
        one("margin-ratio", "margin_balance", "Margin balance", "USDT",
            *scaled(0.5, 2, "maintenance_margin", "margin_balance"), "margin_ratio",
            "The margin ratio against the margin balance; at 1 (100%) the position is liquidated.",
            marks=(Mark("liquidation", "Liquidation (1)", y=1),), extra=(i("maintenance_margin"),)),
        one("health-factor", "collateral_price", "Collateral price", "USD",
            *scaled(0.5, 1.5, "collateral_price", "out:liquidation_price"), "health_factor",
            "The health factor against the collateral price; below 1 the loan can be liquidated.",
            marks=(Mark("one", "Health factor 1", y=1), Mark("liquidation_price", "Liquidation", x=o("liquidation_price"))),
            extra=(o("liquidation_price"),)),
        one("delta-hedge", "option_delta", "Option delta", "per contract", *symmetric(1, 1, "option_delta"),
            "hedge_quantity", "The hedge quantity against the option's delta."),
    ]


def _market_charts() -> list[Chart]:
    settle = ["max", ["mul", 2, i("holding_hours")], ["mul", 3, i("interval_hours")]]
    refill = ["max", i("elapsed_seconds"), ["div", i("capacity"), i("refill_rate")]]
    full_rate = ["max", i("requests_per_second"), ["div", 1, o("min_interval_seconds")]]
    basis = get_outputs("annualized-basis")
    return [
        one("funding-rate", "premium_index", "Premium index", "decimal", *symmetric(3, "premium_index", "clamp"),
            "funding_rate", "The funding rate against the premium index: it follows the premium outside the clamp "
                            "band and stops at the cap.", extra=(i("premium_index"),)),
        one("funding-payment", "funding_rate", "Funding rate", "decimal", *symmetric(2, "funding_rate", 0.0001),
            "payment", "The payment per settlement against the funding rate."),
        Chart("funding-over-period", "holding_hours", "Holding time", "h", 0, settle,
              (Series("total_payment", "Total payment", o("total_payment"), "USDT", step=True),),
              (View("value", "Total payment", "USDT"),),
              "Funding paid in total against the holding time: a step at each settlement.", samples=73),
        Chart("annualized-basis", "days_to_expiry", "Days to expiry", "days", ["mul", 0.1, i("days_to_expiry")],
              ["mul", 4, i("days_to_expiry")],
              (Series("annualized_basis", basis["annualized_basis"], o("annualized_basis"), "decimal per year"),
               Series("continuous_carry", basis["continuous_carry"], o("continuous_carry"), "decimal per year")),
              (View("value", "Per year", "decimal per year"),),
              "The annualized basis and the continuously compounded carry against the days to expiry, for the "
              "same spot and futures prices."),
        one("rate-limit-budget", "requests_per_second", "Request rate", "requests/s", 0, ["mul", 2, full_rate],
            "utilization", "The share of the budget used against the request rate; above 1 requests are refused.",
            marks=(Mark("full", "Full budget (1)", y=1),)),
        one("token-bucket", "elapsed_seconds", "Time since the last request", "s", 0, ["mul", 1.2, refill],
            "tokens_available", "Tokens in the bucket against the time waited; the request's cost is marked.",
            marks=(Mark("cost", "Cost", y=i("cost")),)),
        *_amm_charts(),
    ]


def get_outputs(calc_id: str) -> dict[str, str]:
    from . import get

    return {item.name: item.label for item in get(calc_id).outputs}


def _amm_charts() -> list[Chart]:
    liquidity = get_outputs("concentrated-liquidity")
    return [
        Chart("constant-product-swap", "amount_in", "Amount in", "tokens", 0,
              ["max", i("reserve_in"), ["mul", 1.5, i("amount_in")]],
              (Series("reserve_in_after", "Pool's reserve of the token in", ["add", i("reserve_in"), X], "tokens"),
               Series("reserve_out_after", "Pool's reserve of the token out", ["add", i("reserve_out"), ["neg", o("amount_out")]],
                      "tokens")),
              (View("value", "Reserves after the trade", "tokens"),),
              "The pool's reserves after trades of every size up to the reserve itself: the x·y = k curve "
              "(k grows by the fee). The pool before the trade and after it are marked.",
              marks=(Mark("before", "Before", x=i("reserve_in"), y=i("reserve_out")),), extra=(i("amount_in"),),
              horizontal="reserve_in_after"),
        one("impermanent-loss", "price_ratio", "Price ratio (exit / entry)", "ratio", *scaled(0.25, 2, "price_ratio", 1),
            "impermanent_loss", "The impermanent loss against the price ratio; none at a ratio of 1.",
            extra=(1,)),
        one("concentrated-impermanent-loss", "exit_price", "Exit price", "token1 per token0",
            *scaled(0.5, 1.5, "price_lower", "entry_price", "exit_price", "price_upper"), "impermanent_loss",
            "The impermanent loss of a concentrated position against the exit price; the range and the entry are marked.",
            marks=(Mark("price_lower", "Lower", x=i("price_lower")), Mark("price_upper", "Upper", x=i("price_upper")),
                   Mark("entry_price", "Entry", x=i("entry_price"))),
            extra=(i("price_lower"), i("price_upper"), i("entry_price"))),
        Chart("concentrated-liquidity", "price", "Price", "token1 per token0",
              *scaled(0.5, 1.5, "price_lower", "price", "price_upper"),
              (Series("value", liquidity["value"], o("value"), "token1"),
               Series("amount1", liquidity["amount1"], o("amount1"), "token1"),
               Series("amount0", liquidity["amount0"], o("amount0"), "token0", view="amount0")),
              (View("value", "Value and token1", "token1"), View("amount0", liquidity["amount0"], "token0")),
              "The position's value and its amounts of each token across prices; below the range it holds only "
              "token0, above it only token1.",
              marks=(Mark("price_lower", "Lower", x=i("price_lower")), Mark("price_upper", "Upper", x=i("price_upper"))),
              extra=(i("price_lower"), i("price_upper"))),
    ]


def _all() -> dict[str, Chart]:
    charts = [*_liquidation_charts(), *_option_charts(), *_position_charts(), *_market_charts()]
    return {chart.calc: chart for chart in charts}


CHARTS: dict[str, Chart] = _all()
