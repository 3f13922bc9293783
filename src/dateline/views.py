"""What the pages show, computed from validated content: term pages, related events, the
overview chart, eras and the year/month grouping of the index. Pure functions, no I/O."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from operator import attrgetter, itemgetter

from dateline.dates import MONTHS
from dateline.model import Era, Event
from dateline.urls import slugify

TERM_KINDS = (("tags", "tag", "Tags"), ("people", "person", "People"), ("places", "place", "Places"))
DENSE_YEAR = 12  # a year with more events than this is split into months on the index


@dataclass(frozen=True)
class Term:
    """A tag, person or place with the events that carry it."""

    kind: str  # tags, people, places (the event field and the folder in site/)
    name: str
    slug: str
    events: tuple[Event, ...]  # in timeline order
    index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.index.update({e.slug: i for i, e in enumerate(self.events)})

    @property
    def url(self) -> str:
        return f"{self.kind}/{self.slug}.html"


@dataclass
class Terms:
    """Every term of each kind, with a lookup from (kind, name) to its Term."""

    by_kind: dict[str, list[Term]] = field(default_factory=dict)
    lookup: dict[tuple[str, str], Term] = field(default_factory=dict)
    _of: dict[str, list[Term]] = field(default_factory=dict, repr=False)

    def of(self, event: Event) -> list[Term]:
        """The terms an event carries, tags first, then people, then places."""
        found = self._of.get(event.slug)
        if found is None:
            found = self._of[event.slug] = [self.lookup[(kind, name)] for kind, _, _ in TERM_KINDS
                                            for name in getattr(event, kind)]
        return found


def collect_terms(events: list[Event]) -> Terms:
    """Group events by tag, person and place; slugs are unique within a kind."""
    terms = Terms()
    kinds = [kind for kind, _, _ in TERM_KINDS]
    every: list[dict[str, list[Event]]] = [defaultdict(list) for _ in kinds]
    # One pass, every kind's names fetched at once: a pass and a getattr per kind cost
    # twice as much (every rebuild collects the terms of all its events).
    get = attrgetter(*kinds)
    for event in events:
        for names, members in zip(get(event), every, strict=True):
            for name in names:
                members[name].append(event)
    for kind, members in zip(kinds, every, strict=True):
        used: set[str] = set()
        out = []
        for name in sorted(members, key=lambda n: (n.lower(), n)):
            slug = base = slugify(name)
            n = 2
            while slug in used:  # "Kyiv" and "kyiv!" must not share a page
                slug, n = f"{base}-{n}", n + 1
            used.add(slug)
            term = Term(kind, name, slug, tuple(members[name]))
            out.append(term)
            terms.lookup[(kind, name)] = term
        terms.by_kind[kind] = out
    return terms


RELATED_WINDOW = 6  # events on each side, in each shared term: plenty to pick five from


def neighbourhood(event: Event, terms: Terms, window: int = RELATED_WINDOW) -> list[Event]:
    """The events near this one in each of its terms: all that related_events() may pick."""
    out: list[Event] = []
    for term in terms.of(event):
        i = term.index[event.slug]
        out.extend(term.events[max(i - window, 0): i + window + 1])
    return out


def related_events(event: Event, terms: Terms, limit: int = 5,
                   window: int = RELATED_WINDOW) -> list[Event]:
    """Events sharing the most tags, people or places with this one; nearer in time first.

    Only the `window` nearest events of each term are considered: a tag on thousands of
    events must not make every page cost thousands of comparisons.
    """
    slug = event.slug
    mid = event.date.first.toordinal()
    # slug -> [minus shared terms, days away, first seen]: ascending order ranks them.
    found: dict[str, list] = {}
    for term in terms.of(event):
        i = term.index[slug]
        for other in term.events[max(i - window, 0): i + window + 1]:
            rank = found.get(other.slug)
            if rank is not None:
                rank[0] -= 1
            elif other.slug != slug:
                found[other.slug] = [-1, abs(other.date.first.toordinal() - mid), len(found), other]
    ranked = sorted(found.values(), key=itemgetter(0, 1, 2))
    return [rank[3] for rank in ranked[:limit]]


@dataclass(frozen=True)
class MonthGroup:
    label: str  # "March 2022", or "2022" for events not placed within one month
    anchor: str
    events: list[Event]


@dataclass(frozen=True)
class YearGroup:
    """The events whose first day falls in one year; months where the year is dense."""

    year: int
    events: list[Event]
    dense: int = DENSE_YEAR

    @property
    def anchor(self) -> str:
        return f"y{self.year}"

    @cached_property
    def months(self) -> list[MonthGroup]:
        """Month groups when the year holds more than `dense` events, else none.

        Computed on first use: a rebuild plans every year but renders only the changed ones.
        """
        if len(self.events) <= self.dense:
            return []
        year = self.year

        def month_of(e: Event) -> int:
            d = e.date
            return d.first.month if (d.first.year, d.first.month) == (d.last.year, d.last.month) else 0

        months = []
        for month, mevs in groupby(sorted(self.events, key=lambda e: (month_of(e), e.sort_key())),
                                   month_of):
            label = f"{MONTHS[month - 1]} {year}" if month else f"During {year}"
            months.append(MonthGroup(label, f"y{year}-{month:02d}", list(mevs)))
        return months


def group_by_year(events: list[Event], dense: int = DENSE_YEAR) -> list[YearGroup]:
    """Sorted events split into years by their first day (the index can split by year)."""
    return [YearGroup(year, list(evs), dense) for year, evs in groupby(events, lambda e: e.date.first.year)]


@dataclass(frozen=True)
class NavItem:
    label: str
    href: str


def year_navigation(years: list[YearGroup], href: str = "#{anchor}") -> list[NavItem]:
    """Years, or decades when there are too many years for one row of links."""
    if len(years) <= 24:
        return [NavItem(str(g.year), href.format(anchor=g.anchor, year=g.year)) for g in years]
    items, seen = [], set()
    for g in years:
        decade = g.year // 10 * 10
        if decade not in seen:
            seen.add(decade)
            items.append(NavItem(f"{decade}s", href.format(anchor=g.anchor, year=g.year)))
    return items


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    height: float
    href: str | None


@dataclass(frozen=True)
class Band:
    name: str
    x: float
    width: float
    color: str


@dataclass(frozen=True)
class Chart:
    """An inline SVG overview of event density over time, drawn at build time."""

    width: int
    height: int
    bar_width: float
    bars: list[Bar]
    bands: list[Band]
    first_label: str
    last_label: str
    max_count: int


def overview_chart(events: list[Event], eras: tuple[Era, ...] = (), width: int = 640,
                   height: int = 80, href: str = "#y{year}") -> Chart | None:
    """Bars per year (per decade when the span is long) linking to their part of the index."""
    if not events:
        return None
    first = min(e.date.first.year for e in events)
    last = max(e.date.first.year for e in events)
    step = 1 if last - first < 80 else 10
    start = first // step * step
    counts = Counter((e.date.first.year - start) // step for e in events)
    slots = (last - start) // step + 1
    slot_w = width / slots
    top = max(counts.values())
    bar_w = min(max(slot_w - 1, 1), 28)  # a few years must not become slabs
    with_events = {e.date.first.year for e in events}
    bars = []
    for i in range(slots):
        count = counts.get(i, 0)
        h = (height - 4) * count / top if count else 0
        year = start + i * step
        target = year if step == 1 else min((y for y in with_events if year <= y < year + step),
                                            default=None)
        label = str(year) if step == 1 else f"{year}s"
        x = i * slot_w + (slot_w - bar_w) / 2
        bars.append(Bar(label, count, round(x, 2), round(height - h, 2), round(h, 2),
                        href.format(year=target) if count and target is not None else None))
    bands = []
    for era in eras:
        a = (era.span.first.year - start) / step + (era.span.first.timetuple().tm_yday - 1) / 366 / step
        b = (era.span.last.year - start) / step + era.span.last.timetuple().tm_yday / 366 / step
        a, b = max(a, 0), min(b, slots)
        if b > a:
            bands.append(Band(era.name, round(a * slot_w, 2), round((b - a) * slot_w, 2), era.color))
    return Chart(width, height, round(bar_w, 2), bars, bands,
                 str(start) if step == 1 else f"{start}s",
                 str(last) if step == 1 else f"{last // 10 * 10}s", top)


def eras_of(event: Event, eras: tuple[Era, ...]) -> list[Era]:
    """The eras an event belongs to: by a shared tag, or by its first day falling inside."""
    out = []
    for era in eras:
        if era.tags:
            if set(era.tags) & set(event.tags):
                out.append(era)
        elif era.span.first <= event.date.first <= era.span.last:
            out.append(era)
    return out

