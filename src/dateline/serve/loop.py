"""The loop of `dateline serve`: build once, watch content/ and templates/, rebuild on change.

A failed build is printed in the terminal and shown on the page (`dateline.livereload`);
site/ keeps the last good build (`build` never half-writes it), so serving goes on.
"""

from __future__ import annotations

import threading
import time
import traceback
import webbrowser
from collections.abc import Callable, Iterable
from pathlib import Path

from dateline.build.resident import Resident
from dateline.livereload import LiveState
from dateline.serve.handler import Say, make_server, say_stderr

Build = Callable[[], list[str]]
WATCH_TICK_MS = 250


def run_build(build: Build, live: LiveState, say: Say = say_stderr) -> list[str]:
    """Run one build, record it in `live` and report it in the terminal; its problem lines."""
    live.begin()
    started = time.perf_counter()
    try:
        problems = [str(p) for p in build()]
    except Exception as exc:  # noqa: BLE001 - a bug in a build must not end the preview
        problems = [f"internal error: {type(exc).__name__}: {exc}"]
        say("".join(traceback.format_exception(exc)).rstrip())
    live.finish(problems)
    if problems:
        for line in problems:
            say(line)
        say(f"build failed ({len(problems)} problem(s)); still serving the last good build")
    else:
        say(f"built in {time.perf_counter() - started:.2f} s")
    return problems


def default_build(root: Path, out: Path, say: Say = say_stderr,
                  resident: Resident | None = None) -> list[str]:
    """Build `root` into `out` exactly as `dateline build` does (same cache, same all-or-nothing
    write); returns the problem lines of a failed build, never raising for bad content.
    `resident` keeps the saved state in memory from one build to the next (build/resident.py)."""
    from dateline.build.recipe import build_site

    # No forking beside the server threads.
    result = build_site(root, out, parallel=False, resident=resident)
    if not result.ok:
        return [str(p) for p in result.problems]
    for warning in result.problems:
        say(str(warning))
    return []


def watched_folders(root: Path) -> list[Path]:
    """The folders whose changes rebuild the site."""
    return [root / "content", root / "templates"]


def watch_sources(folders: Iterable[Path], on_change: Callable[[set[str]], None],
                  stop: threading.Event, ready: threading.Event | None = None) -> None:
    """Call `on_change(paths)` after each burst of changes in `folders` until `stop` is set.

    `ready` is set once the folders are being watched, so a save made right after
    "serving ..." is printed is not lost. watchfiles is imported here so that building
    never needs it. Folders that do not exist when serving starts are not watched
    (watchfiles needs existing paths).
    """
    from watchfiles import watch

    existing = [str(f) for f in folders if Path(f).is_dir()]
    if not existing:
        if ready is not None:
            ready.set()
        return
    # yield_on_timeout: the first (empty) yield proves the watcher is set up; later empty
    # ones cost a loop turn every WATCH_TICK_MS and are skipped.
    for changes in watch(*existing, stop_event=stop, raise_interrupt=False,
                         yield_on_timeout=True, rust_timeout=WATCH_TICK_MS):
        if ready is not None:
            ready.set()
        if changes:
            on_change({path for _, path in changes})


def serve(root: Path, out: Path, host: str = "127.0.0.1", port: int = 8000,
          open_browser: bool = False, build: Build | None = None,
          base_path: str = "/") -> None:
    """Build once, serve `out` under `base_path`, rebuild on changes; return on Ctrl-C.

    `build` rebuilds site/ and returns problem lines (empty on success); without it,
    `default_build(root, out)`. Raises ServeError when the address cannot be bound.
    """
    root, out = Path(root), Path(out)
    resident = Resident()
    builder: Build = build or (lambda: default_build(root, out, resident=resident))
    live = LiveState()
    server = make_server(out, host, port, base_path, live=live, quiet=False)  # fail fast
    stop = threading.Event()
    try:
        run_build(builder, live)
        folders = watched_folders(root)
        for folder in folders:
            if not folder.is_dir():
                say_stderr(f"note: {folder} does not exist; create it and restart to watch it")

        def changed(paths: set[str]) -> None:
            shown = sorted(_relative(p, root) for p in paths)
            say_stderr(f"changed: {', '.join(shown[:5])}{' ...' if len(shown) > 5 else ''}")
            run_build(builder, live)

        ready = threading.Event()
        watcher = threading.Thread(target=_watch_guarded, args=(folders, changed, stop, ready),
                                   name="dateline-watch", daemon=True)
        watcher.start()
        ready.wait(5)
        say_stderr(f"serving {out} at {server.url} (Ctrl-C to stop)")
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        say_stderr("stopped")
    finally:
        stop.set()
        live.close()
        server.server_close()


def _watch_guarded(folders: list[Path], on_change: Callable[[set[str]], None],
                   stop: threading.Event, ready: threading.Event) -> None:
    # Without a watcher the preview still serves; say why saves stopped rebuilding.
    try:
        watch_sources(folders, on_change, stop, ready)
    except ImportError:
        say_stderr("note: watchfiles is not installed, so changes are not rebuilt "
             "(pip install watchfiles)")
    except Exception as exc:  # noqa: BLE001 - e.g. the inotify watch limit is reached
        say_stderr(f"note: watching for changes stopped: {type(exc).__name__}: {exc}")
    finally:
        ready.set()


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path
