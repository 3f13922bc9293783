"""Adding to an event file a person may have edited, without changing a byte of theirs.

ruamel.yaml's round-trip parser says where each key and list item of the file is (line
and column); the new source (and, where sources disagree, a review reason) is written as
new lines spliced in at the end of the `sources:` list, or as a new key at the end of the
file. Nothing is re-serialised: a full round-trip dump re-indents lists, re-wraps long
lines and respaces comments, and any of that would rewrite what a person wrote. The
result is checked twice before it is used: the old text must survive as it was with only
lines added, and the new text must read back with the added items. When either check
fails, or the file's shape leaves no safe place for the lines (a flow-style list), the
caller writes nothing and reports why.
"""

from __future__ import annotations

import difflib
import io
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError

from dateline.store.render import dump


class CannotAppend(Exception):
    """The file gives no place to add lines without changing the person's own."""


def _load(text: str) -> CommentedMap:
    parser = YAML(typ="rt")
    try:
        data = parser.load(io.StringIO(text))
    except RuamelError as exc:
        raise CannotAppend(f"cannot read it: {exc}") from None
    if not isinstance(data, CommentedMap):
        raise CannotAppend("it is not a mapping of event fields")
    return data


def _item_lines(items: list[Any], indent: int) -> list[str]:
    """Block-style list items, the dash at column ``indent``."""
    pad = " " * indent
    return [pad + line for line in dump(items).splitlines(keepends=True)]


def _end_of_value(lines: list[str], data: CommentedMap, key: str) -> int:
    """The line index just after the last line of ``key``'s value (comments and blank
    lines that come before the next key stay with the next key)."""
    keys = list(data)
    after = keys[keys.index(key) + 1:]
    stop = data.lc.key(after[0])[0] if after else len(lines)
    end = stop
    while end > data.lc.key(key)[0] + 1 and (not lines[end - 1].strip()
                                             or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


def _splice_into_list(lines: list[str], data: CommentedMap, key: str,
                      items: list[Any]) -> list[str]:
    seq = data[key]
    if not isinstance(seq, CommentedSeq) or not len(seq):
        raise CannotAppend(f"its {key}: is not a list the store can add to")
    if seq.fa.flow_style():
        raise CannotAppend(f"its {key}: is a [flow] list; adding to it would rewrite the line")
    first_line = seq.lc.item(0)[0]
    dash = len(lines[first_line]) - len(lines[first_line].lstrip(" "))
    if not lines[first_line].lstrip(" ").startswith("-"):
        raise CannotAppend(f"its {key}: list has an unusual layout")
    at = _end_of_value(lines, data, key)
    if at and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    return lines[:at] + _item_lines(items, dash) + lines[at:]


def _append_key(lines: list[str], key: str, items: list[Any]) -> list[str]:
    if lines and not lines[-1].endswith("\n"):
        lines = [*lines[:-1], lines[-1] + "\n"]
    if any(line.rstrip() in ("...", "---") for line in lines[1:]):
        raise CannotAppend("it has a YAML document marker; a new key after it would be lost")
    return [*lines, f"{key}:\n", *_item_lines(items, 0)]


def append(text: str, sources: list[dict[str, Any]], reasons: list[str]) -> str:
    """``text`` with ``sources`` added to its sources and ``reasons`` to its review list.

    A file with a single `source:` gets a `sources:` list of the new ones (the loader reads
    `source:` as the first source). Raises :class:`CannotAppend` when that cannot be done
    by adding lines alone.
    """
    data = _load(text)
    lines = text.splitlines(keepends=True)
    for key, items in (("sources", sources), ("review", reasons)):
        if not items:
            continue
        if key in data and data[key] not in (None, ""):
            lines = _splice_into_list(lines, data, key, items)
        elif key in data:
            raise CannotAppend(f"its {key}: is empty; filling it would rewrite the line")
        else:
            lines = _append_key(lines, key, items)
        data = _load("".join(lines))  # positions moved: read them again
    out = "".join(lines)
    _check(text, out, sources, reasons)
    return out


def _check(old: str, new: str, sources: list[dict[str, Any]], reasons: list[str]) -> None:
    """Every line of ``old`` is in ``new`` unchanged and in order, and ``new`` reads back
    with the items added."""
    ops = difflib.SequenceMatcher(None, old.splitlines(keepends=True),
                                  new.splitlines(keepends=True), autojunk=False).get_opcodes()
    # Only a missing final newline may be completed (the last line then differs).
    if any(tag not in ("equal", "insert") for tag, *_ in ops) \
            and not new.startswith(old):
        raise CannotAppend("adding the source would change lines of the file")
    try:
        back = yaml.safe_load(new)
    except yaml.YAMLError as exc:
        raise CannotAppend(f"the result would not read back: {exc}") from None
    got = back.get("sources") if isinstance(back, dict) else None
    if sources and not (isinstance(got, list) and all(s in got for s in _plain(sources))):
        raise CannotAppend("the added sources would not read back")
    review = back.get("review") if isinstance(back, dict) else None
    if reasons and not (isinstance(review, list) and all(r in review for r in reasons)):
        raise CannotAppend("the review reason would not read back")


def _plain(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items as PyYAML reads them back (quoted readings stay strings)."""
    return [yaml.safe_load(dump(item)) for item in items]
