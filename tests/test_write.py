"""The all-or-nothing write of site/: staging and swap, in-place updates, and the guard."""

from __future__ import annotations

import os

import pytest

from dateline.build.write import Staging, update_site


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_staging_swaps_in_exactly_the_new_site_and_links_unchanged_files(tmp_path):
    out = tmp_path / "site"
    (out / "old").mkdir(parents=True)
    (out / "same.html").write_bytes(b"same")
    (out / "old" / "gone.html").write_bytes(b"gone")
    staging = Staging(out)
    staging.put("same.html", b"same")
    staging.put("new/page.html", b"new")
    report = staging.commit({"same.html", "new/page.html"})
    assert tree(out) == {"same.html": b"same", "new/page.html": b"new"}
    assert (report.written, report.unchanged, report.removed) == (1, 1, 1)
    assert os.stat(out / "same.html").st_nlink == 1  # the old tree, linked from, is gone
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # nothing staged is left


def test_an_aborted_staging_leaves_the_site_as_it_was(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_bytes(b"before")
    staging = Staging(out)
    staging.put("index.html", b"after")
    staging.count(3, 4)  # what forked workers staged adds up
    assert (staging.written, staging.unchanged) == (4, 4)
    staging.abort()
    assert tree(out) == {"index.html": b"before"}
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_update_in_place_writes_changed_and_removes_stale_files_and_empty_folders(tmp_path):
    out = tmp_path / "site"
    (out / "tags").mkdir(parents=True)
    (out / "index.html").write_bytes(b"old")
    (out / "keep.html").write_bytes(b"keep")
    (out / "tags" / "x.html").write_bytes(b"x")
    report = update_site({"index.html": b"new"}, {"index.html", "keep.html"}, out)
    assert tree(out) == {"index.html": b"new", "keep.html": b"keep"}
    assert not (out / "tags").exists()
    assert (report.written, report.unchanged, report.removed) == (1, 1, 1)


@pytest.mark.parametrize("rel", ["../x.html", "/abs.html", "a/../b", "c:\\x", "", "a//b"])
def test_no_path_may_leave_the_site_folder(tmp_path, rel):
    with pytest.raises(ValueError, match="refusing to write outside the site folder"):
        update_site({rel: b""}, set(), tmp_path)
    staging = Staging(tmp_path / "site")
    with pytest.raises(ValueError):
        staging.put(rel, b"")
    staging.abort()
