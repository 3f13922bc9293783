"""The parallel workers of a build: pages (and first their Markdown) rendered on every core.

A forked worker inherits the plan, so nothing but the pages' bytes (or, with a staging
sink, only counts) travels back.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterable

from dateline.build.cardstore import YearCards
from dateline.build.write import Staging
from dateline.render import Page

PARALLEL_FROM = 400  # pages; below this, starting workers costs more than it saves (measured at 1,000 events)
# What forked workers inherit: the pages, the Markdown and card memos, the sink.
_JOB: tuple[list[Page], dict[str, str], dict[str, str], Staging | None, YearCards | None] | None = None


def render_pages(pages: list[Page], markdown_cache: dict[str, str], parallel: bool = True,
                 bodies: list[str] | None = None, sink: Staging | None = None,
                 cards: dict[str, str] | None = None,
                 full_cards: YearCards | None = None) -> dict[str, bytes]:
    """Render pages, on every core for a large build (a forked worker inherits the plan).

    Two rounds of forked workers: the first converts the Markdown bodies not yet in
    `markdown_cache`, each body once, while this process makes the exports; the second,
    forked once the cache is complete, renders the HTML pages. With a `sink`, every file
    goes into it as soon as it is made (by the worker that made it) and nothing is returned;
    otherwise the files come back as {path: bytes}. A template error surfaces as a RenderError.
    `cards` is the memo of compact cards the pages render with (RenderMemo.cards): what the
    workers add to it comes back into it, as their Markdown does, and so do the full cards
    they add to `full_cards` (RenderMemo.full_cards).
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
            with ctx.Pool(workers, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
                pending = pool.map_async(_markdown_share, [todo[i::workers] for i in range(workers)])
                files.update(_emit(((p.path, p.make()) for p in others), sink))
                for part in pending.get():
                    markdown_cache.update(part)
        _JOB = (html, markdown_cache, {} if cards is None else cards, sink, full_cards)
        with ctx.Pool(workers, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
            pending = pool.starmap_async(_render_share, [(i, workers) for i in range(workers)])
            if not todo:
                files.update(_emit(((p.path, p.make()) for p in others), sink))
            for rendered, markdown, made, full, counts in pending.get():
                files.update(rendered)
                markdown_cache.update(markdown)
                if cards is not None:
                    cards.update(made)
                if full_cards is not None:
                    full_cards.add(full)
                if sink is not None:
                    sink.count(*counts)
    finally:
        _JOB = None
    return files


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when the build process dies (kill -9 included).

    An orphaned worker would go on writing pages into a staging folder that the next build
    is removing, and would hold the build lock it inherited.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, 9, 0, 0, 0)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _emit(made: Iterable[tuple[str, bytes]], sink: Staging | None) -> dict[str, bytes]:
    if sink is None:
        return dict(made)
    for path, data in made:
        sink.put(path, data)
    return {}


def _markdown_share(bodies: list[str]) -> dict[str, str]:
    from dateline.render import MarkdownRenderer  # a worker makes its own converter

    render = MarkdownRenderer()
    return {body: render(body) for body in bodies}


def _render_share(share: int, workers: int
                  ) -> tuple[dict[str, bytes], dict[str, str], dict[str, str],
                             dict[int, dict[str, str]], tuple[int, int]]:
    assert _JOB is not None
    pages, markdown_cache, cards, sink, full_cards = _JOB
    known = len(markdown_cache)
    inherited = dict(cards)  # a card made again replaces its entry in place
    before = (sink.written, sink.unchanged) if sink is not None else (0, 0)
    rendered = _emit(((p.path, p.make()) for p in pages[share::workers]), sink)
    counts = (sink.written - before[0], sink.unchanged - before[1]) if sink is not None else (0, 0)
    # Dicts keep insertion order: what this worker added comes after what it inherited.
    added = dict(itertools.islice(markdown_cache.items(), known, None))
    made = {k: v for k, v in cards.items() if inherited.get(k) is not v}
    return rendered, added, made, full_cards.made() if full_cards is not None else {}, counts
