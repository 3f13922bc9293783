"""The cache's file format: JSON data behind a one-line header with a version and a checksum.

    dateline-cache <version> <payload length> <crc32 of the payload>\\n<JSON payload>

Text-heavy files (rendered HTML, export pieces) hold a JSON head and then their strings
end to end, their lengths in the head (dump_blobs/load_blobs for bytes, dump_texts/load_texts
for text): as JSON they would be mostly escaped quotes, and parsing them took most of a
one-edit rebuild's cache load. Export pieces stay bytes from the file to the export: decoding
and splitting 20 MB as text (wide characters, once one is not ASCII) cost twice as much.

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
_SEP = b"\x00"


class CacheRefused(Exception):
    """A cache file that cannot be used; str() says why, in a few words."""


def dump(path: Path, version: str, payload: object) -> None:
    """Write `payload` as JSON under a header, atomically (a temporary file renamed over)."""
    _write(path, version, _json(payload).encode("utf-8", "surrogatepass"))


def dump_blobs(path: Path, version: str, head: object, blobs: list[bytes]) -> None:
    """Write a JSON `head` and a list of byte strings (see the module docstring), atomically.

    The blobs are joined by NUL, which bytes.split() undoes fastest; when one holds a NUL
    itself, their lengths are stored instead.
    """
    joined = _SEP.join(blobs)
    split = joined.count(_SEP) == max(len(blobs) - 1, 0)
    meta = {"head": head, "count": len(blobs)} if split else {
        "head": head, "lengths": [len(b) for b in blobs]}
    _write(path, version, _json(meta).encode("utf-8", "surrogatepass") + b"\n"
           + (joined if split else b"".join(blobs)))


def dump_texts(path: Path, version: str, head: object, texts: list[str]) -> None:
    """dump_blobs() for strings, stored as UTF-8."""
    dump_blobs(path, version, head, [t.encode("utf-8", "surrogatepass") for t in texts])


def _json(payload: object) -> str:
    # ensure_ascii=False keeps text short; a newline inside a string is still escaped, so
    # the JSON is one line (dump_blobs relies on that).
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
    data, start = _checked(path, version)
    try:
        # Decoded as dump() encoded it, straight from the file's bytes (no copy of them first).
        return json.loads(str(memoryview(data)[start:], "utf-8", "surrogatepass"))
    except (ValueError, RecursionError):  # UnicodeDecodeError included
        raise CacheRefused("not valid JSON") from None


def load_blobs(path: Path, version: str) -> tuple[object, list[bytes]]:
    """The head and byte strings of a file written by dump_blobs(); CacheRefused if not."""
    data, start = _checked(path, version)
    end = data.find(b"\n", start)
    try:
        meta = json.loads(data[start:end] if end >= 0 else b"")
        if "count" in meta:
            # Split in place, the header and head cut off the first string only: these
            # files hold megabytes, and the JSON of the head holds no NUL (json escapes it).
            blobs = data.split(_SEP) if meta["count"] else []
            if blobs:
                blobs[0] = blobs[0][end + 1:]
            if len(blobs) != meta["count"]:
                raise ValueError("a count of another table")
        else:
            offsets = list(itertools.accumulate(meta["lengths"], initial=end + 1))
            if offsets[-1] != len(data) or any(b < a for a, b in zip(offsets, offsets[1:], strict=False)):
                raise ValueError("lengths of another table")
            blobs = [data[a:b] for a, b in zip(offsets, offsets[1:], strict=False)]
    except (ValueError, RecursionError, TypeError, KeyError):
        raise CacheRefused("not a table of texts") from None
    return meta["head"], blobs


def load_texts(path: Path, version: str) -> tuple[object, list[str]]:
    """load_blobs() for a file written by dump_texts()."""
    head, blobs = load_blobs(path, version)
    try:
        return head, [b.decode("utf-8", "surrogatepass") for b in blobs]
    except UnicodeDecodeError:
        raise CacheRefused("not UTF-8") from None


def _checked(path: Path, version: str) -> tuple[bytes, int]:
    """A cache file whose header names `version` and whose checksum holds, and where in it
    the payload starts (it is not copied out)."""
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
    return data, end + 1


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
