"""The broken-site corpus: every case in tests/broken/ is a site with one kind of mistake,
and expected.txt holds exactly what `dateline check --strict` prints and its exit status.

Each failing case must also leave an existing site/ exactly as it was when built.
To review after a deliberate message change, rerun the command in the case folder.
"""

import shutil
from pathlib import Path

import pytest
from conftest import run_dateline

CASES = sorted(p for p in (Path(__file__).parent / "broken").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_prints_located_problems(case, tmp_path):
    root = tmp_path / case.name
    shutil.copytree(case, root, ignore=shutil.ignore_patterns("expected.txt"))
    result = run_dateline("-C", str(root), "check", "--strict", timeout=30)
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    got = result.stderr.splitlines() + [f"exit {result.returncode}"]
    assert "Traceback" not in result.stderr
    assert got == expected


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_failed_build_keeps_previous_site(case, tmp_path):
    root = tmp_path / case.name
    shutil.copytree(case, root, ignore=shutil.ignore_patterns("expected.txt"))
    site = root / "site"
    (site / "events").mkdir(parents=True)
    (site / "index.html").write_text("previous build")
    (site / "events" / "old.html").write_text("old page")
    result = run_dateline("-C", str(root), "build", "--strict", timeout=30)
    expected_exit = (case / "expected.txt").read_text().splitlines()[-1]
    assert f"exit {result.returncode}" == expected_exit
    if result.returncode != 0:
        assert (site / "index.html").read_text() == "previous build"
        assert (site / "events" / "old.html").read_text() == "old page"
        assert sorted(p.name for p in site.rglob("*")) == ["events", "index.html", "old.html"]
        assert result.stderr.splitlines()[-1] == f"build failed; {site} left as it was"
    else:
        assert not (site / "events" / "old.html").exists()
