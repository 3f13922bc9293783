"""The build recipe: load -> validate -> plan pages -> render what changed -> write.

`build` and `serve` both call build_site(). It never raises for bad content: problems come
back in the result, and a failed build leaves site/ exactly as it was.
"""

from __future__ import annotations

import dataclasses
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.build import cache
from dateline.build.lock import BuildLock
from dateline.build.resident import Resident
from dateline.build.stats import (
    Stat,
    file_stats,
    input_stats,
    manifest_digest,
    site_manifest,
    site_unchanged,
)
from dateline.build.write import Staging, WriteReport, list_files, recover
from dateline.content import FileMemo, load_content
from dateline.model import Content, Problem
from dateline.urls import with_slash

if TYPE_CHECKING:
    from dateline.render import Planned, RenderMemo


@dataclass
class BuildResult:
    """What a build did, for the command line and for serve."""

    ok: bool
    problems: list[Problem] = field(default_factory=list)
    events: int = 0
    files: int = 0
    report: WriteReport | None = None
    up_to_date: bool = False
    notes: list[str] = field(default_factory=list)  # one line each, e.g. a refused cache
    timings: dict[str, float] = field(default_factory=dict)
    # The build's data (state, content, plan), kept so that a command about to exit can
    # leave it to the OS instead of freeing a million objects one by one.
    kept: object = field(default=None, repr=False, compare=False)


def build_site(root: Path, out: Path, strict: bool = False, use_cache: bool = True,
               site_url: str | None = None, parallel: bool = True,
               base_url: str | None = None,
               on_wait: Callable[[str], None] | None = None,
               resident: Resident | None = None) -> BuildResult:
    """Build `root`'s content into `out`, reusing what the previous build left where valid.

    One build at a time writes `out`: another one waits for it (telling `on_wait` whom it
    waits for). Leftovers of killed builds beside `out` are repaired or removed first.
    A process that builds again and again (serve) passes the same `resident` each time:
    the state a build saved is then kept in memory for the next instead of read back.
    """
    # A build makes hundreds of thousands of small objects and almost no cycles; the cyclic
    # collector rescanning them all again and again cost a quarter of a large build.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with BuildLock(out, on_wait):
            recover(out)
            return _build(root, out, strict, use_cache, site_url, parallel, base_url, resident)
    finally:
        if enabled:
            gc.enable()


def _build(root: Path, out: Path, strict: bool, use_cache: bool, site_url: str | None,
           parallel: bool, base_url: str | None = None,
           resident: Resident | None = None) -> BuildResult:
    """check -> load -> validate -> plan -> render -> write -> save, as the module says."""
    clock = _Clock()
    out = out.resolve()
    stats = input_stats(root)
    options = (str(out), site_url, strict, base_url)
    fingerprint = cache.input_fingerprint(stats, options)
    if use_cache and _up_to_date(root, out, fingerprint):
        clock.lap("check")
        return BuildResult(True, up_to_date=True, timings=clock.laps)
    # Only a build with something to do imports the renderer (Jinja and every page's
    # module): a no-op build stops above without it.
    from dateline.build.compiled import template_cache
    from dateline.render import RenderError, RenderMemo

    state = resident.take(root, options) if resident is not None and use_cache else None
    if state is None:
        state = cache.load_state(root) if use_cache else cache.BuildState()
    cache.reuse_unchanged_bytes(root, state, stats)
    content = _load(root, state, stats, site_url, parallel, clock, base_url)
    failing = content.problems if strict else content.errors
    if failing:
        cache.clear_fingerprint(root)
        return BuildResult(False, content.problems, len(content.events), notes=_notes(state),
                           timings=clock.laps)
    exports = cache.exports_memo(root, out, state)
    # Pages are rendered only where their key changed when site/ is as the last build left it.
    inodes: dict[str, int] = {}  # site/'s files, from the same walk (staging needs them)
    in_place = state.out == str(out) and site_unchanged(out, state.manifest, inodes)
    try:
        if use_cache:
            state.full_cards = cache.year_cards(root, state)
        memo = RenderMemo(state.markdown, exports, template_cache() if use_cache else None,
                          state.cards, state.full_cards)
        planned = _plan(content, root, memo, state, in_place)
        clock.lap("plan")
        report, manifest = _render_and_write(planned, content, state, out, parallel, clock,
                                             in_place, inodes)
    except RenderError as exc:
        cache.clear_fingerprint(root)
        return BuildResult(False, [*content.problems, exc.problem], len(content.events),
                           notes=_notes(state), timings=clock.laps)
    clock.lap("write")
    if use_cache:
        state.exports = exports
        saved = _remember(root, out, state, content, planned, fingerprint, manifest)
        if saved and resident is not None:
            resident.keep(root, options, state)
        clock.lap("save cache")
    return BuildResult(True, content.problems, len(content.events), len(planned.paths), report,
                       notes=_notes(state), timings=clock.laps, kept=(state, content, planned))


def _plan(content: Content, root: Path, memo: RenderMemo, state: cache.BuildState,
          in_place: bool) -> Planned:
    """Every page, or after an edit that left the site's layout as it was, only the pages
    whose key may have changed (the others keep the keys in `state.pages`)."""
    from dateline.render import plan_build

    changed = _changed_events(state, content) if in_place else None
    planned = plan_build(content, root, memo=memo, changed=changed, layout=state.layout)
    if planned.partial and (set(planned.paths) != state.pages.keys()
                            or not state.pages.keys() <= state.manifest.keys()):
        # The same layout must mean the same files: if not, plan them all (never a wrong site).
        planned = plan_build(content, root, memo=memo)
    return planned


def _changed_events(state: cache.BuildState, content: Content) -> set[str] | None:
    """The slugs of the events whose file is not the one the last build read (None when that
    cannot be told: no previous build, a refused cache, problems in the content)."""
    if not state.layout or state.notes or content.problems or "files" not in state.loaded:
        return None
    before = state.loaded["files"][0]
    changed = set()
    for shown, entry in state.files.items():
        old = before.get(shown)
        if old is entry or entry.event is None:  # as loaded: the file is unchanged
            continue
        if old is None or old.event is None or old.event.digest != entry.event.digest:
            changed.add(entry.event.slug)
    return changed


def _notes(state: cache.BuildState) -> list[str]:
    if not state.notes:
        return []
    more = f" and {len(state.notes) - 1} more" if len(state.notes) > 1 else ""
    return [f"note: ignored a damaged or outdated build cache ({state.notes[0]}{more}); "
            "this build is slower, not different"]


def _load(root: Path, state: cache.BuildState, stats: dict[str, Stat],
          site_url: str | None, parallel: bool, clock: _Clock,
          base_url: str | None = None) -> Content:
    """The validated content, with the parsed files kept in `state` for the next build."""
    loaded = load_content(root, FileMemo(state.settings_key, state.files), stats, parallel)
    state.files, state.settings_key = loaded.memo.files, loaded.memo.settings_key
    content = loaded.content
    if site_url is not None:
        content = dataclasses.replace(
            content, timeline=dataclasses.replace(content.timeline, url=with_slash(site_url)))
    if base_url is not None:
        path = with_slash(base_url)
        content = dataclasses.replace(content, timeline=dataclasses.replace(
            content.timeline, base_url=path, not_found_root=path))
    clock.lap("load")
    clock.split("load", "validate", loaded.validate_seconds)
    return content


def _render_and_write(planned: Planned, content: Content, state: cache.BuildState, out: Path,
                      parallel: bool, clock: _Clock, in_place: bool,
                      inodes: dict[str, int] | None = None
                      ) -> tuple[WriteReport, dict[str, Stat]]:
    """Render what changed and swap it in; returns the report and the new manifest of site/.

    Either way the new site is staged beside site/ and swapped in whole (write.py). When
    site/ is exactly what the last build left (`in_place`), only pages whose key changed
    are rendered. `inodes` are site/'s files as write.list_files() lists them, when the
    caller has them.
    """
    from dateline.build.workers import render_pages

    plan = planned.pages
    bodies = [e.body for e in content.events if e.body]
    paths = set(planned.paths)
    if in_place:
        todo = [p for p in plan if state.pages.get(p.path) != p.key or p.path not in state.manifest]
        changed = render_pages(todo, state.markdown, parallel, bodies, cards=state.cards,
                               full_cards=state.full_cards)
        clock.lap("render")
        staging = Staging(out, inodes or list_files(out), skip=set(changed))
        try:
            for rel, data in sorted(changed.items()):
                staging.put(rel, data)
        except BaseException:
            staging.abort()
            raise
        report = staging.commit(paths)
        report = dataclasses.replace(report, unchanged=len(paths) - report.written)
        # Only what this build wrote, linked or removed can differ from the last manifest.
        manifest = {k: v for k, v in state.manifest.items() if k in paths}
        manifest.update(file_stats(out, (changed.keys() | staging.linked) & paths))
        return report, manifest
    # Pages go straight into the staging folder, from the workers that render them.
    staging = Staging(out)
    try:
        render_pages(plan, state.markdown, parallel, bodies, sink=staging, cards=state.cards,
                     full_cards=state.full_cards)
    except BaseException:
        staging.abort()
        raise
    clock.lap("render")
    return staging.commit(paths), site_manifest(out)


def _up_to_date(root: Path, out: Path, fingerprint: str) -> bool:
    stored = cache.stored_fingerprint(root).split("\n")
    if len(stored) != 2 or stored[0] != fingerprint:
        return False
    return manifest_digest(site_manifest(out)) == stored[1]


def _remember(root: Path, out: Path, state: cache.BuildState, content: Content,
              planned: Planned, fingerprint: str, manifest: dict[str, Stat]) -> bool:
    """Keep what this build made in `state` and save it; False if it could not be saved."""
    if planned.partial:
        # The same events as before: only the old bodies of the changed ones may be stale
        # (the same text on another event only costs that one a conversion), and their cards
        # were made again in place.
        _forget_old_bodies(state)
    else:
        bodies = {e.body for e in content.events}
        cache.read_all(state)  # what is kept is chosen from every shard, read or not
        state.markdown = {k: v for k, v in state.markdown.items() if k in bodies}
        slugs = {e.slug for e in content.events}
        state.cards = {k: v for k, v in state.cards.items() if k.partition("\x1f")[0] in slugs}
    keys = {p.path: p.key for p in planned.pages}
    state.pages = {**state.pages, **keys} if planned.partial else keys
    state.layout = planned.layout
    state.out = str(out)
    state.manifest = manifest
    # Only a build without warnings may be skipped next time: warnings must be shown again.
    line = "" if content.problems else f"{fingerprint}\n{manifest_digest(state.manifest)}"
    return cache.save_state(root, state, line)


def _forget_old_bodies(state: cache.BuildState) -> None:
    """Drop the Markdown of the bodies that changed files no longer have."""
    before = state.loaded.get("files", ({}, []))[0]
    old, new = set(), set()
    for shown, entry in state.files.items():
        was = before.get(shown)
        if was is not entry:  # parsed again this build
            if was is not None and was.event is not None:
                old.add(was.event.body)
            if entry.event is not None:
                new.add(entry.event.body)
    for body in old - new:
        state.markdown.pop(body, None)


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
