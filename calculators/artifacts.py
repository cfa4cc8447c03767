"""What SymPy derives for each calculator, kept in ``generated.json`` so builds skip SymPy.

Code generation, closed-form solving and MathML printing take about a second, mostly
importing SymPy, on every build and every ``compute``. They depend only on the files in
``SOURCES`` and the SymPy version, so their results are stored with a fingerprint of
those: when it matches, the stored results are used; when it does not (a definition was
edited), everything is regenerated from SymPy in memory, so output is never stale, only
slower. ``glossary regenerate calculators`` (``write_cache``) rewrites the file, and a
test fails when the committed one no longer matches the sources.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CACHE_FILE = HERE / "generated.json"
SOURCES = ("artifacts.py", "catalog.py", "catalog_markets.py", "catalog_positions.py", "codegen.py", "codegen_solvers.py",
           "definitions.py", "definitions_options.py",
           "definitions_markets.py", "definitions_positions.py", "display.py", "display_forms.py", "display_parse.py",
           "exact.py", "formula.py", "mathml.py", "generated.py", "inputs.py",
           "signature.py", "spec.py", "symbolic.py", "tier_search.py", "tiers.py", "runtime.js")


@dataclass(frozen=True)
class Artifact:
    """Everything generated from one calculator's definition."""

    python: str  # stdlib-only module text: imports, helpers, the compute function
    javascript: str  # plain JS: the runtime pieces it needs, then the compute function
    python_solvers: dict[str, str]  # closed-form solvers: input -> function text
    javascript_function: str
    javascript_solvers: dict[str, str]
    metadata: dict[str, Any]  # what the widget runtime needs, JSON-ready
    formula_html: str
    legend: tuple[tuple[str, str, str], ...]  # (symbol MathML, meaning, unit)
    numeric_solves: dict[str, tuple[float, float]]  # input -> bisection bracket
    python_steps: str  # def steps(...): every step and output by name, for the working list
    javascript_steps: str  # the same as an anonymous JS function
    working: tuple[tuple[str, str], ...]  # (step or output name, inline MathML "symbol = formula")


def fingerprint() -> str:
    """A hash of the generating sources and the SymPy version (read without importing SymPy)."""
    digest = hashlib.sha256(importlib.metadata.version("sympy").encode())
    for name in SOURCES:
        digest.update(name.encode() + b"\0" + (HERE / name).read_bytes())
    return digest.hexdigest()


def _from_json(data: dict[str, Any]) -> Artifact:
    return Artifact(**{**data, "legend": tuple(tuple(row) for row in data["legend"]),
                       "working": tuple(tuple(row) for row in data["working"]),
                       "numeric_solves": {k: tuple(v) for k, v in data["numeric_solves"].items()}})


def _read_cache() -> dict[str, Artifact] | None:
    try:
        stored = json.loads(CACHE_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("fingerprint") != fingerprint():
        return None
    try:
        return {calc_id: _from_json(data) for calc_id, data in stored["calculators"].items()}
    except (KeyError, TypeError, AttributeError):  # an old layout: regenerate
        return None


@functools.cache
def artifacts() -> dict[str, Artifact]:
    """Every calculator's artifact by id: from the cache, or freshly from SymPy."""
    cached = _read_cache()
    if cached is not None:
        return cached
    from .generated import generate_all  # SymPy loads here, only when the cache is stale

    return generate_all()


def artifact(calc_id: str) -> Artifact:
    return artifacts()[calc_id]


def cache_text(fresh: dict[str, Artifact]) -> str:
    """The text of ``generated.json`` for ``fresh`` artifacts (sorted, so diffs stay small)."""
    data = {"fingerprint": fingerprint(),
            "calculators": {calc_id: asdict(fresh[calc_id]) for calc_id in sorted(fresh)}}
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def write_cache() -> bool:
    """Generate every artifact from SymPy and write ``generated.json``; True if its text changed."""
    from .generated import generate_all

    text = cache_text(generate_all())
    if CACHE_FILE.exists() and CACHE_FILE.read_text(encoding="utf-8") == text:
        return False
    CACHE_FILE.write_text(text, encoding="utf-8")
    artifacts.cache_clear()  # this process reads the new file from now on
    return True


def bundle(calc_ids: list[str]) -> str:
    """The widget script of these calculators as the site ships it, in one text (``scripts.bundle``)."""
    from .scripts import bundle as shipped  # scripts imports this module

    return shipped(calc_ids)
