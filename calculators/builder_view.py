"""The position builder's form as built into its page, filled in for the default position.

``builder.js`` redraws every part of it on each change, with the same texts (``display``)
and the same chart samples (``chart_spots`` is ``chartSpots`` in ``strategy.js``), so a
reader without JavaScript still sees the default position's figures, chart data included.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .numbers import display, js_string
from .strategy import KINDS, SIDES, Leg, Strategy
from .strategy_presets import PRESETS

DEFAULT = {"preset": "long-straddle", "spot": 60_000.0, "width": 5_000.0, "expiry": 30.0, "vol": 0.6, "rate": 0.0,
           "day": 0.0}
SAMPLES = 41  # evenly spaced spots, plus every strike in between
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 320, 8, 632, 10, 300
SETTINGS = (("spot", "Spot (at-the-money strike)"), ("width", "Strike width"), ("expiry", "Expiry (days)"),
            ("vol", "Volatility (decimal)"), ("rate", "Risk-free rate (decimal)"))
RESULTS = (("breakevens", "Breakevens"), ("max_profit", "Maximum profit"), ("max_loss", "Maximum loss"),
           ("net_premium", "Net premium"), ("delta", "Delta"), ("gamma", "Gamma"), ("vega", "Vega (per vol point)"),
           ("theta", "Theta (per day)"))


def chart_spots(legs: Sequence[Leg], spot: float) -> list[float]:
    """The spots the chart samples: half the lowest to 1.5 × the highest price in play, and every strike."""
    prices = [spot, *(leg.strike for leg in legs)]
    low, high = min(prices) * 0.5, max(prices) * 1.5
    xs = [low + (high - low) * i / (SAMPLES - 1) for i in range(SAMPLES)]
    xs += [leg.strike for leg in legs if leg.is_option and low < leg.strike < high]
    return sorted(set(xs))


def results(st: Strategy, spot: float, day: float, vol: float, rate: float) -> dict[str, str]:
    """Each result's text, as builder.js writes it."""
    def extreme(value: float | None) -> str:
        return "unbounded" if value is None else display(value)

    net = st.net_premium()
    texts = {"breakevens": ", ".join(map(display, st.breakevens())) or "none",
             "max_profit": extreme(st.max_profit()), "max_loss": extreme(st.max_loss()),
             "net_premium": display(abs(net)) + (" paid" if net > 0 else " received" if net < 0 else "")}
    greeks = st.greeks(spot, day, vol, rate)
    return texts | {name: display(value) for name, value in greeks.items()}


def builder_html() -> str:
    """The whole form for the default preset (Black-76 premiums at the default volatility)."""
    d = DEFAULT
    st = Strategy.preset(d["preset"], d["spot"], d["width"], d["expiry"], d["vol"])
    lines = ['<form class="position-builder" data-builder novalidate aria-label="Position builder">',
             '<fieldset class="builder-settings"><legend>Market and preset</legend>',
             _preset_select(d["preset"])]
    lines += [_input(f"builder-{name}", name, label, js_string(d[name])) for name, label in SETTINGS]
    lines.append('<button type="button" class="md-button" data-action="preset">Load preset</button></fieldset>')
    lines.append(_legs_table(st.legs))
    lines.append('<p><button type="button" class="md-button" data-action="add">Add leg</button> '
                 '<button type="button" class="md-button" data-action="copy">Copy link</button></p>')
    top = max(leg.expiry_days for leg in st.legs)
    lines.append('<p class="builder-day"><label for="builder-day">Valuation date (days from today)</label> '
                 f'<input type="range" id="builder-day" name="day" min="0" max="{js_string(top)}" step="1" '
                 f'value="{js_string(d["day"])}" aria-describedby="builder-day-shown"> '
                 f'<output id="builder-day-shown" for="builder-day">day {js_string(d["day"])}</output></p>')
    texts = results(st, d["spot"], d["day"], d["vol"], d["rate"])
    lines.append('<dl class="builder-results" aria-live="polite">')
    lines += [f'<div><dt>{label}</dt><dd data-result="{name}">{escape(texts[name])}</dd></div>' for name, label in RESULTS]
    lines.append('</dl>\n<p class="calculator-error builder-error" role="alert"></p>')
    lines.append(figure(st, d["spot"], d["day"], d["vol"], d["rate"]))
    lines.append("</form>")
    return "\n".join(lines)


def _preset_select(chosen: str) -> str:
    options = "".join(f'<option value="{p}"{" selected" if p == chosen else ""}>{p.replace("-", " ")}</option>'
                      for p in PRESETS)
    return (f'<p class="builder-field"><label for="builder-preset">Preset</label> '
            f'<select id="builder-preset" name="preset">{options}</select></p>')


def _input(ident: str, name: str, label: str, value: str) -> str:
    return (f'<p class="builder-field"><label for="{ident}">{label}</label> '
            f'<input id="{ident}" name="{name}" inputmode="decimal" autocomplete="off" value="{escape(value)}"></p>')


def _choice(name: str, choices: Sequence[str], chosen: str, label: str) -> str:
    options = "".join(f'<option{" selected" if c == chosen else ""}>{c}</option>' for c in choices)
    return f'<select name="{name}" aria-label="{label}">{options}</select>'


def _legs_table(legs: Sequence[Leg]) -> str:
    rows = []
    for n, leg in enumerate(legs, 1):
        cells = [_choice("kind", KINDS, leg.kind, f"Leg {n} kind"), _choice("side", SIDES, leg.side, f"Leg {n} side")]
        for name, label, value in (("strike", "strike or entry price", leg.strike),
                                   ("expiry_days", "expiry in days", leg.expiry_days),
                                   ("quantity", "quantity", leg.quantity)):
            cells.append(f'<input name="{name}" inputmode="decimal" aria-label="Leg {n} {label}" '
                         f'value="{js_string(value)}">')
        placeholder = display(leg.premium) if leg.is_option else "0"
        cells.append(f'<input name="premium" inputmode="decimal" aria-label="Leg {n} premium (empty: Black-76)" '
                     f'placeholder="{placeholder}" value="">')
        cells.append(f'<button type="button" class="md-button" data-action="remove" aria-label="Remove leg {n}">Remove</button>')
        rows.append("<tr data-leg>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    hidden = '<span class="md-visually-hidden">Remove</span>'
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("Kind", "Side", "Strike / entry", "Expiry (days)", "Quantity", "Premium", hidden))
    return ('<div class="builder-legs-scroll" role="region" tabindex="0" aria-label="Legs">'
            f'<table class="builder-legs"><caption>Legs (premium empty: Black-76 at the volatility above)</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def figure(st: Strategy, spot: float, day: float, vol: float, rate: float) -> str:
    """The chart: P&L at expiry and on ``day``, drawn as SVG and listed in the data table."""
    xs = chart_spots(st.legs, spot)
    series = {"pnl_at_expiry": [st.pnl_at_expiry(x) for x in xs], "value": [st.value(x, day, vol, rate) for x in xs]}
    low, high = min(0.0, *series["pnl_at_expiry"], *series["value"]), max(0.0, *series["pnl_at_expiry"], *series["value"])
    if low == high:
        low, high = low - 1, high + 1

    def px(x: float) -> str:
        return f"{LEFT + (RIGHT - LEFT) * (x - xs[0]) / (xs[-1] - xs[0]):.2f}"

    def py(y: float) -> str:
        return f"{BOTTOM - (BOTTOM - TOP) * (y - low) / (high - low):.2f}"

    day_text = js_string(day)
    parts = [f'<line class="chart-zero" x1="{LEFT}" x2="{RIGHT}" y1="{py(0.0)}" y2="{py(0.0)}"/>',
             f'<line class="chart-spot" x1="{px(spot)}" x2="{px(spot)}" y1="{TOP}" y2="{BOTTOM}"/>']
    for n, (name, ys) in enumerate(series.items(), 1):
        points = " ".join(f"{px(x)},{py(y)}" for x, y in zip(xs, ys, strict=True))
        parts.append(f'<polyline class="chart-line chart-s{n} chart-{name}" points="{points}"/>')
        parts += [f'<circle class="chart-point" data-series="{name}" data-x="{js_string(x)}" data-y="{js_string(y)}" '
                  f'cx="{px(x)}" cy="{py(y)}" r="1.5"/>' for x, y in zip(xs, ys, strict=True)]
    caption = (f"P&amp;L at expiry (solid) and on day {day_text} (dashed) for spot from {display(xs[0])} to "
               f"{display(xs[-1])}; the vertical line is today's spot {display(spot)}.")
    head = (f'<tr><th scope="col" data-name="spot">Spot</th><th scope="col" data-name="pnl_at_expiry">P&amp;L at '
            f'expiry</th><th scope="col" data-name="value">P&amp;L on day {day_text}</th></tr>')
    rows = "".join(f"<tr><td>{js_string(x)}</td><td>{js_string(e)}</td><td>{js_string(v)}</td></tr>"
                   for x, e, v in zip(xs, series["pnl_at_expiry"], series["value"], strict=True))
    return (f'<figure class="calculator-chart builder-chart" data-chart="position" data-x="spot">'
            f'<svg role="img" aria-labelledby="builder-chart-caption" viewBox="0 0 {WIDTH} {HEIGHT}">'
            f'{"".join(parts)}</svg>'
            f'<figcaption id="builder-chart-caption">{caption}</figcaption>'
            f'<table class="chart-data" tabindex="0" aria-label="Chart data: P&amp;L by spot">'
            f'<thead>{head}</thead><tbody>{rows}</tbody></table></figure>')


def script_source() -> str:
    """The page's script: strategy.js (the maths) then builder.js (the page), in one function scope.

    Material's instant navigation runs the script again on every visit; inside a function its
    declarations cannot clash, and each form is set up once (``data-ready``).
    """
    from .artifacts import HERE

    parts = [(HERE / name).read_text(encoding="utf-8") for name in ("strategy.js", "builder.js")]
    return "(function () {\n" + "\n".join(parts) + "\n})();\n"
