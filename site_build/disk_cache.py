"""Disk cache: what ``glossary check`` computed from unchanged inputs, kept between runs.

At 5,000 terms ``check`` spends most of its time parsing and validating files and scanning
texts for mentions, and a contributor's next run, one edited file later, would compute the
same results again for every other file. A ``DiskCache`` keeps each result under a digest
of everything it depends on: its inputs (a file's path and bytes; a term's texts and the
names they are scanned for) and the code (every module of this package, the Python and the
library versions that parse and scan). A changed input or version gives a new digest, so
nothing is invalidated by hand; rows no run has used for ``UNUSED_DAYS`` are dropped.

It lives in the user's cache folder, never in the project, so a pull request cannot plant
one. Whatever cannot be read there (a missing, corrupt or locked database) counts as
absent: the cache can make a check faster, never different, and never make it fail.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import os
import sqlite3
import sys
import time
from collections.abc import Iterable
from pathlib import Path

UNUSED_DAYS = 30
FOLDER_NAME = "crypto-derivatives-glossary"
# What parsing and scanning run besides this package's own modules.
LIBRARIES = ("PyYAML", "Markdown", "pymdown-extensions", "ahocorasick-rs")
_BATCH = 500  # keys per query, under SQLite's limit on bound parameters
WAIT_SECONDS = 2  # for another run's write to end; after that this run does without the cache


def default_folder() -> Path:
    """``$GLOSSARY_CACHE_DIR``, else the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    if os.environ.get("GLOSSARY_CACHE_DIR"):
        return Path(os.environ["GLOSSARY_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / FOLDER_NAME


@functools.cache
def code_fingerprint() -> bytes:
    """A digest of what every cached result also depends on: this package's source, the
    Python version and the parsing libraries' versions."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes() + b"\0")
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={importlib.metadata.version(library)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{library}=none\0".encode())
    return digest.digest()


class DiskCache:
    """Results as bytes by key, in one SQLite file; see the module's docstring."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self._db: sqlite3.Connection | None = None
        self._opened = False
        self._changed = False

    @classmethod
    def default(cls) -> DiskCache:
        return cls(default_folder() / "results.sqlite3")

    def key(self, kind: str, *parts: str | bytes) -> str:
        """The key of a ``kind`` of result computed from ``parts`` by this code."""
        digest = hashlib.blake2b(code_fingerprint(), digest_size=20)
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little") + data)  # lengths keep the parts apart
        return f"{kind}:{digest.hexdigest()}"

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The kept results among ``keys`` (none when the database cannot be read)."""
        db, wanted, found = self._connection(), list(dict.fromkeys(keys)), {}
        if db is None:
            return found
        try:
            for start in range(0, len(wanted), _BATCH):
                batch = wanted[start:start + _BATCH]
                marks = ",".join("?" * len(batch))
                found.update(db.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", batch))
                touched = db.execute(f"UPDATE results SET used = ? WHERE used < ? AND key IN ({marks})",
                                     (_today(), _today(), *batch))
                self._changed |= touched.rowcount > 0
        except sqlite3.Error:
            return {}
        return found

    def put_many(self, results: dict[str, bytes]) -> None:
        """Keep ``results``; a database that cannot be written keeps nothing."""
        db = self._connection()
        if db is None or not results:
            return
        self._changed = True
        with contextlib.suppress(sqlite3.Error):
            db.executemany("INSERT OR REPLACE INTO results (key, used, value) VALUES (?, ?, ?)",
                           [(key, _today(), value) for key, value in results.items()])

    def close(self) -> None:
        """Drop what has not been used for ``UNUSED_DAYS``, and save (when anything changed:
        a run that found everything kept writes nothing)."""
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            if self._changed:
                self._db.execute("DELETE FROM results WHERE used < ?", (_today() - UNUSED_DAYS,))
                self._db.commit()
        self._db.close()
        self._db = None

    def __enter__(self) -> DiskCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _connection(self) -> sqlite3.Connection | None:
        if not self._opened:
            self._opened = True
            self._db = _open(self.file)
        return self._db


def _open(file: Path, retry: bool = True) -> sqlite3.Connection | None:
    """The database, made if missing (and made again if the file is not one); ``None`` if
    it cannot be, as in a read-only home or while another run holds it."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        db = sqlite3.connect(file, timeout=WAIT_SECONDS)
        db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, used INTEGER NOT NULL, value BLOB NOT NULL)")
        db.execute("CREATE INDEX IF NOT EXISTS results_used ON results (used)")
        return db
    except sqlite3.DatabaseError as exc:
        if retry and not isinstance(exc, sqlite3.OperationalError):  # not a database: it is only a cache
            with contextlib.suppress(OSError):
                file.unlink()
            return _open(file, retry=False)
        return None
    except OSError:
        return None


def _today() -> int:
    return int(time.time() // 86400)
