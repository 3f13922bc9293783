"""`dateline serve`: preview the site as GitHub Pages will serve it, rebuilding on every save.

- The built site/ is served under the site's base path (/ redirects there), exactly as a
  project page lives under /<repository>/, so a link that works here works on Pages.
- Only files inside site/ are served: no `..`, no directory listings, no symlink escape.
- content/ and templates/ are watched (watchfiles, in a thread); every change rebuilds.
- Live reload (`dateline.livereload`): served HTML pages (never the files in site/) get one
  <script> that reloads the page after a good build. A failed build is printed in the
  terminal and shown on the page as an overlay; site/ keeps the last good build (`build`
  never half-writes it), so serving goes on.

The package by concern: `handler` (the HTTP server and its responses), `files` (which
file a request path names, confined to site/), `loop` (build, watch, rebuild).
"""

from dateline.livereload import LiveState
from dateline.serve.files import inside, resolve
from dateline.serve.handler import (
    ServeError,
    SiteHandler,
    SiteServer,
    make_server,
    normalize_base,
)
from dateline.serve.loop import (
    Build,
    default_build,
    run_build,
    serve,
    watch_sources,
    watched_folders,
)

__all__ = ["Build", "LiveState", "ServeError", "SiteHandler", "SiteServer", "default_build",
           "inside", "make_server", "normalize_base", "resolve", "run_build", "serve",
           "watch_sources", "watched_folders"]
