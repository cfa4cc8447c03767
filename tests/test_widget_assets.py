"""The widget's scripts on the built site: only where a widget is, minified, hashed, within budget.

Issue 12: a page without a widget loads no calculator script; a page with one loads the
runtime's core, the widgets' runtime and its calculator's file (each named by a hash of its
content); the position builder loads the core, black-76's compute function and its own script,
not the widgets' runtime; and what a calculator page or the builder loads of our own JavaScript
stays within 40 KB minified and 15 KB gzipped.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
from pathlib import Path

import esprima
import pytest

import calculators
from calculators.js_scopes import Scope, Walker
from calculators.numbers import display_percent, js_string
from calculators.scripts import minify, widgets_source
from calculators.widget import field_of, labelled, widget_html

pytestmark = pytest.mark.site
SCRIPT = re.compile(r'<script src="([^"]*assets/calculators/[^"]+)"')
# Issue 12: 40 KB minified and 15 KB gzipped per calculator page (and the builder), everything it loads counted.
# The shipped scripts are shrunk (calculators/scripts.py: strings pooled, local names shortened,
# minified), and a chart's calls load as compute-only files.
BUDGET_MINIFIED, BUDGET_GZIPPED = 40_000, 15_000
BUILDER = "position-builder"


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("index.html")}


def scripts_of(site: Path, page: str, text: str) -> list[Path]:
    return [(site / page).parent.joinpath(src).resolve() for src in SCRIPT.findall(text)]


def test_pages_without_a_widget_load_no_calculator_script(built_site):
    built = pages(built_site)
    plain = {page: text for page, text in built.items() if 'class="calculator"' not in text
             and "data-builder" not in text}
    assert "index.html" in plain and "areas/index.html" in plain and len(plain) > 50
    loading = [page for page, text in plain.items() if "assets/calculators" in text or "calculators.js" in text]
    assert loading == [], f"pages without a widget that load calculator scripts: {loading[:5]}"


def test_every_widget_page_loads_the_runtime_then_its_calculators(built_site):
    built = pages(built_site)
    with_widget = {page: text for page, text in built.items() if '<form class="calculator"' in text}
    assert len(with_widget) >= len(calculators.REGISTRY) + 5  # every calculator page and the term pages
    for page, text in with_widget.items():
        loaded = [p.name for p in scripts_of(built_site, page, text)]
        assert len(loaded) >= 3 and loaded[0].startswith("runtime.") and loaded[1].startswith("widgets."), (page, loaded)
        for calc_id in set(re.findall(r'<form class="calculator" data-calculator="([^"]+)"', text)):
            assert any(name.startswith(f"{calc_id}.") for name in loaded), (page, calc_id, loaded)
        for path in scripts_of(built_site, page, text):
            assert path.is_file(), (page, path)


def test_the_builder_loads_the_core_and_black_76_but_not_the_widgets_runtime(built_site):
    page = f"calculators/{BUILDER}/index.html"
    loaded = [p.name for p in scripts_of(built_site, page, (built_site / page).read_text(encoding="utf-8"))]
    assert [name.split(".")[0] for name in loaded] == ["runtime", "black-76-compute", "builder"], loaded
    assert all((built_site / "assets" / "calculators" / name).is_file() for name in loaded), loaded


def free_names(source: str) -> set[str]:
    """The names ``source`` uses without declaring them: globals, or another file's names."""
    root = Scope(None, function=True)
    walker = Walker(root)
    walker.visit(esprima.parseScript(source, {"range": True}), root)
    walker.resolve()
    return root.globals


def test_the_widgets_runtime_uses_only_what_the_core_puts_on_globalthis():
    """working.js, chart.js and widget.js ran in runtime.js's function once; now in a file of their own,
    a name of the core they still used (erfc, tierLookup) would be undefined at run time."""
    core = set(re.search(r"module\.exports = \{([^}]*)\}", (Path(calculators.__file__).parent / "runtime.js")
                         .read_text(encoding="utf-8")).group(1).replace(" ", "").split(","))
    ours = {name for name in free_names(widgets_source()) if name.startswith("Glossary") or name in core}
    assert ours == {"GlossaryCalculators", "GlossaryTierEditor"}  # the core's export; tier_editor.js's global


def test_scripts_are_named_by_their_content_hash_and_minified(built_site):
    files = sorted((built_site / "assets" / "calculators").glob("*.js"))
    assert len(files) >= len(calculators.REGISTRY) + 1
    for path in files:
        digest = path.stem.rsplit(".", 1)[1]
        data = path.read_bytes()
        assert re.fullmatch(r"[0-9a-f]{10}", digest) and hashlib.sha256(data).hexdigest()[:10] == digest, path.name
        text = data.decode("utf-8")
        assert minify(text) == text and "\n//" not in text and "\n\n" not in text, f"{path.name} is not minified"
    assert not (built_site / "assets" / "calculators.js").exists()


@functools.cache
def page_script_sizes(site: Path) -> dict[str, tuple[int, int]]:
    """Each calculator page's own JavaScript, and the builder's: (minified bytes, gzipped bytes) of what it loads
    (worked out once per built site: the two budget tests read the same figures)."""
    sizes = {}
    for calc_id in [*calculators.REGISTRY, BUILDER]:
        page = f"calculators/{calc_id}/index.html"
        data = b"".join(p.read_bytes() for p in scripts_of(site, page, (site / page).read_text(encoding="utf-8")))
        sizes[calc_id] = (len(data), len(gzip.compress(data, 9)))
    return sizes


def test_a_calculator_page_stays_within_its_gzipped_script_budget(built_site):
    over = {calc_id: size for calc_id, size in page_script_sizes(built_site).items() if size[1] > BUDGET_GZIPPED}
    assert over == {}, f"(minified, gzipped) bytes above {BUDGET_GZIPPED} gzipped: {over}"


def test_a_calculator_page_stays_within_its_minified_script_budget(built_site):
    over = {calc_id: size for calc_id, size in page_script_sizes(built_site).items() if size[0] > BUDGET_MINIFIED}
    assert over == {}, f"(minified, gzipped) bytes above {BUDGET_MINIFIED} minified: {over}"


def test_rates_show_as_percentages_and_keep_the_decimal_in_data_value():
    calc = calculators.get("maintenance-margin")
    html = widget_html(calc, {"notional": 264000, "maintenance_margin_rate": 0.0125, "maintenance_amount": 0})
    rate = calc.compute(notional=264000, maintenance_margin_rate=0.0125, maintenance_amount=0)["applied_rate"]
    assert f'data-value="{js_string(rate)}" data-percent>{display_percent(rate)}</output>' in html
    assert display_percent(rate) == "1.25%"
    assert 'name="maintenance_margin_rate" type="text" inputmode="decimal" autocomplete="off" value="0.0125"' in html
    basis = widget_html(calculators.get("annualized-basis"), {})
    assert re.search(r'name="annualized_basis" data-value="0\.0[0-9]+" data-percent>[0-9.]+%</output> '
                     r'<span class="calculator-unit">per year</span>', basis), basis[:2000]


def test_a_built_input_error_sits_next_to_its_field_in_the_fields_words():
    calc = calculators.get("position-size")
    html = widget_html(calc, {"side": "long", "entry_price": 60000, "stop_price": 61000})
    ident = "calc-position-size-in-stop_price"
    message = "Stop price must be on the losing side of entry price: below it for a long, above it for a short"
    assert f'<small id="{ident}-error" class="calculator-field-error">{message}</small>' in html
    assert re.search(rf'id="{ident}" name="stop_price"[^>]*aria-describedby="{ident}-hint {ident}-error" '
                     r'aria-invalid="true"', html)
    assert f'<p class="calculator-error" role="alert">{message}</p>' in html
    assert html.count('aria-invalid="true"') == 1


def test_messages_name_the_field_by_label_but_leave_quoted_values_alone():
    calc = calculators.get("liquidation-price")
    names = [i.name for i in calc.inputs]
    assert field_of("entry_price must be a number, got 'quantity'", names) == "entry_price"
    assert field_of("got 'entry_price' then quantity = -1", names) == "quantity"
    assert labelled("entry_price must be a number, got 'quantity'", calc.inputs) == \
        "Entry price must be a number, got 'quantity'"
    assert labelled("give either tiers or maintenance_margin_rate", calc.inputs) == \
        "Give either tier table or maintenance margin rate"
