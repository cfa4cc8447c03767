"""Each calculator's prose for its page: conventions, provenance and sources (``notes.yml``).

Plain data the site renders; kept beside the definitions so a calculator and what is
said about it change together.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

NOTES = Path(__file__).with_name("notes.yml")


@functools.cache
def notes() -> dict[str, Any]:
    """Calculator id → ``{conventions, provenance, sources: [{title, url}]}``."""
    return yaml.safe_load(NOTES.read_text(encoding="utf-8"))
