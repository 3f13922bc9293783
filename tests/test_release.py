"""The release as a user gets it: the sdist and wheel PyPA's build makes, installed outside
the source tree, and the Pages workflow `dateline init` writes, run step by step.

How this stays offline (no test may reach a package index):

- The wheel is built once per module with `pyproject-build --no-isolation` from a copy of
  the source files in a temporary folder (sdist first, then the wheel from the sdist, as
  PyPA's build does by default, so a file missing from the sdist fails here too). No
  isolation means no download: the build backend (setuptools) comes from the test extra.
- Each "fresh venv" is `python -m venv --without-pip` in a temporary folder, outside the
  source tree. The wheel goes in with the project venv's own pip aimed at it
  (`pip --python NEW/bin/python install --no-deps --no-index WHEEL`), so nothing is
  fetched. Its dependencies (jinja2, spaCy and its model, ghp-import...) are not
  reinstalled: a `.pth` file in the new venv's site-packages appends the project venv's
  site-packages to sys.path, after the new venv's own. A .pth file's path line adds a
  folder without running the .pth files inside it, so the project venv's editable
  install of dateline (a .pth of its own) stays inert: `import dateline` can only find the
  wheel's copy, and the tests that run it assert so through `dateline.__file__`.
- Every command runs with PYTHONPATH removed from the environment (the test suite itself
  may run with PYTHONPATH=src) and with a working directory outside the source tree.
- Where the machine allows it (root, as on CI), every command runs in a network namespace
  of its own (`unshare -n`): had anything tried to download, it would have failed here.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from release_util import offline_prefix, tool

import dateline
from dateline import HOMEPAGE, __version__

# The project venv's site-packages: the dependencies the fresh venvs borrow.
PROJECT_SITE = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
# The files of the repository that a build of the sdist reads (pyproject.toml names them).
SOURCE_FILES = ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "MANIFEST.in",
                "requirements/model.txt")
PAGES_URL = "https://editor.github.io/my-timeline"  # what actions/configure-pages would say
PAGES_PATH = "/my-timeline"


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that would import dateline from the source tree."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", PIP_NO_INDEX="1", **extra)
    return env


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess:
    """Run a command; a non-zero exit fails the test with its output."""
    done = subprocess.run([*offline_prefix(), *map(str, args)], cwd=cwd, env=env or clean_env(),
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}:\n{done.stdout}\n{done.stderr}"
    return done


@dataclass(frozen=True)
class Dist:
    sdist: Path
    wheel: Path


@dataclass(frozen=True)
class Venv:
    """A fresh venv outside the source tree."""

    root: Path

    @property
    def bin(self) -> Path:
        return self.root / "bin"

    @property
    def python(self) -> Path:
        return self.bin / "python"

    def env(self, **extra: str) -> dict[str, str]:
        """clean_env() with this venv first on PATH, as if it were activated."""
        env = clean_env(VIRTUAL_ENV=str(self.root), **extra)
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        return env

    def dateline(self, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
        return run(self.bin / "dateline", *args, cwd=cwd, env=self.env())


def make_venv(root: Path) -> Venv:
    """A new venv without pip, borrowing the project venv's installed dependencies."""
    run(sys.executable, "-m", "venv", "--without-pip", root, cwd=root.parent)
    venv = Venv(root)
    purelib = run(venv.python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                  cwd=root).stdout.strip()
    (Path(purelib) / "dateline-test-deps.pth").write_text("".join(f"{p}\n" for p in PROJECT_SITE),
                                                          encoding="utf-8")
    return venv


def pip_install_line(venv_python: str, wheel: Path) -> str:
    """The offline stand-in for `pip install dateline==X.Y.Z`: the project's pip, aimed at
    the given interpreter, installing the local wheel and nothing else."""
    return (f"{shlex.quote(sys.executable)} -m pip --python {venv_python} install --quiet "
            f"--no-deps --no-index {shlex.quote(str(wheel))}")


def imported_from(venv: Venv, cwd: Path) -> Path:
    """Where `import dateline` finds the package in `venv`."""
    return Path(run(venv.python, "-c", "import dateline; print(dateline.__file__)",
                    cwd=cwd, env=venv.env()).stdout.strip())


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """The sdist and the wheel, built once for this module from a copy of the sources."""
    build = tool("pyproject-build")
    work = tmp_path_factory.mktemp("release")
    source = work / "source"
    for rel in SOURCE_FILES:
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, source / rel)
    shutil.copytree(REPO / "src", source / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
    out = work / "dist"
    run(build, "--no-isolation", "--outdir", out, source, cwd=work)
    wheels = list(out.glob("*.whl"))
    sdists = list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, list(out.iterdir())
    return Dist(sdists[0], wheels[0])


@pytest.fixture(scope="module")
def installed(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    """A fresh venv holding the wheel (and only the wheel: its dependencies are borrowed)."""
    venv = make_venv(tmp_path_factory.mktemp("wheel-venv") / "venv")
    run(*shlex.split(pip_install_line(str(venv.python), dist.wheel)), cwd=venv.root)
    return venv


def package_files() -> set[str]:
    """Every file of the package in the source tree, as a path inside the wheel."""
    root = REPO / "src"
    return {p.relative_to(root).as_posix() for p in (root / "dateline").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def test_wheel_carries_every_package_file(dist: Dist) -> None:
    """Templates, static files, schemas and the init scaffold as much as the modules."""
    names = set(zipfile.ZipFile(dist.wheel).namelist())
    expected = package_files()
    assert expected - names == set()
    info = f"dateline-{__version__}.dist-info"
    assert names - expected == {f"{info}/{n}" for n in (
        "METADATA", "WHEEL", "entry_points.txt", "top_level.txt", "RECORD", "licenses/LICENSE")}
    # The kinds of data the issue names, so that the set above can never be only .py files.
    for wanted in ("dateline/templates/base.html", "dateline/templates/static/style.css",
                   "dateline/templates/static/timeline.js", "dateline/schema/event.schema.json",
                   "dateline/scaffold/dot-github/workflows/pages.yml",
                   "dateline/scaffold/content/timeline.yaml"):
        assert wanted in names


def test_sdist_carries_the_sources_and_no_half_test_suite(dist: Dist) -> None:
    top = f"dateline-{__version__}/"
    with tarfile.open(dist.sdist) as tar:
        names = {m.name.removeprefix(top) for m in tar.getmembers() if m.isfile()}
    assert {f"src/{n}" for n in package_files()} <= names
    assert set(SOURCE_FILES) <= names
    assert not [n for n in names if n.startswith("tests/")]


def test_metadata_names_the_version_homepage_and_dependencies(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as whl:
        meta = whl.read(f"dateline-{__version__}.dist-info/METADATA").decode("utf-8")
        entry_points = whl.read(f"dateline-{__version__}.dist-info/entry_points.txt").decode()
    headers = [line.split(": ", 1) for line in meta.split("\n\n", 1)[0].splitlines() if ": " in line]
    assert ["Version", __version__] in headers
    assert ["Project-URL", f"Homepage, {HOMEPAGE}"] in headers
    assert ["License-Expression", "MIT"] in headers
    requires = [v for k, v in headers if k == "Requires-Dist"]
    assert any(r.startswith("ghp-import") for r in requires)
    assert "dateline = dateline.cli:main" in entry_points
    # The version and the homepage are each written once: pyproject reads the one and
    # declares the other, and the package's constant must agree with the declaration.
    tomllib = pytest.importorskip("tomllib", reason="tomllib is Python 3.11+")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert project["urls"]["Homepage"] == HOMEPAGE


def test_twine_check_passes(dist: Dist) -> None:
    done = run(tool("twine"), "check", "--strict", dist.sdist, dist.wheel, cwd=dist.wheel.parent)
    assert done.stdout.count("PASSED") == 2, done.stdout


def test_changelog_has_an_entry_for_this_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\]", changelog, re.MULTILINE)


def test_installed_wheel_inits_builds_and_extracts(installed: Venv, tmp_path: Path) -> None:
    """`dateline init`, `build` and `extract` from the wheel alone, away from the sources:
    a template, schema or scaffold file missing from the wheel fails one of them."""
    package = imported_from(installed, tmp_path)
    assert package.is_relative_to(installed.root), package
    assert not package.is_relative_to(REPO)
    assert Path(dateline.__file__).resolve() != package.resolve()
    assert installed.dateline("--version", cwd=tmp_path).stdout.split()[-1] == __version__

    installed.dateline("init", "my-timeline", cwd=tmp_path)
    site = tmp_path / "my-timeline"
    assert (site / ".dateline" / "event.schema.json").is_file()
    workflow = (site / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert f"dateline=={__version__}" in workflow
    installed.dateline("build", "--strict", cwd=site)
    index = (site / "site/index.html").read_text(encoding="utf-8")
    assert "Apollo 11 lands on the Moon" in index
    # The static files come from the wheel's package data, byte for byte.
    for static in ("style.css", "timeline.js"):
        assert (site / "site/static" / static).read_bytes() == (
            package.parent / "templates/static" / static).read_bytes()

    article = tmp_path / "bridge.txt"
    article.write_text(
        "Riverton opens its new bridge\n\n"
        "The council of Riverton opened a new bridge over the river on 3 March 2024. "
        "Work on the bridge began in 2021, when the old ferry was closed.\n", encoding="utf-8")
    done = installed.dateline("extract", article, "--published", "2024-03-06", cwd=site)
    written = sorted(p.name for p in (site / "content/events").glob("*.yaml")
                     if not p.name.startswith("1969-"))
    assert written, done.stdout + done.stderr
    dates = {str(yaml.safe_load((site / "content/events" / n).read_text("utf-8"))["date"])
             for n in written}
    assert "2024-03-03" in dates, dates
    installed.dateline("build", cwd=site)
    assert len(list((site / "site/events").glob("*.html"))) == 1 + len(written)
    # deploy imports ghp-import before its checks: this one refuses, as the folder is no repository.
    done = subprocess.run([*offline_prefix(), str(installed.bin / "dateline"), "deploy"], cwd=site,
                          env=installed.env(), capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "not in a git repository" in done.stderr, done.stderr


def test_footer_and_help_link_only_to_the_homepage(installed: Venv, tmp_path: Path) -> None:
    help_text = installed.dateline("--help", cwd=tmp_path).stdout
    assert re.findall(r"https?://\S+", help_text) == [HOMEPAGE]
    installed.dateline("init", "site", cwd=tmp_path)
    installed.dateline("-C", "site", "build", cwd=tmp_path)
    for page in ("index.html", "events/1969-07-20-apollo-11-lands.html"):
        html = (tmp_path / "site/site" / page).read_text(encoding="utf-8")
        footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.DOTALL)
        assert footer, page
        assert re.findall(r'href="([^"]*)"', footer.group(0)) == [HOMEPAGE]


# --- the workflow `dateline init` writes, run step by step ---------------------------------

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def resolve(text: str, known: dict[str, str]) -> str:
    """Replace each `${{ expr }}` with its value; an expression nobody expected fails."""
    def value(match: re.Match[str]) -> str:
        expr = match.group(1)
        if expr.startswith("hashFiles("):
            return "content-hash"  # what the cache key hashes does not matter here
        if expr not in known:
            pytest.fail(f"the workflow uses ${{{{ {expr} }}}}, which this test does not provide")
        return known[expr]
    return EXPRESSION.sub(value, text)


def run_workflow(site: Path, venv: Venv, wheel: Path, work: Path) -> dict[str, str]:
    """Run the `run:` steps of the build job of `site`'s Pages workflow, in order, as the
    runner would (bash -eo pipefail, the step's env, GITHUB_OUTPUT), with the install line
    pointed at the local wheel. Returns the known expressions, step outputs included."""
    flow = yaml.safe_load((site / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    known = {"steps.pages.outputs.base_url": PAGES_URL,
             "steps.pages.outputs.base_path": PAGES_PATH}
    pin = re.compile(r"^python -m pip install dateline==(\S+)$")
    pinned: list[str] = []
    for n, step in enumerate(flow["jobs"]["build"]["steps"]):
        if "uses" in step:
            action = step["uses"].split("@")[0]
            if action == "actions/cache":
                known["cache.key"] = resolve(step["with"]["key"], known)
                known["cache.path"] = step["with"]["path"]
            continue
        lines = []
        for line in resolve(step["run"], known).splitlines():
            found = pin.match(line.strip())
            if found:
                pinned.append(found.group(1))
                line = pip_install_line("$(command -v python)", wheel)
            lines.append(line)
        outputs = work / f"output-{n}"
        outputs.write_text("", encoding="utf-8")
        script = work / f"step-{n}.sh"
        script.write_text("\n".join(lines) + "\n", encoding="utf-8")
        env = venv.env(CI="true", GITHUB_ACTIONS="true", GITHUB_OUTPUT=str(outputs),
                       **{k: resolve(str(v), known) for k, v in step.get("env", {}).items()})
        done = subprocess.run([*offline_prefix(), "bash", "--noprofile", "--norc", "-eo", "pipefail",
                               str(script)],
                              cwd=site, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"step {step.get('name', n)}:\n{done.stdout}\n{done.stderr}"
        known[f"log.{step.get('name', n)}"] = done.stdout + done.stderr
        for line in outputs.read_text(encoding="utf-8").splitlines():
            key, _, val = line.partition("=")
            known[f"steps.{step.get('id', n)}.outputs.{key}"] = val
    assert pinned == [__version__], "the workflow must pin the version that wrote it"
    return known


def checkout(site: Path, into: Path) -> Path:
    """What actions/checkout gives a run: the committed files, every one with a new time,
    and none of the git-ignored ones (site/, .dateline-cache/). Every run checks out into
    the same folder, as a runner does (/home/runner/work/REPO/REPO)."""
    shutil.rmtree(into, ignore_errors=True)
    shutil.copytree(site, into, ignore=shutil.ignore_patterns("site", ".dateline-cache"))
    for path in into.rglob("*"):
        os.utime(path)
    return into


def save_cache(site: Path, paths: list[str], archive: Path) -> None:
    """Save `paths` as actions/cache does: GNU tar in POSIX format (its toolkit's tar.ts runs
    `tar --posix -cf ARCHIVE -P -C WORKSPACE --files-from MANIFEST`), which keeps each
    file's time to the nanosecond; Python's tarfile would round it."""
    run(tool_on_path("tar"), "--posix", "-cf", archive, "-C", site, *paths, cwd=site)


def restore_cache(archive: Path, site: Path) -> None:
    run(tool_on_path("tar"), "-xf", archive, "-C", site, cwd=site)


def tool_on_path(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_generated_workflow_builds_the_site_under_a_project_path(
        installed: Venv, dist: Dist, tmp_path: Path) -> None:
    """The scaffold's workflow, its `run:` steps read from its YAML and run in order in a
    fresh venv, with the built wheel standing in for the release on PyPI; then a second run
    after one edited event, with the cache the first one saved, as actions/cache keeps it."""
    installed.dateline("init", "my-timeline", cwd=tmp_path)
    repo = tmp_path / "my-timeline"

    workspace = tmp_path / "runner" / "work" / "my-timeline"
    first = checkout(repo, workspace)
    venv = make_venv(tmp_path / "runner-1")
    known = run_workflow(first, venv, dist.wheel, tmp_path)
    assert imported_from(venv, tmp_path).is_relative_to(venv.root)
    assert known["steps.dateline.outputs.version"] == __version__
    # The cache is keyed on the installed version, and holds the build cache and its site.
    assert known["cache.key"].startswith(f"dateline-{__version__}-")
    cached = known["cache.path"].split()
    assert cached == [".dateline-cache", "site"]

    site = first / "site"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Apollo 11 lands on the Moon" in index
    assert 'href="events/1969-07-20-apollo-11-lands.html"' in index  # relative: any path works
    # 404.html is served at any depth, so its links are absolute under the project path.
    not_found = (site / "404.html").read_text(encoding="utf-8")
    links = set(re.findall(r'(?:href|src)="([^"]*)"', not_found))
    assert {f"{PAGES_PATH}/index.html", f"{PAGES_PATH}/static/style.css"} <= links
    assert all(link.startswith((f"{PAGES_PATH}/", "#", "https://")) for link in links), links
    # The feed and the sitemap carry absolute addresses on the Pages site.
    assert f"{PAGES_URL}/events/1969-07-20-apollo-11-lands.html" in (site / "feed.xml").read_text("utf-8")
    assert f"<loc>{PAGES_URL}/index.html</loc>" in (site / "sitemap.xml").read_text("utf-8")
    archive = tmp_path / "cache.tar"
    save_cache(first, cached, archive)

    # One event edited and pushed: a new checkout, a new runner, the cache restored.
    event = repo / "content/events/1969-07-20-apollo-11-lands.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace(
        "This is an example event", "The first crewed landing"), encoding="utf-8")
    second = checkout(repo, workspace)
    restore_cache(archive, second)
    # A page the edit does not touch gets a mark of the same size and time: the build
    # trusts size and time, so the mark survives only if that page was not rendered again.
    plant_mark(second / "site/tags/index.html")
    known = run_workflow(second, make_venv(tmp_path / "runner-2"), dist.wheel, tmp_path)
    assert "The first crewed landing" in (
        second / "site/events/1969-07-20-apollo-11-lands.html").read_text(encoding="utf-8")
    assert MARK in (second / "site/tags/index.html").read_bytes(), "rebuilt from scratch"
    summary = re.search(r"\((\d+) written, (\d+) unchanged, (\d+) removed\)", known["log.Build"])
    assert summary and int(summary.group(1)) > 0, known["log.Build"]
    incremental = files_of(second / "site")

    # A damaged cache costs speed only: the next run builds the whole site, correctly.
    third = checkout(repo, workspace)
    restore_cache(archive, third)
    for pickle in (third / ".dateline-cache").glob("*.pickle"):
        pickle.write_bytes(b"not a pickle")
    plant_mark(third / "site/tags/index.html")  # and the mark goes: that page is rendered anew
    (third / "site/stray.html").write_text("foreign", encoding="utf-8")
    run_workflow(third, make_venv(tmp_path / "runner-3"), dist.wheel, tmp_path)
    assert files_of(third / "site") == incremental != {}
    assert not (third / "site/stray.html").exists()
    assert MARK not in (third / "site/tags/index.html").read_bytes()


MARK = b"</BODY>"


def plant_mark(page: Path) -> None:
    """Change a page without changing its size or modification time."""
    st = page.stat()
    data = page.read_bytes()
    assert b"</body>" in data
    page.write_bytes(data.replace(b"</body>", MARK))
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, the mark undone (run 2 kept it on purpose)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes().replace(MARK, b"</body>")
            for p in folder.rglob("*") if p.is_file()}


def test_release_workflow_tests_the_wheel_and_publishes_without_a_token() -> None:
    flow = yaml.safe_load((REPO / ".github/workflows/release.yml").read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on` as true
    assert triggers == {"push": {"tags": ["v*.*.*"]}}
    jobs = flow["jobs"]
    assert jobs["test"]["needs"] == "build" and set(jobs["publish"]["needs"]) == {"build", "test"}
    build_runs = "\n".join(s.get("run", "") for s in jobs["build"]["steps"])
    assert "pyproject-build" in build_runs and "twine check --strict" in build_runs
    test_runs = "\n".join(s.get("run", "") for s in jobs["test"]["steps"])
    assert "-e ." not in test_runs and "dist/dateline-" in test_runs and "pytest" in test_runs
    publish = jobs["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    (upload,) = [s for s in publish["steps"] if s["uses"].startswith("pypa/gh-action-pypi-publish@")]
    assert "with" not in upload or not {"password", "user"} & set(upload["with"])
    assert "secrets." not in (REPO / ".github/workflows/release.yml").read_text(encoding="utf-8")


def test_file_names_are_the_ones_the_release_workflow_checks(dist: Dist) -> None:
    # release.yml compares the tag with these names (dateline-${TAG#v}-py3-none-any.whl).
    assert dist.wheel.name == f"dateline-{__version__}-py3-none-any.whl"
    assert dist.sdist.name == f"dateline-{__version__}.tar.gz"
