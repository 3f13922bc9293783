"""One build at a time per output folder: an advisory lock on `.site.lock` beside site/.

The lock is flock(2) on an open file, so the kernel releases it when its holder exits, however
it exits (kill -9 included): a lock file left by a dead process is simply taken. The holder
writes its PID into the file, so a second build can say whom it is waiting for. Where flock
does not exist (Windows), builds are not locked. This module imports nothing of dateline.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # not POSIX
    fcntl = None  # type: ignore[assignment]


class BuildLock:
    """Hold the build lock of `out` for a `with` block, waiting for another build if need be.

    `on_wait` is told "waiting for build by PID N" once, before waiting.
    """

    def __init__(self, out: Path, on_wait: Callable[[str], None] | None = None) -> None:
        out = out.resolve()
        self.path = out.with_name(f".{out.name}.lock")
        self.on_wait = on_wait
        self._fd: int | None = None

    def __enter__(self) -> BuildLock:
        if fcntl is None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if self.on_wait is not None:
                    self.on_wait(f"waiting for build by PID {holder(self.path) or '?'} "
                                 f"(lock {self.path})")
                fcntl.flock(fd, fcntl.LOCK_EX)  # Ctrl-C interrupts the wait
            mark = f"{os.getpid()}\n".encode()
            os.pwrite(fd, mark, 0)
            os.ftruncate(fd, len(mark))
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._fd is not None:
            os.close(self._fd)  # releases the lock (forked workers have exited by now)
            self._fd = None


def holder(path: Path) -> int | None:
    """The PID written in a lock file (the last process that held it), if any."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    first = text.split()[0] if text.split() else ""
    return int(first) if first.isdigit() else None
