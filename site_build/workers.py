"""Two cores for the two long loops of a large glossary: reading files and finding mentions.

``in_two`` runs a function on the first half of a list here and on the second half in a
forked child at the same time. Fork shares the parent's memory, so the function and its
input are never pickled, only the child's result. Small inputs, platforms without fork,
other threads, and a child that fails all fall back to one process: the result is always
the same.
"""

from __future__ import annotations

import copyreg
import multiprocessing as mp
import os
import sys
import threading
from collections.abc import Callable
from types import MappingProxyType
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
PARALLEL_FROM = 400  # items; below this a second process costs more than it saves


def _read_only(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


# The child's result crosses the pipe pickled, and the model's read-only mappings (a term's
# ``example``) are mapping proxies, which pickle cannot take: they cross as the dicts they wrap.
copyreg.pickle(MappingProxyType, lambda proxy: (_read_only, (dict(proxy),)))


def in_two(work: Callable[[list[Item]], Result], items: list[Item]) -> list[Result]:
    """``[work(first half), work(second half)]``, the halves computed at the same time."""
    if len(items) < PARALLEL_FROM or not _can_fork():
        return [work(items)]
    half = len(items) // 2
    context = mp.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_send, args=(sender, work, items[half:]), daemon=True)
    child.start()
    sender.close()
    mine = work(items[:half])
    try:
        theirs = receiver.recv()
    except (EOFError, OSError):  # the child died: do its half here
        theirs = work(items[half:])
    child.join()
    return [mine, theirs]


def _can_fork() -> bool:
    """Fork only where it is safe: Linux, two or more cores, and no other threads (such as
    ``mkdocs serve``'s), whose locks a forked child could inherit held."""
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def _send(sender: Any, work: Callable[[list[Item]], Result], items: list[Item]) -> None:
    try:
        sender.send(work(items))
    except BaseException:  # the parent redoes this half and reports any error itself
        os._exit(1)
    sender.close()
