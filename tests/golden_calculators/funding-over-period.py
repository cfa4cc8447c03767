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


def funding_over_period(*, side, notional, funding_rate, interval_hours, holding_hours):
    """Funding over a holding period: Funding a position pays (positive) or receives (negative) over a holding period, and the rate's simple annualised value.

    side: Side; one of long, short.
    notional: Position notional (USDT); ≥ 0.
    funding_rate: Funding rate per settlement (decimal); ≥ -1 and ≤ 1.
    interval_hours: Funding interval (h); > 0 and ≤ 8760.
    holding_hours: Holding period (h); ≥ 0.
    Returns every output by name: total_payment, settlements, payment_per_settlement, annualized_rate.
    """
    side = check_choice('side', side, ('long', 'short'))
    notional = check_number('notional', notional, low=0.0, bounds='≥ 0')
    funding_rate = check_number('funding_rate', funding_rate, low=-1.0, high=1.0, bounds='≥ -1 and ≤ 1')
    interval_hours = check_number('interval_hours', interval_hours, low=0.0, high=8760.0, low_open=True, bounds='> 0 and ≤ 8760')
    holding_hours = check_number('holding_hours', holding_hours, low=0.0, bounds='≥ 0')
    s = {'long': 1, 'short': -1}[side]
    total_payment = funding_rate*holding_hours*notional*s/interval_hours
    settlements = holding_hours/interval_hours
    payment_per_settlement = funding_rate*notional*s
    annualized_rate = 8760*funding_rate/interval_hours
    return check_outputs({"total_payment": total_payment, "settlements": settlements, "payment_per_settlement": payment_per_settlement, "annualized_rate": annualized_rate})
