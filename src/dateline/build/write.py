"""Write a rendered site to disk all at once, or not at all.

The new site is assembled in a sibling folder (unchanged files hard-linked from the current
site, so a rebuild costs only what changed), then swapped in with two renames. A failure at
any point before the swap leaves the existing site/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteReport:
    """What a write changed, for the build summary."""

    written: int
    unchanged: int
    removed: int


class Staging:
    """A new site assembled in a sibling folder, swapped in by commit() or dropped by abort().

    put() may be called from forked build workers: each writes its own pages, and the
    caller adds up their counts.
    """

    def __init__(self, out: Path) -> None:
        self.out = out.resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.folder = self.out.with_name(f".{self.out.name}.new-{os.getpid()}")
        self._old = self.out.with_name(f".{self.out.name}.old-{os.getpid()}")
        for leftover in (self.folder, self._old):
            if leftover.exists():
                shutil.rmtree(leftover)
        self.folder.mkdir()
        self.written = self.unchanged = 0
        self._made: set[Path] = {self.folder}

    def put(self, rel: str, data: bytes) -> None:
        """Stage one file; one identical to the current site's is hard-linked, not rewritten."""
        _check_relative(rel)
        target = self.folder / rel
        if target.parent not in self._made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)
        current = self.out / rel
        if _same(current, data):
            os.link(current, target)
            self.unchanged += 1
        else:
            target.write_bytes(data)
            self.written += 1

    def count(self, written: int, unchanged: int) -> None:
        """Add what forked workers staged (their own copies of the counters died with them)."""
        self.written += written
        self.unchanged += unchanged

    def commit(self, paths: set[str]) -> WriteReport:
        """Swap the staged site in; `paths` are all the files it holds."""
        try:
            stale = _relative_files(self.out) - paths if self.out.is_dir() else set()
            if self.out.exists():
                os.rename(self.out, self._old)
            os.rename(self.folder, self.out)
        except BaseException:
            self.abort()
            raise
        shutil.rmtree(self._old, ignore_errors=True)
        return WriteReport(self.written, self.unchanged, len(stale))

    def abort(self) -> None:
        """Drop the staged files; the current site is left (or put back) as it was."""
        shutil.rmtree(self.folder, ignore_errors=True)
        if self._old.exists() and not self.out.exists():
            os.rename(self._old, self.out)


def update_site(changed: dict[str, bytes], keep: set[str], out: Path) -> WriteReport:
    """Bring an existing site up to date in place: write `changed` files, delete files not in `keep`.

    Only for a site/ the previous build wrote and nobody touched since (the caller checks
    its manifest), and only after every page rendered: each file is replaced atomically.
    """
    for rel in changed:
        _check_relative(rel)
    existing = _relative_files(out)
    for rel, data in sorted(changed.items()):
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
    stale = existing - keep - changed.keys()
    for rel in sorted(stale):
        (out / rel).unlink()
    for rel in sorted({str(Path(r).parent) for r in stale}, key=len, reverse=True):
        folder = out / rel
        if rel != "." and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return WriteReport(len(changed), len(keep) - len(changed), len(stale))


def _check_relative(rel: str) -> None:
    # Content validation keeps ids and slugs tame; this is the last guard before the disk.
    parts = rel.split("/")
    if (not rel or rel.startswith("/") or "\\" in rel or ":" in rel
            or any(part in ("", ".", "..") for part in parts)):
        raise ValueError(f"refusing to write outside the site folder: {rel!r}")


def _same(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _relative_files(folder: Path) -> set[str]:
    found = set()
    for dirpath, _, names in os.walk(folder):
        rel = Path(dirpath).relative_to(folder).as_posix()
        found.update(name if rel == "." else f"{rel}/{name}" for name in names)
    return found
