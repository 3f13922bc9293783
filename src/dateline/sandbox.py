"""Whether this process renders templates in Jinja's sandbox (`dateline build --sandbox`).

Its own small module so that the command line can set it without importing Jinja: a build
with nothing to do never renders, and stops before the renderer is imported.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


class _Mode:
    """How this process renders templates: `sandboxed()` switches it for a build."""

    sandbox = False


mode = _Mode()


@contextlib.contextmanager
def sandboxed(enabled: bool = True) -> Iterator[None]:
    """Render templates in Jinja's sandbox inside this block (`dateline build --sandbox`).

    For CI that builds other people's pull requests: a template can then read only public
    attributes and call only safe methods, so `cycler.__init__.__globals__.os` (or any
    other way to a module and a shell) fails with a template error naming the file and
    line. A switch rather than a parameter, since the build recipe makes the environment
    deep inside; forked render workers inherit it.
    """
    before, mode.sandbox = mode.sandbox, enabled
    try:
        yield
    finally:
        mode.sandbox = before
