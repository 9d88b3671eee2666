"""Modules a screen loads on first use, imported on a thread of their own while the
worker reads, so the UI thread finds them loaded.

The intake's document model (pydantic classes: ~15 ms to build on the laptop we
measure on) was imported by the first Next of the first intake, on the UI thread,
in one go. Only modules without Qt are imported here: a module that makes widgets
or Qt objects belongs to the UI thread. Python's import lock keeps an import whole:
if the UI thread needs the module meanwhile, it waits for that import to finish
rather than starting its own.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading

log = logging.getLogger(__name__)


def import_in_background(*names: str) -> threading.Thread | None:
    """Start importing those of ``names`` not loaded yet; the thread, or None if all are."""
    missing = [name for name in names if name not in sys.modules]
    if not missing:
        return None
    thread = threading.Thread(target=_import_all, args=(missing,), name="background-import", daemon=True)
    thread.start()
    return thread


def _import_all(names: list[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # the screen imports it again on first use and reports there
            log.warning("background import of %s failed: %s", name, type(exc).__name__)
