"""Shared fixtures: a scratch site folder and a runner for the real `dateline` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))


@pytest.fixture
def site(tmp_path: Path):
    """A factory for a site folder: site({"events/a.yaml": "...", "timeline.yaml": "..."})."""

    def make(files: dict[str, str | bytes], root: Path | None = None) -> Path:
        root = root or tmp_path / "site-src"
        for rel, text in files.items():
            path = root / "content" / rel if not rel.startswith("templates/") else root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        (root / "content" / "events").mkdir(parents=True, exist_ok=True)
        return root

    return make


@pytest.fixture
def example_site(tmp_path: Path) -> Path:
    """A copy of the repository's example site (content/ and templates/)."""
    root = tmp_path / "example"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    return root


def run_dateline(*args: str, input: str | None = None, cwd: Path | None = None,
                 timeout: float = 60) -> subprocess.CompletedProcess:
    """Run the installed console script exactly as a user would."""
    exe = shutil.which("dateline", path=str(Path(sys.executable).parent)) or "dateline"
    return subprocess.run([exe, *args], input=input, capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    """The exports of a site whose address is known (tests/exports)."""
    from export_sample import SITE, exports

    return exports(SITE, pages=["about.html", "tags/war.html"])


@pytest.fixture(scope="module")
def bare() -> dict[str, bytes]:
    """The exports of a site with no known address (tests/exports)."""
    from export_sample import exports

    return exports(None)
