"""How a timeline's language reads slashed dates: 03/04/2021 is 3 April in London and
March 4 in New York."""

from __future__ import annotations

# Regions that write the month first; everywhere else that writes slashed dates in
# English puts the day first (en-GB, en-IE, en-AU, en-NZ, en-IN, en-ZA, ...).
_MONTH_FIRST = {"us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "um", "vi"}


def day_first(language: str | None) -> bool | None:
    """True for a language tag that reads 03/04 as 3 April, False for 4 March's US
    order, None when the tag names no region ("en"): then the reading is a guess and the
    tagger marks it ambiguous."""
    if not language:
        return None
    parts = language.replace("_", "-").lower().split("-")
    if len(parts) < 2:
        return None if parts[0] == "en" else True
    return parts[1] not in _MONTH_FIRST
