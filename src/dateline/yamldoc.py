"""YAML files read with the line of every key, so that every problem names file:line.

Reads one file at a time and reports what is wrong as `Problem`s; validating the fields is
content.py's.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml

from dateline.digests import digest
from dateline.model import Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~8x faster


class Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe YAML loading where an impossible unquoted date stays text for a clear message."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> object:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2022-02-30: let the date model say "no such day"
            return self.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)

MAX_FILE_BYTES = 1 << 20  # an event file is a few hundred bytes; refuse what cannot be one
# Opening a FIFO for reading blocks until a writer comes; O_NONBLOCK makes open() return
# at once, and fstat then says what it is. (Windows has no FIFOs and no O_NONBLOCK.)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)


class Refused(Exception):
    """A file that is not read: outside the site folder, not a regular file, or too big."""


def read_regular(path: Path, limit: int, within: Path | None = None) -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes; else Refused saying why.

    A symlink (anywhere on the way) to a file outside `within` is refused before anything
    is opened, so a link to /etc/shadow can neither be read nor echoed in a message; a
    FIFO, a device or a folder is refused after one non-blocking open and fstat, so a
    link to /dev/zero or a pipe can neither exhaust memory nor hang; the size is checked
    before reading, and the read itself stops one byte past `limit` in case the file grows.
    """
    if within is not None and not is_inside(path, within):
        raise Refused("is a link to a file outside the site folder; refusing to read it "
                      "(copy the file into the site instead)")
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(f"is {_kind_of(info.st_mode)}, not a regular file; refusing to read it")
        if info.st_size > limit:
            raise Refused(f"file is {info.st_size:,} bytes; refusing files over {limit:,}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise Refused(f"file grew past {limit:,} bytes while being read; refusing it")
    return b"".join(chunks)


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path`, with every symlink resolved, is in `folder` (resolved too)."""
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


class Doc:
    """A parsed YAML mapping with the line of each key, for located messages."""

    def __init__(self, path: str, node: yaml.MappingNode, data: dict, problems: list[Problem]):
        self.path, self.data, self.problems = path, data, problems
        self.lines: dict[str, int] = {}
        self.blocks: dict[str, int] = {}  # key -> the file line of its literal block's first line
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            line = key_node.start_mark.line + 1
            if key_node.value in self.lines:  # YAML keeps the last silently; a hand edit gone wrong
                problems.append(Problem(path, line, key_node.value,
                                        f"given twice (also on line {self.lines[key_node.value]}); "
                                        "keep one"))
            self.lines[key_node.value] = line
            if isinstance(value_node, yaml.ScalarNode) and value_node.style == "|":
                # A literal block's text starts on the line after its '|', line for line.
                self.blocks[key_node.value] = value_node.start_mark.line + 2
            if isinstance(value_node, yaml.MappingNode):  # source.url, media.alt, ...
                for sub_key, _ in value_node.value:
                    if isinstance(sub_key, yaml.ScalarNode):
                        self.lines[f"{key_node.value}.{sub_key.value}"] = sub_key.start_mark.line + 1
        self.top = node.start_mark.line + 1
        self.digest = ""

    def error(self, key: str | None, message: str, severity: str = "error") -> None:
        line = self.top
        if key:
            top_key = key.split(".")[0].split("[")[0]
            line = self.lines.get(key) or self.lines.get(top_key, self.top)
        self.problems.append(Problem(self.path, line, key, message, severity))

    def error_at(self, key: str, offset: int, message: str, severity: str = "error") -> None:
        """A problem on line `offset` (from 0) of the text of `key`: that file line when the
        text is a literal block (`key: |`), whose lines are the file's; else the key's line."""
        start = self.blocks.get(key)
        if start is None:
            self.error(key, message, severity)
        else:
            self.problems.append(Problem(self.path, start + offset, key, message, severity))


def read_yaml(path: Path, shown: str, problems: list[Problem],
              within: Path | None = None) -> Doc | None:
    """Read one YAML file holding a single mapping; report why not otherwise.

    Only a regular file of at most MAX_FILE_BYTES is read, and with `within` (the site
    folder) only one that is inside it once symlinks are resolved (see read_regular).
    """
    try:
        raw = read_regular(path, MAX_FILE_BYTES, within)
    except Refused as exc:
        problems.append(Problem(shown, None, None, str(exc)))
        return None
    except OSError as exc:
        problems.append(Problem(shown, None, None, f"cannot read file: {exc.strerror}"))
        return None
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from Windows editors is harmless
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(shown, line, None,
                                f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"))
        return None
    if not text.strip():
        problems.append(Problem(shown, 1, None, "file is empty; expected a mapping such as "
                                "'date: 2022-02' and 'title: ...'"))
        return None
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None and not isinstance(node, yaml.MappingNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
            problems.append(Problem(shown, node.start_mark.line + 1, None,
                                    f"expected a mapping of fields (key: value), found {kind}"))
            return None
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        what = exc.problem or "invalid YAML"
        if exc.context and exc.context_mark and exc.context_mark.line != getattr(mark, "line", None):
            what += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        if "expected a single document" in str(exc):
            what = "several YAML documents in one file ('---'); put one event per file"
        elif mark and _char_at(text, mark.line, mark.column) == "\t":
            what = "a tab character; YAML indents with spaces only"
        problems.append(Problem(shown, line, None, f"YAML syntax error: {what}", column=col))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(shown, None, None, f"YAML error: {exc}"))
        return None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, None, "file holds no fields"))
        return None
    doc = Doc(shown, node, data, problems)
    doc.digest = digest(shown, raw)
    return doc


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column : column + 1] if line < len(lines) else ""
