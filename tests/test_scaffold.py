"""`init_site`: a new site that builds with --strict, validates against its own schemas,
and never overwrites anything."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_dateline

from dateline.scaffold import ScaffoldError, init_site, planned_files

TODAY = dt.date(2024, 5, 1)


def test_init_writes_the_promised_files(tmp_path: Path) -> None:
    target = tmp_path / "my-timeline"
    written = init_site(target, today=TODAY)
    rel = sorted(p.relative_to(target).as_posix() for p in written)
    assert rel == sorted([
        ".dateline/event.schema.json", ".dateline/timeline.schema.json",
        ".github/workflows/pages.yml", ".gitignore",
        "content/events/1969-07-20-apollo-11-lands.yaml", "content/timeline.yaml",
        "templates/README.md",
    ])
    assert all(p.is_file() for p in written)
    timeline = yaml.safe_load((target / "content/timeline.yaml").read_text(encoding="utf-8"))
    assert timeline["title"] == "My timeline"
    assert timeline["date_base"] == TODAY
    assert [line for line in (target / ".gitignore").read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")] == ["site/", ".site.*"]
    readme = (target / "templates/README.md").read_text(encoding="utf-8")
    assert '{% extends "default:event.html" %}' in readme


def test_init_result_builds_strictly(tmp_path: Path) -> None:
    target = tmp_path / "new-site"
    init_site(target)
    done = run_dateline("-C", str(target), "build", "--strict")
    assert done.returncode == 0, done.stderr
    assert (target / "site" / "index.html").is_file()
    assert "Apollo 11 lands on the Moon" in (target / "site/index.html").read_text("utf-8")
    # The schema copies are editor aids, not content: nothing from .dateline/ is published.
    assert not list((target / "site").rglob("*.schema.json"))


def test_modelines_point_at_the_written_schemas(tmp_path: Path) -> None:
    init_site(tmp_path, today=TODAY)
    for rel in ("content/timeline.yaml", "content/events/1969-07-20-apollo-11-lands.yaml"):
        path = tmp_path / rel
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        schema = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert schema.is_file(), f"{rel} points at {schema}"
    event_line = (tmp_path / "content/events/1969-07-20-apollo-11-lands.yaml").read_text(
        encoding="utf-8").splitlines()[0]
    assert event_line == "# yaml-language-server: $schema=../../.dateline/event.schema.json"


def test_scaffolded_files_validate_against_their_schemas(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    from test_schema import as_json, load_yaml

    init_site(tmp_path, today=TODAY)
    for rel, schema_name in (("content/timeline.yaml", "timeline"),
                             ("content/events/1969-07-20-apollo-11-lands.yaml", "event")):
        schema = json.loads((tmp_path / ".dateline" / f"{schema_name}.schema.json").read_text())
        data = as_json(load_yaml((tmp_path / rel).read_text(encoding="utf-8")))
        jsonschema.Draft202012Validator(schema).validate(data)


def test_workflow_installs_the_pinned_release_and_builds_strictly(tmp_path: Path) -> None:
    from dateline import __version__

    init_site(tmp_path, today=TODAY)
    text = (tmp_path / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert "@VERSION@" not in text and "@HOMEPAGE@" not in text
    flow = yaml.safe_load(text)
    steps = flow["jobs"]["build"]["steps"]
    runs = [line for s in steps for line in s.get("run", "").splitlines()]
    # The version that wrote the site, so a new release never changes it unasked.
    assert f"python -m pip install dateline=={__version__}" in runs
    assert not any("-e ." in r or "pytest" in r for r in runs)
    assert any(r.startswith("dateline build --strict") for r in runs)
    # Same publishing steps (and pins) as the project's own workflow.
    own = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    own_uses = {s["uses"] for s in own["jobs"]["build"]["steps"] if "uses" in s}
    uses = [s["uses"] for s in steps if "uses" in s]
    assert set(uses) - own_uses == {s for s in uses if s.startswith("actions/cache@")}
    assert flow["jobs"]["deploy"] == own["jobs"]["deploy"]


def test_init_refuses_an_existing_site(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    with pytest.raises(ScaffoldError, match="exists already"):
        init_site(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_init_never_overwrites_and_writes_nothing_on_a_clash(tmp_path: Path) -> None:
    workflow = tmp_path / ".github" / "workflows" / "pages.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("mine\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="pages.yml"):
        init_site(tmp_path)
    assert workflow.read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "content").exists()


def test_init_appends_to_an_existing_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.pyc", encoding="utf-8")
    written = init_site(tmp_path)
    assert tmp_path / ".gitignore" in written
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.pyc\nsite/\n"
    (tmp_path / "content").rename(tmp_path / "moved")  # a second init only for the ignore
    (tmp_path / ".github/workflows/pages.yml").unlink()
    for schema in (tmp_path / ".dateline").iterdir():
        schema.unlink()
    (tmp_path / "templates/README.md").unlink()
    assert tmp_path / ".gitignore" not in init_site(tmp_path)
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.pyc\nsite/\n"


def test_init_refuses_a_file_as_target(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="not a folder"):
        init_site(target)


def test_title_with_yaml_specials_stays_text(tmp_path: Path) -> None:
    target = tmp_path / "war: #1 - notes"
    planned = planned_files(target, TODAY)
    data = yaml.safe_load(planned[target / "content/timeline.yaml"].decode("utf-8"))
    assert data["title"] == "War: #1 notes"


def test_scaffold_package_data_has_no_stray_files() -> None:
    """The lead's package-data glob is scaffold/**/*: nothing in it should be a dot-file,
    which setuptools' glob would silently leave out of the wheel."""
    folder = REPO / "src" / "dateline" / "scaffold"
    names = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    assert names and not any(part.startswith(".") for n in names for part in n.split("/"))
