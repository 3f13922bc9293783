"""URL pieces of the site side, each made in one place: slugs and trailing slashes (no I/O)."""

from __future__ import annotations

import re
import unicodedata

# Names Windows keeps for devices, whatever follows a dot: a file tags/con.html cannot be
# checked out there. Event ids are refused; slugs get a suffix.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                              *(f"lpt{i}" for i in range(10))})


def slugify(text: str, limit: int = 60, fallback: str = "x") -> str:
    """An ASCII, lower-case, hyphenated slug that is safe as a file name everywhere."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    if slug in WINDOWS_RESERVED:
        return f"{slug}-{fallback}"
    return slug or fallback


# Characters that show as nothing (zero-width space, word joiner, BOM) or reorder what is
# shown (bidi embeddings, overrides, isolates and marks): in a name they make a second
# name that looks like the first, or one that reads as another.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u180e\u200e\u200f\u061c\u202a-\u202e"
                        "\u2066-\u2069]")
# Zero-width (non-)joiners spell words in Persian, the Indic scripts and emoji sequences:
# kept between two non-ASCII characters, dropped anywhere else (where they only hide).
_JOINER = re.compile("(?<![^\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f])")


def visible_name(text: str) -> tuple[str, str]:
    """(the name in NFC with invisible characters removed and spaces trimmed, a description
    of what was removed or "").

    NFC makes the composed and decomposed spellings of "Café" one name (one tag page).
    """
    name = unicodedata.normalize("NFC", text)
    found = _INVISIBLE.findall(name) + _JOINER.findall(name)
    if not found:
        return name.strip(), ""
    name = _JOINER.sub("", _INVISIBLE.sub("", name)).strip()
    kinds = sorted({f"U+{ord(c):04X} ({unicodedata.name(c, 'format character').lower()})"
                    for c in found})
    return name, ", ".join(kinds)


def with_slash(url: str) -> str:
    """url with exactly one trailing slash: how every base path and site address is kept."""
    return url.rstrip("/") + "/"
