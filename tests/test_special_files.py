"""Special and foreign files in a site (issue 12, item 6): only regular files inside the
site folder are read, their size is checked before reading, and everything else is a
clear message naming the path: never a hang, never MemoryError, never a foreign file's
text in a message or in site/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_dateline

from dateline.content import load_site

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and symlinks: POSIX")

EVENT = "date: 2022-02-24\ntitle: An event\n"
SECRET = "root:x:0:0:the secret line:/root:/bin/bash\ndaemon: secret two\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file beside the site folder, standing for /etc/passwd or /etc/shadow."""
    path = tmp_path / "passwd"
    path.write_text(SECRET)
    return path


def _build(root: Path) -> tuple[int, str]:
    result = run_dateline("-C", str(root), "build", timeout=30)  # a hang fails the test here
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "folder", "outside"])
def test_an_event_file_that_is_no_regular_file_in_the_site_is_refused(site, outside, kind):
    root = site({"events/a.yaml": EVENT})
    target = root / "content" / "events" / "x.yaml"
    if kind == "dev-zero":
        target.symlink_to("/dev/zero")  # read until MemoryError before
    elif kind == "fifo":
        os.mkfifo(target)  # hung the build before
    elif kind == "folder":
        target.mkdir()
    else:
        target.symlink_to(outside)  # its lines came back as unknown-key warnings before
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("previous build")
    code, err = _build(root)
    assert code == 1
    assert err.splitlines()[0].startswith("content/events/x.yaml: ")
    assert "secret" not in err
    assert ("outside the site folder" in err) == (kind in ("dev-zero", "outside"))
    if kind == "fifo":
        assert "is a named pipe (FIFO), not a regular file" in err
    assert (root / "site" / "index.html").read_text() == "previous build"


def test_a_special_timeline_yaml_is_refused_without_hanging(site, tmp_path):
    root = site({"events/a.yaml": EVENT})
    os.mkfifo(root / "content" / "timeline.yaml")
    code, err = _build(root)
    assert code == 1 and err.startswith("content/timeline.yaml: is a named pipe (FIFO)")


def test_links_inside_the_site_are_followed(site):
    root = site({"events/a.yaml": EVENT, "shared/b.yaml": "date: 2021\ntitle: Shared\n"})
    (root / "content" / "events" / "b.yaml").symlink_to("../shared/b.yaml")
    assert [e.title for e in load_site(root).events] == ["Shared", "An event"]


def test_a_linked_events_folder_is_read_but_not_links_out_of_it(site, outside, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.yaml").write_text(EVENT)
    (elsewhere / "x.yaml").symlink_to(outside)
    root = site({})
    events = root / "content" / "events"
    events.rmdir()
    events.symlink_to(elsewhere, target_is_directory=True)  # the site owner's choice
    content = load_site(root)
    assert [e.id for e in content.events] == ["a"]
    assert [(p.path, p.message.split(";")[0]) for p in content.problems] == [
        ("content/events/x.yaml", "is a link to a file outside the site folder")]


def test_the_size_is_checked_before_reading(tmp_path, monkeypatch):
    from dateline.store.yamldoc import MAX_FILE_BYTES, Refused, read_regular

    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:  # sparse: 3 GB on paper, nothing on disk
        fh.truncate(3 << 30)
    monkeypatch.setattr(os, "read", lambda *a: pytest.fail("read a file it should refuse"))
    with pytest.raises(Refused, match=r"file is 3,221,225,472 bytes; refusing files over"):
        read_regular(big, MAX_FILE_BYTES)


def test_a_file_that_grows_while_read_is_cut_at_the_limit(tmp_path):
    from dateline.store.yamldoc import Refused, read_regular

    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 100)
    assert read_regular(path, 100) == b"x" * 100
    with pytest.raises(Refused, match="refusing files over 99"):
        read_regular(path, 99)


@pytest.mark.parametrize("where", ["templates/static/passwd.txt", "templates/footer.html",
                                   "templates/static/css/theme.css"])
def test_a_template_or_static_file_linking_outside_the_site_is_never_published(
        site, outside, where):
    root = site({"events/a.yaml": EVENT})
    link = root / where
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside)
    code, err = _build(root)
    assert code == 1
    assert f"{where}: is a link to a file outside the site folder" in err
    assert "secret" not in err
    site_dir = root / "site"
    assert not site_dir.exists() or not any(
        "secret" in p.read_text(errors="replace") for p in site_dir.rglob("*") if p.is_file())


def test_a_fifo_among_the_templates_is_refused(site):
    root = site({"events/a.yaml": EVENT})
    (root / "templates" / "static").mkdir(parents=True)
    os.mkfifo(root / "templates" / "static" / "pipe.css")
    code, err = _build(root)
    assert code == 1 and "templates/static/pipe.css: is not a regular file" in err


def test_static_links_inside_the_site_are_published(site):
    root = site({"events/a.yaml": EVENT})
    (root / "templates" / "static").mkdir(parents=True)
    (root / "assets").mkdir()
    (root / "assets" / "logo.svg").write_text("<svg/>")
    (root / "templates" / "static" / "logo.svg").symlink_to(root / "assets" / "logo.svg")
    code, err = _build(root)
    assert code == 0, err
    assert (root / "site" / "static" / "logo.svg").read_text() == "<svg/>"


def test_tag_and_extract_do_not_hang_on_a_special_timeline_yaml(site, tmp_path):
    # extract and tag read timeline.yaml for its language (how to read 3/4/2022).
    root = site({})
    os.mkfifo(root / "content" / "timeline.yaml")
    article = tmp_path / "a.txt"
    article.write_text("Council meets\n\nThe city council met on 3 March 2022 to discuss the "
                       "budget for the coming year, and it will meet again in the spring.\n")
    result = run_dateline("-C", str(root), "tag", str(article), "--published", "2022-12-06",
                          timeout=30)
    assert result.returncode == 0 and '"value": "2022-03-03"' in result.stdout
