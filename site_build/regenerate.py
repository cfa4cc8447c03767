"""``glossary regenerate``: rewrite a shipped file that is generated from the code.

Two files are committed although code makes them: ``calculators/generated.json`` (SymPy's
code, solvers and formulas, so builds never import SymPy) and the editor schemas in
``schema/`` (from the validator's field declarations). Each is rewritten here, by its own
name, and never by a test run: tests only check that the committed file equals what this
command would write, and name the command when it does not.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .schema import write_schemas

SCHEMA_DIR = "schema"


def _shown(path: Path) -> str:
    """``path`` relative to the current folder when it is inside it, as people type it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _calculators(root: Path) -> str:
    """The package's own generated.json (in a checkout, ``<root>/calculators/``), whatever ``root`` is."""
    from calculators.artifacts import CACHE_FILE, write_cache  # imports SymPy: only when asked

    return f"{'wrote' if write_cache() else 'unchanged:'} {_shown(CACHE_FILE)}"


def _schemas(root: Path) -> str:
    folder = root / SCHEMA_DIR
    changed = write_schemas(folder)
    return (f"wrote {', '.join(changed)} in {_shown(folder)}" if changed
            else f"unchanged: the schemas in {_shown(folder)}")


# Name -> (what it rewrites, for the help text; the function that does it).
ARTIFACTS: dict[str, tuple[str, Callable[[Path], str]]] = {
    "calculators": ("calculators/generated.json, from the SymPy definitions", _calculators),
    "schemas": ("schema/*.schema.json, from the validator's field declarations", _schemas),
}


def add_parser(commands) -> None:
    """The ``regenerate`` subcommand, on ``glossary``'s subparsers."""
    listed = "; ".join(f"{name}: {what}" for name, (what, _) in ARTIFACTS.items())
    command = commands.add_parser("regenerate", help="rewrite a shipped generated file (review the diff)",
                                  description=f"Rewrite shipped files generated from the code. {listed}.")
    command.add_argument("artifacts", nargs="+", choices=sorted(ARTIFACTS), metavar="ARTIFACT",
                         help=f"what to rewrite: {', '.join(sorted(ARTIFACTS))}")
    command.set_defaults(run=run_regenerate)


def run_regenerate(args: argparse.Namespace) -> int:
    """Rewrite each named artifact and say, per artifact, what changed."""
    root = Path(args.root)
    for name in dict.fromkeys(args.artifacts):
        print(ARTIFACTS[name][1](root))
    return 0
