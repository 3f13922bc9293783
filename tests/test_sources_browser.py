"""An event reported by several articles, in chromium: the event page and the index pass
axe-core (WCAG 2.1 A and AA), and the finder's "reported by several sources" filter shows
exactly those events."""

from __future__ import annotations

import threading
from pathlib import Path

from browser_util import BrowserSite, browser_site  # noqa: F401
from conftest import run_dateline
from test_browser import axe_script, axe_violations, format_violations, goto
from test_sources_site import EVENT, SINGLE

from dateline.serve import make_server


def test_several_sources_pass_axe_and_the_filter_finds_them(browser_site: BrowserSite,  # noqa: F811
                                                              tmp_path: Path) -> None:
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
