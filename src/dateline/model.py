"""Plain data passed between stages: no I/O here, only frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from dateline.dates import DateValue
from dateline.urls import slugify

# The keys of an event file, in the order files are written: one list for the loader
# (content.py), the writer (store/) and the JSON Schema (a test ties them).
EVENT_FIELDS = ("id", "date", "title", "date_text", "body", "tags", "people", "places",
                "source", "sources", "date_basis", "review", "media")
# A source's keys, the same under `source:` and in each item of `sources:`. `date_text` and
# `reading` are that source's own phrase for the date and its reading of it: several
# articles reporting one event may word, refine or disagree on its date.
SOURCE_FIELDS = ("title", "url", "published", "quote", "date_text", "reading")
MEDIA_FIELDS = ("url", "caption", "credit", "alt")

@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located as precisely as the input allows."""

    path: str
    line: int | None
    field: str | None
    message: str
    severity: str = "error"  # or "warning"
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{what}"


@dataclass(frozen=True)
class Source:
    """Where an event came from."""

    title: str = ""
    url: str = ""
    published: dt.date | None = None
    quote: str = ""
    date_text: str = ""
    reading: DateValue | None = None  # this source's date for the event, when it says

    def agrees_with(self, date: DateValue) -> bool:
        """Whether this source's reading fits the event's date (overlaps or nests); a
        source that gives no reading of its own agrees."""
        r = self.reading
        return r is None or (r.first <= date.last and date.first <= r.last)


@dataclass(frozen=True)
class Media:
    """An image or other media shown with an event."""

    url: str
    caption: str = ""
    credit: str = ""
    alt: str = ""


@dataclass(frozen=True)
class Event:
    """One validated event, ready to render."""

    id: str
    date: DateValue
    title: str
    path: str  # the event file, as shown in messages
    date_text: str = ""
    body: str = ""  # Markdown source
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    source: Source | None = None  # the first of `sources` (a file's `source:`, if any)
    date_basis: str = ""
    media: Media | None = None
    digest: str = field(default="", compare=False)  # of the file's bytes: what pages depend on
    # Why an editor should look at an extracted event; removing the key signs it off.
    review: tuple[str, ...] = ()
    # Every article that reports the event, `source` first; () for an unsourced event.
    sources: tuple[Source, ...] = ()

    @property
    def several_sources(self) -> bool:
        """Whether more than one article reports the event (the finder can filter on it)."""
        return len(self.sources) > 1

    @property
    def disagreeing(self) -> tuple[Source, ...]:
        """The sources whose own reading of the date does not fit the event's date."""
        return tuple(s for s in self.sources if not s.agrees_with(self.date))

    @cached_property
    def slug(self) -> str:
        """The URL path segment of the event's page: its id, lower-cased."""
        return self.id.lower()

    def sort_key(self) -> tuple:
        return (*self.date.sort_key(), self.title.lower(), self.slug)


@dataclass(frozen=True)
class Era:
    """A named span drawn as a band; events join it by date, or by tag when tags are given."""

    name: str
    span: DateValue
    tags: tuple[str, ...] = ()
    color: str = ""
    description: str = ""

    @property
    def slug(self) -> str:
        """The era's name as a slug (the data-era value of the events inside it)."""
        return slugify(self.name, fallback="era")


@dataclass(frozen=True)
class Timeline:
    """Site settings from content/timeline.yaml."""

    title: str = "Timeline"
    description: str = ""
    base_url: str = "/"
    # The path the site is served under, as `build --base-url` gave it: then a 404.html is
    # written whose links start from it, since a host serves that page at any depth.
    not_found_root: str = ""
    url: str = ""  # the site's absolute address, e.g. https://user.github.io/repo/ (feeds, sitemap)
    date_base: dt.date | None = None
    language: str = "en"
    author: str = ""
    eras: tuple[Era, ...] = ()


@dataclass(frozen=True)
class Content:
    """Everything loaded from a site folder, plus the problems found on the way.

    `events` are in timeline order (Event.sort_key): views and exports rely on it.
    """

    timeline: Timeline
    events: list[Event]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]
