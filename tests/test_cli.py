"""The real `dateline` entry point: exit codes, messages, and a site that is never half-built."""

import json
import re
import subprocess
import sys

from conftest import REPO, run_dateline


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_build_writes_site_and_reports(site):
    root = site({"events/a.yaml": "date: 2022-02\ntitle: A\n"})
    result = run_dateline("-C", str(root), "build")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"built {root / 'site'}: 1 events, ")
    assert (root / "site" / "index.html").is_file()
    assert (root / "site" / ".nojekyll").is_file()


def test_failed_build_leaves_existing_site_untouched(site):
    root = site({"events/a.yaml": "date: 2022-02\ntitle: A\n"})
    assert run_dateline("-C", str(root), "build").returncode == 0
    before = snapshot(root / "site")
    (root / "content/events/b.yaml").write_text("date: 2022-02-30\ntitle: Bad\n")
    (root / "content/events/c.yaml").write_text("date: 2022\n")
    (root / "content/events/d.yaml").write_text("date: 2022\ntitle: 'unclosed\n")
    result = run_dateline("-C", str(root), "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert "content/events/b.yaml:1: date: cannot read '2022-02-30' (no such day)" in lines
    assert "content/events/c.yaml:1: title: required, but missing or empty" in lines
    assert any(line.startswith("content/events/d.yaml:3:") for line in lines)
    assert lines[-1] == f"build failed; {root / 'site'} left as it was"
    assert snapshot(root / "site") == before


def test_successful_rebuild_removes_stale_pages(site):
    root = site({"events/a.yaml": "date: 2020\ntitle: A\n", "events/b.yaml": "date: 2021\ntitle: B\n"})
    assert run_dateline("-C", str(root), "build").returncode == 0
    (root / "content/events/b.yaml").unlink()
    result = run_dateline("-C", str(root), "build")
    assert "1 removed" in result.stdout
    assert not (root / "site/events/b.html").exists()
    assert (root / "site/events/a.html").exists()
    # Beside site/ only the spare (the previous site, see build/write.py) and the lock remain.
    assert sorted(p.name for p in root.glob(".site*")) == [".site.lock", ".site.spare"], \
        "no staging folders left behind"


def test_two_builds_are_byte_identical(site, tmp_path):
    root = site({"events/a.yaml": "date: 2020\ntitle: A\ntags: [x, y]\n"})
    run_dateline("-C", str(root), "build", "--out", str(tmp_path / "one"))
    run_dateline("-C", str(root), "build", "--out", str(tmp_path / "two"))
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_check_validates_without_writing(site):
    root = site({"events/a.yaml": "date: 2020\ntitle: A\ntgas: [x]\n"})
    result = run_dateline("-C", str(root), "check")
    assert result.returncode == 0
    assert result.stdout.strip() == "ok: 1 events, 1 warning(s)"
    assert "did you mean 'tags'?" in result.stderr
    assert not (root / "site").exists()
    strict = run_dateline("-C", str(root), "check", "--strict")
    assert strict.returncode == 1
    assert "1 problem(s) found" in strict.stderr


def test_usage_errors_exit_2():
    assert run_dateline("build", "--no-such-flag").returncode == 2
    assert run_dateline("normalize", "in February").returncode == 2
    assert run_dateline("normalize", "--base", "2022-13-01", "x").returncode == 2


def test_normalize_single_phrase_prints_json():
    result = run_dateline("normalize", "--base", "2022-12-06", "late 2020")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"text": "late 2020", "value": "2020-09/2020-12"}


def test_normalize_jsonl_one_line_out_per_line_in():
    lines = [
        {"text": "in February", "base": "2022-12-06"},
        "not json",
        {"text": "recently", "base": "2022-12-06"},
        {"text": "last weekend", "base": "2022-12-06", "sentence": "He visited Minsk last weekend."},
    ]
    stdin = "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines)
    result = run_dateline("normalize", input=stdin)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 1  # one malformed line
    assert len(out) == 4
    assert out[0]["value"] == "2022-02"
    assert "error" in out[1]
    assert out[2]["value"] is None
    assert out[3]["value"] == "2022-12-03/2022-12-04"


def test_build_py_and_python_m_are_the_same_command(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--out", str(out)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (out / "index.html").is_file()
    help_text = subprocess.run([sys.executable, "-m", "dateline", "--help"], capture_output=True,
                               text=True, timeout=60)
    assert help_text.returncode == 0 and "extract" in help_text.stdout


def test_every_command_has_help():
    top = run_dateline("--help").stdout
    for command in ("build", "check", "normalize", "extract", "serve", "init"):
        assert command in top
        result = run_dateline(command, "--help")
        assert result.returncode == 0 and len(result.stdout.splitlines()) > 3


def test_extract_bad_inputs_get_clear_messages(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "undated.txt").write_text(
        "A title\n\nThe committee discussed several proposals about the river and the harbour "
        "but reached no agreement on any of them.\n")
    out = tmp_path / "events"
    for name, message in (("empty.txt", "file is empty"), ("binary.txt", "binary file"),
                          ("missing.txt", "no such file")):
        result = run_dateline("extract", str(tmp_path / name), "--published", "2022-01-01",
                              "--out", str(out))
        assert result.returncode == 1, name
        assert result.stderr.strip() == f"dateline: {tmp_path / name}: {message}" or (
            message in result.stderr and "Traceback" not in result.stderr), result.stderr
    no_date = run_dateline("extract", str(tmp_path / "undated.txt"), "--out", str(out))
    assert no_date.returncode == 1 and "--published" in no_date.stderr
    result = run_dateline("extract", str(tmp_path / "undated.txt"), "--published", "2022-01-01",
                          "--out", str(out))
    assert result.returncode == 0
    assert result.stdout.strip() == f"{tmp_path / 'undated.txt'}: no dated events found"
    assert not out.exists()


def test_extract_writes_once_and_never_overwrites(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: Harbour news\npublished: 2021-06-10\n---\n\n"
                       "The council approved the new bridge in March. "
                       "Workers finished the harbour wall in 2019.\n", encoding="utf-8")
    out = tmp_path / "events"
    first = run_dateline("extract", str(article), "--out", str(out))
    assert first.returncode == 0, first.stderr
    written = sorted(out.glob("*.yaml"))
    assert [p.name[:7] for p in written] == ["2019-wo", "2021-03"]
    written[0].write_text(written[0].read_text() + "tags: [mine]\n")
    edited = written[0].read_text()
    again = run_dateline("extract", str(article), "--out", str(out))
    assert again.returncode == 0
    assert again.stdout.count("skipped ") == 2 and "wrote" not in again.stdout
    assert written[0].read_text() == edited


def test_extracted_seed_events_pass_strict_check(tmp_path):
    """What extract writes is a valid event file as it stands, before any curation."""
    out = tmp_path / "content" / "events"
    result = run_dateline("extract", str(REPO / "seeds" / "belarus-russia-training.txt"),
                          "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert len(list(out.glob("*.yaml"))) >= 6
    check = run_dateline("-C", str(tmp_path), "check", "--strict")
    assert check.returncode == 0, check.stderr


def test_incremental_rebuild_equals_a_cold_build(site, tmp_path):
    """Whatever changes, the cached rebuild must leave exactly what a cold build writes."""
    events = {f"events/e{i:02d}.yaml": f"date: {2000 + i % 5}-{i % 12 + 1:02d}\ntitle: Event {i}\n"
              f"tags: [t{i % 4}, t{i % 3}]\nbody: Body *{i}*\n" for i in range(30)}
    root = site(events)
    edits = [
        lambda: (root / "content/events/e03.yaml").write_text(
            "date: 2004-01\ntitle: Renamed three\ntags: [t1, t0]\nbody: New body\n"),
        lambda: (root / "content/events/e07.yaml").write_text(
            "date: 1999-05-05\ntitle: Moved seven\ntags: [brand-new]\n"),
        lambda: (root / "content/events/e11.yaml").unlink(),
        lambda: (root / "content/events/new.yaml").write_text("date: 2002-02-02\ntitle: Added\ntags: [t2]\n"),
        lambda: (root / "content/timeline.yaml").write_text("title: Retitled\n"),
        lambda: (root / "templates").mkdir() or (root / "templates/footer.html").write_text("<footer/>"),
        # "T1" sorts before "t1" and takes the slug t1: every t1 event's tag link changes
        # although none of their files did; then it goes back.
        lambda: (root / "content/events/clash.yaml").write_text("date: 2001-03\ntitle: Clash\ntags: [T1]\n"),
        lambda: (root / "content/events/clash.yaml").unlink(),
        lambda: (root / "content/events/e05.yaml").rename(root / "content/events/renamed.yaml"),
    ]
    assert run_dateline("-C", str(root), "build").returncode == 0
    for i, edit in enumerate(edits):
        edit()
        result = run_dateline("-C", str(root), "build")
        assert result.returncode == 0, result.stderr
        assert "(0 written" not in result.stdout, f"edit {i} changed nothing"
        cold = tmp_path / f"cold{i}"
        assert run_dateline("-C", str(root), "build", "--no-cache", "--out", str(cold)).returncode == 0
        assert snapshot(root / "site") == snapshot(cold), f"after edit {i}"
    again = run_dateline("-C", str(root), "build")
    assert "is up to date" in again.stdout


def test_a_linked_events_folder_is_watched_for_changes(site, tmp_path):
    """An edit inside a symlinked content/events/ must not be taken for a no-op build."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.yaml").write_text("date: 2022\ntitle: Before\n")
    root = site({})
    events = root / "content" / "events"
    if events.exists():
        for path in events.iterdir():
            path.unlink()
        events.rmdir()
    events.symlink_to(elsewhere, target_is_directory=True)
    assert run_dateline("-C", str(root), "build").returncode == 0
    (elsewhere / "a.yaml").write_text("date: 2022\ntitle: After the edit\n")
    again = run_dateline("-C", str(root), "build")
    assert again.returncode == 0 and "up to date" not in again.stdout
    assert "After the edit" in (root / "site/events/a.html").read_text()


def test_main_runs_exit_handlers_and_in_process_calls_keep_nothing(site, tmp_path):
    """main() ends the process after a build, but atexit handlers (coverage...) still run."""
    from click.testing import CliRunner

    from dateline import cli

    root = site({"events/a.yaml": "date: 2022\ntitle: A\n"})
    script = tmp_path / "wrap.py"
    script.write_text("import atexit, sys\n"
                      "atexit.register(lambda: print('exit handler ran', flush=True))\n"
                      "from dateline.cli import main\n"
                      f"sys.argv = ['dateline', '-C', {str(root)!r}, 'build']\n"
                      "main()\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "built " in done.stdout and done.stdout.rstrip().endswith("exit handler ran")

    for _ in range(3):
        assert CliRunner().invoke(cli.cli, ["-C", str(root), "build", "--no-cache"]).exit_code == 0
    assert cli._process.kept == []  # an in-process caller's builds are not held on to


def test_template_errors_name_the_template_from_the_site_folder(site):
    root = site({"events/a.yaml": "date: 2022\ntitle: A\n"})
    (root / "templates" / "partials").mkdir(parents=True)
    (root / "templates" / "partials" / "note.html").write_text("ok\n{{ missing_value }}\n")
    (root / "templates" / "footer.html").write_text('{% include "partials/note.html" %}\n')
    done = run_dateline("-C", root.name, "build", cwd=root.parent)
    assert done.returncode == 1
    first = done.stderr.splitlines()[0]
    assert first == "templates/partials/note.html:2: template error: 'missing_value' is undefined", first
    assert "problem(s) found" not in done.stderr  # the summary is for content problems


def test_tag_prints_offsets_into_the_file_itself(tmp_path):
    article = tmp_path / "a.txt"
    text = "Harbour news\n\nThe wall was finished in late 2020. Work began on 12 June.\n"
    article.write_text(text, encoding="utf-8")
    result = run_dateline("tag", str(article), "--published", "2022-12-06")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert {"text": "late 2020", "value": "2020-09/2020-12"}.items() <= rows[0].items()
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    undated = run_dateline("tag", str(article))
    assert undated.returncode == 1 and "no publication date" in undated.stderr


def test_extract_summary_review_and_check_lists_events_to_review(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: Bridge\npublished: 2021-06-10\n---\n\n"
                       "Leeds City Council approved the Aire footbridge in March. "
                       "The bridge will open in 2024.\n", encoding="utf-8")
    out = tmp_path / "content" / "events"
    result = run_dateline("extract", str(article), "--out", str(out))
    assert result.returncode == 0, result.stderr
    # The summary counts each kind of reason (whatever else the title model adds).
    summary = re.search(r"2 event\(s\), 1 marked for review \(([^)]*)\)", result.stdout)
    assert summary and "1 future or conditional" in summary[1].split(", "), result.stdout
    opening = next(out.glob("2024-*.yaml"))
    assert "future or conditional" in opening.read_text(encoding="utf-8")
    check = run_dateline("-C", str(tmp_path), "check")
    assert check.returncode == 0, check.stderr
    assert f"{opening.name}: review: future or conditional" in check.stdout
    assert "1 marked for review" in check.stdout
    # Deleting the key signs the event off.
    signed = "\n".join(line for line in opening.read_text(encoding="utf-8").splitlines()
                       if not line.startswith(("review:", "- future")))
    opening.write_text(signed + "\n", encoding="utf-8")
    again = run_dateline("-C", str(tmp_path), "check")
    assert "marked for review" not in again.stdout, again.stdout


def test_published_over_an_articles_own_date_is_said(tmp_path):
    a = tmp_path / "a.md"
    a.write_text("---\ntitle: A\npublished: 2021-06-10\n---\n\nThe council approved the "
                 "new bridge in March.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Harbour news\n\nThe harbour wall, which protects the old fishing port "
                 "from winter storms, was finished in 2019 after years of work.\n",
                 encoding="utf-8")
    result = run_dateline("extract", str(a), str(b), "--published", "2022-01-05",
                          "--dry-run", timeout=120)
    assert result.returncode == 0, result.stderr
    assert "a.md: --published 2022-01-05 overrides the article's own date 2021-06-10" \
        in result.stderr
    assert "b.txt" not in result.stderr
