"""The words of a title: tokens joined with their own spacing, punctuation left hanging by
dropped phrases, weak words at either end, and the checks that say a title is not yet one
an editor would keep. titles.py decides which constituents a title holds; this module
decides how they read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

QUOTES = "\"“”‘’'"
# Marks that bound a phrase: dropped with it, unless they still set off what follows.
BOUNDING = {",", "-", "–", "—", ";", ":"}


def n_words(tokens: Iterable[Any]) -> int:
    """Words of a title, not counting punctuation or a possessive ending."""
    return sum(1 for t in tokens if not t.is_punct and t.text not in ("'s", "’s"))


def cut_at_end(raw: str, text: str) -> bool:
    """Whether tidying cut the last word of the raw title."""
    last = [w for w in re.findall(r"[\w'’-]+", raw)][-1:]
    return bool(last) and not text.rstrip(" .").endswith(last[0])


def join(tokens: list[Any], replace: dict[int, str]) -> str:
    """The tokens as text: original spacing between neighbours, one space over a gap."""
    parts: list[str] = []
    prev: Any = None
    kept = {t.i for t in tokens}
    for t in tokens:
        if t.text in BOUNDING and not (t.i - 1 in kept and t.i + 1 in kept) \
                and _bounds_a_gap(t, kept):
            continue
        text = replace.get(t.i, t.text)
        if prev is not None:
            if t.i == prev.i + 1:
                parts.append(prev.whitespace_)
            elif not (t.is_punct and (t.text in ",.;:!?" or t.tag_ == "''")) \
                    and t.text not in ("'s", "’s", "n't"):
                parts.append(" ")
        parts.append(text)
        prev = t
    return "".join(parts)


def _bounds_a_gap(mark: Any, kept: set[int]) -> bool:
    """Whether a comma or dash beside dropped words bounded them and goes with them.

    ", on Friday," around a dropped date goes with it; so does a mark with nothing kept on
    one side, or with the gap on its right ("Smith[, 54], resigned"). But in "declared an
    emergency on Friday, the first in its history" the comma after the dropped date still
    sets off what follows: it stays.
    """
    left = max((i for i in kept if i < mark.i), default=None)
    right = min((i for i in kept if i > mark.i), default=None)
    if left is None or right is None:
        return True
    doc = mark.doc
    if right == mark.i + 1 and left < mark.i - 1:  # a gap on the left
        # Only after a finished noun phrase: "was [in 1967], after the war" is better
        # without the comma, and so is "Syria[, already hampered by ...], had been".
        return any(t.text in BOUNDING for t in doc[left:mark.i]) \
            or doc[left].pos_ not in ("NOUN", "PROPN", "NUM") \
            or doc[right].pos_ in ("VERB", "AUX")
    return True


def tidy(text: str, keep_last: bool = False) -> str:
    """Punctuation left hanging by dropped phrases, quotes left unbalanced, a weak word at
    either end; the first letter capitalised."""
    text = " ".join(text.replace("``", "“").replace("''", "”").split())
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    for a, b in (("“", "”"), ("(", ")")):
        if text.count(a) != text.count(b):
            text = text.replace(a, "").replace(b, "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    text = text.strip(" ,;:.-–—")
    # "to launch as early as [March]": the comparison goes with its date.
    text = re.sub(r"(?i)\s+as\s+(?:early|late|soon|recently|far back|long ago)(?:\s+as)?$", "",
                  text)
    words = text.split()
    while len(words) > 2 and not keep_last and _weak(words[-1]) and not _MONTH_BEFORE.match(
            " ".join(words[-2:])) and not _NUMBERED.match(" ".join(words[-2:])) \
            and not _EXTENT_END.search(" ".join(words[-3:])):
        words.pop()
    while len(words) > 2 and words[0].lower().strip(",") in _LEAD_WORDS:
        words.pop(0)
    text = " ".join(words).strip(" ,;:.-–—")
    if re.match(r"[a-z]+[A-Z]", text):
        return text  # "iPhone", "eBay": a name's own spelling
    return text[:1].upper() + text[1:]


_WEAK_WORDS = {"the", "a", "an", "of", "to", "and", "or", "but", "in", "on", "at", "by", "for",
               "from", "with", "as", "that", "which", "who", "its", "his", "her", "their",
               "was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would",
               "than", "into", "over", "about", "after", "before", "since", "until", "during",
               "while", "when", "this", "these", "those", "such", "if", "not", "nor", "so",
               "because", "although", "though", "unless", "whether", "whose", "where"}
_LEAD_WORDS = {"and", "but", "or", "so", "yet", "however", "meanwhile", "also", "then",
               "still", "instead", "moreover", "furthermore", "thus", "indeed", "earlier",
               "later", "previously", "separately", "finally", "eventually", "now",
               "subsequently", "afterwards", "additionally"}


PARTICLES = {"in", "down", "up", "out", "off", "over", "away", "back", "on"}
# "Nov. 9", "June 12": a number after a month is a day, not a dangling count.
_MONTH_BEFORE = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
                           r"[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?$")


# "No 10", "Apollo 13", "Chapter 11": a number that names a thing ends a title well, and
# so does a count after its preposition ("stood at 217", "rose to 1,200").
_NUMBERED = re.compile(r"(?:No\.?|Apollo|Chapter|Article|Section|Title|Gate|Terminal|Pier|"
                       r"Platform|Route|Highway|Unit|Block|Flight|Resolution|aged|of|to|at|"
                       r"from|with|than|about|nearly|almost|around|over|under)\s+\d[\d,.]*$")
# "stretched into 2025": a year its verb needs, put back on purpose, is no weak end.
_EXTENT_END = re.compile(r"\b(?:into|until|till|back to)\s+\d{4}$")


def _weak(word: str) -> bool:
    w = word.lower().strip(",;:")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", w):
        return False  # "could reach 10,000": a count, never what is left of a date
    return w in _WEAK_WORDS or w.replace(",", "").replace(".", "").isdigit() \
        or all(c in QUOTES for c in w)


def problems(title: str) -> list[str]:
    """Why ``title`` is not a title an editor would keep as it is (empty when it is)."""
    out = []
    words = title.split()
    if len(words) < 2:
        out.append("title too short")
    if words and _weak(words[-1]) and not _MONTH_BEFORE.match(" ".join(words[-2:])) \
            and not _NUMBERED.match(" ".join(words[-2:])) \
            and not _EXTENT_END.search(title) \
            and words[-1].lower() not in PARTICLES:
        out.append("title ends on a weak word")
    if words and words[0].lower() in {"he", "she", "it", "they", "his", "her", "its",
                                      "their", "we", "i", "you", "this", "that"}:
        out.append("title starts with a pronoun")
    if title[:1].islower() and not re.match(r"[a-z]+[A-Z]", title):
        out.append("title starts in lower case")
    return out
