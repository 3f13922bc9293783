"""YAML files read with the line of every key, so that every problem names file:line.

Reads one file at a time and reports what is wrong as `Problem`s; validating the fields is
content.py's.
"""

from __future__ import annotations

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


class Doc:
    """A parsed YAML mapping with the line of each key, for located messages."""

    def __init__(self, path: str, node: yaml.MappingNode, data: dict, problems: list[Problem]):
        self.path, self.data, self.problems = path, data, problems
        self.lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            line = key_node.start_mark.line + 1
            if key_node.value in self.lines:  # YAML keeps the last silently; a hand edit gone wrong
                problems.append(Problem(path, line, key_node.value,
                                        f"given twice (also on line {self.lines[key_node.value]}); "
                                        "keep one"))
            self.lines[key_node.value] = line
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


def read_yaml(path: Path, shown: str, problems: list[Problem]) -> Doc | None:
    """Read one YAML file holding a single mapping; report why not otherwise."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, None, None, f"cannot read file: {exc.strerror}"))
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.append(Problem(shown, None, None,
                                f"file is {len(raw):,} bytes; refusing files over {MAX_FILE_BYTES:,}"))
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
