"""One direction of dependency: the site uses ``calculators``; ``calculators`` knows nothing of the site.

The pipeline receives its calculators as an argument (``site_build.extension``), wired by
the MkDocs plugin and the CLI importing the package directly, so a broken package fails
as its own ImportError rather than as an "unknown calculator" on every term.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

import calculators
from conftest import ROOT
from site_build import extension
from site_build.cli import main

PACKAGE = ROOT / "calculators"


def imported_modules(path) -> set[str]:
    """Top-level names of every module a Python file imports (absolute imports only)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_module_under_calculators_imports_the_site():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) >= 10
    offending = {f.relative_to(ROOT).as_posix(): sorted(imported_modules(f) & {"site_build", "mkdocs"}) for f in files}
    assert {path: names for path, names in offending.items() if names} == {}


def test_the_import_scan_sees_a_site_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from site_build.render import OutputFile\n    import mkdocs.config\n", encoding="utf-8")
    assert {"site_build", "mkdocs"} <= imported_modules(sample)


def loaded_after(code: str) -> list[str]:
    """Which of site_build, mkdocs and sympy a fresh interpreter has imported after ``code``."""
    probe = code + "\nimport sys\nprint(sorted(m for m in ('site_build', 'mkdocs', 'sympy') if m in sys.modules))\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return eval(done.stdout.strip().splitlines()[-1])  # a printed list of str


def test_importing_calculators_imports_neither_the_site_nor_mkdocs():
    assert loaded_after("import calculators, calculators.widget, calculators.notes, calculators.tiers") == []


def test_glossary_check_imports_neither_sympy_nor_mkdocs():
    """The real glossary: its terms name calculators and give examples, which check validates."""
    code = (f"from site_build.cli import main\n"
            f"assert main(['--root', {str(ROOT)!r}, 'check']) in (0, 1)\n"
            f"import calculators\n")
    assert loaded_after(code) == ["site_build"]


def test_a_broken_calculators_package_fails_as_its_import_error(monkeypatch, capsys):
    """Not one "unknown calculator" per term: the package's own ImportError."""
    monkeypatch.setitem(sys.modules, "calculators", None)  # `import calculators` now raises ImportError
    with pytest.raises(ImportError, match="calculators"):
        main(["--root", str(ROOT), "check"])
    with pytest.raises(ImportError, match="calculators"):
        extension.installed()
    assert "unknown-calculator" not in capsys.readouterr().out


def test_the_real_glossary_checks_clean_only_with_its_calculators(capsys):
    """The wiring is what makes the real terms' calculator ids known."""
    from site_build.pipeline import check

    with_them, _ = check(ROOT, calculators=extension.registry())
    without, _ = check(ROOT, calculators={})
    assert not [p for p in with_them if p.code == "unknown-calculator"]
    unknown = [p for p in without if p.code == "unknown-calculator"]
    assert len(unknown) >= len(calculators.REGISTRY) // 2


def test_no_calculators_means_no_calculator_pages():
    assert extension.NO_CALCULATORS.registry == {} and extension.NO_CALCULATORS.pages(None) == []
    wired = extension.installed()
    assert wired.registry is calculators.REGISTRY and wired.widget.__module__ == "site_build.calculator_pages"
