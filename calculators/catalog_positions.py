"""Metadata of the second set's position calculators (DESIGN.md, "Calculators, second set"):
liquidation in hedge mode and on coin-margined contracts, PnL after fees, average entry,
position size from a stop, and funding over a holding period."""

from __future__ import annotations

from .inputs import QUOTE, SIDE, non_negative, positive, rate
from .spec import CalculatorSpec, Input, Output

CONTRACT_TYPE = Input("contract_type", "Contract type", "", "linear", choices=("linear", "inverse"), kind="choice")


def _mmr(name: str, label: str, default: float) -> Input:
    return Input(name, label, "decimal", default, low=0.0, high=0.99)


def _fee(name: str, label: str, default: float) -> Input:
    """A trading fee rate; negative is a maker rebate."""
    return rate(name, label, default, limit=0.1)


SPECS: tuple[CalculatorSpec, ...] = (
    CalculatorSpec(
        "hedge-mode-liquidation-price", "Liquidation price (USDⓈ-M, hedge mode)",
        "Mark price at which a cross-margin account holding a long and a short leg of one symbol "
        "falls to its maintenance margin.",
        (non_negative("wallet_balance", "Wallet balance", QUOTE, 5000),
         non_negative("long_quantity", "Long quantity", "base units", 1),
         positive("long_entry_price", "Long entry price", QUOTE, 60_000),
         non_negative("short_quantity", "Short quantity", "base units", 0.5),
         positive("short_entry_price", "Short entry price", QUOTE, 62_000),
         _mmr("long_maintenance_margin_rate", "Long maintenance margin rate", 0.004),
         _mmr("short_maintenance_margin_rate", "Short maintenance margin rate", 0.004),
         non_negative("long_maintenance_amount", "Long maintenance amount", QUOTE, 0, fallback=0.0),
         non_negative("short_maintenance_amount", "Short maintenance amount", QUOTE, 0, fallback=0.0),
         non_negative("other_maintenance_margin", "Maintenance margin of other positions", QUOTE, 0, fallback=0.0),
         Input("other_unrealized_pnl", "Unrealized PnL of other positions", QUOTE, 0, fallback=0.0)),
        (Output("liquidation_price", "Liquidation price", QUOTE),),
        solvable=("wallet_balance",)),
    CalculatorSpec(
        "inverse-liquidation-price", "Liquidation price (COIN-M, inverse contracts)",
        "Mark price at which a coin-margined position's margin falls to its maintenance margin.",
        (SIDE, positive("contracts", "Contracts", "contracts", 10),
         positive("contract_size", "Contract size", "USD per contract", 100),
         positive("entry_price", "Entry price", "USD", 60_000),
         non_negative("wallet_balance", "Wallet balance", "coin", 0.05),
         _mmr("maintenance_margin_rate", "Maintenance margin rate", 0.005),
         non_negative("maintenance_amount", "Maintenance amount", "coin", 0, fallback=0.0)),
        (Output("liquidation_price", "Liquidation price", "USD"),),
        solvable=("wallet_balance",)),
    CalculatorSpec(
        "position-pnl", "Position PnL after fees and funding",
        "Net profit of a closed linear position after trading fees and funding, its return on margin "
        "and the break-even exit price.",
        (SIDE, positive("quantity", "Quantity", "base units", 1),
         positive("entry_price", "Entry price", QUOTE, 60_000),
         positive("exit_price", "Exit price", QUOTE, 63_000),
         Input("leverage", "Leverage", "×", 10, low=1.0, high=1000.0),
         _fee("open_fee_rate", "Opening fee rate", 0.0005),
         _fee("close_fee_rate", "Closing fee rate", 0.0005),
         Input("funding_paid", "Funding paid (negative = received)", QUOTE, 0, fallback=0.0)),
        (Output("net_pnl", "Net PnL", QUOTE), Output("gross_pnl", "Gross PnL", QUOTE),
         Output("fees", "Trading fees", QUOTE), Output("initial_margin", "Initial margin", QUOTE),
         Output("roe", "Return on initial margin", "decimal"),
         Output("break_even_price", "Break-even exit price (fees only)", QUOTE)),
        solvable=("exit_price",)),
    CalculatorSpec(
        "average-entry-price", "Average entry price",
        "Entry price of a position after adding to it: size-weighted for linear contracts, harmonic "
        "for inverse ones.",
        (CONTRACT_TYPE, positive("quantity", "Current quantity", "base units or contracts", 1),
         positive("entry_price", "Current entry price", QUOTE, 60_000),
         positive("add_quantity", "Quantity added", "base units or contracts", 1),
         positive("add_price", "Price of the addition", QUOTE, 50_000)),
        (Output("average_entry_price", "Average entry price", QUOTE),
         Output("total_quantity", "Total quantity", "base units or contracts")),
        solvable=("add_quantity",)),
    CalculatorSpec(
        "position-size", "Position size from a stop",
        "Quantity that loses exactly the amount at risk, fees included, if the stop is hit.",
        (SIDE, positive("risk_amount", "Amount at risk", QUOTE, 100),
         positive("entry_price", "Entry price", QUOTE, 60_000),
         positive("stop_price", "Stop price", QUOTE, 58_800),
         Input("fee_rate", "Fee rate (entry and stop)", "decimal", 0.0005, low=0.0, high=0.1)),
        (Output("quantity", "Quantity", "base units"), Output("notional", "Notional at entry", QUOTE),
         Output("stop_distance", "Stop distance", "decimal of entry")),
        solvable=("risk_amount",)),
    CalculatorSpec(
        "funding-over-period", "Funding over a holding period",
        "Funding a position pays (positive) or receives (negative) over a holding period, and the "
        "rate's simple annualised value.",
        (SIDE, non_negative("notional", "Position notional", QUOTE, 100_000),
         rate("funding_rate", "Funding rate per settlement", 0.0001),
         positive("interval_hours", "Funding interval", "h", 8, high=8760.0),
         non_negative("holding_hours", "Holding period", "h", 72)),
        (Output("total_payment", "Total payment (positive = pays)", QUOTE),
         Output("settlements", "Settlements (expected count)", ""),
         Output("payment_per_settlement", "Payment per settlement", QUOTE),
         Output("annualized_rate", "Annualised rate (simple)", "decimal per year"))),
)
