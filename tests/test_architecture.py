"""The import rules of docs/architecture.md, checked on the source (issue 11).

- The build side (content, render, views, the site package, model, dates) never imports
  extract: a build must not need, or load, the extraction stack.
- The stages below the build never import it back: content, render, views, site/ and
  model know nothing of build/, serve or the command line (the cache is passed in).
- The pure modules (model, dates, urls, digests, views, site/) touch no file system: no
  os, pathlib, shutil or open(); content and render read their inputs, and only build/,
  serve, livereload and scaffold write.
- dateparser, temporal's fallback, is only ever imported inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dateline"


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, top_level_only: bool = False) -> set[str]:
    """Every module `path` imports (relative imports resolved), anywhere or at top level."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module_name(path).split(".")
                package = package[: len(package) - node.level + (path.name == "__init__.py")]
                base = ".".join([*package, base] if base else package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def under(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


BUILD_SIDE = [m for m in MODULES if under(m, "dateline.content", "dateline.store.reader",
                                          "dateline.store.yamldoc",
                                          "dateline.render",
                                          "dateline.views", "dateline.site", "dateline.model",
                                          "dateline.dates", "dateline.urls", "dateline.digests")]
PURE = [m for m in MODULES if under(m, "dateline.model", "dateline.dates", "dateline.urls",
                                    "dateline.digests", "dateline.views", "dateline.site",
                                    "dateline.bodycheck")]


def test_the_rules_cover_modules_that_exist():
    assert {"dateline.content", "dateline.render", "dateline.site.plan",
            "dateline.site.exports.atom", "dateline.build.recipe"} <= set(MODULES)


@pytest.mark.parametrize("name", BUILD_SIDE)
def test_the_build_side_never_imports_extract(name):
    assert not {m for m in imports(MODULES[name]) if under(m, "dateline.extract", "spacy")}


@pytest.mark.parametrize("name", BUILD_SIDE)
def test_stages_do_not_import_the_build_serve_or_the_command_line(name):
    upward = {m for m in imports(MODULES[name])
              if under(m, "dateline.build", "dateline.serve", "dateline.livereload", "dateline.cli")}
    assert not upward


@pytest.mark.parametrize("name", PURE)
def test_pure_modules_touch_no_file_system(name):
    path = MODULES[name]
    assert not {m for m in imports(path) if under(m, "os", "pathlib", "shutil", "tempfile")}, name
    calls = [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "open"]
    assert not calls


def test_dateparser_is_only_imported_lazily():
    eager = [name for name, path in MODULES.items()
             if any(under(m, "dateparser") for m in imports(path, top_level_only=True))]
    assert eager == []


FORBIDDEN = {  # module prefix -> the dateline modules it may not import (docs/architecture.md)
    "dateline.build": ("dateline.serve", "dateline.livereload", "dateline.cli"),
    "dateline.build.write": ("dateline",),
    "dateline.serve": ("dateline.cli",),
    "dateline.livereload": ("dateline.cli",),
    "dateline.scaffold": ("dateline.build", "dateline.serve", "dateline.cli"),
    "dateline.deploy": ("dateline.extract", "dateline.serve", "dateline.cli"),
    "dateline.urls": ("dateline",),
    "dateline.digests": ("dateline",),
}


@pytest.mark.parametrize("name", [m for m in MODULES if any(under(m, p) for p in FORBIDDEN)])
def test_edges_import_only_what_the_table_allows(name):
    for prefix, banned in FORBIDDEN.items():
        if under(name, prefix):
            assert not {m for m in imports(MODULES[name]) if under(m, *banned)}, (name, banned)


def test_the_store_never_loads_the_extraction_stack() -> None:
    """store/ gets reports as plain values (and a title parser passed in): importing it
    must not import extract or spaCy, so it can serve the build side later (issue 11)."""
    import os
    import subprocess
    import sys

    code = ("import sys, dateline.store, dateline.store.match; "
            "print(sorted(m for m in sys.modules if m.startswith(('dateline.extract', 'spacy'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(PACKAGE.parent)})
    assert out.stdout.strip() == "[]"
