"""A build state kept in memory between the builds of one long-running process (serve).

`dateline build` reads the previous build's state from .dateline-cache/ at every start:
at ten thousand events that is a third of a one-edit rebuild. `dateline serve` builds again
after every save, so it keeps the state its last build saved instead, as load_state() would
read it back (cache.settled()). The cache on disk stays the truth: the kept state is used
only for the same folders and options, and only while the cache's state file is the one
this process last wrote (another `dateline build` in between means reading it again).
"""

from __future__ import annotations

import os
from pathlib import Path

from dateline.build import cache


class Resident:
    """The state of the last successful build of this process, for its next build."""

    def __init__(self) -> None:
        self._state: cache.BuildState | None = None
        self._key: tuple = ()
        self._written: tuple[int, ...] = ()

    def take(self, root: Path, options: tuple) -> cache.BuildState | None:
        """The kept state if it is still what the cache holds for `root` built with
        `options`, else None; either way nothing is kept after this (a build that fails
        must not leave a state that its half-done work changed)."""
        state, self._state = self._state, None
        if state is None or self._key != (str(root), options) \
                or _stat(root) != self._written:
            return None
        return state

    def keep(self, root: Path, options: tuple, state: cache.BuildState) -> None:
        """Keep `state`, which save_state() has just written in full, for the next build."""
        if state.notes:
            return  # a refused cache file was rewritten whole: read it back next time
        self._state = cache.settled(root, state)
        self._key = (str(root), options)
        self._written = _stat(root)


def _stat(root: Path) -> tuple[int, ...]:
    try:
        st = os.stat(root / cache.CACHE_DIR / cache.STATE_FILE)
    except OSError:
        return ()
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
