"""What a build remembers for the next one, in <site>/.dateline-cache/ (never published).

- the parsed events of each content file, keyed by its size, mtime and ctime (a file whose
  mtime was put back, as `touch -d` or a restore does, still has a new ctime; one whose ctime
  alone changed is compared by its bytes' digest), so an unchanged file is not read again;
- a key for every page (a digest of everything the page shows), so only pages whose inputs
  changed are rendered again;
- the manifest of site/ as this build left it (size, mtime and ctime of every file),
  so the next build can trust that site/ still holds exactly what it wrote;
- a fingerprint of all inputs, so a build with nothing changed stops after a few stats.

Every file is JSON behind a header with the cache version and a checksum (store.py): no
pickle, nothing that can run code. Losing or damaging any of it is always safe: what cannot
be read is not used, and the build is simply slower (BuildState.notes says so once).

The per-event parts (parsed files, Markdown HTML) are stored in shards, and a build
rewrites only the shards whose entries changed: after one edit that is a few hundred
kilobytes instead of the whole cache. Every shard entry is checked against its key on use
(a file's stat, a body's text), so shards from different builds can be mixed safely, for
example after a build was interrupted. The export pieces (the largest part) are the
previous build's export files in site/ themselves: `exports.json` keeps each piece's key
and length and each file's frame and checksum (site.exports.joined), and is read only when
the exports are made: a build whose pages are all as before (one with warnings is never
skipped) does not read it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress
from operator import is_not
from pathlib import Path

from dateline import __version__
from dateline.build import store
from dateline.build.cardstore import YearCards
from dateline.build.codec import SHAPE, Decoder, encode_file
from dateline.build.stats import Stat
from dateline.content import ParsedFile
from dateline.digests import digest
from dateline.site.exports.joined import FILES as EXPORT_BODIES
from dateline.site.exports.joined import ExportMemo, Joined

CACHE_DIR = ".dateline-cache"
STATE_FILE = "state.json"
FINGERPRINT_FILE = "fingerprint"
EXPORTS_FILE = "exports.json"
SHARDED = ("files", "markdown", "cards")  # the BuildState fields stored in shards
SHARDS = 32
FORMAT = 12  # bump when BuildState changes shape: an old cache is then ignored, not misread
VERSION = f"{__version__}/{FORMAT}/{SHAPE}".replace(" ", "_")
_LEGACY = (".pickle", "templates")  # what caches before FORMAT 8 held (pickle, compiled code)
_OLD_PIECES = "fragments-"  # the export pieces' shards before FORMAT 12



@dataclass
class BuildState:
    """Everything the previous build left for this one."""

    version: str = VERSION
    settings_key: str = ""  # timeline.yaml digest: phrase dates depend on its date_base
    files: dict[str, ParsedFile] = field(default_factory=dict)
    markdown: dict[str, str] = field(default_factory=dict)
    cards: dict[str, str] = field(default_factory=dict)  # compact event cards (render._Cards)
    # Full event cards, one file a year, read when a page shows them (cardstore.py).
    full_cards: YearCards | None = field(default=None, repr=False, compare=False)
    pages: dict[str, str] = field(default_factory=dict)
    layout: str = ""  # the pages' layout key (render.plan_build): which a partial plan needs
    # The export pieces this build made (and their files' frames), to be saved for the next.
    exports: ExportMemo | None = None
    out: str = ""
    manifest: dict[str, Stat] = field(default_factory=dict)
    # Each sharded field as loaded (merged, shards), so saving rewrites only changed shards.
    loaded: dict[str, tuple[dict, list[dict]]] = field(default_factory=dict, repr=False, compare=False)
    notes: list[str] = field(default_factory=list, repr=False, compare=False)  # what was refused
    # Each sharded field as save_state() left it on disk (entries, shards), for settled().
    saved: dict[str, tuple[dict, list]] = field(default_factory=dict, repr=False, compare=False)


def load_state(root: Path) -> BuildState:
    """The previous build's state, or an empty one if there is none or it cannot be used.

    A refused file (damaged, truncated, another version) is named in the result's `notes`;
    a refused shard costs only its own entries.
    """
    folder = root / CACHE_DIR
    refused: list[str] = []
    try:
        state = _decode_state(store.load(folder / STATE_FILE, VERSION))
    except FileNotFoundError:
        return BuildState()
    except (OSError, store.CacheRefused, ValueError, TypeError, KeyError, AttributeError,
            IndexError) as exc:
        return BuildState(notes=[f"{STATE_FILE}: {exc}"])
    decode = Decoder()
    for name in SHARDED:
        if name == "markdown":  # a rebuild converts few bodies: their shards are read on use
            state.markdown = _lazy_markdown(folder, state, decode)
            state.loaded[name] = (state.markdown.before, state.markdown.shards)
            continue
        _load_field(folder, state, name, decode, refused)
    state.notes = refused
    return state


class LazyShards(dict):
    """A sharded field (body -> HTML) whose shards are read the first time one of their keys
    is asked for, set or removed, so that a rebuild which converts one body reads one shard
    of thirty-two.

    Every way the build reads or changes the Markdown cache (get, in, [], setdefault,
    update, pop) reads the key's shard first, so the dict holds exactly the loaded shards'
    entries and this build's changes to them; `before` and `shards` are the shards as read
    (what save_state() compares against: only loaded shards can have changed). load_all()
    reads the rest, for a build that needs them all.
    """

    def __init__(self, read: Callable[[int], dict]) -> None:
        super().__init__()
        self._read = read
        self.before: dict = {}
        self.shards: list[dict | None] = [None] * SHARDS

    def _shard(self, key: object) -> None:
        n = _shard_of(key) if isinstance(key, str) else None
        if n is not None and self.shards[n] is None:
            self._take(n)

    def _take(self, n: int) -> None:
        shard = self.shards[n] = self._read(n)
        self.before.update(shard)
        for key, value in shard.items():
            super().setdefault(key, value)  # what this build set already stays

    def settle(self, shards: dict[int, dict]) -> None:
        """Take `shards` (by number) as read: what the folder now holds for them."""
        for n, shard in shards.items():
            self.shards[n] = shard
            self.before.update(shard)
            super().update(shard)

    def load_all(self) -> None:
        """Read every shard not read yet."""
        for n in range(SHARDS):
            if self.shards[n] is None:
                self._take(n)

    def get(self, key, default=None):  # type: ignore[override]
        self._shard(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._shard(key)
        return super().__contains__(key)

    def __getitem__(self, key):
        self._shard(key)
        return super().__getitem__(key)

    def __setitem__(self, key, value) -> None:
        self._shard(key)
        super().__setitem__(key, value)

    def setdefault(self, key, default=None):  # type: ignore[override]
        self._shard(key)
        return super().setdefault(key, default)

    def pop(self, key, *default):  # type: ignore[override]
        self._shard(key)
        return super().pop(key, *default)

    def update(self, other=(), **more) -> None:  # type: ignore[override]
        for key, value in dict(other, **more).items():
            self[key] = value


def _lazy_markdown(folder: Path, state: BuildState, decode: Decoder) -> LazyShards:
    return LazyShards(lambda n: _read_shard(folder, state, "markdown", n, decode))


def read_all(state: BuildState) -> None:
    """Read the shards of `state`'s lazily read fields that were not read yet."""
    if isinstance(state.markdown, LazyShards):
        state.markdown.load_all()


def _read_shard(folder: Path, state: BuildState, name: str, n: int, decode: Decoder) -> dict:
    """One shard of a sharded field, or {} when there is none; a refused one is noted."""
    path = folder / _shard_name(name, n)
    try:
        return _load_shard(name, path, state.settings_key, decode)
    except FileNotFoundError:
        return {}
    except (OSError, store.CacheRefused, ValueError, TypeError, KeyError,
            AttributeError, IndexError) as exc:
        state.notes.append(f"{path.name}: {exc}")
        return {}


def _load_field(folder: Path, state: BuildState, name: str, decode: Decoder,
                refused: list[str]) -> None:
    """Read all shards of one sharded field into `state`; refused shards go to `refused`."""
    shards = []
    merged: dict = {}
    for n in range(SHARDS):
        shard: dict = {}
        path = folder / _shard_name(name, n)
        try:
            shard = _load_shard(name, path, state.settings_key, decode)
        except FileNotFoundError:
            pass
        except (OSError, store.CacheRefused, ValueError, TypeError, KeyError,
                AttributeError, IndexError) as exc:
            refused.append(f"{path.name}: {exc}")
        shards.append(shard)
        merged.update(shard)
    # The build may add to its copy in place (the Markdown cache does): the merged
    # dict kept here must stay as loaded for save_state() to see what changed.
    setattr(state, name, dict(merged))
    state.loaded[name] = (merged, shards)


def year_cards(root: Path, state: BuildState) -> YearCards:
    """The previous builds' full event cards, each year read on first use; a refused file
    is added to state.notes and written again by save_state()."""
    return YearCards(root / CACHE_DIR, VERSION, state.notes)


def exports_memo(root: Path, out: Path, state: BuildState) -> ExportMemo:
    """The previous build's export pieces, read only if the exports are made.

    The bodies are read from the export files in `out` (site/), which hold them between
    their frames: the cache keeps only each piece's key and length and each file's frame
    lengths, size and checksum, so a rebuild does not write twenty megabytes twice. A file
    of site/ that is not the one the last build wrote, or a damaged index, means the pieces
    are made again (a damaged index is added to state.notes).
    """
    def load() -> Joined | None:
        if state.out != str(out):
            return None
        try:
            head = store.load(root / CACHE_DIR / EXPORTS_FILE, VERSION)
        except FileNotFoundError:
            return None
        except (OSError, store.CacheRefused) as exc:
            state.notes.append(f"{EXPORTS_FILE}: {exc}")
            return None
        try:
            bodies = tuple(_body(out / name, *head["files"][name]) for name in EXPORT_BODIES)
            found = Joined(head["layout"], head["keys"], tuple(head["lengths"]), bodies)
            if not (isinstance(found.layout, str) and isinstance(found.keys, list)
                    and all(isinstance(k, str) for k in found.keys) and found.whole()):
                raise ValueError("export pieces of another shape")
        except (OSError, ValueError, TypeError, KeyError):
            return None  # site/ holds other exports than the last build's: make them again
        return found

    return ExportMemo(load)


def _body(path: Path, head: int, tail: int, size: int, crc: int) -> memoryview:
    """The pieces of one export file of site/, checked against what the last build wrote
    (a view into the file's bytes: the pieces are spliced from it, never copied whole)."""
    with open(path, "rb") as fh:
        data = fh.read(size + 1)
    if len(data) != size or zlib.crc32(data) != crc or not 0 <= head <= size - tail:
        raise ValueError("not the exports the last build wrote")
    return memoryview(data)[head:size - tail]


def _save_exports(folder: Path, made: Joined, frames: dict[str, tuple[bytes, bytes]]) -> None:
    files = {}
    for name, body in zip(EXPORT_BODIES, made.bodies, strict=True):
        before, after = frames[name]
        crc = zlib.crc32(after, zlib.crc32(body, zlib.crc32(before)))
        files[name] = [len(before), len(after), len(before) + len(body) + len(after), crc]
    store.dump(folder / EXPORTS_FILE, VERSION, {
        "layout": made.layout, "keys": made.keys, "lengths": list(made.lengths), "files": files})


def _decode_state(raw: object) -> BuildState:
    if not isinstance(raw, dict):
        raise TypeError("not a build state")
    pages, manifest = raw["pages"], raw["manifest"]
    if not (isinstance(pages, dict) and isinstance(manifest, dict)
            and isinstance(raw["out"], str) and isinstance(raw["settings_key"], str)
            and isinstance(raw["layout"], str)):
        raise TypeError("not a build state")
    return BuildState(settings_key=raw["settings_key"], pages=pages, layout=raw["layout"],
                      out=raw["out"], manifest={k: tuple(v) for k, v in manifest.items()})


def _load_shard(name: str, path: Path, settings_key: str, decode: Decoder) -> dict:
    if name == "files":
        raw = store.load(path, VERSION)
        if not isinstance(raw, dict):
            raise TypeError("not a shard")
        # Parsed files are only valid for the settings they were read under.
        if raw["key"] != settings_key:
            return {}
        return decode.files(raw["entries"])
    _, texts = store.load_texts(path, VERSION)  # key, text, key, text, ...
    it = iter(texts)
    return dict(zip(it, it, strict=True))


def _save_shard(name: str, path: Path, settings_key: str, shard: dict) -> None:
    if name == "files":
        store.dump(path, VERSION, {"key": settings_key,
                                   "entries": {k: encode_file(v) for k, v in shard.items()}})
        return
    texts: list[str] = []  # markdown (body, HTML) or cards (key, stamped HTML)
    for key, text in shard.items():
        texts += (key, text)
    store.dump_texts(path, VERSION, {}, texts)


def save_state(root: Path, state: BuildState, fingerprint: str) -> bool:
    """Store the state; a failure here only costs the next build its speed (False).

    Shards whose entries are unchanged since load_state() are not written again (unless a
    damaged one was refused on loading: it is then rewritten whole).
    """
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        if not (folder / ".gitignore").exists():
            (folder / ".gitignore").write_text("*\n")
        _remove_legacy(folder)
        store.remove_dead_temporaries(folder)
        for name in SHARDED:
            _save_field(folder, state, name)
        if state.exports is not None and state.exports.made is not None:
            _save_exports(folder, state.exports.made, state.exports.frames)
        if state.full_cards is not None:
            state.full_cards.save(whole=bool(state.notes))
        store.dump(folder / STATE_FILE, VERSION, {
            "settings_key": state.settings_key, "pages": state.pages, "layout": state.layout,
            "out": state.out,
            "manifest": {k: list(v) for k, v in state.manifest.items()}})
        store.dump(folder / FINGERPRINT_FILE, VERSION, fingerprint)
    except (OSError, TypeError, ValueError):
        # TypeError/ValueError: a value JSON cannot hold (a bug, caught by the round-trip
        # tests); the next build is then a cold one, never a wrong one.
        clear_fingerprint(root)
        return False
    return True


def settled(root: Path, state: BuildState) -> BuildState:
    """`state` as load_state() would read it back from the folder save_state() has just
    written, without reading it: for a process that builds again (serve).

    The entries are the same objects, so the next build still tells an unchanged one by
    its identity, and each sharded field's `loaded` is what its shards on disk now hold
    (save_state() left them in `state.saved`), so only shards whose entries change are
    written again. Markdown shards never read stay unread.
    """
    warm = BuildState(settings_key=state.settings_key, pages=state.pages, layout=state.layout,
                      out=state.out, manifest=state.manifest)
    for name in SHARDED:
        entries, shards = state.saved[name]
        if name == "markdown":
            warm.markdown = _lazy_markdown(root / CACHE_DIR, warm, Decoder())
            warm.markdown.settle({n: shard for n, shard in enumerate(shards)
                                  if shard is not None})
            warm.loaded[name] = (warm.markdown.before, warm.markdown.shards)
            continue
        setattr(warm, name, dict(entries))
        warm.loaded[name] = (entries, shards)
    return warm


def _save_field(folder: Path, state: BuildState, name: str) -> None:
    entries = getattr(state, name)
    if isinstance(entries, LazyShards) and state.notes:
        entries.load_all()  # written whole: the shards not read yet must be in it
    loaded = state.loaded.get(name) if not state.notes else None
    changed = _changed_shards(entries, loaded)
    for n, shard in changed.items():
        path = folder / _shard_name(name, n)
        if shard:
            _save_shard(name, path, state.settings_key, shard)
        else:  # a missing shard is an empty one: a small site writes fewer files
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    # What the folder holds now (an unread Markdown shard stays None: it did not change).
    shards = list(loaded[1]) if loaded is not None else [None] * SHARDS
    for n, shard in changed.items():
        shards[n] = shard
    if not isinstance(entries, LazyShards):
        shards = [shard or {} for shard in shards]
    state.saved[name] = (dict(entries), shards)


def _remove_legacy(folder: Path) -> None:
    # Caches of older versions held pickles and compiled templates: code, not data. They
    # are never read, and removing them keeps "no pickle in the cache" true on disk too.
    for entry in os.scandir(folder):
        if entry.name.endswith(_LEGACY[0]) or entry.name.startswith(_OLD_PIECES):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
        elif entry.name == _LEGACY[1] and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)


def _changed_shards(entries: dict, loaded: tuple[dict, list[dict | None]] | None
                    ) -> dict[int, dict]:
    """The shards of `entries` that differ from the ones loaded, by shard number (a shard
    not loaded, None in `loaded`, holds no entry of `entries`: LazyShards)."""
    if loaded is None:
        shards: dict[int, dict] = {n: {} for n in range(SHARDS)}
        for key, value in entries.items():
            shards[_shard_of(key)][key] = value
        return shards
    before, old = loaded
    changed: dict[int, dict] = {}
    # An unchanged entry is the very object that was loaded: compare identities, not values,
    # and in C (map, compress): a loop over ten thousand entries of each field cost more
    # than writing the shards that changed.
    added = 0
    for key in compress(entries, map(is_not, map(before.get, entries), entries.values())):
        n = _shard_of(key)
        changed.setdefault(n, dict(old[n] or {}))[key] = entries[key]
        added += key not in before
    if len(entries) - added == len(before):  # every loaded key is still there
        return changed
    for key in before.keys() - entries.keys():
        n = _shard_of(key)
        changed.setdefault(n, dict(old[n] or {})).pop(key, None)
    return changed


def _shard_name(name: str, n: int) -> str:
    return f"{name}-{n:02d}.{'json' if name == 'files' else 'texts'}"


def _shard_of(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % SHARDS


def clear_fingerprint(root: Path) -> None:
    """Forget the last fingerprint (after a failed build nothing may be skipped)."""
    with contextlib.suppress(OSError):
        (root / CACHE_DIR / FINGERPRINT_FILE).unlink()


def stored_fingerprint(root: Path) -> str:
    """The fingerprint the last successful build left ("" when none, or not readable)."""
    try:
        found = store.load(root / CACHE_DIR / FINGERPRINT_FILE, VERSION)
    except (OSError, store.CacheRefused):
        return ""
    return found if isinstance(found, str) else ""


def reuse_unchanged_bytes(root: Path, state: BuildState, stats: dict[str, Stat]) -> None:
    """Keep the parsed files whose stat changed but not their bytes (a copy, a checkout or a
    restored cache gives every file a new ctime); their cache entries get the new stat.

    Only files whose size and mtime still match are read: a changed mtime means an edit.
    """
    prefix = os.path.join(root, "content", "events", "")
    cut = len("content/events/")
    same = []
    for shown, entry in state.files.items():
        now = stats.get(prefix + shown[cut:])
        if now is None or now == entry.stat or now[:2] != entry.stat[:2] or not entry.digest:
            continue
        try:
            with open(prefix + shown[cut:], "rb") as fh:
                raw = fh.read()
        except OSError:
            continue
        # The loader's digest of a file (yamldoc.read_yaml): if that ever changes, the two
        # differ and the file is parsed again, which is slower but never wrong.
        if digest(shown, raw) == entry.digest:
            same.append((shown, ParsedFile(now, entry.event, entry.problems, entry.digest)))
    state.files.update(same)


def input_fingerprint(stats: dict[str, Stat], options: object) -> str:
    """A digest of every input's path and stat (from input_stats()) and the options."""
    lines = [f"{VERSION}|{options!r}"]  # a new cache format means a full build
    # Each stat's fields formatted one by one: str() of ten thousand tuples cost 0.02 s.
    lines += [f"{path}|{size}|{mtime}|{ctime}" for path, (size, mtime, ctime) in stats.items()]
    return hashlib.blake2b("\n".join(lines).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
