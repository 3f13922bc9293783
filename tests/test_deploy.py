"""`dateline deploy`: site/ committed to gh-pages (with .nojekyll) and pushed, through the
real command, to a local bare repository standing in for GitHub; and every refusal
(missing, stale or empty site/, no git repository, no remote) changes nothing."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import run_dateline

from dateline.scaffold import init_site

EVENT = "content/events/1969-07-20-apollo-11-lands.yaml"


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd` and return its output; a failure fails the test."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


@pytest.fixture(autouse=True)
def _quiet_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The machine's own git configuration (identity, hooks, default branch) stays out.
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, Path]:
    """A new site in a git work tree whose `origin` is a bare repository; (site, origin)."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", str(origin))
    site = tmp_path / "my-timeline"
    init_site(site)
    git(site, "init", "--quiet", "--initial-branch", "main")
    git(site, "config", "user.name", "Test Editor")
    git(site, "config", "user.email", "editor@example.org")
    git(site, "remote", "add", "origin", str(origin))
    git(site, "add", ".")
    git(site, "commit", "--quiet", "-m", "A new timeline")
    return site, origin


def build(site: Path) -> None:
    done = run_dateline("-C", str(site), "build")
    assert done.returncode == 0, done.stderr


def deploy(site: Path, *args: str) -> subprocess.CompletedProcess:
    return run_dateline("-C", str(site), "deploy", *args)


def tree(repo: Path, ref: str) -> dict[str, bytes]:
    """Every file of `ref` in `repo`, with its bytes."""
    names = git(repo, "ls-tree", "-r", "--name-only", ref).splitlines()
    return {name: subprocess.run(["git", "show", f"{ref}:{name}"], cwd=repo, capture_output=True,
                                 check=True).stdout for name in names}


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site / "site").as_posix(): p.read_bytes()
            for p in (site / "site").rglob("*") if p.is_file()}


def age(site: Path) -> None:
    """Date every file of the site folder (inputs, site/ and the build cache) an hour back, so
    that a file touched now is newer than the last build without waiting for the clock."""
    then = os.stat(site).st_mtime - 3600
    for path in site.rglob("*"):
        if ".git" not in path.relative_to(site).parts:
            os.utime(path, (then, then))


def touch(path: Path) -> None:
    os.utime(path)  # now


def test_deploy_pushes_the_built_site_to_gh_pages(repo: tuple[Path, Path]) -> None:
    site, origin = repo
    build(site)
    head_before = git(site, "rev-parse", "HEAD")
    done = deploy(site)
    assert done.returncode == 0, done.stderr
    assert "committed" in done.stdout and "pushed it to origin" in done.stdout
    published = tree(origin, "gh-pages")
    # Exactly the built site, byte for byte, with .nojekyll so Pages serves every file.
    assert published == site_files(site)
    assert published[".nojekyll"] == b""
    assert b"Apollo 11 lands on the Moon" in published["index.html"]
    # The work tree, its branch and its index are untouched: nothing but gh-pages changed.
    assert git(site, "rev-parse", "HEAD") == head_before
    assert git(site, "symbolic-ref", "--short", "HEAD").strip() == "main"
    assert git(site, "status", "--porcelain") == ""
    message = git(origin, "log", "-1", "--format=%s", "gh-pages")
    assert head_before[:12] in message and "dateline" in message


def test_a_second_deploy_adds_a_commit_on_top(repo: tuple[Path, Path]) -> None:
    site, origin = repo
    build(site)
    assert deploy(site).returncode == 0
    first = git(origin, "rev-parse", "gh-pages").strip()
    event = site / EVENT
    event.write_text(event.read_text(encoding="utf-8").replace(
        "Apollo 11 lands on the Moon", "Apollo 11 lands on the Moon at last"), encoding="utf-8")
    build(site)
    done = deploy(site, "-m", "Second edition")
    assert done.returncode == 0, done.stderr
    assert git(origin, "rev-parse", "gh-pages^").strip() == first  # history is kept
    assert git(origin, "log", "-1", "--format=%s", "gh-pages").strip() == "Second edition"
    assert b"at last" in tree(origin, "gh-pages")["index.html"]


def test_no_push_commits_locally_only(repo: tuple[Path, Path]) -> None:
    site, origin = repo
    build(site)
    done = deploy(site, "--no-push")
    assert done.returncode == 0, done.stderr
    assert "(not pushed)" in done.stdout
    assert ".nojekyll" in git(site, "ls-tree", "--name-only", "gh-pages")
    assert git(origin, "branch", "--list", "gh-pages") == ""


def refused(site: Path, origin: Path, *words: str) -> None:
    """deploy exits 1 with a message holding `words`, no traceback, and pushes nothing."""
    done = deploy(site)
    assert done.returncode == 1, done.stdout + done.stderr
    for word in words:
        assert word in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    if origin.exists():
        assert git(origin, "branch", "--list", "gh-pages") == ""


def test_refuses_a_missing_site(repo: tuple[Path, Path]) -> None:
    site, origin = repo
    refused(site, origin, "does not exist", "dateline build")


def test_refuses_a_site_without_an_index(repo: tuple[Path, Path]) -> None:
    site, origin = repo
    (site / "site").mkdir()
    (site / "site" / "stray.txt").write_text("not a site", encoding="utf-8")
    refused(site, origin, "no index.html", "dateline build")


@pytest.mark.parametrize("changed", [EVENT, "content/timeline.yaml", "templates/footer.html"])
def test_refuses_a_site_older_than_its_inputs(repo: tuple[Path, Path], changed: str) -> None:
    site, origin = repo
    build(site)
    age(site)
    path = site / changed
    if path.exists():
        touch(path)
    else:  # a new override counts as much as an edit
        path.write_text("<footer>mine</footer>\n", encoding="utf-8")
    refused(site, origin, "is older than", changed, "dateline build")
    build(site)  # and a build is all it takes
    assert deploy(site).returncode == 0


def test_a_rebuild_that_writes_nothing_still_counts(repo: tuple[Path, Path]) -> None:
    """After a checkout every file has a new time but the same bytes: the rebuild writes
    no page, and the site it leaves is current."""
    site, origin = repo
    build(site)
    age(site)
    for path in (site / "content").rglob("*.yaml"):
        touch(path)
    assert deploy(site).returncode == 1
    done = run_dateline("-C", str(site), "build")
    assert done.returncode == 0 and "0 written" in done.stdout, done.stdout
    assert deploy(site).returncode == 0


def test_refuses_a_folder_that_is_not_a_git_repository(tmp_path: Path) -> None:
    site = tmp_path / "plain"
    init_site(site)
    build(site)
    refused(site, tmp_path / "none.git", "not in a git repository")


def test_refuses_a_repository_without_the_remote(repo: tuple[Path, Path]) -> None:
    site, origin = repo
    build(site)
    git(site, "remote", "remove", "origin")
    refused(site, origin, "no remote named 'origin'", "--no-push")
    assert git(site, "branch", "--list", "gh-pages") == ""  # nothing committed either


def test_refuses_without_a_committer_identity(repo: tuple[Path, Path]) -> None:
    site, origin = repo
    build(site)
    git(site, "config", "--unset", "user.email")
    refused(site, origin, "user.email")
