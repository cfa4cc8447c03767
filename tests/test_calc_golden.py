"""``calculators/generated.json`` against a fresh generation, and a parse check of the code.

The stored file is what builds use instead of SymPy: every calculator's Python and
JavaScript (with its solvers), metadata, MathML formula and working steps, under a
fingerprint of the generating sources. It must equal what SymPy generates now. After an
intended change to a definition, the code generator or the runtime, run
``glossary regenerate calculators`` and review the diff; no test rewrites it.
"""

from __future__ import annotations

import functools
import json

import pytest
from node_batch import syntax_errors

import calculators
from calculators import artifacts as store
from calculators.artifacts import CACHE_FILE, cache_text
from calculators.generated import generate_all

IDS = sorted(calculators.REGISTRY)
REGENERATE = "run glossary regenerate calculators and review the diff"


@functools.cache
def fresh():
    """Every artifact generated from SymPy now, bypassing generated.json."""
    return generate_all()


def stale_parts(stored: dict, wanted: dict) -> list[str]:
    """What differs between two generated.json documents: the fingerprint, and each calculator's fields."""
    parts = ["fingerprint"] if stored.get("fingerprint") != wanted["fingerprint"] else []
    old, new = stored.get("calculators", {}), wanted["calculators"]
    for calc_id in sorted(old.keys() | new.keys()):
        if calc_id not in old or calc_id not in new:
            parts.append(f"{calc_id} ({'missing' if calc_id not in old else 'no such calculator'})")
        elif old[calc_id] != new[calc_id]:
            fields = sorted(k for k in old[calc_id].keys() | new[calc_id].keys() if old[calc_id].get(k) != new[calc_id].get(k))
            parts.append(f"{calc_id}: {', '.join(fields)}")
    return parts


def test_stored_artifacts_equal_a_fresh_generation():
    text, stored = cache_text(fresh()), CACHE_FILE.read_text(encoding="utf-8")
    if stored != text:
        try:
            differs = stale_parts(json.loads(stored), json.loads(text)) or ["layout"]
        except ValueError:
            differs = ["not JSON"]
        pytest.fail(f"calculators/generated.json is stale ({'; '.join(differs)}); {REGENERATE}")


def test_stale_parts_names_each_differing_calculator_and_field():
    wanted = json.loads(cache_text(fresh()))
    first, second = IDS[0], IDS[1]
    stored = json.loads(json.dumps(wanted))
    stored["fingerprint"] = "0" * 64
    stored["calculators"][first]["javascript"] += "// edited\n"
    del stored["calculators"][second]
    assert stale_parts(stored, wanted) == ["fingerprint", f"{first}: javascript", f"{second} (missing)"]
    assert stale_parts(wanted, wanted) == []


def test_write_cache_writes_the_fresh_text_once(monkeypatch, tmp_path):
    monkeypatch.setattr(store, "CACHE_FILE", tmp_path / "generated.json")
    monkeypatch.setattr("calculators.generated.generate_all", fresh)
    assert store.write_cache() is True
    assert store.CACHE_FILE.read_text(encoding="utf-8") == cache_text(fresh())
    assert store.write_cache() is False  # unchanged: not rewritten


@pytest.mark.parametrize("calc_id", IDS)
def test_generated_python_compiles(calc_id):
    code = fresh()[calc_id]
    for name, text in {"snippet": code.python, **code.python_solvers}.items():
        compile(text, f"<{calc_id} {name}>", "exec")


def javascript_pieces(calc_id: str) -> dict[str, str]:
    code = fresh()[calc_id]
    return {"snippet": code.javascript, "function": code.javascript_function, **code.javascript_solvers}


@pytest.fixture(scope="module")
def node_syntax_errors() -> dict[str, str]:
    """Every generated JavaScript text, parsed by one Node process: what failed to parse, and why."""
    return syntax_errors({f"{calc_id} {name}": text for calc_id in IDS for name, text in javascript_pieces(calc_id).items()})


@pytest.mark.parametrize("calc_id", IDS)
def test_generated_javascript_parses_in_node(calc_id, node_syntax_errors):
    for name in javascript_pieces(calc_id):
        assert f"{calc_id} {name}" not in node_syntax_errors, \
            f"{calc_id} {name}: Node could not parse it:\n{node_syntax_errors[f'{calc_id} {name}']}"


def test_a_stale_or_broken_store_is_ignored(monkeypatch, tmp_path):
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
