"""The real `dateline` entry point: exit codes, messages, and a site that is never half-built."""

import json
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
    assert not list(root.glob(".site*")), "no staging folders left behind"


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
