import math
import re
from decimal import Decimal


class CalculatorInputError(ValueError):
    """An input the calculator refuses; the message names it, the value and the allowed range."""


QUOTE_LIMIT = 40
NUMBER = re.compile('\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?\\s*\\Z')


def js_string(value: float) -> str:
    """JavaScript's ``String(x)`` for a finite number: shortest round-trip digits, JS layout."""
    value = float(value)
    if value == 0:
        return "0"
    if value < 0:
        return "-" + js_string(-value)
    _, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    text, point = "".join(map(str, digits)), len(digits) + exponent
    if len(text) <= point <= 21:
        return text + "0" * (point - len(text))
    if 0 < point <= 21:
        return f"{text[:point]}.{text[point:]}"
    if -6 < point <= 0:
        return "0." + "0" * -point + text
    power = f"e{'+' if point - 1 >= 0 else '-'}{abs(point - 1)}"
    return (text[0] + ("." + text[1:] if len(text) > 1 else "")) + power


def quote(value: object) -> str:
    """A refused value as a message repeats it: text in quotes, a float as JavaScript's ``String(x)``.

    JavaScript writes values the same way (runtime.js ``quote`` and ``quoteValue``), so one
    mistake reads the same in every language. The text is cut to about ``QUOTE_LIMIT``
    characters with "…": a pasted 100,000-digit number must not become a huge message.
    """
    if isinstance(value, float):
        if math.isfinite(value):
            text = js_string(value)
        else:
            text = "NaN" if math.isnan(value) else "-Infinity" if value < 0 else "Infinity"
    else:
        text = value if isinstance(value, str) else repr(value)
    text = text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "…"
    return f"'{text}'" if isinstance(value, str) else text


def as_number(name: str, value: object) -> float:
    """``value`` as a finite float, or ``CalculatorInputError`` naming the input."""
    if isinstance(value, bool):
        raise CalculatorInputError(f"{name} must be a number, got {quote(value)}")
    if isinstance(value, str):  # text is read as runtime.js reads it (tests/data/runtime-cases.json)
        if not value.strip():
            raise CalculatorInputError(f"{name} is required")
        if not NUMBER.match(value):
            raise CalculatorInputError(f"{name} must be a number, got {quote(value)}")
    try:
        number = float(value)
    except OverflowError:  # an int beyond the largest double
        raise CalculatorInputError(f"{name} must be a finite number, got {quote(value)}") from None
    except (TypeError, ValueError):
        raise CalculatorInputError(f"{name} must be a number, got {quote(value)}") from None
    if not math.isfinite(number):
        raise CalculatorInputError(f"{name} must be a finite number, got {quote(value)}")
    return number


def check_number(name: str, value: object, low=None, high=None, low_open=False, bounds="any finite number") -> float:
    """``value`` as a finite float within ``low``/``high`` (``bounds`` says them in words), or ``CalculatorInputError``."""
    number = as_number(name, value)
    too_low = low is not None and (number <= low if low_open else number < low)
    if too_low or (high is not None and number > high):
        raise CalculatorInputError(f"{name} = {js_string(number)} is out of range; it must be {bounds}")
    return number


def check_outputs(outputs: dict) -> dict:
    """``outputs`` unchanged when every one is a finite number; a NaN or an infinity means the inputs were too extreme."""
    for name, value in outputs.items():
        if not math.isfinite(value):
            raise CalculatorInputError(f"these inputs are too extreme: {name} is not a finite number")
    return outputs


class NoSolution(ValueError):
    """The inputs are valid, but the quantity asked for does not exist."""


def hedge_mode_liquidation_price(*, wallet_balance, long_quantity, long_entry_price, short_quantity, short_entry_price, long_maintenance_margin_rate, short_maintenance_margin_rate, long_maintenance_amount=0.0, short_maintenance_amount=0.0, other_maintenance_margin=0.0, other_unrealized_pnl=0.0):
    """Liquidation price (USDⓈ-M, hedge mode): Mark price at which a cross-margin account holding a long and a short leg of one symbol falls to its maintenance margin.

    wallet_balance: Wallet balance (USDT); ≥ 0.
    long_quantity: Long quantity (base units); ≥ 0.
    long_entry_price: Long entry price (USDT); > 0.
    short_quantity: Short quantity (base units); ≥ 0.
    short_entry_price: Short entry price (USDT); > 0.
    long_maintenance_margin_rate: Long maintenance margin rate (decimal); ≥ 0 and ≤ 0.99.
    short_maintenance_margin_rate: Short maintenance margin rate (decimal); ≥ 0 and ≤ 0.99.
    long_maintenance_amount: Long maintenance amount (USDT); ≥ 0.
    short_maintenance_amount: Short maintenance amount (USDT); ≥ 0.
    other_maintenance_margin: Maintenance margin of other positions (USDT); ≥ 0.
    other_unrealized_pnl: Unrealized PnL of other positions (USDT); any finite number.
    Returns every output by name: liquidation_price.
    """
    wallet_balance = check_number('wallet_balance', wallet_balance, low=0.0, bounds='≥ 0')
    long_quantity = check_number('long_quantity', long_quantity, low=0.0, bounds='≥ 0')
    long_entry_price = check_number('long_entry_price', long_entry_price, low=0.0, low_open=True, bounds='> 0')
    short_quantity = check_number('short_quantity', short_quantity, low=0.0, bounds='≥ 0')
    short_entry_price = check_number('short_entry_price', short_entry_price, low=0.0, low_open=True, bounds='> 0')
    long_maintenance_margin_rate = check_number('long_maintenance_margin_rate', long_maintenance_margin_rate, low=0.0, high=0.99, bounds='≥ 0 and ≤ 0.99')
    short_maintenance_margin_rate = check_number('short_maintenance_margin_rate', short_maintenance_margin_rate, low=0.0, high=0.99, bounds='≥ 0 and ≤ 0.99')
    long_maintenance_amount = check_number('long_maintenance_amount', long_maintenance_amount, low=0.0, bounds='≥ 0')
    short_maintenance_amount = check_number('short_maintenance_amount', short_maintenance_amount, low=0.0, bounds='≥ 0')
    other_maintenance_margin = check_number('other_maintenance_margin', other_maintenance_margin, low=0.0, bounds='≥ 0')
    other_unrealized_pnl = check_number('other_unrealized_pnl', other_unrealized_pnl)
    if not (long_quantity + short_quantity > 0):
        raise ValueError('long_quantity and short_quantity are both 0: open at least one leg')
    if not (long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity != 0):
        raise NoSolution('the two legs offset each other exactly, so the margin above the maintenance margin does not change with the price: no liquidation price')
    liquidation_price = (-long_entry_price*long_quantity + long_maintenance_amount - other_maintenance_margin + other_unrealized_pnl + short_entry_price*short_quantity + short_maintenance_amount + wallet_balance)/(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity)
    if not ((liquidation_price*(long_quantity + short_quantity) - long_entry_price*long_quantity - short_entry_price*short_quantity)*(long_maintenance_margin_rate*long_quantity - long_quantity + short_maintenance_margin_rate*short_quantity + short_quantity) >= 0):
        raise NoSolution("the wallet balance does not cover the maintenance margin at the legs' average entry price, so there is no liquidation price")
    if not (liquidation_price > 0):
        raise NoSolution('the collateral covers a fall to zero: no liquidation price')
    return check_outputs({"liquidation_price": liquidation_price})
