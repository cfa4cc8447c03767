"""BuildPause on watchdog's own polling observer, the one MkDocs' server uses: a held folder
is not polled while a build runs, its edits are seen once the build ends, a pause ends by
itself after ``LONGEST``, a stopped watcher stops waiting, and other folders poll as ever."""

from __future__ import annotations

import os
import queue
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from site_build import build_pause
from site_build.build_pause import BuildPause

POLL = 0.05  # seconds between polls here (MkDocs: 0.5)


class Recorder(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: queue.Queue[str] = queue.Queue()

    def on_modified(self, event) -> None:
        if not event.is_directory:
            self.events.put(Path(event.src_path).name)


@pytest.fixture
def watched(tmp_path):
    """Two folders on one polling observer, the first held by a pause."""
    held, free = tmp_path / "terms", tmp_path / "docs"
    for folder in (held, free):
        folder.mkdir()
        (folder / "a.yml").write_text("one", encoding="utf-8")
    observer, recorder, pause = PollingObserver(timeout=POLL), Recorder(), BuildPause()
    for folder in (held, free):
        observer.schedule(recorder, str(folder), recursive=True)
    assert pause.hold(observer.emitters, {held.resolve()}) == 1
    assert pause.hold(observer.emitters, {held.resolve()}) == 0  # held once, not wrapped twice
    observer.start()
    time.sleep(4 * POLL)  # the first snapshots are taken
    yield SimpleNamespace(held=held, free=free, events=recorder.events, pause=pause, observer=observer)
    pause.built()
    observer.stop()
    observer.join(timeout=5)


def edit(folder: Path, text: str) -> None:
    file = folder / "a.yml"
    file.write_text(text, encoding="utf-8")
    stamp = time.time() + 1  # a later mtime, whatever the file system's resolution
    os.utime(file, (stamp, stamp))


def test_a_held_folder_is_not_polled_during_a_build_and_its_edit_is_seen_after(watched):
    watched.pause.building()
    time.sleep(2 * POLL)  # a poll under way when the build started has ended
    edit(watched.held, "two")
    with pytest.raises(queue.Empty):
        watched.events.get(timeout=10 * POLL)
    watched.pause.built()
    assert watched.events.get(timeout=2) == "a.yml"


def test_other_folders_are_polled_during_a_build(watched):
    watched.pause.building()
    edit(watched.free, "two")
    assert watched.events.get(timeout=2) == "a.yml"


def test_a_pause_ends_by_itself_after_the_longest_wait(watched, monkeypatch):
    monkeypatch.setattr(build_pause, "LONGEST", 4 * POLL)
    watched.pause.built()
    time.sleep(2 * POLL)  # the watcher's current wait started under the new LONGEST
    watched.pause.building()  # and no build ever says it ended
    edit(watched.held, "two")
    assert watched.events.get(timeout=2) == "a.yml"


def test_a_stopped_watcher_stops_waiting(watched):
    watched.pause.building()
    time.sleep(2 * POLL)
    stopping = threading.Thread(target=watched.observer.stop, daemon=True)  # it joins the watchers
    stopping.start()
    stopping.join(timeout=3)
    assert not stopping.is_alive(), "stopping the observer waited for the build"
