"""Golden files for each calculator's generated code and formula, and a parse check of the code.

For every calculator: ``<id>.py`` (the Python snippet), ``<id>.js`` (the JavaScript snippet, then
its closed-form solvers) and ``<id>.formula.html`` (the MathML formula), all freshly generated
from SymPy; and ``calculators/generated.json``, the stored copy builds use, must equal a fresh
generation. After an intended change to a definition, the code generator or the runtime, run
``pytest tests/test_calc_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

import calculators
from calculators.artifacts import CACHE_FILE, cache_text
from calculators.generated import generate_all

# Not under tests/golden/: test_golden.py owns that tree (it compares and rewrites every file in it).
GOLDEN = Path(__file__).resolve().parent / "golden_calculators"
LINT_CONFIG = "ruff.toml"  # keeps `ruff check .` off the generated .py copies
IDS = sorted(calculators.REGISTRY)
KINDS = ("py", "js", "formula.html")


@functools.cache
def fresh():
    """Every artifact generated from SymPy now, bypassing generated.json."""
    return generate_all()


def golden_text(calc_id: str, kind: str) -> str:
    code = fresh()[calc_id]
    if kind == "py":
        return code.python
    if kind == "js":
        return "\n".join([code.javascript, *code.javascript_solvers.values()])
    return code.formula_html + "\n"


def test_stored_artifacts_equal_a_fresh_generation(update_golden):
    text = cache_text(fresh())
    if update_golden:
        CACHE_FILE.write_text(text, encoding="utf-8")
    assert CACHE_FILE.read_text(encoding="utf-8") == text, (
        "calculators/generated.json is stale; run pytest tests/test_calc_golden.py --update-golden")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("calc_id", IDS)
def test_golden_file(calc_id, kind, update_golden):
    path, text = GOLDEN / f"{calc_id}.{kind}", golden_text(calc_id, kind)
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path.relative_to(GOLDEN.parent.parent)} is missing: run pytest --update-golden and review it")
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs; rerun with --update-golden if intended"


def test_no_stale_golden_files(update_golden):
    expected = {LINT_CONFIG} | {f"{calc_id}.{kind}" for calc_id in IDS for kind in KINDS}
    stale = sorted(p.name for p in GOLDEN.glob("*") if p.is_file() and p.name not in expected)
    if update_golden:
        for name in stale:
            (GOLDEN / name).unlink()
    else:
        assert not stale, f"golden files of no calculator: {stale}; run pytest --update-golden"


@pytest.mark.parametrize("calc_id", IDS)
def test_generated_python_compiles(calc_id):
    code = fresh()[calc_id]
    for name, text in {"snippet": code.python, **code.python_solvers}.items():
        compile(text, f"<{calc_id} {name}>", "exec")


@pytest.mark.parametrize("calc_id", IDS)
def test_generated_javascript_parses_in_node(calc_id, tmp_path):
    node = shutil.which("node") or "/usr/bin/node"
    if not Path(node).exists():
        pytest.fail("node is not installed: the generated JavaScript cannot be checked (install nodejs)")
    code = fresh()[calc_id]
    for name, text in {"snippet": code.javascript, "function": code.javascript_function, **code.javascript_solvers}.items():
        script = tmp_path / f"{name}.js"
        script.write_text(text, encoding="utf-8")
        done = subprocess.run([node, "--check", str(script)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"{calc_id} {name}: node --check failed:\n{done.stderr}"


def test_a_stale_or_broken_store_is_ignored(monkeypatch, tmp_path):
    from calculators import artifacts as store

    stored = tmp_path / "generated.json"
    monkeypatch.setattr(store, "CACHE_FILE", stored)
    stored.write_text(CACHE_FILE.read_text(encoding="utf-8").replace(store.fingerprint(), "0" * 64), encoding="utf-8")
    assert store._read_cache() is None  # a definition changed since: regenerate from SymPy
    wrong_layout = json.dumps({"fingerprint": store.fingerprint(), "calculators": {"x": {"python": 1}}})
    for broken in ("", "[]", wrong_layout):
        stored.write_text(broken, encoding="utf-8")
        assert store._read_cache() is None
    stored.write_text(CACHE_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    assert store._read_cache() == fresh()
