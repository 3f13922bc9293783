"""One build at a time per site/, tested with real processes; leftovers of killed builds go."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import run_dateline

from dateline.build.recipe import build_site

EXE = shutil.which("dateline", path=str(Path(sys.executable).parent)) or "dateline"
# Holds the build lock of the folder in argv[1] until a line arrives on stdin.
HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from dateline.build.lock import BuildLock
    with BuildLock(Path(sys.argv[1])):
        print("locked", flush=True)
        sys.stdin.readline()
""")


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _events(n: int, word: str) -> dict[str, str]:
    return {f"events/e{i:02d}.yaml": f"date: {2000 + i % 6}\ntitle: {word} {i}\ntags: [t{i % 3}]\n"
            for i in range(n)}


def _hold(out: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(out)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_a_second_build_waits_for_the_first_and_names_it(site):
    root = site(_events(5, "First"))
    assert run_dateline("-C", str(root), "build").returncode == 0
    (root / "content/events/e01.yaml").write_text("date: 2001\ntitle: Changed while locked\n")
    holder = _hold(root / "site")
    try:
        build = subprocess.Popen([EXE, "-C", str(root), "build"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        line = build.stderr.readline()
        assert line.startswith(f"waiting for build by PID {holder.pid} "), line
        time.sleep(0.5)
        assert build.poll() is None  # still waiting
        assert "Changed while locked" not in (root / "site/events/e01.html").read_text()
    finally:
        holder.communicate("go\n", timeout=30)
    out, err = build.communicate(timeout=60)
    assert build.returncode == 0, err
    assert "Changed while locked" in (root / "site/events/e01.html").read_text()


def test_a_lock_left_by_a_killed_build_is_taken_over(site):
    root = site(_events(3, "Any"))
    holder = _hold(root / "site")
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert (root / ".site.lock").read_text().strip() == str(holder.pid)  # the dead holder's mark
    result = run_dateline("-C", str(root), "build", timeout=30)
    assert result.returncode == 0 and "waiting" not in result.stderr, result.stderr


def test_two_builds_at_once_both_succeed_and_leave_the_cold_site(site, tmp_path):
    root = site(_events(40, "Round"))
    assert run_dateline("-C", str(root), "build").returncode == 0
    for n in range(3):
        for i in range(0, 40, 3):
            (root / f"content/events/e{i:02d}.yaml").write_text(f"date: 2010\ntitle: Round {n} {i}\n")
        both = [subprocess.Popen([EXE, "-C", str(root), "build"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [p.communicate(timeout=120) + (p.returncode,) for p in both]
        assert [r[2] for r in results] == [0, 0], results
        assert build_site(root, tmp_path / f"cold{n}", use_cache=False).ok
        assert tree(root / "site") == tree(tmp_path / f"cold{n}")


def test_leftovers_of_killed_builds_are_repaired_or_removed(site, tmp_path):
    root = site(_events(6, "Left"))
    assert build_site(root, root / "site").ok
    for name in (".site.new-4000001", ".site.old-4000002", ".site.new-4000003"):
        (root / name / "events").mkdir(parents=True)
        (root / name / "events" / "junk.html").write_bytes(b"half written")
    (root / "content/events/e02.yaml").write_text("date: 2002\ntitle: After the crash\n")
    assert build_site(root, root / "site").ok
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == [
        ".site.lock", ".site.spare"]
    assert build_site(root, tmp_path / "cold", use_cache=False).ok
    assert tree(root / "site") == tree(tmp_path / "cold")


def test_the_files_beside_site_are_ignored_by_git(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo_root = Path(__file__).resolve().parents[1]
    from dateline.scaffold import init_site

    init_site(tmp_path / "new")
    for folder in (repo_root, tmp_path / "new"):
        names = [".site.lock", ".site.spare/index.html", ".site.new-12/a.html", ".site.old-9/b"]
        found = subprocess.run(["git", "-C", str(folder), "check-ignore", "--no-index", *names],
                               capture_output=True, text=True)
        if found.returncode == 128:  # not a git repository: make it one
            subprocess.run(["git", "init", "-q", str(folder)], check=True)
            found = subprocess.run(["git", "-C", str(folder), "check-ignore", "--no-index", *names],
                                   capture_output=True, text=True)
        assert found.stdout.split() == names, (folder, found.stdout, found.stderr)
