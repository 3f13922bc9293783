"""Compiled templates kept between builds: in this process, and in the user's own cache folder.

Compiling the templates costs about 0.2 s, more than rendering a one-event rebuild, so they
are kept. Compiled templates are code, so they are never stored in a site's .dateline-cache/
(which CI restores from a shared cache and which a pull request could plant): they go to
$XDG_CACHE_HOME/dateline/templates (~/.cache/...), a folder only this user can write, like
Python's own __pycache__ or Jinja's default bytecode folder. A folder that is not the user's
own, or is writable by others, is not used. Jinja checks every entry against its template's
source, so an edited template is compiled again.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import jinja2
import jinja2.bccache

_KEEP = 2000  # entries in the user's folder; every test site or checkout adds its own
_memory: dict[str, bytes] = {}  # serve rebuilds in one process: no disk at all


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache with an in-process layer, where failing to store is not an error."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = _memory.get(bucket.key)
        if kept is not None:
            bucket.bytecode_from_string(kept)
            return
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _memory[bucket.key] = bucket.bytecode_to_string()
        with contextlib.suppress(OSError):  # only the next build's speed is lost
            super().dump_bytecode(bucket)
            _prune(Path(self.directory))


def user_folder() -> Path:
    """Where this user's compiled templates live."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dateline" / "templates"


def template_cache() -> jinja2.BytecodeCache:
    """The compiled-template cache for a build: the user's folder if it is safe, else memory."""
    folder = user_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = folder.stat()
        safe = (not hasattr(os, "getuid") or st.st_uid == os.getuid()) and not (
            st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))
    except OSError:
        safe = False
    if not safe:
        return _MemoryOnly()
    return _TemplateCache(str(folder))


class _MemoryOnly(jinja2.BytecodeCache):
    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = _memory.get(bucket.key)
        if kept is not None:
            bucket.bytecode_from_string(kept)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _memory[bucket.key] = bucket.bytecode_to_string()


def _prune(folder: Path) -> None:
    # Only when a template was compiled, which is rare: drop the oldest half past _KEEP.
    entries = [e for e in os.scandir(folder) if e.name.endswith(".cache")]
    if len(entries) <= _KEEP:
        return
    entries.sort(key=lambda e: e.stat().st_mtime)
    for entry in entries[: len(entries) - _KEEP // 2]:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
