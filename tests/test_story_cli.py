"""A running story through the real command line: several articles give one file per
event, a 4th article extracted into a curated folder rewrites no byte a person wrote, and
`--feed` reads only the articles it has not read before."""

from __future__ import annotations

import difflib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_dateline

STORY = Path(__file__).parent / "fixtures" / "story"


def _walkout(folder: Path) -> Path:
    (path,) = folder.glob("2023-09-04-*.yaml")
    return path


def test_three_articles_one_file_per_event_in_any_order(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    a = run_dateline("extract", *(str(STORY / f"a{i}.md") for i in (1, 2, 3)), "--out", str(one),
                     timeout=180)
    assert a.returncode == 0, a.stderr
    b = run_dateline("extract", *(str(STORY / f"a{i}.md") for i in (3, 1, 2)), "--out", str(two),
                     timeout=180)
    assert b.returncode == 0, b.stderr
    assert {p.name: p.read_bytes() for p in one.iterdir()} == \
        {p.name: p.read_bytes() for p in two.iterdir()}
    data = yaml.safe_load(_walkout(one).read_text(encoding="utf-8"))
    assert [s["date_text"] for s in data["sources"]] == ["on Monday", "on 4 September",
                                                         "on September 4"]
    # The strike's start, the talks and the deal: three events, not one per sentence.
    assert len(list(one.glob("2023-*.yaml"))) == 3


def test_a_fourth_article_into_a_curated_folder_rewrites_no_byte_a_person_wrote(
        tmp_path: Path) -> None:
    out = tmp_path / "events"
    first = run_dateline("extract", *(str(STORY / f"a{i}.md") for i in (1, 2, 3)), "--out",
                         str(out), timeout=180)
    assert first.returncode == 0, first.stderr
    walkout = _walkout(out)
    text = walkout.read_text(encoding="utf-8")
    # An editor's curation: a comment, their own title (quoted), a body, tags, a key moved.
    curated = ("# Verified with the union's statement.\n"
               + text.replace("title: Dock workers in Rotterdam walked in a dispute over pay",
                              "title: 'Rotterdam dock workers strike over pay'  # better")
               .replace("people:\n- Rotterdam\n", "")
               + "body: |\n  The first port strike in *decades*.\ntags: [labour, ports]\n")
    walkout.write_text(curated, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    fourth = run_dateline("extract", str(STORY / "a4.md"), "--out", str(out), timeout=180)
    assert fourth.returncode == 0, fourth.stderr
    new = walkout.read_text(encoding="utf-8")
    old_lines, new_lines = curated.splitlines(True), new.splitlines(True)
    ops = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes()
    assert {op for op, *_ in ops} == {"equal", "insert"}
    added = "".join("".join(new_lines[j1:j2]) for op, _, _, j1, j2 in ops if op == "insert")
    assert added.startswith("- title: Rotterdam port back to normal\n")
    assert "reading: \"2023-09-04\"" in added and added.count("- title:") == 1
    assert f"added sources to {walkout}" in fourth.stdout
    # The other files of the folder changed only where the 4th article reports them too.
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    changed = {n for n in before if before[n] != after[n]}
    assert walkout.name in changed and set(after) == set(before)
    talks = next(out.glob("2023-09-07-*.yaml"))
    assert [s["published"].isoformat() for s in yaml.safe_load(talks.read_text())["sources"]] \
        == ["2023-09-08", "2023-09-20"]
    # And again: nothing more to add.
    again = run_dateline("extract", str(STORY / "a4.md"), "--out", str(out), timeout=180)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == after, again.stdout


def test_a_date_a_person_wrote_is_never_changed_by_a_merge(tmp_path: Path) -> None:
    out = tmp_path / "events"
    run_dateline("extract", str(STORY / "a2.md"), "--out", str(out), timeout=180)
    talks = next(out.glob("2023-09-07-*.yaml"))
    # The editor widens the date on purpose; a later precise report must not undo that.
    edited = talks.read_text(encoding="utf-8").replace('date: "2023-09-07"', "date: 2023-09")
    talks.write_text(edited, encoding="utf-8")
    later = run_dateline("extract", str(STORY / "a4.md"), "--out", str(out), timeout=180)
    assert later.returncode == 0, later.stderr
    assert talks.read_text(encoding="utf-8") == edited
    assert f"left {talks} as it is" in later.stdout and "2023-09-07" in later.stdout


PAGE = """<!doctype html><html><head><title>{title}</title>
<meta property="article:published_time" content="{day}">
<link rel="canonical" href="{url}"></head>
<body><article><h1>{title}</h1>{paras}</article></body></html>"""


def _page(md: Path, url: str) -> bytes:
    head, body = md.read_text(encoding="utf-8").split("---", 2)[1:]
    meta = yaml.safe_load(head)
    paras = "".join(f"<p>{p.strip()}</p>" for p in body.split("\n\n") if p.strip())
    return PAGE.format(title=meta["title"], day=meta["published"], url=url,
                       paras=paras).encode()


@pytest.fixture
def newsroom() -> Iterator[tuple[str, dict[str, bytes], list[str]]]:
    """A 127.0.0.1 server of article pages and a feed; yields (base URL, pages, log)."""
    pages: dict[str, bytes] = {}
    log: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            log.append(self.path)
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            kind = "application/atom+xml" if self.path.endswith(".xml") else "text/html"
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"not found")

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", pages, log
    finally:
        httpd.shutdown()
        httpd.server_close()


def _atom(base: str, names: list[str]) -> str:
    entries = "".join(
        f"<entry><id>urn:story:{n}</id><title>{n}</title><link href=\"{base}/{n}.html\"/>"
        f"<updated>2023-09-2{i}T08:00:00Z</updated></entry>" for i, n in enumerate(names))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Port news</title><id>urn:story</id><updated>2023-09-20T08:00:00Z</updated>"
            f"{entries}</feed>")


def test_feed_reads_only_new_articles_and_remembers_them_in_the_content_folder(
        tmp_path: Path, newsroom: tuple[str, dict[str, bytes], list[str]]) -> None:
    base, pages, log = newsroom
    for n in ("a1", "a2", "a3", "a4"):
        pages[f"/{n}.html"] = _page(STORY / f"{n}.md", f"{base}/{n}.html")
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    feed = tmp_path / "feed.xml"
    feed.write_text(_atom(base, ["a1", "a2"]), encoding="utf-8")
    first = run_dateline("-C", str(site), "extract", "--feed", str(feed), timeout=180)
    assert first.returncode == 0, first.stderr
    assert f"{feed}: 2 article(s), 2 not read before" in first.stdout
    assert sorted(log) == ["/a1.html", "/a2.html"]
    memory = yaml.safe_load((site / "content" / "feeds.yaml").read_text(encoding="utf-8"))
    assert memory == {"feeds": {str(feed): ["urn:story:a1", "urn:story:a2"]}}
    walkout = _walkout(site / "content" / "events")
    assert len(yaml.safe_load(walkout.read_text())["sources"]) == 2
    # The next day the feed has two more; only those are fetched. Served by URL this time.
    log.clear()
    pages["/feed.xml"] = _atom(base, ["a1", "a2", "a3", "a4"]).encode()
    feed.write_text(_atom(base, ["a1", "a2", "a3", "a4"]), encoding="utf-8")
    second = run_dateline("-C", str(site), "extract", "--feed", str(feed), timeout=180)
    assert second.returncode == 0, second.stderr
    assert "2 not read before" in second.stdout and sorted(log) == ["/a3.html", "/a4.html"]
    assert len(yaml.safe_load(walkout.read_text())["sources"]) == 4
    log.clear()
    by_url = run_dateline("-C", str(site), "extract", "--feed", f"{base}/feed.xml", timeout=180)
    assert by_url.returncode == 0, by_url.stderr
    # Another feed, so its entries are new to it; the store knows the articles already.
    assert "4 not read before" in by_url.stdout and "0 new file(s)" in by_url.stdout
    third = run_dateline("-C", str(site), "extract", "--feed", str(feed), timeout=180)
    assert "nothing new to extract" in third.stdout


def test_feed_errors_are_clear(tmp_path: Path) -> None:
    missing = run_dateline("extract", "--feed", str(tmp_path / "nope.xml"))
    assert missing.returncode == 1 and "no such file" in missing.stderr
    bad = tmp_path / "bad.xml"
    bad.write_text("this is not a feed <", encoding="utf-8")
    broken = run_dateline("extract", "--feed", str(bad))
    assert broken.returncode == 1 and "not a readable Atom or RSS feed" in broken.stderr
    neither = run_dateline("extract")
    assert neither.returncode == 2 and "--feed" in neither.stderr

