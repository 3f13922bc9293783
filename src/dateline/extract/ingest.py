"""Ingest: read an article (text, Markdown, HTML file or http(s) URL) into clean text.

The output is an :class:`Article` whose ``text`` holds only the article body, paragraphs
separated by blank lines. Page furniture (captions, share buttons, comment sections,
related links, cookie banners, bylines) is dropped here by general rules, because every
such line can carry a date of its own that the extractor would otherwise turn into an
event.

Encoding policy: files are read as UTF-8 (a BOM is accepted). Anything else is decoded as
Windows-1252, the usual encoding of legacy news text, and the article carries a warning
saying so; text that still contains control characters is rejected as binary.
"""

from __future__ import annotations

import contextlib
import datetime
import http.client
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from dateline.dates import DateError, as_day

MAX_FETCH_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT_S = 15.0
MIN_ARTICLE_WORDS = 8
# The parser's own limit (spaCy's max_length): beyond it parsing needs gigabytes.
MAX_ARTICLE_CHARS = 1_000_000
_USER_AGENT = "dateline/0.1 (+article extractor)"


class IngestError(Exception):
    """Bad input; the message names the file or URL and says what is wrong."""


@dataclass(frozen=True)
class Article:
    """A cleaned article and the metadata the extractor needs."""

    text: str
    title: str | None
    published: datetime.date | None
    url: str | None
    path: str
    warnings: tuple[str, ...] = ()
    # A plain-text file's whole decoded text, title line included: `dateline tag` gives
    # offsets into it, so that `text == file_text[start:end]` holds for the user's file.
    source_text: str | None = None
    # The date the article gives itself, even when --published overrode it.
    own_published: datetime.date | None = None


# --------------------------------------------------------------------------- furniture

# A paragraph that starts the comment section: it and everything after it are dropped.
_COMMENTS_START = re.compile(
    r"^(leave a (reply|comment)|post a comment|add a comment|join the (discussion|conversation)"
    r"|\d+\s+(comments?|responses?|replies)|comments?( \(\d+\))?|responses?|discussion)\s*:?$",
    re.I,
)
# Whole-paragraph furniture, matched anywhere in a short paragraph.
_FURNITURE = [
    re.compile(r"\b(picture|photo(graph)?|image|video|illustration)\s+(credit|by|source)\s*:",
               re.I),
    re.compile(r"^(photo|picture|image|caption|credit|photograph|file photo)\s*:", re.I),
    re.compile(r"\b(getty images|shutterstock|afp via getty)\b", re.I),
    re.compile(r"\bakismet\b|comment data is processed|your email address will not be", re.I),
    re.compile(r"required fields are marked|comment policy|log in to (reply|comment)", re.I),
    re.compile(r"\bcookies?\b.*\b(accept|consent|privacy|we use|uses|preferences)\b", re.I),
    re.compile(r"\b(we use|this (web)?site uses)\b.*\bcookies?\b", re.I),
    re.compile(r"^(subscribe|sign up|follow us|advertisement|sponsored|tags|filed under)\b", re.I),
    re.compile(r"(©|\(c\)|copyright)\s*\d{4}|all rights reserved", re.I),
    re.compile(r"^(published|updated|posted|last updated|first published)\b", re.I),
    re.compile(r"^(?i:by|written by|reporting by|words by|editing by|additional reporting by)\s"
               r"[A-Z][\w.'’-]*(\s+(and\s+)?[A-Z][\w.'’-]*){0,5}\s*([,;|].{0,60})?$"),
    re.compile(r"^\(?(reuters|ap|afp|ap photo|epa|pa)\)?$", re.I),
]
_FURNITURE_MAX_WORDS = 30
# "Related:", "Read more", ... either inline ("Read more: headline") or as a list heading.
_RELATED = re.compile(
    r"^(related( articles| stories| posts| coverage| content)?|read (more|also|next)|see also"
    r"|more on this( story)?|recommended( for you)?|you (may|might) also like|most (read|popular)"
    r"|trending( now)?|more from)\b\s*[:›»>-]?",
    re.I,
)
_SHARE_WORDS = {
    "share", "this", "article", "on", "tweet", "email", "e-mail", "print", "facebook",
    "twitter", "x", "linkedin", "whatsapp", "copy", "link", "pinterest", "reddit", "telegram",
    "messenger", "save", "comment", "comments", "via", "story", "page",
}
# Wire-service dateline at the start of a paragraph: "LONDON (Reuters) - ".
_WIRE_PREFIX = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}\((reuters|ap|afp|upi|pa)\)\s*[-–—]\s*", re.I)
# A newswire dateline before the first sentence: "WASHINGTON —", "SAN FRANCISCO (AP) -",
# "LONDON, June 24 —", "GWANGJU, South Korea —". Capitals only, so "Paris — the city of light" stays.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,30}"
                       r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+(?:[A-Z][A-Za-z.]+|and|of|de|del|da)){0,3}"
                       r"(?:\s+\d{1,2})?)?"
                       r"(?:\s*\([A-Za-z .]{1,20}\))?\s*[-–—]+\s+")
_TRAILING_CREDIT = re.compile(r"\s*\((reuters|ap|afp|getty images|epa)[^)]{0,40}\)\s*$", re.I)


def strip_dateline(para: str) -> str:
    """``para`` without a newswire dateline at its start ("WASHINGTON —")."""
    return _DATELINE.sub("", para)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def _is_share_line(para: str) -> bool:
    words = re.findall(r"[\w-]+", para.casefold())
    return 0 < len(words) <= 12 and all(w in _SHARE_WORDS for w in words)


def _looks_like_list_item(para: str) -> bool:
    """Headline-like line: a bullet, or short and without sentence-ending punctuation."""
    if re.match(r"^\s*([-*•·]|\d+[.)])\s", para):
        return True
    return len(para.split()) <= 20 and not re.search(r"[.!?…][\"'”’)]*$", para)


def clean_paragraphs(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop page furniture and repeated title lines; stop at the comment section."""
    out: list[str] = []
    title_key = _norm(title) if title else None
    in_related = False
    for raw in paragraphs:
        para = re.sub(r"\s+", " ", raw).strip()
        if not para:
            continue
        if _COMMENTS_START.match(para):
            break
        if in_related:
            if _looks_like_list_item(para):
                continue
            in_related = False
        if title_key and _norm(para) == title_key:
            continue
        m = _RELATED.match(para)
        if m:
            # A bare heading starts a list of links; an inline "Read more: X" is one link.
            in_related = not para[m.end():].strip()
            continue
        if _is_share_line(para):
            continue
        if len(para.split()) <= _FURNITURE_MAX_WORDS and any(p.search(para) for p in _FURNITURE):
            continue
        para = _WIRE_PREFIX.sub("", para)
        if not out:
            para = strip_dateline(para)
        if len(para.split()) <= _FURNITURE_MAX_WORDS:
            para = _TRAILING_CREDIT.sub("", para)
        if para:
            out.append(para)
    return out


# ----------------------------------------------------------------------------- metadata

def _parse_date(value: Any, where: str) -> datetime.date | None:
    try:
        return as_day(value)
    except DateError:
        raise IngestError(f"{where}: published {str(value).strip()!r} is not a date (YYYY-MM-DD)") from None


def _meta_from_mapping(data: Any, where: str) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise IngestError(f"{where}: metadata must be a mapping of title/published/url")
    meta: dict[str, Any] = {}
    for key in ("title", "url"):
        if data.get(key) not in (None, ""):
            meta[key] = str(data[key]).strip()
    date = data.get("published", data.get("date"))
    if date not in (None, ""):
        meta["published"] = _parse_date(date, where)
    return meta


def _split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    m = re.match(r"\A---[ \t]*\n(.*?\n)?(---|\.\.\.)[ \t]*(\n|\Z)", text, re.S)
    if not m:
        return {}, text
    try:
        # Metadata has no use for aliases, and nested ones can expand without bound.
        if any(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(m.group(1) or "")):
            raise IngestError(f"{where}: front matter uses YAML aliases (*name); write the "
                              "values out")
        data = yaml.safe_load(m.group(1) or "")
    except yaml.YAMLError as exc:
        raise IngestError(f"{where}: front matter is not valid YAML: {exc}") from None
    return _meta_from_mapping(data, where), text[m.end():]


def _sidecar_meta(path: Path) -> dict[str, Any]:
    # Both "<name>.meta.yaml" and "<name>.<ext>.meta.yaml" are accepted.
    for cand in (path.with_suffix(".meta.yaml"), path.with_name(path.name + ".meta.yaml")):
        if cand.is_file():
            try:
                data = yaml.safe_load(cand.read_text(encoding="utf-8-sig"))
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                raise IngestError(f"{cand}: not valid YAML: {exc}") from None
            return _meta_from_mapping(data, str(cand))
    return {}


# ---------------------------------------------------------------------------- decoding

def _decode(data: bytes, where: str) -> tuple[str, list[str]]:
    if not data.strip():
        raise IngestError(f"{where}: file is empty")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{where}: binary file, not an article")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if re.search(r"[\x00-\x08\x0e-\x1f\x7f]", text) or text.count("\ufffd") > 3:
        raise IngestError(f"{where}: binary or unknown encoding (expected UTF-8 text)")
    return text, [f"{where}: not valid UTF-8; read as Windows-1252"]


def _paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def _is_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


# ---------------------------------------------------------------------------- formats

def _from_plain(text: str, meta: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    paras = _paragraphs(text)
    title = meta.get("title")
    first = re.sub(r"\s+", " ", paras[0]).strip() if paras else ""
    # An untitled text file's first line is its title when it reads like a headline.
    if not title and first and "\n" not in paras[0].strip() and len(first.split()) <= 20 \
            and not re.search(r"[.!?:;,]$", first):
        title = first
    meta = {**meta, "title": title} if title else meta
    return "\n\n".join(clean_paragraphs(paras, title)), meta


_MD_RULES = [
    (re.compile(r"^```.*?^```[ \t]*$", re.M | re.S), ""),          # code fences
    (re.compile(r"<!--.*?-->", re.S), ""),                          # HTML comments
    (re.compile(r"^#{1,6}\s.*$", re.M), ""),                        # headings are not prose
    (re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M), ""),  # horizontal rules
    (re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.M), ""),    # link definitions
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),                      # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                  # inline links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),                 # reference links
    (re.compile(r"<[^>\n]+>"), ""),                                 # inline HTML tags
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),                  # blockquotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.M), ""),      # list markers
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),                       # bold
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),                              # inline code
]


def markdown_to_text(md: str) -> str:
    """Strip Markdown syntax, keeping paragraph breaks."""
    md = md.replace("\r\n", "\n")
    for pattern, repl in _MD_RULES:
        md = pattern.sub(repl, md)
    return md


def _from_html(html: str | bytes, where: str, url: str | None) -> tuple[str, dict[str, Any]]:
    import trafilatura  # heavy import, only paid for HTML input

    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=False, include_images=False,
        with_metadata=True, favor_precision=True, deduplicate=True,
        # A page's own metadata only: an extensive search picks up comment or footer dates.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise IngestError(f"{where}: no article text found in the HTML page")
    meta: dict[str, Any] = {}
    if doc.title:
        meta["title"] = doc.title.strip()
    if doc.url:
        meta["url"] = doc.url
    if doc.date:
        with contextlib.suppress(ValueError):  # a malformed page date counts as none
            meta["published"] = datetime.date.fromisoformat(doc.date[:10])
    # trafilatura puts one paragraph per line.
    paras = [line for line in text.split("\n") if line.strip()]
    return "\n\n".join(clean_paragraphs(paras, meta.get("title"))), meta


def _fetch(url: str) -> tuple[bytes, str]:
    req = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    # The socket timeout is per read: a server sending a byte every few seconds would hold
    # the fetch for ever. The whole download has one deadline.
    deadline = time.monotonic() + FETCH_TIMEOUT_S
    try:
        with urllib.request.urlopen(req, timeout=FETCH_TIMEOUT_S) as resp:  # noqa: S310
            ctype = resp.headers.get("Content-Type", "")
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_FETCH_BYTES:
                if time.monotonic() > deadline:
                    raise IngestError(f"{url}: no complete page within {FETCH_TIMEOUT_S:g} s")
                chunk = resp.read1(65536) if hasattr(resp, "read1") else resp.read(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            data = b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise IngestError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise IngestError(f"{url}: could not fetch: {reason}") from None
    except (http.client.HTTPException, ValueError) as exc:
        # A bad status line, an oversized or endless header block: not a web page.
        raise IngestError(f"{url}: not a valid HTTP response ({type(exc).__name__})") from None
    if len(data) > MAX_FETCH_BYTES:
        raise IngestError(f"{url}: page larger than {MAX_FETCH_BYTES // (1024 * 1024)} MB")
    return data, ctype


# ---------------------------------------------------------------------------- entry point

def load_article(source: str, published: datetime.date | None = None) -> Article:
    """Read an article from a file path or http(s) URL into an :class:`Article`.

    ``published`` overrides the article's own date. Raises :class:`IngestError` (message
    names the source) for missing, empty, binary or textless input and when no
    publication date is known.
    """
    warnings: list[str] = []
    source_text: str | None = None
    if re.match(r"^https?://", source, re.I):
        data, ctype = _fetch(source)
        if "text/plain" in ctype:
            text, warnings = _decode(data, source)
            body, meta = _from_plain(text, {})
        else:
            if not data.strip():
                raise IngestError(f"{source}: empty response")
            body, meta = _from_html(data, source, source)
        meta.setdefault("url", source)
    else:
        path = Path(source)
        if not path.exists():
            raise IngestError(f"{source}: no such file")
        if not path.is_file():
            raise IngestError(f"{source}: not a file")
        try:
            if path.stat().st_size > MAX_FETCH_BYTES:
                raise IngestError(f"{source}: larger than {MAX_FETCH_BYTES // (1024 * 1024)} MB; "
                                  "an article is a few hundred KB at most")
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(f"{source}: cannot read: {exc.strerror}") from None
        text, warnings = _decode(data, source)
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm", ".xhtml") or (suffix not in (".md", ".markdown")
                                                      and _is_html(text)):
            body, meta = _from_html(text, source, None)
            meta.update(_sidecar_meta(path))
        else:
            meta, rest = _split_front_matter(text, source)
            meta.update(_sidecar_meta(path))
            if suffix in (".md", ".markdown"):
                h1 = re.search(r"^#\s+(.+?)\s*#*\s*$", rest, re.M)
                if h1 and not meta.get("title"):
                    meta["title"] = h1.group(1)
                rest = markdown_to_text(rest)
            else:
                source_text = text
            body, meta = _from_plain(rest, meta)
    # A menu word or two left over from a page is not an article.
    if len(body) > MAX_ARTICLE_CHARS:
        raise IngestError(f"{source}: {len(body):,} characters of text; an article is at most "
                          f"{MAX_ARTICLE_CHARS:,} (split a longer document into articles)")
    if len(body.split()) < MIN_ARTICLE_WORDS:
        raise IngestError(f"{source}: no article text found")
    date = published or meta.get("published")
    if date is None:
        raise IngestError(f"{source}: no publication date; pass --published YYYY-MM-DD")
    return Article(text=body, title=meta.get("title"), published=date, url=meta.get("url"),
                   path=source, warnings=tuple(warnings), source_text=source_text,
                   own_published=meta.get("published"))
