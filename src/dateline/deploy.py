"""`dateline deploy`: publish a built site/ on the gh-pages branch, as MkDocs' gh-deploy does.

For people who publish without GitHub Actions. ghp-import does the git work (one commit
of site/ on top of the remote branch, written with `git fast-import`, never touching the
work tree or the index); this module only decides whether there is anything fit to
publish and says clearly why not:

- the folder must be inside a git work tree (ghp-import commits to its repository);
- site/ must exist and hold a built site (an index.html);
- site/ must not be older than its inputs: a file in content/ (timeline.yaml and the
  events) or templates/ changed after the last build means the pages on disk are not the
  ones the content describes, and publishing them would surprise.

Times are compared, not contents: checking contents would mean a second build. The time
of the last build is the newest of site/'s files, or the moment the build cache recorded
its last successful build: a rebuild that changed no byte of site/ (after a checkout gave
every file a new time, say) leaves the pages' times alone, yet the site is current. A
failed build deletes that record, so it never makes a stale site look fresh.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline import __version__

SITE_DIR = "site"
INPUT_DIRS = ("content", "templates")  # content/ holds timeline.yaml and events/


class DeployError(Exception):
    """The site cannot be deployed; the message says why and what to do."""


@dataclass(frozen=True)
class Deployed:
    """What a deploy did: the commit it made on `branch`, and whether it was pushed."""

    site: Path
    branch: str
    remote: str
    commit: str
    pushed: bool


def deploy_site(root: Path, remote: str = "origin", branch: str = "gh-pages",
                message: str | None = None, push: bool = True, force: bool = False) -> Deployed:
    """Commit `root`/site/ to `branch` with a .nojekyll file and, unless `push` is False, push it.

    Raises DeployError, before anything is written, when `root` is not in a git work tree,
    site/ is missing or stale, the remote does not exist or git has no committer identity;
    and after, when git fails to commit or push.
    """
    import ghp_import  # imported here: only deploy needs it, and --help stays fast

    root = Path(root).resolve()
    site = root / SITE_DIR
    _require_work_tree(root)
    problem = site_problem(root)
    if problem:
        raise DeployError(problem)
    if push and remote not in _git(root, "remote").stdout.split():
        raise DeployError(f"this repository has no remote named {remote!r}: add one "
                          f"(git remote add {remote} URL), name another with --remote, "
                          "or commit without pushing (--no-push)")
    _require_identity(root)
    before = _rev(root, branch)
    if message is None:
        head = _rev(root, "HEAD")
        message = (f"Deploy the timeline built from {head[:12]} with dateline {__version__}"
                   if head else f"Deploy the timeline built with dateline {__version__}")
    try:
        with _working_directory(root):  # ghp-import runs git in the current directory
            ghp_import.ghp_import(str(site), mesg=message, remote=remote, branch=branch,
                                  push=push, force=force, nojekyll=True)
    except ghp_import.GhpError as exc:
        raise DeployError(f"ghp-import: {exc.message}") from None
    except subprocess.CalledProcessError:
        after = _rev(root, branch)
        raise DeployError(f"committed site/ to {branch} ({after[:12]}), but `git push {remote} "
                          f"{branch}` failed (git's message is above); fix it and run "
                          "deploy again") from None
    after = _rev(root, branch)
    if not after or after == before:
        raise DeployError(f"git could not commit site/ to {branch} (see git's message above)")
    return Deployed(site, branch, remote, after, push)


def site_problem(root: Path) -> str | None:
    """Why `root`/site/ is not fit to publish (missing, empty or stale), or None when it is."""
    site = Path(root) / SITE_DIR
    if not site.is_dir():
        return f"{site} does not exist: run `dateline build` first"
    if not (site / "index.html").is_file():
        return f"{site} holds no built site (no index.html): run `dateline build` first"
    built = max((found for found in (_newest(site), _last_build(root)) if found), default=None)
    inputs = [_newest(Path(root) / name) for name in INPUT_DIRS]
    newest = max((found for found in inputs if found), default=None)
    if built and newest and newest[0] > built[0]:
        changed = newest[1].relative_to(root).as_posix()
        return (f"{site} is older than {changed}, changed after the last build: run "
                "`dateline build` first")
    return None


def _newest(folder: Path) -> tuple[int, Path] | None:
    """The latest modification time (ns) under `folder`, the folder itself included."""
    if not folder.is_dir():
        return None
    best = (folder.stat().st_mtime_ns, folder)
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            with contextlib.suppress(OSError):  # a file removed while we look is no input
                mtime = path.stat().st_mtime_ns
                # A new file and its folder often share one clock tick: name the file.
                if mtime > best[0] or mtime == best[0] and name in filenames:
                    best = (mtime, path)
    return best


def _last_build(root: Path) -> tuple[int, Path] | None:
    """When the build cache last recorded a successful build of this site, if it did."""
    from dateline.build.cache import CACHE_DIR, FINGERPRINT_FILE

    record = Path(root) / CACHE_DIR / FINGERPRINT_FILE
    try:
        return (record.stat().st_mtime_ns, record)
    except OSError:
        return None


def _require_work_tree(root: Path) -> None:
    try:
        done = _git(root, "rev-parse", "--is-inside-work-tree")
    except FileNotFoundError:
        raise DeployError("git is not installed (deploy commits site/ with git)") from None
    if done.returncode != 0 or done.stdout.strip() != "true":
        raise DeployError(f"{root} is not in a git repository: deploy commits site/ to its "
                          "gh-pages branch (git init, and add a remote to push to)")


def _require_identity(root: Path) -> None:
    # ghp-import reads the committer from these variables or git config only, and writes an
    # empty one otherwise, which git fast-import rejects with no useful message.
    for env, key in (("GIT_COMMITTER_NAME", "user.name"), ("GIT_COMMITTER_EMAIL", "user.email")):
        if not os.environ.get(env) and not _git(root, "config", key).stdout.strip():
            raise DeployError(f"git has no {key} to commit with: git config {key} ...")


def _rev(root: Path, ref: str) -> str:
    done = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    return done.stdout.strip() if done.returncode == 0 else ""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


@contextlib.contextmanager
def _working_directory(path: Path) -> Iterator[None]:
    # contextlib.chdir is 3.11+, and the package supports 3.10.
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)
