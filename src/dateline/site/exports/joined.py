"""The four big exports as a build joined them, kept for the next build (pure: no I/O).

events.ics, timeline.json, events.csv and events.json are each a frame around one piece per
event, in timeline order. `Joined` holds, for one build, each event's piece key (what the
piece shows) and the length of each of its four pieces, and the four bodies: the pieces
end to end, as they are in the files. A rebuild whose site layout is the same (the same
events in the same order, with the same terms: render.plan_build) finds event i at
position i, so it formats again only the events whose file changed and splices their
pieces into the bodies, instead of looking up ten thousand keys and joining forty
thousand pieces. Any other rebuild looks the pieces up by key (`lookup`).
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Callable
from dataclasses import dataclass

# The export files made of one piece per event, in the order of an event's pieces (VEVENT,
# TimelineJS slide, CSV row, search row), and the separator between two pieces in each.
FILES = ("events.ics", "timeline.json", "events.csv", "events.json")
SEPARATORS = (b"", b",", b"", b",")
# Stands for a body when a file's frame (what comes before and after its pieces) is found.
MARK = b"\x00dateline:pieces\x00"

Pieces = tuple[bytes, ...]  # one event's four pieces
Frames = tuple[tuple[bytes, bytes], ...]  # per body, the bytes of its file before and after it
_NO_FRAMES: Frames = tuple((b"", b"") for _ in SEPARATORS)


@dataclass(frozen=True)
class Joined:
    """Each event's piece key and piece lengths, and the four bodies, of one build.

    A body is bytes or a memoryview (of the file it was cut from, or of the framed file
    `files` holds): twenty megabytes are joined once, into the file, never copied again.
    """

    layout: str  # the layout key of the build that made it (render.plan_build)
    keys: list[str]  # each event's piece key, in timeline order
    lengths: tuple[list[int], ...]  # per body, each event's piece length
    bodies: tuple[bytes | memoryview, ...]
    # Each body inside its frame (the whole export file), when made with frames.
    files: tuple[bytes, ...] = ()

    @classmethod
    def of(cls, layout: str, keys: list[str], pieces: list[Pieces],
           frames: Frames = _NO_FRAMES) -> Joined:
        """The bodies and lengths of `pieces` (one tuple of four per event, in order),
        each body joined inside its frame."""
        columns = tuple(zip(*pieces, strict=True)) if pieces else tuple(() for _ in SEPARATORS)
        files = []
        for sep, column, (before, after) in zip(SEPARATORS, columns, frames, strict=True):
            parts = [before]
            for piece in column:
                parts += (piece, sep)
            if column:
                parts.pop()
            parts.append(after)
            files.append(b"".join(parts))
        return cls._framed(layout, keys, tuple([len(p) for p in column] for column in columns),
                           files, frames)

    @classmethod
    def _framed(cls, layout: str, keys: list[str], lengths: tuple[list[int], ...],
                files: list[bytes], frames: Frames) -> Joined:
        bodies = tuple(memoryview(f)[len(before):len(f) - len(after)]
                       for f, (before, after) in zip(files, frames, strict=True))
        return cls(layout, keys, lengths, bodies, tuple(files))

    def whole(self) -> bool:
        """Whether the lengths add up to the bodies (a cache of another shape does not)."""
        n = len(self.keys)
        if not len(self.lengths) == len(self.bodies) == len(SEPARATORS):
            return False
        for lengths, body, sep in zip(self.lengths, self.bodies, SEPARATORS, strict=True):
            try:
                counts = array("q", lengths)  # whole numbers only, and fast to check
            except (TypeError, OverflowError):
                return False
            if (len(counts) != n or (n and min(counts) < 0)
                    or len(body) != sum(counts) + len(sep) * max(n - 1, 0)):
                return False
        return True

    def _starts(self) -> list[list[int]]:
        return [list(itertools.accumulate((x + len(sep) for x in lengths[:-1]), initial=0))
                for lengths, sep in zip(self.lengths, SEPARATORS, strict=True)]

    def lookup(self) -> dict[str, Pieces]:
        """Each key's pieces, as bytes cut from the bodies."""
        starts = self._starts()
        return {key: tuple(body[s[i]:s[i] + lengths[i]] for body, s, lengths
                           in zip(self.bodies, starts, self.lengths, strict=True))
                for i, key in enumerate(self.keys)}

    def replaced(self, layout: str, changes: dict[int, tuple[str, Pieces]],
                 frames: Frames = _NO_FRAMES) -> Joined:
        """These pieces with event i's key and pieces replaced, for each i in `changes`,
        each body joined inside its frame."""
        keys = list(self.keys)
        lengths = tuple(list(x) for x in self.lengths)
        files = []
        for col, (body, starts) in enumerate(zip(self.bodies, self._starts(), strict=True)):
            view = memoryview(body)  # slices of it are not copies
            before, after = frames[col]
            parts, at = [before], 0
            for i in sorted(changes):
                piece = changes[i][1][col]
                parts += (view[at:starts[i]], piece)
                at = starts[i] + lengths[col][i]
                lengths[col][i] = len(piece)
            parts += (view[at:], after)
            files.append(b"".join(parts))
        for i, (key, _) in changes.items():
            keys[i] = key
        return Joined._framed(layout, keys, lengths, files, frames)


def join_pieces(previous: Joined | None, layout: str, count: int, key: Callable[[int], str],
                make: Callable[[int], Pieces], same: Callable[[int, str], bool],
                frames: Frames = _NO_FRAMES) -> Joined:
    """The pieces of this build's `count` events, reusing `previous` where it holds them,
    each body joined inside its file's frame (Joined.files).

    key(i) is event i's piece key and make(i) its pieces. When the layout is
    `previous.layout`, event i's stored piece is reused wherever same(i, its stored key)
    says it shows the same (its file is unchanged), so no other key is computed.
    """
    if (previous is not None and layout and previous.layout == layout
            and len(previous.keys) == count):
        changes = {i: (key(i), make(i)) for i in range(count) if not same(i, previous.keys[i])}
        return previous.replaced(layout, changes, frames)
    found = previous.lookup() if previous is not None else {}
    keys, pieces = [], []
    for i in range(count):
        k = key(i)
        got = found.get(k)
        keys.append(k)
        pieces.append(make(i) if got is None else got)
    return Joined.of(layout, keys, pieces, frames)


class ExportMemo:
    """What render_exports() may reuse from the previous build, and what it leaves for the
    next: the previous build's Joined, read on first use (`load`, which checks it is
    whole()), this build's (`made`) and each file's frame (`frames`: the bytes before and
    after its body, by file name)."""

    def __init__(self, load: Callable[[], Joined | None] | None = None) -> None:
        self._load = load
        self.made: Joined | None = None
        self.frames: dict[str, tuple[bytes, bytes]] = {}

    def previous(self) -> Joined | None:
        """The previous build's pieces, or None."""
        if self._load is None:
            return None
        load, self._load = self._load, None
        self._previous = load()
        return self._previous

    _previous: Joined | None = None
