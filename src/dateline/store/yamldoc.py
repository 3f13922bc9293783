"""YAML files read with the line of every key, so that every problem names file:line.

Reads one file at a time and reports what is wrong as `Problem`s; validating the fields is
content.py's.
"""

from __future__ import annotations

import os
import re
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


def read_regular(path: Path, limit: int, within: Path | tuple[Path, ...] | None = None) -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes; else Refused saying why.

    A symlink to a file outside every folder of `within` is refused before anything is
    opened, so a link to /etc/shadow can neither be read nor echoed in a message; a
    FIFO, a device or a folder is refused after one non-blocking open and fstat, so a
    link to /dev/zero or a pipe can neither exhaust memory nor hang; the size is checked
    before reading, and the read itself stops one byte past `limit` in case the file grows.
    """
    folders = (within,) if isinstance(within, Path) else within or ()
    # A file that is no link is inside its own folder: one lstat instead of two realpaths
    # (a dozen lstats) for each of 10,000 event files.
    plain = path.parent in folders and not os.path.islink(path)
    if folders and not plain and not any(is_inside(path, folder) for folder in folders):
        raise Refused("is a link to a file outside the site folder; refusing to read it "
                      "(copy the file into the site instead)")
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(f"is {_kind_of(info.st_mode)}, not a regular file; refusing to read it")
        if info.st_size > limit:
            raise Refused(f"file is {info.st_size:,} bytes; refusing files over {limit:,}")
        # O_NONBLOCK does nothing to a regular file's reads, and a read of a regular file
        # comes back short only at its end: asking for one byte more than its size reads it
        # in one call and shows whether it has grown since the fstat.
        chunks, size, want = [], 0, info.st_size + 1
        while size <= limit:
            chunk = os.read(fd, min(want, limit + 1 - size))
            chunks.append(chunk)
            size += len(chunk)
            if len(chunk) < want:
                break
            want = 1 << 20
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
              within: Path | tuple[Path, ...] | None = None) -> Doc | None:
    """Read one YAML file holding a single mapping; report why not otherwise.

    Only a regular file of at most MAX_FILE_BYTES is read, and with `within` (folders)
    only one that is inside one of them once symlinks are resolved (see read_regular).
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
        elif mark:
            plain = explain_indentation(text, mark.line, exc.problem or "")
            if plain is not None:
                problems.append(Problem(shown, plain[0] + 1, None, plain[1]))
                return None
        problems.append(Problem(shown, line, None, f"YAML syntax error: {what}", column=col))
        return None
    except yaml.reader.ReaderError as exc:  # a raw NUL or other character YAML refuses
        # libyaml gives the character as a number, PyYAML's own reader as a string.
        line = text[: exc.position].count("\n") + 1
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        problems.append(Problem(shown, line, None, f"a control character (U+{code:04X}) that "
                                "YAML does not allow in a file; remove it"))
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
    _drop_controls(doc, text)
    return doc


# Characters no page should carry, which YAML's escapes ("\x07", "\u0001", "\e") still
# produce: C0 controls but tab and line breaks, DEL, C1 controls, non-characters and lone
# surrogates (which cannot even be written as UTF-8).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def _drop_controls(doc: Doc, text: str) -> None:
    """Remove control characters from every text of `doc`, with a warning at each key."""
    if "\\" not in text and "\x85" not in text:
        return  # only an escape (or a raw NEL) makes one: YAML refuses the rest as they are
    seen: set[int] = set()  # lists and mappings once each: aliases share them
    for key, value in list(doc.data.items()):
        found: set[str] = set()
        doc.data[key] = _cleaned(value, found, seen)
        if found:
            codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(found))
            doc.error(str(key), f"control character(s) {codes} removed (from an escape such as "
                      "\"\\x07\"); they have no place in a page", severity="warning")


def _cleaned(value: object, found: set[str], seen: set[int]) -> object:
    if isinstance(value, str):
        if value.isprintable() or not _CONTROLS.search(value):
            return value
        found.update(_CONTROLS.findall(value))
        return _CONTROLS.sub("", value)
    if isinstance(value, (list, dict)) and id(value) not in seen:
        seen.add(id(value))
        for k in range(len(value)) if isinstance(value, list) else list(value):
            value[k] = _cleaned(value[k], found, seen)  # in place, so shared parts stay shared
    return value


def explain_indentation(text: str, line: int, problem: str) -> tuple[int, str] | None:
    """(line from 0, a plain message) when the YAML error at `line` is an indentation
    mistake (or a ': ' in a plain value), pointing at the line that is wrong; else None.

    The parser reports where it gave up, in its own words ("did not find expected key",
    "mapping values are not allowed here"), which is sometimes the line after the mistake.
    """
    lines = text.split("\n")
    content = [i for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    if not content or line >= len(lines):
        return None
    first = content[0]
    if _indent(lines[first]) > 0 and any(_indent(lines[i]) < _indent(lines[first])
                                         for i in content[1:]):
        return first, (f"YAML indentation: this first line is indented {_spaces(_indent(lines[first]))}; the "
                       "top-level keys of a file start at the left margin")
    earlier = [i for i in content if i < line]
    if not earlier or not lines[line].strip():
        return None
    here, above = _indent(lines[line]), _indent(lines[earlier[-1]])
    parent = next((i for i in reversed(earlier) if _indent(lines[i]) < here), None)
    if "mapping values are not allowed" in problem and here > above \
            and _has_value(lines[earlier[-1]]):
        key = lines[earlier[-1]].split(":", 1)[0].strip()
        return line, (f"YAML indentation: this line is indented more than the line above, but '{key}' there "
                      f"has a value already; indent it like '{key}' (or quote a value that "
                      "holds ': ')")
    if "mapping values are not allowed" in problem and _has_value(lines[line]):
        return line, ("YAML syntax error: a ': ' inside an unquoted value; put the value in quotes, "
                      "e.g. title: \"Talks: day two\"")
    if problem.startswith(("did not find expected", "expected <block end>")) and here < above \
            and parent is not None and parent != earlier[-1]:
        shown = lines[parent].strip()[:40]
        return line, (f"YAML indentation: this line is indented {_spaces(here)}, which lines it "
                      f"up with nothing above: the line above is indented {_spaces(above)} and "
                      f"line {parent + 1} ('{shown}') {_spaces(_indent(lines[parent]))}; indent "
                      "it like one of them")
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(n: int) -> str:
    return f"{n} space{'s' if n != 1 else ''}"


def _has_value(line: str) -> bool:
    """True for 'key: value' (a plain key with something after the colon)."""
    key, colon, rest = line.strip().partition(": ")
    return bool(colon) and bool(rest.strip()) and not key.startswith(("-", "'", '"', "[", "{")) \
        and not rest.strip().startswith(("|", ">", "&", "#"))


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column : column + 1] if line < len(lines) else ""
