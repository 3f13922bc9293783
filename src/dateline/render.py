"""Render validated content into the site's files, in memory: {relative path: bytes}.

Templates are looked up in the site's own templates/ first, then the package defaults;
`{% extends "default:base.html" %}` reaches a default explicitly from an override.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from dateline import __version__, views
from dateline.digests import digest
from dateline.model import Content, Event, Problem
from dateline.site import DEFAULT_TEMPLATES
from dateline.site.exports import Memo, render_exports
from dateline.site.jsonld import event_jsonld, json_for_script

if TYPE_CHECKING:
    import markdown

# Markdown may carry links, emphasis, lists, quotes, code and tables; nothing that runs.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "hr", "i",
    "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul", "img",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "abbr": {"title"},
                      "th": {"align"}, "td": {"align"}}


class RenderError(Exception):
    """A template problem, reported like a content problem (template name and line)."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem

    def __reduce__(self) -> tuple:  # it crosses from a build worker back to the parent
        return (RenderError, (self.problem,))


class MarkdownRenderer:
    """Markdown to sanitized HTML; one converter reused, since building one is costly."""

    def __init__(self, cache: dict[str, str] | None = None) -> None:
        self._md: markdown.Markdown | None = None
        # body -> HTML: a body shows on several pages; the build cache keeps it between builds
        self.cache: dict[str, str] = {} if cache is None else cache

    def __call__(self, text: str) -> str:
        html = self.cache.get(text)
        if html is None:
            # Imported on first use: a rebuild with every body cached never needs them.
            import markdown
            import nh3

            if self._md is None:
                self._md = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")
            html = nh3.clean(self._md.reset().convert(text), tags=ALLOWED_TAGS,
                             attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                             link_rel="noopener noreferrer")
            self.cache[text] = html
        return html


@dataclass(frozen=True)
class RenderMemo:
    """What rendering may reuse from an earlier build; the builder keeps it between builds.

    Rendering only reads and adds to these; it never decides what is kept or stores them.
    """

    markdown: dict[str, str] = field(default_factory=dict)  # body -> sanitized HTML
    exports: Memo = field(default_factory=dict)  # each event's export pieces
    bytecode: jinja2.BytecodeCache | None = None  # compiled templates


def make_environment(site_root: Path, markdown_cache: dict[str, str] | None = None,
                     bytecode: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """The Jinja environment: site templates over defaults, autoescape, StrictUndefined.

    With a `bytecode` cache, compiled templates are reused between builds (Jinja checks
    each against its source): compiling them all took longer than a one-event rebuild's
    rendering.
    """
    defaults = jinja2.FileSystemLoader(DEFAULT_TEMPLATES)
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"default": defaults}, delimiter=":"),
        jinja2.FileSystemLoader(site_root / "templates"),
        defaults,
    ])
    # No auto_reload: a build makes its own environment, and checking every template's
    # mtime on every page was four stat() calls a page.
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             auto_reload=False, bytecode_cache=bytecode)
    env.filters["markdown"] = MarkdownRenderer(markdown_cache)
    return env


FEED_ENTRIES = 100  # the newest events; a feed reader wants news, not the archive
SPLIT_INDEX_AT = 1000  # more events than this: the index links to one page per year


@dataclass(frozen=True)
class Page:
    """One output file: its path, a key naming everything it shows, and how to make it."""

    path: str
    key: str
    make: Callable[[], bytes]


def render_site(content: Content, site_root: Path, split_at: int = SPLIT_INDEX_AT) -> dict[str, bytes]:
    """Every output file of the site as bytes, keyed by its path relative to site/."""
    return {page.path: page.make() for page in plan_site(content, site_root, split_at)}


def plan_site(content: Content, site_root: Path, split_at: int = SPLIT_INDEX_AT,
              memo: RenderMemo | None = None) -> list[Page]:
    """The site as a list of pages that render on demand.

    A page's key changes whenever anything it shows may have changed (its events and their
    neighbours, the timeline settings, the templates), so an incremental build renders
    only the pages whose key differs from the last build's. With a `memo`, rendering reuses
    (and adds to) what an earlier build made.
    """
    memo = memo or RenderMemo()
    env = make_environment(site_root, memo.markdown, memo.bytecode)
    timeline, events = content.timeline, content.events
    terms = views.collect_terms(events)
    years = views.group_by_year(events)
    split = len(events) > split_at
    common = {"timeline": timeline, "terms": terms, "term_kinds": views.TERM_KINDS,
              "event_url": event_url, "eras_of": lambda e: views.eras_of(e, timeline.eras)}
    common["card"] = _Cards(env, common)
    common["jsonld"] = lambda event, path: Markup(json_for_script(
        event_jsonld(event, f"{timeline.url}{path}" if timeline.url else path.split("/")[-1],
                           timeline)))
    base_key = digest(__version__, repr(timeline), split, _templates_digest(site_root))
    # What an event looks like wherever it is listed: its file's digest (of its path and
    # bytes) and its term links. A term's link follows from its name, which is in the
    # bytes, unless its slug had to be made unique: only then are the links added.
    faces = {e.slug: e.digest for e in events}
    for kind in terms.by_kind:
        for term in terms.by_kind[kind]:
            if term.slug != views.slugify(term.name):
                for e in term.events:
                    faces[e.slug] = "|".join((e.digest, *(t.url for t in terms.of(e))))
    plan: list[Page] = [Page(".nojekyll", "", lambda: b"")]

    def page(path: str, template: str, key: Iterable[str], **context: object) -> None:
        def make() -> bytes:
            values = {k: v() if isinstance(v, _Deferred) else v for k, v in context.items()}
            return _render(env, template, root="../" * path.count("/"), page_path=path,
                           **common, **values)
        plan.append(Page(path, digest(base_key, path, *key), make))

    def face_list(evs: Iterable[Event]) -> list[str]:
        return [faces[e.slug] for e in evs]

    year_list = tuple(g.year for g in years)
    year_href = "years/{year}.html" if split else "#y{year}"
    if split:  # the index then shows per year a count and the first and last event's title
        index_key = [f"{g.year}|{len(g.events)}|{faces[g.events[0].slug]}|{faces[g.events[-1].slug]}"
                     for g in years]
        index_key += [f"{t.url}|{t.name}|{len(t.events)}" for kind in terms.by_kind
                      for t in terms.by_kind[kind]]
    else:
        index_key = face_list(events)
    page("index.html", "index.html", index_key, years=[] if split else years,
         year_summaries=years if split else [], events=events, split=split,
         navigation=views.year_navigation(years, "years/{year}.html" if split else "#{anchor}"),
         # The chart shows counts per year and the eras, which the key covers already.
         chart=_Deferred(views.overview_chart, events, timeline.eras, href=year_href))
    if split:
        for i, group in enumerate(years):
            page(f"years/{group.year}.html", "year.html", (year_list, *face_list(group.events)),
                 group=group, years=[group], navigation=views.year_navigation(years, "{year}.html"),
                 previous=years[i - 1] if i else None,
                 next=years[i + 1] if i + 1 < len(years) else None)
    term_faces = {t.url: face_list(t.events) for kind in terms.by_kind for t in terms.by_kind[kind]}
    window = views.RELATED_WINDOW
    for i, event in enumerate(events):
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
        page(event_url(event), "event.html", key, event=event, previous=previous, next=following,
             related=_Lazy(views.related_events, event, terms))
    for kind, singular, heading in views.TERM_KINDS:
        items = terms.by_kind[kind]
        page(f"{kind}/index.html", "terms.html", tuple((t.name, t.url, len(t.events)) for t in items),
             kind=kind, heading=heading, items=items)
        for term in items:
            page(term.url, "term.html", (term.name, *term_faces[term.url]), term=term,
                 singular=singular, heading=heading, years=_Lazy(views.group_by_year, list(term.events)))
    html_pages = [p.path for p in plan if p.path.endswith(".html")]

    def exports() -> dict[str, bytes]:
        return render_exports(
            content, event_url, timeline.url or None, pages=html_pages, feed_limit=FEED_ENTRIES,
            filter_keys=lambda e: [f"{t.kind}:{t.slug}" for t in terms.of(e)], memo=memo.exports)

    export_key = digest(base_key, "exports", *faces.values(), *html_pages)
    made: dict[str, bytes] = {}

    def export(name: str) -> bytes:
        if not made:  # all exports come from one pass over the events
            made.update(exports())
        return made[name]

    for name in EXPORT_FILES:
        if name == "sitemap.xml" and not timeline.url:
            continue
        plan.append(Page(name, export_key, lambda name=name: export(name)))
    for path, data in static_files(site_root).items():
        plan.append(Page(path, digest(data), lambda data=data: data))
    return plan


EXPORT_FILES = ("feed.xml", "events.ics", "timeline.json", "events.csv", "events.json", "sitemap.xml")


class _Cards:
    """card(event, level, full, root): the event_item macro, rendered once and reused.

    An event appears in related lists and on term pages many times over; re-running the
    macro each time was most of the build's render time.
    """

    def __init__(self, env: jinja2.Environment, common: dict) -> None:
        self._env, self._common = env, common
        self._modules: dict[str, object] = {}
        self._cards: dict[tuple, Markup] = {}

    def __call__(self, event: Event, level: int = 3, full: bool = True, root: str = "") -> Markup:
        key = (event.slug, level, full, root)
        html = self._cards.get(key)
        if html is None:
            module = self._modules.get(root)
            if module is None:
                module = self._env.get_template("_macros.html").make_module({**self._common, "root": root})
                self._modules[root] = module
            html = Markup(module.event_item(event, level, full))  # type: ignore[attr-defined]
            if not full:  # a full card shows once per page kind; only compact ones repeat
                self._cards[key] = html
        return html


class _Deferred:
    """A page's context value computed only when the page is rendered."""

    def __init__(self, fn: Callable, *args: object, **kwargs: object) -> None:
        self._fn, self._args, self._kwargs = fn, args, kwargs

    def __call__(self) -> object:
        return self._fn(*self._args, **self._kwargs)


class _Lazy:
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


def _templates_digest(site_root: Path) -> str:
    parts: list[object] = []
    for folder in (DEFAULT_TEMPLATES, site_root / "templates"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


def event_url(event: Event) -> str:
    """An event page's path relative to the site root."""
    return f"events/{event.slug}.html"


def static_files(site_root: Path) -> dict[str, bytes]:
    """Default static assets, overridden file by file by the site's templates/static/."""
    out: dict[str, bytes] = {}
    for folder in (DEFAULT_TEMPLATES / "static", site_root / "templates" / "static"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    out[f"static/{path.relative_to(folder).as_posix()}"] = path.read_bytes()
    return out


def _render(env: jinja2.Environment, name: str, **context: object) -> bytes:
    try:
        return env.get_template(name).render(**context).encode("utf-8")
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise RenderError(Problem(_template_path(where), exc.lineno, None,
                                  f"template syntax error: {exc.message}")) from None
    except jinja2.TemplateError as exc:
        path, line = _template_frame(exc)
        raise RenderError(Problem(path or f"templates/{name}", line, None,
                                  f"template error: {exc}")) from None


def _template_path(filename: str) -> str:
    """A template's path as messages show it: relative to the site folder, as content paths are."""
    p = Path(filename).absolute()  # relative when the site was given as a relative -C
    if DEFAULT_TEMPLATES in p.parents:
        return f"(default template) {p.relative_to(DEFAULT_TEMPLATES).as_posix()}"
    if "templates" in p.parts:
        last = len(p.parts) - 1 - p.parts[::-1].index("templates")
        return "/".join(("templates", *p.parts[last + 1:]))
    return filename


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    # Jinja rewrites tracebacks so template frames carry the template's file and line.
    tb = exc.__traceback__ or sys.exc_info()[2]
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt", ".json", ".ics", ".css", ".js")):
            found = (_template_path(filename), tb.tb_lineno)
        tb = tb.tb_next
    return found
