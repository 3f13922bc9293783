"""The YAML text of an event file the store writes whole (a new event, or a file nobody
has edited since the store wrote it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from dateline.model import EVENT_FIELDS, SOURCE_FIELDS
from dateline.store.match import Merged, Report


class _QuotedStr(str):
    """A string that YAML writes in double quotes (dates must stay strings)."""


class _EventDumper(yaml.SafeDumper):
    pass


_EventDumper.add_representer(
    _QuotedStr, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", str(s), style='"'))


def dump(data: Any) -> str:
    """YAML as the store writes it (safe_dump's settings, dates quoted by the caller)."""
    return yaml.dump(data, Dumper=_EventDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)


def source_item(rep: Report, with_reading: bool) -> dict[str, Any]:
    """One source mapping; ``with_reading`` adds the article's own phrase and reading
    (an item of ``sources:``, where they can differ from the event's)."""
    fields: dict[str, Any] = {"title": rep.source_title, "url": rep.url,
                              "published": rep.published, "quote": rep.quote}
    if with_reading:
        fields["date_text"] = rep.date_text
        fields["reading"] = _QuotedStr(rep.date) if rep.basis != "published" else ""
    return {k: fields[k] for k in SOURCE_FIELDS if fields.get(k)}


def event_fields(merged: Merged) -> dict[str, Any]:
    """The fields of an event file, in the loader's order (model.EVENT_FIELDS)."""
    p = merged.primary
    several = len(merged.sources) > 1
    fields: dict[str, Any] = {
        "date": _QuotedStr(merged.date), "title": p.title, "date_text": p.date_text,
        "people": list(merged.people), "places": list(merged.places),
        "review": list(merged.review), "date_basis": p.basis,
    }
    if several:
        fields["sources"] = [source_item(r, True) for r in merged.sources]
    else:
        fields["source"] = source_item(p, False)
    # The loader's own list decides which keys exist and their order: a field the loader
    # does not know can never be written.
    return {k: fields[k] for k in EVENT_FIELDS if fields.get(k)}


def render(merged: Merged) -> str:
    return dump(event_fields(merged))


def rendered_again(data: dict[str, Any]) -> str:
    """``data`` (a file as PyYAML read it) written the way the store writes files: equal
    to the file's text exactly when nobody has changed the file since the store wrote it."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "date" and isinstance(value, (str, int, dt.date)):
            value = _QuotedStr(value.isoformat() if isinstance(value, dt.date) else value)
        elif key == "sources" and isinstance(value, list):
            value = [{k: (_QuotedStr(v.isoformat() if isinstance(v, dt.date) else v)
                          if k == "reading" and isinstance(v, (str, int, dt.date)) else v)
                      for k, v in item.items()} if isinstance(item, dict) else item
                     for item in value]
        out[key] = value
    return dump(out)
