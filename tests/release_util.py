"""What the release and workflow tests share: finding the test extra's tools."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_BIN = Path(sys.executable).parent


def in_ci() -> bool:
    """True on CI, where a missing tool must fail the run instead of skipping."""
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def tool(name: str) -> str:
    """A console script of the project venv; skipped locally when missing, failed in CI."""
    found = shutil.which(name, path=str(PROJECT_BIN))
    if found is None:
        message = f"{name} is not installed (it is in the test extra: make test installs it)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return found


@functools.cache
def offline_prefix() -> tuple[str, ...]:
    """`unshare -n` where this process may make a network namespace (root, as on CI), else
    nothing: a command run under it has no network but loopback, which proves it needs none."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return (unshare, "-n")
    return ()
