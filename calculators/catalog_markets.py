"""Metadata of the second set's market calculators (DESIGN.md, "Calculators, second set"):
annualised basis, Uniswap v3 ranges and their impermanent loss, a lending health factor,
coin-settled options and option payoffs at expiry."""

from __future__ import annotations

from .inputs import OPTION_TYPE, QUOTE, SIDE, non_negative, positive
from .spec import CalculatorSpec, Input, Output

PAIR_PRICE = "token1 per token0"


def _range_inputs() -> tuple[Input, ...]:
    """The lower and upper price of a Uniswap v3 position, shared by both range calculators."""
    return (positive("price_lower", "Lower price of the range", PAIR_PRICE, 1500),
            positive("price_upper", "Upper price of the range", PAIR_PRICE, 2500))


SPECS: tuple[CalculatorSpec, ...] = (
    CalculatorSpec(
        "annualized-basis", "Annualized basis",
        "Futures premium over spot, as a price, a rate and a yearly rate (simple and continuous).",
        (positive("spot_price", "Spot (index) price", QUOTE, 60_000),
         positive("futures_price", "Futures price", QUOTE, 61_200),
         positive("days_to_expiry", "Days to expiry", "days", 90, high=36_500)),
        (Output("annualized_basis", "Annualized basis (simple)", "decimal per year"),
         Output("basis", "Basis", QUOTE), Output("basis_rate", "Basis rate", "decimal"),
         Output("continuous_carry", "Continuously compounded carry", "decimal per year")),
        solvable=("futures_price",)),
    CalculatorSpec(
        "concentrated-liquidity", "Concentrated liquidity position (Uniswap v3)",
        "Token amounts and value of a Uniswap v3 liquidity position over a price range.",
        (positive("price", "Current price", PAIR_PRICE, 2000), *_range_inputs(),
         positive("liquidity", "Liquidity L", "√(token0·token1)", 1000)),
        (Output("value", "Position value", "token1"), Output("amount0", "Amount of token0", "token0"),
         Output("amount1", "Amount of token1", "token1")),
        solvable=("liquidity",)),
    CalculatorSpec(
        "concentrated-impermanent-loss", "Concentrated impermanent loss (Uniswap v3)",
        "Loss of a Uniswap v3 range position against holding the tokens it started with.",
        (*_range_inputs(), positive("entry_price", "Price at deposit", PAIR_PRICE, 2000),
         positive("exit_price", "Price now", PAIR_PRICE, 2500)),
        (Output("impermanent_loss", "Impermanent loss", "decimal"),)),
    CalculatorSpec(
        "health-factor", "Health factor (Aave v3)",
        "Aave-style health factor of a loan, the collateral price that liquidates it, and the fall to get there.",
        (positive("collateral_amount", "Collateral amount", "tokens", 10),
         positive("collateral_price", "Collateral price", "USD per token", 2000),
         positive("liquidation_threshold", "Liquidation threshold", "decimal", 0.825, high=1.0),
         positive("debt_value", "Debt value", "USD", 12_000)),
        (Output("health_factor", "Health factor", "ratio"),
         Output("liquidation_price", "Liquidation price", "USD per token"),
         Output("price_drop_to_liquidation", "Price fall to liquidation", "decimal")),
        solvable=("collateral_price", "debt_value")),
    CalculatorSpec(
        "inverse-option", "Inverse (coin-settled) option price",
        "Deribit-style option quoted and settled in the coin: Black-76 at the forward with zero rates.",
        (OPTION_TYPE, positive("forward", "Forward price", "USD", 60_000),
         positive("strike", "Strike price", "USD", 65_000),
         positive("time_to_expiry", "Time to expiry", "years", 0.25, high=100.0),
         positive("volatility", "Volatility", "decimal", 0.6, high=10.0)),
        (Output("price_coin", "Option price in coin", "coin"), Output("price_usd", "Option price in USD", "USD"),
         Output("delta", "Delta", "per unit of forward"),
         Output("premium_adjusted_delta", "Premium-adjusted delta", "per unit of forward")),
        solvable=("volatility",)),
    CalculatorSpec(
        "option-payoff", "Option payoff and PnL at expiry",
        "What a long or short call or put pays at expiry, its profit after the premium, and its break-even.",
        (OPTION_TYPE, SIDE, positive("strike", "Strike price", QUOTE, 65_000),
         non_negative("premium", "Premium per unit", QUOTE, 2500),
         positive("quantity", "Quantity", "units of underlying", 1),
         non_negative("spot_at_expiry", "Underlying price at expiry", QUOTE, 70_000)),
        (Output("pnl", "PnL", QUOTE), Output("payoff", "Payoff (before premium)", QUOTE),
         Output("break_even", "Break-even price", QUOTE))),
)
