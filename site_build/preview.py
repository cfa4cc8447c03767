"""The contributor's preview under ``mkdocs serve``: problems on the page, never a hang.

While serving, a glossary with errors still produces a site: the last good pages (or a
placeholder home page on a first build) with the problem lines on top of each, the same
lines ``glossary check`` prints. Live reload turns them back into the real pages once the
files are fixed. No MkDocs import here: the adapter calls these functions.
"""

from __future__ import annotations

import html
import importlib
import importlib.util
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import memo
from .incremental import folder_fingerprint
from .problems import Problem, format_text
from .render import OutputFile
from .urls import HOME

if TYPE_CHECKING:
    from .project import Generated, Project

_ARTICLE = '<article class="md-content__inner md-typeset">'
_PANEL_STYLE = ("border:2px solid #b00020;border-radius:4px;padding:.6rem .8rem;margin:0 0 1.2rem;"
                "background:#fff4f4;color:#5c0011;font-size:.75rem")


def problems_panel(problems: Sequence[Problem]) -> str:
    """An alert listing every problem, escaped (messages quote the contributor's text)."""
    errors = sum(p.is_error for p in problems)
    heading = (f"The glossary has {errors} error{'s' if errors != 1 else ''}: this preview shows the last "
               "good build. Fix the files below; the page reloads by itself.")
    lines = html.escape(format_text(list(problems)))
    return (f'<div class="glossary-problems" role="alert" style="{_PANEL_STYLE}">'
            f'<p><strong>{html.escape(heading)}</strong></p>'
            f'<pre style="white-space:pre-wrap;margin:0"><code>{lines}</code></pre></div>')


def with_problems(page_html: str, problems: Sequence[Problem]) -> str:
    """``page_html`` with the problems panel at the top of its content (or of its body)."""
    if not problems:
        return page_html
    panel = problems_panel(problems)
    at = page_html.find(_ARTICLE)
    if at != -1:
        at += len(_ARTICLE)
    else:
        body = page_html.find("<body")
        at = page_html.find(">", body) + 1 if body != -1 else 0
    return page_html[:at] + panel + page_html[at:]


def placeholder_site() -> tuple[OutputFile, ...]:
    """The one page of a first build that failed: the panel above it names the problems."""
    text = ("---\ntitle: Glossary preview\n---\n\n# The glossary could not be built yet\n\n"
            "Fix the problems listed above; this page turns into the glossary once they are gone.\n")
    return (OutputFile(HOME, text, None, in_nav=True),)


class QuietRootRedirect(logging.Filter):
    """Drop the server's warning for ``GET /``: the redirect to ``site_url``'s path is expected."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()  # '[12:00:00] "GET / HTTP/1.1" code 302'
        return not ('"GET / HTTP/' in message and message.endswith("code 302"))


def remembered(kept: memo.Memo | None, project: Project, run: Callable[[], Generated]) -> Generated:
    """``run()`` (the pipeline) with ``kept`` remembering its pure steps between rebuilds.

    The templates, the settings and the calculators package key every step: a change to
    any of them recomputes everything. After a build with errors nothing is forgotten, so
    the build that fixes them reuses what the last good one computed.
    """
    if kept is None:
        return run()
    kept.start(project.settings, project.terms_dir, folder_fingerprint(project.root / project.templates_dir),
               calculators_fingerprint())
    with memo.active(kept):
        generated = run()
    if not generated.errors:
        kept.forget_unused()
    logging.getLogger("mkdocs.plugins.site_build.plugin").info("preview: pipeline steps computed/used: %s",
                                                              kept.counts.line())
    return generated


def calculators_folder() -> Path | None:
    """Where the ``calculators`` package is imported from, without importing it."""
    spec = importlib.util.find_spec("calculators")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else None


def calculators_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of the package's files (definitions, notes, data)."""
    folder = calculators_folder()
    if folder is None:
        return ()
    return tuple((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns)
                 for path in sorted(folder.rglob("*"))
                 if path.is_file() and "__pycache__" not in path.parts and (stat := path.stat()))


def calculators_problem(exc: BaseException, root: Path) -> Problem:
    """A ``calculators-error`` at the innermost line of the calculators package that failed."""
    folder = calculators_folder()
    where = [(frame.filename, frame.lineno) for frame in traceback.extract_tb(exc.__traceback__)]
    if isinstance(exc, SyntaxError) and exc.filename:
        where.append((exc.filename, exc.lineno))
    inside = [(Path(name), line) for name, line in where if folder and Path(name).resolve().is_relative_to(folder.resolve())]
    file, line = inside[-1] if inside else (folder or root, 1)
    try:
        shown = file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = file.as_posix()
    message = " ".join(f"{type(exc).__name__}: {exc}".split())
    return Problem(shown, line or 1, 1, "error", "calculators-error",
                   f"the calculators package failed to load: {message}; fix it and save again")


def forget_calculators() -> None:
    """Make the next ``import calculators`` read the package afresh (serve, after an edit)."""
    for name in [n for n in sys.modules if n == "calculators" or n.startswith("calculators.")]:
        del sys.modules[name]
    importlib.invalidate_caches()
