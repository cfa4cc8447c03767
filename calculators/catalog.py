"""The calculators' metadata: the public contract of ids, inputs and outputs.

The first fifteen live here; the second set in ``catalog_positions`` and ``catalog_markets``.
"""

from __future__ import annotations

from . import catalog_markets, catalog_positions
from .inputs import GREEKS, OPTION_TYPE, QUOTE, SIDE, non_negative, positive, rate
from .spec import CalculatorSpec, Input, Output

FIRST_SET: tuple[CalculatorSpec, ...] = (
    CalculatorSpec(
        "constant-product-swap", "Constant-product swap (x·y = k)",
        "Output amount, k before and after, and price impact of a swap on a Uniswap-v2-style pool.",
        (positive("reserve_in", "Reserve of the token sold", "tokens", 1000),
         positive("reserve_out", "Reserve of the token bought", "tokens", 2_000_000),
         positive("amount_in", "Amount sold", "tokens", 10),
         Input("fee_rate", "Fee rate", "decimal", 0.003, low=0.0, high=0.99, fallback=0.003)),
        (Output("amount_out", "Amount bought", "tokens"), Output("k_before", "k before", "tokens²"),
         Output("k_after", "k after", "tokens²"), Output("spot_price", "Spot price", "out per in"),
         Output("execution_price", "Execution price", "out per in"),
         Output("price_impact", "Price impact (fee included)", "decimal")),
        solvable=("amount_in",)),
    CalculatorSpec(
        "impermanent-loss", "Impermanent loss",
        "Loss of a 50/50 constant-product position against holding, for a given price change.",
        (positive("price_ratio", "Price ratio (new / old)", "ratio", 2),),
        (Output("impermanent_loss", "Impermanent loss", "decimal"),)),
    CalculatorSpec(
        "maintenance-margin", "Maintenance margin",
        "Maintenance margin of a position from a rate and amount, or from a tier table.",
        (non_negative("notional", "Position notional", QUOTE, 264_000),
         Input("maintenance_margin_rate", "Maintenance margin rate", "decimal", 0.01, low=0.0, high=1.0),
         non_negative("maintenance_amount", "Maintenance amount", QUOTE, 0, fallback=0.0),
         Input("tiers", "Tier table (JSON, optional)", "", "", kind="tiers", fallback="")),
        (Output("maintenance_margin", "Maintenance margin", QUOTE),
         Output("applied_rate", "Applied rate", "decimal"), Output("applied_amount", "Applied amount", QUOTE),
         Output("tier", "Tier", "1-based; 0 without tiers"))),
    CalculatorSpec(
        "initial-margin", "Initial margin",
        "Collateral needed to open a position at a given leverage.",
        (non_negative("notional", "Position notional", QUOTE, 50_000),
         Input("leverage", "Leverage", "×", 20, low=1.0, high=1000.0)),
        (Output("initial_margin", "Initial margin", QUOTE),),
        solvable=("leverage",)),
    CalculatorSpec(
        "margin-ratio", "Margin ratio",
        "Maintenance margin over margin balance; liquidation starts at 100%.",
        (non_negative("maintenance_margin", "Maintenance margin", QUOTE, 1340),
         positive("margin_balance", "Margin balance", QUOTE, 5000)),
        (Output("margin_ratio", "Margin ratio", "decimal"),)),
    CalculatorSpec(
        "liquidation-price", "Liquidation price (USDⓈ-M, one-way mode)",
        "Mark price at which a position's margin balance falls to its maintenance margin.",
        (SIDE, positive("quantity", "Quantity", "base units", 1),
         positive("entry_price", "Entry price", QUOTE, 60_000),
         non_negative("wallet_balance", "Wallet balance", QUOTE, 3000),
         Input("maintenance_margin_rate", "Maintenance margin rate", "decimal", 0.004, low=0.0, high=0.99),
         non_negative("maintenance_amount", "Maintenance amount", QUOTE, 0, fallback=0.0),
         non_negative("other_maintenance_margin", "Maintenance margin of other positions", QUOTE, 0, fallback=0.0),
         Input("other_unrealized_pnl", "Unrealized PnL of other positions", QUOTE, 0, fallback=0.0),
         Input("tiers", "Tier table (JSON, optional)", "", "", kind="tiers", fallback="")),
        (Output("liquidation_price", "Liquidation price", QUOTE), Output("tier", "Tier", "1-based; 0 without tiers")),
        solvable=("entry_price", "wallet_balance", "quantity")),
    CalculatorSpec(
        "linear-pnl", "Linear contract PnL",
        "Profit or loss of a linear (USDT-margined) position, in the quote currency.",
        (SIDE, positive("quantity", "Quantity", "base units", 1),
         positive("entry_price", "Entry price", QUOTE, 60_000),
         positive("exit_price", "Exit price", QUOTE, 63_000)),
        (Output("pnl", "PnL", QUOTE),), solvable=("exit_price",)),
    CalculatorSpec(
        "inverse-pnl", "Inverse contract PnL",
        "Profit or loss of an inverse (coin-margined) position, in the base coin.",
        (SIDE, positive("contracts", "Contracts (USD face value)", "USD", 10_000),
         positive("entry_price", "Entry price", "USD", 50_000),
         positive("exit_price", "Exit price", "USD", 55_000)),
        (Output("pnl", "PnL", "coin"),), solvable=("exit_price",)),
    CalculatorSpec(
        "funding-rate", "Funding rate",
        "Funding rate from the premium index and interest rate, with the interest clamp and the rate cap.",
        (rate("premium_index", "Premium index", 0.0003), rate("interest_rate", "Interest rate", 0.0001, fallback=0.0001),
         Input("clamp", "Clamp", "decimal", 0.0005, low=0.0, high=1.0, fallback=0.0005),
         Input("rate_cap", "Rate cap (per settlement)", "decimal", 0.003, low=0.0, high=1.0, fallback=0.003)),
        (Output("funding_rate", "Funding rate", "decimal"),)),
    CalculatorSpec(
        "funding-payment", "Funding payment",
        "What a position pays (positive) or receives (negative) at one funding time.",
        (SIDE, non_negative("notional", "Position notional", QUOTE, 100_000),
         rate("funding_rate", "Funding rate", 0.0001)),
        (Output("payment", "Payment (positive = pays)", QUOTE),)),
    CalculatorSpec(
        "black-scholes", "Black–Scholes–Merton option price and greeks",
        "European option price and greeks on a spot underlying with continuous rates.",
        (OPTION_TYPE, positive("spot", "Spot price", QUOTE, 42),
         positive("strike", "Strike price", QUOTE, 40),
         positive("time_to_expiry", "Time to expiry", "years", 0.5, high=100.0),
         positive("volatility", "Volatility", "decimal", 0.2, high=10.0),
         rate("risk_free_rate", "Risk-free rate", 0.1), rate("dividend_yield", "Dividend yield", 0.0, fallback=0.0)),
        GREEKS, solvable=("volatility",)),
    CalculatorSpec(
        "black-76", "Black-76 option price and greeks",
        "European option on a forward or future, discounted at the risk-free rate.",
        (OPTION_TYPE, positive("forward", "Forward price", QUOTE, 60_000),
         positive("strike", "Strike price", QUOTE, 65_000),
         positive("time_to_expiry", "Time to expiry", "years", 0.25, high=100.0),
         positive("volatility", "Volatility", "decimal", 0.6, high=10.0),
         rate("risk_free_rate", "Risk-free rate", 0.0)),
        tuple(Output(o.name, o.label, o.unit.replace("underlying", "forward")) for o in GREEKS),
        solvable=("volatility",)),
    CalculatorSpec(
        "delta-hedge", "Delta hedge",
        "Quantity of the underlying that makes an option position delta-neutral.",
        (Input("option_delta", "Option delta", "per contract", 0.5),  # |Δ| > 1 with negative carry
         Input("contracts", "Contracts (negative = short)", "contracts", 10),
         positive("contract_size", "Contract size", "underlying per contract", 1, fallback=1.0)),
        (Output("hedge_quantity", "Hedge quantity (negative = sell)", "underlying"),)),
    CalculatorSpec(
        "rate-limit-budget", "API rate-limit budget",
        "How many requests of a given weight fit in a window, and how much of it a request rate uses.",
        (positive("limit", "Limit", "weight per window", 2400),
         positive("window_seconds", "Window", "s", 60),
         positive("request_weight", "Request weight", "weight", 5),
         non_negative("requests_per_second", "Request rate", "requests/s", 0, fallback=0.0)),
        (Output("max_requests_per_window", "Max requests per window", "requests"),
         Output("min_interval_seconds", "Minimum interval", "s"),
         Output("utilization", "Utilization", "decimal"))),
    CalculatorSpec(
        "token-bucket", "Token bucket",
        "Whether a request of a given cost passes a token-bucket limiter, and how long to wait if not.",
        (positive("capacity", "Capacity", "tokens", 20), positive("refill_rate", "Refill rate", "tokens/s", 0.5),
         non_negative("tokens", "Tokens now", "tokens", 3), non_negative("elapsed_seconds", "Elapsed", "s", 4),
         non_negative("cost", "Request cost", "tokens", 2)),
        (Output("tokens_available", "Tokens available", "tokens"), Output("allowed", "Allowed (1 = yes)", ""),
         Output("tokens_after", "Tokens after", "tokens"), Output("wait_seconds", "Wait", "s"))),
)


SPECS: tuple[CalculatorSpec, ...] = FIRST_SET + catalog_positions.SPECS + catalog_markets.SPECS
