"""The cache's file format: JSON data behind a one-line header with a version and a checksum.

    dateline-cache <version> <payload length> <crc32 of the payload>\\n<JSON payload>

Text-heavy files (rendered HTML, export pieces) hold a JSON head and then their strings
end to end, their lengths in the head (dump_texts/load_texts): as JSON they would be mostly
escaped quotes, and parsing them took most of a one-edit rebuild's cache load.

Nothing in a cache file can run code: it is parsed with the json module, and the caller turns
the plain lists and dicts into its own objects. A file that is missing, from another version,
truncated, damaged or not JSON is refused with a reason (CacheRefused); the caller then builds
without it. The checksum guards against damage (bit flips, truncation, a half-copied folder),
not against someone who can write the folder: see docs/reliability.md.

Only the standard library is used, and this module imports nothing of dateline.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import zlib
from pathlib import Path

MAGIC = b"dateline-cache"
_MAX_HEADER = 200
_SEP = "\x00"


class CacheRefused(Exception):
    """A cache file that cannot be used; str() says why, in a few words."""


def dump(path: Path, version: str, payload: object) -> None:
    """Write `payload` as JSON under a header, atomically (a temporary file renamed over)."""
    _write(path, version, _json(payload).encode("utf-8", "surrogatepass"))


def dump_texts(path: Path, version: str, head: object, texts: list[str]) -> None:
    """Write a JSON `head` and a list of strings (see the module docstring), atomically.

    The strings are joined by NUL, which str.split() undoes fastest; when one holds a NUL
    itself, their lengths are stored instead.
    """
    joined = _SEP.join(texts)
    split = joined.count(_SEP) == max(len(texts) - 1, 0)
    meta = {"head": head, "count": len(texts)} if split else {
        "head": head, "lengths": [len(t) for t in texts]}
    _write(path, version, "\n".join((_json(meta), joined if split else "".join(texts)))
           .encode("utf-8", "surrogatepass"))


def _json(payload: object) -> str:
    # ensure_ascii=False keeps text short; a newline inside a string is still escaped, so
    # the JSON is one line (dump_texts relies on that).
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _write(path: Path, version: str, body: bytes) -> None:
    head = b"%s %s %d %08x\n" % (MAGIC, version.encode("ascii"), len(body), zlib.crc32(body))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(head)
            fh.write(body)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def load(path: Path, version: str) -> object:
    """The payload of a cache file written by dump() with this `version`; CacheRefused if not.

    Raises FileNotFoundError when there is no such file (which is not damage).
    """
    try:
        return json.loads(_checked(path, version))
    except (ValueError, RecursionError):
        raise CacheRefused("not valid JSON") from None


def load_texts(path: Path, version: str) -> tuple[object, list[str]]:
    """The head and strings of a file written by dump_texts(); CacheRefused if not."""
    text = _checked(path, version)
    end = text.find("\n")
    try:
        meta = json.loads(text[:end] if end >= 0 else "")
        if "count" in meta:
            texts = text[end + 1:].split(_SEP) if meta["count"] else []
            if len(texts) != meta["count"]:
                raise ValueError("a count of another table")
        else:
            offsets = list(itertools.accumulate(meta["lengths"], initial=end + 1))
            if offsets[-1] != len(text) or any(b < a for a, b in zip(offsets, offsets[1:], strict=False)):
                raise ValueError("lengths of another table")
            texts = [text[a:b] for a, b in zip(offsets, offsets[1:], strict=False)]
    except (ValueError, RecursionError, TypeError, KeyError):
        raise CacheRefused("not a table of texts") from None
    return meta["head"], texts


def _checked(path: Path, version: str) -> str:
    """The text of a cache file whose header names `version` and whose checksum holds."""
    with open(path, "rb") as fh:
        data = fh.read()
    end = data.find(b"\n", 0, _MAX_HEADER)
    if end < 0:
        raise CacheRefused("no header")
    parts = data[:end].split(b" ")
    if len(parts) != 4 or parts[0] != MAGIC:
        raise CacheRefused("not a cache file")
    if parts[1] != version.encode("ascii", "replace"):
        raise CacheRefused("from another version")
    body = memoryview(data)[end + 1:]
    try:
        length, crc = int(parts[2]), int(parts[3], 16)
    except ValueError:
        raise CacheRefused("damaged header") from None
    if len(body) != length:
        raise CacheRefused("truncated" if len(body) < length else "longer than written")
    if zlib.crc32(body) != crc:
        raise CacheRefused("checksum mismatch")
    try:
        return bytes(body).decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise CacheRefused("not UTF-8") from None


def remove_dead_temporaries(folder: Path) -> None:
    """Delete the temporary files of dump() left by processes that no longer exist."""
    try:
        names = [e.name for e in os.scandir(folder) if e.name.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid = name.rsplit(".", 2)[-2]
        if pid.isdigit() and not pid_alive(int(pid)):
            with contextlib.suppress(OSError):
                (folder / name).unlink()


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists (on this machine, in this PID namespace)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but belongs to someone else
    return True
