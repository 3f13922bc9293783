"""Ingest: text, Markdown, HTML and URL articles in; clean text and metadata out."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dateline.extract import ingest
from dateline.extract.ingest import IngestError, load_article

FIX = Path(__file__).parent / "fixtures" / "articles"
# The repository's own copy of the seed article, with its committed metadata sidecar.
SEED = Path(__file__).resolve().parents[1] / "seeds" / "belarus-russia-training.txt"


def test_text_with_sidecar_metadata_and_furniture_dropped() -> None:
    art = load_article(str(FIX / "harbour.txt"))
    assert art.title == "Port city opens new harbour bridge after years of delay"
    assert art.published == dt.date(2021, 3, 20)
    assert art.url == "https://example.org/news/harbour-bridge"
    assert art.text.startswith("The city council of Valmora opened")
    for junk in ("By Jane Doe", "Picture credit", "Photo:", "Share this", "Related",
                 "ferry route", "Council budget", "Leave a Reply", "Posted on", "Great news"):
        assert junk not in art.text, junk
    assert art.title not in art.text  # the repeated title line is gone
    assert "\n\n" in art.text and "\n\n\n" not in art.text


def test_published_argument_overrides() -> None:
    art = load_article(str(FIX / "harbour.txt"), published=dt.date(2021, 4, 1))
    assert art.published == dt.date(2021, 4, 1)


def test_markdown_front_matter_and_syntax_stripped() -> None:
    art = load_article(str(FIX / "election.md"))
    assert art.title == "Snap election called in Norland"
    assert art.published == dt.date(2023, 5, 10)
    assert art.url == "https://example.org/norland-election"
    assert "Prime Minister Erik Halvorsen called a snap election for June 18" in art.text
    assert "won the 2021 vote." in art.text
    for junk in ("**", "*June", "](", "![", "rally.jpg", "# ", "> ", "Read more", "---"):
        assert junk not in art.text, junk
    assert "Parliament was dissolved in April" in art.text  # blockquote text kept


def test_txt_front_matter_and_first_line_title(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("---\npublished: 2020-01-02\n---\nA headline without a stop\n\n"
                 "A headline without a stop\n\nThe body of the article is this sentence here.\n",
                 encoding="utf-8")
    art = load_article(str(p))
    assert art.title == "A headline without a stop"
    assert art.published == dt.date(2020, 1, 2)
    assert art.text == "The body of the article is this sentence here."


def test_html_keeps_only_the_article() -> None:
    art = load_article(str(FIX / "summit.html"))
    assert art.title == "Leaders agree climate fund at Lisbon summit"
    assert art.published == dt.date(2023, 11, 30)
    assert art.url == "https://news.example.com/2023/11/climate-fund"
    assert "European leaders agreed a new climate adaptation fund" in art.text
    assert "first proposed by Portugal in September 2021" in art.text
    # Comments, cookie banner, menus, captions, related links and footer carry dates too.
    for junk in ("2008", "1997", "1887", "1999", "2015", "2012", "October 2023", "cookie",
                 "Floods", "Home", "Share on", "Copyright", "Tom Reporter"):
        assert junk not in art.text, junk


@pytest.mark.parametrize(("name", "message"), [
    ("empty.txt", "file is empty"),
    ("blank.txt", "file is empty"),
    ("nothing.html", "no article text found"),
    ("missing.txt", "no such file"),
])
def test_bad_input_names_the_file(name: str, message: str) -> None:
    path = str(FIX / name)
    with pytest.raises(IngestError) as err:
        load_article(path, published=dt.date(2022, 1, 1))
    assert str(err.value) == f"{path}: {message}"


def test_no_publication_date(tmp_path: Path) -> None:
    p = tmp_path / "undated.txt"
    p.write_text("Something happened in the town square on a quiet afternoon.\n")
    with pytest.raises(IngestError) as err:
        load_article(str(p))
    assert str(err.value) == f"{p}: no publication date; pass --published YYYY-MM-DD"


def test_binary_directory_and_bad_metadata(tmp_path: Path) -> None:
    b = tmp_path / "img.txt"
    b.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(IngestError, match=r"img\.txt: binary file"):
        load_article(str(b))
    with pytest.raises(IngestError, match="not a file"):
        load_article(str(tmp_path))
    fm = tmp_path / "fm.md"
    fm.write_text("---\npublished: last tuesday\n---\nBody text of a reasonable length here.\n")
    with pytest.raises(IngestError, match=r"fm\.md: published 'last tuesday' is not a date"):
        load_article(str(fm))
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\nBody text.\n")
    with pytest.raises(IngestError, match=r"broken\.md: front matter is not valid YAML"):
        load_article(str(broken))


def test_cp1252_is_read_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "legacy.txt"
    p.write_bytes("The minister\u2019s caf\u00e9 reopened on Monday after a long closure.\n"
                  .encode("cp1252"))
    art = load_article(str(p), published=dt.date(2022, 5, 5))
    assert "minister\u2019s caf\u00e9 reopened" in art.text
    assert art.warnings == (f"{p}: not valid UTF-8; read as Windows-1252",)


def test_utf8_bom_accepted(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffThe council met on Monday and approved the plan in full.\n"
                  .encode("utf-8"))
    art = load_article(str(p), published=dt.date(2022, 5, 5))
    assert art.text.startswith("The council") and not art.warnings


def test_html_sniffed_without_suffix(tmp_path: Path) -> None:
    p = tmp_path / "page"
    shutil.copy(FIX / "summit.html", p)
    assert "European leaders agreed" in load_article(str(p)).text


def test_seed_with_sidecar() -> None:
    art = load_article(str(SEED))
    assert art.published == dt.date(2022, 12, 6)
    assert art.title and art.title.startswith("Russian military training")
    assert art.title not in art.text
    for junk in ("Picture credit", "Leave a Reply", "Akismet"):
        assert junk not in art.text


def test_trafilatura_is_imported_lazily() -> None:
    code = "import sys, dateline.extract.ingest; print('trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------- URLs

@pytest.fixture
def server() -> Iterator[str]:
    """Serve tests/fixtures/articles on 127.0.0.1 from a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(FIX))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_url_fetched_and_extracted(server: str) -> None:
    art = load_article(f"{server}/summit.html")
    assert art.published == dt.date(2023, 11, 30)
    assert art.path == f"{server}/summit.html"
    assert "European leaders agreed" in art.text and "1997" not in art.text


def test_url_errors(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(IngestError, match=r"/nope\.html: HTTP 404"):
        load_article(f"{server}/nope.html")
    monkeypatch.setattr(ingest, "MAX_FETCH_BYTES", 100)
    with pytest.raises(IngestError, match="page larger than"):
        load_article(f"{server}/summit.html")


def test_url_unreachable() -> None:
    with pytest.raises(IngestError, match="could not fetch"):
        load_article("http://127.0.0.1:9/article.html")


# ------------------------------------------------------------------- hostile input

def _raw_server(reply: Callable[[socket.socket], None]) -> Iterator[str]:
    """A one-connection-at-a-time TCP server on 127.0.0.1 that answers with ``reply``."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with conn, contextlib.suppress(OSError):
                conn.recv(65536)
                reply(conn)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/a.html"
    finally:
        stop.set()
        thread.join(2)
        sock.close()


def test_a_trickling_server_meets_one_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "FETCH_TIMEOUT_S", 1.5)

    def trickle(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
        for _ in range(40):  # a byte every 0.2 s: never a read timeout, 8 s in all
            conn.sendall(b"x")
            time.sleep(0.2)

    started = time.monotonic()
    for url in _raw_server(trickle):
        with pytest.raises(IngestError, match="no complete page within"):
            load_article(url, dt.date(2022, 1, 1))
    assert time.monotonic() - started < 6


@pytest.mark.parametrize("reply", [
    b"NOT HTTP AT ALL\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 70000 + b"\r\n\r\n",
    b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(150)) + b"\r\n",
])
def test_malformed_responses_are_clear_messages(reply: bytes) -> None:
    for url in _raw_server(lambda conn: conn.sendall(reply)):
        with pytest.raises(IngestError, match="127.0.0.1"):
            load_article(url, dt.date(2022, 1, 1))


def test_front_matter_aliases_and_oversized_files_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.md"
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
              for p, c in zip("abcdefgh", "bcdefghi", strict=True)]
    bomb.write_text("\n".join([*lines, "title: *i", "---", "", "Body " * 50]), encoding="utf-8")
    with pytest.raises(IngestError, match="aliases"):
        load_article(str(bomb), dt.date(2022, 1, 1))
    long = tmp_path / "long.txt"
    long.write_bytes(b"word " * (ingest.MAX_ARTICLE_CHARS // 5 + 10))
    with pytest.raises(IngestError, match="characters of text"):
        load_article(str(long), dt.date(2022, 1, 1))
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (ingest.MAX_FETCH_BYTES // 5 + 10))
    with pytest.raises(IngestError, match="larger than"):
        load_article(str(big), dt.date(2022, 1, 1))


def test_a_run_on_sentence_gives_a_bounded_quote() -> None:
    from dateline.extract.events import MAX_QUOTE, extract_events

    text = "The council approved the plan in March 2020 " + "and more " * 3000 + "."
    art = ingest.Article(text=text, title="T", published=dt.date(2022, 1, 1), url=None,
                         path="mem")
    evs = extract_events(art)
    assert evs and all(len(e.quote) <= MAX_QUOTE + 2 for e in evs)


@pytest.mark.parametrize("first, kept", [
    ("WASHINGTON — The Supreme Court ruled on Friday.", "The Supreme Court ruled on Friday."),
    ("SAN FRANCISCO (AP) - Apple said on Monday it would cut prices.",
     "Apple said on Monday it would cut prices."),
    ("LONDON, June 24 — Markets fell.", "Markets fell."),
    ("GWANGJU, South Korea — A court jailed him.", "A court jailed him."),
    ("PORT OF SPAIN, Trinidad and Tobago — Rain fell.", "Rain fell."),
    ("Paris — the city of light — wept.", "Paris — the city of light — wept."),
])
def test_a_newswire_dateline_is_not_the_first_sentences_subject(first: str, kept: str) -> None:
    assert ingest.clean_paragraphs([first, "WASHINGTON — stays in a later paragraph."], None) == [
        kept, "WASHINGTON — stays in a later paragraph."]
