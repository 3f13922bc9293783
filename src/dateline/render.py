"""Render validated content into the site's files, in memory: {relative path: bytes}.

Templates are looked up in the site's own templates/ first, then the package defaults;
`{% extends "default:base.html" %}` reaches a default explicitly from an override.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import markdown
import nh3

from dateline import feeds, views
from dateline.model import Content, Event, Problem

DEFAULT_TEMPLATES = Path(__file__).parent / "templates"
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


class MarkdownRenderer:
    """Markdown to sanitized HTML; one converter reused, since building one is costly."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")

        self.cache: dict[str, str] = {}  # body -> HTML; a body shows on several pages

    def __call__(self, text: str) -> str:
        html = self.cache.get(text)
        if html is None:
            html = nh3.clean(self._md.reset().convert(text), tags=ALLOWED_TAGS,
                             attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                             link_rel="noopener noreferrer")
            self.cache[text] = html
        return html


def make_environment(site_root: Path) -> jinja2.Environment:
    """The Jinja environment: site templates over defaults, autoescape, StrictUndefined."""
    defaults = jinja2.FileSystemLoader(DEFAULT_TEMPLATES)
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"default": defaults}, delimiter=":"),
        jinja2.FileSystemLoader(site_root / "templates"),
        defaults,
    ])
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["markdown"] = MarkdownRenderer()
    return env


FEED_ENTRIES = 100  # the newest events; a feed reader wants news, not the archive
SPLIT_INDEX_AT = 500  # more events than this: the index links to one page per year


def render_site(content: Content, site_root: Path, split_at: int = SPLIT_INDEX_AT) -> dict[str, bytes]:
    """Every output file of the site as bytes, keyed by its path relative to site/."""
    env = make_environment(site_root)
    timeline, events = content.timeline, content.events
    terms = views.collect_terms(events)
    years = views.group_by_year(events)
    split = len(events) > split_at
    common = {"timeline": timeline, "terms": terms, "term_kinds": views.TERM_KINDS,
              "event_url": event_url, "eras_of": lambda e: views.eras_of(e, timeline.eras)}
    files: dict[str, bytes] = {".nojekyll": b""}

    def page(path: str, template: str, **context: object) -> None:
        root = "../" * path.count("/")
        files[path] = _render(env, template, root=root, page_path=path, **common, **context)

    year_href = "years/{year}.html" if split else "#y{year}"
    page("index.html", "index.html", years=[] if split else years, year_summaries=years if split else [],
         events=events, split=split,
         navigation=views.year_navigation(years, "years/{year}.html" if split else "#{anchor}"),
         chart=views.overview_chart(events, timeline.eras, href=year_href))
    if split:
        for i, group in enumerate(years):
            page(f"years/{group.year}.html", "year.html", group=group, years=[group],
                 navigation=views.year_navigation(years, "{year}.html"),
                 previous=years[i - 1] if i else None,
                 next=years[i + 1] if i + 1 < len(years) else None)
    for i, event in enumerate(events):
        page(event_url(event), "event.html", event=event,
             previous=events[i - 1] if i > 0 else None,
             next=events[i + 1] if i + 1 < len(events) else None,
             related=views.related_events(event, terms))
    for kind, singular, heading in views.TERM_KINDS:
        page(f"{kind}/index.html", "terms.html", kind=kind, heading=heading,
             items=terms.by_kind[kind])
        for term in terms.by_kind[kind]:
            page(term.url, "term.html", term=term, singular=singular, heading=heading,
                 years=views.group_by_year(list(term.events)))
    pages = [p for p in files if p.endswith(".html")]
    files.update(feeds.render_exports(content, event_url, timeline.url or None, pages=pages,
                                      feed_limit=FEED_ENTRIES,
                                      filter_keys=lambda e: [f"{t.kind}:{t.slug}" for t in terms.of(e)]))
    files.update(static_files(site_root))
    return files


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
    p = Path(filename)
    if p.is_absolute() and DEFAULT_TEMPLATES in p.parents:
        return f"(default template) {p.relative_to(DEFAULT_TEMPLATES).as_posix()}"
    return f"templates/{p.name}" if p.is_absolute() else filename


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
