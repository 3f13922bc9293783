"""What a build asks the file system: the stats of its inputs and of the site it wrote.

The fingerprint of the inputs (cache.input_fingerprint) and the manifest of site/ are made
from these; at ten thousand files they are most of what a no-op build does once started.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path

from dateline import DEFAULT_TEMPLATES

Stat = tuple[int, ...]  # (size, mtime_ns, ctime_ns) of an input, (size, mtime_ns) in site/
_NAME = attrgetter("name")  # a directory entry's sort key, cheaper than a lambda
_LINKED = "\x00odd"  # in a walk's inodes: a link or special file was met (no path has a NUL)


def _file_stats(folder: str, prefix: str, found: dict[str, Stat],
                _seen: set[tuple[int, int]] | None = None,  # (device, inode) of folders
                ordered: bool = True, inodes: dict[str, int] | None = None,
                ctime: bool = True) -> None:
    """Add (size, mtime_ns, ctime_ns) of every file under `folder` to `found`, keyed prefix +
    relative path, in name order unless not `ordered`. The ctime cannot be set back: an edit
    whose mtime was restored still shows.

    Symbolic links to folders are followed (a content/events/ linked from elsewhere must
    count), each real folder once. os.scandir gives each path without a join per file, which
    matters at ten thousand files. With `inodes`, each file's inode goes there too, as
    write.list_files() gives it (a link or special file makes it unusable: site_unchanged).
    Without `ctime`, each stat is (size, mtime_ns) only, as site_manifest() keeps it.
    """
    seen = set() if _seen is None else _seen
    try:
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        with os.scandir(folder) as it:
            entries = sorted(it, key=_NAME) if ordered else list(it)
    except OSError:
        return
    for entry in entries:
        try:
            if inodes is not None and entry.is_symlink():
                inodes[_LINKED] = -1
            if entry.is_dir():
                _file_stats(entry.path, f"{prefix}{entry.name}/", found, seen, ordered, inodes,
                            ctime)
                continue
            st = entry.stat()
        except OSError:
            continue
        path = prefix + entry.name
        # Made at once in the shape kept: slicing ten thousand tuples after cost 0.01 s.
        found[path] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns) if ctime else (
            st.st_size, st.st_mtime_ns)
        if inodes is not None:
            if not entry.is_file(follow_symlinks=False):
                inodes[_LINKED] = -1  # not a regular file: list_files() records those apart
            inodes[path] = entry.inode()  # what list_files() records


def input_stats(root: Path) -> dict[str, Stat]:
    """(size, mtime_ns, ctime_ns) of every input file (content, site and default templates).

    The fingerprint is made from it, and the content loader reuses it instead of asking
    the file system about ten thousand files a second time.
    """
    found: dict[str, Stat] = {}
    for folder in (root / "content", root / "templates", DEFAULT_TEMPLATES):
        _file_stats(str(folder), f"{folder}{os.sep}", found)
    return found


def site_manifest(out: Path, inodes: dict[str, int] | None = None) -> dict[str, Stat]:
    """Every file in the built site with (size, mtime_ns), by path relative to `out`.

    No ctime here, unlike the inputs: a site/ restored from a CI cache (tar keeps mtimes,
    not ctimes) must still count as the one the last build left, or every deploy after one
    edited event renders the whole site again. Only dateline writes site/; an edit made by
    hand there is overwritten by the next change anyway.
    """
    found: dict[str, Stat] = {}
    _file_stats(str(out), "", found, ordered=False, inodes=inodes, ctime=False)  # compared as a dict
    return found


def file_stats(out: Path, paths: Iterable[str]) -> dict[str, Stat]:
    """The stats of the given files of the site, as site_manifest() records them."""
    stats = {}
    for rel in paths:
        st = os.stat(out / rel)
        stats[rel] = (st.st_size, st.st_mtime_ns)
    return stats


def site_unchanged(out: Path, manifest: dict[str, Stat],
                   inodes: dict[str, int] | None = None) -> bool:
    """True when `out` holds exactly the files the last build wrote, untouched since.

    When it does, `inodes` (if given) is filled with each file's inode, as
    write.list_files(out) lists them, so staging the next site needs no second walk of
    ten thousand files; when anything in `out` is a symbolic link or special file it is
    left empty (the two walks treat those apart).
    """
    found: dict[str, int] = {}
    same = bool(manifest) and out.is_dir() and site_manifest(out, found) == manifest
    if same and inodes is not None and _LINKED not in found:
        inodes.update(found)
    return same


def manifest_digest(manifest: dict[str, Stat]) -> str:
    """A digest of a manifest of site/ (as site_manifest() makes it), whatever its order.

    Every build ends by making one and a no-op build starts by making one: at ten thousand
    files, formatting each entry's tuple through the general digest() took 0.06 s.
    """
    lines = sorted([f"{rel}\x00{size}\x1f{mtime}" for rel, (size, mtime) in manifest.items()])
    return hashlib.blake2b("\n".join(lines).encode("utf-8", "surrogatepass"),
                           digest_size=12).hexdigest()
