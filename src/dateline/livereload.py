"""Live reload for `dateline serve`: the build state the server shares, and the script it injects.

Served HTML pages (never the files in site/) get one <script> that listens to Server-Sent
Events on /__dateline/events and reloads the page after a good build; a failed build shows
as an overlay fed by /__dateline/status.
"""

from __future__ import annotations

import re
import secrets
import threading
import time

LIVE_PREFIX = "/__dateline/"
EVENTS_PATH = LIVE_PREFIX + "events"
STATUS_PATH = LIVE_PREFIX + "status"
SCRIPT_PATH = LIVE_PREFIX + "live.js"
_BODY_END = re.compile(rb"</body\s*>", re.I)
_HTML_END = re.compile(rb"</html\s*>", re.I)


class LiveState:
    """The latest build's outcome, shared by the builder thread and the request threads.

    `build_id` changes only when a build succeeds, so a page that was loaded from the last
    good build knows to reload exactly when there is something new to see; `serial` changes
    after every build, good or bad, so event streams wake up for failures too.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._token = secrets.token_hex(4)  # a new server run reloads pages from an old one
        self._good = 0
        self.serial = 0
        self.ok = True
        self.problems: list[str] = []
        self.building = False
        self.closed = False
        self.finished_at: float | None = None

    @property
    def build_id(self) -> str:
        """The id of the build now in site/ (the last good one)."""
        return f"{self._token}-{self._good}"

    def begin(self) -> None:
        """A build has started: requests for files that vanish meanwhile wait for it."""
        with self._cond:
            self.building = True

    def finish(self, problems: list[str]) -> None:
        """A build ended: record its outcome and wake every waiting event stream."""
        with self._cond:
            self.building = False
            self.ok = not problems
            self.problems = list(problems)
            if self.ok:
                self._good += 1
            self.serial += 1
            self.finished_at = time.time()
            self._cond.notify_all()

    def snapshot(self) -> dict:
        """The JSON the status endpoint returns and the overlay shows."""
        with self._cond:
            return {"ok": self.ok, "build": self.build_id, "serial": self.serial,
                    "building": self.building, "problems": list(self.problems),
                    "finished_at": self.finished_at}

    def wait_change(self, serial: int, timeout: float) -> int:
        """Block until a build newer than `serial` ends (or timeout, or close); the serial now."""
        with self._cond:
            self._cond.wait_for(lambda: self.serial != serial or self.closed, timeout)
            return self.serial

    def wait_idle(self, timeout: float) -> None:
        """Block while a build is running (at most `timeout` seconds)."""
        with self._cond:
            self._cond.wait_for(lambda: not self.building or self.closed, timeout)

    def close(self) -> None:
        """End every event stream (the server is stopping)."""
        with self._cond:
            self.closed = True
            self._cond.notify_all()


LIVE_SCRIPT = r"""// dateline serve: live reload and build-error overlay (never part of the built site).
(function () {
  "use strict";
  var me = document.currentScript;
  var loaded = me ? me.getAttribute("data-build") : null;
  var box = null;

  function hide() {
    if (box) { box.remove(); box = null; }
  }

  function overlay(problems) {
    hide();
    box = document.createElement("div");
    box.id = "dateline-build-error";
    box.setAttribute("role", "alert");
    var s = box.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
    s.maxHeight = "60vh"; s.overflow = "auto"; s.padding = "1rem 1.25rem";
    s.background = "#3b0a0a"; s.color = "#fff"; s.font = "14px/1.5 system-ui, sans-serif";
    s.borderTop = "4px solid #ff6b6b";
    var head = document.createElement("p");
    head.style.margin = "0 0 .5rem"; head.style.fontWeight = "bold";
    head.textContent = "dateline: the build failed. This page shows the last good build; " +
      "fix the problems below and save.";
    var list = document.createElement("pre");
    list.style.margin = "0"; list.style.whiteSpace = "pre-wrap"; list.style.font = "13px/1.5 monospace";
    list.textContent = problems.join("\n");
    var close = document.createElement("button");
    close.type = "button"; close.textContent = "Dismiss";
    close.style.marginTop = ".75rem";
    close.addEventListener("click", hide);
    box.appendChild(head); box.appendChild(list); box.appendChild(close);
    document.body.appendChild(box);
  }

  function apply(status) {
    if (status.build !== loaded) { location.reload(); return; }
    if (status.ok) { hide(); } else { overlay(status.problems); }
  }

  function refresh() {
    fetch("/__dateline/status", {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(apply)
      .catch(function () { /* the server is restarting; the event stream reconnects */ });
  }

  if (window.EventSource) {
    new EventSource("/__dateline/events").addEventListener("build", refresh);
  }
})();
"""


def live_tag(build_id: str) -> bytes:
    """The tag injected into served pages; an external script so a page CSP of
    script-src 'self' does not block it."""
    return (f'<script src="{SCRIPT_PATH}" data-build="{build_id}" defer></script>\n').encode()


def inject(html: bytes, tag: bytes) -> bytes:
    """Put `tag` before the last </body> (or </html>, or at the end) of a page."""
    for pattern in (_BODY_END, _HTML_END):
        matches = list(pattern.finditer(html))
        if matches:
            at = matches[-1].start()
            return html[:at] + tag + html[at:]
    return html + tag
