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


def floor_quotient(a, b):
    """⌊a ÷ b⌋ for a and b read as the decimals they were written as."""
    from fractions import Fraction

    return (Fraction(repr(float(a))) / Fraction(repr(float(b)))).__floor__()


def rate_limit_budget(*, limit, window_seconds, request_weight, requests_per_second=0.0):
    """API rate-limit budget: How many requests of a given weight fit in a window, and how much of it a request rate uses.

    limit: Limit (weight per window); > 0.
    window_seconds: Window (s); > 0.
    request_weight: Request weight (weight); > 0.
    requests_per_second: Request rate (requests/s); ≥ 0.
    Returns every output by name: max_requests_per_window, min_interval_seconds, utilization.
    """
    limit = check_number('limit', limit, low=0.0, low_open=True, bounds='> 0')
    window_seconds = check_number('window_seconds', window_seconds, low=0.0, low_open=True, bounds='> 0')
    request_weight = check_number('request_weight', request_weight, low=0.0, low_open=True, bounds='> 0')
    requests_per_second = check_number('requests_per_second', requests_per_second, low=0.0, bounds='≥ 0')
    max_requests_per_window = floor_quotient(limit, request_weight)
    min_interval_seconds = request_weight*window_seconds/limit
    utilization = request_weight*requests_per_second*window_seconds/limit
    return check_outputs({"max_requests_per_window": max_requests_per_window, "min_interval_seconds": min_interval_seconds, "utilization": utilization})
