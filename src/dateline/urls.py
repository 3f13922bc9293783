"""URL pieces of the site side, each made in one place: slugs and trailing slashes (no I/O)."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, limit: int = 60, fallback: str = "x") -> str:
    """An ASCII, lower-case, hyphenated slug that is safe as a file name everywhere."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return slug or fallback


def with_slash(url: str) -> str:
    """url with exactly one trailing slash: how every base path and site address is kept."""
    return url.rstrip("/") + "/"
