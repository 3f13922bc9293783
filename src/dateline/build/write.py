"""Write a rendered site to disk all at once, or not at all: site/ is always all old or all new.

Every build assembles the new site in a staging folder beside site/ and swaps the two
folders with one atomic rename (renameat2 RENAME_EXCHANGE on Linux; elsewhere two renames,
see recover()). Nothing is ever written inside site/ itself, so a build killed at any moment
leaves it as it was, with no temporary file in it.

The staging folder starts as the *spare*: the site before the last swap, kept as
`.site.spare` beside site/. Most of its files are hard links to site/'s own (unchanged
files are linked, not copied), so bringing it level with site/ touches only the files that
differ, found by inode without a stat each. A rebuild after one edit therefore costs a few
links and writes, not a copy of ten thousand files. The spare is verified this way before
every use, so a spare that was left half-updated (a killed build) is simply repaired.

Names beside an output folder `site`: `.site.new-PID` (staging), `.site.old-PID` (the old
site during the fallback's two renames), `.site.spare`, and `.site.lock` (lock.py).
This module imports nothing of dateline.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteReport:
    """What a write changed, for the build summary."""

    written: int
    unchanged: int
    removed: int


def sibling(out: Path, kind: str) -> Path:
    """The folder or file named `kind` ("spare", "lock", "new-123") beside output folder `out`."""
    return out.with_name(f".{out.name}.{kind}")


class Staging:
    """A new site assembled beside `out`, swapped in by commit() or put aside by abort().

    `current` lists the files `out` holds now (relative path -> inode, as list_files() gives
    them; None: list them here). `skip` names files the caller will put() next, which need
    no levelling. put() may be called from forked build workers: each writes
    its own pages, and the caller adds up their counts.
    """

    def __init__(self, out: Path, current: dict[str, int] | None = None,
                 skip: set[str] | frozenset[str] = frozenset()) -> None:
        self.out = out.resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.folder = sibling(self.out, f"new-{os.getpid()}")
        self._old = sibling(self.out, f"old-{os.getpid()}")
        if self.folder.exists():
            shutil.rmtree(self.folder)
        spare = sibling(self.out, "spare")
        try:
            os.rename(spare, self.folder)  # claimed: a build killed from now on leaves new-PID
        except FileNotFoundError:
            self.folder.mkdir()
        self.current = current if current is not None else (
            list_files(self.out) if self.out.is_dir() else {})
        self.written = self.unchanged = 0
        self._made: set[Path] = {self.folder}
        # Files linked from site/ (their ctime changed: the caller's manifest must re-read them).
        self.linked = self._level(skip)

    def _level(self, skip: set[str] | frozenset[str]) -> set[str]:
        """Make the staging folder hold site/'s files (but those in `skip`, written next)."""
        staged = list_files(self.folder)
        emptied = set()
        for rel in staged.keys() - self.current.keys():
            os.unlink(self.folder / rel)
            emptied.add(rel.rpartition("/")[0])
        _remove_empty(self.folder, emptied)  # before linking: a folder may have become a file
        linked = set()
        for rel, inode in self.current.items():
            if staged.get(rel) == inode or rel in skip:
                continue
            target = self._target(rel)
            if rel in staged:
                os.unlink(target)
            _link_or_copy(self.out / rel, target)
            linked.add(rel)
        return linked

    def _target(self, rel: str) -> Path:
        _check_relative(rel)
        target = self.folder / rel
        if target.parent not in self._made:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError):
                # A file of the old site stands where this build needs a folder.
                for parent in reversed(target.relative_to(self.folder).parents[:-1]):
                    if (self.folder / parent).is_file() or (self.folder / parent).is_symlink():
                        os.unlink(self.folder / parent)
                        break
                target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)  # a folder of the old site stands where this build puts a file
        return target

    def put(self, rel: str, data: bytes) -> None:
        """Stage one file; one identical to site/'s is a link to it, counted as unchanged."""
        target = self._target(rel)
        current = self.out / rel
        try:
            same = current.stat().st_size == len(data) and current.read_bytes() == data
        except (FileNotFoundError, NotADirectoryError):
            same = False
        try:
            staged = os.lstat(target).st_ino
        except FileNotFoundError:
            staged = None
        if same:
            if staged != self.current.get(rel):
                if staged is not None:
                    os.unlink(target)
                _link_or_copy(current, target)
            self.unchanged += 1
            return
        if staged is not None:
            os.unlink(target)  # perhaps a link to site/'s file: never write through it
        with open(target, "xb") as fh:
            fh.write(data)
        self.written += 1

    def count(self, written: int, unchanged: int) -> None:
        """Add what forked workers staged (their own copies of the counters died with them)."""
        self.written += written
        self.unchanged += unchanged

    def commit(self, paths: set[str], keep_spare: bool = True) -> WriteReport:
        """Drop staged files not in `paths`, swap the staged site in, keep the old as spare."""
        try:
            stale = self.current.keys() - paths
            for rel in stale:
                # Gone already where a new file or folder took its place.
                with contextlib.suppress(FileNotFoundError, IsADirectoryError, NotADirectoryError):
                    os.unlink(self.folder / rel)
            _remove_empty(self.folder, {rel.rpartition("/")[0] for rel in stale})
            self._swap()
        except BaseException:
            self.abort()
            raise
        # self.folder now holds the old site (if there was one).
        if self.folder.exists():
            if keep_spare:
                os.rename(self.folder, sibling(self.out, "spare"))
            else:
                shutil.rmtree(self.folder, ignore_errors=True)
        return WriteReport(self.written, self.unchanged, len(stale))

    def _swap(self) -> None:
        if not self.out.exists():
            os.rename(self.folder, self.out)
            return
        if exchange(self.folder, self.out):
            return
        # Two renames: a build killed between them leaves no site/ but .site.old-PID, which
        # the next build's recover() puts back (all old).
        os.rename(self.out, self._old)
        os.rename(self.folder, self.out)
        os.rename(self._old, self.folder)

    def abort(self) -> None:
        """Put the staged folder aside as the spare (it is levelled before any reuse)."""
        if self._old.exists() and not self.out.exists():
            os.rename(self._old, self.out)
        if self.folder.exists():
            spare = sibling(self.out, "spare")
            if spare.exists():
                shutil.rmtree(self.folder, ignore_errors=True)
            else:
                os.rename(self.folder, spare)


def recover(out: Path) -> None:
    """Repair what killed builds left beside `out`; call it holding the build lock.

    A missing site/ with a `.site.old-PID` beside it (killed between the fallback's two
    renames) gets its old site back. Other `.site.new-PID`/`.site.old-PID` folders are of
    dead builds (a live one would hold the lock): the first becomes the spare if there is
    none (it is levelled before use anyway), the rest are deleted.
    """
    out = out.resolve()
    try:
        names = sorted(e.name for e in os.scandir(out.parent)
                       if e.name.startswith(f".{out.name}.new-") or e.name.startswith(f".{out.name}.old-"))
    except OSError:
        return
    for name in names:
        if ".old-" in name and not out.exists():
            os.rename(out.parent / name, out)
            names.remove(name)
            break
    spare = sibling(out, "spare")
    for name in names:
        if not spare.exists():
            os.rename(out.parent / name, spare)
        else:
            shutil.rmtree(out.parent / name, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_renameat2 = None


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2); False where that is not available."""
    global _renameat2
    if not sys.platform.startswith("linux"):
        return False
    if _renameat2 is None:
        import ctypes  # only here: importing it costs a no-op build 8 ms

        try:
            # The symbols this process has loaded, libc's among them: ctypes.util.find_library
            # would run ldconfig in a subprocess on every build.
            libc = ctypes.CDLL(None, use_errno=True)
            _renameat2 = libc.renameat2
            _renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                   ctypes.c_uint]
        except (OSError, AttributeError):  # no libc, or a libc older than glibc 2.28
            _renameat2 = False
    if _renameat2 is False:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    import ctypes

    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # the kernel or file system cannot
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def list_files(folder: Path) -> dict[str, int]:
    """Every file under `folder` (relative path -> inode), from the directory entries alone."""
    found: dict[str, int] = {}

    def walk(path: str, prefix: str) -> None:
        with os.scandir(path) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                else:
                    # A symlink or other odd entry never matches a site file's inode: it is
                    # replaced by a link to the real file.
                    found[prefix + entry.name] = entry.inode() if entry.is_file(follow_symlinks=False) else -1

    with contextlib.suppress(FileNotFoundError):
        walk(str(folder), "")
    return found


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EMLINK, errno.EXDEV, errno.ENOTSUP):
            raise
        shutil.copyfile(source, target)  # a file system without hard links


def _remove_empty(root: Path, folders: set[str]) -> None:
    """Remove the given folders (relative to root) and their parents while they are empty."""
    for rel in sorted(folders, key=len, reverse=True):
        while rel:
            with contextlib.suppress(OSError):  # not empty, or gone already
                os.rmdir(root / rel)
            if (root / rel).exists():
                break
            rel = rel.rpartition("/")[0]


def _check_relative(rel: str) -> None:
    # Content validation keeps ids and slugs tame; this is the last guard before the disk.
    parts = rel.split("/")
    if (not rel or rel.startswith("/") or "\\" in rel or ":" in rel
            or any(part in ("", ".", "..") for part in parts)):
        raise ValueError(f"refusing to write outside the site folder: {rel!r}")
