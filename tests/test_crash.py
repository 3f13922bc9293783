"""kill -9 at random moments of rebuilds that change every page: site/ is all old or all new.

Each rebuild switches the site's title, which every page shows; the build is killed with
SIGKILL somewhere in the part of its run where it renders and writes. After every kill site/
must be byte for byte one of the two complete sites, with nothing stray in it, and the next
uninterrupted build must equal a cold build. Sized to run in about 20 s on two busy cores.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import run_dateline

from dateline.build.recipe import build_site

KILLS = 20
EVENTS = 120


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _timeline(title: str) -> str:
    return f"title: {title}\ndescription: Killed at random\ndate_base: 2024-01-01\n"


def test_a_killed_rebuild_leaves_site_all_old_or_all_new(site, tmp_path):
    events = {f"events/e{i:03d}.yaml":
              f"date: {1990 + i % 30}-{i % 12 + 1:02d}\ntitle: Event number {i}\n"
              f"tags: [t{i % 7}, k{i % 5}]\npeople: [P{i % 9}]\nbody: |\n  Body of *{i}*, "
              + "with words " * 30 + "\n" for i in range(EVENTS)}
    titles = ("Site title Alpha", "Site title Beta")
    root = site({**events, "timeline.yaml": _timeline(titles[0])})
    refs = []
    for n, title in enumerate(titles):
        (root / "content/timeline.yaml").write_text(_timeline(title))
        assert build_site(root, tmp_path / f"ref{n}", use_cache=False).ok
        refs.append(tree(tmp_path / f"ref{n}"))
    assert refs[0].keys() == refs[1].keys()
    differ = [k for k in refs[0] if refs[0][k] != refs[1][k]]
    assert sum(k.endswith(".html") for k in differ) == sum(k.endswith(".html") for k in refs[0])

    out = root / "site"
    assert run_dateline("-C", str(root), "build").returncode == 0  # site: title 1 (the last written)
    # How long a rebuild that changes every page takes here, through the real command.
    (root / "content/timeline.yaml").write_text(_timeline(titles[0]))
    started = time.perf_counter()
    assert run_dateline("-C", str(root), "build").returncode == 0
    full = time.perf_counter() - started
    current = 0
    rng = random.Random(12)
    exe = shutil.which("dateline", path=str(Path(sys.executable).parent)) or "dateline"
    running = 0
    for _ in range(KILLS):
        target = 1 - current
        (root / "content/timeline.yaml").write_text(_timeline(titles[target]))
        proc = subprocess.Popen([exe, "-C", str(root), "build"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        # The second part of a run is rendering and writing; start-up and loading come first.
        time.sleep(rng.uniform(0.35, 1.05) * full)
        finished = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = tree(out)
        mixed = now not in refs
        assert not mixed, f"a mixed site after a kill {'after' if finished else 'during'} a build"
        got = refs.index(now)
        if finished and proc.returncode == 0:
            assert got == target
        running += not finished
        current = got
    assert running >= KILLS // 4, "the kills missed the builds: nothing was tested"
    done = run_dateline("-C", str(root), "build")  # the content is the last target's
    assert done.returncode == 0, done.stderr
    assert tree(out) == refs[target]
    beside = sorted(p.name for p in root.iterdir() if p.name.startswith(".site"))
    assert beside == [".site.lock", ".site.spare"], beside  # no .site.new-PID or .old-PID left
