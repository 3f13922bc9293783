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


def write_site(files: dict[str, bytes], out: Path) -> WriteReport:
    """Replace `out` with exactly `files` ({relative posix path: bytes})."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.with_name(f".{out.name}.new-{os.getpid()}")
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    for leftover in (staging, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    for rel in files:
        _check_relative(rel)
    written = unchanged = 0
    try:
        made: set[Path] = set()
        for rel, data in sorted(files.items()):
            target = staging / rel
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            current = out / rel
            if _same(current, data):
                os.link(current, target)
                unchanged += 1
            else:
                target.write_bytes(data)
                written += 1
        stale = _relative_files(out) - files.keys() if out.is_dir() else set()
        if out.exists():
            os.rename(out, old)
        os.rename(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not out.exists():
            os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return WriteReport(written, unchanged, len(stale))


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
