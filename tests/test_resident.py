"""serve's builds keep the saved state in memory (build/resident.py): every rebuild still
equals a cold build byte for byte, the cache on disk stays whole for a later `dateline
build`, and a kept state is never used once another process has written the cache."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dateline import content as content_mod
from dateline.build import cache
from dateline.build.recipe import build_site
from dateline.build.resident import Resident
from dateline.site import plan


def _event(i: int, title: str | None = None, body: str | None = None) -> str:
    return (f"date: {2019 + i % 3}-{1 + i % 12:02d}\n"
            f"title: {title or f'Event {i}'}\n"
            f"body: '{body or f'Body *{i}*'}'\n"
            f"tags: [t{i % 4}]\n"
            f"people: [P{i % 3}]\n")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}


@pytest.fixture
def spied(monkeypatch):
    """Counts of cache.load_state() calls and of event files parsed."""
    counts = {"load_state": 0, "parsed": 0}
    real_load, real_parse = cache.load_state, content_mod._parse_files

    def load_state(root):
        counts["load_state"] += 1
        return real_load(root)

    def parse(folder, todo, *args, **kwargs):
        counts["parsed"] += len(todo)
        return real_parse(folder, todo, *args, **kwargs)

    monkeypatch.setattr(cache, "load_state", load_state)
    monkeypatch.setattr(content_mod, "_parse_files", parse)
    monkeypatch.setattr(plan, "SPLIT_INDEX_AT", 20)
    return counts


def _same_as_cold(root: Path, tmp_path: Path, n: int) -> None:
    cold = tmp_path / f"cold{n}"
    assert build_site(root, cold, use_cache=False).ok
    assert _tree(root / "site") == _tree(cold)


def test_a_run_of_edits_reads_the_cache_once_and_equals_cold_builds(site, tmp_path, spied):
    events = {f"events/e{i:02d}.yaml": _event(i) for i in range(40)}
    root = site(events | {"timeline.yaml": "title: T\n"})
    folder = root / "content" / "events"
    resident = Resident()
    assert build_site(root, root / "site", resident=resident, parallel=False).ok
    rng = random.Random(7)
    alive = sorted(range(40))
    for step in range(12):
        kind = rng.choice(["title", "body", "add", "remove", "title"])
        i = rng.choice(alive)
        if kind == "title":
            (folder / f"e{i:02d}.yaml").write_text(_event(i, title=f"Event {i} v{step}"))
        elif kind == "body":
            (folder / f"e{i:02d}.yaml").write_text(_event(i, body=f"New *body* {step}"))
        elif kind == "add":
            j = 40 + step
            (folder / f"e{j:02d}.yaml").write_text(_event(j))
            alive.append(j)
        elif len(alive) > 30:
            (folder / f"e{i:02d}.yaml").unlink()
            alive.remove(i)
        spied["parsed"] = 0
        result = build_site(root, root / "site", resident=resident, parallel=False)
        assert result.ok, result.problems
        assert spied["parsed"] <= 1, (step, kind)  # only the edited file is read again
        _same_as_cold(root, tmp_path, step)
    assert spied["load_state"] == 1  # the first build's: every later one used the kept state

    # What the kept builds saved is whole: a new process's build after one more edit reads
    # the cache (no refused file), parses only the edited file and equals a cold build.
    (folder / f"e{alive[0]:02d}.yaml").write_text(_event(alive[0], title="Last edit"))
    spied["parsed"] = 0
    assert not cache.load_state(root).notes
    result = build_site(root, root / "site")
    assert result.ok and not result.notes
    assert spied["parsed"] == 1
    _same_as_cold(root, tmp_path, 99)


def _built(site) -> tuple[Path, Resident]:
    """A six-event site built once with a Resident, and that Resident."""
    root = site({f"events/e{i}.yaml": _event(i) for i in range(6)} | {"timeline.yaml": "title: T\n"})
    resident = Resident()
    assert build_site(root, root / "site", resident=resident).ok
    return root, resident


def test_a_build_by_another_process_means_reading_the_cache_again(site, tmp_path, spied):
    root, resident = _built(site)
    (root / "content/events/e1.yaml").write_text(_event(1, title="Changed elsewhere"))
    assert build_site(root, root / "site").ok  # `dateline build` in another terminal
    (root / "content/events/e2.yaml").write_text(_event(2, title="Changed in serve"))
    spied["load_state"] = 0
    assert build_site(root, root / "site", resident=resident).ok
    assert spied["load_state"] == 1
    _same_as_cold(root, tmp_path, 1)


def test_a_failed_build_keeps_nothing(site, tmp_path, spied):
    root, resident = _built(site)
    (root / "content/events/e1.yaml").write_text("date: not a date\ntitle: Broken\n")
    assert not build_site(root, root / "site", resident=resident).ok
    (root / "content/events/e1.yaml").write_text(_event(1, title="Mended"))
    spied["load_state"] = 0
    assert build_site(root, root / "site", resident=resident).ok
    assert spied["load_state"] == 1  # the failed build took the kept state and kept none
    _same_as_cold(root, tmp_path, 1)


def test_other_options_do_not_share_a_kept_state(site, tmp_path, spied):
    root, resident = _built(site)
    spied["load_state"] = 0
    (root / "content/events/e3.yaml").write_text(_event(3, title="Again"))
    assert build_site(root, root / "site", resident=resident, base_url="/sub/").ok
    assert spied["load_state"] == 1
