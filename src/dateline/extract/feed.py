"""Following a story by its feed: the articles of an Atom or RSS feed not read before.

What has been read is remembered in the content folder (``content/feeds.yaml``), one list
of entry ids per feed, so a daily `dateline extract --feed URL` adds only what is new and
the memory travels with the timeline in git. An entry is remembered only once its article
was extracted: one that failed is tried again next time.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

MEMORY = "feeds.yaml"
_HEADER = ("# The feed entries `dateline extract --feed` has read, by feed. Delete an id to "
           "read that article again.\n")


class FeedError(Exception):
    """The feed cannot be read."""


@dataclass(frozen=True)
class Entry:
    """One article of a feed."""

    id: str  # the entry's id, else its link: what is remembered
    link: str
    published: dt.date | None


def read_feed(feed: str) -> list[Entry]:
    """The entries of an Atom/RSS feed (a file or an http(s) URL) that link to an article,
    in feed order."""
    import feedparser  # only `extract --feed` needs it

    if not feed.startswith(("http://", "https://")) and not Path(feed).is_file():
        raise FeedError(f"{feed}: no such file (give a feed file or an http(s) URL)")
    parsed = feedparser.parse(feed)
    status = getattr(parsed, "status", 200)
    if status >= 400:
        raise FeedError(f"{feed}: the server answered {status}")
    if parsed.bozo and not parsed.entries:
        raise FeedError(f"{feed}: not a readable Atom or RSS feed ({parsed.get('bozo_exception')})")
    out = []
    for item in parsed.entries:
        link = item.get("link") or ""
        if not link:
            continue
        when = item.get("published_parsed") or item.get("updated_parsed")
        day = dt.date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        out.append(Entry(str(item.get("id") or link), link, day))
    return out


def load_memory(content: Path) -> dict[str, list[str]]:
    """Entry ids read so far, by feed."""
    try:
        data = yaml.safe_load((content / MEMORY).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FeedError(f"{content / MEMORY}: cannot read it ({exc}); fix or delete it") from None
    feeds = data.get("feeds") if isinstance(data, dict) else None
    if not isinstance(feeds, dict):
        return {}
    return {str(k): [str(i) for i in v] for k, v in feeds.items() if isinstance(v, list)}


def remember(content: Path, feed: str, ids: list[str]) -> None:
    """Add ``ids`` to what has been read of ``feed`` (sorted: the file diffs well)."""
    memory = load_memory(content)
    memory[feed] = sorted(set(memory.get(feed, [])) | set(ids))
    text = _HEADER + yaml.safe_dump({"feeds": dict(sorted(memory.items()))},
                                    allow_unicode=True, sort_keys=False, width=200)
    content.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=content, prefix=".feeds.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, content / MEMORY)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
