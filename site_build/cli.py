"""The ``glossary`` command: a thin layer over the library.

Every problem is printed here and nowhere else; exit codes are 0 clean, 1 problems,
2 usage. No user input produces a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .pipeline import check
from .problems import FORMATTERS, count_summary
from .project import Project, generate
from .render import Settings

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
    problems, files = check(root, _relative_paths(root, args.paths) or None)
    output = FORMATTERS[args.format](problems)
    if output:
        print(output)
    if args.format == "text":
        elapsed = time.perf_counter() - started
        print(count_summary(problems, files) + f" ({elapsed:.2f} s)", file=sys.stderr)
    failing = [p for p in problems if p.is_error or args.strict]
    return EXIT_PROBLEMS if failing else EXIT_OK


def _site_settings(root: Path) -> Settings:
    """site_url and edit_url from mkdocs.yml, read as plain YAML (no MkDocs import)."""
    import yaml

    config_file = root / "mkdocs.yml"
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    plugin_options = {}
    for plugin in config.get("plugins", []) if isinstance(config, dict) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("glossary"), dict):
            plugin_options = plugin["glossary"]
    return Settings(site_url=config.get("site_url", "https://example.org/"),
                    edit_url=plugin_options.get("edit_url", ""))


def run_export(args: argparse.Namespace) -> int:
    root, target = Path(args.root), Path(args.directory)
    generated = generate(Project(root, _site_settings(root)))
    if generated.errors:
        print(FORMATTERS["text"](list(generated.problems)))
        return EXIT_PROBLEMS
    graphs = {}
    for output in generated.files:
        destination = target / output.src
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(output.content, encoding="utf-8")
        if output.jsonld:
            graphs[output.src] = output.jsonld
    (target / "jsonld.json").write_text(json.dumps(graphs, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {len(generated.files)} files and jsonld.json to {target}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="glossary", description="Check, export and compute the crypto-derivatives glossary.")
    parser.add_argument("--root", default=".", help="project folder (holds terms/ and mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check_cmd = commands.add_parser("check", help="report every problem in the term files")
    check_cmd.add_argument("paths", nargs="*", help="report problems in these files only (all are loaded)")
    check_cmd.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    check_cmd.add_argument("--strict", action="store_true", help="fail on warnings too")
    check_cmd.set_defaults(run=run_check)
    export_cmd = commands.add_parser("export", help="write the generated Markdown pages to a folder")
    export_cmd.add_argument("directory")
    export_cmd.set_defaults(run=run_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror} [io-error]", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
