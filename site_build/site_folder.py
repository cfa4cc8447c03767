"""The preview's site folder, kept in place: a rebuild writes only the files that changed.

A ``mkdocs serve`` rebuild used to empty the site folder and write every page, alias
redirect, theme asset and published file again: at 1,000 terms over 5,000 files, and
creating their folders cost more than anything else left in a rebuild. Under serve the
adapter routes MkDocs' writes here instead (``write``, ``copy``) and skips its cleaning:
a file whose bytes (or, for a copied file, whose source's size and time) are what this
folder last wrote there is left alone, and ``finish`` deletes what the last build wrote
and this one did not (a deleted term's page, a renamed alias). The folder after a
rebuild holds exactly what an emptied folder would. No MkDocs import here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _bytes_key(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=16).hexdigest()


def _source_key(source: str) -> str:
    stat = os.stat(source)
    return f"copy:{os.path.realpath(source)}:{stat.st_size}:{stat.st_mtime_ns}"


class SiteFolder:
    """What this folder holds, by output path: the key of the content last written there."""

    def __init__(self) -> None:
        self._last: dict[str, str] = {}
        self._now: dict[str, str] = {}
        self.written = 0
        self.kept = 0

    def begin(self) -> None:
        """A new build: what the last one wrote may be kept; counts start again."""
        self._now, self.written, self.kept = {}, 0, 0

    def write(self, content: bytes, output_path: str) -> None:
        """``mkdocs.utils.write_file``, skipped when the file already holds ``content``."""
        self._put(output_path, _bytes_key(content), lambda: Path(output_path).write_bytes(content))

    def copy(self, source_path: str, output_path: str) -> None:
        """``mkdocs.utils.copy_file`` (into ``output_path``), skipped for an unchanged source."""
        if os.path.isdir(output_path):
            output_path = os.path.join(output_path, os.path.basename(source_path))
        self._put(output_path, _source_key(source_path), lambda: shutil.copyfile(source_path, output_path))

    def place(self, source: Path, output_path: str) -> None:
        """A hard link to ``source`` (a social card in the card cache), else a copy."""
        def link() -> None:
            Path(output_path).unlink(missing_ok=True)
            try:
                os.link(source, output_path)
            except OSError:
                shutil.copyfile(source, output_path)
        self._put(output_path, _source_key(str(source)), link)

    def put(self, content: str | bytes | Path, output_path: str) -> None:
        """Any published file: text, bytes, or a file to link (``site_build.published``)."""
        if isinstance(content, Path):
            self.place(content, output_path)
        else:
            self.write(content.encode("utf-8") if isinstance(content, str) else content, output_path)

    def _put(self, output_path: str, key: str, write: Callable[[], object]) -> None:
        path = output_path  # MkDocs' own spelling of it: absolute (``finish`` compares them normalised)
        held = self._now.get(path, self._last.get(path))  # a second write in one build: compare with it
        if held == key and os.path.isfile(path):
            self.kept += 1
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write()
            self.written += 1
        self._now[path] = key

    def finish(self, site_dir: str) -> int:
        """Delete what the last build wrote and this one did not, and folders left empty."""
        written = {os.path.normpath(path) for path in self._now}
        stale = [path for path in self._last.keys() - self._now.keys() if os.path.normpath(path) not in written]
        for path in stale:
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
            _prune(os.path.dirname(os.path.abspath(path)), os.path.abspath(site_dir))
        self._last = {**self._now}
        return len(stale)

    def line(self, removed: int) -> str:
        return f"preview: {self.written} files written, {self.kept} unchanged, {removed} removed"


def _prune(folder: str, site_dir: str) -> None:
    """Remove ``folder`` and its parents while they are empty, up to (not including) ``site_dir``."""
    while folder != site_dir and folder.startswith(site_dir + os.sep):
        try:
            os.rmdir(folder)
        except OSError:
            return
        folder = os.path.dirname(folder)


def routed(folder: SiteFolder, utils: Any, file_class: Any) -> Callable[[], None]:
    """Send MkDocs' writes to ``folder`` for one build; returns what puts them back.

    ``utils`` is ``mkdocs.utils`` and ``file_class`` MkDocs' ``File``, passed in by the
    adapter (this module imports no MkDocs): ``write_file`` and ``copy_file`` go through
    the folder, ``clean_directory`` does nothing (``finish`` removes what is stale), and a
    file's ``copy_file`` (theme assets, generated redirects) writes through the folder too.
    """
    saved = (utils.write_file, utils.copy_file, utils.clean_directory, file_class.copy_file)

    def copy_file(file: Any, dirty: bool = False) -> None:
        if file.abs_src_path is None:
            folder.write(file.content_bytes, file.abs_dest_path)
        elif os.path.abspath(file.abs_src_path) != os.path.abspath(file.abs_dest_path):
            folder.copy(file.abs_src_path, file.abs_dest_path)

    folder.begin()
    utils.write_file, utils.copy_file, file_class.copy_file = folder.write, folder.copy, copy_file
    utils.clean_directory = lambda directory: None

    def undo() -> None:
        utils.write_file, utils.copy_file, utils.clean_directory, file_class.copy_file = saved
    return undo
