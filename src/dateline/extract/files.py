"""Event files out: the writer moved to :mod:`dateline.store`; these names stay for the
code and tests that import them from here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.store import WriteReport, event_to_yaml, slugify, write_events, write_reports
from dateline.store import file_stem as _stem

if TYPE_CHECKING:
    from dateline.extract.events import ExtractedEvent

__all__ = ["WriteReport", "event_to_yaml", "file_stem", "slugify", "write_events",
           "write_reports"]


def file_stem(ev: ExtractedEvent) -> str:
    """The event file's name without suffix: its date, then its title."""
    return _stem(ev.date, ev.title)
