"""The GitHub workflows, the project's own and the one `dateline init` writes, checked
offline with zizmor (security audit) and check-jsonschema's built-in GitHub workflow
schema: no findings, no schema errors, every action pinned to a commit SHA.

Both tools must work without a network: zizmor in --offline mode, check-jsonschema with
its vendored schema. Where the machine lets us (root, as on CI), each runs in a network
namespace of its own with no interface but loopback (`unshare -n`), which proves it; and
a bad workflow must fail each check, so a passing check means something.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from release_util import offline_prefix, tool

from dateline.scaffold import planned_files

PROJECT_WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+?)@(\S+)(?:\s+#\s*(\S+))?\s*$", re.MULTILINE)
BAD_WORKFLOW = """\
name: bad
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.head_commit.message }}"
"""


def offline(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*offline_prefix(), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def scaffold_workflow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The workflow `dateline init` writes, where a site would have it."""
    site = tmp_path_factory.mktemp("scaffold")
    files = planned_files(site, dt.date(2024, 5, 1))
    path = site / ".github/workflows/pages.yml"
    path.parent.mkdir(parents=True)
    path.write_bytes(files[path])
    return path


@pytest.fixture(scope="module")
def all_workflows(scaffold_workflow: Path) -> list[Path]:
    assert {p.name for p in PROJECT_WORKFLOWS} == {"pages.yml", "release.yml"}
    return [*PROJECT_WORKFLOWS, scaffold_workflow]


def zizmor(*paths: Path) -> tuple[subprocess.CompletedProcess, list[dict]]:
    done = offline(tool("zizmor"), "--offline", "--format", "json", *paths, cwd=paths[0].parent)
    assert done.stdout.strip(), done.stderr
    return done, json.loads(done.stdout)


def test_zizmor_finds_nothing(all_workflows: list[Path]) -> None:
    done, findings = zizmor(*all_workflows)
    described = [f"{f['ident']}: {f['desc']}" for f in findings]
    assert described == [], "\n".join(described)
    assert done.returncode == 0, done.stderr


def test_zizmor_flags_a_bad_workflow(tmp_path: Path) -> None:
    bad = tmp_path / ".github/workflows/bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    done, findings = zizmor(bad)
    assert done.returncode != 0
    assert {"unpinned-uses", "template-injection"} <= {f["ident"] for f in findings}


def test_dependabot_config_is_clean() -> None:
    config = REPO / ".github/dependabot.yml"
    done = offline(tool("zizmor"), "--offline", "--format", "json", config, cwd=REPO)
    assert json.loads(done.stdout) == [] and done.returncode == 0, done.stdout + done.stderr
    done = offline(tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot", config, cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_schema_accepts_every_workflow(all_workflows: list[Path]) -> None:
    done = offline(tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                   *all_workflows, cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok -- validation done" in done.stdout


def test_workflow_schema_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("name: x\non: push\njobs:\n  b:\n    steps: oops\n", encoding="utf-8")
    done = offline(tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                   broken, cwd=tmp_path)
    assert done.returncode == 1 and "runs-on" in done.stdout, done.stdout + done.stderr


def test_every_action_is_pinned_to_one_sha_with_its_tag(all_workflows: list[Path]) -> None:
    """Pinned by full commit SHA with the tag in a comment, and the same pin everywhere,
    so that updating one workflow and not the others shows up here."""
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in all_workflows:
        text = path.read_text(encoding="utf-8")
        found = USES.findall(text)
        assert len(found) == text.count("uses:"), f"{path}: a uses: line this test cannot read"
        for action, ref, tag in found:
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{path}: {action}@{ref} is not a commit SHA"
            assert re.fullmatch(r"v\d+(\.\d+)*", tag or ""), f"{path}: {action}@{ref} names no tag"
            pins.setdefault(action, set()).add((ref, tag))
    assert {a: len(p) for a, p in pins.items() if len(p) > 1} == {}, pins


def test_own_pages_workflow_runs_the_readme_test_command() -> None:
    """The project's Pages workflow tests as the README and CI do (`make test`, which also
    installs the browser), and publishes what the tested install builds."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make test" in (REPO / ".ci/run").read_text(encoding="utf-8")
    flow = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    runs = [s["run"] for s in flow["jobs"]["build"]["steps"] if "run" in s]
    assert runs[0] == "make test"
    assert not any("pip install" in r or "pytest" in r for r in runs)
    assert runs[1].startswith(".venv/bin/dateline build --strict")
