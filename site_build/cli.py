"""The ``glossary`` command: a thin layer over the library.

Every problem is printed here and nowhere else; exit codes are 0 clean, 1 problems,
2 usage. No user input produces a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

from . import extension, mcp_server, published, regenerate
from .calc_command import run_calc
from .disk_cache import DiskCache
from .model import KINDS
from .pipeline import check, load
from .problems import FORMATTERS, Problem, count_summary, sort_problems
from .project import generate
from .scaffold import next_steps, plan_new_term
from .urls import preview_address

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line, like every CLI
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _relative_paths(root: Path, paths: list[str]) -> list[str]:
    resolved = []
    for path in paths:
        absolute = (Path.cwd() / path).resolve()
        try:
            resolved.append(absolute.relative_to(root.resolve()).as_posix())
        except ValueError:
            resolved.append(Path(path).as_posix())
    return resolved


def run_check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    started = time.perf_counter()
    with contextlib.nullcontext() if args.no_cache else DiskCache.default() as cache:
        problems, files = check(root, _relative_paths(root, args.paths) or None,
                                calculators=extension.registry(), cache=cache)
    output = FORMATTERS[args.format](problems)
    if output:
        print(output)
    elapsed = time.perf_counter() - started
    # The summary goes to stdout for people, to stderr when stdout is for a machine.
    print(count_summary(problems, files) + f" ({elapsed:.2f} s)",
          file=sys.stdout if args.format == "text" else sys.stderr)
    failing = [p for p in problems if p.is_error or args.strict]
    return EXIT_PROBLEMS if failing else EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    root = Path(args.root)
    new, problems = plan_new_term(load(root, calculators=extension.registry()), args.name, args.area, args.kind)
    if new is None:
        print(FORMATTERS["text"](sort_problems(problems)), file=sys.stderr)
        return EXIT_PROBLEMS
    (root / new.path).write_text(new.text, encoding="utf-8")
    config = _mkdocs_config(root)
    preview = preview_address(config.get("site_url", ""), config.get("dev_addr") or "127.0.0.1:8000")
    print(next_steps(new, preview, _command_prefix()))
    return EXIT_OK


def _command_prefix() -> str:
    """What to type before ``glossary`` or ``mkdocs`` so a printed command runs as printed.

    Nothing when this environment's scripts are on PATH (an activated virtualenv);
    otherwise their folder, e.g. ``.venv/bin/``.
    """
    scripts = Path(sys.executable).parent
    found = shutil.which("glossary")
    if found and Path(found).resolve().parent == scripts.resolve():
        return ""
    relative = os.path.relpath(scripts)
    return Path(scripts if relative.startswith("..") else relative).as_posix() + "/"


def _mkdocs_config(root: Path) -> dict:
    """mkdocs.yml read as plain YAML (no MkDocs import); empty if it is missing or broken."""
    import yaml

    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    return config if isinstance(config, dict) else {}


def run_export(args: argparse.Namespace) -> int:
    from .plugin import read_project

    root, target = Path(args.root), Path(args.directory)
    project = read_project(root / "mkdocs.yml")
    if isinstance(project, Problem):  # a config mistake: MkDocs' own message, no traceback
        print(FORMATTERS["text"]([project]), file=sys.stderr)
        return EXIT_PROBLEMS
    generated = generate(project, extension.installed())
    if generated.errors:
        print(FORMATTERS["text"](list(generated.problems)))
        return EXIT_PROBLEMS
    if args.engine == "zensical":
        return _export_zensical(root, generated, target)
    graphs = {}
    for output in generated.files:
        destination = target / output.src
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(output.content, encoding="utf-8")
        if output.jsonld:
            graphs[output.src] = output.jsonld
    (target / "jsonld.json").write_text(json.dumps(graphs, indent=1, ensure_ascii=False), encoding="utf-8")
    published.write_all(generated.published, target / published.EXPORT_FOLDER)
    print(f"wrote {len(generated.files)} files and jsonld.json to {target}, and "
          f"{len(generated.published)} published files (copy them over the built site) to {target / published.EXPORT_FOLDER}")
    return EXIT_OK


def _export_zensical(root: Path, generated, target: Path) -> int:
    import yaml

    from . import zensical

    config_file = root / "mkdocs.yml"
    try:  # typed YAML (font: false stays false); MkDocs has validated it already
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        print(f"error: {config_file}: {' '.join(str(exc).split())}; Zensical's export needs plain YAML, "
              f"without !!python tags [config-error]", file=sys.stderr)
        return EXIT_PROBLEMS
    count = zensical.write_project(root, config, generated, target)
    print(f"wrote a Zensical project ({count} files) to {target}; build it with: "
          f"cd {target} && zensical build && glossary finish {zensical.SITE}")
    return EXIT_OK


def run_finish(args: argparse.Namespace) -> int:
    from . import finish

    site = Path(args.site)
    export = Path(args.export) if args.export else site.parent
    problems = finish.finish(site, export)
    if problems:
        print(FORMATTERS["text"](problems), file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"finished {site}: search index compacted, published files copied, policies written")
    return EXIT_OK


def run_mcp(args: argparse.Namespace) -> int:
    """Serve the glossary to an MCP client over stdin/stdout; a glossary with errors is not served."""
    root = Path(args.root)
    registry = extension.registry()
    loaded = load(root, calculators=registry)
    errors = [p for p in loaded.problems if p.is_error]
    if errors:
        print(FORMATTERS["text"](sort_problems(errors)), file=sys.stderr)
        print(f"glossary mcp: {len(errors)} error(s); run 'glossary check' and fix them first", file=sys.stderr)
        return EXIT_PROBLEMS
    tools = mcp_server.GlossaryTools(loaded.glossary, registry, _mkdocs_config(root).get("site_url", ""),
                                     mcp_server.calculator_formula)
    mcp_server.build_server(tools).run("stdio")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="glossary", description="Check, export and compute the crypto-derivatives glossary.")
    parser.add_argument("--root", default=".", help="project folder (holds terms/ and mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check_cmd = commands.add_parser("check", help="report every problem in the term files")
    check_cmd.add_argument("paths", nargs="*", help="report problems in these files only (all are loaded)")
    check_cmd.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    check_cmd.add_argument("--strict", action="store_true", help="fail on warnings too")
    check_cmd.add_argument("--no-cache", action="store_true",
                           help="parse and scan every file afresh, keeping nothing (the cache is in "
                                "$GLOSSARY_CACHE_DIR, else ~/.cache/crypto-derivatives-glossary)")
    check_cmd.set_defaults(run=run_check)
    new_cmd = commands.add_parser("new", help="start a new term file (a draft with every key explained)")
    new_cmd.add_argument("name", help='the display name, e.g. "Funding Interval"')
    new_cmd.add_argument("--area", required=True, help="id of the area it belongs to (terms/areas/<id>.yml)")
    new_cmd.add_argument("--kind", default="definition", choices=KINDS,
                         help="term (a long article) or definition (a short entry; the default)")
    new_cmd.set_defaults(run=run_new)
    export_cmd = commands.add_parser("export", help="write the generated Markdown pages to a folder")
    export_cmd.add_argument("directory")
    export_cmd.add_argument("--engine", choices=("markdown", "zensical"), default="markdown",
                            help="markdown: the generated files alone; zensical: a whole project 'zensical build' builds")
    export_cmd.set_defaults(run=run_export)
    finish_cmd = commands.add_parser("finish", help="finish a site Zensical built from 'glossary export --engine zensical'")
    finish_cmd.add_argument("site", help="the built site folder (the export's site/)")
    finish_cmd.add_argument("--export", help="the export folder (default: the site folder's parent)")
    finish_cmd.set_defaults(run=run_finish)
    mcp_cmd = commands.add_parser("mcp", help="serve define, search and the calculators to an AI agent (MCP, stdio)")
    mcp_cmd.set_defaults(run=run_mcp)
    regenerate.add_parser(commands)
    calc_cmd = commands.add_parser("calc", help="run a calculator: glossary calc ID --INPUT VALUE ...",
                                   add_help=False, allow_abbrev=False,
                                   epilog="Inputs are flags named after the calculator's inputs ('-' or '_'); "
                                          "'glossary calc ID --help' lists them.")
    calc_cmd.add_argument("id", nargs="?", help="calculator id (see --list)")
    calc_cmd.add_argument("-h", "--help", action="store_true", help="this help, or with ID that calculator's inputs")
    calc_cmd.add_argument("--list", action="store_true", help="list the calculators")
    calc_cmd.add_argument("--solve", metavar="INPUT", help="find this input from the primary output's value")
    calc_cmd.add_argument("--json", action="store_true", help="print one flat JSON object")
    calc_cmd.set_defaults(run=run_calc, usage=calc_cmd.format_help)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras and args.command != "calc":
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    try:
        return args.run(args, extras) if args.command == "calc" else args.run(args)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror} [io-error]", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
