"""The HTTP side of `dateline serve`: a threaded server for one built site under a base path.

The server answers GET and HEAD for files of site/ (which file: `serve.files`), redirects
/ to the base path, checks the Host header on loopback addresses, and, with a LiveState,
answers the live-reload endpoints and injects their script into HTML pages.
"""

from __future__ import annotations

import http.server
import ipaddress
import json
import mimetypes
import os
import socket
import socketserver
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from dateline.livereload import (
    EVENTS_PATH,
    LIVE_PREFIX,
    LIVE_SCRIPT,
    SCRIPT_PATH,
    STATUS_PATH,
    LiveState,
    inject,
    live_tag,
)
from dateline.serve.files import REDIRECT, resolve

Say = Callable[[str], None]

KEEPALIVE_SECONDS = 15.0  # an SSE comment now and then lets a closed tab end its thread
BUILD_WAIT_SECONDS = 10.0
_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".js": "text/javascript; charset=utf-8", ".json": "application/json",
          ".xml": "application/xml", ".atom": "application/atom+xml",
          ".rss": "application/rss+xml", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8",
          ".ics": "text/calendar; charset=utf-8", ".webmanifest": "application/manifest+json",
          ".woff2": "font/woff2", ".map": "application/json"}


class ServeError(Exception):
    """The server cannot start (the port is taken, the address is wrong); the message says why."""


def normalize_base(base_path: str) -> str:
    """'dateline' / '/dateline' / '/dateline/' -> '/dateline/'; '' -> '/'."""
    parts = [p for p in base_path.split("/") if p]
    return "/" + "".join(p + "/" for p in parts)


class SiteServer(http.server.ThreadingHTTPServer):
    """An HTTP server for one built site folder under a base path."""

    daemon_threads = True  # an open event stream must not keep the process alive
    block_on_close = False
    # The listen backlog: socketserver's 5 let a burst (a page with many assets, a link
    # checker, several tabs reloading at once) overflow it, and each dropped SYN costs the
    # client a 1, 3, 7 ... s retransmit: a p99 of 16 s under 200 concurrent requests. The
    # kernel caps it at net.core.somaxconn.
    request_queue_size = 1024

    def __init__(self, out: Path, host: str, port: int, base_path: str = "/",
                 live: LiveState | None = None, quiet: bool = True,
                 say: Say | None = None) -> None:
        self.out = Path(out)
        self.base_path = normalize_base(base_path)
        self.live = live
        self.quiet = quiet
        self.say: Say = say or say_stderr
        self.host = host
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.allowed_hosts = _allowed_hosts(host)
        super().__init__((host, port), SiteHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn), slow on some
        # machines and useless here.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.host, self.server_address[1]

    @property
    def port(self) -> int:
        """The bound port (useful with port=0)."""
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        """The address of the site's front page."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{quote(self.base_path)}"


def _allowed_hosts(host: str) -> set[str] | None:
    """On a loopback address, the Host names a browser may use; None means any.

    Checking Host on a local server stops DNS rebinding: a web page whose name is made to
    resolve to 127.0.0.1 cannot read the unpublished site or its problem list.
    """
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        return None
    return {"localhost", "127.0.0.1", "[::1]", "::1", host.lower()}


class SiteHandler(http.server.BaseHTTPRequestHandler):
    """Serves files from the server's `out` folder only; the live endpoints beside them."""

    server: SiteServer
    server_version = "dateline-serve"

    def do_GET(self) -> None:  # noqa: N802 - the http.server naming
        self._handle(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle(head=True)

    # -- routing

    def _handle(self, head: bool) -> None:
        if not self._host_allowed():
            self._text(421, "unknown host name for a local preview server\n", head)
            return
        split = urlsplit(self.path)
        try:
            path = unquote(split.path, errors="strict")
        except UnicodeDecodeError:
            self._not_found(head)
            return
        live = self.server.live
        if live is not None and path.startswith(LIVE_PREFIX):
            self._live(path, live, head)
            return
        base = self.server.base_path
        if base != "/" and path in ("/", base.rstrip("/")):
            self._redirect(base, split.query)
            return
        if not path.startswith(base):
            self._not_found(head)
            return
        rel = path[len(base):]
        found = resolve(self.server.out, rel)
        if found is None and live is not None and live.building:
            live.wait_idle(BUILD_WAIT_SECONDS)  # site/ is being swapped: look again after
            found = resolve(self.server.out, rel)
        if found == REDIRECT:
            self._redirect(path + "/", split.query)
        elif isinstance(found, Path):
            self._file(found, 200, head)
        else:
            self._not_found(head)

    # -- responses

    def _file(self, path: Path, status: int, head: bool) -> None:
        try:
            data = path.read_bytes()
        except OSError:  # removed between the check and the read by a rebuild
            self._text(404, "not found\n", head)
            return
        ctype = _TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] \
            or "application/octet-stream"
        if path.suffix.lower() in (".html", ".htm") and self.server.live is not None:
            data = inject(data, live_tag(self.server.live.build_id))
        self._send(status, ctype, data, head)

    def _not_found(self, head: bool) -> None:
        page = Path(os.path.realpath(self.server.out)) / "404.html"
        if page.is_file():
            self._file(page, 404, head)
            return
        if self.server.live is not None:
            # An HTML 404 carries the live script, so a page whose file a failed or
            # in-progress build took away shows the overlay and comes back by itself.
            body = (b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    b"<title>Not found</title></head><body><main><h1>Not found</h1>"
                    b"<p>No such file in the built site.</p></main></body></html>")
            self._send(404, "text/html; charset=utf-8",
                       inject(body, live_tag(self.server.live.build_id)), head)
            return
        self._text(404, "not found\n", head)

    def _redirect(self, location: str, query: str = "") -> None:
        # 302, not 301: browsers cache a 301 for good, and the base path may change.
        target = quote(location) + (f"?{query}" if query else "")
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _text(self, status: int, text: str, head: bool) -> None:
        self._send(status, "text/plain; charset=utf-8", text.encode("utf-8"), head)

    def _send(self, status: int, ctype: str, data: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")  # a reload must see the new build
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(data)

    # -- live endpoints

    def _live(self, path: str, live: LiveState, head: bool) -> None:
        if path == STATUS_PATH:
            self._send(200, "application/json", json.dumps(live.snapshot()).encode(), head)
        elif path == SCRIPT_PATH:
            self._send(200, _TYPES[".js"], LIVE_SCRIPT.encode("utf-8"), head)
        elif path == EVENTS_PATH and not head:
            self._events(live)
        else:
            self._text(404, "not found\n", head)

    def _events(self, live: LiveState) -> None:
        """Server-Sent Events: one `build` event now and one after every build."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        serial = live.serial
        try:
            self.wfile.write(f"retry: 1000\nevent: build\ndata: {serial}\n\n".encode())
            self.wfile.flush()
            while not live.closed:
                now = live.wait_change(serial, KEEPALIVE_SECONDS)
                if live.closed:
                    break
                if now != serial:
                    serial = now
                    self.wfile.write(f"event: build\ndata: {serial}\n\n".encode())
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the tab was closed or reloaded
        self.close_connection = True

    # -- misc

    def _host_allowed(self) -> bool:
        allowed = self.server.allowed_hosts
        if allowed is None:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        if host.startswith("["):
            name = host[: host.find("]") + 1]
        else:
            name = host.rsplit(":", 1)[0] if ":" in host else host
        return not host or name in allowed

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # Only problems are worth a line in the terminal next to the build messages.
        if not self.server.quiet and str(code).isdigit() and int(code) >= 400:
            super().log_request(code, size)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server API
        if not self.server.quiet:
            self.server.say(f"{self.address_string()} {format % args}")


def make_server(out: Path, host: str = "127.0.0.1", port: int = 8000, base_path: str = "/",
                live: LiveState | None = None, quiet: bool = True,
                say: Say | None = None) -> SiteServer:
    """A bound server for `out` under `base_path`, not yet serving (call serve_forever).

    Without `live` it is a plain static server (the browser tests use it that way); with a
    LiveState it also answers /__dateline/* and injects the live-reload script.
    Raises ServeError when the address cannot be bound.
    """
    try:
        return SiteServer(Path(out), host, port, base_path, live=live, quiet=quiet, say=say)
    except OSError as exc:
        why = exc.strerror or str(exc)
        hint = " (is another server running? choose another --port)" \
            if exc.errno in (98, 48, 10048) else ""
        raise ServeError(f"cannot listen on {host}:{port}: {why}{hint}") from None


def say_stderr(message: str) -> None:
    """Print one line for the person running serve (stderr, beside the build messages)."""
    print(message, file=sys.stderr, flush=True)
