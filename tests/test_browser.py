"""The built example site in a real browser: clean loads, keyboard access, links, layout on
a phone, and an axe-core audit (WCAG 2.1 A and AA).

Every test iterates the pages the build actually wrote, so new page kinds (tag pages,
feeds, year pages) are covered as soon as they exist.
"""

from __future__ import annotations

import http.client
import os
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from browser_util import DESKTOP, PHONE, REPO, BrowserSite, browser_site, unavailable  # noqa: F401

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LINK_SELECTOR = "a[href], link[href], script[src], img[src]"
# The absolute URL an element points at; SVG links keep theirs in href.baseVal.
URL_OF = """e => {
  const raw = e.href !== undefined ? e.href : e.src;
  if (raw && typeof raw === 'object' && 'baseVal' in raw) {
    return new URL(raw.baseVal, document.baseURI).href;
  }
  return raw || e.src || '';
}"""


def goto(page, url: str) -> None:
    """Load a page; "load" comes after deferred scripts have run (networkidle would add
    half a second a page for nothing: the pages fetch nothing until a user acts)."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"


# --------------------------------------------------------------------------- set-up


@pytest.mark.parametrize("ci,outcome", [("", pytest.skip.Exception),
                                        ("true", pytest.fail.Exception)])
def test_missing_browser_skips_locally_but_fails_in_ci(monkeypatch: pytest.MonkeyPatch,
                                                       ci: str, outcome: type) -> None:
    """A CI machine without chromium must go red, not quietly skip every browser test."""
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="chromium is not installed"):
        unavailable("chromium is not installed")


# --------------------------------------------------------------------------- clean loads


def test_every_page_loads_without_errors(browser_site: BrowserSite) -> None:  # noqa: F811
    pages = browser_site.html_pages()
    assert "index.html" in pages and browser_site.event_pages()
    failures: dict[str, list[str]] = {}
    with browser_site.page() as (page, problems):
        for rel in pages:
            problems.clear()
            goto(page, browser_site.url(rel))
            if problems.all():
                failures[rel] = problems.all()
    assert not failures, "\n".join(f"{rel}:\n  " + "\n  ".join(p) for rel, p in failures.items())


# --------------------------------------------------------------------------- keyboard


def test_tab_reaches_skip_link_first_then_every_event_link(browser_site: BrowserSite) -> None:  # noqa: F811
    with browser_site.page() as (page, problems):
        goto(page, browser_site.url("index.html"))
        event_links = {
            href.split("#")[0]
            for href in page.eval_on_selector_all("a[href]", f"els => els.map({URL_OF})")
            if href.startswith(browser_site.url("events/")) and href.split("#")[0].endswith(".html")
        }
        assert event_links, "the index links no event pages"

        page.keyboard.press("Tab")
        first = page.evaluate("""() => { const e = document.activeElement;
            return {cls: e.className, href: e.getAttribute('href'), text: e.textContent.trim()}; }""")
        assert first["href"] == "#main" and "skip" in first["cls"], f"first Tab stop: {first}"

        focused: list[str] = []
        # Remember elements, not hrefs: several links may share an href (the site title
        # and a chart link both point at index.html), and only a repeated element means
        # focus has wrapped round.
        step = f"""() => {{
            const e = document.activeElement;
            window.__tabSeen = window.__tabSeen || new Set();
            if (!e || e === document.body) return {{again: false, href: ''}};
            const again = window.__tabSeen.has(e);
            window.__tabSeen.add(e);
            return {{again, href: ({URL_OF})(e) || ''}};
        }}"""
        page.evaluate(step)  # the skip link
        for _ in range(1000):  # far more stops than the page has; the loop ends on a wrap
            page.keyboard.press("Tab")
            stop = page.evaluate(step)
            if stop["again"]:
                break
            if stop["href"]:
                focused.append(stop["href"].split("#")[0])
        missing = event_links - set(focused)
        assert not missing, f"event links never reached by Tab: {sorted(missing)}"

        # The skip link works: it moves to <main>.
        page.keyboard.press("Home")
        goto(page, browser_site.url("index.html"))
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert page.evaluate("() => location.hash") == "#main"
        assert page.evaluate("() => document.getElementById('main') !== null")
        assert not problems.all(), problems.all()


# --------------------------------------------------------------------------- links


def _fetch_status(url: str) -> int:
    """Status of one GET, without following redirects: a link must name the file itself."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        return conn.getresponse().status
    finally:
        conn.close()


def test_every_internal_link_resolves(browser_site: BrowserSite) -> None:  # noqa: F811
    """a[href], link[href], script[src] and img[src] of every page answer 200, and a
    #fragment names an element that exists on the target page."""
    links: dict[str, set[str]] = {}   # target URL (with fragment) -> pages linking it
    ids: dict[str, set[str]] = {}     # page URL -> ids (and a[name]s) in its DOM
    bad_schemes: list[str] = []
    with browser_site.page() as (page, _problems):
        for rel in browser_site.html_pages():
            url = browser_site.url(rel)
            goto(page, url)
            ids[url] = set(page.eval_on_selector_all(
                "[id], a[name]", "els => els.map(e => e.id || e.getAttribute('name'))"))
            for target in page.eval_on_selector_all(LINK_SELECTOR, f"els => els.map({URL_OF})"):
                scheme = urlsplit(target).scheme
                if scheme == "javascript":
                    bad_schemes.append(f"{rel}: {target}")
                elif browser_site.is_internal(target):
                    links.setdefault(target, set()).add(rel)
    assert not bad_schemes, bad_schemes
    assert links, "no internal links found at all"

    broken: list[str] = []
    status_of: dict[str, int] = {}
    for target, sources in sorted(links.items()):
        url, fragment = urldefrag(target)
        if url not in status_of:
            status_of[url] = _fetch_status(url)
        where = ", ".join(sorted(sources)[:3]) + (" ..." if len(sources) > 3 else "")
        if status_of[url] != 200:
            broken.append(f"{status_of[url]} {url} (linked from {where})")
        elif fragment and url in ids and fragment not in ids[url]:
            broken.append(f"no #{fragment} in {url} (linked from {where})")
    assert not broken, "\n".join(broken)


# --------------------------------------------------------------------------- layout


def _screenshot_path(name: str, tmp_path: Path) -> Path:
    """docs/ when DATELINE_SCREENSHOTS=1 (to refresh the README's images), else tmp."""
    if os.environ.get("DATELINE_SCREENSHOTS") == "1":
        return REPO / "docs" / name
    return tmp_path / name


def _horizontal_overflow(page, width: int) -> dict | None:
    """The page's scroll width when it is wider than the screen, else None."""
    sizes = page.evaluate("""() => ({scroll: document.scrollingElement.scrollWidth,
                                     inner: window.innerWidth})""")
    # Mobile Chrome may widen the layout viewport to fit wide content, which would make
    # innerWidth follow the overflow: compare with the device width as well.
    return None if sizes["scroll"] <= min(sizes["inner"], width) else sizes


def test_screenshots_and_no_horizontal_scroll_on_a_phone(browser_site: BrowserSite,  # noqa: F811
                                                         tmp_path: Path) -> None:
    for name, options in (("screenshot-desktop.png", DESKTOP), ("screenshot-phone.png", PHONE)):
        with browser_site.page(**options) as (page, problems):
            goto(page, browser_site.url("index.html"))
            path = _screenshot_path(name, tmp_path)
            page.screenshot(path=str(path))
            assert path.stat().st_size > 1000
            assert not problems.all(), problems.all()
            if options is PHONE:
                overflow = _horizontal_overflow(page, PHONE["viewport"]["width"])
                assert overflow is None, f"index scrolls sideways on a phone: {overflow}"


def test_no_page_scrolls_sideways_on_a_phone(browser_site: BrowserSite) -> None:  # noqa: F811
    wide: dict[str, dict] = {}
    with browser_site.page(**PHONE) as (page, _problems):
        for rel in browser_site.html_pages():
            goto(page, browser_site.url(rel))
            overflow = _horizontal_overflow(page, PHONE["viewport"]["width"])
            if overflow:
                wide[rel] = overflow
    assert not wide, f"pages wider than a 390 px phone: {wide}"


# --------------------------------------------------------------------------- axe-core


def axe_script() -> str:
    """axe-core's own axe.min.js, as shipped inside the axe-playwright-python wheel (no CDN:
    the tests run offline)."""
    try:
        from axe_playwright_python.base import AXE_FILE_PATH
    except ImportError:
        unavailable("axe-playwright-python is not installed (it is in the test extra)")
    return Path(AXE_FILE_PATH).read_text(encoding="utf-8")


def axe_violations(page, script: str) -> list[dict]:
    """Run axe-core on the loaded page with the WCAG 2.1 A and AA rule tags."""
    page.evaluate(script)
    result = page.evaluate("""(tags) => axe.run(document, {
        runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""", AXE_TAGS)
    return result["violations"]


def format_violations(rel: str, violations: list[dict]) -> str:
    """One block per violation: rule id, impact, help, and the offending nodes' targets."""
    lines = []
    for v in violations:
        lines.append(f"{rel}: {v['id']} ({v.get('impact')}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:10]:
            # failureSummary is "Fix any of the following:\n  reason\n  reason".
            reasons = [r.strip() for r in node.get("failureSummary", "").splitlines()[1:]]
            lines.append(f"    {' > '.join(map(str, node['target']))}: {'; '.join(reasons)}")
    return "\n".join(lines)


def audit(site: BrowserSite, pages: list[str], **context: object) -> list[str]:
    """axe-core's violations on each page, formatted; empty when all pass."""
    script = axe_script()
    report: list[str] = []
    with site.page(**context) as (page, _problems):
        for rel in pages:
            goto(page, site.url(rel))
            violations = axe_violations(page, script)
            if violations:
                report.append(format_violations(rel, violations))
    return report


def test_axe_wcag21_aa_on_every_page(browser_site: BrowserSite) -> None:  # noqa: F811
    pages = browser_site.html_pages()
    assert "index.html" in pages and browser_site.event_pages()
    report = audit(browser_site, pages)
    assert not report, "axe-core (WCAG 2.1 A/AA) violations:\n" + "\n".join(report)


def test_axe_wcag21_aa_on_a_phone(browser_site: BrowserSite) -> None:  # noqa: F811
    """The phone layout is a different rendering (reflow, target sizes): audit it too."""
    report = audit(browser_site, ["index.html", browser_site.event_pages()[0]], **PHONE)
    assert not report, "axe-core (WCAG 2.1 A/AA) violations on a phone:\n" + "\n".join(report)


# --------------------------------------------------------------------------- serve


def test_serve_live_reload_and_error_overlay(browser_site: BrowserSite) -> None:  # noqa: F811
    """`dateline serve` in a real browser: a failed build shows the overlay over the last
    good page; the next good build reloads the page, which clears it."""
    import threading

    from dateline.serve import LiveState, make_server, run_build

    live = LiveState()
    run_build(lambda: [], live, say=lambda _: None)
    server = make_server(browser_site.out, port=0, base_path="/dateline/", live=live)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        with browser_site.page() as (page, problems):
            goto(page, server.url)
            page.wait_for_function("() => document.querySelector('script[data-build]')")
            page.wait_for_timeout(300)  # let the event stream connect
            problem = "content/events/x.yaml:3: date: cannot read '2022-02-30' (no such day)"
            run_build(lambda: [problem], live, say=lambda _: None)
            overlay = page.locator("#dateline-build-error")
            overlay.wait_for(state="visible", timeout=10_000)
            assert problem in overlay.inner_text()
            assert overlay.get_attribute("role") == "alert"

            with page.expect_navigation(timeout=10_000):
                run_build(lambda: [], live, say=lambda _: None)
            page.wait_for_load_state("load")
            assert page.locator("#dateline-build-error").count() == 0
            # The reload cuts the old page's event stream: that abort is expected.
            left = [p for p in problems.all() if "/__dateline/events: net::ERR_ABORTED" not in p]
            assert not left, left
    finally:
        live.close()
        server.shutdown()
        server.server_close()
        thread.join(5)


# --------------------------------------------------------------------------- placeholders
# The index's finder (search box and tag/person/place filter) is being built by the lead.
# These helpers are where its browser checks go; no test calls them yet, so nothing here
# tests a feature before it exists.


# --------------------------------------------------------------------------- the finder


def _visible_titles(page) -> list[str]:
    return page.eval_on_selector_all(
        "li.event-item:not([hidden]) .event-title a", "els => els.map(e => e.textContent.trim())")


def test_search_box_narrows_the_index_and_clearing_restores_it(browser_site: BrowserSite) -> None:  # noqa: F811
    with browser_site.page() as (page, problems):
        goto(page, browser_site.url("index.html"))
        everything = _visible_titles(page)
        assert len(everything) >= 9
        assert page.is_visible("form.finder"), "the finder stays hidden only without JavaScript"
        page.fill("#q", "shoigu minsk")
        page.wait_for_function("document.querySelector('#finder-status').textContent.includes('of')")
        assert _visible_titles(page) == ["Russian defence minister Sergei Shoigu visits Minsk"]
        assert page.text_content("#finder-status") == f"1 of {len(everything)} events"
        assert "q=shoigu+minsk" in page.url  # a filtered view can be shared
        # Years without a match fold away with their events.
        assert page.eval_on_selector_all("li.year:not([hidden]) > h2", "els => els.length") == 1
        page.fill("#q", "")
        page.wait_for_function("document.querySelector('#finder-status').textContent === ''")
        assert _visible_titles(page) == everything
        assert not problems.all(), problems.all()


def test_filter_shows_exactly_the_events_of_a_tag_and_survives_a_reload(browser_site: BrowserSite) -> None:  # noqa: F811
    with browser_site.page() as (page, problems):
        goto(page, browser_site.url("index.html"))
        page.select_option("#filter", "tags:diplomacy")
        page.wait_for_function("document.querySelector('#finder-status').textContent !== ''")
        shown = _visible_titles(page)
        # The static tag page is the reference: the filter must agree with it exactly.
        goto(page, browser_site.url("tags/diplomacy.html"))
        listed = page.eval_on_selector_all(".event-title a", "els => els.map(e => e.textContent.trim())")
        assert shown == listed and len(shown) == 2
        goto(page, browser_site.url("index.html") + "?filter=people:vladimir-makei&q=security")
        page.wait_for_function("document.querySelector('#finder-status').textContent !== ''")
        assert _visible_titles(page) == ["Makei tells the UN Security Council Belarus is not an accomplice"]
        assert not problems.all(), problems.all()


# --------------------------------------------------------------------------- XSS in a browser


def test_xss_corpus_runs_no_script_in_the_browser(browser_site: BrowserSite, tmp_path: Path) -> None:  # noqa: F811
    """Every payload page opened in chromium: no dialog opens, no page error, and typing a
    payload into the search box adds no element."""
    import textwrap
    import threading

    from conftest import run_dateline
    from test_xss import PAYLOADS, xss_files

    from dateline.serve import make_server

    root = tmp_path / "xss"
    for rel, text in xss_files().items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    assert run_dateline("-C", str(root), "build").returncode == 0
    server = make_server(root / "site", host="127.0.0.1", port=0, base_path="/x/")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        dialogs: list[str] = []
        with browser_site.page() as (page, problems):
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            pages = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*.html"))
            assert len(pages) > 10
            for rel in pages:
                page.goto(server.url + rel, wait_until="load")
            goto(page, server.url + "index.html")
            before = page.eval_on_selector_all("*", "els => els.length")
            for payload in PAYLOADS:
                page.fill("#q", payload)
                page.wait_for_timeout(200)
            assert page.eval_on_selector_all("*", "els => els.length") == before
            assert dialogs == [], dialogs
            assert problems.page_errors == [], problems.page_errors
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------- several sources

def test_several_sources_pass_axe_and_the_filter_finds_them(browser_site: BrowserSite,  # noqa: F811
                                                              tmp_path: Path) -> None:
    """An event reported by several articles (issue 14): its page and the index pass
    axe-core, and the finder's "reported by several sources" filter shows exactly it."""
    import threading

    from conftest import run_dateline
    from test_sources_site import EVENT, SINGLE

    from dateline.serve import make_server

    root = tmp_path / "story"
    events = root / "content" / "events"
    events.mkdir(parents=True)
    (events / "struck.yaml").write_text(EVENT, encoding="utf-8")
    (events / "demolished.yaml").write_text(SINGLE, encoding="utf-8")
    assert run_dateline("-C", str(root), "build").returncode == 0
    server = make_server(root / "site", host="127.0.0.1", port=0, base_path="/s/")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        script = axe_script()
        with browser_site.page() as (page, problems):
            report = []
            for rel in ("index.html", "events/struck.html"):
                goto(page, server.url + rel)
                violations = axe_violations(page, script)
                if violations:
                    report.append(format_violations(rel, violations))
            assert not report, "\n".join(report)
            goto(page, server.url + "index.html")
            page.select_option("#filter", "sources:several")
            page.wait_for_function("document.querySelector('#finder-status').textContent !== ''")
            shown = page.eval_on_selector_all(
                "li.event-item:not([hidden]) .event-title a",
                "els => els.map(e => e.textContent.trim())")
            assert shown == ["A container ship struck the Key Bridge"]
            assert not problems.all(), problems.all()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
