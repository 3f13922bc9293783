"""What a build remembers for the next one, in <site>/.dateline-cache/ (never published).

- the parsed events of each content file, keyed by its size and modification time, so an
  unchanged file is not read or validated again;
- a key for every page (a digest of everything the page shows), so only pages whose inputs
  changed are rendered again;
- the manifest of site/ as this build left it (size and mtime of every file), so the next
  build can trust that site/ still holds exactly what it wrote and update it in place;
- a fingerprint of all inputs, so a build with nothing changed stops after a few stats.

Losing the cache is always safe: the next build is simply a cold one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline import __version__
from dateline.model import Event, Problem

CACHE_DIR = ".dateline-cache"
STATE_FILE = "state.pickle"
FINGERPRINT_FILE = "fingerprint"
TEMPLATES = Path(__file__).parent / "templates"
FORMAT = 3  # bump when BuildState changes shape: an old cache is then ignored, not misread


@dataclass
class FileEntry:
    """One content file as last parsed."""

    stat: tuple[int, int]  # (size, mtime_ns)
    event: Event | None
    problems: list[Problem]
    digest: str


@dataclass
class BuildState:
    """Everything the previous build left for this one."""

    version: str = f"{__version__}/{FORMAT}"
    settings_key: str = ""  # timeline.yaml digest: phrase dates depend on its date_base
    files: dict[str, FileEntry] = field(default_factory=dict)
    markdown: dict[str, str] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    fragments: dict[tuple, str] = field(default_factory=dict)  # per-event pieces of the exports
    out: str = ""
    manifest: dict[str, tuple[int, int]] = field(default_factory=dict)


def digest(*parts: object) -> str:
    """A short stable digest of strings/bytes (never Python's per-process hash())."""
    h = hashlib.blake2b(digest_size=12)
    text: list[str] = []
    for part in parts:
        if isinstance(part, bytes):
            h.update("\x1f".join(text).encode("utf-8", "surrogatepass"))
            h.update(b"\x1e" + part + b"\x1e")
            text = []
        else:
            text.append(str(part))
    # One update for all the text: page keys have hundreds of parts, and update() per part
    # was most of the cost of planning a rebuild.
    h.update("\x1f".join(text).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def load_state(root: Path) -> BuildState:
    """The previous build's state, or an empty one if there is none or it is unreadable."""
    try:
        with open(root / CACHE_DIR / STATE_FILE, "rb") as fh:
            state = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return BuildState()
    if not isinstance(state, BuildState) or state.version != BuildState.version:
        return BuildState()
    return state


def save_state(root: Path, state: BuildState, fingerprint: str) -> None:
    """Store the state atomically; a failure here only costs the next build its speed."""
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        if not (folder / ".gitignore").exists():
            (folder / ".gitignore").write_text("*\n")
        tmp = folder / f"{STATE_FILE}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / STATE_FILE)
        (folder / FINGERPRINT_FILE).write_text(fingerprint)
    except OSError:
        pass


def clear_fingerprint(root: Path) -> None:
    """Forget the last fingerprint (after a failed build nothing may be skipped)."""
    with contextlib.suppress(OSError):
        (root / CACHE_DIR / FINGERPRINT_FILE).unlink()


def stored_fingerprint(root: Path) -> str:
    try:
        return (root / CACHE_DIR / FINGERPRINT_FILE).read_text()
    except OSError:
        return ""


def _tree_stats(folder: Path) -> list[tuple[str, int, int]]:
    out = []
    if not folder.is_dir():
        return out
    for dirpath, dirnames, names in os.walk(folder):
        dirnames.sort()
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            out.append((path, st.st_size, st.st_mtime_ns))
    return out


def input_fingerprint(root: Path, options: object) -> str:
    """A digest of every input's path, size and mtime, the templates and the options."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{__version__}|{options!r}".encode())
    for folder in (root / "content", root / "templates", TEMPLATES):
        for path, size, mtime in _tree_stats(folder):
            h.update(f"{path}|{size}|{mtime}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def site_manifest(out: Path) -> dict[str, tuple[int, int]]:
    """Every file in the built site with (size, mtime_ns), by path relative to `out`."""
    found: dict[str, tuple[int, int]] = {}
    if not out.is_dir():
        return found
    for dirpath, dirnames, names in os.walk(out):
        dirnames.sort()
        rel = os.path.relpath(dirpath, out).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        for name in sorted(names):
            try:
                st = os.stat(os.path.join(dirpath, name))
            except OSError:
                continue
            found[prefix + name] = (st.st_size, st.st_mtime_ns)
    return found


def file_stats(out: Path, paths: Iterable[str]) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of the given files of the site, as site_manifest() records them."""
    stats = {}
    for rel in paths:
        st = os.stat(out / rel)
        stats[rel] = (st.st_size, st.st_mtime_ns)
    return stats


def site_unchanged(out: Path, manifest: dict[str, tuple[int, int]]) -> bool:
    """True when `out` holds exactly the files the last build wrote, untouched since."""
    return bool(manifest) and out.is_dir() and site_manifest(out) == manifest
