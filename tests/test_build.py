"""The build recipe and its workers: parallel and serial builds agree, failures change nothing."""

import pytest

from dateline.build import cache, workers
from dateline.build.recipe import build_site
from dateline.content import load_site
from dateline.render import RenderError, RenderMemo, plan_site


def test_parallel_render_matches_serial_and_reports_template_errors(site, monkeypatch):
    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)
    events = {f"events/e{i}.yaml": f"date: {2000 + i % 7}\ntitle: E{i}\nbody: '*b{i}*'\ntags: [t{i % 3}]\n"
              for i in range(40)}
    root = site(events)
    content = load_site(root)
    serial = workers.render_pages(plan_site(content, root), {}, parallel=False)
    markdown: dict[str, str] = {}
    parallel = workers.render_pages(plan_site(content, root, memo=RenderMemo(markdown)), markdown,
                             parallel=True)
    assert parallel == serial
    assert len(markdown) == 40  # the workers' Markdown comes back for the build cache
    (root / "templates").mkdir()
    (root / "templates" / "event.html").write_text("{{ nope }}")
    with pytest.raises(RenderError) as err:
        workers.render_pages(plan_site(content, root), {}, parallel=True)
    assert str(err.value).startswith("templates/event.html:1: template error: 'nope' is undefined")


def test_parallel_build_writes_from_workers_the_same_site(site, tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)
    events = {f"events/e{i}.yaml": f"date: {2000 + i % 7}\ntitle: E{i}\nbody: '*b{i}* [x](https://x.org/{i})'"
              f"\ntags: [t{i % 3}]\n" for i in range(40)}
    root = site(events)

    def tree(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    serial = build_site(root, tmp_path / "serial", parallel=False, use_cache=False)
    parallel = build_site(root, tmp_path / "parallel", parallel=True, use_cache=False)
    assert serial.ok and parallel.ok
    assert tree(tmp_path / "parallel") == tree(tmp_path / "serial")
    assert parallel.report.written == len(tree(tmp_path / "serial")) == serial.report.written
    # Again over the same site: every file is identical, so every one is linked, none written.
    again = build_site(root, tmp_path / "parallel", parallel=True, use_cache=False)
    assert (again.report.written, again.report.unchanged) == (0, parallel.report.written)

    (root / "templates").mkdir()
    (root / "templates" / "event.html").write_text("{{ nope }}")
    before = tree(tmp_path / "parallel")
    failed = build_site(root, tmp_path / "parallel", parallel=True, use_cache=False)
    assert not failed.ok and "'nope' is undefined" in str(failed.problems[-1])
    assert tree(tmp_path / "parallel") == before  # the staged files were dropped
    # No staging folder is left, only the spare (the previous site) and the lock files.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [
        ".parallel.lock", ".parallel.spare", ".serial.lock"]


def test_no_fork_when_told_not_to_and_export_pieces_do_not_pile_up(site, monkeypatch):
    import os

    from dateline import content

    monkeypatch.setattr(content, "PARALLEL_FROM", 1)
    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)
    forks: list[int] = []
    watching = [True]
    os.register_at_fork(before=lambda: forks.append(1) if watching[0] else None)
    try:
        events = {f"events/e{i}.yaml": f"date: {2000 + i}\ntitle: E{i}\n" for i in range(12)}
        root = site(events)
        assert build_site(root, root / "site", parallel=False).ok
        assert forks == []  # serve builds beside its server threads: never fork there
        for url in ("https://a.example/", "https://b.example/", "https://c.example/"):
            assert build_site(root, root / "site", site_url=url, parallel=False).ok
    finally:
        watching[0] = False
    state = cache.load_state(root)
    kept = cache.exports_memo(root, (root / "site").resolve(), state).previous()
    assert kept is not None and len(kept.keys) == 12  # only the last build's pieces
