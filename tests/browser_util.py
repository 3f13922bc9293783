"""Shared Playwright fixtures and helpers: the example site, built and served under a
subpath as GitHub Pages serves a project page, driven by Debian's chromium.

Playwright comes from pip; its own browser download (`playwright install`) cannot work on
our machines, so the browser is the system chromium (scripts/install-browser.sh). Without
it the browser tests skip, except in CI (CI=true), where they fail: a missing install step
must not pass as green.

Import the fixtures into a test module by name (see tests/test_browser.py).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import REPO, run_dateline

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, Route

SUBPATH = "/dateline/"  # the example's base_url; Pages serves a project under /<repo>/
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
# Resource kinds a static site must ship itself: loading them from elsewhere is a failure.
OWN_RESOURCE_TYPES = {"script", "stylesheet", "font", "fetch", "xhr", "document"}


def in_ci() -> bool:
    """True on CI, where a missing browser must fail the run instead of skipping."""
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def unavailable(reason: str) -> None:
    """Skip locally; fail in CI."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: browser tests must run; see scripts/install-browser.sh)",
                    pytrace=False)
    pytest.skip(reason)


def find_chromium() -> str | None:
    """The system chromium: $DATELINE_CHROMIUM, else chromium on PATH, else Debian's path."""
    for candidate in (os.environ.get("DATELINE_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@dataclass
class PageProblems:
    """What went wrong while a page was open: console errors, script errors, requests."""

    console: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)  # blocked: the tests stay offline

    def all(self) -> list[str]:
        """Every problem as one readable line each (external images are not problems)."""
        return ([f"console error: {m}" for m in self.console]
                + [f"page error: {m}" for m in self.page_errors]
                + [f"request failed: {m}" for m in self.failed_requests]
                + [f"HTTP error: {m}" for m in self.bad_responses]
                + [f"external {m}" for m in self.external if not m.startswith("image ")])

    def clear(self) -> None:
        """Forget what was seen (before loading the next page in the same tab)."""
        for items in (self.console, self.page_errors, self.failed_requests,
                      self.bad_responses, self.external):
            items.clear()


@dataclass
class BrowserSite:
    """The built example site, its server and the browser; open pages with `page()`."""

    root: Path          # the site folder (content/, templates/)
    out: Path           # the built site/
    base_url: str       # e.g. http://127.0.0.1:41234/dateline/
    browser: Browser

    def html_pages(self) -> list[str]:
        """Every built HTML page, relative to site/ ('index.html', 'events/x.html', ...)."""
        return sorted(p.relative_to(self.out).as_posix() for p in self.out.rglob("*.html"))

    def event_pages(self) -> list[str]:
        """The built event pages."""
        return [p for p in self.html_pages() if p.startswith("events/")]

    def url(self, rel: str = "") -> str:
        """The served URL of a file relative to site/."""
        return urljoin(self.base_url, rel)

    def is_internal(self, url: str) -> bool:
        """True for a URL on this machine (our test servers); anything else is the network."""
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.hostname in ("127.0.0.1", "localhost")

    @contextmanager
    def page(self, **context_options: Any) -> Iterator[tuple[Page, PageProblems]]:
        """A fresh browser context and page (DESKTOP unless told), watched for problems."""
        context = self.browser.new_context(**(context_options or DESKTOP))
        page = context.new_page()
        problems = PageProblems()
        watch_page(page, problems, self)
        try:
            yield page, problems
        finally:
            context.close()


def watch_page(page: Page, problems: PageProblems, site: BrowserSite) -> None:
    """Record console errors, uncaught exceptions, failed requests and HTTP errors; block
    every request that leaves our server (the tests must not depend on the network)."""

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            problems.console.append(f"{msg.text} ({msg.location.get('url', '')})")

    def on_failed(request: Request) -> None:
        if site.is_internal(request.url):
            problems.failed_requests.append(f"{request.url}: {request.failure}")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            problems.bad_responses.append(f"{response.status} {response.url}")

    def route(route: Route) -> None:
        request = route.request
        if site.is_internal(request.url) or request.url.startswith(("data:", "blob:")):
            route.continue_()
            return
        problems.external.append(f"{request.resource_type} {request.url}")
        route.abort("blockedbyclient")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.page_errors.append(str(exc)))
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    page.route("**/*", route)


def build_example(target: Path) -> Path:
    """Copy the repository's example site into `target` and build it; its site/ folder."""
    shutil.copytree(REPO / "content", target / "content")
    if (REPO / "templates").is_dir():
        shutil.copytree(REPO / "templates", target / "templates")
    done = run_dateline("-C", str(target), "build", timeout=120)
    assert done.returncode == 0, f"example site did not build:\n{done.stdout}\n{done.stderr}"
    return target / "site"


@pytest.fixture(scope="session")
def browser_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserSite]:
    """The example site, built, served on 127.0.0.1 under SUBPATH, with chromium running."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install playwright; it is in the test "
                    "extra)")
    chromium = find_chromium()
    if chromium is None:
        unavailable("chromium is not installed (scripts/install-browser.sh installs it)")

    from dateline.serve import make_server

    root = tmp_path_factory.mktemp("browser-site")
    out = build_example(root)
    server = make_server(out, host="127.0.0.1", port=0, base_path=SUBPATH)  # plain: no live JS
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              name="browser-site-server", daemon=True)
    thread.start()
    try:
        with sync_playwright() as pw:
            try:
                browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            except Exception as exc:  # noqa: BLE001 - report any launch failure the same way
                unavailable(f"chromium at {chromium} did not start: {exc}")
            try:
                yield BrowserSite(root=root, out=out, base_url=server.url, browser=browser)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
