"""What the extraction tests share: a publication day and each event's title by its date."""

from __future__ import annotations

import datetime as dt

from dateline.extract.events import extract_events
from dateline.extract.ingest import Article

BASE = dt.date(2018, 12, 1)  # a Saturday


def titles(text: str) -> dict[str, str]:
    """Each event's date -> its title, for an article published on BASE."""
    article = Article(text=text, title="T", published=BASE, url=None, path="mem.txt")
    return {str(ev.date): ev.title for ev in extract_events(article)}
