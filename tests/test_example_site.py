"""Golden test: the repository's example site, built and compared file by file with
tests/golden/example-site/ (every page, export and asset), and read back from its HTML.

After a deliberate change, regenerate and review the diff:
    DATELINE_REGEN_GOLDEN=1 pytest tests/test_example_site.py && git diff tests/golden
"""

import json
import os
import shutil
from pathlib import Path

import lxml.html
from conftest import run_dateline

GOLDEN = Path(__file__).parent / "golden" / "example-index.json"
GOLDEN_SITE = Path(__file__).parent / "golden" / "example-site"


def index_rows(site_dir: Path) -> list[dict]:
    doc = lxml.html.fromstring((site_dir / "index.html").read_bytes())
    rows = []
    for article in doc.cssselect("article.event"):
        time = article.cssselect("time")[0]
        rows.append({"id": article.get("id"), "datetime": time.get("datetime"),
                     "value": time.get("data-value"), "shown": time.text_content(),
                     "title": article.cssselect("h3")[0].text_content().strip()})
    return rows


def test_example_site_matches_golden(example_site):
    result = run_dateline("-C", str(example_site), "build", "--strict")
    assert result.returncode == 0, result.stderr
    rows = index_rows(example_site / "site")
    if os.environ.get("DATELINE_REGEN_GOLDEN"):
        GOLDEN.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert rows == json.loads(GOLDEN.read_text(encoding="utf-8"))


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_example_site_is_byte_for_byte_the_golden_site(example_site):
    result = run_dateline("-C", str(example_site), "build", "--strict")
    assert result.returncode == 0, result.stderr
    built = example_site / "site"
    if os.environ.get("DATELINE_REGEN_GOLDEN"):
        shutil.rmtree(GOLDEN_SITE, ignore_errors=True)
        shutil.copytree(built, GOLDEN_SITE)
    got, want = tree(built), tree(GOLDEN_SITE)
    assert sorted(got) == sorted(want)
    for path in want:  # one file at a time, so a failure names the file that differs
        assert got[path] == want[path], path


def test_example_site_has_the_seed_articles_events_with_honest_precision(example_site):
    assert run_dateline("-C", str(example_site), "build").returncode == 0
    values = [r["value"] for r in index_rows(example_site / "site")]
    for expected in ("2020", "2020-09/2020-12", "2022-02", "2022-09", "2022-11",
                     "2022-12-03/2022-12-04"):
        assert expected in values
    assert values.count("2022-12-06") == 3  # the undated developments, dated by publication
    starts = [v.split("/")[0] for v in values]
    assert starts == sorted(starts)
