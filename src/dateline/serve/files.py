"""Which file of the built site a request path names: confined to site/, as Pages serves it.

No `..`, no NUL or backslash, no symlink that leads out of site/; a folder is its
index.html (after a redirect to the slashed address), and `/a` is `a.html` when no `a`
exists. A name no file can have (a segment over 255 bytes) is simply not there.
"""

from __future__ import annotations

import os
from pathlib import Path

REDIRECT = "redirect"  # a folder asked for without its trailing slash


def resolve(out: Path, rel: str) -> Path | str | None:
    """The file for `rel` (a path under the base, unquoted) in `out`, REDIRECT, or None."""
    if "\x00" in rel or "\\" in rel:
        return None
    parts = [p for p in rel.split("/") if p]
    if any(p in (".", "..") for p in parts):
        return None
    root = Path(os.path.realpath(out))
    try:
        return _lookup(root, root.joinpath(*parts), parts, rel)
    except OSError:  # ENAMETOOLONG (a segment over 255 bytes) and the like: no such file
        return None


def _lookup(root: Path, candidate: Path, parts: list[str], rel: str) -> Path | str | None:
    if not inside(candidate, root):
        return None
    if candidate.is_dir():
        if rel and not rel.endswith("/"):
            return REDIRECT  # as Pages does, so relative links in index.html resolve
        candidate = candidate / "index.html"
    elif not candidate.exists() and parts and not candidate.suffix:
        candidate = candidate.with_name(candidate.name + ".html")  # Pages serves /a as a.html
    if candidate.is_file() and inside(candidate, root):
        return candidate
    return None


def inside(path: Path, root: Path) -> bool:
    """True when `path`, with every symlink resolved, is `root` or below it."""
    real = os.path.realpath(path)
    return real == str(root) or real.startswith(str(root) + os.sep)
