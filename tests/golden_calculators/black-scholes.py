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


def black_scholes(*, option_type, spot, strike, time_to_expiry, volatility, risk_free_rate, dividend_yield=0.0):
    """Black–Scholes–Merton option price and greeks: European option price and greeks on a spot underlying with continuous rates.

    option_type: Option type; one of call, put.
    spot: Spot price (USDT); > 0.
    strike: Strike price (USDT); > 0.
    time_to_expiry: Time to expiry (years); > 0 and ≤ 100.
    volatility: Volatility (decimal); > 0 and ≤ 10.
    risk_free_rate: Risk-free rate (decimal); ≥ -1 and ≤ 1.
    dividend_yield: Dividend yield (decimal); ≥ -1 and ≤ 1.
    Returns every output by name: price, delta, gamma, vega, theta, rho.
    """
    option_type = check_choice('option_type', option_type, ('call', 'put'))
    spot = check_number('spot', spot, low=0.0, low_open=True, bounds='> 0')
    strike = check_number('strike', strike, low=0.0, low_open=True, bounds='> 0')
    time_to_expiry = check_number('time_to_expiry', time_to_expiry, low=0.0, high=100.0, low_open=True, bounds='> 0 and ≤ 100')
    volatility = check_number('volatility', volatility, low=0.0, high=10.0, low_open=True, bounds='> 0 and ≤ 10')
    risk_free_rate = check_number('risk_free_rate', risk_free_rate, low=-1.0, high=1.0, bounds='≥ -1 and ≤ 1')
    dividend_yield = check_number('dividend_yield', dividend_yield, low=-1.0, high=1.0, bounds='≥ -1 and ≤ 1')
    phi = {'call': 1, 'put': -1}[option_type]
    d1 = (time_to_expiry*(-dividend_yield + risk_free_rate + (1/2)*volatility**2) + math.log(spot/strike))/(math.sqrt(time_to_expiry)*volatility)
    d2 = d1 - math.sqrt(time_to_expiry)*volatility
    price = phi*(spot*math.exp(-dividend_yield*time_to_expiry)*math.erfc(-(d1*phi)/math.sqrt(2))/2 - strike*math.exp(-risk_free_rate*time_to_expiry)*math.erfc(-(d2*phi)/math.sqrt(2))/2)
    delta = phi*math.exp(-dividend_yield*time_to_expiry)*math.erfc(-(d1*phi)/math.sqrt(2))/2
    gamma = math.exp(-dividend_yield*time_to_expiry)*math.exp(-(d1)*(d1)/2)/math.sqrt(2*math.pi)/(spot*math.sqrt(time_to_expiry)*volatility)
    vega = (1/100)*spot*math.sqrt(time_to_expiry)*math.exp(-dividend_yield*time_to_expiry)*math.exp(-(d1)*(d1)/2)/math.sqrt(2*math.pi)
    theta = (1/365)*dividend_yield*phi*spot*math.exp(-dividend_yield*time_to_expiry)*math.erfc(-(d1*phi)/math.sqrt(2))/2 - 1/365*phi*risk_free_rate*strike*math.exp(-risk_free_rate*time_to_expiry)*math.erfc(-(d2*phi)/math.sqrt(2))/2 - 1/730*spot*volatility*math.exp(-dividend_yield*time_to_expiry)*math.exp(-(d1)*(d1)/2)/math.sqrt(2*math.pi)/math.sqrt(time_to_expiry)
    rho = (1/100)*phi*strike*time_to_expiry*math.exp(-risk_free_rate*time_to_expiry)*math.erfc(-(d2*phi)/math.sqrt(2))/2
    return check_outputs({"price": price, "delta": delta, "gamma": gamma, "vega": vega, "theta": theta, "rho": rho})
