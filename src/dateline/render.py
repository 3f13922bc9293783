"""Render validated content into the site's files, in memory: {relative path: bytes}.

Templates are looked up in the site's own templates/ first, then the package defaults;
`{% extends "default:base.html" %}` reaches a default explicitly from an override.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import jinja2
import jinja2.sandbox
from markupsafe import Markup

from dateline import DEFAULT_TEMPLATES, HOMEPAGE, __version__, views
from dateline.digests import digest
from dateline.model import Content, Event, Problem, Timeline
from dateline.sandbox import mode as sandbox_mode
from dateline.sandbox import sandboxed  # noqa: F401  (re-exported: render.sandboxed)
from dateline.site import plan as site_plan
from dateline.site.exports import render_exports
from dateline.site.exports.joined import ExportMemo
from dateline.site.jsonld import event_jsonld, json_for_script
from dateline.site.plan import (
    SPLIT_INDEX_AT,
    Deferred,
    PageSpec,
    SitePlan,
    event_url,
    plan_pages,
    site_layout,
)
from dateline.store.yamldoc import is_inside

if TYPE_CHECKING:
    import markdown

# The package's default templates and static assets; a site's own templates/ overrides them.
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
    exports: ExportMemo | None = None  # the previous build's export pieces
    bytecode: jinja2.BytecodeCache | None = None  # compiled templates
    cards: dict[str, str] | None = None  # compact event cards, stamped (_Cards)
    full_cards: FullCards | None = None  # full event cards by year, stamped (_Cards)


class FullCards(Protocol):
    """Where full event cards are kept between builds: one dict per year, which a year page
    (or the index of a small site) reads whole, so each year is stored and read apart."""

    def year(self, year: int) -> dict[str, str]:
        """The stamped full cards of events of `year` (see _Cards), to read and add to."""


def make_environment(site_root: Path, markdown_cache: dict[str, str] | None = None,
                     bytecode: jinja2.BytecodeCache | None = None,
                     sandbox: bool | None = None) -> jinja2.Environment:
    """The Jinja environment: site templates over defaults, autoescape, StrictUndefined.

    With a `bytecode` cache, compiled templates are reused between builds (Jinja checks
    each against its source): compiling them all took longer than a one-event rebuild's
    rendering. `sandbox` (default: as `sandboxed()` says) makes a SandboxedEnvironment,
    which never uses the bytecode cache: code compiled for the sandbox differs (calls and
    operators go through its checks), and in CI the cache folder may come from elsewhere.
    """
    sandbox = sandbox_mode.sandbox if sandbox is None else sandbox
    defaults = jinja2.FileSystemLoader(DEFAULT_TEMPLATES)
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"default": defaults}, delimiter=":"),
        jinja2.FileSystemLoader(site_root / "templates"),
        defaults,
    ])
    # No auto_reload: a build makes its own environment, and checking every template's
    # mtime on every page was four stat() calls a page.
    kind = jinja2.sandbox.SandboxedEnvironment if sandbox else jinja2.Environment
    env = kind(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
               auto_reload=False, bytecode_cache=None if sandbox else bytecode)
    env.filters["markdown"] = MarkdownRenderer(markdown_cache)
    env.globals["dateline"] = {"version": __version__, "homepage": HOMEPAGE}  # for footer.html
    return env


FEED_ENTRIES = 100  # the newest events; a feed reader wants news, not the archive
EXPORT_FILES = ("feed.xml", "events.ics", "timeline.json", "events.csv", "events.json", "sitemap.xml")


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
    """The site as a list of pages that render on demand, in output order.

    Which pages there are and their key parts come from `site.plan`; this adds what every
    page shares (the settings and the templates) to each key, and the Jinja environment
    to render with. With a `memo`, rendering reuses (and adds to) what an earlier build made.
    """
    return plan_build(content, site_root, split_at, memo).pages


@dataclass(frozen=True)
class Planned:
    """plan_build()'s answer: the pages, the site's layout key and whether the plan is partial."""

    pages: list[Page]  # in output order; when `partial`, only those that may have changed
    layout: str  # what every page's key shares, and which pages exist (plan.site_layout)
    partial: bool
    paths: list[str]  # of every file of the site, in output order


def plan_build(content: Content, site_root: Path, split_at: int | None = None,
               memo: RenderMemo | None = None, changed: Collection[str] | None = None,
               layout: str = "") -> Planned:
    """plan_site(), or only the pages that may differ from the previous build's.

    `changed` names the events (slugs) whose files changed since a build whose layout key
    was `layout`. When the layout is the same, every page's key outside the returned pages
    is the previous build's (its parts are the same), so a one-edit rebuild plans a few
    dozen pages instead of one per event. Otherwise every page is planned. `split_at`
    defaults to site.plan.SPLIT_INDEX_AT as it is when called.
    """
    if split_at is None:
        split_at = site_plan.SPLIT_INDEX_AT
    memo = memo or RenderMemo()
    env = make_environment(site_root, memo.markdown, memo.bytecode)
    shape = site_layout(content, split_at)
    base_key = digest(__version__, repr(content.timeline), shape.split, _templates_digest(site_root))
    key = digest(base_key, shape.key)
    partial = changed is not None and layout == key
    site = plan_pages(content, split_at, changed if partial else None, shape)
    common = _common_context(env, content.timeline, site.terms, memo.cards,
                             lambda e: f"{base_key}\x1f{site.faces[e.slug]}\x1f", memo.full_cards)
    html = [*site.paths, *(["404.html"] if content.timeline.not_found_root else [])]
    pages = [] if partial else [Page(".nojekyll", "", lambda: b"")]
    pages += [_page(env, common, base_key, spec) for spec in site.pages]
    if content.timeline.not_found_root and not partial:
        pages.append(_not_found_page(env, common, base_key, content.timeline.not_found_root))
    pages += _export_pages(content, site, base_key, html, memo.exports, key)
    statics = static_files(site_root)
    if not partial:
        pages += [Page(path, digest(data), lambda data=data: data) for path, data in statics.items()]
    paths = [".nojekyll", *html, *(p.path for p in pages if p.path in EXPORT_FILES), *statics]
    return Planned(pages, key, partial, paths)


def _common_context(env: jinja2.Environment, timeline: Timeline, terms: views.Terms,
                    cards: dict[str, str] | None = None,
                    stamp: Callable[[Event], str] | None = None,
                    full_cards: FullCards | None = None) -> dict:
    """What every page's template may use; `cards`, `stamp` and `full_cards` as _Cards
    takes them."""
    common: dict = {"timeline": timeline, "terms": terms, "term_kinds": views.TERM_KINDS,
                    "event_url": event_url, "eras_of": lambda e: views.eras_of(e, timeline.eras)}
    common["card"] = _Cards(env, common, cards, stamp, full_cards)
    common["jsonld"] = lambda event, path: Markup(json_for_script(
        event_jsonld(event, f"{timeline.url}{path}" if timeline.url else path.split("/")[-1],
                     timeline)))
    return common


def _page(env: jinja2.Environment, common: dict, base_key: str, spec: PageSpec) -> Page:
    def make() -> bytes:
        values = {k: v() if isinstance(v, Deferred) else v for k, v in spec.context.items()}
        return _render(env, spec.template, root="../" * spec.path.count("/"), page_path=spec.path,
                       **common, **values)

    return Page(spec.path, digest(base_key, spec.path, *spec.key), make)


def _not_found_page(env: jinja2.Environment, common: dict, base_key: str, root: str) -> Page:
    """404.html: GitHub Pages (and most hosts) serve it for a missing address at any depth,
    so its links are absolute under the site's path, not relative like every other page."""
    def make() -> bytes:
        return _render(env, "404.html", root=root, page_path="404.html", **common)

    return Page("404.html", digest(base_key, "404.html", root), make)


def _export_pages(content: Content, site: SitePlan, base_key: str, html_pages: list[str],
                  memo: ExportMemo | None, layout: str) -> list[Page]:
    """The export files, all made in one pass over the events the first time one is asked for."""
    terms, url = site.terms, content.timeline.url
    made: dict[str, bytes] = {}

    def export(name: str) -> bytes:
        if not made:
            made.update(render_exports(
                content, event_url, url or None, pages=html_pages, feed_limit=FEED_ENTRIES,
                filter_keys=lambda e: [f"{t.kind}:{t.slug}" for t in terms.of(e)], memo=memo,
                layout=layout))
        return made[name]

    key = digest(base_key, "exports", *site.faces.values(), *html_pages)
    return [Page(name, key, lambda name=name: export(name)) for name in EXPORT_FILES
            if name != "sitemap.xml" or url]


class _Cards:
    """card(event, level, full, root): the event_item macro, rendered once and reused.

    An event appears in related lists and on term pages many times over; re-running the
    macro each time was most of the build's render time. Compact cards (the ones that
    repeat) are also kept between builds in `memo`, by event, level and root, each stamped
    with `stamp(event)`: what the card shows besides its level and root (the settings and
    templates, and the event's face, which names its bytes and its term links). A term page
    lists hundreds of events: after one edit, only the edited one's card is made again.
    Full cards (with the body, the term links and the source) show once per page kind, on
    the year pages (or a small site's index), and are kept with the same stamps in
    `full_cards`, by the event's year: after one edit its year page makes one card again,
    not three hundred.
    """

    def __init__(self, env: jinja2.Environment, common: dict, memo: dict[str, str] | None = None,
                 stamp: Callable[[Event], str] | None = None,
                 full_cards: FullCards | None = None) -> None:
        self._env, self._common = env, common
        self._modules: dict[str, object] = {}
        self._cards: dict[tuple, Markup] = {}
        self._memo, self._stamp = (memo, stamp) if memo is not None and stamp else (None, None)
        self._full = full_cards if stamp else None

    def __call__(self, event: Event, level: int = 3, full: bool = True, root: str = "") -> Markup:
        key = (event.slug, level, full, root)
        html = self._cards.get(key)
        if html is None:
            memo = self._full.year(event.date.first.year) if full and self._full else (
                None if full else self._memo)
            if memo is not None:
                html = self._remembered(memo, event, level, root)
                if html is not None:
                    if not full:
                        self._cards[key] = html
                    return html
            module = self._modules.get(root)
            if module is None:
                module = self._env.get_template("_macros.html").make_module({**self._common, "root": root})
                self._modules[root] = module
            html = Markup(module.event_item(event, level, full))  # type: ignore[attr-defined]
            if not full:  # a full card shows once per page kind; only compact ones repeat
                self._cards[key] = html
            if memo is not None:
                memo[card_key(event.slug, level, root)] = self._stamp(event) + html
        return html

    def _remembered(self, memo: dict[str, str], event: Event, level: int, root: str
                    ) -> Markup | None:
        found = memo.get(card_key(event.slug, level, root))
        stamp = self._stamp(event)
        return Markup(found[len(stamp):]) if found and found.startswith(stamp) else None


def card_key(slug: str, level: int, root: str) -> str:
    """The key of a compact card in RenderMemo.cards; the event's slug comes first."""
    return f"{slug}\x1f{level}\x1f{root}"


def _templates_digest(site_root: Path) -> str:
    parts: list[object] = []
    for folder in (DEFAULT_TEMPLATES, site_root / "templates"):
        for path, rel in _template_files(folder, site_root):
            parts += [rel, path.read_bytes()]
    return digest(*parts)


def static_files(site_root: Path) -> dict[str, bytes]:
    """Default static assets, overridden file by file by the site's templates/static/."""
    out: dict[str, bytes] = {}
    for folder in (DEFAULT_TEMPLATES / "static", site_root / "templates" / "static"):
        for path, rel in _template_files(folder, site_root):
            out[f"static/{rel}"] = path.read_bytes()
    return out


def _template_files(folder: Path, site_root: Path) -> list[tuple[Path, str]]:
    """The files under `folder` as (path, path relative to it), sorted by that; RenderError
    for one that must not be read.

    A template or static file is read and may be published as it is, so in the site's own
    templates/ a symlink to a file outside the site folder (/etc/passwd) is refused, naming
    the link and never showing its target's text; so is anything that is not a regular file
    (a FIFO would hang the build, a device fill memory). Symlinked folders are not entered.
    """
    if not folder.is_dir():
        return []
    own = folder != DEFAULT_TEMPLATES and DEFAULT_TEMPLATES not in folder.parents
    found = []
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            path = Path(dirpath, name)
            if own:
                why = _unreadable(path, site_root, folder)
                if why:
                    raise RenderError(Problem(_shown_template(path, site_root), None, None, why))
            elif not path.is_file():
                continue
            found.append((path, path.relative_to(folder).as_posix()))
    return sorted(found, key=lambda item: item[1])


def _unreadable(path: Path, site_root: Path, folder: Path) -> str:
    """Why a file of the site's templates/ must not be read, or "".

    A file may link within the site, or within `folder` where that is itself a link (the
    site owner's choice), as content files may.
    """
    if not is_inside(path, site_root) and not is_inside(path, folder):
        return "is a link to a file outside the site folder; refusing to read or publish it"
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:  # a dangling link
        return f"cannot read file: {exc.strerror}"
    return "" if stat.S_ISREG(mode) else "is not a regular file; refusing to read it"


def _shown_template(path: Path, site_root: Path) -> str:
    try:
        return path.relative_to(site_root).as_posix()
    except ValueError:
        return str(path)


def _render(env: jinja2.Environment, name: str, **context: object) -> bytes:
    try:
        return env.get_template(name).render(**context).encode("utf-8")
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise RenderError(Problem(_template_path(where), exc.lineno, None,
                                  f"template syntax error: {exc.message}")) from None
    except jinja2.sandbox.SecurityError as exc:
        path, line = _template_frame(exc)
        raise RenderError(Problem(path or f"templates/{name}", line, None,
                                  f"template refused by the sandbox (--sandbox): {exc}")) from None
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
