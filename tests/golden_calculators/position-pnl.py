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


def position_pnl(*, side, quantity, entry_price, exit_price, leverage, open_fee_rate, close_fee_rate, funding_paid=0.0):
    """Position PnL after fees and funding: Net profit of a closed linear position after trading fees and funding, its return on margin and the break-even exit price.

    side: Side; one of long, short.
    quantity: Quantity (base units); > 0.
    entry_price: Entry price (USDT); > 0.
    exit_price: Exit price (USDT); > 0.
    leverage: Leverage (×); ≥ 1 and ≤ 1000.
    open_fee_rate: Opening fee rate (decimal); ≥ -0.1 and ≤ 0.1.
    close_fee_rate: Closing fee rate (decimal); ≥ -0.1 and ≤ 0.1.
    funding_paid: Funding paid (negative = received) (USDT); any finite number.
    Returns every output by name: net_pnl, gross_pnl, fees, initial_margin, roe, break_even_price.
    """
    side = check_choice('side', side, ('long', 'short'))
    quantity = check_number('quantity', quantity, low=0.0, low_open=True, bounds='> 0')
    entry_price = check_number('entry_price', entry_price, low=0.0, low_open=True, bounds='> 0')
    exit_price = check_number('exit_price', exit_price, low=0.0, low_open=True, bounds='> 0')
    leverage = check_number('leverage', leverage, low=1.0, high=1000.0, bounds='≥ 1 and ≤ 1000')
    open_fee_rate = check_number('open_fee_rate', open_fee_rate, low=-0.1, high=0.1, bounds='≥ -0.1 and ≤ 0.1')
    close_fee_rate = check_number('close_fee_rate', close_fee_rate, low=-0.1, high=0.1, bounds='≥ -0.1 and ≤ 0.1')
    funding_paid = check_number('funding_paid', funding_paid)
    s = {'long': 1, 'short': -1}[side]
    net_pnl = -close_fee_rate*exit_price*quantity - entry_price*open_fee_rate*quantity - funding_paid + quantity*s*(-entry_price + exit_price)
    gross_pnl = quantity*s*(-entry_price + exit_price)
    fees = close_fee_rate*exit_price*quantity + entry_price*open_fee_rate*quantity
    initial_margin = entry_price*quantity/leverage
    roe = net_pnl/initial_margin
    break_even_price = entry_price*(open_fee_rate*s + 1)/(-close_fee_rate*s + 1)
    return check_outputs({"net_pnl": net_pnl, "gross_pnl": gross_pnl, "fees": fees, "initial_margin": initial_margin, "roe": roe, "break_even_price": break_even_price})
