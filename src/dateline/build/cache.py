"""What a build remembers for the next one, in <site>/.dateline-cache/ (never published).

- the parsed events of each content file, keyed by its size and modification time, so an
  unchanged file is not read or validated again;
- a key for every page (a digest of everything the page shows), so only pages whose inputs
  changed are rendered again;
- the manifest of site/ as this build left it (size and mtime of every file), so the next
  build can trust that site/ still holds exactly what it wrote and update it in place;
- a fingerprint of all inputs, so a build with nothing changed stops after a few stats.

Losing the cache is always safe: the next build is simply a cold one.

The per-event parts (parsed files, Markdown HTML, export fragments) are stored in shards,
and a build rewrites only the shards whose entries changed: after one edit that is a few
hundred kilobytes instead of the whole cache. Every shard entry is checked against its key
on use (a file's size and mtime, a body's text, a fragment's inputs), so shards from
different builds can be mixed safely, for example after a build was interrupted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.bccache

from dateline import __version__
from dateline.content import ParsedFile
from dateline.render import DEFAULT_TEMPLATES

CACHE_DIR = ".dateline-cache"
STATE_FILE = "state.pickle"
FINGERPRINT_FILE = "fingerprint"
SHARDED = ("files", "markdown", "fragments")  # the BuildState fields stored in shards
SHARDS = 32
FORMAT = 8  # bump when BuildState changes shape: an old cache is then ignored, not misread


@dataclass
class BuildState:
    """Everything the previous build left for this one."""

    version: str = f"{__version__}/{FORMAT}"
    settings_key: str = ""  # timeline.yaml digest: phrase dates depend on its date_base
    files: dict[str, ParsedFile] = field(default_factory=dict)
    markdown: dict[str, str] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    fragments: dict[tuple, tuple[str, ...]] = field(default_factory=dict)  # per-event pieces of the exports
    out: str = ""
    manifest: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Each sharded field as loaded (merged, shards), so saving rewrites only changed shards.
    loaded: dict[str, tuple[dict, list[dict]]] = field(default_factory=dict, repr=False, compare=False)


class Fragments(dict):
    """Each event's pieces of the big exports from the previous build, keyed by what they show.

    The memo render_exports() is given (see dateline.site.exports.Memo); it also records
    which keys this build looked up, so that only those are kept for the next one.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.used: set[tuple] = set()  # the keys this build asked for

    def get(self, key: tuple, default: object = None) -> object:
        """The pieces under `key` (or `default`), noting that this build used them."""
        self.used.add(key)
        return super().get(key, default)

    @property
    def touched(self) -> bool:
        """Whether any export was made with it this build."""
        return bool(self.used)

    def fresh(self) -> dict[tuple, tuple[str, ...]]:
        """The pieces this build used, for the next one (others would only pile up)."""
        return {k: v for k, v in self.items() if k in self.used}


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, where failing to store one is not an error."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):  # only the next build's speed is lost
            super().dump_bytecode(bucket)


def bytecode_cache(root: Path) -> jinja2.BytecodeCache | None:
    """The compiled templates kept in the cache folder, or None when it cannot be made."""
    folder = root / CACHE_DIR / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # only speed is lost
    return _BytecodeCache(str(folder))


def load_state(root: Path) -> BuildState:
    """The previous build's state, or an empty one if there is none or it is unreadable."""
    folder = root / CACHE_DIR
    state = _read(folder / STATE_FILE)
    if not isinstance(state, BuildState) or state.version != BuildState.version:
        return BuildState()
    state.loaded = {}
    for name in SHARDED:
        shards = []
        merged: dict = {}
        for n in range(SHARDS):
            payload = _read(folder / f"{name}-{n:02d}.pickle")
            # A shard is only valid for the settings it was made under (see module docstring).
            ok = (isinstance(payload, tuple) and len(payload) == 3 and payload[0] == state.version
                  and (name != "files" or payload[1] == state.settings_key)
                  and isinstance(payload[2], dict))
            shard = payload[2] if ok else {}
            shards.append(shard)
            merged.update(shard)
        # The build may add to its copy in place (the Markdown cache does): the merged
        # dict kept here must stay as loaded for save_state() to see what changed.
        setattr(state, name, dict(merged))
        state.loaded[name] = (merged, shards)
    return state


def save_state(root: Path, state: BuildState, fingerprint: str) -> None:
    """Store the state; a failure here only costs the next build its speed.

    Shards whose entries are unchanged since load_state() are not written again.
    """
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        if not (folder / ".gitignore").exists():
            (folder / ".gitignore").write_text("*\n")
        for name in SHARDED:
            key = state.settings_key if name == "files" else ""
            for n, shard in _changed_shards(getattr(state, name), state.loaded.get(name)).items():
                _write(folder / f"{name}-{n:02d}.pickle", (state.version, key, shard))
        main = dataclasses.replace(state, files={}, markdown={}, fragments={}, loaded={})
        _write(folder / STATE_FILE, main)
        (folder / FINGERPRINT_FILE).write_text(fingerprint)
    except OSError:
        pass


def _changed_shards(entries: dict, loaded: tuple[dict, list[dict]] | None) -> dict[int, dict]:
    """The shards of `entries` that differ from the ones loaded, by shard number."""
    if loaded is None:
        shards: dict[int, dict] = {n: {} for n in range(SHARDS)}
        for key, value in entries.items():
            shards[_shard_of(key)][key] = value
        return shards
    before, old = loaded
    changed: dict[int, dict] = {}
    # An unchanged entry is the very object that was loaded: compare identities, not values.
    for key, value in entries.items():
        if before.get(key) is not value:
            n = _shard_of(key)
            changed.setdefault(n, dict(old[n]))[key] = value
    for key in before.keys() - entries.keys():
        n = _shard_of(key)
        changed.setdefault(n, dict(old[n])).pop(key, None)
    return changed


def _shard_of(key: str | tuple) -> int:
    # Fragment keys are (event digest, ...): shard by the event.
    text = key[0] if isinstance(key, tuple) else key
    return zlib.crc32(text.encode("utf-8", "surrogatepass")) % SHARDS


def _read(path: Path) -> object:
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError,
            ValueError, IndexError):
        return None


def _write(path: Path, obj: object) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def clear_fingerprint(root: Path) -> None:
    """Forget the last fingerprint (after a failed build nothing may be skipped)."""
    with contextlib.suppress(OSError):
        (root / CACHE_DIR / FINGERPRINT_FILE).unlink()


def stored_fingerprint(root: Path) -> str:
    try:
        return (root / CACHE_DIR / FINGERPRINT_FILE).read_text()
    except OSError:
        return ""


def _file_stats(folder: str, prefix: str, found: dict[str, tuple[int, int]],
                _seen: set[tuple[int, int]] | None = None) -> None:
    """Add (size, mtime_ns) of every file under `folder` to `found`, keyed prefix + relative path.

    Symbolic links to folders are followed (a content/events/ linked from elsewhere must
    count), each real folder once. os.scandir gives each path without a join per file, which
    matters at ten thousand files.
    """
    seen = set() if _seen is None else _seen
    try:
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                _file_stats(entry.path, f"{prefix}{entry.name}/", found, seen)
                continue
            st = entry.stat()
        except OSError:
            continue
        found[prefix + entry.name] = (st.st_size, st.st_mtime_ns)


def input_stats(root: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of every input file (content, site and default templates) by path.

    The fingerprint is made from it, and the content loader reuses it instead of asking
    the file system about ten thousand files a second time.
    """
    found: dict[str, tuple[int, int]] = {}
    for folder in (root / "content", root / "templates", DEFAULT_TEMPLATES):
        _file_stats(str(folder), f"{folder}{os.sep}", found)
    return found


def input_fingerprint(stats: dict[str, tuple[int, int]], options: object) -> str:
    """A digest of every input's path, size and mtime (from input_stats()) and the options."""
    lines = [f"{BuildState.version}|{options!r}"]  # a new cache format means a full build
    lines += [f"{path}|{size}|{mtime}" for path, (size, mtime) in stats.items()]
    return hashlib.blake2b("\n".join(lines).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def site_manifest(out: Path) -> dict[str, tuple[int, int]]:
    """Every file in the built site with (size, mtime_ns), by path relative to `out`."""
    found: dict[str, tuple[int, int]] = {}
    _file_stats(str(out), "", found)
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
