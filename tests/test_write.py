"""The all-or-nothing write of site/: staging, the swap, the spare, recovery and the guard."""

from __future__ import annotations

import os
import sys

import pytest

from dateline.build import write
from dateline.build.write import Staging, recover, sibling


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def names(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("atomic", [True, False], ids=["exchange", "two-renames"])
def test_staging_swaps_in_exactly_the_new_site_and_keeps_the_old_as_spare(tmp_path, monkeypatch, atomic):
    if not atomic:
        monkeypatch.setattr(write, "exchange", lambda a, b: False)
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
    # The old site is the spare now, sharing the unchanged file's inode with site/.
    assert names(tmp_path) == [".site.spare", "site"]
    assert tree(sibling(out, "spare")) == {"same.html": b"same", "old/gone.html": b"gone"}
    assert os.stat(out / "same.html").st_ino == os.stat(sibling(out, "spare") / "same.html").st_ino


def test_the_next_staging_repairs_whatever_the_spare_holds(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    for i in range(5):
        (out / f"p{i}.html").write_bytes(b"v1 %d" % i)
    first = Staging(out)
    for i in range(5):
        first.put(f"p{i}.html", b"v2 %d" % i if i == 0 else b"v1 %d" % i)
    first.commit({f"p{i}.html" for i in range(5)})
    spare = sibling(out, "spare")
    # Damage the spare every way a killed build or a stray hand could.
    (spare / "p1.html").unlink()                       # missing
    (spare / "p2.html").unlink()
    (spare / "p2.html").write_bytes(b"v1 2")           # same bytes, another inode
    (spare / "extra.html").write_bytes(b"stray")       # not in site/
    (spare / "deep" / "er").mkdir(parents=True)
    (spare / "deep" / "er" / "x.tmp").write_bytes(b"half")
    os.symlink("/etc/hostname", spare / "p3.html.lnk")
    second = Staging(out)
    second.put("p4.html", b"v3 4")
    second.commit({f"p{i}.html" for i in range(5)})
    assert tree(out) == {"p0.html": b"v2 0", "p1.html": b"v1 1", "p2.html": b"v1 2",
                         "p3.html": b"v1 3", "p4.html": b"v3 4"}
    assert not (out / "deep").exists()


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
    assert names(tmp_path) == [".site.spare", "site"]  # set aside, levelled before any reuse


def test_recover_puts_back_a_site_killed_between_two_renames_and_clears_leftovers(tmp_path):
    out = tmp_path / "site"
    old, new = sibling(out, "old-99999999"), sibling(out, "new-99999999")
    old.mkdir()
    (old / "index.html").write_bytes(b"old")
    new.mkdir()
    (new / "index.html").write_bytes(b"new")
    another = sibling(out, "new-99999998")
    (another / "sub").mkdir(parents=True)
    recover(out)
    assert tree(out) == {"index.html": b"old"}  # all old, never nothing
    assert names(tmp_path) == [".site.spare", "site"]
    recover(out)
    assert names(tmp_path) == [".site.spare", "site"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_exchange_swaps_two_folders(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_bytes(b"a")
    (b / "x").write_bytes(b"b")
    assert write.exchange(a, b)
    assert (a / "x").read_bytes() == b"b" and (b / "x").read_bytes() == b"a"


@pytest.mark.parametrize("rel", ["../x.html", "/abs.html", "a/../b", "c:\\x", "", "a//b"])
def test_no_path_may_leave_the_site_folder(tmp_path, rel):
    staging = Staging(tmp_path / "site")
    with pytest.raises(ValueError, match="refusing to write outside the site folder"):
        staging.put(rel, b"")
    staging.abort()
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "b").exists()


def test_a_folder_that_became_a_file_and_back(tmp_path):
    out = tmp_path / "site"
    for files in ({"x/a.html": b"1", "y": b"2"}, {"x": b"3", "y/b.html": b"4"},
                  {"x/a.html": b"5", "y": b"6"}):
        staging = Staging(out)
        for rel, data in files.items():
            staging.put(rel, data)
        staging.commit(set(files))
        assert tree(out) == files
