"""A published ``glossary.json``, read from a path or URL by sites that link to the glossary.

Another site trusts nothing in it: every entry is checked (strings where strings belong,
a link target that is http(s) or relative, per ``urlsafety``), control characters are
dropped (Python-Markdown reads STX/ETX as its own placeholders) and a bad entry is left
out with a warning. A URL is fetched once per process and kept on disk for ``max_age``
seconds, so a rebuild or an offline build reuses it; a stale copy is used, with a
warning, when the URL cannot be reached. Whatever goes wrong is one ``Problem`` naming
the file and what to do, raised as ``GlossaryFileError``: never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from .problems import Problem
from .urlsafety import decode_attribute, decoded_url_scheme, is_safe_url

LOG = logging.getLogger("mkdocs.glossary_links")  # MkDocs counts it (``--strict`` fails on warnings)
MAX_BYTES = 64 * 1024 * 1024
MAX_TEXT = 500  # characters of a summary kept for a tooltip
Warn = Callable[[str], object]  # where warnings go: the log, or a list to report later
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


class GlossaryFileError(ValueError):
    """The glossary file cannot be used; ``str()`` is the problem line."""


@dataclass(frozen=True)
class Entry:
    """What a link needs of one term: its names, its page and its summary (cleaned)."""

    id: str
    names: tuple[str, ...]
    url: str
    summary: str


def clean_text(text: str, limit: int = MAX_TEXT) -> str:
    """Text without control characters, blanks collapsed, at most ``limit`` characters."""
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _is_web_target(url: str) -> bool:
    """http(s) or relative only (``is_safe_url`` also allows mailto, no use for a term page)."""
    return is_safe_url(url) and decoded_url_scheme(decode_attribute(url)) in (None, "http", "https")


def _problem(source: str, message: str, code: str, line: int = 1, col: int = 1) -> GlossaryFileError:
    return GlossaryFileError(str(Problem(source, line, col, "error", code, message)))


def _entry(raw: object, base: str) -> Entry | str:
    """One entry, or why it is left out."""
    if not isinstance(raw, dict):
        return "is not an object"
    fields = {key: raw.get(key) for key in ("id", "name", "summary", "url")}
    missing = [key for key, value in fields.items() if not isinstance(value, str) or not value.strip()]
    if missing:
        return f"has no text for {', '.join(missing)}"
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        return "has 'aliases' that is not a list of texts"
    url = clean_text(fields["url"], 2000)
    if not _is_web_target(url):
        return f"links to {url[:40]!r}, which is not an http(s) or relative URL"
    names = tuple(n for n in (clean_text(fields["name"], 200), *(clean_text(a, 200) for a in aliases)) if n)
    return Entry(clean_text(fields["id"], 200), names, urljoin(base, url) if base else url,
                 clean_text(fields["summary"]))


def parse(text: str, source: str, base: str = "", warn: Warn = LOG.warning) -> tuple[Entry, ...]:
    """The usable entries of a glossary.json text (``warn`` is told of each one left out);
    relative URLs resolved against ``base``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _problem(source, f"not valid JSON ({error.msg}); point 'glossary:' at the glossary.json a "
                       "glossary site publishes", "glossary-json", error.lineno, error.colno) from None
    if not isinstance(data, list):
        raise _problem(source, "a glossary.json is a list of terms; this file holds a "
                       f"{type(data).__name__}; point 'glossary:' at the glossary's glossary.json", "glossary-json")
    entries = []
    for index, raw in enumerate(data):
        entry = _entry(raw, base)
        if isinstance(entry, str):
            warn(f"{source}: entry {index} {entry}; it is not linked (fix the glossary or ignore this)")
        else:
            entries.append(entry)
    return tuple(entries)


def _cache_file(url: str, cache_dir: Path) -> Path:
    return cache_dir / (hashlib.sha256(url.encode()).hexdigest()[:24] + ".json")


def _download(url: str, timeout: float) -> str:
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "glossary_links"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    return body.decode("utf-8")


def fetch(url: str, cache_dir: Path, max_age: float, timeout: float, warn: Warn = LOG.warning) -> str:
    """The text at ``url``: a copy younger than ``max_age`` seconds from ``cache_dir``, else
    downloaded (and kept); a stale copy, with a warning, when the download fails."""
    cached = _cache_file(url, cache_dir)
    if cached.is_file() and time.time() - cached.stat().st_mtime < max_age:
        return cached.read_text(encoding="utf-8")
    try:
        text = _download(url, timeout)
    except (OSError, ValueError, urllib.error.URLError) as error:
        reason = (f"HTTP {error.code} {error.reason}" if isinstance(error, urllib.error.HTTPError)
                  else getattr(error, "reason", None) or error)
        if cached.is_file():
            warn(f"{url}: cannot be fetched ({reason}); using the copy kept at {cached}")
            return cached.read_text(encoding="utf-8")
        raise _problem(url, f"cannot be fetched ({reason}); check the address and the network, or "
                       "download the file and give its path as 'glossary:'", "glossary-fetch") from None
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(cached)
    except OSError as error:
        warn(f"{url}: cannot keep a copy in {cache_dir} ({error}); it will be fetched again")
    return text


def load(source: str, cache_dir: Path, max_age: float = 86400, timeout: float = 10,
         warn: Warn = LOG.warning) -> tuple[Entry, ...]:
    """The entries of the glossary.json at ``source``, an http(s) URL or a local path."""
    if not source.strip():
        raise _problem("mkdocs.yml", "glossary_links needs 'glossary:', the URL or path of a glossary.json",
                       "glossary-config")
    if re.match(r"https?://", source, re.IGNORECASE):
        return parse(fetch(source, cache_dir, max_age, timeout, warn), source, source, warn)
    path = Path(source).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _problem(source, f"cannot be read ({getattr(error, 'strerror', None) or error}); give the path of "
                       "a glossary.json (relative to the directory the build runs in) or its URL",
                       "glossary-read") from None
    return parse(text, source, warn=warn)
