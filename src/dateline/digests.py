"""Stable short digests, for file contents, page keys and fingerprints (no I/O)."""

from __future__ import annotations

import hashlib


def digest(*parts: object) -> str:
    """A short stable digest of strings/bytes (never Python's per-process hash())."""
    h = hashlib.blake2b(digest_size=12)
    try:  # the common case, all text: page keys have hundreds of parts
        h.update("\x1f".join(parts).encode("utf-8", "surrogatepass"))  # type: ignore[arg-type]
        return h.hexdigest()
    except TypeError:
        pass
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
