"""Python's cyclic garbage collector paused while an export is built or checked.

An export of 100,000 people holds several hundred thousand small objects (records,
rows, formatted cells) that are all alive until the zip is written, and none of them
is part of a reference cycle. The collector cannot know that: every few thousand
allocations it walks the young objects, and ever more often the whole growing heap,
to find nothing. Pausing it for the run saves that walk; reference counting still frees
everything as usual, and whatever cycles do appear are collected when it resumes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block, unless someone already did."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
