"""The build recipe: load -> validate -> plan pages -> render what changed -> write.

`build` and `serve` both call build_site(). It never raises for bad content: problems come
back in the result, and a failed build leaves site/ exactly as it was.
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline import cache
from dateline.content import FileMemo, load_content
from dateline.digests import digest
from dateline.model import Content, Problem
from dateline.render import Page, RenderError, RenderMemo, plan_site
from dateline.site.text import with_slash
from dateline.write import Staging, WriteReport, update_site


@dataclass
class BuildResult:
    """What a build did, for the command line and for serve."""

    ok: bool
    problems: list[Problem] = field(default_factory=list)
    events: int = 0
    files: int = 0
    report: WriteReport | None = None
    up_to_date: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    # The build's data (state, content, plan), kept so that a command about to exit can
    # leave it to the OS instead of freeing a million objects one by one.
    kept: object = field(default=None, repr=False, compare=False)


def build_site(root: Path, out: Path, strict: bool = False, use_cache: bool = True,
               site_url: str | None = None, parallel: bool = True) -> BuildResult:
    """Build `root`'s content into `out`, reusing what the previous build left where valid."""
    # A build makes hundreds of thousands of small objects and almost no cycles; the cyclic
    # collector rescanning them all again and again cost a quarter of a large build.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(root, out, strict, use_cache, site_url, parallel)
    finally:
        if enabled:
            gc.enable()


def _build(root: Path, out: Path, strict: bool, use_cache: bool, site_url: str | None,
           parallel: bool) -> BuildResult:
    clock = _Clock()
    out = out.resolve()
    stats = cache.input_stats(root)
    fingerprint = cache.input_fingerprint(stats, (str(out), site_url, strict))
    if use_cache and _up_to_date(root, out, fingerprint):
        clock.lap("check")
        return BuildResult(True, up_to_date=True, timings=clock.laps)
    state = cache.load_state(root) if use_cache else cache.BuildState()
    loaded = load_content(root, FileMemo(state.settings_key, state.files), stats, parallel)
    state.files, state.settings_key = loaded.memo.files, loaded.memo.settings_key
    content = loaded.content
    if site_url is not None:
        content = dataclasses.replace(
            content, timeline=dataclasses.replace(content.timeline, url=with_slash(site_url)))
    clock.lap("load")
    clock.split("load", "validate", loaded.validate_seconds)
    failing = content.problems if strict else content.errors
    if failing:
        cache.clear_fingerprint(root)
        return BuildResult(False, content.problems, len(content.events), timings=clock.laps)
    try:
        fragments = cache.Fragments(state.fragments)
        memo = RenderMemo(state.markdown, fragments, cache.bytecode_cache(root) if use_cache else None)
        plan = plan_site(content, root, memo=memo)
        clock.lap("plan")
        incremental = state.out == str(out) and cache.site_unchanged(out, state.manifest)
        bodies = [e.body for e in content.events if e.body]
        if incremental:
            todo = [p for p in plan if state.pages.get(p.path) != p.key or p.path not in state.manifest]
            keep = {p.path for p in plan}
            changed = render_pages(todo, state.markdown, parallel, bodies)
            clock.lap("render")
            report = update_site(changed, keep, out)
            # Only what this build wrote or removed can differ from the last manifest.
            manifest = {k: v for k, v in state.manifest.items() if k in keep}
            manifest.update(cache.file_stats(out, changed))
        else:
            # Pages go straight into a staging folder, from the workers that render them.
            staging = Staging(out)
            try:
                render_pages(plan, state.markdown, parallel, bodies, sink=staging)
            except BaseException:
                staging.abort()
                raise
            clock.lap("render")
            report = staging.commit({p.path for p in plan})
            manifest = cache.site_manifest(out)
    except RenderError as exc:
        cache.clear_fingerprint(root)
        return BuildResult(False, [*content.problems, exc.problem], len(content.events),
                           timings=clock.laps)
    clock.lap("write")
    if use_cache:
        if fragments.touched:
            state.fragments = fragments.fresh()
        _remember(root, out, state, content, plan, fingerprint, manifest)
        clock.lap("save cache")
    return BuildResult(True, content.problems, len(content.events), len(plan), report,
                       timings=clock.laps, kept=(state, content, plan))


PARALLEL_FROM = 400  # pages; below this, starting workers costs more than it saves (measured at 1,000 events)
_JOB: tuple[list[Page], dict[str, str], Staging | None] | None = None  # what forked workers inherit


def render_pages(pages: list[Page], markdown_cache: dict[str, str], parallel: bool = True,
                 bodies: list[str] | None = None, sink: Staging | None = None) -> dict[str, bytes]:
    """Render pages, on every core for a large build (a forked worker inherits the plan).

    Two rounds of forked workers: the first converts the Markdown bodies not yet in
    `markdown_cache`, each body once, while this process makes the exports; the second,
    forked once the cache is complete, renders the HTML pages. With a `sink`, every file
    goes into it as soon as it is made (by the worker that made it) and nothing is returned;
    otherwise the files come back as {path: bytes}. A template error surfaces as a RenderError.
    """
    workers = min(os.cpu_count() or 1, 4)
    html = [p for p in pages if p.path.endswith(".html")]
    if not parallel or workers < 2 or len(html) < PARALLEL_FROM or sys.platform != "linux":
        return _emit(((p.path, p.make()) for p in pages), sink)
    import multiprocessing  # only a large build uses it

    global _JOB
    ctx = multiprocessing.get_context("fork")
    others = [p for p in pages if not p.path.endswith(".html")]
    todo = [b for b in dict.fromkeys(bodies or ()) if b not in markdown_cache]
    files: dict[str, bytes] = {}
    try:
        if todo:
            # A worker that met a body not converted yet would convert it again: a body shows
            # on its event page and on a year page, and those may be rendered apart.
            with ctx.Pool(workers) as pool:
                pending = pool.map_async(_markdown_share, [todo[i::workers] for i in range(workers)])
                files.update(_emit(((p.path, p.make()) for p in others), sink))
                for part in pending.get():
                    markdown_cache.update(part)
        _JOB = (html, markdown_cache, sink)
        with ctx.Pool(workers) as pool:
            pending = pool.starmap_async(_render_share, [(i, workers) for i in range(workers)])
            if not todo:
                files.update(_emit(((p.path, p.make()) for p in others), sink))
            for rendered, markdown, counts in pending.get():
                files.update(rendered)
                markdown_cache.update(markdown)
                if sink is not None:
                    sink.count(*counts)
    finally:
        _JOB = None
    return files


def _emit(made: Iterable[tuple[str, bytes]], sink: Staging | None) -> dict[str, bytes]:
    if sink is None:
        return dict(made)
    for path, data in made:
        sink.put(path, data)
    return {}


def _markdown_share(bodies: list[str]) -> dict[str, str]:
    from dateline.render import MarkdownRenderer

    render = MarkdownRenderer()
    return {body: render(body) for body in bodies}


def _render_share(share: int, workers: int
                  ) -> tuple[dict[str, bytes], dict[str, str], tuple[int, int]]:
    assert _JOB is not None
    pages, markdown_cache, sink = _JOB
    known = len(markdown_cache)
    before = (sink.written, sink.unchanged) if sink is not None else (0, 0)
    rendered = _emit(((p.path, p.make()) for p in pages[share::workers]), sink)
    counts = (sink.written - before[0], sink.unchanged - before[1]) if sink is not None else (0, 0)
    # Dicts keep insertion order: what this worker added comes after what it inherited.
    added = dict(itertools.islice(markdown_cache.items(), known, None))
    return rendered, added, counts


def _up_to_date(root: Path, out: Path, fingerprint: str) -> bool:
    stored = cache.stored_fingerprint(root).split("\n")
    if len(stored) != 2 or stored[0] != fingerprint:
        return False
    return digest(sorted(cache.site_manifest(out).items())) == stored[1]


def _remember(root: Path, out: Path, state: cache.BuildState, content: Content, plan: list,
              fingerprint: str, manifest: dict[str, tuple[int, int]]) -> None:
    bodies = {e.body for e in content.events}
    state.markdown = {k: v for k, v in state.markdown.items() if k in bodies}
    state.pages = {p.path: p.key for p in plan}
    state.out = str(out)
    state.manifest = manifest
    # Only a build without warnings may be skipped next time: warnings must be shown again.
    line = "" if content.problems else f"{fingerprint}\n{digest(sorted(state.manifest.items()))}"
    cache.save_state(root, state, line)


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def split(self, name: str, part: str, seconds: float) -> None:
        """Report `seconds` of lap `name` as a lap of its own, `part`, right after it."""
        self.laps[name] -= seconds
        self.laps[part] = seconds

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._last
        self._last = now
