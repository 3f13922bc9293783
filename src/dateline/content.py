"""Load a site's content/: which event files there are, which earlier parses still hold,
the files parsed (on every core for a large site) and checked together (unique ids).

Each document is read by `dateline.store.reader` (fields to the model, every problem with its
file and line), so that `check` and `build` can print all problems at once.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from dateline.digests import digest
from dateline.model import (
    Content,
    Event,
    Problem,
)
from dateline.store.reader import (  # noqa: F401  (re-exported: content.parse_event, the key lists)
    EVENT_KEYS,
    MEDIA_KEYS,
    SOURCE_KEYS,
    TIMELINE_KEYS,
    load_timeline,
    parse_event,
)
from dateline.store.yamldoc import (  # noqa: F401  (Doc re-exported)
    MAX_FILE_BYTES,
    Doc,
    Refused,
    read_regular,
    read_yaml,
)


def event_files(root: Path) -> list[Path]:
    """The event files of a site, in a stable order."""
    folder = root / "content" / "events"
    return [folder / name for name in _event_names(folder)]


def _event_names(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    # Sorted by name as text: comparing Path objects costs a tenth of a second at 10,000 files.
    return sorted(e.name for e in os.scandir(folder)
                  if e.name.endswith((".yaml", ".yml")) and not e.name.startswith("."))


@dataclass(frozen=True)
class ParsedFile:
    """One event file as parsed and validated: what a later load may reuse while its stat holds."""

    stat: tuple[int, int]  # (size, mtime_ns)
    event: Event | None
    problems: tuple[Problem, ...]
    digest: str


@dataclass(frozen=True)
class FileMemo:
    """Parsed event files by shown path, valid only under the timeline.yaml they were read with
    (phrase dates depend on its date_base)."""

    settings_key: str = ""
    files: dict[str, ParsedFile] = field(default_factory=dict)


@dataclass(frozen=True)
class Loaded:
    """What load_content() returns: the content, the memo for the next load, and timings."""

    content: Content
    memo: FileMemo
    validate_seconds: float


def load_site(root: Path) -> Content:
    """Load and validate all of a site's content; problems are returned, not raised."""
    return load_content(root).content


def load_content(root: Path, memo: FileMemo | None = None,
                 stats: dict[str, tuple[int, int]] | None = None, parallel: bool = True) -> Loaded:
    """Load and validate all of a site's content, reusing what `memo` holds.

    Files whose size and mtime are those in `memo` are taken from it instead of being parsed
    again; the memo for the next load comes back with the content (`memo` itself is not
    changed). `stats` are the files' (size, mtime_ns) by path when the caller has them
    already (cache.input_stats()); a file missing from them is asked about directly.
    `parallel=False` never forks (serve builds beside its server threads).
    """
    problems: list[Problem] = []
    timeline = load_timeline(root, problems)
    settings_key = _settings_key(root)
    cached = memo.files if memo is not None and memo.settings_key == settings_key else {}
    folder = root / "content" / "events"
    names = _event_names(folder)
    fresh, todo = _reusable(folder, names, cached, stats or {})
    parsed, validating = _parse_files(folder, todo, timeline.date_base, parallel)
    fresh.update(parsed)
    started = time.perf_counter()
    events = _unique_events(folder, names, fresh, problems)
    events.sort(key=Event.sort_key)
    # Files in name order, each file's problems top to bottom, whatever order they were found.
    order = {path: i for i, path in enumerate(dict.fromkeys(p.path for p in problems))}
    problems.sort(key=lambda p: (order[p.path], p.line or 0))
    validating += time.perf_counter() - started
    return Loaded(Content(timeline, events, problems), FileMemo(settings_key, fresh), validating)


def _reusable(folder: Path, names: list[str], cached: dict[str, ParsedFile],
              stats: dict[str, tuple[int, int]]
              ) -> tuple[dict[str, ParsedFile], list[tuple[str, tuple[int, int]]]]:
    """(the files `cached` still holds as they are, (name, stat) of those to parse)."""
    fresh: dict[str, ParsedFile] = {}
    todo: list[tuple[str, tuple[int, int]]] = []
    prefix = os.path.join(folder, "")  # joined by hand: os.path.join costs, ten thousand times
    for name in names:
        shown = f"content/events/{name}"
        stat = stats.get(prefix + name)
        if stat is None:
            try:
                st = os.stat(folder / name)
                stat = (st.st_size, st.st_mtime_ns)
            except OSError:
                stat = (-1, -1)
        entry = cached.get(shown)
        if entry is None or entry.stat != stat or stat[0] < 0:
            todo.append((name, stat))
        else:
            fresh[shown] = entry
    return fresh, todo


def _unique_events(folder: Path, names: list[str], files: dict[str, ParsedFile],
                   problems: list[Problem]) -> list[Event]:
    """The files' events in name order, each id once; their problems and duplicates go to `problems`."""
    events: list[Event] = []
    seen: dict[str, Event] = {}
    for name in names:
        shown = f"content/events/{name}"
        entry = files[shown]
        problems.extend(entry.problems)
        event = entry.event
        if event is None:
            continue
        other = seen.get(event.slug)
        if other is not None:
            path = folder / name
            id_line = _id_line(path) if event.id != path.stem else None
            problems.append(Problem(shown, id_line or 1, "id" if id_line else None,
                                    f"duplicate id {event.id!r}: {other.path} has it too "
                                    "(ids compare ignoring case)"))
            continue
        seen[event.slug] = event
        events.append(event)
    return events


PARALLEL_FROM = 2000  # files to parse; below this, starting a worker costs more than it saves


def _parse_files(folder: Path, todo: list[tuple[str, tuple[int, int]]],
                 base: dt.date | None, parallel: bool = True) -> tuple[dict[str, ParsedFile], float]:
    """Parse the files named in `todo` ((name, stat) pairs), by "content/events/NAME".

    Also returns the seconds spent validating. Many files (a first build of a large
    timeline) are split with one forked worker per further core: parsing YAML is most of a
    cold load. The shares run side by side, so the slowest one's validation is the stage's.
    """
    workers = min(os.cpu_count() or 1, 4)
    if not parallel or len(todo) < PARALLEL_FROM or workers < 2 or sys.platform != "linux":
        return _parse_share(folder, todo, base)
    import multiprocessing  # only a large first build uses it

    shares = [todo[i::workers] for i in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers - 1) as pool:
        pending = pool.starmap_async(_parse_share, [(folder, share, base) for share in shares[1:]])
        parsed, validating = _parse_share(folder, shares[0], base)  # this process takes a share too
        for part, seconds in pending.get():
            parsed.update(part)
            validating = max(validating, seconds)
    return parsed, validating


def _parse_share(folder: Path, todo: list[tuple[str, tuple[int, int]]],
                 base: dt.date | None) -> tuple[dict[str, ParsedFile], float]:
    # All files are read and parsed first, then validated, so the two can be timed apart.
    docs = []
    # A file may be a link within the site, or within content/events/ where that folder is
    # itself a link (the site owner's choice); never a link to a file anywhere else.
    within = (folder.parent.parent, folder)
    for name, stat in todo:
        shown = f"content/events/{name}"
        problems: list[Problem] = []
        docs.append((name, shown, stat, problems,
                     read_yaml(folder / name, shown, problems, within=within)))
    started = time.perf_counter()
    entries = {}
    for name, shown, stat, problems, doc in docs:
        event = parse_event(doc, name.rsplit(".", 1)[0], base) if doc is not None else None
        entries[shown] = ParsedFile(stat, event, tuple(problems), doc.digest if doc else "")
    return entries, time.perf_counter() - started


def _id_line(path: Path) -> int | None:
    # Only for the rare duplicate-id message: find the line that sets id.
    try:
        text = read_regular(path, MAX_FILE_BYTES).decode("utf-8-sig")
        for i, line in enumerate(text.splitlines(), 1):
            if line.startswith("id:"):
                return i
    except (OSError, UnicodeDecodeError, Refused):
        pass
    return None


def _settings_key(root: Path) -> str:
    try:  # the same checks as reading it: a FIFO or /dev/zero here must not hang or fill memory
        path = root / "content" / "timeline.yaml"
        return digest(read_regular(path, MAX_FILE_BYTES, (root, path.parent)))
    except (OSError, Refused):
        return ""
