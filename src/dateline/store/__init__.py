"""The store of event YAML files, on the writing side: new event files, and sources added
to files already there without touching a byte a person wrote (`writer`, `roundtrip`);
which reports of several articles are one event (`match`). Reading with line numbers is
`yamldoc` and `content` (they will move here when the reader does)."""

from dateline.store.writer import (
    WriteReport,
    event_to_yaml,
    file_stem,
    report_of,
    slugify,
    write_events,
    write_reports,
)

__all__ = ["WriteReport", "event_to_yaml", "file_stem", "report_of", "slugify",
           "write_events", "write_reports"]
