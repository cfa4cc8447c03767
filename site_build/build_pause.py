"""Build pause: under ``mkdocs serve``, the glossary's folder watchers rest while a build runs.

MkDocs watches by polling, so that edits made through Docker or network mounts are seen:
every half second each watched folder is listed and every file in it is stat'ed. At 5,000
terms that is 5,000 stats and as many Python objects per poll, in a thread that competes
for the interpreter's lock with the rebuild the last poll started. A ``BuildPause`` makes
the watchers of the glossary's own folders wait while a build runs and poll again once it
ends. An edit saved during a build is then seen by the first poll after it, and MkDocs
builds again, as it does for any edit made mid-build. A pause never outlasts ``LONGEST``
seconds, so a build that ends without telling plugins cannot stop the preview from seeing
edits.

It knows watchdog's emitters only by their public API (``watch.path``, ``queue_events``,
``stopped_event``); the MkDocs adapter (``plugin``) hands it the server's observer.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any

LONGEST = 60.0  # seconds a watcher waits for a build to end before it polls anyway


class BuildPause:
    """Whether a build is running, and the watchers that wait while one is."""

    def __init__(self) -> None:
        self._idle = threading.Event()
        self._idle.set()

    def building(self) -> None:
        """A build starts: the held watchers stop polling."""
        self._idle.clear()

    def built(self) -> None:
        """The build ended (done or failed): the held watchers poll again."""
        self._idle.set()

    def hold(self, emitters: Iterable[Any], folders: Collection[Path]) -> int:
        """Make the emitters watching one of ``folders`` wait out builds; how many they are."""
        held = 0
        for emitter in emitters:
            if Path(emitter.watch.path).resolve() in folders and not getattr(emitter, "glossary_held", False):
                emitter.queue_events = self._waiting(emitter, emitter.queue_events)
                emitter.glossary_held = True
                held += 1
        return held

    def _waiting(self, emitter: Any, poll: Callable[[float], None]) -> Callable[[float], None]:
        def queue_events(timeout: float) -> None:
            """Wait, ``timeout`` at a time, while a build runs (at most ``LONGEST``), then poll."""
            deadline = time.monotonic() + LONGEST
            while not self._idle.wait(timeout) and time.monotonic() < deadline:
                if emitter.stopped_event.is_set():
                    return
            poll(timeout)
        return queue_events
