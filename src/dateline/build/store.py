"""The cache's file format: JSON data behind a one-line header with a version and a checksum.

    dateline-cache <version> <payload length> <crc32 of the payload>\\n<JSON payload>

Nothing in a cache file can run code: it is parsed with the json module, and the caller turns
the plain lists and dicts into its own objects. A file that is missing, from another version,
truncated, damaged or not JSON is refused with a reason (CacheRefused); the caller then builds
without it. The checksum guards against damage (bit flips, truncation, a half-copied folder),
not against someone who can write the folder: see docs/reliability.md.

Only the standard library is used, and this module imports nothing of dateline.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from pathlib import Path

MAGIC = b"dateline-cache"
_MAX_HEADER = 200


class CacheRefused(Exception):
    """A cache file that cannot be used; str() says why, in a few words."""


def dump(path: Path, version: str, payload: object) -> None:
    """Write `payload` as JSON under a header, atomically (a temporary file renamed over)."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"),
                      check_circular=False).encode("utf-8", "surrogatepass")
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
        return json.loads(bytes(body).decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise CacheRefused("not valid JSON") from None


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
