"""The store of event YAML files, both directions.

Reading: `reader` (one document to the model, every problem with file:line) on top of
`yamldoc` (one YAML file with the line of every key, regular files only). Writing: new
event files, and sources added to files already there without touching a byte a person
wrote (`writer`, `roundtrip`); which reports of several articles are one event (`match`).

The writer's names are loaded on first use: the build imports the reader, and must not pay
for ruamel.yaml, which only writing needs.
"""

from __future__ import annotations

from typing import Any

__all__ = ["WriteReport", "event_to_yaml", "file_stem", "report_of", "slugify",
           "write_events", "write_reports"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from dateline.store import writer

        return getattr(writer, name)
    raise AttributeError(f"module 'dateline.store' has no attribute {name!r}")
