"""Configuration: the glossary project an ``mkdocs.yml`` describes, and its mistakes.

Builds, ``glossary export`` and the CLI read the same ``mkdocs.yml`` with MkDocs' own
loader (in the MkDocs adapter, ``site_build.plugin``). This module holds what needs no
MkDocs: the ``Project`` made from the loaded configuration and the plugin's options,
the error lines MkDocs logs while it loads (it aborts with a generic message after
them), and a configuration mistake as a ``config-error`` Problem for the CLI. The
adapter passes MkDocs' config objects and exceptions in.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .problems import Problem
from .project import Project
from .render import Settings


def project(config: Any, options: Any) -> Project:
    """The project of a loaded ``config`` (MkDocs') and the glossary plugin's ``options``."""
    settings = Settings(site_url=config.site_url, edit_url=options.edit_url, per_page=options.per_page,
                        title=config.site_name, description=config.site_description or "")
    return Project(Path(config.config_file_path).parent, settings, options.terms_dir, options.templates_dir)


class _Collect(logging.Handler):
    """Keeps the message of every error record it is handed."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def logged_errors(logger_name: str) -> Iterator[list[str]]:
    """The error messages logged to ``logger_name`` while the block runs, as they arrive."""
    collected, logger = _Collect(), logging.getLogger(logger_name)
    logger.addHandler(collected)
    try:
        yield collected.messages
    finally:
        logger.removeHandler(collected)


def problem(config_file: Path, exc: Exception) -> Problem:
    """A configuration mistake (MkDocs' exception) as a ``config-error`` in MkDocs' own words."""
    return Problem(str(config_file), 1, 1, "error", "config-error", " ".join(str(exc).split()))
