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


def check_choice(name: str, value: object, choices: tuple) -> object:
    """``value`` if it is one of ``choices``, or ``CalculatorInputError`` listing them."""
    if isinstance(value, str) and value in choices:
        return value
    raise CalculatorInputError(f"{name} must be one of {', '.join(choices)}, got {quote(value)}")


def check_outputs(outputs: dict) -> dict:
    """``outputs`` unchanged when every one is a finite number; a NaN or an infinity means the inputs were too extreme."""
    for name, value in outputs.items():
        if not math.isfinite(value):
            raise CalculatorInputError(f"these inputs are too extreme: {name} is not a finite number")
    return outputs


class NoSolution(ValueError):
    """The inputs are valid, but the quantity asked for does not exist."""


def inverse_liquidation_price(*, side, contracts, contract_size, entry_price, wallet_balance, maintenance_margin_rate, maintenance_amount=0.0):
    """Liquidation price (COIN-M, inverse contracts): Mark price at which a coin-margined position's margin falls to its maintenance margin.

    side: Side; one of long, short.
    contracts: Contracts (contracts); > 0.
    contract_size: Contract size (USD per contract); > 0.
    entry_price: Entry price (USD); > 0.
    wallet_balance: Wallet balance (coin); ≥ 0.
    maintenance_margin_rate: Maintenance margin rate (decimal); ≥ 0 and ≤ 0.99.
    maintenance_amount: Maintenance amount (coin); ≥ 0.
    Returns every output by name: liquidation_price.
    """
    side = check_choice('side', side, ('long', 'short'))
    contracts = check_number('contracts', contracts, low=0.0, low_open=True, bounds='> 0')
    contract_size = check_number('contract_size', contract_size, low=0.0, low_open=True, bounds='> 0')
    entry_price = check_number('entry_price', entry_price, low=0.0, low_open=True, bounds='> 0')
    wallet_balance = check_number('wallet_balance', wallet_balance, low=0.0, bounds='≥ 0')
    maintenance_margin_rate = check_number('maintenance_margin_rate', maintenance_margin_rate, low=0.0, high=0.99, bounds='≥ 0 and ≤ 0.99')
    maintenance_amount = check_number('maintenance_amount', maintenance_amount, low=0.0, bounds='≥ 0')
    s = {'long': 1, 'short': -1}[side]
    if not (contract_size*contracts*s/entry_price + maintenance_amount + wallet_balance != 0):
        raise NoSolution("the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse short is a dollar hedge): no liquidation price")
    position_value = contract_size*contracts
    liquidation_price = (maintenance_margin_rate*position_value + position_value*s)/(maintenance_amount + wallet_balance + position_value*s/entry_price)
    if not (liquidation_price > 0):
        raise NoSolution("the liquidation price would be at or below zero; the coin margin is worth at least the short's face value, so no price rise exhausts it (a 1x inverse short is a dollar hedge): no liquidation price")
    if not (s*(entry_price - liquidation_price) >= 0):
        raise NoSolution('the liquidation price would be on the wrong side of the entry price (above it for a long, below it for a short): the wallet balance does not cover the maintenance margin at entry, so there is no liquidation price')
    return check_outputs({"liquidation_price": liquidation_price})
