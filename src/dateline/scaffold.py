"""`dateline init DIR`: lay out a new timeline site that builds as it is.

The files come from package data (src/dateline/scaffold/ and the JSON Schemas in
src/dateline/schema/), so what `init` writes can be read, diffed and reviewed as files.
Package-data globs skip dot-files, so the templates are stored as `dot-gitignore` and
`dot-github/` and renamed on the way out. The Pages workflow gets the running version
(@VERSION@: it pins `dateline==X.Y.Z`) and the homepage (@HOMEPAGE@) filled in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from dateline import HOMEPAGE, __version__

if TYPE_CHECKING:  # importlib.resources.abc is 3.11+; the annotation alone needs no import
    from importlib.resources.abc import Traversable

SCAFFOLD = "scaffold"
SCHEMAS = ("event.schema.json", "timeline.schema.json")
SCHEMA_DIR = ".dateline"  # beside content/, so the modelines' relative paths work offline
GITIGNORE_LINE = "site/"
WORKFLOW = "dot-github/workflows/pages.yml"


class ScaffoldError(Exception):
    """The target cannot take a new site (it has one already, or is not a folder)."""


def init_site(target: Path, today: dt.date | None = None) -> list[Path]:
    """Create a new timeline site in `target` and return the files written, in order.

    Nothing is ever overwritten: a target that already has content/ raises ScaffoldError,
    and so does one holding any other file `init` would write, before anything is written.
    An existing .gitignore is the exception: `site/` is appended when it is not listed.
    `today` fills date_base in timeline.yaml (a parameter so tests are reproducible).
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise ScaffoldError(f"{target} exists and is not a folder")
    if (target / "content").exists():
        raise ScaffoldError(f"{target / 'content'} exists already; init never overwrites a "
                            "site (choose an empty folder, or edit the site that is there)")
    files = planned_files(target, today or dt.date.today())
    gitignore = target / ".gitignore"
    clashes = [path for path in files if path.exists() and path != gitignore]
    if clashes:
        raise ScaffoldError("init never overwrites files; these exist already: "
                            + ", ".join(str(p) for p in clashes))
    written: list[Path] = []
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if path == gitignore and path.exists():
            if _append_line(path, GITIGNORE_LINE):
                written.append(path)
            continue
        with path.open("xb") as fh:  # "x": fail rather than overwrite, even on a race
            fh.write(data)
        written.append(path)
    return written


def planned_files(target: Path, today: dt.date) -> dict[Path, bytes]:
    """Every file `init` writes, with its contents, without touching the disk."""
    root = resources.files("dateline") / SCAFFOLD
    out: dict[Path, bytes] = {}
    for rel, item in _walk(root):
        data = item.read_bytes()
        if rel == "content/timeline.yaml":
            data = _fill_timeline(data.decode("utf-8"), target, today).encode("utf-8")
        elif rel == WORKFLOW:
            data = fill_workflow(data.decode("utf-8")).encode("utf-8")
        out[target / _dotted(rel)] = data
    schema_root = resources.files("dateline") / "schema"
    for name in SCHEMAS:
        out[target / SCHEMA_DIR / name] = (schema_root / name).read_bytes()
    return out


def _walk(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    # Traversable, not Path: works from a wheel or a zip as well as from a source checkout.
    found: list[tuple[str, Traversable]] = []
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if item.name == "__pycache__":
            continue
        rel = f"{prefix}{item.name}"
        if item.is_dir():
            found.extend(_walk(item, rel + "/"))
        else:
            found.append((rel, item))
    return found


def _dotted(rel: str) -> str:
    """dot-github/workflows/pages.yml -> .github/workflows/pages.yml."""
    return "/".join("." + part[4:] if part.startswith("dot-") else part
                    for part in rel.split("/"))


def _fill_timeline(text: str, target: Path, today: dt.date) -> str:
    # JSON strings are valid YAML double-quoted scalars: a title with ':' or '#' stays text.
    title = json.dumps(_title_from(target), ensure_ascii=False)
    return Template(text).safe_substitute(title=title, today=today.isoformat())


def fill_workflow(text: str, version: str = __version__) -> str:
    """The scaffold's Pages workflow pinned to `version` (the running one by default).

    Plain placeholders, not string.Template: the workflow is full of `${{ ... }}`.
    """
    return text.replace("@VERSION@", version).replace("@HOMEPAGE@", HOMEPAGE)


def _title_from(target: Path) -> str:
    """A readable first title from the folder name: my-timeline -> My timeline."""
    words = re.sub(r"[\s._-]+", " ", target.resolve().name).strip()
    return words[:1].upper() + words[1:] if words else "My timeline"


def _append_line(path: Path, line: str) -> bool:
    """Add `line` to a text file unless it is there; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    if line in (existing.strip() for existing in text.splitlines()):
        return False
    with path.open("a", encoding="utf-8") as fh:
        fh.write(("" if text.endswith("\n") or not text else "\n") + line + "\n")
    return True
