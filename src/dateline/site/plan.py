"""Which pages a site has, what each shows and the key that names it: no Jinja, no I/O.

A page's key parts change whenever anything the page shows may have changed (its events and
their neighbours, the counts it lists), so an incremental build renders only the pages whose
key differs from the last build's. What every page shares (settings, templates) is added to
the keys by the renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from dateline import views
from dateline.digests import digest
from dateline.model import Content, Event
from dateline.urls import slugify

SPLIT_INDEX_AT = 1000  # more events than this: the index links to one page per year
# Every rebuild walks all events a few times here; map() with these runs those walks in C.
_SLUG = attrgetter("slug")


@dataclass(frozen=True)
class PageSpec:
    """One HTML page: its path, its template, the parts of its key and its own context."""

    path: str
    template: str
    key: tuple[str, ...]
    context: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class SitePlan:
    """Every HTML page of a site in output order, with what the exports' key depends on."""

    pages: list[PageSpec]
    terms: views.Terms
    split: bool
    faces: dict[str, str]  # event slug -> what the event looks like wherever it is listed
    paths: list[str]  # of every HTML page of the site, in output order (the sitemap's)


class Deferred:
    """A page's context value computed only when the page is rendered."""

    def __init__(self, fn: Callable, *args: object, **kwargs: object) -> None:
        self._fn, self._args, self._kwargs = fn, args, kwargs

    def __call__(self) -> object:
        return self._fn(*self._args, **self._kwargs)


class Lazy:
    """A value computed only if a template uses it (iteration or truth test)."""

    def __init__(self, fn: Callable, *args: object) -> None:
        self._fn, self._args, self._value = fn, args, None

    def _get(self) -> list:
        if self._value is None:
            self._value = self._fn(*self._args)
        return self._value

    def __iter__(self):
        return iter(self._get())

    def __bool__(self) -> bool:
        return bool(self._get())

    def __len__(self) -> int:
        return len(self._get())


def event_url(event: Event) -> str:
    """An event page's path relative to the site root."""
    return f"events/{event.slug}.html"


@dataclass(frozen=True)
class Layout:
    """What decides which pages a site has and every part of their keys but the events'
    faces: the events in order, each one's year, and which events each term has."""

    terms: views.Terms
    years: list[views.YearGroup]
    split: bool
    key: str  # a digest of all of it


def site_layout(content: Content, split_at: int = SPLIT_INDEX_AT) -> Layout:
    """The layout of the site `content` makes (see Layout)."""
    events = content.events
    terms = views.collect_terms(events)
    years = views.group_by_year(events)
    split = len(events) > split_at
    # Ids are tame (letters, digits, "-", "_", "."), so joining slugs is unambiguous; term
    # names are free text, so each is written as its repr. An event's own order of tags,
    # and whether several articles report it, show only where its face does (and the index,
    # which is always planned).
    parts = [str(split), "\x1f".join(map(_SLUG, events)),
             "\x1f".join([f"{g.year}:{len(g.events)}" for g in years])]
    for kind in terms.by_kind:
        for term in terms.by_kind[kind]:
            parts.append(f"{kind}{term.name!r}" + "\x1f".join(map(_SLUG, term.events)))
    return Layout(terms, years, split, digest(*parts))


def plan_pages(content: Content, split_at: int = SPLIT_INDEX_AT,
               changed: Collection[str] | None = None, layout: Layout | None = None) -> SitePlan:
    """The HTML pages of the site: index, year pages (when split), events, term lists, terms.

    With `changed` (event slugs), only the pages whose key may show one of those events'
    faces: right when the site's layout (site_layout) is the previous build's, since every
    other page's key is then made of the same parts as before. `layout` is
    site_layout(content, split_at) when the caller has it already.
    """
    events = content.events
    layout = layout or site_layout(content, split_at)
    terms, years, split = layout.terms, layout.years, layout.split
    faces = _faces(events, terms)
    term_faces = _TermFaces(faces, terms)
    pages = [_index_page(content, years, terms, faces, split)]
    if changed is None:
        if split:
            pages += _year_pages(years, faces)
        pages += _event_pages(events, terms, faces, term_faces, range(len(events)))
        pages += _term_pages(terms, term_faces)
    else:
        near, shown_years, shown_terms = _touched(events, terms, changed)
        if split:
            pages += _year_pages(years, faces, shown_years)
        pages += _event_pages(events, terms, faces, term_faces, sorted(near))
        pages += _term_pages(terms, term_faces, shown_terms)
    return SitePlan(pages, terms, split, faces, page_paths(events, years, terms, split))


def page_paths(events: list[Event], years: list[views.YearGroup], terms: views.Terms,
               split: bool) -> list[str]:
    """The paths of the HTML pages plan_pages() makes for the whole site, in output order."""
    paths = ["index.html"]
    if split:
        paths += [f"years/{g.year}.html" for g in years]
    paths += [f"events/{slug}.html" for slug in map(_SLUG, events)]  # event_url(), inlined
    for kind, _, _ in views.TERM_KINDS:
        paths.append(f"{kind}/index.html")
        paths += [t.url for t in terms.by_kind[kind]]
    return paths


def _touched(events: list[Event], terms: views.Terms, changed: Collection[str]
             ) -> tuple[set[int], set[int], set[str]]:
    """The pages whose key holds the face of a changed event: (event positions, years, term
    URLs). An event page's key holds its neighbours' faces and a window of each of its
    terms, so the pages holding an event's face are those same neighbours and windows."""
    window = views.RELATED_WINDOW
    at = {e.slug: i for i, e in enumerate(events)}
    near: set[int] = set()
    shown_years: set[int] = set()
    shown_terms: set[str] = set()
    for slug in changed:
        i = at.get(slug)
        if i is None:
            continue
        event = events[i]
        near.update(j for j in (i - 1, i, i + 1) if 0 <= j < len(events))
        shown_years.add(event.date.first.year)
        for term in terms.of(event):
            shown_terms.add(term.url)
            k = term.index[slug]
            near.update(at[e.slug] for e in term.events[max(k - window, 0): k + window + 1])
    return near, shown_years, shown_terms


class _TermFaces(dict):
    """Each term's faces in its order, by term URL, made on first use: a partial plan needs
    only the terms of the pages it makes."""

    def __init__(self, faces: dict[str, str], terms: views.Terms) -> None:
        super().__init__()
        self._faces = faces
        self._terms = {t.url: t for kind in terms.by_kind for t in terms.by_kind[kind]}

    def __missing__(self, url: str) -> list[str]:
        faces = self._faces
        found = self[url] = list(map(faces.__getitem__, map(_SLUG, self._terms[url].events)))
        return found


def _faces(events: list[Event], terms: views.Terms) -> dict[str, str]:
    """What an event looks like wherever it is listed: its file's digest (of its path and
    bytes) and its term links.

    A term's link follows from its name, which is in the bytes, unless its slug had to be
    made unique: only then are the links added.
    """
    faces = {e.slug: e.digest for e in events}
    for kind in terms.by_kind:
        for term in terms.by_kind[kind]:
            if term.slug != slugify(term.name):
                for e in term.events:
                    faces[e.slug] = "|".join((e.digest, *(t.url for t in terms.of(e))))
    return faces


def _index_page(content: Content, years: list[views.YearGroup], terms: views.Terms,
                faces: dict[str, str], split: bool) -> PageSpec:
    events = content.events
    if split:  # the index then shows per year a count and the first and last event's title
        key = [f"{g.year}|{len(g.events)}|{faces[g.events[0].slug]}|{faces[g.events[-1].slug]}"
               for g in years]
        key += [f"{t.url}|{t.name}|{len(t.events)}" for kind in terms.by_kind
                for t in terms.by_kind[kind]]
        # The filter's count: Event.several_sources, inlined (a property call per event).
        key.append(f"several sources|{sum([len(e.sources) > 1 for e in events])}")
    else:
        key = [faces[e.slug] for e in events]
    year_href = "years/{year}.html" if split else "#y{year}"
    return PageSpec("index.html", "index.html", tuple(key), dict(
        years=[] if split else years, year_summaries=years if split else [], events=events,
        split=split,
        navigation=views.year_navigation(years, "years/{year}.html" if split else "#{anchor}"),
        # The chart shows counts per year and the eras, which the key covers already.
        chart=Deferred(views.overview_chart, events, content.timeline.eras, href=year_href)))


def _year_pages(years: list[views.YearGroup], faces: dict[str, str],
                only: Collection[int] | None = None) -> list[PageSpec]:
    year_list = str(tuple(g.year for g in years))
    return [PageSpec(f"years/{group.year}.html", "year.html",
                     (year_list, *(faces[e.slug] for e in group.events)), dict(
                         group=group, years=[group],
                         navigation=views.year_navigation(years, "{year}.html"),
                         previous=years[i - 1] if i else None,
                         next=years[i + 1] if i + 1 < len(years) else None))
            for i, group in enumerate(years) if only is None or group.year in only]


def _event_pages(events: list[Event], terms: views.Terms, faces: dict[str, str],
                 term_faces: dict[str, list[str]], positions: Iterable[int]) -> list[PageSpec]:
    window = views.RELATED_WINDOW
    pages = []
    for i in positions:
        event = events[i]
        previous = events[i - 1] if i > 0 else None
        following = events[i + 1] if i + 1 < len(events) else None
        slug = event.slug
        key = [faces[slug], faces[previous.slug] if previous else "",
               faces[following.slug] if following else ""]
        # The neighbourhood (views.neighbourhood) holds every event related_events() could
        # pick, so the key is known without computing the related list for pages that will
        # not be rendered. Slices of each term's faces are that neighbourhood, and cheap.
        for term in terms.of(event):
            at = term.index[slug]
            key += term_faces[term.url][max(at - window, 0): at + window + 1]
        pages.append(PageSpec(event_url(event), "event.html", tuple(key), dict(
            event=event, previous=previous, next=following,
            related=Lazy(views.related_events, event, terms))))
    return pages


def _term_pages(terms: views.Terms, term_faces: dict[str, list[str]],
                only: Collection[str] | None = None) -> Iterable[PageSpec]:
    for kind, singular, heading in views.TERM_KINDS:
        items = terms.by_kind[kind]
        yield PageSpec(f"{kind}/index.html", "terms.html",
                       # one part per term, as its (name, url, count) tuple reads
                       tuple(str((t.name, t.url, len(t.events))) for t in items),
                       dict(kind=kind, heading=heading, items=items))
        for term in items if only is None else (t for t in items if t.url in only):
            yield PageSpec(term.url, "term.html", (term.name, *term_faces[term.url]), dict(
                term=term, singular=singular, heading=heading,
                years=Lazy(views.group_by_year, list(term.events))))
